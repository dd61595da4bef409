"""The Harper engine's cache of paragraph lints: the least recently used goes first."""

from __future__ import annotations

from proofer.engines.harper import Dialect, HarperEngine


def test_a_paragraph_asked_for_again_stays_cached() -> None:
    engine = HarperEngine(recent=2)
    a, b, c = "The first paragrph.", "A second one.", "And a thrid."
    first = engine.lint(a, Dialect.AMERICAN)
    second = engine.lint(b, Dialect.AMERICAN)
    assert engine.lint(a, Dialect.AMERICAN) is first  # a hit, and now the most recent
    engine.lint(c, Dialect.AMERICAN)  # pushes out b, the least recently used
    assert engine.lint(a, Dialect.AMERICAN) is first
    again = engine.lint(b, Dialect.AMERICAN)
    assert again is not second and again.keys() == second.keys()
