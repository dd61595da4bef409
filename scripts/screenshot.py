"""Save a screenshot of the editor on the sample draft: ``python scripts/screenshot.py OUT``.

Runs the real window offscreen and waits for the first check to finish. The starter entity
list comes from resources/.proofer.toml, as it does for ``./run demo``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png"
    app = QApplication([])
    folder = tempfile.mkdtemp()
    q = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    q.setValue("dataFolder", folder)
    window = MainWindow(Settings(q))
    window.resize(1280, 760)
    window.show()
    loop = QEventLoop()
    window.checker.checked.connect(lambda _: QTimer.singleShot(200, loop.quit))
    QTimer.singleShot(30_000, loop.quit)
    window.open_path(ROOT / "resources" / "sample-draft.txt")
    loop.exec()
    window.editor.next_finding()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    window.editor.document().setModified(False)
    window.close()
    print(out)


if __name__ == "__main__":
    main()
