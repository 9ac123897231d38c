"""SARIF 2.1.0 for code scanning, with partial fingerprints that survive line moves."""
from __future__ import annotations

import json

from .. import __version__
from ..baseline import fingerprint

LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


class SarifWriter:
    def __init__(self, out, rules_meta: list):
        self.out = out
        self.rules = sorted(rules_meta, key=lambda m: m.id)
        self.index = {m.id: i for i, m in enumerate(self.rules)}
        self.results: list[dict] = []
        self.notifications: list[dict] = []

    def post(self, res) -> None:
        p = res.post
        for f in res.findings:
            if p.file is not None:
                region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                          "endColumn": f.end_column, "charOffset": f.start, "charLength": f.end - f.start}
            else:
                region = {"startLine": p.line, "startColumn": 1}
            r = {
                "ruleId": f.rule_id,
                "level": LEVEL[str(f.severity)],
                "message": {"text": f.message + (f" {f.suggestion}" if f.suggestion else "")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": p.source.replace("\\", "/")},
                                                    "region": region}}],
                "partialFingerprints": {"postlintFinding/v1": fingerprint(p, f)},
                "properties": {"postIndex": p.index, "match": f.match},
            }
            if f.rule_id in self.index:
                r["ruleIndex"] = self.index[f.rule_id]
            self.results.append(r)

    def problem(self, prob) -> None:
        self.notifications.append({"level": "error", "message": {"text": str(prob)}})

    def close(self, summary: dict, errors: list[str]) -> None:
        rules = []
        for m in self.rules:
            rules.append({
                "id": m.id, "name": m.name,
                "shortDescription": {"text": m.summary or m.message},
                "fullDescription": {"text": m.why},
                "help": {"text": m.suggestion, "markdown": f"**Why:** {m.why}\n\n**Instead:** {m.suggestion}"},
                "defaultConfiguration": {"level": LEVEL[str(m.severity)]},
            })
        run = {
            "tool": {"driver": {"name": "postlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/postlint/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
        }
        if self.notifications or errors:
            run["invocations"] = [{"executionSuccessful": not errors,
                                   "toolExecutionNotifications": self.notifications or
                                   [{"level": "error", "message": {"text": e}} for e in errors]}]
        doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
        json.dump(doc, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")
