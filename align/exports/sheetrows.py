"""Rows of a write-only openpyxl sheet as XML, byte for byte as openpyxl writes them, without a
cell object per value.

openpyxl spends about a millisecond on each row of the review sheet (a cell object per value,
its style looked up and hashed, an lxml element per cell): the review workbook of an archive
has tens of thousands of rows, and it is written again on every run. Here openpyxl still
makes the workbook (its styles, sheets' settings, header rows); the data rows are rendered as
text with the style ids openpyxl gives (asked once per style, in the order it would register
them) and put into the saved sheets before their `</sheetData>`. Only the cell kinds the
tool's sheets hold are rendered: text, numbers and blank styled cells (`xlsx.cell` decides
which values are text, blank or quoted, as for openpyxl).
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from glossary import xlsx

# openpyxl cuts longer text at this length (openpyxl.cell.cell.Cell.check_string).
_MAX_TEXT = 32767
# Text openpyxl writes as an error value, not as a string (openpyxl.cell.cell.ERROR_CODES).
_ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


def _escaped(text: str) -> str:
    """Text as libxml2 writes it into an ASCII file: markup escaped, the rest as &#N; refs."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _number(value: float) -> str:
    # openpyxl.compat.strings.safe_string
    return f"{value:.16g}" if math.isfinite(value) else ""


class SheetRows:
    """Data rows of one write-only sheet, rendered as openpyxl would append them.

    `styles` is the style (an openpyxl Alignment, or None) of each column.
    """

    def __init__(self, sheet: Any, styles: Sequence[Any] | None = None) -> None:
        from openpyxl.utils import get_column_letter

        self._sheet = sheet
        self._styles = list(styles) if styles is not None else None
        self._letters: list[str] = []
        self._get_column_letter = get_column_letter
        self._style_ids: dict[tuple[int, bool], str] = {}
        self.parts: list[str] = []

    def _letter(self, column: int) -> str:
        while len(self._letters) <= column:
            self._letters.append(self._get_column_letter(len(self._letters) + 1))
        return self._letters[column]

    def _style_id(self, column: int, quoted: bool) -> str:
        """openpyxl's id of a column's style (and quote prefix), registered where it would be."""
        style = self._styles[column] if self._styles is not None else None
        known = self._style_ids.get((id(style), quoted))
        if known is None:
            probe = xlsx.cell(self._sheet, "=" if quoted else None, style=style)
            known = self._style_ids[(id(style), quoted)] = f"{probe.style_id}"
        return known

    def append(
        self,
        number: int,
        values: Iterable[object],
        height: float | None = None,
        template: Template | None = None,
    ) -> Template:
        """Row `number` (1-based) of `values`, as `sheet.append` writes them after `xlsx.cell`;
        `height` as row_dimensions[number].height. Returns the row's template (its XML less its
        number and style ids), which stands for `values` and `height` in a later call: a row
        the last run wrote is not rendered again."""
        if template is None:
            template = self._template(values, height)
        parts, styles = template
        ids = [self._style_id(column, quoted) for column, quoted in styles]
        row = str(number)
        self.parts.append(
            "".join(p if isinstance(p, str) else row if p < 0 else ids[p] for p in parts)
        )
        return template

    def _template(self, values: Iterable[object], height: float | None) -> Template:
        """The row's XML in parts: text, -1 for the row's number, k for the k-th style id (asked
        in the order openpyxl registers them, which depends on the rows before)."""
        attrs = f' ht="{_number(height)}" customHeight="1"' if height is not None else ""
        out: list[str | int] = ['<row r="', _NUMBER, f'"{attrs}>']
        styles: list[tuple[int, bool]] = []
        styled = self._styles is not None
        for column, raw in enumerate(values):
            value = xlsx.clean_text(raw) or None if isinstance(raw, str) else raw
            if value is None and not styled:
                continue
            out += [f'<c r="{self._letter(column)}', _NUMBER, '"']
            quoted = isinstance(value, str) and value.startswith(xlsx.FORMULA_START)
            if styled or quoted:
                out += [' s="', len(styles), '"']
                styles.append((column, quoted))
            if value is None:
                out.append(' t="n"></c>')
            elif isinstance(value, str):
                text = value[:_MAX_TEXT]
                if text in _ERROR_CODES and not quoted:
                    out.append(f' t="e"><v>{_escaped(text)}</v></c>')
                    continue
                space = ' xml:space="preserve"' if text != text.strip() else ""
                out.append(f' t="inlineStr"><is><t{space}>{_escaped(text)}</t></is></c>')
            elif isinstance(value, int | float) and not isinstance(value, bool):
                out.append(f' t="n"><v>{_number(value)}</v></c>')
            else:
                raise TypeError(f"no sheet cell for {type(value).__name__} values")
        out.append("</row>")
        return _joined(out), styles


# A rendered row less its number and style ids: text parts, and -1 (the number) or k (the k-th
# style id) between them; and the (column, quote prefix) of each style asked.
Template = tuple[list[str | int], list[tuple[int, bool]]]
_NUMBER = -1


def _joined(parts: list[str | int]) -> list[str | int]:
    """Adjacent text parts as one."""
    out: list[str | int] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        else:
            out.append(part)
    return out


class RowTemplates:
    """Rows rendered by an earlier write, by their sheet and values (`Template`s): a row whose
    values are the same is filled in, not rendered again. `used` holds this write's, for the
    next one."""

    def __init__(self, known: Mapping[str, Template] | None = None) -> None:
        self._known = dict(known or {})
        self.used: dict[str, Template] = {}

    def append(
        self,
        rows: SheetRows,
        sheet: str,
        number: int,
        values: Sequence[object],
        height: Callable[[], float | None] = lambda: None,
    ) -> None:
        """rows.append(number, values, height()), from the template of the same values if
        known (`height` is a function of the values, not called then)."""
        key = f"{sheet}\n{values!r}"
        template = self._known.get(key)
        if template is None:
            template = rows.append(number, values, height())
        else:
            rows.append(number, values, template=template)
        self.used[key] = template


def read_templates(value: Any) -> dict[str, Template]:
    """Templates as JSON gave them back; ValueError for anything a SheetRows did not make."""
    out: dict[str, Template] = {}
    for key, (parts, styles) in value.items():
        pairs = [(int(column), bool(quoted)) for column, quoted in styles]
        if not all(isinstance(p, str) or (isinstance(p, int) and -1 <= p < len(pairs))
                   for p in parts):  # fmt: skip
            raise ValueError(f"not a row template: {key[:40]!r}")
        out[str(key)] = (list(parts), pairs)
    return out


def book_bytes(book: Any, rows: Sequence[SheetRows]) -> bytes:
    """The workbook's reproducible bytes (`xlsx.workbook_bytes`), each sheet's `rows` after the
    rows openpyxl wrote; `rows[i]` belongs to the (i+1)-th sheet made."""
    saved = io.BytesIO()
    with xlsx.temporary_files_written():
        book.save(saved)
        spliced = _spliced(saved.getvalue(), rows)
    return xlsx.reproducible(spliced)


def _spliced(saved: bytes, rows: Sequence[SheetRows]) -> bytes:
    names = [f"xl/worksheets/sheet{i}.xml" for i in range(1, len(rows) + 1)]
    spliced = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved)) as src,
        zipfile.ZipFile(spliced, "w", zipfile.ZIP_STORED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename in names:
                end = content.rfind(b"</sheetData>")
                if end < 0:
                    # openpyxl writes a sheet to a temporary file first; one cut short (a full
                    # folder, a file size limit) can reach here without an error of its own.
                    raise OSError(f"{info.filename} was cut short in its temporary file")
                extra = "".join(rows[names.index(info.filename)].parts).encode("ascii")
                content = content[:end] + extra + content[end:]
            dst.writestr(info, content, compress_type=zipfile.ZIP_STORED)
    return spliced.getvalue()
