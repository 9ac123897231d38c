"""Human output: file:line:col, severity, rule, message, the line with the span marked, the suggestion."""
from __future__ import annotations

import unicodedata

import click


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)


def _line_of(res, f) -> tuple[str, int, int]:
    p = res.post
    text = p.file.text if p.file is not None else p.text
    index = p.file.index if p.file is not None else None
    if index is None:
        from ..engine import _line_index

        index = _line_index(p)
    s, e = index.line_span(f.line, text)
    return text[s:e], f.start - s, (f.end - s if f.end_line == f.line else e - s)


COLORS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}


class TextWriter:
    def __init__(self, out, color: bool = False, advice: bool = True):
        self.out, self.color, self.advice = out, color, advice

    def s(self, text: str, **style) -> str:
        return click.style(text, **style) if self.color else text

    def post(self, res) -> None:
        if not res.findings:
            return
        p = res.post
        for f in res.findings:
            sev = str(f.severity)
            loc = f"{p.source}:{f.line}:{f.column}" if p.file is not None else f"{p.source}:{p.line} (post {p.index}) {f.line}:{f.column}"
            self.out.write(f"{self.s(loc, bold=True)}: {self.s(sev, fg=COLORS[sev])} "
                           f"{f.rule_id} {f.rule_name}: {f.message}\n")
            line, a, b = _line_of(res, f)
            shown = line if len(line) <= 160 else line[: max(0, a - 20) and 0] + line[:160]
            if len(line) <= 160:
                pad = _width(line[:a])
                self.out.write(f"    {shown}\n    {' ' * pad}{self.s('^' * max(1, _width(line[a:b])), fg=COLORS[sev])}\n")
            if f.suggestion and f.rule_id != "PL900":
                self.out.write(f"    = help: {f.suggestion}\n")
        if res.score and res.flagged:
            parts = ", ".join(f"{x['name']} {x['points']:+g}" for x in res.score.parts)
            self.out.write(f"    = score {res.score.score}/100: {parts}\n")
        if self.advice and res.advice:
            a = res.advice
            self.out.write(self.s("  Try instead", bold=True) + f" (themes: {', '.join(a['themes'])}):\n")
            if a.get("quote"):
                self.out.write(f"    - {a['quote']}\n")
            for q in a["questions"]:
                self.out.write(f"    - {q}\n")
            self.out.write(f"    Scaffold: {a['scaffold']}\n")
            self.out.write(f"    Example: {a['example']}\n")
        self.out.write("\n")

    def problem(self, prob) -> None:
        pass  # problems go to stderr from the CLI

    def close(self, summary: dict, errors: list[str]) -> None:
        n, flagged, nf = summary["posts"], summary["flagged"], summary["findings"]
        self.out.write(f"{n} post{'s' if n != 1 else ''} checked, {flagged} flagged, {nf} finding{'s' if nf != 1 else ''}"
                       + (f", {len(errors)} error{'s' if len(errors) != 1 else ''}" if errors else "") + ".\n")
