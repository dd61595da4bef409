"""Numbers stated twice: a vote given one way and then referred back to another way.

Only what can be told reliably: a definite reference back (``the 6-3 vote``) whose tally the
draft never gives, when exactly one other tally of the same total (the same body voting) was
given before it. A story reporting several votes, by bodies of different sizes, stays quiet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proofer.checkers.facts.common import Draft, where
from proofer.findings import Category, Finding
from proofer.rules import Rule

TALLY = Rule(
    id="facts.tally",
    category=Category.FACTS,
    summary="A vote referred back to with a different tally from the one reported.",
    why="The same vote given two ways is a correction waiting to happen. It is flagged only "
    "when a reference back (the 6-3 vote) matches no tally in the story and one other tally "
    "of the same size came before it.",
    example="voted 7-2 … the 6-3 vote -> 7-2 in paragraph 1",
    flags=("The council voted 7-2 to approve it.\n\nFoes of the 6-3 vote will appeal.",),
    passes=(
        "The council voted 7-2 to approve it.\n\nFoes of the 7-2 vote will appeal.",
        "The board voted 7-2 on the budget and 5-4 on the plan. The 5-4 vote was close.",
        "The council voted 7-2. The committee's 3-2 vote came first.",
    ),
)

_TALLY = r"(?<![\d.,])(?P<a>\d{1,3})(?:\s?[-–—]\s?|-to-|\sto\s)(?P<b>\d{1,3})(?![\d.,]\d)"
_VOTE = r"(?P<kind>votes?|voted|voting|decision|ruled|ruling|verdict|majority|margin)"
# A body's vote and a court's ruling are told apart: a council's 7-2 is not a court's 5-4.
_RULING = frozenset({"decision", "ruled", "ruling", "verdict"})
_ANY = re.compile(_TALLY)
# A tally given as a vote's: "voted 7-2", "a vote of 7-2", "by a 7-2 margin".
_GIVEN = (
    re.compile(rf"\b{_VOTE}\b(?:\s+\w+){{0,3}}?\s+(?:of\s+)?{_TALLY}", re.IGNORECASE),
    re.compile(rf"{_TALLY}\s+{_VOTE}\b", re.IGNORECASE),
)
_BACK = re.compile(rf"\bthe\s+{_TALLY}\s+(?P<kind>vote|decision|ruling|verdict)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Tally:
    start: int
    end: int
    counts: tuple[int, int]  # larger side first: 7-2 and 2-7 are one tally
    ruling: bool  # a court's decision rather than a body's vote

    @property
    def total(self) -> int:
        return sum(self.counts)


RULES = (TALLY,)


def check(draft: Draft) -> list[Finding]:
    """One finding for each reference back that contradicts the one earlier tally."""
    doc, text = draft.doc, draft.text
    given = {t.start: t for p in _GIVEN for m in p.finditer(text) if (t := _tally(m))}
    anywhere = [t for m in _ANY.finditer(text) if (t := _tally(m))]
    findings = []
    for ref in (t for m in _BACK.finditer(text) if (t := _tally(m))):
        if any(t.counts == ref.counts and t.start != ref.start for t in anywhere):
            continue  # the tally is given elsewhere: another vote, or this one
        before = {
            t.counts: t
            for t in given.values()
            if t.start < ref.start
            and t.total == ref.total
            and t.counts != ref.counts
            and t.ruling == ref.ruling
        }
        if len(before) != 1:
            continue
        earlier = next(iter(before.values()))
        said = doc.text[earlier.start : earlier.end]
        findings.append(
            TALLY.finding(
                ref.start,
                ref.end,
                f"The vote is {said} {where(doc, earlier.start, ref.start)}, "
                f"{doc.text[ref.start : ref.end]} here.",
                (said,),
            )
        )
    return findings


def _tally(m: re.Match[str]) -> _Tally | None:
    a, b = int(m.group("a")), int(m.group("b"))
    if a == 0 and b == 0:
        return None
    ruling = (m.groupdict().get("kind") or "").lower() in _RULING
    return _Tally(m.start("a"), m.end("b"), (max(a, b), min(a, b)), ruling)
