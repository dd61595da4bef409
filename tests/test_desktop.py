"""The editor as a desktop citizen: an installed command, a .desktop file, an icon, About."""

from __future__ import annotations

import configparser
import sys
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMessageBox

from proofer import __version__
from tests.qt_support import Dialogs, dialogs, make_window, settings
from ui import app

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_proofer_editor_is_a_gui_entry_point() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["gui-scripts"]["proofer-editor"] == "ui.app:main"
    installed = metadata.entry_points(group="gui_scripts", name="proofer-editor")
    assert [e.load() for e in installed] == [app.main]


def test_the_desktop_file_starts_the_editor_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(ROOT / "resources" / "proofer-editor.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Exec"].split()[0] == "proofer-editor"
    assert (ROOT / "resources" / f"{desktop['Icon']}.svg") == app.ICON
    assert "text/plain" in desktop["MimeType"].split(";")
    assert QSvgRenderer(str(app.ICON)).isValid()


def test_about_names_the_version_and_the_engines(make_window, dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    dialogs.expect("About Proofer", QMessageBox.StandardButton.Ok)
    next(a for a in window.actions_by_name.values() if a.text() == "&About Proofer").trigger()
    assert dialogs.asked == ["About Proofer"]
    text = window.about_text()
    assert f"Proofer {__version__}" in text
    assert f"harper-py {metadata.version('harper-py')}" in text
    assert "LanguageTool</td><td>off" in text
