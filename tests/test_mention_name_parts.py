"""Parts of names the finder used to cut off or run on past: models' numbers, a people's
adjective inside a body's name, a recognised span that runs past the rules' name."""

from __future__ import annotations

import pytest
from mention_cases import agreed, found

from glossary.mentions.tokens import tokenize
from glossary.model import EntityType


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # One capital and a number are one word: a model's or a group's name.
        ("the price of a Gulfstream G550 airplane", ["Gulfstream", "G550"]),
        ("before the G20 summit", ["G20"]),
        # Two capitals and a number, or a number run on into letters, are codes: cut as before.
        ("CO2 levels", ["CO"]),
        ("H1N1 spread", ["H", "N"]),
        ("S2CID 1234", ["S", "CID"]),
    ],
)
def test_a_capital_and_a_number_make_one_word(text: str, words: list[str]) -> None:
    assert [t.text for t in tokenize(text) if t.text[:1].isupper()] == words


# Another document writes "the Russian": the corpus reads the word as a common one.
RUSSIAN_AS_COMMON = ("en", "He was a Russian and the Russian spoke.")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # The make before a model's number, the words after a group's letter and number.
        ("en", "The price of a Gulfstream G550 airplane starts at $54 million.", "Gulfstream G550"),
        ("fr", "Le coût d'un avion G550 Gulfstream part de 54 millions.", "G550 Gulfstream"),
        ("en", "Mikhail Lyubiumov, the sales manager for A1 Moto, said so.", "A1 Moto"),
        ("en", "The leaders met at the G20 in Seoul.", "G20"),
        # A people's adjective after a body's linking word, leading on to more of the name.
        (
            "en",
            "said Marshall Goldman, a scholar at the Davis Centre for Russian and Eurasian "
            "Studies at Harvard University.",
            "Davis Centre for Russian and Eurasian Studies",
        ),
    ],
)
def test_name_parts_are_found_whole(lang: str, text: str, expected: str) -> None:
    assert expected in found((lang, text), RUSSIAN_AS_COMMON)


@pytest.mark.parametrize(
    ("lang", "text", "unwanted"),
    [
        # A people's adjective before a common noun ends the body's name.
        ("en", "He heads the Agency for Russian gas exports.", "Agency for Russian"),
        # A formula is no model's name.
        ("en", "The plant cut its CO2 emissions by half.", "CO2"),
        # A sentence's first word before a number is no make.
        ("en", "In G20 countries the debt grew.", "In G20"),
    ],
)
def test_name_parts_do_not_overreach(lang: str, text: str, unwanted: str) -> None:
    assert not any(unwanted in form for form in found((lang, text), RUSSIAN_AS_COMMON))


@pytest.mark.parametrize(
    ("text", "span", "rule_form", "kept"),
    [
        # A rule name, de/des and a capital: two names, the rules' boundary stands.
        (
            "La répression par Loukachenko des Droits de l'Homme continue.",
            "Loukachenko des Droits de l'Homme",
            "Loukachenko",
            False,
        ),
        (
            "Alexeï Miller de Gazprom est arrivé hier.",
            "Alexeï Miller de Gazprom",
            "Alexeï Miller",
            False,
        ),
        # A lower-case phrase after a preposition is the sentence's, not the name's.
        (
            "Il posait devant un tableau de Raimbrant sur carreaux bleus, fait main.",
            "Raimbrant sur carreaux bleus",
            "Raimbrant",
            False,
        ),
        # A compass point narrows the place: one name.
        ("Il vit en Ossétie du sud depuis 2008.", "Ossétie du sud", "Ossétie", True),
        # A lower-case complement after "de la" is the name's own.
        (
            "Il entre au Temple de la renommée du hockey.",
            "Temple de la renommée du hockey",
            "Temple",
            True,
        ),
        # A head noun leads: the recogniser's whole body stands.
        (
            "Le Sommet sur la sécurité nucléaire a lieu à Séoul.",
            "Sommet sur la sécurité nucléaire",
            "Sommet",
            True,
        ),
    ],
)
def test_a_recognised_span_past_the_rules_name_is_kept_only_as_one_name(
    text: str, span: str, rule_form: str, kept: bool
) -> None:
    agreement = agreed(text, span, rule_form, EntityType.ORG)
    added = [text[s.start : s.end] for s in agreement.added]
    assert (span in added) is kept
