"""The name finder's record layer (glossary/memo.py): a passage's work is reused only
when every question its rules asked of the corpus gets the same answer, and reuse always gives
the mentions of a finding from scratch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from glossary.memo import DictKeeper, Watch
from glossary.mentions.finder import find_mentions
from glossary.mentions.ner import NerSpan, no_entities
from glossary.model import EntityType, Lang, Passage

CORPUS = [
    Passage("a.txt", Lang.EN, "The Union met in Brussels with Charles de Gaulle.", 0, 1, 1),
    Passage("a.txt", Lang.EN, "De Gaulle left for Paris on Monday.", 50, 2, 1),
    Passage("b.txt", Lang.EN, "Reporters saw United Russia win in Moscow.", 0, 1, 1),
    Passage("b.txt", Lang.EN, "Later United Russia spoke of the Euro-2004 final.", 43, 2, 1),
    Passage("b.txt", Lang.EN, "Spain won Euro 2012 in Kiev.", 93, 3, 1),
    Passage("c.txt", Lang.FR, "La Fédération a reçu Iouri Ouchakov à Moscou.", 0, 1, 1),
    Passage("c.txt", Lang.FR, "Ouchakov a parlé de l'Union.", 46, 2, 1),
]


def _added(*extra: Passage) -> list[Passage]:
    return [*CORPUS, *extra]


# Corpora after a change: the mentions with a keeper filled by CORPUS must be a fresh finding's.
CHANGES: list[tuple[str, list[Passage]]] = [
    ("nothing", CORPUS),
    ("an unrelated passage", _added(Passage("d.txt", Lang.EN, "Boris Johnson met Joe Biden."))),
    # "later" in lower case: "Later United Russia" is now "United Russia" in b.txt.
    ("a lower-case use", _added(Passage("d.txt", Lang.EN, "later we went home."))),
    ("a lower-case use elsewhere", _added(Passage("d.txt", Lang.EN, "A union of states."))),
    ("a cue before a capital", _added(Passage("d.txt", Lang.EN, "Their Union was strong."))),
    ("a word of the other language", _added(Passage("d.txt", Lang.FR, "Les brussels sont là."))),
    # Charles de Gaulle gone: the tail "de Gaulle" of a full name goes with it.
    ("a passage gone", CORPUS[1:]),
    ("a passage edited", [replace(CORPUS[0], text="Charles met Union men."), *CORPUS[1:]]),
    ("a french lower-case use", _added(Passage("d.txt", Lang.FR, "Une fédération de clubs."))),
    # Euro-2004 gone: "Euro 2012" is no longer a name written with its edition, only "Euro".
    ("an edition gone", [*CORPUS[:3], replace(CORPUS[3], text="Later it spoke."), *CORPUS[4:]]),
]


def _ouchakov(texts: Any) -> list[list[NerSpan]]:
    out = []
    for text in texts:
        at = text.find("Ouchakov")
        out.append([] if at < 0 else [NerSpan(at, at + len("Ouchakov"), EntityType.PER)])
    return out


@pytest.mark.parametrize("recogniser", [no_entities, _ouchakov], ids=["rules", "recogniser"])
@pytest.mark.parametrize(("change", "corpus"), CHANGES, ids=[c for c, _ in CHANGES])
def test_reused_passages_give_the_mentions_of_a_finding_from_scratch(
    change: str, corpus: list[Passage], recogniser: Callable[..., Any]
) -> None:
    keeper = DictKeeper()
    assert find_mentions(CORPUS, recogniser, keeper=keeper) == find_mentions(CORPUS, recogniser)
    assert find_mentions(corpus, recogniser, keeper=keeper) == find_mentions(corpus, recogniser)


@pytest.mark.parametrize(
    ("added", "decided_again"),
    [
        ("Boris Johnson met Joe Biden.", []),
        # Union is now a common word of English: the passages that asked about it are decided
        # again, the others reused.
        ("A union of states was formed.", [CORPUS[0].text]),
        ("later we went home.", [CORPUS[3].text]),
        ("Reporters saw Moscow.", []),
    ],
)
def test_a_passage_is_decided_again_only_when_an_answer_it_got_changes(
    decided: list[str], added: str, decided_again: list[str]
) -> None:
    keeper = DictKeeper()
    find_mentions(CORPUS, no_entities, keeper=keeper)
    assert len(decided) == len(CORPUS)
    decided.clear()
    find_mentions(_added(Passage("d.txt", Lang.EN, added)), no_entities, keeper=keeper)
    assert decided == [*decided_again, added]


def test_the_recogniser_is_asked_only_about_the_passages_decided_again() -> None:
    asked: list[str] = []

    def recognise(texts: Any) -> list[list[NerSpan]]:
        asked.extend(texts)
        return _ouchakov(texts)

    keeper = DictKeeper()
    find_mentions(CORPUS, recognise, keeper=keeper)
    asked.clear()
    new = Passage("d.txt", Lang.FR, "Le Kremlin a reçu Ouchakov.")
    find_mentions(_added(new), recognise, keeper=keeper)
    assert asked == [new.text]


# (what the rules do with a watched set, the set after the change, whether the answer holds)
USES: list[tuple[str, Callable[[frozenset[Any]], Any], frozenset[Any], bool]] = [
    ("member, unchanged", lambda s: "a" in s, frozenset({"a", "z"}), True),
    ("member, gone", lambda s: "a" in s, frozenset({"b"}), False),
    ("non-member, added", lambda s: "z" in s, frozenset({"a", "b", "z"}), False),
    ("non-member, other added", lambda s: "z" in s, frozenset({"a", "b", "y"}), True),
    ("iterated", lambda s: sorted(s), frozenset({"a", "b", "c"}), False),
    ("iterated, same", lambda s: sorted(s), frozenset({"b", "a"}), True),
    ("size", len, frozenset({"a"}), False),
    ("truth", bool, frozenset({"c"}), False),
    ("intersected", lambda s: s & {"a"}, frozenset({"b"}), False),
    ("intersected, the same part", lambda s: s & {"a"}, frozenset({"a"}), True),
    ("intersected from the right", lambda s: {"a"} & s, frozenset({"b"}), False),
    ("intersected from the right, the same part", lambda s: {"a"} & s, frozenset({"a"}), True),
    ("subtracted from", lambda s: {"a", "q"} - s, frozenset({"q"}), False),
    ("compared", lambda s: s == {"a", "b"}, frozenset({"a", "b"}), True),
]


@pytest.mark.parametrize(("use", "how", "after", "holds"), USES, ids=[u[0] for u in USES])
def test_every_use_of_a_watched_set_is_a_question_the_next_run_asks_again(
    use: str, how: Callable[[frozenset[Any]], Any], after: frozenset[Any], holds: bool
) -> None:
    before = Watch()
    watched = before.set("words", {"a", "b"})
    value, asked = before.recorded(lambda: how(watched))
    assert value == how(frozenset({"a", "b"}))
    now = Watch()
    now.set("words", after)
    assert now.holds(asked) is holds


def test_a_watched_mapping_notes_the_keys_looked_up() -> None:
    before = Watch()
    langs = before.mapping("langs", {"union": frozenset({"en"})})
    _, asked = before.recorded(lambda: (langs.get("union"), langs.get("kremlin")))
    for after, holds in [
        ({"union": frozenset({"en"})}, True),
        ({"union": frozenset({"en", "fr"})}, False),
        ({"union": frozenset({"en"}), "kremlin": frozenset({"fr"})}, False),
        ({"union": frozenset({"en"}), "moscow": frozenset({"fr"})}, True),
    ]:
        now = Watch()
        now.mapping("langs", after)
        assert now.holds(asked) is holds, after


def test_a_phrase_the_corpus_now_writes_in_lower_case_is_weighed_as_from_scratch() -> None:
    league = Passage("e.txt", Lang.FR, "Il défend la Ligue des Droits Civiques à Paris.")
    lower = Passage("f.txt", Lang.FR, "La ligue des droits civiques est ancienne.")
    keeper = DictKeeper()
    find_mentions([*CORPUS, league], no_entities, keeper=keeper)
    later = [*CORPUS, league, lower]
    assert find_mentions(later, no_entities, keeper=keeper) == find_mentions(later, no_entities)
