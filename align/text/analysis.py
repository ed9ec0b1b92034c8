"""Documents in, languages and sentences out: the part every command shares.

Two stages work on one document at a time, each a plain function of the document and the heavy
objects built once per process: `document_segments` (languages, weighed in the document's
context) and `document_sentences` (sentences of its segments once repeats are marked). Between
them, `mark_repeats` looks across all documents. `align.workers` maps the two stages over many
documents in worker processes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from align.model import AnalysedDocument, Document, Progress, Segment, Sentence
from align.text.context import in_document_context
from align.text.language import detect_segments
from align.text.repeats import mark_repeats
from align.text.sentences import split_sentences


def document_segments(doc: Document, detector: Any) -> list[Segment]:
    """The language segments of one document, French and English weighed in its context."""
    return in_document_context(detect_segments(doc, detector))


def document_sentences(
    doc: Document,
    segments: Sequence[Segment],
    splitter: Any,
    whole: Callable[[Segment], bool] | None = None,
) -> list[Sentence]:
    """The sentences of one document's segments (repeats already marked, and left out); a
    segment `whole` says True of is one sentence."""
    return split_sentences(doc, segments, splitter, whole)


def analyse(
    documents: Sequence[Document],
    detector: Any,
    splitter: Any,
    progress: Progress | None = None,
) -> list[AnalysedDocument]:
    """Detect languages, set repeated passages aside (across all documents), split sentences."""
    segments = []
    for i, doc in enumerate(documents):
        segments.append(document_segments(doc, detector))
        if progress:
            progress("detecting languages", i + 1, len(documents))
    marked = mark_by_document(segments)
    result = []
    for i, (doc, segs) in enumerate(zip(documents, marked, strict=True)):
        sentences = document_sentences(doc, segs, splitter)
        result.append(AnalysedDocument(doc, tuple(segs), tuple(sentences)))
        if progress:
            progress("splitting sentences", i + 1, len(documents))
    return result


def split_all(
    documents: Sequence[Document],
    segments_by_source: dict[str, list[Segment]],
    splitter: Any,
    progress: Progress | None = None,
    whole: Callable[[Segment], bool] | None = None,
) -> list[AnalysedDocument]:
    """Split each document's segments (repeats already marked) into sentences; a segment
    `whole` says True of is kept as one."""
    result = []
    for i, doc in enumerate(documents):
        segs = segments_by_source.get(doc.source, [])
        sentences = document_sentences(doc, segs, splitter, whole)
        result.append(AnalysedDocument(doc, tuple(segs), tuple(sentences)))
        if progress:
            progress("splitting sentences", i + 1, len(documents))
    return result


def mark_by_document(per_document: Sequence[Sequence[Segment]]) -> list[list[Segment]]:
    """`mark_repeats` over every document's segments in order, given back document by document."""
    marked = iter(mark_repeats([seg for segs in per_document for seg in segs]))
    return [[next(marked) for _ in segs] for segs in per_document]
