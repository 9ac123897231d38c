"""GitHub Actions workflow commands: one ``::warning file=...::message`` per finding."""
from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubWriter:
    def __init__(self, out):
        self.out = out

    def post(self, res) -> None:
        p = res.post
        for f in res.findings:
            if p.file is not None:
                line, col, eline, ecol = f.line, f.column, f.end_line, f.end_column
            else:  # record sources: point at the record's line
                line, col, eline, ecol = p.line, 1, p.line, 1
            props = (f"file={escape_property(p.source)},line={line},col={col},endLine={eline},"
                     f"endColumn={ecol},title={escape_property(f'{f.rule_id} {f.rule_name}')}")
            msg = f.message + (f" Help: {f.suggestion}" if f.suggestion else "")
            self.out.write(f"::{LEVEL[str(f.severity)]} {props}::{escape_data(msg)}\n")

    def problem(self, prob) -> None:
        props = f"file={escape_property(prob.source)}" + (f",line={prob.line}" if prob.line else "")
        self.out.write(f"::error {props}::{escape_data(prob.message)}\n")

    def close(self, summary: dict, errors: list[str]) -> None:
        pass
