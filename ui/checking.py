"""Checking off the GUI thread, the way novelWriter does it.

Edits restart a short single-shot timer; when it fires, a snapshot of the text goes to a
worker thread, one job at a time. The worker keeps each paragraph's findings cached by the
paragraph's text, so only changed paragraphs reach Harper; the draft-wide checks (quotes
over paragraphs, names, dialect) run on every job, as they are cheap. A result is applied
only if the text has not changed since its snapshot was taken.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from proofer.checkers.languagetool import LanguageToolChecker
from proofer.checkers.names import listed_names
from proofer.config import Config, ConfigError
from proofer.document import Document
from proofer.findings import Finding
from proofer.proofreader import Proofreader, Report

DEBOUNCE_MS = 300
_CACHE_SIZE = 20_000  # paragraphs; a 10,000-word draft has a few hundred


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


class CheckWorker(QObject):
    """Runs in the worker thread; owns the proofreader and the paragraph cache."""

    finished = Signal(object)  # CheckResult

    def __init__(self, config: Config) -> None:
        super().__init__()
        self._config = config
        self._proofreader: Proofreader | None = None
        self._problem = ""
        self._cache: OrderedDict[tuple[str, str], list[Finding]] = OrderedDict()

    @Slot(object)
    def reconfigure(self, config: Config) -> None:
        """New settings: rebuild the proofreader and forget cached findings."""
        self._config = config
        self._proofreader = None
        self._cache.clear()

    @Slot(object)
    def run(self, request: CheckRequest) -> None:
        """Check one snapshot and emit the result."""
        proofreader = self._get_proofreader()
        doc = Document(request.text, markdown=request.markdown)
        ctx = proofreader.context(doc)
        found: list[Finding] = []
        for paragraph in doc.paragraphs:
            key = (paragraph.text, ctx.dialect.value)
            cached = self._cache.get(key)
            if cached is None:
                cached = proofreader.check_paragraph(paragraph.text, ctx)
                self._cache[key] = cached
                if len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(key)
            found.extend(f.shifted(paragraph.start) for f in cached)
        report = proofreader.finish(doc, ctx, found)
        if self._problem:
            report.notices.append(self._problem)
        listed = listed_names(doc, proofreader.entities.index)
        self.finished.emit(
            CheckResult(request.revision, report, listed, self._languagetool_status())
        )

    def _get_proofreader(self) -> Proofreader:
        if self._proofreader is None:
            try:
                self._proofreader = Proofreader(self._config)
                self._problem = ""
            except ConfigError as exc:
                # A list that vanished or cannot be read: check without the lists, and say so.
                self._problem = f"{exc}; checking without the entity lists and dictionary"
                bare = replace(self._config, entities=(), dictionary=())
                self._proofreader = Proofreader(bare)
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
