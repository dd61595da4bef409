"""Spans answer as a scan over every span would, overlapping and nested ones included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from proofer.spans import Spans

span = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(span, max_size=12), st.integers(0, 90), st.integers(0, 10))
def test_spans_answer_as_a_full_scan(spans: list[tuple[int, int]], start: int, length: int) -> None:
    end = start + length
    found = Spans(spans)
    assert found.holds(start) == any(s <= start < e for s, e in spans)
    touching = any(s < max(end, start + 1) and start < e for s, e in spans)
    assert found.overlaps(start, end) == touching
    assert found.covers(start, end) == any(s <= start and end <= e for s, e in spans)
    assert list(found) == sorted(spans)
