"""Names that translate each other, learnt from a parallel alignment's links (issue 9 item 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from glossary.build import glossary_from_mentions
from glossary.cooccurrence import (
    LinkedSentences,
    TextSpan,
    Unit,
    alike,
    link_groups,
    linked_pairs,
    spelt_alike,
)
from glossary.mentions.finder import find_mentions
from glossary.model import EntityType, Glossary, Lang, Mention, Passage

FR, EN = frozenset({Lang.FR}), frozenset({Lang.EN})


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Genève", "Geneva", True),
        ("Cisjordanie", "Transjordan", True),
        ("Francfort", "Frankfurt", True),
        ("Mont du Temple", "Temple Mount", True),
        ("HCR", "UNHCR", True),  # an acronym inside the other's capitals...
        ("CDU", "Christian Democratic Union", True),  # ...or all of them
        ("SPD", "Social Democratic Party", True),  # ...or all of them in another order
        ("PDP", "Democratic Progressive Party", True),
        ("DS", "Social Democrats", False),  # two letters in another order: too little
        ("SPD", "Democratic Party", False),
        ("Pékin", "Beijing", False),
        ("Maison Blanche", "White House", False),
        ("Bordeaux", "Eurocup", False),
        ("Kurdistan", "Afghanistan", False),  # a shared ending is no shared name
        ("CDU", "Frank-Walter Steinmeier", False),
    ],
)
def test_alike_is_a_shared_spelling_across_languages(a: str, b: str, expected: bool) -> None:
    assert alike(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("OESC", "OSCE", True),  # an acronym's letters in another order
        ("PDP", "DPP", True),
        ("UE", "EU", False),  # two letters: too little to tell
        ("OSCE", "OCDE", False),
        ("Al-Kaïda", "al-Qaeda", True),  # one name's transcriptions
        ("Abazzia", "Abkhazia", True),
        ("Kosovo", "Parlement du Kosovo", False),  # a name and a longer one
        ("Europe", "Eurocup", False),
        ("Beijing", "Beijing Games", False),
        ("OSCE", "Organisation pour la sécurité et la coopération en Europe", False),
    ],
)
def test_spelt_alike_is_one_names_spelling_not_a_shared_word(
    a: str, b: str, expected: bool
) -> None:
    assert spelt_alike(a, b) is expected
    assert spelt_alike(b, a) is expected


def _units(*specs: tuple[frozenset[str], EntityType, str]) -> list[Unit]:
    return [Unit(langs, kind, None, (form,)) for langs, kind, form in specs]


PEKIN = (FR, EntityType.LOC, "Pékin")
BEIJING = (EN, EntityType.LOC, "Beijing")
GENEVE = (FR, EntityType.LOC, "Genève")
GENEVA = (EN, EntityType.LOC, "Geneva")
TAIPEI = (EN, EntityType.LOC, "Taipei")
POUTINE = (FR, EntityType.PER, "Poutine")
MER_BLANCHE = (FR, EntityType.LOC, "Mer Blanche")
WHITE_SEA = (EN, EntityType.LOC, "White Sea")
JEUX_OLYMPIQUES = (FR, EntityType.MISC, "Jeux Olympiques")
JUNIOR_CHAMPIONSHIP = (EN, EntityType.MISC, "Junior World Championship")
AFRIQUE = (FR, EntityType.LOC, "Afrique")
AFRIQUE_DU_NORD = (FR, EntityType.LOC, "Afrique du Nord")
NORTH_AFRICA = (EN, EntityType.LOC, "North Africa")
MOYEN_ORIENT = (FR, EntityType.LOC, "Moyen-Orient")
MIDDLE_EAST = (EN, EntityType.LOC, "Middle East")
SAOUD = (FR | EN, EntityType.PER, "Saoud")
OSCE = (FR | EN, EntityType.ORG, "OSCE")
OESC = (EN, EntityType.ORG, "OESC")
PDP = (FR, EntityType.ORG, "PDP")
DPP = (FR | EN, EntityType.ORG, "DPP")
JO_92 = (FR, EntityType.MISC, "JO-92")
OLYMPIC_GAMES_1992 = (EN, EntityType.MISC, "1992 Olympic Games")


@pytest.mark.parametrize(
    ("units", "sides", "expected"),
    [
        # One link is enough for names that share a spelling...
        ([GENEVE, GENEVA], [({0}, {1})], [(0, 1)]),
        # ...but names that share nothing must meet in two links...
        ([PEKIN, BEIJING, TAIPEI], [({0}, {1}), ({0}, {2})], []),
        ([PEKIN, BEIJING], [({0}, {1}), ({0}, {1})], [(0, 1)]),
        # ...unless, of one type and as many words, they are the only names left in the link
        # and never left elsewhere beside another name to render (Mer Blanche, White Sea)...
        ([PEKIN, BEIJING], [({0}, {1})], [(0, 1)]),
        ([MER_BLANCHE, WHITE_SEA], [({0}, {1})], [(0, 1)]),
        # ...a link whose other side has no name left (its English lost) saying nothing.
        ([PEKIN, BEIJING], [({0}, {1}), ({0}, set())], [(0, 1)]),
        ([MOYEN_ORIENT, MIDDLE_EAST, SAOUD], [({0, 2}, {1, 2}), ({0, 2}, {2})], [(0, 1)]),
        # ...but not when one of them is met mostly without the other: more likely the other
        # language's mention was missed there (Porsche, Mercedes).
        (
            [(FR | EN, EntityType.LOC, "Paris"), PEKIN, BEIJING],
            [({1}, {2}), ({0}, {0, 2}), ({0}, {0, 2})],
            [],
        ),
        # An acronym counts a word a letter (JO-92, 1992 Olympic Games).
        ([JO_92, OLYMPIC_GAMES_1992], [({0}, {1})], [(0, 1)]),
        # Two editions of an event are two events.
        ([JO_92, (EN, EntityType.MISC, "2012 Olympic Games")], [({0}, {1})], []),
        # A name beside a longer or shorter one, or of another type, is no rendering of it.
        ([JEUX_OLYMPIQUES, JUNIOR_CHAMPIONSHIP], [({0}, {1})], []),
        ([MER_BLANCHE, (EN, EntityType.ORG, "White House")], [({0}, {1})], []),
        # Two names left on one side: the link says nothing on its own.
        ([PEKIN, BEIJING, TAIPEI], [({0}, {1, 2})], []),
        # Two unknown English names beside one French name: a tie says nothing.
        ([PEKIN, BEIJING, TAIPEI], [({0}, {1, 2}), ({0}, {1, 2})], []),
        # The tie is broken where one link names only one of them.
        ([PEKIN, BEIJING, TAIPEI], [({0}, {1, 2}), ({0}, {1})], [(0, 1)]),
        # Two French names alike the English one and met in the same links: the one of as
        # many words is its rendering, the shorter one a name inside it.
        ([AFRIQUE, AFRIQUE_DU_NORD, NORTH_AFRICA], [({0, 1}, {2}), ({0, 1}, {2})], [(1, 2)]),
        ([AFRIQUE_DU_NORD, AFRIQUE, NORTH_AFRICA], [({0, 1}, {2}), ({0, 1}, {2})], [(0, 2)]),
        # A person is never a place, however often they meet.
        ([POUTINE, BEIJING], [({0}, {1}), ({0}, {1}), ({0}, {1})], []),
        # A name met on both sides of a link is matched already: not evidence for the others.
        (
            [(FR | EN, EntityType.LOC, "Paris"), PEKIN, BEIJING],
            [({0, 1}, {0, 2}), ({0, 1}, {0, 2})],
            [(1, 2)],
        ),
        # A name rendered by itself in most links and once beside another spelling of it
        # (OSCE in French, the English's slip OESC): the links it is rendered in say nothing
        # against the slip...
        ([OSCE, OESC], [({0}, {0}), ({0}, {0}), ({0}, {0}), ({0}, {1})], [(0, 1)]),
        ([PDP, DPP], [({1}, {1}), ({1}, {1}), ({0}, {1}), ({0}, {1})], [(0, 1)]),
        (
            [(FR, EntityType.MISC, "Al-Kaïda"), (FR | EN, EntityType.MISC, "al-Qaeda")],
            [({1}, {1}), ({1}, {1}), ({0}, {1})],
            [(0, 1)],
        ),
        # ...but a longer name beside it is no spelling of it: the links still count against.
        (
            [(FR, EntityType.ORG, "Parlement du Kosovo"), (FR | EN, EntityType.LOC, "Kosovo")],
            [({1}, {1}), ({1}, {1}), ({1}, {1}), ({0}, {1})],
            [],
        ),
        (
            [OSCE, (EN, EntityType.ORG, "OSCE Mission")],
            [({0}, {0}), ({0}, {0}), ({0}, {0}), ({0}, {1})],
            [],
        ),
    ],
)
def test_linked_pairs_are_one_to_one_and_unambiguous(
    units: list[tuple[frozenset[str], EntityType, str]],
    sides: list[tuple[set[int], set[int]]],
    expected: list[tuple[int, int]],
) -> None:
    found = linked_pairs(_units(*units), sides)
    assert [(p.fr, p.en) for p in found] == expected


def test_one_name_links_to_one_name_only() -> None:
    units = _units(GENEVE, GENEVA, (EN, EntityType.LOC, "Genoa"))
    # Genève is met with Geneva three times and with Genoa once: Geneva only.
    sides = [({0}, {1}), ({0}, {1}), ({0}, {1, 2})]
    assert [(p.fr, p.en) for p in linked_pairs(units, sides)] == [(0, 1)]


FRENCH = [
    "Les négociateurs se sont retrouvés à Genève lundi matin.",
    "La Cisjordanie reste au cœur des discussions.",
    "Les discussions sur la Cisjordanie reprendront en mars.",
]
ENGLISH = [
    "The negotiators met in Geneva on Monday morning.",
    "The West Bank remains at the heart of the talks.",
    "The talks on the West Bank will resume in March.",
]


def _passages() -> list[Passage]:
    passages = []
    for lang, source, lines in ((Lang.FR, "fr.txt", FRENCH), (Lang.EN, "en.txt", ENGLISH)):
        start = 0
        for number, text in enumerate(lines, start=1):
            passages.append(Passage(source, lang, text, start=start, line=number))
            start += len(text) + 1
    return passages


def _links() -> list[LinkedSentences]:
    """Line i of fr.txt linked with line i of en.txt, as a parallel aligner gives them."""
    links = []
    fr_start = en_start = 0
    for fr, en in zip(FRENCH, ENGLISH, strict=True):
        links.append(
            LinkedSentences(
                (TextSpan("fr.txt", fr_start, fr_start + len(fr)),),
                (TextSpan("en.txt", en_start, en_start + len(en)),),
            )
        )
        fr_start += len(fr) + 1
        en_start += len(en) + 1
    return links


def _entity_of(glossary: Glossary, form: str) -> str:
    [entity_id] = {v.entity_id for v in glossary.variants if v.variant == form}
    return entity_id


def test_names_no_key_matches_merge_over_parallel_links() -> None:
    mentions = find_mentions(_passages())
    alone = glossary_from_mentions(mentions)
    assert _entity_of(alone, "Cisjordanie") != _entity_of(alone, "West Bank")
    linked = glossary_from_mentions(mentions, links=_links())
    for fr, en in (("Genève", "Geneva"), ("Cisjordanie", "West Bank")):
        entity_id = _entity_of(linked, fr)
        assert _entity_of(linked, en) == entity_id
        [entity] = [e for e in linked.entities if e.entity_id == entity_id]
        assert (entity.canonical_en, entity.canonical_fr, entity.review) == (en, fr, "")


def test_a_name_one_language_alone_attests_is_a_guess_marked_for_review() -> None:
    alone = glossary_from_mentions(find_mentions(_passages()))
    [bank] = [e for e in alone.entities if e.entity_id == _entity_of(alone, "West Bank")]
    # No French source and no data name the West Bank: its French cell is a guess.
    assert (bank.canonical_en, bank.canonical_fr, bank.review) == (
        "West Bank",
        "West Bank",
        "canonical_fr",
    )


RUN_FRENCH = """\
Mahmoud Abbas et Ehud Olmert se sont retrouvés à Genève le 12 mars 2008 pour 3 heures d'entretiens.
Selon Mahmoud Abbas, la Cisjordanie reste au cœur des discussions avec Condoleezza Rice.
Les discussions sur la Cisjordanie reprendront le 20 avril 2008, a indiqué Ehud Olmert.
Condoleezza Rice a ensuite quitté Jérusalem pour Washington le 14 mars 2008.
"""
RUN_ENGLISH = """\
Mahmoud Abbas and Ehud Olmert met in Geneva on 12 March 2008 for 3 hours of talks.
According to Mahmoud Abbas, the West Bank remains at the heart of the talks with Condoleezza Rice.
The talks on the West Bank will resume on 20 April 2008, Ehud Olmert said.
Condoleezza Rice then left Jerusalem for Washington on 14 March 2008.
"""


def test_align_run_merges_the_names_its_parallel_links_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, detector: Any
) -> None:
    import align.text.language
    from align.cli import app
    from glossary.workbook import read_workbook

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "talks_fr.txt").write_text(RUN_FRENCH, encoding="utf-8")
    (docs / "talks_en.txt").write_text(RUN_ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    glossary = read_workbook(out / "glossary.xlsx").glossary
    assert _entity_of(glossary, "Cisjordanie") == _entity_of(glossary, "West Bank")
    assert _entity_of(glossary, "Genève") == _entity_of(glossary, "Geneva")
    [bank] = [e for e in glossary.entities if e.entity_id == _entity_of(glossary, "West Bank")]
    assert (bank.canonical_en, bank.canonical_fr, bank.review) == ("West Bank", "Cisjordanie", "")


def test_a_name_inside_another_names_span_is_no_rival_in_its_link() -> None:
    french = "Le directeur pour l'Afrique du Nord et la Maison Blanche."
    english = "The director for North Africa and the White House."

    def mention(form: str, lang: Lang, text: str, at: int = 0) -> Mention:
        start = text.index(form, at)
        source = f"{lang}.txt"
        return Mention(form, lang, EntityType.LOC, source, start, start + len(form), 1, 1, text)

    mentions = [
        mention("Afrique du Nord", Lang.FR, french),
        mention("Afrique", Lang.FR, french),  # inside Afrique du Nord, as a recogniser finds it
        mention("Maison Blanche", Lang.FR, french),
        mention("North Africa", Lang.EN, english),
        mention("White House", Lang.EN, english),
    ]
    groups = [[(m.form, m.lang)] for m in mentions]
    link = LinkedSentences(
        (TextSpan("fr.txt", 0, len(french)),), (TextSpan("en.txt", 0, len(english)),)
    )
    pairs = link_groups(groups, [EntityType.LOC] * len(groups), mentions, [link])
    assert sorted((p.fr, p.en) for p in pairs) == [(0, 3), (2, 4)]
