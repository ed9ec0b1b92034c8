"""Hostile and broken .docx and .xlsx packages, made in memory at any size.

Used by tests (small) and by benchmarks/limits.py (large). Each builder returns bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def package(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of `parts`, deflated (a zip bomb's text compresses about a thousand to one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return out.getvalue()


def docx_with_body(body: bytes, prologue: bytes = b"") -> bytes:
    """A .docx whose document.xml holds `body` inside <w:body>, after an optional prologue."""
    document = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prologue
        + f'<w:document xmlns:w="{W}"><w:body>'.encode()
        + body
        + b"</w:body></w:document>"
    )
    return docx_with_document(document)


def docx_with_document(document: bytes) -> bytes:
    """A .docx whose word/document.xml is exactly `document`."""
    return package(
        [
            ("[Content_Types].xml", CONTENT_TYPES.encode()),
            ("_rels/.rels", RELS.encode()),
            ("word/document.xml", document),
        ]
    )


def paragraphs(texts: Iterable[str]) -> bytes:
    """<w:p> elements holding `texts`."""
    return b"".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>".encode() for t in texts)


def docx_of_text(megabytes: int) -> bytes:
    """A small .docx holding `megabytes` MB of text once unzipped (a zip bomb)."""
    line = "Le ministre Iouri Ouchakov est arrivé à Moscou en février. " * 16
    para = f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>".encode()
    body = para * (megabytes * 1024 * 1024 // len(para) + 1)
    return docx_with_body(body)


def billion_laughs(levels: int = 10) -> bytes:
    """The classic entity expansion: each entity is ten of the one before."""
    entities = ['<!ENTITY lol0 "lol">']
    entities += [
        f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">'
        for i in range(1, levels)
    ]
    prologue = f"<!DOCTYPE w:document [{''.join(entities)}]>".encode()
    return docx_with_body(f"<w:p><w:r><w:t>&lol{levels - 1};</w:t></w:r></w:p>".encode(), prologue)


def entity_amplification(size: int = 100_000, uses: int = 1_000) -> bytes:
    """One large entity used many times (no nesting: defeats naive loop detection)."""
    prologue = f'<!DOCTYPE w:document [<!ENTITY big "{"x" * size}">]>'.encode()
    return docx_with_body(b"<w:p><w:r><w:t>" + b"&big;" * uses + b"</w:t></w:r></w:p>", prologue)


def external_entity(target: str = "file:///etc/passwd") -> bytes:
    """XXE: an entity naming a file of the machine that reads the document."""
    prologue = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'.encode()
    return docx_with_body(b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prologue)


def nested_tables(depth: int) -> bytes:
    """Tables nested `depth` deep, a paragraph in the innermost cell."""
    opening = b"<w:tbl><w:tr><w:tc>" * depth
    closing = b"<w:p/></w:tc></w:tr></w:tbl>" * depth
    return docx_with_body(opening + paragraphs(["Au fond."]) + closing)


def missing_end_tag() -> bytes:
    """document.xml cut before its end tags."""
    return docx_with_document(
        f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Bonjour'.encode()
    )


def lying_sizes(docx: bytes, declared: int, part: str = "word/document.xml") -> bytes:
    """`docx` with the sizes of `part` rewritten to say it holds `declared` bytes once unzipped."""
    data = bytearray(docx)
    name = part.encode()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        local = archive.getinfo(part).header_offset + 22
    central = data.find(b"PK\x01\x02")
    while central >= 0 and data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    # The size sits at offset 22 of the local header and 24 of the central directory entry.
    for offset in (local, central + 24):
        data[offset : offset + 4] = declared.to_bytes(4, "little")
    return bytes(data)


def corrupt_deflate(data: bytes, part: str) -> bytes:
    """`data` with the compressed bytes of `part` overwritten: they no longer inflate."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out[start : start + 8] = b"\xff" * 8
    return bytes(out)


XLSX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx_with_sheet(sheet_data: bytes, prologue: bytes = b"") -> bytes:
    """A one-sheet .xlsx (sheet `Entities`) whose <sheetData> holds `sheet_data`."""
    workbook = (
        f'<?xml version="1.0"?><workbook xmlns="{S}" xmlns:r="{R}"><sheets>'
        '<sheet name="Entities" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    )
    rels = RELS.replace("word/document.xml", "xl/workbook.xml")
    sheet = b'<?xml version="1.0"?>' + prologue
    sheet += f'<worksheet xmlns="{S}"><sheetData>'.encode()
    sheet += sheet_data + b"</sheetData></worksheet>"
    return package(
        [
            ("[Content_Types].xml", XLSX_CONTENT_TYPES.encode()),
            ("_rels/.rels", rels.encode()),
            ("xl/workbook.xml", workbook.encode()),
            ("xl/_rels/workbook.xml.rels", workbook_rels.encode()),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
    )


def sparse_xlsx(rows: int) -> bytes:
    """`rows` rows, each with one cell in the last column (XFD): tiny, but 16,384 cells a row."""
    cells = b"".join(
        f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        for r in range(1, rows + 1)
    )
    return xlsx_with_sheet(cells)


def xlsx_of_text(megabytes: int) -> bytes:
    """An .xlsx holding `megabytes` MB of cell text once unzipped."""
    cell = "Ouchakov " * 100
    row = f'<row><c t="inlineStr"><is><t>{cell}</t></is></c></row>'.encode()
    return xlsx_with_sheet(row * (megabytes * 1024 * 1024 // len(row) + 1))


def parts_of(data: bytes) -> dict[str, bytes]:
    """The parts of a zip package, by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def without(data: bytes, part: str) -> bytes:
    """The package `data` without its part `part`."""
    return package((n, d) for n, d in parts_of(data).items() if n != part)


def sheet_renamed(data: bytes, old: str, new: str) -> bytes:
    """The workbook `data` with its sheet `old` called `new`."""
    parts = parts_of(data)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        f'name="{old}"'.encode(), f'name="{new}"'.encode()
    )
    return package(parts.items())


def _edited(data: bytes, edit: Callable[[Any], None]) -> bytes:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def broken_workbooks(valid: bytes) -> dict[str, Callable[[], bytes]]:
    """Every kind of broken glossary workbook, made from the `valid` one: name -> builder.

    Each must be refused with one line naming the file (exit 3), never a warning or a traceback.
    """

    def header(book: Any) -> None:
        book["Entities"]["A1"] = "identifiant"

    def duplicate(book: Any) -> None:
        sheet = book["Entities"]
        sheet.append([c.value for c in sheet[2]])

    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000
    return {
        "empty file": lambda: b"",
        "plain text": lambda: b"entity_id;variant\nper-x;X\n",
        "random bytes": lambda: bytes((i * 7919) % 251 for i in range(4000)),
        "cut in half": lambda: valid[: len(valid) // 2],
        "missing Entities sheet part": lambda: without(valid, "xl/worksheets/sheet1.xml"),
        "missing Variants sheet part": lambda: without(valid, "xl/worksheets/sheet2.xml"),
        "missing workbook.xml": lambda: without(valid, "xl/workbook.xml"),
        "missing content types": lambda: without(valid, "[Content_Types].xml"),
        "corrupt deflate": lambda: corrupt_deflate(valid, "xl/worksheets/sheet1.xml"),
        "Entities sheet renamed": lambda: sheet_renamed(valid, "Entities", "Entites"),
        "Variants sheet renamed": lambda: sheet_renamed(valid, "Variants", "Formes"),
        "header renamed": lambda: _edited(valid, header),
        "duplicate entity ids": lambda: _edited(valid, duplicate),
        "a .docx renamed": lambda: docx_with_body(paragraphs(["Bonjour."])),
        "an .xls (OLE2)": lambda: ole2,
        "a DTD": lambda: xlsx_with_sheet(b"<row/>", b'<!DOCTYPE x [<!ENTITY a "b">]>'),
        "300 levels deep": lambda: xlsx_with_sheet(
            b"<row><c><is>" + b"<r>" * 300 + b"</r>" * 300 + b"</is></c></row>"
        ),
        "sparse to column XFD": lambda: sparse_xlsx(20_000),
        "sheet declares 100 bytes, holds more": lambda: lying_sizes(
            valid, 100, "xl/worksheets/sheet1.xml"
        ),
    }
