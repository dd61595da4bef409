"""``python -m proofer`` runs the command line."""

from proofer.cli import main

raise SystemExit(main())
