"""Reliability: hostile files through the real CLI, hostile rules and config, nothing lost."""
import hashlib
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from postlint.cli import cli

CLICHE = "Never give up! Dream big! Your only limit is your mind. #MondayMotivation"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8

# name -> (bytes, allowed exit codes, text the one-line message must contain or None)
NASTY = {
    "empty.txt": (b"", {0}, None),
    "whitespace.txt": (b"  \n\t\n   \r\n", {0}, None),
    "huge-line.txt": (b"Never give up " * (10 * 1024 * 1024 // 14), {1}, None),  # 10 MB, over the post limit
    "nul.txt": (b"Never give up\x00\x00 dream big\n", {2}, "nul.txt:1: binary file"),
    "image.png": (PNG, {2}, "image.png:3: binary file"),
    "invalid-utf8.txt": (b"Line one is fine.\nNever give up \xff\xfe here\n", {2}, "invalid-utf8.txt:2: not valid UTF-8"),
    "utf16-bom.txt": (("\ufeff" + CLICHE + "\n").encode("utf-16-le"), {1}, None),
    "bad-utf16.txt": (b"\xff\xfe\x00\xd8", {2}, "bad-utf16.txt: not valid UTF-16"),
    "mixed-newlines.txt": (b"We shipped 3 features.\r\nNever give up!\rDream big.\nThanks to Ana.\n", {0, 1}, None),
    "long-word.txt": (b"a" * 10000 + b" we shipped it in May\n", {0}, None),
    "ragged.csv": (b'id,text\n1,"Line one\nline two, never give up"\n2,"ok post",extra,fields\n3\n'
                   b'4,"Dream big, hustle hard! #MondayMotivation"\n', {2}, "ragged.csv:5:"),
    "malformed-middle.jsonl": (b'{"text": "We shipped 3 features in May."}\n{"text": "broken\n'
                               b'{"text": "Never give up! Dream big! #MondayMotivation"}\n', {2},
                               "malformed-middle.jsonl:2: invalid JSON"),
}




@pytest.fixture(scope="module")
def nasty(tmp_path_factory):
    d = tmp_path_factory.mktemp("nasty")
    for name, (data, _, _) in NASTY.items():
        (d / name).write_bytes(data)
    return d


def digest(folder: Path) -> dict:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("name", sorted(NASTY))
def test_nasty_file(nasty, name, monkeypatch):
    monkeypatch.chdir(nasty)
    _, codes, needle = NASTY[name]
    t0 = time.perf_counter()
    r = CliRunner().invoke(cli, ["check", name, "--no-advice"])
    elapsed = time.perf_counter() - t0
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in codes, r.output
    assert "Traceback" not in r.output
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("postlint:")]
    if needle:
        assert len(errors) == 1 and needle in errors[0], r.stderr
    assert elapsed < 30, f"{name} took {elapsed:.1f} s"


def test_nasty_corpus_in_one_process_changes_nothing(nasty, tmp_path, cli_env):
    """The whole corpus through the installed `postlint` executable: bad files are named,
    good posts are still linted, no traceback, inputs untouched, done in seconds."""
    before = digest(nasty)
    t0 = time.perf_counter()
    r = subprocess.run(["postlint", "check", "--format", "json", *sorted(NASTY)], cwd=nasty, env=cli_env,
                       capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t0
    assert r.returncode == 2 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 6 and all(ln.startswith("postlint: ") for ln in lines)
    doc = json.loads(r.stdout)
    sources = {p["source"] for p in doc["posts"]}
    assert {"utf16-bom.txt", "mixed-newlines.txt", "ragged.csv", "malformed-middle.jsonl"} <= sources
    too_long = [f for p in doc["posts"] for f in p["findings"] if f["rule_name"] == "post-too-long"]
    assert len(too_long) == 1 and too_long[0]["data"]["length"] > 10_000_000 - 20
    assert digest(nasty) == before
    assert elapsed < 60


def test_post_size_limit_is_configurable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("We shipped it. " * 100, encoding="utf-8")
    (tmp_path / ".postlint.yaml").write_text("max-post-chars: 500\n")
    doc = json.loads(CliRunner().invoke(cli, ["check", "--format", "json", "a.txt"]).stdout)
    (f,) = doc["posts"][0]["findings"]
    assert f["rule_id"] == "PL901" and f["data"] == {"length": 1499, "limit": 500}  # trailing space trimmed
    (tmp_path / ".postlint.yaml").write_text("max-post-chars: -3\n")
    r = CliRunner().invoke(cli, ["check", "a.txt"])
    assert r.exit_code == 2 and "max-post-chars" in r.stderr


# ------------------------------------------------------------------ rules
RULE = """id: PL960
name: {name}
kind: regex
level: warning
message: "m"
why: w
suggestion: s
patterns: ['{pattern}']
examples: {{bad: [aaa!], good: [b]}}
"""


def test_catastrophic_regex_times_out_and_names_the_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "evil.yml").write_text(RULE.format(name="evil", pattern="(a+)+$"))
    (tmp_path / ".postlint.yaml").write_text("rule-dirs: [rules]\n")
    (tmp_path / "post.txt").write_text("a" * 5000 + "!\n")
    (tmp_path / "other.txt").write_text(CLICHE)
    t0 = time.perf_counter()
    r = CliRunner().invoke(cli, ["check", "--format", "json", "post.txt", "other.txt"])
    assert time.perf_counter() - t0 < 20
    assert r.exit_code == 2
    assert "post.txt:1: rule PL960 evil:" in r.stderr and "took over" in r.stderr
    doc = json.loads(r.stdout)
    assert doc["posts"][1]["flagged"]  # the other post and the other rules still ran
    assert any(f["rule_id"] == "PL904" and f["data"]["failed_rule"] == "PL960" for f in doc["posts"][0]["findings"])


def test_rule_failing_at_run_time(tmp_path, monkeypatch):
    from postlint.heuristics.universal_you import UniversalYou

    def boom(self, ctx):
        raise ZeroDivisionError("division by zero")
        yield  # pragma: no cover

    monkeypatch.setattr(UniversalYou, "check", boom)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(CLICHE)
    r = CliRunner().invoke(cli, ["check", "--format", "json", "a.txt"])
    assert r.exit_code == 2
    assert "a.txt:1: rule PL302 universal-you: ZeroDivisionError: division by zero" in r.stderr
    found = {f["rule_id"] for f in json.loads(r.stdout)["posts"][0]["findings"]}
    assert "PL904" in found and "PL104" in found and "PL302" not in found


@pytest.mark.parametrize("yaml_text,needle", [
    ("max-score: high\n", "max-score"),
    ("fail-on: sometimes\n", "fail-on"),
    ("ignore: 3\n", "ignore"),
    ("ignore: [famous-quote, 3]\n", "ignore"),
    ("severity: {famous-quote: loud}\n", "famous-quote"),
    ("max-post-chars: 1.5\n", "max-post-chars"),
    ("per-file-ignores: [a, b]\n", "per-file-ignores"),
    ("allow: {a: 1}\n", "allow"),
    ("- just\n- a list\n", "mapping"),
])
def test_config_type_errors_name_key_and_type(tmp_path, monkeypatch, yaml_text, needle):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".postlint.yaml").write_text(yaml_text)
    (tmp_path / "a.txt").write_text("We shipped it.")
    r = CliRunner().invoke(cli, ["check", "a.txt"])
    assert r.exit_code == 2
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("postlint: ") and ".postlint.yaml" in line and needle in line


# ------------------------------------------------------------------ nothing lost
BUILD = ("import sys; from postlint.quotes import QuoteIndex; "
         "idx = QuoteIndex.load(); print(len(idx.keys))")


def test_concurrent_cache_builds_leave_a_valid_cache(tmp_path, cli_env):
    env = cli_env
    env["POSTLINT_CACHE_DIR"] = str(tmp_path / "shared-cache")
    # cwd: the installed package, not the source tree next to the tests
    procs = [subprocess.Popen([sys.executable, "-c", BUILD], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    from postlint.quotes import read_cache

    files = list((tmp_path / "shared-cache").iterdir())
    assert [f.name for f in files if f.name.startswith(".tmp")] == []
    (cache,) = files
    keys, nwords, postings, rows, authors = read_cache(cache)
    assert len(keys) == int(outs[0][0])
    # a truncated cache is detected and rebuilt
    cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])
    assert read_cache(cache) is None
    r = subprocess.run([sys.executable, "-c", BUILD], env=env, cwd=tmp_path, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0 and read_cache(cache) is not None


def big_jsonl(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": f"{CLICHE} number {i}"}) + "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_exits_130_without_traceback(tmp_path, cli_env):
    big_jsonl(tmp_path / "big.jsonl", 200_000)
    p = subprocess.Popen(["postlint", "check", "big.jsonl"], cwd=tmp_path, env=cli_env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert "Traceback" not in err and err.strip().splitlines() == ["postlint: interrupted"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_closed_pipe_exits_quietly(tmp_path, cli_env):
    big_jsonl(tmp_path / "big.jsonl", 3000)
    r = subprocess.run(["bash", "-c", "set -o pipefail; postlint check big.jsonl | head -1"], cwd=tmp_path,
                       env=cli_env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and len(r.stdout.splitlines()) == 1
