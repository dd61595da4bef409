"""``python -m proofer`` runs the command line."""

from proofer.launch import main

raise SystemExit(main())
