"""Documents in, languages and sentences out: the part every command shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from align.model import AnalysedDocument, Document, Progress, Segment
from align.text.context import in_document_context
from align.text.language import detect_segments
from align.text.repeats import mark_repeats
from align.text.sentences import split_sentences


def document_segments(doc: Document, detector: Any) -> list[Segment]:
    """The language segments of one document, French and English weighed in its context."""
    return in_document_context(detect_segments(doc, detector))


def analyse(
    documents: Sequence[Document],
    detector: Any,
    splitter: Any,
    progress: Progress | None = None,
) -> list[AnalysedDocument]:
    """Detect languages, set repeated passages aside (across all documents), split sentences."""
    per_doc: list[list[Segment]] = []
    for i, doc in enumerate(documents):
        per_doc.append(document_segments(doc, detector))
        if progress:
            progress("detecting languages", i + 1, len(documents))
    marked = mark_repeats([seg for segs in per_doc for seg in segs])
    by_source: dict[str, list[Segment]] = {}
    for seg in marked:
        by_source.setdefault(seg.source, []).append(seg)
    return split_all(documents, by_source, splitter, progress)


def split_all(
    documents: Sequence[Document],
    segments_by_source: dict[str, list[Segment]],
    splitter: Any,
    progress: Progress | None = None,
) -> list[AnalysedDocument]:
    """Split each document's segments into sentences."""
    result = []
    for i, doc in enumerate(documents):
        segs = segments_by_source.get(doc.source, [])
        sentences = split_sentences(doc, segs, splitter)
        result.append(AnalysedDocument(doc, tuple(segs), tuple(sentences)))
        if progress:
            progress("splitting sentences", i + 1, len(documents))
    return result
