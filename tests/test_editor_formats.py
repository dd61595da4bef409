"""The editor opens every kind of draft the engine reads, through the engine's one dispatch."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from proofer.formats import read_draft
from tests.qt_support import Dialogs, dialogs, make_window, settings, wait_checked

__all__ = ["dialogs", "make_window", "settings"]  # fixtures from tests.qt_support

pytestmark = pytest.mark.gui

STORY = "Harbour Vote\n\nThe harbour comittee met on Tuesday to vote on the new pier.\n"


@pytest.fixture
def odt(tmp_path: Path) -> Path:
    """An .odt written by LibreOffice from a plain-text story."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "src" / "story.txt"
    source.parent.mkdir()
    source.write_text(STORY, encoding="utf-8")
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return tmp_path / "story.odt"


def test_an_odt_opens_is_checked_and_is_saved_as_text(  # type: ignore[no-untyped-def]
    qtbot, make_window, dialogs: Dialogs, odt: Path, tmp_path: Path
) -> None:
    before = odt.read_bytes()
    window = make_window()
    assert window.open_path(odt)
    assert window.editor.toPlainText() == read_draft(odt).text  # what the CLI checks
    wait_checked(qtbot, window)
    assert any(m.text == "comittee" for m in window.editor.marked)
    assert window.draft.read_only
    # The .odt is never written: Save asks for a new name, and an .odt name is refused.
    window.editor.insertPlainText("Top line.\n")
    dialogs.expect("Save draft as", str(tmp_path / "copy.odt"))
    dialogs.expect("Cannot save", None)
    assert not window.save()
    text_copy = tmp_path / "story.txt"
    dialogs.expect("Save draft as", str(text_copy))
    assert window.save()
    assert text_copy.read_text(encoding="utf-8") == window.editor.toPlainText()
    assert "Top line." in text_copy.read_text(encoding="utf-8")
    assert odt.read_bytes() == before and not (tmp_path / "copy.odt").exists()
    assert not window.draft.read_only and window.draft.path == text_copy


@pytest.mark.parametrize(
    "suffix, markdown", [(".mdown", True), (".markdown", True), (".txt", False)]
)
def test_markdown_endings_are_the_engines(  # type: ignore[no-untyped-def]
    qtbot, make_window, tmp_path: Path, suffix: str, markdown: bool
) -> None:
    path = tmp_path / f"story{suffix}"
    path.write_text("The pier opens on Tuesday, says `the commitee list`.\n", encoding="utf-8")
    assert read_draft(path).markdown is markdown
    window = make_window()
    assert window.open_path(path)
    assert window.draft.markdown is markdown
    wait_checked(qtbot, window)
    flagged = any("commitee" in m.text for m in window.editor.marked)
    assert flagged is not markdown  # code in backticks is not prose in Markdown
