"""The ``proofer`` command's entry point, kept light: ``check --daemon`` and ``daemon
status|stop`` go to the warm daemon without importing the engine; everything else runs
the command line here."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``proofer``; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"] and "--daemon" in args:
        from proofer.daemon import run_client

        return run_client(args)
    from proofer.cli import main as run_here

    return run_here(args)
