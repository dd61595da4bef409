"""The newsroom's list of known names: people, places, organisations.

Plain text, one canonical name per line, ``#`` comments. After ``|`` come accepted short
forms, after ``!`` forms to correct::

    Karim al-Marzouqi | Marzouqi, al-Marzouqi
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
import gc
import hashlib
import io
import marshal
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from proofer.words import WORD


class Entity(NamedTuple):
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


def read_list_text(path: Path) -> str:
    """A list file's text (UTF-8, with or without a byte-order mark)."""
    return path.read_text(encoding="utf-8-sig")


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


class FormKind(str, Enum):
    """How an entity may be written: its canonical name, an accepted form, a form to correct."""

    NAME = "name"
    ACCEPTED = "accepted"
    CORRECTION = "correction"


class NameForm(NamedTuple):
    """One way of writing an entity."""

    entity: Entity
    text: str
    tokens: tuple[str, ...]
    kind: FormKind


class EntityIndex:
    """Look-ups over every form of every listed entity. ``words`` holds every word of every
    canonical name and accepted form, as written.

    The index is kept in plain lists, tuples and dicts (``data``) so that it can be written
    to and read from the disk cache quickly; ``NameForm`` objects are made only for the
    words a draft actually looks up.
    """

    def __init__(self, entities: list[Entity], data: _IndexData | None = None) -> None:
        self._entities = entities
        if data is None:
            data = _index_data(entities)
        self.data = data
        self._forms, by_token, blocks, words = data
        self.by_token = _FormsByToken(self, by_token)
        self._blocks = blocks
        self.words = frozenset(words)

    def form(self, i: int) -> NameForm:
        """The ``i``th form of the index."""
        entity_i, text, tokens, kind = self._forms[i]
        return NameForm(self._entities[entity_i], text, tokens, FormKind(kind))

    def near(self, token: str, max_distance: int) -> list[tuple[str, int]]:
        """Listed words within ``max_distance`` slips of ``token`` (itself excluded), closest
        first."""
        lower = token.lower()
        block = {*self._blocks.get("<" + lower[:2], ()), *self._blocks.get(">" + lower[-3:], ())}
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


# forms as (entity number, text, tokens, kind), form numbers by token, blocks, words
_IndexData = tuple[
    list[tuple[int, str, tuple[str, ...], str]],
    dict[str, list[int]],
    dict[str, list[str]],
    list[str],
]


def _index_data(entities: list[Entity]) -> _IndexData:
    forms: list[tuple[int, str, tuple[str, ...], str]] = []
    by_token: dict[str, list[int]] = defaultdict(list)
    blocks: dict[str, set[str]] = defaultdict(set)
    words: set[str] = set()
    for entity_i, entity in enumerate(entities):
        for kind, texts in (
            (FormKind.NAME, (entity.name,)),
            (FormKind.ACCEPTED, entity.accepted),
            (FormKind.CORRECTION, entity.corrections),
        ):
            for text in texts:
                tokens = tuple(m.group() for m in WORD.finditer(text))
                if not tokens:
                    continue
                forms.append((entity_i, text, tokens, kind.value))
                for token in tokens:
                    by_token[token].append(len(forms) - 1)
                    if kind is not FormKind.CORRECTION:
                        words.add(token)
                        lower = token.lower()
                        blocks["<" + lower[:2]].add(token)
                        blocks[">" + lower[-3:]].add(token)
    return forms, dict(by_token), {k: sorted(v) for k, v in blocks.items()}, sorted(words)


class _FormsByToken(Mapping[str, list[NameForm]]):
    """The forms each listed word belongs to, made on first look-up."""

    def __init__(self, index: EntityIndex, numbers: dict[str, list[int]]) -> None:
        self._index = index
        self._numbers = numbers
        self._made: dict[str, list[NameForm]] = {}

    def __getitem__(self, token: str) -> list[NameForm]:
        made = self._made.get(token)
        if made is None:
            made = [self._index.form(i) for i in self._numbers[token]]
            self._made[token] = made
        return made

    def __contains__(self, token: object) -> bool:
        return token in self._numbers

    def __iter__(self) -> Iterator[str]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)


def load_entity_lists(sources: Sequence[tuple[Path, str]], cache: Path | None = None) -> EntityList:
    """Entity lists, given as (path, text), as one list, parsed and indexed through an
    on-disk cache keyed by their contents: a 100,000-name list is parsed once, not on every
    run. A cache that cannot be read or written is ignored."""
    key = hashlib.sha256(_CACHE_FORMAT.encode())
    for path, text in sources:
        key.update(f"{path}\0{len(text)}\0".encode() + text.encode("utf-8", "surrogatepass"))
    file = (cache or cache_folder()) / f"entities-{key.hexdigest()[:32]}.marshal"
    big = sum(len(text) for _, text in sources) >= _WORTH_CACHING
    with _collector_paused():  # many small objects: the collector would rescan them all
        if big:
            try:
                entities, problems, data = marshal.loads(file.read_bytes())
                result = EntityList(
                    [Entity(*e) for e in entities], [ListProblem(*p) for p in problems]
                )
                result._index = EntityIndex(result.entities, data)
                return result
            except (OSError, ValueError, EOFError, TypeError):
                pass  # no cache yet, or an unreadable one: build it
        result = merge(
            parse_entities(text, str(path), is_csv=path.suffix.lower() == ".csv")
            for path, text in sources
        )
        if big:
            _write_cache(file, result)
    return result


_CACHE_FORMAT = "entities-1"
_WORTH_CACHING = 64 * 1024  # bytes of lists: small ones parse faster than a cache file reads


def cache_folder() -> Path:
    """Where Proofer keeps caches: ``$XDG_CACHE_HOME/proofer`` (or ~/.cache/proofer)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "proofer"


def _write_cache(file: Path, entities: EntityList) -> None:
    data = (
        [tuple(e) for e in entities.entities],
        [(p.path, p.line, p.message) for p in entities.problems],
        entities.index.data,
    )
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(marshal.dumps(data))
        partial.replace(file)  # atomic: a reader never sees half a cache
    except OSError:
        pass  # a read-only home: no cache, the same result


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
