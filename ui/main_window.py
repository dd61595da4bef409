"""The copy editor's desk: the draft in the middle, findings and names beside it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, qVersion
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from proofer import __version__, html_report
from proofer.config import Config, ConfigError, for_draft
from proofer.dictionary import append_to_dictionary
from proofer.document import Document
from proofer.findings import Finding, Severity
from proofer.formats import READ_ONLY, READS, DraftError, Kind, kind_of, writable, write_draft
from proofer.html_report import CheckedDraft
from ui.checking import BackgroundChecker, CheckRequest, CheckResult
from ui.editor import DraftEditor
from ui.files import DraftFile, Recovered, RecoveryStore, open_draft, save_draft
from ui.find_bar import FindBar
from ui.info_bar import InfoBar
from ui.palette import SEVERITY_SYMBOLS, counted
from ui.panels import FindingsPanel, NamesPanel
from ui.printing import print_proof, proof_document
from ui.settings import Settings, fingerprint, ignore_all_key
from ui.settings_dialog import SettingsDialog

AUTOSAVE_MS = 15_000
CANCELLED = "Check cancelled: F5 checks again"
READING_SPEED = 230  # words a minute, an adult reading news on a screen
# The file dialogs' filters: every kind the engine reads, and those it can write.
_DRAFTS_READ = f"Drafts ({' '.join('*' + s for s in READS)});;All files (*)"
_DRAFTS_WRITTEN = (
    f"Drafts ({' '.join('*' + s for s in READS if s not in READ_ONLY)});;All files (*)"
)
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "(version unknown)"


def word_count(text: str) -> int:
    """Words as a reader counts them: "don't", "co-op" and "3.5" are one word each."""
    return sum(1 for _ in _WORD.finditer(text))


def reading_time(words: int) -> str:
    """``2 min read``; under a minute for a short text."""
    minutes = round(words / READING_SPEED)
    return "under 1 min read" if minutes < 1 else f"{minutes} min read"


class MainWindow(QMainWindow):
    """One draft, its findings, and the actions on them."""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.draft = DraftFile()
        self.recovery = RecoveryStore(self.settings.data_folder / "recovery")
        self.recovery_key = RecoveryStore.key_for(None)  # this window's copy of unsaved work
        self.revision = 0
        self.last_result: CheckResult | None = None
        self._saving = False
        self._recovered_windows: list[MainWindow] = []  # opened at start-up, kept alive

        self.editor = DraftEditor(self)
        self.find_bar = FindBar(self.editor)
        self.find_bar.message.connect(lambda text: self.statusBar().showMessage(text, 5_000))
        self.editor.refused.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.info_bar = InfoBar()
        column.addWidget(self.info_bar)
        column.addWidget(self.editor)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)
        if self.settings.editor_font is not None:
            self.editor.setFont(self.settings.editor_font)
        self.findings_panel = FindingsPanel()
        self.names_panel = NamesPanel()
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.docks = [
            self._dock("Findings", self.findings_panel, right),
            self._dock("Names", self.names_panel, right),
        ]
        self.counts = QLabel()
        self.size_label = QLabel()
        self.engines = QLabel()
        self.progress = QProgressBar(maximumWidth=160, textVisible=False)
        self.cancel_button = QPushButton("Cancel check", flat=True)
        # Permanent, so that a message in the status bar never hides the counts.
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.size_label)
        self.statusBar().addPermanentWidget(self.engines)
        for label in (self.counts, self.size_label, self.engines):
            label.setContentsMargins(10, 0, 10, 0)

        self.config = self._current_config()
        self.checker = BackgroundChecker(self.config)
        self.checker.checked.connect(self._on_checked)
        self.checker.progress.connect(self._on_progress)
        self.checker.cancelled.connect(self._on_cancelled)
        self.cancel_button.clicked.connect(self.cancel_check)
        self._show_progress(False)
        self.editor.document().contentsChanged.connect(self._on_edited)
        self.editor.document().modificationChanged.connect(self._update_title)
        # Counting a long draft on every keystroke is wasted work: count when typing pauses.
        self._count_timer = QTimer(self, singleShot=True, interval=150)
        self._count_timer.timeout.connect(self._update_size)
        self.editor.textChanged.connect(self._count_timer.start)
        self.editor.selectionChanged.connect(self._count_timer.start)
        self.editor.ignore_requested.connect(self.ignore)
        self.editor.ignore_all_requested.connect(self.ignore_all)
        self.editor.ignore_always_requested.connect(self.ignore_always)
        self.editor.add_to_dictionary_requested.connect(self.add_to_dictionary)
        self.editor.add_to_entities_requested.connect(self.add_to_entities)
        self.findings_panel.activated.connect(self.editor.select)
        self.names_panel.activated.connect(self.editor.select)
        self.names_panel.add_requested.connect(self.add_to_entities)

        self.autosave = QTimer(self)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_recovery)
        self.autosave.start()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed_on_disk)
        self.setAcceptDrops(True)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_menus()
        self.resize(1200, 800)
        self.editor.document().setModified(False)
        self._update_title()
        self._update_status(None)
        self._update_size()
        self._restore_layout()

    # Building the window

    def _restore_layout(self) -> None:
        """The window's size and its panels as they were when it last closed (the first
        time: the panels wide enough to read a finding, the findings the taller)."""
        findings, names = self.docks
        self.resizeDocks([findings, names], [400, 400], Qt.Orientation.Horizontal)
        self.resizeDocks([findings, names], [520, 200], Qt.Orientation.Vertical)
        geometry, state = self.settings.window_layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)  # saveState/restoreState know it by this name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        menu_name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        fallback: str = "",
    ) -> QAction:
        menu = self._menus.get(menu_name) or self.menuBar().addMenu(menu_name)
        self._menus[menu_name] = menu
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if isinstance(shortcut, QKeySequence.StandardKey):
            # The platform's keys; a platform without one for this action gets ``fallback``.
            bindings = QKeySequence.keyBindings(shortcut) or [QKeySequence(fallback)]
            action.setShortcuts([b for b in bindings if not b.isEmpty()])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.actions_by_name[text.replace("&", "").rstrip("…")] = action
        return action

    def _build_menus(self) -> None:
        self._menus: dict[str, QMenu] = {}
        keys = QKeySequence.StandardKey
        self._action("&File", "&New", self.new_draft, keys.New, "Ctrl+N")
        self._action("&File", "&Open…", self.open_dialog, keys.Open)
        self.recent_menu = self._menus["&File"].addMenu("Open &Recent")
        self._action("&File", "&Save", self.save, keys.Save)
        self._action("&File", "Save &As…", self.save_as, keys.SaveAs)
        self._menus["&File"].addSeparator()
        self._action("&File", "&Export Report…", self.export_report_dialog)
        self._action("&File", "Print Pre&view…", self.print_preview)
        self._action("&File", "&Print…", self.print_dialog, keys.Print, "Ctrl+P")
        self._menus["&File"].addSeparator()
        self._action("&File", "&Close", self.close_draft, keys.Close, "Ctrl+W")
        self._action("&File", "&Quit", self.close, keys.Quit, "Ctrl+Q")
        self._action("&Edit", "&Undo", self.editor.undo, keys.Undo)
        self._action("&Edit", "&Redo", self.editor.redo, keys.Redo)
        self._menus["&Edit"].addSeparator()
        self._action("&Edit", "&Find…", lambda: self.find_bar.open(), keys.Find, "Ctrl+F")
        self._action("&Edit", "Find &Next", lambda: self.find_bar.find(), keys.FindNext)
        self._action("&Edit", "Find Pre&vious", lambda: self.find_bar.find(True), keys.FindPrevious)
        self._action(
            "&Edit", "&Replace…", lambda: self.find_bar.open(replacing=True), keys.Replace, "Ctrl+H"
        )
        self._action("&Edit", "&Go to Line…", self.go_to_line_dialog, "Ctrl+L")
        self._action("&View", "Zoom &In", lambda: self.zoom(1), keys.ZoomIn)
        self._action("&View", "Zoom &Out", lambda: self.zoom(-1), keys.ZoomOut)
        self._action("&View", "&Font…", self.choose_font)
        view = self._menus["&View"]
        view.addSeparator()
        # Each panel's own toggle: checked while it shows, so a panel closed by mistake
        # comes back from here.
        for dock in self.docks:
            toggle = dock.toggleViewAction()
            toggle.setText(f"{dock.windowTitle()} panel")
            view.addAction(toggle)
            self.actions_by_name[toggle.text()] = toggle
        self._action("&Check", "&Next finding", lambda: self.editor.next_finding(), "F8")
        self._action(
            "&Check", "&Previous finding", lambda: self.editor.next_finding(True), "Shift+F8"
        )
        self._action("&Check", "Check &again", self.check_now, "F5")
        self._action("&Check", "&Cancel the check", self.cancel_check)
        self._action("&Check", "&Settings…", self.open_settings)
        self._action("&Help", "&About Proofer", self.about)
        self._fill_recent()
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        """The common actions, as words: a desk reads them at a glance."""
        self.toolbar = self.addToolBar("Toolbar")
        self.toolbar.setObjectName("Toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        groups = [
            ["New", "Open", "Save", "Print"],
            ["Find", "Replace"],
            ["Previous finding", "Next finding", "Check again"],
        ]
        for group in groups:
            if self.toolbar.actions():
                self.toolbar.addSeparator()
            for name in group:
                self.toolbar.addAction(self.actions_by_name[name])
        toggle = self.toolbar.toggleViewAction()
        toggle.setText("Toolbar")
        self._menus["&View"].addAction(toggle)
        self.actions_by_name["Toolbar"] = toggle

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))

    # Files

    def new_draft(self) -> bool:
        """Start an empty Untitled draft in this window (after saving, or not, the one open)."""
        if not self.maybe_save():
            return False
        self._load("", DraftFile(), RecoveryStore.key_for(None))
        return True

    def close_draft(self) -> bool:
        """Close the draft; the window stays, with an empty Untitled one."""
        return self.new_draft()

    def open_dialog(self) -> None:
        """Ask for a draft to open, and open it."""
        path, _ = QFileDialog.getOpenFileName(self, "Open draft", "", _DRAFTS_READ)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path, create: bool = False) -> bool:
        """Open a draft, offering its recovery copy if there is one. With ``create``, a
        missing file is a new draft of that name, written on first save. False if not
        opened."""
        if not self.maybe_save():
            return False
        if create and not path.exists():
            text, draft = "", DraftFile(path)
            self.statusBar().showMessage(f"New draft: {path} is created when you save", 0)
        else:
            try:
                text, draft = open_draft(path)
            except DraftError as exc:
                QMessageBox.warning(self, "Cannot open the draft", str(exc))
                return False
        key = RecoveryStore.key_for(path)
        recovered = self.recovery.load(key)
        restore = False
        if recovered and recovered.text != text:
            restore = self._ask_recover(recovered)
        elif recovered:
            self.recovery.discard(key)  # the copy says nothing the file does not
        self._load(recovered.text if restore and recovered else text, draft, key)
        self.editor.document().setModified(restore)
        self.settings.add_recent(path)
        self._fill_recent()
        return True

    def recover_unsaved_work(self) -> list[MainWindow]:
        """At start-up: offer every recovery copy a crash left behind, one by one. The
        first one taken back opens in this window (if it is still empty), the others in
        windows of their own (returned, and kept by this one); "No" discards a copy."""
        opened: list[MainWindow] = []
        free = self.draft.path is None and not self.editor.document().isModified()
        for copy in self.recovery.copies():
            if copy.key == self.recovery_key or not self._ask_recover(copy):
                continue
            window = self
            if not free:
                window = MainWindow(self.settings)
                window.show()
                opened.append(window)
            free = False
            window.restore(copy)
        self._recovered_windows = opened
        return opened

    def restore(self, copy: Recovered) -> None:
        """Show a recovered copy as unsaved work on its draft (or an Untitled one)."""
        draft = DraftFile(copy.path)
        if copy.path is not None and copy.path.exists():
            try:
                draft = open_draft(copy.path)[1]
            except DraftError as exc:  # unreadable now: the text is kept, saved elsewhere
                self.statusBar().showMessage(str(exc), 0)
                draft = DraftFile()
        self._load(copy.text, draft, copy.key)
        self.editor.document().setModified(True)

    def _ask_recover(self, copy: Recovered) -> bool:
        """Ask whether to take back a copy; "No" discards it, so it is asked only once."""
        when = datetime.fromtimestamp(copy.saved).strftime("%Y-%m-%d %H:%M")
        name = copy.path.name if copy.path else "An Untitled draft"
        answer = QMessageBox.question(
            self,
            "Recover unsaved changes?",
            f"{name} has unsaved changes kept at {when}, after the editor closed without "
            "saving them. Recover them? (No discards them.)",
        )
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.recovery.discard(copy.key)
        return False

    def _load(self, text: str, draft: DraftFile, key: str) -> None:
        if self.draft.path:
            self.watcher.removePath(str(self.draft.path))
        if key != self.recovery_key:
            self.recovery.discard(self.recovery_key)  # the work it kept was saved or dropped
        self.recovery_key = key
        self.draft = draft
        self._show_text(text)
        self.editor.document().setModified(False)
        if draft.path and draft.path.exists():
            self.watcher.addPath(str(draft.path))
        self._update_title()
        self._apply_config()  # the new draft's folder may have settings of its own
        self.check_now(visible_first=True)

    def _show_text(self, text: str) -> None:
        """Put the draft's text in the editor, a Word draft looking as it does in Word."""
        self.editor.setPlainText(text)
        if text == self.draft.original:
            self.editor.show_looks(self.draft.looks, text)
            self.editor.show_spacing(self.draft.gaps, text)
        self.editor.show_parts(self.draft.parts)

    def save(self) -> bool:
        """Save in place (or ask where, for a new draft). False if not saved."""
        if self.draft.path is None or self.draft.read_only:
            return self.save_as()  # an .odt is saved as text or Word, under a new name
        if self.draft.word:
            return self.save_word()
        if self.draft.changed_on_disk():
            answer = QMessageBox.question(
                self,
                "The file changed on disk",
                f"{self.draft.name} was changed by another program since it was opened. "
                "Overwrite it with this version?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._write(self.draft.path)

    def save_as(self) -> bool:
        """Save under a new name; the name's ending (.txt, .md, .docx) picks the format."""
        name = self.draft.name
        if self.draft.read_only:
            name = str(Path(name).with_suffix(".txt"))
        path, _ = QFileDialog.getSaveFileName(self, "Save draft as", name, _DRAFTS_WRITTEN)
        if not path:
            return False
        if self.draft.word and kind_of(Path(path)) is Kind.WORD:
            return self.save_word(Path(path))
        return self._write(Path(path))

    def save_word(self, target: Path | None = None) -> bool:
        """A Word draft: the corrections go into a copy, as tracked changes or plain edits;
        the original is replaced only when the copy editor picks it and confirms."""
        assert self.draft.path is not None
        how = self.ask_choice(
            "Save the corrections",
            "Write the corrections into the Word file as tracked changes, so the reporter "
            "sees each one, or as plain edits?",
            ["Tracked changes", "Plain edits"],
        )
        if how is None:
            return False
        if target is None:
            suggested = self.draft.path.with_name(f"{self.draft.path.stem}-proofed.docx")
            path, _ = QFileDialog.getSaveFileName(self, "Save corrected draft", str(suggested))
            if not path:
                return False
            target = Path(path)
        if target.resolve() == self.draft.path.resolve():
            answer = QMessageBox.question(
                self, "Replace the original?", f"Write over the original {self.draft.name}?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._write(target, tracked=how == "Tracked changes")

    def ask_choice(self, title: str, text: str, choices: list[str]) -> str | None:
        """A question with named answers; None when cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        buttons = {box.addButton(c, QMessageBox.ButtonRole.AcceptRole): c for c in choices}
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return buttons.get(box.clickedButton())  # type: ignore[call-overload]

    def _write(self, path: Path, tracked: bool = True) -> bool:
        text = self.editor.toPlainText()
        self._saving = True
        try:
            saved = save_draft(
                text, self.draft, path, tracked, self.settings.revision_author,
                self.editor.still_open(), self.editor.rules,
            )  # fmt: skip
        except DraftError as exc:
            if self.draft.word:
                QMessageBox.warning(self, "Cannot save the Word draft", str(exc))
                return False
            if not writable(path):  # a kind the engine reads but does not write (.odt)
                QMessageBox.warning(self, "Cannot save", str(exc))
                return False
            answer = QMessageBox.question(
                self, "Cannot save in the draft's encoding", f"{exc}. Save as UTF-8 instead?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            self.draft.encoding = "utf-8"
            saved = save_draft(text, self.draft, path)
        except OSError as exc:
            QMessageBox.warning(self, "Cannot save", f"{path}: {exc.strerror or exc}")
            return False
        finally:
            QTimer.singleShot(0, self._saved)
        if self.draft.path and self.draft.path != path:
            self.watcher.removePath(str(self.draft.path))
        self.settings.move_ignores(self.draft_id, str(path))
        self.recovery.discard(self.recovery_key)
        self.recovery_key = RecoveryStore.key_for(path)
        self.draft = saved
        if saved.word and saved.original != text:  # accepted revisions read as the text
            self._show_text(saved.original)
        self.watcher.addPath(str(path))
        self.editor.document().setModified(False)
        self.settings.add_recent(path)
        self._fill_recent()
        self._update_title()
        self._apply_config()  # saved into another folder: its settings apply now
        return True

    def _saved(self) -> None:
        self._saving = False

    def maybe_save(self) -> bool:
        """Before closing or opening over unsaved work: save, discard, or stay."""
        if not self.editor.document().isModified():
            return True
        if self.draft.path is None and not self.editor.toPlainText().strip():
            return True  # an empty new draft: nothing to lose
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"Save the changes to {self.draft.name}?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.discard(self.recovery_key)
            return True
        return False

    def save_recovery(self) -> None:
        """Keep a copy of unsaved work (runs on a timer)."""
        if self.editor.document().isModified():
            self.recovery.save(self.recovery_key, self.draft.path, self.editor.toPlainText())

    def _changed_on_disk(self, path: str) -> None:
        if Path(path).exists() and path not in self.watcher.files():
            self.watcher.addPath(path)  # replaced by a rename: watch the new file
        if self._saving or not self.draft.changed_on_disk():
            return
        mine = " You have unsaved changes." if self.editor.document().isModified() else ""
        self.info_bar.ask(
            f"{Path(path).name} was changed by another program since it was opened.{mine}",
            {"Reload": self.reload, "Keep mine": self.keep_mine},
        )

    def reload(self) -> bool:
        """Read the draft again from disk, dropping the changes made here."""
        if self.draft.path is None:
            return False
        try:
            text, draft = open_draft(self.draft.path)
        except DraftError as exc:
            QMessageBox.warning(self, "Cannot reload the draft", str(exc))
            return False
        self.info_bar.hide()
        self._load(text, draft, self.recovery_key)
        return True

    def keep_mine(self) -> None:
        """Keep this version: saving writes over the other program's without asking again."""
        if self.draft.path is not None and self.draft.path.exists():
            self.draft.mtime = self.draft.path.stat().st_mtime
        self.editor.document().setModified(True)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.checker.shutdown()
        self.autosave.stop()
        self.settings.save_window_layout(self.saveGeometry(), self.saveState())
        self.recovery.discard(self.recovery_key)  # saved, or let go when asked
        self.settings.sync()
        event.accept()

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(Path(urls[0].toLocalFile()))

    def about_text(self) -> str:
        """The About box: the version, and the engines this window checks with."""
        result = self.last_result
        languagetool = result.report.languagetool if result else self.config.languagetool
        rows = [
            ("Harper", f"harper-py {_version('harper-py')}, dialect {self.config.dialect}"),
            ("LanguageTool", languagetool),
            ("Word frequencies", f"wordfreq {_version('wordfreq')}"),
            ("Qt", f"{qVersion()} (PySide6 {_version('PySide6-Essentials')})"),
        ]
        table = "".join(f"<tr><td>{k}</td><td>{html.escape(v)}</td></tr>" for k, v in rows)
        return (
            f"<h3>Proofer {__version__}</h3>"
            "<p>Proofreading for newsrooms: spelling, names and quotation marks, "
            "before a story is published.</p>"
            f"<table cellspacing='4'>{table}</table>"
        )

    def about(self) -> None:
        """Show the About box."""
        QMessageBox.about(self, "About Proofer", self.about_text())

    # Editing

    def go_to_line_dialog(self) -> None:
        """Ask for a line number and move the cursor there."""
        document = self.editor.document()
        here = self.editor.textCursor().blockNumber() + 1
        line, ok = QInputDialog.getInt(
            self, "Go to line", f"Line (1–{document.blockCount()}):", here, 1,
            document.blockCount(),
        )  # fmt: skip
        if ok:
            self.go_to_line(line)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of ``line`` (counted from 1, clamped to the draft)."""
        document = self.editor.document()
        block = document.findBlockByNumber(max(0, min(line, document.blockCount()) - 1))
        self.editor.setTextCursor(QTextCursor(block))
        self.editor.centerCursor()
        self.editor.setFocus()

    def zoom(self, steps: int) -> None:
        """Make the draft's text larger or smaller, and keep that size for next time."""
        font = self.editor.font()
        font.setPointSizeF(min(48.0, max(6.0, font.pointSizeF() + steps)))
        self.set_editor_font(font)

    def choose_font(self) -> None:
        """Ask for the draft's font and use it."""
        ok, font = QFontDialog.getFont(self.editor.font(), self, "Font of the draft")
        if ok:
            self.set_editor_font(font)

    def set_editor_font(self, font: QFont) -> None:
        """Show the draft in ``font`` from now on (kept in the settings)."""
        self.editor.setFont(font)
        self.settings.editor_font = font

    def proof(self) -> QTextDocument:
        """The draft as printed: its findings marked and listed."""
        return proof_document(
            self.draft.name, self.editor.toPlainText(), self.editor.marked, self.editor.font()
        )

    def print_to(self, printer: QPrinter) -> None:
        """Print the proof on ``printer`` (a real printer, a preview, or a PDF file)."""
        print_proof(printer, self.proof())

    def export_report_dialog(self) -> None:
        """Ask where to save the check's HTML report, and write it."""
        if self.last_result is None:
            self.statusBar().showMessage("The draft is still being checked", 5_000)
            return
        suggested = (self.draft.path or Path(self.draft.name)).with_suffix(".report.html")
        path, _ = QFileDialog.getSaveFileName(
            self, "Export report", str(suggested), "Web pages (*.html)"
        )
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> bool:
        """Write the HTML report of the last check: the draft with its findings (those on
        display: ignores and hidden categories left out), their explanations and counts."""
        result = self.last_result
        if result is None:
            return False
        doc = Document(result.text, path=str(self.draft.path or self.draft.name))
        findings = self._visible(result.report.findings, result.text)
        draft = CheckedDraft(doc, findings, self.config, result.report.dialect,
                             result.report.notices)  # fmt: skip
        page = html_report.render([draft], result.rules, result.report.explanations)
        try:
            write_draft(path, page, "utf-8")
        except (OSError, DraftError) as exc:
            QMessageBox.warning(self, "Cannot export the report", f"{path}: {exc}")
            return False
        self.statusBar().showMessage(f"Report written to {path}", 10_000)
        return True

    def print_dialog(self) -> None:
        """Print the proof (the draft and its findings), after the print dialog."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_preview(self) -> None:
        """Preview the printed proof."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.paintRequested.connect(self.print_to)
        preview.exec()

    # Checking

    def _on_edited(self) -> None:
        self.revision += 1
        self._update_title()
        self.checker.schedule(self._request())

    def _request(self) -> CheckRequest:
        text = self.editor.toPlainText()
        return CheckRequest(self.revision, text, self.draft.markdown, parts=self.draft.parts)

    def check_now(self, visible_first: bool = False) -> None:
        """Check the whole draft again as soon as the worker is free (on a long draft, with
        ``visible_first``, the paragraphs on screen first)."""
        self.revision += 1
        request = self._request()
        if visible_first:
            request = replace(request, visible=self.editor.visible_span())
        self.checker.check_now(request)

    def cancel_check(self) -> None:
        """Stop the check under way; the underlines shown stay until the next check."""
        self.checker.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        self._show_progress(True)
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_cancelled(self) -> None:
        self._show_progress(False)
        self.counts.setText("Not checked")
        self.statusBar().showMessage(CANCELLED, 0)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    def _on_checked(self, result: CheckResult) -> None:
        if result.revision != self.revision:
            return  # the text changed after this snapshot
        if result.partial:  # the visible part of a long draft, while the rest is checked
            self.editor.rules = result.rules
            self._show(result)
            return
        self._show_progress(False)
        if self.statusBar().currentMessage() == CANCELLED:
            self.statusBar().clearMessage()  # checked after all
        self.last_result = result
        self.editor.rules = result.rules  # the desk's style rules explain themselves too
        self._show(result)
        for notice in result.report.notices:
            self.statusBar().showMessage(notice, 15_000)

    def _show(self, result: CheckResult) -> None:
        text = self.editor.toPlainText()
        findings = self._visible(result.report.findings, text)
        self.editor.show_findings(findings, text)
        marked = self.editor.marked
        document = self.editor.document()
        lines = {m.start: document.findBlock(m.start).blockNumber() + 1 for m in marked}
        self.findings_panel.show_marked(marked, lines)
        self.names_panel.show_names(result.report.listed, marked)
        self._update_status(result)

    def _visible(self, findings: list[Finding], text: str) -> list[Finding]:
        hidden = self.settings.hidden_categories
        ignored, ignored_all = self.settings.ignored()
        ignored_all = ignored_all | self.settings.ignored_in(self.draft_id)
        return [
            f
            for f in findings
            if f.category not in hidden
            and fingerprint(f, text) not in ignored
            and ignore_all_key(f, text) not in ignored_all
        ]

    @property
    def draft_id(self) -> str:
        """What this draft's own ignores are kept under: its path (or, for an Untitled
        draft, its recovery copy's name, until it is saved)."""
        return str(self.draft.path) if self.draft.path else self.recovery_key

    def _update_size(self) -> None:
        """Words, characters and reading time of the selection, or of the draft."""
        selected = self.editor.textCursor().selectedText()
        text = selected.replace("\u2029", "\n") if selected else self.editor.toPlainText()
        n = word_count(text)
        what = "selected: " if selected else ""
        size = f"{what}{n:,} word{'' if n == 1 else 's'} · {len(text):,} characters"
        self.size_label.setText(f"{size} · {reading_time(n)}")

    def _update_status(self, result: CheckResult | None) -> None:
        lt = "LanguageTool off"
        if result is None or result.partial:
            self.counts.setText("Checking…")
            self.counts.setStyleSheet("")
            if result is not None:
                return  # the engines line waits for the full result
        else:
            marked = self.editor.marked
            counts = {s: sum(m.finding.severity is s for m in marked) for s in Severity}
            parts = [f"{SEVERITY_SYMBOLS[s]} {counted(counts[s], s)}" for s in Severity]
            ready = counts[Severity.ERROR] == 0 and counts[Severity.WARNING] == 0
            self.counts.setText(("Ready to publish · " if ready else "") + " · ".join(parts))
            self.counts.setStyleSheet("color: #009E73;" if ready else "")
            if result.report.languagetool != "off":
                lt = f"LanguageTool {result.report.languagetool}"
        self.engines.setText(f"Harper · {lt}")

    # Actions on findings

    def _refresh(self) -> None:
        if self.last_result is not None:
            self._show(self.last_result)

    def ignore(self, finding: Finding) -> None:
        """Ignore this one finding, here in this text, from now on."""
        self.settings.ignore(fingerprint(finding, self.editor.toPlainText()))
        self._refresh()

    def ignore_all(self, finding: Finding) -> None:
        """Ignore this rule for this text in this draft (Settings lists it, to take back)."""
        key = ignore_all_key(finding, self.editor.toPlainText())
        self.settings.ignore_in(self.draft_id, key)
        self._refresh()

    def ignore_always(self, finding: Finding) -> None:
        """Ignore this rule for this text in every draft."""
        self.settings.ignore_all(ignore_all_key(finding, self.editor.toPlainText()))
        self._refresh()

    def add_to_dictionary(self, word: str) -> None:
        """Add a word to the user's dictionary and check again."""
        append_to_dictionary(self.settings.dictionary, word)
        self._apply_config(reload=True)
        self.check_now()

    def add_to_entities(self, name: str) -> None:
        """Add a name to the user's own entity list and check again."""
        append_to_dictionary(self.settings.own_entity_list, name)
        self._apply_config(reload=True)
        self.check_now()

    def open_settings(self) -> None:
        """Show the settings dialog; apply what it changes."""
        try:
            configured = for_draft(self.draft.path)  # what the files alone say
        except ConfigError:
            configured = None
        dialog = SettingsDialog(self.settings, self, configured)
        if dialog.exec():
            dialog.apply()
            self._apply_config(reload=True)
            self.check_now()

    def _current_config(self) -> Config:
        """The draft's configuration, as the command line finds it, with the editor's
        choices on top; a configuration file that cannot be used is reported and left out."""
        try:
            return self.settings.config(self.draft.path)
        except ConfigError as exc:
            self.statusBar().showMessage(f"{exc}; using the editor's own settings", 0)
            return self.settings.config(self.draft.path, discover=False)

    def _apply_config(self, reload: bool = False) -> None:
        """Give the checker the current configuration, if it changed (or, with ``reload``,
        when the lists it names changed on disk)."""
        config = self._current_config()
        if reload or config != self.config:
            self.config = config
            self.checker.reconfigure(config)

    def _update_title(self) -> None:
        star = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(f"{star}{self.draft.name} — Proofer")
