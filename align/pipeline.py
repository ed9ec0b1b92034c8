"""`align run`: read, separate languages, split, build the glossary, pair and align, export.

One document's walk: `align.readers` decodes it into a Document; `align.text.analysis.analyse`
cuts it into language segments (`text.language`), sets repeats aside (`text.repeats`) and splits
sentences (`text.sentences`); the glossary stage finds names in every sentence
(`glossary.mentions`), groups them into entities (`glossary.build`), keeps a person's edits
(`glossary.workbook.merge`) and writes glossary.xlsx and .tbx; the alignment stage pairs French
and English documents (`pairing.documents`), aligns each pair (`pairing.pair`, through
`parallel` or `comparable`) and writes alignment.tmx and .xlsx (`exports`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.exports.review import write_review
from align.exports.rows import AlignedText, aligned_texts
from align.exports.tmx import write_tmx
from align.model import AnalysedDocument, Progress
from align.pairing.documents import find_document_pairs, sides_of
from align.pairing.names import glossary_name_key
from align.pairing.pair import align_pair
from align.readers import ReadResult, Skipped
from align.settings import (
    ALIGNMENT_TMX,
    ALIGNMENT_XLSX,
    GLOSSARY_TBX,
    GLOSSARY_XLSX,
    RunSettings,
)
from align.text.analysis import analyse
from glossary.atomicfile import ensure_folder
from glossary.build import build_glossary
from glossary.errors import GlossaryError
from glossary.model import Glossary, Lang
from glossary.tbx import write_tbx
from glossary.workbook import Workbook, merge_workbook, read_workbook, write_workbook
from glossary.workbook.file import ensure_closed


@dataclass(frozen=True)
class RunSummary:
    """What `align run` did, for the terminal summary."""

    documents: int
    skipped: tuple[Skipped, ...]
    languages: tuple[tuple[str, int], ...]
    segments: int
    repeats: int
    sentences: int
    entities: int = 0
    variants: int = 0
    kept_edits: int = 0
    document_pairs: tuple[tuple[str, str, str], ...] = ()
    links: int = 0
    outputs: tuple[Path, ...] = field(default=())


@dataclass(frozen=True)
class GlossaryStage:
    glossary: Glossary
    kept_edits: int
    outputs: tuple[Path, ...]


@dataclass(frozen=True)
class AlignmentStage:
    document_pairs: tuple[tuple[str, str, str], ...]
    links: int
    outputs: tuple[Path, ...]


def run(
    read: ReadResult,
    settings: RunSettings,
    *,
    detector: Any,
    splitter: Any,
    progress: Progress | None = None,
) -> RunSummary:
    """The whole pipeline over documents already read; writes the exports into settings.out_dir."""
    # Check the output folder and read the translators' workbook first: an unwritable folder
    # or a corrupt or locked workbook stops the run before the long work, with nothing written.
    ensure_folder(settings.out_dir)
    previous = load_previous_glossary(settings)
    analysed = analyse(read.documents, detector, splitter, progress)
    summary = summarise_analysis(read, analysed)
    glossary_stage = export_glossary(analysed, previous, settings, progress)
    alignment_stage = export_alignment(analysed, settings, progress, glossary_stage.glossary)
    return RunSummary(
        documents=summary.documents,
        skipped=summary.skipped,
        languages=summary.languages,
        segments=summary.segments,
        repeats=summary.repeats,
        sentences=summary.sentences,
        entities=len(glossary_stage.glossary.entities),
        variants=len(glossary_stage.glossary.variants),
        kept_edits=glossary_stage.kept_edits,
        document_pairs=alignment_stage.document_pairs,
        links=alignment_stage.links,
        outputs=glossary_stage.outputs + alignment_stage.outputs,
    )


def summarise_analysis(read: ReadResult, analysed: Sequence[AnalysedDocument]) -> RunSummary:
    """Counts of documents, languages, segments and repeats set aside."""
    languages: Counter[str] = Counter()
    segments = repeats = sentences = 0
    for doc in analysed:
        for seg in doc.segments:
            if seg.duplicate:
                repeats += 1
            else:
                segments += 1
                languages[seg.lang] += 1
        sentences += len(doc.sentences)
    return RunSummary(
        documents=len(analysed),
        skipped=read.skipped,
        languages=tuple(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))),
        segments=segments,
        repeats=repeats,
        sentences=sentences,
    )


def workbook_path(settings: RunSettings) -> Path:
    """Where the translators' workbook is read from: --glossary, else the one in --out."""
    return settings.glossary_path or settings.out_dir / GLOSSARY_XLSX


def load_previous_glossary(settings: RunSettings) -> Workbook | None:
    """The workbook a person may have edited, or None when there is none yet."""
    path = workbook_path(settings)
    # The workbook the run replaces may differ from --glossary; if a person has it open in
    # Excel, replacing it would lose what they have not saved yet.
    ensure_closed(settings.out_dir / GLOSSARY_XLSX)
    if settings.glossary_path is not None and not path.exists():
        raise GlossaryError(
            str(path), "glossary not found", "check the path, or leave out --glossary to start anew"
        )
    if not path.exists():
        return None
    return read_workbook(path)


def about_rows(settings: RunSettings, analysed: Sequence[AnalysedDocument]) -> dict[str, str]:
    """The About sheet: version, settings and their signature, inputs."""
    rows = {"tool": "align-glossary", "signature": settings.signature()}
    rows.update({f"setting.{k}": v for k, v in settings.as_dict().items()})
    for i, doc in enumerate(analysed, start=1):
        d = doc.document
        rows[f"input.{i}"] = f"{d.source} ({d.fmt}, {d.encoding}, {doc.main_lang})"
    return rows


def export_glossary(
    analysed: Sequence[AnalysedDocument],
    previous: Workbook | None,
    settings: RunSettings,
    progress: Progress | None = None,
) -> GlossaryStage:
    """Find names, build entities, keep the translators' edits, write glossary.xlsx and .tbx."""
    if progress:
        progress("building the glossary", 0, 1)
    fresh = build_glossary([p for doc in analysed for p in doc.passages()])
    merged = merge_workbook(previous, fresh)
    xlsx = settings.out_dir / GLOSSARY_XLSX
    tbx = settings.out_dir / GLOSSARY_TBX
    write_workbook(
        xlsx,
        merged.glossary,
        about_rows(settings, analysed),
        baseline=merged.baseline,
        previous=previous,
    )
    write_tbx(tbx, merged.glossary)
    if progress:
        progress("building the glossary", 1, 1)
    return GlossaryStage(merged.glossary, merged.edited_rows, (xlsx, tbx))


def export_alignment(
    analysed: Sequence[AnalysedDocument],
    settings: RunSettings,
    progress: Progress | None = None,
    glossary: Glossary | None = None,
) -> AlignmentStage:
    """Pair French and English documents that share events, align them, write TMX and review.

    Names match through the entities of `glossary`, the run's glossary after a person's edits
    (align.pairing.names), and through transliteration keys where it knows no entity.
    """
    name_key = glossary_name_key(glossary)
    by_source = {doc.document.source: doc for doc in analysed}
    sides = [side for doc in analysed for side in sides_of(doc.document.source, doc.sentences)]
    pairs = find_document_pairs(sides, name_key=name_key)
    rows: list[AlignedText] = []
    done: list[tuple[str, str, str]] = []
    for i, pair in enumerate(pairs):
        fr = [s for s in by_source[pair.fr].sentences if s.lang == Lang.FR]
        en = [s for s in by_source[pair.en].sentences if s.lang == Lang.EN]
        result = align_pair(fr, en, mode=pair.mode, name_key=name_key)
        rows.extend(aligned_texts(result, fr, en, fr_source=pair.fr, en_source=pair.en))
        done.append((pair.fr, pair.en, result.mode))
        if progress:
            progress("aligning documents", i + 1, len(pairs))
    tmx = settings.out_dir / ALIGNMENT_TMX
    xlsx = settings.out_dir / ALIGNMENT_XLSX
    write_tmx(tmx, rows, fr_tag=settings.fr_tag, en_tag=settings.en_tag)
    write_review(xlsx, rows)
    return AlignmentStage(tuple(done), len(rows), (tmx, xlsx))
