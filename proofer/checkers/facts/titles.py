"""Titles: the same person given two different titles before their name.

People can hold two offices, and a title can be out of date on purpose (``former Mayor``), so
this is a warning, and a hedged title (former, acting, then-) never counts. Courtesy titles
(Mr., Dr.) go with any office.
"""

from __future__ import annotations

from collections import defaultdict

from proofer.checkers.facts.common import Draft, Statement, odd_ones, where
from proofer.findings import Category, Finding
from proofer.rules import Rule

TITLE = Rule(
    id="facts.title",
    category=Category.FACTS,
    summary="The same person with two different titles before the name.",
    why="A wrong title is a correction the paper prints. People can hold two posts, so it is "
    "a warning; the title used most often (the first, on a tie) is offered as the fix.",
    example="Councillor Ada Okafor … Alderman Okafor -> Councillor in paragraph 1",
    flags=("Councillor Ada Okafor spoke.\n\nLater, Alderman Okafor left.",),
    passes=(
        "Councillor Ada Okafor spoke.\n\nLater, Councillor Okafor left.",
        "Councillor Ada Okafor spoke. Former Mayor Okafor left.",
        "Councillor Ada Okafor spoke. Mayor Ben Okafor, her brother, left.",
    ),
)


RULES = (TITLE,)


def check(draft: Draft) -> list[Finding]:
    """One finding for each title that disagrees with the one the draft mostly gives."""
    people, doc = draft.people, draft.doc
    titles: dict[str, list[Statement[str]]] = defaultdict(list)
    written: dict[int, str] = {}
    for mention in people.mentions:
        key = people.who(mention)
        if key is None or mention.title is None or mention.qualified:
            continue
        end = mention.title_start + len(doc.text[mention.title_start : mention.start].rstrip())
        titles[key].append(Statement(mention.title, mention.title_start, end))
        written[mention.title_start] = doc.text[mention.title_start : end]
    findings = []
    for key, stated in titles.items():
        first, others = odd_ones(stated)
        for odd in others:
            findings.append(
                TITLE.finding(
                    odd.start,
                    odd.end,
                    f"{key} is ‘{written[first.start]}’ {where(doc, first.start, odd.start)}, "
                    f"‘{written[odd.start]}’ here.",
                    (written[first.start],),
                )
            )
    return findings
