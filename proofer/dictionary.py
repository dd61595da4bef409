"""The user's own dictionary: words the copy desk has accepted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from proofer.words import strip_possessive


@dataclass
class KnownWords:
    """Words accepted without question: the user's dictionary and the entity list's words.

    A lower-case entry accepts any capitalisation; a capitalised one (a name) accepts
    itself and its all-capitals form.
    """

    exact: set[str] = field(default_factory=set)
    folded: set[str] = field(default_factory=set)

    def add(self, words: Iterable[str]) -> None:
        """Accept these words from now on."""
        for w in words:
            w = w.strip()
            if not w:
                continue
            if w.islower():
                self.folded.add(w)
            else:
                self.exact.add(w)
                self.exact.add(w.upper())

    def accepts(self, word: str) -> bool:
        """True when ``word``, or ``word`` without a possessive ending, is known, or is a
        known word made plural (a desk's ``connexions``, a family's ``Knightleys``)."""
        bare = strip_possessive(word)
        stems = [bare[: -len(end)] for end in ("s", "es") if bare.endswith(end)]
        return any(w in self.exact or w.lower() in self.folded for w in {word, bare, *stems})


def load_dictionary(path: Path) -> list[str]:
    """Words from a dictionary file: one a line, ``#`` starts a comment."""
    words = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def append_to_dictionary(path: Path, word: str) -> None:
    """Add ``word`` to a dictionary file, creating it when needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    sep = "" if not existing or existing.endswith("\n") else "\n"
    path.write_text(f"{existing}{sep}{word}\n", encoding="utf-8")
