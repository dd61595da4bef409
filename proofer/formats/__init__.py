"""Reading and writing drafts. Every reader returns a ``Document``; nothing is lost on write."""

from proofer.formats.text import DraftError, read_draft, write_draft

__all__ = ["DraftError", "read_draft", "write_draft"]
