"""Suppressions that cannot leak into a published post.

* front matter: ``postlint: {ignore: [rule...], allow_quotes: [...], reason: "..."}``
* config ``per-file-ignores`` (glob -> rules)
* Markdown comments, blanked from the analysed text before linting:
  ``<!-- postlint-disable RULE[,RULE] reason -->`` ... ``<!-- postlint-enable -->`` and
  ``<!-- postlint-disable-next-line RULE reason -->``.

A comment suppression without a reason gets a PL903 finding; one that
suppresses nothing gets PL902.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import meta_rules
from .findings import Violation

COMMENT_RE = re.compile(r"<!--\s*postlint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.S)


@dataclass
class Directive:
    kind: str  # disable, disable-next-line
    rules: tuple[str, ...]  # empty = all
    reason: str
    start: int  # of the comment, in the post
    end: int
    region: tuple[int, int]  # the span it covers
    used: bool = field(default=False)


def _parse_args(args: str) -> tuple[tuple[str, ...], str]:
    args = args.strip()
    if not args:
        return (), ""
    head, _, rest = args.partition(" ")
    rules = tuple(r for r in head.split(",") if r)
    reason = rest.strip()
    if reason.lower().startswith("reason:"):
        reason = reason[7:].strip()
    return rules, reason


def prepare(post) -> None:
    """Blank suppression comments (same length) and record their regions."""
    text = post.text
    if "postlint-" not in text:
        return
    chars = list(text)
    directives: list[Directive] = []
    open_d: list[Directive] = []
    for m in COMMENT_RE.finditer(text):
        for i in range(m.start(), m.end()):
            if chars[i] not in "\r\n":
                chars[i] = " "
        kind = m.group(1)
        if kind == "enable":
            for d in open_d:
                d.region = (d.region[0], m.start())
            open_d = []
            continue
        rules, reason = _parse_args(m.group(2))
        if kind == "disable-next-line":
            nl = text.find("\n", m.end())
            line_start = nl + 1 if nl >= 0 else len(text)
            line_end = text.find("\n", line_start)
            region = (line_start, line_end if line_end >= 0 else len(text))
            directives.append(Directive(kind, rules, reason, m.start(), m.end(), region))
        else:
            d = Directive(kind, rules, reason, m.start(), m.end(), (m.end(), len(text)))
            directives.append(d)
            open_d.append(d)
    post.analysis_text = "".join(chars)
    post.directives = directives


def _matches(rule_meta, names) -> bool:
    return not names or rule_meta.id in names or rule_meta.name in names


def apply(post, violations: dict, rules_by_id: dict, ignored: set):
    """Drop suppressed violations.  Returns (kept, meta findings, names in ``ignored`` that hid something)."""
    extra: list[tuple[str, Violation]] = []
    out: dict = {}
    used: set[str] = set()
    for rid, vs in violations.items():
        meta = rules_by_id[rid].meta
        if meta.id in ignored or meta.name in ignored:
            used |= {meta.id, meta.name} & ignored
            continue
        kept = []
        for v in vs:
            hit = None
            for d in post.directives:
                if _matches(meta, d.rules) and d.region[0] <= v.start < max(d.region[1], d.region[0] + 1):
                    hit = d
                    break
            if hit:
                hit.used = True
            else:
                kept.append(v)
        if kept:
            out[rid] = kept
    for d in post.directives:
        names = ", ".join(d.rules) or "all rules"
        if not d.reason:
            m = meta_rules.SUPPRESSION_NO_REASON
            extra.append((m.id, Violation(d.start, d.end, m.message.format(rules=names))))
        if not d.used:
            m = meta_rules.UNUSED_SUPPRESSION
            extra.append((m.id, Violation(d.start, d.end, m.message.format(rules=names))))
    return out, extra, used


def front_matter_checks(options: dict, used: set[str], text: str) -> list[tuple[str, Violation]]:
    """PL902/PL903 for a front-matter ``ignore``: unused names, and no ``reason``.

    Front matter is not part of the post, so these findings sit on the post's first character.
    """
    names = front_matter_ignores(options)
    if not names:
        return []
    span = (0, 1) if text else (0, 0)
    extra = []
    unused = [n for n in names if n not in used]
    if unused:
        m = meta_rules.UNUSED_SUPPRESSION
        extra.append((m.id, Violation(*span, "Front matter: " + m.message.format(rules=", ".join(unused)),
                                      data={"unused": unused})))
    if not str(options.get("reason") or "").strip():
        m = meta_rules.SUPPRESSION_NO_REASON
        extra.append((m.id, Violation(*span, "Front matter: " + m.message.format(rules=", ".join(names)))))
    return extra


def front_matter_ignores(options: dict) -> list[str]:
    raw = options.get("ignore") or ()
    if isinstance(raw, str):
        raw = [raw]
    return [str(n) for n in raw] if isinstance(raw, (list, tuple)) else []
