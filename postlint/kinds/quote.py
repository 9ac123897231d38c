"""``kind: quote`` — famous quotes from the corpus, and who the post credits.

``report: quote`` (PL201) reports each corpus quote the post contains, with
``data`` = quote_id, quote, author, similarity (0-100), coverage,
attributed_to, attribution_note.  ``report: attribution`` (PL202) reports a
credit that disagrees with the corpus author, or a quote whose attribution is
documented as doubtful.
"""
from __future__ import annotations

from .. import attribution
from ..findings import Violation
from ..ruleset import Rule, Spec, kind
from ..textutil import tokenize


def quote_matches(ctx, threshold: float, min_words: int, extra: tuple = ()):
    """Matches for this post, computed once and shared by the quote rules."""
    cache = ctx.__dict__.setdefault("_quote_cache", {})
    key = (threshold, min_words, extra)
    if key not in cache:
        from ..quotes import get_index

        index = get_index(extra)
        allow = [a.lower() for a in ctx.options.get("allow_quotes", ())]
        out = []
        for m in index.match(ctx.text, threshold=threshold, min_fragment_words=min_words, tokens=ctx.tokens):
            if any(a and (a in m.record.text.lower() or a == m.record.id.lower()) for a in allow):
                continue
            attr = attribution.find(ctx.text, m.start, m.end, index.authors)
            out.append((m, attr))
        cache[key] = out
    return cache[key]


@kind("quote")
class QuoteRule(Rule):
    KEYS = {
        "report": "quote (famous quotes) or attribution (credit problems)",
        "threshold": "similarity 0-100 a match needs (default 86)",
        "min_words": "fewest words of a quote fragment (default 8)",
    }

    def __init__(self, meta, report, threshold, min_words):
        self.meta = meta
        self.report = report
        self.threshold = threshold
        self.min_words = min_words

    @classmethod
    def from_spec(cls, meta, spec: Spec, base):
        th = spec.get("threshold", float, 86.0)
        if not 50 <= th <= 100:
            raise spec.error("threshold", f"key 'threshold' must be between 50 and 100, got {th}")
        return cls(meta, spec.choice("report", ("quote", "attribution")), th, spec.int_in("min_words", 4, 40, 8))

    def compile(self, env):
        extra = tuple(getattr(env.settings, "quote_files", ()) or ()) if env.settings else ()
        self.extra = extra
        from ..quotes import get_index

        get_index(extra)  # build or load the cached index once, before the posts

    def check(self, ctx):
        extra = getattr(self, "extra", ())
        words = max(1, len([t for t in ctx.tokens if not t.hashtag]))
        for m, attr in quote_matches(ctx, self.threshold, self.min_words, extra):
            r = m.record
            author = r.author or "unknown author"
            given = attr.name if attr else None
            data = {"quote_id": r.id, "quote": r.text, "author": r.author or None, "similarity": m.similarity,
                    "coverage": m.coverage, "attributed_to": given, "attribution_note": r.attribution,
                    "source": r.source, "tags": list(r.tags),
                    "attr_span": [attr.start, attr.end] if attr else None}
            if self.report == "quote":
                qwords = len(tokenize(ctx.text[m.start:m.end]))
                share = min(1.0, qwords / words)
                data["share"] = round(share, 2)
                # score: a quote that is the whole post is a repost; one line in a story is not
                data["points"] = round(20 + 60 * share ** 1.5)
                msg = self.meta.message.replace("{author}", author).replace("{similarity}", f"{m.similarity:.0f}")
                who = f"{r.author}'s line" if r.author else "this quote"
                yield Violation(m.start, m.end, msg, data=data,
                                suggestion=f"Connect {who} in one sentence to something that happened to you, "
                                           "or drop it and tell that thing instead.")
            else:
                if given and r.author and not attribution.same_person(given, r.author):
                    data["problem"] = "mismatch"
                    note = f" ({r.attribution})" if r.attribution else ""
                    msg = (f"The post credits {given}, but this quote is usually given to {r.author}{note}.")
                    yield Violation(attr.start, attr.end, msg, data=data,
                                    suggestion=f"Credit {r.author}, or drop the line and say what you think yourself.")
                elif r.attribution and (given is None or attribution.same_person(given, _doubted(r) or given)):
                    data["problem"] = "doubtful"
                    who = given or r.author or "its usual author"
                    msg = f"Attribution problem for this quote credited to {who}: {r.attribution}"
                    s, e = (attr.start, attr.end) if attr else (m.start, m.end)
                    yield Violation(s, e, msg, data=data)


def _doubted(r) -> str | None:
    """The person a 'commonly attributed to X' note names, if any."""
    import re

    note = r.attribution or ""
    m = re.search(r"attributed to ([A-Z][\w.' -]+?)(?:[;,(]| and |$)", note)
    return m.group(1) if m else r.author
