"""Gale-Church length model: the cost of pairing texts of two character lengths."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from align.parallel.weights import DEFAULT_VARIANCE, MIN_ANCHORS, RATIO_RANGE

TAIL_STEPS = 100
# -log erfc(d / sqrt 2) tabulated once: the DP asks for it hundreds of thousands of times.
TAIL_TABLE = [
    -math.log(math.erfc(step / TAIL_STEPS / math.sqrt(2))) for step in range(30 * TAIL_STEPS)
]


@dataclass(frozen=True)
class LengthModel:
    """Expected English characters per French character, and the variance per character."""

    ratio: float = 1.0
    variance: float = DEFAULT_VARIANCE

    def cost(self, fr_chars: int, en_chars: int) -> float:
        """-log P(lengths are a translation pair): two-tailed normal tail of the length delta."""
        mean = (fr_chars + en_chars / self.ratio) / 2
        if mean <= 0:
            return 0.0
        return self.tail_cost(
            abs(en_chars - fr_chars * self.ratio) / math.sqrt(mean * self.variance)
        )

    @staticmethod
    def tail_cost(delta: float) -> float:
        """-log P(|Z| >= delta) for a standard normal Z, from a table in steps of 1/100."""
        step = int(delta * TAIL_STEPS)
        if step < len(TAIL_TABLE):
            return TAIL_TABLE[step]
        x = delta / math.sqrt(2)
        # Asymptotic form of -log erfc(x) where erfc underflows.
        return x * x + math.log(x * math.sqrt(math.pi))


def fitted(
    fr_lengths: Sequence[int],
    en_lengths: Sequence[int],
    variance: float,
    anchors: Sequence[tuple[int, int]] = (),
) -> LengthModel:
    """A model whose ratio is English/French characters between the first and last anchors.

    Measuring between anchors leaves out a head or tail that only one side has; with too few
    anchors the whole documents are measured.
    """
    if len(anchors) >= MIN_ANCHORS:
        (i0, j0), (i1, j1) = anchors[0], anchors[-1]
        fr_total = sum(fr_lengths[i0 : i1 + 1])
        en_total = sum(en_lengths[j0 : j1 + 1])
    else:
        fr_total, en_total = sum(fr_lengths), sum(en_lengths)
    ratio = en_total / fr_total if fr_total and en_total else 1.0
    return LengthModel(ratio=min(max(ratio, RATIO_RANGE[0]), RATIO_RANGE[1]), variance=variance)


def cumulative(lengths: Sequence[int]) -> list[int]:
    """Running totals of sentence lengths from 0, each sentence counting at least 1 character."""
    out = [0]
    for length in lengths:
        out.append(out[-1] + max(length, 1))
    return out
