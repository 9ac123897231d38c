"""Text normalization that keeps a map back to the original offsets.

Everything here works on Python ``str`` indices, i.e. Unicode code points.
A :class:`Token` always carries ``start``/``end`` into the text it came from,
so a match found on normalized tokens underlines the text as written.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
HANDLE_RE = re.compile(r"(?<![\w@])@\w{1,30}")
HASHTAG_RE = re.compile(r"(?<![\w#&])#(\w*[^\W\d_]\w*)")
# A word: letters/digits, with inner apostrophes (straight or curly) and hyphens.
WORD_RE = re.compile(r"[^\W_]+(?:['’‘`][^\W_]+)*")
CAMEL_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\W\d_]+")
APOSTROPHES = "'’‘`´ʼ"
_APOS_TABLE = str.maketrans("", "", APOSTROPHES)

QUOTE_CHARS = "\"“”„‟«»‹›「」『』'‘’‚‛"
DASH_CHARS = "-‐‑‒–—―~"


@dataclass(frozen=True, slots=True)
class Token:
    key: str  # lower-cased, apostrophes removed: "don't" -> "dont"
    start: int
    end: int
    hashtag: bool = False  # part of a #hashtag
    handle: bool = False


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower().translate(_APOS_TABLE)


@lru_cache(maxsize=1 << 16)
def crude_stem(key: str) -> str:
    """A tiny suffix stripper used as a model-free stand-in for lemmas.

    Only ever compared with another crude stem, so it need not produce words:
    believe, believes, believing, believed -> "believ".
    """
    if len(key) <= 3:
        return key
    stem = key
    if stem.endswith("ies") and len(stem) > 4:
        stem = stem[:-3] + "y"
    elif stem.endswith("ied") and len(stem) > 4:
        stem = stem[:-3] + "y"
    elif stem.endswith("ing") and len(stem) >= 6:
        stem = stem[:-3]
    elif stem.endswith("ed") and len(stem) >= 5:
        stem = stem[:-2]
    elif stem.endswith("s") and not stem.endswith(("ss", "us", "is")):
        stem = stem[:-1]
    if stem != key and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        stem = stem[:-1]  # running -> run, stopped -> stop
    if stem.endswith("e") and len(stem) > 3:
        stem = stem[:-1]
    return stem


def split_hashtag(body: str) -> list[tuple[int, int]]:
    """Split a hashtag body into word spans: 'NeverGiveUp' -> never, give, up."""
    return [(m.start(), m.end()) for m in CAMEL_RE.finditer(body)]


def skip_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs (never words of the post)."""
    return [m.span() for m in URL_RE.finditer(text)]


def tokenize(text: str, *, split_hashtags: bool = True, keep_handles: bool = False) -> list[Token]:
    """Word tokens of ``text`` with offsets; URLs are skipped, hashtags split.

    ``#NeverGiveUp`` yields three tokens (never, give, up) positioned inside the
    hashtag.  An all-lowercase hashtag yields one token.
    """
    tokens: list[Token] = []
    urls = skip_spans(text)
    ui = 0
    pos = 0
    for m in WORD_RE.finditer(text):
        s, e = m.span()
        if s < pos:
            continue
        while ui < len(urls) and urls[ui][1] <= s:
            ui += 1
        if ui < len(urls) and urls[ui][0] <= s < urls[ui][1]:
            continue
        prev = text[s - 1] if s > 0 else ""
        if prev == "@":
            if keep_handles:
                tokens.append(Token(word_key(m.group()), s - 1, e, handle=True))
            continue
        if prev == "#":
            body = m.group()
            parts = split_hashtag(body) if split_hashtags else [(0, len(body))]
            if not parts:
                parts = [(0, len(body))]
            for ps, pe in parts:
                tokens.append(Token(word_key(body[ps:pe]), s + ps, s + pe, hashtag=True))
            pos = e
            continue
        tokens.append(Token(word_key(m.group()), s, e))
        pos = e
    return tokens


def hashtags(text: str) -> list[tuple[int, int, str]]:
    """(start, end, body) of every #hashtag, start at the '#'."""
    return [(m.start(), m.end(), m.group(1)) for m in HASHTAG_RE.finditer(text)]


@lru_cache(maxsize=1)
def _emoji_module():
    import emoji

    return emoji


# Runs that can hold an emoji: the emoji blocks and their joiners/selectors (U+203C and up),
# the two Latin-1 emoji (© ®), and a keycap's leading digit, # or *.  Only these runs go
# through the emoji library, which is slow on long plain text.
_EMOJI_RUN = re.compile("[0-9#*]?[\u00a9\u00ae\u200d\u203c-\U0010ffff]+")


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """Spans of emoji (ZWJ sequences and modifiers count as one)."""
    if text.isascii():
        return []
    emoji = _emoji_module()
    out = []
    for run in _EMOJI_RUN.finditer(text):
        base = run.start()
        out.extend((base + e["match_start"], base + e["match_end"]) for e in emoji.emoji_list(run.group()))
    return out


# Attachment placeholders in drafts and exported posts: "[image]", "[Photo]", "(video)", "[TEXT]".
PLACEHOLDER_RE = re.compile(
    r"[\[(](?:image|img|photo|picture|pic|video|gif|link|url|text|attachment|carousel|poll|audio)s?[\])]",
    re.I)


def blank_placeholders(text: str) -> str:
    """Same-length copy of ``text`` with attachment placeholders blanked: they are not words."""
    if "[" not in text and "(" not in text:
        return text
    return PLACEHOLDER_RE.sub(lambda m: " " * len(m.group()), text)


def mask_for_nlp(text: str) -> str:
    """A same-length copy of ``text`` for the spaCy pipeline.

    URLs and @handles become spaces; a trailing block of hashtags becomes spaces;
    an inline ``#word`` loses its ``#`` so it reads as a word.  Offsets into the
    masked text are offsets into the original.
    """
    chars = list(text)

    def blank(s: int, e: int) -> None:
        for i in range(s, e):
            if chars[i] not in "\r\n":
                chars[i] = " "

    for m in URL_RE.finditer(text):
        blank(*m.span())
    for m in HANDLE_RE.finditer(text):
        blank(*m.span())
    tags = hashtags(text)
    # trailing hashtag block: hashtags followed only by whitespace/hashtags/emoji/punct
    trailing_from = len(text)
    for s, e, _ in reversed(tags):
        rest = text[e:trailing_from]
        if rest.strip(" \t\r\n.,;:!…|·-") == "" or not any(c.isalnum() for c in rest):
            trailing_from = s
        else:
            break
    for s, e, _ in tags:
        if s >= trailing_from:
            blank(s, e)
        else:
            chars[s] = " "
    return "".join(chars)


def normalize_text(text: str) -> str:
    """Lower-case word string used for fuzzy comparison (no offsets)."""
    return " ".join(t.key for t in tokenize(text))


_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """A model-free sentence splitter: ., !, ?, … followed by space, or newlines."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.start()
        if text[start:end].strip():
            s = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            spans.append((s, end))
        start = m.end()
    if text[start:].strip():
        s = start + (len(text[start:]) - len(text[start:].lstrip()))
        spans.append((s, len(text.rstrip())))
    return spans
