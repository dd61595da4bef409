"""The batch runner: every core, results in the items' order, same as one process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_proofer_check_of_many_files_prints_what_one_by_one_prints(tmp_path: Path) -> None:
    proofer = Path(sys.executable).with_name("proofer")
    story = (
        "Councillor Henriete Solbakken said the budget was late.. The the vote is due "
        "in Febuary, she said , and the harbour plan waits.\n\n"
    )
    paths = []
    for i in range(24):  # about 30,000 characters: enough to fork workers
        path = tmp_path / f"story-{i:02d}.txt"
        path.write_text(f"Story {i}.\n\n" + story * 10, encoding="utf-8")
        paths.append(str(path))
    paths.insert(5, str(tmp_path / "missing.txt"))

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(proofer), "check", *files], capture_output=True, text=True,
                              cwd=tmp_path, timeout=300)  # fmt: skip

    together = run(*paths)
    alone = [run(p) for p in paths]
    assert together.stdout == "".join(r.stdout for r in alone)
    assert together.returncode == 2  # the missing file, after checking the others
    assert "missing.txt" in together.stderr
    assert together.stdout.count("[punctuation.doubled]") == 24 * 10
