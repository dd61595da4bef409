"""The editor as a desk's daily tool: find, replace, go to line, new, close, print, zoom."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMenu, QMessageBox

from proofer.findings import Category, Finding, Severity
from tests.qt_support import Dialogs, dialogs, make_window, settings, wait_checked
from ui.editor import COLUMN, finding_format
from ui.main_window import MainWindow, reading_time, word_count
from ui.palette import colour

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support

pytestmark = pytest.mark.gui

TEXT = (
    "The Harbour board met.\n\n"
    "The harbour master spoke; harbourside traders listened.\n\n"
    "A new harbour wall is planned.\n"
)


@pytest.fixture
def window(qtbot, make_window, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.open_path(path)
    return window


def test_the_desk_shortcuts_are_bound(window: MainWindow) -> None:
    wanted = {
        "New": "Ctrl+N",
        "Close": "Ctrl+W",
        "Find": "Ctrl+F",
        "Replace": "Ctrl+H",
        "Print": "Ctrl+P",
        "Go to Line": "Ctrl+L",
    }
    for name, key in wanted.items():
        shortcuts = [s.toString() for s in window.actions_by_name[name].shortcuts()]
        assert key in shortcuts, (name, shortcuts)
    everything = [
        s.toString() for a in window.actions_by_name.values() for s in a.shortcuts() if s.count()
    ]
    assert len(everything) == len(set(everything)), "a key is bound to two actions"


def test_ctrl_f_opens_the_find_bar_and_escape_closes_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    assert not window.find_bar.replace_field.isVisible()
    qtbot.keyClick(window.find_bar.find_field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.replace_field.isVisible()


def found(window: MainWindow) -> tuple[int, str]:
    cursor = window.editor.textCursor()
    return cursor.selectionStart(), cursor.selectedText()


def test_find_next_previous_wraps_and_honours_case_and_whole_word(window: MainWindow) -> None:
    bar = window.find_bar
    bar.open()
    bar.find_field.setText("harbour")
    starts = []
    for _ in range(5):
        assert bar.find()
        starts.append(found(window)[0])
    # Case-insensitive: Harbour, harbour, harbour(side), harbour, then round again.
    assert [TEXT[s : s + 7].lower() for s in starts] == ["harbour"] * 5
    assert starts[4] == starts[0] and len(set(starts[:4])) == 4
    assert bar.find(backwards=True)
    assert found(window)[0] == starts[3]
    bar.match_case.setChecked(True)
    bar.whole_word.setChecked(True)
    seen = set()
    for _ in range(3):
        bar.find()
        seen.add(found(window)[0])
    assert seen == {TEXT.index("harbour master"), TEXT.index("harbour wall")}
    bar.find_field.setText("lighthouse")
    assert not bar.find()
    assert "not found" in bar.status.text()


def test_replace_one_then_all_each_one_undo_step(window: MainWindow) -> None:
    bar = window.find_bar
    bar.open(replacing=True)
    bar.find_field.setText("harbour")
    bar.whole_word.setChecked(True)
    bar.replace_field.setText("port")
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    bar.replace()  # selects the first match
    assert window.editor.toPlainText() == TEXT
    bar.replace()  # replaces it
    assert window.editor.toPlainText().startswith("The port board met.")
    window.editor.undo()
    assert window.editor.toPlainText() == TEXT
    assert bar.replace_all() == 3
    replaced = window.editor.toPlainText()
    assert "harbour " not in replaced.lower() and "harbourside" in replaced
    window.editor.undo()  # all three come back at once
    assert window.editor.toPlainText() == TEXT
    window.editor.redo()
    assert window.editor.toPlainText() == replaced


def test_replace_all_with_a_longer_text_containing_the_search_ends(window: MainWindow) -> None:
    bar = window.find_bar
    bar.find_field.setText("met")
    bar.replace_field.setText("met and met")
    assert bar.replace_all() == 1
    assert "met and met." in window.editor.toPlainText()


def test_go_to_line(window: MainWindow, dialogs: Dialogs) -> None:
    dialogs.expect("Go to line", "5")
    window.go_to_line_dialog()
    cursor = window.editor.textCursor()
    assert cursor.blockNumber() == 4
    assert cursor.block().text() == "A new harbour wall is planned."
    window.go_to_line(999)  # past the end: the last line
    assert window.editor.textCursor().blockNumber() == window.editor.document().blockCount() - 1


def test_new_and_close_ask_about_unsaved_work(window: MainWindow, dialogs: Dialogs) -> None:
    window.editor.insertPlainText("Breaking: ")
    dialogs.expect("Unsaved changes", QMessageBox.StandardButton.Cancel)
    assert not window.new_draft()
    assert window.editor.toPlainText().startswith("Breaking: ")
    dialogs.expect("Unsaved changes", QMessageBox.StandardButton.Discard)
    assert window.close_draft()
    assert window.editor.toPlainText() == ""
    assert window.draft.path is None and window.windowTitle().startswith("Untitled")
    assert window.new_draft()  # nothing to lose: no question


def test_print_to_pdf_marks_the_findings(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText("The comittee voted.\n")
    wait_checked(qtbot, window)
    slip = next(m for m in window.editor.marked if m.text == "comittee")
    proof = window.proof()
    text = proof.toPlainText()
    at = text.index("The comittee") + len("The ")
    cursor = QTextCursor(proof)
    cursor.setPosition(at + 1)
    assert slip.finding.severity is Severity.ERROR
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    cursor.setPosition(text.index("The Harbour") + 1)
    assert cursor.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    number = next(
        i
        for i, line in enumerate(text.split("\n"))
        if "“comittee”" in line and ". ✖ line 6:" in line
    )
    assert number  # listed with its line, its severity and its number...
    listed = text.split("\n")[number].split(".")[0]
    assert text[at + len("comittee") :].startswith(listed + " voted")  # ...written after it
    cursor.setPosition(at + len("comittee") + 1)
    assert (
        cursor.charFormat().verticalAlignment()
        == QTextCharFormat.VerticalAlignment.AlignSuperScript
    )
    assert "Proof · ✖ 1 error" in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "proof.pdf"
    printer.setOutputFileName(str(out))
    window.print_to(printer)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"/Type /Page" in data
    assert len(data) > 2_000


def test_zoom_and_font_are_kept(qtbot, make_window, window: MainWindow, dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    size = window.editor.font().pointSizeF()
    window.actions_by_name["Zoom In"].trigger()
    window.actions_by_name["Zoom In"].trigger()
    assert window.editor.font().pointSizeF() == size + 2
    window.actions_by_name["Zoom Out"].trigger()
    assert window.editor.font().pointSizeF() == size + 1
    chosen = QFont("Serif", 15)
    dialogs.expect("Font of the draft", chosen.toString())
    window.choose_font()
    assert window.editor.font().family() == chosen.family()
    again = make_window()
    assert again.editor.font().pointSizeF() == 15
    assert again.editor.font().family() == chosen.family()


def test_a_closed_panel_comes_back_from_the_view_menu(window: MainWindow) -> None:
    # The menu bar's child, not QAction.menu(): PySide6 6.7.0 hands that back already deleted.
    view = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&View")
    toggles = {a.text(): a for a in view.actions() if a.isCheckable()}
    assert {"Findings panel", "Names panel", "Toolbar"} <= set(toggles)
    findings = window.findings_panel.parentWidget()
    assert findings.isVisible() and toggles["Findings panel"].isChecked()
    findings.close()  # the panel's own close button
    assert not findings.isVisible() and not toggles["Findings panel"].isChecked()
    toggles["Findings panel"].trigger()
    assert findings.isVisible() and toggles["Findings panel"].isChecked()


def test_the_layout_is_remembered_between_runs(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.show()
    qtbot.waitExposed(first)
    names = first.names_panel.parentWidget()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, names)
    first.actions_by_name["Findings panel"].trigger()  # hidden
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    second = make_window()
    second.show()
    qtbot.waitExposed(second)
    assert second.dockWidgetArea(second.names_panel.parentWidget()) == (
        Qt.DockWidgetArea.LeftDockWidgetArea
    )
    assert not second.findings_panel.parentWidget().isVisible()
    assert not second.actions_by_name["Findings panel"].isChecked()
    qtbot.waitUntil(lambda: (second.width(), second.height()) == (700, 500))


def test_word_count_of_the_draft_and_of_the_selection(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # 4 + 7 + 6 words; "harbourside" is one word.
    qtbot.waitUntil(lambda: window.size_label.text().startswith("17 words"))
    assert window.size_label.text().startswith(f"17 words · {len(TEXT)} characters")
    assert "under 1 min read" in window.size_label.text()
    cursor = window.editor.textCursor()
    cursor.setPosition(TEXT.index("harbour master"))
    cursor.setPosition(TEXT.index(";"), QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    qtbot.waitUntil(lambda: window.size_label.text().startswith("selected: 3 words"))
    assert "selected: 3 words · 20 characters" in window.size_label.text()


def test_word_count_and_reading_time() -> None:
    assert word_count("Don't stop: the co-op's 3.5% rise — it’s real.") == 8
    assert word_count("") == 0
    assert reading_time(10) == "under 1 min read"
    assert reading_time(230 * 4) == "4 min read"


def test_ready_to_publish_only_without_errors_and_warnings(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path: Path
) -> None:
    path = tmp_path / "warned.txt"
    path.write_text("The council met on Tuesday and approved the budget , he said.\n")
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    severities = {m.finding.severity for m in window.editor.marked}
    assert severities == {Severity.WARNING}
    assert not window.counts.text().startswith("Ready to publish")
    assert "1 warning" in window.counts.text()
    window.editor.selectAll()
    window.editor.insertPlainText("The council met on Tuesday and approved the budget, he said.")
    wait_checked(qtbot, window)
    assert window.counts.text().startswith("Ready to publish")


def test_severity_shows_in_the_line_not_only_the_colour(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "two.txt"
    path.write_text("The comittee met on Tuesday  and approved it.\n")
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    styles = {
        s.cursor.selectedText(): s.format.underlineStyle() for s in window.editor.extraSelections()
    }
    assert styles["comittee"] == QTextCharFormat.UnderlineStyle.WaveUnderline  # an error
    assert styles["  "] == QTextCharFormat.UnderlineStyle.DashUnderline  # a warning
    note = Finding(0, 3, Category.STYLE, "style.x", "A note", severity=Severity.INFO)
    assert finding_format(note).underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    # Spelling and grammar, the commonest pair, in clearly different colours.
    spelling, grammar = colour(Category.SPELLING), colour(Category.GRAMMAR)
    assert abs(spelling.hueF() - grammar.hueF()) > 0.3


def test_changed_on_disk_offers_reload(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wait_checked(qtbot, window)
    counts = window.counts.text()
    assert window.draft.path is not None
    window.draft.path.write_text("The harbour was sold.\n", encoding="utf-8")
    os.utime(window.draft.path, (1, 1))
    qtbot.waitUntil(window.info_bar.isVisible)
    assert "changed by another program" in window.info_bar.label.text()
    assert window.counts.isVisible() and window.counts.text() == counts
    qtbot.mouseClick(window.info_bar.buttons["Reload"], Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "The harbour was sold.\n"
    assert not window.info_bar.isVisible() and not window.editor.document().isModified()


def test_changed_on_disk_keep_mine_then_save(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.draft.path
    assert path is not None
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText("Mine.\n")
    path.write_text("Theirs.\n", encoding="utf-8")
    os.utime(path, (1, 1))
    qtbot.waitUntil(window.info_bar.isVisible)
    assert "unsaved changes" in window.info_bar.label.text()
    qtbot.mouseClick(window.info_bar.buttons["Keep mine"], Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == TEXT + "Mine.\n"
    assert window.save()  # no second question: the choice was made
    assert path.read_text(encoding="utf-8") == TEXT + "Mine.\n"


def test_export_report_writes_the_page_of_what_is_shown(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText("The comittee voted on the wharf , he said.\n")
    wait_checked(qtbot, window)
    comma = next(m for m in window.editor.marked if m.text == " ,")
    window.ignore(comma.finding)  # ignored here: not in the report either
    out = tmp_path / "report.html"
    dialogs.expect("Export report", str(out))
    window.actions_by_name["Export Report"].trigger()
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "harbour.txt" in page
    assert "comittee" in page and "committee" in page  # the slip and its fix
    assert "punctuation.space-before" not in page
    assert "Report written to" in window.statusBar().currentMessage()


def test_lines_keep_a_readable_length_and_findings_wrap(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "wide.txt"
    path.write_text(("The harbour comittee met again. " * 30).strip() + "\n", encoding="utf-8")
    window = make_window()
    window.resize(1600, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_path(path)
    wait_checked(qtbot, window)
    editor = window.editor
    chars_per_line = editor.viewport().width() / editor.fontMetrics().averageCharWidth()
    assert 60 < chars_per_line < 100  # a wide window does not make endless lines
    assert editor.viewport().x() > 100  # the column is centred
    column = editor.fontMetrics().averageCharWidth() * COLUMN
    column += 2 * int(editor.document().documentMargin())
    for width in (1400, 880, 860, 812, 500):  # settles, however the viewport's size goes
        window.resize(width + 420, 700)
        qtbot.wait(20)
        side = editor.viewportMargins().left()
        assert side == max(0, (editor.width() - column) // 2), width
        assert editor.viewportMargins().right() == side
    tree = window.findings_panel.tree
    group = tree.topLevelItem(0)
    item = group.child(0)
    tree.resize(220, 400)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() > tree.fontMetrics().height() * 1.8)
    assert "…" not in item.text(0)


def test_a_word_draft_shows_its_headings_bold_and_italic(qtbot, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import docx

    word = docx.Document()
    word.add_heading("Ferry Returns", level=1)
    para = word.add_paragraph("The ferry runs ")
    para.add_run("daily").bold = True
    para.add_run(" from ")
    para.add_run("March").italic = True
    para.add_run(".")
    path = tmp_path / "ferry.docx"
    word.save(str(path))
    window = make_window()
    assert window.open_path(path)
    text = window.editor.toPlainText()
    assert text.startswith("Ferry Returns\nThe ferry runs daily from March.")

    def format_at(word: str) -> QTextCharFormat:
        cursor = QTextCursor(window.editor.document())
        cursor.setPosition(text.index(word) + 1)
        return cursor.charFormat()

    heading = format_at("Returns")
    assert heading.fontWeight() == QFont.Weight.Bold
    assert heading.property(QTextFormat.Property.FontSizeAdjustment) == 2
    assert format_at("daily").fontWeight() == QFont.Weight.Bold
    assert format_at("March").fontItalic() and format_at("March").fontWeight() != QFont.Weight.Bold
    assert (
        not format_at("ferry").fontItalic() and format_at("ferry").fontWeight() != QFont.Weight.Bold
    )
    assert not window.editor.document().isModified()
    assert not window.editor.document().isUndoAvailable()  # the looks are not an edit
