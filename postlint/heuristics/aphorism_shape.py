"""aphorism-shape (PL303): a short universal sentence in the shape of a maxim.

## What it does
Flags short present-tense sentences with no speaker and no specifics that take
an aphorism's shape: a definition of an abstraction ("Success is a journey"),
antithesis ("not X but Y", "X is not Y, it's Z"), chiasmus (two clauses that
mirror each other's words: "Eat to live, don't live to eat", "the more...,
the more..."), or a law about people in general ("People who ... always ...").

## Why is this bad?
Maxims are the stock of tear-off calendars: readers have seen them before and
they say nothing about the author's work.

## Example
    Success is not final. Failure is a lesson. The more you give, the more you get.

## Use instead
    Our first launch failed: 40 sign-ups in a month. Here is what we changed.

## Known false positives
Topical opinions phrased as maxims ("Cold cookies are better than warm ones")
when they are short and use no names; definitions in explainer posts
("Inflation is a rise in prices"); a mirrored topical remark ("Laptops make it easy
to work from home, but working from home is not easy") reads as chiasmus, and a post made of
nothing else is flagged. The finding itself is a suggestion; one number, name
or event of the author's keeps the post below the threshold.
"""
from __future__ import annotations

import re

from ..findings import Violation
from ..ruleset import Score
from ..textutil import crude_stem
from ._base import ABSTRACT, FIRST_PERSON, LEAD, WORD_RE, Heuristic, iter_sentences

SINGULAR = frozenset("i me my mine myself i'm im i've ive i'd id i'll".split())

BE = r"(?:is|are|isn't|aren't|is not|are not|was never|will always be|becomes|equals|=)"
# "The pain you feel today will be the strength you feel tomorrow"
PROMISE = re.compile(r"^(?:the |your )?(?P<noun>[a-z]+) (?:you|we) [a-z]+(?: today| now)? will (?:always )?be ", re.I)
DEFINITION = re.compile(
    rf"^(?:the |true |real |your |our )?(?P<noun>[a-z]+)(?: [a-z]+)? {BE} "
    r"(?!(?:the )?(?:best|worst)\s*(?:[.!?,]|$))"  # "Pizza is the best!" is an opinion, not a maxim
    r"(?!(?:new|here|now|out|back|live|over|on|up|coming|going|available|ready|open|closed|down)\b)", re.I)
# an abstraction doing something, in the present: "Fear kills more dreams than failure", "Happiness comes from within"
ABSTRACT_SUBJECT = re.compile(r"^(?:the |true |real |your )?(?P<a>[a-z-]+)(?: (?:&|and) (?P<b>[a-z-]+))? (?P<verb>[a-z']+)\b", re.I)
ANTITHESIS = re.compile(r"\b(?:isn't|is not|aren't|are not|not)\b [^.!?\n]{1,50}?(?:[,;—–-]\s*(?:it's|it is|they're|but)|\bbut\b)", re.I)
CHIASMUS = re.compile(r"\bthe (?:more|less|harder|better|fewer)\b[^.!?\n]{1,60}\bthe (?:more|less|harder|better|luckier|fewer)\b", re.I)
GENERIC_LAW = re.compile(
    r"^(?:people|those|successful people|great leaders|leaders|winners|champions|the best|strong people|"
    r"real \w+|true \w+|everyone|no one|nobody|someone|a (?:winner|leader|champion|man|woman|person)|"
    r"average \w+|great \w+|smart people|happy people|life|sometimes,? (?:life|the (?:best|worst|\w{3,}est))|when (?:we|you)|"
    r"if (?:we|you)|it's not|it is not|what you|whatever you|every (?:day|morning|moment|great)|"
    r"may (?:the|your|you|all|we))\b", re.I)
SPECIFIC = re.compile(r"\d|@|https?://")
CLAUSE_BREAK = re.compile(r"[,;:—–]|\s-\s|\.{2,}|…")
# a kind of people or organisation as the subject: "Winners never quit", "Average companies give..."
CLASS_SUBJECT = re.compile(
    r"^(?:the )?(?:most |best |truly )?(?:successful|great|average|good|bad|smart|happy|strong|weak|real|true|"
    r"innovative|ordinary|exceptional|wise) (?:people|leaders|companies|organizations|organisations|teams|"
    r"managers|founders|men|women|minds|friends)\b|^(?:winners|losers|champions|leaders)\b", re.I)


class AphorismShape(Heuristic):
    id = "PL303"
    name = "aphorism-shape"
    message = "Reads like a maxim: '{match}'."
    why = "Maxims ('Success is a journey', 'not X but Y') are the stock of tear-off calendars."
    suggestion = "Trade '{match}' for the case that taught it to you: when, what happened, what you would do now."
    bad = ("Success is a journey, not a destination.", "Happiness is a choice.", "Eat to live, don't live to eat.",
           "The more you give, the more you get.", "People who never fail never grow.",
           "Fear kills more dreams than failure ever will.", "Experience is the best teacher.")
    good = ("The migration is not done, but the billing service moved to Postgres on Tuesday.",
            "Our Q3 revenue is up 12% after the pricing change.",
            "I am not sure the release will ship on Friday.", "Pizza is the best!",
            "We are hiring two designers for the Lisbon office.")
    theme = ("success",)
    score = Score(points=14, each=9, max=32)

    def check(self, ctx):
        text = ctx.text
        tags = ctx.tags
        ents = ctx.features.entities
        for s0, s1, off, sent, words in iter_sentences(ctx, LEAD + "[("):
            if not 3 <= len(words) <= 26 or SPECIFIC.search(sent):
                continue
            if any(w in SINGULAR for w in words):
                continue  # "I ..." is the author speaking, not a maxim
            plural = any(w in FIRST_PERSON for w in words)
            if plural and (re.match(r"(?i)^(?:we|our|us)\b", sent)
                           or not (GENERIC_LAW.match(sent) or DEFINITION.match(sent)
                                   or self._abstract_subject(sent, off, tags))):
                continue  # "We shipped..." is a team's story; "Life changes when we realise..." is not
            if any(s0 <= a < s1 and lab not in ("NAME?",) for a, _, lab in ents):
                continue
            if tags and any(ctx.past_tense(i) for i in range(s0, s1) if i in tags):
                continue
            stems = {crude_stem(w) for w in words}
            shape = None
            m = DEFINITION.match(sent) or PROMISE.match(sent)
            if m and crude_stem(m.group("noun").lower()) in ABSTRACT:
                shape = "definition"
            elif CHIASMUS.search(sent) or mirrored(sent):
                shape = "chiasmus"
            elif ANTITHESIS.search(sent) and stems & ABSTRACT:
                shape = "antithesis"
            elif GENERIC_LAW.match(sent) and (stems & ABSTRACT or {"always", "never", "every", "only"} & set(words)):
                shape = "generic law"
            elif self._abstract_subject(sent, off, tags):
                shape = "abstraction as subject"
            elif CLASS_SUBJECT.match(sent) and tags and any(
                    tags.get(i) in ("VBZ", "VBP") for i in range(off, s1)):
                shape = "generalisation about a kind of people"
            if shape:
                yield Violation(off, s1, self.message.replace("{match}", text[off:s1]), data={"shape": shape})


    @staticmethod
    def _abstract_subject(sent: str, off: int, tags: dict) -> bool:
        m = ABSTRACT_SUBJECT.match(sent)
        if not m or not tags:
            return False
        nouns = [g for g in (m.group("a"), m.group("b")) if g]
        if not all(crude_stem(n.lower()) in ABSTRACT for n in nouns):
            return False
        return tags.get(off + m.start("verb")) in ("VBZ", "VBP", "VB", "MD")  # VB: "Fear and doubt come"


def _content(clause: str) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # here: listing rules must not import spaCy

    return [crude_stem(w) for w in (w.lower().replace("’", "'") for w in WORD_RE.findall(clause))
            if len(w) >= 3 and w not in STOP_WORDS and "'" not in w]


def mirrored(sent: str) -> bool:
    """Chiasmus: one clause ends on B after A, the next ends on A after B ("Eat to live, don't live
    to eat", "the pessimist sees difficulty in every opportunity; the optimist sees the opportunity in
    every difficulty").  A chain ("dogs chase cats, cats chase mice") does not mirror."""
    clauses = [c for c in (_content(c) for c in CLAUSE_BREAK.split(sent)) if c]
    for c1, c2 in zip(clauses, clauses[1:]):
        if len(c1) < 2 or len(c2) < 2 or len(c1) > 10 or len(c2) > 10:
            continue
        b, a = c1[-1], c2[-1]
        if a != b and a in c1[:-1] and b in c2[:-1]:
            return True
    return False


RULE = AphorismShape
