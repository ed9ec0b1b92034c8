"""The `align check --format xlsx` report: one row per finding, for those who prefer Excel."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from glossary.atomicfile import write_bytes_atomic
from glossary.check import Finding
from glossary.workbook_file import reproducible

FINDINGS = "Findings"
ABOUT = "About"
COLUMNS = tuple(f.name for f in dataclasses.fields(Finding))
_WIDTHS = {"file": 30, "found": 24, "suggestion": 24, "entity_id": 16, "kind": 16, "context": 80}


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
    write_bytes_atomic(Path(path), reproducible(buffer.getvalue()))


def _append(sheet: Any, values: list[object]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    row = sheet.max_row + 1
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # a name or a context is text, never a formula
