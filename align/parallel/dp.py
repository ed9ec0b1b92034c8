"""The dynamic programme over sentence beads, inside a band so time and memory stay linear."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from align.parallel.band import Band
from align.parallel.length import TAIL_STEPS, TAIL_TABLE, LengthModel
from align.parallel.weights import BEAD_PRIORS, ScoringWeights


@dataclass(frozen=True)
class BeadInputs:
    """Everything the DP needs about both texts, precomputed once per pass."""

    fr_cum: Sequence[int]
    en_cum: Sequence[int]
    fr_groups: Sequence[Sequence[frozenset[int]]]  # [size-1][end] -> union of keys of that group
    en_groups: Sequence[Sequence[frozenset[int]]]
    fr_numbers: Sequence[Sequence[frozenset[int]]]
    en_numbers: Sequence[Sequence[frozenset[int]]]
    fr_para_start: Sequence[bool]  # sentence i opens a paragraph (i > 0)
    en_para_start: Sequence[bool]
    weights: Sequence[float]
    length: LengthModel
    scoring: ScoringWeights


# A NamedTuple, not a frozen dataclass: defined on every `align pair` start, where a
# dataclass costs about a millisecond to build (Python 3.11).
class Bead(NamedTuple):
    """One step of the best path: French [i0, i1) with English [j0, j1), and its cost parts."""

    i0: int
    i1: int
    j0: int
    j1: int
    cost: float
    match: float


def group_unions(keys: Sequence[frozenset[int]], max_size: int = 4) -> list[list[frozenset[int]]]:
    """unions[size-1][end] = union of keys[end-size .. end-1] (empty where no group fits)."""
    empty: frozenset[int] = frozenset()
    out = [[empty, *keys]]
    for size in range(2, max_size + 1):
        prev = out[-1]
        out.append(
            [
                prev[end - 1] | keys[end - 1] if end >= size else empty
                for end in range(len(keys) + 1)
            ]
        )
    return out


def bead_cost(inp: BeadInputs, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float]:
    """(cost, match weight) of pairing French [i0, i1) with English [j0, j1)."""
    a, b = i1 - i0, j1 - j0
    sc = inp.scoring
    cost = -math.log(BEAD_PRIORS[(a, b)]) + sc.merge * max(0, a + b - 2)
    lf = inp.fr_cum[i1] - inp.fr_cum[i0]
    le = inp.en_cum[j1] - inp.en_cum[j0]
    match = 0.0
    if a and b:
        cost += inp.length.cost(lf, le)
        shared = inp.fr_groups[a - 1][i1] & inp.en_groups[b - 1][j1]
        if shared:
            w = inp.weights
            match = sum(w[k] for k in shared)
            cost -= sc.match * match
        nf = inp.fr_numbers[a - 1][i1]
        ne = inp.en_numbers[b - 1][j1]
        if nf or ne:
            cost += sc.number_mismatch * len(nf ^ ne)
    else:
        cost += sc.null_base + sc.null_per_char * (lf + le / inp.length.ratio)
    cost += _paragraph_cost(inp, i0, i1, j0, j1)
    return cost, match


def _paragraph_cost(inp: BeadInputs, i0: int, i1: int, j0: int, j1: int) -> float:
    """Penalties for merging across a paragraph break, or breaking a paragraph on one side only."""
    sc, fp, ep = inp.scoring, inp.fr_para_start, inp.en_para_start
    cost = 0.0
    if any(fp[i] for i in range(i0 + 1, i1)):
        cost += sc.paragraph_merge
    if any(ep[j] for j in range(j0 + 1, j1)):
        cost += sc.paragraph_merge
    if i1 > i0 and j1 > j0 and fp[i0] != ep[j0]:
        cost += sc.paragraph_break
    return cost


def _cumulative_weight(
    keys: Sequence[frozenset[int]], weights: Sequence[float], scale: float
) -> list[float]:
    """Running sum over sentences of each sentence's summed key weights (keys[0] is empty)."""
    out = [0.0]
    for sentence_keys in keys[1:]:
        out.append(out[-1] + scale * sum(weights[k] for k in sentence_keys))
    return out


@dataclass
class DPStats:
    """Counts kept so tests and benchmarks can check the search stays inside its band."""

    cells: int = 0
    beads: int = 0
    path_cost: float = 0.0


def best_path(
    inp: BeadInputs,
    band: Band,
    stats: DPStats | None = None,
    shapes: Sequence[tuple[int, int]] = tuple(BEAD_PRIORS),
) -> list[Bead]:
    """Lowest-cost sequence of beads from (0, 0) to (n, m), visiting only states inside `band`."""
    n, m = len(inp.fr_cum) - 1, len(inp.en_cum) - 1
    lo, hi = band.lo, band.hi
    inf = math.inf
    sc = inp.scoring
    shapes = list(shapes)
    fcum, ecum = inp.fr_cum, inp.en_cum
    weights = inp.weights
    w_match, w_num = sc.match, sc.number_mismatch
    # Upper bounds on a bead's match: the summed key weights of each side's sentences.
    fw = _cumulative_weight(inp.fr_groups[0], weights, w_match)
    ew = _cumulative_weight(inp.en_groups[0], weights, w_match)
    scaled = [w_match * w for w in weights]
    # Everything bead_cost computes, inlined: this loop is where the aligner spends its time.
    plan = [
        (
            s,
            a,
            b,
            -math.log(BEAD_PRIORS[(a, b)]) + sc.merge * max(0, a + b - 2),
            bool(a and b),
            # Null beads never read these: any list of the right type will do.
            inp.fr_groups[max(a, 1) - 1],
            inp.en_groups[max(b, 1) - 1],
            inp.fr_numbers[max(a, 1) - 1],
            inp.en_numbers[max(b, 1) - 1],
        )
        for s, (a, b) in enumerate(shapes)
    ]
    ratio, variance = inp.length.ratio, inp.length.variance
    inv_ratio = 1 / ratio
    tail_cost = inp.length.tail_cost
    tail_table, tail_steps = TAIL_TABLE, TAIL_STEPS
    tail_len = len(tail_table)
    null_base, null_char = sc.null_base, sc.null_per_char
    fp, ep = inp.fr_para_start, inp.en_para_start
    paragraphs = any(fp) or any(ep)
    sqrt = math.sqrt
    cost_rows: list[list[float]] = []
    back_rows: list[bytearray] = []
    evaluated = 0
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        row = [inf] * (row_hi - row_lo + 1)
        back = bytearray(row_hi - row_lo + 1)
        cost_rows.append(row)
        back_rows.append(back)
        # What each shape needs from its previous row, looked up once per row, not per state.
        row_plan = [
            (
                s,
                i - a,
                b,
                prior,
                pairs,
                fgroup[i],
                egroup,
                fnum[i],
                enum,
                cost_rows[i - a],
                lo[i - a],
                hi[i - a],
                fcum[i] - fcum[i - a],
                fw[i] - fw[i - a],
            )
            for s, a, b, prior, pairs, fgroup, egroup, fnum, enum in plan
            if i >= a
        ]
        for j in range(row_lo, row_hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, best_shape = inf, 0
            ec_j, ew_j = ecum[j], ew[j]
            for (
                s,
                pi,
                b,
                prior,
                pairs,
                fkeys,
                egroup,
                fnums,
                enum,
                prow,
                plo,
                phi,
                lf,
                fwd,
            ) in row_plan:
                pj = j - b
                if pj < plo or pj > phi:
                    continue
                total = prow[pj - plo] + prior
                # Skip the costly parts when even a perfect match could not beat the best so far.
                ewd = ew_j - ew[pj]
                bound = fwd if fwd < ewd else ewd
                if total - bound >= best:
                    continue
                evaluated += 1
                le = ec_j - ecum[pj]
                if paragraphs:
                    total += _paragraph_cost(inp, pi, i, pj, j)
                if not pairs:
                    total += null_base + null_char * (lf + le * inv_ratio)
                else:
                    delta = abs(le - lf * ratio) / sqrt((lf + le * inv_ratio) * 0.5 * variance)
                    step = int(delta * tail_steps)
                    total += tail_table[step] if step < tail_len else tail_cost(delta)
                    if total - bound >= best:
                        continue
                    for k in fkeys & egroup[j]:
                        total -= scaled[k]
                    ne = enum[j]
                    if fnums or ne:
                        total += w_num * len(fnums ^ ne)
                if total < best:
                    best, best_shape = total, s
            row[j - row_lo] = best
            back[j - row_lo] = best_shape
    if stats is not None:
        stats.cells += band.cells
        stats.beads += evaluated
    if cost_rows[n][m - lo[n]] == inf:
        raise AssertionError("the band holds no path from (0, 0) to (n, m)")
    beads = []
    i, j = n, m
    while i or j:
        a, b = shapes[back_rows[i][j - lo[i]]]
        cost, match = bead_cost(inp, i - a, i, j - b, j)
        beads.append(Bead(i - a, i, j - b, j, cost, match))
        i, j = i - a, j - b
    if stats is not None:
        stats.path_cost = cost_rows[n][m - lo[n]]
    return beads[::-1]
