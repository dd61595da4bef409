"""Many drafts on every core: a pool of worker processes forked after the engine is warm.

Building Harper's linters and tables costs more than checking a story, so the parent warms
one proofreader first and the workers are forked from it (they start warm, sharing its
memory until they write to it). Only the item's number goes to a worker and only its result
comes back; results arrive in the order of the items, so the output is the same as a check
in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Worth forking for: below this many characters in all, one process is quicker.
_MIN_CHARS = 20_000
# A worker is replaced after this many items, so caches grown on one batch stay bounded.
_ITEMS_PER_WORKER = 200

# The job the forked workers run; set in the parent just before the fork.
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover (not Linux)
        return os.cpu_count() or 1


def in_order(
    func: Callable[[T], R],
    items: Sequence[T],
    size: Callable[[T], int] = lambda _: _MIN_CHARS,
    workers: int | None = None,
    warm: Callable[[], object] | None = None,
) -> Iterator[R]:
    """``func`` of each item, in the order of ``items``, spread over the cores.

    ``size`` estimates an item's work in characters; a batch too small to gain from more
    processes (or a platform without ``fork``) runs here, in this process. ``func`` and the
    items reach the workers through the fork, so neither needs to be picklable; the results
    must be.
    """
    global _job
    n = min(workers or cores(), len(items))
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if n < 2 or not forkable or sum(size(item) for item in items) < _MIN_CHARS:
        yield from (func(item) for item in items)
        return
    if warm is not None:
        warm()
    _job = (func, items)
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(n, maxtasksperchild=_ITEMS_PER_WORKER) as pool:
            yield from pool.imap(_run, range(len(items)), chunksize=1)
    finally:
        _job = None


def _run(i: int) -> Any:
    assert _job is not None
    func, items = _job
    return func(items[i])


class Progress:
    """How far a long check has got, on standard error: ``checked 40/100 files``, or the
    paragraphs of one long draft. Shown only when standard error is a terminal (never in a
    pipe or a log, and never on standard output), only once the check has run long enough
    to wait for, and redrawn a few times a second at most."""

    def __init__(self, what: str, then: str = "", stream: Any = None, after: float = 0.5) -> None:
        self.what = what
        self.then = then  # what happens once all are done, if anything
        self.stream = stream or sys.stderr
        self.after = after  # seconds of silence first: a quick check shows nothing
        self.started = time.monotonic()
        self.drawn: float | None = None  # when the line was last drawn
        self.tty = self.stream.isatty()

    def reached(self, done: int, total: int) -> bool:
        """Show ``done`` of ``total``. Returns False, so that it can serve as a check's
        ``should_stop``."""
        now = time.monotonic()
        due = self.drawn is None or now - self.drawn >= 0.2 or done == total
        if self.tty and total and due and now - self.started >= self.after:
            self.drawn = now
            line = f"\rchecked {done:,}/{total:,} {self.what} ({100 * done // total}%)"
            if done == total and self.then:
                line += f"; {self.then}"
            print(line, end="", file=self.stream, flush=True)
        return False

    def clear(self) -> None:
        """Wipe the progress line, so that a message can be printed in its place (the next
        step draws it again)."""
        if self.drawn is not None:
            print("\r\x1b[K", end="", file=self.stream, flush=True)

    def close(self) -> None:
        """End the progress line, if one was drawn, so what follows starts on its own."""
        if self.drawn is not None:
            print(file=self.stream, flush=True)
