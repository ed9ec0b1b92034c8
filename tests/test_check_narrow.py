"""glossary.check.narrow: the index over the entities a draft could meet gives the same findings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from check_glossary import ENTITIES, GLOSSARY, VARIANTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from glossary.check.checker import Checker
from glossary.check.narrow import MAX_STRETCHES, Draft, NarrowingChecker, narrowed
from glossary.model import (
    Entity,
    EntityStatus,
    EntityType,
    Glossary,
    Passage,
    Variant,
    VariantKind,
)
from glossary.outline import chosen_part

PER, LOC, ORG = EntityType.PER, EntityType.LOC, EntityType.ORG
# The shared glossary, with neighbours that make matches ambiguous or near: two persons one
# letter apart, a surname shared by two persons, a place one letter from a person, a rejected
# entity, a middle initial.
NEIGHBOURS = Glossary(
    (
        *ENTITIES,
        Entity("bartou", PER, "Louise Bartou", "Louise Bartou"),
        Entity("ushakova", PER, "Anna Ushakova", "Anna Ouchakova"),
        Entity("witkoff2", PER, "Mary Witkoff", "Mary Witkoff"),
        Entity("moskva", LOC, "Moskva River", "Moskova"),
        Entity("gone", PER, "Yuri Lavrov", "Iouri Lavrov", status=EntityStatus.REJECTED),
        Entity("bush", PER, "George Bush", "George Bush"),
        Entity("natoo", ORG, "Atlantic Council", "Conseil atlantique"),
    ),
    (
        *VARIANTS,
        Variant("ushakova", "Ouchakova", "fr", VariantKind.SHORT),
        Variant("bush", "G. W. Bush", "en", VariantKind.SHORT),
    ),
)


def kept(text: str, glossary: Glossary = NEIGHBOURS) -> set[str]:
    draft = Draft.of([text])
    assert draft is not None
    return {e.entity_id for e in narrowed(glossary, draft).entities}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Moscou et l'URSS.", {"moscow", "ussr"}, {"barthou", "ushakov", "moskva"}),
        ("Ouchakov seul.", {"ushakov", "ushakova"}, {"barthou", "witkoff"}),  # last words, one edit
        ("Yuri Ushakof a parlé.", {"ushakov"}, {"barthou", "moscow"}),  # one edit
        ("Iouriy Ouchakof.", {"ushakov"}, {"witkoff"}),  # two edits
        ("George W. Bush", {"bush"}, {"ushakov"}),  # a middle initial
        ("Bartoux et Witkof.", {"barthou", "witkoff", "witkoff2"}, {"ushakov"}),
        ("Moscouu.", set(), {"moscow", "moskva"}),  # places are only matched exactly
        ("Iouri Lavrov.", {"lavrov"}, {"gone"}),  # a rejected entity is never indexed
        ("Rien à signaler.", set(), {e.entity_id for e in NEIGHBOURS.entities}),
    ],
)
def test_kept_entities_are_those_the_draft_could_meet(
    text: str, wanted: set[str], unwanted: set[str]
) -> None:
    found = kept(text)
    assert wanted <= found
    assert not (unwanted & found)


def test_variants_follow_their_entities() -> None:
    draft = Draft.of(["Ouchakova."])
    assert draft is not None
    small = narrowed(NEIGHBOURS, draft)
    ids = {e.entity_id for e in small.entities}
    assert ids and {v.entity_id for v in small.variants} <= ids
    assert [v for v in NEIGHBOURS.variants if v.entity_id in ids] == list(small.variants)


def test_a_long_draft_is_not_narrowed() -> None:
    long = " ".join(f"mot{i}" for i in range(MAX_STRETCHES))
    assert Draft.of([long]) is None
    assert narrowed(NEIGHBOURS, None) is NEIGHBOURS


def test_a_long_draft_is_known_long_before_the_end_of_its_text() -> None:
    read: list[int] = []

    def texts() -> Iterator[str]:
        for i in range(MAX_STRETCHES):
            read.append(i)
            yield f"mot{i} autre{i}"

    assert Draft.of(texts()) is None
    assert len(read) < MAX_STRETCHES  # it stopped once past the limit
    short = Draft.of(["Iouri Ouchakov", "à Riyad"])
    assert short is not None and "iouri ouchakov" in short.stretches


# Drafts made of the glossary's own words, as written, in capitals, in lower case and with one or
# two slips, among everyday words, initials and punctuation.
_NAME_WORDS = sorted(
    {
        w.strip(",.")
        for e in NEIGHBOURS.entities
        for cell in (e.canonical_en, e.canonical_fr)
        for w in cell.replace("|", " ").split()
    }
    | {w for v in NEIGHBOURS.variants for w in v.variant.split()}
)
_FILLER = ["le", "et", "Le", "Il", "de", "d'", "W.", "a", "reçu", "time", "Time", "la"]


@st.composite
def _word(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_NAME_WORDS + _FILLER))
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(word)))
        slip = draw(st.sampled_from(["", "x", "e", "ou", "k"]))
        word = word[:at] + slip + word[at + draw(st.integers(0, 1)) :]
    case = draw(st.sampled_from([str, str.upper, str.lower]))
    return case(word) or "x"


_GAP = st.sampled_from([" ", " ", " ", ", ", ". ", "-", "\n", " de ", " l'"])
_LINE = st.lists(st.tuples(_word(), _GAP), min_size=1, max_size=12).map(
    lambda pairs: "".join(w + g for w, g in pairs)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_LINE, st.sampled_from(["fr", "en", "und"])), min_size=1, max_size=4),
    st.sampled_from([None, "fr", "en"]),
    st.booleans(),
)
def test_narrowed_and_full_index_give_the_same_findings(
    lines: list[tuple[str, str]], lang: str | None, strict: bool
) -> None:
    passages, start = [], 0
    for number, (text, code) in enumerate(lines, start=1):
        passages.append(Passage("draft.txt", code, text, start, number, 1))
        start += len(text) + 1
    full = Checker(NEIGHBOURS, strict=strict).check(passages, lang)
    narrow = NarrowingChecker(lambda choose: chosen_part(NEIGHBOURS, choose), strict=strict).check(
        passages, lang
    )
    assert narrow == full


@pytest.mark.parametrize(
    "draft",
    [
        "Le conseiller Yuri Ushakov a reçu Steve Whitkoff à Moscou.\n\nPuis Bartou et l'URSS.\n",
        "Sergei Lavrov met George W. Bush and Anna Ushakova in Moscow.\n",
        "Rien.\n",
    ],
)
@pytest.mark.parametrize("options", [[], ["--strict"], ["--format", "json"], ["--lang", "en"]])
def test_command_output_is_that_of_the_whole_glossary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, draft: str, options: list[str]
) -> None:
    from align.cli import app
    from glossary.check import narrow
    from glossary.workbook import write_workbook

    glossary = tmp_path / "glossary.xlsx"
    write_workbook(glossary, NEIGHBOURS, {"tool": "test"}, baseline=None)
    (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
    args = ["check", str(tmp_path / "draft.txt"), "--glossary", str(glossary), *options]
    narrowed_run = CliRunner().invoke(app, args)

    class Whole(Checker):
        def __init__(self, load, *, strict=False):  # type: ignore[no-untyped-def]
            super().__init__(load(None), strict=strict)

    monkeypatch.setattr(narrow, "NarrowingChecker", Whole)
    whole_run = CliRunner().invoke(app, args)
    assert (narrowed_run.exit_code, narrowed_run.output) == (whole_run.exit_code, whole_run.output)
    assert narrowed_run.exit_code in (0, 1)


def test_the_shared_glossary_is_all_kept_for_its_own_forms() -> None:
    forms = [c for e in GLOSSARY.entities for c in (e.canonical_en, e.canonical_fr)]
    assert kept(". ".join(forms), GLOSSARY) == {e.entity_id for e in GLOSSARY.entities}
