"""The types that cross module borders on the align side: documents, spans, segments, sentences,
links, and a document once analysed. Documents (`align.document`) and links (`align.links`)
have modules of their own, which what needs only them imports; every type is named here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from align.document import Document, DocumentFormat, Span, WordPlace
from align.links import Evidence, EvidenceKind, Link, Mode, NameKey, RequestedMode
from glossary.model import Lang, Passage

__all__ = [
    "UND",
    "AnalysedDocument",
    "Document",
    "DocumentFormat",
    "Evidence",
    "EvidenceKind",
    "Link",
    "Location",
    "Mode",
    "NameKey",
    "Progress",
    "RequestedMode",
    "Segment",
    "Sentence",
    "Span",
    "WordPlace",
]

UND = Lang.UND

# A progress callback: (what is being done, how many done, out of how many).
Progress = Callable[[str, int, int], None]


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
