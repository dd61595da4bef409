"""The ``proofer`` command's entry point, kept light: ``check --daemon`` and ``daemon
status|stop`` go to the warm daemon without importing the engine; everything else runs
the command line here."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

EXIT_CLOSED_PIPE = 128 + 13  # what a shell reports for a process ended by SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``proofer``; returns the exit status."""
    try:
        status = _run(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (`proofer rules | head`): stop quietly, as Unix tools do.
        # Standard output is pointed at /dev/null so the exit's own flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLOSED_PIPE


def _run(args: list[str]) -> int:
    if args[:1] == ["check"] and "--daemon" in args:
        from proofer.daemon import run_client

        return run_client(args)
    if args[:1] in (["check"], ["fix"]):
        # Harper's dictionary builds on a thread of its own while the rest of the program
        # is imported: both are needed before the first word is checked.
        from proofer.engines.harper import start_dictionary

        start_dictionary()
    from proofer.cli import main as run_here

    return run_here(args)
