"""The PySide6 editor: a thin, responsive view over the ``proofer`` engine."""
