"""OpenDocument text (.odt), read-only: its paragraphs and headings, one per line."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from proofer.document import Document
from proofer.formats.text import DraftError

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def read_odt(path: Path) -> Document:
    """Read an .odt. Raises ``DraftError`` for a missing, damaged or non-ODF file."""
    try:
        with zipfile.ZipFile(path) as package:
            content = package.read("content.xml")
    except FileNotFoundError:
        raise DraftError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, KeyError):
        raise DraftError(f"{path}: not an OpenDocument text file, or a damaged one") from None
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        raise DraftError(f"{path}: a damaged OpenDocument file") from None
    chunks, spans, offset = [], [], 0
    for element in root.iter():
        if element.tag not in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
            continue
        text = _text(element)
        chunks.append(text + "\n")
        spans.append((offset, offset + len(text)))
        offset += len(text) + 1
    return Document("".join(chunks), str(path), "odt", paragraph_spans=spans)


def _text(element: ElementTree.Element) -> str:
    """A paragraph's text: spans included, <text:s> as spaces, tabs and line breaks kept."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag.split("}")[1]
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        elif tag not in ("p", "h", "note"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
