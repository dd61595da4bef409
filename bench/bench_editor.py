"""The editor's responsiveness, offscreen: first underline, keystroke to underline, stalls.

For the sample draft (opened in a window just created, as ``main.py DRAFT`` does, and in
one whose engine has warmed up) and drafts of about 1,000 and 10,000 words built from the
corpus, prints the time from opening the file to the first underline and to the whole
draft's result, the time from typing a misspelling at the end to its underline, and the
longest gap between two ticks of a 5 ms timer (an event-loop stall) over the session.

    python bench/bench_editor.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.bench_speed import draft_of
from bench.corpus import words
from ui.checking import DEBOUNCE_MS
from ui.main_window import MainWindow
from ui.settings import Settings


class StallMeter:
    """Longest gap between ticks of a fast timer: how long the event loop was blocked."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.worst = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = self.clock.elapsed()
        self.worst = 0


def wait_until(predicate, timeout: float = 60.0) -> float:  # type: ignore[no-untyped-def]
    """Run the real event loop (as the app does) until ``predicate`` holds."""
    started = time.perf_counter()
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(lambda: (predicate() or time.perf_counter() - started > timeout)
                         and loop.quit())  # fmt: skip
    poll.start()
    if not predicate():
        loop.exec()
    poll.stop()
    if not predicate():
        raise TimeoutError
    return time.perf_counter() - started


def session(name: str, path: Path, folder: Path, warm: bool) -> None:
    """Open ``path`` in a new window (once its engine is warm, with ``warm``; at once, as
    ``main.py DRAFT`` does, without), then type a misspelling at the end."""
    text = path.read_text(encoding="utf-8")
    q = QSettings(str(folder / f"settings-{name}.ini"), QSettings.Format.IniFormat)
    q.setValue("dataFolder", str(folder / f"data-{name}"))
    # A new window's figures count from its making (its settings read, its engine started),
    # as a writer's wait does; a warm window's from the draft's opening.
    made = time.perf_counter()
    window = MainWindow(Settings(q))
    window.resize(1280, 800)
    window.show()
    meter = StallMeter()
    wait_until(lambda: window.checker.warm or not warm)
    meter.reset()
    started = time.perf_counter() if warm else made
    window.open_path(path)
    wait_until(lambda: bool(window.editor.marked))
    first = time.perf_counter() - started
    wait_until(
        lambda: window.last_result is not None and window.last_result.revision == window.revision
    )
    whole = time.perf_counter() - started
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    typed = time.perf_counter()
    QTest.keyClicks(window.editor, " It was recieved")
    keystroke = wait_until(lambda: any(m.text == "recieved" for m in window.editor.marked))
    total = time.perf_counter() - typed
    opened = "warm window" if warm else "new window "
    print(f"{name:>14} ({words(text):>6} words), {opened}: first underline {first:.2f} s, "
          f"whole draft {whole:.2f} s; typed misspelling underlined {keystroke:.2f} s after "
          f"the last key ({total:.2f} s after the first); "
          f"longest stall {meter.worst} ms")  # fmt: skip
    window.editor.document().setModified(False)
    window.close()
    meter.timer.stop()
    window.deleteLater()
    QApplication.processEvents()


def main() -> None:
    app = QApplication([])
    sample = Path(__file__).resolve().parent.parent / "resources" / "sample-draft.txt"
    print(f"debounce {DEBOUNCE_MS} ms (included in the typed-misspelling figures)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        session("sample draft", sample, folder, warm=False)
        session("sample draft", sample, folder, warm=True)
        for size in (1_000, 10_000):
            path = folder / f"draft-{size}.txt"
            path.write_text(draft_of(size) + "\n\nThe last paragraph ends here.", "utf-8")
            session(f"corpus {size:,}", path, folder, warm=True)
    app.quit()
    app.processEvents()
    del app


if __name__ == "__main__":
    main()
