"""Findings as the command line prints them: compiler-style text, JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from proofer.document import Document
from proofer.findings import Finding, Severity


@dataclass(frozen=True)
class FileResult:
    """One draft's findings, ready to print; or, with ``error``, why it could not be checked
    (then ``doc`` is an empty document that carries only the path)."""

    doc: Document
    findings: list[Finding]
    error: str = ""


_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def as_text(results: Sequence[FileResult], colour: bool = False) -> str:
    """``path:line:col: severity [rule] message (suggest: X)``, one line per finding."""
    lines = []
    for result in results:
        for f in result.findings:
            line, col = result.doc.line_column(f.start)
            severity = f.severity.value
            rule = f"[{f.rule}]"
            if colour:
                severity = f"{_COLOURS[f.severity]}{severity}{_RESET}"
                rule = f"{_DIM}{rule}{_RESET}"
            suggest = f" (suggest: {_show(f.suggestions[0])})" if f.suggestions else ""
            location = f"{result.doc.path}:{line}:{col}:"
            if colour:
                location = f"{_BOLD}{location}{_RESET}"
            lines.append(f"{location} {severity} {rule} {f.message}{suggest}")
    return "\n".join(lines)


def summary(results: Sequence[FileResult]) -> str:
    """``3 errors, 1 warning, 2 notes in 2 files``."""
    counts = {s: 0 for s in Severity}
    for result in results:
        for f in result.findings:
            counts[f.severity] += 1
    parts = [
        _plural(counts[Severity.ERROR], "error"),
        _plural(counts[Severity.WARNING], "warning"),
        _plural(counts[Severity.INFO], "note"),
    ]
    checked = sum(not r.error for r in results)
    return f"{', '.join(parts)} in {_plural(checked, 'file')}"


def as_json(results: Sequence[FileResult], notices: Sequence[str] = ()) -> str:
    """The contract in design.md: ``{"version": 1, "files": [...]}``, every path given in
    order, with ``"error"`` on a file that could not be checked, and the run's ``"notices"``
    (an engine that was unavailable) that the text format prints on standard error. Each
    finding also says which ``"part"`` of the draft it is in (``body``, or a Word file's
    ``header``, ``footer``, ``footnote``, ``endnote``, ``comment``)."""
    files = []
    for result in results:
        items = []
        for f in result.findings:
            line, column = result.doc.line_column(f.start)
            items.append(
                {
                    "start": f.start,
                    "end": f.end,
                    "line": line,
                    "column": column,
                    "category": f.category.value,
                    "rule": f.rule,
                    "message": f.message,
                    "suggestions": list(f.suggestions),
                    "severity": f.severity.value,
                    "engine": f.engine.value,
                    "part": result.doc.part_at(f.start).value,
                }
            )
        entry: dict[str, object] = {"path": result.doc.path, "findings": items}
        if result.error:
            entry["error"] = result.error
        files.append(entry)
    document = {"version": 1, "files": files, "notices": list(notices)}
    return json.dumps(document, ensure_ascii=False, indent=2)


def as_github(results: Sequence[FileResult]) -> str:
    """GitHub Actions workflow commands, so findings show on the pull request's diff."""
    kind = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for result in results:
        for f in result.findings:
            line, col = result.doc.line_column(f.start)
            end_line, end_col = result.doc.line_column(max(f.start, f.end - 1))
            message = f.message + (f" Suggest: {f.suggestions[0]}" if f.suggestions else "")
            lines.append(
                f"::{kind[f.severity]} file={_escape_property(result.doc.path)},line={line},"
                f"col={col},endLine={end_line},endColumn={end_col + 1},"
                f"title={_escape_property(f.rule)}::{_escape_data(message)}"
            )
    return "\n".join(lines)


def _show(suggestion: str) -> str:
    if suggestion == "":
        return "remove it"
    if suggestion.strip() == "":
        return repr(suggestion)
    return suggestion


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
