"""Coding on several cores: worker processes that each hold the model, results back in input order.

Workers are forked after the parent has loaded the resources, so they start at
once and share the model's memory until they write to it. Only a bounded
window of batches is in flight, so a corpus of any size streams through in
constant memory; the single parent process does all the writing.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from eventlens.config import Settings
from eventlens.pipeline import Resources, code_stream
from eventlens.records import Article, ArticleResult, IngestError

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
Item = Article | IngestError
Outcome = ArticleResult | IngestError


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def code_parallel(items: Iterable[Item], settings: Settings, workers: int) -> Iterator[Outcome]:
    """Code ``items`` with ``workers`` processes, yielding in input order.

    With 0 workers everything runs in this process (for debugging and
    profiling). With 1 or more, this process only feeds the workers and takes
    their results, so reading and writing overlap with parsing.
    """
    resources = Resources.load(settings)  # loaded before the fork: workers inherit it
    if workers <= 0:
        yield from code_stream(items, resources)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, initializer=_warm, initargs=(settings, os.getpid())) as pool:
        window: deque[AsyncResult[list[Outcome]]] = deque()
        for chunk in _chunks(items, settings.batch_size):
            window.append(pool.apply_async(_code_chunk, (chunk, settings)))
            if len(window) >= 2 * workers + 1:  # one batch queued per worker while the parent writes
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _warm(settings: Settings, parent: int) -> None:
    _follow_parent(parent)
    Resources.load(settings)  # a no-op after fork, the load itself under spawn


def _follow_parent(parent: int) -> None:
    """Make a worker a pure helper of the parent process.

    Ctrl-C and SIGTERM are the parent's to handle (it stops the pool and
    stores what is coded); and a worker must not outlive a parent killed with
    SIGKILL, which cannot be caught: on Linux the kernel kills it then.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)


def _code_chunk(chunk: list[Item], settings: Settings) -> list[Outcome]:
    return list(code_stream(chunk, Resources.load(settings)))
