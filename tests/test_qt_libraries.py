"""The start-up check for the system libraries Qt's X11 plugin needs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ui import qt_libraries


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs a C compiler to build a library")
def test_a_missing_library_is_named_with_its_package(tmp_path: Path) -> None:
    # A real shared library whose dependency is gone.
    (tmp_path / "dep.c").write_text("int dep(void) { return 1; }\n", encoding="utf-8")
    (tmp_path / "plugin.c").write_text(
        "int dep(void);\nint plugin(void) { return dep(); }\n", encoding="utf-8"
    )
    dep = tmp_path / "libproofer-absent.so.7"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(dep), "-Wl,-soname,libproofer-absent.so.7",
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
    assert missing == ["libproofer-absent.so.7"]
    assert "apt-file search" in qt_libraries.advice(missing)


def test_the_advice_names_the_packages_of_a_fresh_debian() -> None:
    missing = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert qt_libraries.advice(missing).endswith(
        "Install them with: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )


def test_every_library_missing_here_has_its_package_named() -> None:
    plugin = qt_libraries.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    missing = qt_libraries.missing_libraries(plugin)
    assert all(lib in qt_libraries.PACKAGES for lib in missing), missing


def test_another_platform_needs_no_x11_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qt_libraries.problem() is None
