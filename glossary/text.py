"""How French and English write names, in one place: the one fold every comparison uses, the
lower-case particles and articles that stand inside names, French elisions, titles, and ids.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

# Letters with no decomposition, spelled out as a French or English reader would.
_LIGATURES = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i"}
)
CYRILLIC = "\u0400-\u04ff"  # the Cyrillic block, as a character range for patterns
_CYRILLIC_RUN = re.compile(f"([{CYRILLIC}]+)")
_WORD = re.compile(r"[^\W\d_]+")

# Lower-case words that stand inside a name without ending it: Charles de Gaulle, Ludwig van
# Beethoven, Mohammed bin Salman, Bachar al-Assad.
PARTICLES = frozenset(
    {"de", "du", "des", "d", "von", "van", "der", "den", "bin", "ben", "ibn", "al", "el"}
    # Portuguese, Spanish and Italian: Ronaldo da Costa, Luiz Inácio Lula da Silva, Leonardo di
    # Caprio, Juan del Castillo, José dos Santos.
    | {"da", "dos", "di", "del", "della"}
)
# French articles that stand inside a name after a particle: Europe de l'Est, Place de la Concorde.
ARTICLES = frozenset({"la", "le", "l"})
# French words elided before a vowel: l'URSS, d'Ouchakov, qu'Ignatiev, jusqu'à Moscou.
ELISIONS = frozenset({"l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})
# The apostrophes French and English texts use: typewriter, typographic, the modifier letter and
# the backtick of careless typing.
APOSTROPHES = "'\u2019\u2018\u02bc`"
# Abbreviated titles: they always precede a name, so their period never ends a sentence.
TITLE_ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "mgr",
        "dr",
        "pr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "gen",
        "col",
        "lt",
        "capt",
        "sgt",
        "adm",
        "gov",
        "sen",
    ]
)


@functools.lru_cache(maxsize=400_000)
def fold(text: str) -> str:
    """Case-, accent- and ligature-free form: 'Sergueï' -> 'serguei', 'Œuvre' -> 'oeuvre'.

    Cyrillic keeps its letters whole (й is not и): transliteration reads them.
    """
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    pieces = _CYRILLIC_RUN.split(lowered)
    # Odd pieces are the Cyrillic runs the split captured; only the others lose their marks.
    return "".join(piece if i % 2 else _strip_marks(piece) for i, piece in enumerate(pieces))


# Cached as `fold` is: the name finder folds each word of the corpus many times over.
@functools.lru_cache(maxsize=400_000)
def fold_words(text: str) -> str:
    """The fold, word by word: 'Jean-Noël d'Arc' -> 'jean noel d arc', to compare forms exactly."""
    return " ".join(_WORD.findall(fold(unicodedata.normalize("NFC", text))))


def _strip_marks(text: str) -> str:
    # Decompose, fold case again, decompose again: each can produce what the other must see
    # again (a mathematical 𝓐 decomposes to a capital A).
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_LIGATURES)


def is_particle(word: str) -> bool:
    """A lower-case particle or article inside a name (de, van, al, la, d')."""
    bare = word.rstrip(APOSTROPHES)
    return bare in PARTICLES or bare in ARTICLES


def slug(name: str) -> str:
    """An ASCII id from a name: 'Anatoli Gromyko' -> 'anatoli-gromyko' ('' when nothing is left)."""
    from unidecode import unidecode  # its tables are large: loaded when an id is first made

    return re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")


@functools.lru_cache(maxsize=1)
def listed_words() -> dict[str, frozenset[str]]:
    """Folded words of data/not_names.tsv by why they are listed (title, direction...)."""
    text = resources.files("glossary").joinpath("data/not_names.tsv").read_text("utf-8")
    table: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line and line[0] != "#":
            word, why = line.split("\t")[:2]
            table.setdefault(why, set()).add(fold_words(word))
    return {why: frozenset(words) for why, words in table.items()}


@functools.lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Folded titles and positions before a name (data/not_names.tsv, and the abbreviations):
    they do not make it part of the name ("Président Poutine", "M. Lavrov", "the adviser Ushakov").
    """
    return listed_words().get("title", frozenset()) | TITLE_ABBREVIATIONS


def snippet(text: str, start: int, end: int, width: int) -> str:
    """text[start:end] in its context, on one line, about `width` characters, cuts marked '…'."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    left = max(0, start - (width - (end - start)) // 2)
    inner = " ".join(text[left : left + width].split())
    return ("…" if left else "") + inner + ("…" if left + width < len(text) else "")
