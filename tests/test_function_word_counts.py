"""Function words counted in one pass give what the token-by-token count gave."""

from __future__ import annotations

import itertools

import pytest

from align.text import clear, context
from align.text.clear import FOREIGN_FUNCTION_WORDS, FR_WORDS
from align.text.context import FUNCTION_WORDS, Evidence, function_words
from glossary.model import Lang

TEXTS = [
    "Le conseiller a reçu le ministre dans son bureau.",
    "The Société de Développement des Entreprises Culturelles (SODEC) will manage the fund.",
    "Conseil des arts et des lettres du Québec",
    "qu’il l’a dit, c'est l'État d'Israël",
    "aujourd'hui Je suis entre deux, se dit-il; do it",
    "El tratado fue firmado en Moscú por los ministros",
    "ΟΔΟΣ'Α ΣΟΦΟΣ. Το σπίτι",  # final sigma before an apostrophe
    "İstanbul est la ville",  # a capital that lowers to two characters
    "Bank of the South and the Bank of France",
    "",
    "…!?",
    "DE GAULLE et de Gaulle, du Québec",
    "Louis Ⅷ et le roi Ⅷ de France",  # a capital that is no letter
]


def _counts_long_way(text: str, lower: str) -> tuple[int, int, int, int]:
    fr = en = other = content = 0
    for match in clear._TOKEN.finditer(text):
        token = match.group()
        word = lower[match.start() : match.end()].replace("’", "'")
        if word in FR_WORDS:
            fr += 1
        elif word in FUNCTION_WORDS[Lang.EN]:
            en += 1
        elif word in FOREIGN_FUNCTION_WORDS:
            other += 1
        elif not token[0].isupper():
            content += 1
    return fr, en, other, content


def _function_words_long_way(text: str) -> Evidence:
    tokens = [m.group().replace("’", "'") for m in context._TOKEN.finditer(text)]
    lower = [t.lower() for t in tokens]
    names = [
        i
        for i, t in enumerate(tokens)
        if t[:1].isalpha() and t[:1].isupper() and lower[i] not in context._EITHER
    ]
    return Evidence(
        context._count(tokens, lower, names, Lang.FR),
        context._count(tokens, lower, names, Lang.EN),
    )


@pytest.mark.parametrize("text", TEXTS)
def test_clear_counts_in_one_pass_are_the_token_by_token_counts(text: str) -> None:
    assert clear._counts(text, text.lower()) == _counts_long_way(text, text.lower())


@pytest.mark.parametrize("text", TEXTS)
def test_context_counts_in_one_pass_are_the_token_by_token_counts(text: str) -> None:
    assert function_words(text) == _function_words_long_way(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("je entre se", (3, 0, 0, 0)),  # words of French first, though Spanish or Italian too
        ("do it", (0, 2, 0, 0)),
        ("und der Zug", (0, 0, 2, 0)),
        ("Merkel a reçu Poutine", (0, 0, 0, 2)),  # names are not content words
    ],
)
def test_a_word_of_several_lists_counts_for_french_or_english_first(
    text: str, expected: tuple[int, int, int, int]
) -> None:
    assert clear._counts(text, text.lower()) == expected


def test_every_function_word_has_one_language() -> None:
    for word in itertools.chain(FR_WORDS, FUNCTION_WORDS[Lang.EN], FOREIGN_FUNCTION_WORDS):
        expected = (
            clear._FRENCH
            if word in FR_WORDS
            else clear._ENGLISH
            if word in FUNCTION_WORDS[Lang.EN]
            else clear._FOREIGN
        )
        assert clear._WORD_LANGUAGE[word] == expected
