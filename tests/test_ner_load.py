"""Loading spaCy's French pipeline: its tokenizer's patterns compile to the same code, faster."""

from __future__ import annotations

import re
import re._compiler
import re._parser

import pytest

from glossary.mentions.ner import _charsets_shared

_LETTERS = "a-zà-ÿ\u0100-\u024f\u0370-\u03ff\u0400-\u04ff"


def _code(pattern: str, flags: int) -> list[int]:
    """The compiler's code for a pattern (re.compile would answer from its cache)."""
    return list(re._compiler._code(re._parser.parse(pattern, flags), flags))


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        ("|".join(f"^{p}[-‐][{_LETTERS}]+$" for p in ("anti", "contre", "sous")), re.I | re.U),
        (f"[{_LETTERS}]+[{_LETTERS}'’]*|[^{_LETTERS}]", re.U),
        ("[a-z]|[A-Z]|[a-z]", 0),
        ("[^\\W\\d_]+|[ab]|[ab]", re.I),
    ],
)
def test_shared_charsets_compile_to_the_same_code(pattern: str, flags: int) -> None:
    alone = _code(pattern, flags)
    with _charsets_shared():
        shared = _code(pattern, flags)
        again = _code(pattern, flags)
    assert shared == alone
    assert again == alone


def test_each_character_class_is_optimised_once_and_the_compiler_is_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[object] = []
    original = re._compiler._optimize_charset

    def counting(*args: object) -> object:
        calls.append(args[0])
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(re._compiler, "_optimize_charset", counting)
    pattern = "|".join(f"^{p}[{_LETTERS}]+$" for p in ("anti", "contre", "sous", "sur"))
    with _charsets_shared():
        _code(pattern, re.I | re.U)
    assert len(calls) == 1
    assert re._compiler._optimize_charset is counting
