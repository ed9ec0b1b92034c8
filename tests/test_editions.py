"""An event's French and English names with one edition's year, in linked sentences, are one."""

from __future__ import annotations

import pytest

from glossary.build import glossary_from_mentions
from glossary.cooccurrence import LinkedSentences, TextSpan
from glossary.editions import edition
from glossary.model import EntityType, Mention

MISC = EntityType.MISC


@pytest.mark.parametrize(
    ("form", "year"),
    [
        ("JO-92", "92"),
        ("1992 Olympic Games", "92"),
        ("World Cup 82", "82"),
        ("Mondiaux-2009", "09"),
        ("Euro 2012", "12"),
        ("Olympic Games", ""),  # no edition
        ("G7", ""),  # a digit of the name, not a year
        ("Euro 2004 and 2008", ""),  # two: no one edition
    ],
)
def test_the_edition_of_an_events_name(form: str, year: str) -> None:
    assert edition(form) == year


def mention(form: str, lang: str, source: str, start: int, kind: EntityType = MISC) -> Mention:
    return Mention(
        form=form,
        lang=lang,
        type=kind,
        source=source,
        start=start,
        end=start + len(form),
        line=1,
        column=start + 1,
        context=form,
    )


def entities(fr: list[Mention], en: list[Mention]) -> list[set[str]]:
    """The forms of each entity when one French sentence (0-100) is linked to one English."""
    link = LinkedSentences((TextSpan("fr.txt", 0, 100),), (TextSpan("en.txt", 0, 100),))
    glossary = glossary_from_mentions([*fr, *en], links=[link])
    by_id: dict[str, set[str]] = {}
    for v in glossary.variants:
        by_id.setdefault(v.entity_id, set()).add(v.variant)
    return sorted(by_id.values(), key=sorted)


@pytest.mark.parametrize(
    ("fr", "en", "together"),
    [
        # One event of that year on each side: one event.
        ([("JO-92", 10)], [("1992 Olympic Games", 10)], True),
        ([("Mondiaux-2009", 5)], [("2009 World Championship", 5)], True),
        # Different years: two events.
        ([("JO-92", 10)], [("2012 Olympic Games", 10)], False),
        # An event both sides spell alike is matched already: the other one of the year is.
        (
            [("Mondiaux-2009", 5), ("Euro-2009", 60)],
            [("2009 World Championship", 5), ("Euro-2009", 60)],
            True,
        ),
        # Two events of the year on one side: nothing says which.
        ([("Mondial-82", 5)], [("World Cup 82", 5), ("Commonwealth Games 82", 40)], False),
    ],
)
def test_linked_events_with_one_edition_are_one(
    fr: list[tuple[str, int]], en: list[tuple[str, int]], together: bool
) -> None:
    groups = entities(
        [mention(f, "fr", "fr.txt", s) for f, s in fr],
        [mention(f, "en", "en.txt", s) for f, s in en],
    )
    assert ({fr[0][0], en[0][0]} <= next(g for g in groups if fr[0][0] in g)) is together


def test_a_person_or_a_place_with_a_year_is_no_edition() -> None:
    groups = entities(
        [mention("Paris 1992", "fr", "fr.txt", 10, EntityType.LOC)],
        [mention("1992 Olympic Games", "en", "en.txt", 10)],
    )
    assert len(groups) == 2
