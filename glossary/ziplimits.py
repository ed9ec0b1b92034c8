"""Zip packages (.docx, .xlsx) checked against limits before any XML parser builds a tree.

A few megabytes of zip can hold gigabytes of XML, or XML nested thousands of levels deep, or a
sheet whose cells sit a million rows and sixteen thousand columns apart. Before python-docx or
openpyxl see a package, `check_package`:

- counts its parts and adds up their declared (uncompressed) sizes;
- decompresses each part in chunks, counting the bytes it really holds (zipfile stops at the
  declared size; a part whose CRC then disagrees is refused: a reader reading it whole would
  inflate gigabytes first), and parses each XML part with lxml's pull
  parser, element by element, without keeping the tree: the depth of elements is bounded, and a
  DTD is refused (OOXML parts never have one; in a package it only serves entity expansion attacks);
- in worksheets, counts the cells a reader pads rows to (each row up to its last cell).

Only a limit raises; a package that is damaged in other ways is left to its format's reader,
which says so in its own words.

A reader that streams some parts itself (glossary.workbook.stream) names them in `skip`: their
declared sizes still count, but they are inflated and parsed once, by that reader, which applies
the same depth and cell limits as it goes (`Refused`, `too_deep`, `too_many_cells`).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from glossary.errors import FileProblem

MIB = 1024 * 1024
_CHUNK = 64 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_CELL_REF = re.compile(r"([A-Za-z]{1,3})?(\d+)?")


@dataclass(frozen=True)
class ZipLimits:
    """What a package may hold: bytes once unzipped, parts, element depth, padded sheet cells.

    Bytes once unzipped: any package may hold `max_unzipped`; past that, a package may hold
    `max_ratio` times its compressed size, up to `max_total`. A bomb inflates hundreds or
    thousands of times (3 GB from 3 MB); an honest document or glossary about ten times (names
    and sources differ row to row), so a big honest workbook passes and a bomb is refused on its
    declared sizes, or once its real bytes pass the limit.
    """

    max_unzipped: int = 100 * MIB
    max_parts: int = 10_000
    max_depth: int = 128
    max_cells: int = 10_000_000
    max_ratio: int = 50
    max_total: int = 2048 * MIB

    def allowed(self, packed: int) -> int:
        """The bytes a package of `packed` compressed bytes may hold once unzipped."""
        return min(self.max_total, max(self.max_unzipped, self.max_ratio * packed))


LIMITS = ZipLimits()
ErrorFactory = Callable[[str, str, str], FileProblem]


class _Refused(Exception):
    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


Refused = _Refused  # raised by a streaming reader applying these limits; worded by its caller


def too_deep(name: str, kind: str, limits: ZipLimits) -> _Refused:
    """The refusal of part `name`, whose elements nest deeper than `limits.max_depth`."""
    return _Refused(
        f"part {name} nests elements more than {limits.max_depth} levels deep",
        f"open and re-save it as {kind}, or split it into smaller files",
    )


def dtd_declared(name: str, kind: str) -> _Refused:
    """The refusal of part `name`, which declares a DTD."""
    return _dtd(name, kind)


def too_many_cells(limit: int, row: int, width: int) -> _Refused:
    """The refusal of a sheet whose padded rows, up to `row` (`width` wide), pass `limit` cells."""
    return _Refused(
        f".xlsx sheet spreads over more than {limit:,} cells (rows up to row "
        f"{row}, columns up to {width})",
        "delete the far-away cells in Excel or LibreOffice and save it again",
    )


def check_package(
    package: bytes | Path | IO[bytes],
    source: str,
    *,
    kind: str,
    limits: ZipLimits = LIMITS,
    error: ErrorFactory = FileProblem,
    skip: Callable[[str], bool] | None = None,
) -> None:
    """Raise `error(source, problem, fix)` when the package `source` exceeds one of `limits`.

    `kind` names the format in messages (".docx", ".xlsx"). A file that is not a zip, or a part
    that is damaged, returns quietly: the format's reader reports it. The parts whose names
    `skip` accepts are counted by their declared sizes only: the caller's reader streams them
    under the same limits, or does not read them at all.
    """
    import io

    stream: Any = io.BytesIO(package) if isinstance(package, bytes) else package
    try:
        # The compressed sizes the zip declares, at most the bytes it really has.
        start = stream.tell()
        on_disk = stream.seek(0, io.SEEK_END) - start
        stream.seek(start)
        with zipfile.ZipFile(stream) as archive:
            _check_archive(archive, kind, limits, on_disk, skip)
    except _Refused as refused:
        raise error(source, refused.problem, refused.fix) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError):
        return
    except zlib.error:
        return
    except (ValueError, KeyError, RuntimeError):
        # zipfile's own complaints about a damaged directory or an encrypted part.
        return


def _check_archive(
    archive: zipfile.ZipFile,
    kind: str,
    limits: ZipLimits,
    on_disk: int,
    skip: Callable[[str], bool] | None,
) -> None:
    infos = [info for info in archive.infolist() if not info.is_dir()]
    if len(infos) > limits.max_parts:
        raise _Refused(
            f"{kind} package holds {len(infos)} parts, over the limit of {limits.max_parts}",
            f"this is not a document a person saved; open and re-save it as {kind}",
        )
    packed = min(sum(info.compress_size for info in infos), on_disk)
    allowed = limits.allowed(packed)
    declared = sum(info.file_size for info in infos)
    if declared > allowed:
        raise _too_big(kind, declared, limits, allowed)
    budget = allowed
    for info in infos:
        if skip is not None and skip(info.filename):
            continue
        try:
            with archive.open(info) as part:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    budget -= _check_xml_part(part, info.filename, kind, limits, budget, allowed)
                else:
                    budget -= _drain(part)
                if budget < 0:
                    raise _too_big(kind, None, limits, allowed)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            # Its bytes disagree with its declared size or checksum, or do not inflate. Refused
            # here: a reader asking zipfile for the whole part would inflate gigabytes first.
            raise _Refused(
                f"part {info.filename} does not hold what the zip says (size, checksum or "
                "compressed data); the file is damaged or hostile",
                f"open and re-save it as {kind}, or restore a copy",
            ) from None


def _drain(part: IO[bytes]) -> int:
    """Inflate a part in chunks (zipfile stops at its declared size); the bytes it held."""
    size = 0
    while chunk := part.read(_CHUNK):
        size += len(chunk)
    return size


def _too_big(kind: str, size: int | None, limits: ZipLimits, allowed: int) -> _Refused:
    held = f"{size // MIB} MB" if size is not None else f"more than {allowed // MIB} MB"
    if allowed >= limits.max_total:
        why = f"over the {limits.max_total // MIB} MB limit"
    elif allowed <= limits.max_unzipped:
        why = (
            f"over the {limits.max_unzipped // MIB} MB limit (past it, a package may hold "
            f"{limits.max_ratio} times its compressed size: this one inflates more, like a zip "
            "bomb)"
        )
    else:
        why = (
            f"over its limit of {allowed // MIB} MB ({limits.max_ratio} times its compressed "
            "size: it inflates more, like a zip bomb)"
        )
    return _Refused(
        f"{kind} holds {held} once unzipped, {why}", "split the document into smaller files"
    )


def _check_xml_part(
    part: IO[bytes], name: str, kind: str, limits: ZipLimits, budget: int, allowed: int
) -> int:
    """Parse one XML part element by element; return the bytes it really held."""
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    cells = _SheetCells(limits.max_cells) if _WORKSHEET.fullmatch(name) else None
    state = _PartState(name, kind, limits, cells)
    size = 0
    while True:
        chunk = part.read(_CHUNK)
        if not chunk:
            break
        if size == 0 and _declares_dtd(chunk):
            raise _dtd(name, kind)
        size += len(chunk)
        if size > budget:
            raise _too_big(kind, None, limits, allowed)
        try:
            parser.feed(chunk)
        except etree.XMLSyntaxError:
            # Damaged XML: what was parsed before the damage still counts against the limits
            # (libxml2 stops at 256 levels by itself), the rest is the format reader's to report.
            state.read(parser.read_events())
            return size
        state.read(parser.read_events())
    return size


_DOCTYPE = tuple(b"<!DOCTYPE".decode().encode(c) for c in ("utf-8", "utf-16-le", "utf-16-be"))
_ELEMENT = re.compile(rb"<\x00?[A-Za-z_]|\x00<[A-Za-z_]")


def _declares_dtd(head: bytes) -> bool:
    """True when the start of a part declares a DTD before its first element."""
    first = _ELEMENT.search(head)
    limit = first.start() if first else len(head)
    return any(head.find(mark, 0, limit) >= 0 for mark in _DOCTYPE)


def _dtd(name: str, kind: str) -> _Refused:
    return _Refused(
        f"part {name} declares a DTD, which {kind} files never have (it serves XML entity "
        "expansion attacks)",
        f"open and re-save it as {kind} in Word, Excel or LibreOffice",
    )


class _PartState:
    """The depth of the element being parsed, checked event by event; parsed elements dropped."""

    def __init__(self, name: str, kind: str, limits: ZipLimits, cells: _SheetCells | None):
        self.name = name
        self.kind = kind
        self.limits = limits
        self.cells = cells
        self.depth = 0
        self.first = True

    def read(self, events: Iterable[tuple[str, Any]]) -> None:
        for event, element in events:
            if event == "start":
                if self.first:
                    self.first = False
                    if element.getroottree().docinfo.doctype:
                        raise _dtd(self.name, self.kind)
                self.depth += 1
                if self.depth > self.limits.max_depth:
                    raise too_deep(self.name, self.kind, self.limits)
                if self.cells is not None:
                    self.cells.start(element)
            else:
                self.depth -= 1
                # Drop what was parsed: memory stays that of one branch, not of the tree.
                element.clear(keep_tail=False)
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]


class _SheetCells:
    """The cells a reader builds for a sheet: every row padded up to its last cell."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0
        self.row = 0
        self.row_width = 0
        self.column = 0

    def start(self, element: Any) -> None:
        tag = element.tag
        local = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if local == "row":
            self._end_row()
            number = _row_number(element.get("r"))
            previous = self.row
            self.row = number if number is not None else previous + 1
            # Missing rows come back as empty rows: one slot each.
            self.total += max(self.row - previous, 1)
            self.row_width = 0
            self.column = 0
        elif local == "c":
            column = _column_number(element.get("r"))
            self.column = column if column is not None else self.column + 1
            self.row_width = max(self.row_width, self.column)
        else:
            return
        if self.total + self.row_width > self.limit:
            raise too_many_cells(self.limit, self.row, self.row_width)

    def _end_row(self) -> None:
        self.total += self.row_width
        self.row_width = 0


def _row_number(ref: str | None) -> int | None:
    if ref is None or not ref.isdigit():
        return None
    return int(ref)


def _column_number(ref: str | None) -> int | None:
    if not ref:
        return None
    match = _CELL_REF.fullmatch(ref)
    if match is None or match.group(1) is None:
        return None
    number = 0
    for letter in match.group(1).upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
