"""The library API: what `align run` and the other commands do, as functions of values
(`import align`, then `align.read`, `align.analyse`, `align.pair`...; see the package docstring).

Heavy models (lingua's detector, Punkt's tokenizers) are built when a function first needs them
and can be passed in, built once, for many calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from align.model import (
    AnalysedDocument,
    Document,
    DocumentFormat,
    Link,
    NameKey,
    Progress,
    RequestedMode,
    Sentence,
)
from glossary.translit import match_key

# The aligners, the pipeline and the language tools are imported by the functions that use
# them: `from align.api import check` must not pay for comparable alignment or the workbook
# writer (a light start for every command).
if TYPE_CHECKING:
    from align.pairing.pair import PairResult
    from align.pipeline import RunSummary
    from align.readers import ReadResult
    from glossary.check import Checker, Finding
    from glossary.model import Glossary


def build_detector(languages: Sequence[str] | None = None) -> Any:
    """The language detector (lingua behind cheaper steps), built once for many calls."""
    from align.text.language import build_detector as _build_detector

    return _build_detector(languages)


def build_splitter() -> Any:
    """Punkt's French and English sentence splitters, built once for many calls."""
    from align.text.sentences import build_splitter as _build_splitter

    return _build_splitter()


__all__ = [
    "align_comparable",
    "align_parallel",
    "analyse",
    "build_detector",
    "build_splitter",
    "check",
    "pair",
    "read",
    "run",
]


def read(*paths: str | Path, stdin: BinaryIO | None = None) -> ReadResult:
    """Read files and folders (recursively, in name order; `-` is standard input).

    Returns a ReadResult: `documents` (Document: decoded text and source) and `skipped`. A file
    named explicitly must be readable (BadInputError otherwise); in a folder an unusable file is
    skipped and listed in `skipped`.
    """
    from align.readers import read_paths

    return read_paths([str(p) for p in paths], stdin=stdin)


def analyse(
    documents: Sequence[Document],
    *,
    detector: Any = None,
    splitter: Any = None,
    progress: Progress | None = None,
) -> list[AnalysedDocument]:
    """Language segments (repeats across documents marked) and sentences of each document.

    Returns one AnalysedDocument per document. `detector` and `splitter` default to lingua's and
    Punkt's, built here, which takes seconds: for several calls build them once with
    `align.build_detector()` and `align.build_splitter()` and pass them in.
    """
    from align.text.analysis import analyse as _analyse

    return _analyse(
        documents,
        detector if detector is not None else build_detector(),
        splitter if splitter is not None else build_splitter(),
        progress,
    )


def align_parallel(
    fr: Sequence[str],
    en: Sequence[str],
    *,
    name_key: NameKey | None = match_key,
    fr_paragraphs: Sequence[int] | None = None,
    en_paragraphs: Sequence[int] | None = None,
) -> list[Link]:
    """Align a text with its translation: a list of Links in order, every sentence in one.

    Names match through transliteration (Ouchakov anchors Ushakov); `name_key=None` turns it off.
    """
    from align.parallel.aligner import align_parallel as _align_parallel

    return _align_parallel(
        fr, en, fr_paragraphs=fr_paragraphs, en_paragraphs=en_paragraphs, name_key=name_key
    )


def align_comparable(
    fr: Sequence[str], en: Sequence[str], *, name_key: NameKey | None = match_key
) -> list[Link]:
    """Links (a list) between only the French and English passages that report the same event,
    each with its evidence; links may cross and need not cover every sentence."""
    from align.comparable.events import align_comparable as _align_comparable

    return _align_comparable(fr, en, name_key=name_key)


def pair(
    fr: Sequence[Sentence] | Sequence[str],
    en: Sequence[Sentence] | Sequence[str],
    *,
    mode: RequestedMode = "auto",
    name_key: NameKey | None = match_key,
) -> PairResult:
    """Align two documents: decide parallel or comparable (`mode="auto"`), then align.

    Returns a PairResult: the mode used, the links, why that mode, and any warning (a requested
    mode overruled, nothing linked). An unknown `mode` is a ValueError.
    """
    from align.pairing.pair import align_pair

    return align_pair(fr, en, mode=mode, name_key=name_key)


def run(
    paths: str | Path | Sequence[str | Path] = ("seeds",),
    out: str | Path = "exports",
    *,
    glossary: str | Path | None = None,
    fr_tag: str = "fr",
    en_tag: str = "en",
    detector: Any = None,
    splitter: Any = None,
    progress: Progress | None = None,
) -> RunSummary:
    """The whole pipeline, as `align run`: writes glossary.xlsx, .tbx, alignment.tmx and .xlsx
    into `out` and returns a RunSummary (counts, document pairs, files written).

    `paths` is one path or several. A person's edits of `glossary` (default: glossary.xlsx in
    `out`) are kept.
    """
    from align.pipeline import run as _run
    from align.settings import RunSettings

    settings = RunSettings(
        out_dir=Path(out),
        glossary_path=Path(glossary) if glossary is not None else None,
        fr_tag=fr_tag,
        en_tag=en_tag,
    )
    if isinstance(paths, str | Path):
        paths = [paths]
    return _run(
        read(*paths),
        settings,
        detector=detector if detector is not None else build_detector(),
        splitter=splitter if splitter is not None else build_splitter(),
        progress=progress,
    )


def check(
    documents: Sequence[Document],
    glossary: Checker | Glossary | str | Path,
    *,
    lang: str | None = None,
    strict: bool = False,
    detector: Any = None,
    splitter: Any = None,
    progress: Progress | None = None,
) -> list[Finding]:
    """Names not written as the glossary wants, as `align check` reports them (Findings).

    `glossary` is a Glossary, a Checker built once for many calls, or the path of a workbook.
    Each sentence wants the canonical form of its own language; `lang` ("fr" or "en") forces one.
    `strict` reports every non-canonical form (short forms, acronyms, alternative names too);
    it applies when `glossary` is not already a Checker (which was built with its own policy).
    Repeated passages are not set aside as `run` does: a copy is still a place to correct.
    """
    from align.text.analysis import split_all
    from align.text.context import Evidence, in_document_context
    from align.text.language import FixedLanguage, Layouts, detect_segments
    from glossary.check import Checker
    from glossary.model import Glossary
    from glossary.workbook.readwrite import read_glossary

    if isinstance(glossary, Checker):
        checker = glossary
    elif isinstance(glossary, Glossary):
        checker = Checker(glossary, strict=strict)
    else:
        checker = Checker(read_glossary(glossary), strict=strict)
    if lang is not None:
        detector = FixedLanguage(lang)
    elif detector is None:
        detector = build_detector()
    # The checker is made ready for the documents' texts first: a line that cannot hold a hit
    # loads no rival language model, and a segment that cannot is not cut into sentences.
    checker = checker.prepared(doc.text for doc in documents)
    segments = {}
    # What one document's paragraphs and segments gave is kept for the next (texts repeat).
    layouts = Layouts()
    counted: dict[str, Evidence] = {}
    for i, doc in enumerate(documents):
        # A language forced on every segment needs no weighing against the document's.
        found = detect_segments(doc, detector, layouts, checker.may_hit)
        segments[doc.source] = found if lang is not None else in_document_context(found, counted)
        if progress:
            progress("detecting languages", i + 1, len(documents))
    splitter = splitter if splitter is not None else build_splitter()
    # Only a segment that may hold a hit is cut into sentences (Punkt was a third of the
    # time): the others lend the checker nothing but their lower-case words, the same whole.
    analysed = split_all(
        documents, segments, splitter, progress, whole=lambda seg: not checker.may_hit(seg.text)
    )
    findings = checker.check([p for doc in analysed for p in doc.passages()])
    word = {doc.source: doc for doc in documents if doc.places}
    page = {doc.source: doc for doc in documents if doc.fmt is DocumentFormat.HTML}
    return [
        _in_word(f, word[f.file])
        if f.file in word
        else _in_page(f, page[f.file])
        if f.file in page
        else f
        for f in findings
    ]


def _in_page(finding: Finding, doc: Document) -> Finding:
    """An .html finding placed in the page's source: the line where its line of text starts
    (the column still counts in that text, tags aside); `place` says which line it is."""
    line = doc.source_line(finding.line)
    if line is None:
        return replace(finding, place=f"text line {finding.line}")
    return replace(finding, line=line, place=f"source line {line}")


def _in_word(finding: Finding, doc: Document) -> Finding:
    """A .docx finding placed as a person finds it in Word: its paragraph (line), the column in
    that paragraph, and the table cell if any (`place`)."""
    offset = doc.offset_of(finding.line, finding.column)
    place = doc.place_of(offset)
    if place is None:
        return finding
    return replace(finding, line=place.paragraph, column=offset - place.start + 1, place=str(place))
