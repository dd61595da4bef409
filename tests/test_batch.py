"""The batch runner: every core, results in the items' order, same as one process."""

from __future__ import annotations

import os

from proofer.batch import in_order


def test_a_big_batch_runs_in_other_processes_and_keeps_the_order() -> None:
    offset = 7  # a closure: reaches the workers through the fork, not through pickle
    items = list(range(40))
    results = list(in_order(lambda i: (i + offset, os.getpid()), items, size=lambda _: 10_000,
                            workers=2))  # fmt: skip
    assert [r[0] for r in results] == [i + offset for i in items]
    assert os.getpid() not in {pid for _, pid in results}


def test_a_small_batch_runs_here() -> None:
    results = list(in_order(lambda i: (i, os.getpid()), [1, 2, 3], size=lambda _: 10, workers=2))
    assert results == [(1, os.getpid()), (2, os.getpid()), (3, os.getpid())]


def test_one_item_or_one_worker_runs_here() -> None:
    assert list(in_order(lambda i: os.getpid(), [1], size=lambda _: 10**6)) == [os.getpid()]
    assert set(in_order(lambda i: os.getpid(), [1, 2], workers=1)) == {os.getpid()}
