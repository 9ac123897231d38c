"""``kind: pattern`` — spaCy token patterns (Matcher syntax, validated).

``patterns`` is a list of spaCy Matcher patterns, written exactly as in spaCy's
documentation: ``[[{"LOWER": "rise"}, {"LOWER": "and"}, {"LEMMA": "grind"}]]``.
The annotations a pattern reads (TAG, POS, LEMMA, DEP, ENT_TYPE, sentence
starts) are what the rule requires of the pipeline.
"""
from __future__ import annotations

from ..findings import RuleFileError, Violation
from ..ruleset import Rule, Spec, kind

ATTR_NEEDS = {
    "TAG": "tag", "POS": "pos", "MORPH": "pos", "LEMMA": "lemma", "DEP": "dep",
    "ENT_TYPE": "ent", "ENT_IOB": "ent", "ENT_ID": "ent", "IS_SENT_START": "sent", "SENT_START": "sent",
}
TOKEN_KEYS = {
    "ORTH", "TEXT", "NORM", "LOWER", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER",
    "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_SENT_START", "SENT_START", "LIKE_NUM", "LIKE_URL",
    "LIKE_EMAIL", "SPACY", "POS", "TAG", "MORPH", "DEP", "LEMMA", "SHAPE", "ENT_TYPE", "ENT_IOB", "ENT_ID",
    "ENT_KB_ID", "OP", "_", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
    "PREFIX", "SUFFIX",
}


@kind("pattern")
class PatternRule(Rule):
    KEYS = {"patterns": "a list of spaCy Matcher patterns"}
    needs_model = True

    def __init__(self, meta, patterns, line):
        self.meta = meta
        self.patterns = patterns
        self.line = line
        self.matcher = None
        needs = set()
        for pat in patterns:
            for tok in pat:
                for key in tok:
                    if key in ATTR_NEEDS:
                        needs.add(ATTR_NEEDS[key])
        self._requires = frozenset(needs)

    @classmethod
    def from_spec(cls, meta, spec: Spec, base):
        patterns = spec.get("patterns", list)
        line = spec.data.line_of("patterns")
        if not patterns:
            raise spec.error("patterns", "key 'patterns' must not be empty")
        for i, pat in enumerate(patterns):
            pline = patterns.item_lines[i] if hasattr(patterns, "item_lines") else line
            if not isinstance(pat, list) or not pat or not all(isinstance(t, dict) for t in pat):
                raise RuleFileError(spec.path, pline, f"key 'patterns': pattern {i + 1} must be a non-empty list of token mappings")
            for tok in pat:
                for key in tok:
                    if key not in TOKEN_KEYS:
                        raise RuleFileError(spec.path, getattr(tok, "line", pline),
                                            f"key 'patterns': unknown token attribute {key!r} in pattern {i + 1}")
        return cls(meta, [[dict(t) for t in p] for p in patterns], line)

    @property
    def requires(self):
        return self._requires or frozenset({"tag"})

    def compile(self, env):
        from spacy.matcher import Matcher
        from spacy.vocab import Vocab

        vocab = env.nlp.vocab if env.nlp is not None else Vocab()
        matcher = Matcher(vocab, validate=True)
        try:
            matcher.add(self.meta.name, self.patterns)
        except Exception as exc:  # spaCy raises MatchPatternError / ValueError
            msg = " ".join(str(exc).split())
            raise RuleFileError(self.meta.path, self.line, f"key 'patterns': invalid spaCy pattern: {msg[:300]}") from None
        self.matcher = matcher

    def check(self, ctx):
        doc = ctx.doc
        if doc is None or self.matcher is None:
            return
        spans = self.matcher(doc, as_spans=True)
        last_end = -1
        for span in sorted(spans, key=lambda s: (s.start_char, -len(s.text))):
            if span.start_char < last_end:
                continue
            last_end = span.end_char
            yield Violation(span.start_char, span.end_char, self.meta.message.replace("{match}", span.text))
