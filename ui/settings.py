"""Settings kept between runs (QSettings): lists, dictionary, engines, style, ignores."""

from __future__ import annotations

import hashlib
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtGui import QFont

from proofer.config import Config, for_draft
from proofer.dictionary import load_dictionary
from proofer.findings import Category, Finding
from proofer.formats import write_draft
from proofer.formats.docx import AUTHOR

MAX_RECENT = 10


class IgnoreKind(Enum):
    """How far an ignore reaches."""

    ONCE = "this place"  # one finding, by its text and surroundings
    DRAFT = "this draft"  # a rule for a text, in one draft
    EVERYWHERE = "always"  # a rule for a text, in every draft


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
        """The entity lists the user chose (paths)."""
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
        """The user's own dictionary file."""
        return Path(str(self.q.value("dictionary", self.data_folder / "dictionary.txt")))

    @dictionary.setter
    def dictionary(self, path: Path) -> None:
        self.q.setValue("dictionary", str(path))

    # The choices below are None until the copy editor makes them in the settings dialog:
    # until then the configuration files (the desk's .proofer.toml, the user's config) decide.

    def _choice(self, key: str) -> str | None:
        value = self.q.value(key)
        return None if value in (None, "") else str(value)

    def _choose(self, key: str, value: str | None) -> None:
        if value is None:
            self.q.remove(key)
        else:
            self.q.setValue(key, value)

    @property
    def languagetool(self) -> str | None:
        """LanguageTool: off, local or a server's URL (None: as the files say)."""
        return self._choice("languagetool")

    @languagetool.setter
    def languagetool(self, mode: str | None) -> None:
        self._choose("languagetool", mode)

    @property
    def dialect(self) -> str | None:
        """The dialect chosen here (None: as the files say)."""
        return self._choice("dialect")

    @dialect.setter
    def dialect(self, value: str | None) -> None:
        self._choose("dialect", value)

    @property
    def quote_style(self) -> str | None:
        """The quote style chosen here (None: as the files say)."""
        return self._choice("quoteStyle")

    @quote_style.setter
    def quote_style(self, value: str | None) -> None:
        self._choose("quoteStyle", value)

    @property
    def hidden_categories(self) -> set[Category]:
        """Categories of findings not shown in the editor."""
        return {Category(c) for c in self._list("hiddenCategories")}

    @hidden_categories.setter
    def hidden_categories(self, categories: set[Category]) -> None:
        self.q.setValue("hiddenCategories", sorted(c.value for c in categories))

    @property
    def recent_files(self) -> list[str]:
        """Recently opened drafts, the latest first."""
        return self._list("recentFiles")

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        paths = [str(path)] + [p for p in self.recent_files if p != str(path)]
        self.q.setValue("recentFiles", paths[:MAX_RECENT])

    def ignored(self) -> tuple[set[str], set[str]]:
        """Fingerprints of ignored findings, and ``rule|text`` keys ignored everywhere."""
        return set(self._list("ignored")), set(self._list("ignoredAll"))

    def ignore(self, fingerprint: str) -> None:
        """Ignore one finding, by its fingerprint (rule, text and surroundings)."""
        self.q.setValue("ignored", sorted(self.ignored()[0] | {fingerprint}))

    def ignore_all(self, key: str) -> None:
        """Ignore a rule for one text (``rule|text``) in every draft."""
        self.q.setValue("ignoredAll", sorted(self.ignored()[1] | {key}))

    def ignored_in(self, draft: str) -> set[str]:
        """``rule|text`` keys ignored in one draft only (``draft``: its path, or the
        name of an Untitled draft's recovery copy)."""
        return {key for d, key in self._drafts_ignores() if d == draft}

    def ignore_in(self, draft: str, key: str) -> None:
        """Ignore a rule for one text (``rule|text``) in one draft only."""
        self._set_drafts_ignores(self._drafts_ignores() | {(draft, key)})

    def move_ignores(self, old: str, new: str) -> None:
        """A draft saved under a new name keeps what was ignored in it."""
        moved = {(new if d == old else d, key) for d, key in self._drafts_ignores()}
        self._set_drafts_ignores(moved)

    def drafts_ignores(self) -> list[tuple[str, str]]:
        """Every (draft, ``rule|text``) ignored in one draft, sorted."""
        return sorted(self._drafts_ignores())

    def _drafts_ignores(self) -> set[tuple[str, str]]:
        pairs = (entry.split("\t", 1) for entry in self._list("ignoredIn"))
        return {(p[0], p[1]) for p in pairs if len(p) == 2}

    def _set_drafts_ignores(self, pairs: set[tuple[str, str]]) -> None:
        self.q.setValue("ignoredIn", sorted(f"{d}\t{key}" for d, key in pairs))

    def unignore(self, kind: IgnoreKind, key: str, draft: str = "") -> None:
        """Take back one ignore, so the finding shows again."""
        once, everywhere = self.ignored()
        if kind is IgnoreKind.ONCE:
            self.q.setValue("ignored", sorted(once - {key}))
        elif kind is IgnoreKind.EVERYWHERE:
            self.q.setValue("ignoredAll", sorted(everywhere - {key}))
        else:
            self._set_drafts_ignores(self._drafts_ignores() - {(draft, key)})

    @property
    def revision_author(self) -> str:
        """The name a Word draft's tracked changes and comments are signed with."""
        return self._choice("revisionAuthor") or AUTHOR

    @revision_author.setter
    def revision_author(self, name: str) -> None:
        self._choose("revisionAuthor", name.strip() or None)

    @property
    def editor_font(self) -> QFont | None:
        """The draft's font, when the copy editor chose one (or zoomed)."""
        value = self.q.value("editorFont")
        font = QFont()
        return font if value and font.fromString(str(value)) else None

    @editor_font.setter
    def editor_font(self, font: QFont) -> None:
        self.q.setValue("editorFont", font.toString())

    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The window's geometry and its panels' and toolbars' state, as last saved."""
        geometry, state = self.q.value("windowGeometry"), self.q.value("windowState")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the window's size, place and docks."""
        self.q.setValue("windowGeometry", geometry)
        self.q.setValue("windowState", state)

    def config(self, draft: Path | None = None, discover: bool = True) -> Config:
        """The configuration for ``draft``: what the command line uses for it (the project's
        and the user's configuration files, ``proofer.config.for_draft``), with the choices
        made in this editor on top, as flags are; the editor's entity lists and dictionary
        join the desk's. Raises ``ConfigError`` for a configuration file that cannot be used
        (``discover=False`` leaves the files out)."""
        base = for_draft(draft) if discover else Config()
        lists = [Path(p) for p in self.entity_lists]
        if self.own_entity_list.exists():
            lists.append(self.own_entity_list)
        dictionary = [self.dictionary] if self.dictionary.exists() else []
        return base.with_overrides(
            entities=_joined(base.entities, lists),
            dictionary=_joined(base.dictionary, dictionary),
            languagetool=self.languagetool,
            dialect=self.dialect,
            quote_style=self.quote_style,
        )

    def sync(self) -> None:
        """Write the settings to disk now."""
        self.q.sync()


def fingerprint(finding: Finding, text: str) -> str:
    """An ignored finding survives edits elsewhere: rule, the text, and its surroundings."""
    around = text[max(0, finding.start - 20) : finding.end + 20]
    digest = hashlib.sha1(around.encode()).hexdigest()[:12]
    return f"{finding.rule}|{text[finding.start : finding.end]}|{digest}"


def ignore_all_key(finding: Finding, text: str) -> str:
    """Ignore this rule for this text everywhere."""
    return f"{finding.rule}|{text[finding.start : finding.end]}"


def listed_words(path: Path) -> list[str]:
    """The entries of a word list (the user dictionary, the own entity list); none if it
    does not exist or cannot be read."""
    try:
        return load_dictionary(path)
    except (OSError, UnicodeDecodeError):
        return []


def remove_from_list(path: Path, word: str) -> None:
    """Take ``word`` out of a word list, keeping every other line (comments too)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    kept = [line for line in lines if line.split("#", 1)[0].strip() != word]
    write_draft(path, "".join(kept), "utf-8")


def _joined(first: tuple[Path, ...], more: list[Path]) -> tuple[Path, ...]:
    """Both sets of lists, each once, the configuration's first."""
    return tuple(dict.fromkeys([*first, *more]))
