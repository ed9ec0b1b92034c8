"""Pairing French documents with the English documents that report the same events."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from align.pairing.documents import (
    DocSentences,
    document_features,
    find_document_pairs,
    sides_of,
)
from align.pairing.weights import MAX_CANDIDATES

TREATY_FR = DocSentences(
    "traite.txt",
    "fr",
    (
        "En 1930, l'URSS propose à la France un pacte de non-agression, signé le 29 novembre 1932.",
        "Le 2 mai 1935, le traité franco-soviétique d'assistance mutuelle a été signé à Paris.",
        "Louis Barthou avait proposé un Pacte oriental.",
    ),
)
TREATY_EN = DocSentences(
    "treaty.txt",
    "en",
    (
        "The Franco-Soviet non-aggression pact was signed on 29 November 1932.",
        "On 2 May 1935 France and the Soviet Union signed a treaty of mutual assistance in Paris.",
        "Louis Barthou had proposed an Eastern Pact.",
    ),
)
WEATHER_EN = DocSentences(
    "weather.txt",
    "en",
    ("It rained in Paris in 1935.", "The Seine flooded twice.", "Farmers lost 12 cows."),
)
SPORT_FR = DocSentences(
    "sport.txt", "fr", ("Le club de Lyon a gagné 3 à 1 en 2019.", "Les supporters ont chanté.")
)


def test_french_document_is_paired_with_the_english_one_sharing_events() -> None:
    pairs = find_document_pairs([TREATY_FR, WEATHER_EN, SPORT_FR, TREATY_EN])
    assert [(p.fr, p.en) for p in pairs] == [("traite.txt", "treaty.txt")]
    shared = [str(e) for e in pairs[0].shared]
    assert "date 1935-05-02" in shared and "date 1932-11-29" in shared


def test_a_common_city_and_year_do_not_make_a_pair() -> None:
    assert find_document_pairs([TREATY_FR, WEATHER_EN]) == []


def test_without_both_languages_there_is_nothing_to_pair() -> None:
    assert find_document_pairs([TREATY_FR, SPORT_FR]) == []
    assert find_document_pairs([]) == []


def test_separately_written_documents_are_comparable() -> None:
    article = DocSentences(
        "article.txt",
        "en",
        (
            "Relations between France and the Soviet Union began in 1924.",
            "Trade grew quickly in the following years.",
            "Louis Barthou had proposed an Eastern Pact before his death.",
            "On 2 May 1935 France and the Soviet Union signed a treaty of mutual assistance.",
            "The treaty was weak and never led to military talks.",
            "Earlier, a non-aggression pact had been signed on 29 November 1932.",
            "In December 1944, de Gaulle went to Moscow.",
            "The two nations signed a treaty of alliance.",
            "It was renounced in 1955.",
        ),
    )
    (pair,) = find_document_pairs([TREATY_FR, article])
    assert pair.mode == "comparable"


def test_translation_is_marked_parallel() -> None:
    years = range(1920, 1932)
    fr = DocSentences(
        "fr.txt",
        "fr",
        tuple(f"Le {d} mai {y}, le ministre Nom{y} a signé." for d, y in enumerate(years, 1)),
    )
    en = DocSentences(
        "en.txt",
        "en",
        tuple(f"On {d} May {y}, minister Nom{y} signed." for d, y in enumerate(years, 1)),
    )
    (pair,) = find_document_pairs([fr, en])
    assert pair.mode == "parallel"


def test_pairs_are_sorted_and_each_french_document_may_have_several() -> None:
    copy = DocSentences("treaty2.txt", "en", TREATY_EN.sentences)
    pairs = find_document_pairs([copy, TREATY_FR, TREATY_EN])
    assert [(p.fr, p.en) for p in pairs] == [
        ("traite.txt", "treaty.txt"),
        ("traite.txt", "treaty2.txt"),
    ]


def test_sides_of_a_mixed_document_keep_french_and_english_apart() -> None:
    from align.model import Sentence, Span

    def sentence(text: str, lang: str) -> Sentence:
        return Sentence("mixed.txt", Span(0, len(text), 1, 1), text, lang, 0)

    sides = sides_of(
        "mixed.txt",
        [sentence("Bonjour.", "fr"), sentence("Hello.", "en"), sentence("👍 12", "und")],
    )
    assert sides == [
        DocSentences("mixed.txt", "fr", ("Bonjour.",)),
        DocSentences("mixed.txt", "en", ("Hello.",)),
    ]


def test_the_same_people_at_another_dated_event_are_not_paired() -> None:
    def doc(source: str, lang: str, *texts: str) -> DocSentences:
        return DocSentences(source, lang, texts)

    people = ("Donald Trump", "Vladimir Poutine", "Volodymyr Zelensky")
    docs = [
        doc(
            "alaska_fr.txt",
            "fr",
            "Le 15 août 2025, {} reçoit {} à Anchorage.".format(*people),
            f"{people[2]} n'était pas invité au sommet.",
        ),
        doc(
            "alaska_en.txt",
            "en",
            "On 15 August 2025 Donald Trump met Vladimir Putin in Anchorage.",
            "Volodymyr Zelensky was not invited to the summit.",
        ),
        doc(
            "istanbul_fr.txt",
            "fr",
            "Le 16 mai 2025, les pourparlers d'Istanbul ont commencé.",
            "{}, {} et {} n'étaient pas là.".format(*people),
        ),
        doc(
            "istanbul_en.txt",
            "en",
            "On 16 May 2025 the talks in Istanbul began.",
            "Donald Trump, Vladimir Putin and Volodymyr Zelensky were not there.",
        ),
    ]
    pairs = [(p.fr, p.en) for p in find_document_pairs(docs)]
    assert pairs == [("alaska_fr.txt", "alaska_en.txt"), ("istanbul_fr.txt", "istanbul_en.txt")]


def test_a_mixed_document_is_not_paired_with_itself() -> None:
    fr = DocSentences("mixed.txt", "fr", TREATY_FR.sentences)
    en = DocSentences("mixed.txt", "en", TREATY_EN.sentences)
    assert find_document_pairs([fr, en]) == []
    assert [(p.fr, p.en) for p in find_document_pairs([fr, en, TREATY_EN])] == [
        ("mixed.txt", "treaty.txt")
    ]


def test_ordinary_capitalised_words_are_not_name_keys() -> None:
    alice = DocSentences(
        "alice.txt",
        "en",
        (
            '"What is it?" said Alice to Miss Taylor.',
            "Well, she thought, this is very well indeed.",
            "Then the Rabbit said: Never mind the Hatter.",
            "She never knew what the Rabbit meant.",
        ),
    )
    keys = {e.value for e, _ in document_features(alice, name_key=None).keys}
    # "What" opens a quotation, "Well" is also "well", "Miss" a title, "Never" follows a colon.
    assert keys == {"alice", "taylo", "rabbi", "hatte"}


def test_document_features_are_a_plain_value_a_cache_can_keep() -> None:
    import pickle

    features = document_features(TREATY_FR)
    assert pickle.loads(pickle.dumps(features)) == features
    assert features == document_features(DocSentences(*TREATY_FR.__dict__.values()))
    kept = {(TREATY_FR.source, TREATY_FR.lang): features}
    assert find_document_pairs([TREATY_FR, TREATY_EN], features=kept) == find_document_pairs(
        [TREATY_FR, TREATY_EN]
    )


def _names(number: int) -> str:
    """Two rare names of report `number` (distinct in their first five letters)."""
    pre = "Z" + chr(97 + number // 26) + chr(97 + number % 26)
    return f"{pre}ndor {pre}mir"


def _report(source: str, lang: str, number: int) -> DocSentences:
    day = number % 28 + 1
    if lang == "fr":
        text = f"Le {day} mars 1950, le ministre {_names(number)} a visité Tarbes."
    else:
        text = f"On {day} March 1950 minister {_names(number)} visited Tarbes."
    return DocSentences(source, lang, (text,))


def test_a_document_sharing_with_many_is_a_candidate_of_a_few_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    french = [_report(f"fr{k}.txt", "fr", k) for k in range(28)]
    english = [_report(f"en{k}.txt", "en", k) for k in range(28)]
    # An English digest naming everyone: the second best of every French report.
    hub = DocSentences(
        "hub.txt", "en", tuple(f"Minister {_names(k)} visited Tarbes." for k in range(28))
    )
    with caplog.at_level(logging.DEBUG, logger="align.pairing.documents"):
        pairs = find_document_pairs([*french, hub, *english], name_key=None)
    (message,) = [r.getMessage() for r in caplog.records if "candidate pairs" in r.message]
    candidates = int(message.split(": ")[1].split()[0])
    # Each French report's candidates are its English report and the digest, which keeps its
    # few best; Tarbes and 1950, in every document, make no candidate.
    assert candidates == 28 + MAX_CANDIDATES
    assert {(p.fr, p.en) for p in pairs} >= {(f"fr{k}.txt", f"en{k}.txt") for k in range(28)}


def test_the_mode_is_decided_once_per_pair(
    monkeypatch: pytest.MonkeyPatch, detector: Any, tmp_path: Path
) -> None:
    import align.pairing.pair
    import align.text.language
    from align.cli import app

    calls: list[int] = []
    decide = align.pairing.pair.decide_mode

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return decide(*args, **kwargs)

    monkeypatch.setattr(align.pairing.pair, "decide_mode", counted)
    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "traite_fr.txt").write_text("\n".join(TREATY_FR.sentences) + "\n", "utf-8")
    (docs / "treaty_en.txt").write_text("\n".join(TREATY_EN.sentences) + "\n", "utf-8")
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "1 document pair" in result.stdout
    assert len(calls) == 1
