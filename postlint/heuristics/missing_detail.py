"""missing-detail (PL305): no number, date, name, place, product or first-person event.

## What it does
Reports a post that has none of the details a specific post has: a number, a
date or time, a named person, organization, place or product, or a
first-person event in the past tense ("I shipped", "we lost").

This signal alone never flags a post. It is reported only next to other
findings and raises the calendar score of posts that other rules flagged.

## Why is this bad?
Details are what make a post the author's own. Without them any account could
have posted it on any day.

## Example
    Never give up on your dreams. #motivation

## Use instead
    In 2019 I quit my job at the bank to open a bakery; we broke even in month 14.

## Known false positives
None on its own, since it never reports alone.
"""
from __future__ import annotations

from ..findings import Violation
from ..ruleset import Score
from ._base import Heuristic


class MissingDetail(Heuristic):
    id = "PL305"
    name = "missing-detail"
    message = "No concrete detail: no number, date, name, place or first-person event."
    why = "Without specifics any account could have posted this on any day."
    suggestion = "Add one detail only you know: a number, a date, a name, or what you did."
    bad = ("Never give up on your dreams. Believe in yourself.",)
    good = ("In 2019 I quit my job at the bank to open a bakery; we broke even in month 14.",)
    uses_ = frozenset({"tag"})
    theme = ()
    score = Score(points=12, amplifier=True)

    def check(self, ctx):
        f = ctx.features
        if f.words < 3:
            return
        if f.concrete == 0:
            text = ctx.text
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            if end > start:
                yield Violation(start, end, self.message)


RULE = MissingDetail
