"""LanguageTool, when the user turns it on: a local server the library starts, or a
newsroom's own server by URL.

It runs under a time limit on a worker thread. When it is missing, slow or failing the
check goes on with the embedded engine, and the user is told once, in plain words.
Its spelling matches go through the same entity list and dictionary as Harper's.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from proofer.checkers import CheckContext, DocumentChecker
from proofer.document import Document, from_utf16, utf16_offsets
from proofer.findings import Category, Engine, Finding, Severity
from proofer.words import has_inner_capital, is_acronym, is_capitalised

_CATEGORY = {
    "TYPOS": Category.SPELLING,
    "PUNCTUATION": Category.PUNCTUATION,
    "TYPOGRAPHY": Category.TYPOGRAPHY,
    "STYLE": Category.STYLE,
    "REDUNDANCY": Category.STYLE,
    "CASING": Category.GRAMMAR,
    "GRAMMAR": Category.GRAMMAR,
    "CONFUSED_WORDS": Category.GRAMMAR,
}
# Quotation marks are the quote checker's; LanguageTool pairs them one paragraph at a time.
_SILENCED = {"EN_UNPAIRED_QUOTES", "EN_UNPAIRED_BRACKETS", "WHITESPACE_RULE"}
_LANGUAGE = {
    "american": "en-US",
    "british": "en-GB",
    "australian": "en-AU",
    "canadian": "en-CA",
}

ToolFactory = Callable[[str, str | None], Any]


def _library_tool(language: str, server: str | None) -> Any:
    import language_tool_python

    return language_tool_python.LanguageTool(language, remote_server=server)


def stop_local_servers() -> None:
    """Stop the LanguageTool servers this process started, as the library does at exit:
    for a process that ends without running its exit handlers."""
    server = sys.modules.get("language_tool_python.server")
    if server is not None:
        server.terminate_server()


class LanguageToolChecker(DocumentChecker):
    """Adapter for ``language-tool-python``: ``mode`` is ``local``, ``auto`` or a URL."""

    def __init__(self, mode: str, timeout: float = 20.0, factory: ToolFactory = _library_tool):
        self.mode = mode
        self.timeout = timeout
        self._factory = factory
        self._tools: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._failed: str | None = None
        self.notices: list[str] = []

    @property
    def status(self) -> str:
        """``on``, or ``unavailable: why``."""
        return f"unavailable: {self._failed}" if self._failed else "on"

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """LanguageTool's matches for the draft, or none (and a notice) if it fails."""
        self.notices = []
        if self._failed:
            return []
        language = _LANGUAGE[ctx.dialect.value]
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                with self._lock:
                    tool = self._tools.get(language)
                    if tool is None:
                        server = None if self.mode in ("local", "auto") else self.mode
                        tool = self._tools[language] = self._factory(language, server)
                    outcome["matches"] = tool.check(doc.text)
            except Exception as exc:  # the library raises many kinds; all mean "unavailable"
                outcome["error"] = exc

        # A daemon thread, so a hung server cannot keep the process from exiting.
        worker = threading.Thread(target=work, name="languagetool", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            return self._give_up(f"no answer within {self.timeout:g} s")
        if "error" in outcome:
            why = _plain(outcome["error"])
            if self.mode in ("local", "auto") and "cannot connect" in why:
                why = "a local server needs Java 17+ and a one-time download, not possible here"
            return self._give_up(why)
        return [f for m in outcome["matches"] if (f := to_finding(doc.text, m, ctx))]

    def _give_up(self, why: str) -> list[Finding]:
        self._failed = why
        self.notices.append(
            f"LanguageTool is unavailable ({why}); checked with the embedded engine only."
        )
        return []


def to_finding(text: str, match: Any, ctx: CheckContext) -> Finding | None:
    """A LanguageTool match as a finding, or ``None`` when it is noise for news copy.

    The library turns the match's start into a ``str`` index but leaves its length in
    UTF-16 units, as LanguageTool counts; the end is converted here.
    """
    rule_id: str = match.rule_id
    if rule_id in _SILENCED:
        return None
    start = max(0, min(int(match.offset), len(text)))
    end = from_utf16(text, utf16_offsets(text)[start] + int(match.error_length))
    category = _CATEGORY.get(match.category, Category.GRAMMAR)
    word = text[start:end]
    if category is Category.SPELLING and _accepted_spelling(word, ctx):
        return None
    severity = {
        Category.SPELLING: Severity.ERROR,
        Category.STYLE: Severity.INFO,
    }.get(category, Severity.WARNING)
    return Finding(
        start,
        end,
        category,
        f"lt.{rule_id}",
        match.message,
        tuple(match.replacements[:5]),
        severity,
        Engine.LANGUAGETOOL,
    )


def _accepted_spelling(word: str, ctx: CheckContext) -> bool:
    """The same leniency Harper's spelling gets: the lists, acronyms, name shapes."""
    return (
        ctx.known.accepts(word)
        or is_acronym(word)
        or has_inner_capital(word)
        or (is_capitalised(word) and " " not in word)
    )


def _plain(exc: BaseException) -> str:
    """One short line for the user from whatever the library raised."""
    from language_tool_python.exceptions import JavaError, PathError

    if isinstance(exc, JavaError):
        return "Java 17 or newer is needed for a local LanguageTool"
    if isinstance(exc, PathError):
        return "LanguageTool is not downloaded and cannot be fetched here"
    if "Connection refused" in str(exc) or "Max retries" in str(exc):
        return "cannot connect to the server"
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else type(exc).__name__)[:160]
