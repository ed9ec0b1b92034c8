"""Which French document goes with which English ones: an inverted index of rare shared evidence.

Each side of a document is reduced once to its features (`DocumentFeatures`: dates, numbers and
names through the glossary, each with a weight), a plain value a cache can keep per document.
An index from each feature to the documents holding it gives, for every French document, the
English documents it shares rare features with, without ever comparing all pairs: a feature is
weighted by how few documents hold it, one held by most documents (COMMON_SHARE) or by more
than MAX_POSTINGS is not looked up, and a pair is a candidate only among the MAX_CANDIDATES
best of both its documents, so the candidates grow with the documents, not with their square.
Each candidate is aligned once, in the mode decided once (`align_pair`), and a comparable one
is kept only when the two share much or its links are enough.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from align.anchors import context_years, find_anchors, is_small_number
from align.model import Evidence, EvidenceKind, Mode, NameKey, Progress, Sentence
from align.pairing.pair import PairResult, align_pair
from align.pairing.weights import (
    COMMON_MIN,
    COMMON_SHARE,
    CONFLICT_FACTOR,
    KIND_WEIGHTS,
    LENGTH_SCALE,
    MAX_CANDIDATES,
    MAX_EVIDENCE,
    MAX_POSTINGS,
    MIN_LINKED,
    MIN_NAME,
    MIN_SCORE,
    NAME_PREFIX,
    NAME_WEIGHT,
    SURE_SCORE,
)
from align.text.noise import URL
from glossary.model import Lang
from glossary.text import fold, listed_words
from glossary.translit import match_key

# Candidate counts go to this logger at DEBUG (benchmarks/run_scale.py listens).
logger = logging.getLogger(__name__)
_NAME = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][^\W\d_]+")
_LOWER = re.compile(r"(?<![\w'’])[a-zß-öø-ÿ][^\W\d_]*")
# After these (and spaces), a capital starts a sentence or a quotation, not a name.
_OPENERS = frozenset(".!?…:;«“\"‘'([{—–-")
_SPACES = " \t\u00a0\u202f"


@dataclass(frozen=True)
class DocSentences:
    """One side of a document: its source, the language of these sentences, the sentences.

    `items` are the Sentence objects when known (their paragraphs guide the parallel aligner).
    """

    source: str
    lang: str
    sentences: tuple[str, ...]
    items: tuple[Sentence, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class DocumentFeatures:
    """What pairing knows of one side of a document, computed once for every pair it is in.

    A plain, picklable value of (document side, name key): `keys` are its dates, numbers and
    names with their weights, sorted; `dated` its days and months.
    """

    source: str
    lang: str
    keys: tuple[tuple[Evidence, float], ...]
    dated: frozenset[Evidence]

    def weights(self) -> dict[Evidence, float]:
        """The keys as a mapping, for lookups."""
        return dict(self.keys)


@dataclass(frozen=True)
class DocPair:
    """A French document and an English one that report the same events, and how to align them.

    `result` is their alignment, made while pairing them (not part of the pair's equality).
    """

    fr: str
    en: str
    mode: Mode
    score: float
    shared: tuple[Evidence, ...]
    result: PairResult | None = field(default=None, compare=False, repr=False)


def find_document_pairs(
    docs: Sequence[DocSentences],
    *,
    name_key: NameKey | None = match_key,
    features: Mapping[tuple[str, str], DocumentFeatures] | None = None,
    progress: Progress | None = None,
    aligner: Callable[..., PairResult] = align_pair,
) -> list[DocPair]:
    """Every French/English document pair sharing events, sorted by French then English source.

    Candidates come from the index: pairs sharing rare dates, numbers and names, among the
    MAX_CANDIDATES best of the French document and of the English one. A candidate is a pair
    when it is a translation, when it shares much (SURE_SCORE), or when it shares enough
    (MIN_SCORE) and comparable mode links enough (MIN_LINKED). Documents whose dated events
    (days, months) all differ need half as much again (the same people at another time is
    another event), and documents longer than LENGTH_SCALE sentences need more, with the square
    root of their length. A document is never paired with itself (the French and English parts
    of one mixed file). `features` are the documents' features by (source, lang) when a caller
    kept them (`document_features` of the same name key); missing ones are computed.
    `aligner` is align_pair or one that reuses stored alignments (align.store).
    """
    french = [d for d in docs if d.lang == Lang.FR and d.sentences]
    english = [d for d in docs if d.lang == Lang.EN and d.sentences]
    if not french or not english:
        return []
    known = features or {}
    found = [
        known.get((d.source, d.lang)) or document_features(d, name_key) for d in (*french, *english)
    ]
    fr_features = [f.weights() for f in found[: len(french)]]
    en_features = [f.weights() for f in found[len(french) :]]
    candidates = _candidates(fr_features, en_features)
    pairs = []
    checked = 0
    for step, (i, j, shared) in enumerate(candidates, start=1):
        if progress:
            progress("pairing documents", step, len(candidates))
        doc, other = french[i], english[j]
        if other.source == doc.source:
            continue
        score = sum(shared.values())
        dated = found[i].dated, found[len(french) + j].dated
        need = CONFLICT_FACTOR if dated[0] and dated[1] and not dated[0] & dated[1] else 1.0
        # Longer documents share more by chance: the evidence needed grows with them.
        shorter = min(len(doc.sentences), len(other.sentences))
        need *= max(1.0, math.sqrt(shorter / LENGTH_SCALE))
        if score < MIN_SCORE * need:
            continue
        checked += 1
        result = aligner(
            doc.items or doc.sentences, other.items or other.sentences, name_key=name_key
        )
        if (
            result.mode is Mode.COMPARABLE
            and score < SURE_SCORE * need
            and sum(link.score for link in result.links) < MIN_LINKED
        ):
            continue
        labels = sorted(shared, key=lambda k: (-shared[k], str(k)))[:MAX_EVIDENCE]
        pairs.append(
            DocPair(doc.source, other.source, result.mode, round(score, 3), tuple(labels), result)
        )
    logger.debug(
        "%d French, %d English documents: %d candidate pairs, %d checked, %d pairs",
        len(french),
        len(english),
        len(candidates),
        checked,
        len(pairs),
    )
    return sorted(pairs, key=lambda p: (p.fr, p.en))


def _candidates(
    french: Sequence[dict[Evidence, float]], english: Sequence[dict[Evidence, float]]
) -> list[tuple[int, int, dict[Evidence, float]]]:
    """(French index, English index, shared evidence with its weights) of the candidate pairs.

    A feature only the two documents of a pair hold counts its weight; one every document
    holds, about 0. A pair is kept when it is among the MAX_CANDIDATES best-sharing of both its
    documents, so each document is checked against a few others at most.
    """
    index: dict[Evidence, list[int]] = defaultdict(list)
    df: dict[Evidence, int] = defaultdict(int)
    for j, keys in enumerate(english):
        for key in keys:
            index[key].append(j)
            df[key] += 1
    for keys in french:
        for key in keys:
            df[key] += 1
    total = len(french) + len(english)
    scale = math.log(1 + total / 2)
    rarity = {key: math.log(1 + total / count) / scale for key, count in df.items()}
    common = max(COMMON_MIN, total * COMMON_SHARE)
    best_fr: list[list[tuple[float, int, dict[Evidence, float]]]] = []
    # The English side's best, as a heap of (score, -French index) per English document.
    best_en: list[list[tuple[float, int]]] = [[] for _ in english]
    for i, own in enumerate(french):
        gains: dict[int, dict[Evidence, float]] = defaultdict(dict)
        for key, weight in own.items():
            postings = index.get(key, ())
            if len(postings) > MAX_POSTINGS or df[key] > common:
                continue  # held by most documents: says nothing, and would make the work quadratic
            for j in postings:
                gains[j][key] = min(weight, english[j][key]) * rarity[key]
        ranked = heapq.nsmallest(
            MAX_CANDIDATES, ((-sum(g.values()), j, g) for j, g in gains.items())
        )
        best_fr.append([(-score, j, g) for score, j, g in ranked])
        for score, j, _ in ranked:
            heap = best_en[j]
            entry = (-score, -i)
            if len(heap) < MAX_CANDIDATES:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
    kept_en = [{-i for _, i in heap} for heap in best_en]
    return [(i, j, g) for i, row in enumerate(best_fr) for _, j, g in row if i in kept_en[j]]


def document_features(doc: DocSentences, name_key: NameKey | None = match_key) -> DocumentFeatures:
    """Dates, numbers and names of one side of a document, each with its weight.

    Names are capitalised words the document never writes in lower case ("Well", "What" are
    also "well", "what"), met at least once inside a sentence rather than at its start or a
    quotation's, and not a title or a word listed as never a name ("Miss", "Président").
    """
    found: dict[Evidence, float] = {}
    sentences = [URL.sub(" ", text) for text in doc.sentences]
    lower = {fold(w) for text in sentences for w in _LOWER.findall(text)}
    not_names = _not_names()
    names: set[str] = set()
    for text, year in zip(sentences, context_years(sentences, doc.lang), strict=True):
        for anchor in find_anchors(text, doc.lang, year):
            if anchor.kind is EvidenceKind.NUMBER and is_small_number(anchor.value):
                continue  # "2 parties", "3 jours": too common to tell events apart
            weight = KIND_WEIGHTS[anchor.kind]
            for key in anchor.implied():
                implied = KIND_WEIGHTS[key.kind]
                found[key] = max(found.get(key, 0.0), min(weight, implied))
        for match in _NAME.finditer(text):
            word = match.group()
            if len(word) < MIN_NAME or _starts(text, match.start()):
                continue
            folded = fold(word)
            if folded not in lower and folded not in not_names:
                names.add(word)
    for word in sorted(names):
        found[Evidence(EvidenceKind.NAME, _name_key(word, name_key))] = NAME_WEIGHT
    dated = frozenset(k for k in found if k.kind in (EvidenceKind.DATE, EvidenceKind.MONTH))
    keys = tuple(sorted(found.items(), key=lambda kv: (kv[0].kind.value, kv[0].value)))
    return DocumentFeatures(doc.source, doc.lang, keys, dated)


def _starts(text: str, start: int) -> bool:
    """Whether a word at `start` opens the sentence or a quotation (after ., «, —, a quote)."""
    before = text[:start].rstrip(_SPACES)
    return not before or before[-1] in _OPENERS


def _not_names() -> frozenset[str]:
    """Folded words listed as never a name on their own (titles, directions, conventions)."""
    return frozenset().union(*listed_words().values())


def _name_key(form: str, name_key: NameKey | None) -> str:
    """Key under which a name meets its other-language spelling (Moscou/Moscow share 'mosco')."""
    if name_key is not None:
        return name_key(form)
    return fold(form)[:NAME_PREFIX]


def sides_of(source: str, sentences: Sequence[Sentence]) -> list[DocSentences]:
    """The French and the English side of one document; other languages and `und` left out."""
    sides = []
    for lang in (Lang.FR, Lang.EN):
        items = tuple(s for s in sentences if s.lang == lang)
        if items:
            sides.append(DocSentences(source, lang, tuple(s.text for s in items), items))
    return sides
