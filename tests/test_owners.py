"""A body's name with its owner written in joins the body: organs of known organisations only."""

from __future__ import annotations

import pytest

from glossary.cluster import Cluster, FormStats
from glossary.model import EntityType
from glossary.owners import join_owned

ORG, LOC, PER = EntityType.ORG, EntityType.LOC, EntityType.PER


def stats(form: str, lang: str, kind: EntityType = ORG) -> FormStats:
    return FormStats(form, lang, 1, frozenset({"a.txt"}), ((kind, 1),))


def groups(*clusters: list[tuple[str, str]]) -> set[frozenset[str]]:
    """The forms of each cluster after join_owned, from clusters given as (form, lang) lists."""
    joined = join_owned([Cluster(tuple(stats(f, lang) for f, lang in c)) for c in clusters])
    return {frozenset(f.form for f in c.forms) for c in joined}


@pytest.mark.parametrize(
    ("clusters", "together"),
    [
        # The owner after the body, in French and in English.
        (
            [[("Conseil de sécurité", "fr")], [("Conseil de sécurité des Nations unies", "fr")]],
            True,
        ),
        ([[("Conseil de sécurité", "fr")], [("Conseil de sécurité de l'ONU", "fr")]], True),
        ([[("General Assembly", "en")], [("General Assembly of the United Nations", "en")]], True),
        # The owner before it in English, its acronym's dots or not.
        ([[("Security Council", "en")], [("U.N. Security Council", "en")]], True),
        ([[("Security Council", "en")], [("UN Security Council", "en")]], True),
        # A country as owner makes another body.
        ([[("Conseil de sécurité", "fr")], [("Conseil de sécurité de la Russie", "fr")]], False),
        ([[("Security Council", "en")], [("Russian Security Council", "en")]], False),
        # The bare name also qualified otherwise in its cluster: it is not the organ's alone.
        (
            [
                [("Communist Party", "en"), ("French Communist Party", "en")],
                [("Communist Party of the European Union", "en")],
            ],
            False,
        ),
        # No head noun of a body: nothing to own.
        ([[("Jean Dupont", "fr")], [("Jean Dupont de l'ONU", "fr")]], False),
        # Other languages are not read.
        ([[("Sicherheitsrat", "de")], [("Sicherheitsrat der UNO", "de")]], False),
    ],
)
def test_a_body_joins_its_name_with_its_owner(
    clusters: list[list[tuple[str, str]]], together: bool
) -> None:
    result = groups(*clusters)
    every = frozenset(f for c in clusters for f, _ in c)
    assert (every in result) is together


def test_a_place_or_a_person_is_never_read_as_owned() -> None:
    clusters = [
        Cluster((stats("Conseil de sécurité", "fr"),)),
        Cluster((stats("Conseil de sécurité de l'ONU", "fr", LOC),)),
    ]
    assert len(join_owned(clusters)) == 2
