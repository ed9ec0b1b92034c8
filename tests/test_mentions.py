"""Finding names in French and English sentences: what counts as a name, and where it is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.mentions.finder import find_mentions
from glossary.model import EntityType, Passage


def forms(*sentences: str, lang: str = "fr") -> list[str]:
    passages = [Passage("doc.txt", lang, s, start=0, line=i + 1) for i, s in enumerate(sentences)]
    return [m.form for m in find_mentions(passages)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("En 1930, l'URSS cherche un accord.", ["URSS"]),
        ("En 1930, l’URSS cherche un accord.", ["URSS"]),
        ("Il est Premier ministre d’Arabie saoudite depuis peu.", ["Arabie saoudite"]),
        ("Il est reçu par l'Europe de l'Est et la France.", ["Europe de l'Est", "France"]),
    ],
)
def test_elided_article_is_not_part_of_name(sentence: str, expected: list[str]) -> None:
    assert forms(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Il a rencontré le Conseiller du Président de Russie Iouri Ouchakov hier.",
            ["Russie", "Iouri Ouchakov"],
        ),
        (
            "Il a vu l'envoyé spécial pour le Moyen-Orient Steve Whitkoff à Riyad.",
            ["Moyen-Orient", "Steve Whitkoff", "Riyad"],
        ),
        ("Il a salué le Président russe Vladimir Poutine.", ["Vladimir Poutine"]),
    ],
)
def test_titles_are_split_off_names(sentence: str, expected: list[str]) -> None:
    assert forms(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Il cite souvent Charles de Gaulle dans ses discours.", ["Charles de Gaulle"]),
        ("Le pacte fut signé par Joachim von Ribbentrop en 1939.", ["Joachim von Ribbentrop"]),
        ("Ils ont vu Mohammed bin Salman à Riyad.", ["Mohammed bin Salman", "Riyad"]),
        ("Il a remercié Jean-Noël Barrot pour son travail.", ["Jean-Noël Barrot"]),
        ("He spoke with Bashar al-Assad in May.", ["Bashar al-Assad"]),
    ],
)
def test_particles_and_hyphenated_given_names_stay_in_the_name(
    sentence: str, expected: list[str]
) -> None:
    assert forms(sentence, lang="en" if sentence.startswith("He") else "fr") == expected


def test_sentence_start_and_tag_lines_are_not_names() -> None:
    found = forms(
        "Cependant, la coopération a repris avec Alexeï Ignatiev.",
        "Nous restons fidèles à notre Patrie.",
        "Diplomatie Histoire Coopération Alexeï Ignatiev Patrie Mémoire",
        "Voici un fait bien connu.",
    )
    assert found == ["Alexeï Ignatiev", "Alexeï Ignatiev"]


def test_word_capitalised_mid_sentence_elsewhere_is_a_name_at_sentence_start() -> None:
    found = forms("Il a rencontré Lavrov hier.", "Lavrov est arrivé à Johannesburg.")
    assert found == ["Lavrov", "Lavrov", "Johannesburg"]


def test_run_together_hashtags_are_left_out() -> None:
    assert forms("Sergueï Lavrov à Moscou #RussieÉtatsUnis #G20") == ["Sergueï Lavrov", "Moscou"]


def test_offsets_lines_and_columns_point_into_the_source() -> None:
    source = "Titre\nLe 2 mai, Paris et\nMoscou signent."
    passage = Passage("doc.txt", "fr", source[6:], start=6, line=2, column=1)
    found = find_mentions([passage])
    assert [(m.form, m.start, m.end, m.line, m.column) for m in found] == [
        ("Paris", 16, 21, 2, 11),
        ("Moscou", 25, 31, 3, 1),
    ]
    assert all(source[m.start : m.end] == m.form for m in found)


@pytest.mark.parametrize(
    ("sentence", "lang", "form", "kind"),
    [
        ("Il est arrivé à Moscou hier.", "fr", "Moscou", EntityType.LOC),
        ("Il a parlé de l'OTAN hier.", "fr", "OTAN", EntityType.ORG),
        ("Il a vu Sergueï Lavrov hier.", "fr", "Sergueï Lavrov", EntityType.PER),
        ("They won the Cold War in the end.", "en", "Cold War", EntityType.MISC),
        ("He signs with CSKA Moscow aged 51.", "en", "CSKA Moscow", EntityType.ORG),
        ("Il signe avec le CSKA Moscou à 51 ans.", "fr", "CSKA Moscou", EntityType.ORG),
    ],
)
def test_mentions_are_typed(sentence: str, lang: str, form: str, kind: EntityType) -> None:
    found = find_mentions([Passage("doc.txt", lang, sentence)])
    assert [(m.form, m.type) for m in found] == [(form, kind)]


@given(
    st.lists(
        st.sampled_from(
            [
                "Paris",
                "l'URSS",
                "d’Arabie",
                "de",
                "Gaulle",
                "Charles",
                "#Russie",
                "la",
                "Moscou",
                "Iouri",
                "Ouchakov",
                ",",
                ".",
                "\n",
                "Président",
                "NATO",
                "bin",
                "Al-Saoud",
                "é",
            ]
        ),
        max_size=25,
    ),
    st.integers(min_value=0, max_value=50),
)
def test_every_mention_is_the_source_text_at_its_offsets(words: list[str], offset: int) -> None:
    text = " ".join(words)
    source = "x" * offset + text
    passage = Passage("doc.txt", "fr", text, start=offset, line=1, column=offset + 1)
    for m in find_mentions([passage]):
        assert source[m.start : m.end] == m.form
        assert m.form and m.form[0] not in "'’ "
        line_start = source.rfind("\n", 0, m.start) + 1
        assert m.line == 1 + source.count("\n", 0, m.start)
        assert m.column == m.start - line_start + 1


def typed(*sentences: str, lang: str = "en") -> list[tuple[str, EntityType]]:
    passages = [Passage("doc.txt", lang, s, start=0, line=i + 1) for i, s in enumerate(sentences)]
    return [(m.form, m.type) for m in find_mentions(passages)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks stalled when American troops crossed the river.", []),
        ("French and British diplomats tried to form an alliance.", []),
        ("It was a matter of Anglo-Saxon dominance in those years.", []),
        ("It strained the Franco-Soviet relations for a decade.", []),
        ("They shared the Eurasian country between them.", []),
        ("The Soviet-German pact of August 1939 was a break.", []),
        ("Berlin invaded Poland and the Baltic states in 1939.", ["Berlin", "Poland"]),
        ("They were enemies in the Crimean War of the 1850s.", ["Crimean War"]),
    ],
)
def test_adjectives_of_nationality_are_not_names(sentence: str, expected: list[str]) -> None:
    assert forms(sentence, lang="en") == expected


def test_word_seen_before_a_noun_is_an_adjective_everywhere() -> None:
    found = forms(
        "The Nazi-Soviet non-aggression pact was signed in August.",
        "It is known as the Nazi–Soviet Pact in many books.",
        lang="en",
    )
    assert found == []


@pytest.mark.parametrize(
    "sentence",
    [
        "ISBN 978-0-19-151881-2.",
        "OCLC 86068902.",
        "See the record ISSN 0140-2390 in the catalogue.",
        "Aankomst premier in de stad, Bestanddeelnr 911-1157.jpg",
        "The museum shows a Yak 3 from the war.",
    ],
)
def test_catalogue_labels_are_not_names(sentence: str) -> None:
    assert forms(sentence, lang="en") == []


def test_reference_list_names_only_what_the_text_uses() -> None:
    found = forms(
        "In May 1960 Nikita Khrushchev met Charles de Gaulle in Paris.",
        "5. Haslam, Jonathan (1984). The Soviet Union and Khrushchev. St. Martin's Press.",
        "8. John Young, Stalin and Charles de Gaulle, History Today (June 1990) 40#6.",
        "16. David Bell and Byron Criddle. British Journal of Political Science 19.4 (1989).",
        lang="en",
    )
    assert sorted(found) == [
        "Charles de Gaulle",
        "Charles de Gaulle",
        "Nikita Khrushchev",
        "Paris",
        "Soviet Union",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("All of the Big Three refused to pretend otherwise.", []),
        ("They were rivals in the Great Game for Asia.", ["Asia"]),
        ("Many suffered in the Great Depression after 1929.", []),
        ("The Comintern resolved at its Second Congress to fight.", ["Comintern"]),
    ],
)
def test_capitalised_common_words_beside_common_words_are_not_names(
    sentence: str, expected: list[str]
) -> None:
    assert (
        forms("It was a great loss, big and second to none, for the world.", sentence, lang="en")[
            0:
        ]
        == expected
    )


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("The attack on Pearl Harbor changed the war.", "en", [("Pearl Harbor", EntityType.LOC)]),
        ("The plane is kept at Le Bourget now.", "en", [("Le Bourget", EntityType.LOC)]),
        ("It supported the White Guard in the civil war.", "en", [("White Guard", EntityType.ORG)]),
        (
            "He served the Russian Federation until 1999.",
            "en",
            [("Russian Federation", EntityType.LOC)],
        ),
        (
            "Relations were hurt by the invasion of Czechoslovakia in 1968.",
            "en",
            [("Czechoslovakia", EntityType.LOC)],
        ),
        (
            "A broker between Moscow and Washington, at last.",
            "en",
            [
                ("Moscow", EntityType.LOC),
                ("Washington", EntityType.LOC),
            ],
        ),
        (
            "Relations with the Republic of Turkey improved.",
            "en",
            [("Republic of Turkey", EntityType.LOC)],
        ),
        (
            "Le groupe commandé par le capitaine Steverov a tenu.",
            "fr",
            [("Steverov", EntityType.PER)],
        ),
        (
            "Il est connu sous le nom de colonel Laroche depuis.",
            "fr",
            [("Laroche", EntityType.PER)],
        ),
        ("Dans les environs de la ville de Lens ils luttaient.", "fr", [("Lens", EntityType.LOC)]),
        (
            "Il a créé le Musée de l'Homme à Paris.",
            "fr",
            [
                ("Musée de l'Homme", EntityType.ORG),
                ("Paris", EntityType.LOC),
            ],
        ),
        ("Suivez Russia Beyond sur le site.", "fr", [("Russia Beyond", EntityType.MISC)]),
    ],
)
def test_names_are_typed_by_their_cues(
    sentence: str, lang: str, expected: list[tuple[str, EntityType]]
) -> None:
    assert typed(sentence, lang=lang) == expected


def test_pact_named_after_two_people_keeps_both_names() -> None:
    found = forms("It was called the Molotov–Ribbentrop Pact by many.", lang="en")
    assert found == ["Molotov", "Ribbentrop"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Pablo Picasso was an outspoken communist.", ["Pablo Picasso"]),
        ("Karl Radek also supported the party in 1919.", ["Karl Radek"]),
        ("However Stalin ignored the warnings.", ["Stalin"]),
    ],
)
def test_given_name_at_sentence_start_joins_the_surname(sentence: str, expected: list[str]) -> None:
    assert forms("However, it failed.", sentence, lang="en") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Four titles were used: Plenipotentiary, Chargé d'Affaires and Envoy.",
        "The Bureau and the Service met the Press at the Centre.",
        "Soviet imperialism is so called by Sovietologists since Bolshevization.",
        "Les Américains ont quitté le continent.",
    ],
)
def test_titles_heads_and_derived_nouns_alone_are_not_names(sentence: str) -> None:
    lang = "fr" if sentence.startswith("Les") else "en"
    assert forms(sentence, lang=lang) == []


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Many Albanians and Belarusians voted for the first time.", "en", []),
        ("The Europeans and the Israelis met in Paris on Monday.", "en", ["Paris"]),
        ("Les Européens et les Russes ont signé hier.", "fr", []),
        ("Selon la Hongroise, rien ne change.", "fr", []),
        (
            "George Bush et François Richier sont arrivés.",
            "fr",
            ["George Bush", "François Richier"],
        ),
        (
            "The European Union and the Union Européenne.",
            "en",
            ["European Union", "Union Européenne"],
        ),
        ("The Georgian Dream party won the vote.", "en", ["Georgian Dream"]),
        (
            "The meeting was chaired by Frances Perkins in Washington.",
            "en",
            ["Frances Perkins", "Washington"],
        ),
    ],
)
def test_demonyms_are_not_names(sentence: str, lang: str, expected: list[str]) -> None:
    assert forms(sentence, lang=lang) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Albanians", "plural"),
        ("Européens", "plural"),
        ("Russes", "plural"),
        ("Germans", "plural"),
        ("Belgian", "singular"),
        ("Hongroise", "singular"),
        ("Français", "singular"),
        ("Iran", ""),
        ("France", ""),
        ("Frances", ""),
        ("Christian", ""),
        ("Lukashenko", ""),
    ],
)
def test_demonyms_come_from_country_names(word: str, expected: str) -> None:
    from glossary.exonyms import demonym

    assert demonym(word) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Il a battu Juan Carlos Gomez de Cuba hier.", "fr", ["Juan Carlos Gomez", "Cuba"]),
        ("He beat Chris Arreola des USA in June.", "en", ["Chris Arreola", "USA"]),
        ("La Syrie de Bachar al-Assad refuse.", "fr", ["Syrie", "Bachar al-Assad"]),
        # one name: a one-word head (a monarch, a particle name), a body, a known whole
        ("Alexandre de Yougoslavie est assassiné.", "fr", ["Alexandre de Yougoslavie"]),
        ("They visited the United States of America.", "en", ["United States of America"]),
    ],
)
def test_two_names_joined_by_a_particle_are_two(
    sentence: str, lang: str, expected: list[str]
) -> None:
    assert forms(sentence, lang=lang) == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["A crossroad in the Middle-East history, he said."], ["Middle-East"]),
        (["Their own territories, East-Jerusalem included."], ["East-Jerusalem"]),
        (["The East-West talks ended."], []),
    ],
)
def test_hyphenated_place_named_by_a_compass_point_is_a_name_before_a_noun(
    sentences: list[str], expected: list[str]
) -> None:
    assert forms(*sentences, lang="en") == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (
            ["He leads United Russia.", "The party United Russia won.", "A united team."],
            ["United Russia", "United Russia"],
        ),
        (["He leads United Russia, the party.", "A united team."], ["Russia"]),
        (
            ["The Social Democrat spoke.", "A Social Democrat won.", "A social policy."],
            [],
        ),
    ],
)
def test_common_word_written_before_a_known_place_in_several_sentences_joins_its_name(
    sentences: list[str], expected: list[str]
) -> None:
    assert forms(*sentences, lang="en") == expected


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["M. Ma a gagné.", "Il a perdu ma trace."], ["Ma"]),
        (["Selon M. Lien, le lien est rompu."], ["Lien"]),
        (["Le lien est rompu, dit le Lien."], []),
    ],
)
def test_word_after_an_abbreviated_honorific_is_a_name_even_when_common(
    sentences: list[str], expected: list[str]
) -> None:
    assert forms(*sentences) == expected
