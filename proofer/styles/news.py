"""News-style rules that need more than a pattern: numbers, ages, titles and the dateline.

Presets name them in their ``checks`` list; each documents itself as a :class:`Rule`.
The rules and their messages are the project's own summary of common American news
practice, not any stylebook's text.
"""

from __future__ import annotations

import re

from proofer.checkers import CheckContext, DocumentChecker, ParagraphChecker
from proofer.document import Document
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = {w: i + 1 for i, w in enumerate(_UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)
}
_DIGIT_WORDS = {i: w for w, i in _NUMBER_WORDS.items() if i < 10}
_SPELLED = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(_UNITS[:9]) + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
)  # fmt: skip


def spelled_value(text: str) -> int | None:
    """The value of a number written in words, one to ninety-nine; None otherwise."""
    parts = text.lower().split("-")
    if len(parts) == 1:
        return _NUMBER_WORDS.get(parts[0])
    tens, unit = _NUMBER_WORDS.get(parts[0]), _NUMBER_WORDS.get(parts[1])
    if len(parts) == 2 and tens and tens >= 20 and unit and unit < 10:
        return tens + unit
    return None


def _sentence_start(text: str, at: int) -> bool:
    """True when ``text[at]`` begins a sentence (or the paragraph, or a quotation)."""
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:“\"‘'(—"


def _after_capital(text: str, at: int) -> bool:
    """True when the word before ``text[at]`` is capitalised and does not begin a sentence."""
    previous = re.search(r"(\S+)\s+$", text[:at])
    return bool(
        previous
        and previous.group(1)[:1].isupper()
        and not _sentence_start(text, previous.start(1))
    )


NUMBER_WORDS = Rule(
    id="news.number-words",
    category=Category.STYLE,
    summary="A number from one to nine (or first to ninth) written as a figure in running text.",
    why="News copy spells out one to nine and uses figures from 10 up, so small counts read "
    "as words; ages, percentages, money, times, measures and scores stay figures.",
    example="3 people were hurt -> three people were hurt",
    flags=("Police said 3 people were hurt.", "It was her 2nd win."),
    passes=(
        "Police said three people were hurt.",
        "It was her second win for the 1st Cavalry Division, a 7–2 vote.",
        "One in 5 adults, 1 in 4 children.",
        "The boy, 5, was not hurt; she is 7 years old.",
        "Prices rose 4 percent to $6 at 9 a.m. on Route 7, a 3-2 win on Jan. 5.",
        "Most were children under 5 in rural areas.",
    ),
)
NUMBER_FIGURES = Rule(
    id="news.number-figures",
    category=Category.STYLE,
    summary="A number of 10 or more, or any percentage, sum of money or clock time, "
    "written in words.",
    why="Figures are quicker to read from 10 up, and always for percentages, money and "
    "times; a sentence may still begin with a number in words.",
    example="twelve council members -> 12 council members; five percent -> 5 percent",
    flags=(
        "The council has twelve members.",
        "Rents rose five percent.",
        "About eight hundred people came.",
    ),
    passes=(
        "The council has 12 members.",
        "Twelve members voted. Rents rose 5 percent.",
        "About 800 people came; two hundred fifty left.",
    ),
)
AGES = Rule(
    id="news.ages",
    category=Category.STYLE,
    summary="An age written in words.",
    why="Ages are always figures, even below 10, so a reader can find them at a glance.",
    example="a six-year-old girl -> a 6-year-old girl",
    flags=("A six-year-old girl was found safe.", "The girl, aged seven, was found."),
    passes=("A 6-year-old girl was found safe.", "The girl, 7, was found."),
)

DATE_ORDINAL = Rule(
    id="news.date-ordinal",
    category=Category.STYLE,
    summary="A day of the month written as an ordinal (3rd, 21st) after the month.",
    why="The day after a month is a plain figure; the -st, -nd, -rd or -th adds nothing.",
    example="Oct. 3rd -> Oct. 3",
    flags=("The vote is on Oct. 3rd.", "It ended February 21st."),
    passes=("The vote is on Oct. 3.", "She finished 3rd in October."),
    severity=Severity.WARNING,
    fix_safe=True,
)

# A lone figure 1-9: not part of a longer number, a decimal, a time, a score or a code.
_NOT_AFTER = r"(?<![\w$£€#.,:/+\-–—])"  # not inside a longer number, a score, a sum or a code
_FIGURE = re.compile(_NOT_AFTER + r"([1-9])(?=\s+([^\W\d]+))")
_ORDINAL = re.compile(_NOT_AFTER + r"([1-9])(?:st|nd|rd|th)(?![\w-])")
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth")  # fmt: skip
_RATIO = re.compile(r"\s+(?:in|of|out of)\s+\d")  # 1 in 4, 3 of 10: figures
_RATIO_BEFORE = re.compile(rf"(?:\d|\b{_SPELLED})\s+(?:in|of|out of)\s+$", re.IGNORECASE)
# Words after a figure that keep it a figure: measures, money, percentages, times, ages.
_KEEPS_FIGURE = frozenset({
    "percent", "per", "cents", "dollars", "dollar", "a", "p", "am", "pm", "million", "billion",
    "trillion", "years", "feet", "foot", "inches", "inch", "miles", "mile", "mph", "km",
    "kilometers", "kilometres", "meters", "metres", "yards", "acres", "pounds", "ounces", "tons",
    "degrees", "points", "goals", "runs", "seed", "votes", "to", "and", "or", "x", "times",
    "mm", "cm", "m", "kg", "g", "mg", "lb", "lbs", "oz", "ft", "sq", "ml", "gb", "mb", "tb",
    "hz", "ghz", "mpg", "kph", "kw", "mw", "volts", "watts",
})  # fmt: skip
_MAGNITUDE = re.compile(r"\s+(hundred|thousand)\b", re.IGNORECASE)
_PART_OF_NUMBER = re.compile(r"\b(?:hundred|thousand)(?:\s+and)?\s+$", re.IGNORECASE)
_MORE_NUMBER = re.compile(rf"\s+(?:and\b|{_SPELLED}\b|hundred\b|thousand\b)", re.IGNORECASE)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")  # fmt: skip
_DATE_ORDINAL = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)\b")
_AGE_BEFORE = frozenset({"under", "aged", "age", "ages"})
_SPELLED_WORD = re.compile(rf"(?<![\w-]){_SPELLED}(?![\w-])", re.IGNORECASE)
_ALWAYS_FIGURES = re.compile(
    r"\s+(dollars?|cents?|percent|per\s+cent|a\.m\.|p\.m\.|o['’]clock)\b", re.I
)
_AGE = re.compile(
    rf"(?<![\w-])(?:(?P<aged>aged?\s+)(?P<n1>{_SPELLED})(?![\w-])"
    rf"|(?P<n2>{_SPELLED})(?P<tail>-(?:year|month|week)-old|\s+(?:years?|months?)\s+old))",
    re.IGNORECASE,
)


class NumberChecker(ParagraphChecker):
    """Numbers in words or figures, as news copy writes them."""

    rules = (NUMBER_WORDS, NUMBER_FIGURES, AGES, DATE_ORDINAL)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Figures that should be words, words that should be figures, ages in words."""
        ages = [(m.start(), m.end()) for m in _AGE.finditer(text)]
        return [
            *self._figures(text),
            *self._words(text, ages),
            *self._ages(text),
            *self._date_ordinals(text),
        ]

    def _date_ordinals(self, text: str) -> list[Finding]:
        findings = []
        for m in _DATE_ORDINAL.finditer(text):
            day = m.group(1)
            start = m.start(1)
            message = f"A date takes the plain figure: ‘{day}’."
            end = start + len(day) + 2
            findings.append(DATE_ORDINAL.finding(start, end, message, (day,)))
        return findings

    def _figures(self, text: str) -> list[Finding]:
        findings = []
        for m in _FIGURE.finditer(text):
            after = m.group(2)
            if after.lower() in _KEEPS_FIGURE or not after.islower() or _RATIO.match(text, m.end()):
                continue
            if _RATIO_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            if self._labelled(text, m.start()):
                continue
            word = _DIGIT_WORDS[int(m.group(1))]
            findings.append(self._spell_out(text, m.start(), m.end(1), word))
        for m in _ORDINAL.finditer(text):
            following = re.match(r"\s+(\S)", text[m.end() :])
            if (following and following.group(1).isupper()) or self._labelled(text, m.start()):
                continue  # 1st Cavalry Division, Oct. 3rd (a date rule's business)
            word = _ORDINAL_WORDS[int(m.group(1)) - 1]
            findings.append(self._spell_out(text, m.start(), m.end(), word))
        return findings

    @staticmethod
    def _labelled(text: str, at: int) -> bool:
        """True when the figure at ``at`` labels something (Route 7, Jan. 5, No. 3, Game 2:
        after a capitalised word) or is an age (children under 5)."""
        previous = re.search(r"(\S+)\s*$", text[:at])
        return _after_capital(text, at) or (
            previous is not None and previous.group(1).lower() in _AGE_BEFORE
        )

    @staticmethod
    def _spell_out(text: str, start: int, end: int, word: str) -> Finding:
        if _sentence_start(text, start):
            word = word.capitalize()
        message = f"Spell out numbers below 10: ‘{word}’."
        return NUMBER_WORDS.finding(start, end, message, (word,))

    def _words(self, text: str, ages: list[tuple[int, int]]) -> list[Finding]:
        findings = []
        for m in _SPELLED_WORD.finditer(text):
            value = spelled_value(m.group())
            if value is None or any(s <= m.start() < e for s, e in ages):
                continue
            before = text[max(0, m.start() - 20) : m.start()]
            if _sentence_start(text, m.start()) or _PART_OF_NUMBER.search(before):
                continue
            if m.group()[0].isupper():
                continue  # part of a name: the Ten Commandments, Fifty Shades
            end = m.end()
            magnitude = _MAGNITUDE.match(text, end)
            if magnitude:
                if _MORE_NUMBER.match(text, magnitude.end()):
                    continue  # eight hundred fifty, two hundred thousand: left to the writer
                value *= 100 if magnitude.group(1).lower() == "hundred" else 1000
                end = magnitude.end()
            unit = _ALWAYS_FIGURES.match(text, end)
            if unit is None and value < 10:
                continue
            figure = f"{value:,}"
            if unit is not None and unit.group(1).lower().startswith("dollar"):
                start, end, fix = m.start(), unit.end(), f"${figure}"
                message = f"Money takes figures: ‘{fix}’."
            else:
                start, fix = m.start(), figure
                what = "Percentages, money and times" if unit else "Numbers from 10 up"
                message = f"{what} take figures: ‘{fix}’."
            findings.append(NUMBER_FIGURES.finding(start, end, message, (fix,)))
        return findings

    def _ages(self, text: str) -> list[Finding]:
        findings = []
        for m in _AGE.finditer(text):
            group = "n1" if m.group("n1") else "n2"
            value = spelled_value(m.group(group))
            if value is None:
                continue
            start, end = m.span(group)
            message = f"Ages take figures: ‘{value}’."
            findings.append(AGES.finding(start, end, message, (str(value),)))
        return findings


TITLE_BEFORE = Rule(
    id="news.title-before-name",
    category=Category.STYLE,
    summary="A formal title in lower case directly before a name.",
    why="A formal title joined to a name is part of it and takes a capital.",
    example="president Ana Ruiz -> President Ana Ruiz",
    flags=("The visit by president Ana Ruiz ended.",),
    passes=("The visit by President Ana Ruiz ended.", "The company's president Ana Ruiz"),
)
TITLE_ALONE = Rule(
    id="news.title-alone",
    category=Category.STYLE,
    summary="A formal title capitalised after a name or standing alone.",
    why="Away from a name a title is an ordinary noun: the mayor, Ana Ruiz, the president "
    "of the club.",
    example="Ana Ruiz, the Mayor, said -> Ana Ruiz, the mayor, said",
    flags=("Ana Ruiz, the Mayor of Springfield, said no.", "The President said no."),
    passes=(
        "Ana Ruiz, the mayor of Springfield, said no.",
        "Mayor Ana Ruiz said no; Julie Bishop agreed.",
    ),
)

_TITLES = sorted(
    ["president", "vice president", "prime minister", "governor", "senator", "mayor",
     "chancellor", "representative", "ambassador", "secretary-general", "attorney general",
     "secretary", "minister", "judge", "justice", "pope", "king", "queen", "prince", "princess",
     "bishop", "archbishop", "rabbi", "superintendent", "commissioner", "councilman",
     "councilwoman", "sheriff", "premier"],
    key=len,
    reverse=True,
)  # fmt: skip
_TITLE = re.compile(r"(?<![\w-])(" + "|".join(_TITLES) + r")(?![\w-])", re.IGNORECASE)
# A name: capitalised words, the first not a day, a month or a sentence's first word.
_NAME = re.compile(r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                   r"January|February|March|April|May|June|July|August|September|October|"
                   r"November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec|The|A|An|And|But|Or)\b)"
                   r"[A-Z][\w'’.-]*")  # fmt: skip
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_AFTER_NAME = re.compile(r"(?:,|\b(?:the|a|an))\s+$", re.IGNORECASE)
# Words before a title that make it a description, not part of a name: "the company's president".
_DESCRIBED = re.compile(r"(?:\b(?:the|a|an|as|its|their|his|her|our|whose)|['’]s?)\s+$", re.I)


class TitleChecker(ParagraphChecker):
    """Titles capitalised before a name and lower case elsewhere."""

    rules = (TITLE_BEFORE, TITLE_ALONE)

    def check_paragraph(self, text: str, ctx: CheckContext) -> list[Finding]:
        """Findings for titles in ``text``."""
        findings = []
        for m in _TITLE.finditer(text):
            title, after = m.group(), m.end()
            before_name = _NAME.match(text, after) is not None
            if title.islower() and before_name:
                if _DESCRIBED.search(text[: m.start()]):
                    continue
                fix = " ".join(w[:1].upper() + w[1:] for w in title.split(" "))
                fix = "-".join(p[:1].upper() + p[1:] for p in fix.split("-"))
                message = f"A title before a name takes a capital: ‘{fix}’."
                findings.append(TITLE_BEFORE.finding(m.start(), m.end(), message, (fix,)))
            elif title[:1].isupper() and not title.isupper() and not before_name:
                if _sentence_start(text, m.start()) or re.match(r"['’]s\s+[A-Z]", text[after:]):
                    continue  # a sentence's first word; the Mayor's Office is a name
                if _after_capital(text, m.start()):
                    continue  # a surname: Julie Bishop, Martin Luther King
                # "Secretary of State Ana Ruiz" is a title before a name; "Ana Ruiz, President
                # of the Republic," and "the President of the club" are not.
                if _OF_PLACE.match(text, after) and not _AFTER_NAME.search(text[: m.start()]):
                    continue
                fix = title.lower()
                message = f"A title away from a name is lower case: ‘{fix}’."
                findings.append(TITLE_ALONE.finding(m.start(), m.end(), message, (fix,)))
        return findings


DATELINE = Rule(
    id="news.dateline",
    category=Category.STYLE,
    summary="A dateline not written as the place in capitals and a spaced dash.",
    why="The dateline opens the story in one form on every story: CITY — (with the state or "
    "country, if given, in ordinary capitals, and the agency in parentheses).",
    example="Springfield - The council -> SPRINGFIELD — The council",
    flags=("Springfield - The council met on Tuesday.",),
    passes=(
        "SPRINGFIELD, Ill. — The council met on Tuesday.",
        "Ana Okafor-Whitman spoke first.",
    ),
)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’-]*(?:\s[A-Z][A-Za-z.'’-]*){0,2})"
    r"(?P<region>,\s[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?"
    r"(?P<agency>\s?\([A-Za-z ]{1,20}\))?"
    # a dash, a double hyphen, or a hyphen between spaces (not the one in Okafor-Whitman)
    r"(?P<dash>\s*[—–]\s*|\s*--\s*|\s+-\s+)(?=[A-Z“\"])"
)


class DatelineChecker(DocumentChecker):
    """The dateline at the top of the story."""

    rules = (DATELINE,)

    def check_document(self, doc: Document, ctx: CheckContext) -> list[Finding]:
        """A finding when one of the first two paragraphs opens with a dateline of the wrong
        form; a headline above it is left alone."""
        for paragraph in doc.paragraphs[:2]:
            m = _DATELINE.match(paragraph.text)
            if m is None:
                continue
            region = m.group("region") or ""
            agency = (m.group("agency") or "").strip()
            fix = f"{m.group('place').upper()}{region}{' ' + agency if agency else ''} — "
            if m.group() == fix:
                return []
            message = (
                f"Write the dateline as ‘{fix.strip()}’: the place in capitals, a spaced dash."
            )
            start = paragraph.start
            return [DATELINE.finding(start, start + m.end(), message, (fix,))]
        return []
