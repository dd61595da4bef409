"""Rules document themselves: what they catch, why, an example, and whether the fix is safe.

The same text serves ``proofer rules``, the editor's tooltips and the docs, and each rule's
``flags`` and ``passes`` examples are run by the tests (and by a desk's own checks), so a rule
and its proof live in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from proofer.findings import Category, Engine, Finding, Severity
from proofer.quotations import SPEAKERS_CATEGORIES

# The entity list every rule's examples are checked with (a desk's list in miniature).
EXAMPLE_ENTITIES = "Henriette Solbakken | Solbakken\nIslamic State | IS ! ISIS\n"


@dataclass(frozen=True)
class Rule:
    """A rule's identity and its documentation."""

    id: str
    category: Category
    summary: str
    why: str
    example: str
    # Texts this rule must flag, and texts it must leave alone. Examples of rules about names
    # are read with EXAMPLE_ENTITIES as the entity list, and with ``example_settings``.
    flags: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    example_settings: tuple[tuple[str, Any], ...] = ()
    fix_safe: bool = False
    severity: Severity = Severity.WARNING
    # Report only the first finding for each distinct text (a name to verify, say).
    once_per_text: bool = False
    # Outside engines' rules (``harper.X``, ``lt.X``) that report the same problem: where this
    # rule is ignored or switched off, their finding of it is silenced too.
    covers: tuple[str, ...] = ()
    # A guess from the draft alone that gives way: where another rule of Proofer's reports
    # the same text at the same level (a desk's consistency rule, say), that finding is kept.
    yields: bool = False

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] = (),
        engine: Engine = Engine.PROOFER,
    ) -> Finding:
        """A finding of this rule: its id, category and severity, at ``[start, end)``."""
        return Finding(start, end, self.category, self.id, message, suggestions,
                       self.severity, engine)  # fmt: skip

    def describe(self) -> str:
        """The rule's full documentation as plain text."""
        fix = "safe: `proofer fix` applies it" if self.fix_safe else "offered, not applied"
        return (
            f"{self.id} ({self.category.value}, {self.severity.value})\n"
            f"  What: {self.summary}\n"
            f"  Why: {self.why}\n"
            f"  Example: {self.example}\n"
            + "".join(f"  Flags: {text}\n" for text in self.flags)
            + "".join(f"  Passes: {text}\n" for text in self.passes)
            + (f"  Also silences: {', '.join(self.covers)}\n" if self.covers else "")
            + ("  Gives way: to another rule reporting the same text\n" if self.yields else "")
            + (
                "  In a quotation: a note (info), the speaker's words left as said\n"
                if self.category in SPEAKERS_CATEGORIES and self.severity is not Severity.INFO
                else ""
            )
            + f"  Fix: {fix}"
        )


def silence(
    findings: Iterable[Finding], off: Callable[[Finding], bool], rules: Mapping[str, Rule]
) -> list[Finding]:
    """The findings without those ``off`` turns off, nor an outside engine's report of the
    same problem: a finding whose rule a turned-off finding's rule ``covers``, on an
    overlapping span. (Only the problem is silenced; the engine's rule still reports
    elsewhere what this rule would not.)"""
    kept: list[Finding] = []
    dropped: dict[str, list[Finding]] = {}  # outside rule id -> turned-off findings covering it
    for f in findings:
        if off(f):
            rule = rules.get(f.rule)
            for outside in rule.covers if rule else ():
                dropped.setdefault(outside, []).append(f)
        else:
            kept.append(f)
    return [f for f in kept if not any(f.overlaps(d) for d in dropped.get(f.rule, ()))]
