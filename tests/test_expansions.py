"""Acronyms joined to the expansion a text gives them in brackets (issue 9 item 2)."""

from __future__ import annotations

import pytest

from glossary.build import glossary_from_mentions
from glossary.expansions import expansion_pairs
from glossary.mentions.finder import find_mentions
from glossary.model import Glossary, Lang, Passage


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
