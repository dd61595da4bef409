"""Dates: a weekday that does not fall on its date, and dates that do not exist.

The news forms are read (``Friday, March 4, 2025``; ``Fri., March 4``; ``Friday 4 March``;
``March 4th``; ``the 4th of March``). A weekday is checked against the calendar when the
year is written (an error), or, without one, against the year of the story's dateline or, when
every dated mention agrees on one, that year (a warning, a rule of its own: the story may
reach into another year). With no year to go on the checker says nothing. An impossible day
(``February 30``) is an error only where the words are surely a date (``in June 31 people
died`` is not one).
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, replace

from proofer.checkers.facts.common import Draft
from proofer.document import Document
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule

WEEKDAY = Rule(
    id="facts.weekday",
    category=Category.FACTS,
    summary="A weekday that does not fall on the date beside it, in the year written.",
    why="One of the two is wrong, and readers plan by both. With the year written the "
    "calendar is certain.",
    example="Friday, March 4, 2025 -> March 4, 2025 is a Tuesday",
    flags=("The hearing is on Friday, March 4, 2025.",),
    passes=(
        "The hearing is on Tuesday, March 4, 2025.",
        "Sent Tues., March 4, 2025, by post.",
        "March 1, 2025 — The hearing is on Friday, March 4.",
    ),
    severity=Severity.ERROR,
)
WEEKDAY_INFERRED = Rule(
    id="facts.weekday-inferred-year",
    category=Category.FACTS,
    summary="A weekday that does not fall on its date in the year the story gives it.",
    why="Without a year beside the date, the story's dateline (or, when they all agree, its "
    "other dates) gives the year. The story may reach into another year, so it is a "
    "warning; with no year to go on nothing is said.",
    example="March 1, 2025 — ... on Friday, March 4 -> in 2025, March 4 is a Tuesday",
    flags=("March 1, 2025 — The hearing is on Friday, March 4.",),
    passes=(
        "March 1, 2025 — The hearing is on Tuesday, March 4.",
        "The hearing is on Friday, March 4.",
        "The hearing is on Friday, March 4, 2025.",
    ),
)
IMPOSSIBLE = Rule(
    id="facts.impossible-date",
    category=Category.FACTS,
    summary="A date that does not exist, such as February 30 or April 31.",
    why="A day the month does not have is a typing slip in the day or the month. It is "
    "flagged only where the words are surely a date.",
    example="signed on February 30 -> February has 28 days (29 in a leap year)",
    flags=("The lease was signed on February 30.", "It ended on 31 June 2024."),
    passes=(
        "The lease was signed on February 28.",
        "In June 31 people were hurt.",
        "Leap day, February 29, 2024, was busy.",
    ),
    severity=Severity.ERROR,
)

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SHORT_DAYS = (("Mon",), ("Tue", "Tues"), ("Wed",), ("Thu", "Thur", "Thurs"), ("Fri",), ("Sat",),
               ("Sun",))  # fmt: skip
_WEEKDAY_FORMS = {name: i for i, name in enumerate(_DAYS)} | {
    short: i for i, forms in enumerate(_SHORT_DAYS) for short in forms
}
_MONTH_FORMS = {name: i for i, name in enumerate(calendar.month_name) if name} | {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_SP = r"\s+"
_WD = r"(?P<wd>" + "|".join(_DAYS) + r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
_MON = (
    r"(?P<mon>"
    + "|".join(calendar.month_name[1:])
    + "|(?:"
    + "|".join(k for k in _MONTH_FORMS if k not in calendar.month_name)
    + r")\b\.?)(?!\w)"
)
_DAY = r"(?P<day>\d{1,2})(?P<ord>st|nd|rd|th)?\b"
_YEAR = r"(?P<year>\d{4})\b"
_DATES = [
    # Friday, March 4, 2025 / March 4th / Mar. 4, 2025
    re.compile(rf"(?:{_WD},?{_SP})?\b{_MON}{_SP}{_DAY}(?:,{_SP}{_YEAR})?"),
    # Friday 4 March 2025 / the 4th of March
    re.compile(
        rf"(?:{_WD},?{_SP})?(?P<the>\bthe{_SP})?\b{_DAY}{_SP}(?:of{_SP})?{_MON}(?:,?{_SP}{_YEAR})?"
    ),
]
# A bare "March 4" is surely a date after these words, or closed by punctuation; "in June 31
# people were hurt" is not one.
_DATE_LEAD = re.compile(
    r"\b(?:on|by|until|till|since|from|before|after|of|through|dated|due)\s+$", re.IGNORECASE
)
_DATE_END = re.compile(r"[,.;:)!?—–](?!\d)|\s*$")
_DATELINE_REACH = 3  # paragraphs at the top that may carry the dateline (headline, byline)
_DATELINE_END = re.compile(r"\s*(?:[—–]|-\s|\(|$)")
_DATELINE_LEAD = 40  # ... within this many characters of the paragraph's start


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    weekday: int | None
    wd_start: int
    wd_end: int
    day: int
    month: int
    year: int | None


RULES = (WEEKDAY, WEEKDAY_INFERRED, IMPOSSIBLE)


def check(draft: Draft) -> list[Finding]:
    """Findings for dates that cannot be right."""
    dates = _dates(draft.text)
    reference = _reference(draft.doc, dates)
    findings = []
    for d in dates:
        if not 1 <= d.day <= 31:
            continue
        wrong_day = _impossible(d)
        if wrong_day:
            findings.append(IMPOSSIBLE.finding(d.start, d.end, wrong_day))
            continue
        if d.weekday is None:
            continue
        year, source = d.year, ""
        if year is None:
            if reference is None:
                continue
            year, source = _nearest_year(d.month, reference), reference[2]
            if _impossible(replace(d, year=year)):
                continue
        actual = datetime.date(year, d.month, d.day).weekday()
        if actual == d.weekday:
            continue
        said = f"{calendar.month_name[d.month]} {d.day}"
        fix = (_DAYS[actual],)
        if not source:
            message = f"{said}, {year} is a {_DAYS[actual]}, not a {_DAYS[d.weekday]}."
            findings.append(WEEKDAY.finding(d.wd_start, d.wd_end, message, fix))
        else:
            message = (
                f"In {year} ({source}), {said} is a {_DAYS[actual]}, not a {_DAYS[d.weekday]}."
            )
            findings.append(WEEKDAY_INFERRED.finding(d.wd_start, d.wd_end, message, fix))
    return findings


def _dates(text: str) -> list[_Date]:
    """Every date in the text, each once: where two readings overlap, the longer wins."""
    found = [d for pattern in _DATES for m in pattern.finditer(text) if (d := _read(text, m))]
    kept: list[_Date] = []
    for d in sorted(found, key=lambda d: d.start - d.end):
        if not any(d.start < k.end and k.start < d.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)


def _read(text: str, m: re.Match[str]) -> _Date | None:
    """The date a match reads, when the words are surely one."""
    wd = m.group("wd")
    year = int(m.group("year")) if m.group("year") else None
    if year is not None and not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    lead = _DATE_LEAD.search(text, max(0, m.start() - 12), m.start())
    closed = _DATE_END.match(text, m.end())
    if not (wd or year or m.group("ord") or m.groupdict().get("the") or lead or closed):
        return None
    start = m.start() if wd else min(m.start("day"), m.start("mon"))
    return _Date(
        start,
        m.end(),
        _WEEKDAY_FORMS[wd.rstrip(".")] if wd else None,
        m.start("wd") if wd else start,
        m.end("wd") if wd else start,
        int(m.group("day")),
        _MONTH_FORMS[m.group("mon").rstrip(".")],
        year,
    )


def _impossible(d: _Date) -> str:
    """Why the date cannot exist, or an empty string."""
    month = calendar.month_name[d.month]
    if d.month == 2 and d.day == 29 and d.year is not None and not calendar.isleap(d.year):
        return f"February 29, {d.year} does not exist: {d.year} is not a leap year."
    longest = 29 if d.month == 2 else calendar.monthrange(2001, d.month)[1]
    if d.day > longest:
        return f"{month} has {longest} days: there is no {month} {d.day}."
    return ""


def _reference(doc: Document, dates: list[_Date]) -> tuple[int, int, str] | None:
    """The year and month the story is dated, and how that is known: its dateline, else the
    one year all its dated mentions agree on."""
    dated = [d for d in dates if d.year is not None and not _impossible(d)]
    for d in dated:
        if _is_dateline(doc, d) and d.year:
            return d.year, d.month, "the dateline's year"
    years = {d.year for d in dated}
    if len(years) == 1 and dated[0].year:
        return dated[0].year, dated[0].month, "the year of the story's other dates"
    return None


def _is_dateline(doc: Document, d: _Date) -> bool:
    """A date near the start of one of the first paragraphs, followed by a dash, a bracket
    (``(Reuters)``) or nothing else: ``LONDON, March 4, 2025 —``."""
    paragraph = doc.paragraph_at(d.start)
    return (
        paragraph is not None
        and paragraph.index < _DATELINE_REACH
        and d.start - paragraph.start <= _DATELINE_LEAD
        and bool(_DATELINE_END.match(doc.text, d.end, paragraph.end))
    )


def _nearest_year(month: int, reference: tuple[int, int, str]) -> int:
    """The year that puts ``month`` nearest the story's date (a January date in a December
    story is next year's)."""
    year, ref_month, _ = reference
    years = [y for y in (year - 1, year, year + 1) if datetime.MINYEAR <= y <= datetime.MAXYEAR]
    return min(years, key=lambda y: abs((y - year) * 12 + month - ref_month))
