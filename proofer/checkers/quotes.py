"""Quotation marks: the authority on them, so other engines' quote findings are dropped.

Pairing lives in ``proofer.quotemarks``; this turns what it finds into findings a copy
editor can act on, and adds the punctuation that belongs with a closing mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum

from proofer.checkers import CheckContext, DocumentChecker
from proofer.document import Document
from proofer.engines.harper import Dialect
from proofer.findings import Category, Finding, Severity
from proofer.quotemarks import (
    ATTRIBUTION,
    Kind,
    Mark,
    Problem,
    Role,
    Scan,
    is_partial,
    scan_document,
)
from proofer.rules import Rule

UNMATCHED_CLOSE = Rule(
    id="quotes.unmatched-close",
    category=Category.QUOTES,
    summary="A closing quotation mark with no opening mark before it.",
    why="Readers cannot tell where the quotation starts, or whether it is one at all; the "
    "opening mark was usually lost in an edit.",
    example="The government wants … peace,” according to Idris Haddad",
    flags=("It was over,” he said.",),
    passes=(
        "“It was over,” he said.",
        # Lines of verse inside a speech: one missing continuation, not a stray mark.
        "“Can it be a ship?\n\nThe monarch of the seas.\n\nOr a shark?” she asked.",
    ),
    severity=Severity.ERROR,
)
UNCLOSED = Rule(
    id="quotes.unclosed",
    category=Category.QUOTES,
    summary="An opening quotation mark that is never closed.",
    why="The reader cannot tell where the speaker's words end. A quotation that runs over "
    "paragraphs is fine without a closing mark if the next paragraph opens with “; a "
    "partial quotation (a fragment in the reporter's sentence) must close in its paragraph.",
    example="called it “a handout to landlords. He said the council …",
    flags=(
        "He called it “a handout.\n\nShe disagreed.",
        "“We waited long enough, said Ama Owusu. “Fix it,” he said.",
    ),
    passes=(
        "He called it “a handout.”\n\nShe disagreed.",
        # A quotation resumed after its attribution may run on like any other.
        "“It was my wish,” he added, “as soon as the vote was in.\n\n“Then we start.”",
        # Paragraph breaks lost in a paste: a note, not an unclosed quotation.
        "“The piers rot every year. “This vote ends the waiting,” she said.",
        # Apostrophes at a word's start: a decade's plural, an elided syllable.
        "Rents rose in the 1970's and '80's. Prices fell.",
        "The shifts ran 'round the clock.",
    ),
    severity=Severity.ERROR,
)
MISSING_CONTINUATION = Rule(
    id="quotes.missing-continuation",
    category=Category.QUOTES,
    summary="A quotation runs on from the previous paragraph, but this one does not open with “.",
    why="News style reopens a running quotation at the start of every paragraph it spans, so "
    "the reader knows the speaker is still talking.",
    example="“We have waited long enough. ¶ This vote is not the end,” she said. -> “This vote",
    flags=("“We waited.\n\nThis vote ends it,” she said.",),
    passes=("“We waited.\n\n“This vote ends it,” she said.",),
    fix_safe=True,
    severity=Severity.ERROR,
)
LOST_BREAK = Rule(
    id="quotes.lost-break",
    category=Category.QUOTES,
    summary="A quotation reopens after a sentence while the one before is still open.",
    why="A running quotation reopens each paragraph it spans; when the paragraph breaks are "
    "lost (pasted from a feed or an e-mail), the reopening mark lands mid-paragraph. The "
    "quotations after it are paired on their own. If the break is not lost, the closing mark "
    "of the first quotation is missing.",
    example="… the cost to taxpayers. “I don't think … -> a paragraph break before “I",
    flags=(
        "“The piers rot every year. “This vote ends the waiting,” she said.",
        '"The piers rot every year. "This vote ends the waiting," she said.',
    ),
    passes=(
        "“The piers rot every year.\n\n“This vote ends the waiting,” she said.",
        "“The piers rot every year.” “This vote ends the waiting,” she said.",
    ),
    severity=Severity.INFO,
)
TURNED = Rule(
    id="quotes.wrong-direction",
    category=Category.QUOTES,
    summary="A curly quotation mark or apostrophe facing the wrong way.",
    why="Autocorrect turns a mark the wrong way after a deletion; in print it looks like a "
    "stray opening mark.",
    example="We listened to every objection“ Solbakken said -> objection”; ‘90s -> ’90s",
    flags=("In the ‘90s it closed.",),
    passes=("In the ’90s it closed.",),
    fix_safe=True,
    severity=Severity.ERROR,
)
MIXED_PAIR = Rule(
    id="quotes.mixed-pair",
    category=Category.QUOTES,
    summary="A straight quotation mark paired with a curly one.",
    why="The pair shows two different marks in print; the straight one was typed where "
    "autocorrect did not reach.",
    example='"saddened but not shocked” -> “saddened but not shocked”',
    flags=('He was "not surprised” at all.',),
    passes=("He was “not surprised” at all.",),
    fix_safe=True,
)
INCONSISTENT = Rule(
    id="quotes.inconsistent",
    category=Category.QUOTES,
    summary="A straight mark in a draft that otherwise uses curly ones (or the reverse).",
    why="A story uses one kind of mark; a stray straight one shows in print. `proofer fix "
    "--smart-quotes` turns all straight marks curly, apostrophes included. A few stray marks "
    "are flagged one by one; a draft that mixes the two kinds throughout gets one finding.",
    example='curly “quotes” elsewhere, then "this" -> “this”',
    flags=(
        '“One,” she said. “Two,” he said. "Three."',
        '"A," "B," "C," "D," "E," "F," "G." “H,” “I,” “J,” “K” and “L.”',
    ),
    passes=("“One,” she said.",),
    fix_safe=True,
)
TEX_STYLE = Rule(
    id="quotes.tex-style",
    category=Category.QUOTES,
    summary="Quotations opened with a backtick (`like this' or ``this''), as TeX and old "
    "typewritten text do.",
    why="A backtick is not a quotation mark in print: it shows as a stray accent. One note "
    "for the draft; `proofer fix --smart-quotes` turns every such quotation into ‘ ’ or “ ”.",
    example="the `stable' release -> the ‘stable’ release",
    flags=("Upgrade from `stable' to `testing'.", "It is ``frozen'' now."),
    passes=("Upgrade from ‘stable’ to ‘testing’.", "Run `ls` in the folder."),
    fix_safe=True,
    severity=Severity.INFO,
)
NESTED = Rule(
    id="quotes.nested",
    category=Category.QUOTES,
    summary="A quotation inside a quotation with the same kind of mark.",
    why="Nested quotations alternate: double outside, single inside (or the reverse in "
    "British style). The same mark twice usually also means a closing mark went missing.",
    example="“They keep saying “temporary” but …” -> ‘temporary’",
    flags=("“They say “temporary” but nobody knows,” he said.",),
    passes=(
        "“They say ‘temporary’ but nobody knows,” he said.",
        # After a sentence, a reopening is a lost paragraph break (quotes.lost-break).
        "“The piers rot every year. “This vote ends the waiting,” she said.",
    ),
)
OUTSIDE = Rule(
    id="punctuation.outside-quote",
    category=Category.PUNCTUATION,
    summary="A period or comma after a closing quotation mark, in a draft that puts them "
    "inside (American style).",
    why="American style puts periods and commas inside the closing mark, whatever the sense. "
    "With quote-style auto (the default) the draft's own quoted fragments decide the style, "
    "and without a majority its spelling (American or Canadian); only the marks that break "
    "from it are flagged. quote-style american or british forces one.",
    example="was “saddened but not shocked”. -> surprised.”",
    flags=(
        "She called it “a handout,” “a farce,” and “not shocking”.",
        "The harbor’s color was “grey,” and “not shocking”.",
    ),
    passes=(
        "It was “not shocking.”",
        "They called it “a handout”, and “not shocking”.",
        "The harbour’s colour was “grey,” and “not shocking”.",
    ),
    fix_safe=True,
)
INSIDE = Rule(
    id="punctuation.inside-quote",
    category=Category.PUNCTUATION,
    summary="A period or comma inside the closing mark of a quoted fragment, in a draft that "
    "puts them outside (British, logical style).",
    why="Logical style keeps inside the closing mark only what belongs to the quotation: a "
    "quoted sentence keeps its own period (She said: “We lost.”), a fragment of the "
    "reporter's sentence does not (called it “a handout”.). With quote-style auto the "
    "draft's majority decides, and without one its spelling (British or Australian).",
    example="called it “a handout.” -> “a handout”.",
    flags=(
        "They called it “a handout”, and “a farce”, then “a disgrace.”",
        "The harbour’s colour was “grey”, and “not shocking.”",
    ),
    passes=(
        "They called it “a handout”, and “a farce”. She said: “We lost.”",
        "He called it “a handout.”",
        "The harbor’s color was “grey”, and “not shocking.”",
    ),
    fix_safe=True,
)
MISSING_COMMA = Rule(
    id="punctuation.missing-comma-quote",
    category=Category.PUNCTUATION,
    summary="No comma before the closing mark of a quotation followed by its attribution.",
    why="A quoted sentence that continues with “she said” ends in a comma, not bare.",
    example="“We listened to every objection” Solbakken said -> objection,”",
    flags=(
        "“We listened to every objection” Solbakken said.",
        "“We listened to every objection” said Solbakken, the mayor.",
    ),
    passes=("“We listened to every objection,” Solbakken said.",),
    fix_safe=True,
)


class QuoteStyle(Enum):
    """Where a closing mark's period or comma goes (the ``quote-style`` setting's values)."""

    AMERICAN = "american"  # always inside
    BRITISH = "british"  # inside only when it belongs to the quotation


_NAMES = {".": "period", ",": "comma"}
# The end of an ellipsis or of an abbreviation: ``...``, ``U.S.``, `` p.``.
_ABBREVIATION_END = re.compile(r"(?:\.\.|(?<![A-Za-z])[A-Za-z]\.|\.[A-Za-z]+\.)$")


class QuoteChecker(DocumentChecker):
    """Pairs every quotation mark in the draft and reports what does not pair."""

    rules = (
        UNMATCHED_CLOSE,
        UNCLOSED,
        MISSING_CONTINUATION,
        LOST_BREAK,
        TURNED,
        MIXED_PAIR,
        INCONSISTENT,
        TEX_STYLE,
        NESTED,
        OUTSIDE,
        INSIDE,
        MISSING_COMMA,
    )
    owns = frozenset({Category.QUOTES})

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """Quote and closing-punctuation findings for the whole draft."""
        result = scan_document(doc)
        tex = _tex_marks(result)
        straight = _straight_style(result, tex)
        findings = [f for p in result.problems if (f := _problem(doc, p, straight))]
        findings += _inconsistent(result, {p.mark.pos for p in result.problems}, tex, straight)
        findings += _tex_style(doc.text, result)
        findings += _closing_punctuation(doc.text, result, ctx)
        return findings


def _problem(doc: Document, problem: Problem, straight_style: bool) -> Finding | None:
    mark = problem.mark
    at = (mark.pos, mark.end)
    if problem.kind is Kind.UNMATCHED_CLOSE:
        para = doc.paragraph_at(mark.pos)
        scope = _paragraph_name(doc, para.index) if para else "this paragraph"
        return _finding(
            UNMATCHED_CLOSE,
            at,
            f"Closing {mark.char} has no opening mark before "
            f"it in {scope}, nor a quotation running on from the one before.",
        )
    if problem.kind is Kind.UNCLOSED:
        where = _paragraph_name(doc, problem.paragraph)
        close = (
            f"before the next one opens in {where}" if problem.partner else f"by the end of {where}"
        )
        return _finding(
            UNCLOSED,
            at,
            f"This {mark.char} opens a quotation that is never closed; close it {close}.",
        )
    if problem.kind is Kind.LOST_BREAK:
        return _finding(
            LOST_BREAK,
            at,
            f"A quotation reopens here while the one before is still open: a paragraph "
            f"break before this {mark.char} looks lost (or the closing mark before it).",
        )
    if problem.kind is Kind.MISSING_CONTINUATION:
        para = doc.paragraphs[problem.paragraph]
        first = doc.text[para.start]
        return _finding(
            MISSING_CONTINUATION,
            (para.start, para.start + 1),
            f"The quotation from {_paragraph_name(doc, problem.paragraph - 1)} runs on "
            f"here: open this paragraph with “.",
            ("“" + first,),
        )
    if problem.kind is Kind.TURNED:
        what = {Role.APOSTROPHE: "an apostrophe", Role.OPEN: "an opening mark"}.get(
            mark.role, "a closing mark"
        )
        right = mark.curly
        if straight_style and mark.role is not Role.APOSTROPHE:
            right = '"' if mark.double else "'"  # the draft's own kind of mark
        return _finding(
            TURNED, at, f"{mark.char} faces the wrong way for {what}: use {right}.", (right,)
        )
    if problem.kind is Kind.MIXED_PAIR:
        partner = problem.partner.char if problem.partner else "curly"
        return _finding(
            MIXED_PAIR,
            at,
            f"Straight {mark.char} paired with curly {partner}: use {mark.curly}.",
            (mark.curly,),
        )
    if problem.kind is Kind.NESTED:
        inner = "‘" if mark.double else "“"
        return _finding(
            NESTED,
            at,
            f"A quotation inside a quotation opens with {mark.char} "
            f"again: use {inner}, or close the first quotation.",
        )
    return None


def _tex_marks(result: Scan) -> set[int]:
    """Positions of the marks of TeX-style quotations (both ends): their own style, reported
    once by ``quotes.tex-style``, not counted as straight or curly."""
    return {m.pos for pair in result.pairs if pair[0].tex for m in pair} | {
        m.pos for m in result.marks if m.tex
    }


def _straight_style(result: Scan, tex: set[int]) -> bool:
    """The draft's quotation marks are mostly straight.

    Curly wins a tie, and wins whenever a straight mark is paired with a curly one: the
    writer's tools make curly marks, and a stray straight one is the slip.
    """
    if any(p.kind is Kind.MIXED_PAIR for p in result.problems):
        return False
    quotes = [m for m in result.marks if m.role is not Role.APOSTROPHE and m.pos not in tex]
    straight = sum(m.straight for m in quotes)
    return straight > len(quotes) - straight


# More marks of the other kind than this are not stray slips but a second style (text pasted
# from another source, cross-references a converter wrote): one cause, so one finding for the
# draft instead of an alarm at every mark. A few strays are each a slip with its own fix.
_STRAY = 3


def _inconsistent(
    result: Scan, reported: set[int], tex: set[int], straight_style: bool
) -> list[Finding]:
    """Straight marks in a draft whose quotation marks are mostly curly, or curly quotation
    marks in one whose marks are mostly straight (apostrophes follow the quotation marks).
    ``reported``: marks with a finding of their own; ``tex``: TeX-style ones."""
    skip = reported | tex
    marks = [m for m in result.marks if m.role is not Role.APOSTROPHE and m.pos not in tex]
    quotes = [m for m in marks if m.pos not in skip]
    # A curly mark turned the wrong way has its own finding, but it is still a curly mark:
    # the straight ones beside it are strays all the same.
    has_curly = any(not m.straight for m in marks)
    if straight_style:
        odd = [m for m in quotes if not m.straight]
    elif has_curly:
        odd = [m for m in result.marks if m.straight and m.pos not in skip]
    else:
        return []
    if len(odd) > _STRAY:
        first = odd[0]
        kind, other = ("curly", "straight") if straight_style else ("straight", "curly")
        message = (
            f"This draft mixes {other} and {kind} quotation marks ({len(odd)} {kind} ones, "
            f"from this {first.char} on): make them one kind; `proofer fix --smart-quotes` "
            f"makes them all curly."
        )
        return [_finding(INCONSISTENT, (first.pos, first.end), message)]
    findings = []
    for m in odd:
        if straight_style:
            plain = '"' if m.double else "'"
            message = f"Curly {m.char} in a draft that uses straight marks: use {plain}."
            findings.append(_finding(INCONSISTENT, (m.pos, m.end), message, (plain,)))
        else:
            message = f"Straight {m.char} in a draft that uses curly marks: use {m.curly}."
            findings.append(_finding(INCONSISTENT, (m.pos, m.end), message, (m.curly,)))
    return findings


def _tex_style(text: str, result: Scan) -> list[Finding]:
    """One note for a draft that quotes TeX-style, on its first such quotation."""
    pairs = [(o, c) for o, c in result.pairs if o.tex]
    if not pairs:
        return []
    opened, closed = pairs[0]
    fixed = opened.curly + text[opened.end : closed.pos] + closed.curly
    many = f"; {len(pairs)} quotations here open this way" if len(pairs) > 1 else ""
    message = (
        f"A quotation opened with {opened.char} (TeX style){many}: print uses "
        f"{opened.curly} {closed.curly}. `proofer fix --smart-quotes` turns them all."
    )
    return [_finding(TEX_STYLE, (opened.pos, closed.end), message, (fixed,))]


def _closing_punctuation(text: str, result: Scan, ctx: CheckContext) -> Iterator[Finding]:
    style, decided = _quote_style(text, result, ctx)
    for opened, closed in result.pairs:
        mark = closed.curly if not closed.straight else closed.char
        after = _outside(text, closed)
        if style is QuoteStyle.AMERICAN and after:
            yield _finding(
                OUTSIDE,
                (closed.pos, closed.end + 1),
                f"American style{decided} puts the {_NAMES[after]} inside the closing mark: "
                f"{after}{mark}",
                (after + mark,),
            )
        inside = _inside(text, opened, closed)
        if style is QuoteStyle.BRITISH and inside:
            yield _finding(
                INSIDE,
                (closed.pos - 1, closed.end),
                f"British style{decided} puts the {_NAMES[inside]} after the closing mark of a "
                f"quoted fragment: {mark}{inside}",
                (mark + inside,),
            )
        before = text[closed.pos - 1 : closed.pos]
        said = ATTRIBUTION.match(text, closed.end)
        if before.isalpha() and _full_sentence(text, opened) and said:
            start = closed.pos
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            word = text[start : closed.pos]
            yield _finding(
                MISSING_COMMA,
                (start, closed.end),
                f"A comma belongs before the closing mark when the attribution follows: "
                f"{word},{mark}",
                (f"{word},{mark}",),
            )


def _quote_style(text: str, result: Scan, ctx: CheckContext) -> tuple[QuoteStyle, str]:
    """The style the draft's closing punctuation follows, and words saying how it was decided
    (``auto``: see ``settled_style``)."""
    if ctx.quote_style != "auto":
        return QuoteStyle(ctx.quote_style), ""
    american, british = _evidence(text, result)
    style = settled_style(american, british, ctx.dialect)
    if american == british:
        return style, ", as this draft is spelled,"
    return style, ", as in the rest of this draft,"


def quote_evidence(doc: Document) -> tuple[int, int]:
    """The closing marks in ``doc`` that show American punctuation and those that show
    British (see ``settled_style``), for ``proofer learn`` to weigh an archive as a draft."""
    result = scan_document(doc)
    return _evidence(doc.text, result)


def settled_style(american: int, british: int, dialect: Dialect) -> QuoteStyle:
    """The one decision of quote style from evidence. Only the clear cases count: a period
    or comma after a closing mark is British; one inside the mark of a quoted fragment is
    American (a quoted sentence keeps its period in both, and a comma before an
    attribution is inside in both). The majority wins; without one, the dialect decides."""
    if american == british:
        by_dialect = dialect in (Dialect.BRITISH, Dialect.AUSTRALIAN)
        return QuoteStyle.BRITISH if by_dialect else QuoteStyle.AMERICAN
    return QuoteStyle.AMERICAN if american > british else QuoteStyle.BRITISH


def _evidence(text: str, result: Scan) -> tuple[int, int]:
    american = sum(_inside(text, o, c) is not None for o, c in result.pairs)
    british = sum(_outside(text, c) is not None for _, c in result.pairs)
    return american, british


def _outside(text: str, closed: Mark) -> str | None:
    """The period or comma right after a closing mark (not the first dot of an ellipsis)."""
    after = text[closed.end : closed.end + 2]
    return after[0] if after[:1] in (".", ",") and after[1:] != "." else None


def _inside(text: str, opened: Mark, closed: Mark) -> str | None:
    """The period or comma inside the closing mark of a quoted fragment, not the end of an
    ellipsis or of an abbreviation (``the U.S.``)."""
    if not is_partial(text, opened.pos):
        return None
    before = text[max(opened.pos, closed.pos - 4) : closed.pos]
    if before[-1:] not in (".", ",") or _ABBREVIATION_END.search(before):
        return None
    return before[-1]


def _full_sentence(text: str, opened: Mark) -> bool:
    """The quotation starts a sentence (not a fragment inside the reporter's own)."""
    before = text[: opened.pos].rstrip(" \t\u00a0")
    starts_upper = text[opened.pos + 1 : opened.pos + 2].isupper()
    return starts_upper and (not before or before[-1] in "\n.!?:")


def _paragraph_name(doc: Document, index: int) -> str:
    para = doc.paragraphs[index]
    line, _ = doc.line_column(para.start)
    return f"paragraph {index + 1} (line {line})"


def _finding(
    rule: Rule, span: tuple[int, int], message: str, fixes: tuple[str, ...] = ()
) -> Finding:
    return rule.finding(span[0], span[1], message, fixes)
