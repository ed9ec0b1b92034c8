"""Numbers written in words, as reports write them: "soixante-cinq motards", "cent un coups de
canon", "sixty-four motorcycle cops", "twenty-one guns", "quatre-vingt-dix", "deux mille".

The value is the language-neutral one `align.anchors` gives digits ("65", "101"), so "soixante-cinq"
and "65" and "sixty-five" compare equal. A lone "un", "une" or "one" is an article or a pronoun
far more often than a count, and is never read as a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from glossary.model import Lang
from glossary.text import fold

_UNITS_FR = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90,
}  # fmt: skip
_UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_HUNDRED: dict[str, tuple[str, ...]] = {Lang.FR: ("cent", "cents"), Lang.EN: ("hundred",)}
_THOUSAND: dict[str, tuple[str, ...]] = {Lang.FR: ("mille",), Lang.EN: ("thousand",)}
# Long scale in French: a "billion" is 10^12 there, a "milliard" 10^9.
_SCALES: dict[str, dict[str, int]] = {
    Lang.FR: {"million": 10**6, "milliard": 10**9, "billion": 10**12},
    Lang.EN: {"million": 10**6, "billion": 10**9, "trillion": 10**12},
}
# Words that join the parts of one number: "vingt et un", "one hundred and one".
_JOINERS: dict[str, tuple[str, ...]] = {Lang.FR: ("et",), Lang.EN: ("and",)}
_WORD = re.compile(r"[^\W\d_]+")
# Between two words of one number: a hyphen or white space, nothing else ("soixante-cinq").
_GAP = re.compile(r"[\s\-\u2010\u2011]+")


@dataclass(frozen=True)
class SpelledNumber:
    """A number written in words: its value ("65") and where it stands in the text."""

    value: str
    start: int
    end: int


def spelled_numbers(text: str, lang: str) -> Iterator[SpelledNumber]:
    """The numbers `text` writes in words (French or English), in order."""
    if lang not in (Lang.FR, Lang.EN):
        return
    words = list(_WORD.finditer(text))
    k = 0
    while k < len(words):
        run = _run(text, words, k, lang)
        if not run:
            k += 1
            continue
        value, last = run
        yield SpelledNumber(str(value), words[k].start(), words[last].end())
        k = last + 1


def _run(text: str, words: list[re.Match[str]], k: int, lang: str) -> tuple[int, int] | None:
    """The value of the number that starts at word k, and the index of its last word."""
    units = _UNITS_FR if lang == Lang.FR else _UNITS_EN
    total = current = 0
    unit = 0  # the last unit word's value: what may follow it ("vingt-cinq", not "cinq-six")
    last = -1
    for n in range(k, len(words)):
        if n > k and not _GAP.fullmatch(text[words[n - 1].end() : words[n].start()]):
            break
        word = fold(words[n].group())
        if word in _JOINERS[lang] and last >= 0:
            continue
        if word in units:
            value = units[word]
            if lang == Lang.FR and word.startswith("vingt") and unit == 4:
                current, unit = current + 76, 80  # quatre-vingt(s): four twenties
            elif unit == 0 or _follows(unit, value, lang):
                current, unit = current + value, value
            else:
                break
        elif word in _HUNDRED[lang] and current % 100 < 10:
            current, unit = (current // 100 * 100 + max(current % 100, 1)) * 100, 0
        elif word in _THOUSAND[lang] and total == 0:
            total, current, unit = max(current, 1) * 1000, 0, 0
        elif (scale := _SCALES[lang].get(word.removesuffix("s"))) and last >= 0:
            # "deux millions", "three million": never a lone "millions" (many millions).
            return (total + current) * scale, n
        else:
            break
        last = n
    if last < 0 or (last == k and fold(words[k].group()) in ("un", "une", "one")):
        return None
    return total + current, last


def _follows(unit: int, value: int, lang: str) -> bool:
    """Whether a unit word of `value` may follow one of `unit` in one number: a ten takes a
    digit (twenty-one, vingt et un), French 60 and 80 take 1 to 19 (soixante-dix-sept), and
    dix takes 7 to 9 (dix-sept)."""
    if lang == Lang.FR and unit in (60, 80):
        return value < 20
    if lang == Lang.FR and unit == 10:
        return 7 <= value <= 9  # dix-sept, dix-huit, dix-neuf
    return unit >= 20 and unit % 10 == 0 and value < 10
