"""The types that cross module borders on the align side: documents, spans, segments, sentences,
links, and a document once analysed."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Literal

from glossary.model import Lang, Passage

UND = Lang.UND


class Mode(StrEnum):
    """How two documents are aligned: as a text and its translation, or as separate reports."""

    PARALLEL = "parallel"
    COMPARABLE = "comparable"


# What a caller may ask for: a mode, or "auto" to let the evidence decide.
RequestedMode = Mode | Literal["auto", "parallel", "comparable"]
# Maps the spellings of one name to one key (Ouchakov, Ushakov -> "ushakov"), as
# glossary.translit.match_key does.
NameKey = Callable[[str], str]
# A progress callback: (what is being done, how many done, out of how many).
Progress = Callable[[str, int, int], None]


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


@dataclass(frozen=True)
class Location:
    """Where a piece of text sits: its document's source and its span."""

    source: str
    span: Span


@dataclass(frozen=True)
class Segment:
    """A run of text in one language (or `und`), inside one paragraph of a document.

    `duplicate` is True on an exact or near copy of an earlier segment, set aside in favour of
    it; `original` then locates the segment kept in its place.
    """

    source: str
    span: Span
    text: str
    lang: Lang
    confidence: float
    paragraph: int
    duplicate: bool = False
    original: Location | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence, with its language and position; `paragraph` counts from 0 in its document."""

    source: str
    span: Span
    text: str
    lang: Lang
    paragraph: int


class EvidenceKind(StrEnum):
    """What a piece of evidence for a link is."""

    DATE = "date"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    ORDINAL = "ordinal"
    NUMBER = "number"
    NAME = "name"
    TERM = "term"
    COGNATE = "cognate"
    WORD = "word"
    PUNCTUATION = "punctuation"
    LENGTH = "length"
    NO_COUNTERPART = "no counterpart"
    NO_ENGLISH = "no English text"
    NO_FRENCH = "no French text"


@dataclass(frozen=True)
class Evidence:
    """One reason for a link: its kind and what was shared ("date" "1935-05-02").

    Shown to a person as its text, `str(evidence)`: "date 1935-05-02", "name ushakov", "length".
    Evidence sorts by that text.
    """

    kind: EvidenceKind
    value: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value} {self.value}" if self.value else self.kind.value

    def __lt__(self, other: Evidence) -> bool:
        return str(self) < str(other)


@dataclass(frozen=True)
class Link:
    """A bead of an alignment: 0-based sentence indices on each side (one side may be empty).

    `evidence` says why the link was made (date 1935-05-02, name ushakov, length...).
    """

    fr: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    evidence: tuple[Evidence, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The evidence as a person reads it: ("date 1935-05-02", "name ushakov")."""
        return tuple(str(e) for e in self.evidence)

    @property
    def kind(self) -> str:
        """Link type such as '1-1', '2-1', '1-0'."""
        return f"{len(self.fr)}-{len(self.en)}"


@dataclass(frozen=True)
class AnalysedDocument:
    """A document with its language segments (copies marked) and its sentences (copies left out)."""

    document: Document
    segments: tuple[Segment, ...]
    sentences: tuple[Sentence, ...]

    @property
    def main_lang(self) -> Lang:
        """The language holding most characters of the document's non-duplicate segments."""
        sizes: dict[Lang, int] = {}
        for seg in self.segments:
            if not seg.duplicate and seg.lang != UND:
                sizes[seg.lang] = sizes.get(seg.lang, 0) + len(seg.text)
        return max(sorted(sizes), key=lambda lang: sizes[lang]) if sizes else UND

    def passages(self) -> list[Passage]:
        """Its sentences as the glossary sees them (every language but `und`)."""
        return [
            Passage(
                source=s.source,
                lang=s.lang,
                text=s.text,
                start=s.span.start,
                line=s.span.line_start,
                column=self.document.column_of(s.span.start),
            )
            for s in self.sentences
            if s.lang != UND
        ]
