"""Open the Proofer editor: ``python main.py [DRAFT]`` (a missing DRAFT is a new one)."""

from __future__ import annotations

import sys
from pathlib import Path

from ui import qt_libraries


def main(argv: list[str]) -> int:
    """Start the editor, on the draft named on the command line if any."""
    problem = qt_libraries.problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        from PySide6.QtWidgets import QApplication

        from ui.main_window import MainWindow
    except ImportError as exc:  # a system library Qt itself needs
        print(f"Qt cannot be loaded: {exc}", file=sys.stderr)
        return 1
    app = QApplication(argv)
    app.setOrganizationName("Proofer")
    app.setApplicationName("Proofer")
    window = MainWindow()
    window.show()
    if len(argv) > 1:
        window.open_path(Path(argv[1]), create=True)
    window.recover_unsaved_work()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
