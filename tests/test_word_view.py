"""A Word draft in the editor: paragraphs spaced as in Word, and its headers, footers,
notes and comments shown after the body, checked, fixed and saved into their own parts."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from proofer.document import Part
from tests.qt_support import Dialogs, dialogs, make_window, settings, wait_checked
from tests.test_word_parts import build, part_texts
from ui.main_window import MainWindow

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support


@pytest.fixture
def opened(qtbot, make_window, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window()
    window.resize(1100, 800)
    window.show()
    assert window.open_path(build(tmp_path / "story.docx"))
    wait_checked(qtbot, window)
    return window


def _block_of(window: MainWindow, words: str):  # type: ignore[no-untyped-def]
    return window.editor.document().find(words).block()


def test_a_header_slip_is_listed_and_jumped_to(qtbot, opened: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = opened
    [slip] = [m for m in window.editor.marked if m.text == "jornal"]
    assert slip.finding.message.startswith("In the header: ")
    items = window.findings_panel.tree.findItems(
        "In the header", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
    )
    assert items
    window.findings_panel.tree.itemClicked.emit(items[0], 0)
    assert window.editor.textCursor().selectedText() == "jornal"
    # Each kind of part is headed: room is left above its first line for its name.
    for words in ("Coastal Courier", "Printed on", "Figures from", "Reporting by", "Confirm"):
        assert _block_of(window, words).blockFormat().topMargin() > 20
    assert _block_of(window, "Riders said").blockFormat().topMargin() < 20
    assert not window.editor.document().isModified()
    assert not window.editor.document().isUndoAvailable()  # the headings are no edit
    window.grab().save(str(tmp_path / "word-parts.png"))


def test_a_fix_in_the_header_is_saved_into_the_header(  # type: ignore[no-untyped-def]
    qtbot, opened: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    window = opened
    [slip] = [m for m in window.editor.marked if m.text == "jornal"]
    window.editor.apply(slip, "journal")
    cursor = QTextCursor(_block_of(window, "Riders said"))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # a new last paragraph of the body
    qtbot.keyClicks(window.editor, "Fares rise in May.")
    out = tmp_path / "saved.docx"
    dialogs.expect("Save the corrections", "Tracked changes")
    dialogs.expect("Save corrected draft", str(out))
    assert window.save()
    parts = part_texts(out)
    assert parts[Part.HEADER] == ["Coastal Courier, the weekly journal"]
    assert parts[Part.BODY][-1] == "Fares rise in May."
    before = part_texts(tmp_path / "story.docx")
    for part in (Part.FOOTER, Part.FOOTNOTE, Part.ENDNOTE, Part.COMMENT):
        assert parts[part] == before[part]


@pytest.mark.parametrize(
    ("where", "keys"),
    [
        ("start of the header", [Qt.Key.Key_Backspace]),  # joins it to the body
        ("inside the header", [Qt.Key.Key_Return]),  # splits it
        ("end of the footer", [Qt.Key.Key_Delete]),  # joins it to the footnote
        ("end of the text", [Qt.Key.Key_A]),  # a line after the comments
    ],
)
def test_an_edit_that_would_move_a_part_line_is_undone(  # type: ignore[no-untyped-def]
    qtbot, opened: MainWindow, where: str, keys: list[Qt.Key]
) -> None:
    window = opened
    before = window.editor.toPlainText()
    cursor = QTextCursor(window.editor.document())
    at = {
        "start of the header": before.index("Coastal"),
        "inside the header": before.index(" weekly"),
        "end of the footer": before.index(" paper") + len(" paper"),
        "end of the text": len(before),
    }[where]
    cursor.setPosition(at)
    window.editor.setTextCursor(cursor)
    for key in keys:
        qtbot.keyClick(window.editor, key)
    qtbot.waitUntil(lambda: window.editor.toPlainText() == before)
    assert "keep their lines" in window.statusBar().currentMessage()


def test_a_selection_across_the_body_and_a_header_is_not_deleted(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = opened
    before = window.editor.toPlainText()
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(before.index("the rise"))
    cursor.setPosition(before.index("weekly"), QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.editor.toPlainText() == before)


def test_words_in_a_part_can_be_typed(qtbot, opened: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = opened
    before = window.editor.toPlainText()
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(before.index("Coastal"))
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "The ")
    qtbot.wait(50)
    assert window.editor.toPlainText() == before.replace("Coastal", "The Coastal")
    wait_checked(qtbot, window)
    assert any(m.text == "jornal" for m in window.editor.marked)  # still checked there


def test_word_paragraph_spacing_is_shown_and_not_saved(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    word = docx.Document()
    word.styles["Normal"].paragraph_format.space_after = Pt(12)
    story = word.styles.add_style("Story", WD_STYLE_TYPE.PARAGRAPH)
    story.base_style = word.styles["Normal"]
    word.add_paragraph("Tight above.").paragraph_format.space_after = Pt(0)
    spaced = word.add_paragraph("Space around this one.")
    spaced.paragraph_format.space_before = Pt(24)
    spaced.paragraph_format.space_after = Pt(18)
    word.add_paragraph("The spacing of the style it is based on.", style="Story")
    path = tmp_path / "spaced.docx"
    word.save(str(path))
    window = make_window()
    assert window.open_path(path)
    scale = window.editor.logicalDpiY() / 72
    doc = window.editor.document()
    tight, around, styled = (doc.findBlockByNumber(i).blockFormat() for i in range(3))
    assert tight.bottomMargin() == 0
    assert around.topMargin() == pytest.approx(24 * scale)
    assert around.bottomMargin() == pytest.approx(18 * scale)
    assert styled.bottomMargin() == pytest.approx(12 * scale)
    assert window.editor.toPlainText() == (
        "Tight above.\nSpace around this one.\nThe spacing of the style it is based on.\n"
    )
    assert not doc.isModified() and not doc.isUndoAvailable()
