"""The read-only view of one post that rules receive."""
from __future__ import annotations

from functools import cached_property
from typing import Any, Mapping

from . import textutil


class PostContext:
    """What a rule may look at.  Rules must not mutate anything here.

    ``text`` is the post as analysed: the post as written with suppression
    comments blanked (same length, so offsets are offsets into the post).
    ``doc`` is the spaCy Doc of ``masked`` (or None without a model).
    """

    def __init__(self, text: str, doc: Any = None, options: Mapping[str, Any] | None = None,
                 meta: Mapping[str, Any] | None = None):
        self.text = text
        self.doc = doc
        self.options = options or {}
        self.meta = meta or {}

    @cached_property
    def masked(self) -> str:
        return textutil.mask_for_nlp(self.text)

    @cached_property
    def tokens(self) -> list[textutil.Token]:
        return textutil.tokenize(self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans: from the parser/senter when present, else model-free."""
        doc = self.doc
        if doc is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            spans = []
            for s in doc.sents:
                st = s.text
                if st.strip():
                    lead = len(st) - len(st.lstrip())
                    spans.append((s.start_char + lead, s.start_char + len(st.rstrip())))
            # a newline always ends a sentence in a post
            out = []
            for s, e in spans:
                for a, b in textutil.sentence_spans(self.text[s:e]):
                    out.append((s + a, s + b))
            return out
        return textutil.sentence_spans(self.text)

    @cached_property
    def token_sentence(self) -> list[int]:
        """Sentence number of each token in :attr:`tokens` (-1 outside any)."""
        import bisect

        starts = [s for s, _ in self.sentences]
        out = []
        for t in self.tokens:
            i = bisect.bisect_right(starts, t.start) - 1
            out.append(i if i >= 0 and t.start < self.sentences[i][1] else -1)
        return out

    @cached_property
    def tags(self) -> dict[int, str]:
        """Start offset -> fine-grained tag, from the model when it has tags."""
        doc = self.doc
        if doc is None or not doc.has_annotation("TAG"):
            return {}
        return {t.idx: t.tag_ for t in doc}

    @cached_property
    def lemmas(self) -> dict[int, str]:
        """Start offset -> lower-case lemma, from the model when it has lemmas."""
        doc = self.doc
        if doc is None or not doc.has_annotation("LEMMA"):
            return {}
        return {t.idx: textutil.word_key(t.lemma_) for t in doc if not t.is_space}

    @cached_property
    def features(self):
        from .features import Features

        return Features.of(self)
