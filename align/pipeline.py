"""`align run`: read, separate languages, split, build the glossary, pair and align, export."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align import __version__
from align.analysis import AnalysedDocument, Progress, analyse
from align.document import Sentence
from align.readers import ReadResult, Skipped

GLOSSARY_XLSX = "glossary.xlsx"
GLOSSARY_TBX = "glossary.tbx"
ALIGNMENT_XLSX = "alignment.xlsx"
ALIGNMENT_TMX = "alignment.tmx"


@dataclass(frozen=True)
class RunSettings:
    """Everything that changes `align run`'s output; its signature goes into the workbooks."""

    out_dir: Path
    glossary_path: Path | None = None
    fr_tag: str = "fr"
    en_tag: str = "en"

    def as_dict(self) -> dict[str, str]:
        """Settings that shape the output (paths excluded, so moving a folder changes nothing)."""
        from align.language import settings_signature as language_settings

        return {
            "version": __version__,
            "language": language_settings(),
            "tmx_tags": f"{self.fr_tag},{self.en_tag}",
        }

    def signature(self) -> str:
        """A short, stable id of the settings, like sacreBLEU's signature."""
        text = json.dumps(self.as_dict(), sort_keys=True)
        return f"align-glossary:{__version__}|{hashlib.sha256(text.encode()).hexdigest()[:12]}"


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


def sentences_of(analysed: Sequence[AnalysedDocument], langs: frozenset[str]) -> list[Sentence]:
    """All sentences in the given languages, in document order."""
    return [s for doc in analysed for s in doc.sentences if s.lang in langs]


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


def run(
    read: ReadResult,
    settings: RunSettings,
    *,
    detector: Any,
    splitter: Any,
    progress: Progress | None = None,
) -> RunSummary:
    """The whole pipeline over documents already read; writes the exports into settings.out_dir."""
    from align.runexports import export_alignment, export_glossary, load_previous_glossary
    from glossary.atomicfile import ensure_folder

    # Check the output folder and read the translators' workbook first: an unwritable folder
    # or a corrupt or locked workbook stops the run before the long work, with nothing written.
    ensure_folder(settings.out_dir)
    previous = load_previous_glossary(settings)
    analysed = analyse(read.documents, detector, splitter, progress)
    summary = summarise_analysis(read, analysed)
    glossary_summary = export_glossary(analysed, previous, settings, progress)
    alignment_summary = export_alignment(analysed, glossary_summary.glossary, settings, progress)
    return RunSummary(
        documents=summary.documents,
        skipped=summary.skipped,
        languages=summary.languages,
        segments=summary.segments,
        repeats=summary.repeats,
        sentences=summary.sentences,
        entities=len(glossary_summary.glossary.entities),
        variants=len(glossary_summary.glossary.variants),
        kept_edits=glossary_summary.kept_edits,
        document_pairs=alignment_summary.document_pairs,
        links=alignment_summary.links,
        outputs=glossary_summary.outputs + alignment_summary.outputs,
    )
