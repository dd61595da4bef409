"""A copy editor's long session: the real window through hundreds of edit-and-check cycles.

Slow (a minute or two), so it runs apart from the fast suite: ``./run soak``. It fails on a
crash, on checks that grow slower as the session goes on, and, where ``None`` is not
immortal (CPython before 3.12), on ``None`` losing references: a Qt binding that drops
one per call aborts the editor with "none_dealloc" after a few minutes of typing.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from tests.qt_support import dialogs, make_window, settings, wait_checked

__all__ = ["dialogs", "make_window", "settings"]  # fixtures shared with the editor tests

pytestmark = [pytest.mark.gui, pytest.mark.soak]

ROOT = Path(__file__).resolve().parent.parent
CYCLES = int(os.environ.get("SOAK_CYCLES", "200"))
# None's count moves by a few references as objects come and go; a binding that leaks one
# per Qt call loses hundreds per check, so this is crossed within a few cycles.
NONE_LOSS_BOUND = 2_000
# Sentences typed in the session, some with slips for the checker to find and fix.
PHRASES = [
    "The pier reopens on Friday.",
    "Commuters welcomed the news",
    "the councl voted late on Tuesday.",
    "A spokesman said tickets would cost less",
    "Engineers recieved the last report",
    "The ferry carries  two hundred people.",
    "Residents had waited for two years .",
    "The timetable was publised online.",
]


def test_a_long_editing_session_stays_fast_and_sound(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    draft = ROOT / "resources" / "sample-draft.txt"  # with its desk settings; never saved
    before = draft.read_bytes()
    window = make_window()
    window.show()
    assert window.open_path(draft)
    wait_checked(qtbot, window, timeout=60_000)
    editor = window.editor
    rng = random.Random(9)
    none_at_start = sys.getrefcount(None)
    lowest_none = none_at_start
    durations: list[float] = []
    counts = {"typed": 0, "undone": 0, "fixed": 0, "ignored": 0}

    for cycle in range(CYCLES):
        started = time.perf_counter()
        # Type a sentence at the end of a paragraph, as a reporter adds a line.
        blocks = [b for b in _blocks(editor) if b.text().strip()]
        block = rng.choice(blocks)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.setTextCursor(cursor)
        qtbot.keyClicks(editor, " " + rng.choice(PHRASES))
        counts["typed"] += 1
        if cycle % 2 == 1:  # keeps the draft about the same size over the session
            editor.undo()
            counts["undone"] += 1
        wait_checked(qtbot, window)
        fixable = [m for m in editor.marked if m.finding.suggestions and m.text.strip()]
        if cycle % 5 == 0 and fixable:
            marked = rng.choice(fixable)
            suggestion = marked.finding.suggestions[0]
            start = marked.start
            menu = editor.context_menu_for(marked)
            menu.actions()[0].trigger()  # the first fix, as the context menu offers it
            menu.deleteLater()
            text = editor.toPlainText()
            assert text[start : start + len(suggestion)] == suggestion
            counts["fixed"] += 1
            wait_checked(qtbot, window)
        elif cycle % 7 == 3 and editor.marked:
            marked = rng.choice(editor.marked)
            menu = editor.context_menu_for(marked)
            next(a for a in menu.actions() if a.text() == "Ignore").trigger()
            menu.deleteLater()
            assert all(
                (m.start, m.finding.rule) != (marked.start, marked.finding.rule)
                for m in editor.marked
            )
            counts["ignored"] += 1
        text = editor.toPlainText()
        for m in editor.marked:  # underlines sit on the text they describe
            assert text[m.start : m.end] == m.text
        durations.append(time.perf_counter() - started)
        lowest_none = min(lowest_none, sys.getrefcount(None))
        if sys.version_info < (3, 12):
            lost = none_at_start - sys.getrefcount(None)
            assert lost < NONE_LOSS_BOUND, (
                f"None lost {lost} references in {cycle + 1} cycles: the Qt binding leaks "
                "them and the editor will abort (see pyproject.toml)"
            )

    quarter = CYCLES // 4
    first, last = max(durations[:quarter]), max(durations[-quarter:])
    print(
        f"\nsoak: {CYCLES} cycles {counts}; slowest cycle {first:.3f} s in the first "
        f"quarter, {last:.3f} s in the last; None refcount change "
        f"{sys.getrefcount(None) - none_at_start:+d} (lowest {lowest_none - none_at_start:+d})"
    )
    assert counts["fixed"] > 10 and counts["ignored"] > 10
    assert draft.read_bytes() == before
    assert last < 3 * first + 1.0, f"checks stall as the session goes on: {first=} {last=}"


def _blocks(editor):  # type: ignore[no-untyped-def]
    block = editor.document().firstBlock()
    while block.isValid():
        yield block
        block = block.next()
