"""Finding who a post says a quote is by: "— Mark Twain", "~Ali", "As Einstein said,", "#Gandhi"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .textutil import split_hashtag, word_key

NAME = r"(?:[A-Z][\w.'’-]*\.?|of|the|de|da|van|von|bin|ibn|al|St\.?)"
NAME_SEQ = rf"[A-Z][\w.'’-]*(?:[ \t]+{NAME}){{0,4}}"  # a name does not run over a line break
# After a quote: optional closing quote, then a dash/tilde and a name.
SUFFIX_RE = re.compile(
    rf"""^[\s"“”'‘’»«.,]*(?:[-‐‑‒–—―~]+|\|)\s*(?P<name>@?{NAME_SEQ})""", re.UNICODE
)
# a scripture reference on the next line or after a dash: "Galatians 6:9 NIV", "— Proverbs 3:5-6", "Quran 2:286"
SCRIPTURE_RE = re.compile(
    r"""^[\s"“”'‘’»«.,]*(?:[-‐‑‒–—―~]+\s*)?(?P<name>(?:[1-3]\s?)?[A-Z][a-z]+\.?(?:\s(?:of\s)?[A-Z][a-z]+)?"""
    r"""\s\d{1,3}:\d{1,3}(?:[-–]\d{1,3})?(?:\s\(?[A-Z]{2,5}\)?(?![\w]))?)""")
# "(Pride and Prejudice)" right after the quote
WORK_RE = re.compile(r"""^[\s"“”'‘’.,]*\((?P<name>[A-Z][^()\n]{2,60})\)""")
PREFIX_RE = re.compile(
    rf"""(?:^|[.!?\n]\s*|\s)(?:[Aa]s\s+)?(?P<name>{NAME_SEQ})\s+(?:once\s+|famously\s+)?(?:said|says|wrote|put it|reminds us)\s*[,:]?\s*["“']?\s*$"""
)
PREFIX_AS_RE = re.compile(rf"""(?:^|\W)[Aa]s\s+(?P<name>{NAME_SEQ})\s+(?:once\s+)?(?:said|says|wrote|put it)\s*[,:]?\s*["“']?\s*$""")
HASHTAG_NAME_RE = re.compile(r"#([A-Z][a-z]+(?:[A-Z][a-z]+){0,3})\b")
NOT_NAMES = {"I", "We", "You", "It", "This", "That", "The", "A", "My", "Our", "So", "And", "But", "Me", "Your",
             "Quote", "Quotes", "Motivation", "Inspiration", "Success", "Life", "Love", "Monday", "Today"}

# "Monday 10:30", "June 3:15 pm" are times, not chapter and verse
NOT_SCRIPTURE = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                 "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December", "Today", "Tonight", "Tomorrow", "Yesterday", "At", "By", "From",
                 "Until", "Till", "Before", "After", "Around", "About", "Starts", "Doors", "Kickoff", "Score"}


@dataclass(frozen=True)
class Attribution:
    name: str
    start: int
    end: int
    how: str  # "suffix", "prefix", "hashtag", "work", "scripture"


def _clean(name: str) -> str:
    name = name.strip().rstrip(".,;:")
    words = name.split()
    # stop at a word that clearly starts a new sentence
    out = []
    for w in words:
        if out and w[:1].islower() and w not in ("of", "the", "de", "da", "van", "von", "bin", "ibn", "al"):
            break
        out.append(w)
    return " ".join(out)


def find_after(text: str, end: int) -> Attribution | None:
    rest = text[end:end + 120]
    m = SCRIPTURE_RE.match(rest)
    if m and m.group("name").split()[0].rstrip(".") not in NOT_SCRIPTURE:
        return Attribution(m.group("name"), end + m.start("name"), end + m.end("name"), "scripture")
    m = SUFFIX_RE.match(rest)
    if m:
        name = _clean(m.group("name"))
        after = rest[m.start("name") + len(name):]
        # "- Great read on how to..." goes on as prose: that is a comment, not a credit
        prose = re.match(r"\s+(?:[a-z][\w'’]*\s+){2}[a-z]", after) is not None
        if name and name.split()[0] not in NOT_NAMES and not prose:
            return Attribution(name, end + m.start("name"), end + m.start("name") + len(name), "suffix")
    m = WORK_RE.match(rest)
    if m:
        return Attribution(m.group("name").strip(), end + m.start("name"), end + m.end("name"), "work")
    return None


def find_before(text: str, start: int) -> Attribution | None:
    head = text[max(0, start - 80):start]
    base = max(0, start - 80)
    for rx in (PREFIX_AS_RE, PREFIX_RE):
        m = rx.search(head)
        if m:
            name = _clean(m.group("name"))
            if name and name.split()[0] not in NOT_NAMES:
                s = base + m.start("name")
                return Attribution(name, s, s + len(name), "prefix")
    return None


def find_hashtag(text: str, after: int) -> Attribution | None:
    for m in HASHTAG_NAME_RE.finditer(text, after):
        body = m.group(1)
        parts = [body[a:b] for a, b in split_hashtag(body)]
        if parts and parts[0] in NOT_NAMES:
            continue
        return Attribution(" ".join(parts), m.start(), m.end(), "hashtag")
    return None


def find(text: str, start: int, end: int, known_authors: set[str] | None = None) -> Attribution | None:
    """Attribution for the quote at [start, end): suffix, then prefix, then a name hashtag."""
    a = find_after(text, end) or find_before(text, start)
    if a:
        return a
    if known_authors is not None:
        h = find_hashtag(text, end)
        if h and name_keys(h.name) & known_authors:
            return h
    return None


# a passage in quotation marks: "...", “...”, «...», or '...' before a dash or the end
QUOTED = re.compile(r"[\"“”„«]([^\"“”„«»]{12,400})[\"“”»]|(?:^|\s)['‘]([^'‘’\n]{12,400})['’](?=\s*[-‐‑‒–—―~]|\s*$)",
                    re.S)


def credited_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every quotation that has a credit, and of the credit: what someone else said,
    and who.  The numbers and names in them are not the author's own."""
    out = []
    for m in QUOTED.finditer(text):
        g = 1 if m.group(1) else 2
        a = find_after(text, m.end()) or find_before(text, m.start())
        if a is not None:
            out += [(m.start(g), m.end(g)), (a.start, a.end)]
    return out


def name_keys(name: str) -> set[str]:
    """Comparable parts of a name: 'Mahatma Gandhi' -> {'mahatma', 'gandhi'}."""
    return {word_key(w) for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 3}


def same_person(given: str, author: str) -> bool:
    g, a = name_keys(given), name_keys(author)
    if not g or not a:
        return False
    return bool(g & a)
