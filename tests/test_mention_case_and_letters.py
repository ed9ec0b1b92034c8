"""Names written against the usual case (union soviétique, western Europe, Exxon-Mobil at a
sentence's start), acronyms with dots, French regions by compass adjective, and the words news
capitalises that are no names alone (State Departments, the Saudi high rollers)."""

from __future__ import annotations

import pytest
from mention_cases import agreed, found

from glossary.mentions.finder import find_mentions
from glossary.mentions.ner import NerSpan
from glossary.model import EntityType, Passage
from glossary.similarity import name_parts

# Another document writes "étude" and "union" in lower case, and capitalises "Union" inside a
# sentence (en Union soviétique): the corpus's evidence, as real news gives it.
EVIDENCE = (
    "fr",
    "Une étude a paru en Union soviétique, et l'union des syndicats a répondu.",
)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Capitals with dots, the last dot left out, after an elided article maybe.
        ("fr", "Le gaz russe vers l'Union Européenne (U.E) passe par l'Ukraine.", "U.E"),
        ("fr", "Une baisse des fournitures vers les pays de l'U.E.", "U.E."),
        # A known name written in lower case: a slip of case, still the name.
        ("fr", "Le gaz vient d'autres nations de l'ex union soviétique.", "union soviétique"),
        # A known region with its compass adjective in lower case.
        ("en", "Russian exports of the fuel to western Europe may be affected.", "western Europe"),
        # French names a region by its compass adjective or by "de l'Ouest", CLDR both ways.
        (
            "fr",
            "La chute des exportations vers l'Europe occidentale a suivi.",
            "Europe occidentale",
        ),
        ("fr", "Le sommet de l'Afrique de l'Ouest a eu lieu hier.", "Afrique de l'Ouest"),
        # French writes the head noun of an event in lower case: la révolution d'Octobre.
        ("fr", "Après la révolution d'Octobre, la France rompit.", "révolution d'Octobre"),
        # A French head noun capitalised inside a sentence keeps the capital after de.
        (
            "fr",
            "Selon le Centre d'Etude de Nonprolifération James Martin, la Biélorussie a 88 livres.",
            "Centre d'Etude de Nonprolifération James Martin",
        ),
        ("fr", "«Le Parlement du Kosovo aura le dernier mot»", "Parlement du Kosovo"),
        # Every part of a compound capitalised: a name, at a sentence's start too.
        ("en", "Exxon-Mobil and Occidental Petroleum Inc. were the only firms.", "Exxon-Mobil"),
        # A known name before a lower-case word after a hyphen: the name after stands alone.
        ("en", "The increasingly Russia-dependent Belarus had raised a loan.", "Belarus"),
        ("fr", "Exxon-Mobil et Occidental Petroleum Inc. ont obtenu des contrats.", "Exxon-Mobil"),
        # A compass point alone after the article is a region, though West Bank starts so.
        ("en", "It was his first trip to the West since taking office in March.", "West"),
        # French puts the adjective after its noun: the first word of Arabie saoudite before a
        # verb is the country.
        ("fr", "Selon le texte, l'Arabie exige des garanties.", "Arabie"),
    ],
)
def test_names_written_against_the_usual_case_are_found(
    lang: str, text: str, expected: str
) -> None:
    assert expected in found((lang, text), EVIDENCE)


@pytest.mark.parametrize(
    ("lang", "text", "unwanted"),
    [
        # A country narrowed by a compass adjective is no known region: the country alone.
        ("en", "The troops in northern Iraq were attacked.", "northern Iraq"),
        # A description the index reads as a long form (state of X) is no name in lower case.
        ("en", "He was recognised as the legitimate head of state of Russia.", "state of Russia"),
        # An article opens no name, though the index knows "the United States".
        ("en", "The talks with the United States began.", "the United States"),
        # A lower-case phrase the corpus never capitalises is no name (zone euro: no capital).
        ("fr", "Les pays de la zone euro ont voté.", "zone euro"),
        # A plural head noun alone is a common noun.
        ("en", "It was a dialogue between the two countries' State Departments.", "Departments"),
        # Peoples' adjectives joined by a hyphen.
        (
            "en",
            "The British, Spanish-Portuguese (2018) and American bids advance.",
            "Spanish-Portuguese",
        ),
        # The first word of a known longer name, before a noun: an adjective.
        ("en", "Like the Saudi high rollers of the 1970s, Russians spend.", "Saudi"),
        ("en", "Gas comes from central Asian former Soviet nations.", "Soviet"),
        # A known name and a lower-case word joined by a hyphen: an adjective.
        ("en", "The increasingly Russia-dependent Belarus had raised a loan.", "Russia-dependent"),
        # A compound adjective or a title at a sentence's start stays out.
        ("en", "Franco-German talks began on Monday.", "Franco-German"),
        ("en", "Vice-President Biden spoke on Monday.", "Vice-President"),
    ],
)
def test_capitalised_words_that_are_no_names_alone(lang: str, text: str, unwanted: str) -> None:
    assert unwanted not in found((lang, text), EVIDENCE)


def test_a_recognised_list_of_peoples_is_no_name() -> None:
    text = "Bush arrache un accord entre Israéliens et Palestiniens à Annapolis."
    agreement = agreed(text, "Israéliens et Palestiniens", "Bush", EntityType.MISC)
    assert not agreement.added


def _typed(passages: list[tuple[str, str]], spans: dict[str, tuple[str, EntityType]]) -> dict:
    """Types of the forms found, with a recogniser that returns `spans` (text -> span, type)."""
    items = [
        Passage(f"d{i}.txt", lang, text, start=0, line=1) for i, (lang, text) in enumerate(passages)
    ]

    def recogniser(texts: list[str]) -> list[list[NerSpan]]:
        out = []
        for text in texts:
            span, kind = spans.get(text, ("", EntityType.MISC))
            at = text.find(span) if span else -1
            out.append([NerSpan(at, at + len(span), kind)] if at >= 0 else [])
        return out

    return {m.form: m.type for m in find_mentions(items, recogniser)}


@pytest.mark.parametrize(
    ("passages", "spans", "form", "kind"),
    [
        # The recogniser calls one spelling a place; the corpus's other mentions say a person.
        (
            [
                ("fr", "Elle a reconnu que l'accueil du Dalaï-Lama était une erreur."),
                ("fr", "Le Dalaï Lama a rencontré Angela Merkel à Berlin."),
                ("fr", "Selon le Dalaï Lama, le Tibet veut son autonomie."),
            ],
            {
                "Elle a reconnu que l'accueil du Dalaï-Lama était une erreur.": (
                    "Dalaï-Lama",
                    EntityType.LOC,
                ),
                "Le Dalaï Lama a rencontré Angela Merkel à Berlin.": ("Dalaï Lama", EntityType.PER),
                "Selon le Dalaï Lama, le Tibet veut son autonomie.": ("Dalaï Lama", EntityType.PER),
            },
            "Dalaï-Lama",
            EntityType.PER,
        ),
        # A French arena is a place, not a person's name.
        (
            [("fr", "Dans l'Arène de Berne, devant 17.000 spectateurs, il a gagné.")],
            {},
            "Arène de Berne",
            EntityType.LOC,
        ),
        # A body's letters with dots, as NATO.
        (
            [("fr", "Le gaz russe vers l'Union Européenne (U.E) passe par l'Ukraine.")],
            {},
            "U.E",
            EntityType.ORG,
        ),
        (
            [("fr", "Les exportations vers l'Europe occidentale ont chuté.")],
            {},
            "Europe occidentale",
            EntityType.LOC,
        ),
    ],
)
def test_names_get_the_type_a_person_would_give(
    passages: list[tuple[str, str]], spans: dict, form: str, kind: EntityType
) -> None:
    assert _typed(passages, spans).get(form) is kind


@pytest.mark.parametrize(
    ("dotted", "plain"),
    [("U.E", "UE"), ("U.E.", "UE"), ("U.N.", "UN"), ("O.N.U.", "ONU")],
)
def test_an_acronym_with_dots_keys_as_its_letters(dotted: str, plain: str) -> None:
    assert name_parts(dotted, "fr").keys == name_parts(plain, "fr").keys


def test_an_acronyms_letters_are_no_particle() -> None:
    assert name_parts("L.A.", "en").keys == ("la",)


@pytest.mark.parametrize(
    ("text", "span", "expected", "unwanted"),
    [
        # French gives an event's year after "de".
        (
            "Les préparatifs du Championnat européen de 2012 n'en souffriraient pas.",
            "Championnat européen",
            "Championnat européen de 2012",
            "Championnat européen",
        ),
        # A span of years is no edition.
        (
            "Le Festival de Cannes de 2000 à 2008 a changé.",
            "Festival de Cannes",
            "Festival de Cannes",
            "Festival de Cannes de 2000",
        ),
    ],
)
def test_a_french_event_keeps_its_year_after_de(
    text: str, span: str, expected: str, unwanted: str
) -> None:
    forms = _typed([("fr", text)], {text: (span, EntityType.MISC)})
    assert expected in forms and unwanted not in forms


PERSON = ("fr", "Barack Obama est arrivé à Séoul hier soir.")


@pytest.mark.parametrize(
    ("text", "span", "expected", "unwanted"),
    [
        # De + a person of the corpus after a body's or an event's name: whose it is.
        (
            "Au moment du Sommet sur la sécurité nucléaire d'Obama, le président a parlé.",
            "Sommet sur la sécurité nucléaire d'Obama",
            "Sommet sur la sécurité nucléaire",
            "Sommet sur la sécurité nucléaire d'Obama",
        ),
        # De + a body or a place is the name's own.
        (
            "Le Conseil de sécurité des Nations unies a voté hier.",
            "Conseil de sécurité des Nations unies",
            "Conseil de sécurité des Nations unies",
            "Conseil de sécurité des",
        ),
    ],
)
def test_a_recognised_name_ends_before_the_person_it_belongs_to(
    text: str, span: str, expected: str, unwanted: str
) -> None:
    forms = _typed([("fr", text), PERSON], {text: (span, EntityType.MISC)})
    assert expected in forms and unwanted not in forms


@pytest.mark.parametrize(
    ("passages", "spans", "form", "kept"),
    [
        # The corpus writes the whole phrase in lower case too: common words capitalised.
        (
            [
                ("fr", "Un respect accru pour les Droits de l'Homme reste essentiel."),
                ("fr", "Le respect des droits de l'homme recule."),
            ],
            {"Un respect accru pour les Droits de l'Homme reste essentiel.": "Droits de l'Homme"},
            "Droits de l'Homme",
            False,
        ),
        # A title led by its article stays (le monde is a common phrase, Le Monde a paper).
        (
            [("en", "The paper Le Monde said so on Monday."), ("fr", "Tout le monde a changé.")],
            {},
            "Le Monde",
            True,
        ),
        # So does a name with a head noun, which French writes in lower case as often.
        (
            [
                ("fr", "Il travaille au Ministère du pétrole depuis 2003."),
                ("fr", "Le ministère du pétrole a signé."),
            ],
            {"Il travaille au Ministère du pétrole depuis 2003.": "Ministère du pétrole"},
            "Ministère du pétrole",
            True,
        ),
    ],
)
def test_a_phrase_the_corpus_writes_in_lower_case_is_no_name(
    passages: list[tuple[str, str]], spans: dict[str, str], form: str, kept: bool
) -> None:
    typed = _typed(passages, {t: (s, EntityType.ORG) for t, s in spans.items()})
    assert (form in typed) is kept


def test_a_known_place_in_some_state_is_the_place() -> None:
    text = "Nous garantirons votre sécurité au sein d'un Irak unifié."
    agreement = agreed(text, "Irak unifié", "Irak", EntityType.MISC)
    assert not agreement.added
