"""The editor, driven as a copy editor drives it: real window, offscreen, real files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMessageBox

from ui.main_window import MainWindow
from ui.settings import Settings

pytestmark = pytest.mark.gui

DRAFT = (
    "Port Strike Ends\n\n"
    "Russian President Vladamir Putin spoke on Monday.\n\n"
    "The union said the cessation of hositalities would hold.\n"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    q.setValue("dataFolder", str(tmp_path / "data"))
    return Settings(q)


class Answers:
    """Modal questions are answered from ``queue`` (default: Yes); ``asked`` records titles."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.queue: list[QMessageBox.StandardButton] = []

    def __call__(self, parent: object, title: str, text: str, *args: object) -> object:
        self.asked.append(title)
        return self.queue.pop(0) if self.queue else QMessageBox.StandardButton.Yes


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    replies = Answers()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(replies))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(replies))
    return replies


@pytest.fixture
def make_window(qtbot, settings: Settings, answers: Answers) -> Iterator[Callable[[], MainWindow]]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.editor.document().setModified(False)
        window.close()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def wait_checked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: window.last_result is not None and window.last_result.revision == window.revision,
        timeout=20_000,
    )


def marked_text(window: MainWindow, word: str):  # type: ignore[no-untyped-def]
    return next(m for m in window.editor.marked if m.text == word)


def test_open_and_see_the_underline(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.open_path(draft)
    wait_checked(qtbot, window)
    marked = marked_text(window, "Vladamir")
    assert marked.finding.suggestions[0] == "Vladimir"
    [selection] = [
        s for s in window.editor.extraSelections() if s.cursor.selectedText() == "Vladamir"
    ]
    assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert "Vladimir" in window.editor.tooltip_html(marked)
    assert "error" in window.counts.text()
    assert window.engines.text() == "Harper · LanguageTool off"


def test_fix_from_the_context_menu_is_one_undo_step(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    menu = window.editor.context_menu_for(marked_text(window, "hositalities"))
    [fix] = [a for a in menu.actions() if a.text() == "hostilities"]
    fix.trigger()
    assert "cessation of hostilities" in window.editor.toPlainText()
    window.editor.undo()
    assert window.editor.toPlainText() == DRAFT
    window.editor.redo()
    wait_checked(qtbot, window)
    assert all(m.text != "hostilities" for m in window.editor.marked)


def test_ignore_and_ignore_all_persist(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    menu = window.editor.context_menu_for(marked_text(window, "hositalities"))
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    assert all(m.text != "hositalities" for m in window.editor.marked)
    window.check_now()
    wait_checked(qtbot, window)
    assert all(m.text != "hositalities" for m in window.editor.marked)
    again = make_window()
    again.open_path(draft)
    wait_checked(qtbot, again)
    assert all(m.text != "hositalities" for m in again.editor.marked)
    assert any(m.text == "Vladamir" for m in again.editor.marked)


def test_added_word_stays_accepted_after_a_restart(
    qtbot, make_window, draft: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    menu = window.editor.context_menu_for(marked_text(window, "hositalities"))
    next(a for a in menu.actions() if a.text() == "Add to dictionary").trigger()
    wait_checked(qtbot, window)
    assert all(m.text != "hositalities" for m in window.editor.marked)
    window.close()
    restarted = make_window()
    restarted.open_path(draft)
    wait_checked(qtbot, restarted)
    assert all(m.text != "hositalities" for m in restarted.editor.marked)
    assert (tmp_path / "data" / "dictionary.txt").read_text(encoding="utf-8") == "hositalities\n"


def test_add_a_name_to_the_entity_list(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "names.txt"
    path.write_text("Garret Pustay filed the story.\n", encoding="utf-8")
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    unlisted = next(m for m in window.editor.marked if m.finding.rule == "names.unlisted")
    assert unlisted.text == "Garret Pustay"
    menu = window.editor.context_menu_for(unlisted)
    next(a for a in menu.actions() if a.text() == "Add to entity list").trigger()
    wait_checked(qtbot, window)
    assert not [m for m in window.editor.marked if m.finding.rule == "names.unlisted"]
    assert window.last_result is not None and window.last_result.listed == ["Garret Pustay"]


def test_save_keeps_encoding_and_line_endings(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "legacy.txt"
    path.write_bytes("The “harbor” plan.\r\n\r\nIt passed.\r\n".encode("cp1252"))
    window = make_window()
    window.open_path(path)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("Done.")
    assert window.save()
    assert path.read_bytes() == "The “harbor” plan.\r\n\r\nIt passed.\r\nDone.".encode("cp1252")
    reopened = make_window()
    reopened.open_path(path)
    assert reopened.editor.toPlainText() == "The “harbor” plan.\n\nIt passed.\nDone."
    assert not reopened.editor.document().isModified()


def test_recovery_after_a_crash(qtbot, make_window, draft: Path, answers: Answers) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    window.editor.insertPlainText("Unsaved lede. ")
    window.save_recovery()
    # A crash: the window goes away without closing, so nothing is saved or discarded.
    window.checker.shutdown()
    window.editor.document().setModified(False)
    answers.asked.clear()
    reopened = make_window()
    reopened.open_path(draft)
    assert answers.asked == ["Recover unsaved changes?"]
    assert reopened.editor.toPlainText().startswith("Unsaved lede. ")
    assert reopened.editor.document().isModified()
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_closing_unsaved_work_asks_first(qtbot, make_window, draft: Path, answers: Answers) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    window.editor.insertPlainText("More. ")
    answers.queue.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert answers.asked[-1] == "Unsaved changes"
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_changed_on_disk_is_noticed_before_saving(
    qtbot, make_window, draft: Path, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    window.editor.insertPlainText("Mine. ")
    draft.write_text("Someone else's version.\n", encoding="utf-8")
    os.utime(draft, (1, 1))
    answers.queue.append(QMessageBox.StandardButton.No)
    assert not window.save()
    assert answers.asked[-1] == "The file changed on disk"
    assert draft.read_text(encoding="utf-8") == "Someone else's version.\n"


def test_underlines_land_right_after_an_emoji(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "emoji.txt"
    path.write_text("Fans 😀🎉 cheered the cessation of hositalities.\n", encoding="utf-8")
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    assert [m.text for m in window.editor.marked] == ["hositalities"]


def test_stale_results_are_dropped(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    for ch in "Teh ":
        qtbot.keyClick(window.editor, ch)
    wait_checked(qtbot, window)
    texts = [m.text for m in window.editor.marked]
    assert "Teh" in texts and "Vladamir" in texts
    for m in window.editor.marked:
        assert window.editor.toPlainText()[m.start : m.end] == m.text


def test_typing_a_misspelling_is_underlined(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "It was recieved well.")
    wait_checked(qtbot, window)
    assert "recieved" in [m.text for m in window.editor.marked]


def test_panel_and_f8_walk_the_findings(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.open_path(draft)
    wait_checked(qtbot, window)
    tree = window.findings_panel.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(g.startswith("Names (") or g.startswith("Spelling (") for g in groups)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    first = window.editor.textCursor().selectedText()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    second = window.editor.textCursor().selectedText()
    assert (first, second) == ("Vladamir", "hositalities")
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "Vladamir"
    window.findings_panel.filter.setText("hositalities")
    visible = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        if not tree.topLevelItem(i).child(j).isHidden()
    ]
    assert len(visible) == 1
    window.findings_panel.tree.itemClicked.emit(visible[0], 0)
    assert window.editor.textCursor().selectedText() == "hositalities"


def test_ready_to_publish_and_settings_persist(
    qtbot, make_window, tmp_path: Path, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "clean.txt"
    path.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    settings.dialect = "british"
    settings.sync()
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    assert window.counts.text().startswith("Ready to publish")
    assert Settings(settings.q).dialect == "british"
    assert window.settings.recent_files[0] == str(path)


def test_word_draft_saved_as_tracked_changes(
    qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from proofer.formats.docx import read_docx, revisions
    from tests.test_docx import build

    original = build(tmp_path / "story.docx")
    before = original.read_bytes()
    out = tmp_path / "story-proofed.docx"
    monkeypatch.setattr(MainWindow, "ask_choice", lambda self, *a: "Tracked changes")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    window = make_window()
    window.open_path(original)
    wait_checked(qtbot, window)
    repeated = next(m for m in window.editor.marked if m.text == "The the")
    window.editor.apply(repeated, repeated.finding.suggestions[0])
    misspelled = marked_text(window, "enviromental")
    window.editor.apply(misspelled, "environmental")
    assert window.save()
    assert original.read_bytes() == before
    found = revisions(out)
    assert any(kind == "del" and text.strip() == "the" for kind, _, text in found)
    assert ("del", "Proofer", "enviromental") in found
    assert ("ins", "Proofer", "environmental") in found
    assert "The harbor association" in read_docx(out).text
    assert window.editor.toPlainText() == read_docx(out).text


def test_a_vanished_entity_list_is_reported_and_checking_goes_on(
    qtbot, make_window, draft: Path, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings.entity_lists = [str(tmp_path / "gone.txt")]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    assert any(m.text == "Vladamir" for m in window.editor.marked)
    assert "gone.txt: no such file" in window.statusBar().currentMessage()


def test_bad_files_are_refused_plainly_and_empty_ones_open(
    qtbot, make_window, tmp_path: Path, answers: Answers
) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    empty = tmp_path / "new.txt"
    empty.write_bytes(b"")
    window = make_window()
    assert not window.open_path(binary)
    assert not window.open_path(broken)
    assert answers.asked == ["Cannot open the draft", "Cannot open the draft"]
    assert window.open_path(empty)
    assert window.editor.toPlainText() == ""
    assert binary.read_bytes().startswith(b"\x89PNG") and broken.read_bytes().startswith(b"PK")


def test_settings_dialog_writes_the_settings(qtbot, settings: Settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from proofer.findings import Category
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.lists.addItem(str(tmp_path / "names.txt"))
    dialog.languagetool.setCurrentText("https://lt.example.net")
    dialog.dialect.setCurrentText("british")
    dialog.quote_style.setCurrentText("british")
    dialog.categories[Category.STYLE].setChecked(False)
    dialog.apply()
    again = Settings(settings.q)
    assert again.entity_lists == [str(tmp_path / "names.txt")]
    assert (again.languagetool, again.dialect, again.quote_style) == (
        "https://lt.example.net", "british", "british")  # fmt: skip
    assert again.hidden_categories == {Category.STYLE}
    config = again.config()
    assert config.languagetool == "https://lt.example.net" and config.dialect == "british"
