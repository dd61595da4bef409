"""Style files: a desk's own rules written as data, and the presets Proofer ships.

A style file is TOML with ``[[rule]]`` tables of three kinds: a substitution (``swap``: word
or phrase -> fix), an existence (``tokens`` flagged where they stand, with an optional
``fix``), a consistency (``either``: sets of spellings, one per draft). Keys match whole words,
case-insensitively; ``regex = true`` makes them regular expressions. Each table becomes a
:class:`~proofer.rules.Rule` like any shipped one, and the pattern checker runs them all.

A file may also name rules that need code (``checks = ["numbers"]``): those live with the
presets in ``proofer/styles``. A mistake in a file is reported (file, rule id, what is
wrong) and the rest still loads.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from proofer.config import PRESET_NAME, ConfigError, style_entry
from proofer.findings import Category, Finding, Severity
from proofer.rules import Rule
from proofer.styles import CODE_RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PRESETS = Path(__file__).parent / "styles"
# Proofer's own rules that are plain patterns, run by the same checker as a desk's.
OWN_RULES = PRESETS / "own" / "patterns.toml"
# Not inside a word at either end: "cent" does not match in "percentage", and a key that
# begins or ends with a mark ("%", "a.m.") still matches next to a word.
_EDGE = r"(?:(?<!\w)|(?!\w))"


class Kind(str, Enum):
    """What a pattern rule does with what it finds."""

    SUBSTITUTION = "substitution"  # flag each key, offer its fix
    EXISTENCE = "existence"  # flag each token, offer the one fix if there is one
    CONSISTENCY = "consistency"  # flag the spelling a draft uses less often


_DEFAULT_MESSAGE = {
    Kind.SUBSTITUTION: "Style: ‘{fix}’, not ‘{match}’.",
    Kind.EXISTENCE: "Style: avoid ‘{match}’.",
    Kind.CONSISTENCY: "Spelled two ways in this draft: use ‘{fix}’.",
}
_RULE_KEYS = frozenset(
    {"id", "kind", "swap", "tokens", "fix", "either", "message", "level", "why", "summary",
     "example", "category", "flags", "passes", "regex", "safe", "keep-case", "covers"}
)  # fmt: skip
_FILE_KEYS = frozenset({"rule", "version", "name", "description", "checks", "include"})


@dataclass(frozen=True)
class Pattern:
    """One key of a pattern rule: what it finds and what replaces it."""

    key: str  # as the style file writes it
    regex: re.Pattern[str] | None  # a regular-expression key, with word edges; None if plain
    fix: str | None  # the replacement (a regex key's may refer to its groups: \\1)
    group: int = 0  # consistency: which set of spellings
    variant: int = 0  # consistency: which spelling in the set


@dataclass(frozen=True)
class PatternRule:
    """A rule defined by patterns: the :class:`Rule` it reports as, and what it matches."""

    rule: Rule
    kind: Kind
    patterns: tuple[Pattern, ...]
    message: str
    keep_case: bool = True

    def finding(
        self, start: int, end: int, matched: str, pattern: Pattern, fix: str | None
    ) -> Finding:
        """The finding for ``matched`` (by ``pattern``) at ``[start, end)``, offering ``fix``
        in the matched text's capitalisation (see :meth:`cased`)."""
        return self.flag(
            start, end, matched, None if fix is None else self.cased(matched, pattern, fix)
        )

    def cased(self, matched: str, pattern: Pattern, fix: str) -> str:
        """``fix`` in the capitals of ``matched``, unless the rule keeps fixes as written or
        the key has capitals of its own (``OK``: they are the word's, not the writer's)."""
        if not self.keep_case or any(c.isupper() for c in pattern.key):
            return fix
        return keep_case(matched, fix)

    def flag(self, start: int, end: int, matched: str, fix: str | None) -> Finding:
        """A finding of this rule over ``matched``, offering ``fix``."""
        message = self.message.replace("{match}", matched).replace("{fix}", fix or "")
        return self.rule.finding(start, end, message, (fix,) if fix is not None else ())


@dataclass
class StyleSet:
    """What a list of style entries loads to: pattern rules, code rules, and problems."""

    patterns: list[PatternRule] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # names of code rules, in order
    problems: list[str] = field(default_factory=list)  # one line each: file, rule, what


def keep_case(matched: str, fix: str) -> str:
    """``fix`` in the capitalisation of ``matched``: all capitals, capitalised, or as written."""
    letters = [c for c in matched if c.isalpha()]
    if not letters or not letters[0].isupper():
        return fix
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return fix.upper()
    words = matched.split()
    if len(words) > 1 and all(_first_upper(w) for w in words):
        return " ".join(_upper_first(w) for w in fix.split(" "))
    return _upper_first(fix)


def normalise(text: str) -> str:
    """Plain text as literal keys are indexed: lower case, one space, straight apostrophe."""
    return " ".join(text.split()).lower().replace("’", "'")


def edged(source: str) -> str:
    """``source`` matched as whole words only."""
    return f"{_EDGE}(?:{source}){_EDGE}"


def load_styles(entries: Sequence[str], reserved: Iterable[str] = ()) -> StyleSet:
    """Load style files and presets in order. A missing file or unknown preset is a
    ConfigError; a mistake inside a file is a problem, and the rest loads. Rule ids in
    ``reserved`` (Proofer's own) cannot be used again."""
    loader = _Loader(seen_ids=dict.fromkeys(reserved, "Proofer's own rules"))
    for entry in entries:
        loader.load(entry)
    return loader.out


def preset_path(entry: str) -> Path:
    """The file of a shipped preset, ``news-us`` or pinned ``news-us@1``."""
    m = PRESET_NAME.fullmatch(entry)
    assert m is not None
    name, version = m.group("name"), m.group("version")
    if version is not None:
        pinned = PRESETS / f"{name}@{version}.toml"
        if pinned.is_file():
            return pinned
    current = PRESETS / f"{name}.toml"
    if not current.is_file():
        raise ConfigError(
            f"style '{entry}': no such preset (presets: {', '.join(preset_names())}); "
            "a style file's name ends in .toml"
        )
    if version is not None:
        shipped = _read(current).get("version")
        if str(shipped) != version:
            raise ConfigError(
                f"style '{entry}': this Proofer ships {name} version {shipped}, not {version}"
            )
    return current


def preset_names() -> list[str]:
    """The presets shipped with Proofer, by name."""
    return sorted(p.stem for p in PRESETS.glob("*.toml") if "@" not in p.stem)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (a style file)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror or exc})") from None


@dataclass
class _Loader:
    """Loads style files once each, their ``include`` first, ids unique across all."""

    out: StyleSet = field(default_factory=StyleSet)
    seen_files: set[Path] = field(default_factory=set)
    seen_ids: dict[str, str] = field(default_factory=dict)

    def load(self, entry: str) -> None:
        path = preset_path(entry) if PRESET_NAME.fullmatch(entry) else Path(entry)
        if path not in self.seen_files:
            self.seen_files.add(path)
            self._file(path, entry)

    def _file(self, path: Path, entry: str) -> None:
        where = entry if PRESET_NAME.fullmatch(entry) else str(path)
        try:
            data = _read(path)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            self.out.problems.append(f"{where}: not valid TOML ({exc}); none of its rules loaded")
            return
        included = data.get("include", [])
        if not isinstance(included, list) or not _strings(included):
            self.out.problems.append(f"{where}: include must be a list of style files or presets")
            included = []
        for item in included:
            try:
                self.load(style_entry(path.parent, item))
            except ConfigError as exc:
                self.out.problems.append(f"{where}: include: {exc}")
        _load_rules(data, where, self.out, self.seen_ids)


def _load_rules(data: dict[str, Any], where: str, out: StyleSet, seen_ids: dict[str, str]) -> None:
    for key in sorted(set(data) - _FILE_KEYS):
        out.problems.append(f"{where}: unknown key '{key}' (expected [[rule]] tables)")
    checks = data.get("checks", [])
    if not isinstance(checks, list) or not _strings(checks):
        out.problems.append(f"{where}: checks must be a list of names")
        checks = []
    for name in checks:
        if name not in CODE_RULES:
            known = ", ".join(sorted(CODE_RULES))
            out.problems.append(f"{where}: checks: no rule in code named '{name}' ({known})")
        elif name not in out.checks:
            out.checks.append(name)
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        out.problems.append(f"{where}: rules are written as [[rule]] tables")
        return
    for number, table in enumerate(tables, 1):
        rule_id = table.get("id") if isinstance(table, dict) else None
        label = f"rule '{rule_id}'" if isinstance(rule_id, str) else f"rule {number}"
        try:
            if not isinstance(table, dict):
                raise RuleMistake("not a table")
            pattern_rule = parse_rule(table)
        except RuleMistake as exc:
            out.problems.append(f"{where}: {label}: {exc}; rule skipped")
            continue
        if pattern_rule.rule.id in seen_ids:
            out.problems.append(
                f"{where}: {label}: id already used in {seen_ids[pattern_rule.rule.id]}; "
                "rule skipped"
            )
            continue
        seen_ids[pattern_rule.rule.id] = where
        out.patterns.append(pattern_rule)


class RuleMistake(ValueError):
    """What is wrong with one rule table."""


def parse_rule(t: dict[str, Any]) -> PatternRule:
    """The pattern rule one ``[[rule]]`` table describes; RuleMistake says what is wrong."""
    unknown = sorted(set(t) - _RULE_KEYS)
    if unknown:
        raise RuleMistake(f"unknown key '{unknown[0]}'")
    rule_id = t.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip() or " " in rule_id:
        raise RuleMistake('needs an id: text without spaces, such as "desk.health-care"')
    kind = _choice(t, "kind", {k.value: k for k in Kind}, None)
    regex = _flag(t, "regex", False)
    patterns = _patterns(t, kind, regex)
    message = _text(t, "message", _DEFAULT_MESSAGE[kind])
    level = _choice(t, "level", {s.value: s for s in Severity}, Severity.WARNING)
    category = _choice(t, "category", {c.value: c for c in Category}, Category.STYLE)
    first = patterns[0]
    summary = message.replace("{match}", first.key).replace("{fix}", first.fix or "")
    rule = Rule(
        id=rule_id,
        category=category,
        summary=_text(t, "summary", summary),
        why=_text(t, "why", "The desk's own style."),
        example=_text(t, "example", _example(patterns)),
        flags=_texts(t, "flags"),
        passes=_texts(t, "passes"),
        covers=_texts(t, "covers"),
        fix_safe=_flag(t, "safe", False),
        severity=level,
    )
    return PatternRule(rule, kind, patterns, message, _flag(t, "keep-case", True))


def _patterns(t: dict[str, Any], kind: Kind, regex: bool) -> tuple[Pattern, ...]:
    keys: list[tuple[str, str | None, int, int]] = []
    if kind is Kind.SUBSTITUTION:
        swap = t.get("swap")
        if not isinstance(swap, dict) or not swap or not _strings(swap.values()):
            raise RuleMistake('swap must be a table of text to its fix: { "a" = "b" }')
        keys = [(k, v, 0, 0) for k, v in swap.items()]
    elif kind is Kind.EXISTENCE:
        tokens = t.get("tokens")
        if not isinstance(tokens, list) or not tokens or not _strings(tokens):
            raise RuleMistake("tokens must be a list of words or phrases")
        fix = t.get("fix")
        if fix is not None and not isinstance(fix, str):
            raise RuleMistake("fix must be text")
        keys = [(k, fix, 0, 0) for k in tokens]
    else:
        either = t.get("either")
        if not isinstance(either, list) or not either or not all(map(_spellings, either)):
            raise RuleMistake('either must be a list of sets of spellings: [["e-mail", "email"]]')
        keys = [(k, None, g, v) for g, group in enumerate(either) for v, k in enumerate(group)]
    out = []
    for key, fix, group, variant in keys:
        if not key.strip():
            raise RuleMistake("a key is empty")
        if not regex:
            out.append(Pattern(key, None, fix, group, variant))
            continue
        try:
            compiled = re.compile(edged(key), re.IGNORECASE)
        except re.error as exc:
            raise RuleMistake(f"'{key}' is not a regular expression ({exc})") from None
        if compiled.match(""):
            raise RuleMistake(f"'{key}' matches empty text")
        if fix is not None:
            _check_template(fix, compiled)
        out.append(Pattern(key, compiled, fix, group, variant))
    return tuple(out)


_TEMPLATE_ESCAPE = re.compile(r"\\(?:(\d+)|g<([^>]*)>|([A-Za-z]))")


def _check_template(fix: str, compiled: re.Pattern[str]) -> None:
    """Refuse a fix that refers to a group the key lacks (found now, not mid-check)."""
    for m in _TEMPLATE_ESCAPE.finditer(fix):
        number, name, letter = m.groups()
        if name is not None and name.isdigit():
            number = name
        if number is not None and int(number) > compiled.groups:
            raise RuleMistake(f"fix '{fix}' refers to group {number}, which the key lacks")
        if name is not None and not name.isdigit() and name not in compiled.groupindex:
            raise RuleMistake(f"fix '{fix}' refers to group '{name}', which the key lacks")
        if letter is not None and letter not in "ntrfvab":
            raise RuleMistake(f"fix '{fix}' has an unknown escape \\{letter}")


def _example(patterns: tuple[Pattern, ...]) -> str:
    first = patterns[0]
    return f"{first.key} -> {first.fix}" if first.fix is not None else first.key


def _spellings(group: Any) -> bool:
    return isinstance(group, list) and len(group) > 1 and _strings(group)


def _choice(t: dict[str, Any], key: str, choices: dict[str, Any], default: Any) -> Any:
    value = t.get(key)
    if value is None and default is not None:
        return default
    if value not in choices:
        raise RuleMistake(f"{key} must be one of {', '.join(choices)}, not {value!r}")
    return choices[value]


def _flag(t: dict[str, Any], key: str, default: bool) -> bool:
    value = t.get(key, default)
    if not isinstance(value, bool):
        raise RuleMistake(f"{key} must be true or false")
    return value


def _text(t: dict[str, Any], key: str, default: str) -> str:
    value = t.get(key, default)
    if not isinstance(value, str):
        raise RuleMistake(f"{key} must be text")
    return value


def _texts(t: dict[str, Any], key: str) -> tuple[str, ...]:
    value = t.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not _strings(value):
        raise RuleMistake(f"{key} must be a list of texts")
    return tuple(value)


def _strings(values: Iterable[Any]) -> bool:
    return all(isinstance(v, str) for v in values)


def _first_upper(word: str) -> bool:
    return next((c.isupper() for c in word if c.isalpha()), False)


def _upper_first(text: str) -> str:
    for i, c in enumerate(text):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1 :]
    return text
