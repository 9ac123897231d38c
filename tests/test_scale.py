"""Scale: --jobs keeps output identical, fast paths never load spaCy, JSONL streams."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

TEXTS = [
    "Never give up! Dream big! Your only limit is your mind. #MondayMotivation {i}",
    "We shipped {i} features in May; the export one took 6 weeks.",
    "Be the change you wish to see in the world. — Gandhi",
    "Stay hungry, stay foolish.",
    "Lunch with Ana and Rui at the Porto office, {i} of us in total 🎉",
]




def write_jsonl(path: Path, n: int, broken_at: int | None = None) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": TEXTS[i % len(TEXTS)].format(i=i)}, ensure_ascii=False) + "\n")
            if i == broken_at:
                fh.write('{"text": broken\n')


@pytest.mark.slow
def test_jobs_2_output_equals_jobs_1(tmp_path, cli_env):
    write_jsonl(tmp_path / "a.jsonl", 900, broken_at=400)
    (tmp_path / "b.md").write_text("Never give up!\n---\nWe hired 2 people in May.\n", encoding="utf-8")
    outs = {}
    for jobs in ("1", "2"):
        for fmt in ("json", "text"):
            r = subprocess.run(["postlint", "check", "--format", fmt, "--jobs", jobs, "a.jsonl", "b.md"],
                               cwd=tmp_path, env=cli_env, capture_output=True, text=True, timeout=600)
            assert r.returncode == 2 and "a.jsonl:402: invalid JSON" in r.stderr
            outs[jobs, fmt] = r.stdout
    assert outs["1", "json"] == outs["2", "json"]
    assert outs["1", "text"] == outs["2", "text"]
    doc = json.loads(outs["2", "json"])
    assert [p["index"] for p in doc["posts"][:3]] == [0, 1, 2] and len(doc["posts"]) == 902


def test_jobs_option_validation(tmp_path):
    from click.testing import CliRunner

    from postlint.cli import cli
    from postlint.runner import resolve_jobs

    assert resolve_jobs("auto") >= 1 and resolve_jobs("3") == 3 and resolve_jobs("1") == 1
    r = CliRunner().invoke(cli, ["check", "--jobs", "zero", "x.txt"])
    assert r.exit_code == 2 and "--jobs" in r.stderr


@pytest.mark.parametrize("argv", [
    ["--help"], ["--version"], ["check", "--help"], ["rules"], ["explain", "famous-quote"],
    ["explain", "persistence"], ["quote", "Stay hungry, stay foolish"],
])
def test_fast_paths_do_not_import_spacy(argv, tmp_path, cli_env):
    code = ("import sys\nfrom postlint.cli import main\nsys.argv = ['postlint'] + %r\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write('SPACY_LOADED=%%s\\n' %% ('spacy' in sys.modules))\n" % (argv,))
    r = subprocess.run([sys.executable, "-c", code], env=cli_env, cwd=tmp_path, capture_output=True, text=True,
                       timeout=120)
    assert "SPACY_LOADED=False" in r.stderr, r.stderr


def test_jsonl_streams_from_stdin(tmp_path, cli_env):
    """The first results come out while the input is still being written."""
    p = subprocess.Popen(["postlint", "check", "--format", "jsonl", "--stdin-filename", "feed.jsonl", "-"],
                         cwd=tmp_path, env=cli_env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        for i in range(600):  # more than two batches
            p.stdin.write(json.dumps({"text": TEXTS[i % len(TEXTS)].format(i=i)}) + "\n")
        p.stdin.flush()
        first = json.loads(p.stdout.readline())  # blocks until postlint emits; stdin is still open
        assert first["source"] == "feed.jsonl" and first["index"] == 0
        p.stdin.write(json.dumps({"text": "last"}) + "\n")
        p.stdin.close()
        rest = p.stdout.read().splitlines()
        assert json.loads(rest[-1])["index"] == 600
    finally:
        p.kill()
        p.wait()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 for the child's peak memory")
def test_large_jsonl_memory_is_bounded(tmp_path, cli_env):
    """Peak memory of a 20x larger JSONL input stays about the same: posts are never all in memory.
    Only rules that need no spaCy pipeline are selected so the test is quick; the reading
    and writing path is the same."""
    def peak_kb(n):
        f = tmp_path / f"in-{n}.jsonl"
        write_jsonl(f, n)
        with open(os.devnull, "w") as sink:
            p = subprocess.Popen(["postlint", "check", "--format", "jsonl", "--select", "PL402,PL403,PL404,PL405,PL407", f.name], cwd=tmp_path,
                                 env=cli_env, stdout=sink, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(p.pid, 0)
        assert os.waitstatus_to_exitcode(status) in (0, 1)
        return usage.ru_maxrss

    t0 = time.perf_counter()
    small, big = peak_kb(20_000), peak_kb(400_000)
    print(f"peak RSS: {small} KB for 20,000 posts, {big} KB for 400,000")
    assert big < small * 1.2 + 10_000, (small, big)
    assert time.perf_counter() - t0 < 200


def test_progress_only_on_a_terminal(tmp_path, monkeypatch):
    import io

    from click.testing import CliRunner

    from postlint.cli import Progress, cli

    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "many.jsonl", 400)
    r = CliRunner().invoke(cli, ["check", "--select", "PL402,PL403", "many.jsonl"])
    assert "\r" not in r.stderr and "posts checked (" not in r.stderr  # stderr is not a terminal here

    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    p = Progress(enabled=True)
    for n in range(1, 400):
        p.tick(n)
    assert "\rpostlint: 300 posts checked" in err.getvalue()
    p.clear()
    assert err.getvalue().endswith("\r\033[K")
    quiet = Progress(enabled=False)
    quiet.tick(1000)
    assert err.getvalue().endswith("\r\033[K")
