"""`align check`'s shortcuts change what is computed, never what is found.

A segment that cannot hold a hit is not cut into sentences; paragraphs' chunks, segments'
sentences and hits' verdicts are remembered for the texts that repeat. Each shortcut is compared
here with the long way it replaces, on documents with lines far from any name, lines holding
names, and repeated lines.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from check_glossary import GLOSSARY

import align.text.sentences as sentences_module
from align.api import check
from align.model import Document, Segment
from align.text.analysis import split_all
from align.text.language import FixedLanguage, Layouts, _chunks, detect_segments
from align.text.sentences import build_splitter, split_sentences
from glossary.check.checker import Checker, Finding

# Documents: lines far from any name beside lines holding known forms, misspellings and short
# forms, some repeated (a short form before and after its full name), in one or two paragraphs.
DOCUMENTS = [
    "Il pleuvait sur la ville. Personne ne sortait.\n\nSteve Whitkoff arrive à Moscou.",
    "Bartou est venu. Il est reparti.\nRien à signaler ici, vraiment rien.\nLouis Bartoux.",
    "Ouchakov a parlé. Rien de plus.\n\nIouri Ouchakov a parlé.\n\nOuchakov a parlé. Fin.",
    "Le temps passe.\n\nLe temps passe.\n\nSergueï Lavrof et Iouriy Ouchakov à Moscou.",
    "Voir https://example.org/a.b. Puis rien.\n\nLe conseiller Iouriy\nOuchakov a reçu Witkof.",
    "moscow sans capitale, puis une phrase. Encore une.\n\nMoscow est loin. Très loin.",
]


def _long_way(docs: Sequence[Document], lang: str, strict: bool) -> list[Finding]:
    """Findings with every segment cut into sentences and nothing remembered, as before."""
    segments = {doc.source: detect_segments(doc, FixedLanguage(lang)) for doc in docs}
    analysed = split_all(docs, segments, build_splitter())
    passages = [p for doc in analysed for p in doc.passages()]
    return Checker(GLOSSARY, strict=strict).check(passages)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("text", DOCUMENTS)
def test_a_check_finds_what_cutting_every_segment_finds(text: str, strict: bool) -> None:
    # Twice the document, in two files: the second is checked from what the first left.
    docs = [Document("a.txt", text), Document("b.txt", text)]
    found = check(docs, GLOSSARY, lang="fr", strict=strict)
    assert found == _long_way(docs, "fr", strict)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        # No word that starts and ends a known form, none near a person's: kept whole.
        ("Il pleuvait sur la ville. Personne ne sortait.", []),
        ("Rien à signaler. Vraiment rien. Encore moins.", []),
        # A name to look at: cut as before.
        ("Il pleuvait. Steve Whitkoff arrive.", ["Il pleuvait. Steve Whitkoff arrive."]),
        ("Bartou est venu. Il est reparti.", ["Bartou est venu. Il est reparti."]),
    ],
)
def test_only_a_segment_that_may_hold_a_hit_is_cut_into_sentences(
    monkeypatch: pytest.MonkeyPatch, text: str, cut: list[str]
) -> None:
    split: list[str] = []
    real = sentences_module._split

    def recording(whole: str, start: int, end: int, lang: str, splitter: object) -> object:
        split.append(whole[start:end])
        return real(whole, start, end, lang, splitter)  # type: ignore[arg-type]

    monkeypatch.setattr(sentences_module, "_split", recording)
    check([Document("a.txt", text)], GLOSSARY, lang="fr")
    assert split == cut


@pytest.mark.parametrize(
    "text",
    [
        "Un.\n\nDeux, trois.\n\nUn.",
        # Noise ending a paragraph, before one that starts with a voiced chunk or noise.
        "Texte ici.\n👍 47\n\nSuite du texte.\n\n---\nEncore du texte.",
        "Une ligne coupée\nqui continue. 2. Point suivant.\n\n2. Point suivant.",
        "",
        "\n\n   \n",
    ],
)
def test_chunks_laid_out_by_paragraph_are_the_whole_texts(text: str) -> None:
    layouts = Layouts()
    assert layouts.chunks(text) == _chunks(text)
    assert layouts.chunks(text) == _chunks(text)  # from what the first call left


@pytest.mark.parametrize("text", DOCUMENTS)
def test_a_splitter_gives_a_segment_met_before_the_same_sentences(text: str) -> None:
    warm = build_splitter()
    first = Document("a.txt", text)
    # The same paragraphs at other offsets: after a line of its own.
    moved = Document("b.txt", "Préambule.\n\n" + text)
    for doc in (first, moved, first):
        segments: list[Segment] = detect_segments(doc, FixedLanguage("fr"))
        assert split_sentences(doc, segments, warm) == split_sentences(
            doc, segments, build_splitter()
        )


def test_a_short_form_is_judged_by_what_its_document_has_introduced() -> None:
    """The same passage text, before and after the full name, in --strict: reported the first
    time only, in each document (verdicts are remembered by what the document introduced)."""
    text = "Ouchakov a parlé.\n\nIouri Ouchakov a parlé.\n\nOuchakov a parlé."
    docs = [Document("a.txt", text), Document("b.txt", text)]
    found = check(docs, GLOSSARY, lang="fr", strict=True)
    assert [(f.file, f.line, f.kind) for f in found] == [
        ("a.txt", 1, "short"),
        ("b.txt", 1, "short"),
    ]
