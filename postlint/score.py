"""The calendar score: one 0-100 number per post, with its breakdown.

Each rule's violations add points (``score:`` in the rule: ``points`` for the
first, ``each`` for more, capped at ``max``; quote findings carry their own
points, scaled by how much of the post the quote is).  Amplifiers (missing
detail) count only when something else scored.  Concrete detail then
discounts the total: every number, name, date or first-person event takes
off a share, so a story that uses one slogan stays low.  "Generic text" is the
share of the post's prose that the signals cover; in a post with no specifics
at all it also takes in every sentence addressed to everyone or about an
abstraction, so a long post of interchangeable advice scores as what it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field

DISCOUNT_PER_DETAIL = 0.13
MAX_DISCOUNT = 0.75
LONG_POST_WORDS = 60


@dataclass
class ScoreResult:
    score: int
    raw: float
    discount: float
    parts: list[dict] = field(default_factory=list)  # {"rule", "name", "points", "count"}

    def to_dict(self) -> dict:
        return {"score": self.score, "raw": round(self.raw, 1), "discount": round(self.discount, 2),
                "signals": self.parts}

    def top(self, n: int = 3) -> str:
        return ", ".join(f"{p['name']} +{p['points']:g}" for p in sorted(self.parts, key=lambda p: -p["points"])[:n]
                         if p["points"] > 0)


COVERAGE_POINTS = 30.0
# In a post with no specifics at all, once a signal fired, every sentence addressed to everyone or
# about an abstraction (PostContext.generic_sentences) counts as generic text too.
GENERIC_SENTENCES = True
# rules whose spans say "this stretch of the post is generic"
COVERAGE_PREFIXES = ("PL1", "PL2", "PL301", "PL302", "PL303")


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def compute(violations: dict, rules: dict, features, text: str = "", generic=None) -> ScoreResult:
    """``text`` is the post's prose (``PostContext.masked``: links, handles and a trailing block
    of hashtags blanked), so "generic text X% of post" measures the prose, not the tags.
    ``generic`` returns the spans of the post's sentences with no specifics; it is called
    only when they can count."""
    parts = []
    raw = 0.0
    amp = []
    for rid, vs in violations.items():
        rule = rules.get(rid)
        if rule is None or not vs:
            continue
        sc = rule.meta.score
        custom = [v.data.get("points") for v in vs if isinstance(v.data, dict) and v.data.get("points") is not None]
        if custom:
            pts = float(max(custom)) + sc.each * (len(vs) - 1)
        else:
            pts = sc.points + sc.each * (len(vs) - 1)
        cap = sc.max or (sc.points if not custom else 100)
        pts = min(pts, cap) if cap else pts
        if pts <= 0:
            continue
        entry = {"rule": rid, "name": rule.meta.name, "points": round(pts, 1), "count": len(vs)}
        if sc.amplifier:
            amp.append(entry)
        else:
            parts.append(entry)
            raw += pts
    # details inside a quotation or its credit are not the author's own
    quoted = [(v.start, v.end) for rid, vs in violations.items() for v in vs
              if isinstance(v.data, dict) and ("quote_id" in v.data or "attributed_to" in v.data)]
    quoted += [tuple(v.data["attr_span"]) for vs in violations.values() for v in vs
               if isinstance(v.data, dict) and v.data.get("attr_span")]
    quoted += features.credited
    detail = features.concrete_outside(quoted)
    # how much of the post the generic signals cover
    spans = [(v.start, v.end) for rid, vs in violations.items() if rid.startswith(COVERAGE_PREFIXES) for v in vs]
    if spans and GENERIC_SENTENCES and generic is not None and detail == 0:
        # once a signal fired in a post with no specifics at all, every sentence addressed to
        # everyone or about an abstraction counts as generic text too
        spans += list(generic())
    body = len("".join(c for c in text if not c.isspace())) if text else 0
    if spans and body:
        covered = _union_length(spans)
        covered_chars = len("".join(c for s, e in spans for c in text[s:e] if not c.isspace()))
        share = min(1.0, min(covered, covered_chars) / body)
        pts = round(COVERAGE_POINTS * share, 1)
        if pts > 0:
            parts.append({"rule": "coverage", "name": f"generic text {share:.0%} of post", "points": pts, "count": 1})
            raw += pts
    if raw > 0:
        for entry in amp:
            parts.append(entry)
            raw += entry["points"]
    discount = min(MAX_DISCOUNT, DISCOUNT_PER_DETAIL * detail)
    if features.words > LONG_POST_WORDS:
        discount = min(MAX_DISCOUNT, discount + 0.1 * min(3, features.words // LONG_POST_WORDS))
    score = raw * (1 - discount)
    if discount:
        parts.append({"rule": "detail", "name": f"concrete detail x{detail}", "points": round(-raw * discount, 1),
                      "count": detail})
    return ScoreResult(int(round(min(100.0, score))), raw, discount, parts)
