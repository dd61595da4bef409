"""Punctuation marks doubled or spaced wrongly: ``June..``, ``union ,``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from proofer.checkers import CheckContext, ParagraphChecker
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule
from proofer.words import URL

DOUBLED = Rule(
    id="punctuation.doubled",
    category=Category.PUNCTUATION,
    summary="A period, comma, semicolon, colon, question or exclamation mark typed twice.",
    why="Two periods are not an ellipsis (that takes three, or …); a doubled mark is a slip.",
    example="The ferry sails in June.. -> June.",
    flags=("The ferry sails in June..",),
    passes=("The ferry sails in June...", "Its address is ::1, and Foo::Bar a name."),
    fix_safe=True,
    severity=Severity.ERROR,
    covers=("harper.EllipsisLength", "lt.DOUBLE_PUNCTUATION"),
)
MIXED_MARKS = Rule(
    id="punctuation.interrobang",
    category=Category.PUNCTUATION,
    summary="A question mark and an exclamation mark together (?! or !?).",
    why="News style ends a sentence with one mark; pick the one the sentence needs.",
    example="He said what?! -> He said what?",
    flags=("He said what?!",),
    passes=("He said what?",),
    severity=Severity.INFO,
)
NO_SPACE_AFTER = Rule(
    id="punctuation.no-space-after",
    category=Category.PUNCTUATION,
    summary="No space after the end of a sentence.",
    why="Two sentences run together read as one word to a reader and to search engines.",
    example="the vote.The council -> the vote. The council",
    flags=("the vote.The council",),
    passes=("the vote. The council", "Read the file NEWS.Debian.gz first."),
    fix_safe=True,
)
SPACE_BEFORE = Rule(
    id="punctuation.space-before",
    category=Category.PUNCTUATION,
    summary="A space before a comma, period, semicolon, colon, question or exclamation mark.",
    why="English sets these marks against the word before; a space can also break the line "
    "before the mark.",
    example="the association , which represents -> the association, which represents",
    flags=("the association , which", "She stayed ."),
    passes=(
        "the association, which",
        "Unpack the .deb file first.",
        "The rules are online (https://example.org/rules) .",
        "It broke again :-)",
        "He paused . . . and went on.",  # a spaced ellipsis (Chicago's)
        "Run it as ./configure first.",
    ),
    fix_safe=True,
    covers=("harper.CommaFixes", "harper.Spaces", "lt.COMMA_PARENTHESIS_WHITESPACE"),
)

# Exactly two of the same mark after a word (or its closing mark): three periods are an
# ellipsis; marks doubled inside a token (::1, Foo::Bar, ../lib) or standing alone (the ".."
# folder) are not a slip.
_DOUBLED = re.compile(r"(?:(?<=[\w)\]”’])|(?<=\w[\"']))(?!::\w)([.,;:!?])\1(?![.,;:!?/])")
_MIXED = re.compile(r"\?!|!\?")
# word.Word, but not in a domain (example.com), an initialism (U.S.) or a decimal.
_RUN_ON = re.compile(r"(?<=[a-z]{2})([.!?])(?=[A-Z][a-z])")
_NAMES = {".": "period", ",": "comma", ";": "semicolon", ":": "colon", "?": "question mark",
          "!": "exclamation mark"}  # fmt: skip
# A space between a word and a mark; not before ".5" or an ellipsis (spaced: ". . ."), not at
# a line start.
# A period that starts a word (the .deb file, .NET) is not the end of a sentence.
# A path that starts with a period (./configure) neither.
_SPACE_BEFORE = re.compile(
    r"(?<=[\w”’)\]])([ \u00a0\t]+)([,;:!?]|\.(?![\w/]))(?![\d.]|[ \u00a0]\.)"
)
# A colon or semicolon that starts a smiley: :-) ;) :(
_EMOTICON = re.compile(r"-?[()DPp](?!\w)")


class PunctuationChecker(ParagraphChecker):
    """Doubled marks and spaces before marks."""

    rules = (DOUBLED, MIXED_MARKS, NO_SPACE_AFTER, SPACE_BEFORE)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Findings for ``text``."""
        return [
            *_doubled(text),
            *_mixed(text),
            *_run_on(text),
            *_space_before(text),
        ]


def _doubled(text: str) -> Iterator[Finding]:
    for m in _DOUBLED.finditer(text):
        mark = m.group(1)
        name = _NAMES[mark]
        yield DOUBLED.finding(m.start(), m.end(), f"Doubled {name}: ‘{m.group()}’.", (mark,))


def _space_before(text: str) -> Iterator[Finding]:
    for m in _SPACE_BEFORE.finditer(text):
        mark = m.group(2)
        if (mark in ":;" and _EMOTICON.match(text, m.end())) or _after_address(text, m.start()):
            continue
        yield SPACE_BEFORE.finding(m.start(), m.end(), f"Space before ‘{mark}’.", (mark,))


def _after_address(text: str, end: int) -> bool:
    """``text[:end]`` ends with a web address, bare or in brackets. Writers, and the tools
    that print links, keep a space between an address and the mark after it, so that
    whoever copies the address does not take the mark with it."""
    before = text[:end]
    opener = before.rfind("(" if before[-1:] == ")" else "[") if before[-1:] in ")]" else -1
    last = before[opener + 1 : -1] if opener >= 0 else before[before.rfind(" ") + 1 :]
    return URL.search(last) is not None


def _mixed(text: str) -> Iterator[Finding]:
    for m in _MIXED.finditer(text):
        yield MIXED_MARKS.finding(
            m.start(),
            m.end(),
            f"‘{m.group()}’: end the sentence with one mark.",
            (m.group()[0], m.group()[1]),
        )


def _run_on(text: str) -> Iterator[Finding]:
    for m in _RUN_ON.finditer(text):
        start = text.rfind(" ", 0, m.start()) + 1
        token = text[start : text.find(" ", m.end()) if " " in text[m.end() :] else len(text)]
        rest = token[m.end() - start :].rstrip(".,;:!?)")
        if "@" in token or "/" in token or "www" in token or "." in rest:
            continue  # an address, a path, or a file name (changelog.Debian.gz)
        yield NO_SPACE_AFTER.finding(
            m.start(),
            m.end(),
            f"No space after ‘{m.group(1)}’ between two sentences.",
            (m.group(1) + " ",),
        )
