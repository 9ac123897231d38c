"""abstract-nouns (PL304): a post dense with abstractions and thin on things.

## What it does
Counts abstract nouns from the motivational vocabulary (success, dream,
passion, courage, mindset, journey, greatness...) against the post's words,
and flags a post where at least three of them make up a large share.

## Why is this bad?
Abstractions are what a post sounds like when nothing happened in it.
Concrete nouns (the client, the spreadsheet, the 6 am train) carry the story.

## Example
    Success is a journey of passion, courage and the right mindset.

## Use instead
    The client signed after the third demo, the one where the export finally worked.

## Known false positives
Essays about the concepts themselves (a post on the psychology of motivation);
the share is measured, so a long concrete post with a few such nouns passes.
"""
from __future__ import annotations

from ..findings import Violation
from ..ruleset import Score
from ..textutil import crude_stem
from ._base import ABSTRACT, Heuristic

MIN_COUNT = 3
MIN_SHARE = 0.12


class AbstractNouns(Heuristic):
    id = "PL304"
    name = "abstract-nouns"
    message = "{count} abstract nouns in {words} words ({share:.0%})."
    why = "A post made of abstractions (success, passion, journey) has no event in it."
    suggestion = "Swap two abstractions for the concrete things behind them: who, what, which number."
    bad = ("Success is a journey of passion, courage and the right mindset.",
           "Dreams need courage. Courage needs faith. Faith builds greatness.")
    good = ("We shipped the export to 3 customers on Friday; the CSV bug cost us a day.",
            "Success for this sprint: the invoice page loads in under 2 seconds.")
    theme = ("success",)
    score = Score(points=10, max=16)

    def check(self, ctx):
        toks = ctx.words
        hits = abstract_hits(toks)
        if hits:
            share = len(hits) / len(toks)
            msg = self.message.format(count=len(hits), words=len(toks), share=share)
            yield Violation(hits[0].start, hits[-1].end, msg,
                            data={"count": len(hits), "words": len(toks), "share": round(share, 3),
                                  "nouns": sorted({t.key for t in hits})})


def abstract_hits(toks) -> list:
    """The abstract words among ``toks`` when they make the passage abstract (at least MIN_COUNT
    of them and MIN_SHARE of the words), else []."""
    if len(toks) < 4:
        return []
    hits = [t for t in toks if crude_stem(t.key) in ABSTRACT]
    return hits if len(hits) >= MIN_COUNT and len(hits) / len(toks) >= MIN_SHARE else []


RULE = AbstractNouns
