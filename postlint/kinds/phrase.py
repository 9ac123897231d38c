"""``kind: phrase`` — phrase lists and slogan templates.

Each entry is a phrase or a template:

* ``never give up`` — words, matched case-insensitively, with straight or
  curly apostrophes, by lemma or simple inflection (gave, giving), with up to
  ``max_gap`` inserted words between two words;
* ``{be|stay} {humble|hungry}`` — alternatives;
* ``your only limit is *`` — ``*`` is one to ``wildcard`` words of the same
  sentence (at the end: up to the end of the sentence);
* ``word?`` — an optional word.

CamelCase hashtags (#NeverGiveUp) are split into words; a lower-case hashtag
(#nevergiveup) matches when it spells a whole phrase.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..findings import Violation
from ..ruleset import Rule, Spec, kind, read_data_file
from ..textutil import crude_stem, word_key

MAX_WILDCARD = 6


@dataclass(frozen=True)
class Lit:
    keys: frozenset  # accepted word keys
    stems: frozenset
    optional: bool = False


@dataclass(frozen=True)
class Wild:
    lo: int = 1
    hi: int = MAX_WILDCARD


@dataclass(frozen=True)
class Template:
    source: str
    elements: tuple

    @property
    def literal_only(self) -> bool:
        return all(isinstance(e, Lit) and not e.optional for e in self.elements)


class TemplateError(ValueError):
    pass


def parse_template(text: str, wildcard: int = MAX_WILDCARD) -> Template:
    raw = text.replace("’", "'").replace("‘", "'")
    # punctuation other than template syntax separates words
    cleaned = "".join(c if (c.isalnum() or c in "*{}|?'# ") else " " for c in raw)
    elements = []
    for part in cleaned.split():
        part = part.lstrip("#")
        if not part:
            continue
        if part == "*":
            elements.append(Wild(1, wildcard))
            continue
        optional = part.endswith("?")
        part = part.rstrip("?")
        if part.startswith("{"):
            if not part.endswith("}"):
                raise TemplateError(f"unclosed '{{' in {text!r}")
            alts = [a for a in part[1:-1].split("|")]
            if not alts or any(not a for a in alts):
                raise TemplateError(f"empty alternative in {text!r}")
        else:
            if any(c in part for c in "{}|*"):
                raise TemplateError(f"misplaced template syntax in {text!r}")
            alts = [part]
        keys = frozenset(word_key(a) for a in alts)
        elements.append(Lit(keys, frozenset(crude_stem(k) for k in keys), optional))
    if not any(isinstance(e, Lit) and not e.optional for e in elements):
        raise TemplateError(f"{text!r} has no required word")
    return Template(text, tuple(elements))


AUXILIARIES = frozenset({"be", "have", "do"})

# Words too common to look templates up by: a template is anchored on its rarest
# required word, so that "the", "be" or "you" do not try every template at every token.
COMMON = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been am it its this that "
    "i you he she we they me him her us them my your his our their not no so do does did have has had will "
    "would can could should may might must what which who there here than then when all every some only just "
    "don't can't won't it's you're get got make go one more most".split()
)


def _anchor(t: "Template") -> int:
    required = [i for i, e in enumerate(t.elements) if isinstance(e, Lit) and not e.optional]

    def cost(i: int) -> tuple[int, int]:
        keys = t.elements[i].keys
        return (sum(k in COMMON for k in keys), -min(len(k) for k in keys))

    return min(required, key=cost)


class PhraseMatcher:
    """Matches many templates over a token list; compiled once per rule."""

    def __init__(self, templates: list[Template], max_gap: int = 1):
        self.templates = templates
        self.max_gap = max_gap
        self.by_key: dict[str, list[tuple[int, int]]] = {}  # key/stem -> (template, anchor element)
        self.hashtag_concat: dict[str, int] = {}
        for ti, t in enumerate(templates):
            anchor = _anchor(t)
            lit = t.elements[anchor]
            for k in lit.keys | lit.stems:
                self.by_key.setdefault(k, []).append((ti, anchor))
            if t.literal_only:
                combos = itertools.islice(itertools.product(*[sorted(e.keys) for e in t.elements]), 64)
                for combo in combos:
                    self.hashtag_concat.setdefault("".join(combo), ti)

    def find(self, ctx) -> list[tuple[int, int, str]]:
        """(start, end, template source) of each non-overlapping match."""
        tokens = ctx.tokens
        if not tokens:
            return []
        sent = ctx.token_sentence
        keys, stems, lems, where = ctx.word_forms
        n = len(tokens)

        def ok(el: Lit, i: int) -> bool:
            # inflections match through the lemma, except auxiliaries: "be kind" is not "are kind"
            return keys[i] in el.keys or (lems[i] in el.keys and lems[i] not in AUXILIARIES) or stems[i] in el.stems

        # candidate (template, anchor) pairs per token, looked up once per distinct word form
        by_pos: dict[int, list[tuple[int, int]]] = {}
        by_key = self.by_key
        for w, positions in where.items():
            entries = by_key.get(w)
            if entries:
                for i in positions:
                    by_pos.setdefault(i, []).extend(entries)
        concat = self.hashtag_concat
        tags = [i for i, t in enumerate(tokens) if t.hashtag and keys[i] in concat] if concat else []
        found: list[tuple[int, int, str]] = []
        for i in sorted(by_pos.keys() | set(tags)):
            seen = set()
            for ti, anchor in by_pos.get(i, ()):
                if (ti, anchor) in seen:
                    continue
                seen.add((ti, anchor))
                t = self.templates[ti]
                if not ok(t.elements[anchor], i):
                    continue
                span = self._match_at(t, anchor, i, n, sent, ok)
                if span:
                    s, e = span
                    found.append((tokens[s].start, tokens[e - 1].end, t.source))
            tok = tokens[i]
            if tok.hashtag and keys[i] in concat and (i + 1 >= n or tokens[i + 1].start != tok.end):
                found.append((tok.start, tok.end, self.templates[concat[keys[i]]].source))
        return _dedupe(found)

    def _match_at(self, t: Template, anchor: int, i: int, n: int, sent, ok):
        els = t.elements
        s_id = sent[i]
        if s_id < 0:
            return None
        # backwards for elements before the anchor (wildcards/optionals only, or literals)
        start = self._match_back(els, anchor - 1, i - 1, sent, s_id, ok)
        if start is None:
            return None
        end = self._match_fwd(els, anchor + 1, i + 1, n, sent, s_id, ok, gap_ok=True)
        if end is None:
            return None
        return start, end

    def _match_back(self, els, ei, ti, sent, s_id, ok):
        if ei < 0:
            return ti + 1
        el = els[ei]
        if isinstance(el, Wild):
            # leading wildcard: take tokens of this sentence back to its start (bounded)
            k = 0
            while k < el.hi and ti - k >= 0 and sent[ti - k] == s_id:
                k += 1
            if k < el.lo:
                return None
            if ei == 0:
                return ti - k + 1
            for kk in range(el.lo, k + 1):
                r = self._match_back(els, ei - 1, ti - kk, sent, s_id, ok)
                if r is not None:
                    return r
            return None
        for g in range(0, self.max_gap + 1):
            j = ti - g
            if j < 0 or sent[j] != s_id:
                break
            if ok(el, j):
                r = self._match_back(els, ei - 1, j - 1, sent, s_id, ok)
                if r is not None:
                    return r
        if el.optional:
            return self._match_back(els, ei - 1, ti, sent, s_id, ok)
        return None

    def _match_fwd(self, els, ei, ti, n, sent, s_id, ok, gap_ok):
        if ei >= len(els):
            return ti
        el = els[ei]
        if isinstance(el, Wild):
            k = 0
            while k < el.hi and ti + k < n and sent[ti + k] == s_id:
                k += 1
            if k < el.lo:
                return None
            if ei == len(els) - 1:
                return ti + k
            for kk in range(el.lo, k + 1):
                r = self._match_fwd(els, ei + 1, ti + kk, n, sent, s_id, ok, gap_ok=False)
                if r is not None:
                    return r
            return None
        for g in range(0, (self.max_gap if gap_ok else 0) + 1):
            j = ti + g
            if j >= n or sent[j] != s_id:
                break
            if ok(el, j):
                r = self._match_fwd(els, ei + 1, j + 1, n, sent, s_id, ok, gap_ok=True)
                if r is not None:
                    return r
        if el.optional:
            return self._match_fwd(els, ei + 1, ti, n, sent, s_id, ok, gap_ok)
        return None


def _dedupe(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping matches, in text order."""
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            if f[1] - f[0] > out[-1][1] - out[-1][0]:
                out[-1] = f
            continue
        out.append(f)
    return out


@kind("phrase")
class PhraseRule(Rule):
    KEYS = {
        "phrases": "inline list of phrases/templates",
        "phrases_file": "data file with one phrase per line",
        "max_gap": "inserted words allowed between two words (0-3)",
        "wildcard": "most words a * stands for (1-8)",
        "exceptions": "phrases that cancel a match they contain",
        "scope": "any, hashtag or text",
    }

    def __init__(self, meta, templates, max_gap, exceptions, scope):
        self.meta = meta
        self.templates = templates
        self.max_gap = max_gap
        self.exceptions = exceptions
        self.scope = scope
        self.matcher = PhraseMatcher(templates, max_gap)

    @classmethod
    def from_spec(cls, meta, spec: Spec, base):
        phrases = spec.str_list("phrases", [])
        if "phrases_file" in spec.data:
            phrases += read_data_file(base, spec.get("phrases_file", str), spec, "phrases_file")
        if not phrases:
            raise spec.error(None, "a phrase rule needs 'phrases' or 'phrases_file'")
        wildcard = spec.int_in("wildcard", 1, 8, MAX_WILDCARD)
        templates = []
        for p in phrases:
            try:
                templates.append(parse_template(p, wildcard))
            except TemplateError as exc:
                key = "phrases" if p in spec.data.get("phrases", []) else "phrases_file"
                raise spec.error(key, f"bad phrase: {exc}") from None
        exceptions = [" ".join(word_key(w) for w in e.split()) for e in spec.str_list("exceptions", [])]
        return cls(meta, templates, spec.int_in("max_gap", 0, 3, 1), exceptions,
                   spec.choice("scope", ("any", "hashtag", "text"), "any"))

    @property
    def uses(self):
        return frozenset({"lemma"})

    def check(self, ctx):
        allow = ctx.options.get("allow", ())
        for s, e, src in self.matcher.find(ctx):
            matched = ctx.text[s:e]
            in_tag = any(t.hashtag for t in ctx.tokens if s <= t.start < e)
            if self.scope == "hashtag" and not in_tag:
                continue
            if self.scope == "text" and in_tag:
                continue
            norm = " ".join(word_key(w) for w in "".join(c if c.isalnum() or c in "'’" else " " for c in matched).split())
            if any(x and x in norm for x in self.exceptions) or any(a and a in norm for a in allow):
                continue
            yield Violation(s, e, self.meta.message.replace("{match}", matched),
                            data={"phrase": src})
