"""Dates and numbers found in French or English text, normalised so both languages compare equal.

"le 2 mai 1935", "2 May 1935" and "May 2, 1935" all give `date 1935-05-02`; "225 millions" and
"225 million" give `number 225000000`; "1,5" (fr) and "1.5" (en) give `number 1.5`;
"100e" and "100th" give `ordinal 100`; "XXe siècle" and "20th century" give `century 20`.
Ranges give both ends ("du 23 mars au 3 avril 1960": `date 1960-03-23`, `date 1960-04-03`;
"4-11 February 1945", "February 7-12, 1945"), ISO dates are read ("2025-08-15"), and a day
without its year ("le 15 août", "on 14 September") takes the year given as context, or the year
that follows it in the sentence; without either it is read as a day without its year (`date
--08-15`, ISO 8601's form), which a full date on that day implies: the year is never guessed.
Given the dates written before it (`context_dates`), a chronology's day without its month ("Le
23, il part pour Novossibirsk", "on the 23rd") takes the month last written, and "le lendemain" /
"the next day", "la veille" / "the day before" the day last written, when that was one day, not
a range.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from align.links import Evidence, EvidenceKind
from align.text.noise import URL
from glossary.lang import Lang
from glossary.text import fold


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


# A NamedTuple, not a frozen dataclass: defined on every `align pair` start, where a
# dataclass costs about a millisecond to build (Python 3.11).
class DateContext(NamedTuple):
    """What the text before a sentence dates: the year, month ("1960-03") and single day
    ("1960-03-23", None after a range) last written, that undated days are read against."""

    year: int | None = None
    month: str | None = None
    day: str | None = None


def coarser(evidence: Evidence) -> tuple[Evidence, ...]:
    """What a date or month implies: 1935-05-02 gives month 1935-05, year 1935 and the day of
    the year --05-02 (what a day written without its year can share with it)."""
    if evidence.kind is EvidenceKind.DATE and not is_yearless(evidence.value):
        return (
            Evidence(EvidenceKind.MONTH, evidence.value[:7]),
            Evidence(EvidenceKind.YEAR, evidence.value[:4]),
            Evidence(EvidenceKind.DATE, YEARLESS + evidence.value[5:]),
        )
    if evidence.kind is EvidenceKind.MONTH:
        return (Evidence(EvidenceKind.YEAR, evidence.value[:4]),)
    return ()


# ISO 8601's form of a day without its year: --08-19.
YEARLESS = "--"


def is_yearless(value: str) -> bool:
    """Whether a date's value is a day without its year (--08-19)."""
    return value.startswith(YEARLESS)


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
def calendar_words() -> frozenset[str]:
    """English month and weekday names, folded: English writes them with a capital, and they are
    dates, not names (but "May" is also a surname)."""
    from babel.dates import get_day_names, get_month_names

    words = {*get_month_names("wide", locale=Lang.EN).values()}
    words.update(get_day_names("wide", locale=Lang.EN).values())
    return frozenset(fold(word) for word in words) - {"may"}


def _month_pattern(group: str) -> str:
    alternatives = sorted(_month_names(), key=len, reverse=True)
    return rf"(?P<{group}>(?i:" + "|".join(re.escape(n) for n in alternatives) + r")|May)\.?"


# Between the two ends of a range of days: "du 2 au 5", "4-11", "7 to 12", "23 and 25".
_RANGE = r"\s*(?:-|–|—|au|à|et|to|and|until|till)\s*"
_LEAD = r"(?<![\w.,])"


@lru_cache(maxsize=1)
def _ranges() -> tuple[re.Pattern[str], ...]:
    """Patterns of day ranges in one month, and of a first date whose year comes later."""
    month = _month_pattern("month")
    ordinal = rf"(?:{_FR_ORD}|{_EN_ORD})?"
    return (
        # du 2 au 5 octobre 1985, 4-11 February 1945 (the first day; the second is a date)
        re.compile(
            _LEAD
            + r"(?P<day>[0-3]?\d)"
            + ordinal
            + _RANGE
            + r"(?=[0-3]?\d"
            + ordinal
            + r"\s+(?:of\s+)?"
            + month
            + r",?\s+(?P<year>\d{4})(?!\d))"
        ),
        # February 7-12, 1945 (both days)
        re.compile(
            _LEAD
            + month
            + r"\s+(?P<day>[0-3]?\d)"
            + ordinal
            + _RANGE
            + r"(?P<day2>[0-3]?\d)"
            + ordinal
            + r",?\s+(?P<year>\d{4})(?!\d)"
        ),
    )


@lru_cache(maxsize=1)
def _partials() -> tuple[re.Pattern[str], ...]:
    """A day and a month without a year: "le 15 août", "on 14 September", "August 15"."""
    month = _month_pattern("month")
    ordinal = rf"(?:{_FR_ORD}|{_EN_ORD})?"
    no_year = r"(?!,?\s+\d{4}(?!\d))(?![\w])"
    return (
        re.compile(_LEAD + _DAY + ordinal + r"\s+(?:of\s+)?" + month + no_year),
        re.compile(_LEAD + month + r"\s+" + _DAY + rf"(?:{_EN_ORD})?(?!\d)" + no_year),
    )


# A chronology's day without its month: "Le 23, il part", "le 24 il visite", "on the 23rd".
_DAY_ONLY = (
    re.compile(
        r"(?<![\w.,])(?i:le)\s+(?P<day>[0-3]?\d)(?:er)?"
        r"(?=\s*,|\s+(?:il|elle|ils|elles|on|lors|puis)\b)"
    ),
    re.compile(r"(?<![\w.,])(?i:on\s+the)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?i:of)\b)"),
)
# A day told from the day last written, when not "of" something else (la veille de son arrivée).
_RELATIVE_DAYS = (
    (re.compile(r"(?<![\w])(?i:le\s+lendemain)\b(?!\s+(?:de|du|des|d['’]))"), 1),
    (re.compile(r"(?<![\w])(?i:the\s+(?:next|following)\s+day)\b"), 1),
    (re.compile(r"(?<![\w])(?i:la\s+veille)\b(?!\s+(?:de|du|des|d['’]))"), -1),
    (
        re.compile(
            r"(?<![\w])(?i:the\s+(?:day\s+before|previous\s+day))\b(?!\s+(?i:the|his|her|its|their)\b)"
        ),
        -1,
    ),
)
_YEAR_AFTER = re.compile(r"(?<![\w.,])(?P<year>1\d{3}|20\d{2})(?![\w,.]\d)")
_ISO = re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])")
# Every date and number has a digit, but for a century in Roman numerals ("XXe siècle"): text
# with neither (most sentences of prose) has no anchor, and is not searched pattern by pattern.
_MAY_HOLD = re.compile(r"\d|(?i:siècle|centur)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    month = _month_pattern("month")
    lead = _LEAD
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


def find_anchors(
    text: str,
    lang: str = Lang.UND,
    year: int | None = None,
    context: DateContext | None = None,
) -> tuple[Anchor, ...]:
    """Dates and numbers of `text` in order; `lang` settles "1,500" (en) against "1,5" (fr).

    `year` is the year a day without one belongs to ("le 15 août"), from the text around it;
    a year later in the same sentence wins ("du 23 mars au 3 avril 1960"). `context` (what
    the text before dates) also reads days without a month and days told relatively.
    """
    if not _MAY_HOLD.search(text) and (
        context is None or not any(p.search(text) for p, _ in _RELATIVE_DAYS)
    ):
        return ()
    if context is not None and year is None:
        year = context.year
    taken: list[tuple[int, int]] = []
    found: list[Anchor] = []

    def add(anchor: Anchor | None) -> None:
        if anchor is None or any(anchor.start < b and a < anchor.end for a, b in taken):
            return
        taken.append((anchor.start, anchor.end))
        found.append(anchor)

    for match in _ISO.finditer(text):
        add(_date(int(match["year"]), int(match["month"]), int(match["day"]), *match.span()))
    for pattern in _ranges():
        for match in pattern.finditer(text):
            month = _month_number(match["month"])
            if month is None:
                continue
            day_start, day_end = match.span("day")
            add(_date(int(match["year"]), month, int(match["day"]), day_start, day_end))
            if match.groupdict().get("day2"):
                start, end = match.span("day2")
                add(_date(int(match["year"]), month, int(match["day2"]), start, end))
    for pattern in _partials():
        for match in pattern.finditer(text):
            month = _month_number(match["month"])
            later = _YEAR_AFTER.search(text, match.end())
            day_year = int(later["year"]) if later else year
            if month is None:
                continue
            if day_year is None:
                # No year known: the day is kept as it is written, never given a guessed year.
                add(_yearless(month, int(match["day"]), *match.span()))
            else:
                add(_date(day_year, month, int(match["day"]), *match.span()))
    # Before plain numbers, which would take "Le 3," as a number.
    for anchor in _contextual(text, context) if context is not None else ():
        add(anchor)
    for pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            add(_anchor(match, lang))
    return tuple(sorted(found, key=lambda a: (a.start, a.end)))


def _contextual(text: str, context: DateContext) -> list[Anchor]:
    """Days read against the dates written before: without a month, or relative."""
    found: list[Anchor | None] = []
    if context.month is not None:
        year, month = int(context.month[:4]), int(context.month[5:7])
        for pattern in _DAY_ONLY:
            for match in pattern.finditer(text):
                found.append(_date(year, month, int(match["day"]), *match.span()))
    if context.day is not None:
        import datetime

        base = datetime.date.fromisoformat(context.day)
        for pattern, offset in _RELATIVE_DAYS:
            for match in pattern.finditer(text):
                day = base + datetime.timedelta(days=offset)
                found.append(_date(day.year, day.month, day.day, *match.span()))
    return [anchor for anchor in found if anchor is not None]


def context_dates(sentences: Sequence[str], lang: str = Lang.UND) -> list[DateContext]:
    """For each sentence, what the sentences before it date (see `DateContext`); the year is
    `context_years`'s."""
    contexts: list[DateContext] = []
    month: str | None = None
    day: str | None = None
    for text, year in zip(sentences, context_years(sentences, lang), strict=True):
        contexts.append(DateContext(year, month, day))
        text = URL.sub(lambda m: " " * len(m.group()), text)
        anchors = find_anchors(text, lang, year, contexts[-1])
        dated = [
            a
            for a in anchors
            if a.kind in (EvidenceKind.DATE, EvidenceKind.MONTH) and not is_yearless(a.value)
        ]
        if dated:
            last = max(dated, key=lambda a: a.end)
            month = last.value[:7]
            days = {a.value for a in dated if a.kind is EvidenceKind.DATE}
            # After a range ("du 20 au 22 juin") "le lendemain" could follow either end.
            day = last.value if last.kind is EvidenceKind.DATE and len(days) == 1 else None
    return contexts


def _month_number(name: str | None) -> int | None:
    if not name:
        return None
    month = _month_names().get(name.lower().rstrip("."))
    if month is None and name.startswith("May"):
        month = 5
    return month


def _date(year: int, month: int, day: int, start: int, end: int) -> Anchor | None:
    """A date anchor, or None when it cannot be a date."""
    if not YEAR_MIN <= year <= YEAR_MAX or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return Anchor(EvidenceKind.DATE, f"{year:04d}-{month:02d}-{day:02d}", start, end)


def _yearless(month: int, day: int, start: int, end: int) -> Anchor | None:
    """A day written without its year ("le 19 août"): date --08-19, or None."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return Anchor(EvidenceKind.DATE, f"{YEARLESS}{month:02d}-{day:02d}", start, end)


def context_years(sentences: Sequence[str], lang: str = Lang.UND) -> list[int | None]:
    """For each sentence, the year a day without one belongs to: the last year written before it
    (in it or in an earlier sentence); before any, the page's publication year, when a web
    address written before it carries a full date (`.../2019/07/28/...`, `CHP19660627`); else
    None. A year written later is never taken: "LENINGRAD, June 26" at the top of a 1966 report
    is not in 1945 because the report later lists "1941 ... 1945"."""
    years: list[int | None] = []
    last: int | None = None
    published: int | None = None
    for text in sentences:
        years.append(last if last is not None else published)
        if published is None:
            published = published_year(text)
        anchors = find_anchors(URL.sub(lambda m: " " * len(m.group()), text), lang)
        written = [a for a in anchors if a.kind is EvidenceKind.YEAR]
        written += [
            a
            for a in anchors
            if a.kind in (EvidenceKind.DATE, EvidenceKind.MONTH) and not is_yearless(a.value)
        ]
        if written:
            last = int(max(written, key=lambda a: a.end).value[:4])
    return years


# A full date inside a web address: 2019/07/28, 2019-07-28, 20190728 (digits on their own).
_URL_DATE = re.compile(
    r"(?<!\d)(?P<year>1[89]\d\d|20\d\d)(?P<sep>[/_-]?)(?P<month>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)


def published_year(text: str) -> int | None:
    """The year of the first full date in a web address of `text` (where news pages write
    their publication date), or None."""
    for address in URL.finditer(text):
        match = _URL_DATE.search(address.group())
        if match is not None:
            return int(match["year"])
    return None


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
