"""universal-you (PL302): a second-person claim about everyone.

## What it does
Flags short sentences that tell "you" a universal truth: "You are stronger than
you think", "You have to fail to succeed", "Your only limit is your mind", "If it
doesn't challenge you, it won't change you" — with no speaker, time or event in
them.

## Why is this bad?
A claim about every reader is true of none in particular. It reads as a poster,
not as something the author learned.

## Example
    You are stronger than you think. You have to fail to succeed.

## Use instead
    I failed the bar exam twice; the third time I studied with a group of four.

## Known false positives
Replies (a post that opens with an @handle) are skipped: "you" there is one
person. How-to posts addressed to one person ("You can pick it up at 5")
are skipped when they hold a number, a name or a first-person event; generic
product advice ("You need a good charger") can still match.
"""
from __future__ import annotations

import re

from ..findings import Violation
from ..ruleset import Score
from ..textutil import crude_stem
from ._base import ABSTRACT, FIRST_PERSON, Heuristic, iter_sentences

OPENERS = re.compile(
    r"^(?:and |but |so |remember,? |always remember,? |never forget,? )?(?:you(?:'re| are| have| can| will| don't| do not| must| deserve| need| were born| only| should|’re| can’t| can't| won't)|your (?:\w+ )?(?:is|are|will|can|only|dreams?|future|mindset|attitude|life|potential)|if you (?:want|can|believe|don't|never|really)"
    r"|if (?:it|they|something|someone) (?:doesn't|does not|don't|do not|can't|won't|doesn’t|don’t) \w+ you)\b",
    re.I,
)
UNIVERSAL = {"always", "never", "everything", "anything", "nothing", "enough", "stronger", "deserve",
             "worth", "only", "limit", "capable", "more", "greatness", "dreams", "dream", "succeed",
             "matter", "amazing", "beautiful", "powerful", "born", "can", "will"}


class UniversalYou(Heuristic):
    id = "PL302"
    name = "universal-you"
    message = "Universal second-person claim: '{match}'."
    why = "A truth about every reader ('You are stronger than you think') is specific to none."
    suggestion = "Say who '{match}' was true for and when: one person, one moment, what they did."
    bad = ("You are stronger than you think.", "You have to fail to succeed.",
           "Your only limit is your mind.", "If it doesn't challenge you, it won't change you.")
    good = ("You can pick up the keys at 5 pm from Dana at the front desk.",
            "I told my team that they were stronger than they thought, and then we lost the account.",
            "You left your charger in room 204.")
    theme = ("courage",)
    score = Score(points=14, each=8, max=30)

    def check(self, ctx):
        if ctx.is_reply:
            return
        text = ctx.text
        numbers = ctx.features.numbers
        for s0, s1, off, sent, words in iter_sentences(ctx):
            if not OPENERS.match(sent):
                continue
            if len(words) > 24 or len(words) < 3:
                continue
            if any(w in FIRST_PERSON for w in words) or any(s0 <= a < s1 for a, _ in numbers):
                continue
            if re.search(r"(?<=\s)[A-Z][a-z]+", text[s0:s1]) and not any(w in UNIVERSAL for w in words):
                continue
            stems = {crude_stem(w) for w in words}
            if not (set(words) & UNIVERSAL or stems & ABSTRACT):
                continue
            yield Violation(off, s1, self.message.replace("{match}", text[off:s1]))


RULE = UniversalYou
