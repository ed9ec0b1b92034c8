"""The `align check --format xlsx` report: one row per finding, for those who prefer Excel."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from glossary import xlsx
from glossary.check.checker import Finding

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
    sheet.append(xlsx.row(sheet, COLUMNS, font=Font(bold=True)))
    for finding in findings:
        sheet.append(xlsx.row(sheet, [getattr(finding, name) for name in COLUMNS]))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for i, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(i)].width = _WIDTHS.get(name, 9)
    about_sheet = book.create_sheet(ABOUT)
    about_sheet.append(["key", "value"])
    for key, value in about.items():
        about_sheet.append(xlsx.row(about_sheet, [key, value]))
    xlsx.save(book, path)
