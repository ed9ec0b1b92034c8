"""Per-sentence features for alignment: length, normalised words and interned match keys."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from align.parallel.weights import KIND_BOOST, MIN_COGNATE
from glossary.text import fold

_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")
_DIGITS = re.compile(r"\d")
# Opening quotes and dialogue dashes mark speech in both languages, though not with the same signs.
_SPEECH = re.compile(r"[«»“”\"„]|^\s*(?:--|—|–|')|\s'|'\s*$")

KIND_NAMES = {
    "n": "number",
    "p": "name",
    "c": "cognate",
    "w": "word",
    "q": "punctuation",
}


class KeyTable:
    """Interns string keys as small ints for both sides of one alignment, with their weights."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []
        self.weights: list[float] = []

    def intern(self, key: str) -> int:
        """Id of `key`, creating it when new."""
        found = self.ids.get(key)
        if found is None:
            found = len(self.names)
            self.ids[key] = found
            self.names.append(key)
        return found

    def set_weights(
        self, fr_keys: Sequence[frozenset[int]], en_keys: Sequence[frozenset[int]]
    ) -> None:
        """Weight each key by how unlikely it is to match by chance (min of the two sides' idf)."""
        df_fr = [0] * len(self.names)
        df_en = [0] * len(self.names)
        for keys in fr_keys:
            for k in keys:
                df_fr[k] += 1
        for keys in en_keys:
            for k in keys:
                df_en[k] += 1
        n_fr, n_en = len(fr_keys) + 1, len(en_keys) + 1
        weights = []
        for k, name in enumerate(self.names):
            if not df_fr[k] or not df_en[k]:
                weights.append(0.0)
                continue
            idf = min(math.log(n_fr / df_fr[k]), math.log(n_en / df_en[k]))
            weights.append(max(idf, 0.05) * KIND_BOOST[name[0]])
        self.weights = weights

    def describe(self, key: int) -> str:
        """Evidence text for a key, such as 'number 1935' or 'name ushakov'."""
        name = self.names[key]
        return f"{KIND_NAMES[name[0]]} {name[2:]}"


@dataclass(frozen=True)
class SentenceFeatures:
    """What the aligner knows about one sentence."""

    length: int
    words: tuple[str, ...]
    keys: frozenset[int]
    numbers: frozenset[int] = field(default=frozenset())


def sentence_features(
    sentences: Sequence[str],
    table: KeyTable,
    name_key: Callable[[str], str] | None,
) -> list[SentenceFeatures]:
    """Features of each sentence; keys are shared through `table` with the other side."""
    folded_cache: dict[str, str] = {}
    name_cache: dict[str, str] = {}
    out = []
    for text in sentences:
        raw_tokens = _TOKEN.findall(text)
        words = []
        keys: set[int] = set()
        numbers: set[int] = set()
        for raw in raw_tokens:
            folded = folded_cache.get(raw)
            if folded is None:
                folded = folded_cache[raw] = fold(raw)
            words.append(folded)
            if _DIGITS.match(raw):
                number = table.intern("n:" + raw.replace(",", "."))
                keys.add(number)
                numbers.add(number)
                continue
            if len(folded) >= MIN_COGNATE:
                keys.add(table.intern("c:" + folded[:MIN_COGNATE]))
            if raw[0].isupper() and len(raw) > 1:
                name = name_cache.get(raw)
                if name is None:
                    name = name_cache[raw] = fold(name_key(raw) if name_key else raw)
                keys.add(table.intern("p:" + name))
        for mark in "?!:;":
            if mark in text:
                keys.add(table.intern("q:" + mark))
        if _SPEECH.search(text):
            keys.add(table.intern("q:speech"))
        out.append(
            SentenceFeatures(len(text.strip()), tuple(words), frozenset(keys), frozenset(numbers))
        )
    return out
