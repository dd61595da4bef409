"""Typography: spacing, ellipses and dashes a reader does not notice until they are printed."""

from __future__ import annotations

import re

from proofer.checkers import CheckContext, DocumentChecker, ParagraphChecker
from proofer.document import Document
from proofer.findings import Category, Finding
from proofer.rules import Rule

DOUBLE_SPACE = Rule(
    id="typography.double-space",
    category=Category.TYPOGRAPHY,
    summary="Two or more spaces (a no-break space counts) where one belongs.",
    why="Typesetting systems keep every space; doubled ones show as gaps in print and online.",
    example="group.  The loss -> group. The loss",
    flags=("group.  The loss", "The vote  passed today."),
    passes=("group. The loss",),
    fix_safe=True,
    covers=("harper.NoFrenchSpaces", "harper.Spaces", "lt.WHITESPACE_RULE"),
)

# Spaces, no-break spaces and the thin and figure spaces that paste in from the web.
_RUN = re.compile(r"(?<=\S)[ \u00a0\u2009\u202f\u2007]{2,}(?=\S)")


class TypographyChecker(ParagraphChecker):
    """Runs of spaces inside a paragraph."""

    rules = (DOUBLE_SPACE,)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """A finding for each run of two or more spaces between words or sentences."""
        return [
            DOUBLE_SPACE.finding(m.start(), m.end(), _describe(m.group()), (" ",))
            for m in _RUN.finditer(text)
        ]


def _describe(run: str) -> str:
    if "\u00a0" in run:
        return "A no-break space and a space together: use one space."
    return f"{len(run)} spaces in a row: use one."


ELLIPSIS = Rule(
    id="typography.ellipsis",
    category=Category.TYPOGRAPHY,
    summary="An ellipsis typed as three dots in a draft that also uses the … character.",
    why="One draft, one ellipsis: the dots and the character look different in print.",
    example="it is different … We seek ... to restore -> …",
    flags=("It is … odd ... and more.",),
    passes=("It is … odd … and more.",),
    fix_safe=True,
    covers=("harper.UseEllipsisCharacter",),
)
DASH_SPACING = Rule(
    id="typography.dash-spacing",
    category=Category.TYPOGRAPHY,
    summary="A dash with a space on one side only, or a hyphen standing in for a dash.",
    why="A dash is spaced on both sides or on neither; the draft's own majority decides. "
    "A hyphen between spaces is a dash typed on a keyboard without one.",
    example="the harbor —which -> the harbor — which; the pier - and the port -> the pier — and",
    flags=("the pier —which was old",),
    passes=("the pier — which was old",),
    fix_safe=True,
)

_DOTS = re.compile(r"(?<!\.)(?:\.\.\.|\. \. \.)(?!\.)")
_DASH = re.compile(r"(?P<before>[ \u00a0]?)(?P<dash>[—–])(?P<after>[ \u00a0]?)")
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


class PunctuationStyleChecker(DocumentChecker):
    """Ellipses and dashes written one way across the draft."""

    rules = (ELLIPSIS, DASH_SPACING)

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """Minority forms of the ellipsis and of dash spacing, fixed to the majority."""
        return [*_ellipses(doc.text), *_dashes(doc.text)]


def _ellipses(text: str) -> list[Finding]:
    if "…" not in text:
        return []
    message = "Three dots where the rest of the draft uses …: use the character."
    return [ELLIPSIS.finding(m.start(), m.end(), message, ("…",)) for m in _DOTS.finditer(text)]


def _dashes(text: str) -> list[Finding]:
    dashes = [m for m in _DASH.finditer(text) if m.group("dash") == "—"]
    spaced = sum(bool(m.group("before")) and bool(m.group("after")) for m in dashes)
    closed = sum(not m.group("before") and not m.group("after") for m in dashes)
    dash = " — " if spaced >= closed else "—"
    findings = []
    for m in dashes:
        if bool(m.group("before")) != bool(m.group("after")):
            message = "A dash with a space on one side only."
            findings.append(DASH_SPACING.finding(m.start(), m.end(), message, (dash,)))
    for m in _SPACED_HYPHEN.finditer(text):
        message = "A hyphen between spaces: use a dash."
        findings.append(DASH_SPACING.finding(m.start(), m.end(), message, (dash,)))
    return findings
