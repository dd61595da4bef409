"""What a copy desk hands back on a draft: corrections to accept or reject, and queries.

A finding is a correction when its first suggestion can be trusted as a revision: its rule
marks the fix safe, or it is an error with a fix (a misspelling, a slip in a listed name).
The reporter reviews each revision, so review is the safety net. Every other finding is a
question (a name not on the list, an unknown word with no confident fix, an inconsistency)
and becomes a query: the finding's message, what it might be, and why the rule asks.

The command line hands back a draft as checked (``hand_back``); the editor hands back the
copy editor's own edits and the questions they left open (``hand_back_edited``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from proofer.findings import Finding, Severity
from proofer.formats.docx import (
    AUTHOR,
    WordDraft,
    add_comments,
    apply_fixes,
    remapped,
    rewrite,
)
from proofer.rules import Rule


def is_correction(finding: Finding, rules: Mapping[str, Rule]) -> bool:
    """True when ``finding``'s first suggestion may be written as a tracked change."""
    if not finding.suggestions:
        return False
    rule = rules.get(finding.rule)
    return finding.severity is Severity.ERROR or (rule is not None and rule.fix_safe)


def corrections(
    findings: Iterable[Finding], rules: Mapping[str, Rule]
) -> list[tuple[int, int, str]]:
    """``(start, end, replacement)`` for every correction."""
    return [(f.start, f.end, f.suggestions[0]) for f in findings if is_correction(f, rules)]


def queries(findings: Iterable[Finding], rules: Mapping[str, Rule]) -> list[tuple[int, int, str]]:
    """``(start, end, comment text)`` for every finding that is a question, in text order.

    One query per stretch of text: a question inside a wider one (a word of a name the
    name itself is queried for) is left out.
    """
    asked = sorted(
        (f for f in findings if not is_correction(f, rules)), key=lambda f: f.start - f.end
    )
    kept: list[Finding] = []
    for f in asked:
        if not any(k.start <= f.start and f.end <= k.end for k in kept):
            kept.append(f)
    out = []
    for f in sorted(kept, key=lambda f: (f.start, f.end)):
        text = f.message
        if f.suggestions:
            text += " Perhaps: " + ", ".join(f"‘{s}’" for s in f.suggestions[:3]) + "."
        rule = rules.get(f.rule)
        if rule is not None:
            text += f"\n{rule.why}"
        out.append((f.start, f.end, text))
    return out


def hand_back(
    draft: WordDraft, findings: Iterable[Finding], rules: Mapping[str, Rule], author: str = AUTHOR
) -> tuple[int, int]:
    """Write ``findings`` into a Word draft as a copy desk returns it: corrections as tracked
    changes, queries as comments, both by ``author``. Returns (revisions, comments)."""
    findings = list(findings)
    asked = add_comments(draft, queries(findings, rules), author)
    revised = apply_fixes(draft, corrections(findings, rules), tracked=True, author=author)
    return revised, asked


def hand_back_edited(
    draft: WordDraft,
    text: str,
    still_open: Iterable[Finding],
    rules: Mapping[str, Rule],
    author: str = AUTHOR,
) -> int:
    """Write the copy editor's work into a Word draft: ``text`` (the draft's text as they
    edited it) as tracked changes, and each question among ``still_open`` (findings they
    left, offsets into ``text``) as a comment on its text, both by ``author``. Returns how
    many comments were added."""
    rewrite(draft, text, tracked=True, author=author)
    edited = remapped(draft)  # offsets into ``text``, now that the edits are in the runs
    asked = [
        (start, end, note)
        for start, end, note in queries(still_open, rules)
        if edited.text[start:end] == text[start:end]
    ]
    return add_comments(edited, asked, author)
