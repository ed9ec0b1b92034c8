"""The language step's shortcuts give what the long way gives: noise, scripts, samples, --lang."""

from __future__ import annotations

import re

import pytest

from align.model import Document
from align.text import language
from align.text.language import FixedLanguage, detect_segments
from align.text.noise import TAG, URL, is_noise, without_addresses

_LETTER = re.compile(r"[^\W\d_]")

TEXTS = [
    "Le conseiller Iouriy Ouchakov a reçu Steve Witkof à Moscou.",
    "The adviser Yuri Ushakov met Sergei Lavrov in Moscow.",
    "👍47❤14👏3",
    "https://t.me/mid_rf/123",
    "voir ria.ru/20240101/ et #RussieAfrique @mid_rf",
    "WWW.EXAMPLE.COM et rien d'autre",
    "a1",
    "a 1 b",
    "ª²",
    "x² y",
    "Москва — столица России",
    "مرحبا بكم في موسكو",
    "Le président 習近平 à Pékin",
    "« Oui », dit-il — puis : “non”…",
    "l’État français",
    "VIEW IN TELEGRAM",
    "",
    "   ",
    "ℕ ℤ ℚ",
    "µ-opioïde",
    "x" * 80 + " " + "mot " * 120,
    "très-long-mot-" * 20,
]


def _noise_long_way(text: str) -> bool:
    if " ".join(text.split()).casefold() in {"view in telegram"}:
        return True
    return len(_LETTER.findall(TAG.sub(" ", URL.sub(" ", text)))) < 2


def _other_script_long_way(text: str) -> bool:
    sample = text[: language.SAMPLE_CHARS * 2]
    letters = len(_LETTER.findall(sample))
    return letters > 0 and len(language._OUR_SCRIPTS.findall(sample)) * 2 < letters


@pytest.mark.parametrize("text", TEXTS)
def test_address_free_text_is_left_as_it_is_and_others_lose_their_addresses(text: str) -> None:
    assert without_addresses(text) == TAG.sub(" ", URL.sub(" ", text))


@pytest.mark.parametrize("text", TEXTS)
def test_noise_is_told_by_two_letter_searches_as_by_counting_every_letter(text: str) -> None:
    assert is_noise(text) == _noise_long_way(text)


@pytest.mark.parametrize("text", TEXTS)
def test_other_script_shortcut_agrees_with_counting_letters(text: str) -> None:
    assert language._other_script(text) == _other_script_long_way(text)


def test_a_character_the_shortcut_passes_over_is_no_letter_of_another_script() -> None:
    passed = [chr(c) for c in range(0x110000) if not language._ANOTHER_SCRIPT.match(chr(c))]
    assert [c for c in passed if _LETTER.match(c) and not language._OUR_SCRIPTS.match(c)] == []
    assert "’" in passed and "«" in passed and "é" in passed  # French text takes the shortcut


@pytest.mark.parametrize("text", TEXTS)
def test_letters_of_a_clean_sample_are_counted_without_a_regex(text: str) -> None:
    clean = language._clean(text)
    assert language._letters(clean) == len(_LETTER.findall(clean))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("un deux trois", "un deux trois"),
        ("mot " * 80, " ".join(["mot"] * 75)),  # 75 words of 4 characters fill 300
        ("x" * 310, "x" * 40),  # a word is cut at LONGEST_WORD letters
        ("x" * 299, "x" * 40),
    ],
)
def test_sample_holds_the_words_that_fit_in_sample_chars(text: str, expected: str) -> None:
    assert language._clean(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le conseiller a reçu le ministre.\n\nThe adviser met the minister. 👍47\n",
        "https://t.me/x\nUne ligne. Puis une autre.\n\n---\n",
        "",
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_forced_language_labels_every_voiced_chunk_certain_as_the_long_way(
    text: str, lang: str
) -> None:
    class OneLanguage:
        """A detector of one language that is not FixedLanguage: the long way through lingua's
        rows, the Viterbi pass and the posteriors."""

        languages = (lang,)

        def confidences(self, texts: list[str]) -> list[tuple[float, ...]]:
            return [(1.0,)] * len(texts)

    doc = Document("d.txt", text)
    fast = detect_segments(doc, FixedLanguage(lang))
    chunks = language._chunks(text)
    voiced = [c for c in chunks if not c.noise]
    rows = OneLanguage().confidences([language._clean(text[c.start : c.end]) for c in voiced])
    labels = language._label((lang,), [c.gap for c in voiced], rows, [1.0] * len(rows))
    slow = language._merge(
        doc, chunks, {c.start: label for c, label in zip(voiced, labels, strict=True)}
    )
    assert fast == slow
