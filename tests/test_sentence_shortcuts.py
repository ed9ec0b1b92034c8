"""The splitter's shortcuts give Punkt's own spans: a text with no possible break, a lone URL."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.text import sentences
from align.text.sentences import Splitter, build_splitter


@functools.cache
def _splitter() -> Splitter:
    return build_splitter()


def _punkt(text: str, lang: str) -> list[tuple[int, int]]:
    splitter = _splitter()
    return list(splitter.tokenizers[lang].span_tokenize(text))


@pytest.mark.parametrize(
    ("text", "shortcut"),
    [
        ("Le conseiller a reçu le ministre.", True),  # the full stop ends the text
        ("Did he come?", True),
        ("Wow!!!", False),  # "!" before "!": a candidate
        ("  no full stop at all  ", True),
        ("", True),
        ("   ", True),
        ("M. Dupont est venu.", False),
        ("He came. She left.", False),
        ('He said "yes."', False),  # a quote after the full stop: Punkt weighs it
        ("(Hi.) Bye.", False),
        ("Item 2.\nNext line", False),
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_spans_are_punkts_asked_or_not(text: str, shortcut: bool, lang: str) -> None:
    assert (sentences._MAY_BREAK.search(text) is None) is shortcut
    assert _splitter().spans(text, lang) == _punkt(text, lang)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab C.?!\"')( \n\t«»…", max_size=30))
def test_any_text_gets_punkts_spans(text: str) -> None:
    assert _splitter().spans(text, "en") == _punkt(text, "en")


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("Voir https://t.me/x. Puis la suite.", [(5, 20)]),
        ("Voir ria.ru/2024/ et plus. Fin.", [(5, 17)]),
        ("WWW.EXAMPLE.COM. Fin.", [(0, 16)]),
        ("Pas d'adresse ici. Fin.", []),
    ],
)
def test_urls_of_the_cut_lines_are_found_or_skipped_by_their_marks(
    text: str, urls: list[tuple[int, int]]
) -> None:
    assert sentences._url_spans(text, [(0, 5), (6, len(text))]) == urls


@pytest.mark.parametrize(
    ("piece", "expected"),
    [
        ("📍 Riyad", (2, 7)),
        ("Riyad 👉", (0, 5)),
        ("Riyad a reçu le ministre", (0, 24)),
        ("👍👍", (0, 2)),
        ("a  b  c 🔴 ", (0, 7)),
    ],
)
def test_markers_are_stripped_from_either_end(piece: str, expected: tuple[int, int]) -> None:
    assert sentences._strip_markers(piece, 0, len(piece)) == expected
