"""Names a document settles for itself: a person's surname after the full name, known places
joined by hyphens, and French place names with their lower-case generic noun (mer Noire)."""

from __future__ import annotations

import pytest

from glossary.exonyms import exonym_index
from glossary.mentions.finder import find_mentions
from glossary.mentions.ner import no_entities
from glossary.model import EntityType, Passage


def mentions(
    documents: dict[str, list[tuple[str, str]]], rules_alone: bool = True
) -> list[tuple[str, str, EntityType]]:
    """(source, form, type) of every mention; each document is a list of (lang, sentence);
    `rules_alone` False adds spaCy's French entities, as `align run` does."""
    items = []
    for source, sentences in documents.items():
        start = 0
        for line, (lang, text) in enumerate(sentences, start=1):
            items.append(Passage(source, lang, text, start=start, line=line))
            start += len(text) + 1
    found = find_mentions(items, no_entities if rules_alone else None)
    return [(m.source, m.form, m.type) for m in found]


# French texts elsewhere in the corpus write "jolie" and "lien" as common words.
COMMON = [
    ("fr", "Il a dit que c'est une jolie voiture, rien de plus."),
    ("fr", "Il n'y a aucun lien entre les deux affaires, dit-il."),
]


@pytest.mark.parametrize(
    ("sentences", "surname", "expected"),
    [
        # The surname alone, after the full name in the same document, is the person.
        (
            [
                ("en", "Since Angelina Jolie began work, there has been trouble."),
                ("en", "The women wrote to Jolie through the agency."),
            ],
            "Jolie",
            [("Jolie", EntityType.PER)],
        ),
        (
            [
                ("fr", "Ça va mal depuis que Angelina Jolie a fait ses débuts."),
                ("fr", "Le scénario de Jolie en dit assez long."),
            ],
            "Jolie",
            [("Jolie", EntityType.PER)],
        ),
        # A surname of four letters or fewer is too easily another name's spelling.
        (
            [
                ("fr", "Le candidat Sean Lien a été blessé au visage."),
                ("fr", "La police affirme que Lien a été visé."),
            ],
            "Lien",
            [],
        ),
    ],
)
def test_surname_alone_is_the_person_the_document_names_in_full(
    sentences: list[tuple[str, str]], surname: str, expected: list[tuple[str, EntityType]]
) -> None:
    # spaCy's French entities give the full name where the rules see "jolie", as in `align run`.
    found = mentions({"doc.txt": sentences, "other.txt": COMMON}, rules_alone=False)
    assert [(form, kind) for _, form, kind in found if form == surname] == expected


def test_surname_is_not_taken_from_another_document() -> None:
    found = mentions(
        {
            "a.txt": [("en", "Since Angelina Jolie began work, there has been trouble.")],
            "b.txt": [("en", "The critics found the film by Jolie too long.")],
            "c.txt": COMMON,
        }
    )
    assert [source for source, form, _ in found if form == "Jolie"] == []


def test_surname_that_names_a_known_place_stays_the_place() -> None:
    found = mentions(
        {
            "doc.txt": [
                ("en", "The saxophonist Grover Washington played there."),
                ("en", "The band then flew to Washington for a concert."),
            ]
        }
    )
    assert [kind for _, form, kind in found if form == "Washington"] == [EntityType.LOC]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "fr",
            "Les candidats sont la Russie, Espagne-Portugal et Pays-Bas-Belgique.",
            ["Russie", "Espagne", "Portugal", "Pays-Bas", "Belgique"],
        ),
        (
            "en",
            "The bids of Russia, Spain-Portugal and Belgium-The Netherlands were heard.",
            ["Russia", "Spain", "Portugal", "Belgium", "The Netherlands"],
        ),
        # A known hyphenated name, or one whose parts are not all known places, stays one name.
        ("fr", "Il est arrivé en Bosnie-Herzégovine hier.", ["Bosnie-Herzégovine"]),
        ("en", "The fall of Austria-Hungary changed the map.", ["Austria-Hungary"]),
        ("fr", "Il vit à Saint-Pétersbourg depuis dix ans.", ["Saint-Pétersbourg"]),
    ],
)
def test_known_places_joined_by_hyphens_are_as_many_names(
    lang: str, sentence: str, expected: list[str]
) -> None:
    forms = [form for _, form, _ in mentions({"doc.txt": [(lang, sentence)]})]
    assert forms == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("La flotte de la mer Noire est à Sébastopol.", "mer Noire"),
        ("Israël doit quitter les hauteurs du Golan, dit-il.", "hauteurs du Golan"),
        ("Le navire entre dans le golfe de Finlande hier.", "golfe de Finlande"),
        ("Ils défilent sur la place Rouge à Moscou.", "place Rouge"),
        ("Le lac Baïkal gèle en hiver.", "lac Baïkal"),
        # Streets are named after people; the person's name is then the street's.
        ("Ils ont pris la rue Koutouzov à pied.", "rue Koutouzov"),
    ],
)
def test_french_place_names_keep_their_lower_case_generic_noun(
    sentence: str, expected: str
) -> None:
    found = mentions({"doc.txt": [("fr", sentence)]})
    assert (expected, EntityType.LOC) in [(form, kind) for _, form, kind in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Russia's standing, not a square.
        ("Il a parlé de la place de la Russie en Europe.", "Russie"),
        ("Il a pris place à Moscou hier soir.", "Moscou"),
        # A generic noun in English text is no French generic.
        ("The Black Sea fleet sailed from the mer Noire.", "Noire"),
    ],
)
def test_a_generic_noun_that_does_not_name_the_place_stays_out(
    sentence: str, expected: str
) -> None:
    lang = "en" if sentence.startswith("The") else "fr"
    forms = [form for _, form, _ in mentions({"doc.txt": [(lang, sentence)]})]
    assert expected in forms


@pytest.mark.parametrize(
    ("form", "concept"),
    [
        ("The Netherlands", "cldr-nl"),  # English writes some countries with their article
        ("the Gambia", "cldr-gm"),
        ("Netherlands", "cldr-nl"),
        ("The Hague", None),  # the article of a city's own name is not stripped to a country
        ("The Times", None),
    ],
)
def test_a_country_written_with_its_article_is_the_country(form: str, concept: str | None) -> None:
    found = exonym_index().lookup(form)
    assert (found.concept_id if found else None) == concept
