"""Characters nobody can see: zero-width spaces and bidirectional controls.

They arrive by copy and paste from web pages, chat and PDFs. A zero-width space splits a
word for search in the CMS and for every checker; bidirectional controls reorder what a
reader sees against what the text says (the "Trojan Source" attack), so a line can show
one thing and publish another.
"""

from __future__ import annotations

import re
import unicodedata

from proofer.checkers import CheckContext, DocumentChecker
from proofer.document import Document
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule

BIDI_CONTROL = Rule(
    id="typography.bidi-control",
    category=Category.TYPOGRAPHY,
    summary="An invisible control character that reorders text right to left or back.",
    why="Bidirectional embeddings, overrides and isolates make a line display in a different "
    "order from the one it is stored and published in (the Trojan Source attack); news copy "
    "never needs them.",
    example="the vote \u202eeht\u202c passed -> the vote eht passed",
    flags=("The vote \u202edessap\u202c on Tuesday.", "Turnout was \u2067low\u2069 today."),
    passes=("The vote passed on Tuesday.", "The Arabic name is written right to left."),
    severity=Severity.ERROR,
    fix_safe=True,
)
INVISIBLE_CHARACTER = Rule(
    id="typography.invisible-character",
    category=Category.TYPOGRAPHY,
    summary="A zero-width space, joiner, mark or word joiner, or a byte-order mark "
    "mid-text, that nobody can see.",
    why="Pasted in from the web, it splits a word for search and for spell checking, and "
    "stops a line breaking where it should.",
    example="govern\u200bment -> government",
    flags=("The govern\u200bment spoke.", "The council\u2060met.", "Talks \ufeffended."),
    # Joiners between emoji or in scripts that use them are part of the text.
    passes=("The family emoji 👨\u200d👩\u200d👧 was used.", "The council met."),
    fix_safe=True,
)

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060]|(?<=.)\ufeff", re.S)
_JOINERS = "\u200c\u200d"
_NAMES = {"\ufeff": "byte-order mark"}


class InvisibleCharacterChecker(DocumentChecker):
    """Zero-width and bidirectional control characters, reported one by one."""

    rules = (BIDI_CONTROL, INVISIBLE_CHARACTER)
    reads_original = True  # normalising for the other checkers removes these very characters

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """A finding, fixed by removing it, for each invisible character that does not
        belong (joiners between two characters of a script or emoji that uses them do)."""
        text = doc.text
        found = [
            BIDI_CONTROL.finding(m.start(), m.end(), _message(m.group(), "reorders"), ("",))
            for m in _BIDI.finditer(text)
        ]
        for m in _ZERO_WIDTH.finditer(text):
            if m.group() in _JOINERS and _joins_non_latin(text, m.start()):
                continue
            message = _message(m.group(), "hides in")
            found.append(INVISIBLE_CHARACTER.finding(m.start(), m.end(), message, ("",)))
        return found


def _message(ch: str, verb: str) -> str:
    name = _NAMES.get(ch) or unicodedata.name(ch, f"U+{ord(ch):04X}").lower()
    return f"An invisible {name} (U+{ord(ch):04X}) {verb} the text here: remove it."


def _joins_non_latin(text: str, i: int) -> bool:
    """True when a joiner sits between two characters that are not ASCII (emoji sequences,
    Persian or Indic words), where it shapes what the reader sees."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isascii() and not after.isascii() and not before.isspace()
