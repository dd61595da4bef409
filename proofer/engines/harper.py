"""Harper, the embedded offline engine, through ``harper-py``.

A ``Linter`` costs about half a second to build and is not thread-safe, so this keeps one
per thread, dialect and rule set, and reuses it for the life of the process. Only the rules
asked for run: Harper's full set of about 900 costs four times as much as a few.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from enum import Enum
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import harper


class Dialect(str, Enum):
    """English spelling conventions Harper knows."""

    AMERICAN = "american"
    BRITISH = "british"
    AUSTRALIAN = "australian"
    CANADIAN = "canadian"

    @property
    def harper(self) -> harper.Dialect:
        """The matching ``harper.Dialect``."""
        return harper.Dialect[self.name]


SPELL_RULE = "SpellCheck"
_NO_SUCH_WORD = "Qwertyuiopasd"  # close to no English word: the spell check searches hard
ALL_RULES = "all"  # in ``harper-rules``: every Harper rule
_RECENT = 8  # results kept per thread; checkers ask for the same paragraph in turn
_WORDS_KEPT = 500_000  # dictionary answers kept per thread


_dictionary: threading.Thread | None = None


def start_dictionary() -> None:
    """Start building Harper's dictionary (about 0.6 s; every linter in the process shares
    it) on another thread, so that this one can load other tables meanwhile: Harper lets
    other Python threads run while it builds. Not a daemon thread, so the process never
    exits with Harper half-way through."""
    global _dictionary
    if _dictionary is None:
        _dictionary = threading.Thread(target=_build_dictionary, name="harper-dictionary")
        _dictionary.start()


def _build_dictionary() -> None:
    harper.Linter()
    # What the build freed stays in this thread's own C heap (glibc gives each thread one),
    # where the rest of the process never reuses it: give it back (about 40 MiB).
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL(None).malloc_trim(0)


@lru_cache(maxsize=1)
def harper_rule_names() -> frozenset[str]:
    """Every rule Harper has, by name (what ``harper-rules`` may name)."""
    return frozenset(harper.get_default_lint_config())


class HarperEngine:
    """Lints text with one Harper ``Linter`` per thread and dialect.

    ``one_thread``: the engine is only ever used from one thread, so it keeps its linters
    and caches on itself. A Qt worker thread needs this: its Python thread state (and with
    it anything in a ``threading.local``) is thrown away after every slot call, which would
    rebuild the linters, half a second each, for every check.

    ``recent`` is how many paragraphs' lints each thread keeps: a few for one check; a
    server, whose clients re-send a whole draft after each edit, keeps thousands.
    """

    def __init__(self, one_thread: bool = False, recent: int = _RECENT) -> None:
        self._local: Any = SimpleNamespace() if one_thread else threading.local()
        self._recent = recent

    def linter(self, dialect: Dialect, rules: frozenset[str] | None = None) -> harper.Linter:
        """This thread's linter for ``dialect`` running ``rules`` (by name; None: Harper's
        defaults), built on first use."""
        linters: dict[tuple[Dialect, frozenset[str] | None], harper.Linter]
        linters = self._local.__dict__.setdefault("linters", {})
        if (dialect, rules) not in linters:
            linter = harper.Linter(dialect.harper)
            if rules is not None:
                config: dict[str, bool | None] = {n: n in rules for n in linter.get_lint_config()}
                linter.set_lint_config(config)
            linters[(dialect, rules)] = linter
        return linters[(dialect, rules)]

    def lint(
        self,
        text: str,
        dialect: Dialect,
        markdown: bool = False,
        rules: frozenset[str] | None = None,
    ) -> dict[str, list[harper.Lint]]:
        """Harper's lints for plain ``text`` from ``rules`` (None: Harper's defaults), keyed
        by Harper's rule name.

        The last few results are kept, so the spelling and grammar checkers share one
        run per paragraph. ``dedup`` is off: with it on, Harper drops a misspelling when
        a sentence-length lint covers it.
        """
        recent: dict[tuple[Dialect, bool, frozenset[str] | None, str], dict[str, list[harper.Lint]]]
        recent = self._local.__dict__.setdefault("recent", {})
        key = (dialect, markdown, rules, text)
        lints = recent.pop(key, None)  # re-inserted below: the least recently used goes first
        if lints is None:
            if len(recent) >= self._recent:
                recent.pop(next(iter(recent)))
            language = "markdown" if markdown else "plaintext"
            linter = self.linter(dialect, rules)
            lints = linter.organized_lints(text, language=language, dedup=False)
            # Remember the words found unknown, so that asking about them again (the name
            # checker asks about every name) costs nothing.
            known: dict[tuple[Dialect, str], bool] = self._local.__dict__.setdefault("known", {})
            for lint in lints.get(SPELL_RULE, []):
                known[(dialect, lint.problem_text)] = False
        recent[key] = lints
        return lints

    def warm(self) -> None:
        """Build on this thread, now, what a first check would build on its way: the
        dictionary, and the table the spell check searches for suggestions (Harper keeps one
        per thread and builds it, about a second's work, at the first unknown word). A
        process that forks workers calls this first, so that they start with both."""
        if _dictionary is not None:
            _dictionary.join()
        self.corrections([_NO_SUCH_WORD], Dialect.AMERICAN)

    def unknown_words(self, words: list[str], dialect: Dialect) -> set[str]:
        """The subset of ``words`` that Harper's dictionary for ``dialect`` does not know."""
        cache: dict[tuple[Dialect, str], bool] = self._local.__dict__.setdefault("known", {})
        if len(cache) > _WORDS_KEPT:
            cache.clear()  # a server meets new words without end; start again, not grow
        todo = [w for w in dict.fromkeys(words) if (dialect, w) not in cache]
        if todo:
            # A word in none of Harper's dictionaries is unknown: say so without the spell
            # check, which would work out suggestions for it that nobody asked for (most of
            # the cost of an unknown word). The rest, in one call to a linter with only the
            # spell check on, which also knows the dialect and the capitals a word needs.
            speller = self._speller(dialect)
            in_some = [w for w in todo if speller.is_likely_english(w)]
            lints = speller.lint(" ".join(in_some), language="plaintext") if in_some else []
            flagged = {lint.problem_text for lint in lints}
            known = set(in_some) - flagged
            for w in todo:
                cache[(dialect, w)] = w in known
        return {w for w in words if not cache[(dialect, w)]}

    def corrections(self, words: list[str], dialect: Dialect) -> dict[str, list[str]]:
        """Harper's suggestions for each of ``words`` it does not know in ``dialect``."""
        lints = self._speller(dialect).lint(" ".join(words), language="plaintext")
        return {lint.problem_text: [s.replacement_text for s in lint.suggestions] for lint in lints}

    def _speller(self, dialect: Dialect) -> harper.Linter:
        """This thread's dictionary look-up linter: the spell check and nothing else."""
        spellers: dict[Dialect, harper.Linter] = self._local.__dict__.setdefault("spellers", {})
        if dialect not in spellers:
            speller = harper.Linter(dialect.harper)
            config: dict[str, bool | None] = dict.fromkeys(speller.get_lint_config(), False)
            config[SPELL_RULE] = True
            speller.set_lint_config(config)
            spellers[dialect] = speller
        return spellers[dialect]
