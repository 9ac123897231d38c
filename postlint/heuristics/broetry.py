"""broetry (PL406): one short sentence per line, line after line.

## What it does
Flags posts of five or more lines where most lines are a single short sentence
("broetry"), the layout of engagement-farming LinkedIn posts.

## Why is this bad?
Breaking a thin thought into a staircase of lines makes it look weightier than
it is; readers recognise the format and scroll on.

## Example
    I got fired.
    I cried.
    Then I smiled.
    Because rejection is redirection.
    Never give up.

## Use instead
    Write paragraphs: what happened, in order, with the detail that made it matter.

## Known false positives
Lists (ingredients, agenda items, gratitude lists) and poems; list markers
("-", "1.") are not counted as broetry lines.
"""
from __future__ import annotations

import re

from ..findings import Violation
from ..ruleset import Score
from ._base import Heuristic

LIST_MARK = re.compile(r"^\s*(?:[-*•·–]|\d+[.)]|[a-z][.)])\s")


class Broetry(Heuristic):
    id = "PL406"
    name = "broetry"
    message = "{n} one-sentence lines in a row."
    why = "A staircase of one-line sentences makes a thin thought look weighty; readers know the format."
    suggestion = "Join the lines into a paragraph and add the detail that made the moment matter."
    bad = ("I got fired.\nI cried.\nThen I smiled.\nBecause rejection is redirection.\nNever give up.",)
    good = ("Shopping list:\n- eggs\n- flour\n- milk\n- butter\n- sugar",
            "We moved the billing service to Postgres this week. It took three tries and one rollback.")
    theme = ("growth",)
    score = Score(points=10)

    def check(self, ctx):
        text = ctx.text
        lines = []
        pos = 0
        for raw in text.splitlines(keepends=True):
            body = raw.rstrip("\r\n")
            if body.strip():
                lines.append((pos + len(body) - len(body.lstrip()), pos + len(body.rstrip()), body.strip()))
            pos += len(raw)
        if len(lines) < 5:
            return
        short = [ln for ln in lines
                 if not LIST_MARK.match(ln[2]) and not ln[2].startswith("#")
                 and len(ln[2].split()) <= 12 and len(re.findall(r"[.!?](?:\s|$)", ln[2])) <= 1]
        if len(short) >= 5 and len(short) / len(lines) >= 0.7:
            yield Violation(short[0][0], short[-1][1], self.message.replace("{n}", str(len(short))),
                            data={"lines": len(short)})


RULE = Broetry
