"""glossary.xlsx as a file: opened with care (locks, permissions, damage), written reproducibly."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.workbook_cells import CellValue

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


def _lock_files(path: Path) -> list[Path]:
    # Excel leaves "~$name" (first two letters replaced on long names); LibreOffice ".~lock.name#".
    names = {f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#"}
    return [path.parent / n for n in sorted(names) if (path.parent / n).exists()]


def ensure_closed(path: Path) -> None:
    """Raise GlossaryError when `path` is open in Excel or LibreOffice (its lock file is there)."""
    locks = _lock_files(path)
    if locks:
        raise GlossaryError(
            str(path),
            f"the workbook is open in another program (lock file {locks[0].name})",
            "save and close it there, or delete the lock file if no program has it open",
        )


def open_elsewhere(path: Path) -> str | None:
    """The name of the lock file that says `path` is open in another program, or None."""
    locks = _lock_files(path)
    return locks[0].name if locks else None


def _check_openable(path: Path, *, allow_open: bool = False) -> None:
    source = str(path)
    if not path.exists():
        raise GlossaryError(source, "no such workbook", "check the path given with --glossary")
    if path.is_dir():
        raise GlossaryError(source, "is a folder, not a workbook", "give the .xlsx file")
    if not allow_open:
        ensure_closed(path)
    try:
        with open(path, "rb") as handle:
            start = handle.read(4)
    except PermissionError as exc:
        raise _unreadable(source) from exc
    if not start:
        raise GlossaryError(
            source, "the workbook is empty (0 bytes)", "restore it from a backup or delete it"
        )


def load_sheets(path: Path, *, allow_open: bool = False) -> dict[str, list[tuple[CellValue, ...]]]:
    """Every sheet's cell values, row by row (row 1 first), with the file closed afterwards.

    A workbook open in another program is refused unless `allow_open` (reading only: the last
    saved version is what is read).
    """
    import openpyxl

    source = str(path)
    _check_openable(path, allow_open=allow_open)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the sheets are read
    except PermissionError as exc:
        raise _unreadable(source) from exc
    try:
        # A handle rather than a path: openpyxl would refuse a name not ending in .xlsx.
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors all mean the same to a person
        handle.close()
        raise GlossaryError(
            source,
            f"not a readable .xlsx workbook ({type(exc).__name__})",
            "open it in Excel or LibreOffice and save it as .xlsx, or restore a backup",
        ) from exc
    try:
        sheets: dict[str, list[tuple[CellValue, ...]]] = {}
        for sheet in book.worksheets:
            # A wrong <dimension> tag would otherwise cut rows off.
            sheet.reset_dimensions()
            sheets[sheet.title] = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        return sheets
    except Exception as exc:
        raise GlossaryError(
            source,
            f"the workbook is damaged ({type(exc).__name__}: {exc})",
            "open it in Excel or LibreOffice and save it again, or restore a backup",
        ) from exc
    finally:
        book.close()
        handle.close()


def _unreadable(source: str) -> GlossaryError:
    return GlossaryError(
        source,
        "cannot read the workbook (permission denied, or it is locked by another program)",
        "close it in Excel or LibreOffice and check its permissions",
    )
