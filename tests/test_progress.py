"""Progress of a long check on standard error, only when it is a terminal.

The terminal is a real pseudo-terminal and ``proofer`` a real process: standard error goes
to the terminal, standard output (the report) to a pipe.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import threading
from pathlib import Path

from tests.conftest import PROOFER, run_proofer

PARAGRAPHS = 1_200  # long enough to take more than the half second before progress shows


def long_draft(path: Path) -> Path:
    """A draft of many short paragraphs, no two alike, with a slip now and then."""
    path.write_text(
        "\n\n".join(
            f"Paragraph {i} says the council met on day {i} and voted {i % 7} times"
            + (" on teh plan." if i % 50 == 0 else " on the plan.")
            for i in range(PARAGRAPHS)
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def on_a_terminal(*args: str | Path) -> tuple[subprocess.CompletedProcess[bytes], str]:
    """Run ``proofer`` with standard error on a pseudo-terminal; returns the process (its
    standard output captured) and everything the terminal showed."""
    main, side = pty.openpty()
    shown: list[bytes] = []

    def read_terminal() -> None:
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the other side closed: Linux says EIO
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    try:
        process = subprocess.Popen(
            [str(PROOFER), *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=side,
        )
        os.close(side)
        out, _ = process.communicate(timeout=300)
    finally:
        reader.join(timeout=30)
        os.close(main)
    done = subprocess.CompletedProcess(process.args, process.returncode, out, b"")
    return done, b"".join(shown).decode("utf-8", "replace")


def test_one_long_draft_shows_its_paragraphs_on_a_terminal(tmp_path: Path) -> None:
    draft = long_draft(tmp_path / "long.txt")
    result, terminal = on_a_terminal("check", draft, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0
    steps = re.findall(r"checked ([\d,]+)/1,200 paragraphs", terminal)
    counts = [int(n.replace(",", "")) for n in steps]
    assert counts[-1] == PARAGRAPHS, terminal
    assert len(counts) >= 2 and counts[0] < PARAGRAPHS, "no step before the end"
    assert counts == sorted(counts)
    assert "(100%)" in terminal and "across it" in terminal
    # The report on standard output is untouched: JSON, nothing else.
    report = json.loads(result.stdout)
    assert b"checked" not in result.stdout
    assert len(report["files"][0]["findings"]) >= PARAGRAPHS // 50


def test_no_progress_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    draft = long_draft(tmp_path / "long.txt")
    result = run_proofer("check", draft, "--fail-on", "never")
    assert result.returncode == 0
    assert b"paragraphs" not in result.stderr
    assert b"\r" not in result.stderr


def test_many_drafts_show_the_files_and_messages_keep_their_own_lines(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"story-{i}.txt")
        paths[-1].write_text(f"Story {i} is short and teh vote was close.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result, terminal = on_a_terminal("check", *paths, missing)
    assert result.returncode == 2
    assert "checked 4/4 files (100%)" in terminal
    # The progress line is wiped before the error about the missing file takes its place.
    assert f"\r\x1b[Kproofer: {missing}: no such file\r\n" in terminal
