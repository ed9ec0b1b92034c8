"""Confident anchor pairs from keys found once on each side, and the search band they define."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import NamedTuple

from align.parallel.features import Key, KeyKind, SentenceFeatures
from align.parallel.length import cumulative
from align.parallel.weights import OUTLIER_SHARE, OUTLIER_SLACK

# Number, name and cognate keys seen exactly once per side pin the two texts together.
# Keys that can anchor the band: all but punctuation, which every other sentence shares.
_ANCHOR_KINDS = frozenset({KeyKind.NUMBER, KeyKind.NAME, KeyKind.COGNATE, KeyKind.WORD})


# A NamedTuple, not a frozen dataclass: defined on every `align pair` start, where a
# dataclass costs about a millisecond to build (Python 3.11).
class Band(NamedTuple):
    """For each French position i (0..n), the English positions lo[i]..hi[i] the DP may visit."""

    lo: tuple[int, ...]
    hi: tuple[int, ...]

    @property
    def cells(self) -> int:
        """Number of DP states inside the band."""
        return sum(h - lo + 1 for lo, h in zip(self.lo, self.hi, strict=True))


def anchor_pairs(
    fr: Sequence[SentenceFeatures], en: Sequence[SentenceFeatures], key_names: Sequence[Key]
) -> list[tuple[int, int]]:
    """Sentence pairs sharing a key seen once per side, reduced to the longest monotone chain."""
    fr_at = _unique_positions(fr)
    en_at = _unique_positions(en)
    candidates = sorted(
        (i, en_at[k]) for k, i in fr_at.items() if k in en_at and key_names[k][0] in _ANCHOR_KINDS
    )
    return _without_outliers(longest_chain(candidates))


def _unique_positions(side: Sequence[SentenceFeatures]) -> dict[int, int]:
    seen: dict[int, int] = {}
    repeated: set[int] = set()
    for i, features in enumerate(side):
        for k in features.keys:
            if k in seen:
                repeated.add(k)
            else:
                seen[k] = i
    return {k: i for k, i in seen.items() if k not in repeated}


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain strictly increasing on both sides (patience sorting, O(k log k))."""
    # Equal i must not chain, so within one i take larger j first.
    ordered = sorted(set(pairs), key=lambda p: (p[0], -p[1]))
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(ordered)
    for idx, (_, j) in enumerate(ordered):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(idx)
        else:
            tails[pos] = j
            tail_index[pos] = idx
        parent[idx] = tail_index[pos - 1] if pos else -1
    chain = []
    idx = tail_index[-1] if tail_index else -1
    while idx >= 0:
        chain.append(ordered[idx])
        idx = parent[idx]
    return chain[::-1]


def _without_outliers(
    chain: list[tuple[int, int]], slack: int = OUTLIER_SLACK, share: float = OUTLIER_SHARE
) -> list[tuple[int, int]]:
    """Drop anchors far off the line through their neighbours: chance matches pull the band away."""
    points = chain
    changed = True
    while changed and len(points) >= 3:
        changed = False
        kept: list[tuple[int, int]] = []
        for k, point in enumerate(points):
            # The line through the kept anchor before and the next one; at the ends, through the
            # two nearest on the inside (never through (0, 0) or (n, m): one side may have a head
            # or a tail the other lacks).
            if kept and k + 1 < len(points):
                a, b = kept[-1], points[k + 1]
            elif not kept and k + 2 < len(points):
                a, b = points[k + 1], points[k + 2]
            elif len(kept) >= 2:
                a, b = kept[-2], kept[-1]
            else:
                kept.append(point)
                continue
            if _off_line(point, a, b, slack, share):
                changed = True
            else:
                kept.append(point)
        points = kept
    return points


def _off_line(
    point: tuple[int, int], a: tuple[int, int], b: tuple[int, int], slack: int, share: float
) -> bool:
    (i, j), (ia, ja), (ib, jb) = point, a, b
    expected = ja + (jb - ja) * (i - ia) / (ib - ia) if ib != ia else j
    # Slack scales with the gap: the longer the stretch, the more a real path may bend.
    return abs(j - expected) > slack + share * max(abs(ib - ia), abs(jb - ja), abs(i - ia))


def band_from_anchors(
    anchors: Sequence[tuple[int, int]],
    fr_lengths: Sequence[int],
    en_lengths: Sequence[int],
    width: int,
) -> Band:
    """Band around the path through the anchors, interpolated by character position between them."""
    n, m = len(fr_lengths), len(en_lengths)
    cum_fr = cumulative(fr_lengths)
    cum_en = cumulative(en_lengths)
    # An anchor pairs sentence i with sentence j: the path runs from state (i, j) to (i+1, j+1).
    points = [(0, 0)]
    for i, j in anchors:
        points += [(i, j), (i + 1, j + 1)]
    points.append((n, m))
    spans = [(m, 0)] * (n + 1)
    for (i0, j0), (i1, j1) in itertools.pairwise(points):
        if i0 == i1:
            # English text with no French between two points: this row spans the whole jump.
            spans[i0] = (min(spans[i0][0], j0), max(spans[i0][1], j1))
            continue
        fr_span = cum_fr[i1] - cum_fr[i0] or 1
        en_span = cum_en[j1] - cum_en[j0]
        for i in range(i0, i1 + 1):
            target = cum_en[j0] + en_span * (cum_fr[i] - cum_fr[i0]) / fr_span
            centre = min(max(bisect.bisect_left(cum_en, target, j0, j1 + 1), j0), j1)
            spans[i] = (min(spans[i][0], centre), max(spans[i][1], centre))
    return band_around(spans, m, width)


def band_from_path(path: Sequence[tuple[int, int]], n: int, m: int, width: int) -> Band:
    """Band of half-width `width` around a previous alignment path of DP states (i, j)."""
    spans: list[tuple[int, int]] = [(m, 0)] * (n + 1)
    for i, j in path:
        lo, hi = spans[i]
        spans[i] = (min(lo, j), max(hi, j))
    # Rows the path skipped (inside a 2-x bead) take the span of the row before.
    for i in range(n + 1):
        if spans[i][0] > spans[i][1]:
            spans[i] = spans[i - 1] if i else (0, 0)
    return band_around(spans, m, width)


def band_around(spans: Sequence[tuple[int, int]], m: int, width: int) -> Band:
    """Widen each row's span by `width`; make consecutive rows overlap so a path always exists."""
    n = len(spans) - 1
    lo = [max(0, a - width) for a, _ in spans]
    hi = [min(m, b + width) for _, b in spans]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        # A 1-1 step then 0-1 steps along the row must reach from the previous row.
        lo[i] = min(lo[i], hi[i - 1] + 1, m)
        lo[i] = max(lo[i], lo[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = max(hi[i], lo[i + 1] - 1, 0)
        hi[i] = min(hi[i], hi[i + 1])
    return Band(tuple(lo), tuple(hi))
