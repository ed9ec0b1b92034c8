"""align.exports.rows.plain_text: what a TMX segment or a review cell holds of a text."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.exports.rows import _NOT_PLAIN, plain_text

NOT_PLAIN = ("Cc", "Zl", "Zp", "Cs")


def _plain_one_character_at_a_time(text: str) -> str:
    chars = [
        " " if unicodedata.category(ch) in NOT_PLAIN or ch in "\ufffe\uffff" else ch for ch in text
    ]
    return re.sub(" {2,}", " ", "".join(chars)).strip(" ")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Bonjour.", "Bonjour."),
        ("a\tb\nc", "a b c"),
        ("  several   spaces  ", "several spaces"),
        ("line\u2028separator\u2029paragraph", "line separator paragraph"),
        ("non-breaking\u00a0; kept", "non-breaking\u00a0; kept"),
        ("bell\x07 and\x85next line", "bell and next line"),
        ("lone \ud800 surrogate\ufffe", "lone surrogate"),
    ],
)
def test_control_characters_and_breaks_become_one_space(text: str, plain: str) -> None:
    assert plain_text(text) == plain


def test_the_pattern_holds_exactly_the_characters_of_those_categories() -> None:
    every = (chr(c) for c in range(sys.maxunicode + 1))
    expected = {ch for ch in every if unicodedata.category(ch) in NOT_PLAIN}
    expected |= {"\ufffe", "\uffff"}
    found = {chr(c) for c in range(sys.maxunicode + 1) if _NOT_PLAIN.fullmatch(chr(c))}
    assert found == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=200))
def test_plain_text_is_the_per_character_rule(text: str) -> None:
    assert plain_text(text) == _plain_one_character_at_a_time(text)
