"""Transliteration-aware name keys: Latin forms read back into Cyrillic with iuliia's own tables."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from glossary.lang import Lang
from glossary.text import CYRILLIC, fold, is_particle

# Schemes whose output French and English sources actually use for Russian names.
_FR_SCHEMES = ("MVD_310_FR",)
_EN_SCHEMES = ("WIKIPEDIA", "ICAO_DOC_9303", "MOSMETRO")

# Latin spellings no Russian scheme produces (Witkoff, Whitkoff, Charles, Joseph), read by their
# usual sound so non-Russian names still get a stable key.
_LATIN_EXTRA = {
    "w": "в",
    "h": "",
    "c": "к",
    "ck": "к",
    "ce": "се",
    "ci": "си",
    "q": "к",
    "qu": "к",
    "ph": "ф",
    "x": "кс",
}

# Letters whose French/English renderings are often confused or dropped; folded for matching only.
_REDUCE = str.maketrans(
    {"ё": "е", "э": "е", "й": "и", "ы": "и", "щ": "ш", "ч": "ш", "ь": None, "ъ": None}
)
_DOUBLE = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_FRENCH_MARK = re.compile(r"ou|tch|j|gu[eiy]|[ïë]|[aeiouy]ss[aeiouy]|ine$")
_FOREIGN = re.compile(r"w|q|c(?!h)|(?<![kzcs])h|ph")
_RU_SURNAME = re.compile(
    r"(?:ov|ova|off|ev|eva|iev|yev|sky|ski|skii|skiy|skaya|skaïa|enko|vich|vitch|itch|ets|"
    r"ko|shvili|chvili)$"
)
_VOWELS = "аеёиоуыэюя"


# A NamedTuple, not a frozen dataclass: defined on every `align pair` start, where a
# dataclass costs about a millisecond to build (Python 3.11).
class _Reader(NamedTuple):
    """Latin chunks -> Cyrillic, inverted from iuliia schemes (first scheme wins a chunk)."""

    chunks: dict[str, str]
    endings: dict[str, str]
    longest: int


@dataclass(frozen=True)
class GivenName:
    """A Russian given name with its usual English and French spellings."""

    cyrillic: str
    english: str
    french: str
    others: tuple[str, ...] = ()
    # Western names that translate it (Peter): the same given name, no sign of a Russian one.
    western: tuple[str, ...] = ()


@functools.lru_cache(maxsize=4)
def _reader(schemes: tuple[str, ...]) -> _Reader:
    """Invert the letter, context and ending tables of the named iuliia schemes."""
    import json

    import iuliia

    chunks: dict[str, str] = {}
    endings: dict[str, str] = {}
    for name in schemes:
        spec = json.loads(getattr(iuliia, name).path.read_text("utf-8"))
        letters: dict[str, str] = spec["mapping"]
        prevs: dict[str, str] = spec.get("prev_mapping") or {}
        nexts: dict[str, str] = spec.get("next_mapping") or {}
        for cyr, lat in letters.items():
            # The hard sign never appears in names; ICAO's 'ie' for it would shadow ье.
            if lat.isalpha() and lat.isascii() and cyr != "ъ":
                chunks.setdefault(lat, cyr)
        for pair, lat in prevs.items():
            if not lat.isascii():
                continue
            if len(pair) == 1:
                chunks.setdefault(lat, pair)
                continue
            head = nexts.get(pair, letters.get(pair[0], ""))
            chunks.setdefault(head + lat, pair)
        for pair, lat in nexts.items():
            if pair not in prevs and lat.isascii():
                chunks.setdefault(lat + letters.get(pair[1], ""), pair)
        for end, lat in (spec.get("ending_mapping") or {}).items():
            endings.setdefault(lat, end)
    for lat, cyr in _LATIN_EXTRA.items():
        chunks.setdefault(lat, cyr)
    chunks = {k: v for k, v in chunks.items() if k}
    return _Reader(chunks, endings, max(len(k) for k in chunks))


def _read_word(word: str, reader: _Reader) -> str:
    """Fewest-chunks reading of one folded Latin word into Cyrillic."""
    n = len(word)
    best: list[tuple[int, str] | None] = [None] * (n + 1)
    best[0] = (0, "")
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        cost, cyr = here
        if not ("a" <= word[i] <= "z"):
            _relax(best, i + 1, cost + 1, cyr + word[i])
            continue
        for size in range(min(reader.longest, n - i), 0, -1):
            chunk = word[i : i + size]
            if i + size == n and chunk in reader.endings:
                _relax(best, n, cost + 1, cyr + reader.endings[chunk])
            if chunk in reader.chunks:
                _relax(best, i + size, cost + 1, cyr + reader.chunks[chunk])
    final = best[n]
    return final[1] if final else word


def _relax(best: list[tuple[int, str] | None], at: int, cost: int, cyr: str) -> None:
    """Keep the cheaper reading; on a tie the first found (longest chunk) wins."""
    old = best[at]
    if old is None or cost < old[0]:
        best[at] = (cost, cyr)


def _words(form: str) -> list[str]:
    return _WORD.findall(fold(form))


def _reduce(cyr: str) -> str:
    """Fold a Cyrillic reading to what French and English romanisations both preserve."""
    folded = cyr.translate(_REDUCE).replace("ия", "я").replace("ию", "ю").replace("сш", "ш")
    return _DOUBLE.sub(r"\1", folded)


@functools.lru_cache(maxsize=200_000)
def _word_key(word: str) -> str:
    import iuliia

    cyr = word if _CYRILLIC.search(word) else _read_word(word, _reader(_FR_SCHEMES + _EN_SCHEMES))
    return str(iuliia.ICAO_DOC_9303.translate(_reduce(cyr)))


def match_key(form: str) -> str:
    """Language-neutral key: Ouchakov, OUCHAKOV, Ushakov and Ушаков all give 'ushakov'."""
    return " ".join(_word_key(w) for w in _words(form))


@functools.lru_cache(maxsize=1)
def given_names() -> tuple[GivenName, ...]:
    """The curated Russian given names (glossary/data/ru_given_names.tsv)."""
    text = resources.files("glossary").joinpath("data/ru_given_names.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cyr, en, fr, *rest = line.split("\t")
            others = tuple(rest[0].split(",")) if rest and rest[0] else ()
            western = tuple(rest[1].split(",")) if len(rest) > 1 and rest[1] else ()
            rows.append(GivenName(cyr, en, fr, others, western))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def _given_by_key() -> dict[str, GivenName]:
    table: dict[str, GivenName] = {}
    for name in given_names():
        for spelling in (name.cyrillic, name.english, name.french, *name.others, *name.western):
            table.setdefault(_word_key(fold(spelling)), name)
    return table


def given_name(word: str) -> GivenName | None:
    """The Russian given name this word spells (Iouri, Yuri, Юрий), if it is one."""
    words = _words(word)
    if len(words) != 1:
        return None
    return _given_by_key().get(_word_key(words[0]))


def _russian_given(word: str) -> bool:
    """A Russian given name, spelt otherwise than as a western name that translates it."""
    known = given_name(word)
    return known is not None and fold(word) not in {fold(w) for w in known.western}


def is_russian_name(form: str) -> bool:
    """True when the name looks Russian: a Russian given name or a typical surname ending."""
    words = [w for w in _words(form) if not is_particle(w)]
    if not words:
        return False
    if _CYRILLIC.search(form):
        return True
    # A Russian given name in the given-name slot: "Peter" ends "Samuel Peter" as a surname,
    # and a western name that translates one (Peter King) is no Russian spelling.
    if any(_russian_given(w) for w in words[:-1]):
        return True
    last = words[-1]
    if _FOREIGN.search(last):
        return False
    # -ine is French for -ин (Poutine), but English words end so too (Magazine): want a marker.
    if last.endswith("ine"):
        return bool(_FRENCH_MARK.search(last[:-3]))
    return bool(_RU_SURNAME.search(last))


def _to_cyrillic_word(word: str, french: bool) -> str:
    """One folded Latin word to Cyrillic, with the endings each convention drops."""
    known = given_name(word)
    if known:
        return known.cyrillic.lower()
    if "ie" in word and not french:
        # English sources often keep the French -iev (Ignatiev): ь, as in MVD_310_FR.
        french = True
    schemes = _FR_SCHEMES if french else _EN_SCHEMES
    cyr = _read_word(word, _reader(schemes))
    # й is only written after a vowel; elsewhere a Latin y is ы (Gromyko).
    cyr = re.sub(f"(?<![{_VOWELS}])й", "ы", cyr)
    if french:
        # French doubles с between vowels to keep it unvoiced (Lissovets, Krassine).
        cyr = re.sub(f"(?<=[{_VOWELS}])сс(?=[{_VOWELS}])", "с", cyr)
    # Both conventions write the adjectival ending -ий as -i/-y (Slobodinski, Slobodinsky).
    cyr = re.sub("(?<=[ск])и$", "ий", cyr)
    return cyr


def to_cyrillic(form: str, lang: str | None = None) -> str | None:
    """The Cyrillic original of a Russian name written in Latin (Iouri Ouchakov -> Юрий Ушаков)."""
    if _CYRILLIC.search(form):
        return form
    if not is_russian_name(form):
        return None
    out = []
    for raw in re.findall(r"[^\W\d_]+|[^\w]+", form):
        word = fold(raw)
        if not word.isalpha():
            out.append(raw)
            continue
        french = lang == Lang.FR if lang else bool(_FRENCH_MARK.search(raw.lower()))
        cyr = _to_cyrillic_word(word, french)
        out.append(cyr.capitalize() if raw[:1].isupper() else cyr)
    result = "".join(out)
    return None if re.search("[a-z]", fold(result)) else result


def _romanise(form: str, lang: str, scheme: str, *, marked_only: bool = False) -> str:
    """Write a Russian name in the usual spelling of `lang` (keeps non-Russian words);
    `marked_only`: only the words written in the other language's romanisation."""
    import iuliia

    if not is_russian_name(form):
        return form
    out = []
    for raw in re.findall(r"[^\W\d_]+|[^\w]+", form):
        word = fold(raw)
        if marked_only and not foreign_romanisation(raw, lang):
            out.append(raw)
            continue
        known = given_name(word)
        if known:
            out.append(known.english if lang == Lang.EN else known.french)
            continue
        if not word.isalpha() or is_particle(word) or _FOREIGN.search(word):
            out.append(raw)
            continue
        if _CYRILLIC.search(raw):
            cyr = raw.lower()
        else:
            cyr = _to_cyrillic_word(word, bool(_FRENCH_MARK.search(raw.lower())))
        latin = str(getattr(iuliia, scheme).translate(cyr))
        if lang == Lang.FR:
            latin = re.sub("(?<=[aeiouy])s(?=[aeiy])", "ss", latin)
            # MVD_310_FR spells -ий, -ия as -ii, -iia; French usage keeps one i (Gorki, Maria).
            latin = re.sub("ii(?=a?$)", "i", latin)
        out.append(latin.capitalize() if raw[:1].isupper() else latin)
    return "".join(out)


def to_english(form: str) -> str:
    """English spelling of a Russian name (Iouri Ouchakov -> Yuri Ushakov); others unchanged."""
    return _romanise(form, Lang.EN, "WIKIPEDIA")


def to_french(form: str) -> str:
    """French spelling of a Russian name (Nikita Khrushchev -> Nikita Khrouchtchev)."""
    return _romanise(form, Lang.FR, "MVD_310_FR")


# Marks of another language's romanisation of Russian, per language: an English source keeping
# the French Ziouganov or Tcherednitchenko, a French one keeping the English Luzhkov or Sergei.
_FOREIGN_MARKS = {
    Lang.EN: re.compile(r"ou|tch|dj|gu(?=[eiy])|[ïë]|(?<=[aeiouy])ss(?=[aeiouy])|ine\b"),
    Lang.FR: re.compile(r"sh|zh|(?<![oqg])u|\by|y(?=[aeiou])|g(?=[eiy])"),
}
# Letters of the Czech or German romanisations (Vjačeslav, Walujew): read by neither scheme.
_THIRD_ROMANISATION = re.compile(r"[čšžěřňůćł]|w|(?<![aeiouyd])j")


# The letters and digraphs the Czech and German romanisations of Russian write for Cyrillic
# letters (Vjačeslav, Němčinov, Kuljaš; Walujew, Wasjunik), longest first when read: the letters
# neither English nor French gives a Russian name, so a form holding them is read back so.
_THIRD_CHUNKS = {
    "a": "а", "b": "б", "v": "в", "w": "в", "g": "г", "d": "д", "e": "е", "ě": "е",
    "ž": "ж", "z": "з", "i": "и", "j": "й", "k": "к", "l": "л", "m": "м", "n": "н",
    "ň": "нь", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф",
    "ch": "х", "c": "ц", "č": "ч", "tsch": "ч", "š": "ш", "sch": "ш", "šč": "щ",
    "schtsch": "щ", "y": "ы", "ja": "я", "ju": "ю", "jo": "ё", "je": "е", "ij": "ий",
}  # fmt: skip
_THIRD_LETTERS = re.compile(r"[čšžěň]|w|(?<![aeiouyd])j|ij\b")


_THIRD_LONGEST = max(map(len, _THIRD_CHUNKS))


def _third_word(word: str) -> str:
    """One word of a Czech or German romanisation read back into Cyrillic, the longest chunk
    first (Kuljaš -> куляш); a letter neither writes is kept, so the reading fails."""
    word, out, at = word.lower(), [], 0
    while at < len(word):
        for size in range(min(_THIRD_LONGEST, len(word) - at), 0, -1):
            chunk = _THIRD_CHUNKS.get(word[at : at + size])
            if chunk is not None:
                out.append(chunk)
                at += size
                break
        else:
            out.append(word[at])
            at += 1
    return "".join(out)


def english_from_third(form: str, other: str) -> str | None:
    """A Russian name written in a Czech or German romanisation (Denis Kuljaš, Sergej Němčinov)
    in English's own romanisation (Denis Kulyash, Sergei Nemchinov), when `other`, the name as
    the other language writes it, reads as the same Cyrillic name (Denis Kuliash): None when
    the form has no such letters or the two read otherwise (Bakira Hasečić beside Hasecic is
    no Russian name, and keeps its letters)."""
    import iuliia

    pieces = re.findall(r"[^\W\d_]+|[^\w]+", form)
    if not _THIRD_LETTERS.search(form.lower()) or _THIRD_LETTERS.search(other.lower()):
        return None
    words = [p for p in pieces if p.isalpha()]
    cyrillic = [_third_word(w) for w in words]
    if any(not _CYRILLIC.search(c) or re.search("[a-z]", c) for c in cyrillic):
        return None
    key = " ".join(str(iuliia.ICAO_DOC_9303.translate(_reduce(c))) for c in cyrillic)
    if key != match_key(other):
        return None
    out, at = [], 0
    for piece in pieces:
        if not piece.isalpha():
            out.append(piece)
            continue
        cyr = cyrillic[at]
        at += 1
        known = given_name(cyr)
        latin = known.english if known else str(iuliia.WIKIPEDIA.translate(cyr))
        out.append(latin.capitalize() if piece[:1].isupper() else latin)
    return "".join(out)


def respell(form: str, lang: str) -> str:
    """A Russian name with each word the other language romanised written in `lang`'s own
    romanisation, the others as they are (Nikolaï Kopossov -> Nikolai Koposov in English)."""
    if lang == Lang.EN:
        return _romanise(form, Lang.EN, "WIKIPEDIA", marked_only=True)
    if lang == Lang.FR:
        return _romanise(form, Lang.FR, "MVD_310_FR", marked_only=True)
    return form


def foreign_romanisation(form: str, lang: str) -> bool:
    """True when a Russian name is written as the other language romanises it, so that `lang`'s
    own romanisation (to_english, to_french) reads it back: Guennadi Ziouganov in English,
    Yuri Luzhkov in French. Czech and German spellings are left as written."""
    marks = _FOREIGN_MARKS.get(Lang(lang)) if lang in (Lang.EN, Lang.FR) else None
    text = form.lower()
    if marks is None or _THIRD_ROMANISATION.search(text):
        return False
    return bool(marks.search(text))
