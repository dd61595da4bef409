"""LanguageTool's HTTP protocol (``/v2/check``, ``/v2/languages``), as its clients speak it.

Pure functions, no web framework: a request's fields in, a ``CheckRequest`` out; findings in,
the reply JSON out. Offsets in the reply are UTF-16 units into the text the client sent (for
``data``, the annotated text with its markup), as LanguageTool, written in Java, counts them.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from proofer import __version__
from proofer.engines.harper import Dialect
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule


class ProtocolError(ValueError):
    """A request that cannot be answered as sent; the message tells the client why (400)."""


# The English variants Harper spells, as LanguageTool names them.
LANGUAGES: dict[str, tuple[str, Dialect]] = {
    "en-US": ("English (US)", Dialect.AMERICAN),
    "en-GB": ("English (GB)", Dialect.BRITISH),
    "en-AU": ("English (Australian)", Dialect.AUSTRALIAN),
    "en-CA": ("English (Canadian)", Dialect.CANADIAN),
}
_BY_DIALECT = {dialect: (code, name) for code, (name, dialect) in LANGUAGES.items()}
# Codes that leave the variant to the desk's setting (which may itself be "auto").
_DESK_CHOICE = ("auto", "en")

# A category as LanguageTool's clients know it: its id (LanguageTool's own where it has
# one, so a client's "disable category" keeps working), its name, and the issue type
# clients colour underlines by.
CATEGORIES: dict[Category, tuple[str, str, str]] = {
    Category.SPELLING: ("TYPOS", "Spelling", "misspelling"),
    Category.NAMES: ("NAMES", "Names", "misspelling"),
    Category.GRAMMAR: ("GRAMMAR", "Grammar", "grammar"),
    Category.QUOTES: ("QUOTES", "Quotation marks", "typographical"),
    Category.PUNCTUATION: ("PUNCTUATION", "Punctuation", "typographical"),
    Category.TYPOGRAPHY: ("TYPOGRAPHY", "Typography", "typographical"),
    Category.STYLE: ("STYLE", "Style", "style"),
    Category.FACTS: ("CONSISTENCY", "Facts and consistency", "inconsistency"),
}

_MODES = ("all", "allButTextLevelOnly", "textLevelOnly")
_CONTEXT = 40  # characters of context either side of a match, as LanguageTool gives
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units each


@dataclass(frozen=True)
class Segment:
    """A piece of the annotated text: where it sits in the text checked and in the text
    the client sent. Text is checked as is; markup is checked as its ``interpretAs``."""

    checked_start: int
    checked_len: int
    sent_start: int
    sent_len: int
    is_text: bool


@dataclass(frozen=True)
class CheckRequest:
    """A ``/v2/check`` request, validated."""

    text: str  # what the checkers read
    sent: str  # what the client sent (offsets count into this)
    segments: tuple[Segment, ...]
    dialect: str | None  # a config dialect choice, or None for the desk's own setting
    disabled_rules: frozenset[str] = frozenset()
    enabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False
    # A client that splits a check into "textLevelOnly" and "allButTextLevelOnly" requests
    # gets every finding in the latter; Proofer has no separate text-level rules.
    text_level_only: bool = False

    def wants(self, finding: Finding) -> bool:
        """True unless the client turned this finding's rule or category off."""
        if self.text_level_only:
            return False
        category = CATEGORIES[finding.category][0]
        if self.enabled_only and not (
            _names(finding.rule, self.enabled_rules) or category in self.enabled_categories
        ):
            return False
        return not (
            _names(finding.rule, self.disabled_rules) or category in self.disabled_categories
        )

    def to_sent(self, start: int, end: int) -> tuple[int, int]:
        """A span of the checked text as a span (code points) of the text sent.

        A span that starts or ends inside markup's stand-in text covers the whole markup.
        """
        if not self.segments:
            return start, end

        def place(pos: int, is_end: bool) -> int:
            i = bisect.bisect_right(self._starts, pos - 1 if is_end and pos > 0 else pos) - 1
            seg = self.segments[max(i, 0)]
            if seg.is_text:
                return seg.sent_start + min(pos - seg.checked_start, seg.sent_len)
            return seg.sent_start + (seg.sent_len if is_end else 0)

        sent_start = place(start, False)
        return sent_start, max(sent_start, place(end, True))

    @cached_property
    def _starts(self) -> list[int]:
        # Once per request, not per finding: annotated text can have thousands of pieces.
        return [s.checked_start for s in self.segments]


def parse_check(fields: Mapping[str, str]) -> CheckRequest:
    """Validate a ``/v2/check`` request's fields (form or query); ``ProtocolError`` if bad."""
    text, data = fields.get("text"), fields.get("data")
    if text is not None and data is not None:
        raise ProtocolError("send either 'text' or 'data', not both")
    segments: tuple[Segment, ...] = ()
    if text is not None:
        checked, sent = text, text
    elif data is not None:
        checked, sent, segments = _annotated(data)
    else:
        raise ProtocolError("missing 'text' (plain text) or 'data' (annotated text as JSON)")
    level = fields.get("level", "default")
    if level not in ("default", "picky"):
        raise ProtocolError(f"'level' must be 'default' or 'picky', not '{level}'")
    mode = fields.get("mode", "all")
    if mode not in _MODES:
        raise ProtocolError(f"'mode' must be one of {', '.join(_MODES)}, not '{mode}'")
    return CheckRequest(
        text=checked,
        sent=sent,
        segments=segments,
        dialect=_dialect(fields.get("language")),
        disabled_rules=_list(fields.get("disabledRules")),
        enabled_rules=_list(fields.get("enabledRules")),
        disabled_categories=_list(fields.get("disabledCategories"), upper=True),
        enabled_categories=_list(fields.get("enabledCategories"), upper=True),
        enabled_only=_flag(fields.get("enabledOnly"), "enabledOnly"),
        text_level_only=mode == "textLevelOnly",
    )


def languages() -> list[dict[str, str]]:
    """``/v2/languages``: the English variants this server checks."""
    return [
        {"name": name, "code": code.split("-")[0], "longCode": code}
        for code, (name, _) in LANGUAGES.items()
    ]


def reply(
    request: CheckRequest,
    findings: Sequence[Finding],
    dialect: Dialect,
    rules: Mapping[str, Rule],
    incomplete: bool = False,
) -> dict[str, Any]:
    """The ``/v2/check`` answer for ``findings`` (spans into ``request.text``)."""
    code, name = _BY_DIALECT[dialect]
    checked_units = Utf16(request.text)
    sent_units = checked_units if request.sent is request.text else Utf16(request.sent)
    sentences = _Sentences(request.text)
    matches = []
    for f in findings:
        if not request.wants(f):
            continue
        offset, length = utf16_span(sent_units, *request.to_sent(f.start, f.end))
        category_id, category_name, issue_type = CATEGORIES[f.category]
        rule = rules.get(f.rule)
        matches.append(
            {
                "message": f.message,
                "shortMessage": category_name,
                "replacements": [{"value": s} for s in f.suggestions],
                "offset": offset,
                "length": length,
                "context": _context(request.text, checked_units, f.start, f.end),
                "sentence": sentences.around(f.start, f.end),
                "type": {"typeName": "Hint" if f.severity is Severity.INFO else "Other"},
                "rule": {
                    "id": f.rule,
                    "description": rule.summary if rule else f.message,
                    "issueType": issue_type,
                    "category": {"id": category_id, "name": category_name},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
    language = {"name": name, "code": code}
    return {
        "software": {
            "name": "Proofer",
            "version": __version__,
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": incomplete},
        "language": {**language, "detectedLanguage": {**language, "confidence": 1.0}},
        "matches": matches,
    }


class Utf16:
    """Where each code point of one text starts in UTF-16 units: later by one for every
    character outside the Basic Multilingual Plane before it."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __getitem__(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)


def utf16_span(units: Utf16, start: int, end: int) -> tuple[int, int]:
    """The one conversion on this boundary: a code-point span as (offset, length) in UTF-16
    units, given ``units = Utf16(text)``."""
    return units[start], units[end] - units[start]


def _context(text: str, units: Utf16, start: int, end: int) -> dict[str, Any]:
    """Up to 40 characters either side, ``...`` where cut, line breaks as spaces."""
    lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    prefix = "..." if lo > 0 else ""
    suffix = "..." if hi < len(text) else ""
    shown = prefix + text[lo:hi].replace("\r", " ").replace("\n", " ") + suffix
    offset, length = utf16_span(units, start, end)
    return {"text": shown, "offset": offset - units[lo] + len(prefix), "length": length}


class _Sentences:
    """The sentences of one text, found once for all its matches."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_SENTENCE_END.finditer(text))
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]
        self._marks = [m.start() + len(m.group().rstrip()) for m in found]

    def around(self, start: int, end: int) -> str:
        """The sentence ``[start, end)`` sits in: from the last sentence end before it to
        the next one after it."""
        i = bisect.bisect_right(self._ends, start)
        begin = self._ends[i - 1] if i else 0
        j = bisect.bisect_left(self._starts, max(end, begin))
        stop = self._marks[j] if j < len(self._starts) else len(self.text)
        return self.text[begin:stop].strip()


def _annotated(data: str) -> tuple[str, str, tuple[Segment, ...]]:
    """LanguageTool's annotated text: ``{"annotation": [{"text": ...}, {"markup": ...,
    "interpretAs": ...}]}``. Returns the text to check, the text sent, and the map."""
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"'data' is not JSON ({exc.msg}, at character {exc.pos})") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise ProtocolError("'data' must be an object with an 'annotation' list")
    checked: list[str] = []
    sent: list[str] = []
    segments: list[Segment] = []
    at_checked = at_sent = 0
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ProtocolError(f"annotation item {i} must be an object")
        text, markup = item.get("text"), item.get("markup")
        if isinstance(text, str) and markup is None:
            shown, original, is_text = text, text, True
        elif isinstance(markup, str) and text is None:
            shown = item.get("interpretAs", "")
            if not isinstance(shown, str):
                raise ProtocolError(f"annotation item {i}: 'interpretAs' must be a string")
            original, is_text = markup, False
        else:
            raise ProtocolError(f"annotation item {i} needs a string 'text' or 'markup'")
        segments.append(Segment(at_checked, len(shown), at_sent, len(original), is_text))
        checked.append(shown)
        sent.append(original)
        at_checked += len(shown)
        at_sent += len(original)
    return "".join(checked), "".join(sent), tuple(segments)


def _dialect(language: str | None) -> str | None:
    if not language:
        raise ProtocolError("missing 'language' (en-US, en-GB, en-AU, en-CA, en or auto)")
    if language.lower() in _DESK_CHOICE:
        return None
    for code, (_, dialect) in LANGUAGES.items():
        if language.replace("_", "-").lower() == code.lower():
            return dialect.value
    raise ProtocolError(
        f"'{language}' is not a language this server checks: it checks English "
        f"({', '.join(LANGUAGES)}, en or auto)"
    )


def _list(value: str | None, upper: bool = False) -> frozenset[str]:
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return frozenset(v.upper() if upper else v for v in items)


def _flag(value: str | None, name: str) -> bool:
    if value is None or value.lower() in ("false", ""):
        return False
    if value.lower() == "true":
        return True
    raise ProtocolError(f"'{name}' must be true or false, not '{value}'")


def _names(rule_id: str, entries: frozenset[str]) -> bool:
    """True when ``rule_id`` is in ``entries``, or under a family there ("spelling.")."""
    return rule_id in entries or any(e.endswith(".") and rule_id.startswith(e) for e in entries)
