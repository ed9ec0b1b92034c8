"""Round trips: any glossary written to glossary.xlsx reads back the same, and merging is stable."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.model import (
    Entity,
    EntityStatus,
    EntityType,
    Glossary,
    Source,
    Variant,
    VariantKind,
    VariantStatus,
)
from glossary.workbook import Workbook, read_workbook, sort_glossary, write_workbook
from glossary.workbook.merge import merge_workbook

# Any text a cell can hold: Cyrillic, accents, quotes, '=' at the start, line breaks, emoji.
CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
) | st.sampled_from(list("\n\t=+-@'\"ЁжЪйïéœ😀 "))
TEXT = st.text(CHARACTERS, max_size=40)
TRIMMED = TEXT.map(str.strip).filter(bool)
SOURCE = TRIMMED.filter(lambda s: ";" not in s).map(Source.parse)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    ids = draw(st.lists(TRIMMED, min_size=0, max_size=5, unique=True))
    entities = tuple(
        Entity(
            entity_id=entity_id,
            type=draw(st.sampled_from(EntityType)),
            canonical_en=draw(TEXT),
            canonical_fr=draw(TEXT),
            original=draw(TEXT),
            status=draw(st.sampled_from(EntityStatus)),
            note=draw(TEXT),
            mentions=draw(st.integers(0, 10**6)),
            sources=tuple(draw(st.lists(SOURCE, max_size=3))),
        )
        for entity_id in ids
    )
    variants: dict[tuple[str, str, str], Variant] = {}
    if ids:
        for _ in range(draw(st.integers(0, 8))):
            variant = Variant(
                entity_id=draw(st.sampled_from(ids)),
                variant=draw(TEXT.filter(lambda s: s.strip() != "")),
                lang=draw(st.sampled_from(["fr", "en", "ru", "und", "nl"])),
                kind=draw(st.sampled_from(VariantKind)),
                count=draw(st.integers(0, 10**6)),
                status=draw(st.sampled_from(VariantStatus)),
                example=draw(TEXT),
                sources=tuple(draw(st.lists(SOURCE, max_size=3))),
            )
            variants[(variant.entity_id, variant.variant, variant.lang)] = variant
    return Glossary(entities, tuple(variants.values()))


ABOUTS = st.dictionaries(TRIMMED.filter(lambda s: s != "key"), TEXT, max_size=4)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossary=glossaries(), about=ABOUTS)
def test_written_glossary_reads_back_unchanged(glossary: Glossary, about: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.xlsx"
        write_workbook(path, glossary, about, baseline=None)
        workbook = read_workbook(path)
    assert workbook.glossary == sort_glossary(glossary)
    assert dict(workbook.about) == about


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossary=glossaries())
def test_rerun_on_an_untouched_workbook_changes_nothing(glossary: Glossary) -> None:
    # Only auto rows are the tool's; keep the strategy's statuses off so the fresh side is plain.
    fresh = Glossary(
        tuple(e for e in glossary.entities if e.status == EntityStatus.AUTO),
        tuple(
            v
            for v in glossary.variants
            if v.status == VariantStatus.AUTO
            and any(e.entity_id == v.entity_id for e in glossary.entities if e.status == "auto")
        ),
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.xlsx"
        write_workbook(path, fresh, {}, baseline=None)
        first = path.read_bytes()
        merged = merge_workbook(read_workbook(path), fresh)
        write_workbook(path, merged.glossary, {}, baseline=merged.baseline)
        second = path.read_bytes()
    assert merged.glossary == sort_glossary(fresh)
    assert first == second


ENTITY_EDITS = {
    "type": st.sampled_from(EntityType),
    "canonical_en": TEXT,
    "canonical_fr": TEXT,
    "original": TEXT,
    "status": st.sampled_from(EntityStatus),
    "note": TEXT,
}
VARIANT_EDITS = {
    "kind": st.sampled_from(VariantKind),
    "status": st.sampled_from(VariantStatus),
    "example": TEXT,
    "count": st.integers(0, 99),
}


def _seed_glossary() -> Glossary:
    """A tool's glossary: three entities, two variants each, one form shared across languages."""
    entities, variants = [], []
    for eid, en, fr in (("a", "Yuri", "Iouri"), ("b", "Moscow", "Moscou"), ("c", "UN", "ONU")):
        entities.append(
            Entity(eid, EntityType.PER, en, fr, mentions=3, sources=(Source(f"{eid}.txt", 1),))
        )
        variants.append(Variant(eid, en, "en", VariantKind.CANONICAL, 1, example=f"{en}!"))
        variants.append(
            Variant(eid, fr, "fr", VariantKind.CANONICAL, 2, sources=(Source("f.txt", 2),))
        )
    return Glossary(tuple(entities), tuple(variants))


@st.composite
def person_edits(draw: st.DrawFn, glossary: Glossary) -> tuple[Glossary, list[tuple]]:
    """Edit some cells of some rows (one edit per row); return the result and what must stay."""
    entities, variants = list(glossary.entities), list(glossary.variants)
    expected: list[tuple] = []
    for index in draw(st.sets(st.integers(0, len(entities) - 1))):
        column = draw(st.sampled_from(sorted(ENTITY_EDITS)))
        value = draw(ENTITY_EDITS[column])
        if value == getattr(entities[index], column):
            continue  # typing the value already there is no edit
        entities[index] = replace(entities[index], **{column: value})
        expected.append(("entity", entities[index].entity_id, column, value))
    ids = [e.entity_id for e in entities]
    for index in draw(st.sets(st.integers(0, len(variants) - 1))):
        variant = variants[index]
        if draw(st.booleans()):
            other = draw(st.sampled_from(ids))
            if other == variant.entity_id:
                continue
            variants[index] = replace(variant, entity_id=other)
            key = (other, variant.variant, variant.lang)
            expected.append(("variant", key, "entity_id", other))
        else:
            column = draw(st.sampled_from(sorted(VARIANT_EDITS)))
            value = draw(VARIANT_EDITS[column])
            if value == getattr(variant, column):
                continue
            variants[index] = replace(variant, **{column: value})
            key = (variant.entity_id, variant.variant, variant.lang)
            expected.append(("variant", key, column, value))
    keys = [(v.entity_id, v.variant, v.lang) for v in variants]
    if len(set(keys)) != len(keys):  # two rows moved onto one another: not a valid workbook
        from hypothesis import reject

        reject()
    return Glossary(tuple(entities), tuple(variants)), expected


@settings(max_examples=150, deadline=None)
@given(data=st.data(), recount=st.integers(0, 5))
def test_any_person_edit_survives_two_reruns(data: st.DataObject, recount: int) -> None:
    fresh = _seed_glossary()
    first = merge_workbook(None, fresh)
    edited, expected = data.draw(person_edits(first.glossary))
    later = replace(
        fresh, variants=tuple(replace(v, count=v.count + recount) for v in fresh.variants)
    )
    workbook = Workbook(edited, {}, first.baseline)
    for _ in range(2):
        merged = merge_workbook(workbook, later)
        entities = {e.entity_id: e for e in merged.glossary.entities}
        variants = {(v.entity_id, v.variant, v.lang): v for v in merged.glossary.variants}
        for table, key, column, value in expected:
            row = entities[key] if table == "entity" else variants[key]
            assert getattr(row, column) == value, (table, key, column)
        # A rejected variant is never attached again to the entity that rejected it.
        for v in edited.variants:
            if v.status == VariantStatus.REJECTED:
                assert variants[(v.entity_id, v.variant, v.lang)].status == VariantStatus.REJECTED
        workbook = Workbook(merged.glossary, {}, merged.baseline)


@settings(max_examples=100, deadline=None)
@given(data=st.data(), recount=st.integers(0, 5))
def test_rows_a_person_deletes_never_come_back_and_the_others_stay(
    data: st.DataObject, recount: int
) -> None:
    fresh = _seed_glossary()
    first = merge_workbook(None, fresh)
    ids = [e.entity_id for e in first.glossary.entities]
    gone_ids = data.draw(st.sets(st.sampled_from(ids), max_size=len(ids) - 1))
    left = [v for v in first.glossary.variants if v.entity_id not in gone_ids]
    gone_rows = data.draw(
        st.sets(st.sampled_from([v.key for v in left])) if left else st.just(set())
    )
    edited = Glossary(
        tuple(e for e in first.glossary.entities if e.entity_id not in gone_ids),
        tuple(v for v in left if v.key not in gone_rows),
    )
    later = replace(
        fresh, variants=tuple(replace(v, count=v.count + recount) for v in fresh.variants)
    )
    workbook = Workbook(edited, {}, first.baseline)
    gone_forms = {v.variant for v in first.glossary.variants if v.entity_id in gone_ids}
    for _ in range(2):
        merged = merge_workbook(workbook, later)
        keys = {v.key for v in merged.glossary.variants}
        assert not gone_rows & keys
        assert not gone_ids & {e.entity_id for e in merged.glossary.entities}
        assert not gone_forms & {v.variant for v in merged.glossary.variants}
        assert {v.key for v in edited.variants} <= keys
        assert {e.entity_id for e in edited.entities} <= {
            e.entity_id for e in merged.glossary.entities
        }
        workbook = Workbook(merged.glossary, {}, merged.baseline)
