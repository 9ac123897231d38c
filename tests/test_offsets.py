"""The engine owns positions: code-point offsets, line/column, emoji, CRLF, curly quotes."""
from postlint.source import LineIndex, Post, split_text_source


def findings(linter, text, name="t.txt"):
    posts = split_text_source(name, text)
    out = []
    for res in linter.lint_posts(posts):
        out.extend(res.findings)
    return out


def check_positions(text, fs):
    idx = LineIndex(text)
    for f in fs:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.match
        assert idx.position(f.start) == (f.line, f.column)
        assert idx.position(f.end) == (f.end_line, f.end_column)


def test_emoji_offsets(linter):
    text = "🚀👍🏽👩‍👩‍👧 ok.\n💪🔥 Never give up! #NeverGiveUp"
    fs = findings(linter, text)
    check_positions(text, fs)
    ngu = [f for f in fs if f.rule_id == "PL104"]
    assert ngu[0].match == "Never give up" and ngu[0].line == 2 and ngu[0].column == 4
    assert any(f.match == "NeverGiveUp" for f in ngu)


def test_crlf_offsets(linter):
    text = "We met on Monday.\r\n\r\nDream big and never give up.\r\n"
    fs = findings(linter, text)
    check_positions(text, fs)
    assert any(f.rule_id == "PL102" and f.line == 3 and f.column == 1 for f in fs)


def test_curly_quotes_and_apostrophes(linter):
    text = "“Don’t give up.” Life’s too short."
    fs = findings(linter, text)
    check_positions(text, fs)
    assert {"PL104", "PL107"} <= {f.rule_id for f in fs}


def test_second_post_offsets_are_file_offsets(linter):
    text = "We shipped 1.2 on Monday.\n---\nStay humble, stay hungry.\n"
    fs = findings(linter, text)
    check_positions(text, fs)
    assert min(f.line for f in fs) == 3


def test_record_posts_use_post_positions(linter):
    post = Post("cal.jsonl", 4, "Hi team.\nNever give up!", 5)
    res = next(iter(linter.lint_posts([post])))
    f = [f for f in res.findings if f.rule_id == "PL104"][0]
    assert (f.start, f.line, f.column) == (9, 2, 1)
