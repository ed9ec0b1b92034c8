"""Mentions from several kinds of evidence (issue 9 item 1): linking words, initials, titles split
off, names joined by de/of, and spaCy's French entities kept only where the rules agree."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from align.cli import app
from glossary.mentions.finder import find_mentions
from glossary.mentions.ner import NerSpan, Recogniser, french_entities, no_entities
from glossary.model import EntityType, Passage

# English sentences that write the common words of the names below in lower case: the corpus's
# evidence that those words alone are not names.
LOWER_EN = (
    "The union of forces met in a hall; the league and the nations had a security plan, "
    "the house was white, the world bank of data, the old city, the far country, "
    "a national security advisor, a special envoy, internal affairs, the state, sport."
)


def forms(
    *sentences: str, lang: str = "en", recogniser: Recogniser = no_entities, lower: str = ""
) -> list[str]:
    texts = [*sentences, lower] if lower else list(sentences)
    passages = [Passage("doc.txt", lang, s, line=i + 1) for i, s in enumerate(texts)]
    return [m.form for m in find_mentions(passages, recogniser) if m.line <= len(sentences)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They joined the League of Nations in 1926.", ["League of Nations"]),
        (
            "Yuri Potemkin spoke for the Union of Democratic Forces today.",
            ["Yuri Potemkin", "Union of Democratic Forces"],
        ),
        (
            "Observers of the Organization for Security and Cooperation in Europe left.",
            ["Organization for Security and Cooperation in Europe"],
        ),
        (
            "Economists at the Centre for Economic and Financial Research wrote it.",
            ["Centre for Economic and Financial Research"],
        ),
        ("He is a member of the Hockey Hall of Fame since 2001.", ["Hockey Hall of Fame"]),
        (
            "Police, (FSB), Ministry of Internal Affairs (MVD) and courts.",
            ["FSB", "Ministry of Internal Affairs", "MVD"],
        ),
    ],
)
def test_linking_words_stay_inside_english_names_of_bodies(
    sentence: str, expected: list[str]
) -> None:
    assert forms(sentence, lower=LOWER_EN) == expected


def test_and_between_two_names_keeps_them_two() -> None:
    found = forms("He served the Russian Federation and Russia until 1999.")
    assert "Russia" in found
    assert not any(" and " in f for f in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He quoted Franklin D. Roosevelt at length.", ["Franklin D. Roosevelt"]),
        ("A dozen did so under George W. Bush in office.", ["George W. Bush"]),
        ("The U.S. envoy met the U.N. Security Council there.", ["U.S.", "U.N. Security Council"]),
        ("A paper of the R.I.I.A. was cited.", ["R.I.I.A."]),
        (
            "He taught at St. Petersburg State University for years.",
            ["St. Petersburg State University"],
        ),
        (
            "He said Exxon and Occidental Petroleum Inc. won.",
            ["Exxon", "Occidental Petroleum Inc."],
        ),
    ],
)
def test_middle_initials_and_dotted_acronyms_are_part_of_names(
    sentence: str, expected: list[str]
) -> None:
    assert forms(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "They met Special Envoy for the Middle East Steve Witkoff in Riyadh.",
            ["Middle East", "Steve Witkoff", "Riyadh"],
        ),
        ("National Security Advisor Mike Waltz attended.", ["Mike Waltz"]),
        ("He met Secretary of State Hillary Rodham Clinton there.", ["Hillary Rodham Clinton"]),
        (
            "At the request of Minister of Sport Miroslav Drzeviecki it met.",
            ["Miroslav Drzeviecki"],
        ),
        ("He voted for Mister Bagapsh in the end.", ["Bagapsh"]),
        ("The Moscow Deputy Mayor, Yuri Roslyak, came.", ["Moscow", "Yuri Roslyak"]),
    ],
)
def test_titles_and_their_complements_are_split_off_english_names(
    sentence: str, expected: list[str]
) -> None:
    assert forms(sentence, lower=LOWER_EN) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il a rencontré Alexei Miller de Gazprom hier.", ["Alexei Miller", "Gazprom"]),
        ("Il a parlé avec Chris Murphy du Connecticut.", ["Chris Murphy", "Connecticut"]),
        ("La Syrie de Bachar al-Assad a répondu.", ["Syrie", "Bachar al-Assad"]),
        ("Le roi Alexandre de Yougoslavie fut assassiné.", ["Alexandre de Yougoslavie"]),
        ("Il cite souvent Charles de Gaulle.", ["Charles de Gaulle"]),
    ],
)
def test_two_names_joined_by_de_are_one_only_under_one_given_name(
    sentence: str, expected: list[str]
) -> None:
    assert forms(sentence, lang="fr") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A surname the corpus writes after a given name, "de" and one more name: two names;
        # a given name before "de" still opens one name (Charles, after a title elsewhere).
        (
            "On compare Petrov de Marlowe, et Charles de Gaulle.",
            ["Petrov", "Marlowe", "Charles de Gaulle"],
        ),
        ("Il rapproche Petrov de Holmes.", ["Petrov", "Holmes"]),
    ],
)
def test_a_known_surname_before_de_and_a_name_is_two_names(
    sentence: str, expected: list[str]
) -> None:
    # Another document writes Petrov after a given name, and Charles after a title.
    passages = [
        Passage("a.txt", "fr", sentence),
        Passage("b.txt", "fr", "Le ministre Ivan Petrov et le roi Charles sont venus."),
    ]
    found = [m.form for m in find_mentions(passages, no_entities) if m.source == "a.txt"]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In talks in Geneva on Oct. 1, it agreed.", ["Geneva"]),
        ("Le 3 janv. à Paris, il neigeait.", ["Paris"]),
        ("Jan Kubis spoke in Geneva.", ["Jan Kubis", "Geneva"]),
    ],
)
def test_abbreviated_months_are_not_names(sentence: str, expected: list[str]) -> None:
    lang = "fr" if sentence.startswith("Le") else "en"
    assert forms(sentence, lang=lang) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A spokesman at the White House said so.", [("White House", EntityType.ORG)]),
        ("She moved to the World Bank in May.", [("World Bank", EntityType.ORG)]),
        ("He toured the Far East in spring.", [("Far East", EntityType.LOC)]),
        ("Holy places inside the Old City are shared.", [("Old City", EntityType.LOC)]),
    ],
)
def test_common_words_capitalised_beside_a_head_noun_make_a_name(
    sentence: str, expected: list[tuple[str, EntityType]]
) -> None:
    passages = [Passage("doc.txt", "en", sentence), Passage("doc.txt", "en", LOWER_EN, line=2)]
    found = [(m.form, m.type) for m in find_mentions(passages, no_entities) if m.line == 1]
    assert found == expected


def fake(spans: dict[str, Sequence[tuple[str, EntityType]]]) -> Recogniser:
    """A recogniser that finds the given substrings of the texts it is given."""

    def recognise(texts: Sequence[str]) -> list[list[NerSpan]]:
        out = []
        for text in texts:
            found = []
            for form, kind in spans.get(text, ()):
                start = text.index(form)
                found.append(NerSpan(start, start + len(form), kind))
            out.append(found)
        return out

    return recognise


ORG, PER, LOC = EntityType.ORG, EntityType.PER, EntityType.LOC


@pytest.mark.parametrize(
    ("sentence", "spans", "expected"),
    [
        (
            "Ils remettront leur rapport au Conseil de sécurité des Nations unies demain.",
            [("Conseil de sécurité des Nations unies", ORG)],
            ["Conseil de sécurité", "Conseil de sécurité des Nations unies", "Nations unies"],
        ),
        (
            "Le chef de la Maison blanche a parlé avec l'Autorité palestinienne hier.",
            [("Maison blanche", LOC), ("l'Autorité palestinienne", ORG)],
            ["Maison blanche", "Autorité palestinienne"],
        ),
        (
            "Il a vu le ministre des Affaires étrangères et le capitaine Pouyade.",
            [("ministre des Affaires étrangères", ORG), ("capitaine Pouyade", PER)],
            ["Pouyade"],
        ),
        (
            "La Syrie de Bachar al-Assad a répondu.",
            [("Syrie de Bachar al-Assad", LOC)],
            ["Syrie", "Bachar al-Assad"],
        ),
        ("Lire aussi les archives.", [("Lire", LOC)], []),
        (
            "Les Palestiniens et les Israéliens ont signé.",
            [("Palestiniens", PER), ("Israéliens", PER)],
            [],
        ),
        (
            "La Fédération internationale espérant conquérir de nouveaux territoires a voté.",
            [("Fédération internationale espérant conquérir de nouveaux territoires", ORG)],
            [],
        ),
    ],
)
def test_recognised_french_spans_are_kept_where_the_rules_agree(
    sentence: str, spans: list[tuple[str, EntityType]], expected: list[str]
) -> None:
    lower = "Une maison et des palestiniens, une fédération, il faut lire."
    recogniser = fake({sentence: spans})
    assert forms(sentence, lang="fr", recogniser=recogniser, lower=lower) == expected


def test_recogniser_sees_only_french_sentences() -> None:
    seen: list[str] = []

    def recognise(texts: Sequence[str]) -> list[list[NerSpan]]:
        seen.extend(texts)
        return [[] for _ in texts]

    passages = [
        Passage("a.txt", "fr", "Il est à Paris."),
        Passage("b.txt", "en", "He is in Paris."),
    ]
    find_mentions(passages, recognise)
    assert seen == ["Il est à Paris."]


def test_spacy_french_pipeline_finds_a_body_the_rules_cut_short() -> None:
    sentence = "Ils remettront leur rapport au Conseil de sécurité des Nations unies, dit-il."
    assert [sentence[s.start : s.end] for s in french_entities([sentence])[0]] == [
        "Conseil de sécurité des Nations unies"
    ]
    assert "Conseil de sécurité des Nations unies" in forms(
        sentence, lang="fr", recogniser=french_entities
    )


def test_design_card_envoy_merges_with_its_french_misspelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, detector: Any
) -> None:
    import align.text.language

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fr.txt").write_text(
        "L'envoyé spécial du président pour le Moyen-Orient Steve Whitkoff est arrivé à Riyad "
        "le 18 février pour des entretiens avec la délégation russe.\n",
        encoding="utf-8",
    )
    (docs / "en.txt").write_text(
        "Special Envoy for the Middle East Steve Witkoff arrived in Riyadh on 18 February for "
        "talks with the Russian delegation.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out / "glossary.xlsx", read_only=True)
    variants = [r for r in book["Variants"].iter_rows(min_row=2, values_only=True) if r[0]]
    owner = {r[1]: r[0] for r in variants}
    assert owner["Steve Witkoff"] == owner["Steve Whitkoff"]
    assert "Middle East Steve Witkoff" not in owner
