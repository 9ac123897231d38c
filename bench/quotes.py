"""Quote-matcher benchmark: recall on edited corpus quotes, false matches on tweets, corpus scaling.

    python bench/quotes.py [--shared ../shared] [--sample 500] [--tweets 3000] [--scale 100000]

1. Recall.  Samples corpus quotes (8 to 60 words), applies each edit below, and
   runs the famous-quote rule's matcher (same threshold and fragment length as
   rules/quotes/famous-quote.yml) on the edited post.  A hit is a match whose
   corpus text is the sampled quote's text (duplicates under another id
   count); the author is right when the matched record names the same person.
2. False matches: ordinary tweets from tweeteval/sentiment with any quote match.
3. Scaling: per-post matcher time with the shipped corpus and with the corpus
   padded to --scale records with real sentences from social-raw (tweets and
   LinkedIn posts), over the same posts, median of 5 passes each.  Padding records are unique
   real sentences, then runs of 2-12 consecutive sentences, never taken from the
   timed posts.

Prints figures only; reads ../shared and never copies it.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from postlint import attribution
from postlint.quotes import QuoteIndex, QuoteRecord, load_records
from postlint.textutil import tokenize

ROOT = Path(__file__).resolve().parents[1]
CONTEXT_BEFORE = [
    "Been thinking about this all week.",
    "Saw this on my way in this morning and it stuck with me.",
    "Our quarterly planning starts tomorrow, so here is where my head is at:",
    "My grandmother used to say this.",
]
CONTEXT_AFTER = [
    "Anyway, back to the Q3 report.",
    "What do you all think?",
    "Have a good weekend, everyone.",
    "Off to the gym now.",
]


def words_of(text: str) -> list[str]:
    return text.split()


def edit_case(q, rng, author):
    return rng.choice([q.upper(), q.lower(), q.title()])


def edit_punctuation(q, rng, author):
    stripped = re.sub(r"[^\w\s']", "", q)
    return rng.choice([stripped, q.replace(",", "").replace(".", "!!!"), re.sub(r"\s*([,.;:])\s*", r" \1 ", q)])


def edit_curly(q, rng, author):
    return "“" + q.replace("'", "’") + "”"


def edit_typo(q, rng, author):
    ws = words_of(q)
    cands = [i for i, w in enumerate(ws) if len(re.sub(r"\W", "", w)) >= 5]
    if not cands:
        return None
    i = rng.choice(cands)
    w = ws[i]
    k = rng.randrange(1, len(re.sub(r"\W+$", "", w)) - 1)
    ws[i] = w[:k - 1] + w[k] + w[k - 1] + w[k + 1:]  # swap two adjacent letters
    return " ".join(ws)


def edit_drop_word(q, rng, author):
    ws = words_of(q)
    i = rng.randrange(1, len(ws))
    return " ".join(ws[:i] + ws[i + 1:])


def edit_truncate(q, rng, author):
    ws = words_of(q)
    keep = max(8, int(len(ws) * 0.7))
    if keep >= len(ws):
        return None
    return " ".join(ws[:keep]).rstrip(",.;:") + "..."


def edit_hashtags_emoji(q, rng, author):
    tags = rng.choice(["#MondayMotivation #quoteoftheday", "#motivation #success #mindset", "#inspiration"])
    return f"{q} 💪🔥✨ {tags}"


def edit_embed(q, rng, author):
    return f"{rng.choice(CONTEXT_BEFORE)} {q} {rng.choice(CONTEXT_AFTER)}"


def edit_attribution(q, rng, author):
    if not author:
        return None
    return rng.choice([f"\"{q}\" — {author}", f"{q} - {author}", f"{q} ~{author}"])


EDITS = {
    "case": edit_case,
    "punctuation": edit_punctuation,
    "curly quotes": edit_curly,
    "typo": edit_typo,
    "dropped word": edit_drop_word,
    "truncation": edit_truncate,
    "hashtags+emoji": edit_hashtags_emoji,
    "embedded": edit_embed,
    "attribution": edit_attribution,
}


def rule_settings() -> tuple[float, int]:
    spec = yaml.safe_load((ROOT / "rules" / "quotes" / "famous-quote.yml").read_text("utf-8"))
    return float(spec.get("threshold", 86)), int(spec.get("min_words", 8))


def tweet_texts(shared: Path, sub: str) -> list[str]:
    texts = []
    for f in sorted((shared / "social-raw" / "tweeteval" / sub).glob("*_text.txt")):
        texts += [ln.strip().replace("\\n", "\n") for ln in f.read_text("utf-8").splitlines() if ln.strip()]
    return texts


def linkedin_texts(shared: Path) -> list[str]:
    data = json.loads((shared / "social-raw" / "linkedin-influencers" / "linkedin_pairs.json").read_text("utf-8"))
    out, seen = [], set()
    for split in data.values():
        for pair in split if isinstance(split, list) else []:
            for post in pair.values():
                if isinstance(post, dict) and post.get("text") and post.get("id") not in seen:
                    seen.add(post.get("id"))
                    out.append(post["text"])
    return out


def padding_units(texts: list[str], exclude: set[str]) -> list[str]:
    """Unique real sentences (4-80 words), then runs of 2 to 12 consecutive sentences."""
    seen: set[str] = set()
    out: list[str] = []
    for size in range(1, 13):
        for t in texts:
            if t in exclude:
                continue
            sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
            for i in range(len(sents) - size + 1):
                unit = " ".join(sents[i:i + size])
                if 4 <= len(unit.split()) <= 80 and unit not in seen:
                    seen.add(unit)
                    out.append(unit)
    return out


def recall(index: QuoteIndex, records: list[QuoteRecord], n: int, threshold: float, min_words: int, seed: int):
    rng = random.Random(seed)
    pool = [r for r in records if 8 <= len(r.text.split()) <= 60]
    sample = rng.sample(pool, min(n, len(pool)))
    by_text = defaultdict(set)
    for r in records:
        by_text[" ".join(t.key for t in tokenize(r.text))].add(r.id)
    stats = {name: Counter() for name in EDITS}
    failures = defaultdict(list)
    for r in sample:
        key = " ".join(t.key for t in tokenize(r.text))
        same = by_text[key]
        for name, fn in EDITS.items():
            post = fn(r.text, rng, r.author)
            if post is None:
                continue
            stats[name]["n"] += 1
            ms = index.match(post, threshold=threshold, min_fragment_words=min_words)
            hit = next((m for m in ms if m.record.id in same or m.record.id == r.id), None)
            if hit is None:
                failures[name].append((r.id, post))
                continue
            stats[name]["hit"] += 1
            if r.author:
                stats[name]["authored"] += 1
                if attribution.same_person(hit.record.author, r.author) or hit.record.author == r.author:
                    stats[name]["author_ok"] += 1
            if name == "attribution":
                a = attribution.find(post, hit.start, hit.end, index.authors)
                stats[name]["attr_parsed"] += bool(a and attribution.same_person(a.name, r.author))
    return len(pool), len(sample), stats, failures


def per_post_time(index: QuoteIndex, posts: list[str], threshold: float, min_words: int, passes: int = 5) -> float:
    toks = [tokenize(p) for p in posts]
    times = []
    for _ in range(passes):
        t0 = time.perf_counter()
        for p, tk in zip(posts, toks):
            index.match(p, threshold=threshold, min_fragment_words=min_words, tokens=tk)
        times.append((time.perf_counter() - t0) / len(posts))
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--tweets", type=int, default=3000)
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--show-failures", type=int, default=0, help="print this many failed posts per edit")
    args = ap.parse_args()
    shared = Path(args.shared)
    threshold, min_words = rule_settings()
    records = load_records()
    t0 = time.perf_counter()
    index = QuoteIndex.load(use_cache=False)
    build_s = time.perf_counter() - t0
    print(f"machine: {os.cpu_count()} cores; corpus: {len(records):,} quotes (index built in {build_s:.2f} s); "
          f"threshold {threshold:g}, min fragment {min_words} words")

    # 1. recall on edited quotes
    pool, n, stats, failures = recall(index, records, args.sample, threshold, min_words, args.seed)
    print(f"\n1. recall on {n} sampled corpus quotes of 8-60 words (pool {pool:,}), one post per quote and edit")
    print(f"   {'edit':<16}{'posts':>7}{'recall':>9}{'author ok':>11}")
    tot = Counter()
    for name in EDITS:
        s = stats[name]
        tot.update(s)
        extra = f"   attribution parsed {s['attr_parsed'] / max(1, s['hit']):.1%}" if name == "attribution" else ""
        print(f"   {name:<16}{s['n']:>7}{s['hit'] / max(1, s['n']):>9.1%}"
              f"{s['author_ok'] / max(1, s['authored']):>11.1%}{extra}")
        for rid, post in failures[name][:args.show_failures]:
            print(f"      miss {rid}: {post[:140]!r}")
    rec = tot["hit"] / max(1, tot["n"])
    auth = tot["author_ok"] / max(1, tot["authored"])
    print(f"   {'all':<16}{tot['n']:>7}{rec:>9.1%}{auth:>11.1%}   (targets: recall >= 95%, author >= 95%)")

    # 2. false matches on ordinary tweets
    tw = tweet_texts(shared, "sentiment")
    random.Random(args.seed).shuffle(tw)
    tw = tw[:args.tweets]
    hits = [(t, ms) for t in tw if (ms := index.match(t, threshold=threshold, min_fragment_words=min_words))]
    print(f"\n2. tweeteval/sentiment: {len(hits)} of {len(tw):,} ordinary tweets got a quote match "
          f"({len(hits) / max(1, len(tw)):.2%}; target <= 1%)")
    for t, ms in hits[:args.show_failures]:
        print(f"      {ms[0].record.author}: {t[:120]!r}")

    # 3. scaling
    # pad with real text that is not among the timed posts
    padding = padding_units(tweet_texts(shared, "sentiment") + tweet_texts(shared, "emotion")
                            + linkedin_texts(shared), exclude=set(tw[:2000]))
    need = max(0, args.scale - len(records))
    if len(padding) < need:
        print(f"   note: only {len(padding):,} padding units of real text; the padded corpus is smaller")
    big = records + [QuoteRecord(f"pad:{i}", s, "", "bench", "bench") for i, s in enumerate(padding[:need])]
    t0 = time.perf_counter()
    big_index = QuoteIndex.build(big)
    big_index.authors = index.authors
    big_build = time.perf_counter() - t0
    posts = tw[:2000] + [edit_embed(r.text, random.Random(i), r.author) for i, r in enumerate(records[::20][:500])]
    small_t = per_post_time(index, posts, threshold, min_words)
    big_t = per_post_time(big_index, posts, threshold, min_words)
    print(f"\n3. scaling over {len(posts):,} posts (2,000 tweets + 500 posts embedding a quote), median of 5 passes")
    print(f"   shipped corpus {len(records):>9,} quotes: {small_t * 1e6:8.1f} µs/post")
    print(f"   padded corpus  {len(big):>9,} quotes: {big_t * 1e6:8.1f} µs/post  (index built in {big_build:.1f} s)")
    print(f"   ratio {big_t / small_t:.2f}x for {len(big) / len(records):.1f}x the quotes (target <= 1.5x)")
    ok = rec >= 0.95 and auth >= 0.95 and len(hits) / max(1, len(tw)) <= 0.01 and big_t / small_t <= 1.5
    print("\nall targets met" if ok else "\nsome targets missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
