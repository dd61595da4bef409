"""Settings and where they come from.

Like ruff: ``--config FILE``, else the nearest ``.proofer.toml`` or ``pyproject.toml`` with a
``[tool.proofer]`` table, walking up from the draft; those over the user's own settings
(``~/.config/proofer/config.toml``); flags override them all.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from proofer.checkers.grammar import ALL_RULES, harper_rule_names

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DIALECTS = ("auto", "american", "british", "australian", "canadian")
QUOTE_STYLES = ("auto", "american", "british")
FAIL_ON = ("error", "warning", "info", "never")
# A style entry that names a preset shipped with Proofer (``news-us``, pinned ``news-us@1``)
# rather than a file; anything else is a path.
PRESET_NAME = re.compile(r"(?P<name>[a-z][a-z0-9-]*)(?:@(?P<version>\d+))?")


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message says which."""


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

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given non-None values replaced (command-line flags)."""
        given = {k: v for k, v in values.items() if v is not None}
        merged = replace(self, **given)
        merged.validate()
        return merged

    def validate(self) -> None:
        """Raise ``ConfigError`` for a value outside its choices."""
        for name, choices in (
            ("dialect", DIALECTS),
            ("quote_style", QUOTE_STYLES),
            ("fail_on", FAIL_ON),
        ):
            value = getattr(self, name)
            if value not in choices:
                raise ConfigError(f"{name} must be one of {', '.join(choices)}, not '{value}'")
        known = harper_rule_names() | {ALL_RULES}
        for rule in self.harper_rules:
            if not isinstance(rule, str) or rule not in known:
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
    ``base`` (the user's own settings, or the defaults)."""
    values = _values(path)
    base = base or Config()
    if values.get("desk") is not None:
        base = with_desk(base, values["desk"])
        for name in ("entities", "dictionary", "style", "ignore"):
            if name in values:  # the desk's lists, then the project's own
                values[name] = getattr(base, name) + values[name]
    config = replace(base, source=path, **values)
    try:
        config.validate()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return config


def _values(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("proofer", {})
    known = {f.name.replace("_", "-"): f.name for f in fields(Config) if f.name != "source"}
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = known.get(key) or known.get(key.replace("_", "-"))
        if name is None:
            raise ConfigError(f"{path}: unknown setting '{key}'")
        if name in ("entities", "dictionary"):
            items = [value] if isinstance(value, str) else value
            values[name] = tuple((path.parent / p).resolve() for p in items)
        elif name == "desk":
            if not isinstance(value, str):
                raise ConfigError(f"{path}: desk must be a folder name")
            values[name] = (path.parent / value).resolve()
        elif name == "style":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
                raise ConfigError(f"{path}: style must be a list of style files or preset names")
            values[name] = tuple(style_entry(path.parent, p) for p in items)
        elif name in ("ignore", "harper_rules"):
            values[name] = tuple([value] if isinstance(value, str) else value)
        else:
            values[name] = value
    return values


DESK_SETTINGS = "desk.toml"


def with_desk(config: Config, folder: Path) -> Config:
    """``config`` with a desk's lists, style files and ignores before its own, and the desk's
    dialect and quote style where ``config`` leaves them at their defaults. The desk folder
    holds a learned profile's ``desk.toml`` or a desk's hand-written ``.proofer.toml``."""
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
    defaults = Config()
    return replace(
        config,
        desk=folder,
        entities=desk.entities + config.entities,
        dictionary=desk.dictionary + config.dictionary,
        style=desk.style + config.style,
        ignore=desk.ignore + config.ignore,
        dialect=config.dialect if config.dialect != defaults.dialect else desk.dialect,
        quote_style=(
            config.quote_style if config.quote_style != defaults.quote_style else desk.quote_style
        ),
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
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
