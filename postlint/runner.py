"""The only layer that touches files: paths/stdin -> posts -> engine -> results."""
from __future__ import annotations

import sys
from typing import Iterator

from .source import Post, SourceProblem, discover, iter_source, kind_of


def iter_inputs(paths: list[str], field: str, stdin_name: str | None = None) -> Iterator[Post | SourceProblem]:
    for name, path in discover(paths):
        if path is None:  # stdin
            data = sys.stdin.buffer.read()
            display = stdin_name or "<stdin>"
            yield from iter_source(display, None, data, field, kind_of(stdin_name) if stdin_name else "text")
        else:
            import os

            if not os.path.exists(path):
                yield SourceProblem(name, None, "no such file or directory")
                continue
            yield from iter_source(name, path, None, field)


def run(linter, items: Iterator[Post | SourceProblem]) -> Iterator:
    """Results in input order; problems pass through in place."""
    batch: list[Post] = []
    for item in items:
        if isinstance(item, SourceProblem):
            if batch:
                yield from linter.lint_posts(batch)
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= 256:
            yield from linter.lint_posts(batch)
            batch = []
    if batch:
        yield from linter.lint_posts(batch)
