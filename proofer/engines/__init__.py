"""Adapters for outside engines: Harper (embedded) and LanguageTool (optional server)."""
