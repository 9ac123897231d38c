"""Accuracy benchmark: precision/recall/F1 on the labeled dev set, flag rate on unlabeled posts.

    python bench/accuracy.py [--shared ../shared] [--unlabeled 3000]

"Flagged" = at least one finding at or above the default --fail-on (warning).
Reads ../shared/eval/posts-dev.jsonl and ../shared/social-raw; prints figures only.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from postlint.config import Settings
from postlint.engine import Linter
from postlint.findings import Severity
from postlint.source import Post


def flagged(res, fail_on=Severity.WARNING) -> bool:
    return any(f.severity >= fail_on for f in res.findings)


def tweets(shared: Path, sub: str, n: int, seed: int = 7) -> list[str]:
    texts = []
    for f in sorted((shared / "social-raw" / "tweeteval" / sub).glob("*_text.txt")):
        texts += [ln.strip().replace("\\n", "\n") for ln in f.read_text("utf-8").splitlines() if ln.strip()]
    random.Random(seed).shuffle(texts)
    return texts[:n]


def linkedin(shared: Path, n: int, seed: int = 7) -> list[str]:
    data = json.loads((shared / "social-raw" / "linkedin-influencers" / "linkedin_pairs.json").read_text("utf-8"))
    seen, texts = set(), []
    for split in ("train", "test"):
        for pair in data.get(split, []):
            for key in pair:
                post = pair[key]
                if isinstance(post, dict) and post.get("text") and post.get("id") not in seen:
                    seen.add(post.get("id"))
                    texts.append(post["text"])
    random.Random(seed).shuffle(texts)
    return texts[:n]


WHOLE_POST_RULES = ("PL900", "PL305", "PL304", "PL406")


def own_material(res) -> list[str]:
    """An independent check for the author's own concrete material, outside every finding and
    outside a quote's credit: numbers, runs of two or more capitalised words ("Elm Street",
    "Dana Scully"), and a capitalised word after in/at/with/from/to/for ("at Stripe")."""
    import re

    text = res.post.text
    spans = [(f.start, f.end) for f in res.findings if f.rule_id not in WHOLE_POST_RULES]
    spans += [tuple(f.data["attr_span"]) for f in res.findings if isinstance(f.data, dict) and f.data.get("attr_span")]
    pattern = (r"(?<![#@/\w])\d[\d,.%]*"
               r"|(?<![#@\w])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+"
               r"|\b(?:in|at|with|from|to|for) (?P<after>[A-Z][a-z]+)")
    out = []
    for m in re.finditer(pattern, text):
        start = m.start("after") if m.group("after") else m.start()
        if not any(a <= start < b for a, b in spans):
            out.append(m.group("after") or m.group())
    return out


def advice_report(rows, results) -> None:
    """Rewrite advice on the flagged dev-set posts: present, varied, and keeping the post's material."""
    flagged_res = [(r, res) for r, res in zip(rows, results) if res.flagged]
    with_advice = [(r, res) for r, res in flagged_res if res.advice and all(
        res.advice.get(k) for k in ("themes", "questions", "scaffold", "example"))]
    top = Counter(res.advice["themes"][0] for _, res in with_advice)
    anywhere = Counter(t for _, res in with_advice for t in res.advice["themes"])
    has_material = [(r, res) for r, res in with_advice if own_material(res)]
    lost = [r["id"] for r, res in has_material if not res.advice.get("kept")]
    print(f"advice: {len(with_advice)} of {len(flagged_res)} flagged dev posts have advice "
          f"(themes, questions, scaffold, example); {len(top)} distinct lead themes, "
          f"{len(anywhere)} themes in the top three")
    print("  lead themes:", ", ".join(f"{t} {n}" for t, n in top.most_common()))
    print(f"  posts with concrete material: {len(has_material)}; advice keeps it for "
          f"{len(has_material) - len(lost)}" + (f"; not kept: {' '.join(lost)}" if lost else ""))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--unlabeled", type=int, default=3000)
    args = ap.parse_args()
    shared = Path(args.shared)
    linter = Linter(Settings())
    rows = [json.loads(ln) for ln in (shared / "eval" / "posts-dev.jsonl").read_text("utf-8").splitlines() if ln.strip()]
    posts = [Post(r["id"], i, r["text"], 1) for i, r in enumerate(rows)]
    t0 = time.perf_counter()
    results = list(linter.lint_posts(posts))
    tp = fp = fn = tn = 0
    per = defaultdict(lambda: [0, 0, 0, 0])
    misses, alarms = [], []
    for r, res in zip(rows, results):
        pred = flagged(res)
        gold = r["label"] == "cliche"
        src = r["source"].split("/")[0]
        if pred and gold:
            tp += 1; per[src][0] += 1
        elif pred and not gold:
            fp += 1; per[src][1] += 1; alarms.append((r["id"], res.score.score if res.score else None))
        elif gold:
            fn += 1; per[src][2] += 1; misses.append((r["id"], res.score.score if res.score else None))
        else:
            tn += 1; per[src][3] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print(f"machine: {os.cpu_count()} cores; model: {linter.model_name}")
    print(f"dev set ({len(rows)} posts, {time.perf_counter() - t0:.1f}s): precision {p:.3f}  recall {rc:.3f}  F1 {f1:.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn}, tn {tn}); false-alarm rate {fp / max(1, fp + tn):.3f}")
    for src, (a, b, c, d) in sorted(per.items()):
        sp = a / (a + b) if a + b else float("nan")
        sr = a / (a + c) if a + c else float("nan")
        print(f"  {src:<22} precision {sp:.3f} recall {sr:.3f}  (tp {a}, fp {b}, fn {c}, tn {d})")
    print("misses (id, score):", " ".join(f"{i}:{s}" for i, s in misses))
    print("false alarms (id, score):", " ".join(f"{i}:{s}" for i, s in alarms))
    advice_report(rows, results)
    for name, texts in (("tweeteval/sentiment", tweets(shared, "sentiment", args.unlabeled)),
                        ("tweeteval/emotion", tweets(shared, "emotion", args.unlabeled)),
                        ("linkedin-influencers", linkedin(shared, args.unlabeled))):
        res = list(linter.lint_posts(Post(name, i, t, 1) for i, t in enumerate(texts)))
        n = sum(flagged(x) for x in res)
        q = sum(any(f.rule_id == "PL201" for f in x.findings) for x in res)
        print(f"unlabeled {name:<22} {len(texts)} posts: flagged {n} ({n / max(1, len(texts)):.1%}); "
              f"famous-quote findings {q} ({q / max(1, len(texts)):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
