"""Checking off the GUI thread, the way novelWriter does it.

Edits restart a short single-shot timer; when it fires, a snapshot of the text goes to a
worker thread, one job at a time, where the engine checks it (``Proofreader.check``, which
remembers each paragraph's findings, so only changed paragraphs reach Harper). A result is
applied only if the text has not changed since its snapshot was taken.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from proofer.checkers.languagetool import LanguageToolChecker
from proofer.checkers.names import listed_names
from proofer.config import Config, ConfigError
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.proofreader import Proofreader, Report
from proofer.rules import Rule

DEBOUNCE_MS = 300


@dataclass(frozen=True)
class CheckRequest:
    """A snapshot of the draft to check."""

    revision: int
    text: str
    markdown: bool = False


@dataclass
class CheckResult:
    """What the worker found in one snapshot."""

    revision: int
    report: Report
    listed: list[str] = field(default_factory=list)  # names on the list found in the draft
    languagetool: str = "off"
    rules: dict[str, Rule] = field(default_factory=dict)  # what the tooltips explain


class CheckWorker(QObject):
    """Runs in the worker thread; owns the engine and the proofreader, across jobs."""

    finished = Signal(object)  # CheckResult

    def __init__(self, config: Config) -> None:
        super().__init__()
        self._config = config
        # Held here, not per thread: Qt drops this thread's Python state between jobs.
        self._engine = HarperEngine(one_thread=True)
        self._proofreader: Proofreader | None = None
        self._problem = ""

    @Slot(object)
    def reconfigure(self, config: Config) -> None:
        """New settings: the next job builds a new proofreader (the engine is kept)."""
        self._config = config
        self._proofreader = None

    @Slot(object)
    def run(self, request: CheckRequest) -> None:
        """Check one snapshot and emit the result."""
        proofreader = self._get_proofreader()
        doc = Document(request.text, markdown=request.markdown)
        report = proofreader.check(doc)
        if self._problem:
            report.notices.append(self._problem)
        listed = listed_names(doc, proofreader.entities.index)
        status = self._languagetool_status()
        self.finished.emit(CheckResult(request.revision, report, listed, status, proofreader.rules))

    def _get_proofreader(self) -> Proofreader:
        if self._proofreader is None:
            try:
                self._proofreader = Proofreader(self._config, self._engine)
                self._problem = ""
            except ConfigError as exc:
                # A list that vanished or cannot be read: check without the lists, and say so.
                self._problem = f"{exc}; checking without the entity lists and dictionary"
                bare = replace(self._config, entities=(), dictionary=())
                self._proofreader = Proofreader(bare, self._engine)
        return self._proofreader

    def _languagetool_status(self) -> str:
        assert self._proofreader is not None
        for checker in self._proofreader.document_checkers:
            if isinstance(checker, LanguageToolChecker):
                return checker.status
        return "off"


class BackgroundChecker(QObject):
    """The GUI side: debounces edits, keeps one job in flight, drops stale results."""

    checked = Signal(object)  # CheckResult for the current text
    _request = Signal(object)
    _configure = Signal(object)

    def __init__(self, config: Config, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName("proofer-checker")
        self._worker = CheckWorker(config)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._configure.connect(self._worker.reconfigure)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._dispatch)
        self._latest: CheckRequest | None = None
        self._busy = False

    def schedule(self, request: CheckRequest) -> None:
        """Check this snapshot once the writer pauses."""
        self._latest = request
        self._timer.start()

    def check_now(self, request: CheckRequest) -> None:
        """Check this snapshot as soon as the worker is free."""
        self._latest = request
        self._timer.stop()
        self._dispatch()

    def reconfigure(self, config: Config) -> None:
        """Apply new settings to the worker (its next job uses them)."""
        self._configure.emit(config)

    def shutdown(self) -> None:
        """Stop the worker thread (waits for a running job)."""
        self._timer.stop()
        self._thread.quit()
        self._thread.wait()

    def _dispatch(self) -> None:
        if self._busy or self._latest is None:
            return
        self._busy = True
        self._request.emit(self._latest)

    @Slot(object)
    def _on_finished(self, result: CheckResult) -> None:
        self._busy = False
        latest = self._latest
        if latest is not None and result.revision == latest.revision:
            self.checked.emit(result)
        elif latest is not None and not self._timer.isActive():
            self._dispatch()  # the text changed while the job ran: check the new text
