"""Per-sentence features for alignment: length, normalised words and interned match keys."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from align.anchors import numbers as read_numbers
from align.links import Evidence, EvidenceKind
from align.parallel.weights import KIND_BOOST, MIN_COGNATE
from glossary.lang import Lang
from glossary.text import fold

_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")
_DIGITS = re.compile(r"\d")
# Opening quotes and dialogue dashes mark speech in both languages, though not with the same signs.
_SPEECH = re.compile(r"[«»“”\"„]|^\s*(?:--|—|–|')|\s'|'\s*$")


class KeyKind(StrEnum):
    """What a sentence shares with a sentence of the other side (values are short: keys abound)."""

    NUMBER = "n"
    NAME = "p"
    COGNATE = "c"
    WORD = "w"  # a word the learnt lexicon links across
    PUNCTUATION = "q"

    @property
    def evidence(self) -> EvidenceKind:
        """The kind of evidence a shared key of this kind is."""
        return _EVIDENCE[self]


_EVIDENCE = {
    KeyKind.NUMBER: EvidenceKind.NUMBER,
    KeyKind.NAME: EvidenceKind.NAME,
    KeyKind.COGNATE: EvidenceKind.COGNATE,
    KeyKind.WORD: EvidenceKind.WORD,
    KeyKind.PUNCTUATION: EvidenceKind.PUNCTUATION,
}
# A key: its kind and its text (a number's value, a name's match key, a cognate's first letters).
Key = tuple[KeyKind, str]


class KeyTable:
    """Interns keys as small ints for both sides of one alignment, with their weights."""

    def __init__(self) -> None:
        self.ids: dict[Key, int] = {}
        self.names: list[Key] = []
        self.weights: list[float] = []
        # How each side first wrote a name key, to show it as a person reads it.
        self.forms: dict[tuple[int, str], str] = {}

    def intern(self, key: Key) -> int:
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
            weights.append(max(idf, 0.05) * KIND_BOOST[name[0].evidence])
        self.weights = weights

    def describe(self, key: int) -> Evidence:
        """The evidence a shared key is: number 1935, name Ouchakov = Ushakov, name Paris."""
        kind, text = self.names[key]
        fr, en = self.forms.get((key, Lang.FR)), self.forms.get((key, Lang.EN))
        if kind is KeyKind.NAME and fr and en:
            return Evidence(kind.evidence, en if fold(fr) == fold(en) else f"{fr} = {en}")
        return Evidence(kind.evidence, text)


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
    lang: str,
) -> list[SentenceFeatures]:
    """Features of each sentence in `lang`; keys are shared through `table` with the other side.

    Numbers are read as `align.anchors` reads them, so "1 000" and "1,000" are one number.
    """
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
                continue  # numbers are read whole below: "1 000" is one number, not two
            if len(folded) >= MIN_COGNATE:
                keys.add(table.intern((KeyKind.COGNATE, folded[:MIN_COGNATE])))
            if raw[0].isupper() and len(raw) > 1:
                name = name_cache.get(raw)
                if name is None:
                    name = name_cache[raw] = fold(name_key(raw) if name_key else raw)
                name_id = table.intern((KeyKind.NAME, name))
                table.forms.setdefault((name_id, lang), raw)
                keys.add(name_id)
        for value in read_numbers(text, lang):
            number = table.intern((KeyKind.NUMBER, value))
            keys.add(number)
            numbers.add(number)
        for mark in "?!:;":
            if mark in text:
                keys.add(table.intern((KeyKind.PUNCTUATION, mark)))
        if _SPEECH.search(text):
            keys.add(table.intern((KeyKind.PUNCTUATION, "speech")))
        out.append(
            SentenceFeatures(len(text.strip()), tuple(words), frozenset(keys), frozenset(numbers))
        )
    return out
