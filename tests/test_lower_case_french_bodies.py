"""French bodies written in lower case are names when an English text capitalises the body whose
every word the French phrase renders (glossary.mentions.bodies); descriptions stay descriptions."""

from __future__ import annotations

import pytest
from mention_cases import found

from glossary.mentions.bodies import _renders


@pytest.mark.parametrize(
    ("english", "french", "expected"),
    [
        # Cognates word by word, the French order and its joining words.
        (
            "The Maltese Ministry of Culture opened the show.",
            "Le ministère maltais de la culture a ouvert l'exposition.",
            "ministère maltais de la culture",
        ),
        (
            "The Ruritanian Parliament voted.",
            "Le parlement ruritanien a voté.",
            "parlement ruritanien",
        ),
        (
            "The Energy Department said no.",
            "Le département de l'énergie a dit non.",
            "département de l'énergie",
        ),
        # A head noun that shares no stem with its translation; a capitalised place inside.
        (
            "The Oltenia Regional Government met.",
            "Le gouvernement régional de l'Oltenia s'est réuni.",
            "gouvernement régional de l'Oltenia",
        ),
        (
            "Crowds filled November Square.",
            "La foule a rempli la place de novembre.",
            "place de novembre",
        ),
    ],
)
def test_lower_case_french_body_is_named_by_its_capitalised_translation(
    english: str, french: str, expected: str
) -> None:
    assert expected in found(("en", english), ("fr", french))


# One English body, capitalised, beside a French text that writes its name in lower case (found)
# and another French text that writes something else in lower case (not found).
NAMED = ("en", "The Maltese Ministry of Culture opened the show.")
RENDERED = ("fr", "Le ministère maltais de la culture a ouvert l'exposition.")


@pytest.mark.parametrize(
    ("english", "french", "not_expected"),
    [
        # English writes the description in lower case too: no name on either side.
        (
            "The Ruritanian defence ministry said no.",
            "Le ministère de la défense ruritanien a dit non.",
            "ministère de la défense ruritanien",
        ),
        # A French word renders none of the English words: another body, or a description.
        (
            "The fishing fleet stayed in port.",
            "Le ministère maltais de la pêche a fermé le port.",
            "ministère maltais de la pêche",
        ),
        # Every English word must be rendered: half the name is not the name.
        (
            "The minister spoke.",
            "Le ministère maltais a parlé.",
            "ministère maltais",
        ),
    ],
)
def test_french_description_without_capitalised_translation_is_no_name(
    english: str, french: str, not_expected: str
) -> None:
    forms = found(NAMED, RENDERED, ("en", english), ("fr", french))
    assert "ministère maltais de la culture" in forms
    assert not_expected not in forms


def test_place_inside_a_lower_case_body_gives_way_to_the_body() -> None:
    forms = found(
        ("en", "The Oltenia Regional Government met."),
        ("fr", "Le gouvernement régional de l'Oltenia s'est réuni."),
    )
    assert "gouvernement régional de l'Oltenia" in forms
    assert "Oltenia" not in forms


@pytest.mark.parametrize(
    ("french", "english", "renders"),
    [
        ("culture", "culture", True),
        ("russe", "russian", True),
        ("energie", "energy", True),
        ("gouvernement", "government", True),
        ("place", "square", True),
        ("peche", "culture", False),
        ("rus", "russian", False),  # too short a stem to tell
        ("recherches", "research", True),  # a translation, in the plural
        ("conseiller", "council", False),  # a word derived from the translation
    ],
)
def test_french_word_renders_english_word_by_cognate_or_head_translation(
    french: str, english: str, renders: bool
) -> None:
    assert _renders(french, english) is renders
