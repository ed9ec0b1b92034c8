"""Clear French and clear English: a cheap first stage before lingua.

Most lines of a French or English document leave no doubt: "Le conseiller a reçu le ministre
dans son bureau" is French by its grammar alone. Asking lingua about such a line costs its full
models (seconds to load, hundreds of MB) and most of `check`'s time. This stage decides a chunk
only when its function words settle it, and sends every other chunk to lingua:
- at least CLEAR_MIN_WORDS function words of one language (align.text.context's lists, which
  leave out the words both languages use), making up at least CLEAR_SHARE of the chunk's words
  outside names (names are runs of capitalised words: language-neutral, "Sergueï Lavrof");
- the other language's function words at most a CLEAR_OTHER_RATIO of those;
- no frequent function word of another language of the restricted set (Spanish "el", "los",
  Italian "della", German "und", Dutch "het"...): French shares "de", "la", "que" with them;
- no letter outside French and English spelling (ñ, ã, ß, ł, Cyrillic, Greek...).
Anything short, name-heavy, mixed or foreign-looking goes to lingua as before: this stage never
guesses, it only spares lingua the lines that are obvious.
"""

from __future__ import annotations

import itertools
import operator
import re

from align.text.context import FUNCTION_WORDS
from glossary.model import Lang

CLEAR_MIN_WORDS = 3
CLEAR_SHARE = 0.3
CLEAR_OTHER_RATIO = 0.25


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent function words of the other Latin-script languages of the restricted set that are no
# word of French or English: one of them sends a chunk to lingua.
FOREIGN_FUNCTION_WORDS: frozenset[str] = _words(
    # Spanish
    "el los las del con por una es hay muy pero para como más está están fue fueron sus también "
    "esta este entre hasta desde sobre cuando porque según "
    # Italian
    "di della delle dei degli gli che nel nella alla alle sono è uno anche stato hanno "
    "questo questa dal dalla "
    # Portuguese
    "do da dos das em com não uma um os pelo pela foi são ao também isso muito "
    # German
    "der das und ist nicht von zu ein eine auf für dem sich auch wird wurde werden ich "
    "sie wir aber oder nach bei aus "
    # Dutch
    "het een van niet zijn ook op voor dat wordt werd maar bij naar uit hij zij wij "
    # Polish, Czech
    "nie się na że w z je se jsou ale jak po od przez oraz być był "
    # Romanian
    "și în este cu pe sunt mai fost pentru acest această "
    # Swedish
    "och att det är som på av för med inte har om ett"
)

# Letters French and English write (lower case); any other letter sends a chunk to lingua.
_OTHER_LETTER = re.compile(r"[^\W\d_a-zàâäçéèêëîïôöùûüÿœæ]")
_TOKEN = re.compile(r"(?:qu|[cdjlmnst])['’](?=[^\W\d_])|[^\W\d_]+")
# "à" is French only, but align.text.context leaves it out of its list, where it would change
# which language a document is; here it is one more French word.
FR_WORDS = FUNCTION_WORDS[Lang.FR] | {"à"}


def clear_language(text: str) -> Lang | None:
    """French or English when the chunk's function words leave no doubt, else None."""
    lower = text.lower()
    if _OTHER_LETTER.search(lower):
        return None
    fr, en, other_words, content = _counts(text, lower)
    if other_words:
        return None
    best, own, other = (Lang.FR, fr, en) if fr >= en else (Lang.EN, en, fr)
    if own < CLEAR_MIN_WORDS or own < CLEAR_SHARE * (own + other + content):
        return None
    if other > CLEAR_OTHER_RATIO * own:
        return None
    return best


def supported(text: str, lang: Lang) -> bool:
    """Whether the chunk's function words back `lang` (French or English): at least one of its
    own, no more of the other's. lingua's fast models take "Le conseiller Iouriy Ouchakov a
    reçu Steve Witkof" for English (names outweigh two short words for trigrams), and a bare
    name ("Ruptly") for whatever its letters suggest: neither is backed."""
    fr, en, foreign_words, _ = _counts(text, text.lower())
    own, other = (fr, en) if lang is Lang.FR else (en, fr)
    return own >= 1 and other <= own and foreign_words <= own


def backed_alone(text: str, lang: Lang) -> bool:
    """Whether the chunk's function words back `lang` (as `supported`) and no other
    language's appear: "The adviser Yuri Ushakov met Sergei Lavrov in Moscow", which lingua's
    fast models read as Dutch on the letters of "met" and the names."""
    fr, en, foreign_words, _ = _counts(text, text.lower())
    own, other = (fr, en) if lang is Lang.FR else (en, fr)
    return own >= 1 and other <= own and foreign_words == 0


def names_only(text: str, most: int = 1) -> bool:
    """Whether the chunk is names and at most `most` other words, all of French and English
    spelling, none a function word of another language: "Poor Alice", "cried Cunegund", "Maria
    Zakharova", "ISBN". Names are written alike in every language of the set, so their letters
    are no evidence of one; lingua reads them as Dutch, Czech or Portuguese as readily."""
    lower = text.lower()
    if _OTHER_LETTER.search(lower):
        return False
    tokens = _TOKEN.findall(text)
    if not tokens:
        return False
    own = [t for t in tokens if not t[0].isupper()]
    if len(own) > most:
        return False
    return not any(_WORD_LANGUAGE.get(t.lower().replace("’", "'")) == _FOREIGN for t in tokens)


def foreign(text: str) -> bool:
    """Whether the chunk's function words back a language other than French and English: at
    least one of another language of the set, and no more French or English ones."""
    fr, en, other, _ = _counts(text, text.lower())
    return other >= 1 and other >= max(fr, en)


# Each function word's language, French's and English's first where a word is also another's
# ("je", "entre", "se", "do"): 0 French, 1 English, 2 another language.
_FRENCH, _ENGLISH, _FOREIGN = 0, 1, 2
_FIRST = operator.itemgetter(0)
_WORD_LANGUAGE: dict[str, int] = {
    **dict.fromkeys(FOREIGN_FUNCTION_WORDS, _FOREIGN),
    **dict.fromkeys(FUNCTION_WORDS[Lang.EN], _ENGLISH),
    **dict.fromkeys(FR_WORDS, _FRENCH),
}


def _counts(text: str, lower: str) -> tuple[int, int, int, int]:
    """Function words of French, of English and of the other languages, and the other words
    outside names."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return 0, 0, 0, 0
    if len(lower) == len(text):
        # Lowered at once (no token holds a line break; lowering only Greek words depends on
        # their neighbours, and no Greek word is a function word of the lists).
        words = "\n".join(tokens).lower().replace("’", "'").split("\n")
    else:  # a letter that lowers to two: the words at the text's offsets in `lower`, as ever
        words = [lower[m.start() : m.end()].replace("’", "'") for m in _TOKEN.finditer(text)]
    codes = list(map(_WORD_LANGUAGE.get, words))
    # Content words: those of no list, less the capitalised ones (names).
    capitals = itertools.compress(itertools.count(), map(str.isupper, map(_FIRST, tokens)))
    content = codes.count(None) - sum(codes[i] is None for i in capitals)
    return codes.count(_FRENCH), codes.count(_ENGLISH), codes.count(_FOREIGN), content
