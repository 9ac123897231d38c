"""Value types shared by every layer: severities, violations, findings.

A rule yields :class:`Violation` objects positioned relative to the post text it
was given.  The engine turns them into :class:`Finding` objects positioned in the
source (0-based, half-open code-point offsets, 1-based line/column).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Mapping


class Severity(IntEnum):
    SUGGESTION = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected one of: error, warning, suggestion)"
            ) from None

    def __str__(self) -> str:  # "warning"
        return self.name.lower()


SEVERITY_NAMES = ("error", "warning", "suggestion")


@dataclass(frozen=True)
class Violation:
    """What a rule reports: a span relative to the post text."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    # Optional override of the rule's name/id for rules that report on behalf of
    # a sub-rule (the quote rule reports misattribution this way).
    rule_id: str | None = None
    # Relative severity bump requested by the rule (e.g. coverage of a quote).
    severity: Severity | None = None


@dataclass(frozen=True)
class Finding:
    rule_id: str
    rule_name: str
    severity: Severity
    message: str
    match: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestion: str | None
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "rule_name": self.rule_name,
            "severity": str(self.severity),
            "message": self.message,
            "match": self.match,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "suggestion": self.suggestion,
            "data": dict(self.data),
        }


class PostlintError(Exception):
    """A user-facing error: printed as one line, exit code 2."""


class RuleFileError(PostlintError):
    def __init__(self, path: str, line: int | None, message: str):
        self.path, self.line, self.detail = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class ConfigError(PostlintError):
    pass


class InputError(PostlintError):
    pass
