"""Ignores the copy editor can take back: in this draft or always, listed in Settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.qt_support import dialogs, make_window, settings, wait_checked
from ui.main_window import MainWindow
from ui.settings import IgnoreKind, Settings
from ui.settings_dialog import SettingsDialog

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support

pytestmark = pytest.mark.gui

SLIPS = "The harbour comittee met.\n\nThe comittee voted and it was recieved well.\n"


def drafts(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(SLIPS, encoding="utf-8")
    second.write_text(SLIPS, encoding="utf-8")
    return first, second


def shown(window: MainWindow) -> list[str]:
    return [m.text for m in window.editor.marked]


def act(window: MainWindow, word: str, label: str) -> None:
    marked = next(m for m in window.editor.marked if m.text == word)
    menu = window.editor.context_menu_for(marked)
    next(a for a in menu.actions() if a.text() == label).trigger()


def test_ignore_all_is_for_this_draft_unless_always(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second = drafts(tmp_path)
    window = make_window()
    window.open_path(first)
    wait_checked(qtbot, window)
    act(window, "comittee", "Ignore all in this draft")
    assert "comittee" not in shown(window) and "recieved" in shown(window)
    other = make_window()
    other.open_path(second)
    wait_checked(qtbot, other)
    assert shown(other).count("comittee") == 2  # another draft still shows it
    act(other, "recieved", "Ignore all, always")
    assert "recieved" not in shown(other)
    window.check_now()
    wait_checked(qtbot, window)
    assert "recieved" not in shown(window)  # always: in every draft


def test_settings_list_what_was_ignored_and_added_and_remove_brings_it_back(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path: Path, settings: Settings
) -> None:
    first, _ = drafts(tmp_path)
    window = make_window()
    window.open_path(first)
    wait_checked(qtbot, window)
    act(window, "comittee", "Ignore all in this draft")
    act(window, "recieved", "Ignore")
    wait_checked(qtbot, window)
    dialog = SettingsDialog(settings, window)
    rows = {(e.text(0), e.text(1), e.text(2)) for e in dialog.taken_back.entries()}
    assert any(r[0] == "comittee" and r[2] == "first.txt" for r in rows)
    assert any(r[0] == "recieved" and r[2] == "one place" for r in rows)
    for entry in dialog.taken_back.entries():
        entry.setSelected(entry.text(0) == "comittee")
    dialog.taken_back.remove_selected()
    assert all(e.text(0) != "comittee" for e in dialog.taken_back.entries())
    assert settings.ignored_in(str(first))  # nothing changes before OK
    dialog.apply()
    assert not settings.ignored_in(str(first))
    window.check_now()
    wait_checked(qtbot, window)
    assert shown(window).count("comittee") == 2 and "recieved" not in shown(window)


def test_a_word_added_to_the_dictionary_can_be_removed(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path: Path, settings: Settings
) -> None:
    first, _ = drafts(tmp_path)
    window = make_window()
    window.open_path(first)
    wait_checked(qtbot, window)
    act(window, "comittee", "Add to dictionary")
    wait_checked(qtbot, window)
    assert "comittee" not in shown(window)
    settings.dictionary.write_text(
        "# our words\n" + settings.dictionary.read_text(encoding="utf-8") + "Kyiv\n",
        encoding="utf-8",
    )
    dialog = SettingsDialog(settings, window)
    entries = dialog.taken_back.entries()
    added = [e for e in entries if e.parent().text(0).startswith("Added to the dictionary")]
    assert sorted(e.text(0) for e in added) == ["Kyiv", "comittee"]
    next(e for e in added if e.text(0) == "comittee").setSelected(True)
    dialog.taken_back.remove_selected()
    dialog.apply()
    assert settings.dictionary.read_text(encoding="utf-8") == "# our words\nKyiv\n"
    window._apply_config(reload=True)
    window.check_now()
    wait_checked(qtbot, window)
    assert shown(window).count("comittee") == 2


def test_an_untitled_drafts_ignores_follow_it_when_saved(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path: Path, settings: Settings, dialogs
) -> None:
    window = make_window()
    window.editor.setPlainText(SLIPS)
    wait_checked(qtbot, window)
    act(window, "comittee", "Ignore all in this draft")
    target = tmp_path / "saved.txt"
    dialogs.expect("Save draft as", str(target))
    assert window.save()
    assert settings.ignored_in(str(target))
    assert all(d == str(target) for d, _ in settings.drafts_ignores())
    window.check_now()
    wait_checked(qtbot, window)
    assert "comittee" not in shown(window)
    settings.unignore(IgnoreKind.DRAFT, next(iter(settings.ignored_in(str(target)))), str(target))
    window.check_now()
    wait_checked(qtbot, window)
    assert "comittee" in shown(window)
