"""Concreteness features of a post: the specifics that separate a story from a slogan."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import credited_spans

NUMBER_RE = re.compile(r"(?<![#\w])(?:[$€£]\s?)?\d[\d,.:]*\s?(?:%|k|m|am|pm|st|nd|rd|th|x)?(?![\w])", re.I)
FIRST_PERSON = {"i", "we", "my", "our", "me", "us", "im", "ive", "id", "ill"}
CONCRETE_ENTS = {"PERSON", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "DATE", "TIME",
                 "MONEY", "PERCENT", "QUANTITY", "NORP", "LAW", "LANGUAGE"}
# "today" and "tomorrow" are left out ("live for today" is the platitude's favourite time), and
# "may", which is far more often the modal ("May your dreams...") than the month
PAST_MARKERS = {"yesterday", "ago", "last", "tonight", "week", "month", "year",
                "morning", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "january", "february", "march", "april", "june", "july", "august", "september",
                "october", "november", "december"}


@dataclass
class Features:
    words: int = 0  # word tokens outside hashtags
    numbers: list = field(default_factory=list)  # spans
    entities: list = field(default_factory=list)  # (start, end, label)
    first_person_past: list = field(default_factory=list)  # spans of "I ... <past verb>"
    first_person: int = 0
    time_words: int = 0
    questions: int = 0
    credited: list = field(default_factory=list)  # spans of credited quotations and their credits

    @property
    def concrete(self) -> int:
        """How many concrete details the post has (numbers, names, first-person events)."""
        ents = {(s, e) for s, e, _ in self.entities}
        nums = {tuple(n) for n in self.numbers if not any(s <= n[0] < e for s, e in ents)}
        return len(ents) + len(nums) + len(self.first_person_past) + min(2, self.time_words)

    def concrete_outside(self, spans) -> int:
        """Like :attr:`concrete`, ignoring details inside ``spans`` (quotes and their credits)."""
        if not spans:
            return self.concrete

        def inside(a: int) -> bool:
            return any(s <= a < e for s, e in spans)

        ents = {(s, e) for s, e, _ in self.entities if not inside(s)}
        nums = {tuple(n) for n in self.numbers if not inside(n[0]) and not any(s <= n[0] < e for s, e in ents)}
        fpp = [x for x in self.first_person_past if not inside(x[0])]
        return len(ents) + len(nums) + len(fpp) + min(2, self.time_words)

    @classmethod
    def of(cls, ctx) -> "Features":
        f = cls()
        text = ctx.text
        toks = ctx.words
        f.words = len(toks)
        f.numbers = [m.span() for m in NUMBER_RE.finditer(ctx.masked)]
        f.first_person = sum(1 for t in toks if t.key in FIRST_PERSON)
        f.time_words = sum(1 for t in toks if t.key in PAST_MARKERS)
        f.questions = text.count("?")
        f.credited = credited_spans(text)
        doc = ctx.doc
        if doc is not None:
            if doc.has_annotation("ENT_IOB"):
                numeric = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
                f.entities = [
                    (e.start_char, e.end_char, e.label_) for e in doc.ents
                    if e.label_ in CONCRETE_ENTS and e.text.strip() and not e.text.startswith("#")
                    # the small model tags capitalised common nouns ("Success") as ORG: a name
                    # needs a proper-noun token, a number needs a digit or a number word
                    and (e.label_ in numeric or any(t.tag_ in ("NNP", "NNPS", "CD") for t in e)
                         if doc.has_annotation("TAG") else True)
                ]
            elif doc.has_annotation("TAG"):
                f.entities = proper_noun_runs(doc, ctx)
            if doc.has_annotation("TAG"):
                for sent in doc.sents if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]:
                    has_fp = any(t.lower_ in ("i", "we") for t in sent)
                    past = [t for t in sent if t.tag_ in ("VBD", "VBN") and t.lower_ not in ("been",)]
                    if has_fp and past:
                        f.first_person_past.append((past[0].idx, past[0].idx + len(past[0].text)))
        else:
            # model-free: capitalized words not at sentence start count as names
            starts = {s for s, _ in ctx.sentences}
            for t in toks:
                word = text[t.start:t.end]
                if word[:1].isupper() and t.start not in starts and word.lower() not in FIRST_PERSON and len(word) > 1:
                    f.entities.append((t.start, t.end, "NAME?"))
        return f


# not "one" ("one day", "no one") nor "half": generic in platitudes
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
                "dozen"}


CLAUSE_OPENERS = (".", "!", "?", "\n", ":", ";", "-", "–", "—", '"', "“", "(", "…")


def proper_noun_runs(doc, ctx) -> list[tuple[int, int, str]]:
    """Names, places, products and dates from the tagger alone (no NER pass, which costs as
    much as the rest of the pipeline): runs of capitalised proper nouns, and number words.

    Left out: a lone capitalised word that opens a sentence or clause ("Success is...",
    "- Call it a plan"), a lone abstract word ("your Dream"), ALL-CAPS words, #Hashtags, and every word
    of a Title Case Headline line, where the tagger calls everything NNP."""
    from .heuristics._base import ABSTRACT
    from .textutil import crude_stem

    text = ctx.text
    starts = {s for s, _ in ctx.sentences}
    headline = _title_case_lines(text)
    out: list[tuple[int, int, str]] = []
    run: list = []

    def flush() -> None:
        if not run:
            return
        a, b = run[0].idx, run[-1].idx + len(run[-1].text)
        lone = len(run) == 1
        opens_clause = a in starts or text[:a].rstrip().endswith(CLAUSE_OPENERS) or not text[:a].strip()
        if not (lone and (opens_clause or crude_stem(run[0].lower_) in ABSTRACT)) \
                and not any(s <= a < e for s, e in headline):
            out.append((a, b, "NAME"))
        run.clear()

    for t in doc:
        shouted = len(t.text) > 3 and t.text.isupper()  # ALL CAPS is emphasis, not a name
        tagged = t.idx > 0 and text[t.idx - 1] == "#"  # a #Hashtag is a topic label, not a detail
        if t.tag_ in ("NNP", "NNPS") and t.text[:1].isupper() and not shouted and not tagged:
            run.append(t)
            continue
        flush()
        if t.tag_ == "CD" and t.lower_ in NUMBER_WORDS:
            out.append((t.idx, t.idx + len(t.text), "NUM"))
    flush()
    return out


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
        if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


GENERIC_PEOPLE = {"you", "your", "yourself", "yours", "we", "us", "our", "ourselves", "everyone", "everybody",
                  "people", "someone", "somebody", "nobody", "anyone", "others", "those"}
SINGULAR = {"i", "me", "my", "mine", "myself", "im", "ive", "id", "ill"}


def generic_sentences(ctx, f: "Features") -> list[tuple[int, int]]:
    """Sentences that could stand in any account's post on any day: at least four words,
    addressed to everyone ("you", "we", "people") or about an abstraction, in the present,
    with no number, name, link or first-person-singular speaker."""
    from .heuristics._base import ABSTRACT, NOMINAL
    from .textutil import crude_stem

    tags = ctx.tags
    details = [a for a, _, _ in f.entities] + [a for a, _ in f.numbers]
    out = []
    for s_id, words in ctx.words_by_sentence.items():
        toks = [t for t in words if not t.hashtag]
        if len(toks) < 4:
            continue
        s0, s1 = ctx.sentences[s_id]
        keys = {t.key for t in toks}
        if keys & SINGULAR or any(s0 <= a < s1 for a in details) or "http" in ctx.text[s0:s1]:
            continue
        if tags and any(ctx.past_tense(t.start) for t in toks):
            continue
        if keys & GENERIC_PEOPLE or {crude_stem(k) for k in keys} & ABSTRACT or NOMINAL.search(ctx.text[s0:s1]):
            out.append((s0, s1))
    return out
