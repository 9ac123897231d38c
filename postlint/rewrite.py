"""The rewrite coach's core: what to ask about a flagged post, and how to assemble a draft.

Pure functions over a linted post; the interactive part (prompts, files) lives in the CLI.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

QUOTE_RULES = ("PL201", "PL202", "PL203")
CALENDAR_TAG_RULES = ("PL401",)


@dataclass
class Plan:
    themes: list[str]
    questions: list[str]
    scaffold: str
    example: str
    kept: list[str]
    replace: list[dict]
    quote: dict | None = None  # {"text", "author", "note", "attributed_to"}
    keep_tags: list[str] = field(default_factory=list)


def plan_for(result) -> Plan | None:
    """The coaching plan for a flagged post, or None when the post is not flagged."""
    a = result.advice
    if not result.flagged or not a:
        return None
    quote = None
    for f in result.findings:
        if f.rule_id in QUOTE_RULES and isinstance(f.data, dict):
            d = f.data
            quote = {"text": f.match if f.rule_id != "PL202" else d.get("quote") or f.match,
                     "author": d.get("author") or d.get("attributed_to"),
                     "note": d.get("attribution_note"), "attributed_to": d.get("attributed_to")}
            if f.rule_id == "PL201":
                break
    return Plan(themes=list(a["themes"]), questions=list(a["questions"]), scaffold=a["scaffold"],
                example=a["example"], kept=list(a.get("kept") or []), replace=_outermost(a.get("replace") or []),
                quote=quote, keep_tags=_topic_hashtags(result))


def _outermost(items: list[dict]) -> list[dict]:
    """Drop a passage to replace when a longer one on the same line contains it."""
    out = []
    for r in sorted(items, key=lambda r: -len(r["text"])):
        if not any(o["line"] == r["line"] and r["text"].lower() in o["text"].lower() for o in out):
            out.append(r)
    return sorted(out, key=lambda r: r["line"])


def _topic_hashtags(result) -> list[str]:
    """Hashtags worth keeping: those no rule called out (calendar tags and walls are dropped)."""
    flagged = {f.match.lstrip("#").lower() for f in result.findings if f.rule_id in CALENDAR_TAG_RULES}
    if any(f.rule_id == "PL402" for f in result.findings):  # a wall of hashtags: keep none
        return []
    tags = re.findall(r"(?<![\w#])#(\w+)", result.post.text)
    return [f"#{t}" for t in dict.fromkeys(tags) if t.lower() not in flagged][:2]


def sentence(answer: str) -> str:
    """An answer as a sentence: trimmed, capitalised, with closing punctuation."""
    a = " ".join(answer.split())
    if not a:
        return ""
    a = a[0].upper() + a[1:]
    if a[-1] not in ".!?…\"”)":
        a += "."
    return a


def assemble(plan: Plan, answers: list[str], keep_quote: bool = False, connection: str = "") -> str:
    """The draft: the post's own concrete material, then the author's answers, then the quote
    (only when kept, with the sentence that connects it), then topic hashtags."""
    body = [sentence(a) for a in answers if a.strip()]
    joined = " ".join(body).lower()
    kept = [k for k in plan.kept if k.lower() not in joined]
    paragraphs = []
    if kept:  # the post's own concrete material opens the draft, as it did the post
        paragraphs.append(" ".join(sentence(k) for k in kept))
    if body:
        paragraphs.append(" ".join(body))
    if keep_quote and plan.quote:
        line = plan.quote["text"].strip().strip("\"“”'")
        credit = plan.quote.get("author")
        q = f"“{line}”" + (f" — {credit}" if credit else "")
        paragraphs.append((sentence(connection) + " " if connection.strip() else "") + q)
    if plan.keep_tags:
        paragraphs.append(" ".join(plan.keep_tags))
    return "\n\n".join(p for p in paragraphs if p).strip() + "\n"


def quote_prompt(plan: Plan) -> str:
    q = plan.quote or {}
    who = q.get("author") or "someone else"
    note = f" ({q['note']})" if q.get("note") else ""
    return f"The post quotes {who}{note}. Keep the quote, tied to something that happened to you?"
