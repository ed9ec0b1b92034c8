"""A decoded document: its text, where it came from, and offsets into it as lines and columns.
Apart from `align.model` (segments and sentences) so that reading a file needs no more."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into a document's text, with 1-based inclusive lines."""

    start: int
    end: int
    line_start: int
    line_end: int


class DocumentFormat(StrEnum):
    """What a document was read from: its offsets and lines are those of its extracted text."""

    TXT = "txt"
    MD = "md"
    HTML = "html"
    DOCX = "docx"


@dataclass(frozen=True)
class WordPlace:
    """Where a paragraph of a .docx sits in Word, for a person to find it there.

    `start` is the offset in the Document's text where the paragraph's text begins. `paragraph`
    counts every paragraph of the document from 1, in Word's order: empty ones, and those inside
    table cells, included. Inside a table, `table` is its number among the document's top-level
    tables (from 1), `row` its row and `cell` the cell in that row (from 1, a merged cell once);
    a table nested in a cell is placed by the cell of the outer table.
    """

    start: int
    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def __str__(self) -> str:
        where = f"paragraph {self.paragraph}"
        if self.table is not None:
            where += f" (table {self.table}, row {self.row}, cell {self.cell})"
        return where


@dataclass(frozen=True)
class Document:
    """A decoded document: NFC text with '\\n' line endings, and where it came from.

    `places` is set for .docx: one WordPlace per paragraph kept in `text`, in order of `start`;
    `place_of(offset)` gives the paragraph an offset falls in. `source_lines` is set for .html:
    for each line of `text`, the 1-based line of the page's source where it starts (0 where not
    known); `source_line(line)` reads it.
    """

    source: str
    text: str
    encoding: str = "utf-8"
    fmt: DocumentFormat = DocumentFormat.TXT
    places: tuple[WordPlace, ...] = ()
    source_lines: tuple[int, ...] = ()

    def source_line(self, line: int) -> int | None:
        """The line of the source file where 1-based `line` of the text starts, if known."""
        if 0 < line <= len(self.source_lines) and self.source_lines[line - 1]:
            return self.source_lines[line - 1]
        return None

    def place_of(self, offset: int) -> WordPlace | None:
        """The Word paragraph (and table cell) at `offset`; None when not read from a .docx."""
        if not self.places:
            return None
        index = bisect.bisect_right(self._place_starts, offset) - 1
        return self.places[max(index, 0)]

    @cached_property
    def _place_starts(self) -> list[int]:
        return [place.start for place in self.places]

    @cached_property
    def _line_starts(self) -> list[int]:
        # str.find runs in C; a loop over characters cost a tenth of `check --lang en`.
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def line_of(self, offset: int) -> int:
        """1-based line number of the character at `offset`."""
        return bisect.bisect_right(self._line_starts, offset)

    def column_of(self, offset: int) -> int:
        """1-based column of the character at `offset`."""
        return offset - self._line_starts[self.line_of(offset) - 1] + 1

    def offset_of(self, line: int, column: int) -> int:
        """The offset of the character at 1-based `line` and `column` (line_of's inverse)."""
        return self._line_starts[line - 1] + column - 1

    def span(self, start: int, end: int) -> Span:
        """Span for text[start:end]; the last line is that of the last character."""
        last = max(start, end - 1)
        return Span(start, end, self.line_of(start), self.line_of(last))
