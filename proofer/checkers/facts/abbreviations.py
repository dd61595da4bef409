"""Abbreviations: spelled out before they are used, once, and only when used again.

A definition is the long form with the abbreviation in brackets after it (``Harbour
Oversight Panel (HOP)``) or the reverse (``HOP (Harbour Oversight Panel)``); the long form is
found the way Schwartz and Hearst's method finds it, by the abbreviation's letters in order,
the first at the start of a word. Well-known abbreviations need no definition before use: a
short built-in list, those on the desk's dictionary or entity list, and any as common in
English as an everyday word (``HTTP``, ``IMF``, ``GDP``) that is no lower-case word (``HOP``
is ``hop`` as often as anything).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from proofer.checkers.facts.common import Draft, where
from proofer.document import Document
from proofer.findings import Category, Finding, Severity
from proofer.lexicon import zipf
from proofer.rules import Rule
from proofer.words import is_acronym

BEFORE_DEFINITION = Rule(
    id="facts.abbreviation-before-definition",
    category=Category.FACTS,
    summary="An abbreviation used before the draft spells it out.",
    why="Readers meet the abbreviation before they can know what it stands for. Spell it "
    "out at first use; well-known ones (FBI, NATO, UN) and those on the desk's lists need "
    "no spelling out.",
    example="the HOP board … the Harbour Oversight Panel (HOP) -> spell it out at first use",
    flags=("The HOP board met.\n\nThe Harbour Oversight Panel (HOP) then voted.",),
    passes=(
        "The Harbour Oversight Panel (HOP) met.\n\nThe HOP board then voted.",
        "The FBI called. The Federal Bureau of Investigation (FBI) later wrote.",
        # As common in English as an everyday word: no definition needed first.
        "The CDC warned.\n\nThe Centers for Disease Control (CDC) later wrote.",
    ),
)
DEFINED_TWICE = Rule(
    id="facts.abbreviation-defined-twice",
    category=Category.FACTS,
    summary="An abbreviation spelled out a second time.",
    why="Once is enough: after the first definition the abbreviation alone will do.",
    example="Harbour Oversight Panel (HOP) … Harbour Oversight Panel (HOP) -> HOP",
    flags=("The Harbour Oversight Panel (HOP) met. The Harbour Oversight Panel (HOP) voted.",),
    passes=("The Harbour Oversight Panel (HOP) met. The HOP voted.",),
    severity=Severity.INFO,
)
UNUSED = Rule(
    id="facts.abbreviation-unused",
    category=Category.FACTS,
    summary="An abbreviation spelled out but never used.",
    why="The bracketed abbreviation only earns its place if the story uses it later.",
    example="the Harbour Oversight Panel (HOP) met … (no HOP after) -> drop (HOP)",
    flags=("The Harbour Oversight Panel (HOP) met on Monday.",),
    passes=("The Harbour Oversight Panel (HOP) met on Monday. The HOP voted.",),
    severity=Severity.INFO,
)

# Abbreviations a general reader knows without being told.
WELL_KNOWN = frozenset(
    {
        "AIDS", "AP", "BBC", "CCTV", "CEO", "CFO", "CIA", "CNN", "DNA", "EU", "FBI", "FIFA",
        "GDP", "GOP", "HIV", "ID", "IMF", "IT", "MP", "NASA", "NATO", "NFL", "NBA", "NGO",
        "NHS", "OK", "PC", "PR", "TV", "UK", "UN", "UNESCO", "UNICEF", "US", "USA", "WHO",
    }
)  # fmt: skip
_DEFINED_AFTER = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]{1,6})\)")
_DEFINED_BEFORE = re.compile(r"\b(?P<abbr>[A-Z][A-Z&]{1,5})\s\((?P<long>[^()]{3,80})\)")
_USE = re.compile(r"(?<![\w&.-])(?P<abbr>[A-Z][A-Z&]{1,5})(?:s|['’]s?)?(?![\w&])")
_CLAUSE_BREAK = re.compile(r"[.!?;:“”\"()\[\]]\s")
_HOUSEHOLD = 3.5  # Zipf: about once in three million words (IMF 3.5, GDP 4.0, FBI 4.4)
_SMALL = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "a", "an", "&"})


@dataclass(frozen=True)
class _Definition:
    abbr: str
    long: str
    start: int  # the long form and the bracketed abbreviation together
    end: int
    written: int  # where the abbreviation's own letters are, in the definition
    aside: tuple[int, int]  # the part in brackets: ``(HOP)``, or ``(Harbour Oversight Panel)``


RULES = (BEFORE_DEFINITION, DEFINED_TWICE, UNUSED)


def check(draft: Draft) -> list[Finding]:
    """Findings for abbreviations the draft defines."""
    doc, text, ctx = draft.doc, draft.text, draft.ctx
    definitions: dict[str, list[_Definition]] = defaultdict(list)
    for d in _definitions(text):
        definitions[d.abbr].append(d)
    if not definitions:
        return []
    defining = {d.written for ds in definitions.values() for d in ds}
    uses: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in _USE.finditer(text):
        if m.group("abbr") in definitions and m.start() not in defining:
            uses[m.group("abbr")].append(m.span("abbr"))
    top = _headline_end(doc)
    findings = []
    for abbr, defined in definitions.items():
        first = defined[0]
        early = [u for u in uses[abbr] if top <= u[0] < first.start]
        known = abbr in WELL_KNOWN or ctx.known.accepts(abbr) or _household(abbr, draft)
        if early and not known:
            s, e = early[0]
            findings.append(
                BEFORE_DEFINITION.finding(
                    s,
                    e,
                    f"‘{abbr}’ is used here, but spelled out only "
                    f"{where(doc, first.start, s)} ({first.long}).",
                    (f"{first.long} ({abbr})",),
                )
            )
        for again in defined[1:]:
            findings.append(
                DEFINED_TWICE.finding(
                    again.start,
                    again.end,
                    f"‘{abbr}’ is already spelled out {where(doc, first.start, again.start)}: "
                    f"‘{abbr}’ alone will do here.",
                    (abbr,),
                )
            )
        if not uses[abbr] and len(defined) == 1:
            findings.append(
                UNUSED.finding(
                    first.aside[0],
                    first.aside[1],
                    f"‘{abbr}’ is spelled out here but never used again.",
                )
            )
    return findings


def _household(abbr: str, draft: Draft) -> bool:
    """An abbreviation a general reader meets every week: common in English (wordfreq counts
    it in news, books and the web) and not as some lower-case word."""
    return zipf(abbr) >= _HOUSEHOLD and bool(
        draft.engine.unknown_words([abbr.lower()], draft.ctx.dialect)
    )


def _headline_end(doc: Document) -> int:
    """Where the headline block ends: the paragraphs at the top that are not sentences
    (headline, deck, byline). A headline uses the short form before the story spells it out."""
    end = 0
    for paragraph in doc.paragraphs:
        if paragraph.text.rstrip("”’\"' ").endswith((".", "!", "?")):
            break
        end = paragraph.end
    return end


def _definitions(text: str) -> list[_Definition]:
    """The draft's definitions, in text order."""
    found = []
    for m in _DEFINED_AFTER.finditer(text):
        abbr = m.group("abbr")
        if abbr.endswith("s") and is_acronym(abbr):
            abbr = abbr[:-1]  # non-governmental organisations (NGOs)
        if not is_acronym(abbr) or abbr.endswith("s"):
            continue
        window = max(0, m.start() - 160)
        clause = _CLAUSE_BREAK.split(text[window : m.start()])[-1]
        offset = _long_form(abbr, clause)
        if offset >= 0:
            start = m.start() - len(clause) + offset
            long = " ".join(text[start : m.start()].split())
            found.append(_Definition(abbr, long, start, m.end(), m.start("abbr"), m.span()))
    for m in _DEFINED_BEFORE.finditer(text):
        abbr, long = m.group("abbr"), " ".join(m.group("long").split())
        if is_acronym(abbr) and len(long.split()) > 1 and _long_form(abbr, long) == 0:
            aside = (m.start("long") - 1, m.end())
            found.append(_Definition(abbr, long, m.start(), m.end(), m.start(), aside))
    return sorted(found, key=lambda d: d.start)


def _long_form(abbr: str, before: str) -> int:
    """Where, in ``before``, the long form of ``abbr`` starts, or -1: the words whose
    initials spell it (small words such as "of" may be skipped), else the shortest ending
    that holds its letters in order, the first starting a word."""
    words = list(re.finditer(r"\S+", before))[-min(len(abbr) + 5, len(abbr) * 2) :]
    if not words:
        return -1
    initials = ""
    for w in reversed(words):
        if w.group().lower() in _SMALL and initials:
            continue
        initials = w.group()[0].lower() + initials
        if initials == abbr.lower():
            return w.start()
        if not abbr.lower().endswith(initials):
            break
    low = before.lower()
    i = words[-1].end() - 1
    for k, letter in enumerate(reversed(abbr.lower())):
        first = k == len(abbr) - 1
        while i >= words[0].start() and (
            low[i] != letter or (first and i > 0 and low[i - 1].isalnum())
        ):
            i -= 1
        if i < words[0].start():
            return -1
        i -= 1
    start = next(w.start() for w in reversed(words) if w.start() <= i + 1)
    content = [w for w in before[start:].split() if w.lower() not in _SMALL]
    if not content or len(content) > len(abbr) + 1 or not content[0][:1].isalpha():
        return -1
    return start
