"""JSON (one document, streamed) and JSONL (one object per post) output.

Offsets are 0-based, half-open, in Unicode code points; lines and columns are
1-based (columns in code points).  See docs/json-schema.md.
"""
from __future__ import annotations

import json

SCHEMA_VERSION = 1


def post_dict(res) -> dict:
    p = res.post
    d = {
        "source": p.source,
        "index": p.index,
        "line": p.line,
        "positions": "file" if p.file is not None else "post",
        "flagged": res.flagged,
        "score": res.score.score if res.score else None,
        "score_breakdown": res.score.to_dict() if res.score else None,
        "findings": [f.to_dict() for f in res.findings],
    }
    if res.advice:
        d["advice"] = res.advice
    return d


class JsonWriter:
    def __init__(self, out, lines: bool = False):
        self.out, self.lines, self.first = out, lines, True
        if not lines:
            out.write('{"schema_version": %d, "posts": [' % SCHEMA_VERSION)

    def post(self, res) -> None:
        s = json.dumps(post_dict(res), ensure_ascii=False)
        if self.lines:
            self.out.write(s + "\n")
            self.out.flush()  # one result per post, as it completes
        else:
            self.out.write(("\n  " if self.first else ",\n  ") + s)
        self.first = False

    def problem(self, prob) -> None:
        if self.lines:
            self.out.write(json.dumps({"error": str(prob), "source": prob.source, "line": prob.line}) + "\n")

    def close(self, summary: dict, errors: list[str]) -> None:
        if not self.lines:
            self.out.write("\n], \"summary\": %s, \"errors\": %s}\n" % (json.dumps(summary), json.dumps(errors)))
