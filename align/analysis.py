"""Documents in, languages and sentences out: the part every command shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from align.document import Document, Segment, Sentence

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class AnalysedDocument:
    """A document with its language segments (copies marked) and its sentences (copies left out)."""

    document: Document
    segments: tuple[Segment, ...]
    sentences: tuple[Sentence, ...]

    @property
    def main_lang(self) -> str:
        """The language holding most characters of the document's non-duplicate segments."""
        sizes: dict[str, int] = {}
        for seg in self.segments:
            if not seg.duplicate and seg.lang != "und":
                sizes[seg.lang] = sizes.get(seg.lang, 0) + len(seg.text)
        return max(sorted(sizes), key=lambda lang: sizes[lang]) if sizes else "und"


def analyse(
    documents: Sequence[Document],
    detector: Any,
    splitter: Any,
    progress: Progress | None = None,
) -> list[AnalysedDocument]:
    """Detect languages, set repeated passages aside (across all documents), split sentences."""
    from align.dedup import mark_repeats
    from align.language import detect_segments

    per_doc: list[list[Segment]] = []
    for i, doc in enumerate(documents):
        per_doc.append(detect_segments(doc, detector))
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
    from align.sentences import split_sentences

    result = []
    for i, doc in enumerate(documents):
        segs = segments_by_source.get(doc.source, [])
        sentences = split_sentences(doc, segs, splitter)
        result.append(AnalysedDocument(doc, tuple(segs), tuple(sentences)))
        if progress:
            progress("splitting sentences", i + 1, len(documents))
    return result
