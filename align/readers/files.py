"""Reading documents: files, folders and standard input, each in its format, with size limits.

Every document comes out as NFC text with '\\n' line endings. For .html and .docx the offsets and
line numbers downstream refer to the extracted text, not to the markup.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from align.errors import BadInputError
from align.model import Document, DocumentFormat
from align.readers.docx import docx_document
from align.readers.encoding import decode_bytes, normalise_text
from align.readers.html import visible_text

STDIN = "-"
STDIN_SOURCE = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES
MIB = 1024 * 1024
MAX_BYTES = 50 * MIB
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Skipped:
    """A file left out of a folder, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class ReadResult:
    """Documents read, in a stable order, and the files of a folder that were skipped."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()


def read_paths(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES
) -> ReadResult:
    """Read files and folders (recursively, sorted); `-` reads standard input.

    A file named explicitly must be readable or BadInputError is raised; inside a folder an
    unusable file is skipped and reported in `skipped`.
    """
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    stdin_read = False
    for raw in paths:
        if raw == STDIN:
            # Standard input can be read once; a second '-' is the same document named twice.
            if not stdin_read:
                stdin_read = True
                stream = stdin if stdin is not None else sys.stdin.buffer
                data = stream.read()
                documents.append(decode_document(data, STDIN_SOURCE, sniff_format(data)))
            continue
        path = Path(raw)
        if path.is_dir():
            found = _folder_files(path)
            for file in found:
                if file.resolve() in seen:
                    continue
                seen.add(file.resolve())
                try:
                    documents.append(read_file(file, max_bytes=max_bytes))
                except BadInputError as err:
                    skipped.append(Skipped(str(file), f"{err.problem}; {err.fix}".rstrip("; ")))
            if not found:
                raise BadInputError(
                    raw,
                    "folder holds no .txt, .md, .html or .docx file",
                    "name a folder with documents in it",
                )
        elif path.exists():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                documents.append(read_file(path, max_bytes=max_bytes))
        elif path.is_symlink():
            raise BadInputError(
                raw, "is a broken symbolic link (or a link loop)", "point the link at a file"
            )
        else:
            raise BadInputError(raw, "no such file or folder", "check the path")
    if not documents:
        names = ", ".join(paths) or "(no path)"
        raise BadInputError(names, "no readable document", "see the warnings above")
    return ReadResult(tuple(documents), tuple(skipped))


def _folder_files(folder: Path) -> list[Path]:
    files = [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in FOLDER_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file; the format follows its suffix (.docx, .html/.htm, anything else is text)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInputError(
                source,
                f"file is {size // MIB} MB, over the {max_bytes // MIB} MB limit",
                "split it into smaller files",
            )
        data = path.read_bytes()
    except PermissionError:
        raise BadInputError(source, "permission denied", "make the file readable") from None
    except IsADirectoryError:
        raise BadInputError(
            source, "is a folder", "name the folder itself, not a file in it"
        ) from None
    except OSError as err:
        raise BadInputError(source, f"cannot be read ({err.strerror})", "check the file") from None
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return docx_document(data, source)
    if suffix in HTML_SUFFIXES:
        fmt = DocumentFormat.HTML
    elif suffix in {".md", ".markdown"}:
        fmt = DocumentFormat.MD
    else:
        fmt = DocumentFormat.TXT
    return decode_document(data, source, fmt)


def sniff_format(data: bytes) -> DocumentFormat:
    """The format of nameless bytes (standard input): docx, html or txt, from how they start."""
    if data.startswith(_ZIP_MAGIC):
        return DocumentFormat.DOCX
    head = data[:1024].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return DocumentFormat.HTML
    return DocumentFormat.TXT


def decode_document(data: bytes, source: str, fmt: DocumentFormat = DocumentFormat.TXT) -> Document:
    """Decode bytes into a Document; html is reduced to its visible text, docx to its paragraphs."""
    fmt = DocumentFormat(fmt)
    if fmt is DocumentFormat.DOCX:
        return docx_document(data, source)
    if not data.strip():
        raise BadInputError(source, "file is empty", "give a file with text in it")
    text, encoding = decode_bytes(data, source)
    if fmt is DocumentFormat.HTML:
        text = visible_text(text)
    text = normalise_text(text)
    if not text.strip():
        raise BadInputError(source, "file has no visible text", "give a file with text in it")
    return Document(source=source, text=text, encoding=encoding, fmt=fmt)
