"""`align run`: read, separate languages, split, build the glossary, pair and align, export.

One document's walk: `align.readers` decodes it into a Document; `align.text.analysis.analyse`
cuts it into language segments (`text.language`), sets repeats aside (`text.repeats`) and splits
sentences (`text.sentences`); the glossary stage finds names in every sentence
(`glossary.mentions`), groups them into entities (`glossary.build`), keeps a person's edits
(`glossary.workbook.merge`); the alignment stage pairs French and English documents
(`pairing.documents`), aligns each pair (`pairing.pair`, through `parallel` or `comparable`) and
writes alignment.tmx and .xlsx (`exports`); the links of the pairs aligned as translations then
merge the names they pair (`glossary.cooccurrence`, `merge_over_links`), and only then are
glossary.xlsx, .tbx and .csv written, once (`written`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from align.exports.review import ReviewRow, write_review
from align.exports.reviews import ReviewOutcome, apply_reviews, read_reviews
from align.exports.rows import AlignedText, aligned_texts, plain_text, relative_names
from align.exports.sheetrows import RowTemplates
from align.exports.tmx import write_tmx
from align.model import AnalysedDocument, Link, Mode, NameKey, Progress, RequestedMode, Sentence
from align.outfolder import Staging, hold_folder, staged
from align.pairing.documents import (
    DocSentences,
    DocumentFeatures,
    find_document_pairs,
    sides_of,
)
from align.pairing.names import glossary_name_key
from align.pairing.pair import PairResult, align_pair
from align.readers import ReadResult, Skipped
from align.settings import (
    ALIGNMENT_TMX,
    ALIGNMENT_XLSX,
    GLOSSARY_CSV,
    GLOSSARY_TBX,
    GLOSSARY_XLSX,
    RunSettings,
)
from align.store import Store, opened
from align.store.reuse import (
    KeptFiles,
    StoredFeatures,
    StoredMentions,
    StoredPairs,
    code_digest,
    keep_templates,
    make_anew,
    record_review_workbook,
    review_workbook_unchanged,
    stored_templates,
)
from align.store.reuse import analyse_with_store as analyse
from align.text.language import return_freed_memory
from align.workers import Analysers, Workers
from glossary.atomicfile import ensure_folder
from glossary.build import glossary_from_mentions, glossary_mentions
from glossary.cooccurrence import LinkedSentences, TextSpan
from glossary.errors import GlossaryError
from glossary.mentions.ner import release_pipeline
from glossary.model import Glossary, KeptOut, Lang, Mention, Passage
from glossary.tbx import write_tbx
from glossary.termbase_csv import write_termbase_csv
from glossary.workbook import Workbook, merge_workbook, write_workbook
from glossary.workbook.file import (
    FileState,
    changed_since,
    ensure_closed,
    file_state,
    load_sheets,
    open_elsewhere,
)
from glossary.workbook.merge import Merge, kept_out
from glossary.workbook.parse import parse_workbook


class MentionFinder(Protocol):
    """The shape of glossary.build.glossary_mentions."""

    def __call__(
        self, passages: Iterable[Passage], *, kept_out: KeptOut | None = None
    ) -> list[Mention]: ...


class FeatureFinder(Protocol):
    """Pairing features of document sides by (source, lang), as the store's StoredFeatures."""

    def __call__(
        self, sides: Sequence[DocSentences], name_key: NameKey
    ) -> Mapping[tuple[str, str], DocumentFeatures]: ...


class FileWriter(Protocol):
    """Writes an export from its inputs (align.store.reuse.KeptFiles.write, make_anew)."""

    def __call__(self, path: Path, inputs: object, make: Callable[[Path], None]) -> None: ...


class PairAligner(Protocol):
    """The shape of align.pairing.pair.align_pair, as the alignment stage calls it."""

    def __call__(
        self,
        fr: Sequence[Sentence],
        en: Sequence[Sentence],
        *,
        mode: RequestedMode = "auto",
        name_key: NameKey | None = ...,
    ) -> PairResult: ...


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
    # Cells of the workbook the tool could not read (unknown words), one line each.
    warnings: tuple[str, ...] = ()
    review: ReviewOutcome | None = None


@dataclass(frozen=True)
class GlossaryStage:
    glossary: Glossary
    kept_edits: int
    outputs: tuple[Path, ...]
    fresh: Glossary = field(default_factory=Glossary)
    about: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # The names found, kept to merge again over the alignment's parallel links.
    mentions: tuple[Mention, ...] = ()
    # What write_workbook needs of the merge, for a stage whose files are not written yet.
    merged: Merge | None = None


@dataclass(frozen=True)
class AlignmentStage:
    document_pairs: tuple[tuple[str, str, str], ...]
    links: int
    outputs: tuple[Path, ...]
    review: ReviewOutcome | None = None
    # Sentences linked by the parallel aligner, as the glossary takes them (plain spans).
    parallel_links: tuple[LinkedSentences, ...] = ()


def run(
    read: ReadResult,
    settings: RunSettings,
    *,
    detector: Any = None,
    splitter: Any = None,
    progress: Progress | None = None,
    analysers: Analysers | None = None,
    jobs: int = 1,
) -> RunSummary:
    """The whole pipeline over documents already read; writes the exports into settings.out_dir.

    The output folder is held for the whole run (a second run on it stops at once). Every export
    is written into a staging folder first; just before they replace the old ones, the workbook
    is checked again: if a person saved it during the run, their edits are merged again; if it
    was opened in Excel or LibreOffice meanwhile, the run stops (exit 3) and nothing is replaced.

    What the stages found is kept in the folder's store (align/store/): a re-run analyses only
    new or changed documents and aligns only the pairs whose inputs changed; the exports are
    the same as a run from scratch. `analysers` builds the detector and splitter only when a
    document needs them (else `detector` and `splitter` are used); `jobs` > 1 runs the
    per-document stages in that many worker processes.
    """
    if analysers is None:
        analysers = Analysers(lambda: detector, lambda: splitter)
    # Check the output folder and read the translators' workbook first: an unwritable folder
    # or a corrupt or locked workbook stops the run before the long work, with nothing written.
    ensure_folder(settings.out_dir)
    with hold_folder(settings.out_dir):
        previous = _read_previous(settings)
        reviews = _read_reviews(settings)
        # Opened after those checks, so a run they stop leaves the folder as it was.
        with opened(settings.out_dir, code_digest()) as store:
            analysed, glossary_stage, alignment_stage, outputs = _stages(
                read, settings, analysers, jobs, progress, store, previous, reviews
            )
            summary = summarise_analysis(read, analysed)
            warnings = tuple(store.warnings)
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
        outputs=outputs,
        warnings=warnings + glossary_stage.warnings,
        review=alignment_stage.review,
    )


def _stages(
    read: ReadResult,
    settings: RunSettings,
    analysers: Analysers,
    jobs: int,
    progress: Progress | None,
    store: Store,
    previous: _Previous,
    reviews: Sequence[ReviewRow],
) -> tuple[list[AnalysedDocument], GlossaryStage, AlignmentStage, tuple[Path, ...]]:
    """Analyse (reusing the store), build the glossary, align, and replace the exports."""
    with Workers(analysers, jobs) as workers:
        analysed = analyse(read.documents, workers, store, progress)
    pairs = StoredPairs(store)
    kept = KeptFiles(store, settings.out_dir)
    templates = stored_templates(store)
    with staged(settings.out_dir) as staging:
        # Merged now (the aligners' names come from it), written once the parallel links have
        # had their say (merge_over_links), so a run writes the glossary's files once.
        glossary_stage = glossary_of(
            analysed, previous.workbook, settings, progress, find=StoredMentions(store)
        )
        # spaCy is done once the names are found (the store keeps its entities per text):
        # its model is freed before the alignment's own memory grows.
        release_pipeline()
        return_freed_memory()
        alignment_stage = export_alignment(
            analysed,
            replace(settings, out_dir=staging.folder),
            progress,
            glossary_stage.glossary,
            reviews=reviews,
            aligner=pairs,
            features=StoredFeatures(store),
            files=kept.write,
            templates=templates,
        )
        keep_templates(store, templates)
        pairs.save()
        if alignment_stage.review is not None:
            record_review_workbook(
                store, staging.folder / ALIGNMENT_XLSX, alignment_stage.review.rows
            )
        glossary_stage = merge_over_links(
            glossary_stage, alignment_stage, previous.workbook, settings, staging.folder
        )
        glossary_stage = written(glossary_stage, previous.workbook, staging.folder, kept.write)
        glossary_stage = _merge_again_if_saved(previous, glossary_stage, settings, staging)
        outputs = staging.commit([p.name for p in glossary_stage.outputs + alignment_stage.outputs])
    store.keep_only_used()
    return analysed, glossary_stage, alignment_stage, outputs


def _read_reviews(settings: RunSettings) -> list[ReviewRow]:
    """A person's review of alignment.xlsx; none, without parsing the file, when its bytes are
    those the last run wrote with no review in them (the store keeps their digest)."""
    path = settings.out_dir / ALIGNMENT_XLSX
    if path.exists():
        ensure_closed(path)  # open in Excel: refused, as read_reviews does, whatever its bytes
        if review_workbook_unchanged(settings.out_dir, path):
            return []
    return read_reviews(path)


@dataclass(frozen=True)
class _Previous:
    """The workbook a person may have edited, as read, and the state of its file then."""

    workbook: Workbook | None
    path: Path
    state: FileState | None


def _read_previous(settings: RunSettings) -> _Previous:
    path = workbook_path(settings)
    for _ in range(_READ_ATTEMPTS):
        before = file_state(path)
        workbook = load_previous_glossary(settings)
        # Saved while it was being read: read it again, so the state matches what was read.
        if not changed_since(path, before):
            return _Previous(workbook, path, before)
    raise _keeps_changing(path)


# How many times a workbook a person keeps saving is read again before the run gives up.
_READ_ATTEMPTS = 3


def _keeps_changing(path: Path) -> GlossaryError:
    return GlossaryError(
        str(path),
        "the workbook kept changing while the run read it; nothing was written",
        "save and close it in Excel or LibreOffice, then run again",
    )


def _check_still_closed(settings: RunSettings) -> None:
    """Stop, writing nothing, if the workbook was opened in another program during the run."""
    for path in dict.fromkeys((settings.out_dir / GLOSSARY_XLSX, workbook_path(settings))):
        lock = open_elsewhere(path)
        if lock is not None:
            raise GlossaryError(
                str(path),
                f"the workbook was opened in another program during the run (lock file {lock}); "
                "nothing was written",
                "save and close it there, then run again",
            )


def _merge_again_if_saved(
    previous: _Previous, stage: GlossaryStage, settings: RunSettings, staging: Staging
) -> GlossaryStage:
    """The glossary stage, merged again with the workbook as a person saved it during the run."""
    for _ in range(_READ_ATTEMPTS):
        _check_still_closed(settings)
        if not changed_since(previous.path, previous.state):
            return stage
        previous = _read_previous(settings)
        stage = write_glossary(
            stage.fresh, previous.workbook, settings, stage.about, folder=staging.folder
        )
    raise _keeps_changing(previous.path)


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
    # read_workbook, with the sheets streamed (glossary.workbook.stream: the values openpyxl
    # reads, every sheet, the same limits on hostile files) for about a fifth of its time.
    return parse_workbook(str(path), load_sheets(path, streamed=True))


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
    *,
    folder: Path | None = None,
    find: MentionFinder = glossary_mentions,
) -> GlossaryStage:
    """Find names, build entities, keep the translators' edits, write glossary.xlsx, .tbx and
    .csv (into `folder`, by default settings.out_dir).

    Forms a person rejected or deleted in the workbook are kept out of the build. `find` is
    glossary_mentions or one that reuses the store's mentions (the run's)."""
    stage = glossary_of(analysed, previous, settings, progress, find=find)
    return written(stage, previous, settings.out_dir if folder is None else folder)


def glossary_of(
    analysed: Sequence[AnalysedDocument],
    previous: Workbook | None,
    settings: RunSettings,
    progress: Progress | None = None,
    *,
    find: MentionFinder = glossary_mentions,
) -> GlossaryStage:
    """export_glossary's glossary, merged with a person's workbook, its files not written yet
    (`written` writes them)."""
    if progress:
        progress("building the glossary", 0, 1)
    mentions = find(
        [p for doc in analysed for p in doc.passages()],
        kept_out=kept_out(previous) if previous is not None else None,
    )
    fresh = glossary_from_mentions(mentions)
    stage = merged_stage(fresh, previous, about_rows(settings, analysed))
    if progress:
        progress("building the glossary", 1, 1)
    return replace(stage, mentions=tuple(mentions))


def merge_over_links(
    stage: GlossaryStage,
    alignment: AlignmentStage,
    previous: Workbook | None,
    settings: RunSettings,
    folder: Path | None = None,
) -> GlossaryStage:
    """The glossary built again with the alignment's parallel links as evidence (names that
    translate each other, glossary.cooccurrence) and merged with a person's workbook; the stage
    as it was when the links change nothing. A stage whose files were written is written again
    (into `folder`, by default settings.out_dir); one not written yet stays so."""
    if not alignment.parallel_links:
        return stage
    fresh = glossary_from_mentions(stage.mentions, links=alignment.parallel_links)
    if fresh == stage.fresh:
        return stage
    again = replace(merged_stage(fresh, previous, stage.about), mentions=stage.mentions)
    if stage.outputs:
        return written(again, previous, settings.out_dir if folder is None else folder)
    return again


def write_glossary(
    fresh: Glossary,
    previous: Workbook | None,
    settings: RunSettings,
    about: Mapping[str, str],
    *,
    folder: Path | None = None,
) -> GlossaryStage:
    """Merge the fresh glossary with a person's workbook; write glossary.xlsx, .tbx and .csv."""
    stage = merged_stage(fresh, previous, about)
    return written(stage, previous, settings.out_dir if folder is None else folder)


def merged_stage(
    fresh: Glossary, previous: Workbook | None, about: Mapping[str, str]
) -> GlossaryStage:
    """The fresh glossary merged with a person's workbook, not written yet."""
    merged = merge_workbook(previous, fresh)
    return GlossaryStage(
        merged.glossary,
        merged.edited_rows,
        (),
        fresh=fresh,
        about=dict(about),
        warnings=previous.warnings if previous is not None else (),
        merged=merged,
    )


def written(
    stage: GlossaryStage,
    previous: Workbook | None,
    folder: Path,
    files: FileWriter = make_anew,
) -> GlossaryStage:
    """The stage with glossary.xlsx, .tbx and .csv written into `folder` from its merge (by
    `files`: the run's copies a file made from the same inputs from its output folder)."""
    merged = stage.merged
    if merged is None:
        raise ValueError("a glossary stage without its merge cannot be written")
    xlsx, tbx, termbase = folder / GLOSSARY_XLSX, folder / GLOSSARY_TBX, folder / GLOSSARY_CSV
    glossary = merged.glossary
    files(
        xlsx,
        (glossary, stage.about, merged.baseline, previous),
        lambda path: write_workbook(
            path, glossary, stage.about, baseline=merged.baseline, previous=previous
        ),
    )
    files(tbx, glossary, lambda path: write_tbx(path, glossary))
    files(termbase, glossary, lambda path: write_termbase_csv(path, glossary))
    return replace(stage, outputs=(xlsx, tbx, termbase))


def export_alignment(
    analysed: Sequence[AnalysedDocument],
    settings: RunSettings,
    progress: Progress | None = None,
    glossary: Glossary | None = None,
    *,
    reviews: Sequence[ReviewRow] = (),
    aligner: PairAligner = align_pair,
    features: FeatureFinder | None = None,
    files: FileWriter = make_anew,
    templates: RowTemplates | None = None,
) -> AlignmentStage:
    """Pair French and English documents that share events, align them, write TMX and review.

    Names match through the entities of `glossary`, the run's glossary after a person's edits
    (align.pairing.names), and through transliteration keys where it knows no entity. `reviews`
    (a person's review of the previous alignment.xlsx) win over the aligners' links. `aligner`
    aligns one pair (the run passes one that reuses its store's); `features` gives the
    documents' pairing features (the run's reuses its store's; by default they are computed);
    `files` writes the two files (the run's copies one made from the same inputs); `templates`
    are review rows an earlier run rendered (the run's come from its store).
    Documents are named relative to the folder that holds them all, in both files.
    """
    name_key = glossary_name_key(glossary)
    by_source = {doc.document.source: doc for doc in analysed}
    names = relative_names(by_source)
    sides = [side for doc in analysed for side in sides_of(doc.document.source, doc.sentences)]
    kept = features(sides, name_key) if features is not None else None
    pairs = find_document_pairs(
        sides, name_key=name_key, features=kept, progress=progress, aligner=aligner
    )
    rows: list[AlignedText] = []
    done: list[tuple[str, str, str]] = []
    parallel: list[LinkedSentences] = []
    for i, pair in enumerate(pairs):
        fr = [s for s in by_source[pair.fr].sentences if s.lang == Lang.FR]
        en = [s for s in by_source[pair.en].sentences if s.lang == Lang.EN]
        # Pairing aligned each pair in the mode it decided once; align again only without it.
        result = pair.result or aligner(fr, en, mode=pair.mode, name_key=name_key)
        rows.extend(
            aligned_texts(result, fr, en, fr_source=names[pair.fr], en_source=names[pair.en])
        )
        done.append((pair.fr, pair.en, result.mode))
        if result.mode == Mode.PARALLEL:
            parallel.extend(_linked_sentences(result.links, fr, en))
        if progress:
            progress("aligning documents", i + 1, len(pairs))
    texts_of = {
        (names[source], lang): [s.text for s in doc.sentences if s.lang == lang]
        for source, doc in by_source.items()
        for lang in (Lang.FR, Lang.EN)
    }

    def sentence_text(source: str, lang: str, ids: tuple[int, ...]) -> str | None:
        texts = texts_of.get((source, Lang(lang)))
        if texts is None or max(ids) >= len(texts):
            return None
        return plain_text(" ".join(texts[i] for i in ids))

    outcome = apply_reviews(rows, reviews, sentence_text)
    tmx = settings.out_dir / ALIGNMENT_TMX
    xlsx = settings.out_dir / ALIGNMENT_XLSX
    tags = {"fr_tag": settings.fr_tag, "en_tag": settings.en_tag}
    one_sided = settings.keep_one_sided
    files(
        tmx,
        (outcome.units, tags, one_sided),
        lambda path: write_tmx(path, outcome.units, **tags, keep_one_sided=one_sided),
    )
    files(xlsx, outcome.rows, lambda path: write_review(path, outcome.rows, templates=templates))
    return AlignmentStage(tuple(done), len(rows), (tmx, xlsx), outcome, tuple(parallel))


def _linked_sentences(
    links: Sequence[Link], fr: Sequence[Sentence], en: Sequence[Sentence]
) -> list[LinkedSentences]:
    """The 1-1, 1-2, 2-1... links of a parallel pair as the glossary's plain sentence spans."""

    def spans(sentences: Sequence[Sentence], ids: Sequence[int]) -> tuple[TextSpan, ...]:
        return tuple(
            TextSpan(sentences[i].source, sentences[i].span.start, sentences[i].span.end)
            for i in ids
        )

    return [
        LinkedSentences(spans(fr, link.fr), spans(en, link.en))
        for link in links
        if link.fr and link.en
    ]
