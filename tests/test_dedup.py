"""Repeated passages: exact and near copies are set aside, the first keeps their locations."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.model import UND, Document, Location, Segment
from align.text.repeats import mark_repeats, normalise

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

LONG = (
    "À la veille du 100e anniversaire des relations diplomatiques russo-françaises, nous "
    "revenons sur les jalons importants de l'histoire de la coopération de nos pays."
)


def _segments(doc: Document, texts: list[str], lang: str = "fr") -> list[Segment]:
    out = []
    for text in texts:
        start = doc.text.index(text, out[-1].span.end if out else 0)
        end = start + len(text)
        out.append(Segment(doc.source, doc.span(start, end), text, lang, 1.0, 0))
    return out


@pytest.mark.parametrize(
    ("copy", "is_repeat"),
    [
        (LONG, True),  # exact
        (LONG.replace("l'histoire", "l’histoire"), True),  # ' vs ’ (seed 000)
        ("☝️ " + LONG, True),  # a Telegram marker added
        (LONG.replace("importants", "majeurs"), True),  # one word changed in a long passage
        (LONG.replace("100e", "90e").replace("nos pays", "deux États"), False),
        (
            "Une tout autre phrase, assez longue pour compter, sur un autre sujet entièrement.",
            False,
        ),
    ],
)
def test_near_and_exact_copies_are_marked(copy: str, is_repeat: bool) -> None:
    doc = Document("a.txt", LONG + "\n" + copy + "\n")
    first, second = mark_repeats(_segments(doc, [LONG, copy]))
    assert second.duplicate is is_repeat
    assert first.duplicate is False
    assert second.original == (Location(first.source, first.span) if is_repeat else None)


def test_short_lines_repeat_only_when_identical() -> None:
    texts = ["Johannesburg, 20 février", "Johannesburg, 21 février", "Johannesburg, 20 février"]
    doc = Document("a.txt", "\n".join(texts))
    marked = mark_repeats(_segments(doc, texts))
    assert [s.duplicate for s in marked] == [False, False, True]


def test_und_noise_is_never_marked() -> None:
    doc = Document("a.txt", "VIEW IN TELEGRAM\nVIEW IN TELEGRAM")
    marked = mark_repeats(_segments(doc, ["VIEW IN TELEGRAM", "VIEW IN TELEGRAM"], UND))
    assert not any(s.duplicate for s in marked)


def test_repeats_across_documents_name_their_file() -> None:
    a, b = Document("a.txt", LONG), Document("b.txt", "Titre\n" + LONG)
    _, _, copy = mark_repeats(_segments(a, [LONG]) + _segments(b, ["Titre", LONG]))
    assert copy.duplicate and copy.original is not None
    assert (copy.original.source, copy.original.span.line_start) == ("a.txt", 1)


def test_telegram_dump_keeps_one_copy_of_each_post(detector) -> None:  # type: ignore[no-untyped-def]
    from align.text.language import detect_segments

    path = SEEDS / "001_157a4bdd3038f2f4.txt"
    doc = Document(path.name, path.read_text(encoding="utf-8"))
    marked = {s.span.line_start: s for s in mark_repeats(detect_segments(doc, detector))}
    # Hand-checked: lines 8-12 repeat lines 2-6; line 163 repeats 153, which is line 108 with
    # a ☝️ and one more sentence: new material, so 153 itself is kept.
    for copy, kept in [(8, 2), (12, 6), (39, 25), (163, 153), (72, 70)]:
        assert marked[copy].duplicate
        assert marked[copy].original is not None
        assert marked[copy].original.span.line_start == kept
    for unique in [2, 57, 69, 147, 153]:
        assert not marked[unique].duplicate


@given(st.text(max_size=80))
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


@given(st.text())
def test_normalise_keeps_the_letters_and_digits_str_isalnum_keeps(text: str) -> None:
    folded = unicodedata.normalize("NFKC", text).casefold()
    expected = " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())
    assert normalise(text) == expected
