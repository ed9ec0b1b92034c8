"""One writer for every workbook the tool makes (glossary.xlsx, alignment.xlsx, the check report):
cells that are XML-safe and never formulas, and files that are byte-reproducible and replaced
atomically.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from glossary.atomicfile import write_bytes_atomic
from glossary.errors import FileProblem

# Excel, LibreOffice and CSV importers read text starting with these as a formula.
FORMULA_START = ("=", "+", "-", "@")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """Text as a cell can hold it: line breaks as '\\n', characters XML forbids dropped."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def cell(
    sheet: Any, value: object, *, style: Any = None, font: Any = None, fill: Any = None
) -> Any:
    """A value ready for `sheet.append`: text cleaned and never a formula, styles applied.

    Returns the bare value when nothing needs a cell object (much cheaper in write-only sheets).
    """
    from openpyxl.cell import WriteOnlyCell  # openpyxl is heavy: loaded when a workbook is made

    if isinstance(value, str):
        # An empty string would be written as an inline string with no text; leave it blank.
        value = clean_text(value) or None
    formula_like = isinstance(value, str) and value.startswith(FORMULA_START)
    if not (formula_like or style or font or fill):
        return value
    out = WriteOnlyCell(sheet, value)
    if formula_like:
        # openpyxl turns '=...' into a formula; what a person or a text wrote stays text.
        out.data_type = "s"
        out.quotePrefix = True
    if style is not None:
        out.alignment = style
    if font is not None:
        out.font = font
    if fill is not None:
        out.fill = fill
    return out


def row(sheet: Any, values: Any, **styles: Any) -> list[Any]:
    """`cell` over a row of values, all with the same styles."""
    return [cell(sheet, value, **styles) for value in values]


def save(book: Any, path: Path) -> None:
    """Replace `path` atomically with `book`; the same content gives the same bytes."""
    write_bytes_atomic(Path(path), workbook_bytes(book))


def workbook_bytes(book: Any) -> bytes:
    """`book` as reproducible .xlsx bytes."""
    buffer = io.BytesIO()
    with temporary_files_written():
        book.save(buffer)
    return reproducible(buffer.getvalue())


@contextlib.contextmanager
def temporary_files_written() -> Iterator[None]:
    """Where openpyxl writes a workbook's sheets to temporary files (every sheet when saving; a
    write-only sheet's rows as they are appended): a full temporary folder, or `ulimit -f`, fails
    there as an OSError or as lxml's SerialisationError. Either becomes one FileProblem naming
    the temporary folder and the fix."""
    try:
        yield
    except FileProblem:
        raise
    except Exception as err:
        if not isinstance(err, OSError) and type(err).__name__ != "SerialisationError":
            raise
        import tempfile

        raise FileProblem(
            tempfile.gettempdir(),
            f"temporary files for a workbook cannot be written ({type(err).__name__}: the "
            "folder is full, or a file size limit is set)",
            "free space there, or set TMPDIR to a folder with room",
        ) from None


_FIXED_TIME = b"2000-01-01T00:00:00Z"
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*")


def reproducible(data: bytes) -> bytes:
    """Re-zip with fixed timestamps so the same glossary gives byte-identical files."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIMES.sub(lambda m: m.group(1) + _FIXED_TIME, content)
            elif info.filename.startswith("xl/worksheets/sheet"):
                content = _with_dimension(content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, content)
    return out.getvalue()


_CELL_COLUMN = re.compile(rb'<c r="([A-Z]+)')
_LAST_ROW = re.compile(rb'<row r="(\d+)"')


def _with_dimension(sheet: bytes) -> bytes:
    """Add the <dimension> a write-only sheet lacks; without it readers scan the sheet twice."""
    if b"<dimension" in sheet or b"</sheetPr>" not in sheet:
        return sheet
    from openpyxl.utils import column_index_from_string, get_column_letter

    letters = set(_CELL_COLUMN.findall(sheet))
    columns = max((column_index_from_string(c.decode()) for c in letters), default=1)
    last = sheet.rfind(b"<row ")
    match = _LAST_ROW.match(sheet, last) if last >= 0 else None
    rows = int(match.group(1)) if match else 1
    ref = f"A1:{get_column_letter(columns)}{rows}".encode()
    return sheet.replace(b"</sheetPr>", b'</sheetPr><dimension ref="' + ref + b'"/>', 1)
