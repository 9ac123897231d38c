"""Hostile input: arbitrary Unicode never breaks lint_text, and positions always agree."""
from hypothesis import HealthCheck, given, settings, strategies as st

from postlint.source import LineIndex, Post

PIECES = st.sampled_from([
    "Never give up", "👩‍👩‍👧", "👍🏽", "e\u0301", "\u200b", "\u200d", "שלום", "مرحبا", "\r\n", "\n", "\r",
    "“", "”", "’", "#NeverGiveUp", "#mondaymotivation", "@user", "https://x.co/a", "!!!", "— Mark Twain",
    "Stay hungry, stay foolish.", " ", "Be the change", "\t",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=20).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_lint_never_raises_and_positions_agree(linter, text):
    res = next(iter(linter.lint_posts([Post("<h>", 0, text, 1)])))
    assert not res.failures
    idx = LineIndex(text)
    for f in res.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.match
        assert idx.position(f.start) == (f.line, f.column)
        assert idx.position(f.end) == (f.end_line, f.end_column)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_emoji_spans_agree_with_the_emoji_library(text):
    import emoji

    from postlint.textutil import emoji_spans

    assert emoji_spans(text) == [(e["match_start"], e["match_end"]) for e in emoji.emoji_list(text)]
