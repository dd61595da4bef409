"""The start-up check for the system libraries Qt's X11 plugin needs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ui import qt_libraries


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs a C compiler to build a library")
def test_a_missing_library_is_named_with_its_package(tmp_path: Path) -> None:
    # A real shared library whose dependency (named as Debian names libxcb-icccm's) is gone.
    (tmp_path / "dep.c").write_text("int dep(void) { return 1; }\n", encoding="utf-8")
    (tmp_path / "plugin.c").write_text(
        "int dep(void);\nint plugin(void) { return dep(); }\n", encoding="utf-8"
    )
    dep = tmp_path / "libxcb-icccm.so.4"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(dep), "-Wl,-soname,libxcb-icccm.so.4",
         str(tmp_path / "dep.c")],
        check=True,
    )  # fmt: skip
    plugin = tmp_path / "libplugin.so"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "plugin.c"), str(dep)],
        check=True,
    )
    dep.unlink()
    missing = qt_libraries.missing_libraries(plugin)
    assert missing == ["libxcb-icccm.so.4"]
    assert qt_libraries.advice(missing).endswith("sudo apt-get install libxcb-icccm4")


def test_every_library_missing_here_has_its_package_named() -> None:
    plugin = qt_libraries.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    missing = qt_libraries.missing_libraries(plugin)
    assert all(lib in qt_libraries.PACKAGES for lib in missing), missing


def test_another_platform_needs_no_x11_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qt_libraries.problem() is None
