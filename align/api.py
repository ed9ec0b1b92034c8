"""The library API: what `align run` and the other commands do, as functions of values
(`import align`, then `align.read`, `align.analyse`, `align.pair`...; see the package docstring).

Heavy models (lingua's detector, Punkt's tokenizers) are built when a function first needs them
and can be passed in, built once, for many calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from align.comparable.events import align_comparable as _align_comparable
from align.model import AnalysedDocument, Document, Link, NameKey, Progress, RequestedMode, Sentence
from align.pairing.pair import PairResult, pair_documents
from align.parallel.aligner import align_parallel as _align_parallel
from align.pipeline import RunSummary
from align.pipeline import run as _run
from align.readers import ReadResult, read_paths
from align.settings import RunSettings
from align.text.analysis import analyse as _analyse
from align.text.language import build_detector
from align.text.sentences import build_splitter
from glossary.translit import match_key


def read(*paths: str | Path, stdin: BinaryIO | None = None) -> ReadResult:
    """Read files and folders (recursively, in name order; `-` is standard input) into Documents.

    A file named explicitly must be readable (BadInputError otherwise); in a folder an unusable
    file is skipped and listed in `skipped`.
    """
    return read_paths([str(p) for p in paths], stdin=stdin)


def analyse(
    documents: Sequence[Document],
    *,
    detector: Any = None,
    splitter: Any = None,
    progress: Progress | None = None,
) -> list[AnalysedDocument]:
    """Language segments (repeats across documents marked) and sentences of each document.

    `detector` and `splitter` default to lingua's and Punkt's (built here, which takes seconds:
    pass `align.text.language.build_detector()` and `align.text.sentences.build_splitter()`
    built once when analysing in several calls).
    """
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
    """Align a text with its translation: every sentence in exactly one link, in order.

    Names match through transliteration (Ouchakov anchors Ushakov); `name_key=None` turns it off.
    """
    return _align_parallel(
        fr, en, fr_paragraphs=fr_paragraphs, en_paragraphs=en_paragraphs, name_key=name_key
    )


def align_comparable(
    fr: Sequence[str], en: Sequence[str], *, name_key: NameKey | None = match_key
) -> list[Link]:
    """Link only the French and English passages that report the same event, with evidence."""
    return _align_comparable(fr, en, name_key=name_key)


def pair(
    fr: Sequence[Sentence] | Sequence[str],
    en: Sequence[Sentence] | Sequence[str],
    *,
    mode: RequestedMode = "auto",
    name_key: NameKey | None = match_key,
) -> PairResult:
    """Align two documents: decide parallel or comparable (`mode="auto"`), then align.

    The result says which mode was used, why, and any warning (a requested mode overruled,
    nothing linked).
    """
    return pair_documents(fr, en, mode=mode, name_key=name_key)


def run(
    paths: Sequence[str | Path] = ("seeds",),
    out: str | Path = "exports",
    *,
    glossary: str | Path | None = None,
    fr_tag: str = "fr",
    en_tag: str = "en",
    detector: Any = None,
    splitter: Any = None,
    progress: Progress | None = None,
) -> RunSummary:
    """The whole pipeline, as `align run`: writes glossary.xlsx, .tbx, alignment.tmx and .xlsx.

    A person's edits of `glossary` (default: glossary.xlsx in `out`) are kept.
    """
    settings = RunSettings(
        out_dir=Path(out),
        glossary_path=Path(glossary) if glossary is not None else None,
        fr_tag=fr_tag,
        en_tag=en_tag,
    )
    return _run(
        read(*paths),
        settings,
        detector=detector if detector is not None else build_detector(),
        splitter=splitter if splitter is not None else build_splitter(),
        progress=progress,
    )
