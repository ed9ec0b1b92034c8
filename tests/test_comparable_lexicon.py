"""The content-word bridge of comparable mode: the lexicon's short words meet their translations."""

from __future__ import annotations

import pytest

from align.comparable.lexicon import LEXICON, short_words, translations
from align.comparable.words import content_words, month_words


def test_short_lexicon_words_are_content_words_in_their_own_language() -> None:
    assert "war" in {w.key for w in content_words("the end of the war", short_words("en"))}
    assert "fin" in {w.key for w in content_words("la fin du conflit", short_words("fr"))}
    # The French conjunction "car" is not the English car: a short word is kept only in the
    # language the lexicon lists it for.
    assert "car" not in {w.key for w in content_words("il part, car il pleut", short_words("fr"))}
    assert "car" in {w.key for w in content_words("a black car", short_words("en"))}


def test_short_words_stay_out_without_the_lexicon() -> None:
    assert [w.key for w in content_words("the end of the war")] == []


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("guerre", "war"),
        ("fin", "end"),
        ("incendie", "burned"),
        ("escadre", "squadron"),
        ("homologue", "counterpart"),
        ("etrangeres", "foreign"),
        ("otages", "hostages"),
    ],
)
def test_the_lexicon_bridges_words_with_no_spelling_in_common(french: str, english: str) -> None:
    assert english in translations(french)


def test_every_lexicon_entry_is_folded_and_has_a_translation() -> None:
    for french, english in LEXICON.items():
        assert french == french.lower() and french.isascii()
        assert english


@pytest.mark.parametrize("month", ["octobre", "october", "fevrier", "february", "aout", "august"])
def test_french_and_english_month_names_are_dates_not_matched_words(month: str) -> None:
    assert month in month_words()
