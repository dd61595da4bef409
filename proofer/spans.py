"""Spans of a text asked about many times: sorted once, each question a binary search.

A long draft has thousands of masked addresses, quotations and headlines, and every mark,
word or finding asks whether it falls in one; scanning them all for each would make a
check grow with the square of the draft.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import accumulate


class Spans:
    """``(start, end)`` spans (end exclusive; they may overlap or nest)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        # The furthest end of the spans up to each one: whether any span starting at or
        # before a point reaches past it is one look-up.
        self._reach = list(accumulate((e for _, e in self.spans), max))

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)

    def holds(self, offset: int) -> bool:
        """True when ``offset`` lies in a span (``start <= offset < end``)."""
        k = bisect.bisect_right(self._starts, offset)
        return k > 0 and self._reach[k - 1] > offset

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with a span (an empty one at
        ``start`` counts as the character there)."""
        k = bisect.bisect_left(self._starts, max(end, start + 1))
        return k > 0 and self._reach[k - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies wholly inside one span."""
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end
