"""Before the editor starts on Linux: are the system libraries Qt's X11 plugin needs there?

A fresh Debian lacks some (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, ...), and Qt
then aborts with a long message about the "xcb" plugin. This asks ``ldd`` which libraries
the plugin cannot find and says, in one line, which packages to install; run as a module
(``./run demo`` does) it installs them itself when it can (root, with apt-get).

Nothing here imports Qt: it must run when Qt cannot.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# The Debian package of each library the xcb plugin (and the Qt libraries under it) load.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def xcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin, found without loading Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(library: Path) -> list[str]:
    """The libraries ``library`` needs (directly or not) that the system cannot find."""
    try:
        listing = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []  # no ldd (not glibc Linux): let Qt speak for itself
    missing = [line.split("=>")[0].strip() for line in listing.splitlines() if "not found" in line]
    return list(dict.fromkeys(missing))


def advice(missing: list[str]) -> str:
    """One line: what is missing and what to install."""
    packages = [PACKAGES[lib] for lib in missing if lib in PACKAGES]
    unknown = [lib for lib in missing if lib not in PACKAGES]
    line = f"The editor needs system libraries that are missing: {', '.join(missing)}."
    if packages:
        line += f" Install them with: sudo apt-get install {' '.join(packages)}"
    if unknown:
        line += f" (find the package for {', '.join(unknown)} with: apt-file search NAME)"
    return line


def needs_xcb() -> bool:
    """True when Qt will use its X11 plugin: Linux, and no other platform chosen."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    wayland = os.environ.get("XDG_SESSION_TYPE") == "wayland" and "WAYLAND_DISPLAY" in os.environ
    return sys.platform.startswith("linux") and (
        chosen.startswith("xcb") or not (chosen or wayland)
    )


def problem() -> str | None:
    """Why the editor cannot open a window here, in one line; None when it can."""
    if not needs_xcb():
        return None
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin else []
    if missing:
        return advice(missing)
    if not os.environ.get("DISPLAY"):
        return (
            "No display to open the editor on (DISPLAY is not set): run it in a desktop "
            "session, or with ssh -X"
        )
    return None


def main() -> int:
    """For ``./run demo``: install what is missing when root with apt-get, else say what."""
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin and needs_xcb() else []
    packages = [PACKAGES[lib] for lib in missing if lib in PACKAGES]
    if packages and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing the system libraries Qt needs: {' '.join(packages)}", file=sys.stderr)
        install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
        if subprocess.run(install, capture_output=True).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
            subprocess.run(install, capture_output=True)
    message = problem()
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
