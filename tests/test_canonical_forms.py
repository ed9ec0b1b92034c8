"""Canonical forms a terminologist would sign, and the review mark on guesses (issue 9 item 3)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sheets import Sheet

from glossary.canonical import choose_canonical, translation_signs, variant_kind
from glossary.cluster import Cluster, FormStats
from glossary.model import (
    Entity,
    EntityStatus,
    EntityType,
    Glossary,
    Lang,
    Mention,
    Variant,
    VariantKind,
)
from glossary.translit import foreign_romanisation, respell
from glossary.workbook import read_workbook
from glossary.workbook.merge import update_workbook


def _form(form: str, lang: str, count: int = 1, kind: EntityType = EntityType.LOC) -> FormStats:
    sources = frozenset(f"{lang}{i}.txt" for i in range(count))
    return FormStats(form, lang, count, sources, ((kind, count),), count)


def _cluster(*forms: FormStats) -> Cluster:
    return Cluster(tuple(forms))


PER = EntityType.PER
ORG = EntityType.ORG


@pytest.mark.parametrize(
    ("forms", "english", "french", "guessed"),
    [
        # Places and bodies: each language's own form, not the better attested one.
        ((_form("Bosnie", "fr"), _form("Bosnia", "en", 3)), "Bosnia", "Bosnie", ()),
        # The form the other language's sources write too gives way (Angleterre in English).
        (
            (_form("England", "en", 2), _form("Angleterre", "en"), _form("Angleterre", "fr", 3)),
            "England",
            "Angleterre",
            (),
        ),
        # Nothing in French and nothing in the data: the English form, marked as a guess.
        ((_form("Black Sea", "en"),), "Black Sea", "Black Sea", ("canonical_fr",)),
        ((_form("Moyen-Orient", "fr", 2),), "Moyen-Orient", "Moyen-Orient", ("canonical_en",)),
        # A known place: the data's names, the sources' own where it knows it in that language.
        ((_form("Teheran", "en", 2), _form("Téhéran", "fr")), "Tehran", "Téhéran", ()),
        ((_form("République d'Afrique du Sud", "fr"),), "South Africa", "Afrique du Sud", ()),
        # A language that never names it: the data's name of the same kind as the other's
        # (Great Britain, Grande-Bretagne), else its canonical one.
        ((_form("Great Britain", "en"),), "Great Britain", "Grande-Bretagne", ()),
        ((_form("Grande-Bretagne", "fr"),), "Great Britain", "Grande-Bretagne", ()),
        ((_form("United Kingdom", "en"),), "United Kingdom", "Royaume-Uni", ()),
        ((_form("Taiwan", "en"),), "Taiwan", "Taïwan", ()),
        # Another of the data's names its sources write letter for letter, where they never
        # write the data's own (Kiev beside CLDR's Kyiv; Taiwan beside Taïwan)...
        ((_form("Kiev", "en", 3), _form("Kiev", "fr", 3)), "Kiev", "Kiev", ()),
        ((_form("Taiwan", "en", 8), _form("Taiwan", "fr", 7)), "Taiwan", "Taiwan", ()),
        (
            (_form("Taiwan", "en"), _form("Taïwan", "fr"), _form("Taiwan", "fr")),
            "Taiwan",
            "Taïwan",
            (),
        ),
        # French sources that write the United Nations' French name of the same words and
        # never the data's canonical long form: their form; where they write the long form, it.
        (
            (_form("Nations unies", "fr", 3, ORG), _form("United Nations", "en", 3, ORG)),
            "United Nations",
            "Nations unies",
            (),
        ),
        (
            (
                _form("Nations unies", "fr", 3, ORG),
                _form("Organisation des Nations unies", "fr", 1, ORG),
            ),
            "United Nations",
            "Organisation des Nations unies",
            (),
        ),
        # A body's fuller name its sources write, holding the data's: the full name, the one
        # the data lists first (UN, not U.N.)...
        (
            (
                _form("Security Council", "en", 3, ORG),
                _form("U.N. Security Council", "en", 1, ORG),
                _form("UN Security Council", "en", 1, ORG),
                _form("Conseil de sécurité", "fr", 3, ORG),
                _form("Conseil de sécurité des Nations unies", "fr", 1, ORG),
            ),
            "UN Security Council",
            "Conseil de sécurité des Nations unies",
            (),
        ),
        # ...not a place's, most often another place or a body in it, nor an article before it.
        (
            (_form("Moscow", "en", 3), _form("Moscow State University", "en", 1)),
            "Moscow",
            "Moscou",
            (),
        ),
        (
            (_form("Soviet Union", "en", 1, ORG), _form("The Soviet Union", "en", 1, ORG)),
            "Soviet Union",
            "Union soviétique",
            (),
        ),
        # ...but an accent a source dropped is the data's spelling still.
        (
            (_form("Etats-Unis", "fr"), _form("United States", "en")),
            "United States",
            "États-Unis",
            (),
        ),
        # A person keeps one spelling in both languages, the best attested (Witkoff)...
        (
            (_form("Steve Whitkoff", "fr", kind=PER), _form("Steve Witkoff", "en", 3, PER)),
            "Steve Witkoff",
            "Steve Witkoff",
            (),
        ),
        # ...but never a French romanisation in English.
        (
            (_form("Stalin", "en", kind=PER), _form("Staline", "fr", 3, PER)),
            "Stalin",
            "Staline",
            (),
        ),
        # A Russian name an English source wrote the French way is respelt in English.
        (
            (_form("Lev Goudkov", "en", kind=PER), _form("Lev Goudkov", "fr", kind=PER)),
            "Lev Gudkov",
            "Lev Goudkov",
            (),
        ),
        # A Russian name: each language's own romanisation where its sources write it.
        (
            (
                _form("Alexandre Loukachenko", "fr", 2, PER),
                _form("Alexandre Lukashenko", "fr", 1, PER),
                _form("Lukashenko", "fr", 3, PER),
                _form("Alexander Lukashenko", "en", 3, PER),
            ),
            "Alexander Lukashenko",
            "Alexandre Loukachenko",
            (),
        ),
        # A word glued before a name the other language writes alone is not the full name...
        (
            (_form("Croate Duje Draganja", "fr", kind=PER), _form("Duje Draganja", "en", kind=PER)),
            "Duje Draganja",
            "Duje Draganja",
            (),
        ),
        # ...but a fuller name both languages write is.
        (
            (
                _form("Juan Carlos Gomez", "fr", kind=PER),
                _form("Juan Carlos Gomez", "en", kind=PER),
                _form("Carlos Gomez", "en", 3, PER),
            ),
            "Juan Carlos Gomez",
            "Juan Carlos Gomez",
            (),
        ),
        # A name keeps the letters of its own language that a source dropped (Hasečić).
        (
            (
                _form("Bakira Hasecic", "fr", kind=PER),
                _form("Hasecic", "fr", 2, PER),
                _form("Bakira Hasečić", "en", kind=PER),
            ),
            "Bakira Hasečić",
            "Bakira Hasečić",
            (),
        ),
        # A language that writes only the acronym takes the other's name of one word that
        # holds its letters: the fuller form, written alike in both languages...
        (
            (_form("KMT", "en", 10, ORG), _form("KMT", "fr", 10, ORG), _form("Kuomintang", "fr")),
            "Kuomintang",
            "Kuomintang",
            (),
        ),
        # ...not a name of several words, the other language's rendering of the body...
        (
            (_form("FSB", "en", 3, ORG), _form("Service fédéral de sécurité", "fr", 1, ORG)),
            "FSB",
            "Service fédéral de sécurité",
            (),
        ),
        # ...nor a word that does not spell it.
        ((_form("KMT", "en", 3, ORG), _form("Kadima", "fr", 1, ORG)), "KMT", "Kadima", ()),
        # A Russian name seen in French only: English through transliteration, no guess.
        ((_form("Iouri Loujkov", "fr", kind=PER),), "Yuri Luzhkov", "Iouri Loujkov", ()),
        # A region's French compass form the sources write, where the data gives the other.
        (
            (_form("Europe orientale", "fr"), _form("Eastern Europe", "en")),
            "Eastern Europe",
            "Europe orientale",
            (),
        ),
        (
            (_form("Asie occidentale", "fr"), _form("Western Asia", "en")),
            "Western Asia",
            "Asie occidentale",
            (),
        ),
    ],
)
def test_canonical_forms_come_from_each_languages_sources_then_data(
    forms: tuple[FormStats, ...], english: str, french: str, guessed: tuple[str, ...]
) -> None:
    canon = choose_canonical(_cluster(*forms))
    assert (canon.english, canon.french, canon.guessed) == (english, french, guessed)


MISC = EntityType.MISC


@pytest.mark.parametrize(
    ("written_en", "written_fr", "english", "french"),
    [
        # One person, two spellings with equal evidence: a slip on one side, one spelling for
        # both languages. At a full tie, the English source's...
        ("David Morris", "Davis Morris", "David Morris", "David Morris"),
        # ...but a letter dropped is the slip, on either side.
        ("Timo Hoffman", "Timo Hoffmann", "Timo Hoffmann", "Timo Hoffmann"),
        # A Russian name that reads as two Cyrillic names: the one that keeps a Russian
        # surname's shape, then the fuller one.
        ("Yuri Carole", "Yuri Korolev", "Yuri Korolev", "Yuri Korolev"),
        ("Anatoly Smirnov", "Anatoly Smimov", "Anatoly Smirnov", "Anatoly Smirnov"),
        ("Vitali Klitchko", "Vitali Klitschko", "Vitali Klitschko", "Vitali Klitschko"),
        # Not slips, each language's own: accents, each language's romanisation, a third one
        # (German, Czech), and a single word, too little to tell.
        ("Jose Socrates", "José Socrates", "Jose Socrates", "José Socrates"),
        ("Muammar Gaddafi", "Mouammar Kadhafi", "Muammar Gaddafi", "Mouammar Kadhafi"),
        ("Grigoriy Surkis", "Grigorij Surkis", "Grigoriy Surkis", "Grigorij Surkis"),
        ("Nikolay Valuev", "Nikolai Walujew", "Nikolay Valuev", "Nikolai Walujew"),
        (
            "Alexander Lukashenko",
            "Alexandre Loukachenko",
            "Alexander Lukashenko",
            "Alexandre Loukachenko",
        ),
        ("Geneva", "Genève", "Geneva", "Genève"),
        # A French form of the name, or another name more than two letters away.
        ("Queen Elizabeth", "Queen Élisabeth", "Queen Elizabeth", "Queen Élisabeth"),
        ("Peter Hart", "Pierre Hart", "Peter Hart", "Pierre Hart"),
    ],
)
def test_a_persons_two_spellings_with_equal_evidence_become_one_unless_each_is_the_languages(
    written_en: str, written_fr: str, english: str, french: str
) -> None:
    canon = choose_canonical(
        _cluster(_form(written_en, "en", kind=PER), _form(written_fr, "fr", kind=PER))
    )
    assert (canon.english, canon.french) == (english, french)


@pytest.mark.parametrize(
    ("written_en", "written_fr", "english", "french"),
    [
        # A Russian name an English source wrote in a Czech or German romanisation, where the
        # French reads as the same Cyrillic name: English's own romanisation (given names from
        # the list)...
        ("Denis Kuljaš", "Denis Kuliash", "Denis Kulyash", "Denis Kuliash"),
        ("Sergej Němčinov", "Sergey Nyemtchinov", "Sergei Nemchinov", "Sergey Nyemtchinov"),
        ("Vjačeslav Fetisov", "Viatcheslav Fetissov", "Vyacheslav Fetisov", "Viatcheslav Fetissov"),
        # ...not a name the French reads otherwise (a Bosnian name keeps its letters), nor one
        # both languages write with those letters, nor the French cell (French sources keep
        # such spellings: Iwan Wasjunik).
        ("Bakira Hasečić", "Bakira Hasecic", "Bakira Hasečić", "Bakira Hasečić"),
        ("Frank Wisner", "Frank Wisner", "Frank Wisner", "Frank Wisner"),
        ("Ivan Vasyunik", "Iwan Wasjunik", "Ivan Vasyunik", "Iwan Wasjunik"),
    ],
)
def test_a_czech_or_german_romanisation_in_english_is_read_back_into_englishs_own(
    written_en: str, written_fr: str, english: str, french: str
) -> None:
    canon = choose_canonical(
        _cluster(_form(written_en, "en", kind=PER), _form(written_fr, "fr", kind=PER))
    )
    assert (canon.english, canon.french) == (english, french)


@pytest.mark.parametrize(
    ("written_fr", "french"),
    [
        # The French romanisation less its diaeresis gets it back...
        ("Serguei Lebedev", "Sergueï Lebedev"),
        # ...but a spelling English writes too stays as written, and so do other accents.
        ("Mikhail Lyubiumov", "Mikhail Lyubiumov"),
        ("Gueorgui Satarov", "Gueorgui Satarov"),
    ],
)
def test_a_russian_given_name_in_french_gets_back_only_its_diaeresis(
    written_fr: str, french: str
) -> None:
    canon = choose_canonical(_cluster(_form(written_fr, "fr", kind=PER)))
    assert canon.french == french


def test_more_documents_win_over_the_slip_signs() -> None:
    canon = choose_canonical(
        _cluster(
            _form("Ricardo Teixeira", "fr", 2, PER),
            _form("Ricardo Teixeira", "en", 1, PER),
            _form("Ricardo Teizeiras", "en", 1, PER),
        )
    )
    assert (canon.english, canon.french) == ("Ricardo Teixeira", "Ricardo Teixeira")


@pytest.mark.parametrize(
    ("forms", "french"),
    [
        # The name both languages write is kept over a form of its own cut otherwise.
        (
            (
                _form("Zelenograd", "en", 7),
                _form("Zelenograd", "fr", 5),
                _form("de Zelenograd", "fr", 2),
            ),
            "Zelenograd",
        ),
        (
            (
                _form("Nouri al-Maliki", "en", 2, MISC),
                _form("Nouri al-Maliki", "fr", 2, MISC),
                _form("al-Maliki", "fr", 1, MISC),
            ),
            "Nouri al-Maliki",
        ),
        # A name of the language's own still beats the other language's (Angleterre).
        (
            (_form("England", "en", 2), _form("England", "fr"), _form("Angleterre", "fr", 3)),
            "Angleterre",
        ),
    ],
)
def test_a_name_both_languages_write_is_not_dropped_for_the_same_name_cut_otherwise(
    forms: tuple[FormStats, ...], french: str
) -> None:
    assert choose_canonical(_cluster(*forms)).french == french


def test_the_other_languages_form_is_never_a_spelling_of_itself() -> None:
    canon = choose_canonical(
        _cluster(
            _form("Stalin", "en", 2, PER),
            _form("Staline", "en", 1, PER),
            _form("Staline", "fr", 3, PER),
        )
    )
    assert variant_kind("Stalin", Lang.EN, canon) == VariantKind.CANONICAL
    assert variant_kind("Staline", Lang.FR, canon) == VariantKind.CANONICAL
    assert variant_kind("Staline", Lang.EN, canon) == VariantKind.OTHER_LANGUAGE


@pytest.mark.parametrize(
    ("form", "lang", "expected"),
    [
        ("Guennadi Ziouganov", Lang.EN, "Gennady Zyuganov"),
        ("Nikolaï Kopossov", Lang.EN, "Nikolai Koposov"),
        ("Tamara Tcherednitchenko", Lang.EN, "Tamara Cherednichenko"),
        ("Alexeï Ignatiev", Lang.EN, "Alexei Ignatiev"),  # only the word written the French way
        ("Yuri Luzhkov", Lang.EN, "Yuri Luzhkov"),
        ("Vjačeslav Fetisov", Lang.EN, "Vjačeslav Fetisov"),  # Czech: read by neither scheme
        ("Sergei Lebedev", Lang.FR, "Sergueï Lebedev"),
        ("Iouri Loujkov", Lang.FR, "Iouri Loujkov"),
    ],
)
def test_respell_writes_the_other_languages_romanisation_in_this_ones(
    form: str, lang: Lang, expected: str
) -> None:
    assert respell(form, lang) == expected
    assert foreign_romanisation(form, lang) is (form != expected)


def _fresh(review: str = "canonical_fr") -> Glossary:
    return Glossary(
        (Entity("loc-black-sea", EntityType.LOC, "Black Sea", "Black Sea", review=review),),
        (Variant("loc-black-sea", "Black Sea", "en", VariantKind.CANONICAL, 1),),
    )


def _edit(path: Path, column: str, value: object) -> None:
    book = openpyxl.load_workbook(path)
    entities = Sheet(book, "Entities")
    entities.set(entities.row(entity_id="loc-black-sea"), column, value)
    book.save(path)


def _written_mark(path: Path) -> object:
    entities = Sheet(openpyxl.load_workbook(path), "Entities")
    return entities.get(entities.row(entity_id="loc-black-sea"), "review")


def test_the_review_mark_follows_the_contract_columns_and_survives_the_round_trip(
    tmp_path: Path,
) -> None:
    path = tmp_path / "glossary.xlsx"
    update_workbook(path, _fresh(), {"version": "test"})
    header = Sheet(openpyxl.load_workbook(path), "Entities").header
    assert header.index("review") == header.index("sources") + 1
    assert _written_mark(path) == "canonical_fr"
    [entity] = read_workbook(path).glossary.entities
    assert entity.review == "canonical_fr"
    update_workbook(path, _fresh(), {"version": "test"})
    assert _written_mark(path) == "canonical_fr"


@pytest.mark.parametrize(
    ("column", "value", "mark"),
    [
        # A person's canonical form is no guess: its mark goes, the other cell's stays.
        ("canonical_fr", "mer Noire", None),
        ("canonical_en", "the Black Sea", "canonical_fr"),
        # A person who confirms the entity signs it.
        ("status", EntityStatus.CONFIRMED.value, None),
        # A person who empties the mark has reviewed it; what they typed in it is theirs.
        ("review", None, None),
        ("review", "ask Anna", "ask Anna"),
    ],
)
def test_a_persons_edit_clears_or_keeps_the_review_mark(
    tmp_path: Path, column: str, value: object, mark: object
) -> None:
    path = tmp_path / "glossary.xlsx"
    update_workbook(path, _fresh(), {"version": "test"})
    _edit(path, column, value)
    for _ in range(2):
        update_workbook(path, _fresh(), {"version": "test"})
        assert _written_mark(path) == mark


def test_a_fuller_form_holding_the_canonical_is_another_name_not_a_misspelling() -> None:
    canon = choose_canonical(
        _cluster(
            _form("Croate Duje Draganja", "fr", kind=PER), _form("Duje Draganja", "en", kind=PER)
        )
    )
    assert (canon.english, canon.french) == ("Duje Draganja", "Duje Draganja")
    assert variant_kind("Croate Duje Draganja", Lang.FR, canon) == VariantKind.EXONYM
    assert variant_kind("Duje Draganja", Lang.EN, canon) == VariantKind.CANONICAL


ORG = EntityType.ORG


@pytest.mark.parametrize(
    ("forms", "french"),
    [
        # The spelling most sources write, word by word and joint by joint, not the first seen.
        (
            (
                _form("Maison-Blanche", "fr", kind=ORG),
                _form("Maison blanche", "fr", kind=ORG),
                _form("Maison Blanche", "fr", kind=ORG),
            ),
            "Maison Blanche",
        ),
        (
            (
                _form("maison-Blanche", "fr", kind=ORG),
                _form("Maison-Blanche", "fr", kind=ORG),
                _form("Maison blanche", "fr", kind=ORG),
            ),
            "Maison-Blanche",
        ),
        # Better attested spellings weigh more.
        (
            (_form("Maison blanche", "fr", 3, ORG), _form("Maison Blanche", "fr", 1, ORG)),
            "Maison blanche",
        ),
        # Other words are another spelling, not a vote (Maison Blanche beside Maison Blanc).
        (
            (
                _form("Maison-Blanche", "fr", 2, ORG),
                _form("Maison Blanc", "fr", kind=ORG),
                _form("Maison blanc", "fr", kind=ORG),
            ),
            "Maison-Blanche",
        ),
    ],
)
def test_the_canonical_form_is_the_majority_spelling_of_its_words(
    forms: tuple[FormStats, ...], french: str
) -> None:
    assert choose_canonical(_cluster(*forms)).french == french


@pytest.mark.parametrize(
    ("forms", "english", "french"),
    [
        # A tie between a spaced and a hyphenated spelling: English writes the name spaced...
        (
            (_form("Middle-East", "en"), _form("Middle East", "en"), _form("Moyen-Orient", "fr")),
            "Middle East",
            "Moyen-Orient",
        ),
        (
            (_form("Middle East", "en"), _form("Middle-East", "en"), _form("Moyen-Orient", "fr")),
            "Middle East",
            "Moyen-Orient",
        ),
        # ...French hyphenates a compound place name, and keeps it at a tie.
        (
            (_form("Far East", "en"), _form("Extrême-Orient", "fr"), _form("Extrême Orient", "fr")),
            "Far East",
            "Extrême-Orient",
        ),
        # More sources still win over the tie-break.
        (
            (
                _form("Middle-East", "en", 3),
                _form("Middle East", "en"),
                _form("Moyen-Orient", "fr"),
            ),
            "Middle-East",
            "Moyen-Orient",
        ),
    ],
)
def test_a_tie_between_spaced_and_hyphenated_spellings_follows_each_languages_habit(
    forms: tuple[FormStats, ...], english: str, french: str
) -> None:
    canon = choose_canonical(_cluster(*forms))
    assert (canon.english, canon.french) == (english, french)


@pytest.mark.parametrize(
    ("forms", "kind", "english", "french"),
    [
        # An English or German article opens a paper's name, never a person's: each language
        # then keeps its own form (the French source writes Spiegel alone)...
        (
            (_form("Der Spiegel", "en", 1, PER), _form("Spiegel", "fr", 1, MISC)),
            MISC,
            "Der Spiegel",
            "Spiegel",
        ),
        ((_form("The Guardian", "en", 2, PER),), MISC, "The Guardian", "The Guardian"),
        # ...but French articles open persons' names.
        ((_form("Le Pen", "fr", 2, PER), _form("Le Pen", "en", 1, PER)), PER, "Le Pen", "Le Pen"),
    ],
)
def test_a_name_opened_by_an_english_or_german_article_is_no_persons(
    forms: tuple[FormStats, ...], kind: EntityType, english: str, french: str
) -> None:
    canon = choose_canonical(_cluster(*forms))
    assert (canon.type, canon.english, canon.french) == (kind, english, french)


def _mention(form: str, lang: str, source: str) -> Mention:
    return Mention(form, Lang(lang), EntityType.LOC, source, 0, len(form), 1, 1, form)


@pytest.mark.parametrize(
    ("written", "signs"),
    [
        # A known place an English text writes only the French way (Belgique) is a sign it
        # is the translation; the language's own name (Belgium) or one both write is none.
        ((("Belgique", "en", "en.txt"), ("Pays-Bas", "en", "en.txt")), {"en.txt": 2}),
        ((("Damascus", "fr", "fr.txt"), ("Damas", "fr", "fr.txt")), {"fr.txt": 1}),
        ((("Belgium", "en", "en.txt"), ("Belgique", "fr", "fr.txt")), {}),
        ((("Ukraine", "en", "en.txt"), ("Maison Blanche", "en", "en.txt")), {}),
    ],
)
def test_a_document_writing_the_other_languages_place_names_shows_signs_of_translation(
    written: tuple[tuple[str, str, str], ...], signs: dict[str, int]
) -> None:
    assert translation_signs([_mention(*w) for w in written]) == signs


@pytest.mark.parametrize(
    ("signs", "spelling"),
    [
        # A person's two spellings at a full tie: the English source's...
        (None, "Reynald Temerii"),
        ({"fr.txt": 1}, "Reynald Temerii"),
        # ...unless the English document is the translation (it keeps French place names):
        # then the French source's, a copy being where a slip comes in.
        ({"en.txt": 3, "fr.txt": 1}, "Reynald Temarii"),
    ],
)
def test_at_a_full_tie_a_persons_spelling_is_the_source_texts_not_the_translations(
    signs: dict[str, int] | None, spelling: str
) -> None:
    cluster = _cluster(
        FormStats("Reynald Temerii", "en", 1, frozenset({"en.txt"}), ((PER, 1),)),
        FormStats("Reynald Temarii", "fr", 1, frozenset({"fr.txt"}), ((PER, 1),)),
    )
    canon = choose_canonical(cluster, signs)
    assert (canon.english, canon.french) == (spelling, spelling)


@pytest.mark.parametrize(
    ("form", "lang", "kind"),
    [
        ("Conseil de sécurité des Nations unies", "fr", VariantKind.CANONICAL),
        # Another fuller name holding the data's is another name, not a slip of the canonical.
        ("Conseil de sécurité de l'ONU", "fr", VariantKind.EXONYM),
        ("Conseil de sécurité", "fr", VariantKind.SHORT),
        ("Security Council", "en", VariantKind.SHORT),
    ],
)
def test_a_bodys_fuller_names_beside_a_fuller_canonical_are_other_names(
    form: str, lang: str, kind: VariantKind
) -> None:
    canon = choose_canonical(
        _cluster(
            _form("Security Council", "en", 3, ORG),
            _form("UN Security Council", "en", 1, ORG),
            _form("Conseil de sécurité", "fr", 3, ORG),
            _form("Conseil de sécurité de l'ONU", "fr", 1, ORG),
            _form("Conseil de sécurité des Nations unies", "fr", 1, ORG),
        )
    )
    assert variant_kind(form, lang, canon) == kind


@pytest.mark.parametrize(
    ("written", "french"),
    [
        # Two spellings of one body's name with equal attestation: the one whose words the
        # language's texts write more (irakien elsewhere in the French texts)...
        ((("Ministère du pétrole iraquien", 12), ("Ministère du pétrole irakien", 14)), "irakien"),
        ((("Ministère du pétrole iraquien", 14), ("Ministère du pétrole irakien", 12)), "iraquien"),
        # ...after the fuller name.
        ((("Ministère du pétrole", 40), ("Ministère du pétrole iraquien", 12)), "iraquien"),
    ],
)
def test_at_equal_attestation_the_spelling_whose_words_the_language_writes_more_wins(
    written: tuple[tuple[str, int], ...], french: str
) -> None:
    forms = [
        FormStats(form, "fr", 1, frozenset({"fr.txt"}), ((ORG, 1),), 1, seen)
        for form, seen in written
    ]
    canon = choose_canonical(_cluster(*forms, _form("Iraqi Oil Ministry", "en", 1, ORG)))
    assert canon.french.split()[-1] == french


def test_a_persons_slip_is_not_chosen_for_its_words_being_written_often() -> None:
    # The texts write Mark as often as the slip itself: a person's name is not made of the
    # language's words, so the fuller spelling still wins the tie.
    forms = [
        FormStats("Mark Rubio", "en", 1, frozenset({"en.txt"}), ((PER, 1),), 1, 9),
        FormStats("Marco Rubio", "en", 1, frozenset({"en.txt"}), ((PER, 1),), 1, 3),
    ]
    assert choose_canonical(_cluster(*forms)).english == "Marco Rubio"
