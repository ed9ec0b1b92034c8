"""Are two documents a text and its translation (parallel) or written separately (comparable)?

Decided from evidence separately written texts cannot fake: in a translation most sentences have
one clear partner near their proportional place on the other side, and those partners keep their
order (`_confident_share`); in long texts the dates, numbers and names met once on each side lie
on one line. Two reports of one event share names, dates and numbers too, but scattered over
sentences that each have no clear partner. When in doubt, comparable: a missed translation costs
a translator less than invented links.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from align.anchors import find_anchors
from align.comparable.words import content_words
from align.links import Evidence, EvidenceKind, Mode, NameKey, RequestedMode
from align.pairing.weights import (
    CONFIDENT_PREFIX,
    CONFIDENT_SIMILARITY,
    CONFIDENT_WINDOW,
    CONFIDENT_WINDOW_SHARE,
    DIAGONAL_SENTENCES,
    DIAGONAL_TOLERANCE,
    LONG_TEXT,
    MAX_FIT_POINTS,
    MIN_ANCHORS,
    PARALLEL_ANCHOR_SHARE,
    PARALLEL_CHARS,
    PARALLEL_CONFIDENT_SHARE,
    PARALLEL_SENTENCES,
    TINY_TEXT,
    WILD_CHARS,
    WILD_SENTENCES,
)
from align.parallel.band import longest_chain
from glossary.lang import Lang
from glossary.translit import match_key


# A NamedTuple, not a frozen dataclass: defined on every `align pair` start, where a
# dataclass costs about a millisecond to build (Python 3.11).
class ModeDecision(NamedTuple):
    """The mode to align in, why, and a warning when a requested mode was overruled."""

    mode: Mode
    reason: str
    warning: str = ""


def choose_mode(fr: Sequence[str], en: Sequence[str], name_key: NameKey | None = match_key) -> Mode:
    """'parallel' when the texts look like a document and its translation, else 'comparable'."""
    return decide_mode(fr, en, "auto", name_key).mode


def decide_mode(
    fr: Sequence[str],
    en: Sequence[str],
    requested: RequestedMode,
    name_key: NameKey | None = match_key,
) -> ModeDecision:
    """The mode to use: `requested`, unless auto (decide) or parallel on wildly different texts.

    An unknown `requested` is a ValueError.
    """
    if requested != "auto":
        requested = Mode(requested)
    if requested is Mode.COMPARABLE:
        return ModeDecision(Mode.COMPARABLE, "requested")
    chars = _ratio(sum(len(s) for s in en), sum(len(s) for s in fr))
    count = _ratio(len(en), len(fr))
    if requested is Mode.PARALLEL:
        if _inside(chars, WILD_CHARS) and _inside(count, WILD_SENTENCES):
            return ModeDecision(Mode.PARALLEL, "requested")
        warning = (
            f"the French text has {len(fr)} sentences and the English {len(en)} "
            f"(length ratio {chars:.2f}): too different to be translations of each other, "
            "so they were paired as comparable documents; use --mode comparable to silence this"
        )
        return ModeDecision(Mode.COMPARABLE, "lengths too different", warning)
    if not (_inside(chars, PARALLEL_CHARS) and _inside(count, PARALLEL_SENTENCES)):
        return ModeDecision(
            Mode.COMPARABLE, f"length ratio {chars:.2f}, sentence ratio {count:.2f}"
        )
    if _dates_differ(fr, en):
        return ModeDecision(Mode.COMPARABLE, "the days and months they date differ")
    confident = _confident_share(fr, en, name_key)
    if confident is None:
        # Nothing shared at all ("Bonjour." / "Hello."): only very short texts of as many
        # sentences can be told apart from unrelated ones, and only as a guess a person sees.
        if len(fr) == len(en) <= TINY_TEXT:
            return ModeDecision(Mode.PARALLEL, "tiny texts of matching length, nothing to check")
        return ModeDecision(Mode.COMPARABLE, "nothing shared to tell a translation by")
    if confident >= PARALLEL_CONFIDENT_SHARE:
        return ModeDecision(
            Mode.PARALLEL,
            f"{confident:.0%} of sentences have a clear partner in order "
            f"(length ratio {chars:.2f}, sentence ratio {count:.2f})",
        )
    share = _anchor_share(fr, en) if min(len(fr), len(en)) >= LONG_TEXT else None
    if share is not None and share >= PARALLEL_ANCHOR_SHARE:
        return ModeDecision(
            Mode.PARALLEL,
            f"{share:.0%} of shared dates, numbers and names in translation order "
            f"(length ratio {chars:.2f}, sentence ratio {count:.2f})",
        )
    return ModeDecision(
        Mode.COMPARABLE, f"only {confident:.0%} of sentences have a clear partner in order"
    )


def _ratio(a: float, b: float) -> float:
    if b == 0:
        return math.inf if a else 1.0
    return a / b


def _inside(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _anchor_share(fr: Sequence[str], en: Sequence[str]) -> float | None:
    """Share of the dates, numbers and names met once on each side that lie on one straight line.

    A translation keeps them in order at proportional places, so the sentence pairs holding them
    fit a line (robust Theil-Sen fit) within a sentence or two; separately written texts scatter
    them. None when fewer than MIN_ANCHORS sentence pairs share one, too few to tell.
    """
    import statistics

    french = _unique_positions(fr, "fr")
    english = _unique_positions(en, "en")
    points = sorted({(french[k], english[k]) for k in set(french) & set(english)})
    if len(points) < MIN_ANCHORS:
        return None
    step = max(1, len(points) // MAX_FIT_POINTS)
    sample = points[::step]
    slopes = [
        (y2 - y1) / (x2 - x1)
        for i, (x1, y1) in enumerate(sample)
        for x2, y2 in sample[i + 1 :]
        if x2 > x1
    ]
    if not slopes:
        return None
    slope = statistics.median(slopes)
    offset = statistics.median(y - slope * x for x, y in points)
    tolerance = max(DIAGONAL_TOLERANCE, DIAGONAL_SENTENCES / max(len(fr), len(en)))
    near = sum(abs(y - slope * x - offset) <= tolerance for x, y in points)
    return near / len(points)


def _confident_share(
    fr: Sequence[str], en: Sequence[str], name_key: NameKey | None
) -> float | None:
    """Share of sentences (of the shorter side) with a clear partner, in order.

    A French sentence and an English one are partners when each is the other's most similar
    sentence within a window around their proportional place, with a similarity (shared numbers,
    dates, names and word stems, weighted by rarity, cosine-normalised) of at least
    CONFIDENT_SIMILARITY; the partners counted are the longest chain in order on both sides,
    less the mutual best pairs of any similarity that cross the others.
    The window keeps it linear and is what a translation promises: its sentences stay near
    their place. None when no sentence pair shares anything.
    """
    french = [_keys(text, Lang.FR, name_key) for text in fr]
    english = [_keys(text, Lang.EN, name_key) for text in en]
    n, m = len(french), len(english)
    if not n or not m:
        return None
    df: dict[tuple[str, str], int] = defaultdict(int)
    for keys in (*french, *english):
        for key in keys:
            df[key] += 1
    idf = {key: math.log((n + m) / count) for key, count in df.items()}
    fr_norm = [math.sqrt(sum(idf[k] for k in keys)) or 1.0 for keys in french]
    en_norm = [math.sqrt(sum(idf[k] for k in keys)) or 1.0 for keys in english]
    window = max(CONFIDENT_WINDOW, CONFIDENT_WINDOW_SHARE * max(n, m))
    best_fr: dict[int, tuple[float, int]] = {}
    best_en: dict[int, tuple[float, int]] = {}
    shared_any = False
    for i, keys in enumerate(french):
        centre = i * m / n
        for j in range(max(0, int(centre - window)), min(m, int(centre + window) + 1)):
            shared = keys & english[j]
            if not shared:
                continue
            shared_any = True
            value = sum(idf[k] for k in shared) / (fr_norm[i] * en_norm[j])
            if value > best_fr.get(i, (0.0, -1))[0]:
                best_fr[i] = (value, j)
            if value > best_en.get(j, (0.0, -1))[0]:
                best_en[j] = (value, i)
    if not shared_any:
        return None
    mutual = [(i, j) for i, (_, j) in best_fr.items() if best_en[j][1] == i]
    partners = [(i, j) for i, j in mutual if best_fr[i][0] >= CONFIDENT_SIMILARITY]
    in_order = len(longest_chain(partners))
    # Mutual best pairs, however weak, that cross the others: what separately written texts
    # do, and a translation does not.
    crossing = len(mutual) - len(longest_chain(mutual))
    return max(0, in_order - crossing) / min(n, m)


def _dates_differ(fr: Sequence[str], en: Sequence[str]) -> bool:
    """Both texts date what they say to the day or month, and not one day or month is shared: a
    translation keeps its dates."""
    dated = (EvidenceKind.DATE, EvidenceKind.MONTH)

    def dates(texts: Sequence[str], lang: str) -> set[Evidence]:
        return {
            key
            for text in texts
            for anchor in find_anchors(text, lang)
            for key in anchor.implied()
            if key.kind in dated
        }

    french, english = dates(fr, Lang.FR), dates(en, Lang.EN)
    return bool(french) and bool(english) and not french & english


def _keys(text: str, lang: str, name_key: NameKey | None) -> frozenset[tuple[str, str]]:
    """What a sentence can share with its translation: dates and numbers, names, word stems."""
    keys = {("anchor", str(a.evidence)) for a in find_anchors(text, lang)}
    for word in content_words(text):
        if word.name:
            keys.add(("name", name_key(word.form) if name_key else word.key))
        if len(word.key) >= CONFIDENT_PREFIX:
            keys.add(("stem", word.key[:CONFIDENT_PREFIX]))
    return frozenset(keys)


def _unique_positions(sentences: Sequence[str], lang: str) -> dict[Evidence, float]:
    """Relative position (0..1) of each date, number or name that occurs exactly once."""
    seen: dict[Evidence, list[float]] = defaultdict(list)
    n = max(len(sentences), 1)
    for index, text in enumerate(sentences):
        found = {a.evidence for a in find_anchors(text, lang)}
        found |= {Evidence(EvidenceKind.NAME, t.key) for t in content_words(text) if t.name}
        for key in found:
            seen[key].append(index / n)
    return {key: where[0] for key, where in seen.items() if len(where) == 1}
