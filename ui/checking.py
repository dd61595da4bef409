"""Checking off the GUI thread, the way novelWriter does it.

Edits restart a short single-shot timer; when it fires, a snapshot of the text goes to a
worker thread, one job at a time, where the engine checks it (``Proofreader.check``, which
remembers each paragraph's findings, so only changed paragraphs reach Harper). A result is
applied only if the text has not changed since its snapshot was taken.

The worker warms the engine up as soon as it starts (Harper's spellers and the word
frequencies take a second or two to load), reports progress on a long check, and stops
between paragraphs when the check is cancelled or the window closes. A long draft, just
opened, has the paragraphs on screen checked first, so underlines appear while the rest of
it is checked.

Closing never waits on the worker for long: a check stops between paragraphs, but one step
(an engine loading, a LanguageTool request) cannot be stopped halfway. A worker still in
such a step is left to finish on its own (``still_busy``), and the editor quits without it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from proofer.config import Config, ConfigError
from proofer.document import Document, Part
from proofer.engines.harper import HarperEngine
from proofer.proofreader import CheckCancelled, Proofreader, Report
from proofer.rules import Rule

DEBOUNCE_MS = 300
LONG_DRAFT = 12  # paragraphs: a draft this long, just opened, gets its visible part first
PROGRESS_AFTER = 0.3  # seconds a check runs before it reports progress
PROGRESS_EVERY = 0.1  # seconds between progress reports
QUIT_WAIT_MS = 250  # how long closing waits for the worker to stop


@dataclass(frozen=True)
class CheckRequest:
    """A snapshot of the draft to check."""

    revision: int
    text: str
    markdown: bool = False
    visible: tuple[int, int] | None = None  # the span on screen, checked first if long
    parts: tuple[tuple[Part, int], ...] = ()  # a Word draft's headers, notes...: last lines


@dataclass
class CheckResult:
    """What the worker found in one snapshot (``report.partial``: only the visible
    paragraphs' findings; the full result follows)."""

    revision: int
    report: Report
    rules: dict[str, Rule] = field(default_factory=dict)  # what the tooltips explain
    text: str = ""  # the snapshot checked

    @property
    def partial(self) -> bool:
        """Only the visible paragraphs were checked; the full result follows."""
        return self.report.partial


class StopFlag:
    """Which checks to stop: every one of a revision up to ``upto``. Set by the GUI thread,
    read by the worker between paragraphs (an int assignment, safe across threads)."""

    def __init__(self) -> None:
        self.upto = -1

    def stop(self, revision: int) -> None:
        """Stop the checks of ``revision`` and of every earlier one."""
        self.upto = max(self.upto, revision)

    def stops(self, revision: int) -> bool:
        """True when the check of ``revision`` should stop."""
        return revision <= self.upto


class CheckWorker(QObject):
    """Runs in the worker thread; owns the engine and the proofreader, across jobs."""

    finished = Signal(object)  # CheckResult
    progress = Signal(int, int, int)  # revision, paragraphs checked, paragraphs in all
    cancelled = Signal(int)  # revision
    warmed = Signal()

    def __init__(self, config: Config, stop: StopFlag) -> None:
        super().__init__()
        self._config = config
        self._stop = stop
        # Held here, not per thread: Qt drops this thread's Python state between jobs.
        self._engine = HarperEngine(one_thread=True)
        self._proofreader: Proofreader | None = None
        self._problem = ""

    @Slot(object)
    def reconfigure(self, config: Config) -> None:
        """New settings: the next job builds a new proofreader (the engine is kept)."""
        self._config = config
        self._proofreader = None

    @Slot()
    def warm_up(self) -> None:
        """Build what the first check needs (Harper's dictionary, word frequencies, the
        bigram table), side by side on two cores, before the first draft arrives."""
        self._get_proofreader().warm(search_table=False)
        self.warmed.emit()

    @Slot(object)
    def run(self, request: CheckRequest) -> None:
        """Check one snapshot and emit the result (or ``cancelled``)."""
        proofreader = self._get_proofreader()
        doc = Document(request.text, markdown=request.markdown, parts=request.parts)
        started = time.monotonic()
        reported = started

        def should_stop(done: int, total: int) -> bool:
            nonlocal reported
            now = time.monotonic()
            if now - started > PROGRESS_AFTER and now - reported > PROGRESS_EVERY:
                reported = now
                self.progress.emit(request.revision, done, total)
            return self._stop.stops(request.revision)

        try:
            if request.visible and len(doc.paragraphs) > LONG_DRAFT:
                # What is on screen first, without progress (that counts the whole draft);
                # the draft-wide checks come with the full result.
                def stopped(_done: int, _total: int) -> bool:
                    return self._stop.stops(request.revision)

                seen = proofreader.check(doc, should_stop=stopped, only=request.visible)
                self.finished.emit(CheckResult(request.revision, seen, proofreader.rules))
            report = proofreader.check(doc, should_stop=should_stop)
        except CheckCancelled:
            self.cancelled.emit(request.revision)
            return
        if self._problem:
            report.notices.append(self._problem)
        self.finished.emit(
            CheckResult(request.revision, report, proofreader.rules, text=request.text)
        )

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


def still_busy() -> bool:
    """True while a worker that was shut down is still in its last step."""
    return any(c._thread.isRunning() for c in _LEFT_RUNNING)


class BackgroundChecker(QObject):
    """The GUI side: debounces edits, keeps one job in flight, drops stale results."""

    checked = Signal(object)  # CheckResult for the current text (maybe partial)
    progress = Signal(int, int)  # paragraphs checked, paragraphs in all
    cancelled = Signal()  # the current text's check was stopped
    warmed = Signal()  # the engine is loaded: the first check is as quick as the next
    _request = Signal(object)
    _configure = Signal(object)
    _warm_up = Signal()

    def __init__(self, config: Config, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__()
        self._stop = StopFlag()
        self._thread = QThread()
        self._thread.setObjectName("proofer-checker")
        self._worker = CheckWorker(config, self._stop)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._configure.connect(self._worker.reconfigure)
        self._warm_up.connect(self._worker.warm_up)
        self._worker.finished.connect(self._on_finished)
        self._worker.progress.connect(self._on_progress)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.warmed.connect(self._on_warmed)
        self.warm = False
        self._thread.start()
        self._warm_up.emit()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._dispatch)
        self._latest: CheckRequest | None = None
        self._running: CheckRequest | None = None

    def schedule(self, request: CheckRequest) -> None:
        """Check this snapshot once the writer pauses. A check of older text still running
        stops: the paragraphs it got through are remembered, so the next one is quicker."""
        self._supersede(request)
        self._timer.start()

    def check_now(self, request: CheckRequest) -> None:
        """Check this snapshot as soon as the worker is free (an older check stops)."""
        self._supersede(request)
        self._timer.stop()
        self._dispatch()

    def _supersede(self, request: CheckRequest) -> None:
        self._latest = request
        if self._running is not None and self._running.revision < request.revision:
            self._stop.stop(self._running.revision)

    def cancel(self) -> None:
        """Stop the check under way (at the next paragraph), and any waiting one."""
        self._timer.stop()
        if self._latest is not None:
            self._stop.stop(self._latest.revision)

    def reconfigure(self, config: Config) -> None:
        """Apply new settings to the worker (its next job uses them)."""
        self._configure.emit(config)

    def shutdown(self) -> bool:
        """Stop the worker thread: a running check stops at its next paragraph. Waits
        ``QUIT_WAIT_MS`` at most; False when the worker is still in a step that cannot be
        stopped (it then ends on its own, and ``still_busy`` says so meanwhile)."""
        self._timer.stop()
        self._stop.stop(2**62)
        self._thread.quit()
        if self._thread.wait(QUIT_WAIT_MS):
            return True
        _LEFT_RUNNING.append(self)  # a thread must outlive its running work
        return False

    def _dispatch(self) -> None:
        if self._running is not None or self._latest is None:
            return
        self._running = self._latest
        self._request.emit(self._latest)

    def _is_current(self, revision: int) -> bool:
        return self._latest is not None and revision == self._latest.revision

    @Slot(object)
    def _on_finished(self, result: CheckResult) -> None:
        if result.partial:
            if self._is_current(result.revision):
                self.checked.emit(result)
            return  # the job goes on
        self._running = None
        if self._is_current(result.revision):
            self.checked.emit(result)
        elif self._latest is not None and not self._timer.isActive():
            self._dispatch()  # the text changed while the job ran: check the new text

    @Slot()
    def _on_warmed(self) -> None:
        self.warm = True
        self.warmed.emit()

    @Slot(int, int, int)
    def _on_progress(self, revision: int, done: int, total: int) -> None:
        if self._is_current(revision):
            self.progress.emit(done, total)

    @Slot(int)
    def _on_cancelled(self, revision: int) -> None:
        self._running = None
        if self._is_current(revision):
            self.cancelled.emit()
        elif (
            self._latest is not None
            and not self._stop.stops(self._latest.revision)
            and not self._timer.isActive()
        ):
            self._dispatch()  # an edit came in after the cancel: check it


_LEFT_RUNNING: list[BackgroundChecker] = []
