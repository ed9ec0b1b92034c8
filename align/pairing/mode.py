"""Are two documents a text and its translation (parallel) or written separately (comparable)?

Decided from length ratios and from where their shared dates, numbers and names sit: a
translation keeps them in order at proportional places.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from align.anchors import find_anchors
from align.comparable.words import content_words
from align.model import Evidence, EvidenceKind, Mode, RequestedMode
from align.pairing.weights import (
    DIAGONAL_SENTENCES,
    DIAGONAL_TOLERANCE,
    MAX_FIT_POINTS,
    MIN_ANCHORS,
    PARALLEL_ANCHOR_SHARE,
    PARALLEL_CHARS,
    PARALLEL_SENTENCES,
    SHORT_TEXT,
    WILD_CHARS,
    WILD_SENTENCES,
)


@dataclass(frozen=True)
class ModeDecision:
    """The mode to align in, why, and a warning when a requested mode was overruled."""

    mode: Mode
    reason: str
    warning: str = ""


def choose_mode(fr: Sequence[str], en: Sequence[str]) -> Mode:
    """'parallel' when the texts look like a document and its translation, else 'comparable'."""
    return decide_mode(fr, en, "auto").mode


def decide_mode(fr: Sequence[str], en: Sequence[str], requested: RequestedMode) -> ModeDecision:
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
    share = _anchor_share(fr, en)
    if share is None and _short_and_in_order(fr, en):
        return ModeDecision(
            Mode.PARALLEL, "short texts of matching length, shared anchors in order"
        )
    if share is None:
        return ModeDecision(Mode.COMPARABLE, "too few shared dates, numbers and names to tell")
    if share < PARALLEL_ANCHOR_SHARE:
        return ModeDecision(
            Mode.COMPARABLE,
            f"only {share:.0%} of shared dates, numbers and names in translation order",
        )
    return ModeDecision(Mode.PARALLEL, f"length ratio {chars:.2f}, sentence ratio {count:.2f}")


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


def _short_and_in_order(fr: Sequence[str], en: Sequence[str]) -> bool:
    """A short text too small for the line fit: parallel when what it shares keeps its order.

    Length ratios were already checked; the shared dates, numbers and names may not cross, and
    with none at all the two sides must have as many sentences.
    """
    if max(len(fr), len(en)) > SHORT_TEXT:
        return False
    french = _unique_positions(fr, "fr")
    english = _unique_positions(en, "en")
    points = sorted((french[k], english[k]) for k in set(french) & set(english))
    if not points:
        # Nothing to cross-check ("Bonjour." / "Hello."): the same number of sentences of
        # matching lengths is what a translation looks like.
        return len(fr) == len(en)
    return all(b[1] >= a[1] for a, b in itertools.pairwise(points))


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
