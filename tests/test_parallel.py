"""Parallel sentence alignment: coverage, link types, anchors, empty sides and the band."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.model import Link
from align.parallel.aligner import align_parallel
from align.parallel.band import _without_outliers, band_around
from align.parallel.dp import (
    BEAD_PRIORS,
    BeadInputs,
    DPStats,
    ScoringWeights,
    bead_cost,
    best_path,
    group_unions,
)
from align.parallel.length import LengthModel

ALLOWED_KINDS = {"1-1", "1-2", "2-1", "2-2", "1-0", "0-1", "1-3", "3-1", "1-4", "4-1", "2-3", "3-2"}

FR_STORY = [
    "Le prince Orlov arriva à Moscou au moment où la pluie commençait à tomber sur la plaine.",
    "Les domestiques de Tatiana coururent ouvrir la grande porte et allumer les lampes.",
    "Il demanda aussitôt à voir la comtesse Volkonski, qui dormait encore dans la tour.",
    "Personne n'osa la réveiller avant que le jour ne fût levé sur le Kremlin.",
    "Le lendemain, Orlov et la comtesse se promenèrent longuement dans le parc Gorki.",
]
EN_STORY = [
    "Prince Orlov arrived in Moscow just as the rain began to fall upon the plain.",
    "Tatiana's servants ran to open the great door and to light the lamps.",
    "He asked at once to see Countess Volkonski, who was still asleep in the tower.",
    "Nobody dared to wake her before the day had broken over the Kremlin.",
    "The next morning, Orlov and the countess walked for a long time in Gorki park.",
]


def pairs(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.fr, link.en) for link in links]


def assert_covers(links: list[Link], n: int, m: int) -> None:
    assert [i for link in links for i in link.fr] == list(range(n))
    assert [j for link in links for j in link.en] == list(range(m))
    assert all(link.kind in ALLOWED_KINDS for link in links)
    assert all(0.0 <= link.score <= 1.0 for link in links)


WORDS = [
    "le",
    "roi",
    "the",
    "king",
    "Moscou",
    "Moscow",
    "1812",
    "?",
    "!",
    "«",
    "—",
    "paix",
    "peace",
]
sentence = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence, max_size=25), st.lists(sentence, max_size=25))
def test_every_sentence_is_covered_once_in_order(fr: list[str], en: list[str]) -> None:
    assert_covers(align_parallel(fr, en), len(fr), len(en))


def test_faithful_translation_is_aligned_one_to_one() -> None:
    links = align_parallel(FR_STORY, EN_STORY)
    assert pairs(links) == [((i,), (i,)) for i in range(5)]


def test_english_sentence_without_french_counterpart_is_a_0_1_link() -> None:
    extra = (
        "It should be said here that the castle had been sold twice during the war, "
        "and that its cellars held nothing but dust and broken glass."
    )
    en = [*EN_STORY[:2], extra, *EN_STORY[2:]]
    links = align_parallel(FR_STORY, en)
    assert ((), (2,)) in pairs(links)
    assert ((2,), (3,)) in pairs(links)


def test_french_sentence_without_english_counterpart_is_a_1_0_link() -> None:
    extra = (
        "Il faut dire que le château avait été vendu deux fois pendant la guerre, "
        "et que ses caves ne contenaient plus que de la poussière et du verre brisé."
    )
    fr = [*FR_STORY[:3], extra, *FR_STORY[3:]]
    links = align_parallel(fr, EN_STORY)
    assert ((3,), ()) in pairs(links)
    assert ((4,), (3,)) in pairs(links)


@pytest.mark.parametrize(
    ("fr", "en", "expected"),
    [
        (
            ["Napoléon entra dans Moscou le 14 septembre 1812, et la ville était vide."],
            ["Napoleon entered Moscow on 14 September 1812.", "The city was empty."],
            [((0,), (0, 1))],
        ),
        (
            ["Napoleon entra dans Moscou le 14 septembre 1812.", "La ville était vide."],
            ["Napoleon entered Moscow on 14 September 1812, and the city was empty."],
            [((0, 1), (0,))],
        ),
    ],
)
def test_split_or_joined_sentence_gives_1_2_or_2_1(
    fr: list[str], en: list[str], expected: list[tuple[tuple[int, ...], tuple[int, ...]]]
) -> None:
    assert pairs(align_parallel(fr, en)) == expected


def _filler(prefix: str, marker: str) -> str:
    # Same length whatever the marker, so only the marker can tell the sentences apart.
    return f"{prefix} {marker} {'x' * (12 - len(marker))}"


def test_numbers_decide_where_the_extra_sentence_goes() -> None:
    # Every sentence has the same length: only the numbers say the English has an extra first one.
    years = ["1812", "1905", "1917", "1945"]
    fr = [_filler("Ils partirent en", y) for y in years]
    en = [_filler("They left in", "1700")] + [_filler("They left in", y) for y in years]
    links = align_parallel(fr, en)
    assert pairs(links) == [((), (0,)), *(((i,), (i + 1,)) for i in range(4))]
    assert "number 1812" in links[1].labels


def test_names_anchor_through_the_name_key() -> None:
    spellings = {"Ouchakov": "ushakov", "Tchitcherine": "chicherin", "Jdanov": "zhdanov"}
    fr = [f"Le ministre {name} parla longuement ce soir-là." for name in spellings]
    en = [
        f"Minister {name} spoke at length that evening."
        for name in ("Kollontai", "Ushakov", "Chicherin", "Zhdanov")
    ]

    def name_key(word: str) -> str:
        return spellings.get(word, word.lower())

    links = align_parallel(fr, en, name_key=name_key)
    assert pairs(links) == [((), (0,)), ((0,), (1,)), ((1,), (2,)), ((2,), (3,))]
    assert "name Ouchakov = Ushakov" in links[1].labels
    # Without the key, nothing says which English sentence is the extra one.
    assert pairs(align_parallel(fr, en, name_key=None)) != pairs(links)


@pytest.mark.parametrize(
    ("fr", "en", "expected"),
    [
        ([], [], []),
        ([], ["One.", "Two."], [((), (0,)), ((), (1,))]),
        (["Un."], [], [((0,), ())]),
    ],
)
def test_an_empty_side_leaves_every_sentence_unlinked(
    fr: list[str], en: list[str], expected: list[tuple[tuple[int, ...], tuple[int, ...]]]
) -> None:
    assert pairs(align_parallel(fr, en)) == expected


def test_paragraph_break_stops_a_merge_across_paragraphs() -> None:
    fr = ["Napoléon entra dans Moscou le 14 septembre 1812.", "La ville était vide."]
    en = ["Napoleon entered Moscow on 14 September 1812, and the city was empty."]
    assert pairs(align_parallel(fr, en)) == [((0, 1), (0,))]
    # The second French sentence opens a new paragraph: it cannot have been merged with the first.
    split = align_parallel(fr, en, fr_paragraphs=[0, 1], en_paragraphs=[0])
    assert pairs(split) == [((0,), (0,)), ((1,), ())]


def test_wrong_paragraph_count_is_refused() -> None:
    with pytest.raises(ValueError, match="2 paragraph numbers given for 1 sentences"):
        align_parallel(["Un."], ["One."], fr_paragraphs=[0, 1])


def test_band_keeps_dp_states_linear_for_5000_sentences() -> None:
    n = 5000
    fr = [f"La phrase {i} parle de la ville et de la campagne." for i in range(n)]
    en = [f"Sentence {i} speaks of the town and the country." for i in range(n)]
    stats = DPStats()
    links = align_parallel(fr, en, stats=stats)
    assert_covers(links, n, n)
    # Two passes over a band a few dozen states wide, never the 25 million states of n x m.
    assert stats.cells <= 60 * (n + 1)
    assert stats.beads <= 8 * stats.cells


@st.composite
def bead_inputs(draw: st.DrawFn) -> BeadInputs:
    n = draw(st.integers(1, 7))
    m = draw(st.integers(1, 7))
    keys = st.frozensets(st.integers(0, 9), max_size=4)
    fr_keys = draw(st.lists(keys, min_size=n, max_size=n))
    en_keys = draw(st.lists(keys, min_size=m, max_size=m))
    fr_numbers = [frozenset(k for k in ks if k < 2) for ks in fr_keys]
    en_numbers = [frozenset(k for k in ks if k < 2) for ks in en_keys]
    lengths = st.integers(1, 200)
    fr_para = draw(st.lists(st.booleans(), min_size=n + 1, max_size=n + 1))
    en_para = draw(st.lists(st.booleans(), min_size=m + 1, max_size=m + 1))
    return BeadInputs(
        fr_cum=list(
            itertools.accumulate(draw(st.lists(lengths, min_size=n, max_size=n)), initial=0)
        ),
        en_cum=list(
            itertools.accumulate(draw(st.lists(lengths, min_size=m, max_size=m)), initial=0)
        ),
        fr_groups=group_unions(fr_keys, 4),
        en_groups=group_unions(en_keys, 4),
        fr_numbers=group_unions(fr_numbers, 4),
        en_numbers=group_unions(en_numbers, 4),
        fr_para_start=[False, *fr_para[1:]],
        en_para_start=[False, *en_para[1:]],
        weights=draw(st.lists(st.floats(0, 5), min_size=10, max_size=10)),
        length=LengthModel(ratio=draw(st.floats(0.5, 2.0))),
        scoring=ScoringWeights(),
    )


def _reference_cost(inp: BeadInputs) -> float:
    """Plain full-matrix DP over bead_cost, without the band, the inlining or the pruning."""
    n, m = len(inp.fr_cum) - 1, len(inp.en_cum) - 1
    best = {(0, 0): 0.0}
    for i in range(n + 1):
        for j in range(m + 1):
            for a, b in BEAD_PRIORS:
                if (i - a, j - b) in best and (i, j) != (0, 0):
                    total = best[(i - a, j - b)] + bead_cost(inp, i - a, i, j - b, j)[0]
                    best[(i, j)] = min(best.get((i, j), math.inf), total)
    return best[(n, m)]


@settings(max_examples=80, deadline=None)
@given(bead_inputs())
def test_banded_dp_finds_the_optimum_of_the_plain_dp(inp: BeadInputs) -> None:
    n, m = len(inp.fr_cum) - 1, len(inp.en_cum) - 1
    stats = DPStats()
    beads = best_path(inp, band_around([(0, m)] * (n + 1), m, 0), stats)
    assert stats.path_cost == pytest.approx(_reference_cost(inp))
    assert sum(bead.cost for bead in beads) == pytest.approx(stats.path_cost)


def test_french_excerpt_of_a_long_english_text_still_pairs_its_sentences() -> None:
    # One side ten times longer must not stretch the length model over the whole English text.
    en = [f"In {1000 + j} the treaty was read again to the assembly." for j in range(300)]
    fr = [f"En {1100 + i}, on relut le traité devant l'assemblée." for i in range(30)]
    links = align_parallel(fr, en)
    assert [(i,) for i in range(30)] == [link.fr for link in links if link.en and link.fr]
    assert [((i,), (100 + i,)) for i in range(30)] == [
        (link.fr, link.en) for link in links if link.fr
    ]


def test_transliteration_is_the_default_name_key() -> None:
    fr = [
        f"Le ministre {name} parla longuement ce soir-là."
        for name in ("Ouchakov", "Tchitcherine", "Jdanov")
    ]
    en = [
        f"Minister {name} spoke at length that evening."
        for name in ("Kollontai", "Ushakov", "Chicherin", "Zhdanov")
    ]
    links = align_parallel(fr, en)
    assert pairs(links) == [((), (0,)), ((0,), (1,)), ((1,), (2,)), ((2,), (3,))]
    assert "name Ouchakov = Ushakov" in links[1].labels


def test_anchor_filtering_survives_when_every_early_anchor_is_off_the_line() -> None:
    # From ../shared/dev/events 05 x 07, where `align pair` used to end in an IndexError.
    chain = [(7, 15), (16, 16), (19, 25), (30, 36), (39, 59), (44, 62), (49, 94)]
    kept = _without_outliers(chain)
    assert kept == [p for p in chain if p in kept]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 40), st.integers(1, 40)), max_size=25).map(
        lambda steps: [
            (sum(s[0] for s in steps[: i + 1]), sum(s[1] for s in steps[: i + 1]))
            for i in range(len(steps))
        ]
    )
)
def test_anchor_filtering_accepts_any_increasing_chain(chain: list[tuple[int, int]]) -> None:
    kept = _without_outliers(chain)
    assert kept == [p for p in chain if p in kept]  # a sub-chain, in order
    if len(chain) < 3:
        assert kept == chain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=25).map(sorted))
def test_anchor_filtering_accepts_any_sorted_point_list(points: list[tuple[int, int]]) -> None:
    # Ties and points going back on the English side included: it must never fail.
    kept = _without_outliers(points)
    assert kept == [p for p in points if p in kept]
