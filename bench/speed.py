"""Speed and memory against the spaCy floor, side by side in one run.

    python bench/speed.py [--shared ../shared] [--posts 5000] [--runs 3]

* throughput: `postlint check --format json` over N real posts from ../shared/social-raw
  (tweets and LinkedIn posts) against bare `spacy.load(<same pipeline>)` + `nlp.pipe` with the
  full default pipeline over the same texts; both timed as whole processes (start-up included);
* start-up: `postlint check` on one short post against `python -c "import spacy; spacy.load(...)"`,
  and `postlint --help`;
* parallel: `--jobs 2` against `--jobs 1` on the same N posts;
* memory: peak RSS of the `--jobs 1` throughput run (the process's own maximum resident set).

Medians of --runs runs (start-up: 5 runs).  Each run is a fresh process; the quote-index cache
is warmed first.  Quote-corpus scaling is in bench/quotes.py.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import linkedin, tweets  # noqa: E402


def pipeline_name() -> str:
    import spacy

    from postlint.nlp import DEFAULT_MODELS

    return next(m for m in DEFAULT_MODELS if spacy.util.is_package(m))


def timed(cmd: list[str], cwd: Path, env: dict) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in KB) of one process."""
    t0 = time.perf_counter()
    with open(os.devnull, "w") as sink:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        err = p.stderr.read().decode("utf-8", "replace")
        p.stderr.close()
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.strip()[:300]}")
    return wall, code, usage.ru_maxrss


def median_of(n: int, cmd: list[str], cwd: Path, env: dict) -> tuple[float, int]:
    runs = [timed(cmd, cwd, env) for _ in range(n)]
    return statistics.median(r[0] for r in runs), max(r[2] for r in runs)


BARE = """import json, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
nlp = spacy.load(sys.argv[1])
for doc in nlp.pipe(texts):  # spaCy defaults
    pass
"""
LOAD = "import sys, spacy; spacy.load(sys.argv[1])"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--posts", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    shared = Path(args.shared)
    postlint = shutil.which("postlint") or str(Path(sys.executable).parent / "postlint")
    model = pipeline_name()
    half = args.posts // 2
    texts = tweets(shared, "sentiment", half) + linkedin(shared, args.posts - half)
    random.Random(3).shuffle(texts)
    work = Path(tempfile.mkdtemp(prefix="postlint-bench-"))
    env = dict(os.environ)
    env.setdefault("POSTLINT_CACHE_DIR", str(work / "cache"))
    data = work / "posts.jsonl"
    data.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), "utf-8")
    short = work / "short.txt"
    short.write_text("We shipped the billing export on Tuesday, 3 weeks late.\n", "utf-8")
    chars = sum(len(t) for t in texts)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; pipeline: {model}")
    print(f"posts: {len(texts):,} real posts ({half:,} tweets, {len(texts) - half:,} LinkedIn), "
          f"{chars / len(texts):.0f} characters on average; medians of {args.runs} runs\n")

    timed([postlint, "check", "-q", str(short)], work, env)  # warm the quote-index cache

    # throughput + memory
    pl, pl_rss = median_of(args.runs, [postlint, "check", "--format", "json", "-q", str(data)], work, env)
    bare, bare_rss = median_of(args.runs, [sys.executable, "-c", BARE, model, str(data)], work, env)
    print("throughput (whole process, start-up included)")
    print(f"  bare spaCy, full pipeline   {bare:6.2f} s  {len(texts) / bare:7.0f} posts/s  peak RSS {bare_rss / 1024:5.0f} MB")
    print(f"  postlint check --format json {pl:5.2f} s  {len(texts) / pl:7.0f} posts/s  peak RSS {pl_rss / 1024:5.0f} MB")
    print(f"  ratio postlint/bare: {bare / pl:.2f}x (target >= 1.0x); peak RSS {pl_rss / 1024:.0f} MB (target < 400 MB)\n")

    # parallel
    j2, _ = median_of(args.runs, [postlint, "check", "--format", "json", "-q", "--jobs", "2", str(data)], work, env)
    print("parallel")
    print(f"  --jobs 1 {pl:6.2f} s   --jobs 2 {j2:6.2f} s   speed-up {pl / j2:.2f}x (target >= 1.6x on 2 cores)\n")

    # start-up
    start, _ = median_of(5, [postlint, "check", "-q", str(short)], work, env)
    load, _ = median_of(5, [sys.executable, "-c", LOAD, model], work, env)
    helps, _ = median_of(5, [postlint, "--help"], work, env)
    print("start-up (median of 5)")
    print(f"  python -c 'import spacy; spacy.load(...)' {load:5.2f} s")
    print(f"  postlint check <one short post>          {start:5.2f} s   ratio {start / load:.2f}x (target <= 1.25x)")
    print(f"  postlint --help                          {helps:5.2f} s   (target < 0.3 s)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
