"""The batch runner: every core, results in the items' order, same as one process."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from proofer import batch
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


def test_items_sharing_pieces_are_checked_by_the_worker_that_has_them() -> None:
    # Four groups of items; an item's one piece is its group's: every item of a group goes
    # to the worker that took the group's first, and both workers get groups.
    items = [(i, i % 4) for i in range(40)]
    results = list(in_order(lambda item: (item[0], os.getpid()), items, size=lambda _: 10_000,
                            workers=2, pieces=lambda item: [(item[1], 1_000)]))  # fmt: skip
    assert [r[0] for r in results] == list(range(40))
    by_group = {g: {pid for (i, pid) in results if i % 4 == g} for g in range(4)}
    assert all(len(pids) == 1 for pids in by_group.values())
    assert len(set().union(*by_group.values())) == 2


def test_a_small_piece_every_item_shares_does_not_keep_a_worker_idle() -> None:
    # The same short footer in every item, the rest its own: both workers check items.
    items = list(range(40))
    results = list(in_order(lambda i: os.getpid(), items, size=lambda _: 10_000, workers=2,
                            pieces=lambda i: [("footer", 100), (i, 2_000)]))  # fmt: skip
    assert len(set(results)) == 2


def test_an_error_in_a_worker_is_raised_in_its_turn_and_no_worker_is_left() -> None:
    def fail_on_seven(i: int) -> int:
        if i == 7:
            raise ValueError("item seven")
        return i

    got: list[int] = []
    with pytest.raises(ValueError, match="item seven"):
        for result in in_order(fail_on_seven, range(20), size=lambda _: 10_000, workers=2):
            got.append(result)
    assert got == list(range(7))
    assert multiprocessing.active_children() == []


def test_workers_are_replaced_after_their_share_of_items(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_ITEMS_PER_WORKER", 3)
    results = list(in_order(lambda i: (i, os.getpid()), range(15), size=lambda _: 10_000,
                            workers=2))  # fmt: skip
    assert [i for i, _ in results] == list(range(15))
    assert len({pid for _, pid in results}) >= 5  # 15 items, at most 3 each
    assert multiprocessing.active_children() == []


def test_proofer_check_of_a_mixed_batch_prints_what_one_by_one_prints(tmp_path: Path) -> None:
    # Drafts sharing paragraphs, drafts of their own, Markdown, an empty draft and a missing
    # one: about 30,000 characters, enough to fork workers.
    proofer = Path(sys.executable).with_name("proofer")
    story = (
        "Councillor Henriete Solbakken said the budget was late.. The the vote is due "
        "in Febuary, she said , and the harbour plan waits.\n\n"
    )
    towns = ["Aberfeld", "Brackwater", "Colnebury", "Dunmere", "Eastholm", "Fenwick"]
    paths = []
    for i in range(12):
        path = tmp_path / f"story-{i:02d}.txt"
        path.write_text(f"Story {i}.\n\n" + story * 10, encoding="utf-8")
        paths.append(path)
    for i, town in enumerate(towns):
        own = "".join(
            f"In {town}, meeting {k} of the year heard that teh bridge repairs would cost "
            f"{i * 100 + k} thousand pounds  more , the clerk said..\n\n"
            for k in range(12)
        )
        paths.append(tmp_path / f"{town.lower()}.txt")
        paths[-1].write_text(own, encoding="utf-8")
    paths.append(tmp_path / "notes.md")
    paths[-1].write_text("# Budget notes\n\n- The the vote is due in Febuary.\n\n" + story * 3)
    paths.append(tmp_path / "empty.txt")
    paths[-1].write_text("", encoding="utf-8")
    paths.insert(5, tmp_path / "missing.txt")

    def run(*files: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(proofer), "check", *map(str, files)], capture_output=True,
                              text=True, cwd=tmp_path, timeout=300)  # fmt: skip

    together = run(*paths)
    alone = [run(p) for p in paths]
    assert together.stdout == "".join(r.stdout for r in alone)
    assert together.returncode == 2  # the missing file, after checking the others
    assert "missing.txt" in together.stderr
    assert together.stdout.count("[punctuation.doubled]") == 12 * 10 + 6 * 12 + 3
    assert all(f"{town.lower()}.txt" in together.stdout for town in towns)
