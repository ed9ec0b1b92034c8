"""Reading documents: files, folders and standard input, each in its format, with size limits.

Every document comes out as NFC text with '\\n' line endings. For .html and .docx the offsets and
line numbers downstream refer to the extracted text, not to the markup.
"""

from __future__ import annotations

import codecs
import os
import select
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from align.document import Document, DocumentFormat
from align.errors import BadInputError
from align.readers.encoding import decode_bytes, normalise_text

STDIN = "-"
STDIN_SOURCE = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES
MIB = 1024 * 1024
MAX_BYTES = 50 * MIB
_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1024 * 1024
# How long a named pipe may stay silent before it is refused (nothing is writing to it).
FIFO_WAIT_SECONDS = 10


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
                data = read_capped(stream, STDIN_SOURCE, max_bytes)
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
                except Exception as err:
                    # Memory, recursion or a reader's bug on one file must not stop the others.
                    skipped.append(Skipped(str(file), _unexpected(err)))
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


def _unexpected(err: BaseException) -> str:
    if isinstance(err, MemoryError):
        return "too large to read in the memory there is"
    if isinstance(err, RecursionError):
        return "nested too deeply to be read"
    detail = " ".join(str(err).split())[:120]
    return f"could not be read (unexpected {type(err).__name__}: {detail}); please report it"


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
    source = source_name(path)
    data = read_capped_file(path, source, max_bytes)
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from align.readers.docx import docx_document  # python-docx only for Word files

        return docx_document(data, source, max_text=max_bytes)
    if suffix in HTML_SUFFIXES:
        fmt = DocumentFormat.HTML
    elif suffix in {".md", ".markdown"}:
        fmt = DocumentFormat.MD
    else:
        fmt = DocumentFormat.TXT
    return decode_document(data, source, fmt)


def source_name(path: Path) -> str:
    """`path` as a document's name: bytes of the name that are not UTF-8 (which Python holds as
    lone surrogates, that no export can write) shown as `\\xff`, so every export can hold it."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_capped_file(path: Path, source: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, never more than `max_bytes` read, whatever the file says its size is.

    A regular file is refused on its size, then read with the cap (a file can grow, and /proc
    files say 0); a named pipe is read with the cap once a program writes to it (refused after
    FIFO_WAIT_SECONDS of silence); devices and sockets are refused.
    """
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise BadInputError(source, "is a folder", "name the folder itself, not a file in it")
        if stat.S_ISFIFO(mode):
            return _read_fifo(path, source, max_bytes)
        if not stat.S_ISREG(mode):
            raise BadInputError(
                source,
                "is a device or a socket, not a document",
                "give a file, or pipe the text to '-' (standard input)",
            )
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_big(source, max_bytes, size)
        with path.open("rb") as handle:
            return read_capped(handle, source, max_bytes)
    except PermissionError:
        raise BadInputError(source, "permission denied", "make the file readable") from None
    except IsADirectoryError:
        raise BadInputError(
            source, "is a folder", "name the folder itself, not a file in it"
        ) from None
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise BadInputError(source, f"cannot be read ({reason})", "check the file") from None


def read_capped(stream: BinaryIO, source: str, max_bytes: int = MAX_BYTES) -> bytes:
    """Read `stream` to its end, refusing it as soon as it holds more than `max_bytes`."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise _too_big(source, max_bytes)
        chunks.append(chunk)


def _too_big(source: str, max_bytes: int, size: int | None = None) -> BadInputError:
    """The refusal of an input over the limit; `size` when known before reading."""
    if size is None:
        problem = f"is over the {_size(max_bytes)} limit (reading stopped there)"
    else:
        problem = f"file is {_size(size)}, over the {_size(max_bytes)} limit"
    return BadInputError(source, problem, "split it into smaller files")


def _size(n: int) -> str:
    return f"{n // MIB} MB" if n >= MIB else f"{n} bytes"


def _read_fifo(path: Path, source: str, max_bytes: int) -> bytes:
    # Opening a named pipe blocks until a program opens it for writing: open it without
    # blocking, wait a while for the first bytes (or the writer's end), then read with the cap.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
        if not poller.poll(FIFO_WAIT_SECONDS * 1000):
            raise BadInputError(
                source,
                f"is a named pipe nothing wrote to in {FIFO_WAIT_SECONDS} s",
                "start the program that writes to it first, or pipe it to '-'",
            )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return read_capped(handle, source, max_bytes)
    finally:
        os.close(fd)


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
        from align.readers.docx import docx_document

        return docx_document(data, source, max_text=MAX_BYTES)
    if not data.strip():
        raise BadInputError(source, "file is empty", "give a file with text in it")
    text, encoding = decode_bytes(data, source)
    lines: tuple[int, ...] = ()
    if fmt is DocumentFormat.HTML:
        from align.readers.html import page_text  # here: a text file needs none of it

        text, lines = page_text(text)
    text = normalise_text(text)
    if not text.strip():
        raise BadInputError(source, "file has no visible text", "give a file with text in it")
    if lines and len(lines) != text.count("\n"):
        lines = ()  # normalising changed the lines: better no source line than a wrong one
    return Document(source=source, text=text, encoding=encoding, fmt=fmt, source_lines=lines)
