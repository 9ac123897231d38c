"""``kind: metric`` — counts per post: hashtags, emoji, '!!!' runs, ALL-CAPS words, lines.

A violation is reported when the count exceeds ``max``; its span covers the
counted items (first to last), and ``data`` holds the count.
"""
from __future__ import annotations

import re

from ..findings import Violation
from ..ruleset import Rule, Spec, kind
from ..textutil import emoji_spans, hashtags

EXCLAIM_RE = re.compile(r"[!¡]{2,}[!?1]*|[?!]*\?!+[?!]*")
CAPS_RE = re.compile(r"(?<![\w#@])[A-Z][A-Z'’]{3,}(?![\w])")
MENTION_RE = re.compile(r"(?<![\w@])@\w+")

COUNTERS = ("hashtags", "emoji", "exclamations", "caps_words", "mentions")


def count_items(what: str, text: str) -> list[tuple[int, int]]:
    if what == "hashtags":
        return [(s, e) for s, e, _ in hashtags(text)]
    if what == "emoji":
        return emoji_spans(text)
    if what == "exclamations":
        return [m.span() for m in EXCLAIM_RE.finditer(text)]
    if what == "caps_words":
        return [m.span() for m in CAPS_RE.finditer(text)]
    if what == "mentions":
        return [m.span() for m in MENTION_RE.finditer(text)]
    raise ValueError(what)


@kind("metric")
class MetricRule(Rule):
    KEYS = {
        "count": f"what to count: {', '.join(COUNTERS)}",
        "max": "the most allowed per post",
        "ratio": "instead of max: the largest share of words (0-1) allowed",
        "min_items": "with ratio: the fewest items before the ratio applies",
    }

    def __init__(self, meta, what, maximum, ratio, min_items):
        self.meta = meta
        self.what = what
        self.max = maximum
        self.ratio = ratio
        self.min_items = min_items

    @classmethod
    def from_spec(cls, meta, spec: Spec, base):
        what = spec.choice("count", COUNTERS)
        maximum = spec.int_in("max", 0, 10_000, 0) if "max" in spec.data else -1
        ratio = spec.get("ratio", float, -1.0)
        if maximum < 0 and ratio < 0:
            raise spec.error(None, "a metric rule needs 'max' or 'ratio'")
        if ratio >= 0 and not 0 < ratio <= 1:
            raise spec.error("ratio", f"key 'ratio' must be between 0 and 1, got {ratio}")
        return cls(meta, what, maximum, ratio, spec.int_in("min_items", 0, 10_000, 1))

    def check(self, ctx):
        items = count_items(self.what, ctx.text)
        n = len(items)
        limit = ctx.options.get("max", self.max)
        if self.ratio >= 0:
            words = max(1, len(ctx.tokens))
            if n < self.min_items or n / words <= self.ratio:
                return
        elif n <= limit:
            return
        s, e = items[0][0], items[-1][1]
        msg = self.meta.message.replace("{count}", str(n)).replace("{max}", str(limit))
        yield Violation(s, e, msg.replace("{match}", ctx.text[s:e]), data={"count": n, "max": limit})
