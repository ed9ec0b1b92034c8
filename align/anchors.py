"""Dates and numbers found in French or English text, normalised so both languages compare equal.

"le 2 mai 1935", "2 May 1935" and "May 2, 1935" all give `date 1935-05-02`; "225 millions" and
"225 million" give `number 225000000`; "1,5" (fr) and "1.5" (en) give `number 1.5`;
"100e" and "100th" give `ordinal 100`; "XXe siècle" and "20th century" give `century 20`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from align.model import Evidence, EvidenceKind
from glossary.model import Lang


@dataclass(frozen=True)
class Anchor:
    """One date or number: `value` is language-neutral ("1935-05-02", "225000000", "1.5")."""

    kind: EvidenceKind  # DATE, MONTH, YEAR, DECADE, CENTURY, ORDINAL or NUMBER
    value: str
    start: int
    end: int

    @property
    def evidence(self) -> Evidence:
        """As evidence for a link: date 1935-05-02."""
        return Evidence(self.kind, self.value)

    def implied(self) -> tuple[Evidence, ...]:
        """Its evidence and the coarser evidence it implies: a date implies its month and year."""
        return (self.evidence, *coarser(self.evidence))


def coarser(evidence: Evidence) -> tuple[Evidence, ...]:
    """What a date or month implies: 1935-05-02 gives month 1935-05 and year 1935."""
    if evidence.kind is EvidenceKind.DATE:
        return (
            Evidence(EvidenceKind.MONTH, evidence.value[:7]),
            Evidence(EvidenceKind.YEAR, evidence.value[:4]),
        )
    if evidence.kind is EvidenceKind.MONTH:
        return (Evidence(EvidenceKind.YEAR, evidence.value[:4]),)
    return ()


def is_small_number(value: str) -> bool:
    """One digit ('2 parties', '3 jours'): too common to tell events apart."""
    return len(value.replace(".", "").lstrip("0")) < 2


def significant_digits(value: str) -> int:
    """How many digits a number's value has once leading and trailing zeros are gone: '1935' 4,
    '225000000' 3, '1000' 1. The more, the less likely two texts share it by chance."""
    return len(value.replace(".", "").strip("0"))


YEAR_MIN = 1000
YEAR_MAX = 2099
_SCALES_EN = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Long scale: a French "billion" is 10^12 and "milliard" is 10^9.
_SCALES_FR = {"mille": 10**3, "million": 10**6, "milliard": 10**9, "billion": 10**12}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_FR_ORD = r"(?:ème|eme|ième|e|è|ᵉ|er|re|ère)"
_EN_ORD = r"(?:st|nd|rd|th)"
# Thousands groups: "1 000" (space, no-break or narrow no-break space), "1,000", "1.000.000".
_NUM = r"\d{1,3}(?:(?:[ \u00a0\u202f]|,|\.)\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"
_NUMBER = re.compile(_NUM)
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>\d{4})(?!\d)"


def _month_names() -> dict[str, int]:
    """Month names of both languages (wide, and common abbreviations), lower-cased."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in (Lang.FR, Lang.EN):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[name.lower().rstrip(".")] = int(number)
    names["sept"] = 9
    names.pop("may", None)  # English "may" is usually the verb: only "May" (capital) is a month
    return names


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = _month_names()
    alternatives = sorted(names, key=len, reverse=True)
    month = r"(?P<month>(?i:" + "|".join(re.escape(n) for n in alternatives) + r")|May)\.?"
    lead = r"(?<![\w.,])"
    return (
        # 2 mai 1935, 1er mai 1935, 2 May 1935, 28 October, 1924, 2nd of May 1935
        re.compile(
            lead + _DAY + rf"(?:{_FR_ORD}|{_EN_ORD})?\s+(?:of\s+)?" + month + r",?\s+" + _YEAR
        ),
        # May 2, 1935
        re.compile(lead + month + r"\s+" + _DAY + rf"(?:{_EN_ORD})?,?\s+" + _YEAR),
        # mai 1935, May 1935
        re.compile(lead + month + r",?\s+" + _YEAR),
        # 1960s, 1960's, années 1960
        re.compile(lead + r"(?:(?P<decade>\d{3}0)'?s\b|(?i:années)\s+(?P<decade_fr>\d{3}0)(?!\d))"),
        # XXe siècle, 20e siècle, 20th century, 20th-century
        re.compile(
            lead + rf"(?P<century>\d{{1,2}}|[IVXL]+)(?:{_FR_ORD}|{_EN_ORD})[\s\u00a0-]+"
            r"(?P<word>(?i:siècles?|century|centuries))\b"
        ),
        # 225 millions, 1,5 milliard, 2.3 billion
        re.compile(
            lead + rf"(?P<scaled>{_NUM})\s+"
            r"(?P<scale>(?i:thousand|millions?|milliards?|billions?|trillions?|mille))\b"
        ),
        # 100e, 100th, 1er
        re.compile(lead + rf"(?P<ordinal>\d+)(?:{_FR_ORD}|{_EN_ORD})(?!\w)"),
        re.compile(lead + rf"(?P<number>{_NUM})(?!\w)"),
    )


def find_anchors(text: str, lang: str = Lang.UND) -> tuple[Anchor, ...]:
    """Dates and numbers of `text` in order; `lang` settles "1,500" (en) against "1,5" (fr)."""
    taken: list[tuple[int, int]] = []
    found: list[Anchor] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            anchor = _anchor(match, lang)
            if anchor is None:
                continue
            taken.append((start, end))
            found.append(anchor)
    return tuple(sorted(found, key=lambda a: (a.start, a.end)))


def _anchor(match: re.Match[str], lang: str) -> Anchor | None:
    groups = match.groupdict()
    start, end = match.span()
    if groups.get("month"):
        month = _month_names().get(groups["month"].lower().rstrip("."))
        if month is None and groups["month"].startswith("May"):
            month = 5
        year = int(groups["year"])
        if month is None or not YEAR_MIN <= year <= YEAR_MAX:
            return None
        if groups.get("day"):
            day = int(groups["day"])
            if not 1 <= day <= 31:
                return None
            return Anchor(EvidenceKind.DATE, f"{year:04d}-{month:02d}-{day:02d}", start, end)
        return Anchor(EvidenceKind.MONTH, f"{year:04d}-{month:02d}", start, end)
    decade = groups.get("decade") or groups.get("decade_fr")
    if decade:
        return Anchor(EvidenceKind.DECADE, f"{decade}s", start, end)
    if groups.get("century"):
        century = _roman(groups["century"])
        return Anchor(EvidenceKind.CENTURY, str(century), start, end) if century else None
    if groups.get("scaled"):
        value = parse_number(groups["scaled"], lang)
        if value is None:
            return None
        return Anchor(
            EvidenceKind.NUMBER, _canonical(value * _scale(groups["scale"], lang)), start, end
        )
    if groups.get("ordinal"):
        return Anchor(EvidenceKind.ORDINAL, str(int(groups["ordinal"])), start, end)
    if groups.get("number"):
        raw = groups["number"]
        value = parse_number(raw, lang)
        if value is None:
            return None
        if raw.isdigit() and len(raw) == 4 and YEAR_MIN <= int(raw) <= YEAR_MAX:
            return Anchor(EvidenceKind.YEAR, raw, start, end)
        return Anchor(EvidenceKind.NUMBER, _canonical(value), start, end)
    return None


def numbers(text: str, lang: str = Lang.UND) -> list[str]:
    """The value of each written number of `text`, in order, as both languages write it alike:
    '1 000' (fr) and '1,000' (en) give '1000', '1,5' (fr) and '1.5' (en) give '1.5'."""
    values = []
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group(), lang)
        if value is not None:
            values.append(_canonical(value))
    return values


def parse_number(raw: str, lang: str = Lang.UND) -> Decimal | None:
    """Value of a written number: '1 000' 1000, '1,5' (fr) 1.5, '1,500' (en) 1500, '1.000.000'."""
    text = re.sub(r"[ \u00a0\u202f]", "", raw)
    if "," in text and "." in text:
        # Whichever comes last is the decimal mark: "1,234.5" (en) or "1.234,5" (fr).
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = (
            text.replace(",", "")
            if _is_grouping(text, ",", lang, Lang.EN)
            else text.replace(",", ".")
        )
    elif "." in text and _is_grouping(text, ".", lang, Lang.FR):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _is_grouping(text: str, mark: str, lang: str, grouping_lang: str) -> bool:
    """True when `mark` separates thousands: groups of three, in a language that groups so."""
    head, *groups = text.split(mark)
    three = all(len(g) == 3 for g in groups) and 1 <= len(head) <= 3
    if len(groups) > 1:
        return three
    # One mark before three digits is ambiguous ("1,500"): the language decides, English by default.
    if lang == grouping_lang:
        return three
    if lang in (Lang.FR, Lang.EN):
        return False
    return three and mark == ","


def _scale(word: str, lang: str) -> int:
    stem = word.lower().rstrip("s")
    if stem == "mille" or stem == "mill":
        return 1000
    if lang == Lang.FR and stem in _SCALES_FR:
        return _SCALES_FR[stem]
    return _SCALES_EN.get(stem, _SCALES_FR.get(stem, 1))


def _canonical(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _roman(raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    total = 0
    for i, ch in enumerate(raw):
        value = _ROMAN[ch]
        if i + 1 < len(raw) and _ROMAN[raw[i + 1]] > value:
            total -= value
        else:
            total += value
    return total
