"""align.exports.sheetrows: rows rendered as text give the bytes openpyxl's own cells give."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.exports.sheetrows import RowTemplates, SheetRows, book_bytes, read_templates
from glossary import xlsx


def _styles() -> list[Any]:
    from openpyxl.styles import Alignment

    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    return [top, wrap, wrap, top]


def _book(styled: bool) -> tuple[Any, Any, list[Any] | None]:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Rows")
    sheet.append(xlsx.row(sheet, ["a", "b", "c", "d"], font=Font(bold=True)))
    return book, sheet, _styles() if styled else None


def with_openpyxl_cells(rows: list[list[object]], styled: bool, heights: bool) -> bytes:
    """The reference: every value a cell appended through openpyxl, as the tool used to."""
    book, sheet, styles = _book(styled)
    for number, values in enumerate(rows, start=2):
        if heights:
            sheet.row_dimensions[number].height = 15.0 * number + 2.0
        cells = [
            xlsx.cell(sheet, v, style=styles[i] if styles else None) for i, v in enumerate(values)
        ]
        sheet.append(cells)
    return xlsx.workbook_bytes(book)


def with_sheet_rows(rows: list[list[object]], styled: bool, heights: bool) -> bytes:
    book, sheet, styles = _book(styled)
    rendered = SheetRows(sheet, styles)
    for number, values in enumerate(rows, start=2):
        rendered.append(number, values, height=15.0 * number + 2.0 if heights else None)
    return book_bytes(book, [rendered])


VALUES = [
    ("plain text", ["Bonjour.", "Hello.", "x", "y"]),
    ("accents and scripts", ["Ouchakov à Moscou", "Ушаков", "東京", "😀 emoji"]),
    ("markup characters", ['<span class="a">', "R&D > 3", "'quoted'", "a]]>b"]),
    ("surrounding white space", [" lead", "trail ", "line\nbreak\n", "\ttab"]),
    ("formula-like text", ["=SUM(A1)", "+33 1 23", "-", "@home"]),
    ("error-like text", ["#N/A", "#REF!", "#DIV/0!", "#name?"]),
    ("blank cells", ["", None, "", "x"]),
    ("numbers", [0.3781, 3, 1e-07, 12345678.9]),
    ("characters XML forbids", ["a\x07b", "c\r\nd", "e\x0bf", "\ud800g"]),
    ("text past a cell's limit", ["x" * 40000, "y", "z", "w"]),
]


@pytest.mark.parametrize("styled", [True, False], ids=["styled", "plain"])
@pytest.mark.parametrize(("case", "values"), VALUES, ids=[case for case, _ in VALUES])
def test_a_rendered_row_is_the_row_openpyxl_writes(
    case: str, values: list[object], styled: bool
) -> None:
    rows = [values, list(reversed(values))]
    assert with_sheet_rows(rows, styled, styled) == with_openpyxl_cells(rows, styled, styled)


def test_styles_first_met_in_later_rows_get_openpyxl_ids() -> None:
    # A quoted cell (its own style) first met in the third row, in one column and then another.
    rows: list[list[object]] = [["a", "b", "c", "d"], ["x", "=y", "z", "w"], ["=q", "r", "s", "-t"]]
    assert with_sheet_rows(rows, True, True) == with_openpyxl_cells(rows, True, True)


def test_a_sheet_without_data_rows_is_openpyxls() -> None:
    assert with_sheet_rows([], True, True) == with_openpyxl_cells([], True, True)


def test_a_value_no_sheet_of_the_tool_holds_is_refused() -> None:
    book, sheet, styles = _book(True)
    with pytest.raises(TypeError, match="bool"):
        SheetRows(sheet, styles).append(2, [True, "a", "b", "c"])
    xlsx.workbook_bytes(book)  # a write-only book left unsaved warns when collected


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(st.text(max_size=30), st.none(), st.floats(allow_nan=False), st.integers()),
            min_size=4,
            max_size=4,
        ),
        max_size=4,
    )
)
def test_any_rows_render_as_openpyxl_writes_them(rows: list[list[object]]) -> None:
    assert with_sheet_rows(rows, True, True) == with_openpyxl_cells(rows, True, True)


def _height(values: list[object]) -> float:
    return 15.0 + len(str(values[0]))


def with_templates(
    rows: list[list[object]], known: dict[str, Any] | None = None
) -> tuple[bytes, dict[str, Any]]:
    """Rows appended through RowTemplates (filled from `known` where it has them), heights a
    function of the values as the review sheet's are; the bytes and the templates, as JSON
    gives them back."""
    book, sheet, styles = _book(True)
    rendered = SheetRows(sheet, styles)
    templates = RowTemplates(known)
    for number, values in enumerate(rows, start=2):
        templates.append(rendered, "Rows", number, values, lambda v=values: _height(v))
    kept = read_templates(json.loads(json.dumps(templates.used)))
    return book_bytes(book, [rendered]), kept


def with_cells_and_heights(rows: list[list[object]]) -> bytes:
    book, sheet, styles = _book(True)
    for number, values in enumerate(rows, start=2):
        sheet.row_dimensions[number].height = _height(values)
        sheet.append([xlsx.cell(sheet, v, style=styles[i]) for i, v in enumerate(values)])  # type: ignore[index]
    return xlsx.workbook_bytes(book)


@pytest.mark.parametrize(
    "later",
    [
        lambda rows: rows,
        lambda rows: list(reversed(rows)),
        lambda rows: [["=new", "row", "x", "y"], *rows[1:]],
        lambda rows: [*rows[::2], ["a", "=b", "c", "=d"]],
    ],
    ids=["same rows", "reversed", "a new first row", "rows gone, one added"],
)
def test_rows_filled_from_an_earlier_writes_templates_are_the_rows_openpyxl_writes(
    later: Any,
) -> None:
    # Quoted cells (a style of their own) first met in other rows and columns each time.
    first = [values for _, values in VALUES] + [["x", "=y", "z", "w"], ["=q", "r", "s", "-t"]]
    _, kept = with_templates(first)
    rows = later(first)
    again, _ = with_templates(rows, kept)
    assert again == with_cells_and_heights(rows)


def test_a_template_no_sheet_rows_made_is_refused() -> None:
    with pytest.raises(ValueError, match="not a row template"):
        read_templates({"Rows\n['a']": [['<row r="', -1, '" s="', 3, '">'], [[0, False]]]})
