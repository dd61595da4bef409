"""Settings kept between runs (QSettings): lists, dictionary, engines, style, ignores."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from proofer.config import Config
from proofer.findings import Category, Finding

MAX_RECENT = 10


class Settings:
    """Typed access to the editor's QSettings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings("Proofer", "Proofer")

    def _list(self, key: str) -> list[str]:
        value = self.q.value(key, [])
        if value is None:
            return []
        return [value] if isinstance(value, str) else [str(v) for v in value]

    @property
    def data_folder(self) -> Path:
        """Where the editor keeps its own files: the user dictionary, recovery copies."""
        override = self.q.value("dataFolder")
        if override:
            return Path(str(override))
        location = QStandardPaths.StandardLocation.AppDataLocation
        return Path(QStandardPaths.writableLocation(location))

    @property
    def entity_lists(self) -> list[str]:
        return self._list("entityLists")

    @entity_lists.setter
    def entity_lists(self, paths: list[str]) -> None:
        self.q.setValue("entityLists", list(paths))

    @property
    def own_entity_list(self) -> Path:
        """The list that "Add to entity list" writes to."""
        return Path(str(self.q.value("ownEntityList", self.data_folder / "entities.txt")))

    @property
    def dictionary(self) -> Path:
        return Path(str(self.q.value("dictionary", self.data_folder / "dictionary.txt")))

    @dictionary.setter
    def dictionary(self, path: Path) -> None:
        self.q.setValue("dictionary", str(path))

    @property
    def languagetool(self) -> str:
        return str(self.q.value("languagetool", "off"))

    @languagetool.setter
    def languagetool(self, mode: str) -> None:
        self.q.setValue("languagetool", mode)

    @property
    def dialect(self) -> str:
        return str(self.q.value("dialect", "auto"))

    @dialect.setter
    def dialect(self, value: str) -> None:
        self.q.setValue("dialect", value)

    @property
    def quote_style(self) -> str:
        return str(self.q.value("quoteStyle", "auto"))

    @quote_style.setter
    def quote_style(self, value: str) -> None:
        self.q.setValue("quoteStyle", value)

    @property
    def hidden_categories(self) -> set[Category]:
        return {Category(c) for c in self._list("hiddenCategories")}

    @hidden_categories.setter
    def hidden_categories(self, categories: set[Category]) -> None:
        self.q.setValue("hiddenCategories", sorted(c.value for c in categories))

    @property
    def recent_files(self) -> list[str]:
        return self._list("recentFiles")

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        paths = [str(path)] + [p for p in self.recent_files if p != str(path)]
        self.q.setValue("recentFiles", paths[:MAX_RECENT])

    def ignored(self) -> tuple[set[str], set[str]]:
        """Fingerprints of ignored findings, and ``rule|text`` keys ignored everywhere."""
        return set(self._list("ignored")), set(self._list("ignoredAll"))

    def ignore(self, fingerprint: str) -> None:
        self.q.setValue("ignored", sorted(self.ignored()[0] | {fingerprint}))

    def ignore_all(self, key: str) -> None:
        self.q.setValue("ignoredAll", sorted(self.ignored()[1] | {key}))

    def config(self) -> Config:
        """The engine's configuration from these settings."""
        lists = [Path(p) for p in self.entity_lists]
        if self.own_entity_list.exists():
            lists.append(self.own_entity_list)
        dictionary = (self.dictionary,) if self.dictionary.exists() else ()
        return Config(
            entities=tuple(lists),
            dictionary=dictionary,
            languagetool=self.languagetool,
            dialect=self.dialect,
            quote_style=self.quote_style,
        )

    def sync(self) -> None:
        self.q.sync()


def fingerprint(finding: Finding, text: str) -> str:
    """An ignored finding survives edits elsewhere: rule, the text, and its surroundings."""
    around = text[max(0, finding.start - 20) : finding.end + 20]
    digest = hashlib.sha1(around.encode()).hexdigest()[:12]
    return f"{finding.rule}|{text[finding.start : finding.end]}|{digest}"


def ignore_all_key(finding: Finding, text: str) -> str:
    """Ignore this rule for this text everywhere."""
    return f"{finding.rule}|{text[finding.start : finding.end]}"
