"""`align check` as a library call: documents in, findings out, analysed as `align run` does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from align.model import Document, Progress, Segment
from align.text.analysis import split_all
from align.text.language import detect_segments
from glossary.check.checker import Checker, Finding


@dataclass(frozen=True)
class FixedLanguage:
    """A detector that gives every text one language: what `--lang fr|en` means."""

    lang: str

    @property
    def languages(self) -> tuple[str, ...]:
        """The single language, in the Detector protocol's shape."""
        return (self.lang,)

    def confidences(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        """Certainty for the one language, whatever the text."""
        return [(1.0,)] * len(texts)


def check_documents(
    documents: Sequence[Document],
    checker: Checker,
    detector: Any,
    splitter: Any,
    progress: Progress | None = None,
) -> list[Finding]:
    """Separate languages, split sentences and check every sentence of every document.

    Repeated passages are not set aside as `run` does: a copy is still a place to correct.
    """
    segments: dict[str, list[Segment]] = {}
    for i, doc in enumerate(documents):
        segments[doc.source] = detect_segments(doc, detector)
        if progress:
            progress("detecting languages", i + 1, len(documents))
    analysed = split_all(documents, segments, splitter, progress)
    return checker.check([p for doc in analysed for p in doc.passages()])
