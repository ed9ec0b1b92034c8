"""glossary.check: a variant is reported as a spelling, a transliteration or the other language's
form only when its spelling shows it; clustering's other names and conventions are not variants.

The glossaries below have the shapes clustering gives on real news (another name filed under an
entity, a description beside a short name, a canonical cell in the other language's
romanisation); the sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from glossary.check.checker import Checker, Finding
from glossary.check.kinship import (
    convention_only,
    is_description,
    same_name,
    spelt_like,
    translated_given_name,
)
from glossary.model import Entity, EntityType, Glossary, Passage, Variant, VariantKind

PER, ORG, LOC, MISC = EntityType.PER, EntityType.ORG, EntityType.LOC, EntityType.MISC
SPELLING, TRANSLIT = VariantKind.SPELLING, VariantKind.TRANSLITERATION

GLOSSARY = Glossary(
    (
        Entity("lien", PER, "Sean Lien", "Sean Lien"),
        Entity("panthers", PER, "Florida Panthers", "Florida Panthers"),
        Entity("security", ORG, "Comité de Sécurité Nationale", "Comité de Sécurité Nationale"),
        Entity("arabiya", MISC, "al-Arabiya", "al-Arabiya"),
        Entity("euro", MISC, "Euro", "Championnat européen"),
        Entity("beijing", LOC, "Beijing", "Pékin"),
        Entity("osce", ORG, "Organization for Security and Co-operation in Europe", ""),
        Entity("oil", ORG, "Iraqi Oil Ministry", "Ministère du pétrole iraquien"),
        Entity("lukashenko", PER, "Alexander Lukashenko", "Alexandre Lukashenko"),
        Entity("ushakov", PER, "Yuri Ushakov", "Iouri Ouchakov"),
        Entity("king", PER, "Pyotr King", "Peter King"),
        Entity("klichko", PER, "Vitali Klichko", "Vitali Klitchko"),
        Entity("reiss", PER, "Clotilde Reiss", "Clotilde Reiss"),
        Entity("usa", LOC, "United States", "États-Unis"),
        Entity("qaeda", ORG, "Al-Qaeda", "Al-Qaeda"),
        Entity("zyuganov", PER, "Gennadi Zyuganov", "Guennadi Ziouganov"),
    ),
    (
        Variant("lien", "Lyons", "en", SPELLING, 1),
        Variant("panthers", "Floride", "fr", SPELLING, 1),
        Variant("security", "Comité Olympique National", "fr", SPELLING, 1),
        Variant("arabiya", "Arabia", "en", SPELLING, 1),
        Variant("euro", "Euro", "en", VariantKind.CANONICAL, 3),
        Variant("euro", "Championnat européen", "fr", VariantKind.CANONICAL, 1),
        Variant("beijing", "Pékin", "fr", VariantKind.CANONICAL, 3),
        Variant("osce", "Organization for Security and Cooperation in Europe", "en", SPELLING, 1),
        Variant("oil", "Ministère du pétrole irakien", "fr", SPELLING, 1),
        Variant("lukashenko", "Alexandre Loukachenko", "fr", TRANSLIT, 2),
        Variant("lukashenko", "Alexander Lukashenko", "en", VariantKind.CANONICAL, 3),
        Variant("king", "Peter King", "fr", VariantKind.CANONICAL, 1),
        Variant("klichko", "Vitali Klitchko", "fr", VariantKind.CANONICAL, 1),
        Variant("reiss", "Clothilde Reiss", "en", SPELLING, 1),
        Variant("usa", "Etats-Unis", "fr", SPELLING, 1),
        Variant("qaeda", "al Qaeda", "fr", SPELLING, 1),
        # The English sources kept the French romanisation and never wrote the canonical form.
        Variant("zyuganov", "Guennadi Ziouganov", "en", VariantKind.OTHER_LANGUAGE, 2),
    ),
)


def check(checker: Checker, lang: str, text: str) -> list[tuple[str, str, str]]:
    findings: list[Finding] = checker.check([Passage("doc.txt", lang, text, 0, 1, 1)])
    return [(f.found, f.suggestion, str(f.kind)) for f in findings]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(GLOSSARY)


@pytest.fixture(scope="module")
def strict() -> Checker:
    return Checker(GLOSSARY, strict=True)


# (lang, text, the form that --strict still reports): none is reported by default.
NOT_VARIANTS = [
    ("en", "Interpol, which has its headquarters in Lyons, issued the notice.", "Lyons"),
    ("fr", "Le Canadien a battu les Panthers de la Floride hier soir.", "Floride"),
    (
        "fr",
        "La fédération a été suspendue par le Comité Olympique National.",
        "Comité Olympique National",
    ),
    ("en", "Every Arab country, Arabia first, took part in the talks.", "Arabia"),
    ("fr", "Les préparatifs de l'Euro 2012 avancent à Kiev.", "Euro"),
    (
        "en",
        "The Organization for Security and Cooperation in Europe sent observers.",
        "Organization for Security and Cooperation in Europe",
    ),
    ("fr", "Le Ministère du pétrole irakien a signé dix accords.", "Ministère du pétrole irakien"),
    ("fr", "Le président Alexandre Loukachenko a été réélu.", "Alexandre Loukachenko"),
    ("en", "Peter King, the congressman, asked the department to act.", "Peter King"),
]


@pytest.mark.parametrize(("lang", "text", "form"), NOT_VARIANTS)
def test_another_name_or_a_convention_is_not_reported_by_default(
    checker: Checker, strict: Checker, lang: str, text: str, form: str
) -> None:
    assert check(checker, lang, text) == []
    assert form in [found for found, _, _ in check(strict, lang, text)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Clothilde Reiss was released.", ("Clothilde Reiss", "Clotilde Reiss", "spelling")),
        ("fr", "Les Etats-Unis ont répondu.", ("Etats-Unis", "États-Unis", "spelling")),
        ("fr", "Un attentat revendiqué par al Qaeda.", ("al Qaeda", "Al-Qaeda", "spelling")),
        ("en", "Vitali Klitchko won.", ("Vitali Klitchko", "Vitali Klichko", "other-language")),
        ("fr", "Il est arrivé à Beijing.", ("Beijing", "Pékin", "other-language")),
        (
            "en",
            "The Championnat européen opens.",
            ("Championnat européen", "Euro", "other-language"),
        ),
        (
            "fr",
            "Alexander Lukashenko a parlé.",
            ("Alexander Lukashenko", "Alexandre Lukashenko", "other-language"),
        ),
        ("fr", "Yuri Ushakov a parlé.", ("Yuri Ushakov", "Iouri Ouchakov", "other-language")),
        (
            "en",
            "The Communist leader Guennadi Ziouganov spoke.",
            ("Guennadi Ziouganov", "Gennadi Zyuganov", "other-language"),
        ),
    ],
)
def test_a_variant_spelt_as_the_name_is_still_reported(
    checker: Checker, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert check(checker, lang, text) == [expected]


@pytest.mark.parametrize(
    ("form", "target", "expected"),
    [
        ("Bartoux", "Barthou", True),
        ("Mark Rubio", "Marco Rubio", True),
        ("Ouchakov", "Ushakov", True),  # another romanisation: the same transliteration key
        ("États Unis", "États-Unis", True),
        ("Dwight Eisenhower", "Dwight D. Eisenhower", True),
        ("Lyons", "Lien", False),
        ("Floride", "Florida Panthers", False),
        ("Comité Olympique National", "Comité de Sécurité Nationale", False),
        ("Arabia", "al-Arabiya", False),  # a particle is part of the name
        ("Euro", "Championnat européen", False),
    ],
)
def test_spelt_like_compares_the_words_that_differ(form: str, target: str, expected: bool) -> None:
    assert spelt_like(form, target) is expected


@pytest.mark.parametrize(
    ("form", "target", "expected"),
    [
        (
            "Organization for Security and Cooperation in Europe",
            "Organization for Security and Co-operation in Europe",
            True,
        ),
        ("Ministère du pétrole irakien", "Ministère du pétrole iraquien", True),
        ("Maison Blanche", "Maison-Blanche", False),
        ("al Qaeda", "Al-Qaeda", False),
        ("Ethiopie", "Éthiopie", False),
        ("Charles du Gaulle", "Charles de Gaulle", False),  # a particle is the name's own
    ],
)
def test_only_common_words_of_a_name_make_a_convention(
    form: str, target: str, expected: bool
) -> None:
    assert convention_only(form, target) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Championnat européen", True),
        ("Ministère du pétrole iraquien", True),
        ("Organization for Security and Co-operation in Europe", False),
        ("Organisation des Nations unies", False),  # it names the Nations
        ("Pékin", False),
        ("Comité de Sécurité Nationale", False),
    ],
)
def test_a_description_has_lower_case_words(name: str, expected: bool) -> None:
    assert is_description(name) is expected


def test_two_proper_names_are_one_name_in_two_languages() -> None:
    assert same_name("Beijing", ["Pékin"])
    assert not same_name("Euro", ["Championnat européen"])


@pytest.mark.parametrize(
    ("form", "target", "expected"),
    [
        ("Peter King", "Pyotr King", True),
        ("Nicolas Ivanov", "Nikolai Ivanov", True),
        ("Sergey Lavrov", "Sergueï Lavrov", False),  # a romanisation of Сергей
        ("Yury Ushakov", "Yuri Ushakov", False),
        ("Peter Kink", "Pyotr King", False),  # the surname differs too
    ],
)
def test_a_western_given_name_is_not_a_romanisation(form: str, target: str, expected: bool) -> None:
    assert translated_given_name(form, target) is expected
