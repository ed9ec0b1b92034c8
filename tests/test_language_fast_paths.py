"""The language step's shortcuts give what the long way gives: noise, scripts, samples, --lang."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _label_long_way(
    languages: tuple[str, ...],
    gaps: list[float],
    rows: list[tuple[float, ...]],
    weights: list[float],
) -> list[tuple[str, float]]:
    """The labelling as written before rows were shared: every logarithm and exponential taken
    for every chunk."""
    emit = [
        [w * math.log(max(v, language._FLOOR)) for v in row]
        for row, w in zip(rows, weights, strict=True)
    ]
    path = language._viterbi(emit, gaps, len(languages))
    attested = set(path)
    for row in rows:
        ranked = sorted(range(len(row)), key=row.__getitem__)
        attested.update(ranked[-3:] if row[ranked[-1]] < 0.5 else ranked[-1:])
    present = sorted(attested)
    local = [[row[s] for s in present] for row in emit]
    k, n = len(present), len(local)
    fwd = [language._normalise([math.exp(e) for e in local[0]])]
    for t in range(1, n):
        w = math.exp(-gaps[t])
        prev, total = fwd[-1], sum(fwd[-1])
        fwd.append(
            language._normalise(
                [(prev[s] + w * (total - prev[s])) * math.exp(local[t][s]) for s in range(k)]
            )
        )
    bwd = [[1.0] * k for _ in range(n)]
    for t in range(n - 2, -1, -1):
        w = math.exp(-gaps[t + 1])
        nxt = [bwd[t + 1][s] * math.exp(local[t + 1][s]) for s in range(k)]
        total = sum(nxt)
        bwd[t] = language._normalise([nxt[s] + w * (total - nxt[s]) for s in range(k)])
    posterior = [
        language._normalise([f * b for f, b in zip(fwd[t], bwd[t], strict=True)]) for t in range(n)
    ]
    out = []
    for t, state in enumerate(path):
        p = posterior[t][present.index(state)]
        out.append((languages[state], p) if p >= 0.5 else ("und", p))
    return out


_ROW = st.sampled_from(
    [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.4, 0.35, 0.25), (0.05, 0.05, 0.9), (0.5, 0.5, 0.0)]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(_ROW, st.sampled_from([1.0, 0.5, 0.2]), st.sampled_from([1.5, 2.0, 3.0])),
        min_size=1,
        max_size=12,
    )
)
def test_shared_rows_label_as_every_row_computed_alone(
    chunks: list[tuple[tuple[float, ...], float, float]],
) -> None:
    languages = ("fr", "en", "nl")
    rows = [row for row, _, _ in chunks]
    weights = [w for _, w, _ in chunks]
    gaps = [gap for _, _, gap in chunks]
    assert language._label(languages, gaps, rows, weights) == _label_long_way(
        languages, gaps, rows, weights
    )
