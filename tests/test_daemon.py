"""``proofer check --daemon``: the same output and exit status as a check in-process, from a
real background process that notices edited lists and stops when told."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from proofer import daemon

PROOFER = Path(sys.executable).with_name("proofer")
DRAFT = "Chilean Senator Sebastain Moreno spoke to Ngozi Obiakor on Tuesday.\n"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "run"
    runtime.mkdir()
    return {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}


def proofer(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PROOFER), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_daemon_answers_as_the_check_in_process(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "story.txt").write_text(DRAFT, encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_text("Sebastian Moreno\n", encoding="utf-8")
    args = ("check", "story.txt", "--entities", "names.txt")
    try:
        here = proofer(env, *args, cwd=tmp_path)
        warm = proofer(env, *args, "--daemon", cwd=tmp_path)
        assert (warm.returncode, warm.stdout, warm.stderr) == (
            here.returncode, here.stdout, here.stderr)  # fmt: skip
        assert "Sebastian" in warm.stdout and warm.returncode == 1
        assert "running" in proofer(env, "daemon", "status", cwd=tmp_path).stdout

        names.write_text("Sebastian Moreno\nNgozi Obiakor\n", encoding="utf-8")  # an edited list
        warm = proofer(env, *args, "--daemon", cwd=tmp_path)
        assert "Obiakor" not in warm.stdout
        assert warm.stdout == proofer(env, *args, cwd=tmp_path).stdout

        piped = subprocess.run(
            [str(PROOFER), "check", "-", "--daemon"],
            input=DRAFT, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert "-:1:" in piped.stdout and "Sebastian" in piped.stdout
    finally:
        assert "stopped" in proofer(env, "daemon", "stop", cwd=tmp_path).stdout
    assert "not running" in proofer(env, "daemon", "status", cwd=tmp_path).stdout


def test_an_idle_daemon_exits_and_removes_its_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    done: list[int] = []
    thread = threading.Thread(target=lambda: done.append(daemon.serve(lambda a: 0, 0.5)))
    thread.start()
    thread.join(timeout=10)
    assert done == [0]
    assert not daemon.socket_path().exists()
