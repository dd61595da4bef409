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
    """Results by key, the least recently used dropped once the texts they were read from
    come to more than ``size`` characters in all: a reading's size follows its text's length
    (a word list, a name list), so the memory held is bounded, not just the entries.

    A key must hold everything its result depends on; results are shared between callers,
    so they are never changed after they are made. ``Memo(0)`` keeps nothing.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._chars = 0  # the characters read for the results kept

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, make: Callable[[], T], chars: int) -> T:
        """The result remembered for ``key``, or ``make()``'s, remembered; ``chars`` is the
        length of the text it reads."""
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            return cast(T, found[0])
        result = make()
        if 0 < chars <= self.size:
            self._items[key] = (result, chars)
            self._chars += chars
            while self._chars > self.size:
                _, (_, dropped) = self._items.popitem(last=False)
                self._chars -= dropped
        return result

    def read(self, reading: Callable[[str], T], text: str) -> T:
        """``reading(text)``, remembered: ``reading`` depends on nothing but ``text``."""
        return self.get((reading, text), lambda: reading(text), len(text))
