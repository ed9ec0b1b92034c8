"""The export stages of `align run`: the glossary workbook and TBX, the alignment TMX and review."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from align.analysis import AnalysedDocument, Progress
from glossary.errors import GlossaryError
from glossary.model import Glossary, Passage

if TYPE_CHECKING:
    from align.pipeline import RunSettings
    from glossary.workbook import Workbook


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


def workbook_path(settings: RunSettings) -> Path:
    """Where the translators' workbook is read from: --glossary, else the one in --out."""
    from align.pipeline import GLOSSARY_XLSX

    return settings.glossary_path or settings.out_dir / GLOSSARY_XLSX


def load_previous_glossary(settings: RunSettings) -> Workbook | None:
    """The workbook a person may have edited, or None when there is none yet."""
    from align.pipeline import GLOSSARY_XLSX
    from glossary.workbook import read_workbook
    from glossary.workbook_file import ensure_closed

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


def passages_of(analysed: Sequence[AnalysedDocument]) -> list[Passage]:
    """Sentences as the glossary sees them (every language but `und`)."""
    return [
        Passage(
            source=s.source,
            lang=s.lang,
            text=s.text,
            start=s.span.start,
            line=s.span.line_start,
            column=doc.document.column_of(s.span.start),
        )
        for doc in analysed
        for s in doc.sentences
        if s.lang != "und"
    ]


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
    from align.pipeline import GLOSSARY_TBX, GLOSSARY_XLSX
    from glossary.build import build_glossary
    from glossary.mentions import find_mentions
    from glossary.merge import merge_workbook
    from glossary.tbx import write_tbx
    from glossary.workbook import write_workbook

    if progress:
        progress("building the glossary", 0, 1)
    mentions = find_mentions(passages_of(analysed))
    fresh = build_glossary(mentions)
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
    glossary: Glossary,
    settings: RunSettings,
    progress: Progress | None = None,
) -> AlignmentStage:
    """Pair French and English documents that share events, align them, write TMX and review."""
    from align.docpairs import pair_documents_by_events, sides_of
    from align.pairing import AlignedText, aligned_texts, pair_documents
    from align.pipeline import ALIGNMENT_TMX, ALIGNMENT_XLSX
    from align.review import write_review
    from align.tmx import write_tmx
    from glossary.translit import match_key

    by_source = {doc.document.source: doc for doc in analysed}
    sides = [side for doc in analysed for side in sides_of(doc.document.source, doc.sentences)]
    pairs = pair_documents_by_events(sides, name_key=match_key)
    rows: list[AlignedText] = []
    done: list[tuple[str, str, str]] = []
    for i, pair in enumerate(pairs):
        fr = [s for s in by_source[pair.fr].sentences if s.lang == "fr"]
        en = [s for s in by_source[pair.en].sentences if s.lang == "en"]
        result = pair_documents(fr, en, mode=pair.mode, name_key=match_key)
        rows.extend(aligned_texts(result, fr, en, fr_source=pair.fr, en_source=pair.en))
        done.append((pair.fr, pair.en, result.mode))
        if progress:
            progress("aligning documents", i + 1, len(pairs))
    tmx = settings.out_dir / ALIGNMENT_TMX
    xlsx = settings.out_dir / ALIGNMENT_XLSX
    write_tmx(tmx, rows, fr_tag=settings.fr_tag, en_tag=settings.en_tag)
    write_review(xlsx, rows)
    return AlignmentStage(tuple(done), len(rows), (tmx, xlsx))
