"""Dates and numbers normalised across French and English (table hand-checked)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.anchors import find_anchors, parse_number
from align.model import EvidenceKind

CASES = [
    # (text, lang, expected labels)
    ("le 2 mai 1935", "fr", ["date 1935-05-02"]),
    ("2 May 1935", "en", ["date 1935-05-02"]),
    ("May 2, 1935", "en", ["date 1935-05-02"]),
    ("the 2nd of May 1935", "en", ["date 1935-05-02"]),
    ("le 1er mai 1935", "fr", ["date 1935-05-01"]),
    ("28 octobre 1924", "fr", ["date 1924-10-28"]),
    ("began on 28 October, 1924.", "en", ["date 1924-10-28"]),
    ("signé le 29 novembre 1932", "fr", ["date 1932-11-29"]),
    ("en mai 1935", "fr", ["month 1935-05"]),
    ("in May 1935", "en", ["month 1935-05"]),
    ("en 1935", "fr", ["year 1935"]),
    ("in 1935", "en", ["year 1935"]),
    ("entre 1912 et 1917", "fr", ["year 1912", "year 1917"]),
    ("1940–1946", "en", ["year 1940", "year 1946"]),
    ("225 millions de francs", "fr", ["number 225000000"]),
    ("225 million francs", "en", ["number 225000000"]),
    ("1,5 milliard", "fr", ["number 1500000000"]),
    ("1.5 billion", "en", ["number 1500000000"]),
    ("un billion", "fr", []),
    ("2 billions", "fr", ["number 2000000000000"]),
    ("1,5 %", "fr", ["number 1.5"]),
    ("1.5%", "en", ["number 1.5"]),
    ("1 000 hommes", "fr", ["number 1000"]),
    ("1\u202f000 hommes", "fr", ["number 1000"]),
    ("1,000 men", "en", ["number 1000"]),
    ("1,060 feet (323 m)", "en", ["number 1060", "number 323"]),
    ("12 345,67", "fr", ["number 12345.67"]),
    ("1.234,5", "fr", ["number 1234.5"]),
    ("1,234.5", "en", ["number 1234.5"]),
    ("100e anniversaire", "fr", ["ordinal 100"]),
    ("100ème anniversaire", "fr", ["ordinal 100"]),
    ("100th anniversary", "en", ["ordinal 100"]),
    ("XXe siècle", "fr", ["century 20"]),
    ("XIXᵉ siècle", "fr", ["century 19"]),
    ("20e siècle", "fr", ["century 20"]),
    ("20th century", "en", ["century 20"]),
    ("20th-century diplomacy", "en", ["century 20"]),
    ("dans les années 1960", "fr", ["decade 1960s"]),
    ("in the 1960s", "en", ["decade 1960s"]),
    ("you may 1935", "en", ["year 1935"]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES)
def test_dates_and_numbers_are_normalised(text: str, lang: str, expected: list[str]) -> None:
    assert [str(a.evidence) for a in find_anchors(text, lang)] == expected


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("le 2 mai 1935", "May 2, 1935"),
        ("en 1935", "in 1935"),
        ("225 millions", "225 million"),
        ("1,5", "1.5"),
        ("100e anniversaire", "100th anniversary"),
        ("XXe siècle", "20th century"),
    ],
)
def test_french_and_english_forms_meet(french: str, english: str) -> None:
    fr = [str(a.evidence) for a in find_anchors(french, "fr")]
    en = [str(a.evidence) for a in find_anchors(english, "en")]
    assert fr == en and fr


@pytest.mark.parametrize(
    ("raw", "lang", "expected"),
    [
        ("1,500", "en", "1500"),
        ("1,500", "fr", "1.5"),
        ("1,500", "und", "1500"),
        ("1,5", "und", "1.5"),
        ("1.500", "fr", "1500"),
        ("1.500", "en", "1.5"),
        ("1.000.000", "und", "1000000"),
    ],
)
def test_ambiguous_separator_is_settled_by_the_language(raw: str, lang: str, expected: str) -> None:
    assert parse_number(raw, lang) == Decimal(expected)


def test_date_implies_its_month_year_and_day_of_the_year() -> None:
    (anchor,) = find_anchors("le 2 mai 1935", "fr")
    implied = ("date 1935-05-02", "month 1935-05", "year 1935", "date --05-02")
    assert tuple(map(str, anchor.implied())) == implied


def test_day_of_a_date_is_not_a_number_of_its_own() -> None:
    kinds = [a.kind for a in find_anchors("Le 29 novembre 1932, 3 pays", "fr")]
    assert kinds == [EvidenceKind.DATE, EvidenceKind.NUMBER]


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_read_back_in_both_languages(n: int) -> None:
    english = f"{n:,}"
    french = english.replace(",", "\u202f")
    assert parse_number(english, "en") == n
    assert parse_number(french, "fr") == n


@given(st.text(max_size=60))
def test_anchor_spans_lie_inside_the_text_in_order(text: str) -> None:
    anchors = find_anchors(text, "fr")
    for anchor in anchors:
        assert 0 <= anchor.start < anchor.end <= len(text)
    assert [a.start for a in anchors] == sorted(a.start for a in anchors)


@pytest.mark.parametrize(
    ("text", "lang", "year", "expected"),
    [
        ("du 23 mars au 3 avril 1960", "fr", None, ["date 1960-03-23", "date 1960-04-03"]),
        ("Du 2 au 5 octobre 1985, il", "fr", None, ["date 1985-10-02", "date 1985-10-05"]),
        ("met 4-11 February 1945.", "en", None, ["date 1945-02-04", "date 1945-02-11"]),
        ("On 2025-08-15, Trump", "en", None, ["date 2025-08-15"]),
        ("le samedi 16 août, Trump", "fr", 2025, ["date 2025-08-16"]),
        ("entered the city on 14 September.", "en", 1812, ["date 1812-09-14"]),
        ("On August 15 he spoke.", "en", 2025, ["date 2025-08-15"]),
        # Without a year in context a day is not guessed into a year: it stays a day.
        ("le samedi 16 août, Trump", "fr", None, ["date --08-16"]),
        ("on August 15th he spoke.", "en", None, ["date --08-15"]),
        ("le 2 mai 1935", "fr", 1812, ["date 1935-05-02"]),
    ],
    ids=[
        "fr range",
        "fr day range",
        "en day range",
        "iso",
        "fr no year",
        "en no year",
        "en month first",
        "no context",
        "no context en",
        "own year wins",
    ],
)
def test_ranges_iso_and_days_without_a_year(
    text: str, lang: str, year: int | None, expected: list[str]
) -> None:
    dates = [str(a.evidence) for a in find_anchors(text, lang, year)]
    assert [d for d in dates if not d.startswith("year")] == expected


CONTEXT_YEARS = [
    # (sentences, lang, the year each sentence's days without a year take)
    (
        ["Il pleut.", "En 1960, il vint.", "Le 23 mars, il part.", "En 2024, on s'en souvient."],
        "fr",
        [None, None, 1960, 1960],
    ),
    # A dateline's day is never given a year written later in the report.
    (
        [
            "source: https://paperspast.example.nz/newspapers/CHP19660627.2.153",
            "LENINGRAD, June 26: President de Gaulle was to attend mass.",
            "Their graves bear a date (1941, 1942, 1943, 1944 or 1945).",
            "On June 27 he left.",
        ],
        "en",
        [None, 1966, 1966, 1945],
    ),
    # The publication date in a page's address, with slashes or dashes.
    (
        ["source: https://news.example.com/world/2025/10/19/napoleon", "Le 19 octobre."],
        "fr",
        [None, 2025],
    ),
    (["source: https://www.example.fr/20190728/macron", "On 19 August."], "en", [None, 2019]),
    # A year written before the text wins over the publication year.
    (
        ["source: https://example.com/2025/10/19/x", "En 1812, il part.", "Le 19 octobre."],
        "fr",
        [None, 2025, 1812],
    ),
    # Digits of an identifier are no date (201011231022163613), nor a year alone in an address.
    (
        ["source: https://example.com/actualite/201011231022163613-x", "Le 23 mars."],
        "fr",
        [None, None],
    ),
    (["source: https://example.com/2006/voyage", "Le 23 mars."], "fr", [None, None]),
    (["Le 23 mars, il part.", "Il revient en 1960."], "fr", [None, None]),
]


@pytest.mark.parametrize(("sentences", "lang", "expected"), CONTEXT_YEARS)
def test_a_day_without_a_year_takes_the_last_year_before_it_never_a_later_one(
    sentences: list[str], lang: str, expected: list[int | None]
) -> None:
    from align.anchors import context_years

    assert context_years(sentences, lang) == expected


def test_a_dateline_day_is_dated_by_the_page_address_not_by_a_later_year() -> None:
    from align.anchors import context_dates

    sentences = [
        "source: https://paperspast.example.nz/newspapers/CHP19660627.2.153",
        "LENINGRAD, June 26 (Reuter): de Gaulle was to attend Sunday mass.",
        "Their graves bear a date (1941, 1942, 1943, 1944 or 1945).",
    ]
    context = context_dates(sentences, "en")[1]
    dates = [str(a.evidence) for a in find_anchors(sentences[1], "en", context=context)]
    assert "date 1966-06-26" in dates


CHRONOLOGY = [
    # (sentences, lang, dates read in the last sentence)
    (
        ["Du 2 au 5 octobre 1985, il est en France.", "Le 3, il propose des négociations."],
        "fr",
        ["date 1985-10-03"],
    ),
    (
        ["Le 20 juin 1966, il arrive.", "Le 23, il part, et le 24 il visite Akademgorod."],
        "fr",
        ["date 1966-06-23", "date 1966-06-24"],
    ),
    (["He arrived on June 20, 1966.", "On the 23rd he flew east."], "en", ["date 1966-06-23"]),
    (
        ["On October 19, 1812, Napoleon left Moscow.", "The next day he ordered Mortier back."],
        "en",
        ["date 1812-10-20"],
    ),
    (
        ["Le 19 octobre 1812, Napoléon quitte Moscou.", "Le lendemain, il donne l'ordre."],
        "fr",
        ["date 1812-10-20"],
    ),
    (
        ["Le 2 octobre 1985, il arrive.", "La veille, TF1 a diffusé un entretien."],
        "fr",
        ["date 1985-10-01"],
    ),
    # After a range, "le lendemain" could follow either end: not read.
    (["Du 20 au 22 juin 1966, il est à Moscou.", "Le lendemain, il parle."], "fr", []),
    # "la veille de son arrivée" is told from another day than the one last written.
    (["Le 2 octobre 1985, il arrive.", "La veille de son arrivée, TF1 diffuse."], "fr", []),
    # Without a month written before, "Le 3," is a number, not a day.
    (["Il pleut.", "Le 3, il part."], "fr", []),
]


@pytest.mark.parametrize(("sentences", "lang", "expected"), CHRONOLOGY)
def test_days_of_a_chronology_are_read_against_the_dates_written_before(
    sentences: list[str], lang: str, expected: list[str]
) -> None:
    from align.anchors import context_dates

    context = context_dates(sentences, lang)[-1]
    dates = [str(a.evidence) for a in find_anchors(sentences[-1], lang, context=context)]
    assert [d for d in dates if d.startswith("date")] == expected


def test_english_months_and_weekdays_are_calendar_words_but_may_is_also_a_surname() -> None:
    from align.anchors import calendar_words

    assert {"october", "march", "friday"} <= calendar_words()
    assert "may" not in calendar_words()


COARSER = [
    # (evidence, what it implies)
    ("1935-05-02", ["month 1935-05", "year 1935", "date --05-02"]),
    ("--05-02", []),
]


@pytest.mark.parametrize(("value", "expected"), COARSER)
def test_a_full_date_implies_its_day_without_the_year_and_a_yearless_day_implies_nothing(
    value: str, expected: list[str]
) -> None:
    from align.anchors import coarser
    from align.model import Evidence, EvidenceKind

    assert [str(e) for e in coarser(Evidence(EvidenceKind.DATE, value))] == expected


def test_a_yearless_day_is_not_context_for_the_days_after_it() -> None:
    from align.anchors import context_dates

    sentences = ["Le 19 août, il arrive.", "Le 20, il part."]
    assert context_dates(sentences, "fr")[1].month is None
