"""A fresh glossary from mentions: canonical forms, ids, variant kinds, sources, determinism."""

from __future__ import annotations

import pytest

from glossary.build import glossary_from_mentions
from glossary.mentions.finder import find_mentions
from glossary.model import Entity, Glossary, Passage, Source, VariantKind

FRENCH = [
    "Le Conseiller du Président de Russie Iouri Ouchakov est arrivé à Riyad.",
    "Le secrétaire d'État Mark Rubio et l'envoyé Steve Whitkoff étaient là.",
    "Le secrétaire d'État américain, Marco Rubio, a parlé de l'URSS.",
    "Louis Barthou a proposé un pacte. Après l'assassinat de Bartoux, rien.",
    "Le diplomate Alexeï Ignatiev a servi en France. Ignatiev est resté fidèle.",
]
ENGLISH = [
    "Yuri Ushakov and Marco Rubio met in Riyadh with Steve Witkoff.",
    "Witkoff said the talks with Rubio were useful for the USSR and Moscow.",
    "The French minister Louis Barthou proposed a pact.",
]


def build() -> Glossary:
    passages = [Passage("fr.txt", "fr", s, line=i + 1) for i, s in enumerate(FRENCH)]
    passages += [Passage("en.txt", "en", s, line=i + 1) for i, s in enumerate(ENGLISH)]
    return glossary_from_mentions(find_mentions(passages))


def entity(glossary: Glossary, entity_id: str) -> Entity:
    return next(e for e in glossary.entities if e.entity_id == entity_id)


def test_design_card_pairs_get_english_canonical_forms() -> None:
    glossary = build()
    canon = {e.entity_id: (e.canonical_en, e.canonical_fr) for e in glossary.entities}
    assert canon["per-yuri-ushakov"] == ("Yuri Ushakov", "Iouri Ouchakov")
    assert canon["per-steve-witkoff"] == ("Steve Witkoff", "Steve Witkoff")
    assert canon["per-louis-barthou"] == ("Louis Barthou", "Louis Barthou")
    assert canon["per-marco-rubio"] == ("Marco Rubio", "Marco Rubio")


def test_russian_name_seen_only_in_french_gets_english_and_cyrillic() -> None:
    ignatiev = entity(build(), "per-alexei-ignatyev")
    assert (ignatiev.canonical_fr, ignatiev.original) == ("Alexeï Ignatiev", "Алексей Игнатьев")


def test_variants_have_kinds_counts_and_sources() -> None:
    glossary = build()
    rows = {(v.entity_id, v.variant, v.lang): v for v in glossary.variants}
    whitkoff = rows[("per-steve-witkoff", "Steve Whitkoff", "fr")]
    assert (whitkoff.kind, whitkoff.count, whitkoff.sources) == (
        VariantKind.SPELLING,
        1,
        (Source("fr.txt", 2),),
    )
    assert rows[("per-alexei-ignatyev", "Ignatiev", "fr")].kind == VariantKind.SHORT
    assert rows[("org-soviet-union", "URSS", "fr")].kind == VariantKind.ACRONYM
    assert rows[("loc-moscow", "Moscow", "en")].kind == VariantKind.CANONICAL
    assert "Ushakov" in rows[("per-yuri-ushakov", "Yuri Ushakov", "en")].example


def test_entity_sources_are_sorted_by_file_then_line() -> None:
    rubio = entity(build(), "per-marco-rubio")
    assert rubio.sources == (
        Source("en.txt", 1),
        Source("en.txt", 2),
        Source("fr.txt", 2),
        Source("fr.txt", 3),
    )
    assert rubio.mentions == 4


def test_output_is_sorted_and_deterministic() -> None:
    first, second = build(), build()
    assert first == second
    ids = [e.entity_id for e in first.entities]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    keys = [(v.entity_id, v.variant, v.lang) for v in first.variants]
    assert keys == sorted(keys)


def test_empty_input_gives_empty_glossary() -> None:
    assert glossary_from_mentions([]) == Glossary()


@pytest.mark.parametrize(
    ("french", "english", "entity_id", "canonical", "forms"),
    [
        (
            "Le Bureau de presse de la Fédération de Russie rapporte.",
            "He served the Russian Federation and Russia until 1999.",
            "loc-russia",
            ("Russia", "Russie"),
            {"Fédération de Russie", "Russian Federation", "Russia"},
        ),
        (
            "Le Président de la République d'Afrique du Sud a parlé.",
            "He flew to South Africa last week.",
            "loc-south-africa",
            ("South Africa", "Afrique du Sud"),
            {"République d'Afrique du Sud", "South Africa"},
        ),
        (
            "Il a rencontré le ministre en Turquie hier.",
            "Relations with the Republic of Turkey and with Turkey improved.",
            "loc-turkey",
            ("Turkey", "Turquie"),
            {"Turquie", "Republic of Turkey", "Turkey"},
        ),
        (
            "Il est né à Léningrad en 1950.",
            "He was born in Leningrad in 1950.",
            "loc-leningrad",
            ("Leningrad", "Léningrad"),
            {"Léningrad", "Leningrad"},
        ),
    ],
)
def test_official_and_older_names_join_the_country_or_city(
    french: str, english: str, entity_id: str, canonical: tuple[str, str], forms: set[str]
) -> None:
    passages = [Passage("fr.txt", "fr", french), Passage("en.txt", "en", english)]
    glossary = glossary_from_mentions(find_mentions(passages))
    found = entity(glossary, entity_id)
    assert (found.canonical_en, found.canonical_fr) == canonical
    assert {v.variant for v in glossary.variants if v.entity_id == entity_id} == forms


@pytest.mark.parametrize(
    ("french", "english", "expected"),
    [
        # Each language's canonical form is the spelling its own sources write most, surnames
        # included; English mentions of "Putin" do not make "Vladimir Putin" the French form.
        (
            [
                "Le député Alexandre Milinkievitch a parlé.",
                "Selon Alexandre Milinkevitch, rien.",
                "Milinkevitch a ajouté : non.",
                "Milinkevitch est parti.",
            ],
            ["Alexander Milinkevich spoke.", "Milinkevich left."],
            ("Alexander Milinkevich", "Alexandre Milinkevitch"),
        ),
        (
            [
                "Le président Vladimir Poutine a parlé.",
                "Selon Vladimir Putin, rien.",
                "Poutine a ajouté : non.",
                "Poutine est parti.",
            ],
            [f"Then Putin said {word}." for word in ("yes", "no", "maybe", "never", "again")]
            + ["Vladimir Putin spoke."],
            ("Vladimir Putin", "Vladimir Poutine"),
        ),
    ],
)
def test_canonical_forms_follow_each_languages_own_sources(
    french: list[str], english: list[str], expected: tuple[str, str]
) -> None:
    passages = [Passage("fr.txt", "fr", s, line=i + 1) for i, s in enumerate(french)]
    passages += [Passage("en.txt", "en", s, line=i + 1) for i, s in enumerate(english)]
    glossary = glossary_from_mentions(find_mentions(passages))
    canon = {(e.canonical_en, e.canonical_fr) for e in glossary.entities if e.type == "PER"}
    assert expected in canon
