"""Scored same-entity decision for two name forms: transliteration keys, exonyms, fuzzy spelling."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from glossary.exonyms import lookup
from glossary.text import fold_words, is_particle
from glossary.translit import given_name, match_key
from glossary.weights import (
    GIVEN_MIN,
    LENGTH_RATIO,
    ONE_SLIP_LENGTH,
    SHORT_FACTOR,
    TWO_SLIPS_LENGTH,
)

# Dutch romanisation (image captions: Chroestsjev, Joeri), folded to the French/English letters.
_DUTCH = {"tsj": "tch", "sj": "ch", "oe": "ou", "ch": "kh", "j": "y"}
_DUTCH_RE = re.compile("|".join(sorted(_DUTCH, key=len, reverse=True)))


@dataclass(frozen=True)
class NameParts:
    """A form cut into name words (particles left out), each with its key and folded spelling."""

    keys: tuple[str, ...]
    folds: tuple[str, ...]
    concept: str | None
    given: str | None = None


def _surname_first(form: str) -> bool:
    """A surname and a hyphenated given name whose second syllable is in lower case, as Chinese
    and Korean names are romanised (Chen Shui-bian, Ban Ki-moon): the surname comes first."""
    words = form.split()
    if len(words) != 2 or not words[0][:1].isupper() or words[1].count("-") != 1:
        return False
    head, tail = words[1].split("-")
    return head[:1].isupper() and head.isalpha() and tail.isalpha() and tail.islower()


# Capitals with dots (U.E, U.N., O.N.U.): an acronym, the same as its letters run together.
_DOTTED = re.compile(r"(?:[^\W\d_a-z]\.)+[^\W\d_a-z]?\.?")


def _undotted(form: str) -> str:
    """U.E -> UE, U.N. -> UN; any other form as it is."""
    return form.replace(".", "") if _DOTTED.fullmatch(form) and form.count(".") else form


def _dutch(form: str) -> str:
    return _DUTCH_RE.sub(lambda m: _DUTCH[m.group()], fold_words(form))


@functools.lru_cache(maxsize=200_000)
def name_parts(form: str, lang: str = "") -> NameParts:
    """Name words of a form with their keys; lang 'nl' reads Dutch romanisation."""
    concept = lookup(form)
    letters = _undotted(form)
    if letters != form:
        # An acronym's letters run together, and they are no particle (L.A. is no "la").
        acronym = concept or lookup(letters)
        word = fold_words(letters)
        return NameParts((match_key(word),), (word,), acronym.concept_id if acronym else None)
    text = _dutch(form) if lang == "nl" else form
    words = [w for w in fold_words(text).split() if not is_particle(w)]
    if _surname_first(form):
        # Keys run given names first, surname last, whatever the order written.
        words = words[1:] + words[:1]
    # An edition's number is part of the name (Euro 2004 is not Euro 2012); fold_words drops it.
    # A year counts by its last two digits, as news writes it (JO-92, the 1992 Olympic Games).
    numbers = [n[-2:] if len(n) == 4 else n for n in re.findall(r"\d+", form)]
    keys = tuple(match_key(w) for w in words) + tuple(numbers)
    words += numbers
    known = given_name(words[0]) if len(words) >= 2 else None
    return NameParts(
        keys,
        tuple(words),
        concept.concept_id if concept else None,
        known.cyrillic if known else None,
    )


def word_similarity(a_key: str, b_key: str, a_fold: str, b_fold: str) -> float:
    """1 for the same key; 0.95 or 0.9 for one or two slips (Bartoux, Marco); lower otherwise."""
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    if a_key == b_key:
        return 1.0
    if not a_key or not b_key or a_key[0] != b_key[0]:
        return 0.0  # Omsk/Tomsk: a different first sound is a different name
    shorter, longer = sorted((len(a_fold), len(b_fold)))
    if shorter / longer < LENGTH_RATIO:
        return 0.0  # Lenin/Leningrad
    slips = min(Levenshtein.distance(a_key, b_key), Levenshtein.distance(a_fold, b_fold))
    if slips == 1 and longer >= ONE_SLIP_LENGTH:
        return 0.95
    if slips == 2 and longer >= TWO_SLIPS_LENGTH:
        return 0.9
    # Past two slips it is another name, however alike it looks; keep a graded score for callers.
    return JaroWinkler.similarity(a_key, b_key) * 0.8


def _subsequence(short: NameParts, long: NameParts) -> bool:
    it = iter(long.keys)
    return all(any(k == other for other in it) for k in short.keys)


def parts_similarity(a: NameParts, b: NameParts) -> float:
    """Same as name_similarity, on parts already cut (the clusterer reuses them)."""
    if a.concept or b.concept:
        if a.concept == b.concept:
            return 1.0
        if a.concept and b.concept:
            return 0.0
    if not a.keys or not b.keys:
        return 0.0
    if a.keys == b.keys:
        return 1.0
    short, long = sorted((a, b), key=lambda p: len(p.keys))
    if len(short.keys) == 1:
        best = word_similarity(short.keys[0], long.keys[-1], short.folds[0], long.folds[-1])
        return best if len(long.keys) == 1 else best * SHORT_FACTOR
    if len(short.keys) < len(long.keys) and _subsequence(short, long):
        return SHORT_FACTOR
    surname = word_similarity(a.keys[-1], b.keys[-1], a.folds[-1], b.folds[-1])
    given = word_similarity(a.keys[0], b.keys[0], a.folds[0], b.folds[0])
    if a.given and b.given and a.given != b.given:
        given = 0.0  # two known given names: Aleksandr and Aleksey are two people
    if len(a.folds[0]) == 1 or len(b.folds[0]) == 1:
        given = 1.0 if a.folds[0][0] == b.folds[0][0] else 0.0  # an initial: D. Eisenhower
    if given < GIVEN_MIN:
        return min(surname, given) * 0.5
    score = min(surname, given)
    return score if len(a.keys) == len(b.keys) else score * SHORT_FACTOR


def name_similarity(a: str, b: str, lang_a: str = "", lang_b: str = "") -> float:
    """Score in [0, 1] that two forms name the same entity (>= SAME_ENTITY: same)."""
    return parts_similarity(name_parts(a, lang_a), name_parts(b, lang_b))


def skeleton(key: str) -> str:
    """Consonant skeleton of a key, for blocking misspellings (bartu, bartuks -> brt)."""
    consonants = re.sub(r"[aeiouy\s]", "", key)
    return re.sub(r"(.)\1+", r"\1", consonants)[:3]
