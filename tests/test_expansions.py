"""Acronyms joined to the expansion a text gives them in brackets (issue 9 item 2)."""

from __future__ import annotations

import pytest

from glossary.build import glossary_from_mentions
from glossary.expansions import expansion_pairs
from glossary.mentions.finder import find_mentions
from glossary.model import EntityType, Glossary, Lang, Mention, Passage


def _glossary(lines: list[tuple[Lang, str]]) -> Glossary:
    passages = [
        Passage(f"{lang.value}{i}.txt", lang, text, start=0, line=1)
        for i, (lang, text) in enumerate(lines)
    ]
    return glossary_from_mentions(find_mentions(passages))


def _together(glossary: Glossary, a: str, b: str) -> bool:
    owners = {v.variant: v.entity_id for v in glossary.variants}
    return owners[a] == owners[b]


def test_an_acronym_joins_the_expansions_each_language_gives_it() -> None:
    glossary = _glossary(
        [
            (Lang.EN, "Racketeering runs through the Federal Security Service (FSB), they say."),
            (Lang.EN, "The report says that the FSB rakes in money from the biggest firms."),
            (Lang.FR, "Le racket passe par le Service fédéral de sécurité (FSB), dit-on."),
            (Lang.FR, "Le rapport dit que le FSB tire de l'argent des plus grandes firmes."),
        ]
    )
    assert _together(glossary, "FSB", "Federal Security Service")
    assert _together(glossary, "FSB", "Service fédéral de sécurité")
    [fsb] = [e for e in glossary.entities if e.canonical_en == "Federal Security Service"]
    assert fsb.canonical_fr == "Service fédéral de sécurité"


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        # A person's party in brackets is not the person.
        ("La chancelière Angela Merkel (CDU) a parlé hier soir à Berlin.", "Angela Merkel", "CDU"),
        # The last word of a longer name left out is no expansion of the acronym.
        ("Il travaille au centre d'innovations de Francfort (FIZ) depuis mai.", "Francfort", "FIZ"),
    ],
)
def test_what_stands_before_an_acronym_is_not_always_its_expansion(
    text: str, name: str, acronym: str
) -> None:
    passages = [Passage("fr.txt", Lang.FR, text, start=0, line=1)]
    mentions = find_mentions(passages)
    assert {m.form for m in mentions} >= {name, acronym}
    assert (name, acronym) not in {(a.form, b.form) for a, b in expansion_pairs(mentions)}


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        ("Son parti, le Kuomintang (KMT), a perdu les élections locales.", "Kuomintang", "KMT"),
        (
            "Les Forces démocratiques unies (ODSZ) ont appelé à manifester.",
            "Forces démocratiques unies",
            "ODSZ",
        ),
    ],
)
def test_a_body_and_its_acronym_in_brackets_are_one_entity(
    text: str, name: str, acronym: str
) -> None:
    assert _together(_glossary([(Lang.FR, text)]), name, acronym)


def _mentions(text: str, names: list[tuple[str, EntityType]]) -> list[Mention]:
    """Mentions of each name at its first place in `text` (one French sentence)."""
    out = []
    for name, kind in names:
        start = text.index(name)
        out.append(Mention(name, Lang.FR, kind, "fr.txt", start, start + len(name), 1, start, text))
    return out


_HCR = "Elle écrit au Haut commissariat des Nations unies pour les réfugiés (HCR) hier."
_ONU = "Le Conseil de sécurité de l'Organisation des Nations unies (ONU) a voté."


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A name inside the expansion, found too, neither hides it nor stands for it.
        (
            _HCR,
            [
                ("Haut commissariat des Nations unies pour les réfugiés", EntityType.ORG),
                ("Nations unies", EntityType.ORG),
                ("HCR", EntityType.ORG),
            ],
            ("Haut commissariat des Nations unies pour les réfugiés", "HCR"),
        ),
        # Two names end at the bracket: the one whose initials spell the letters.
        (
            _ONU,
            [
                ("Conseil de sécurité de l'Organisation des Nations unies", EntityType.ORG),
                ("Organisation des Nations unies", EntityType.ORG),
                ("ONU", EntityType.ORG),
            ],
            ("Organisation des Nations unies", "ONU"),
        ),
        # Nothing ends right before the bracket: no pair.
        (_HCR, [("Nations unies", EntityType.ORG), ("HCR", EntityType.ORG)], None),
    ],
)
def test_the_expansion_is_the_longest_name_ending_at_the_bracket(
    text: str, names: list[tuple[str, EntityType]], expected: tuple[str, str] | None
) -> None:
    pairs = {(a.form, b.form) for a, b in expansion_pairs(_mentions(text, names))}
    assert pairs == ({expected} if expected else set())
