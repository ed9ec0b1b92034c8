"""Whether a form is spelt as the same name as the one the glossary wants, or is another name.

The glossary's variants come from clustering, which can put a different name in an entity
(Lyons under Sean Lien, Euro beside Championnat européen). A finding says "spelling",
"transliteration" or "the other language's form": these tests check that the spelling shows it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from glossary.text import fold, fold_words, is_particle
from glossary.translit import GivenName, given_name, match_key
from glossary.weights import MAX_EDITS, SHORT_WORD

# A hyphen inside a word, before a lower-case letter: "Co-operation" is the word "cooperation"
# written with a hyphen, while "États-Unis" and "al-Qaeda" join two words of a name.
_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011](?=[^\W\d_])")
_JOINT = re.compile(r"([-\u2010\u2011]+|\s+)")
# A word of a description: lower case and long enough not to be a linking word (of, for, and).
_DESCRIPTIVE_LETTERS = 4


def spelled_alike(form: str, target: str) -> bool:
    """The same words written with a slip: accents, hyphens, spaces or one letter apart.

    "Etats-Unis"/"États-Unis", "Teheran"/"Tehran" are; "Great Britain"/"United Kingdom" and
    "État d'Israël"/"Israël" (another name, other words) are not.
    """
    from rapidfuzz.distance import Levenshtein

    a, b = fold_words(form).split(), fold_words(target).split()
    if not a or not b:
        return False
    joined_a, joined_b = "".join(a), "".join(b)
    if joined_a == joined_b:
        return True
    if len(a) != len(b):
        return False
    budget = 1 if len(joined_b) <= SHORT_WORD else MAX_EDITS - 1
    return Levenshtein.distance(joined_a, joined_b, score_cutoff=budget) <= budget


def spelt_like(form: str, target: str) -> bool:
    """Whether `form` is `target` with slips or in another romanisation, word for word.

    Only the words that differ count: together at most one edit in a name of up to SHORT_WORD
    letters and MAX_EDITS in a longer one, none more than half its own letters, and each keeps
    its first letter or its transliteration key's: "Bartoux" is Barthou, "Mark Rubio" Marco
    Rubio, "Ouchakov" Ushakov (the same key); "Lyons" is not Lien, "Floride" is not Florida
    Panthers, and words a name shares with another ("Comité", "National") do not make it the
    same name. A form with a word more or less is a shorter or longer name, not a spelling,
    unless only spaces, hyphens ("États Unis", "al Qaeda") or initials ("Dwight Eisenhower")
    differ.
    """
    from rapidfuzz.distance import Levenshtein

    a, b = fold_words(form).split(), fold_words(target).split()
    if not a or not b:
        return False
    if "".join(a) == "".join(b):
        return True
    if len(a) != len(b):
        # A middle initial more or less is the same name ("Dwight D. Eisenhower").
        a, b = [w for w in a if len(w) > 1], [w for w in b if len(w) > 1]
        if len(a) != len(b) or len(a) < 2:
            return False
    budget = 1 if len("".join(b)) <= SHORT_WORD else MAX_EDITS
    for x, y in zip(a, b, strict=True):
        if x == y or match_key(x) == match_key(y):
            continue  # the same word, or another romanisation of it: Ouchakov, Ushakov
        if x[0] != y[0] and match_key(x)[:1] != match_key(y)[:1]:
            return False
        edits = Levenshtein.distance(x, y, score_cutoff=budget + 1)
        if edits > budget or edits * 2 > min(len(x), len(y)):
            return False
        budget -= edits
    return True


def _name_words(form: str) -> list[tuple[str, str]]:
    """(joint before, word) pairs, in-word hyphens dropped ("Co-operation" is one word)."""
    joined = _HYPHEN.sub(lambda m: "" if m.string[m.end()].islower() else m.group(), form.strip())
    result = []
    joint = ""
    for piece in _JOINT.split(joined):
        if _JOINT.fullmatch(piece):
            joint = " " if piece.isspace() else "-"
        elif piece:
            result.append((joint, piece))
            joint = ""
    return result


def convention_only(form: str, target: str) -> bool:
    """Whether the two forms differ only in the common words a name is built with.

    A hyphen inside an ordinary word (Co-operation/Cooperation) or a lower-case word that is no
    particle (the adjective of "Ministère du pétrole irakien/iraquien") is a spelling convention
    of the language, not of the name; capitalised words, particles, and the spaces or hyphens
    between words (États Unis, Maison Blanche, al Qaeda) are the name's own.
    """
    a, b = _name_words(form), _name_words(target)
    if len(a) != len(b):
        return False
    for (joint_a, word_a), (joint_b, word_b) in zip(a, b, strict=True):
        if joint_a != joint_b:
            return False
        if word_a != word_b and not (_common(word_a) and _common(word_b)):
            return False
    return True


def _common(word: str) -> bool:
    return word[:1].islower() and not is_particle(fold(word))


def is_description(form: str) -> bool:
    """A name made of common words ("Championnat européen", "Ministère du pétrole iraquien"):
    no capitalised word after the first, and a lower-case one that is neither a particle nor a
    linking word ("Organisation des Nations unies" names the Nations: not a description)."""
    words = form.split()[1:]
    if any(word[:1].isupper() for word in words):
        return False
    return any(
        len(fold_words(word).replace(" ", "")) >= _DESCRIPTIVE_LETTERS
        and not is_particle(fold(word))
        for word in words
    )


def same_name(form: str, names: Iterable[str]) -> bool:
    """Whether `form` is one of `names` in the other language: spelt or romanised alike
    (Baghdad/Bagdad, Putin/Poutine), or any two proper names (Beijing/Pékin).

    A description (Championnat européen) that the other language names otherwise (Euro) has
    other words, not another spelling: a text may use either name.
    """
    return any(not is_description(name) or spelt_like(form, name) for name in names)


def translated_given_name(form: str, target: str) -> bool:
    """Whether `form` differs from `target` only by a Russian given name written as its
    equivalent in another language (Peter for Pyotr, Nicolas for Nikolai, Alexis for Alexei),
    which no romanisation gives: a person of that name is not to be romanised."""
    a, b = fold_words(form).split(), fold_words(target).split()
    if len(a) != len(b) or a == b:
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        name = given_name(x)
        if name is None or name != given_name(y) or not _equivalent(x, name):
            return False
    return True


def _equivalent(word: str, name: GivenName) -> bool:
    return match_key(word) not in _romanised_keys(name)


@functools.cache
def _romanised_keys(name: GivenName) -> frozenset[str]:
    """Transliteration keys of every romanisation of a given name (iuliia's schemes) and of its
    usual English and French spellings."""
    import iuliia

    cyrillic = name.cyrillic.lower()
    spellings = {name.english, name.french}
    for scheme_name in iuliia.schemas.names():
        scheme = iuliia.schemas.get(scheme_name)
        if scheme is not None:
            spellings.add(scheme.translate(cyrillic))
    return frozenset(match_key(s) for s in spellings if s)
