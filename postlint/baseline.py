"""Baselines: record today's findings, report only new ones later.

A finding's fingerprint is (rule id, normalized matched text, post identity).
The post identity is the source path plus, for content calendars, the
record's ``id`` field (or a hash of the post text when records have none),
and for text files the post's number within the file.  Line and column are
left out on purpose, so a finding keeps its fingerprint when text moves.

The file is JSON, written atomically.  A fingerprint that occurs twice in the
baseline forgives two occurrences, not more.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from .findings import PostlintError
from .fsutil import write_atomic

FORMAT = "postlint-baseline"
VERSION = 1
ID_FIELDS = ("id", "post_id", "uuid", "key")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def source_key(source: str) -> str:
    """The same file under the same key however it was named: ./a.md, a.md, /abs/a.md."""
    if source.startswith("<"):
        return source
    path = os.path.normpath(source)
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
            if not rel.startswith(".."):
                path = rel
        except ValueError:  # another drive on Windows
            pass
    return path.replace("\\", "/")


def post_identity(post) -> str:
    source = source_key(post.source)
    if post.record is not None:
        for k in ID_FIELDS:
            v = post.record.get(k)
            if v not in (None, ""):
                return f"{source}#{k}={v}"
        return f"{source}#text={hashlib.sha256(_norm(post.text).encode()).hexdigest()[:16]}"
    return f"{source}#{post.index}"


def fingerprint(post, f) -> str:
    key = f"{f.rule_id}\x00{_norm(f.match)}\x00{post_identity(post)}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


class Baseline:
    def __init__(self, counts: Counter | None = None):
        self.counts: Counter = counts or Counter()
        self.suppressed = 0

    @classmethod
    def read(cls, path: str) -> "Baseline":
        try:
            raw = Path(path).read_text("utf-8")
        except OSError as exc:
            raise PostlintError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise PostlintError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
            raise PostlintError(f"{path}: not a postlint baseline (expected format '{FORMAT}' and a 'findings' list)")
        if data.get("version") != VERSION:
            raise PostlintError(f"{path}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
        counts: Counter = Counter()
        for i, item in enumerate(data["findings"]):
            fp = item.get("fingerprint") if isinstance(item, dict) else None
            if not isinstance(fp, str):
                raise PostlintError(f"{path}: findings[{i}] has no string 'fingerprint'")
            counts[fp] += 1
        return cls(counts)

    def filter(self, result) -> None:
        """Drop the findings of ``result`` that the baseline already holds."""
        kept = []
        for f in result.findings:
            fp = fingerprint(result.post, f)
            if self.counts[fp] > 0:
                self.counts[fp] -= 1
                self.suppressed += 1
            else:
                kept.append(f)
        result.findings = kept


class BaselineWriter:
    def __init__(self, path: str):
        self.path = path
        self.items: list[dict] = []

    def add(self, result) -> None:
        for f in result.findings:
            self.items.append({"fingerprint": fingerprint(result.post, f), "rule": f.rule_id,
                               "source": source_key(result.post.source), "match": f.match[:200]})

    def write(self) -> int:
        self.items.sort(key=lambda d: (d["source"], d["rule"], d["fingerprint"]))
        blob = json.dumps({"format": FORMAT, "version": VERSION, "findings": self.items},
                          indent=1, ensure_ascii=False) + "\n"
        write_atomic(self.path, blob.encode("utf-8"))
        return len(self.items)
