"""Language separation: hand-checked seed lines, noise, context, offsets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.model import UND, Document
from align.text.language import detect_segments, is_noise

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@dataclass(frozen=True)
class FakeDetector:
    """Sure of French on 'le'/'la', of English on 'the', of Dutch on 'het'; flat otherwise."""

    languages: tuple[str, ...] = ("fr", "en", "nl")

    def confidences(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        rows = []
        for text in texts:
            words = text.lower().split()
            if "het" in words:
                rows.append((0.0005, 0.0005, 0.999))
            elif "le" in words or "la" in words:
                rows.append((0.999, 0.0005, 0.0005))
            elif "the" in words:
                rows.append((0.0005, 0.999, 0.0005))
            else:
                rows.append((0.34, 0.33, 0.33))
        return rows


def _langs_on_line(doc: Document, segments, line: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.lang for s in segments if s.span.line_start <= line <= s.span.line_end]


@pytest.fixture(scope="module")
def seed_segments(detector):  # type: ignore[no-untyped-def]
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc = Document(path.name, path.read_text(encoding="utf-8"))
        out[path.name[:3]] = (doc, detect_segments(doc, detector))
    return out


@pytest.mark.parametrize(
    ("seed", "line", "expected"),
    [
        ("000", 3, ["fr"]),  # French paragraph
        ("000", 8, [UND]),  # bare URL in parentheses
        ("000", 23, ["fr"]),  # "Partager cet article": short, French by context
        ("001", 14, [UND]),  # emoji counter 👍47❤14👏3🥰2🔥1🤔1
        ("001", 19, [UND]),  # VIEW IN TELEGRAM
        ("001", 7, [UND]),  # hashtag #RussieÉtatsUnis
        ("001", 16, ["fr"]),  # "🔴 Ruptly" inside a French post
        ("001", 24, ["fr"]),  # "📍 Riyad, 18 février 2025"
        ("002", 3, ["fr"]),  # French sentence with a URL in it
        ("003", 23, ["en"]),  # English paragraph
        ("003", 8, ["en"]),  # "Soviet Union" in the infobox: English by context
        ("003", 27, [UND]),  # "1917-1941"
        ("003", 37, ["en", "nl"]),  # English caption, then the Dutch one on the same line
        ("003", 149, ["en"]),  # "Notes" heading
    ],
)
def test_seed_lines_get_hand_checked_labels(seed_segments, seed, line, expected):  # type: ignore[no-untyped-def]
    doc, segments = seed_segments[seed]
    assert _langs_on_line(doc, segments, line) == expected


def test_dutch_caption_is_its_own_segment(seed_segments):  # type: ignore[no-untyped-def]
    _, segments = seed_segments["003"]
    dutch = [s for s in segments if s.lang == "nl"]
    assert [s.text for s in dutch] == [
        "Aankomst premier Chroestsjev in Parijs, Bestanddeelnr 911-1157.jpg"
    ]


@pytest.mark.parametrize(
    ("text", "noise"),
    [
        ("👍47❤14👏3🥰2", True),
        ("https://t.me/russiabeyond_fr", True),
        ("(https://telegra.ph/abc-def)", True),
        ("12 345", True),
        ("---", True),
        ("[...]", True),
        ("#RussieInde", True),
        ("VIEW IN TELEGRAM", True),
        ("Please open Telegram to view this post", True),
        ("Notes", False),
        ("Riyad, 18 février", False),
        ("Voir https://t.me/x pour la suite", False),
    ],
)
def test_material_without_language_is_noise(text: str, noise: bool) -> None:
    assert is_noise(text) is noise


def test_short_ambiguous_line_between_french_paragraphs_is_french() -> None:
    text = "Le traité est signé.\n\nMoscou\n\nLa France le ratifie."
    segments = detect_segments(Document("x", text), FakeDetector())
    assert [(s.text, s.lang) for s in segments] == [
        ("Le traité est signé.", "fr"),
        ("Moscou", "fr"),
        ("La France le ratifie.", "fr"),
    ]


def test_line_without_evidence_between_two_languages_is_und() -> None:
    text = "Le traité est signé.\n\nMoscou\n\nThe treaty is ratified."
    segments = detect_segments(Document("x", text), FakeDetector())
    assert [s.lang for s in segments] == ["fr", UND, "en"]


def test_clear_foreign_line_keeps_its_language_inside_english() -> None:
    text = "The treaty is signed.\nHet verdrag is getekend.\nThe treaty is ratified."
    segments = detect_segments(Document("x", text), FakeDetector())
    assert [s.lang for s in segments] == ["en", "nl", "en"]


def test_line_mixing_languages_is_cut_into_spans() -> None:
    text = "The treaty is signed in the capital. Het verdrag is getekend in het paleis."
    segments = detect_segments(Document("x", text), FakeDetector())
    assert [(s.text, s.lang) for s in segments] == [
        ("The treaty is signed in the capital.", "en"),
        ("Het verdrag is getekend in het paleis.", "nl"),
    ]


def test_hard_wrapped_line_is_one_segment_over_two_lines() -> None:
    text = "Le traité a été signé par\nles deux ministres.\n"
    (segment,) = detect_segments(Document("x", text), FakeDetector())
    assert (segment.span.line_start, segment.span.line_end) == (1, 2)


def test_paragraph_index_counts_blank_line_blocks() -> None:
    text = "Le a.\nLe b.\n\n\nLe c.\n"
    segments = detect_segments(Document("x", text), FakeDetector())
    assert [s.paragraph for s in segments] == [0, 0, 1]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "le chat. ",
                "the dog. ",
                "het huis",
                "👍47",
                "\n",
                "\n\n",
                "  ",
                "https://a.b/c ",
                "x",
            ]
        ),
        max_size=25,
    )
)
def test_segments_point_back_into_the_text(parts: list[str]) -> None:
    doc = Document("x", "".join(parts))
    segments = detect_segments(doc, FakeDetector())
    previous_end = 0
    for seg in segments:
        assert seg.text == doc.text[seg.span.start : seg.span.end]
        assert seg.text == seg.text.strip() and seg.text
        assert seg.span.start >= previous_end
        assert seg.span.line_start == doc.text.count("\n", 0, seg.span.start) + 1
        assert seg.span.line_end == doc.text.count("\n", 0, seg.span.end - 1) + 1
        previous_end = seg.span.end
    # Every non-space character belongs to exactly one segment.
    covered = sum(len("".join(s.text.split())) for s in segments)
    assert covered == len("".join(doc.text.split()))


def test_unknown_language_code_is_a_usage_error() -> None:
    from align.errors import UsageError
    from align.text.language import build_detector

    with pytest.raises(UsageError, match="'xx'"):
        build_detector(["fr", "xx"])


def test_isolated_word_without_evidence_is_und() -> None:
    segments = detect_segments(Document("x", "Moscou"), FakeDetector())
    assert [(s.lang, s.confidence < 0.5) for s in segments] == [(UND, True)]


FRENCH = "Le traité a été signé à Moscou par les deux ministres des Affaires étrangères."
ENGLISH = "The treaty was signed in Moscow by the two foreign ministers of both countries."


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("El tratado fue firmado en Moscú.", "es"),
        ("Het verdrag werd in Moskou getekend.", "nl"),
        ("Il trattato fu firmato a Mosca.", "it"),
        ("Договор подписан в Москве.", "ru"),
    ],
)
@pytest.mark.parametrize("context", [FRENCH, ENGLISH])
def test_short_foreign_sentence_keeps_its_language_in_a_paragraph(  # type: ignore[no-untyped-def]
    detector, context, line, lang
):
    doc = Document("x", f"{context}\n{line}\n{context}")
    assert [s.lang for s in detect_segments(doc, detector)][1] == lang


@dataclass
class _Recorder:
    """A detector that says French to everything and keeps what it was shown."""

    shown: list[str]
    languages: tuple[str, ...] = ("fr", "en")

    def confidences(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        self.shown.extend(texts)
        return [(0.9, 0.1)] * len(texts)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 1_000_000,  # one endless word: lingua's cost grows faster than its length
        "Le traité " + "fut signé et ratifié " * 5_000 + "à Moscou.",  # one endless sentence
        ("Le traité fut signé. " * 10 + "\n") * 50,
    ],
)
def test_detector_sees_a_bounded_sample_of_each_chunk(text: str) -> None:
    from align.text.language import LONGEST_WORD, SAMPLE_CHARS

    recorder = _Recorder([])
    segments = detect_segments(Document("long.txt", text), recorder)
    assert segments and recorder.shown
    assert all(len(t) <= SAMPLE_CHARS for t in recorder.shown)
    assert all(len(w) <= LONGEST_WORD for t in recorder.shown for w in t.split())
    assert segments[0].lang == "fr"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("مرحبا بكم في موسكو، قال الوزير أمس", "und"),
        ("שלום לכולם, אמר השר אתמול בערב", "und"),
        ("外交部长昨天在莫斯科会见了代表团。", "und"),
        ("Le ministre a dit « مرحبا » aux journalistes réunis à Moscou hier soir.", "fr"),
    ],
)
def test_lines_in_scripts_none_of_our_languages_write_are_set_aside(  # type: ignore[no-untyped-def]
    detector, line: str, expected: str
):
    text = f"Le traité fut signé à Moscou en 1935 par les deux ministres.\n{line}\n"
    segments = detect_segments(Document("x.txt", text), detector)
    assert [s.lang for s in segments if line[:5] in s.text] == [expected]
