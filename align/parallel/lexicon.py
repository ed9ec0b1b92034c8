"""A bilingual lexicon learnt by co-occurrence (Dice) from confident links, as hunalign does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from align.parallel.weights import MIN_DICE, MIN_PAIR_COUNT, TRANSLATIONS_PER_WORD


def learn_lexicon(
    pairs: Iterable[tuple[Sequence[str], Sequence[str]]],
    min_dice: float = MIN_DICE,
) -> dict[str, tuple[str, ...]]:
    """French word -> English words whose Dice coefficient over the given sentence pairs is high."""
    fr_ids: dict[str, int] = {}
    en_ids: dict[str, int] = {}
    pair_list = [
        (
            {fr_ids.setdefault(w, len(fr_ids)) for w in f},
            {en_ids.setdefault(w, len(en_ids)) for w in e},
        )
        for f, e in pairs
    ]
    fr_count: Counter[int] = Counter()
    en_count: Counter[int] = Counter()
    for f, e in pair_list:
        fr_count.update(f)
        en_count.update(e)
    # A word seen once cannot reach MIN_PAIR_COUNT, so skip it before the quadratic inner loop.
    # Pairs are counted as one int each (fr id * stride + en id): far less memory than tuples.
    stride = len(en_ids) + 1
    joint: Counter[int] = Counter()
    for f, e in pair_list:
        en_words = [b for b in e if en_count[b] >= MIN_PAIR_COUNT]
        for a in f:
            if fr_count[a] >= MIN_PAIR_COUNT:
                base = a * stride
                joint.update([base + b for b in en_words])
    fr_words = list(fr_ids)
    en_words_by_id = list(en_ids)
    scored: dict[str, list[tuple[float, str]]] = {}
    for pair, both in joint.items():
        if both < MIN_PAIR_COUNT:
            continue
        a, b = divmod(pair, stride)
        dice = 2 * both / (fr_count[a] + en_count[b])
        if dice >= min_dice:
            scored.setdefault(fr_words[a], []).append((dice, en_words_by_id[b]))
    return {
        a: tuple(b for _, b in sorted(cands, key=lambda c: (-c[0], c[1]))[:TRANSLATIONS_PER_WORD])
        for a, cands in sorted(scored.items())
    }
