"""Reading documents: files, folders and standard input, in the formats and encodings we meet.

Every document comes out as NFC text with '\\n' line endings. For .html and .docx the offsets and
line numbers downstream refer to the extracted text, not to the markup.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from align.document import Document
from align.errors import BadInputError

STDIN = "-"
STDIN_SOURCE = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES
MIB = 1024 * 1024
MAX_BYTES = 50 * MIB
# Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings we accept from charset-normalizer; anything else is reported, never guessed.
# In order of preference: when charset-normalizer finds two equally clean, the first wins, so
# French in cp1252 is never read as Central European cp1250 (ï as ď, à as ŕ).
_LEGACY_ORDER = (
    "cp1252",
    "iso8859_15",
    "latin_1",
    "mac_roman",
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
)
_LEGACY = frozenset(_LEGACY_ORDER)
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
        return _docx_document(data, source)
    fmt = "html" if suffix in HTML_SUFFIXES else "md" if suffix in {".md", ".markdown"} else "txt"
    return decode_document(data, source, fmt)


def sniff_format(data: bytes) -> str:
    """The format of nameless bytes (standard input): docx, html or txt, from how they start."""
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    head = data[:1024].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def decode_document(data: bytes, source: str, fmt: str = "txt") -> Document:
    """Decode bytes into a Document; html is reduced to its visible text, docx to its paragraphs."""
    if fmt == "docx":
        return _docx_document(data, source)
    if not data.strip():
        raise BadInputError(source, "file is empty", "give a file with text in it")
    text, encoding = decode_bytes(data, source)
    if fmt == "html":
        from align.htmltext import visible_text

        text = visible_text(text)
    text = normalise_text(text)
    if not text.strip():
        raise BadInputError(source, "file has no visible text", "give a file with text in it")
    return Document(source=source, text=text, encoding=encoding, fmt=fmt)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding): BOMs first, then strict UTF-8, then a detected legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise BadInputError(
                    source,
                    f"starts with a {encoding} mark but is not valid {encoding}",
                    "re-save it as UTF-8",
                ) from None
    if b"\x00" in data:
        raise BadInputError(source, "looks like a binary file", "give a text, .html or .docx file")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect_legacy(data, source)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise BadInputError(source, "looks like a binary file", "give a text, .html or .docx file")
    return text, encoding


def _detect_legacy(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = [
        m for m in from_bytes(data, cp_isolation=list(_LEGACY_ORDER)) if m.encoding in _LEGACY
    ]
    if not matches:
        raise BadInputError(
            source, "is not UTF-8 and its encoding could not be recognised", "re-save it as UTF-8"
        )
    # Least mess first, then most coherent language, then our preference; rounded so that
    # noise-level differences between two clean decodings do not beat the preference.
    best = min(
        matches,
        key=lambda m: (
            round(m.chaos, 2),
            -round(m.coherence, 2),
            _LEGACY_ORDER.index(m.encoding),
        ),
    )
    return str(best), best.encoding


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return controls / len(text)


def normalise_text(text: str) -> str:
    """NFC, '\\n' line endings, no BOM or stray NUL-like controls that glue words."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def _docx_document(data: bytes, source: str) -> Document:
    import io
    import zipfile

    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a declared dependency
        raise BadInputError(
            source, ".docx support is not installed", "pip install python-docx"
        ) from None
    try:
        parsed = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise BadInputError(
            source, f"is not a readable .docx ({err})", "open and re-save it in Word or LibreOffice"
        ) from None
    paragraphs = list(_docx_blocks(parsed))
    # A blank line between paragraphs keeps Word's paragraphs as our paragraphs.
    text = normalise_text("\n\n".join(p for p in paragraphs if p.strip()))
    if not text.strip():
        raise BadInputError(source, "document has no text", "give a document with text in it")
    return Document(source=source, text=text, encoding="docx", fmt="docx")


def _docx_blocks(container: Any) -> Iterator[str]:
    """Paragraph texts in document order, tables row by row, a merged cell once."""
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):
            # A merged cell is returned once per grid column it spans; holding its element
            # keeps lxml's proxy, so the same cell is the same object.
            seen: set[Any] = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _docx_blocks(cell)
        else:
            yield block.text
