"""Reading a workbook for a few chosen entities gives those entities exactly as the whole read
does, and refuses every workbook the whole read refuses, with the same message."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.errors import GlossaryError
from glossary.outline import Outline, chosen_part
from glossary.workbook.choose import parse_chosen
from glossary.workbook.parse import parse_workbook
from glossary.workbook.schema import ENTITIES, ENTITY_COLUMNS, VARIANT_COLUMNS, VARIANTS

E = ENTITY_COLUMNS
V = VARIANT_COLUMNS
# entity_id, type, canonical_en, canonical_fr, original, status, note, mentions, sources
MOSCOW = ("loc-moscow", "LOC", "Moscow", "Moscou", "Москва", "auto", "", 3, "a.txt:1")
USHAKOV = ("per-ushakov", "PER", "Yuri Ushakov", "Iouri Ouchakov", "", "confirmed", "", 2, "")
STALIN = ("per-stalin", "per", "Stalin", "Staline", "", "REJECTED", "", 0, "")
BLANK_TYPE = ("misc-x", "", "Kremlin", "Kremlin", "", "", "", "", "")
# entity_id, variant, lang, kind, count, status, example, sources
MOSCOU = ("loc-moscow", "Moscou", "fr", "exonym", 3, "auto", "", "a.txt:1")
OUCHAKOV = ("per-ushakov", "Ouchakov", "français", "short", 1, "", "", "")
TYPED = ("per-ushakov", "Ushakof", "", "", "", "approved", "", "")


def sheets(entities: list[tuple], variants: list[tuple], header: tuple = E) -> dict:
    return {ENTITIES: [header, *entities], VARIANTS: [V, *variants]}


def whole(book: dict, wanted: set[str]) -> object:
    """The whole read narrowed to `wanted`, or the message it refuses the workbook with."""
    try:
        return chosen_part(parse_workbook("g.xlsx", book).glossary, lambda _: wanted)
    except GlossaryError as error:
        return str(error)


def chosen(book: dict, wanted: set[str]) -> object:
    try:
        return parse_chosen("g.xlsx", book, lambda _: wanted)
    except GlossaryError as error:
        return str(error)


GOOD = sheets(
    [MOSCOW, USHAKOV, (), STALIN, BLANK_TYPE], [MOSCOU, (), OUCHAKOV, TYPED, ("misc-x", "Kreml")]
)

# Workbooks the whole read refuses, one fault each or several (the first one named).
BROKEN = [
    {ENTITIES: [E, MOSCOW]},
    sheets([MOSCOW], [MOSCOU], header=("entity_id", "kind")),
    sheets([MOSCOW, ("", "LOC", "Paris")], [MOSCOU]),
    sheets([MOSCOW, ("loc-paris", "LOC", "Paris", "", "", "", "", "many")], [MOSCOU]),
    sheets([MOSCOW], [MOSCOU, ("loc-moscow", " ", "en")]),
    sheets([MOSCOW], [MOSCOU, ("", "Moskva", "en")]),
    sheets([MOSCOW], [MOSCOU, ("loc-moscow", "Moskva", "en", "", 1.5)]),
    sheets([MOSCOW, USHAKOV, MOSCOW], [MOSCOU]),
    sheets([MOSCOW], [MOSCOU, ("loc-paris", "Paris", "fr")]),
    sheets([MOSCOW], [MOSCOU, MOSCOU]),
    # A language left blank is the tool's: "Moscou" appears in the French canonical cell only.
    sheets([MOSCOW], [MOSCOU, ("loc-moscow", "Moscou", "")]),
    sheets([MOSCOW], [("loc-moscow", "Moscou", "klingon"), MOSCOU]),
    sheets([MOSCOW, ("", "LOC")], [("loc-moscow", "")]),
    sheets([MOSCOW, MOSCOW], [MOSCOU, MOSCOU, ("x", "y")]),
    sheets([MOSCOW], [("loc-paris", "Paris", "fr"), MOSCOU, MOSCOU]),
    sheets([MOSCOW], [MOSCOU, MOSCOU, ("loc-paris", "Paris", "fr")]),
]


@pytest.mark.parametrize("book", BROKEN)
@pytest.mark.parametrize("wanted", [set(), {"loc-moscow"}])
def test_a_broken_workbook_is_refused_with_the_whole_reads_message(
    book: dict, wanted: set[str]
) -> None:
    refused = whole(book, wanted)
    assert isinstance(refused, str)
    assert chosen(book, wanted) == refused


@pytest.mark.parametrize(
    "wanted",
    [set(), {"loc-moscow"}, {"per-ushakov", "misc-x"}, {"per-stalin"}, {"nobody"}],
)
def test_the_chosen_entities_are_those_of_the_whole_read(wanted: set[str]) -> None:
    assert chosen(GOOD, wanted) == whole(GOOD, wanted)


def test_the_outline_says_who_is_a_person_and_who_is_rejected() -> None:
    seen: list[Outline] = []
    parse_chosen("g.xlsx", GOOD, lambda outline: seen.append(outline) or set())
    (outline,) = seen
    assert [(e.entity_id, e.person, e.rejected) for e in outline.entities] == [
        ("loc-moscow", False, False),
        ("per-ushakov", True, False),
        ("per-stalin", True, True),
        ("misc-x", False, False),
    ]
    assert [(v.entity_id, v.variant) for v in outline.variants][-1] == ("misc-x", "Kreml")


_IDS = st.sampled_from(["e1", "e2", "e3", " e1", ""])
_CELL = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "PER", "loc", "auto", "rejected", "fr", "EN", "x", "3", "1.5"]),
    st.integers(-2, 3),
    st.floats(0, 3),
    st.booleans(),
)
_ENTITY = st.tuples(_IDS, _CELL, _CELL, _CELL, _CELL, _CELL, _CELL, _CELL, _CELL)
_VARIANT = st.tuples(_IDS, st.sampled_from(["Moscou", "Moscow", "x", "", " "]), _CELL, _CELL, _CELL)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entities=st.lists(st.one_of(_ENTITY, st.just(())), max_size=5),
    variants=st.lists(_VARIANT, max_size=5),
    wanted=st.sets(st.sampled_from(["e1", "e2", "e3"])),
)
def test_any_workbook_reads_the_same_chosen_or_whole(
    entities: list[tuple], variants: list[tuple], wanted: set[str]
) -> None:
    book = sheets(entities, variants)
    assert chosen(book, wanted) == whole(book, wanted)
