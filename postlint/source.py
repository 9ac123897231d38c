"""Reading sources into posts: .txt/.md drafts, .jsonl and .csv calendars, stdin.

This module does decoding and splitting only; it never lints and never writes.
Problems are yielded as :class:`SourceProblem` values so that one bad record does
not stop the others.
"""
from __future__ import annotations

import bisect
import codecs
import csv
import io
import itertools
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Iterator, Mapping

import yaml

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
RECORD_SUFFIXES = (".jsonl", ".csv")
ALL_SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES
SEPARATOR_RE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


class LineIndex:
    """Offset (code points, 0-based) <-> line/column (1-based) for one text.

    ``\\r\\n``, ``\\n`` and a lone ``\\r`` each end a line.
    """

    __slots__ = ("starts",)

    def __init__(self, text: str):
        starts = [0]
        i, n = 0, len(text)
        find = text.find
        while True:
            j = find("\n", i)
            k = find("\r", i)
            if j < 0 and k < 0:
                break
            if k >= 0 and (j < 0 or k < j):
                nxt = k + 2 if k + 1 < n and text[k + 1] == "\n" else k + 1
            else:
                nxt = j + 1
            starts.append(nxt)
            i = nxt
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """Start and end (without the newline) of 1-based ``line``."""
        s = self.starts[line - 1]
        e = self.starts[line] if line < len(self.starts) else len(text)
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        return s, e


@dataclass
class SourceText:
    """The decoded text of a .txt/.md source and its line index."""

    name: str
    text: str
    index: LineIndex


@dataclass
class Post:
    source: str  # display path or "<stdin>"
    index: int  # 0-based post number within its source (for .jsonl: line number)
    text: str  # the post as written
    line: int  # 1-based line of the post's first character in the source
    offset: int = 0  # where ``text`` starts in the source text (text sources)
    file: SourceText | None = None  # set for text sources: positions are file positions
    meta: Mapping[str, Any] = field(default_factory=dict)  # front matter
    record: Mapping[str, Any] | None = None  # other fields of a .jsonl/.csv record
    analysis_text: str | None = None  # same length as text; suppression comments blanked
    directives: list = field(default_factory=list)  # inline suppression directives


@dataclass
class SourceProblem:
    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


class DecodeError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16/32 with a BOM; anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_bom(data, "utf-32", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_bom(data, "utf-16", name)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise DecodeError(f"binary file (NUL byte at byte {nul}); not linted", line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DecodeError(
            f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); save the file as UTF-8", line
        ) from None


def _decode_bom(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid {codec.upper()} (byte {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise ValueError(f"binary file (NUL character in {codec.upper()} text); not linted")
    return text


def read_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """Front matter at the very start of a file: ``---`` YAML mapping ``---``.

    Returns (mapping, offset where the body starts).  A leading block that is not
    a YAML mapping is not front matter; then ({}, 0).
    """
    m = SEPARATOR_RE.match(text)
    if not m:
        return {}, 0
    end = SEPARATOR_RE.search(text, m.end())
    if not end:
        return {}, 0
    block = text[m.end():end.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}, 0
    if not isinstance(data, dict):
        return {}, 0
    body = end.end()
    if text[body:body + 2] == "\r\n":
        body += 2
    elif text[body:body + 1] in ("\n", "\r"):
        body += 1
    return data, body


def split_text_source(name: str, text: str) -> list[Post]:
    """Split a .txt/.md source into posts at lines that hold only ``---``."""
    src = SourceText(name, text, LineIndex(text))
    meta, body = read_front_matter(text)
    posts: list[Post] = []
    cuts = [(m.start(), m.end()) for m in SEPARATOR_RE.finditer(text, body)]
    bounds = []
    pos = body
    for s, e in cuts:
        bounds.append((pos, s))
        pos = e
    bounds.append((pos, len(text)))
    for s, e in bounds:
        chunk = text[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        start = s + lead
        end = start + len(stripped)
        posts.append(Post(name, len(posts), text[start:end], src.index.position(start)[0], start, src, meta))
    return posts


def iter_jsonl(name: str, stream: io.TextIOBase, field_name: str) -> Iterator[Post | SourceProblem]:
    for lineno, raw in enumerate(stream, 1):
        line = raw.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceProblem(name, lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield SourceProblem(name, lineno, "expected a JSON object per line")
            continue
        if field_name not in obj:
            yield SourceProblem(name, lineno, f"no field {field_name!r} (use --field to pick another)")
            continue
        value = obj[field_name]
        if not isinstance(value, str):
            yield SourceProblem(name, lineno, f"field {field_name!r} is {type(value).__name__}, expected a string")
            continue
        record = {k: v for k, v in obj.items() if k != field_name}
        yield Post(name, lineno - 1, value, lineno, record=record)


def iter_csv(name: str, text: str, field_name: str) -> Iterator[Post | SourceProblem]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield SourceProblem(name, 1, f"invalid CSV header: {exc}")
        return
    if field_name not in header:
        yield SourceProblem(name, 1, f"no column {field_name!r} in the header (use --field to pick another)")
        return
    col = header.index(field_name)
    index = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield SourceProblem(name, reader.line_num, f"invalid CSV: {exc}")
            break
        if not row or all(not c.strip() for c in row):
            continue
        if col >= len(row):
            yield SourceProblem(name, line, f"row has {len(row)} columns, no {field_name!r} value")
            index += 1
            continue
        record = {h: row[i] for i, h in enumerate(header) if i < len(row) and i != col}
        yield Post(name, index, row[col], line, record=record)
        index += 1


def kind_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".jsonl"):
        return "jsonl"
    if lower.endswith(".csv"):
        return "csv"
    return "text"


def iter_source(name: str, path: str | None, data: bytes | None, field_name: str = "text",
                kind: str | None = None) -> Iterator[Post | SourceProblem]:
    """Posts of one source.  ``path`` is read lazily (JSONL streams line by line)."""
    kind = kind or kind_of(name)
    try:
        if kind == "jsonl" and path is not None:
            yield from _stream_jsonl(name, path, field_name)
            return
        if data is None:
            with open(path, "rb") as fh:  # type: ignore[arg-type]
                data = fh.read()
        text = decode(data, name)
    except OSError as exc:
        yield SourceProblem(name, None, f"cannot read: {exc.strerror or exc}")
        return
    except ValueError as exc:
        yield SourceProblem(name, getattr(exc, "line", None), str(exc))
        return
    if kind == "jsonl":
        yield from iter_jsonl(name, io.StringIO(text), field_name)
    elif kind == "csv":
        yield from iter_csv(name, text, field_name)
    else:
        yield from split_text_source(name, text)


def _stream_jsonl(name: str, path: str, field_name: str) -> Iterator[Post | SourceProblem]:
    with open(path, "rb") as fh:
        yield from stream_jsonl(name, fh, field_name)


def stream_jsonl(name: str, fh: BinaryIO, field_name: str) -> Iterator[Post | SourceProblem]:
    """JSONL from a binary stream (a file or stdin), one line at a time: memory stays bounded."""
    first = fh.readline()
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = decode(first + fh.read(), name)
        except ValueError as exc:
            yield SourceProblem(name, getattr(exc, "line", None), str(exc))
            return
        yield from iter_jsonl(name, io.StringIO(text), field_name)
        return
    if first.startswith(codecs.BOM_UTF8):
        first = first[len(codecs.BOM_UTF8):]
    for lineno, raw in enumerate(itertools.chain([first] if first else [], fh), 1):
        if b"\x00" in raw:
            yield SourceProblem(name, lineno, "NUL byte; line not linted")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield SourceProblem(name, lineno, f"not valid UTF-8 (byte {exc.start} of the line)")
            continue
        for item in iter_jsonl(name, [line], field_name):  # type: ignore[arg-type]
            if isinstance(item, Post):
                item.index, item.line = lineno - 1, lineno
            else:
                item.line = lineno
            yield item


def discover(paths: list[str]) -> Iterator[tuple[str, str | None]]:
    """Expand directories (recursively, sorted) into lintable files.

    Yields (display name, path); ``-`` means stdin.
    """
    for p in paths:
        if p == "-":
            yield "<stdin>", None
            continue
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.lower().endswith(ALL_SUFFIXES) and not f.startswith("."):
                        found.append(os.path.join(root, f))
            yield from ((f, f) for f in sorted(found))
        else:
            yield p, p
