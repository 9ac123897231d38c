"""SARIF validates against the official schema; GitHub annotations are escaped."""
import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from postlint.cli import cli
from postlint.output.github import escape_data, escape_property

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
CLICHE = "Believe in yourself. Never give up! 💪🔥 #MondayMotivation\n"


def test_sarif_validates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.md").write_text(CLICHE, encoding="utf-8")
    Path("b.jsonl").write_text(json.dumps({"text": CLICHE}) + "\n{broken\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", "--format", "sarif", "a.md", "b.jsonl"])
    doc = json.loads(r.output[r.output.index("{"):])
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "postlint" and run["tool"]["driver"]["rules"]
    res = run["results"][0]
    assert res["partialFingerprints"] and res["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {x["ruleId"] for x in run["results"]} <= ids


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"


def test_github_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("we,ird: 100%.txt").write_text(CLICHE, encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", "--format", "github", "we,ird: 100%.txt"])
    lines = r.output.strip().splitlines()
    assert lines and all(ln.startswith(("::warning ", "::notice ", "::error ")) for ln in lines)
    assert "file=we%2Cird%3A 100%25.txt,line=1,col=1,endLine=1," in lines[0]
    assert all("\n" not in ln for ln in lines)
