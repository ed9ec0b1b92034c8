"""What a run takes from its store, and how each stage's results are keyed.

- Segments of a document: its content (text, format, Word places) and the language stage's
  settings. A renamed file with the same content reuses them.
- Sentences of a document: its content, its segments once repeats are marked across the corpus
  (a copy elsewhere changes what is left to split) and the repeats and sentences settings.
- Mentions: every passage of the corpus and the mentions settings, for a corpus unchanged.
  Else the name finder, which weighs what the whole corpus says about each capitalised word,
  takes back each passage's own part (stages `mentions.*`, keyed by the passage, the mentions
  settings, the recogniser's versions and the digest of the glossary package's code): what the
  passage says of its words, and the particle tails, names and surnames it found, each with the
  questions its rules asked of the corpus's evidence and their answers (glossary/memo.py).
  A passage whose questions all get the same answers from the new corpus is not decided again.
  The French recogniser's entities (spaCy's, one more signal for the finder) depend on one text
  alone: they are kept per text, keyed by the text, the mentions settings and the versions of
  spaCy and its model, so only the texts of passages decided again that it was never asked
  about go to spaCy (and it is loaded only when there is one).
- A pair's alignment: both sides' sentences, the requested mode, the pairing and aligners'
  settings, and the answers of the run's name key to every word the pair asked it about (the key
  comes from the glossary; an entry whose words now key differently is aligned again).
- The review workbook's rows as the last run rendered them (text less their numbers and style
  ids), by their values: a row with the same values is filled in, not rendered again.
- The review workbook the run wrote (alignment.xlsx): the digest of its bytes, when it holds
  nothing of a person's (no mark, note or edited text). The next run reads it back only when its
  bytes differ (a person saved it), since reading the tool's own sheet gives no review at all.

Every key starts with the settings signature of its stages, which carries the tool's version.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache, partial
from importlib import metadata, resources
from pathlib import Path
from typing import Any, TypeVar

from align.exports.review import ReviewRow
from align.exports.sheetrows import RowTemplates, read_templates
from align.model import (
    AnalysedDocument,
    Document,
    NameKey,
    Progress,
    RequestedMode,
    Segment,
    Sentence,
)
from align.pairing.documents import DocSentences, DocumentFeatures, document_features
from align.pairing.pair import PairResult, align_pair
from align.settings import stage_signature
from align.store import codec
from align.store.database import Store, peek
from align.text.analysis import mark_by_document
from align.workers import Workers
from glossary.mentions import find_mentions
from glossary.mentions.ner import MODEL, NerSpan, Recogniser, french_entities
from glossary.model import KeptOut, Lang, Mention, Passage

SEGMENTS, SENTENCES, MENTIONS, PAIRS = "segments", "sentences", "mentions", "pairs"
FEATURES, ROWS = "features", "rows"
ENTITIES, WRITTEN = "entities", "written"
# The name finder's per-passage stages (facts, tails, mentions, surnames) start so.
PASSAGES = "mentions."
_V = TypeVar("_V")


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


@cache
def code_digest() -> str:
    """A digest of the tool's own code and data: a store another build wrote is not trusted."""
    h = hashlib.sha256()
    for package in ("align", "glossary"):
        root = Path(str(resources.files(package)))
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".tsv", ".json", ".txt") and "__pycache__" not in path.parts:
                h.update(path.relative_to(root).as_posix().encode() + b"\0")
                h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def content_digest(doc: Document) -> str:
    """What of a document shapes its analysis: its text, format and Word places, not its name."""
    places = codec.dumps([[p.start, p.paragraph, p.table, p.row, p.cell] for p in doc.places])
    return _digest(doc.fmt.value, doc.text, places)


def analyse_with_store(
    documents: Sequence[Document],
    workers: Workers,
    store: Store,
    progress: Progress | None = None,
) -> list[AnalysedDocument]:
    """`align.text.analysis.analyse`, taking from the store what it holds and adding the rest."""
    contents = [content_digest(doc) for doc in documents]
    language = stage_signature("language")
    seg_keys = [_digest(language, c) for c in contents]
    per_doc = _segments(documents, seg_keys, workers, store, progress)
    marked = mark_by_document(per_doc)
    sentences_sig = stage_signature("language", "repeats", "sentences")
    sent_keys = [
        _digest(sentences_sig, c, codec.dumps(codec.segments_value(segs)))
        for c, segs in zip(contents, marked, strict=True)
    ]
    sentences = _sentences(documents, marked, sent_keys, workers, store, progress)
    return [
        AnalysedDocument(doc, tuple(segs), tuple(sents))
        for doc, segs, sents in zip(documents, marked, sentences, strict=True)
    ]


def _segments(
    documents: Sequence[Document],
    keys: Sequence[str],
    workers: Workers,
    store: Store,
    progress: Progress | None,
) -> list[list[Segment]]:
    found = store.get(SEGMENTS, keys)
    out: list[list[Segment] | None] = [None] * len(documents)
    for i, (doc, key) in enumerate(zip(documents, keys, strict=True)):
        if key in found:
            out[i] = _decoded(store, partial(codec.read_segments, source=doc.source), found[key])
    todo = [i for i, segs in enumerate(out) if segs is None]
    done = workers.segment_all([documents[i] for i in todo], progress)
    new = {}
    for i, segs in zip(todo, done, strict=True):
        out[i] = segs
        new[keys[i]] = codec.dumps(codec.segments_value(segs))
    store.put(SEGMENTS, new)
    return [segs or [] for segs in out]


def _sentences(
    documents: Sequence[Document],
    marked: Sequence[Sequence[Segment]],
    keys: Sequence[str],
    workers: Workers,
    store: Store,
    progress: Progress | None,
) -> list[list[Sentence]]:
    found = store.get(SENTENCES, keys)
    out: list[list[Sentence] | None] = [None] * len(documents)
    for i, (doc, key) in enumerate(zip(documents, keys, strict=True)):
        if key in found:
            out[i] = _decoded(store, partial(codec.read_sentences, source=doc.source), found[key])
    todo = [i for i, sents in enumerate(out) if sents is None]
    items = [(documents[i], marked[i]) for i in todo]
    done = workers.split_each(items, progress)
    new = {}
    for i, sents in zip(todo, done, strict=True):
        out[i] = sents
        new[keys[i]] = codec.dumps(codec.sentences_value(sents))
    store.put(SENTENCES, new)
    return [sents or [] for sents in out]


def _decoded(store: Store, read: Callable[[Any], _V], text: str) -> _V | None:
    """A stored value read back; None (computed again) when it does not read back."""
    try:
        return read(codec.loads(text))
    except codec.Undecodable as err:
        store.damaged(f"holds a value this version cannot read ({err})")
        return None


@cache
def _recogniser_versions() -> tuple[str, ...]:
    versions = []
    for package in ("spacy", MODEL):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} absent")
    return tuple(versions)


def recogniser_signature() -> str:
    """What shapes the French recogniser's entities: the mentions settings, spaCy and its model."""
    return _digest(stage_signature("mentions"), *_recogniser_versions())


class StoredRecogniser:
    """A `Recogniser` that takes each text's entities from the store and asks `recognise`
    (spaCy's French pipeline by default) only about the texts it does not hold."""

    def __init__(self, store: Store, recognise: Recogniser | None = None) -> None:
        self._store = store
        self._recognise = french_entities if recognise is None else recognise
        self._signature = recogniser_signature()

    def key(self, text: str) -> str:
        return _digest(self._signature, text)

    def __call__(self, texts: Sequence[str]) -> list[list[NerSpan]]:
        keys = [self.key(text) for text in texts]
        found = self._store.get(ENTITIES, keys)
        out: list[list[NerSpan] | None] = [None] * len(texts)
        for i, key in enumerate(keys):
            if key in found:
                out[i] = _decoded(self._store, codec.read_spans, found[key])
        todo = [i for i, spans in enumerate(out) if spans is None]
        # Never called with nothing to do: that would load the model for nothing.
        done = self._recognise([texts[i] for i in todo]) if todo else []
        new = {}
        for i, spans in zip(todo, done, strict=True):
            out[i] = spans
            new[keys[i]] = codec.dumps(codec.spans_value(spans))
        self._store.put(ENTITIES, new)
        return [spans or [] for spans in out]


class PassageKeeper:
    """The name finder's per-passage results (`glossary.memo.Keeper`) in the store:
    stage `mentions.STAGE`, keyed by the recogniser's signature (the mentions settings, spaCy's
    and its model's versions) and the finder's key of the passage."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._signature = recogniser_signature()

    def _key(self, key: str) -> str:
        return _digest(self._signature, key)

    def recall(self, stage: str, keys: Sequence[str]) -> dict[str, Any]:
        ours = {self._key(k): k for k in keys}
        found = self._store.get(PASSAGES + stage, ours)
        out: dict[str, Any] = {}
        for key, text in found.items():
            try:
                out[ours[key]] = codec.loads(text)
            except codec.Undecodable as err:
                self._store.damaged(f"holds a value this version cannot read ({err})")
                return {}
        return out

    def keep(self, stage: str, values: Mapping[str, Any]) -> None:
        self._store.put(PASSAGES + stage, {self._key(k): codec.dumps(v) for k, v in values.items()})

    def damaged(self, problem: str) -> None:
        self._store.damaged(problem)


class StoredMentions:
    """`glossary.build.glossary_mentions` with the corpus's mentions taken from the store: all
    of them when no passage changed, else each passage's whose evidence did not change (the
    finder's `keeper`)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._recogniser = StoredRecogniser(store)

    def __call__(
        self, passages: Iterable[Passage], *, kept_out: KeptOut | None = None
    ) -> list[Mention]:
        items = list(passages)
        key = _digest(stage_signature("mentions"), codec.dumps(codec.passages_value(items)))
        stored = self._store.get(MENTIONS, [key]).get(key)
        mentions: list[Mention] | None = None
        if stored is not None:
            mentions = _decoded(self._store, codec.read_mentions, stored)
        if mentions is None:
            keeper = PassageKeeper(self._store)
            mentions = find_mentions(items, self._recogniser, keeper=keeper)
            self._store.put(MENTIONS, {key: codec.dumps(codec.mentions_value(mentions))})
        else:
            # Nothing was found again: the passages' entries stay for the run that adds one.
            self._store.keep_stages(PASSAGES)
        # The recogniser was asked about new texts only: the others' entries stay, for a run
        # whose evidence changes a passage's decisions.
        texts = dict.fromkeys(p.text for p in items if p.lang == Lang.FR)
        self._store.keep(ENTITIES, [self._recogniser.key(text) for text in texts])
        # As glossary_mentions does: what a person rejected or deleted is left out.
        if kept_out:
            return [m for m in mentions if not kept_out.excludes(m.form, m.lang)]
        return mentions


class _Recording:
    """A name key that notes every word it is asked about and the key it gave."""

    def __init__(self, name_key: NameKey) -> None:
        self._name_key = name_key
        self.asked: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        key = self.asked.get(word)
        if key is None:
            key = self.asked[word] = self._name_key(word)
        return key


class StoredPairs:
    """`align.pairing.pair.align_pair` with each pair's links taken from the store when valid.

    New results are kept in memory and written in one transaction by `save`.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._signature = stage_signature("anchors", "pairing", "parallel", "comparable")
        self._new: dict[str, str] = {}

    def __call__(
        self,
        fr: Sequence[Sentence],
        en: Sequence[Sentence],
        *,
        mode: RequestedMode = "auto",
        name_key: NameKey | None = None,
    ) -> PairResult:
        sides = codec.dumps([[[s.text, s.paragraph] for s in side] for side in (fr, en)])
        key = _digest(self._signature, str(mode), "names" if name_key else "", sides)
        stored = self._store.get(PAIRS, [key]).get(key)
        if stored is not None:
            result = self._valid(stored, name_key)
            if result is not None:
                return result
        recording = _Recording(name_key) if name_key is not None else None
        result = align_pair(fr, en, mode=mode, name_key=recording)
        asked = recording.asked if recording is not None else {}
        self._new[key] = codec.dumps({"names": asked, "result": codec.pair_value(result)})
        return result

    def _valid(self, stored: str, name_key: NameKey | None) -> PairResult | None:
        try:
            value = codec.loads(stored)
            asked = value["names"]
            if name_key is not None and any(name_key(w) != k for w, k in asked.items()):
                return None  # the glossary now keys a word of this pair differently
            return codec.read_pair(value["result"])
        except (codec.Undecodable, KeyError, TypeError, AttributeError) as err:
            self._store.damaged(f"holds a value this version cannot read ({err})")
            return None

    def save(self) -> None:
        self._store.put(PAIRS, self._new)
        self._new = {}


class StoredFeatures:
    """`align.pairing.documents.document_features` of every document side, taken from the store
    when the name key gives the same keys to the words it was asked about (as for pairs)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._signature = stage_signature("anchors", "pairing")

    def __call__(
        self, sides: Sequence[DocSentences], name_key: NameKey
    ) -> dict[tuple[str, str], DocumentFeatures]:
        keys = [_digest(self._signature, s.lang, codec.dumps(list(s.sentences))) for s in sides]
        found = self._store.get(FEATURES, keys)
        out: dict[tuple[str, str], DocumentFeatures] = {}
        new: dict[str, str] = {}
        for side, key in zip(sides, keys, strict=True):
            features = self._valid(found.get(key), side, name_key)
            if features is None:
                recording = _Recording(name_key)
                features = document_features(side, recording)
                value = {"names": recording.asked, "features": codec.features_value(features)}
                new[key] = codec.dumps(value)
            out[(side.source, side.lang)] = features
        self._store.put(FEATURES, new)
        return out

    def _valid(
        self, stored: str | None, side: DocSentences, name_key: NameKey
    ) -> DocumentFeatures | None:
        if stored is None:
            return None
        try:
            value = codec.loads(stored)
            if any(name_key(w) != k for w, k in value["names"].items()):
                return None  # the glossary now keys a word of this side differently
            return codec.read_features(value["features"], side.source, side.lang)
        except (codec.Undecodable, KeyError, TypeError, AttributeError) as err:
            self._store.damaged(f"holds a value this version cannot read ({err})")
            return None


def _rows_key() -> str:
    return _digest("review rows", code_digest())


def stored_templates(store: Store) -> RowTemplates:
    """The rows of the review workbook the last run rendered (align.exports.sheetrows)."""
    key = _rows_key()
    stored = store.get(ROWS, [key]).get(key)
    if stored is None:
        return RowTemplates()
    try:
        return RowTemplates(read_templates(codec.loads(stored)))
    except (codec.Undecodable, ValueError, TypeError, AttributeError) as err:
        store.damaged(f"holds a value this version cannot read ({err})")
        return RowTemplates()


def keep_templates(store: Store, templates: RowTemplates) -> None:
    """Keep the rows this run rendered for the next (those kept stay when none was rendered:
    the review workbook was copied as it was)."""
    if templates.used:
        store.put(ROWS, {_rows_key(): codec.dumps(templates.used)})


def file_digest(path: Path) -> str | None:
    """The sha256 of a regular file's bytes; None for anything else (a pipe is never opened)."""
    if not path.is_file():
        return None
    h = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


class KeptFiles:
    """Exports whose inputs are those the file already in the output folder was made from:
    copied from it, not built again (the writers give the same bytes for the same inputs).

    The store notes, for each export written, the digest of its inputs (their repr: frozen
    dataclasses of plain values, complete) and of the bytes made from them; a file a person
    saved since has other bytes, and is built again.
    """

    def __init__(self, store: Store, folder: Path) -> None:
        self._store = store
        self._folder = folder

    def write(self, path: Path, inputs: object, make: Callable[[Path], None]) -> None:
        """Write `path` by make(path), or copy the folder's file of the same name when it was
        made from the same `inputs`."""
        key = _digest("file", path.name, code_digest(), repr(inputs))
        made = self._store.get(WRITTEN, [key]).get(key)
        old = self._folder / path.name
        if made is not None and old != path and file_digest(old) == made:
            shutil.copyfile(old, path)
        else:
            make(path)
        digest = file_digest(path)
        if digest is not None:
            self._store.put(WRITTEN, {key: digest})


def make_anew(path: Path, inputs: object, make: Callable[[Path], None]) -> None:
    """KeptFiles.write without a store: every export is built."""
    make(path)


def _written_key(name: str, digest: str) -> str:
    return _digest(name, digest)


def holds_no_review(rows: Sequence[ReviewRow]) -> bool:
    """Whether `read_reviews` of the review workbook of `rows` is sure to give no review: no
    row holds a mark, a note or a text of a person's, and every link id is one row's alone (the
    reader compares each row with the tool's record of the same id)."""
    ids = [row.link.link_id for row in rows]
    return all(ids) and len(set(ids)) == len(ids) and not any(row.reviewed for row in rows)


def record_review_workbook(store: Store, path: Path, rows: Sequence[ReviewRow]) -> None:
    """Note in the store that the review workbook at `path`, as the tool wrote it from `rows`,
    holds no review (nothing is noted otherwise: the next run reads it)."""
    digest = file_digest(path) if holds_no_review(rows) else None
    if digest is not None:
        store.put(WRITTEN, {_written_key(path.name, digest): "no review"})


def review_workbook_unchanged(folder: Path, path: Path) -> bool:
    """Whether `path` holds exactly the bytes of a review workbook this tool wrote into `folder`
    with no review in it (the store says so; without a store, or after any edit, it does not)."""
    digest = file_digest(path)
    if digest is None:
        return False
    return peek(folder, code_digest(), WRITTEN, _written_key(path.name, digest)) == "no review"
