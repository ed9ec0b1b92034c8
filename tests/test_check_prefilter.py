"""The checker's prefilter and its memo of hits change what is looked up, never what is found.

The prefilter skips a passage whose words cannot start and end a known form nor come near a
person's; the memo gives a passage text met before the hits found the first time. Each case
below is checked with both and without the prefilter, by a fresh checker and by one that has
already seen the text, in the default policy and in --strict.
"""

from __future__ import annotations

from typing import Any

import pytest
from check_glossary import GLOSSARY

import glossary.check.checker as checker_module
from glossary.check.checker import Checker, Finding
from glossary.model import Passage

# (language of the passages, lines of one document, whether it holds findings at all): known
# forms and misspellings in every way the prefilter reads words (a particle first, capitals,
# digits, a line break inside a name), beside lines that hold no name.
DOCUMENTS = [
    ("fr", ["Steve Whitkoff arrive à Moscou."], True),
    ("fr", ["Bartou est venu, puis Louis Bartoux."], True),
    ("fr", ["SERGUEÏ LAVROF et IOURIY OUCHAKOV à MOSCOU."], True),
    ("fr", ["Le général de Gaulle parle, puis de Gaulle se tait."], False),
    ("fr", ["L'OTAN, l'ONU, la NATO et l'USSR."], True),
    ("fr", ["Le conseiller Iouriy\nOuchakov a reçu Steve Witkof."], True),
    # "moscow" in lower case, in a passage the prefilter skips, makes "Moscow" a common word.
    ("fr", ["Moscow est loin.", "il écrit moscow sans capitale"], False),
    ("fr", ["Moscow est loin."], True),
    ("fr", ["Ouchakov a parlé.", "Iouri Ouchakov a parlé.", "Ouchakov a parlé."], False),
    ("en", ["Yury Ushakov met Sergey Lavrow in Moskva.", "Witkof and Moscou."], True),
    ("en", ["Charles von Barthoux and Louis Barthou."], True),
    ("en", ["Nothing to report here, no name at all.", "moscow ushakov lavrov"], False),
    ("en", ["The 2B and 3A rows; UN and un; Time and time."], False),
    ("und", ["Sergueï Lavrof", "Sergey Lavrow", "Moscou"], True),
]


def passages(lang: str, lines: list[str], source: str = "doc.txt") -> list[Passage]:
    result, start = [], 0
    for number, text in enumerate(lines, start=1):
        result.append(Passage(source, lang, text, start, number, 1))
        start += len(text) + 1
    return result


def check(checker: Checker, lang: str, lines: list[str]) -> list[Finding]:
    return checker.check(passages(lang, lines))


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(("lang", "lines", "found"), DOCUMENTS)
def test_the_prefilter_finds_what_a_full_lookup_finds(
    lang: str, lines: list[str], found: bool, strict: bool
) -> None:
    filtered = check(Checker(GLOSSARY, strict=strict), lang, lines)
    assert filtered == check(Checker(GLOSSARY, strict=strict, prefilter=False), lang, lines)
    if not strict:
        assert bool(filtered) == found


@pytest.mark.parametrize("strict", [False, True])
def test_a_text_met_before_is_judged_as_the_first_time(strict: bool) -> None:
    """Hits are remembered, and verdicts only with what the document has introduced: the
    second document is judged afresh (a short form before the full name is reported again in
    --strict), as a fresh checker judges it."""
    warm = Checker(GLOSSARY, strict=strict)
    for lang, lines, _ in DOCUMENTS:
        first = check(warm, lang, lines)
        assert (
            check(warm, lang, lines)
            == first
            == check(Checker(GLOSSARY, strict=strict), lang, lines)
        )


def test_a_passage_with_no_name_is_not_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []
    exact_hits = checker_module.exact_hits

    def counting(index: Any, text: str, words: Any) -> Any:
        looked_up.append(text)
        return exact_hits(index, text, words)

    monkeypatch.setattr(checker_module, "exact_hits", counting)
    lines = ["Nothing to report here.", "moscow in lower case", "Steve Witkof came.", "Moscou."]
    findings = check(Checker(GLOSSARY), "en", lines)
    assert looked_up == ["Steve Witkof came.", "Moscou."]
    assert [f.found for f in findings] == ["Steve Witkof", "Moscou"]
