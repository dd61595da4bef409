"""Ages: one person, one age, wherever the draft states it.

Only the forms news copy ties tightly to a name count (``Okafor, 54,``; ``Jane Okafor (54)``;
``Okafor, aged 54``; ``Okafor, a 54-year-old nurse``; ``Okafor, who is 54``; ``the
54-year-old Okafor``); an age anywhere else in a sentence may belong to anyone. Ages inside a
quotation are the speaker's, not the paper's statement, and are left out. A birthday in the
story (``turned 55``, ``her birthday``) lets an age differ by one.
"""

from __future__ import annotations

import re
from collections import defaultdict

from proofer.checkers.facts.common import Draft, Statement, odd_ones, where
from proofer.findings import Category, Finding
from proofer.rules import Rule

AGE = Rule(
    id="facts.age",
    category=Category.FACTS,
    summary="The same person given two different ages.",
    why="Wrong ages are among the commonest corrections a paper prints. The age stated most "
    "often (the first, on a tie) is taken as meant; people sharing a surname are told apart "
    "by their full names, and a birthday in the story allows a year's difference.",
    example="Ada Okafor, 54, … the 56-year-old Okafor -> 54 in paragraph 1, 56 here",
    flags=(
        "Ada Okafor, 54, runs the clinic.\n\nThe 56-year-old Okafor said it would stay open.",
        "Ada Okafor (54) spoke first. Later Okafor, aged 56, left.",
    ),
    passes=(
        "Ada Okafor, 54, runs the clinic. Her son, Ben Okafor, 26, helps. Okafor, 54, said so.",
        "Ada Okafor, 54, turned 55 on Sunday. The 55-year-old Okafor celebrated at home.",
        "Ada Okafor, 54, spoke. “Okafor, 60, was my teacher,” a neighbour said.",
    ),
)

_AFTER_NAME = re.compile(
    r",\s(?:aged\s|age\s|who\sis\s)?(?P<age>\d{1,3})(?=[,.;:]|\syears\sold\b)"
    r"(?![,.]?\s*(?:and|or|to|[-–])\s*\d)"  # Okafor, 54 and 56: a list of ages
    r"|,\san?\s(?P<adj>\d{1,3})-year-old\b"
)
# Jane Okafor (54): only after a full name, since a surname in brackets with a number is as
# often a goal's minute or a vote count (Okafor (23), Okafor (67)).
_BRACKETED = re.compile(r"\s\((?:aged\s)?(?P<age>\d{1,3})\)")
_BEFORE_NAME = re.compile(r"(?<![\d,.])(?P<age>\d{1,3})-year-old\s$")
_BIRTHDAY = re.compile(r"\bbirthday\b|\bturn(?:s|ed|ing)\s+\d{1,3}\b", re.IGNORECASE)
_OLDEST = 125


RULES = (AGE,)


def check(draft: Draft) -> list[Finding]:
    """One finding for each age that disagrees with the one the draft mostly gives."""
    people, quotes, text = draft.people, draft.quotations, draft.text
    ages: dict[str, list[Statement[int]]] = defaultdict(list)
    for mention in people.mentions:
        key = people.who(mention)
        if key is None:
            continue  # a surname two people in the story share
        spans = []
        after = _AFTER_NAME.match(text, mention.end)
        if after:
            spans.append(after.span("age" if after.group("age") else "adj"))
        bracketed = _BRACKETED.match(text, mention.end) if len(mention.words) > 1 else None
        if bracketed:
            spans.append(bracketed.span("age"))
        lead = mention.title_start
        before = _BEFORE_NAME.search(text, max(0, lead - 16), lead)
        if before:
            spans.append(before.span("age"))
        for start, end in spans:
            age = int(text[start:end])
            if 0 < age <= _OLDEST and not quotes.contains(start, end):
                ages[key].append(Statement(age, start, end))
    slack = 1 if _BIRTHDAY.search(text) else 0
    findings = []
    for key, stated in ages.items():
        first, others = odd_ones(stated)
        for odd in others:
            if abs(odd.value - first.value) <= slack:
                continue
            findings.append(
                AGE.finding(
                    odd.start,
                    odd.end,
                    f"{key} is {first.value} {where(draft.doc, first.start, odd.start)}, "
                    f"{odd.value} here.",
                    (str(first.value),),
                )
            )
    return findings
