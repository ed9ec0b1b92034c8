"""The sheets `check` needs, streamed from the package's XML instead of through openpyxl's cells.

openpyxl's read-only reader builds a dictionary per cell and reads every shared string through its
descriptor classes: a 100,000-row glossary took over a minute. Here each wanted sheet's rows are
read with lxml's `iterparse` (each row released once read), the shared strings in one pass, and
every value is what openpyxl's `iter_rows(values_only=True)` gives after `reset_dimensions()`:
shared and inline strings as text, booleans as bool, numbers as int or float (dates by their
style as datetime), a missing row as (), a row padded with None up to its last cell. openpyxl
still reads the package's manifest, workbook part and styles (small parts), so the sheets, their
order and their dates are found exactly as it finds them.

The package check (glossary.ziplimits) has bounded every part's declared size and parsed the
small parts; the parts streamed here (`STREAMED`) are left to this reader, which applies the same
limits as it goes: elements no deeper than `max_depth`, rows padded to no more than `max_cells`
cells (a row numbered a million comes back after a million empty rows), and zipfile stops at a
part's declared size and refuses a part whose checksum then disagrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from glossary.workbook import scan
from glossary.workbook.cells import CellValue
from glossary.workbook.scan import LONGEST, NotPlain, row_attributes, unescaped
from glossary.ziplimits import LIMITS, ZipLimits, dtd_declared, too_deep, too_many_cells

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW = _MAIN + "row"
_VALUE = _MAIN + "v"
_INLINE = _MAIN + "is"
_SHARED_ITEM = _MAIN + "si"
_TEXT = _MAIN + "t"
_RUN = _MAIN + "r"

_DIGITS = "0123456789"
_IN_ORDER = list(range(1, 18_279))  # columns A to ZZZ, the most a reference names
_BATCH = 512  # rows (or shared strings) held before their depth is checked and they are dropped
# Parts up to this size are read whole and scanned (its bytes and its text held at once, the text
# up to four bytes a character); larger ones element by element, whose memory stays that of a
# batch of rows. 100,000 persons make sheets of 37 MB.
SCANNED_BYTES = 64 * 1024 * 1024
# Attribute values as XML reads them: tabs and line breaks become spaces.
_SPACES = str.maketrans("\t\n\r", "   ")
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_SHARED_STRINGS = re.compile(r"xl/sharedStrings\.xml", re.IGNORECASE)

Rows = list[tuple[CellValue, ...]]


def streamed(name: str) -> bool:
    """Whether part `name` is one this reader inflates itself, under the limits (or never)."""
    return bool(_WORKSHEET.fullmatch(name) or _SHARED_STRINGS.fullmatch(name))


class Package:
    """An .xlsx package opened for streaming: its worksheets by title, in workbook order."""

    def __init__(self, handle: IO[bytes], limits: ZipLimits = LIMITS) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        reader = ExcelReader(handle, read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        self._archive = reader.archive
        self._limits = limits
        self._depth = _Depth(limits)
        self._columns: dict[str, int] = {}
        self._epoch = reader.wb.epoch
        self._dates = frozenset(reader.wb._date_formats)
        self._timedeltas = frozenset(reader.wb._timedelta_formats)
        self.sheets: list[tuple[str, str]] = []
        for sheet, rel in reader.parser.find_sheets():
            # As openpyxl: a sheet whose part is absent is left out, chart sheets hold no cells.
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
                self.sheets.append((sheet.name, rel.target))
        strings = reader.package.find(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        )
        self._strings: list[str] = []
        if strings is not None:
            name = strings.PartName[1:]
            scanned = self._scanned_strings(name)
            if scanned is None:
                with self._archive.open(name) as part:
                    scanned = self._shared_strings(name, part)
            self._strings = scanned

    def close(self) -> None:
        self._archive.close()

    def rows(self, target: str) -> Rows:
        """The values of the worksheet stored at `target`, row by row from row 1: scanned when
        the part is written plainly (glossary.workbook.scan), else element by element."""
        scanned = self.scanned(target)
        return self.elements(target) if scanned is None else scanned

    def elements(self, target: str) -> Rows:
        """The values of the worksheet at `target`, read element by element (lxml)."""
        with self._archive.open(target) as part:
            return list(self._rows(target, part))

    def scanned(self, name: str) -> Rows | None:
        """The rows of part `name` read by the scan, or None to read it element by element
        (a part the scan does not take, a damaged or refused one: lxml says what is wrong)."""
        try:
            if self._archive.getinfo(name).file_size > SCANNED_BYTES:
                return None
            with self._archive.open(name) as part:
                data = part.read()
            found = scan.sheet_body(
                data, lambda rest: self._parsed(name, rest), self._limits.max_depth
            )
            if found is None:
                return None
            del data
            return self._scanned_rows(scan.tokens(found), found.holder.nsmap)
        except Exception:  # the element reader is the one that refuses, in its words
            return None

    def _scanned_strings(self, name: str) -> list[str] | None:
        """The shared string table read by the scan, or None to read it element by element."""
        try:
            if self._archive.getinfo(name).file_size > SCANNED_BYTES:
                return None
            with self._archive.open(name) as part:
                data = part.read()
            found = scan.strings_body(
                data, lambda rest: self._parsed(name, rest), self._limits.max_depth
            )
            del data
            return None if found is None else scan.strings(found)
        except Exception:  # the element reader is the one that refuses, in its words
            return None

    def _parsed(self, name: str, rest: bytes) -> Any:
        """A part without its rows, parsed as the element reader would and held to its limits."""
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        root = etree.fromstring(rest, parser)
        _refuse_dtd(name, root)
        self._depth.check(name, root)
        return root

    def _scanned_rows(self, tokens: Iterable[tuple[str, ...]], prefixes: Any) -> Rows:
        """`_rows` over the scan's tokens: the same values, padding and cell limit."""
        result: Rows = []
        counter = 1
        number = previous = 0
        padded = 0
        columns: list[int] = []
        values: list[CellValue] = []
        known = self._columns
        open_row = False
        for letters, style, kind, value, inline, text, close, attributes, empty, other in tokens:
            if letters:
                if not open_row:
                    raise NotPlain("a cell outside a row")
                column = known.get(letters)
                if column is None:
                    column = self._column(letters + "1", letters)
                if kind == "inlineStr":
                    cell: CellValue = None
                    if inline:
                        cell = unescaped(text) if "&" in text else text
                elif value:
                    if "&" in value:
                        value = unescaped(value)
                    cell = self._value(kind or "n", value, style)
                else:
                    cell = None
                if len(text) > LONGEST or len(value) > LONGEST:
                    raise NotPlain("a long text")
                columns.append(column)
                values.append(cell)
                continue
            if other or open_row is not bool(close):
                raise NotPlain("markup the scan does not read")
            if not close:  # a row starts
                open_row = True
                previous = number
                if attributes[:4] == ' r="' and attributes[4:-1].isdigit() and len(attributes) > 5:
                    number = int(attributes[4:-1])  # as a tool writes a row: its number only
                else:
                    ref = row_attributes(attributes, prefixes).get("r") if attributes else None
                    number = number + 1 if ref is None else _row_number(ref.translate(_SPACES))
                if not empty:
                    continue
            open_row = False
            row, width = _placed(columns, values)
            columns, values = [], []
            padded += max(number - previous, 1) + width
            if padded > self._limits.max_cells:
                raise NotPlain("too many cells")
            while counter < number:
                counter += 1
                result.append(())
            if counter <= number:
                counter += 1
                result.append(row)
        if open_row:
            raise NotPlain("a row without its end")
        return result

    def _shared_strings(self, name: str, part: IO[bytes]) -> list[str]:
        """The shared string table, each item's text as openpyxl's read_string_table gives it."""
        strings: list[str] = []
        items = _elements(part, _SHARED_ITEM)
        held = 0
        for _, item in self._guarded(name, items):
            if not strings:
                _refuse_dtd(name, item)
            strings.append(_text(item).replace("x005F_", ""))
            held += 1
            if held == _BATCH:
                self._release(name, item)
                held = 0
        _refuse_dtd(name, items.root)
        self._depth.check(name, items.root)
        return strings

    def _guarded(self, name: str, events: Any) -> Iterator[tuple[str, Any]]:
        """`events`; on damaged XML, the part read so far is held to the limits first (libxml2
        stops at 256 levels by itself: a deeper part is refused as too deep, not as damaged)."""
        from lxml import etree

        try:
            yield from events
        except etree.XMLSyntaxError as err:
            root = getattr(events, "root", None)
            _refuse_dtd(name, root)
            self._depth.check(name, root)
            if "Excessive depth" in str(err):  # libxml2's own limit, past max_depth
                raise too_deep(name, ".xlsx", self._limits) from None
            raise

    def _release(self, name: str, element: Any) -> None:
        """Check the depth of the elements read with `element` (its siblings), then drop them:
        memory stays that of a batch of rows, and the depth is checked once a batch."""
        parent = element.getparent()
        if parent is not None:
            self._depth.check(name, parent)
            del parent[:]

    def _rows(self, name: str, part: IO[bytes]) -> Iterator[tuple[CellValue, ...]]:
        # openpyxl's ReadOnlyWorksheet._cells_by_row with no dimensions, value for value.
        counter = 1
        number = 0
        padded = 0  # the cells built so far, empty rows counted as one, as the package check does
        rows = _elements(part, _ROW)
        held = 0
        for _, row in self._guarded(name, rows):
            if not held and not number:
                _refuse_dtd(name, row)
            previous = number
            ref = row.get("r")
            if ref is not None:
                number = _row_number(ref)
            else:
                number += 1
            values, width = self._cells(row)
            held += 1
            if held == _BATCH:
                self._release(name, row)
                held = 0
            padded += max(number - previous, 1) + width
            if padded > self._limits.max_cells:
                raise too_many_cells(self._limits.max_cells, number, width)
            while counter < number:
                counter += 1
                yield ()
            if counter <= number:
                counter += 1
                yield values
        _refuse_dtd(name, rows.root)
        self._depth.check(name, rows.root)

    def _cells(self, row: Any) -> tuple[tuple[CellValue, ...], int]:
        """A row's values up to its last cell's column (None where no cell is), and the
        rightmost column it has a cell in."""
        columns = []
        values: list[CellValue] = []
        column = 0
        known = self._columns
        for cell in row:
            ref = cell.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                if letters != ref and letters in known:
                    column = known[letters]
                else:
                    column = self._column(ref, letters)
            else:
                column += 1
            kind = cell.get("t", "n")
            value: CellValue = None
            if kind == "inlineStr":
                for child in cell:
                    if child.tag == _INLINE:
                        value = _text(child)
                        break
            else:
                for child in cell:
                    if child.tag == _VALUE:
                        if child.text:
                            value = self._value(kind, child.text, cell.get("s", 0))
                        break
            columns.append(column)
            values.append(value)
        return _placed(columns, values)

    def _column(self, ref: str, letters: str) -> int:
        """The column of a cell reference, as openpyxl's coordinate_to_tuple reads it (or
        raises); remembered by its letters once they have read as a column."""
        from openpyxl.utils.cell import coordinate_to_tuple

        column: int = coordinate_to_tuple(ref)[1]
        if letters != ref:
            self._columns[letters] = column
        return column

    def _value(self, kind: str, text: str, style: Any) -> CellValue:
        if kind == "s":
            return self._strings[int(text)]
        if kind == "n":
            number = _number(text)
            style = int(style) if style else 0
            if style in self._dates:
                from openpyxl.utils.datetime import from_excel

                try:
                    when: CellValue = from_excel(
                        number, self._epoch, timedelta=style in self._timedeltas
                    )
                except (OverflowError, ValueError):
                    return "#VALUE!"
                return when
            return number
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            stamp: CellValue = from_ISO8601(text)
            return stamp
        return text  # "str" (a formula's cached text), "e" (an error such as #N/A)


def _placed(columns: list[int], values: list[CellValue]) -> tuple[tuple[CellValue, ...], int]:
    """A row's values up to its last cell's column (None where no cell is), and the rightmost
    column it has a cell in, from its cells' columns and values."""
    if not columns:
        return (), 0
    width = columns[-1]
    if columns == _IN_ORDER[: len(columns)]:
        return tuple(values), width  # every cell in its place, as a tool writes them
    widest = max(columns)
    padded: list[CellValue] = [None] * width
    for at, value in zip(columns, values, strict=True):
        if 1 <= at <= width:
            padded[at - 1] = value
    return tuple(padded), widest


def _elements(part: IO[bytes], tag: str) -> Any:
    """lxml's iterparse of `part`, giving each `tag` element once read (its `.root` at the end)."""
    from lxml import etree

    # DTDs were refused by the package check (in its parts) and are not loaded here; entities
    # stay unresolved and nothing is fetched.
    return etree.iterparse(
        part,
        events=("end",),
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )


def _refuse_dtd(name: str, element: Any) -> None:
    """Refuse a part that declares a DTD, as the package check does (it is never loaded)."""
    if element is not None and element.getroottree().docinfo.doctype:
        raise dtd_declared(name, ".xlsx")


class _Depth:
    """The package check's depth limit on an element read whole: none below it nests deeper."""

    def __init__(self, limits: ZipLimits) -> None:
        self.limits = limits
        self._below: dict[int, Any] = {}

    def check(self, name: str, element: Any) -> None:
        if element is None:
            return
        depth = 1 + sum(1 for _ in element.iterancestors())
        levels = self.limits.max_depth - depth + 1
        if levels <= 0 or self._has_level(levels, element):
            raise too_deep(name, ".xlsx", self.limits)

    def _has_level(self, levels: int, element: Any) -> bool:
        """Whether `element` has a descendant `levels` generations down (XPath, in libxml2)."""
        if levels not in self._below:
            from lxml import etree

            self._below[levels] = etree.XPath("boolean(" + "/".join(["*"] * levels) + ")")
        return bool(self._below[levels](element))


def _text(element: Any) -> str:
    """A string item's text without formatting (openpyxl's Text.content): its plain text, then
    its runs' text; phonetic runs left out."""
    if len(element) == 1 and element[0].tag == _TEXT:
        return element[0].text or ""  # one plain text, as the tool and most editors write it
    plain = None
    runs = []
    for child in element:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            run = None
            for part in child:
                if part.tag == _TEXT:
                    run = part.text
            if run is not None:
                runs.append(run)
    return "".join(runs) if plain is None else plain + "".join(runs)


def _row_number(ref: str) -> int:
    try:
        return int(ref)
    except ValueError:
        value = float(ref)
        if value.is_integer():
            return int(value)
        raise ValueError(f"{ref} is not a valid row number") from None


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)
