"""``kind: regex`` — user regular expressions, safe against catastrophic backtracking.

Patterns are compiled with the ``regex`` package and every search runs with a
timeout (``timeout_ms``, default 100).  A pattern that times out is reported as
a rule failure naming the rule; the other rules still run.
"""
from __future__ import annotations

import regex

from ..findings import Violation
from ..ruleset import Rule, Spec, kind


class RegexTimeout(RuntimeError):
    pass


@kind("regex")
class RegexRule(Rule):
    KEYS = {
        "patterns": "regular expressions (the 'regex' package syntax)",
        "ignorecase": "true (default) or false",
        "timeout_ms": "per-search time limit in milliseconds (1-5000)",
    }

    def __init__(self, meta, compiled, timeout):
        self.meta = meta
        self.compiled = compiled
        self.timeout = timeout

    @classmethod
    def from_spec(cls, meta, spec: Spec, base):
        pats = spec.str_list("patterns", ...)
        flags = regex.IGNORECASE if spec.get("ignorecase", bool, True) else 0
        compiled = []
        for i, p in enumerate(pats):
            try:
                compiled.append(regex.compile(p, flags | regex.VERSION1 | regex.MULTILINE))
            except regex.error as exc:
                line = spec.data["patterns"].item_lines[i]
                from ..findings import RuleFileError

                raise RuleFileError(spec.path, line, f"key 'patterns': invalid regular expression {p!r}: {exc}") from None
        return cls(meta, compiled, spec.int_in("timeout_ms", 1, 5000, 100) / 1000.0)

    def check(self, ctx):
        found = []
        for pat in self.compiled:
            try:
                for m in pat.finditer(ctx.text, timeout=self.timeout):
                    if m.end() > m.start():
                        found.append(m.span())
            except TimeoutError:
                raise RegexTimeout(
                    f"regular expression {pat.pattern!r} took over {int(self.timeout * 1000)} ms; "
                    "it may backtrack catastrophically"
                ) from None
        last = -1
        for s, e in sorted(found):
            if s < last:
                continue
            last = e
            yield Violation(s, e, self.meta.message.replace("{match}", ctx.text[s:e]))
