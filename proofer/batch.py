"""Many drafts on every core: worker processes forked after the engine is warm.

Building Harper's linters and tables costs more than checking a story, so the parent warms
one proofreader first and the workers are forked from it (they start warm, sharing its
memory until they write to it). Only the item's number goes to a worker and only its result
comes back; results are handed on in the order of the items, so the output is the same as a
check in one process.

Each worker remembers what it has checked (the proofreader's memo), so an item that shares
pieces with items already sent (the same paragraphs in several drafts) goes to the worker
that has them; otherwise the items go out in order, one at a time (a long one does not
hold back a batch of short ones behind it).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from itertools import count, islice
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Worth forking for: below this many characters in all, one process is quicker.
_MIN_CHARS = 20_000
# A worker is replaced after this many items, so caches grown on one batch stay bounded.
_ITEMS_PER_WORKER = 200
# Items sent ahead to each worker, so that none waits for the parent between two.
_AHEAD = 2
# Waiting items weighed for each choice, in order: a result is held back at most this long.
_WINDOW = 64
# Pieces whose worker is remembered, at most (about 100 bytes each).
_PIECES_KEPT = 200_000

# The job the forked workers run; set in the parent before each fork.
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
    pieces: Callable[[T], Iterable[tuple[Hashable, int]]] | None = None,
) -> Iterator[R]:
    """``func`` of each item, in the order of ``items``, spread over the cores.

    ``size`` estimates an item's work in characters; a batch too small to gain from more
    processes (or a platform without ``fork``) runs here, in this process. ``warm`` runs
    here before the workers are forked. ``pieces``, if given, names the parts of an item
    whose results a worker remembers (paragraphs, with their length): items sharing them
    go to the same worker. ``func`` and the items reach the workers through the fork, so
    neither needs to be picklable; the results must be.
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
        weigh = (lambda i: list(pieces(items[i]))) if pieces else (lambda i: [])
        yield from _Pool(n, len(items), weigh).results()
    finally:
        _job = None


class _Worker:
    """One forked process checking the items it is sent, one at a time, in order."""

    serials = count()

    def __init__(self, others: list[Connection]) -> None:
        self.serial = next(self.serials)
        self.conn, child = multiprocessing.Pipe()
        # The parent's objects are kept out of the child's garbage collections, so the
        # collector does not write to (and so copy) every page of the warm engine.
        gc.freeze()
        try:
            context = multiprocessing.get_context("fork")
            self.process = context.Process(target=_serve, args=(child, others), daemon=True)
            self.process.start()
        finally:
            gc.unfreeze()
        child.close()
        self.sent: list[int] = []  # items sent and not yet answered, in order
        self.given = 0  # items sent over its life

    def send(self, i: int) -> None:
        self.conn.send(i)
        self.sent.append(i)
        self.given += 1

    def stop(self) -> None:
        """End the process: at once if it is still busy (the batch was abandoned)."""
        if self.sent:
            self.process.terminate()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.terminate()
        self.process.join()
        self.conn.close()


class _Pool:
    """Workers fed from the items waiting, each item's result kept until its turn."""

    def __init__(
        self, n: int, items: int, weigh: Callable[[int], list[tuple[Hashable, int]]]
    ) -> None:
        self.n = n
        self.items = items
        self.weigh = weigh
        self.waiting = dict.fromkeys(range(items))  # in order
        self.pieces: dict[int, list[tuple[Hashable, int]]] = {}  # of the items weighed
        self.holders: dict[Hashable, int] = {}  # the worker that last checked a piece

    def results(self) -> Iterator[Any]:
        workers: list[_Worker] = []
        done: dict[int, tuple[bool, Any]] = {}
        try:
            for _ in range(self.n):
                workers.append(self._start(workers))
            for turn in range(self.items):
                while turn not in done:
                    for k, worker in enumerate(workers):
                        if worker.given >= _ITEMS_PER_WORKER and not worker.sent:
                            worker.stop()  # recycled: its caches stay bounded
                            workers[k] = worker = self._start(workers)
                        while len(worker.sent) < _AHEAD and worker.given < _ITEMS_PER_WORKER:
                            chosen = self._choose(worker, workers)
                            if chosen is None:
                                break
                            worker.send(chosen)
                    busy = [w for w in workers if w.sent]
                    ready = wait([w.conn for w in busy])
                    for worker in (w for w in busy if w.conn in ready):
                        try:
                            i, ok, value = worker.conn.recv()
                        except EOFError:
                            raise RuntimeError("a worker process stopped unexpectedly") from None
                        worker.sent.remove(i)
                        done[i] = (ok, value)
                ok, value = done.pop(turn)
                if not ok:
                    raise value
                yield value
        finally:
            for worker in workers:
                worker.stop()

    def _start(self, workers: list[_Worker]) -> _Worker:
        return _Worker([w.conn for w in workers])

    def _choose(self, worker: _Worker, workers: list[_Worker]) -> int | None:
        """The waiting item for ``worker``: the one with the most characters it has already
        checked, less what another worker has; then the first. An item mostly checked
        already by another worker waits for that one, which answers it from memory (None:
        nothing for this worker now)."""
        others = {w.serial for w in workers} - {worker.serial}

        def score(i: int) -> tuple[int, int] | None:
            if i not in self.pieces:
                self.pieces[i] = self.weigh(i)
            mine, theirs = 0, dict.fromkeys(others, 0)
            for key, weight in self.pieces[i]:
                holder = self.holders.get(key)
                if holder == worker.serial:
                    mine += weight
                elif holder in theirs:
                    theirs[holder] += weight
            most = max(theirs.values(), default=0)
            if most > mine and 2 * most > sum(weight for _, weight in self.pieces[i]):
                return None
            return mine - most, -i

        scored = [(s, i) for i in islice(self.waiting, _WINDOW) if (s := score(i)) is not None]
        if not scored:
            return None
        chosen = max(scored)[1]
        del self.waiting[chosen]
        if len(self.holders) > _PIECES_KEPT:
            self.holders.clear()  # a batch without end: start again rather than grow
        for key, _ in self.pieces.pop(chosen, []):
            self.holders[key] = worker.serial
        return chosen


def _serve(conn: Connection, others: list[Connection]) -> None:
    """A worker's life: check each item number it is sent until it is sent None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    for other in others:
        other.close()  # the other workers' lines, inherited through the fork
    assert _job is not None
    func, items = _job
    while True:
        try:
            i = conn.recv()
        except EOFError:
            return
        if i is None:
            return
        try:
            conn.send((i, True, func(items[i])))
        except Exception as exc:  # handed to the parent, raised there in the item's turn
            try:
                conn.send((i, False, exc))
            except Exception:  # an exception that cannot be pickled
                conn.send((i, False, RuntimeError(repr(exc))))


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
