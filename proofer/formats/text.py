"""Plain-text and Markdown drafts: decoding that never guesses blindly, saving that never
loses the draft.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such, and UTF-16 is written
back in its own byte order, BOM first. Anything else is a
legacy export: Windows-1252 when its typographic bytes (curly quotes, dashes in
0x80-0x9F) are present, since those are control codes in every ISO-8859 encoding; other
encodings are left to ``charset-normalizer``'s detection. Line endings are kept as read.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from charset_normalizer import from_bytes

from proofer.document import Document

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Encodings whose files start with a byte-order mark: the mark, and the codec of what follows.
_BOMS = {
    "utf-8-sig": (codecs.BOM_UTF8, "utf-8"),
    "utf-16-le": (codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf-16-be": (codecs.BOM_UTF16_BE, "utf-16-be"),
}


class DraftError(Exception):
    """A draft that cannot be read as text; the message is one line for the user."""


def read_text_draft(path: Path) -> Document:
    """Read a plain-text or Markdown draft. Raises ``DraftError`` with a plain message."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DraftError(f"{path}: is a folder, not a draft") from None
    except OSError as exc:
        raise DraftError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    text, encoding = decode(data, str(path))
    return Document(text, str(path), encoding, path.suffix.lower() in MARKDOWN_SUFFIXES)


def decode(data: bytes, name: str = "-") -> tuple[str, str]:
    """The text of a draft's bytes and the encoding it was in (an empty draft is "")."""
    for encoding, (bom, codec) in _BOMS.items():
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), encoding
            except UnicodeDecodeError:
                raise DraftError(f"{name}: damaged {encoding} text") from None
    if b"\x00" in data:
        raise DraftError(f"{name}: a binary file, not a text draft")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _is_cp1252(data):
        return data.decode("cp1252"), "cp1252"
    return _detected(data, name)


def _detected(data: bytes, name: str) -> tuple[str, str]:
    """charset-normalizer's best reading; on a tie, Windows-1252, the legacy default of
    Word and web exports in English-language newsrooms."""
    results = list(from_bytes(data))
    if results:
        best = results[0]
        tied = [r for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
        chosen = next((r for r in tied if r.encoding == "cp1252"), best)
        return str(chosen), chosen.encoding
    if not {b for b in data if 0x80 <= b <= 0x9F} & _CP1252_UNDEFINED:
        return data.decode("cp1252"), "cp1252"
    raise DraftError(f"{name}: not text in any encoding this tool recognises")


def _is_cp1252(data: bytes) -> bool:
    """Bytes in 0x80-0x9F that Windows-1252 defines (curly quotes, dashes, ellipsis)."""
    c1 = {b for b in data if 0x80 <= b <= 0x9F}
    return bool(c1) and not (c1 & _CP1252_UNDEFINED)


def encode(text: str, encoding: str, name: str = "-") -> bytes:
    """``text`` as a file in ``encoding``, with the byte-order mark the encoding's files carry.

    A character the encoding cannot hold raises ``DraftError``.
    """
    bom, codec = _BOMS.get(encoding, (b"", encoding))
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError as exc:
        raise DraftError(
            f"{name}: ‘{exc.object[exc.start : exc.end]}’ cannot be saved as {encoding}"
        ) from None


def write_draft(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` in ``encoding`` atomically (see ``write_atomically``)."""
    write_atomically(path, encode(text, encoding, str(path)))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a file beside ``path``, then rename it over ``path``.

    A crash or a full disk leaves the old file whole. A symbolic link stays a link: its
    target is the file replaced. Nothing is written if it cannot be encoded or the folder
    is missing (``DraftError``).
    """
    target = Path(os.path.realpath(path))  # through any symbolic links
    if not target.parent.is_dir():
        raise DraftError(f"{path}: the folder {target.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise DraftError(f"{path}: cannot write there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
