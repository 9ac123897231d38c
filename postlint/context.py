"""The read-only view of one post that rules receive."""
from __future__ import annotations

import re
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
    def words(self) -> list[textutil.Token]:
        """Tokens that belong to the prose: plain words and inline #hashtags ("move to your
        #dreams"), not a trailing block of hashtags."""
        masked = self.masked
        text = self.text
        plain_lines: dict[int, int] = {}  # line start -> plain words on that line
        for t in self.tokens:
            if not t.hashtag:
                ls = text.rfind("\n", 0, t.start) + 1
                plain_lines[ls] = plain_lines.get(ls, 0) + 1

        def inline(t) -> bool:  # a hashtag inside a sentence of at least two plain words
            return masked[t.start] != " " and plain_lines.get(text.rfind("\n", 0, t.start) + 1, 0) >= 2

        return [t for t in self.tokens if not t.hashtag or inline(t)]

    @cached_property
    def is_reply(self) -> bool:
        """The post opens with an @handle: it talks to one person, so "you" and commands are not universal."""
        return bool(re.match(r"\s*@\w", self.text))

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
    def words_by_sentence(self) -> dict[int, list[textutil.Token]]:
        """The prose :attr:`words` of each sentence, by sentence number, in order."""
        prose = {id(t) for t in self.words}
        out: dict[int, list[textutil.Token]] = {}
        for t, s in zip(self.tokens, self.token_sentence):
            if s >= 0 and id(t) in prose:
                out.setdefault(s, []).append(t)
        return out

    @cached_property
    def _token_maps(self) -> tuple[dict[int, str], dict[int, str]]:
        """One pass over the Doc: start offset -> tag, and start offset -> lemma key."""
        doc = self.doc
        if doc is None:
            return {}, {}
        has_tag, has_lemma = doc.has_annotation("TAG"), doc.has_annotation("LEMMA")
        tags: dict[int, str] = {}
        lemmas: dict[int, str] = {}
        word_key = textutil.word_key
        for t in doc:
            if has_tag:
                tags[t.idx] = t.tag_
            if has_lemma and not t.is_space:
                lemmas[t.idx] = word_key(t.lemma_)
        return tags, lemmas

    @property
    def tags(self) -> dict[int, str]:
        """Start offset -> fine-grained tag, from the model when it has tags."""
        return self._token_maps[0]

    @property
    def lemmas(self) -> dict[int, str]:
        """Start offset -> lower-case lemma, from the model when it has lemmas."""
        return self._token_maps[1]

    def past_tense(self, start: int) -> bool:
        """The token at ``start`` is a simple past verb.  A verb whose past is its base form ("quit",
        "put", "let", "hurt") counts only when the tagger and the form agree it is not the base:
        in "people who never quit" the small model says VBD, but the sentence is in the present."""
        if self.tags.get(start) != "VBD":
            return False
        lemma = self.lemmas.get(start)
        if lemma is None:
            return True
        end = start
        while end < len(self.text) and (self.text[end].isalpha() or self.text[end] in "'’"):
            end += 1
        return textutil.word_key(self.text[start:end]) != lemma

    @cached_property
    def word_forms(self) -> tuple[list[str], list[str], list[str], dict[str, list[int]]]:
        """Per token: key (lower-case, apostrophes folded), crude stem, lemma; and for every
        distinct form, the tokens that have it.  Shared by all phrase rules."""
        tokens = self.tokens
        lemmas = self.lemmas
        keys = [t.key for t in tokens]
        stems = [textutil.crude_stem(k) for k in keys]
        lems = [lemmas.get(t.start, k) for t, k in zip(tokens, keys)]
        where: dict[str, list[int]] = {}
        for i, forms in enumerate(zip(keys, stems, lems)):
            for w in set(forms):
                where.setdefault(w, []).append(i)
        return keys, stems, lems, where

    @cached_property
    def generic_sentences(self) -> list[tuple[int, int]]:
        """Spans of sentences with no specifics (see :func:`features.generic_sentences`); computed
        only when the score asks, i.e. for posts where a signal fired and there is no detail."""
        from .features import generic_sentences

        return generic_sentences(self, self.features)

    @cached_property
    def features(self):
        from .features import Features

        return Features.of(self)
