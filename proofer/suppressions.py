"""Inline switches in a draft, as ruff and Vale have them.

``<!-- proofer: disable=names.unlisted -->`` turns rules off from there on, and
``<!-- proofer: enable=names.unlisted -->`` turns them back on; ``disable`` alone (no rules)
turns every rule off. A rule id may end in ``.`` to mean a family (``spelling.``). A switch
that silences nothing is reported, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule, silence

UNUSED = Rule(
    id="proofer.unused-suppression",
    category=Category.STYLE,
    summary="An inline `proofer: disable` switch that silences nothing.",
    why="Switches outlive the problems they were written for; a stale one hides the next "
    "real problem in its stretch of the draft.",
    example="<!-- proofer: disable=spelling.unknown --> over text with no misspelling",
    flags=("<!-- proofer: disable=spelling.unknown -->\nAll is well.",),
    passes=("<!-- proofer: disable=spelling.unknown -->\nThe negoitations ended.",),
    severity=Severity.INFO,
)

_SWITCH = re.compile(r"<!--\s*proofer:\s*(disable|enable)(?:=([\w.,\- ]+))?\s*-->")


@dataclass
class _Stretch:
    rules: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    switch: tuple[int, int]  # where the disable comment is
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.start < self.end:
            return False
        return not self.rules or any(
            finding.rule == r or (r.endswith(".") and finding.rule.startswith(r))
            for r in self.rules
        )


def apply(text: str, findings: list[Finding], rules: Mapping[str, Rule]) -> list[Finding]:
    """Drop the findings inside disabled stretches, and the outside engines' reports of the
    same problems (``Rule.covers``); add one finding for each unused switch."""
    stretches = _stretches(text)
    if not stretches:
        return findings

    def switched_off(f: Finding) -> bool:
        hits = [s for s in stretches if s.covers(f)]
        for s in hits:
            s.used = True
        return bool(hits)

    kept = silence(findings, switched_off, rules)
    for s in stretches:
        if not s.used:
            what = ", ".join(s.rules) if s.rules else "every rule"
            message = f"This switch turns off {what}, but nothing here needed it: remove it."
            kept.append(UNUSED.finding(s.switch[0], s.switch[1], message, ("",)))
    return kept


def _stretches(text: str) -> list[_Stretch]:
    open_: dict[str, _Stretch] = {}
    done: list[_Stretch] = []
    for m in _SWITCH.finditer(text):
        rules = tuple(r.strip() for r in (m.group(2) or "").split(",") if r.strip())
        key = ",".join(rules)
        if m.group(1) == "disable":
            open_[key] = _Stretch(rules, m.end(), len(text), m.span())
        else:
            for k in [k for k in open_ if k == key or not rules]:
                stretch = open_.pop(k)
                stretch.end = m.start()
                done.append(stretch)
    return done + list(open_.values())
