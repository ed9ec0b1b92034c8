"""Rules for names in news: peoples and faiths, editions of events, names at a sentence's start."""

from __future__ import annotations

import pytest

from glossary.mentions.finder import find_mentions
from glossary.mentions.people import people_word
from glossary.mentions.tokens import tokenize
from glossary.model import EntityType, Passage
from glossary.similarity import name_parts


def found(*passages: tuple[str, str]) -> list[str]:
    """Forms found in one-line documents given as (lang, text)."""
    items = [
        Passage(f"d{i}.txt", lang, text, start=0, line=1) for i, (lang, text) in enumerate(passages)
    ]
    return [m.form for m in find_mentions(items)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Croat", "singular"),  # Croatia clipped of its -ia
        ("Croats", "plural"),
        ("Arab", "singular"),  # Arabie (saoudite)
        ("Serbs", "plural"),
        ("Asians", "plural"),  # a continent's people
        ("African", "singular"),
        ("Syriens", "plural"),
        ("Frenchman", "singular"),  # a language's adjective + man
        ("Dutchwomen", "plural"),
        ("Sunni", "singular"),  # faiths: data/not_names.tsv
        ("Shiites", "plural"),
        ("Baptists", "plural"),
        ("Croatia", ""),
        ("Frances", ""),
        ("Christian", ""),
        ("Adrian", ""),
        ("Jordan", ""),
        ("Moscow", ""),
    ],
)
def test_words_for_peoples_and_their_members(word: str, expected: str) -> None:
    assert people_word(word) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "A Sunni cleric and two Shiites spoke to a Croat in Zagreb.", ["Zagreb"]),
        ("en", "The Frenchman told the Arabs and the Asians to wait.", []),
        ("en", "The Bosnia Serb leaders met West African envoys in Dakar.", ["Bosnia", "Dakar"]),
        (
            "fr",
            "Les Syriens ont rencontré le Conseil Européen à Bruxelles.",
            ["Conseil Européen", "Bruxelles"],
        ),
        ("en", "The Catholic Church sent a Baptist to Rome.", ["Catholic Church", "Rome"]),
    ],
)
def test_peoples_and_faiths_are_no_names_alone_nor_after_a_place(
    lang: str, sentence: str, expected: list[str]
) -> None:
    assert found((lang, sentence)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("avant l'Euro-2016 en France", ["avant", "l'", "Euro-2016", "en", "France"]),
        ("les JO-88 de Séoul", ["les", "JO-88", "de", "Séoul"]),
        ("le Mondial 2018-2022 et", ["le", "Mondial", "et"]),  # a span of years is no edition
    ],
)
def test_an_editions_number_after_a_hyphen_is_part_of_the_word(
    text: str, expected: list[str]
) -> None:
    assert [t.text for t in tokenize(text)] == expected


@pytest.mark.parametrize(
    ("passages", "expected"),
    [
        (
            [("en", "He won the 1988 Olympic Games in Seoul and the World Cup 86 in Mexico.")],
            ["1988 Olympic Games", "Seoul", "World Cup 86", "Mexico"],
        ),
        (
            [
                ("fr", "Avant l'Euro-2016 en France, Paris."),
                ("en", "They prepared Euro 2016 in France, Paris."),
            ],
            ["Euro-2016", "France", "Paris", "Euro 2016", "France", "Paris"],
        ),
        # a time, a score or a span of years is no edition
        ([("en", "He won the Boston Marathon 2:08:12 ahead.")], ["Boston Marathon"]),
        ([("en", "The World Cup 2018-2022 bids failed.")], ["World Cup"]),
    ],
)
def test_events_keep_the_year_or_number_of_their_edition(
    passages: list[tuple[str, str]], expected: list[str]
) -> None:
    assert found(*passages) == expected


def test_editions_of_one_event_are_distinct_names() -> None:
    assert name_parts("Euro 2004").keys != name_parts("Euro 2012").keys
    assert name_parts("Euro-2004").keys == name_parts("Euro 2004").keys


def test_an_edition_is_typed_as_an_event() -> None:
    items = [Passage("d.txt", "fr", "Il prépare les JO-2024 à Paris.", start=0, line=1)]
    kinds = {m.form: m.type for m in find_mentions(items)}
    assert kinds["JO-2024"] == EntityType.MISC


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tesfaye Bekele Worku of Kenya took second.", ["Tesfaye Bekele Worku", "Kenya"]),
        ("Hamid al Bakri, a surgeon, met them.", ["Hamid al Bakri"]),
    ],
)
def test_a_word_no_text_writes_in_lower_case_starts_the_name_after_it(
    sentence: str, expected: list[str]
) -> None:
    assert found(("en", sentence)) == expected


def test_a_sentence_start_the_corpus_writes_in_lower_case_stays_out_of_the_name() -> None:
    passages = [("en", "Yesterday Tesfaye Bekele spoke."), ("en", "He came yesterday.")]
    assert found(*passages) == ["Tesfaye Bekele"]
