"""Who is who in a draft: the name checker's names, read as people with titles.

A person is known by their full name where the draft gives one; a surname alone is that
person when exactly one full name in the draft ends in it, and nobody in particular when two
do (two people sharing a surname are never conflated). Titles before a name (``Mayor``,
``Sen.``, ``Deputy Mayor``) come from a short built-in list of offices and ranks (words.py).
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass

from proofer.checkers.names import name_runs
from proofer.document import Document
from proofer.lexicon import zipf
from proofer.memo import Memo
from proofer.words import COURTESY_TITLES, TITLE_FORMS

_TITLES = {tuple(form.split()): title for form, title in TITLE_FORMS.items()}
_LONGEST_TITLE = max(len(words) for words in _TITLES)
# A title qualified like this is not the one the person holds now: both may be true.
_QUALIFIED = re.compile(
    r"(?:\b(?:former|then|ex|late|acting|interim|outgoing|incoming|retired|deputy|"
    r"vice|assistant|future|elected|elect)|-)\s*$",
    re.IGNORECASE,
)
_ABBREVIATED_TITLE = re.compile(r"\b(?:[A-Z][a-z]{1,4}\.\s+){1,2}$")
_SENTENCE_WORD = 5.0  # a capitalised word this common opening a run is not a name (The, When)
_NOT_NAMES = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])


@dataclass(frozen=True, slots=True)  # slots: one per name of a long draft
class Mention:
    """A person named in the draft: where the name is, and the title written before it."""

    start: int  # the name itself, after any title
    end: int
    words: tuple[str, ...]
    title: str | None  # the canonical title, when one stands directly before the name
    title_start: int  # where the title (or the name) begins
    qualified: bool  # the title is hedged: former, acting, then-


class People:
    """Every name in the draft and the person each one refers to."""

    def __init__(self, doc: Document, memo: Memo) -> None:
        self.text = doc.text
        self.mentions: list[Mention] = []
        for run in name_runs(doc, memo):
            mention = self._mention(run)
            if mention is not None:
                self.mentions.append(mention)
        full = {m.words for m in self.mentions if len(m.words) > 1}
        # Panel Chair Ada Okafor and Ada Okafor are one person: the shortest full name that
        # ends another stands for both.
        # Only names with the same last word can end one another: grouped by it, a long
        # draft's many names are not each compared with all the others.
        by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for name in full:
            by_surname[name[-1]].append(name)
        self._canonical = {
            name: min((n for n in by_surname[name[-1]] if name[-len(n) :] == n), key=len)
            for name in full
        }
        self._full: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for name in self._canonical.values():
            self._full[name[-1]].add(name)

    def _mention(self, run: tuple[tuple[int, int, str], ...]) -> Mention | None:
        words = list(run)
        title: str | None = None
        title_start = words[0][0]
        # A title inside the run (Chilean Senator Sebastian Moreno): the last one wins.
        for i in range(len(words) - 1, -1, -1):
            found = self._title_ending(words, i)
            if found is not None and i + 1 < len(words):
                length, title = found
                title_start = words[i + 1 - length][0]
                words = words[i + 1 :]
                break
        else:
            title, title_start = self._title_before(words[0][0])
            while len(words) > 1 and zipf(words[0][2]) >= _SENTENCE_WORD:
                words = words[1:]
        while words and words[0][2] in COURTESY_TITLES:
            words = words[1:]
        names = tuple(w for _, _, w in words)
        if len(names) == 1 and (names[0],) in _TITLES:
            return None  # the Mayor said: a title, nobody named
        if not names or any(w in _NOT_NAMES for w in names) or not names[-1][:1].isupper():
            return None
        qualified = bool(_QUALIFIED.search(self.text[max(0, title_start - 12) : title_start]))
        return Mention(words[0][0], words[-1][1], names, title, title_start, qualified)

    def _title_ending(self, words: list[tuple[int, int, str]], i: int) -> tuple[int, str] | None:
        """The longest listed title whose last word is ``words[i]``: (its length, title)."""
        for length in range(min(_LONGEST_TITLE, i + 1), 0, -1):
            key = tuple(w for _, _, w in words[i + 1 - length : i + 1])
            if key in _TITLES:
                return length, _TITLES[key]
        return None

    def _title_before(self, start: int) -> tuple[str | None, int]:
        """An abbreviated title just before a name (``Sen. Okafor``, ``Lt. Gov. Okafor``):
        its period ends the name checker's run, so it is read here."""
        m = _ABBREVIATED_TITLE.search(self.text, max(0, start - 16), start)
        if m is None:
            return None, start
        words = [(w.start(), w.group()) for w in re.finditer(r"[A-Za-z]+", m.group())]
        for k in range(len(words)):
            key = tuple(w for _, w in words[k:])
            if key in _TITLES:
                return _TITLES[key], m.start() + words[k][0]
        return None, start

    def who(self, mention: Mention) -> str | None:
        """The person a mention refers to: the full name where the draft gives one, a
        surname nobody else carries, or None when two people share it."""
        if len(mention.words) > 1:
            return " ".join(self._canonical[mention.words])
        full = self._full.get(mention.words[0], set())
        if len(full) > 1:
            return None
        return " ".join(next(iter(full))) if full else mention.words[0]
