"""Words for peoples and their members, which English capitalises and which are no names alone.

Demonyms made from a country's name come from `glossary.exonyms.demonym` (CLDR). This module
adds the forms its endings miss, still from CLDR's territory names in English and French:
continents (Asians, African), names clipped of their -ia / -ie / -e (Croat, Arabs, Palestiniens,
Syriens), English compounds in -man / -woman (Frenchman, Dutchwomen), and adherents of faiths
(data/not_names.tsv, why `people`: Sunni, Shia, Baptist).
"""

from __future__ import annotations

import functools

from glossary.exonyms import demonym, exonym_index
from glossary.mentions.cues import language_names
from glossary.text import fold_words, listed_words
from glossary.translit import given_name

# A stem shorter than this says nothing (Ind-, Syr-): too many words start so.
_SHORTEST_STEM = 4
# Endings of a people's word after the territory's name, longest first (Palestin-iens, Asia-n).
_ENDINGS = ("iennes", "ienne", "iens", "ians", "ien", "ian", "ns", "n", "s", "")
# What the territory's name adds to the stem (Croat-ia, Arab-ie, Palestin-e, Syrie-).
_NAME_ENDINGS = ("", "a", "e", "ia", "ie")
_COMPOUND = (("women", "plural"), ("woman", "singular"), ("men", "plural"), ("man", "singular"))


@functools.lru_cache(maxsize=1)
def territory_words() -> frozenset[str]:
    """Folded one-word territory names and first words of longer ones, English and French
    (CLDR: Croatia, Asie, Arabie from Arabie saoudite)."""
    from babel import Locale

    words: set[str] = set()
    for loc in ("en", "fr"):
        for name in Locale(loc).territories.values():
            first = fold_words(name).split()
            if first:
                words.add(first[0])
    return frozenset(words)


@functools.lru_cache(maxsize=100_000)
def people_word(word: str) -> str:
    """ "plural" or "singular" for a word naming a people or one of its members (Croats,
    Frenchman, Sunni), "" for anything else (Croatia, Christian, Kenan)."""
    found = demonym(word)
    folded = fold_words(word)
    if found or " " in folded or "-" in word:
        return found
    if exonym_index().lookup(word) is not None or given_name(word) is not None:
        return ""
    faiths = listed_words().get("people", frozenset())
    if folded in faiths:
        return "singular"
    if folded.endswith("s") and folded[:-1] in faiths:
        return "plural"
    for ending, number in _COMPOUND:
        stem = folded.removesuffix(ending)
        if stem != folded and (stem in language_names() or demonym(stem) == "singular"):
            return number  # Frenchman, Englishwomen, Albanianmen is no word: no harm
    plural = folded.endswith("s")
    for ending in _ENDINGS:
        if not folded.endswith(ending):
            continue
        base = folded[: len(folded) - len(ending)]
        if len(base) < _SHORTEST_STEM:
            continue
        for name_ending in _NAME_ENDINGS:
            if ending in ("", "s") and not name_ending:
                continue  # the name itself, or with an s (Frances): not its people
            if base + name_ending in territory_words():
                return "plural" if plural else "singular"
    return ""
