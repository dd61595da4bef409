"""Driving the real editor window in tests: settings in a temporary folder, a stand-in for
the user at modal dialogs that answers only what a test expects, waiting for a check."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QFontDialog, QInputDialog, QMessageBox

from ui.main_window import MainWindow
from ui.settings import Settings

Answer = QMessageBox.StandardButton | str


class Dialogs:
    """The user at modal dialogs. A test says which questions it expects, in order, and the
    answer to each (``expect``); any other dialog fails the test and is answered "Cancel",
    so a new destructive prompt cannot slip through unseen."""

    def __init__(self) -> None:
        self.asked: list[str] = []  # titles, in the order asked
        self.unexpected: list[str] = []
        self._expected: list[tuple[str, Answer]] = []

    def expect(self, title: str, answer: Answer) -> None:
        """The next dialog must have ``title``; it is answered ``answer``."""
        self._expected.append((title, answer))

    def answer(self, title: str, text: str) -> Answer:
        """Answer a dialog, or record it as unexpected and fail."""
        self.asked.append(title)
        if self._expected and self._expected[0][0] == title:
            return self._expected.pop(0)[1]
        self.unexpected.append(f"{title}: {text}")
        pytest.fail(f"unexpected dialog {title!r}: {text}")

    def finish(self) -> None:
        """Every expected question was asked, and nothing else."""
        assert not self.unexpected, f"unexpected dialogs: {self.unexpected}"
        assert not self._expected, f"expected dialogs never shown: {self._expected}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    q.setValue("dataFolder", str(tmp_path / "data"))
    return Settings(q)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    user = Dialogs()

    def message(parent: object, title: str, text: str, *args: object) -> object:
        return user.answer(title, text)

    def choice(window: MainWindow, title: str, text: str, choices: list[str]) -> str | None:
        answer = user.answer(title, text)
        return answer if isinstance(answer, str) and answer in choices else None

    def file_dialog(parent: object, caption: str, *args: object, **kwargs: object) -> object:
        answer = user.answer(caption, "")
        return (str(answer), "") if isinstance(answer, str) else ("", "")

    def number(parent: object, title: str, label: str, *args: object) -> tuple[int, bool]:
        answer = user.answer(title, label)
        return (int(answer), True) if isinstance(answer, str) else (0, False)

    def font(initial: QFont, parent: object, title: str = "", *args: object) -> tuple[bool, QFont]:
        answer = user.answer(title, initial.toString())
        chosen = QFont()
        return (True, chosen) if isinstance(answer, str) and chosen.fromString(answer) else (
            False, initial)  # fmt: skip

    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(message))
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(number))
    monkeypatch.setattr(QFontDialog, "getFont", staticmethod(font))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(file_dialog))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(file_dialog))
    monkeypatch.setattr(MainWindow, "ask_choice", choice)
    yield user
    user.finish()


@pytest.fixture
def make_window(qtbot, settings: Settings, dialogs: Dialogs) -> Callable[[], MainWindow]:  # type: ignore[no-untyped-def]
    """Windows on the test's settings, closed after the test without saving."""

    def make() -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window, before_close_func=_discard_changes)
        return window

    return make


def _discard_changes(window: MainWindow) -> None:
    window.editor.document().setModified(False)


def wait_checked(qtbot, window: MainWindow, timeout: int = 20_000) -> None:  # type: ignore[no-untyped-def]
    """Until the findings on show are those of the text as it is now."""
    qtbot.waitUntil(
        lambda: window.last_result is not None and window.last_result.revision == window.revision,
        timeout=timeout,
    )
