"""Where ``proofer fix`` writes each of several drafts: over itself (``--in-place``) or into an
output folder that mirrors the folders given.

Everything that must not be written is refused before any draft is fixed: two drafts landing
on one file, a draft or another file replaced without ``--overwrite``, a draft fix cannot
write. A draft that is missing or unreadable is not refused here; it is told as it is reached
and the others are still fixed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from proofer.formats import READ_ONLY, WRITES, DraftError, Kind, drafts_in, kind_of, writable
from proofer.formats.text import write_atomically


@dataclass(frozen=True)
class Target:
    """A draft to fix and the file its fixed copy is written to (the draft itself in place)."""

    source: Path
    output: Path


def targets(
    paths: Sequence[str], output_dir: Path | None, overwrite: bool, word_only: bool
) -> list[Target]:
    """The drafts named in ``paths`` or found in the folders among them, in that order, each
    with its output: the draft itself when ``output_dir`` is None, else its path relative to
    the folder it was found in (a draft named alone: its name) under ``output_dir``. With
    ``word_only`` (tracked changes) folders give their Word drafts only.

    Raises ``DraftError`` (one line) for anything that must not be written.
    """
    if output_dir is not None and output_dir.exists() and not output_dir.is_dir():
        raise DraftError(f"{output_dir}: not a folder (--output-dir names the folder to write)")
    found: dict[str, tuple[Path, Path]] = {}  # by real path: a draft named twice is fixed once
    for given in paths:
        for draft, relative in _drafts(given, word_only):
            found.setdefault(os.path.realpath(draft), (draft, relative))
    written: dict[str, Path] = {}  # real output path -> the draft written there
    existing: list[Path] = []
    chosen = []
    for real_source, (draft, relative) in found.items():
        output = draft if output_dir is None else output_dir / relative
        real = os.path.realpath(output)
        if real in written:
            raise DraftError(f"{output}: both {written[real]} and {draft} would be written there")
        written[real] = draft
        if output_dir is not None:
            if real in found and real != real_source:
                raise DraftError(f"{output}: is another draft being fixed; {draft} cannot be "
                                 "written there")  # fmt: skip
            if real == real_source and not overwrite:
                raise DraftError(
                    f"{output}: that is the draft itself; pass --in-place or --overwrite "
                    "to replace it"
                )
            if real != real_source and not overwrite and os.path.lexists(output):
                existing.append(output)
        chosen.append(Target(draft, output))
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        files = "them" if more else "it"
        raise DraftError(
            f"{existing[0]}: the file exists{more}; pass --overwrite to replace {files}"
        )
    return chosen


def _drafts(given: str, word_only: bool) -> list[tuple[Path, Path]]:
    """The drafts ``given`` names, each with its path relative to the folder given."""
    if given == "-":
        raise DraftError("-: standard input is fixed one draft at a time, with --output")
    path = Path(given)
    if not path.is_dir():
        if not writable(path):
            kind = READ_ONLY.get(path.suffix.lower(), path.suffix)
            raise DraftError(f"{path}: fix cannot write {kind} drafts; it writes {WRITES}")
        if word_only and kind_of(path) is not Kind.WORD:
            raise DraftError(f"{path}: --track-changes needs Word (.docx) drafts; plain text "
                             "has no revisions")  # fmt: skip
        return [(path, Path(path.name))]
    drafts = [
        draft
        for draft in drafts_in(path)
        if writable(draft) and (kind_of(draft) is Kind.WORD or not word_only)
    ]
    if not drafts:
        kinds = "Word (.docx) drafts" if word_only else f"drafts fix can write ({WRITES})"
        raise DraftError(f"{path}: no {kinds} in this folder")
    return [(draft, draft.relative_to(path)) for draft in drafts]


def write(target: Target, data: bytes) -> None:
    """The fixed draft written to its output, atomically (a failed write leaves the old
    file whole), making the output's folders as needed. ``DraftError`` (one line) when it
    cannot be written."""
    try:
        target.output.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target.output, data)
    except OSError as exc:
        raise DraftError(f"{target.output}: cannot write it ({exc.strerror or exc})") from None
