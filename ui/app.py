"""Start the editor: ``proofer-editor [DRAFT]`` (installed with the package) or
``python main.py [DRAFT]``; a missing DRAFT is a new one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ui import qt_libraries

ICON = Path(__file__).resolve().parent.parent / "resources" / "proofer.svg"


def main(argv: list[str] | None = None) -> int:
    """Start the editor, on the draft named on the command line if any."""
    argv = sys.argv if argv is None else argv
    problem = qt_libraries.problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from proofer.checkers.languagetool import stop_local_servers
        from ui.checking import still_busy
        from ui.main_window import MainWindow
    except ImportError as exc:  # a system library Qt itself needs
        print(f"Qt cannot be loaded: {exc}", file=sys.stderr)
        return 1
    app = QApplication(argv)
    app.setOrganizationName("Proofer")
    app.setApplicationName("Proofer")
    app.setDesktopFileName("proofer-editor")  # matches resources/proofer-editor.desktop
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    window = MainWindow()
    window.show()
    if len(argv) > 1:
        window.open_path(Path(argv[1]), create=True)
    window.recover_unsaved_work()
    code = app.exec()
    if still_busy():
        # A check in a step that cannot be stopped (a LanguageTool request): quit now, not
        # when it ends (Qt aborts a process whose thread still runs at exit, and Python's
        # exit handlers would tear Qt down first). Every window saved its settings and
        # drafts as it closed; a LanguageTool server started for the check is stopped.
        stop_local_servers()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
