"""Repeated passages: find exact and near copies of segments, keep the first, set the rest aside."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Sequence

from align.model import UND, Location, Segment

# Two segments of this similarity (rapidfuzz ratio, 0-100, on their normalised words) are the
# same passage: the seeds' copies differ by a quote mark, an emoji or a dropped word.
NEAR_RATIO = 95.0
# Below this many characters of normalised words only exact repeats count: short lines such
# as "Full list" or "Johannesburg, 20 février" are too alike by chance to be called near.
MIN_NEAR_CHARS = 100
# Candidates for a near match share one of the few smallest hashed word 4-grams (min-hashing),
# which avoids comparing every pair of segments.
_SHINGLE = 4
_NUMBER = re.compile(r"\d+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_SKETCH = 4


def mark_repeats(segments: Sequence[Segment]) -> list[Segment]:
    """Mark exact and near-duplicate copies; each copy says where the kept original is.

    Pass the segments of several documents to find repeats across them; order decides which
    copy is kept. `und` segments (noise) are left alone.
    """
    keys = [normalise(seg.text) if seg.lang != UND else "" for seg in segments]
    original_of: dict[int, int] = {}
    first_by_key: dict[tuple[str, str], int] = {}
    buckets: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, (seg, key) in enumerate(zip(segments, keys, strict=True)):
        if not key:
            continue
        exact = first_by_key.get((seg.lang, key))
        sketch = _sketch(key) if exact is None and len(key) >= MIN_NEAR_CHARS else []
        if sketch:
            exact = _near(seg.lang, key, sketch, keys, buckets)
        if exact is not None:
            original_of[i] = original_of.get(exact, exact)
            continue
        first_by_key[(seg.lang, key)] = i
        for h in sketch:
            buckets[(seg.lang, h)].append(i)
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        if i in original_of:
            first = segments[original_of[i]]
            out.append(
                dataclasses.replace(
                    seg, duplicate=True, original=Location(first.source, first.span)
                )
            )
        else:
            out.append(seg)
    return out


def normalise(text: str) -> str:
    """Lower-case words and numbers only: quotes, dashes, emoji and spacing do not count."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # One pattern, not a test per character: [\W_] is exactly what str.isalnum refuses.
    return _NOT_ALNUM.sub(" ", text).strip()


def _sketch(key: str) -> list[int]:
    """The smallest hashes of the key's word 4-grams (stable across runs: crc32)."""
    words = key.split()
    grams = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    return sorted(zlib.crc32(g.encode("utf-8")) for g in grams)[:_SKETCH]


def _near(
    lang: str,
    key: str,
    sketch: Sequence[int],
    keys: Sequence[str],
    buckets: dict[tuple[str, int], list[int]],
) -> int | None:
    """The earliest kept segment that is a near duplicate of the segment of `key` (whose
    sketch is `sketch`), if any."""
    from rapidfuzz import fuzz

    candidates = sorted({j for h in sketch for j in buckets.get((lang, h), ())})
    for j in candidates:
        other = keys[j]
        if min(len(key), len(other)) < 0.8 * max(len(key), len(other)):
            continue
        # A changed date or figure is a different fact, however similar the wording.
        if _NUMBER.findall(key) != _NUMBER.findall(other):
            continue
        if fuzz.ratio(key, other) >= NEAR_RATIO:
            return j
    return None
