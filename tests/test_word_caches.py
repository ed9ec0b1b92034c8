"""The finder asks the same questions of each word many times over: the answers are kept."""

from __future__ import annotations

import unicodedata

import pytest

from glossary import text
from glossary.text import fold_words


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Jean-Noël d'Arc-Quatorze", "jean noel d arc quatorze"),
        ("Œuvre-Sergueïevitch", "oeuvre sergueievitch"),
        ("ПЕТРОВ-Wörterbuchs", "петров worterbuchs"),
    ],
)
def test_a_word_folded_twice_is_normalised_once(
    word: str, folded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    normalize = unicodedata.normalize

    def counting(form: str, value: str) -> str:
        calls.append(value)
        return normalize(form, value)

    monkeypatch.setattr(text.unicodedata, "normalize", counting)
    assert fold_words(word) == folded
    done = len(calls)
    assert fold_words(word) == folded
    assert len(calls) == done
