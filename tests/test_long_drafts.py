"""Long drafts in the editor: the screen first, progress, cancel, and quitting mid-check."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from proofer.document import Document
from proofer.proofreader import CheckCancelled, Proofreader
from tests.qt_support import dialogs, make_window, settings
from ui.checking import LONG_DRAFT
from ui.main_window import MainWindow

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support

pytestmark = pytest.mark.gui

WORDS = [
    "the",
    "council",
    "said",
    "its",
    "budget",
    "would",
    "cover",
    "roads",
    "schools",
    "and",
    "parks",
    "after",
    "a",
    "long",
    "meeting",
    "on",
    "Tuesday",
    "where",
    "residents",
    "asked",
    "about",
    "taxes",
    "water",
    "prices",
    "and",
    "the",
    "new",
    "library",
    "while",
    "officials",
    "answered",
    "questions",
    "from",
    "reporters",
    "and",
    "neighbours",
]

# Long enough that checking it takes seconds (progress shows after a fraction of one), and
# far longer than the "long draft" threshold.
PARAGRAPHS = max(800, LONG_DRAFT * 10)


def long_draft(paragraphs: int, seed: int = 7) -> str:
    """Plain sentences of common words, every paragraph different (none is remembered)."""
    rng = random.Random(seed)
    out = []
    for i in range(paragraphs):
        sentences = []
        for _ in range(4):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 14))]
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(f"Item {i}. " + " ".join(sentences))
    return "\n\n".join(out)


@pytest.fixture
def long_path(tmp_path: Path) -> Path:
    paragraphs = long_draft(PARAGRAPHS).split("\n\n")
    paragraphs[0] = "The comittee met first. " + paragraphs[0]
    paragraphs[-1] += " The report was recieved last."
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_the_screen_is_checked_first_then_progress_and_cancel(  # type: ignore[no-untyped-def]
    qtbot, make_window, long_path: Path
) -> None:
    window: MainWindow = make_window()
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    progress: list[tuple[int, int]] = []
    window.checker.progress.connect(lambda done, total: progress.append((done, total)))
    window.open_path(long_path)
    # The first paragraph is on screen: its slip is underlined before the draft is done.
    qtbot.waitUntil(lambda: any(m.text == "comittee" for m in window.editor.marked), timeout=20_000)
    assert window.last_result is None  # the whole draft's result is not in yet
    assert all(m.text != "recieved" for m in window.editor.marked)
    assert window.counts.text() == "Checking…"
    qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=20_000)
    done, total = progress[-1]
    assert total == PARAGRAPHS and 0 <= done <= total
    assert window.progress.maximum() == total
    with qtbot.waitSignal(window.checker.cancelled, timeout=10_000):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.counts.text() == "Not checked"
    assert window.last_result is None
    # Checking again finishes the job, the remembered paragraphs first.
    window.check_now()
    qtbot.waitUntil(lambda: window.last_result is not None, timeout=60_000)
    assert {"comittee", "recieved"} <= {m.text for m in window.editor.marked}
    assert not window.progress.isVisible()
    assert "cancelled" not in window.statusBar().currentMessage()
    assert "error" in window.counts.text()


def test_quitting_during_a_check_stops_it(qtbot, make_window, long_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    window.show()
    stopped: list[int] = []
    ended: list[int] = []
    worker = window.checker._worker
    worker.cancelled.connect(stopped.append, Qt.ConnectionType.DirectConnection)
    worker.finished.connect(
        lambda r: r.partial or ended.append(r.revision), Qt.ConnectionType.DirectConnection
    )
    window.open_path(long_path)
    qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=20_000)
    running = window.revision
    window.close()  # returns once the worker thread has ended
    assert window.checker._thread.isFinished()
    assert stopped == [running] and running not in ended  # stopped, not run to the end


def test_the_engine_check_asks_between_paragraphs_and_stops(engine) -> None:  # type: ignore[no-untyped-def]
    proofreader = Proofreader(engine=engine)
    doc = Document(long_draft(5))
    asked: list[tuple[int, int]] = []

    def stop_at_three(done: int, total: int) -> bool:
        asked.append((done, total))
        return done == 3

    with pytest.raises(CheckCancelled):
        proofreader.check(doc, should_stop=stop_at_three)
    assert asked == [(0, 5), (1, 5), (2, 5), (3, 5)]
    asked.clear()
    report = proofreader.check(
        doc, should_stop=lambda done, total: asked.append((done, total)) is not None
    )
    assert asked[-1] == (5, 5) and len(asked) == 6
    assert report.findings == proofreader.check(doc).findings


def test_the_engine_warms_up_as_the_window_opens(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    assert window.draft.path is None and window.last_result is None
    qtbot.waitUntil(lambda: window.checker.warm, timeout=20_000)  # no draft asked for it
    assert window.checker._worker._proofreader is not None
