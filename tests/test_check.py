"""glossary.check.checker: which names are flagged, with what suggestion, kind and position."""

from __future__ import annotations

import pytest
from check_glossary import ENTITIES, GLOSSARY, PER, VARIANTS
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.check.checker import Checker, Finding
from glossary.check.keys import compare_key, fold
from glossary.model import (
    Entity,
    EntityType,
    Glossary,
    Passage,
    Variant,
    VariantKind,
    VariantStatus,
)
from glossary.weights import MIN_CONFIDENCE


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(GLOSSARY)


@pytest.fixture(scope="module")
def strict() -> Checker:
    return Checker(GLOSSARY, strict=True)


def check(checker: Checker, lang: str, *texts: str) -> list[Finding]:
    """Check `texts` as consecutive one-line passages of one file."""
    passages, start = [], 0
    for line, text in enumerate(texts, start=1):
        passages.append(Passage("doc.txt", lang, text, start, line, 1))
        start += len(text) + 1
    return checker.check(passages)


def summary(findings: list[Finding]) -> list[tuple[str, str, str, str]]:
    return [(f.found, f.suggestion, f.entity_id, f.kind) for f in findings]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Iouri Ouchakov a reçu Steve Witkoff et Louis Barthou."),
        ("en", "Yuri Ushakov met Steve Witkoff and Louis Barthou."),
        ("fr", "IOURI OUCHAKOV et SERGUEÏ LAVROV à MOSCOU."),
        ("fr", "La délégation de l'URSS et l’Union soviétique à Moscou."),
        ("en", "Sergey Lavrov and Sergei Lavrov, of the USSR, in Moscow."),
        ("fr", "Charles de Gaulle, puis de Gaulle, puis Gaulle."),
        ("fr", "L'ONU et l'Organisation des Nations unies."),
    ],
)
def test_canonical_forms_are_never_flagged(checker: Checker, lang: str, text: str) -> None:
    assert check(checker, lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Steve Whitkoff est arrivé.", ("Steve Whitkoff", "Steve Witkoff", "spelling")),
        ("fr", "Après Bartoux, rien.", ("Bartoux", "Barthou", "spelling")),
        ("en", "Yury Ushakov said.", ("Yury Ushakov", "Yuri Ushakov", "transliteration")),
        ("fr", "Yuri Ushakov a parlé.", ("Yuri Ushakov", "Iouri Ouchakov", "other-language")),
        ("en", "Iouri Ouchakov spoke.", ("Iouri Ouchakov", "Yuri Ushakov", "other-language")),
        ("fr", "Le rôle de l'USSR.", ("USSR", "URSS", "other-language")),
        ("fr", "La Soviet Union a signé.", ("Soviet Union", "Union soviétique", "other-language")),
        ("en", "The URSS signed.", ("URSS", "USSR", "other-language")),
        ("fr", "Arrivée à Moscow.", ("Moscow", "Moscou", "other-language")),
        ("fr", "Serguei Lavrov a dit.", ("Serguei Lavrov", "Sergueï Lavrov", "deprecated")),
        ("en", "Witkof said.", ("Witkof", "Witkoff", "deprecated")),
    ],
)
def test_known_variant_is_flagged_with_the_canonical_of_its_segment_language(
    checker: Checker, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    findings = check(checker, lang, text)
    assert [(f.found, f.suggestion, f.kind) for f in findings] == [expected]
    assert findings[0].confidence == 1.0
    assert findings[0].lang == lang


def test_approved_variant_is_never_flagged(checker: Checker) -> None:
    assert check(checker, "fr", "Youri Ouchakov a parlé.") == []


def test_deprecated_variant_is_flagged_even_when_approved_elsewhere() -> None:
    glossary = Glossary(
        ENTITIES,
        (
            Variant(
                "ushakov",
                "Yuri Ushakov",
                "en",
                VariantKind.CANONICAL,
                status=VariantStatus.DEPRECATED,
            ),
        ),
    )
    findings = check(Checker(glossary), "en", "Yuri Ushakov spoke.")
    assert summary(findings) == [("Yuri Ushakov", "Yuri Ushakov", "ushakov", "deprecated")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Steve Witkof est arrivé.", ("Steve Witkof", "Steve Witkoff")),
        ("fr", "Après Bartou, rien.", ("Bartou", "Barthou")),
        ("fr", "Selon Iouriy Ouchakov, non.", ("Iouriy Ouchakov", "Iouri Ouchakov")),
        ("en", "Sergey Lavrof said.", ("Sergey Lavrof", "Sergey Lavrov")),
        ("fr", "Le conseiller Youry Ouchakov.", ("Youry Ouchakov", "Iouri Ouchakov")),
    ],
)
def test_unknown_close_form_is_a_likely_misspelling_with_a_confidence(
    checker: Checker, lang: str, text: str, expected: tuple[str, str]
) -> None:
    findings = check(checker, lang, text)
    assert [(f.found, f.suggestion, f.kind) for f in findings] == [(*expected, "misspelling")]
    assert MIN_CONFIDENCE <= findings[0].confidence < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Les Soviets et les Germans à Paris.",
        "Patrie, Histoire et Président Macron.",
        "Un an plus tard, la délégation partit.",
        "Les paris sont ouverts à moscou.",
        "Sergio Lavoro et Louise Barth.",
    ],
)
def test_words_that_are_not_glossary_names_are_not_flagged(checker: Checker, text: str) -> None:
    assert check(checker, "fr", text) == []


def test_rejected_variant_is_not_attributed_to_its_entity(checker: Checker) -> None:
    assert check(checker, "fr", "Maria Lavrova et Lavrova ; Moskva.") == []


def test_without_the_rejection_the_same_form_is_a_misspelling() -> None:
    glossary = Glossary(ENTITIES, tuple(v for v in VARIANTS if v.variant != "Lavrova"))
    findings = check(Checker(glossary), "fr", "Hier, Lavrova a dit non.")
    assert summary(findings) == [("Lavrova", "Lavrov", "lavrov", "misspelling")]


def test_short_form_after_the_full_name_is_not_flagged(checker: Checker) -> None:
    assert check(checker, "fr", "Iouri Ouchakov est venu.", "Ensuite, Ouchakov a parlé.") == []
    assert check(checker, "en", "Yuri Ushakov came.", "Then Ushakov spoke.", "USHAKOV!") == []


@pytest.mark.parametrize(
    "texts",
    [
        ("Ouchakov a dit.", "Ouchakov a répété.", "Iouri Ouchakov."),
        ("L'OTAN est née en 1949.", "L'OTAN grandit."),
        ("Il a vu Louis Barthou. Ouchakov est venu.",),
    ],
)
def test_correct_short_forms_and_acronyms_are_not_reported_by_default(
    checker: Checker, texts: tuple[str, ...]
) -> None:
    assert check(checker, "fr", *texts) == []


def test_strict_reports_a_short_form_before_the_full_name_once(strict: Checker) -> None:
    findings = check(strict, "fr", "Ouchakov a dit.", "Ouchakov a répété.", "Iouri Ouchakov.")
    assert summary(findings) == [("Ouchakov", "Iouri Ouchakov", "ushakov", "short")]
    assert findings[0].confidence < 1.0


def test_short_form_of_the_other_language_wants_the_short_canonical(checker: Checker) -> None:
    findings = check(checker, "fr", "Iouri Ouchakov est venu.", "Ensuite, Ushakov a parlé.")
    assert summary(findings) == [("Ushakov", "Ouchakov", "ushakov", "other-language")]


def test_strict_reports_an_acronym_once_unless_the_full_name_came_first(
    strict: Checker,
) -> None:
    full = "Organisation du traité de l'Atlantique nord"
    assert check(strict, "fr", f"L'{full} (OTAN) est née en 1949.", "L'OTAN grandit.") == []
    findings = check(strict, "fr", "L'OTAN est née en 1949.", "L'OTAN grandit.")
    assert summary(findings) == [("OTAN", full, "nato", "acronym")]


def test_acronym_of_the_other_language_is_always_reported(checker: Checker) -> None:
    findings = check(checker, "en", "NATO and OTAN.", "OTAN again.")
    assert summary(findings) == [("OTAN", "NATO", "nato", "other-language")] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dwight Eisenhower a dit.", ("Dwight Eisenhower", "Dwight D. Eisenhower")),
        ("Dwight D. Eisenhower puis Eisenhover.", ("Eisenhover", "Eisenhower")),
    ],
)
def test_a_fuller_canonical_is_suggested_whole_and_a_surname_as_a_surname(
    text: str, expected: tuple[str, str]
) -> None:
    glossary = Glossary(
        (Entity("ike", PER, "Dwight D. Eisenhower", "Dwight D. Eisenhower"),),
        (Variant("ike", "Dwight Eisenhower", "en", VariantKind.SPELLING),),
    )
    assert [(f.found, f.suggestion) for f in check(Checker(glossary), "fr", text)] == [expected]


def test_surname_after_another_given_name_is_someone_else(checker: Checker) -> None:
    assert check(checker, "fr", "Le peintre Alexandre Ouchakov expose.") == []


def test_surname_shared_by_two_people_is_not_guessed() -> None:
    glossary = Glossary(
        (*ENTITIES, Entity("ushakov_f", PER, "Fyodor Ushakov", "Fiodor Ouchakov")), VARIANTS
    )
    checker = Checker(glossary)
    assert check(checker, "fr", "Ouchakov a dit.") == []
    after = check(checker, "fr", "Fiodor Ouchakov, amiral.", "Ushakov a gagné.")
    assert summary(after) == [("Ushakov", "Ouchakov", "ushakov_f", "other-language")]


@pytest.mark.parametrize(
    ("text", "found", "column"),
    [
        ("Le bureau d'Ushakov.", "Ushakov", 13),
        ("Le bureau d’Ushakov.", "Ushakov", 13),
        ("Le rôle de l'USSR.", "USSR", 14),
        ("D'Ushakov, rien.", "Ushakov", 3),
        ("Le bureau d'Iouriy Ouchakov.", "Iouriy Ouchakov", 13),
    ],
)
def test_elided_article_is_not_part_of_the_name(
    checker: Checker, text: str, found: str, column: int
) -> None:
    findings = check(checker, "fr", text)
    assert [(f.found, f.column) for f in findings] == [(found, column)]


def test_mixed_language_document_follows_each_segment(checker: Checker) -> None:
    passages = [
        Passage("mix.txt", "fr", "Iouri Ouchakov a cité la presse :", 0, 1, 1),
        Passage("mix.txt", "en", "Yuri Ushakov said Moscow agreed.", 35, 2, 1),
        Passage("mix.txt", "fr", "Yuri Ushakov est rentré à Moscow.", 68, 3, 1),
    ]
    findings = checker.check(passages)
    assert [(f.line, f.found, f.suggestion, f.lang) for f in findings] == [
        (3, "Yuri Ushakov", "Iouri Ouchakov", "fr"),
        (3, "Moscow", "Moscou", "fr"),
    ]


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        # A line of no clear language wants the canonical form of its document's language.
        (
            [("fr", "Iouri Ouchakov a cité la presse, puis il est rentré.")],
            [("Yuri Ushakov", "fr")],
        ),
        ([("en", "Yuri Ushakov quoted the press and then went home.")], []),
        # In a document of no clear language, a form right in either language is right...
        ([], []),
    ],
)
def test_line_of_no_clear_language_follows_its_document(
    checker: Checker, others: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    passages = [Passage("mix.txt", lang, text, 0, i, 1) for i, (lang, text) in enumerate(others, 1)]
    passages.append(Passage("mix.txt", "und", "Yuri Ushakov 👉", 200, 9, 1))
    findings = checker.check(passages)
    assert [(f.found, f.lang) for f in findings] == expected


def test_line_of_no_clear_language_in_no_language_is_checked_against_both(
    checker: Checker,
) -> None:
    # ...and a form wrong in both is reported.
    findings = checker.check([Passage("a.txt", "und", "Iouriy Ouchakov 👉", 0, 1, 1)])
    assert [f.found for f in findings] == ["Iouriy Ouchakov"]


def test_forced_language_overrides_every_passage(checker: Checker) -> None:
    passages = [Passage("a.txt", "und", "Moscow et Moscou.", 0, 1, 1)]
    assert [f.found for f in checker.check(passages, lang="fr")] == ["Moscow"]
    assert [f.found for f in checker.check(passages, lang="en")] == ["Moscou"]


def test_positions_are_lines_and_columns_of_the_source_file(checker: Checker) -> None:
    passage = Passage("a.txt", "fr", "Il a vu\n  Moscow hier et Moscow.", 40, 7, 12)
    findings = checker.check([passage])
    assert [(f.file, f.line, f.column) for f in findings] == [("a.txt", 8, 3), ("a.txt", 8, 18)]
    assert findings[0].context == "Il a vu Moscow hier et Moscow."


def test_name_wrapped_across_a_line_break_is_one_name(checker: Checker) -> None:
    findings = checker.check(
        [Passage("a.txt", "fr", "Le conseiller Yuri\nUshakov a dit.", 0, 4, 1)]
    )
    assert [(f.found, f.suggestion, f.line, f.column) for f in findings] == [
        ("Yuri Ushakov", "Iouri Ouchakov", 4, 15)
    ]


def test_full_stop_joins_an_initial_but_not_two_sentences(strict: Checker) -> None:
    assert check(strict, "fr", "Il a vu Louis Barthou. Ouchakov est venu.") == [
        Finding("doc.txt", 1, 24, "Ouchakov", "Iouri Ouchakov", "ushakov", "fr", "short", 0.9,
                "Il a vu Louis Barthou. Ouchakov est venu."),
    ]  # fmt: skip


def test_findings_come_in_file_order_then_position(checker: Checker) -> None:
    passages = [
        Passage("b.txt", "fr", "Moscow.", 0, 2, 1),
        Passage("a.txt", "fr", "Moscow.", 0, 1, 1),
        Passage("b.txt", "fr", "Moscow.", 0, 1, 1),
    ]
    assert [(f.file, f.line) for f in checker.check(passages)] == [
        ("b.txt", 1),
        ("b.txt", 2),
        ("a.txt", 1),
    ]


_CANONICAL_FR = [e.canonical_fr.split("|")[0] for e in ENTITIES]
_FILLER = st.sampled_from(["et", "avec", "puis", "selon", "à", "chez", "contre"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_FILLER, st.sampled_from(_CANONICAL_FR)), min_size=1, max_size=8))
def test_text_of_canonical_forms_only_has_no_findings(pairs: list[tuple[str, str]]) -> None:
    text = "Il cite " + ", ".join(f"{word} {name}" for word, name in pairs) + "."
    assert Checker(GLOSSARY).check([Passage("p.txt", "fr", text)]) == []


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="abc éà,;\n", max_size=30),
    st.sampled_from(["Moscow", "Yuri Ushakov", "Steve Whitkoff", "Bartou"]),
)
def test_found_text_is_at_its_reported_line_and_column(prefix: str, name: str) -> None:
    text = f"{prefix} {name} fin."
    findings = Checker(GLOSSARY).check([Passage("p.txt", "fr", text, 0, 1, 1)])
    assert len(findings) == 1
    finding = findings[0]
    line = text.split("\n")[finding.line - 1]
    assert line[finding.column - 1 :].startswith(finding.found)
    assert finding.found == name


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_text_keys_are_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert compare_key(compare_key(text)) == compare_key(text)


LOC, ORG = EntityType.LOC, EntityType.ORG
POLICY = Glossary(
    (
        Entity("cz", LOC, "Czechia", "Tchéquie"),
        Entity("us", LOC, "United States", "États-Unis"),
        Entity("kyiv", LOC, "Kyiv", "Kiev"),
        Entity("moscow", LOC, "Moscow", "Moscou"),
        Entity("london", LOC, "London", "Londres"),
        Entity("qaeda", ORG, "al-Qaeda", "Al-Qaïda"),
        Entity("bush", PER, "George Bush", "George Bush"),
        Entity("times", ORG, "Times", "Times"),
    ),
    (
        Variant("cz", "Czech Republic", "en", VariantKind.EXONYM, 3),
        Variant("cz", "République tchèque", "fr", VariantKind.EXONYM, 3),
        Variant("us", "Etats-Unis", "fr", VariantKind.EXONYM, 4),
        Variant("us", "États-Unis", "fr", VariantKind.CANONICAL, 2),
        Variant("us", "USA", "en", VariantKind.ACRONYM, 5),
        Variant("us", "USA", "fr", VariantKind.ACRONYM, 1),
        # English sources write Kiev and never Kyiv: the house usage, not a slip.
        Variant("kyiv", "Kiev", "en", VariantKind.OTHER_LANGUAGE, 3),
        Variant("kyiv", "Kiev", "fr", VariantKind.CANONICAL, 3),
        # French sources write Moscou, and Moscow once: a slip.
        Variant("moscow", "Moscow", "fr", VariantKind.OTHER_LANGUAGE, 1),
        Variant("moscow", "Moscou", "fr", VariantKind.CANONICAL, 20),
        Variant("moscow", "Moscow", "en", VariantKind.CANONICAL, 20),
        Variant("times", "Time", "en", VariantKind.SPELLING, 1),
    ),
)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # same-language alternative names and acronyms are correct
        ("en", "The Czech Republic and the USA.", []),
        ("fr", "La République tchèque.", []),
        # an acronym this language's sources write at all (once) is theirs too
        ("fr", "Aux USA hier.", []),
        # an alternative name spelt with a slip is not
        ("fr", "Les Etats-Unis.", [("Etats-Unis", "États-Unis", "spelling")]),
        ("en", "Kiev said so.", []),
        ("fr", "Moscow a dit.", [("Moscow", "Moscou", "other-language")]),
        # part of a longer name the glossary does not know
        ("fr", "Il a gagné le London Marathon.", []),
        # a particle in either case, a middle initial
        ("en", "Attacks by al-Qaeda.", []),
        ("en", "George W. Bush spoke.", []),
        # only names: a word the document also writes in lower case is a common word
        ("en", "Time will tell.|It is time.", []),
        ("en", "Time will tell.", [("Time", "Times", "spelling")]),
    ],
)
def test_default_policy_reports_what_a_style_guide_would(
    lang: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    findings = check(Checker(POLICY), lang, *text.split("|"))
    assert [(f.found, f.suggestion, f.kind) for f in findings] == expected


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "The Czech Republic.", ["Czech Republic"]),
        ("en", "The USA.", ["USA"]),
        ("fr", "La République tchèque.", ["République tchèque"]),
    ],
)
def test_strict_reports_every_non_canonical_form(lang: str, text: str, found: list[str]) -> None:
    assert [f.found for f in check(Checker(POLICY, strict=True), lang, text)] == found


@pytest.mark.parametrize(("status", "expected"), [("auto", ["Internal Affair"]), ("rejected", [])])
def test_forms_of_a_rejected_entity_are_never_matched(status: str, expected: list[str]) -> None:
    from glossary.model import EntityStatus

    glossary = Glossary(
        (
            Entity(
                "ia", ORG, "Internal Affairs", "Affaires intérieures", status=EntityStatus(status)
            ),
        ),
        (Variant("ia", "Internal Affair", "en", VariantKind.SPELLING, 1),),
    )
    assert [
        f.found for f in check(Checker(glossary), "en", "The Internal Affair unit.")
    ] == expected


_PUNCTUATION_AND_PARTS = Glossary(
    (
        *ENTITIES,
        Entity("us", LOC, "United States", "États-Unis"),
        Entity("maliki", PER, "Nouri al-Maliki", "al-Maliki"),
    ),
    (
        *VARIANTS,
        Variant("us", "U.S.", "en", VariantKind.ACRONYM),
        Variant("maliki", "al-Maliki", "fr", VariantKind.CANONICAL),
        Variant("maliki", "al-Maliki", "en", VariantKind.SHORT),
    ),
)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The sentence's full stop is the acronym's own: "U.S." read as "U.S" is no slip.
        ("en", "The talks were held in the U.S."),
        ("en", "Officials of the U.S. said so."),
        # A shorter or fuller form of this language's canonical form, though it is the other
        # language's canonical: not the other language's form.
        ("en", "The prime minister, al-Maliki, spoke."),
        ("fr", "Le Premier ministre Nouri al-Maliki a parlé."),
    ],
)
def test_a_final_full_stop_or_a_part_of_the_own_canonical_is_not_reported(
    lang: str, text: str
) -> None:
    assert summary(check(Checker(_PUNCTUATION_AND_PARTS), lang, text)) == []
