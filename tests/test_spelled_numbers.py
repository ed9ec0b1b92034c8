"""Numbers written in words, and names that carry a number, as evidence of comparable links."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.comparable.events import align_comparable
from align.comparable.spelled import spelled_numbers
from align.comparable.words import content_words


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("sous l'escorte de soixante-cinq motards", "fr", ["65"]),
        ("cent un coups de canon", "fr", ["101"]),
        ("quatre-vingt-dix-neuf ans", "fr", ["99"]),
        ("quatre-vingts jours", "fr", ["80"]),
        ("vingt et un pays", "fr", ["21"]),
        ("soixante et onze", "fr", ["71"]),
        ("deux mille cinq cents soldats", "fr", ["2500"]),
        ("deux millions de réfugiés", "fr", ["2000000"]),
        ("sixty-four motorcycle cops", "en", ["64"]),
        ("one hundred and one guns", "en", ["101"]),
        ("three million people", "en", ["3000000"]),
        ("trois heures de discussion", "fr", ["3"]),
        ("quatre cinq", "fr", ["4", "5"]),
    ],
)
def test_numbers_written_in_words_have_their_value(
    text: str, lang: str, expected: list[str]
) -> None:
    assert [n.value for n in spelled_numbers(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("un traité a été signé", "fr"),
        ("une foule dense", "fr"),
        ("one of the guards", "en"),
        ("des millions de gens", "fr"),
        ("the millions who watched", "en"),
        ("il a cent ans", "de"),
    ],
)
def test_articles_and_lone_scales_are_not_numbers(text: str, lang: str) -> None:
    assert list(spelled_numbers(text, lang)) == []


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -éèà", max_size=60))
def test_spelled_numbers_point_at_their_words(text: str) -> None:
    for lang in ("fr", "en"):
        for number in spelled_numbers(text, lang):
            assert 0 <= number.start < number.end <= len(text)
            assert text[number.start : number.end].strip() == text[number.start : number.end]


def test_a_number_in_words_meets_the_same_number_in_digits() -> None:
    fr = [
        "Le cortège passe sous l'escorte de soixante-cinq motards de la garde.",
        "Il pleut sur la ville.",
    ]
    en = ["It rained.", "An escort of 65 motorcycle guards went with the procession."]
    links = align_comparable(fr, en)
    assert [(k.fr, k.en) for k in links] == [((0,), (1,))]
    assert "number 65" in links[0].labels


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("le sommet du G7 de Biarritz", ["sommet", "g7", "biarritz"]),
        ("the G-7 Summit", ["g7", "summit"]),
        ("MiG-29 jets", ["mig29", "jets"]),
        ("Elmendorf-Richardson base", ["elmendorf", "richardson", "base"]),
        ("on 24 August 2019", ["august"]),
    ],
)
def test_a_name_keeps_its_number_and_both_spellings_meet(text: str, keys: list[str]) -> None:
    assert [w.key for w in content_words(text)] == keys
