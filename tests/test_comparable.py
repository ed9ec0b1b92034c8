"""Event pairing between separately written French and English passages, and the mode choice."""

from __future__ import annotations

import pytest

from align.comparable.events import _side, _term_support, align_comparable
from align.comparable.weights import (
    NAME_TERM_SUPPORT,
    RARE_TERM_SUPPORT,
    TERM_SUPPORT,
    TITLE_SUPPORT,
)
from align.comparable.words import content_words
from align.pairing.mode import choose_mode, decide_mode


def fake_name_key(form: str) -> str:
    """A stand-in for glossary.translit.match_key that knows two names."""
    return {"Ouchakov": "ushakov", "Ushakov": "ushakov"}.get(form, form.lower())


FR = [
    "Le conseiller Iouri Ouchakov a parlé aux journalistes le 18 février 2025.",
    "Le 2 mai 1935, le traité franco-soviétique d’assistance mutuelle a été signé.",
    "Les chats dorment au soleil.",
]
EN = [
    "The weather was fine in London.",
    "A treaty of mutual assistance was signed by France and the Soviet Union on May 2, 1935.",
    "Yuri Ushakov spoke to the press on 18 February 2025.",
]


def test_treaty_passages_are_paired_with_date_and_key_terms() -> None:
    links = align_comparable(FR, EN)
    treaty = [link for link in links if link.fr == (1,)]
    assert [link.en for link in treaty] == [(1,)]
    evidence = treaty[0].labels
    assert evidence[0] == "date 1935-05-02"
    assert "term assistance mutuelle = mutual assistance" in evidence
    assert "term traité = treaty" in evidence


def test_names_meet_through_the_glossary_key() -> None:
    links = align_comparable(FR, EN, name_key=fake_name_key)
    (link,) = [link for link in links if link.fr == (0,)]
    assert link.en == (2,)
    assert set(link.labels) >= {"date 2025-02-18", "name Ouchakov = Ushakov"}
    without = align_comparable(FR, EN, name_key=None)
    assert all("name Ouchakov = Ushakov" not in k.labels for k in without)


def test_one_shared_name_alone_is_not_an_event() -> None:
    fr = ["Iouri Ouchakov a parlé.", "Il pleut."]
    en = ["Yuri Ushakov spoke.", "It rains."]
    assert align_comparable(fr, en, name_key=fake_name_key) == []


def test_passages_sharing_nothing_telling_stay_unlinked() -> None:
    links = align_comparable(FR, EN)
    assert not any(link.fr == (2,) or link.en == (0,) for link in links)


def test_links_may_cross() -> None:
    fr = [
        "Le 28 octobre 1924, la France a reconnu l'Union soviétique.",
        "En décembre 1944, de Gaulle s'est rendu à Moscou.",
    ]
    en = [
        "In December 1944, de Gaulle went to Moscow.",
        "France recognised the Soviet Union on 28 October 1924.",
    ]
    pairs = sorted((link.fr, link.en) for link in align_comparable(fr, en))
    assert pairs == [((0,), (1,)), ((1,), (0,))]


def test_a_shared_year_alone_does_not_pair_unrelated_passages() -> None:
    fr = ["En 1935, il pleuvait sur Lyon.", "Les vaches mangent de l'herbe."]
    en = ["The company went bankrupt in 1935 after a fire.", "Birds fly south."]
    assert align_comparable(fr, en) == []


def test_every_link_carries_evidence_and_a_score_between_0_and_1() -> None:
    for link in align_comparable(FR, EN, name_key=fake_name_key):
        assert link.evidence
        assert 0.0 < link.score <= 1.0
        assert link.kind == "1-1"


def _history(lang: str, order: list[int]) -> list[str]:
    """Twelve sentences, each with its own year and name; `order` permutes them."""
    names = ["Barthou", "Herriot", "Litvinov", "Laval", "Blum", "Daladier"]
    names += ["Reynaud", "Pétain", "Auriol", "Mendès", "Pinay", "Faure"]
    out = []
    for k in order:
        year = 1920 + k
        if lang == "fr":
            out.append(f"En {year}, le ministre {names[k]} a signé un accord important.")
        else:
            out.append(f"In {year}, minister {names[k]} signed an important agreement.")
    return out


def test_translation_in_same_order_is_parallel() -> None:
    order = list(range(12))
    assert choose_mode(_history("fr", order), _history("en", order)) == "parallel"


def test_same_facts_in_another_order_are_comparable() -> None:
    shuffled = [7, 2, 10, 0, 5, 11, 3, 8, 1, 9, 4, 6]
    assert choose_mode(_history("fr", list(range(12))), _history("en", shuffled)) == "comparable"


def test_texts_sharing_too_little_to_tell_are_comparable() -> None:
    assert choose_mode(["Il pleut."] * 5, ["It rains."] * 4) == "comparable"


def test_parallel_on_wildly_different_lengths_falls_back_with_a_warning() -> None:
    fr = _history("fr", list(range(12)))
    decision = decide_mode(fr, ["In 1920, minister Barthou signed."], "parallel")
    assert decision.mode == "comparable"
    assert "12 sentences" in decision.warning and "comparable" in decision.warning


@pytest.mark.parametrize("requested", ["parallel", "comparable"])
def test_a_requested_mode_is_kept_when_lengths_are_plausible(requested: str) -> None:
    order = list(range(12))
    decision = decide_mode(_history("fr", order), _history("en", order), requested)  # type: ignore[arg-type]
    assert decision.mode == requested
    assert decision.warning == ""


@pytest.mark.parametrize(
    ("fr", "en", "mode"),
    [
        (
            ["Le 2 mai 1935, Paris et Moscou signent un traité.", "Iouri Ouchakov arrive à Riyad."],
            ["On 2 May 1935, Paris and Moscow signed a treaty.", "Yuri Ushakov arrived in Riyadh."],
            "parallel",
        ),
        (
            ["En 1944, de Gaulle part pour Moscou.", "Le traité de 1935 reste lettre morte."],
            ["The 1935 treaty was never applied.", "In 1944, de Gaulle went to Moscow."],
            "comparable",
        ),
        (["Bonjour.", "Comment allez-vous ?"], ["Hello.", "How are you?"], "parallel"),
    ],
    ids=["short translation", "short texts whose anchors cross", "no anchors, same count"],
)
def test_short_texts_are_parallel_only_when_their_anchors_keep_order(
    fr: list[str], en: list[str], mode: str
) -> None:
    from align.pairing.mode import choose_mode

    assert choose_mode(fr, en) == mode


def test_names_match_through_transliteration_by_default() -> None:
    fr = ["Le 18 février 2025, Iouri Ouchakov arrive à Riyad.", "Il pleut."]
    en = ["Yuri Ushakov arrived in Riyadh on 18 February 2025.", "It rains."]
    (link,) = align_comparable(fr, en)
    assert "name Ouchakov = Ushakov" in link.labels


VISIT_FR = [
    "Le mercredi 23 mars 1960, Nikita Khrouchtchev atterrit à Orly.",
    "Le général de Gaulle accueille son hôte au pied de la passerelle.",
    "Sur la route de Paris, une foule dense se masse.",
    "Cent un coups de canon saluent sa venue.",
]
VISIT_EN = [
    "Crowds were thin along the road into Paris.",
    "On March 23, 1960, Nikita Khrushchev landed at Orly, where President de Gaulle welcomed him.",
    "A 31-gun salute boomed as he arrived.",
]


def test_two_short_reports_of_one_visit_are_comparable_not_a_translation() -> None:
    decision = decide_mode(VISIT_FR, VISIT_EN, "auto")
    assert decision.mode == "comparable"
    assert "clear partner" in decision.reason


def test_a_report_links_on_date_names_and_reporting_words_in_their_own_spelling() -> None:
    links = {(k.fr, k.en): k.labels for k in align_comparable(VISIT_FR, VISIT_EN)}
    # The English sentence tells what two French sentences do: one 2-1 link.
    assert set(links[((0, 1), (1,))]) >= {
        "date 1960-03-23",
        "name Nikita Khrouchtchev = Nikita Khrushchev",
        "term atterrit = landed",
        "term accueille = welcomed",
    }


def test_a_web_address_is_not_evidence() -> None:
    fr = ["source: https://example.org/paris-moscou-traite-1935.html", "Il pleut.", "Rien."]
    en = ["source: https://example.org/paris-moscou-traite-1935.html", "It rains.", "None."]
    assert align_comparable(fr, en) == []


def test_an_english_month_is_a_date_not_a_name() -> None:
    # "révolution d'Octobre" and "in October 1985" share no name: English capitalises months.
    words = {w.key: w.name for w in content_words("Gorbachev came to Paris in October 1985.")}
    assert words["october"] is False
    assert words["paris"] is True


@pytest.mark.parametrize(
    ("english", "linked"),
    [
        ("On Friday, 15 August 2025, Trump and Putin met in Anchorage for talks.", True),
        ("On Friday, May 16, 2025, Trump and Putin met in Anchorage for talks.", False),
    ],
    ids=["same day", "another day"],
)
def test_passages_dated_to_different_days_report_different_happenings(
    english: str, linked: bool
) -> None:
    fr = [
        "Le vendredi 15 août 2025, Trump et Poutine se sont rencontrés à Anchorage pour des "
        "pourparlers.",
        "Il pleut sur la ville.",
    ]
    en = [english, "The weather was cold."]
    assert bool([k for k in align_comparable(fr, en) if k.fr == (0,)]) is linked


@pytest.mark.parametrize(
    ("english", "evidence"),
    [
        # A day the French page writes without its year meets that day of the English page.
        (
            "Macron hosted Putin at Bregancon on 19 August 2019, a week before the G7.",
            "date --08-19",
        ),
        ("Macron hosted Putin at Bregancon on 20 August 2019, a week before the G7.", None),
    ],
    ids=["the same day", "the next day"],
)
def test_a_day_written_without_its_year_meets_that_day_of_the_other_text(
    english: str, evidence: str | None
) -> None:
    fr = [
        "Ce lundi 19 août, Vladimir Poutine a été reçu par Emmanuel Macron à Brégançon.",
        "Il pleut.",
    ]
    en = [english, "The weather was cold."]
    labels = [label for k in align_comparable(fr, en) for label in k.labels]
    if evidence is None:
        assert not [label for label in labels if label.startswith("date")]
    else:
        assert evidence in labels


def test_two_years_on_the_same_day_are_two_different_days() -> None:
    fr = [
        "Le 19 août 2019, Vladimir Poutine a été reçu par Emmanuel Macron à Brégançon.",
        "Il pleut.",
    ]
    en = [
        "On 19 August 2014, Vladimir Putin was received by Emmanuel Macron at Bregancon.",
        "Cold.",
    ]
    assert align_comparable(fr, en) == []


PASSAGE_EN = [
    "On March 23, 1960, Nikita Khrushchev landed at Orly, where de Gaulle welcomed him.",
    "His wife Nina came down the steps behind him, smiling at the photographers.",
    "The weather in London was fine that week.",
]


@pytest.mark.parametrize(
    ("french", "passage"),
    [
        # Each sentence after the first shares a name or a key term with the English one.
        (
            [
                "Le mercredi 23 mars 1960, Nikita Khrouchtchev atterrit à Orly.",
                "De Gaulle accueille son hôte au pied de la passerelle.",
                "Le cortège quitte ensuite Orly pour Paris.",
                "Les chats dorment au soleil.",
            ],
            (0, 1, 2),
        ),
        # A sentence that shares nothing stops the passage: the next one does not join it.
        (
            [
                "Le mercredi 23 mars 1960, Nikita Khrouchtchev atterrit à Orly.",
                "Les chats dorment au soleil.",
                "Le cortège quitte ensuite Orly pour Paris.",
            ],
            (0,),
        ),
    ],
    ids=["three sentences", "a gap"],
)
def test_an_event_told_in_adjacent_sentences_is_one_passage_of_at_most_three(
    french: list[str], passage: tuple[int, ...]
) -> None:
    links = align_comparable(french, PASSAGE_EN)
    assert [link.fr for link in links if 0 in link.fr] == [passage]
    assert all(len(link.fr) <= 3 and len(link.en) <= 3 for link in links)


@pytest.mark.parametrize(
    ("english", "shared"),
    [
        ("Macron prepared the G-7 summit in Biarritz with his advisers.", True),
        ("Macron prepared the G8 summit in Biarritz with his advisers.", False),
    ],
    ids=["same number", "another number"],
)
def test_a_name_with_a_number_matches_only_the_same_number(english: str, shared: bool) -> None:
    fr = ["Le président Macron prépare le sommet du G7 à Biarritz.", "Il pleut."]
    en = [english, "The weather was cold."]
    labels = [label for link in align_comparable(fr, en) for label in link.labels]
    assert any(label.startswith("name G7") for label in labels) is shared


@pytest.mark.parametrize(
    ("toulon", "links"),
    [
        # Dated on its own and strongly supported: the second happening gets its own link.
        ("A Russian squadron visited Toulon in October 1893.", [((0,), (0,)), ((0,), (2,))]),
        # Without a date of its own, the first link stands alone.
        ("A Russian squadron later visited Toulon.", [((0,), (0,))]),
    ],
    ids=["dated", "undated"],
)
def test_a_sentence_telling_two_dated_happenings_is_linked_to_both(
    toulon: str, links: list[tuple[tuple[int, ...], tuple[int, ...]]]
) -> None:
    fr = [
        "La venue d'une escadre française à Cronstadt le 25 juillet 1891, puis celle d'une "
        "escadre russe à Toulon en octobre 1893, préparent l'alliance.",
        "Il pleut.",
    ]
    en = ["A French squadron visited Kronstadt on 25 July 1891.", "The weather was cold.", toulon]
    assert [(link.fr, link.en) for link in align_comparable(fr, en)] == links


def test_the_road_to_paris_and_its_crowds_are_one_happening_paris_alone_is_not() -> None:
    links = {(k.fr, k.en): k.labels for k in align_comparable(VISIT_FR, VISIT_EN)}
    assert set(links[((2,), (0,))]) == {"term foule = crowds", "term route = road", "name Paris"}
    alone = align_comparable(VISIT_FR, ["Crowds were thin in Paris.", *VISIT_EN[1:]])
    assert ((2,), (0,)) not in {(k.fr, k.en) for k in alone}


TWO_REPORTS_FR = ["Le président russe accueille son hôte.", "Le président russe parle."]
TWO_REPORTS_EN = ["The Russian president welcomed his guest.", "The Russian president spoke."]


@pytest.mark.parametrize(
    ("french", "fr_word", "en_word", "support"),
    [
        # A title names the same person in every passage: it says least.
        (TWO_REPORTS_FR, "president", "president", TITLE_SUPPORT),
        # A word English writes as a name (Russian) says who, not what happened.
        (TWO_REPORTS_FR, "russe", "russian", NAME_TERM_SUPPORT),
        # A lexicon translation met in one passage of each text says most.
        (TWO_REPORTS_FR, "accueille", "welcomed", RARE_TERM_SUPPORT),
        # The same translation met twice in the French text is an ordinary word.
        (
            ["Le président accueille son hôte.", "Il accueille la presse."],
            "accueille",
            "welcomed",
            TERM_SUPPORT,
        ),
    ],
)
def test_a_matched_word_lends_support_by_what_it_tells(
    french: list[str], fr_word: str, en_word: str, support: float
) -> None:
    fr, en = _side(french, "fr"), _side(TWO_REPORTS_EN, "en")
    assert _term_support(fr, en, fr_word, en_word) == support
    assert TITLE_SUPPORT < NAME_TERM_SUPPORT < TERM_SUPPORT < RARE_TERM_SUPPORT
