"""The `align check --format xlsx` report: one row per finding, for those who prefer Excel."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from glossary.atomicfile import write_bytes_atomic
from glossary.check import Finding

FINDINGS = "Findings"
ABOUT = "About"
COLUMNS = tuple(f.name for f in dataclasses.fields(Finding))
_WIDTHS = {"file": 30, "found": 24, "suggestion": 24, "entity_id": 16, "kind": 16, "context": 80}
_FIXED_TIME = b"2000-01-01T00:00:00Z"
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*")


def write_check_report(path: Path, findings: Sequence[Finding], about: Mapping[str, str]) -> None:
    """Replace `path` atomically with the report workbook; the same findings give the same bytes."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.properties.creator = "align-glossary"
    sheet = book.active
    sheet.title = FINDINGS
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for finding in findings:
        _append(sheet, [getattr(finding, name) for name in COLUMNS])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for i, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(i)].width = _WIDTHS.get(name, 9)
    about_sheet = book.create_sheet(ABOUT)
    about_sheet.append(["key", "value"])
    for key, value in about.items():
        _append(about_sheet, [key, value])
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomic(Path(path), reproducible_zip(buffer.getvalue()))


def _append(sheet: Any, values: list[object]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    row = sheet.max_row + 1
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # a name or a context is text, never a formula


def reproducible_zip(data: bytes) -> bytes:
    """Re-zip an .xlsx with fixed timestamps so that equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIMES.sub(lambda m: m.group(1) + _FIXED_TIME, content)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, content)
    return out.getvalue()
