"""Every rule's examples run as tests; rule files are well-formed."""
import pytest

from postlint.ruleset import load_rules
from postlint.source import Post

RULES = load_rules()


def _findings(linter, text):
    res = next(iter(linter.lint_posts([Post("<example>", 0, text, 1)])))
    return res.findings


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.name)
def test_bad_examples_hit(linter, rule):
    for text in rule.meta.examples_bad:
        ids = {f.rule_id for f in _findings(linter, text)}
        assert rule.meta.id in ids, f"{rule.meta.name}: bad example not flagged: {text!r} (got {sorted(ids)})"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.name)
def test_good_examples_pass(linter, rule):
    for text in rule.meta.examples_good:
        ids = {f.rule_id for f in _findings(linter, text)}
        assert rule.meta.id not in ids, f"{rule.meta.name}: good example flagged: {text!r}"


def test_rule_identity():
    ids = [r.meta.id for r in RULES]
    names = [r.meta.name for r in RULES]
    assert len(set(ids)) == len(ids) and len(set(names)) == len(names)
    for r in RULES:
        assert r.meta.why and r.meta.suggestion and r.meta.examples_bad and r.meta.examples_good
        if r.meta.kind == "heuristic":
            for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                            "## Known false positives"):
                assert section in r.meta.doc, f"{r.meta.name} docstring lacks {section}"


def test_phrase_pack_size():
    from postlint.kinds.phrase import PhraseRule

    n = sum(len(r.templates) for r in RULES if isinstance(r, PhraseRule) and r.meta.id.startswith("PL1"))
    assert n >= 400
