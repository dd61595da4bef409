"""The editor, driven as a copy editor drives it: real window, offscreen, real files."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMessageBox

from tests.qt_support import Dialogs, dialogs, make_window, settings, wait_checked
from ui.main_window import MainWindow
from ui.settings import Settings

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
DRAFT = (
    "Port Strike Ends\n\n"
    "Chilean Senator Sebastain Moreno spoke on Monday.\n\n"
    "The union said the resumption of negoitations would hold.\n"
)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def marked_text(window: MainWindow, word: str):  # type: ignore[no-untyped-def]
    return next(m for m in window.editor.marked if m.text == word)


def test_open_and_see_the_underline(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.open_path(draft)
    wait_checked(qtbot, window)
    marked = marked_text(window, "Sebastain")
    assert marked.finding.suggestions[0] == "Sebastian"
    [selection] = [
        s for s in window.editor.extraSelections() if s.cursor.selectedText() == "Sebastain"
    ]
    assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert "Sebastian" in window.editor.tooltip_html(marked)
    assert "error" in window.counts.text()
    assert window.engines.text() == "Harper · LanguageTool off"


def test_fix_from_the_context_menu_is_one_undo_step(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    menu = window.editor.context_menu_for(marked_text(window, "negoitations"))
    [fix] = [a for a in menu.actions() if a.text() == "negotiations"]
    fix.trigger()
    assert "resumption of negotiations" in window.editor.toPlainText()
    window.editor.undo()
    assert window.editor.toPlainText() == DRAFT
    window.editor.redo()
    wait_checked(qtbot, window)
    assert all(m.text != "negotiations" for m in window.editor.marked)


def test_ignore_persists(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    menu = window.editor.context_menu_for(marked_text(window, "negoitations"))
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    assert all(m.text != "negoitations" for m in window.editor.marked)
    window.check_now()
    wait_checked(qtbot, window)
    assert all(m.text != "negoitations" for m in window.editor.marked)
    again = make_window()
    again.open_path(draft)
    wait_checked(qtbot, again)
    assert all(m.text != "negoitations" for m in again.editor.marked)
    assert any(m.text == "Sebastain" for m in again.editor.marked)


def test_ignore_all_silences_every_occurrence_and_only_that_word(
    qtbot, make_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "twice.txt"
    path.write_text(
        "The harbour comittee met on Monday.\n\nLater the comittee voted and was recieved well.\n",
        encoding="utf-8",
    )
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    assert [m.text for m in window.editor.marked].count("comittee") == 2
    menu = window.editor.context_menu_for(marked_text(window, "comittee"))
    next(a for a in menu.actions() if a.text() == "Ignore all in this draft").trigger()
    assert all(m.text != "comittee" for m in window.editor.marked)
    assert "recieved" in [m.text for m in window.editor.marked]
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("A third comittee formed.\n")
    wait_checked(qtbot, window)
    assert all(m.text != "comittee" for m in window.editor.marked)
    again = make_window()  # it persists between sessions
    again.open_path(path)
    wait_checked(qtbot, again)
    assert all(m.text != "comittee" for m in again.editor.marked)
    assert "recieved" in [m.text for m in again.editor.marked]


def test_added_word_stays_accepted_after_a_restart(
    qtbot, make_window, draft: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    menu = window.editor.context_menu_for(marked_text(window, "negoitations"))
    next(a for a in menu.actions() if a.text() == "Add to dictionary").trigger()
    wait_checked(qtbot, window)
    assert all(m.text != "negoitations" for m in window.editor.marked)
    window.close()
    restarted = make_window()
    restarted.open_path(draft)
    wait_checked(qtbot, restarted)
    assert all(m.text != "negoitations" for m in restarted.editor.marked)
    assert (tmp_path / "data" / "dictionary.txt").read_text(encoding="utf-8") == "negoitations\n"


def test_add_a_name_to_the_entity_list(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "names.txt"
    path.write_text("Tobias Vorhaugen filed the story.\n", encoding="utf-8")
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    unlisted = next(m for m in window.editor.marked if m.finding.rule == "names.unlisted")
    assert unlisted.text == "Tobias Vorhaugen"
    menu = window.editor.context_menu_for(unlisted)
    next(a for a in menu.actions() if a.text() == "Add to entity list").trigger()
    wait_checked(qtbot, window)
    assert not [m for m in window.editor.marked if m.finding.rule == "names.unlisted"]
    assert window.last_result is not None
    assert window.last_result.report.listed == ["Tobias Vorhaugen"]


def test_names_panel_lists_name_slips_not_month_slips(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "month.txt"
    path.write_text("Chilean Senator Sebastain Moreno visits in Febuary.\n", encoding="utf-8")
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    tree = window.names_panel.tree
    groups = {
        tree.topLevelItem(i).text(0).split(" (")[0]: tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
    }
    differently = groups["Spelled differently"]
    assert [differently.child(i).text(0) for i in range(differently.childCount())] == ["Sebastain"]
    # The month slip is still underlined, as a plain typo.
    assert any(m.text == "Febuary" for m in window.editor.marked)


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


CRASHING_EDITOR = """
import sys
from pathlib import Path

sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.settings import Settings

app = QApplication([])
settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window = MainWindow(settings)
window.show()
if len(sys.argv) > 4:
    window.open_path(Path(sys.argv[4]))
QTest.keyClicks(window.editor, sys.argv[3])
window.autosave.start(100)  # the editor's own autosave, sooner than every 15 s
folder = settings.data_folder / "recovery"


def report() -> None:
    if list(folder.glob("*.txt")):
        print("kept", flush=True)
    else:
        QTimer.singleShot(50, report)


report()
app.exec()
"""


def crash_while_typing(
    settings: Settings, tmp_path: Path, typed: str, draft: Path | None = None
) -> None:
    """Run the editor in a process of its own, type, wait for the autosave, and kill it
    (SIGKILL: nothing is saved or cleaned up, as in a real crash)."""
    settings.sync()
    script = tmp_path / "crashing_editor.py"
    script.write_text(CRASHING_EDITOR, encoding="utf-8")
    args = [sys.executable, str(script), str(ROOT), settings.q.fileName(), typed]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        args + ([str(draft)] if draft else []), stdout=subprocess.PIPE, env=env
    )
    try:
        ready, _, _ = select.select([child.stdout], [], [], 60)
        assert ready and child.stdout.readline().strip() == b"kept"  # type: ignore[union-attr]
        child.send_signal(signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]
    settings.q.sync()


def test_an_untitled_draft_survives_a_crash(
    qtbot, make_window, settings: Settings, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    crash_while_typing(settings, tmp_path, "Unsaved lede about the harbour vote.")
    window = make_window()
    dialogs.expect("Recover unsaved changes?", Yes)
    assert window.recover_unsaved_work() == []  # taken back in this (empty) window
    assert window.editor.toPlainText() == "Unsaved lede about the harbour vote."
    assert window.draft.path is None
    assert window.editor.document().isModified()
    assert window.windowTitle() == "*Untitled — Proofer"
    # Kept until saved: a second crash now loses nothing either.
    window.save_recovery()
    assert [c.text for c in window.recovery.copies()] == [window.editor.toPlainText()]


def test_a_named_draft_survives_a_crash_and_no_discards_the_copy(
    qtbot, make_window, settings: Settings, draft: Path, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    crash_while_typing(settings, tmp_path, "Late news. ", draft)
    assert draft.read_text(encoding="utf-8") == DRAFT
    window = make_window()
    dialogs.expect("Recover unsaved changes?", Yes)
    window.recover_unsaved_work()
    assert window.draft.path == draft
    assert window.editor.toPlainText() == "Late news. " + DRAFT
    assert window.windowTitle() == "*story.txt — Proofer"
    window.editor.document().setModified(False)
    window.close()
    # A second crash; this time the copy editor does not want the copy back.
    crash_while_typing(settings, tmp_path, "Unwanted. ", draft)
    again = make_window()
    dialogs.expect("Recover unsaved changes?", No)
    again.recover_unsaved_work()
    assert again.editor.toPlainText() == "" and again.draft.path is None
    assert again.recovery.copies() == []
    third = make_window()  # asked once, not forever: any dialog now fails the test
    assert third.recover_unsaved_work() == []
    assert third.open_path(draft) and third.editor.toPlainText() == DRAFT


def test_closing_unsaved_work_asks_first(qtbot, make_window, draft: Path, dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    window.editor.insertPlainText("More. ")
    dialogs.expect("Unsaved changes", QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert dialogs.asked == ["Unsaved changes"]
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_changed_on_disk_is_noticed_before_saving(
    qtbot, make_window, draft: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    window.editor.insertPlainText("Mine. ")
    draft.write_text("Someone else's version.\n", encoding="utf-8")
    os.utime(draft, (1, 1))
    dialogs.expect("The file changed on disk", No)
    assert not window.save()
    assert draft.read_text(encoding="utf-8") == "Someone else's version.\n"


def test_underlines_land_right_after_an_emoji(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "emoji.txt"
    path.write_text("Fans 😀🎉 cheered the resumption of negoitations.\n", encoding="utf-8")
    window = make_window()
    window.open_path(path)
    wait_checked(qtbot, window)
    assert [m.text for m in window.editor.marked] == ["negoitations"]


def test_stale_results_are_dropped(qtbot, make_window, draft: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    finished: list[int] = []  # every job the worker ended, with a result or cancelled
    window.checker._worker.finished.connect(
        lambda result: finished.append(result.revision), Qt.ConnectionType.DirectConnection
    )
    window.checker._worker.cancelled.connect(finished.append, Qt.ConnectionType.DirectConnection)
    window.check_now()  # the worker starts on this snapshot at once...
    stale = window.revision
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    window.editor.insertPlainText("Teh ")  # ...and the text changes before its result is in
    wait_checked(qtbot, window)
    assert stale in finished  # the worker ended the old snapshot's job (or stopped it)
    assert window.last_result is not None and window.last_result.revision == window.revision
    assert window.last_result.revision != stale  # but only the current text's result shows
    texts = [m.text for m in window.editor.marked]
    assert "Teh" in texts and "Sebastain" in texts
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
    assert (first, second) == ("Sebastain", "negoitations")
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "Sebastain"
    window.findings_panel.filter.setText("negoitations")
    visible = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        if not tree.topLevelItem(i).child(j).isHidden()
    ]
    assert len(visible) == 1
    window.findings_panel.tree.itemClicked.emit(visible[0], 0)
    assert window.editor.textCursor().selectedText() == "negoitations"


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
    qtbot, make_window, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    from proofer.formats.docx import read_docx
    from tests.test_docx import build
    from tests.word_revisions import revisions
    from ui.settings_dialog import SettingsDialog

    original = build(tmp_path / "story.docx")
    before = original.read_bytes()
    out = tmp_path / "story-proofed.docx"
    window = make_window()
    dialog = SettingsDialog(window.settings, window)
    dialog.author.setText("Copy Desk")
    dialog.apply()
    window.open_path(original)
    wait_checked(qtbot, window)
    repeated = next(m for m in window.editor.marked if m.text == "The the")
    window.editor.apply(repeated, repeated.finding.suggestions[0])
    misspelled = marked_text(window, "enviromental")
    window.editor.apply(misspelled, "environmental")
    dialogs.expect("Save the corrections", "Tracked changes")
    dialogs.expect("Save corrected draft", str(out))
    assert window.save()
    assert original.read_bytes() == before
    found = revisions(out)
    assert any(kind == "del" and text.strip() == "the" for kind, _, text in found)
    assert ("del", "Copy Desk", "enviromental") in found  # signed as the settings say
    assert ("ins", "Copy Desk", "environmental") in found
    assert "The ferry union" in read_docx(out).text
    assert window.editor.toPlainText() == read_docx(out).text


def test_word_draft_saved_with_its_open_questions_as_comments(
    qtbot, make_window, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    """The copy editor fixes a misspelling split across runs from the menu, ignores one
    unlisted name and leaves another: the fix is a revision, the name left is a comment by
    the configured author, the ignored one is not, and formatting and the table are kept."""
    import docx

    from proofer.formats.docx import read_docx
    from tests.word_revisions import accept_all, comments, reject_all, revisions
    from ui.settings_dialog import SettingsDialog

    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Talks").bold = True
    p.add_run(" followed the resumption of negoi")
    p.add_run("tations").bold = True
    p.add_run(", said Henriette Solbakken \U0001f642 on the quay.")  # UTF-16 moves offsets
    q = document.add_paragraph("The envoy, Tobiah Quenneville-Osei, arrived on ")
    q.add_run("Monday").italic = True
    q.add_run(". Ngozi Obiakor chaired the talks.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Budget"
    table.cell(0, 1).text = "The council set aside $4 million."
    original = tmp_path / "story.docx"
    document.save(str(original))
    (tmp_path / "names.txt").write_text("Henriette Solbakken | Solbakken\n", encoding="utf-8")
    (tmp_path / ".proofer.toml").write_text('entities = ["names.txt"]\n', encoding="utf-8")
    window = make_window()
    dialog = SettingsDialog(window.settings, window)
    dialog.author.setText("Copy Desk")
    dialog.apply()
    window.open_path(original)
    wait_checked(qtbot, window)
    menu = window.editor.context_menu_for(marked_text(window, "Ngozi Obiakor"))
    next(a for a in menu.actions() if a.text() == "Ignore").trigger()
    menu = window.editor.context_menu_for(marked_text(window, "negoitations"))
    next(a for a in menu.actions() if a.text() == "negotiations").trigger()
    out = tmp_path / "story-proofed.docx"
    dialogs.expect("Save the corrections", "Tracked changes")
    dialogs.expect("Save corrected draft", str(out))
    assert window.save()  # at once: the underlines still follow the edit, no check since
    found = revisions(out)
    assert ("del", "Copy Desk", "negoitations") in found  # both runs, one revision
    assert ("ins", "Copy Desk", "negotiations") in found
    assert all(author == "Copy Desk" for _, author, _ in found)
    notes = comments(out)
    assert [(author, anchor) for author, anchor, _ in notes] == [
        ("Copy Desk", "Tobiah Quenneville-Osei")
    ]  # one query for the whole name; the ignored name and the fixed word are not queried
    assert "Tobiah Quenneville-Osei" in notes[0][2] and "\n" in notes[0][2]  # and why
    accepted = accept_all(out, tmp_path / "accepted.docx")
    assert [para.text for para in accepted.paragraphs] == [
        "Talks followed the resumption of negotiations, said Henriette Solbakken \U0001f642 on "
        "the quay.",
        "The envoy, Tobiah Quenneville-Osei, arrived on Monday. Ngozi Obiakor chaired the talks.",
    ]
    assert "Talks" in [r.text for para in accepted.paragraphs for r in para.runs if r.bold]
    assert [r.text for para in accepted.paragraphs for r in para.runs if r.italic] == ["Monday"]
    assert accepted.tables[0].cell(0, 1).text == "The council set aside $4 million."
    assert len(accepted.comments) == 1
    rejected = reject_all(out, tmp_path / "rejected.docx")
    before = docx.Document(str(original))
    assert [para.text for para in rejected.paragraphs] == [para.text for para in before.paragraphs]
    bold = [r.text for para in rejected.paragraphs for r in para.runs if r.bold]
    assert bold == ["Talks", "tations"]
    assert rejected.tables[0].cell(0, 0).text == "Budget"
    assert window.editor.toPlainText() == read_docx(out).text


def test_word_draft_with_paragraphs_added_and_removed_saves(
    qtbot, make_window, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    from proofer.formats.docx import read_docx
    from tests.test_docx import build
    from tests.word_revisions import revisions

    original = build(tmp_path / "story.docx")
    window = make_window()
    window.open_path(original)
    wait_checked(qtbot, window)
    lines = window.editor.toPlainText().split("\n")
    assert lines[0] == "Harbor Vote" and lines[2].startswith("The the ferry")
    edited = "\n".join([lines[0], "A new second paragraph.", lines[1], *lines[3:]])
    window.editor.setPlainText(edited)  # one paragraph added, one removed
    tracked = tmp_path / "tracked.docx"
    dialogs.expect("Save the corrections", "Tracked changes")
    dialogs.expect("Save corrected draft", str(tracked))
    assert window.save()
    assert read_docx(tracked).text == edited
    found = revisions(tracked)
    assert ("ins", "Proofer", "A new second paragraph.") in found
    assert any(kind == "del" and "ferry union" in text for kind, _, text in found)
    assert window.editor.toPlainText() == edited
    # Save As another format always works, whatever was done to the paragraphs.
    window.editor.insertPlainText("Top line.\n")
    text_copy = tmp_path / "story.txt"
    dialogs.expect("Save draft as", str(text_copy))
    assert window.save_as()
    assert text_copy.read_text(encoding="utf-8") == "Top line.\n" + edited
    assert not window.draft.word and window.windowTitle() == "story.txt — Proofer"


def test_a_vanished_entity_list_is_reported_and_checking_goes_on(
    qtbot, make_window, draft: Path, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings.entity_lists = [str(tmp_path / "gone.txt")]
    window = make_window()
    window.open_path(draft)
    wait_checked(qtbot, window)
    assert any(m.text == "Sebastain" for m in window.editor.marked)
    assert "gone.txt: no such file" in window.statusBar().currentMessage()


def test_bad_files_are_refused_plainly_and_empty_ones_open(
    qtbot, make_window, tmp_path: Path, dialogs: Dialogs
) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    empty = tmp_path / "new.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \r\n\r\n")
    window = make_window()
    dialogs.expect("Cannot open the draft", QMessageBox.StandardButton.Ok)
    dialogs.expect("Cannot open the draft", QMessageBox.StandardButton.Ok)
    assert not window.open_path(binary)
    assert not window.open_path(broken)
    assert window.open_path(empty)
    assert window.editor.toPlainText() == ""
    assert window.open_path(blank)
    assert window.editor.toPlainText() == "  \n\n"
    window.editor.insertPlainText("Lede.")
    assert window.save()
    assert blank.read_bytes() == b"Lede.  \r\n\r\n"
    assert binary.read_bytes().startswith(b"\x89PNG") and broken.read_bytes().startswith(b"PK")


def test_a_missing_draft_named_on_the_command_line_is_a_new_draft(
    qtbot, make_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tomorrow.txt"
    window = make_window()
    assert window.open_path(path, create=True)
    assert window.windowTitle() == "tomorrow.txt — Proofer" and not path.exists()
    qtbot.keyClicks(window.editor, "Budget vote.")
    assert window.windowTitle() == "*tomorrow.txt — Proofer"
    assert window.save()  # written on first save, where it was named
    assert path.read_text(encoding="utf-8") == "Budget vote."


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


def test_a_desks_settings_reach_the_editor_on_opening(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour comittee met on Monday and recieved the plan.\n"
    loose = tmp_path / "loose.txt"
    loose.write_text(text, encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".proofer.toml").write_text('ignore = ["spelling."]\n', encoding="utf-8")
    story = desk / "story.txt"
    story.write_text(text, encoding="utf-8")
    window = make_window()
    window.open_path(loose)
    wait_checked(qtbot, window)
    underlined = {m.text for m in window.editor.marked if m.finding.category.value == "spelling"}
    assert {"comittee", "recieved"} <= underlined
    window.open_path(story)  # the same window: the settings are read again for this draft
    wait_checked(qtbot, window)
    assert not [m for m in window.editor.marked if m.finding.category.value == "spelling"]
    [selection_formats] = [
        {
            s.format.property(QTextCharFormat.Property.UserProperty)
            for s in window.editor.extraSelections()
        }
    ]
    assert "spelling" not in selection_formats


def test_the_editor_and_the_command_line_find_the_same(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "names.txt").write_text("Adaeze Okonkwo\nBrennick Island\n", encoding="utf-8")
    (tmp_path / ".proofer.toml").write_text(
        'entities = ["names.txt"]\ndialect = "british"\nquote-style = "british"\n', encoding="utf-8"
    )
    story = tmp_path / "story.txt"
    story.write_text(
        "Adaze Okonkwo said the ferry to Brenick Island would run “every day”. The colour "
        "of the boats is a favorite topic , she said.\n",
        encoding="utf-8",
    )
    command = Path(sys.executable).with_name("proofer")
    result = subprocess.run(
        [str(command), "check", "--format", "json", str(story)], capture_output=True, text=True
    )
    assert result.returncode in (0, 1), result.stderr
    [listed] = json.loads(result.stdout)["files"]
    on_the_command_line = {(f["start"], f["end"], f["rule"]) for f in listed["findings"]}
    window = make_window()
    window.open_path(story)
    wait_checked(qtbot, window)
    in_the_editor = {(m.start, m.end, m.finding.rule) for m in window.editor.marked}
    assert in_the_editor == on_the_command_line
    assert any(rule.startswith("names.") for _, _, rule in in_the_editor)
    assert window.config.dialect == "british" and window.config.quote_style == "british"


def test_only_choices_made_in_the_editor_override_the_desk(
    qtbot, make_window, tmp_path: Path, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "names.txt").write_text("Adaeze Okonkwo\n", encoding="utf-8")
    (tmp_path / ".proofer.toml").write_text(
        'entities = ["names.txt"]\ndialect = "british"\n', encoding="utf-8"
    )
    story = tmp_path / "story.txt"
    story.write_text("The council met.\n", encoding="utf-8")
    own = tmp_path / "own-names.txt"
    own.write_text("Brennick Island\n", encoding="utf-8")
    settings.entity_lists = [str(own)]
    window = make_window()
    window.open_path(story)
    assert window.config.dialect == "british"  # unset in the editor: the desk's value
    assert window.config.quote_style == "auto"  # set nowhere: the default
    assert set(window.config.entities) == {(tmp_path / "names.txt").resolve(), own}
    settings.dialect = "american"
    again = make_window()
    again.open_path(story)
    assert again.config.dialect == "american"


def test_a_broken_desk_setting_is_reported_and_checking_goes_on(
    qtbot, make_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".proofer.toml").write_text('dialect = "martian"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("The comittee met.\n", encoding="utf-8")
    window = make_window()
    assert window.open_path(story)
    wait_checked(qtbot, window)
    assert ".proofer.toml" in window.statusBar().currentMessage()
    assert "comittee" in [m.text for m in window.editor.marked]


def test_the_demo_draft_comes_with_the_starter_entity_list(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    """``./run demo`` opens the sample draft with no settings of its own: the names on the
    starter list are recognised, as on the README's screenshot."""
    starter = (ROOT / "resources" / "starter-entities.txt").resolve()
    window = make_window()
    window.open_path(ROOT / "resources" / "sample-draft.txt")
    wait_checked(qtbot, window)
    assert starter in window.config.entities
    assert window.last_result is not None
    assert {"Adaeze Okonkwo", "Brennick Island"} <= set(window.last_result.report.listed)


def test_a_choice_left_as_configured_is_not_stored(qtbot, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from proofer.config import Config
    from ui.settings_dialog import SettingsDialog

    settings.quote_style = "british"
    dialog = SettingsDialog(settings, configured=Config(dialect="canadian", languagetool="local"))
    qtbot.addWidget(dialog)
    assert dialog.dialect.currentText() == "as configured (canadian)"
    assert dialog.quote_style.currentText() == "british"
    dialog.quote_style.setCurrentIndex(0)  # back to what the files say
    dialog.apply()
    again = Settings(settings.q)
    assert (again.dialect, again.quote_style, again.languagetool) == (None, None, None)
    assert not again.q.contains("dialect") and not again.q.contains("quoteStyle")


def test_a_desk_style_rule_is_underlined_and_explained(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "desk-style.toml").write_text(
        '[[rule]]\nid = "desk.health-care"\nkind = "substitution"\n'
        'swap = { "healthcare" = "health care" }\n'
        "message = \"Desk style: '{fix}', not '{match}'.\"\n"
        'why = "The desk writes health care as two words."\n'
        'flags = ["The healthcare bill passed."]\npasses = ["The health care bill passed."]\n',
        encoding="utf-8",
    )
    (tmp_path / ".proofer.toml").write_text('style = ["desk-style.toml"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("The council passed the healthcare plan on Monday.\n", encoding="utf-8")
    window = make_window()
    window.open_path(story)
    wait_checked(qtbot, window)
    [marked] = [m for m in window.editor.marked if m.finding.rule == "desk.health-care"]
    assert marked.text == "healthcare" and marked.finding.suggestions[0] == "health care"
    assert "two words" in window.editor.tooltip_html(marked)
