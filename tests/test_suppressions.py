"""Suppressions: front matter, per-file ignores and Markdown comments, with PL902/PL903."""
import json

from click.testing import CliRunner

from postlint.cli import cli

CLICHE = "Never give up! Your only limit is your mind. #MondayMotivation"
STORY = "We shipped 3 features in May; the export one took 6 weeks."


def lint(tmp_path, monkeypatch, name, text, *args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", "--format", "json", "--fail-on", "suggestion", *args, name])
    post = json.loads(r.stdout)["posts"][0]
    return r, post, [(f["rule_id"], f["match"]) for f in post["findings"]]


def test_front_matter_ignore_with_reason(tmp_path, monkeypatch):
    fm = "---\npostlint:\n  ignore: [never-give-up, PL900]\n  reason: quoting a reader's comment\n---\n"
    r, post, found = lint(tmp_path, monkeypatch, "a.md", fm + CLICHE)
    ids = {i for i, _ in found}
    assert "PL104" not in ids and "PL900" not in ids
    assert "PL902" not in ids and "PL903" not in ids
    assert "PL401" in ids  # other rules still run


def test_front_matter_unused_and_reasonless(tmp_path, monkeypatch):
    fm = "---\npostlint:\n  ignore: [famous-quote]\n---\n"
    r, post, found = lint(tmp_path, monkeypatch, "a.md", fm + STORY)
    assert [i for i, _ in found] == ["PL902", "PL903"]
    f = post["findings"][0]
    assert f["line"] == 5 and f["column"] == 1 and "famous-quote" in f["message"]


def test_front_matter_ignore_of_a_rule_not_running_is_not_unused(tmp_path, monkeypatch):
    fm = "---\npostlint:\n  ignore: [famous-quote]\n  reason: book review\n---\n"
    r, post, found = lint(tmp_path, monkeypatch, "a.md", fm + STORY, "--ignore", "famous-quote")
    assert found == []


def test_inline_disable_enable_and_next_line(tmp_path, monkeypatch):
    text = ("<!-- postlint-disable never-give-up quoting the coach -->\nNever give up!\n<!-- postlint-enable -->\n"
            "Never give up!\n"
            "<!-- postlint-disable-next-line PL401 client asked for it -->\n#MondayMotivation\n#MondayMotivation\n")
    r, post, found = lint(tmp_path, monkeypatch, "a.md", text, "--select", "PL104,PL401,PL902,PL903")
    lines = sorted((f["rule_id"], f["line"]) for f in post["findings"])
    assert lines == [("PL104", 4), ("PL401", 7)]
    # the comments themselves are never matched or underlined
    assert all("postlint" not in m for _, m in found)


def test_inline_unused_and_reasonless(tmp_path, monkeypatch):
    text = f"<!-- postlint-disable famous-quote -->\n{STORY}\n"
    r, post, found = lint(tmp_path, monkeypatch, "a.md", text)
    assert sorted(i for i, _ in found) == ["PL902", "PL903"]
    assert all(m.startswith("<!--") for _, m in found)


def test_per_file_ignores(tmp_path, monkeypatch):
    (tmp_path / ".postlint.yaml").write_text('per-file-ignores: {"archive/*.md": [never-give-up]}\n')
    (tmp_path / "archive").mkdir()
    r, post, found = lint(tmp_path, monkeypatch, "archive/old.md", "Never give up!")
    assert "PL104" not in {i for i, _ in found}
    r, post, found = lint(tmp_path, monkeypatch, "new.md", "Never give up!")
    assert "PL104" in {i for i, _ in found}
