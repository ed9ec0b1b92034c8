"""What a run takes from its store, and how each stage's results are keyed.

- Segments of a document: its content (text, format, Word places) and the language stage's
  settings. A renamed file with the same content reuses them.
- Sentences of a document: its content, its segments once repeats are marked across the corpus
  (a copy elsewhere changes what is left to split) and the repeats and sentences settings.
- Mentions: every passage of the corpus and the mentions settings; the name finder weighs what
  the whole corpus says about each capitalised word, so any changed passage means finding again.
- A pair's alignment: both sides' sentences, the requested mode, the pairing and aligners'
  settings, and the answers of the run's name key to every word the pair asked it about (the key
  comes from the glossary; an entry whose words now key differently is aligned again).

Every key starts with the settings signature of its stages, which carries the tool's version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from align.model import (
    AnalysedDocument,
    Document,
    NameKey,
    Progress,
    RequestedMode,
    Segment,
    Sentence,
)
from align.pairing.pair import PairResult, align_pair
from align.settings import stage_signature
from align.store import codec
from align.store.database import Store
from align.text.analysis import mark_by_document
from align.workers import Workers
from glossary.mentions import find_mentions
from glossary.model import KeptOut, Mention, Passage

SEGMENTS, SENTENCES, MENTIONS, PAIRS = "segments", "sentences", "mentions", "pairs"
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


class StoredMentions:
    """`glossary.build.glossary_mentions` with the corpus's mentions taken from the store."""

    def __init__(self, store: Store) -> None:
        self._store = store

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
            mentions = find_mentions(items)
            self._store.put(MENTIONS, {key: codec.dumps(codec.mentions_value(mentions))})
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
