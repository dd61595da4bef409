"""Open the Proofer editor: ``python main.py [DRAFT]`` (a missing DRAFT is a new one)."""

from __future__ import annotations

import sys

from ui.app import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
