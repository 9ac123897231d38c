"""The only layer that touches files: paths/stdin -> posts -> engine -> results.

``run`` yields results in input order.  With ``jobs > 1`` chunks of posts go to
worker processes (forked from this one, so they share its loaded pipeline and
rules), at most ``2 * jobs`` chunks in flight: memory stays bounded on inputs of
any size, and the output is identical to ``jobs == 1``.
"""
from __future__ import annotations

import itertools
import os
import sys
from collections import deque
from typing import Iterator

from .source import Post, SourceProblem, discover, iter_source, kind_of, stream_jsonl

CHUNK = 256


def iter_inputs(paths: list[str], field: str, stdin_name: str | None = None) -> Iterator[Post | SourceProblem]:
    for name, path in discover(paths):
        if path is None:  # stdin
            display = stdin_name or "<stdin>"
            kind = kind_of(stdin_name) if stdin_name else "text"
            if kind == "jsonl":
                yield from stream_jsonl(display, sys.stdin.buffer, field)
            else:
                yield from iter_source(display, None, sys.stdin.buffer.read(), field, kind)
        else:
            if not os.path.exists(path):
                yield SourceProblem(name, None, "no such file or directory")
                continue
            yield from iter_source(name, path, None, field)


def resolve_jobs(jobs: str | int | None) -> int:
    """'auto' -> the cores this process may use; a number -> itself (at least 1)."""
    if jobs in (None, "", 1, "1"):
        return 1
    if jobs == "auto":
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not Linux
            return max(1, os.cpu_count() or 1)
    n = int(jobs)
    if n < 1:
        raise ValueError("--jobs must be a positive number or 'auto'")
    return n


def _chunks(items: Iterator[Post | SourceProblem], size: int) -> Iterator[list]:
    chunk: list = []
    posts = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Post):
            posts += 1
            if posts >= size:
                yield chunk
                chunk, posts = [], 0
    if chunk:
        yield chunk


def _lint_chunk(linter, chunk: list) -> list:
    """Results for the posts of ``chunk``, problems passed through in place."""
    posts = [x for x in chunk if isinstance(x, Post)]
    results = iter(linter.lint_posts(posts)) if posts else iter(())
    return [x if isinstance(x, SourceProblem) else next(results) for x in chunk]


def run(linter, items: Iterator[Post | SourceProblem], jobs: int = 1) -> Iterator:
    """Results in input order; problems pass through in place."""
    chunks = _chunks(items, CHUNK)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None or not _can_fork():
        # one chunk of input (or one job): no processes to start
        yield from _lint_chunk(linter, first)
        if second is not None:
            yield from _lint_chunk(linter, second)
        for chunk in chunks:
            yield from _lint_chunk(linter, chunk)
        return
    yield from _run_parallel(linter, [first, second], chunks, jobs)


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


_WORKER_LINTER = None


def _worker_init(linter) -> None:
    import signal

    global _WORKER_LINTER
    _WORKER_LINTER = linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _worker(chunk: list) -> list:
    return _lint_chunk(_WORKER_LINTER, chunk)


def _run_parallel(linter, head: list, chunks: Iterator[list], jobs: int) -> Iterator:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    linter.prepare_for_fork()
    ctx = mp.get_context("fork")
    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init,
                             initargs=(linter,)) as pool:
        try:
            for chunk in itertools.chain(head, chunks):
                pending.append(pool.submit(_worker, chunk))
                if len(pending) >= 2 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
