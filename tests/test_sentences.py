"""Sentence splitting: Punkt's pretrained fr/en parameters plus the rules this material needs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.model import UND, Document, Segment
from align.text.sentences import build_splitter, split_sentences, split_text


@pytest.fixture(scope="module")
def splitter():  # type: ignore[no-untyped-def]
    return build_splitter()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "M. Lavrov a rencontré Mme Zakharova. Ils ont parlé.",
            "fr",
            ["M. Lavrov a rencontré Mme Zakharova.", "Ils ont parlé."],
        ),
        ("Signé le 3 févr. 1935 à Paris. Ratifié ensuite.", "fr",
         ["Signé le 3 févr. 1935 à Paris.", "Ratifié ensuite."]),
        ("Voir l'art. 5 du traité. Fin.", "fr", ["Voir l'art. 5 du traité.", "Fin."]),
        ("Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.", "en",
         ["Mr. Smith met Dr. Jones in the U.S. on Monday.", "They talked."]),
        ("Première ligne sans point\nDeuxième ligne", "fr",
         ["Première ligne sans point", "Deuxième ligne"]),
        ("Un paragraphe.\n\nUn autre.", "fr", ["Un paragraphe.", "Un autre."]),
        ("Une phrase coupée par\nun retour à la ligne.", "fr",
         ["Une phrase coupée par\nun retour à la ligne."]),
        ("History\n1917-1941\nThe Bolsheviks opted for peace.", "en",
         ["History", "1917-1941", "The Bolsheviks opted for peace."]),
        ("2. Also served as the first Ambassador.", "en",
         ["2. Also served as the first Ambassador."]),
        ("Voir https://t.me/russiabeyond_fr. Puis la suite.", "fr",
         ["Voir https://t.me/russiabeyond_fr.", "Puis la suite."]),
        ("Lien : www.mid.ru/fr/a.B.c puis la suite.", "fr",
         ["Lien : www.mid.ru/fr/a.B.c puis la suite."]),
        ("Il a signé. 👉 En savoir plus", "fr", ["Il a signé.", "En savoir plus"]),
        ("📍 Riyad, 18 février 2025", "fr", ["Riyad, 18 février 2025"]),
        ("🇷🇺🇺🇸 Conformément à l'entente.", "fr", ["Conformément à l'entente."]),
        ("It failed. [1] France also wanted peace. [2]", "en",
         ["It failed. [1]", "France also wanted peace. [2]"]),
    ],
)  # fmt: skip
def test_split_text_follows_hand_checked_boundaries(splitter, text, lang, expected):  # type: ignore[no-untyped-def]
    assert split_text(text, lang, splitter) == expected


def test_duplicates_are_skipped_and_und_kept_whole(splitter) -> None:  # type: ignore[no-untyped-def]
    text = "Il part. Il revient.\n👍47❤14\nIl part. Il revient."
    doc = Document("a.txt", text)
    lines = text.split("\n")
    starts = [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    segs = [
        Segment("a.txt", doc.span(s, s + len(t)), t, lang, 1.0, 0, duplicate=dup)
        for s, t, lang, dup in zip(
            starts, lines, ["fr", UND, "fr"], [False, False, True], strict=True
        )
    ]
    sentences = split_sentences(doc, segs, splitter)
    assert [(s.text, s.lang, s.span.line_start) for s in sentences] == [
        ("Il part.", "fr", 1),
        ("Il revient.", "fr", 1),
        ("👍47❤14", UND, 2),
    ]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["M. Dupont part. ", "Il a signé. ", "👉 ", "📍 Riyad ", "https://a.b/c. ", "[1] ",
             "2. ", "etc. ", "\n", "x"]
        ),
        min_size=1,
        max_size=20,
    )
)  # fmt: skip
def test_sentences_point_back_into_the_document(splitter, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = "".join(parts)
    doc = Document("a.txt", text)
    stripped = text.strip()
    if not stripped:
        return
    start = text.index(stripped)
    seg = Segment("a.txt", doc.span(start, start + len(stripped)), stripped, "fr", 1.0, 0)
    previous_end = 0
    for sentence in split_sentences(doc, [seg], splitter):
        assert sentence.text == text[sentence.span.start : sentence.span.end]
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.span.start >= previous_end
        previous_end = sentence.span.end
