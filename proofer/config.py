"""Settings and where they come from.

Like ruff: ``--config FILE``, else the nearest ``.proofer.toml`` or ``pyproject.toml`` with a
``[tool.proofer]`` table, walking up from the draft; those over the user's own settings
(``~/.config/proofer/config.toml``); flags override them all.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from proofer.engines.harper import ALL_RULES, harper_rule_names

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DIALECTS = ("auto", "american", "british", "australian", "canadian")
QUOTE_STYLES = ("auto", "american", "british")
FAIL_ON = ("error", "warning", "info", "never")
LANGUAGETOOL_MODES = ("off", "auto", "local")
# A style entry that names a preset shipped with Proofer (``news-us``, pinned ``news-us@1``)
# rather than a file; anything else is a path.
PRESET_NAME = re.compile(r"(?P<name>[a-z][a-z0-9-]*)(?:@(?P<version>\d+))?")


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message says which."""


class Kind(Enum):
    """What a setting holds; the value is how a message names it."""

    CHOICE = "one of"
    ENGINE = "off, auto, local, or a server URL (http:// or https://)"
    FLAG = "true or false"
    SECONDS = "a number of seconds above 0"
    FILES = "a file name or a list of file names"
    STYLES = "a style file or preset name, or a list of them"
    FOLDER = "a folder name"
    RULES = "a rule id or a list of rule ids"
    HARPER_RULES = "Harper rule names (such as OxfordComma) or all"


@dataclass(frozen=True)
class Setting:
    """One setting as a file spells it, the ``Config`` field it fills, and what it holds."""

    key: str
    name: str  # the Config field
    kind: Kind
    choices: tuple[str, ...] = ()

    def expects(self) -> str:
        """What a right value looks like, in words."""
        if self.kind is Kind.CHOICE:
            return f"one of {', '.join(self.choices)}"
        return str(self.kind.value)


# Every setting a file may hold: the one place that says each setting's type.
SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("entities", "entities", Kind.FILES),
        Setting("dictionary", "dictionary", Kind.FILES),
        Setting("style", "style", Kind.STYLES),
        Setting("desk", "desk", Kind.FOLDER),
        Setting("languagetool", "languagetool", Kind.ENGINE, LANGUAGETOOL_MODES),
        Setting("languagetool-timeout", "languagetool_timeout", Kind.SECONDS),
        Setting("dialect", "dialect", Kind.CHOICE, DIALECTS),
        Setting("quote-style", "quote_style", Kind.CHOICE, QUOTE_STYLES),
        Setting("fail-on", "fail_on", Kind.CHOICE, FAIL_ON),
        Setting("ignore", "ignore", Kind.RULES),
        Setting("harper-rules", "harper_rules", Kind.HARPER_RULES),
        Setting("smart-quotes", "smart_quotes", Kind.FLAG),
        Setting("first-reference", "first_reference", Kind.FLAG),
    )
}


@dataclass(frozen=True)
class Config:
    """Everything a check needs to know besides the draft."""

    entities: tuple[Path, ...] = ()
    dictionary: tuple[Path, ...] = ()
    style: tuple[str, ...] = ()  # style files (absolute paths) and preset names, in order
    desk: Path | None = None  # a desk profile folder (`proofer learn` writes one)
    languagetool: str = "off"  # off, auto, local, or a server URL
    languagetool_timeout: float = 20.0
    dialect: str = "auto"
    quote_style: str = "auto"  # the draft's own majority, then its dialect
    fail_on: str = "error"
    ignore: tuple[str, ...] = ()  # rule ids or prefixes ("harper.", "spelling.unverified-name")
    harper_rules: tuple[str, ...] = ()  # Harper rules to run besides the defaults, or ("all",)
    smart_quotes: bool = False  # `proofer fix` turns straight marks curly
    first_reference: bool = False  # full name first, surname after
    source: Path | None = None  # the file these settings came from
    # The file whose ``ignore`` list this is, so a warning about an entry can name it.
    ignore_source: Path | None = field(default=None, compare=False)
    # The fields a settings file or a flag set, even to their default value: a desk's
    # settings fill in only the others.
    given: frozenset[str] = field(default=frozenset(), compare=False)

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given non-None values replaced (command-line flags)."""
        given = {k: v for k, v in values.items() if v is not None}
        merged = replace(self, **given, given=self.given | given.keys())
        merged.validate()
        return merged

    def validate(self) -> None:
        """Raise ``ConfigError`` for a value outside its choices (flags and code pass values
        that are already of the right type; files are checked as they are read)."""
        for setting in SETTINGS.values():
            if setting.kind in (Kind.CHOICE, Kind.ENGINE):
                value = getattr(self, setting.name)
                if not _in_choices(setting, value):
                    raise ConfigError(f"{setting.key} must be {setting.expects()}, not '{value}'")
        for rule in self.harper_rules:
            # Harper's rule names only when there is one to check: listing them builds
            # Harper's whole dictionary, which a warm-up builds on a thread of its own.
            if not isinstance(rule, str) or rule not in harper_rule_names() | {ALL_RULES}:
                raise ConfigError(
                    f"harper-rules: '{rule}' is not a Harper rule (a name such as "
                    f"'OxfordComma', or '{ALL_RULES}')"
                )

    def ignores(self, rule_id: str) -> bool:
        """True when ``rule_id`` is turned off by an ``ignore`` entry (exact or prefix)."""
        return any(rule_id == p or (p.endswith(".") and rule_id.startswith(p)) for p in self.ignore)


def discover(start: Path) -> Path | None:
    """The nearest ``.proofer.toml``, or ``pyproject.toml`` with ``[tool.proofer]``."""
    folder = start if start.is_dir() else start.parent
    for d in [folder.resolve(), *folder.resolve().parents]:
        candidate = d / ".proofer.toml"
        if candidate.is_file():
            return candidate
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and "proofer" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load(path: Path, base: Config | None = None) -> Config:
    """Settings from a ``.proofer.toml`` or a ``pyproject.toml``'s ``[tool.proofer]``, over
    ``base`` (the user's own settings, or the defaults). A value of the wrong type or outside
    its choices is a ``ConfigError`` naming the file and the key."""
    values = _values(path)
    base = base or Config()
    if values.get("desk") is not None:
        base = with_desk(base, values["desk"])
        for name in ("entities", "dictionary", "style", "ignore"):
            if name in values:  # the desk's lists, then the project's own
                values[name] = getattr(base, name) + values[name]
    given = base.given | values.keys()
    if "ignore" in values:
        values["ignore_source"] = path
    return replace(base, source=path, given=given, **values)


def _values(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("proofer", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.proofer] must be a table of settings")
    values: dict[str, Any] = {}
    for key, value in data.items():
        setting = SETTINGS.get(key) or SETTINGS.get(key.replace("_", "-"))
        if setting is None:
            raise ConfigError(f"{path}: unknown setting '{key}'")
        try:
            values[setting.name] = _READERS[setting.kind](setting, value, path.parent)
        except _WrongValue:
            raise ConfigError(
                f"{path}: setting '{key}' must be {setting.expects()}, not {_show(value)}"
            ) from None
    return values


class _WrongValue(Exception):
    pass


def _choice(setting: Setting, value: Any, folder: Path) -> str:
    if not isinstance(value, str) or not _in_choices(setting, value):
        raise _WrongValue
    return value


def _flag(setting: Setting, value: Any, folder: Path) -> bool:
    if not isinstance(value, bool):
        raise _WrongValue
    return value


def _seconds(setting: Setting, value: Any, folder: Path) -> float:
    # bool is an int in Python; `timeout = true` is still a mistake.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise _WrongValue
    return float(value)


def _names(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise _WrongValue
    return tuple(v.strip() for v in items)


def _files(setting: Setting, value: Any, folder: Path) -> tuple[Path, ...]:
    return tuple((folder / name).resolve() for name in _names(value))


def _rules(setting: Setting, value: Any, folder: Path) -> tuple[str, ...]:
    return _names(value)


def _harper_rules(setting: Setting, value: Any, folder: Path) -> tuple[str, ...]:
    names = _names(value)
    if not set(names) <= harper_rule_names() | {ALL_RULES}:
        raise _WrongValue
    return names


def _styles(setting: Setting, value: Any, folder: Path) -> tuple[str, ...]:
    return tuple(style_entry(folder, name) for name in _names(value))


def _folder(setting: Setting, value: Any, folder: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise _WrongValue
    return (folder / value).resolve()


_READERS: dict[Kind, Callable[[Setting, Any, Path], Any]] = {
    Kind.CHOICE: _choice,
    Kind.ENGINE: _choice,
    Kind.FLAG: _flag,
    Kind.SECONDS: _seconds,
    Kind.FILES: _files,
    Kind.RULES: _rules,
    Kind.HARPER_RULES: _harper_rules,
    Kind.STYLES: _styles,
    Kind.FOLDER: _folder,
}


def _in_choices(setting: Setting, value: str) -> bool:
    if value in setting.choices:
        return True
    return setting.kind is Kind.ENGINE and re.match(r"https?://\S+$", value) is not None


def _show(value: Any) -> str:
    """A wrong value as the file wrote it, with its TOML type when that is the mistake."""
    kinds = {bool: "true/false", str: "a string", int: "a number", float: "a number",
             list: "a list", dict: "a table"}  # fmt: skip
    shown = json.dumps(value, default=str, ensure_ascii=False)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({kinds.get(type(value), type(value).__name__)})"


DESK_SETTINGS = "desk.toml"
# Settings that are lists: a desk's entries come first, then the config's own.
_LISTS = (Kind.FILES, Kind.STYLES, Kind.RULES)


def with_desk(config: Config, folder: Path) -> Config:
    """``config`` with a desk's lists, style files and ignores before its own, and each other
    setting the desk gives (its dialect, quote style, ...) where ``config`` did not set it,
    even to the default. The desk folder holds a learned profile's ``desk.toml`` or a desk's
    hand-written ``.proofer.toml``."""
    settings = next(
        (folder / name for name in (DESK_SETTINGS, ".proofer.toml") if (folder / name).is_file()),
        None,
    )
    if settings is None:
        raise ConfigError(
            f"{folder}: not a desk folder (no {DESK_SETTINGS} or .proofer.toml; "
            "`proofer learn` writes one)"
        )
    desk = load(settings)
    values: dict[str, Any] = {}
    for setting in SETTINGS.values():
        name = setting.name
        if setting.kind in _LISTS:
            values[name] = getattr(desk, name) + getattr(config, name)
        elif name in desk.given and name not in config.given and name != "desk":
            values[name] = getattr(desk, name)
    return replace(
        config,
        desk=folder,
        ignore_source=config.ignore_source or desk.ignore_source,
        given=config.given | (desk.given - {"desk"}),
        **values,
    )


def style_entry(folder: Path, item: str) -> str:
    """A ``style`` entry as stored: a preset's name as given, a file resolved from ``folder``."""
    if PRESET_NAME.fullmatch(item):
        return item
    return str((folder / item).resolve())


def user_config_path() -> Path:
    """The user's own settings: ``$XDG_CONFIG_HOME/proofer/config.toml`` (or ~/.config)."""
    root = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root) / "proofer" / "config.toml"


def for_draft(draft: Path | None, explicit: Path | None = None) -> Config:
    """The settings that apply to ``draft``: ``explicit`` if given, else the nearest project
    settings; either over the user's own settings, over the defaults."""
    user = user_config_path()
    base = load(user) if user.is_file() else Config()
    path = explicit or (discover(draft) if draft else discover(Path.cwd()))
    return load(path, base) if path else base


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such settings file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
