"""Post-level rewrite advice: themes, questions, a scaffold that keeps the post's own material.

The guidance per theme is data (``postlint/guidance/themes.yml``); a team can
point ``guidance`` elsewhere to use its own voice.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from .textutil import crude_stem, tokenize

SIGNAL_RULES_LINE = ("PL1", "PL2", "PL3", "PL4")


@lru_cache(maxsize=4)
def load_guidance(path: str | None = None) -> dict:
    from .yamlload import load_yaml

    if path:
        from pathlib import Path

        text = Path(path).read_text("utf-8")
    else:
        text = (resources.files("postlint") / "guidance" / "themes.yml").read_text("utf-8")
    data = load_yaml(text)
    for name, g in data.items():
        for key in ("keywords", "questions", "scaffold", "example"):
            if key not in g:
                raise ValueError(f"guidance theme {name!r} lacks {key!r}")
    return data


def detect_themes(text: str, violations: dict, rules: dict, guidance: dict) -> list[tuple[str, float]]:
    """Ranked (theme, weight): quote tags, rule themes, then keyword lexicons."""
    scores: Counter = Counter()
    for rid, vs in violations.items():
        rule = rules.get(rid)
        if rule is None:
            continue
        for t in rule.meta.theme:
            if t in guidance:
                scores[t] += 2.0 * len(vs)
        for v in vs:
            for tag in (v.data.get("tags") or []) if isinstance(v.data, dict) else []:
                tag = tag.lower()
                if tag in guidance:
                    scores[tag] += 4.0
                else:
                    for name, g in guidance.items():
                        if crude_stem(tag) in {crude_stem(k) for k in g["keywords"]}:
                            scores[name] += 1.5
    stems = Counter(crude_stem(t.key) for t in tokenize(text))
    for name, g in guidance.items():
        kw = {crude_stem(k) for k in g["keywords"]}
        hit = sum(c for s, c in stems.items() if s in kw)
        if hit:
            scores[name] += hit
    return [(t, round(w, 1)) for t, w in scores.most_common() if w > 0]


def kept_material(post_text: str, ctx, flagged_spans: list[tuple[int, int]]) -> list[str]:
    """The post's concrete parts: sentences no finding touches that hold a detail, plus numbers/names."""
    f = ctx.features
    kept: list[str] = []
    details = [(s, e) for s, e, _ in f.entities] + [tuple(n) for n in f.numbers] + list(f.first_person_past)
    for s0, s1 in ctx.sentences:
        if any(s0 < e and s < s1 for s, e in flagged_spans):
            continue
        sent = post_text[s0:s1].strip()
        if sent and any(s0 <= s < s1 for s, _ in details) and len(sent.split()) >= 3:
            kept.append(sent)
    if not kept:
        from .heuristics._base import ABSTRACT

        for s, e in sorted(set(details)):
            if any(a <= s < b for a, b in flagged_spans):
                continue  # part of a cliché or of a quote's credit
            frag = post_text[s:e].strip()
            words = frag.split()
            if not frag or frag in kept or frag.startswith("#"):
                continue
            if len(words) == 1 and crude_stem(frag.lower()) in ABSTRACT:
                continue  # "Success" tagged as a name is not material
            kept.append(frag)
    return kept[:6]


def advise(post, ctx, violations: dict, rules: dict, findings: list) -> dict:
    guidance = load_guidance()
    themes = detect_themes(ctx.text, violations, rules, guidance) or [("growth", 0.0)]
    top = themes[0][0]
    g = guidance[top]
    base = post.offset if post.file else 0
    spans = [(f_.start - base, f_.end - base)
             for f_ in findings if not f_.rule_id.startswith("PL9") and f_.rule_id != "PL305"]
    # a quote's credit ("— Mark Twain") is not the author's own material
    spans += [tuple(f_.data["attr_span"]) for f_ in findings
              if isinstance(f_.data, dict) and f_.data.get("attr_span")]
    kept = kept_material(post.text, ctx, spans)
    replace = []
    for f_ in findings:
        if f_.rule_id.startswith("PL9") or f_.rule_id == "PL305" or f_.rule_id == "PL304":
            continue
        replace.append({"rule": f_.rule_name, "line": f_.line, "text": f_.match[:200]})
    quote_note = None
    for f_ in findings:
        if f_.rule_id in ("PL201", "PL202", "PL203"):
            d = f_.data
            who = d.get("author") or d.get("attributed_to")
            note = d.get("attribution_note")
            if who is None:
                whose = "This line reads as a quotation"
            elif re.search(r"\d:\d", who):  # chapter and verse
                whose = f"This line is from {who}"
            else:
                whose = f"This line is {who}'s"
            quote_note = (whose + (f" ({note})" if note else "") +
                          ". Two honest options: connect it in one sentence to something that happened to you, "
                          "or drop it and tell that thing instead.")
            break
    kept_text = " ".join(kept) if kept else ""
    scaffold = g["scaffold"].replace("{kept}", (f"[keep: {kept_text}]" if kept_text else "")).replace("  ", " ")
    return {
        "themes": [t for t, _ in themes[:3]],
        "theme_scores": dict(themes[:5]),
        "questions": list(g["questions"]),
        "scaffold": scaffold,
        "example": g["example"],
        "kept": kept,
        "replace": replace[:5],
        "quote": quote_note,
    }
