"""Which French document goes with which English ones: an inverted index of shared events.

Each document is reduced to its dates, numbers and names; an index from each feature to the
documents holding it gives, for every French document, the English documents it shares rare
features with, without ever comparing all pairs. Each candidate is then classed as a
translation (parallel) or as separately written (comparable), and a comparable one is kept only
when the two share much or comparable mode links passages reporting one event.
"""

from __future__ import annotations

import logging
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from align.anchors import context_years, find_anchors, is_small_number
from align.comparable.events import align_comparable
from align.model import Evidence, EvidenceKind, Mode, NameKey, Sentence
from align.pairing.mode import decide_mode
from align.pairing.weights import (
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
from glossary.text import fold
from glossary.translit import match_key

# Candidate counts go to this logger at DEBUG (benchmarks/run_scale.py listens).
LOG = logging.getLogger(__name__)
_NAME = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][^\W\d_]+")


@dataclass(frozen=True)
class DocSentences:
    """One side of a document: its source, the language of these sentences, the sentences."""

    source: str
    lang: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class DocPair:
    """A French document and an English one that report the same events, and how to align them."""

    fr: str
    en: str
    mode: Mode
    score: float
    shared: tuple[Evidence, ...]


def find_document_pairs(
    docs: Sequence[DocSentences], *, name_key: NameKey | None = match_key
) -> list[DocPair]:
    """Every French/English document pair sharing events, sorted by French then English source.

    Candidates come from the index: the English documents sharing the most rare dates, numbers
    and names with a French one (at most MAX_CANDIDATES each, so the work grows with the number
    of documents, not with its square). A candidate is a pair when it is a translation, when it
    shares much (SURE_SCORE), or when it shares enough (MIN_SCORE) and comparable mode links at
    least one pair of passages. Documents whose dated events (days, months) all differ need half
    as much again (the same people at another time is another event), and documents longer than
    LENGTH_SCALE sentences need more, with the square root of their length. A document is never
    paired with itself (the French and English parts of one mixed file).
    """
    french = [d for d in docs if d.lang == Lang.FR and d.sentences]
    english = [d for d in docs if d.lang == Lang.EN and d.sentences]
    if not french or not english:
        return []
    features = {id(d): _features(d, name_key) for d in (*french, *english)}
    index: dict[Evidence, list[int]] = defaultdict(list)
    for j, doc in enumerate(english):
        for key in sorted(features[id(doc)]):
            index[key].append(j)
    df: dict[Evidence, int] = defaultdict(int)
    for doc in (*french, *english):
        for key in features[id(doc)]:
            df[key] += 1
    total = len(french) + len(english)
    # A feature only the two documents of a pair hold counts 1; one every document holds, ~0.
    scale = math.log(1 + total / 2)
    pairs = []
    candidates = checked = 0
    for doc in french:
        own = features[id(doc)]
        gains: dict[int, dict[Evidence, float]] = defaultdict(dict)
        for key, weight in own.items():
            postings = index.get(key, ())
            if len(postings) > MAX_POSTINGS:
                continue  # held by most documents: says nothing, and would make the work quadratic
            rarity = math.log(1 + total / df[key]) / scale
            for j in postings:
                gains[j][key] = min(weight, features[id(english[j])][key]) * rarity
        ranked = sorted(gains.items(), key=lambda item: (-sum(item[1].values()), item[0]))
        for j, shared in ranked[:MAX_CANDIDATES]:
            other = english[j]
            if other.source == doc.source:
                continue
            candidates += 1
            score = sum(shared.values())
            need = CONFLICT_FACTOR if _times_conflict(own, features[id(other)]) else 1.0
            # Longer documents share more by chance: the evidence needed grows with them.
            shorter = min(len(doc.sentences), len(other.sentences))
            need *= max(1.0, math.sqrt(shorter / LENGTH_SCALE))
            if score < MIN_SCORE * need:
                continue
            checked += 1
            decision = decide_mode(doc.sentences, other.sentences, "auto", name_key)
            if (
                decision.mode is Mode.COMPARABLE
                and score < SURE_SCORE * need
                and _linked(doc.sentences, other.sentences, name_key) < MIN_LINKED
            ):
                continue
            labels = sorted(shared, key=lambda k: (-shared[k], str(k)))[:MAX_EVIDENCE]
            pairs.append(
                DocPair(doc.source, other.source, decision.mode, round(score, 3), tuple(labels))
            )
    LOG.debug(
        "%d French, %d English documents: %d candidate pairs, %d checked, %d pairs",
        len(french),
        len(english),
        candidates,
        checked,
        len(pairs),
    )
    return sorted(pairs, key=lambda p: (p.fr, p.en))


def _linked(fr: Sequence[str], en: Sequence[str], name_key: NameKey | None) -> float:
    """How much comparable mode links between two documents: the sum of its links' scores."""
    return sum(link.score for link in align_comparable(fr, en, name_key=name_key))


def _times_conflict(a: dict[Evidence, float], b: dict[Evidence, float]) -> bool:
    """Both documents date what they report to the day or month, and no day or month is shared."""
    dated = (EvidenceKind.DATE, EvidenceKind.MONTH)
    days_a = {k for k in a if k.kind in dated}
    days_b = {k for k in b if k.kind in dated}
    return bool(days_a) and bool(days_b) and not days_a & days_b


def _features(doc: DocSentences, name_key: NameKey | None) -> dict[Evidence, float]:
    """Dates, numbers and names of a document, each with its weight."""
    found: dict[Evidence, float] = {}
    sentences = [URL.sub(" ", text) for text in doc.sentences]
    for text, year in zip(sentences, context_years(sentences, doc.lang), strict=True):
        for anchor in find_anchors(text, doc.lang, year):
            if anchor.kind is EvidenceKind.NUMBER and is_small_number(anchor.value):
                continue  # "2 parties", "3 jours": too common to tell events apart
            weight = KIND_WEIGHTS[anchor.kind]
            for key in anchor.implied():
                implied = KIND_WEIGHTS[key.kind]
                found[key] = max(found.get(key, 0.0), min(weight, implied))
        for match in _NAME.finditer(text):
            if match.start() == 0 or len(match.group()) < MIN_NAME:
                continue
            found[Evidence(EvidenceKind.NAME, _name_key(match.group(), name_key))] = NAME_WEIGHT
    return found


def _name_key(form: str, name_key: NameKey | None) -> str:
    """Key under which a name meets its other-language spelling (Moscou/Moscow share 'mosco')."""
    if name_key is not None:
        return name_key(form)
    return fold(form)[:NAME_PREFIX]


def sides_of(source: str, sentences: Sequence[Sentence]) -> list[DocSentences]:
    """The French and the English side of one document; other languages and `und` left out."""
    sides = []
    for lang in (Lang.FR, Lang.EN):
        texts = tuple(s.text for s in sentences if s.lang == lang)
        if texts:
            sides.append(DocSentences(source, lang, texts))
    return sides
