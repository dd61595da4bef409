"""The newsroom's list of known names: people, places, organisations.

Plain text, one canonical name per line, ``#`` comments. After ``|`` come accepted short
forms, after ``!`` forms to correct::

    Bashar al-Assad | Assad, al-Assad
    Islamic State | IS ! ISIS, ISIL

CSV files (``.csv``) carry the same three columns: name, accepted forms, forms to correct,
with forms separated by ``;`` or ``,`` inside a quoted cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from proofer.words import WORD


@dataclass(frozen=True)
class Entity:
    """One known name, the short forms it may take, and the forms to correct to it."""

    name: str
    accepted: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListProblem:
    """A line of an entity list that could not be read."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class EntityList:
    """All loaded entities, with the words they are made of."""

    entities: list[Entity] = field(default_factory=list)
    problems: list[ListProblem] = field(default_factory=list)

    def extend(self, other: EntityList) -> None:
        """Add another list's entities and problems to this one."""
        self.entities.extend(other.entities)
        self.problems.extend(other.problems)
        self.__dict__.pop("_words", None)

    def words(self) -> frozenset[str]:
        """Every word of every canonical name and accepted form, as written."""
        cached: frozenset[str] | None = self.__dict__.get("_words")
        if cached is None:
            cached = frozenset(
                m.group()
                for e in self.entities
                for form in (e.name, *e.accepted)
                for m in WORD.finditer(form)
            )
            self.__dict__["_words"] = cached
        return cached


def load_entities(path: Path) -> EntityList:
    """Read an entity list file (plain, or CSV when it ends in ``.csv``).

    Raises ``OSError`` or ``UnicodeDecodeError`` when the file itself cannot be read.
    """
    text = path.read_text(encoding="utf-8-sig")
    return parse_entities(text, str(path), is_csv=path.suffix.lower() == ".csv")


def parse_entities(text: str, source: str = "<entities>", is_csv: bool = False) -> EntityList:
    """Read an entity list from text; a malformed line is recorded as a problem and skipped."""
    result = EntityList()
    for line_no, cells in _csv_rows(text) if is_csv else _text_rows(text):
        entity, problem = _entity(cells)
        if entity:
            result.entities.append(entity)
        if problem:
            result.problems.append(ListProblem(source, line_no, problem))
    return result


def _text_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, rest = line.partition("|")
        if "!" in name:
            name, _, wrong = name.partition("!")
            accepted = ""
        else:
            accepted, _, wrong = rest.partition("!")
        if line.count("|") > 1 or line.count("!") > 1:
            yield line_no, ["", "", "", "more than one '|' or '!' on the line"]
            continue
        yield line_no, [name, accepted, wrong]


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text))
    for cells in reader:
        if not cells or cells[0].lstrip().startswith("#"):
            continue
        if reader.line_num == 1 and cells[0].strip().lower() in {"name", "canonical"}:
            continue  # a header row
        if len(cells) > 3:
            yield reader.line_num, ["", "", "", f"{len(cells)} columns, expected at most 3"]
            continue
        yield reader.line_num, [*cells, "", ""][:3]


def _forms(cell: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in re.split(r"[;,]", cell) if f.strip())


def _entity(cells: list[str]) -> tuple[Entity | None, str | None]:
    if len(cells) == 4:
        return None, cells[3]
    name = " ".join(cells[0].split())
    accepted, corrections = _forms(cells[1]), _forms(cells[2])
    if not name:
        return None, "no name before '|' or '!'"
    if not WORD.search(name):
        return None, f"'{name}' has no letters"
    return Entity(name, accepted, corrections), None


def merge(lists: Iterable[EntityList]) -> EntityList:
    """One list from several."""
    out = EntityList()
    for item in lists:
        out.extend(item)
    return out
