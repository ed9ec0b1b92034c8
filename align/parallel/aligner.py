"""Parallel sentence alignment: a banded dynamic programme over beads, in two passes.

Pass one aligns inside a band drawn through anchors (numbers, names and cognates found once on each
side) with length, anchors, cognates and punctuation as evidence. A bilingual lexicon is then learnt
from its confident 1-1 links, and pass two realigns in a narrow band around the first path with the
lexicon added, as hunalign's realign pass does.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Sequence

from align.links import Evidence, EvidenceKind, Link
from align.parallel.band import anchor_pairs, band_from_anchors, band_from_path
from align.parallel.dp import (
    Bead,
    BeadInputs,
    DPStats,
    best_path,
    group_unions,
)
from align.parallel.features import KeyKind, KeyTable, SentenceFeatures, sentence_features
from align.parallel.length import LengthModel, cumulative, fitted
from align.parallel.lexicon import learn_lexicon
from align.parallel.weights import EVIDENCE_MIN_WEIGHT, ParallelSettings
from glossary.lang import Lang
from glossary.translit import match_key


def align_parallel(
    fr: Sequence[str],
    en: Sequence[str],
    *,
    fr_paragraphs: Sequence[int] | None = None,
    en_paragraphs: Sequence[int] | None = None,
    name_key: Callable[[str], str] | None = match_key,
    settings: ParallelSettings | None = None,
    stats: DPStats | None = None,
) -> list[Link]:
    """Align a text with its translation; links cover every sentence once, in document order.

    `fr_paragraphs[i]` is the paragraph of French sentence i (likewise for English); `name_key`
    maps transliteration variants of a name to one key (glossary.translit.match_key, the default;
    None compares spellings).
    """
    cfg = settings or ParallelSettings()
    n, m = len(fr), len(en)
    if not n or not m:
        no_english, no_french = Evidence(EvidenceKind.NO_ENGLISH), Evidence(EvidenceKind.NO_FRENCH)
        return [Link((i,), (), 1.0, (no_english,)) for i in range(n)] + [
            Link((), (j,), 1.0, (no_french,)) for j in range(m)
        ]
    # The aligner allocates many small sets and no cycles; the cyclic collector would rescan them
    # all again and again, making a long book cost more per sentence than a short one.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _align(fr, en, fr_paragraphs, en_paragraphs, name_key, cfg, stats)
    finally:
        if collecting:
            gc.enable()


def _align(
    fr: Sequence[str],
    en: Sequence[str],
    fr_paragraphs: Sequence[int] | None,
    en_paragraphs: Sequence[int] | None,
    name_key: Callable[[str], str] | None,
    cfg: ParallelSettings,
    stats: DPStats | None,
) -> list[Link]:
    n, m = len(fr), len(en)
    table = KeyTable()
    fr_feat = sentence_features(fr, table, name_key, Lang.FR)
    en_feat = sentence_features(en, table, name_key, Lang.EN)
    fr_keys = [f.keys for f in fr_feat]
    en_keys = [e.keys for e in en_feat]
    table.set_weights(fr_keys, en_keys)

    anchors = anchor_pairs(fr_feat, en_feat, table.names)
    band = band_from_anchors(
        anchors, [f.length for f in fr_feat], [e.length for e in en_feat], cfg.first_band
    )
    length = fitted(
        [f.length for f in fr_feat], [e.length for e in en_feat], cfg.length_variance, anchors
    )
    inputs = _inputs(
        fr_feat, en_feat, fr_keys, en_keys, table, fr_paragraphs, en_paragraphs, length, cfg
    )
    first = best_path(inputs, band, stats, cfg.first_shapes)

    path = first
    for _ in range(cfg.realign_passes):
        lexicon = learn_lexicon(
            (
                (fr_feat[b.i0].words, en_feat[b.j0].words)
                for b in path
                if b.i1 - b.i0 == 1 and b.j1 - b.j0 == 1 and b.match >= cfg.lexicon_min_match
            ),
            cfg.lexicon_min_dice,
        )
        fr_keys, en_keys = _with_lexicon(fr_feat, en_feat, lexicon, table)
        table.set_weights(fr_keys, en_keys)
        del inputs  # the previous pass's group unions are the bulk of the memory
        inputs = _inputs(
            fr_feat, en_feat, fr_keys, en_keys, table, fr_paragraphs, en_paragraphs, length, cfg
        )
        states = [(b.i0, b.j0) for b in path] + [(n, m)]
        path = best_path(inputs, band_from_path(states, n, m, cfg.second_band), stats)
    return [_link(b, inputs, table, cfg) for b in path]


def _inputs(
    fr_feat: Sequence[SentenceFeatures],
    en_feat: Sequence[SentenceFeatures],
    fr_keys: Sequence[frozenset[int]],
    en_keys: Sequence[frozenset[int]],
    table: KeyTable,
    fr_paragraphs: Sequence[int] | None,
    en_paragraphs: Sequence[int] | None,
    length: LengthModel,
    cfg: ParallelSettings,
) -> BeadInputs:
    fr_len = [f.length for f in fr_feat]
    en_len = [e.length for e in en_feat]
    return BeadInputs(
        fr_cum=cumulative(fr_len),
        en_cum=cumulative(en_len),
        fr_groups=group_unions(fr_keys),
        en_groups=group_unions(en_keys),
        fr_numbers=group_unions([f.numbers for f in fr_feat]),
        en_numbers=group_unions([e.numbers for e in en_feat]),
        fr_para_start=_paragraph_starts(fr_paragraphs, len(fr_feat)),
        en_para_start=_paragraph_starts(en_paragraphs, len(en_feat)),
        weights=table.weights,
        length=length,
        scoring=cfg.scoring,
    )


def _with_lexicon(
    fr_feat: Sequence[SentenceFeatures],
    en_feat: Sequence[SentenceFeatures],
    lexicon: dict[str, tuple[str, ...]],
    table: KeyTable,
) -> tuple[list[frozenset[int]], list[frozenset[int]]]:
    """Keys of each sentence plus a word key for each English word the lexicon links across."""
    targets = {e for translations in lexicon.values() for e in translations}
    word_key = {e: table.intern((KeyKind.WORD, e)) for e in sorted(targets)}
    fr_keys = []
    for f in fr_feat:
        extra = {word_key[e] for w in f.words for e in lexicon.get(w, ())}
        fr_keys.append(f.keys | extra if extra else f.keys)
    en_keys = []
    for e in en_feat:
        extra = {word_key[w] for w in e.words if w in word_key}
        en_keys.append(e.keys | extra if extra else e.keys)
    return fr_keys, en_keys


def _paragraph_starts(paragraphs: Sequence[int] | None, count: int) -> list[bool]:
    if paragraphs is None:
        return [False] * (count + 1)
    if len(paragraphs) != count:
        raise ValueError(f"{len(paragraphs)} paragraph numbers given for {count} sentences")
    return [False] + [paragraphs[i] != paragraphs[i - 1] for i in range(1, count)] + [False]


def _link(bead: Bead, inputs: BeadInputs, table: KeyTable, cfg: ParallelSettings) -> Link:
    fr_ids = tuple(range(bead.i0, bead.i1))
    en_ids = tuple(range(bead.j0, bead.j1))
    if not fr_ids or not en_ids:
        return Link(
            fr_ids, en_ids, round(cfg.null_score, 4), (Evidence(EvidenceKind.NO_COUNTERPART),)
        )
    w = table.weights
    fr_group = inputs.fr_groups[len(fr_ids) - 1][bead.i1]
    en_group = inputs.en_groups[len(en_ids) - 1][bead.j1]
    shared = fr_group & en_group
    # Share of the evidence on both sides that found its counterpart, then the length model.
    available = sum(w[k] for k in fr_group) + sum(w[k] for k in en_group)
    coverage = 2 * bead.match / available if available else 0.0
    length_cost = inputs.length.cost(
        inputs.fr_cum[bead.i1] - inputs.fr_cum[bead.i0],
        inputs.en_cum[bead.j1] - inputs.en_cum[bead.j0],
    )
    logit = cfg.score_coverage * coverage - cfg.score_length * length_cost + cfg.score_offset
    score = 1 / (1 + math.exp(-max(-50.0, min(50.0, logit))))
    evidence = (*_strongest(shared, table), Evidence(EvidenceKind.LENGTH))
    return Link(fr_ids, en_ids, round(score, 4), evidence)


def _strongest(shared: frozenset[int], table: KeyTable, limit: int = 3) -> list[Evidence]:
    """Evidence for the heaviest shared keys, one per word ('name emma', not 'cognate emma' too)."""
    shown: list[str] = []
    out = []
    for k in sorted(shared, key=lambda k: (-table.weights[k], table.names[k])):
        value = table.names[k][1]
        if table.weights[k] < EVIDENCE_MIN_WEIGHT:
            break
        if any(seen.startswith(value) or value.startswith(seen) for seen in shown):
            continue
        shown.append(value)
        out.append(table.describe(k))
        if len(out) == limit:
            break
    return out
