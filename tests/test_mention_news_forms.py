"""Names news writes that the finder used to cut or drop: datelines, a title's surname, Arabic
articles, Romance particles, a people's member before a full name."""

from __future__ import annotations

import pytest
from mention_cases import agreed, found

from glossary.mentions.tokens import tokenize
from glossary.model import EntityType


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A dateline: the place before a spaced dash, with the agency maybe.
        ("en", "Hamburg - Vitali Klitschko remains world champion.", "Hamburg"),
        ("fr", "Hambourg – Vitali Klitschko conserve son titre.", "Hambourg"),
        ("en", "Port Moresby (Reuters) - The vote was delayed again.", "Port Moresby"),
        # An acronym no list calls a common noun's stays a name.
        ("en", "Russia's GDP grew faster than the KGB had planned.", "KGB"),
        # A compass point capitalised after the article, alone, is a region of the world.
        ("en", "He made a further charge against the West, as in Moscow.", "West"),
        ("en", "The West is divided; the militia drove them west of the capital.", "West"),
        # An opening bracket starts no sentence: the capital inside is a name's.
        ("en", "Its assets (World Cup 82 in Spain, the world cup of 1992) count.", "World Cup 82"),
        # A title before a lone surname is no common word beside it.
        ("fr", "Sur quoi se fonde tant de gratitude envers M. Assad, se demande-t-on.", "Assad"),
        # An Arabic article belongs to the name, hyphenated or not, used as a modifier or not.
        ("en", "An anti-al-Qaeda militia helped to drive al-Qaeda out of the city.", "al-Qaeda"),
        ("fr", "Les gens retournent au travail et à combattre contre al Qaeda.", "al Qaeda"),
        # A particle written with its capital is the name's first word.
        ("en", "The daily newspaper 'El Masri El Jom' reported the delay.", "El Masri El Jom"),
        # Portuguese, Spanish and Italian particles stand inside a name.
        ("en", "The record fell when Ronaldo da Costa won in Berlin.", "Ronaldo da Costa"),
        # A newspaper's or an office's head noun ends the name: the Washington Post.
        (
            "en",
            "The Dalai Lama was received at the Federal Chancellery in Berlin.",
            "Federal Chancellery",
        ),
        ("en", "According to the Washington Post, the talks failed.", "Washington Post"),
        # ... but not in lower case, where it is a common noun of another sense.
        ("en", "There have never been such dirty elections, even in Eltsin times.", "Eltsin"),
        # A month or a day leads a name with a head noun.
        ("en", "The Sunday Times revealed that two members were paid.", "Sunday Times"),
        ("en", "The silence of the night falls on October Square.", "October Square"),
        # A nationality before a body's capitalised head noun is part of its name.
        (
            "en",
            "He spoke for the Russian Ministry of External Affairs yesterday.",
            "Russian Ministry of External Affairs",
        ),
        ("en", "A member of the Russian Parliament raised his glass.", "Russian Parliament"),
        # French puts a body's head noun first; capitalised inside a sentence, it belongs.
        ("fr", "Le Président de la République Fédérale défend Merkel.", "République Fédérale"),
        # An edition's number makes a name of a word the corpus also writes in lower case.
        (
            "fr",
            "Triple médaillé aux Mondiaux-2009, il nage aux championnats mondiaux.",
            "Mondiaux-2009",
        ),
        ("fr", "Son expertise (Mondial-82 en Espagne) compte; un succès mondial.", "Mondial-82"),
        # A people's member after an article, before a full name, is not part of it.
        ("en", "He beat the Nigerian Samuel Peter in Berlin last year.", "Samuel Peter"),
    ],
)
def test_news_names_are_found_whole(lang: str, text: str, expected: str) -> None:
    assert expected in found((lang, text))


@pytest.mark.parametrize(
    ("lang", "text", "unwanted"),
    [
        # No dash, no dateline: a sentence-initial common word stays out.
        ("en", "Yesterday the talks in Geneva resumed.", "Yesterday"),
        # A dash inside the sentence is no dateline.
        ("en", "The result - a draw - pleased Moscow.", "The result"),
        # A common word the corpus writes in lower case is no dateline either.
        ("en", "Update - the summit in Geneva ends; the update follows.", "Update"),
        # A day before a name is a date, not part of the name.
        ("en", "On Sunday Moscow said the talks would resume.", "Sunday Moscow"),
        ("en", "He arrived last Thursday in Geneva for the summit.", "Thursday"),
        # A given name shaped like a demonym, before an initial, keeps the name whole.
        ("en", "Under the George W. Bush administration the talks stalled.", "W. Bush"),
        # A common noun's abbreviation is no name, in capitals (le PDG, la TV, GDP).
        ("fr", "Le PDG de Gazprom a parlé à la TV russe.", "PDG"),
        ("fr", "Le PDG de Gazprom a parlé à la TV russe.", "TV"),
        ("en", "Russia's GDP grew faster than the KGB had planned.", "GDP"),
        # The network and words made from names are common words.
        ("fr", "Un deuxième synopsis du film circule sur Internet depuis Moscou.", "Internet"),
        ("en", "The civil society in this Christianized country lagged behind.", "Christianized"),
        # English writes "I" with a capital: I'm is no name.
        ("en", "I was looking at the cars and I'm trying to decide.", "I'm"),
        # The direction, in lower case, or a compass point inside a longer name, is not.
        ("en", "The militia drove them to the west of the capital, Baghdad.", "west"),
        ("en", "He travelled to the West Bank and to Jerusalem.", "West"),
        # ... not before a head noun in lower case.
        ("en", "A member of the Russian parliament raised his glass.", "Russian parliament"),
        # A lower-case particle before a surname is not the name's first word.
        ("fr", "Le général de Gaulle arrive à Moscou.", "de Gaulle arrive"),
    ],
)
def test_news_rules_do_not_overreach(lang: str, text: str, unwanted: str) -> None:
    assert unwanted not in found((lang, text))


@pytest.mark.parametrize(
    ("word", "compound"),
    [("al-Qaeda", False), ("el-Sisi", False), ("US-backed", True), ("Nazi-Soviet", True)],
)
def test_an_arabic_article_does_not_make_a_compound(word: str, compound: bool) -> None:
    assert tokenize(word)[0].compound is compound


@pytest.mark.parametrize(
    ("text", "span", "rule_form", "replaced"),
    [
        # A place the recognised name narrows by a compass point is another place: replaced.
        ("Le directeur pour l'Afrique du Nord est arrivé.", "Afrique du Nord", "Afrique", True),
        # A known name the span restates or closes on is a name of its own too: both stay.
        (
            "Le Conseil de sécurité des Nations unies se réunit.",
            "Conseil de sécurité des Nations unies",
            "Conseil de sécurité",
            False,
        ),
        (
            "Le Conseil de sécurité de l'ONU se réunit.",
            "Conseil de sécurité de l'ONU",
            "ONU",
            False,
        ),
    ],
)
def test_a_recognised_name_replaces_the_known_place_it_narrows(
    text: str, span: str, rule_form: str, replaced: bool
) -> None:
    agreement = agreed(text, span, rule_form, EntityType.LOC)
    assert len(agreement.added) == 1
    assert (0 in agreement.replaced) is replaced
