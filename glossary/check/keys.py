"""Text keys for checking names: folding, comparison keys, tokens with offsets, blocking keys."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from glossary.text import APOSTROPHES, ELISIONS, fold
from glossary.weights import MIN_DELETION_WORD

# Letters and digits; apostrophes, hyphens, dots and spaces separate tokens.
WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one name: a space (or one line break of a hard-wrapped
# sentence), a hyphen, an apostrophe, a dot ("Dwight D. Eisenhower", "Jean-Noël", "Europe de
# l'Est"); a comma or a paragraph break may not.
_NAME_GAP = re.compile(r"[ \t\u00a0\u202f\-\u2010\u2011'\u2019.]{0,3}\n?[ \t\u00a0\u202f]{0,3}")
_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})


class Word(NamedTuple):
    """One word of a text: offsets into that text, and its accent- and case-free form.

    A named tuple rather than a dataclass: a text has many words and this is the hot path.
    """

    start: int
    end: int
    folded: str
    capital: bool
    upper: bool


def compare_key(text: str) -> str:
    """Key under which two spellings count as the same form: case, apostrophes and spaces aside,
    and a final full stop, which a text cannot tell from the sentence's own (U.S., Corp.)."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).translate(_DASHES)
    # Dots and spaces together: "0 ." would leave "0 " and not be its own key.
    return " ".join(unicodedata.normalize("NFC", text.casefold()).split()).rstrip(". ")


class Memo(dict[str, str]):
    """A word function with its results kept (words repeat); call it or index it."""

    def __init__(self, function: Callable[[str], str]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, word: str) -> str:
        value = self[word] = self._function(word)
        return value

    def __call__(self, word: str) -> str:
        return self[word]


def tokens(text: str, folder: Callable[[str], str] = fold) -> list[Word]:
    """The words of `text` with their offsets, folded form and whether they start with a capital."""
    return [
        Word(m.start(), m.end(), folder(word), word[0].isupper(), word.isupper())
        for m in WORD.finditer(text)
        if (word := m.group())
    ]


def joins_name(text: str, left: Word, right: Word) -> bool:
    """Whether `left` and `right` may be two words of the same name (only a short gap between).

    A full stop joins only after an initial ("Dwight D. Eisenhower"), never across sentences.
    """
    gap = _NAME_GAP.fullmatch(text, left.end, right.start)
    if gap is None or left.end == right.start:
        return False
    return "." not in gap.group() or left.end - left.start <= 2


def strip_elision(text: str) -> str:
    """The name without a leading elided article: "d'Ouchakov" -> "Ouchakov"."""
    head, sep, rest = text.translate(_APOSTROPHES).partition("'")
    if sep and rest and fold(head) in ELISIONS:
        return text[len(head) + 1 :]
    return text


def block_keys(word: str) -> set[str]:
    """Blocking keys of one word: itself and, if long enough, each form with one letter dropped.

    Two words one substitution, insertion or deletion apart share a key (SymSpell's idea), and
    so do many two-edit pairs ("bartoux" and "barthou" both give "bartou").
    """
    if len(word) < 3:
        return set()
    keys = {word}
    if len(word) >= MIN_DELETION_WORD:
        keys.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return keys
