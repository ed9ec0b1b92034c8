"""The scan of a plainly written sheet gives exactly the rows the element reader gives, and leaves
to it every sheet it does not fully read (which then reads it, or refuses it in its own words)."""

from __future__ import annotations

import io
from pathlib import Path

import hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_check_narrow import NEIGHBOURS

from glossary.workbook import write_workbook
from glossary.workbook.stream import Package

S = hostile.S
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
OPEN = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{S}">'
OPEN_X14 = f'<?xml version="1.0"?><worksheet xmlns="{S}" xmlns:x14ac="{X14}">'


def sheet_package(sheet: str | bytes) -> bytes:
    """A one-sheet workbook whose worksheet part is exactly `sheet`."""
    parts = hostile.parts_of(hostile.xlsx_with_sheet(b""))
    parts["xl/worksheets/sheet1.xml"] = sheet if isinstance(sheet, bytes) else sheet.encode()
    return hostile.package(parts.items())


def readings(data: bytes) -> tuple[list | None, list | str]:
    """The sheet's rows as scanned (None when the scan declined), and as read element by
    element (or the name of the error the element reader raised)."""
    package = Package(io.BytesIO(data))
    target = package.sheets[0][1]
    scanned = package.scanned(target)
    try:
        elements: list | str = package.elements(target)
    except Exception as exc:  # the reader's own refusal, to compare with the scan's
        elements = type(exc).__name__
    package.close()
    return scanned, elements


def rows_sheet(rows: str, head: str = OPEN, tail: str = "") -> str:
    return f"{head}<sheetData>{rows}</sheetData>{tail}</worksheet>"


# (sheet content, the rows both readers give) for sheets the scan reads.
SCANNED = [
    ('<row r="1"><c r="A1" t="inlineStr"><is><t>Ouchakov</t></is></c></row>', [("Ouchakov",)]),
    (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>AT&amp;T &lt;&gt; &quot;&apos; &#233;'
        "&#x1F600;</t></is></c></row>",
        [("AT&T <> \"' é\U0001f600",)],
    ),
    (
        '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> spaced </t></is></c>'
        '<c r="B1" t="inlineStr"><is><t/></is></c><c r="C1" t="inlineStr"></c>'
        '<c r="D1" t="inlineStr"><v>ignored</v></c></row>',
        [(" spaced ", "", None, None)],
    ),
    (
        '<row r="1"><c r="A1"><v>3</v></c><c r="B1" t="n"><v>2.5</v></c><c r="C1" t="b">'
        '<v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"/><c r="F1"><v/></c>'
        '<c r="G1" s="0" t="str"><v>cached</v></c></row>',
        [(3, 2.5, True, "#N/A", None, None, "cached")],
    ),
    # Pretty-printed, rows missing and out of place, cells out of order, an empty row.
    (
        '\n  <row r="2">\n    <c r="C2"><v>1</v></c>\n    <c r="A2"><v>2</v></c>\n  </row>\n'
        '  <row r="4"/>\n  <row r="3"><c r="B3"><v>5</v></c></row>\n  <row><c r="A9"><v>6</v>'
        "</c></row>\n",
        # openpyxl's rule: a row ends at its last cell; a row back in place or repeated is not read.
        [(), (2,), (), ()],
    ),
    (
        '<row r="1" spans="1:2" x14ac:dyDescent="0.25" ht="15" customHeight="1">'
        '<c r="A1" t="inlineStr"><is><t>a</t></is></c></row>',
        [("a",)],
    ),
    ("", []),
]


@pytest.mark.parametrize(("content", "rows"), SCANNED)
def test_a_plainly_written_sheet_is_scanned_to_the_rows_the_element_reader_gives(
    content: str, rows: list
) -> None:
    scanned, elements = readings(sheet_package(rows_sheet(content, OPEN_X14)))
    assert scanned == elements == rows


# Sheets the scan leaves to the element reader: markup it does not read, or a part whose rows
# may not be those of its one <sheetData>.
DECLINED = [
    rows_sheet('<row r="1"><c r="A1" t="str"><f>1+1</f><v>2</v></c></row>'),
    rows_sheet(
        '<row><c r="A1" t="inlineStr"><is><r><t>Ou</t></r><r><t>chakov</t></r></is></c></row>'
    ),
    rows_sheet('<row><c r="A1"><v>1</v></c><!-- a note --></row>'),
    rows_sheet('<row><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>'),
    rows_sheet('<row><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row>'),
    rows_sheet('<row><c r="A1" cm="1"><v>1</v></c></row>'),
    rows_sheet('<row><c t="n"><v>1</v></c></row>'),
    rows_sheet('<row><c r="a1"><v>1</v></c></row>'),
    rows_sheet('<row><c r="A1"><v>1</v></c>'),
    rows_sheet('<c r="A1"><v>1</v></c>'),
    rows_sheet('<row><row><c r="A1"><v>1</v></c></row></row>'),
    rows_sheet('</row><row><c r="A1"><v>1</v></c></row>'),
    rows_sheet('<row x14ac:dyDescent="1"><c r="A1"><v>1</v></c></row>'),  # undeclared prefix
    rows_sheet('<row r="1" r="2"><c r="A1"><v>1</v></c></row>'),
    rows_sheet('<row r="1" xmlns="urn:other"><c r="A1"><v>1</v></c></row>'),
    rows_sheet(f'<row r="1" xmlns:x="{S}"><c r="A1"><v>1</v></c></row>'),
    rows_sheet('<row r="1.5"><c r="A1"><v>1</v></c></row>'),
    rows_sheet('<row><c r="A1" t="inlineStr"><is><t>&eacute;</t></is></c></row>'),
    rows_sheet('<row><c r="A1" t="inlineStr"><is><t>&#1;</t></is></c></row>'),
    rows_sheet('<row><c r="A1" t="inlineStr"><is><t>\x01</t></is></c></row>'),
    rows_sheet('<row><c r="A1" t="inlineStr"><is><t>]]></t></is></c></row>'),
    rows_sheet('<row><c r="A1" t="s"><v>0</v></c></row>'),  # no shared strings
    rows_sheet('<row><c r="A1"><v>x</v></c></row>'),
    rows_sheet('<row><c r="A1"><v>1</v></c></row>', tail='<foo><row r="9"/></foo>'),
    rows_sheet('<row><c r="A1"><v>1</v></c></row>', tail="<sheetData/>"),
    rows_sheet('<row><c r="A1"><v>1</v></c></row>', tail="<!-- "),
    rows_sheet('<row><c r="A1"><v>1</v></c></row>', head=OPEN + "<!-- ", tail=" -->"),
    rows_sheet('<row><c r="A1"><v>1</v></c></row>', head=OPEN.replace(S, "urn:other")),
    rows_sheet('<row><c r="A1"><v>1</v></c></row>', head=OPEN.replace("UTF-8", "ISO-8859-1")),
    rows_sheet('<row><c r="A1"><v>1</v></c></row>', head=OPEN.replace("1.0", "1.1")),
    rows_sheet(
        '<row><c r="A1"><v>1</v></c></row>',
        head=OPEN.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY a "b">]>'),
    ),
    OPEN + '<x:sheetData xmlns:x="' + S + '"><x:row><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
    "</x:sheetData></worksheet>",
    OPEN + '<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>',  # no end tag
    OPEN
    + "<a>" * 130
    + '<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>'
    + "</a>" * 130
    + "</worksheet>",
]


@pytest.mark.parametrize("sheet", DECLINED)
def test_a_sheet_the_scan_cannot_fully_read_is_left_to_the_element_reader(sheet: str) -> None:
    scanned, _ = readings(sheet_package(sheet))
    assert scanned is None


def test_a_sheet_not_in_utf8_is_left_to_the_element_reader() -> None:
    sheet = rows_sheet('<row><c r="A1" t="inlineStr"><is><t>é</t></is></c></row>')
    sheet = sheet.replace("UTF-8", "UTF-16")
    scanned, elements = readings(sheet_package(sheet.encode("utf-16")))
    assert scanned is None
    assert elements == [("é",)]


def test_a_glossary_the_tool_wrote_is_scanned_whole(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    write_workbook(path, NEIGHBOURS, {"tool": "test"}, baseline=None)
    package = Package(io.BytesIO(path.read_bytes()))
    for _, target in package.sheets:
        assert package.scanned(target) == package.elements(target)
        assert package.scanned(target) is not None


# Pieces of sheet content, plain and not: any sequence of them is read the same by both readers,
# or the scan declines it.
PIECES = [
    '<row r="1">',
    '<row r="3" spans="1:3">',
    "<row>",
    '<row r="2"/>',
    "</row>",
    '<c r="A1" t="inlineStr"><is><t>Poutine</t></is></c>',
    '<c r="B1" t="inlineStr"><is><t>&amp;&#233;</t></is></c>',
    '<c r="C7"><v>42</v></c>',
    '<c r="B2" t="b"><v>0</v></c>',
    '<c r="D1"/>',
    '<c r="A1" t="n"><v></v></c>',
    '<c r="AA1" t="e"><v>#REF!</v></c>',
    '<c r="A1"><v>1x</v></c>',
    '<c r="A1" t="str"><f>A2</f><v>x</v></c>',
    "<!-- c -->",
    "\n ",
    "<",
    "&amp;",
    '<c r="A1" t="inlineStr"><is><t>\u0001</t></is></c>',
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=14))
def test_any_sheet_content_is_scanned_as_the_element_reader_reads_it_or_left_to_it(
    pieces: list[str],
) -> None:
    scanned, elements = readings(sheet_package(rows_sheet("".join(pieces))))
    assert scanned is None or scanned == elements


def strings_package(table: str) -> bytes:
    """A one-sheet workbook whose shared string table is exactly `table`."""
    parts = hostile.parts_of(hostile.xlsx_with_sheet(b'<row><c r="A1" t="s"><v>0</v></c></row>'))
    parts["xl/sharedStrings.xml"] = table.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    return hostile.package(parts.items())


def string_readings(data: bytes) -> tuple[list | None, list]:
    """The shared strings as scanned (None when the scan declined), and element by element."""
    package = Package(io.BytesIO(data))
    name = "xl/sharedStrings.xml"
    scanned = package._scanned_strings(name)
    with package._archive.open(name) as part:
        elements = package._shared_strings(name, part)
    package.close()
    return scanned, elements


def sst(items: str) -> str:
    return f'<?xml version="1.0"?><sst xmlns="{S}" count="3" uniqueCount="3">{items}</sst>'


@pytest.mark.parametrize(
    ("table", "items"),
    [
        (
            sst("<si><t>Poutine</t></si><si><t/></si><si><t>a_x005F_x000D_b &amp;</t></si>"),
            ["Poutine", "", "a_x000D_b &"],
        ),
        (sst('\n<si><t xml:space="preserve"> Lavrov </t></si>\n'), [" Lavrov "]),
        (sst(""), []),
    ],
)
def test_a_plain_shared_string_table_is_scanned_as_the_element_reader_reads_it(
    table: str, items: list[str]
) -> None:
    assert string_readings(strings_package(table)) == (items, items)


@pytest.mark.parametrize(
    "table",
    [
        sst("<si><r><t>Vla</t></r><r><t>dimir</t></r></si>"),
        sst('<si><t>Poutine</t><rPh sb="0" eb="1"><t>x</t></rPh></si>'),
        sst("<si><t>a</t></si><!-- b -->"),
        sst("<si><t>a</t></si>").replace(S, "urn:other"),
        sst("<si><t>a</t></si><extLst><si><t>b</t></si></extLst>"),
        sst("<si><t>\r</t></si>"),
    ],
)
def test_a_shared_string_table_the_scan_cannot_fully_read_is_left_to_the_element_reader(
    table: str,
) -> None:
    scanned, _ = string_readings(strings_package(table))
    assert scanned is None
