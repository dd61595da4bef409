"""Typography: spacing, ellipses and dashes a reader does not notice until they are printed."""

from __future__ import annotations

import re
from collections import Counter

from proofer.checkers import CheckContext, DocumentChecker, ParagraphChecker
from proofer.document import Document
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule

DOUBLE_SPACE = Rule(
    id="typography.double-space",
    category=Category.TYPOGRAPHY,
    summary="Two or more spaces (a no-break space counts) where one belongs.",
    why="Typesetting systems keep every space; doubled ones show as gaps in print and online.",
    example="group.  The loss -> group. The loss",
    flags=("group.  The loss", "The vote  passed today."),
    passes=(
        "group. The loss",
        # Two spaces after many sentences are one habit (typography.sentence-spacing).
        "It rained.  The pier closed.  Ferries stopped.  Trains ran late.",
    ),
    fix_safe=True,
    covers=("harper.NoFrenchSpaces", "harper.Spaces", "lt.WHITESPACE_RULE"),
)

SENTENCE_SPACING = Rule(
    id="typography.sentence-spacing",
    category=Category.TYPOGRAPHY,
    summary="Two spaces after many sentences of the draft: one habit, noted once.",
    why="Typists taught on typewriters put two spaces after a sentence; print uses one. When "
    "the draft does it after three sentences or more, that is a writer's habit (perhaps a "
    "second writer's paragraphs), not a slip at each place: one note says so (replace every "
    "two spaces after a sentence with one); two spaces anywhere else are flagged one by one.",
    example="It rained.  The pier closed.  Ferries stopped. -> one note",
    flags=("It rained.  The pier closed.  Ferries stopped.  Trains ran late.",),
    passes=("It rained. The pier closed. Ferries stopped.  Trains ran late.",),
    # Harper's NoFrenchSpaces would report each of them again, as a warning.
    example_settings=(("ignore", ("harper.NoFrenchSpaces",)),),
    severity=Severity.INFO,
)

# Spaces, no-break spaces and the thin and figure spaces that paste in from the web.
_RUN = re.compile(r"(?<=\S)[ \u00a0\u2009\u202f\u2007]{2,}(?=\S)")
# The space between two sentences: ``closed.  The``, ``said.” He``.
_SENTENCE_GAP = re.compile(r"[.!?][”’\"')]?( +)(?=[“‘\"'(]?[A-Z])")
_MARKS_BEFORE_GAP = ".!?:;”’\"')"
# Two spaces after this many sentences, or this many hyphens for dashes in a draft without a
# dash, are a habit: one note, not a warning at each. However small a share of a long draft's
# sentences they are (a second writer's paragraphs), they are one cause with one fix-all.
_HABIT = 3


class TypographyChecker(ParagraphChecker):
    """Runs of spaces inside a paragraph."""

    rules = (DOUBLE_SPACE, SENTENCE_SPACING)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """A finding for each run of two or more spaces between words or sentences."""
        return [
            DOUBLE_SPACE.finding(m.start(), m.end(), _describe(m.group()), (" ",))
            for m in _RUN.finditer(text)
        ]

    def refine(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Two spaces after many of the draft's sentences are one habit: one note for them
        all, in place of a warning at each."""
        if sum(m.group(1) == "  " for m in _SENTENCE_GAP.finditer(doc.text)) < _HABIT:
            return findings
        # The same habit puts two spaces after a colon or a mark ending a clause.
        habit = [
            f
            for f in findings
            if f.rule == DOUBLE_SPACE.id
            and doc.text[f.start : f.end] == "  "
            and doc.text[f.start - 1 : f.start] in _MARKS_BEFORE_GAP
        ]
        if not habit:
            return findings
        note = SENTENCE_SPACING.finding(
            habit[0].start,
            habit[0].end,
            f"This draft puts two spaces after a sentence {len(habit)} times: print uses one; "
            f"replace them all.",
            (" ",),
        )
        return [f for f in findings if f not in habit] + [note]


def _describe(run: str) -> str:
    if "\u00a0" in run:
        return "A no-break space and a space together: use one space."
    return f"{len(run)} spaces in a row: use one."


ELLIPSIS = Rule(
    id="typography.ellipsis",
    category=Category.TYPOGRAPHY,
    summary="An ellipsis typed as three dots in a draft that also uses the … character.",
    why="One draft, one ellipsis: the dots and the character look different in print.",
    example="it is settled … We plan ... to rebuild -> …",
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
    passes=(
        "the pier — which was old",
        # A dateline's dash is the desk's own form.
        "CLEVELAND, Feb 26 - Ohio Mattress Co said it agreed to a buyout.",
        # A draft typed without dashes gets one note instead (typography.hyphen-dashes).
        "Prices rose - again - on Monday - the third rise this year.",
        "The largest file is 2^32 - 1 bytes.",
    ),
    fix_safe=True,
)

DATELINE = Rule(
    id="typography.dateline",
    category=Category.TYPOGRAPHY,
    summary="A dateline set differently from the draft's other datelines.",
    why="A dateline (the place, perhaps a date or an agency, and a dash that opens a story or "
    "paragraph) follows the desk's own form, hyphen or dash, spaced or not; its dash is "
    "never flagged as a dash in running text. One whose dash or capitals break from most of "
    "the draft's datelines is.",
    example="LONDON - … ¶ PARIS - … ¶ BONN — … -> BONN - …",
    flags=(
        "LONDON - Talks resumed.\n\nPARIS - Talks went on.\n\nBONN — Talks ended.",
        "LONDON - Talks resumed.\n\nPARIS - Talks went on.\n\nBonn, May 2 - Talks ended.",
    ),
    passes=(
        "CLEVELAND, Feb 26 - Ohio Mattress Co said it agreed.\n\nNEW YORK, Feb 27 - Shares rose.",
        "LONDON (Reuters) - Talks resumed.",
        "SYDNEY — The ferry resumes on Monday.",
    ),
    fix_safe=True,
)

# A dateline: a capitalised place (``NEW YORK``, ``Kuala Lumpur``), perhaps a region or
# country, a date (a capitalised word and a day: ``Feb 26``, ``March 3, 2024``) and an agency
# in brackets, then a dash before the story's first word. Upper-case places need nothing else;
# a place in title case needs a date or an agency, so "Yes - he said" is no dateline.
_PLACE_WORD = r"[A-Z][\w.'’&-]*"
_PLACE = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:, {_PLACE})?)"
    r"(?P<date>,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?P<agency> \([A-Z][\w .&-]*\))?"
    r"(?P<dash>[ \u00a0]*(?:--?|—|–)[ \u00a0]*)(?=[A-Z0-9“\"‘'])"
)
HYPHEN_DASHES = Rule(
    id="typography.hyphen-dashes",
    category=Category.TYPOGRAPHY,
    summary="Every dash in the draft typed as a hyphen between spaces: noted once.",
    why="Plain-text feeds and keyboards without a dash key type ' - ' for a dash. When the "
    "draft has no real dash and does this several times, it is one habit to fix throughout, "
    "not a slip at each place; a single ' - ' in a draft that has dashes is still flagged "
    "(typography.dash-spacing).",
    example="prices rose - again - on Monday - the third rise -> one note",
    flags=("Prices rose - again - on Monday - the third rise this year.",),
    passes=(
        "Prices rose — again — on Monday - the third rise this year.",
        "Prices rose - again.",
    ),
    severity=Severity.INFO,
)

_DOTS = re.compile(r"(?<!\.)(?:\.\.\.|\. \. \.)(?!\.)")
_DASH = re.compile(r"(?P<before>[ \u00a0]?)(?P<dash>[—–])(?P<after>[ \u00a0]?)")
# Not before a figure: ``2^16 - 1``, ``4GiB - 1 byte`` is a minus sign, not a dash.
_SPACED_HYPHEN = re.compile(r"(?<=\w) (?P<dash>-) (?=[^\W\d])")


class PunctuationStyleChecker(DocumentChecker):
    """Ellipses and dashes written one way across the draft."""

    rules = (ELLIPSIS, DASH_SPACING, HYPHEN_DASHES, DATELINE)

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """Minority forms of the ellipsis, of dash spacing and of datelines, fixed to the
        majority."""
        lines = datelines(doc)
        dashes = {(m.start("dash"), m.end("dash")) for m in lines}
        return [*_ellipses(doc.text), *_dashes(doc.text, dashes), *_datelines(lines)]


def datelines(doc: Document) -> list[re.Match[str]]:
    """The datelines that open the draft's paragraphs, as matches of ``_DATELINE`` (with
    document offsets)."""
    found = []
    for para in doc.paragraphs:
        m = _DATELINE.match(doc.text, para.start, para.end)
        if m and (m.group("date") or m.group("agency") or m.group("place").isupper()):
            found.append(m)
    return found


def _datelines(lines: list[re.Match[str]]) -> list[Finding]:
    """Datelines whose dash, or whose place's capitals, differ from most of the draft's."""
    findings = []
    dashes = Counter(m.group("dash") for m in lines).most_common(1)
    if dashes and dashes[0][1] * 2 > len(lines):
        dash = dashes[0][0]
        message = f"This dateline's dash differs from the draft's other datelines: use ‘{dash}’."
        for m in lines:
            if m.group("dash") != dash:
                findings.append(DATELINE.finding(m.start("dash"), m.end("dash"), message, (dash,)))
    if sum(m.group("place").isupper() for m in lines) * 2 > len(lines):
        for m in lines:
            place = m.group("place")
            if not place.isupper():
                message = f"The draft's other datelines set the place in capitals: {place.upper()}."
                findings.append(
                    DATELINE.finding(m.start("place"), m.end("place"), message, (place.upper(),))
                )
    return findings


def _ellipses(text: str) -> list[Finding]:
    if "…" not in text:
        return []
    message = "Three dots where the rest of the draft uses …: use the character."
    return [ELLIPSIS.finding(m.start(), m.end(), message, ("…",)) for m in _DOTS.finditer(text)]


def _dashes(text: str, datelines: set[tuple[int, int]]) -> list[Finding]:
    """Dashes spaced on one side, and hyphens standing for dashes; a dateline's dash is the
    desk's own form, left alone here."""

    def in_dateline(m: re.Match[str]) -> bool:
        return any(s <= m.start("dash") < e for s, e in datelines)

    dashes = [m for m in _DASH.finditer(text) if m.group("dash") == "—" and not in_dateline(m)]
    spaced = sum(bool(m.group("before")) and bool(m.group("after")) for m in dashes)
    closed = sum(not m.group("before") and not m.group("after") for m in dashes)
    dash = " — " if spaced >= closed else "—"
    findings = []
    for m in dashes:
        if bool(m.group("before")) != bool(m.group("after")):
            message = "A dash with a space on one side only."
            findings.append(DASH_SPACING.finding(m.start(), m.end(), message, (dash,)))
    hyphens = [m for m in _SPACED_HYPHEN.finditer(text) if not in_dateline(m)]
    any_dash = any(not in_dateline(m) for m in _DASH.finditer(text))
    if len(hyphens) >= _HABIT and not any_dash:
        # A draft typed without a dash key (a plain-text feed): one habit, one note.
        first = hyphens[0]
        message = (
            f"This draft types each dash as a hyphen between spaces ({len(hyphens)} times): "
            f"use a dash throughout."
        )
        return [HYPHEN_DASHES.finding(first.start(), first.end(), message, (dash,))]
    for m in hyphens:
        message = "A hyphen between spaces: use a dash."
        findings.append(DASH_SPACING.finding(m.start(), m.end(), message, (dash,)))
    return findings
