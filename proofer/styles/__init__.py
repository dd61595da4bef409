"""The presets Proofer ships (TOML style files here) and the rules in code they name.

A preset is a style file like a desk's, chosen by name (``style = ["news-us"]``) and
versioned (``version = 1`` inside it; ``news-us@1`` pins it). Rules that need more than a
pattern are checker classes named in a file's ``checks`` list; they document themselves
with :class:`~proofer.rules.Rule` like every other rule.
"""

from __future__ import annotations

from collections.abc import Callable

from proofer.checkers import DocumentChecker, ParagraphChecker
from proofer.styles.news import DatelineChecker, NumberChecker, TitleChecker

# name in a style file's `checks` -> the checker that runs those rules
CODE_RULES: dict[str, Callable[[], ParagraphChecker | DocumentChecker]] = {
    "numbers": NumberChecker,
    "titles": TitleChecker,
    "dateline": DatelineChecker,
}
