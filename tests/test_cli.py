"""CLI behaviour: exit codes, stdin, formats, config discovery and errors."""
import json

import pytest
from click.testing import CliRunner

from postlint.cli import cli

CLICHE = "Believe in yourself. Never give up! Your only limit is your mind. 💪🔥 #MondayMotivation\n"
STORY = "Last March we moved billing to a new service. It took 11 weeks; the Quebec tax rules took 3.\n"


def run(args, input=None, cwd=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_text(CLICHE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def test_exit_codes(files):
    assert run(["check", "good.txt"]).exit_code == 0
    assert run(["check", "bad.txt"]).exit_code == 1
    assert run(["check", "bad.txt", "--fail-on", "error"]).exit_code == 0
    assert run(["check", "good.txt", "--fail-on", "suggestion"]).exit_code == 0
    assert run(["check", "nope.txt"]).exit_code == 2
    assert run(["check", "--format", "xml", "good.txt"]).exit_code == 2


def test_max_score_gate(files):
    r = run(["check", "bad.txt", "--max-score", "100", "--fail-on", "warning"])
    assert r.exit_code == 0


def test_stdin(files):
    r = run(["check", "-"], input=CLICHE)
    assert r.exit_code == 1 and "<stdin>:1:1" in r.output
    assert run(["check", "-"], input=STORY).exit_code == 0


def test_json_shape(files):
    r = run(["check", "--format", "json", "bad.txt", "good.txt"])
    doc = json.loads(r.output)
    assert doc["schema_version"] == 1
    assert [p["source"] for p in doc["posts"]] == ["bad.txt", "good.txt"]
    bad, good = doc["posts"]
    assert bad["flagged"] and not good["flagged"] and good["findings"] == []
    f = bad["findings"][0]
    for key in ("rule_id", "rule_name", "severity", "message", "match", "start", "end", "line", "column",
                "end_line", "end_column", "suggestion", "data"):
        assert key in f
    assert {"themes", "questions", "scaffold", "example"} <= set(bad["advice"])
    assert doc["summary"]["posts"] == 2 and doc["summary"]["flagged"] == 1


def test_jsonl_and_csv_inputs(files):
    (files / "cal.jsonl").write_text(json.dumps({"text": CLICHE}) + "\n" + json.dumps({"text": STORY}) + "\n")
    (files / "cal.csv").write_text('id,body\n1,"' + STORY.strip() + '"\n', encoding="utf-8")
    doc = json.loads(run(["check", "--format", "json", "cal.jsonl"]).output)
    assert [p["index"] for p in doc["posts"]] == [0, 1] and doc["posts"][0]["flagged"]
    r = run(["check", "--field", "body", "cal.csv"])
    assert r.exit_code == 0
    r = run(["check", "cal.csv"])
    assert r.exit_code == 2 and "cal.csv:1" in r.output


def test_directory_recursion_and_separator(files):
    sub = files / "drafts" / "week1"
    sub.mkdir(parents=True)
    (sub / "posts.md").write_text(STORY + "\n---\n" + CLICHE, encoding="utf-8")
    (sub / "ignore.png").write_bytes(b"\x89PNG\r\n")
    doc = json.loads(run(["check", "--format", "json", "drafts"]).output)
    assert [(p["index"], p["flagged"]) for p in doc["posts"]] == [(0, False), (1, True)]
    assert doc["posts"][1]["line"] == 4


def test_front_matter_is_not_post_text(files):
    (files / "fm.md").write_text("---\ntitle: Never give up\n---\n" + STORY, encoding="utf-8")
    doc = json.loads(run(["check", "--format", "json", "fm.md"]).output)
    assert doc["posts"][0]["findings"] == [] and doc["posts"][0]["line"] == 4


def test_undecodable_input_others_still_linted(files):
    (files / "latin1.txt").write_bytes("caf\xe9 never give up".encode("latin-1"))
    r = CliRunner().invoke(cli, ["check", "latin1.txt", "bad.txt"])
    assert r.exit_code == 2
    assert "latin1.txt" in r.output and "not valid UTF-8" in r.output
    assert "bad.txt:1:1" in r.output


def test_bom_and_crlf(files):
    (files / "crlf.txt").write_bytes(b"\xef\xbb\xbfWe shipped on Monday.\r\nNever give up!\r\n")
    doc = json.loads(run(["check", "--format", "json", "crlf.txt"]).output)
    fs = [f for f in doc["posts"][0]["findings"] if f["rule_id"] == "PL104"]
    assert fs and fs[0]["line"] == 2 and fs[0]["column"] == 1


def test_config_discovery_and_errors(files):
    (files / "sub").mkdir()
    (files / ".postlint.yaml").write_text("ignore: [calendar-post]\n")
    import os

    os.chdir(files / "sub")
    assert run(["check", "../bad.txt"]).exit_code == 0
    (files / ".postlint.yaml").write_text("fail-on: warning\nignor: [x]\n")
    r = run(["check", "../bad.txt"])
    assert r.exit_code == 2 and ".postlint.yaml:2" in r.output and "ignor" in r.output
    (files / ".postlint.yaml").write_text("max-score: high\n")
    r = run(["check", "../bad.txt"])
    assert r.exit_code == 2 and "max-score" in r.output and "integer" in r.output
    (files / ".postlint.yaml").unlink()
    (files / "pyproject.toml").write_text("[tool.postlint]\nseverity = {calendar-post = 'error'}\n")
    r = run(["check", "--format", "json", "../bad.txt", "--fail-on", "error"])
    assert r.exit_code == 1


def test_broken_rule_files(files):
    rules = files / "myrules"
    rules.mkdir()
    (files / ".postlint.yaml").write_text("rule-dirs: [myrules]\n")
    base = ("id: PL950\nname: {name}\nkind: phrase\nlevel: warning\nmessage: m\nwhy: w\nsuggestion: s\n"
            "examples: {{bad: [a], good: [b]}}\n")
    (rules / "x.yml").write_text(base.format(name="x") + "phrases: [rise and grind]\ntokns: [a]\n")
    r = run(["check", "good.txt"])
    assert r.exit_code == 2 and "x.yml:10: key 'tokns'" in r.output
    (rules / "x.yml").write_text(base.format(name="x") + "phrases: !!python/object:os.system [a]\n")
    r = run(["check", "good.txt"])
    assert r.exit_code == 2 and "x.yml:9" in r.output and "not allowed" in r.output
    (rules / "x.yml").write_text(base.format(name="x").replace("kind: phrase", "kind: pattern")
                                 + "patterns: [[{LOWER: rise, OPP: '+'}]]\n")
    r = run(["check", "good.txt"])
    assert r.exit_code == 2 and "x.yml" in r.output and "OPP" in r.output
    (rules / "x.yml").write_text(base.format(name="x").replace("kind: phrase", "kind: pattern")
                                 + "patterns: [[{LOWER: rise, OP: '%'}]]\n")
    r = run(["check", "good.txt"])
    assert r.exit_code == 2 and "x.yml:9" in r.output and "invalid spaCy pattern" in r.output
    (rules / "x.yml").write_text(base.format(name="y") + "phrases: [a b]\n")
    r = run(["check", "good.txt"])
    assert r.exit_code == 2 and "must match" in r.output


def test_user_rule_and_regrade(files):
    rules = files / "myrules"
    rules.mkdir()
    (rules / "synergy.yml").write_text(
        "id: PL950\nname: synergy\nkind: phrase\nlevel: error\nmessage: \"'{match}' is jargon\"\nwhy: w\n"
        "suggestion: s\nexamples: {bad: [leverage synergies], good: [we merged the teams]}\nphrases: [leverage synergy]\n")
    (files / ".postlint.yaml").write_text("rule-dirs: [myrules]\nseverity: {never-give-up: error}\n")
    (files / "p.txt").write_text("We must leverage our synergies.\n")
    r = run(["check", "p.txt"])
    assert r.exit_code == 1 and "PL950 synergy" in r.output
    (files / "q.txt").write_text("Never give up.\n")
    r = run(["check", "q.txt", "--format", "json"])
    sev = {f["rule_id"]: f["severity"] for f in json.loads(r.output)["posts"][0]["findings"]}
    assert sev["PL104"] == "error"


def test_rules_and_explain():
    r = run(["rules"])
    assert r.exit_code == 0 and "PL201  famous-quote" in r.output and "PL900" in r.output
    r = run(["explain", "imperative-advice"])
    assert r.exit_code == 0 and "## Why is this bad?" in r.output
    r = run(["explain", "PL104"])
    assert "Bad:" in r.output and "Never give up" in r.output
    r = run(["explain", "persistence"])
    assert r.exit_code == 0 and "Scaffold" in r.output
    assert run(["explain", "nonsense"]).exit_code == 2


def test_quote_command():
    r = run(["quote", "Stay hungry, stay foolish"])
    assert r.exit_code == 0 and "Steve Jobs" in r.output
    r = run(["quote", "--format", "json", "Be the change that you wish to see in the world."])
    m = json.loads(r.output)["matches"][0]
    assert m["author"] == "Mahatma Gandhi" and "no evidence" in m["attribution_note"]


def test_examples_folder():
    from pathlib import Path

    ex = Path(__file__).resolve().parents[1] / "examples"
    doc = json.loads(run(["check", "--format", "json", str(ex)]).output)
    verdict = {(Path(p["source"]).name, p["index"]): p["flagged"] for p in doc["posts"]}
    for (name, idx), flagged in verdict.items():
        expected = name.startswith("cliche") or (name == "calendar.jsonl" and idx == 0)
        assert flagged == expected, (name, idx)
    r = run(["check", str(ex)])
    assert r.exit_code == 1 and "Try instead" in r.output


def test_no_model_runs_model_free_rules(files):
    r = CliRunner().invoke(cli, ["check", "--model", "no_such_pipeline_xyz", "bad.txt"])
    assert "no spaCy pipeline could be loaded" in r.output and "skipped:" in r.output
    assert "PL104 never-give-up" in r.output
    assert r.exit_code in (0, 1)


def test_user_quotes_and_allow_list(files):
    (files / "ours.txt").write_text("Ship the smallest thing that teaches you something — Ada Example\n")
    (files / ".postlint.yaml").write_text("quote-files: [ours.txt]\nallow-quotes: ['stay hungry, stay foolish']\n")
    (files / "p.txt").write_text("Ship the smallest thing that teaches you something.\n")
    doc = json.loads(run(["check", "--format", "json", "p.txt"]).output)
    q = [f for f in doc["posts"][0]["findings"] if f["rule_id"] == "PL201"]
    assert q and q[0]["data"]["author"] == "Ada Example"
    (files / "s.txt").write_text("Stay hungry, stay foolish.\n")
    doc = json.loads(run(["check", "--format", "json", "s.txt"]).output)
    assert not [f for f in doc["posts"][0]["findings"] if f["rule_id"] == "PL201"]
