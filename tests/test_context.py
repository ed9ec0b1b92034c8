"""Language by document context: French names do not make an English sentence French."""

from __future__ import annotations

from typing import Any

import pytest

from align.model import Document, Segment
from align.text.analysis import document_segments
from align.text.context import document_language, function_words, in_document_context
from glossary.model import Lang


@pytest.mark.parametrize(
    ("text", "fr", "en"),
    [
        ("The Société de Développement des Entreprises Culturelles (SODEC) will manage it.", 0, 3),
        ("The Conseil des arts et des lettres du Québec (CALQ) said it welcomed it.", 0, 4),
        ("Officials from the Ministère de la Culture, des Communications et de la Condition "
         "féminine attended.", 0, 2),
        ("He met Charles de Gaulle at the Musée d'art contemporain de Montréal.", 0, 3),
        ("bien sûr, nous ne savons pas si les Syriens ont fait quoi que ce soit.", 9, 0),
        ("Le New York Times a publié une enquête sur la Bank of New York.", 4, 0),
        ("Le président Vladimir Poutine est arrivé dans la capitale.", 4, 0),
        ("Yuri Ushakov met Steve Witkoff.", 0, 0),
    ],
    ids=["SODEC", "CALQ", "ministère", "de Gaulle", "French quote", "English names in French",
         "French sentence", "names only"],
)  # fmt: skip
def test_function_words_inside_names_are_no_evidence(text: str, fr: int, en: int) -> None:
    found = function_words(text)
    assert (found.fr, found.en) == (fr, en)


def segment(text: str, lang: Lang, confidence: float = 0.99, line: int = 1) -> Segment:
    doc = Document("a_en.txt", text)
    return Segment("a_en.txt", doc.span(0, len(text)), text, lang, confidence, line)


ENGLISH_DOCUMENT = [
    ("The Quebec government announced new funding for the film industry on Tuesday.", Lang.EN),
    ("The Société de Développement des Entreprises Culturelles (SODEC) will manage the fund.",
     Lang.FR),
    ("The Conseil des arts et des lettres du Québec (CALQ) said it welcomed the decision.",
     Lang.FR),
    ('"Nous sommes très heureux de cette décision", a déclaré le directeur du festival.',
     Lang.FR),
    ("Vive le Québec libre !", Lang.FR),
    ("The money will be paid out over three years, she said.", Lang.EN),
]  # fmt: skip


def test_in_an_english_document_a_french_label_needs_french_grammar() -> None:
    segments = [segment(text, lang) for text, lang in ENGLISH_DOCUMENT]
    assert document_language(segments) == Lang.EN
    relabelled = in_document_context(segments)
    assert [s.lang for s in relabelled] == [
        Lang.EN,
        Lang.EN,  # SODEC: the French words are the name's
        Lang.EN,  # CALQ
        Lang.FR,  # a French quotation keeps its label
        Lang.FR,  # no English function word at all: lingua's label stands
        Lang.EN,
    ]
    assert relabelled[1].confidence == 1.0
    assert relabelled[0] is segments[0]  # the document's own lines are left as they are


def test_a_french_document_quoting_english_names_stays_french() -> None:
    segments = [
        segment("Le Bureau de presse du Service de renseignement extérieur rapporte que la "
                "situation est grave.", Lang.FR),
        segment("Il a rencontré les dirigeants du Federal Reserve Bank of New York.", Lang.EN),
        segment("We will not accept this, he said.", Lang.EN),
    ]  # fmt: skip
    assert document_language(segments) == Lang.FR
    assert [s.lang for s in in_document_context(segments)] == [Lang.FR, Lang.FR, Lang.EN]


def test_other_languages_and_und_are_never_touched() -> None:
    segments = [
        segment("The treaty was signed in Moscow by the two ministers.", Lang.EN),
        segment("Aankomst premier Chroestsjev in Parijs", Lang.NL),
        segment("👍 47", Lang.UND, 1.0),
    ]
    assert in_document_context(segments) == segments


def test_a_document_with_no_function_words_is_left_as_lingua_labelled_it() -> None:
    segments = [segment("Moscou", Lang.FR), segment("Washington", Lang.EN)]
    assert document_language(segments) is None
    assert in_document_context(segments) == segments


def test_real_detector_no_longer_calls_english_full_of_french_names_french(detector: Any) -> None:
    text = "\n".join(text for text, _ in ENGLISH_DOCUMENT) + "\n"
    labels = [s.lang for s in document_segments(Document("quebec_en.txt", text), detector)]
    assert labels[:3] == [Lang.EN, Lang.EN, Lang.EN]
    assert labels[3] == Lang.FR and labels[-1] == Lang.EN
