"""Transliteration keys, English/French spellings and Cyrillic originals of Russian names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.translit import is_russian_name, match_key, to_cyrillic, to_english, to_french

SAME_KEY = [
    ("Ouchakov", "Ushakov"),
    ("OUCHAKOV", "ouchakov"),
    ("Ouchakov", "Ушаков"),
    ("Khrouchtchev", "Khrushchev"),
    ("Khrushchyov", "Khrushchev"),
    ("Sergueï", "Sergei"),
    ("Sergueï", "Sergey"),
    ("Iouri", "Yuri"),
    ("Iouri", "Yury"),
    ("Lissovets", "Lisovets"),
    ("Nadejda", "Nadezhda"),
    ("Alexeï", "Aleksei"),
    ("Ignatiev", "Ignatyev"),
    ("Viatcheslav", "Vyacheslav"),
    ("Gorbatchev", "Gorbachev"),
    ("Poutine", "Putin"),
    ("Staline", "Stalin"),
    ("Krassine", "Krasin"),
    ("Vassili", "Vasily"),
    ("Jirinovski", "Zhirinovsky"),
    ("Iouri Ouchakov", "Yuri Ushakov"),
]

DIFFERENT_KEY = [
    ("Omsk", "Tomsk"),
    ("Niger", "Nigeria"),
    ("Andreï Gromyko", "Anatoli Gromyko"),
    ("Vladimir Poutine", "Vladimir Jirinovski"),
    ("Lenin", "Leningrad"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_romanisations_of_one_name_share_a_key(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


def test_key_is_readable_latin() -> None:
    assert match_key("Ouchakov") == "ushakov"


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("Iouri Ouchakov", "Yuri Ushakov"),
        ("Sergueï Lavrov", "Sergei Lavrov"),
        ("Vladimir Poutine", "Vladimir Putin"),
        ("Alexeï Ignatiev", "Alexei Ignatyev"),
        ("Nadejda Lissovets", "Nadezhda Lisovets"),
        ("Vassili Porik", "Vasily Porik"),
        ("Mark Slobodinski", "Mark Slobodinsky"),
        ("Maria Zakharova", "Maria Zakharova"),
    ],
)
def test_french_romanisation_becomes_usual_english(french: str, english: str) -> None:
    assert to_english(french) == english


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("Nikita Khrushchev", "Nikita Khrouchtchev"),
        ("Leonid Krasin", "Leonid Krassine"),
        ("Yuri Dubinin", "Iouri Doubinine"),
        ("Mikhail Gorbachev", "Mikhaïl Gorbatchev"),
        ("Vyacheslav Molotov", "Viatcheslav Molotov"),
    ],
)
def test_english_romanisation_becomes_usual_french(english: str, french: str) -> None:
    assert to_french(english) == french


@pytest.mark.parametrize(
    ("form", "cyrillic"),
    [
        ("Iouri Ouchakov", "Юрий Ушаков"),
        ("Sergueï Lavrov", "Сергей Лавров"),
        ("Nadejda Lissovets", "Надежда Лисовец"),
        ("Alexeï Ignatiev", "Алексей Игнатьев"),
        ("Steve Witkoff", None),
        ("Charles de Gaulle", None),
    ],
)
def test_cyrillic_original_is_rebuilt_only_for_russian_names(
    form: str, cyrillic: str | None
) -> None:
    assert to_cyrillic(form) == cyrillic


@pytest.mark.parametrize(
    ("form", "russian"),
    [
        ("Iouri Ouchakov", True),
        ("Vassili Porik", True),
        ("Andreï Gromyko", True),
        ("Jean-Noël Barrot", False),
        ("Burlington Magazine", False),
        ("Steve Whitkoff", False),
        # a Russian given name (Пётр) as a surname says nothing: "Samuel Peter"
        ("Samuel Peter", False),
        ("Piotr Stolypine", True),
        # a western name that translates a Russian one is no Russian spelling (Peter, Pyotr)
        ("Peter King", False),
        ("Pyotr King", True),
        ("Nicolas Sarkozy", False),
    ],
)
def test_russian_names_are_recognised(form: str, russian: bool) -> None:
    assert is_russian_name(form) is russian


def test_non_russian_names_keep_their_spelling() -> None:
    assert to_english("Jean-Noël Barrot") == "Jean-Noël Barrot"
    assert to_french("Joachim von Ribbentrop") == "Joachim von Ribbentrop"


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèïôçABCDEFGHIJKLMNOPQRSTUVWXYZ -'", max_size=30)
)
def test_key_ignores_case_and_is_idempotent(form: str) -> None:
    key = match_key(form)
    assert key == match_key(form.upper()) == match_key(form.lower())
    assert match_key(key) == match_key(match_key(key))
