"""Every weight of document pairing and of the parallel-or-comparable decision, in one place.
All of them go into the settings signature of the workbooks' About sheet.
"""

from __future__ import annotations

from align.links import EvidenceKind

# --- which French document goes with which English ones
# Weight of a shared feature by kind, before its rarity across the collection.
KIND_WEIGHTS = {
    EvidenceKind.DATE: 3.0,
    EvidenceKind.MONTH: 2.0,
    EvidenceKind.YEAR: 1.0,
    EvidenceKind.DECADE: 1.0,
    EvidenceKind.CENTURY: 0.5,
    EvidenceKind.ORDINAL: 0.5,
    EvidenceKind.NUMBER: 1.0,
}
# A shared name: its weight, the folded prefix it is compared on, the shortest name counted.
NAME_WEIGHT = 1.0
NAME_PREFIX = 5
MIN_NAME = 4
# Shared evidence is weighted by rarity across the documents of the run: 1 for a feature only
# the two documents hold, near 0 for one all hold. A pair needs MIN_SCORE and a linked pair of
# passages, or SURE_SCORE; documents that date their events to different days or months need
# CONFLICT_FACTOR times as much. Two texts that merely mention Paris and Moscow share little.
MIN_SCORE = 2.0
SURE_SCORE = 2.8
# The summed scores of the comparable links a pair needs below SURE_SCORE.
MIN_LINKED = 0.3
CONFLICT_FACTOR = 1.5
# Beyond this many sentences (the shorter document), what two documents share by chance grows:
# the evidence needed is multiplied by sqrt(sentences / LENGTH_SCALE).
LENGTH_SCALE = 10
# A pair is a candidate only among the this many best-sharing of both its documents (each
# French and each English document is aligned with a few others at most), and a feature held
# by more documents than MAX_POSTINGS is not looked up: the work grows with the documents, not
# with their square. On the development events a document shares events with 1-4 others.
MAX_CANDIDATES = 6
MAX_POSTINGS = 100
# A feature more than this share of the documents hold is not looked up, in collections of
# more than COMMON_MIN documents (in a handful, every document may report the one event).
COMMON_SHARE = 0.5
COMMON_MIN = 10
# At most this many pieces of evidence are shown with a document pair.
MAX_EVIDENCE = 8

# --- parallel or comparable
# A translation: at least this share of the shorter side's sentences have a clear partner in
# order (each the other's most similar sentence near its proportional place, with at least
# this similarity). On the development data translations (news articles) give .45-.93, separate
# reports of one event .00-.36.
PARALLEL_CONFIDENT_SHARE = 0.4
CONFIDENT_SIMILARITY = 0.2
# The window around a sentence's proportional place: this many sentences, or this share of the
# longer side.
CONFIDENT_WINDOW = 3
CONFIDENT_WINDOW_SHARE = 0.05
# Word stems compared: the first letters of words at least this long (président/president).
CONFIDENT_PREFIX = 5
# Texts with nothing in common are parallel only up to this many sentences, as many per side.
TINY_TEXT = 3
# From this many sentences a side, the line fit of shared anchors may also tell a translation
# (literary translations with little shared vocabulary per sentence).
LONG_TEXT = 40
# Translations keep the length of their source within these ratios (characters, sentences).
PARALLEL_CHARS = (0.6, 1.7)
PARALLEL_SENTENCES = (0.5, 2.0)
# Beyond these, two texts cannot be a document and its translation.
WILD_CHARS = (0.4, 2.5)
WILD_SENTENCES = (0.33, 3.0)
# The line fit needs this many shared anchors, and this share of them on the line.
MIN_ANCHORS = 4
PARALLEL_ANCHOR_SHARE = 0.5
# A translation keeps each anchor within 2% of its relative place (or within 1.5 sentences).
DIAGONAL_TOLERANCE = 0.02
DIAGONAL_SENTENCES = 1.5
# The robust line fit samples at most this many points (it is quadratic in them).
MAX_FIT_POINTS = 150
