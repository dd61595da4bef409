"""The engine's memory of paragraphs it has read: one bounded cache for every checker.

Re-checking a draft after an edit should cost about as much as the edit. Paragraph checkers'
findings and the draft-wide checkers' per-paragraph readings (the names in a paragraph, its
words) are remembered here, keyed on the paragraph's text and whatever else the result
depends on, so that only the changed paragraphs are read again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

T = TypeVar("T")


class Memo:
    """Results by key, the least recently used dropped past ``size`` entries.

    A key must hold everything its result depends on; results are shared between callers,
    so they are never changed after they are made.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The result remembered for ``key``, or ``make()``'s, remembered."""
        found = self._items.get(key, _MISSING)
        if found is _MISSING:
            found = self._items[key] = make()
            if len(self._items) > self.size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return cast(T, found)

    def read(self, reading: Callable[[str], T], text: str) -> T:
        """``reading(text)``, remembered: ``reading`` depends on nothing but ``text``."""
        return self.get((reading, text), lambda: reading(text))


_MISSING = object()
