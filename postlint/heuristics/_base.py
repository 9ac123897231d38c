"""Shared plumbing for Python heuristics: metadata from the module, lexicons."""
from __future__ import annotations

import re
import sys

from ..findings import Severity
from ..ruleset import Rule, RuleMeta, Score
from ..textutil import crude_stem


class Heuristic(Rule):
    """A Python rule.  Subclasses set the class attributes and implement check()."""

    id: str
    name: str
    severity = Severity.SUGGESTION
    message: str
    why: str
    suggestion: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    requires_: frozenset[str] = frozenset()
    uses_: frozenset[str] = frozenset()
    theme: tuple[str, ...] = ()
    score = Score()
    status = "stable"

    def __init__(self):
        doc = sys.modules[type(self).__module__].__doc__ or ""
        self.meta = RuleMeta(
            id=self.id, name=self.name, kind="heuristic", severity=self.severity, message=self.message,
            why=self.why, suggestion=self.suggestion, examples_bad=tuple(self.bad),
            examples_good=tuple(self.good), requires=self.requires_, theme=self.theme, score=self.score,
            status=self.status, doc=doc.strip(), path=f"postlint/heuristics/{type(self).__module__.rsplit('.', 1)[1]}.py",
            summary=doc.strip().splitlines()[0] if doc.strip() else "",
        )

    @property
    def uses(self):
        return self.uses_


LEAD = "\"“'‘*-–—•· "
WORD_RE = re.compile(r"[\w'’]+")


def iter_sentences(ctx, strip: str = LEAD):
    """(start, end, offset of the stripped text, stripped text, lower-case words) per sentence."""
    text = ctx.text
    for s0, s1 in ctx.sentences:
        raw = text[s0:s1]
        sent = raw.lstrip(strip)
        words = [w.lower().replace("’", "'") for w in WORD_RE.findall(sent)]
        yield s0, s1, s0 + len(raw) - len(sent), sent, words


def stems(words: str) -> frozenset[str]:
    return frozenset(crude_stem(w) for w in words.split())


ABSTRACT = stems(
    "success failure dream dreams passion courage mindset journey greatness purpose destiny happiness joy "
    "life love fear hope faith belief potential growth wisdom strength power freedom peace gratitude "
    "opportunity opportunities excellence ambition motivation inspiration determination discipline "
    "perseverance persistence resilience attitude positivity negativity destiny soul heart spirit "
    "greatness glory victory effort struggle challenge challenges obstacle obstacles limit limits "
    "mind thoughts vision legacy character kindness truth beauty change progress abundance "
    "confidence consistency commitment dedication hustle grind adversity comfort zone future past "
    "present moment universe energy vibes blessing blessings miracle miracles magic goals goal "
    "potential fulfillment meaning value values integrity patience humility regret regrets "
    "worth greatness talent genius imagination creativity leadership friendship wealth knowledge "
    "excuse excuses lesson lessons weakness weaknesses doubt doubts experience pain trust risk "
    "depression anxiety optimism pessimism judgment judgement comparison contentment mistakes "
    "happiness sadness loneliness gratefulness self-love self-worth"
)
GENERIC_VERBS = stems(
    "believe dream hustle grind keep stay be never always love trust follow chase embrace live let stop "
    "start push focus choose remember work rise shine smile stay hold create make find give go "
    "never forget learn grow stop quit surround treat spread fall fail dare do don't dont wake "
    "invest own become accept appreciate enjoy cherish celebrate count hustle try get move"
)
# an adjective used as a noun is an abstraction: "find the good in the negative"
NOMINAL = re.compile(
    r"(?i)\bthe (?:good|bad|best|worst|positive|negative|impossible|unknown|beautiful|ordinary)\b"
    r"(?! \w+(?:s|ing|ed)\b)")
FIRST_PERSON = frozenset("i me my we our us i'm im i've ive mine myself".split())
