"""Finding names in French and English sentences: what counts as a name, and where it is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.mentions import find_mentions
from glossary.model import EntityType, Passage


def forms(*sentences: str, lang: str = "fr") -> list[str]:
    passages = [Passage("doc.txt", lang, s, start=0, line=i + 1) for i, s in enumerate(sentences)]
    return [m.form for m in find_mentions(passages)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("En 1930, l'URSS cherche un accord.", ["URSS"]),
        ("En 1930, l’URSS cherche un accord.", ["URSS"]),
        ("Il est Premier ministre d’Arabie saoudite depuis peu.", ["Arabie saoudite"]),
        ("Il est reçu par l'Europe de l'Est et la France.", ["Europe de l'Est", "France"]),
    ],
)
def test_elided_article_is_not_part_of_name(sentence: str, expected: list[str]) -> None:
    assert forms(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Il a rencontré le Conseiller du Président de Russie Iouri Ouchakov hier.",
            ["Russie", "Iouri Ouchakov"],
        ),
        (
            "Il a vu l'envoyé spécial pour le Moyen-Orient Steve Whitkoff à Riyad.",
            ["Moyen-Orient", "Steve Whitkoff", "Riyad"],
        ),
        ("Il a salué le Président russe Vladimir Poutine.", ["Vladimir Poutine"]),
    ],
)
def test_titles_are_split_off_names(sentence: str, expected: list[str]) -> None:
    assert forms(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il cite souvent Charles de Gaulle dans ses discours.", ["Charles de Gaulle"]),
        ("Le pacte fut signé par Joachim von Ribbentrop en 1939.", ["Joachim von Ribbentrop"]),
        ("Ils ont vu Mohammed bin Salman à Riyad.", ["Mohammed bin Salman", "Riyad"]),
        ("Il a remercié Jean-Noël Barrot pour son travail.", ["Jean-Noël Barrot"]),
        ("He spoke with Bashar al-Assad in May.", ["Bashar al-Assad"]),
    ],
)
def test_particles_and_hyphenated_given_names_stay_in_the_name(
    sentence: str, expected: list[str]
) -> None:
    assert forms(sentence, lang="en" if sentence.startswith("He") else "fr") == expected


def test_sentence_start_and_tag_lines_are_not_names() -> None:
    found = forms(
        "Cependant, la coopération a repris avec Alexeï Ignatiev.",
        "Nous restons fidèles à notre Patrie.",
        "Diplomatie Histoire Coopération Alexeï Ignatiev Patrie Mémoire",
        "Voici un fait bien connu.",
    )
    assert found == ["Alexeï Ignatiev", "Alexeï Ignatiev"]


def test_word_capitalised_mid_sentence_elsewhere_is_a_name_at_sentence_start() -> None:
    found = forms("Il a rencontré Lavrov hier.", "Lavrov est arrivé à Johannesburg.")
    assert found == ["Lavrov", "Lavrov", "Johannesburg"]


def test_run_together_hashtags_are_left_out() -> None:
    assert forms("Sergueï Lavrov à Moscou #RussieÉtatsUnis #G20") == ["Sergueï Lavrov", "Moscou"]


def test_offsets_lines_and_columns_point_into_the_source() -> None:
    source = "Titre\nLe 2 mai, Paris et\nMoscou signent."
    passage = Passage("doc.txt", "fr", source[6:], start=6, line=2, column=1)
    found = find_mentions([passage])
    assert [(m.form, m.start, m.end, m.line, m.column) for m in found] == [
        ("Paris", 16, 21, 2, 11),
        ("Moscou", 25, 31, 3, 1),
    ]
    assert all(source[m.start : m.end] == m.form for m in found)


@pytest.mark.parametrize(
    ("sentence", "lang", "form", "kind"),
    [
        ("Il est arrivé à Moscou hier.", "fr", "Moscou", EntityType.LOC),
        ("Il a parlé de l'OTAN hier.", "fr", "OTAN", EntityType.ORG),
        ("Il a vu Sergueï Lavrov hier.", "fr", "Sergueï Lavrov", EntityType.PER),
        ("They won the Cold War in the end.", "en", "Cold War", EntityType.MISC),
    ],
)
def test_mentions_are_typed(sentence: str, lang: str, form: str, kind: EntityType) -> None:
    found = find_mentions([Passage("doc.txt", lang, sentence)])
    assert [(m.form, m.type) for m in found] == [(form, kind)]


@given(
    st.lists(
        st.sampled_from(
            [
                "Paris",
                "l'URSS",
                "d’Arabie",
                "de",
                "Gaulle",
                "Charles",
                "#Russie",
                "la",
                "Moscou",
                "Iouri",
                "Ouchakov",
                ",",
                ".",
                "\n",
                "Président",
                "NATO",
                "bin",
                "Al-Saoud",
                "é",
            ]
        ),
        max_size=25,
    ),
    st.integers(min_value=0, max_value=50),
)
def test_every_mention_is_the_source_text_at_its_offsets(words: list[str], offset: int) -> None:
    text = " ".join(words)
    source = "x" * offset + text
    passage = Passage("doc.txt", "fr", text, start=offset, line=1, column=offset + 1)
    for m in find_mentions([passage]):
        assert source[m.start : m.end] == m.form
        assert m.form and m.form[0] not in "'’ "
        line_start = source.rfind("\n", 0, m.start) + 1
        assert m.line == 1 + source.count("\n", 0, m.start)
        assert m.column == m.start - line_start + 1
