"""`candidates`: every pair of passages that shares evidence, weighed as links are weighed."""

from __future__ import annotations

from align.comparable.events import align_comparable, candidates
from align.comparable.weights import MIN_SUPPORT

FR = [
    "Le mercredi 23 mars 1960, Nikita Khrouchtchev atterrit à Orly.",
    "Sur la route de Paris, une foule dense se masse.",
    "Le vendredi 15 août, les deux présidents se rencontrent en Alaska.",
]
EN = [
    "Crowds were thin in Paris.",
    "On March 23, 1960, Nikita Khrushchev landed at Orly.",
    "The two presidents met in Alaska on Friday 16 May.",
]


def test_every_link_has_a_candidate_with_enough_support() -> None:
    found = candidates(FR, EN)
    links = align_comparable(FR, EN)
    assert links
    for link in links:
        pairs = [(i, j) for i in link.fr for j in link.en if (i, j) in found]
        assert any(found[pair].support >= MIN_SUPPORT for pair in pairs), link


def test_a_pair_below_the_threshold_is_a_candidate_that_says_why() -> None:
    found = candidates(FR, EN)
    crowds = found[(1, 0)]
    assert crowds.support < MIN_SUPPORT
    assert "name Paris" in {str(e) for e in crowds.evidence}
    assert (1, 0) not in {(k.fr[0], k.en[0]) for k in align_comparable(FR, EN)}


def test_two_different_days_are_a_conflict() -> None:
    assert candidates(FR, EN)[(2, 2)].conflict
    assert not candidates(FR, EN)[(0, 1)].conflict


def test_nothing_shared_gives_no_candidate() -> None:
    assert candidates(["Il pleut."], ["The cat sleeps."]) == {}
