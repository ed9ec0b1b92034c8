"""The streamed reader `check` uses gives exactly what openpyxl's read-only reader gives, and is
held to the same limits on hostile workbooks."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import hostile
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from test_roundtrip import glossaries

from glossary.errors import GlossaryError
from glossary.model import Glossary
from glossary.workbook import read_glossary, read_workbook, write_workbook
from glossary.workbook.file import load_sheets

S = hostile.S


def both_readers(path: Path) -> tuple[dict, dict]:
    """Every sheet as openpyxl reads it, and as the streamed reader does."""
    return load_sheets(path, allow_open=True), load_sheets(path, allow_open=True, streamed=True)


def resaved(path: Path) -> Path:
    """The workbook opened and saved again by openpyxl (shared strings, not inline ones)."""
    book = openpyxl.load_workbook(path)
    out = path.with_name("resaved.xlsx")
    book.save(out)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossary=glossaries())
def test_a_glossary_the_tool_wrote_streams_as_openpyxl_reads_it(glossary: Glossary) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.xlsx"
        write_workbook(path, glossary, {"tool": "test"}, baseline=None)
        for workbook in (path, resaved(path)):
            by_openpyxl, streamed = both_readers(workbook)
            assert streamed == by_openpyxl
            assert read_glossary(workbook) == read_workbook(workbook).glossary


def test_cells_of_every_kind_a_spreadsheet_saves_stream_as_openpyxl_reads_them(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Entities"
    sheet.append(["entity_id", True, False, 3, 2.5, 1e20, "=1+1", None, "text", " spaced "])
    sheet["B4"] = datetime.datetime(2026, 12, 2, 7, 0)
    sheet["C4"] = datetime.date(2026, 12, 2)
    sheet["D4"] = datetime.time(7, 30)
    sheet["E4"] = datetime.timedelta(hours=30)
    sheet["F6"] = "=text"
    sheet["F6"].data_type = "s"
    sheet["A9"] = "line\nbreak"
    book.create_sheet("Variants").append(["a"])
    path = tmp_path / "kinds.xlsx"
    book.save(path)
    by_openpyxl, streamed = both_readers(path)
    assert streamed == by_openpyxl
    assert streamed["Entities"][3][1] == datetime.datetime(2026, 12, 2, 7, 0)


# Cells as other programs write them: rich text runs, phonetic runs, no references, cells out of
# order, missing and repeated rows, errors, cached formula values, ISO dates, empty values.
HAND_WRITTEN = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><r><t>Ou</t></r><r><t>chakov</t></r></is></c>'
    b'<c r="C1" t="inlineStr"><is><t>plain</t><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c>'
    b"</row>"
    b'<row r="3"><c t="b"><v>1</v></c><c><v>42</v></c><c t="e"><v>#N/A</v></c>'
    b'<c t="str"><f>A1</f><v>cached</v></c><c t="d"><v>2026-12-02T07:00:00</v></c></row>'
    b'<row><c r="D4"><v>1.5</v></c><c r="B4"><v>7</v></c></row>'
    b'<row r="4"><c r="A4" t="str"><v>dropped</v></c></row>'
    b'<row r="6"/><row r="7"><c r="A7" t="inlineStr"></c><c r="B7"><v></v></c>'
    b'<c r="C7" t="inlineStr"><is><t/></is></c></row>'
)


def test_cells_other_programs_write_stream_as_openpyxl_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "hand.xlsx"
    path.write_bytes(hostile.xlsx_with_sheet(HAND_WRITTEN))
    by_openpyxl, streamed = both_readers(path)
    assert streamed == by_openpyxl
    assert streamed["Entities"][0] == ("Ouchakov", None, "plain")
    assert streamed["Entities"][1] == ()


def test_shared_strings_with_runs_and_escapes_stream_as_openpyxl_reads_them(
    tmp_path: Path,
) -> None:
    strings = (
        f'<sst xmlns="{S}"><si><t>Poutine</t></si><si><r><t>Vla</t></r><r><t>dimir</t></r></si>'
        "<si><t>a_x005F_x000D_b</t></si><si><t/></si></sst>"
    ).encode()
    data = hostile.xlsx_with_sheet(
        b'<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c>'
        b'<c t="s"><v>3</v></c></row>'
    )
    parts = hostile.parts_of(data)
    parts["xl/sharedStrings.xml"] = strings
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    path = tmp_path / "shared.xlsx"
    path.write_bytes(hostile.package(parts.items()))
    by_openpyxl, streamed = both_readers(path)
    assert streamed == by_openpyxl
    assert streamed["Entities"][0][:2] == ("Poutine", "Vladimir")


HOSTILE = [
    (lambda: hostile.sparse_xlsx(1000), "spreads over more than 10,000,000 cells"),
    (
        lambda: hostile.xlsx_with_sheet(b'<row r="20000000"><c><v>1</v></c></row>'),
        "spreads over more than 10,000,000 cells",
    ),
    (lambda: hostile.xlsx_of_text(101), "over the 100 MB limit"),
    (
        lambda: hostile.xlsx_with_sheet(
            b"<row><c><v>1</v></c></row>", b'<!DOCTYPE x [<!ENTITY a "b">]>'
        ),
        "declares a DTD",
    ),
    (
        # Deeper than the limit but within libxml2's own 256 levels: refused by the reader.
        lambda: hostile.xlsx_with_sheet(
            b"<row><c><is>" + b"<r>" * 200 + b"</r>" * 200 + b"</is></c></row>"
        ),
        "nests elements more than 128 levels deep",
    ),
    (
        lambda: hostile.xlsx_with_sheet(
            b"<row><c><is>" + b"<r>" * 300 + b"</r>" * 300 + b"</is></c></row>"
        ),
        "nests elements more than 128 levels deep",
    ),
    (
        lambda: hostile.corrupt_deflate(
            hostile.xlsx_with_sheet(b"<row><c><v>1</v></c></row>" * 500),
            "xl/worksheets/sheet1.xml",
        ),
        "damaged",
    ),
    (lambda: hostile.xlsx_with_sheet(b"<row><c><v>1</v></c>"), "damaged"),
    (lambda: hostile.xlsx_with_sheet(b'<row><c t="s"><v>9</v></c></row>'), "damaged"),
    (lambda: hostile.xlsx_with_sheet(b'<row><c r="1A"><v>1</v></c></row>'), "damaged"),
    (lambda: hostile.without(hostile.xlsx_with_sheet(b""), "xl/workbook.xml"), "not a readable"),
]


@pytest.mark.parametrize(("build", "message"), HOSTILE)
def test_a_hostile_or_damaged_workbook_is_refused_by_both_readers_in_one_line(
    tmp_path: Path, build, message: str
) -> None:
    path = tmp_path / "glossary.xlsx"
    path.write_bytes(build())
    for streamed in (False, True):
        with pytest.raises(GlossaryError) as info:
            load_sheets(path, streamed=streamed)
        assert str(info.value).startswith(f"{path}: ")
        assert message in str(info.value)
        assert "\n" not in str(info.value)
