"""imperative-advice (PL301): a sentence that opens with generic advice aimed at everyone.

## What it does
Flags sentences that start with a bare imperative from the motivational
vocabulary ("Believe in yourself", "Never give up", "Be the change", "Stay
humble") and carry no specifics: no number, name, code or place.

## Why is this bad?
Advice addressed to everyone reaches no one. A reader cannot act on "Chase your
dreams"; they can act on what you did, when, and what happened.

## Example
    Believe in yourself. Never give up. Chase your dreams.

## Use instead
    I rewrote the onboarding email four times before replies went from 2% to 9%.

## Known false positives
Replies (a post that opens with an @handle) are skipped: a command there is
addressed to one person. Concrete instructions that happen to use a listed verb ("Keep the receipt for
the audit") are left alone when they have a number, a name or code; a how-to
written only with common nouns can still match. The finding is a suggestion:
on its own it never fails a post.
"""
from __future__ import annotations

from ..findings import Severity, Violation
from ..ruleset import Score
from ..textutil import crude_stem
from ._base import ABSTRACT, NOMINAL, FIRST_PERSON, GENERIC_VERBS, Heuristic

NEGATORS = {"never", "dont", "don't", "always", "just", "simply", "please", "do", "now", "stop"}


class ImperativeAdvice(Heuristic):
    id = "PL301"
    name = "imperative-advice"
    severity = Severity.SUGGESTION
    message = "Generic imperative advice: '{match}'."
    why = "Advice aimed at everyone ('Believe in yourself') gives the reader nothing to act on."
    suggestion = "Replace '{match}' with what you did: the situation, the action, and what changed."
    bad = ("Believe in yourself and never give up.", "Stay humble. Work hard. Be kind.",
           "Don't let fear hold you back from your dreams.")
    good = ("Run make test before you push to the release branch.",
            "Keep the receipts from the March trip for the audit on the 14th.",
            "I believed the roadmap would hold; it did not.")
    uses_ = frozenset({"tag", "lemma"})
    theme = ("persistence",)
    score = Score(points=14, each=9, max=36)

    def check(self, ctx):
        if ctx.is_reply:
            return
        text = ctx.text
        by_sent = ctx.words_by_sentence
        tags = ctx.tags
        numbers = ctx.features.numbers
        for s_id, stoks in by_sent.items():
            if len(stoks) < 2 or len(stoks) > 22:
                continue
            s0, s1 = ctx.sentences[s_id]
            sent_text = text[s0:s1]
            if "`" in sent_text or any(s0 <= a < s1 for a, _ in numbers):
                continue
            keys = [t.key for t in stoks]
            if any(k in FIRST_PERSON or k in ("let's", "lets") for k in keys):
                continue  # "Let's ..." proposes something to a group; it is not a maxim
            i = 0
            # "If you're unhappy, start with your body": the command follows the condition
            if len(keys) > 3 and keys[0] in ("if", "when", "whenever") and keys[1] in ("you", "you're", "youre"):
                comma = sent_text.find(",")
                after = [k for k, t in enumerate(stoks) if comma >= 0 and t.start > s0 + comma]
                if not after:
                    continue
                i = after[0]
            while i < len(keys) - 1 and keys[i] in NEGATORS:
                i += 1
            head = stoks[i]
            stem = crude_stem(head.key)
            if stem not in GENERIC_VERBS:
                continue
            tag = tags.get(head.start)
            if tag and tag not in ("VB", "VBP", "NNP", "NN", "UH", "RB") and i == 0:
                continue
            # the rest must be generic: an abstract noun, a pronoun 'you/yourself', or very short
            rest = {crude_stem(k) for k in keys[i + 1:]}
            generic = (bool(rest & ABSTRACT) or bool({"you", "yourself", "your", "it", "up", "others", "people"} & set(keys))
                       or len(keys) <= 4 or bool(NOMINAL.search(sent_text)))
            if not generic:
                continue
            # proper nouns in the middle of the sentence make it specific
            if tags and any(tags.get(t.start) == "NNP" for t in stoks[i + 1:] if text[t.start].isupper()):
                continue
            yield Violation(s0, s1, self.message.replace("{match}", sent_text), data={"verb": head.key})


RULE = ImperativeAdvice
