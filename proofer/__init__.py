"""Proofer: proofreading for newsrooms.

The engine lives here and never imports Qt; the editor in ``ui/`` is a view over it.
"""

__version__ = "0.1.0"
