"""The newsroom's list of known names: people, places, organisations.

Plain text, one canonical name per line, ``#`` comments. After ``|`` come accepted short
forms, after ``!`` forms to correct::

    Bashar al-Assad | Assad, al-Assad
    Islamic State | IS ! ISIS, ISIL

CSV files (``.csv``) carry the same three columns: name, accepted forms, forms to correct,
with forms separated by ``;`` or ``,`` inside a quoted cell.

An index keeps look-ups fast at 100,000 names. Exact look-ups go through a dictionary of
the names' words. Fuzzy look-ups ("which listed word is one slip from this one?") are
blocked: a listed word is filed under its first two letters and under its last three, and
only the words in the query's two blocks are compared, with rapidfuzz. A slip in both the
first two and the last three letters of a name is rare; a slip anywhere else is found.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

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

    _index: EntityIndex | None = field(default=None, repr=False, compare=False)

    def extend(self, other: EntityList) -> None:
        """Add another list's entities and problems to this one."""
        self.entities.extend(other.entities)
        self.problems.extend(other.problems)
        self._index = None

    @property
    def index(self) -> EntityIndex:
        """The look-up index, built on first use."""
        if self._index is None:
            self._index = EntityIndex(self.entities)
        return self._index

    def words(self) -> frozenset[str]:
        """Every word of every canonical name and accepted form, as written."""
        return self.index.words


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


@dataclass(frozen=True)
class NameForm:
    """One way of writing an entity: its canonical name, an accepted form, or a form to
    correct."""

    entity: Entity
    text: str
    tokens: tuple[str, ...]
    kind: str  # "name", "accepted" or "correction"


class EntityIndex:
    """Look-ups over every form of every listed entity. ``words`` holds every word of every
    canonical name and accepted form, as written."""

    def __init__(self, entities: list[Entity]) -> None:
        self.forms: list[NameForm] = []
        self.by_token: dict[str, list[NameForm]] = defaultdict(list)
        self._blocks: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            for kind, forms in (
                ("name", (entity.name,)),
                ("accepted", entity.accepted),
                ("correction", entity.corrections),
            ):
                for text in forms:
                    tokens = tuple(m.group() for m in WORD.finditer(text))
                    if not tokens:
                        continue
                    form = NameForm(entity, text, tokens, kind)
                    self.forms.append(form)
                    for token in tokens:
                        self.by_token[token].append(form)
                        if kind != "correction":
                            self._file(token)
        self.by_token = dict(self.by_token)
        self.words = frozenset(
            t for t, forms in self.by_token.items() if any(f.kind != "correction" for f in forms)
        )

    def _file(self, token: str) -> None:
        lower = token.lower()
        self._blocks["<" + lower[:2]].add(token)
        self._blocks[">" + lower[-3:]].add(token)

    def near(self, token: str, max_distance: int) -> list[tuple[str, int]]:
        """Listed words within ``max_distance`` slips of ``token`` (itself excluded), closest
        first."""
        lower = token.lower()
        block = self._blocks.get("<" + lower[:2], set()) | self._blocks.get(">" + lower[-3:], set())
        if not block:
            return []
        found = process.extract(
            lower,
            {w: w.lower() for w in block},
            scorer=OSA.distance,
            score_cutoff=max_distance,
            limit=None,
        )
        hits = [(key, int(score)) for _, score, key in found if key != token]
        return sorted(hits, key=lambda h: (h[1], h[0]))
