"""Words of a passage as event pairing sees them: folded, stopwords out, and their cognates.

"hydroélectrique" ~ "hydroelectric" by orthographic similarity; a short lexicon covers the few key
terms of diplomatic history that share no spelling with their translation ("traité" = "treaty").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from align.anchors import calendar_words
from align.comparable.weights import (
    COGNATE_SIMILARITY,
    LOOSE_COVER,
    LOOSE_PREFIX,
    LOOSE_SIMILARITY,
    MIN_FUZZY,
    MIN_WORD,
)
from glossary.text import fold

_STOPWORDS = """
    dans avec pour sont leur leurs cette entre elle elles mais plus comme tout tous toute toutes
    aussi etre avoir fait etait ete deux trois sous sans vers chez dont ainsi alors apres avant
    depuis pendant tres bien encore meme autres autre celle celui ceux nous vous part selon lors
    puis donc quand peut sera ces qui que une des les aux par sur est ont pas ses son sur
    with that this from they their there these those have been were which while when where what
    also into over more most some such than then them only other about after before during
    between both each very will would could should being under upon since until the and for
"""
STOPWORDS = frozenset(_STOPWORDS.split())
# A word, or a name that carries a number after its letters (G7, G-7, MiG-29, A320): the
# number is part of what it names, so the two spellings of a hyphen make one key.
_WORD = re.compile(r"[^\W\d_]+(?:-?\d+(?![\d.,]\d))?(?![\w-]*\d)")


@dataclass(frozen=True)
class ContentWord:
    """A content word: its form, folded key, whether capitalised inside the sentence, offsets."""

    form: str
    key: str
    name: bool
    start: int
    end: int


def content_words(text: str, short: frozenset[str] = frozenset()) -> Iterable[ContentWord]:
    """The content words of `text`, in order; `short`: folded words kept though short (war)."""
    for position, match in enumerate(_WORD.finditer(text)):
        form = match.group()
        key = fold(form).replace("-", "")
        # Short words are function words, except acronyms (URSS, USSR, ONU).
        if len(key) < MIN_WORD and key not in short and not (form.isupper() and len(form) >= 2):
            continue
        if key in STOPWORDS:
            continue
        # A capital at the start of a sentence says nothing about being a name, nor a month's
        # or a weekday's (Octobre, Monday): they are dates, read as such by align.anchors.
        name = form[0].isupper() and position > 0 and key not in calendar_words()
        yield ContentWord(form, key, name, match.start(), match.end())


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """French and English month names, folded: dates, which `align.anchors` reads as such, so
    never a matched word as well (octobre = October would count the month twice)."""
    from babel.dates import get_month_names

    return frozenset(
        fold(name)
        for lang in ("fr", "en")
        for name in get_month_names("wide", locale=lang).values()
    )


class Likeness(StrEnum):
    """How alike two folded words are, when they are cognates."""

    CLOSE = "close"  # hydroélectrique/hydroelectric
    LOOSE = "loose"  # mutuelle/mutual


def cognates(a: str, b: str, similarity: float) -> Likeness | None:
    """How alike two folded words are, or None when they are not cognates."""
    if a == b:
        return Likeness.CLOSE
    # Short words are too easily alike by chance (homme/home, main/man): only identical ones count.
    if min(len(a), len(b)) < MIN_FUZZY:
        return None
    if similarity >= COGNATE_SIMILARITY:
        return Likeness.CLOSE
    # A looser likeness needs a shared start covering most of the shorter word (mutuelle/mutual),
    # not just its first letters (déclaration/decline).
    prefix = len(common_prefix(a, b))
    if (
        prefix >= LOOSE_PREFIX
        and prefix >= LOOSE_COVER * min(len(a), len(b))
        and similarity >= LOOSE_SIMILARITY
    ):
        return Likeness.LOOSE
    return None


def common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]
