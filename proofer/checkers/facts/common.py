"""What the fact checkers share: where a statement is, and which of two versions is the odd one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from proofer.checkers import CheckContext
from proofer.checkers.facts.people import People
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.quotations import Quotations

V = TypeVar("V", bound=Hashable)


class Draft:
    """One draft as the fact checks read it: read for people and quotations once, on demand."""

    def __init__(self, doc: Document, ctx: CheckContext, engine: HarperEngine) -> None:
        self.doc = doc
        self.text = doc.text
        self.ctx = ctx
        self.engine = engine  # the dictionary: is a word English in lower case

    @cached_property
    def people(self) -> People:
        """Who is who (the name checker's reading of the names)."""
        return People(self.doc, self.ctx.memo)

    @cached_property
    def quotations(self) -> Quotations:
        """The direct quotations."""
        return Quotations(self.doc)


@dataclass(frozen=True)
class Statement(Generic[V]):
    """One thing the draft says (an age, a title) and where it says it."""

    value: V
    start: int
    end: int


def paragraph_number(doc: Document, offset: int) -> int:
    """The 1-based number of the paragraph holding ``offset`` (for messages)."""
    paragraph = doc.paragraph_at(offset)
    return paragraph.index + 1 if paragraph else 1


def where(doc: Document, offset: int, here: int) -> str:
    """``in paragraph 2``, or ``earlier in this paragraph`` when it shares one with ``here``."""
    n = paragraph_number(doc, offset)
    if n != paragraph_number(doc, here):
        return f"in paragraph {n}"
    return f"{'earlier' if offset < here else 'later'} in this paragraph"


def odd_ones(statements: Sequence[Statement[V]]) -> tuple[Statement[V], list[Statement[V]]]:
    """The version the draft gives most often (the first given, on a tie), as first stated,
    and the first statement of each other version."""
    counts = Counter(s.value for s in statements)
    order: dict[V, Statement[V]] = {}
    for s in statements:
        order.setdefault(s.value, s)
    majority = max(order, key=lambda v: (counts[v], -order[v].start))
    return order[majority], [s for v, s in order.items() if v != majority]
