"""Quote normalization, matching under edits, attribution parsing and the misattribution finding."""
import pytest

from postlint import attribution
from postlint.quotes import QuoteIndex, QuoteRecord, read_cache, write_cache
from postlint.textutil import tokenize

JOBS = QuoteRecord("t:1", "The only way to do great work is to love what you do.", "Steve Jobs", "test", "MIT")
TWAIN = QuoteRecord("t:2", "Twenty years from now you will be more disappointed by the things that you didn't do "
                    "than by the ones you did do.", "Mark Twain", "test", "MIT",
                    attribution="commonly attributed to Mark Twain; no evidence he said it.")


@pytest.fixture(scope="module")
def index():
    return QuoteIndex.build([JOBS, TWAIN])


def test_tokenize_keeps_offsets():
    text = "“Don’t” #NeverGiveUp @bob https://x.co/a 💪 café"
    toks = tokenize(text)
    assert [t.key for t in toks] == ["dont", "never", "give", "up", "café"]
    assert [text[t.start:t.end] for t in toks] == ["Don’t", "Never", "Give", "Up", "café"]


@pytest.mark.parametrize("post", [
    "The only way to do great work is to love what you do.",
    "THE ONLY WAY TO DO GREAT WORK IS TO LOVE WHAT YOU DO!!!",
    "“The only way to do great work, is to love what you do”",
    "The only way to do grate work is to love what you do.",
    "The only way to do great work is love what you do.",
    "The only way to do really great work is to love what you do.",
    "Monday thoughts. The only way to do great work is to love what you do. #motivation 💪",
    "Twenty years from now you will be more disappointed by the things...",
])
def test_edits_still_match(index, post):
    ms = index.match(post)
    assert ms, post
    m = ms[0]
    assert post[m.start:m.end].split()[0].strip("“\"").lower() in ("the", "twenty")


def test_ordinary_text_does_not_match(index):
    assert index.match("I love what you did with the great work on the office kitchen.") == []


def test_attribution_parsing():
    text = "Stay hungry, stay foolish. — Steve Jobs #startups"
    a = attribution.find(text, 0, 25)
    assert a.name == "Steve Jobs" and text[a.start:a.end] == "Steve Jobs"
    text = "As Einstein said, imagination is more important than knowledge."
    a = attribution.find(text, 18, len(text))
    assert a and a.name == "Einstein"
    text = "Be the change. ~Muhammad Ali"
    assert attribution.find(text, 0, 14).name == "Muhammad Ali"
    text = "Be the change you wish to see. #Gandhi"
    assert attribution.find(text, 0, 29, {"gandhi"}).name == "Gandhi"
    assert attribution.same_person("Gandhi", "Mahatma Gandhi")
    assert not attribution.same_person("Albert Einstein", "Steve Jobs")


def test_misattribution_finding(linter):
    fs = linter.lint_text("The only way to do great work is to love what you do. — Albert Einstein")
    mis = [f for f in fs if f.rule_id == "PL202"]
    assert mis and "Steve Jobs" in mis[0].message and mis[0].match == "Albert Einstein"
    fs = linter.lint_text("Be the change that you wish to see in the world. #Gandhi")
    mis = [f for f in fs if f.rule_id == "PL202"]
    assert mis and "no evidence" in mis[0].message
    q = [f for f in fs if f.rule_id == "PL201"][0]
    for key in ("quote_id", "quote", "author", "similarity", "attributed_to"):
        assert key in q.data
    assert q.data["author"] == "Mahatma Gandhi" and q.data["attributed_to"] == "Gandhi"


def test_cache_roundtrip_and_corruption(tmp_path):
    p = tmp_path / "c.bin"
    write_cache(p, (["a"], [1], {"x y": [1]}))
    assert read_cache(p) == (["a"], [1], {"x y": [1]})
    p.write_bytes(p.read_bytes()[:-3])
    assert read_cache(p) is None
    p.write_bytes(b"garbage")
    assert read_cache(p) is None


def test_dash_followed_by_prose_is_not_a_credit():
    from postlint.attribution import find_after

    text = "“Keep learning.” - Great read on how to start a business while working full time"
    assert find_after(text, text.index("”") + 1) is None
    text = "“Keep learning.” - Richard Branson #startups"
    assert find_after(text, text.index("”") + 1).name == "Richard Branson"


def test_scripture_reference_is_a_credit():
    from postlint.attribution import find_after

    for credit in ("\nGalatians 6:9 NIV", " — Proverbs 3:5-6", " 1 Corinthians 13:4 (ESV)", "\nQuran 2:286"):
        text = "“Be still, and keep walking in the light.”" + credit
        a = find_after(text, text.index("”") + 1)
        assert a is not None and a.how == "scripture" and text[a.start:a.end] == credit.strip(" —\n")
    # times and dates are not chapter and verse
    for tail in (" Monday 10:30 pm", " June 3:15", "\nDoors 7:30"):
        text = "“We ship the release tonight.”" + tail
        assert find_after(text, text.index("”") + 1) is None


def test_credited_quotations_and_their_credits():
    from postlint.attribution import credited_spans

    text = 'I know Ada Lovelace said, "Imagination is the discovering faculty, pre-eminently." So dream.'
    assert [text[a:b] for a, b in credited_spans(text)] == [
        "Imagination is the discovering faculty, pre-eminently.", "Ada Lovelace"]
    text = "“Stay hungry, stay foolish, stay kind.” — Someone Famous\nThen I shipped v2 on 3 May."
    assert [text[a:b] for a, b in credited_spans(text)] == ["Stay hungry, stay foolish, stay kind.", "Someone Famous"]
    # a quotation nobody is credited with is the author's own material
    assert credited_spans('My manager told me "ship it by Friday at noon" and I did.') == []


def test_names_in_a_credit_are_not_the_authors_detail(linter):
    from postlint.context import PostContext

    text = 'I know Ada Lovelace said, "Imagination is the discovering faculty." Trust the process.'
    f = PostContext(text, doc=linter.nlp(text)).features
    names = [text[s:e] for s, e, _ in f.entities]
    assert "Ada Lovelace" in names
    assert f.concrete_outside(f.credited) == f.concrete - 1
