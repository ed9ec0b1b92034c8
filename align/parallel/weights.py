"""Every setting of the parallel aligner, in one place: bead priors, key weights, length model,
lexicon, band and the two passes. Tuned on the six benchmark novels (see BENCHMARKS.md); all of
them go into the settings signature of the workbooks' About sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from align.links import EvidenceKind

# --- the dynamic programme
# (French sentences, English sentences) per bead, and their prior probability. The priors are
# close to the bead frequencies of manually aligned literary translations.
BEAD_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.80,
    (1, 2): 0.075,
    (2, 1): 0.07,
    (0, 1): 0.012,
    (1, 0): 0.008,
    (1, 3): 0.012,
    (2, 2): 0.01,
    (3, 1): 0.006,
    (1, 4): 0.004,
    (4, 1): 0.002,
    (2, 3): 0.002,
    (3, 2): 0.002,
}


@dataclass(frozen=True)
class ScoringWeights:
    """How the signals trade off inside one bead's cost."""

    match: float = 1.0
    number_mismatch: float = 1.5
    paragraph_merge: float = 6.0
    paragraph_break: float = 1.5
    null_per_char: float = 0.0
    null_base: float = 1.0
    merge: float = 3.0


# --- sentence features
# How much a match of each kind of key is worth, relative to its rarity.
KIND_BOOST = {
    EvidenceKind.NUMBER: 1.6,
    EvidenceKind.NAME: 1.3,
    EvidenceKind.COGNATE: 1.0,
    EvidenceKind.WORD: 1.0,  # a word the learnt lexicon links across
    EvidenceKind.PUNCTUATION: 0.5,
}
# Words from this many letters get a cognate key (their first letters).
MIN_COGNATE = 4

# --- the Gale-Church length model
# Gale & Church (1993) found the variance per character near 6.8; literary translation is freer.
DEFAULT_VARIANCE = 6.8
# French and English run within a few tens of percent of each other; a whole-document ratio outside
# this range means one side has text the other lacks, not that every sentence grew.
RATIO_RANGE = (0.5, 2.0)
# Below this many anchors the length ratio is that of the whole documents.
MIN_ANCHORS = 10

# --- lexicon: word pairs seen together this often, this strongly (Dice), kept per word
MIN_PAIR_COUNT = 2
MIN_DICE = 0.3
TRANSLATIONS_PER_WORD = 3

# --- band: an anchor further than this (sentences, share of the span) from the line through its
# neighbours is a chance match and is dropped
OUTLIER_SLACK = 4
OUTLIER_SHARE = 0.1

# --- the two passes
# Keys lighter than this (words like 'the') say little about a link: not worth showing.
EVIDENCE_MIN_WEIGHT = 1.0


@dataclass(frozen=True)
class ParallelSettings:
    """Tunable settings of the parallel aligner."""

    first_band: int = 12
    # The first pass only needs a rough path to learn the lexicon from: common beads suffice.
    first_shapes: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (0, 1), (1, 0))
    second_band: int = 6
    realign_passes: int = 1
    length_variance: float = DEFAULT_VARIANCE
    lexicon_min_match: float = 2.0
    lexicon_min_dice: float = MIN_DICE
    score_coverage: float = 6.0
    score_length: float = 1.5
    score_offset: float = 0.0
    null_score: float = 0.3
    scoring: ScoringWeights = field(default_factory=ScoringWeights)


# The defaults every run uses, here so that they are part of the settings signature.
PARALLEL_DEFAULTS = ParallelSettings()
