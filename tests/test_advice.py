"""Rewrite guidance: themes, advice shape, kept material, quotes with attribution problems,
and a full `postlint rewrite` session driven by scripted input."""
import json

import pytest
from click.testing import CliRunner

from postlint.advice import detect_themes, load_guidance
from postlint.cli import cli
from postlint.rewrite import Plan, assemble, sentence
from postlint.source import Post

CLICHE = "Never give up! Dream big! Your only limit is your mind. #MondayMotivation\n"


def lint(linter, text):
    return next(iter(linter.lint_posts([Post("<t>", 0, text, 1)])))


@pytest.mark.parametrize("text,theme", [
    ("Never give up. Keep going, even when you fall seven times.", "persistence"),
    ("Feel the fear and do it anyway. Courage is leaving your comfort zone.", "courage"),
    ("Be grateful for every blessing. Gratitude turns what we have into enough.", "gratitude"),
    ("A true leader inspires the team to follow the vision.", "leadership"),
    ("Rise and grind. Hustle hard, outwork everyone.", "hard work"),
    ("Life is short. Time waits for no one; don't wait for tomorrow.", "time"),
])
def test_theme_detection_from_keywords(text, theme):
    themes = detect_themes(text, {}, {}, load_guidance())
    assert themes and themes[0][0] == theme, themes


def test_theme_detection_uses_rule_and_quote_evidence(linter):
    res = lint(linter, "Twenty years from now you will be more disappointed by the things that you didn't do "
                       "than by the ones you did do. #MondayMotivation")
    assert res.flagged and res.advice["themes"][0] == "time"


def test_guidance_is_complete_data():
    g = load_guidance()
    assert len(g) >= 14
    for name, t in g.items():
        assert 2 <= len(t["questions"]) <= 4, name
        assert t["scaffold"] and len(t["example"].split()) >= 12, name


def test_advice_shape_json_and_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(CLICHE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("We moved billing to Stripe in March; refunds now take 2 days, not 9.\n")
    doc = json.loads(CliRunner().invoke(cli, ["check", "--format", "json", "a.txt", "b.txt"]).stdout)
    a, b = doc["posts"]
    assert {"themes", "questions", "scaffold", "example"} <= set(a["advice"])
    assert a["advice"]["themes"][0] == "persistence"
    assert "advice" not in b  # posts that are not flagged get no advice
    out = CliRunner().invoke(cli, ["check", "a.txt", "b.txt"]).stdout
    assert out.count("Try instead") == 1 and "Scaffold:" in out and "Example:" in out
    assert "Try instead" not in CliRunner().invoke(cli, ["check", "--no-advice", "a.txt"]).stdout


def test_every_finding_suggestion_is_rule_specific(linter):
    res = lint(linter, CLICHE)
    by_rule = {}
    for f in res.findings:
        by_rule.setdefault(f.rule_id, set()).add(f.suggestion)
    suggestions = [s for rid, ss in by_rule.items() if rid != "PL900" for s in ss]
    assert len(set(suggestions)) == len(suggestions)  # no two rules share one canned line


def test_kept_material_goes_into_the_scaffold(linter):
    text = ("Our team shipped the new billing flow to 3 countries in June.\n\n"
            "Never give up! Dream big! Hustle hard! #MondayMotivation #grind")
    res = lint(linter, text)
    assert res.flagged
    kept = res.advice["kept"]
    assert kept == ["Our team shipped the new billing flow to 3 countries in June."]
    assert "3 countries" in res.advice["scaffold"]
    assert {r["text"] for r in res.advice["replace"]} >= {"Never give up", "Dream big"}


def test_quote_credit_is_not_kept_material(linter):
    res = lint(linter, "“Twenty years from now you will be more disappointed by the things that you didn’t do "
                       "than by the ones you did do.” — Mark Twain #quoteoftheday")
    assert res.flagged and res.advice["kept"] == []
    assert "Mark Twain" not in res.advice["scaffold"]
    assert "Mark Twain's" in res.advice["quote"] and "drop it" in res.advice["quote"]


@pytest.mark.parametrize("text,whose", [
    ("“Walk humbly, love mercy, and never grow weary of doing good.”\nMicah 6:8 KJV", "This line is from Micah 6:8 KJV."),
    ('"Failure is part of every success, and every success hides a failure; learn from both and your courage '
     'will grow."', "This line reads as a quotation."),
])
def test_quote_advice_names_the_source_in_plain_words(linter, text, whose):
    res = lint(linter, text)
    assert res.flagged and res.advice["quote"].startswith(whose)


def test_quote_with_attribution_problem(linter):
    res = lint(linter, "Be the change you wish to see in the world. — Gandhi #MondayMotivation #inspiration")
    assert res.flagged
    problems = [f for f in res.findings if f.rule_id == "PL202"]
    assert problems and problems[0].severity.name == "WARNING"
    note = problems[0].data["attribution_note"]
    assert note and "Gandhi" in note
    assert note in res.advice["quote"]
    assert "connect it in one sentence" in res.advice["quote"]


def test_assemble_keeps_material_and_quote_only_when_asked():
    plan = Plan(themes=["time"], questions=["q1", "q2"], scaffold="s", example="e",
                kept=["We launched in Lisbon in 2023."], replace=[],
                quote={"text": "“Stay hungry, stay foolish.”", "author": "Stewart Brand", "note": None,
                       "attributed_to": None}, keep_tags=["#billing"])
    draft = assemble(plan, ["i waited two years to hire a designer", ""])
    assert draft == "We launched in Lisbon in 2023.\n\nI waited two years to hire a designer.\n\n#billing\n"
    draft = assemble(plan, ["i waited two years"], keep_quote=True, connection="that line got me to apply")
    assert "“Stay hungry, stay foolish.” — Stewart Brand" in draft and "That line got me to apply." in draft
    assert sentence("  hello   world ") == "Hello world." and sentence("Done!") == "Done!"


# ------------------------------------------------------------------ the interactive coach
DRAFT = ("---\ntitle: monday post\n---\nOur team shipped the new billing flow to 3 countries in June.\n\n"
         "Never give up! Dream big! Hustle hard! #MondayMotivation #billing\n")


def test_rewrite_session_with_scripted_answers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    answers = "the tax rules for Quebec nearly stopped us in week 3\n\nwe shipped 2 weeks late, with zero refunds\n"
    r = CliRunner().invoke(cli, ["rewrite", "post.md", "-o", "new.md"], input=answers)
    assert r.exit_code == 0, r.output
    assert "PL900 calendar-post" in r.output and "Themes: persistence" in r.output
    qs = load_guidance()["persistence"]["questions"]
    assert all(q in r.output for q in qs)  # asked one by one
    new = (tmp_path / "new.md").read_text("utf-8")
    assert new.startswith("---\ntitle: monday post\n---\n")  # front matter kept
    assert "Our team shipped the new billing flow to 3 countries in June." in new
    assert "The tax rules for Quebec nearly stopped us in week 3." in new
    assert "Never give up" not in new and "#MondayMotivation" not in new and "#billing" in new
    assert "Calendar score: " in r.output and "(not flagged)" in r.output
    assert (tmp_path / "post.md").read_text("utf-8") == DRAFT  # the input is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md", "post.md"]  # no temporary files left


def test_rewrite_never_overwrites_the_input_unless_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    r = CliRunner().invoke(cli, ["rewrite", "post.md", "-o", "post.md"], input="x\n")
    assert r.exit_code == 2 and "refusing to overwrite the input" in r.stderr
    assert (tmp_path / "post.md").read_text("utf-8") == DRAFT
    r = CliRunner().invoke(cli, ["rewrite", "post.md", "-o", "post.md", "--overwrite"],
                           input="we hired 2 people in May\n\n\n")
    assert r.exit_code == 0, r.output
    assert "We hired 2 people in May." in (tmp_path / "post.md").read_text("utf-8")


def test_rewrite_quote_kept_with_connection(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.txt").write_text("Stay hungry, stay foolish. — Steve Jobs #motivation\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["rewrite", "q.txt"],
                           input="I left my job in 2019 to build a bike shop\n\n\ny\nI read it the week I quit\n")
    assert r.exit_code == 0, r.output
    assert "Stewart Brand" in r.output  # the attribution problem is shown before asking
    draft = r.output.split("--- draft ---")[1]
    assert "I read it the week I quit." in draft and "Stay hungry, stay foolish" in draft


def test_rewrite_no_input_prints_questions_and_scaffold(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    r = CliRunner().invoke(cli, ["rewrite", "--no-input", "post.md"])
    assert r.exit_code == 0
    assert "Questions:\n  1. " in r.output and "Scaffold: " in r.output and "--- draft ---" not in r.output
    r = CliRunner().invoke(cli, ["rewrite", "--no-input", "-"], input=CLICHE)
    assert r.exit_code == 0 and "Questions:" in r.output


def test_rewrite_unflagged_post_and_bad_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text("We moved billing to Stripe in March; refunds take 2 days, not 9.\n")
    r = CliRunner().invoke(cli, ["rewrite", "ok.txt"])
    assert r.exit_code == 0 and "not flagged" in r.output and "?" not in r.output
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    r = CliRunner().invoke(cli, ["rewrite", "bin.txt"])
    assert r.exit_code == 2 and "bin.txt:1: binary file" in r.stderr


def test_readme_rewrite_example_is_what_rewrite_produces(tmp_path, monkeypatch):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme[readme.index("### The rewrite coach"):]
    before, after = re.findall(r"^```\n(.*?)^```", section, re.S | re.M)[:2]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text(before, encoding="utf-8")
    body = after.split("\n\n")[1]
    answers = [a.strip() for a in re.split(r"(?<=\.) ", body)]
    r = CliRunner().invoke(cli, ["rewrite", "draft.txt", "-o", "draft-v2.txt"],
                           input="".join(a[0].lower() + a[1:].rstrip(".") + "\n" for a in answers))
    assert r.exit_code == 0, r.output
    before_score = re.search(r"Before \(`draft.txt`, calendar score (\d+)", section).group(1)
    after_score = re.search(r"answers \(calendar score (\d+)\)", section).group(1)
    assert f"Calendar score: {before_score} -> {after_score}" in r.output
    assert (tmp_path / "draft-v2.txt").read_text("utf-8") == after


def test_rewrite_refuses_to_replace_a_calendar_with_one_draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    original = json.dumps({"text": CLICHE.strip()}) + "\n" + json.dumps({"text": "We shipped 3 features."}) + "\n"
    (tmp_path / "cal.jsonl").write_text(original, encoding="utf-8")
    r = CliRunner().invoke(cli, ["rewrite", "cal.jsonl", "-o", "cal.jsonl", "--overwrite"], input="x\n")
    assert r.exit_code == 2 and "cannot be rewritten in place" in r.stderr
    assert (tmp_path / "cal.jsonl").read_text("utf-8") == original
