"""Integrations: baselines, the pre-commit hook (with the real pre-commit), the GitHub
action, and the README's copy-paste snippets, which these tests run."""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from postlint.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CLICHE = "Hustle hard, dream big, never give up! Your only limit is your mind. 💪🔥 #MondayMotivation\n"
CLICHE2 = "Believe in yourself. Stay humble. Work hard. Be kind. #motivation\n"
STORY = ("Last March we moved billing to a new service. It took 11 weeks, not the 4 we planned; "
         "the Quebec tax rules alone took 3.\n")


def readme_blocks(section: str) -> list[tuple[str, str]]:
    """(language, body) of each fenced block in the README section with this heading."""
    text = (ROOT / "README.md").read_text("utf-8")
    m = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## )", text, re.S | re.M)
    assert m, f"README has no section '## {section}'"
    return re.findall(r"^```(\w*)\n(.*?)^```", m.group(1), re.S | re.M)


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)




# ------------------------------------------------------------------ baseline
def test_baseline_reports_only_new_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "old.md").write_text(CLICHE, encoding="utf-8")
    (drafts / "story.txt").write_text(STORY, encoding="utf-8")
    (drafts / "cal.jsonl").write_text(json.dumps({"id": "p1", "text": CLICHE2}) + "\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in drafts.iterdir()}

    r = run(["check", "drafts/", "--write-baseline", "base.json"])
    assert r.exit_code == 0, r.output
    assert r.stdout == ""  # recording prints no report
    doc = json.loads((tmp_path / "base.json").read_text("utf-8"))
    assert doc["format"] == "postlint-baseline" and doc["findings"]
    assert {f["source"] for f in doc["findings"]} == {"drafts/old.md", "drafts/cal.jsonl"}
    assert not list(tmp_path.glob(".base.json*"))  # no temporary file left behind

    # same findings, named another way (./drafts, single files) and moved down a few lines
    (drafts / "old.md").write_text("\n\n\n" + CLICHE, encoding="utf-8")
    (drafts / "cal.jsonl").write_text(json.dumps({"id": "p0", "text": STORY}) + "\n"
                                      + json.dumps({"id": "p1", "text": CLICHE2}) + "\n", encoding="utf-8")
    r = run(["check", "./drafts", "--baseline", "base.json", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert all(p["findings"] == [] for p in json.loads(r.stdout)["posts"])

    # a new cliché is reported, the old ones are not
    (drafts / "new.txt").write_text(CLICHE2, encoding="utf-8")
    r = run(["check", "drafts/", "--baseline", "base.json", "--format", "json"])
    assert r.exit_code == 1
    posts = json.loads(r.stdout)["posts"]
    assert {p["source"] for p in posts if p["findings"]} == {"drafts/new.txt"}

    # postlint never touched the inputs it did not write
    assert (drafts / "story.txt").read_bytes() == before["story.txt"]


def test_baseline_counts_occurrences(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Never give up. " + CLICHE, encoding="utf-8")
    assert run(["check", "a.txt", "--write-baseline", "b.json"]).exit_code == 0
    # the same phrase a second time in the same post is a new finding
    (tmp_path / "a.txt").write_text("Never give up. Never give up. " + CLICHE, encoding="utf-8")
    r = run(["check", "a.txt", "--baseline", "b.json", "--format", "json", "--fail-on", "suggestion"])
    found = [f for p in json.loads(r.stdout)["posts"] for f in p["findings"]]
    assert [f["match"].lower() for f in found if f["rule_name"] == "never-give-up"] == ["never give up"]


@pytest.mark.parametrize("content,needle", [
    ("{", "base.json:1: baseline is not valid JSON"),
    ('{"format": "other", "findings": []}', "not a postlint baseline"),
    ('{"format": "postlint-baseline", "version": 9, "findings": []}', "version 9 is not supported"),
    ('{"format": "postlint-baseline", "version": 1, "findings": [{"x": 1}]}', "findings[0]"),
])
def test_bad_baseline_is_one_line_error(tmp_path, monkeypatch, content, needle):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "base.json").write_text(content, encoding="utf-8")
    r = run(["check", "a.txt", "--baseline", "base.json"])
    assert r.exit_code == 2
    assert needle in r.stderr and len(r.stderr.strip().splitlines()) == 1


# ------------------------------------------------------------------ pre-commit
def test_hook_manifest_is_valid():
    r = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "postlint" and hook["entry"] == "postlint check"
    assert hook["require_serial"] is True  # all files in one postlint process
    files = re.compile(hook["files"])
    for name in ("a.txt", "drafts/b.md", "c.markdown", "d.jsonl", "e.csv"):
        assert files.search(name), name
    assert not files.search("setup.py")


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


@pytest.mark.slow
def test_pre_commit_hook_with_real_pre_commit(tmp_path, cli_env):
    """The README's pre-commit snippet, pointed at this checkout at its current commit."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of postlint")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    if not rev:
        pytest.skip("the checkout has no commit")
    (block,) = [body for lang, body in readme_blocks("Use as a pre-commit hook") if lang == "yaml"]
    config = yaml.safe_load(block)
    config["repos"][0]["repo"] = str(ROOT)
    config["repos"][0]["rev"] = rev

    work = tmp_path / "drafts-repo"
    work.mkdir()
    _git(work, "init", "-q")
    _git(work, "config", "user.email", "t@example.com")
    _git(work, "config", "user.name", "t")
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (work / "cliche.md").write_text(CLICHE, encoding="utf-8")
    (work / "story.txt").write_text(STORY, encoding="utf-8")
    (work / "notes.py").write_text("# never give up\n", encoding="utf-8")  # not a draft: not linted
    _git(work, "add", "-A")
    env = cli_env
    env["PRE_COMMIT_HOME"] = os.environ.get("POSTLINT_TEST_PRE_COMMIT_HOME", str(tmp_path / "pc-home"))
    env.pop("VIRTUAL_ENV", None)
    cmd = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    first = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=1200)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "cliche.md:1:1: warning PL900 calendar-post" in first.stdout
    assert "story.txt" not in first.stdout and "notes.py" not in first.stdout

    _git(work, "rm", "-q", "-f", "cliche.md")
    second = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


# ------------------------------------------------------------------ README snippets
def test_readme_before_posting_commands(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(CLICHE, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "calendar.csv").write_text(f'id,body\n1,"{CLICHE.strip()}"\n2,"{STORY.strip()}"\n', encoding="utf-8")
    (tmp_path / "archive.jsonl").write_text(json.dumps({"text": CLICHE}) + "\n" + json.dumps({"text": STORY}) + "\n",
                                            encoding="utf-8")
    (block,) = [body for lang, body in readme_blocks("Use before posting") if lang == "sh"]
    ran = 0
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] != ["postlint"]:
            continue
        cmd, args = line, words[1:]
        stdin = None
        if ">" in args:  # "... > report.jsonl": the output is checked below instead
            args = args[:args.index(">")]
        if "<" in args:  # "postlint check - < draft.txt"
            i = args.index("<")
            stdin = (tmp_path / args[i + 1]).read_text("utf-8")
            args = args[:i]
        r = CliRunner().invoke(cli, args, input=stdin if stdin is not None else "\n" * 20)
        assert r.exception is None or isinstance(r.exception, SystemExit), (cmd, r.exception)
        assert r.exit_code in (0, 1), (cmd, r.output)
        assert r.stdout.strip(), cmd
        ran += 1
    assert ran >= 6


def test_readme_ci_workflow_runs_the_action(tmp_path, cli_env):
    """The workflow snippet uses the action with inputs it declares; the action's
    lint step, run as written, annotates the cliché and writes valid SARIF."""
    workflows = [yaml.safe_load(b) for lang, b in readme_blocks("Use in CI") if lang == "yaml"]
    (wf,) = [w for w in workflows if isinstance(w, dict) and "jobs" in w]
    steps = next(iter(wf["jobs"].values()))["steps"]
    (step,) = [s for s in steps if "postlint" in s.get("uses", "").split("@")[0]]
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(step["with"]) <= set(action["inputs"])
    inputs = {k: v.get("default", "") for k, v in action["inputs"].items()}
    inputs.update(step["with"])

    work = tmp_path / "site"
    (work / "drafts").mkdir(parents=True)
    (work / "drafts" / "cliche.md").write_text(CLICHE, encoding="utf-8")
    (work / "drafts" / "story.md").write_text(STORY, encoding="utf-8")
    env = cli_env
    # the workflow's baseline: start from an empty one, as a team adopting postlint today would
    subprocess.run(["postlint", "check", "drafts/story.md", "--write-baseline", ".postlint-baseline.json"],
                   cwd=work, env=env, check=True, capture_output=True)
    (lint,) = [s for s in action["runs"]["steps"] if s.get("name") == "Lint posts"]
    for key, expr in lint["env"].items():
        name = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", expr).group(1)
        env[key] = str(inputs[name])
    r = subprocess.run(["bash", "-c", lint["run"]], cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "::warning file=drafts/cliche.md,line=1,col=1," in r.stdout
    assert "story.md" not in r.stdout
    sarif = json.loads((work / inputs["sarif"]).read_text("utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_readme_baseline_commands(tmp_path, cli_env):
    (block,) = [b for lang, b in readme_blocks("Use in CI") if lang == "sh" and "--write-baseline" in b]
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.md").write_text(CLICHE, encoding="utf-8")
    env = cli_env
    codes = []
    for line in block.splitlines():
        codes.append(subprocess.run(shlex.split(line, comments=True), cwd=tmp_path, env=env, capture_output=True,
                                    text=True, timeout=300).returncode)
    assert codes == [0, 0]
