"""Which French document goes with which English ones: an inverted index of shared events.

Each document is reduced to its dates, numbers and names; an index from each feature to the
documents holding it gives, for every French document, the English documents it shares rare
features with, without ever comparing all pairs. Each pair found is then classed as a
translation (parallel) or as separately written (comparable).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from align.anchors import find_anchors, is_small_number
from align.model import Evidence, EvidenceKind, Mode, NameKey, Sentence
from align.pairing.mode import decide_mode
from align.pairing.weights import (
    KIND_WEIGHTS,
    MAX_EVIDENCE,
    MIN_NAME,
    MIN_SCORE,
    MIN_SHARED,
    NAME_PREFIX,
    NAME_WEIGHT,
)
from glossary.model import Lang
from glossary.text import fold
from glossary.translit import match_key

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
    """Every French/English document pair sharing events, sorted by French then English source."""
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
    pairs = []
    for doc in french:
        own = features[id(doc)]
        gains: dict[int, dict[Evidence, float]] = defaultdict(dict)
        for key, weight in own.items():
            postings = index.get(key, ())
            for j in postings:
                rarity = math.log(1 + total / df[key])
                gains[j][key] = min(weight, features[id(english[j])][key]) * rarity
        for j, shared in sorted(gains.items()):
            score = sum(shared.values())
            has_anchor = any(key.kind is not EvidenceKind.NAME for key in shared)
            if score < MIN_SCORE or len(shared) < MIN_SHARED or not has_anchor:
                continue
            other = english[j]
            decision = decide_mode(doc.sentences, other.sentences, "auto")
            labels = sorted(shared, key=lambda k: (-shared[k], str(k)))[:MAX_EVIDENCE]
            pairs.append(
                DocPair(doc.source, other.source, decision.mode, round(score, 3), tuple(labels))
            )
    return sorted(pairs, key=lambda p: (p.fr, p.en))


def _features(doc: DocSentences, name_key: NameKey | None) -> dict[Evidence, float]:
    """Dates, numbers and names of a document, each with its weight."""
    found: dict[Evidence, float] = {}
    for text in doc.sentences:
        for anchor in find_anchors(text, doc.lang):
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
