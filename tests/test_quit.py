"""Quitting during a check quits at once, even while the check waits on LanguageTool."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.lt_protocol_server import Behaviour, lt_protocol_server
from tests.qt_support import dialogs, make_window, settings
from ui.checking import still_busy

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support
ROOT = Path(__file__).resolve().parent.parent
DRAFT = "The harbor board met on Tuesday. It voted to raise the fares.\n"


def test_closing_the_window_does_not_wait_for_languagetool(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path: Path
) -> None:
    behaviour = Behaviour(mode="slow", delay=8.0)
    with lt_protocol_server(behaviour) as url:
        draft = tmp_path / "story.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        (tmp_path / ".proofer.toml").write_text(f'languagetool = "{url}"\n', encoding="utf-8")
        window = make_window()
        window.show()
        assert window.open_path(draft)
        qtbot.waitUntil(lambda: bool(behaviour.requests), timeout=60_000)  # the check is waiting
        started = time.monotonic()
        assert window.close()
        assert time.monotonic() - started < 2.0
        assert still_busy()  # left to end on its own
        qtbot.waitUntil(lambda: not still_busy(), timeout=30_000)


QUITTING_EDITOR = """
import sys
from pathlib import Path

sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui import app

signal = Path(sys.argv[3])
run = QApplication.exec


def run_and_quit_when_told():
    def poll():
        if signal.exists():
            QApplication.closeAllWindows()
        else:
            QTimer.singleShot(50, poll)

    poll()
    return run()


QApplication.exec = staticmethod(run_and_quit_when_told)
sys.exit(app.main(["proofer-editor", sys.argv[2]]))
"""


def test_the_editor_process_quits_during_a_languagetool_check(tmp_path: Path) -> None:
    behaviour = Behaviour(mode="slow", delay=30.0)
    with lt_protocol_server(behaviour) as url:
        draft = tmp_path / "story.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        (tmp_path / ".proofer.toml").write_text(f'languagetool = "{url}"\n', encoding="utf-8")
        script = tmp_path / "quitting_editor.py"
        script.write_text(QUITTING_EDITOR, encoding="utf-8")
        quit_now = tmp_path / "quit-now"
        home = tmp_path / "home"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
        }
        child = subprocess.Popen(
            [sys.executable, str(script), str(ROOT), str(draft), str(quit_now)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while not behaviour.requests and time.monotonic() < deadline:
                time.sleep(0.05)
            assert behaviour.requests, "the check never reached LanguageTool"
            quit_now.touch()
            started = time.monotonic()
            _, err = child.communicate(timeout=20)
            assert time.monotonic() - started < 5.0  # not the 30 s the answer takes
            assert child.returncode == 0, err
            assert "Destroyed while thread" not in err
        finally:
            child.kill()
            child.wait()
