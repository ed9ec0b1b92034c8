"""A person's edits win: edits made in glossary.xlsx survive re-runs; the tool updates its own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from sheets import Sheet

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
from glossary.workbook import read_workbook, sort_glossary, write_workbook
from glossary.workbook.merge import merge_workbook, update_workbook

PER, LOC = EntityType.PER, EntityType.LOC
CANONICAL, SHORT = VariantKind.CANONICAL, VariantKind.SHORT


def _fresh(moscou_count: int = 3) -> Glossary:
    """What the tool finds in the sources (hand-made: one wrong merge, one split short form)."""
    return Glossary(
        entities=(
            Entity("alexei-ignatiev", PER, "Alexei Ignatiev", "Alexeï Ignatiev", mentions=1),
            Entity("gromyko", PER, "Andrei Gromyko", "Andreï Gromyko", mentions=3),
            Entity("ignatiev", PER, "Ignatiev", "Ignatiev", mentions=2),
            Entity("moscow", LOC, "Moscow", "Moscou", mentions=moscou_count + 2),
            Entity("ushakov", PER, "Yuri Ushakov", "Iouri Ouchakov", "Юрий Ушаков", mentions=4),
            Entity("witkoff", PER, "Steve Witkoff", "Steve Witkoff", mentions=4),
        ),
        variants=(
            Variant(
                "alexei-ignatiev", "Alexeï Ignatiev", "fr", CANONICAL, 1, sources=(Source("fr", 4),)
            ),
            Variant("gromyko", "Anatoli Gromyko", "fr", SHORT, 1, example="son fils Anatoli"),
            Variant(
                "gromyko",
                "Andreï Gromyko",
                "fr",
                CANONICAL,
                2,
                sources=(Source("fr", 7), Source("fr", 9)),
            ),
            Variant(
                "ignatiev",
                "Ignatiev",
                "fr",
                CANONICAL,
                2,
                sources=(Source("fr", 5), Source("fr", 6)),
            ),
            Variant("moscow", "Moscou", "fr", VariantKind.EXONYM, moscou_count),
            Variant("moscow", "Moscow", "en", CANONICAL, 2),
            Variant(
                "ushakov", "Iouri Ouchakov", "fr", CANONICAL, 2, example="Iouri Ouchakov a dit"
            ),
            Variant("ushakov", "Ouchakov", "fr", SHORT, 1),
            Variant("ushakov", "Yuri Ushakov", "en", VariantKind.TRANSLITERATION, 1),
            Variant("witkoff", "Steve Whitkoff", "fr", VariantKind.SPELLING, 1),
            Variant("witkoff", "Steve Witkoff", "en", CANONICAL, 3),
        ),
    )


def _person_edits(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    entities, variants = Sheet(book, "Entities"), Sheet(book, "Variants")
    entities.set(entities.row(entity_id="ushakov"), "canonical_fr", "Youri Ouchakov")
    entities.set(entities.row(entity_id="witkoff"), "note", "US special envoy")
    moscow = entities.row(entity_id="moscow")
    entities.set(moscow, "status", "confirmed")
    entities.set(moscow, "canonical_en", "Moskva")
    variants.set(variants.row(variant="Ignatiev"), "entity_id", "alexei-ignatiev")
    variants.set(variants.row(variant="Anatoli Gromyko"), "status", "rejected")
    variants.set(variants.row(variant="Ouchakov"), "status", "approved")
    variants.set(variants.row(variant="Steve Whitkoff"), "status", "deprecated")
    entities.append(entity_id="barthou", type="PER", canonical_en="Louis Barthou")
    variants.append(entity_id="barthou", variant="Bartoux", lang="fr", kind="spelling")
    book.save(path)


def _rerun(path: Path, fresh: Glossary) -> Glossary:
    return update_workbook(path, fresh, {"version": "test"})


def _entity(glossary: Glossary, entity_id: str) -> Entity:
    return next(e for e in glossary.entities if e.entity_id == entity_id)


def _variants(glossary: Glossary, form: str) -> list[Variant]:
    return [v for v in glossary.variants if v.variant == form]


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.xlsx"
    _rerun(path, _fresh())
    _person_edits(path)
    return path


def test_edits_survive_two_reruns(edited: Path) -> None:
    for moscou_count in (3, 7):
        _rerun(edited, _fresh(moscou_count))
        glossary = read_workbook(edited).glossary
        assert _entity(glossary, "ushakov").canonical_fr == "Youri Ouchakov"
        assert _entity(glossary, "ushakov").canonical_en == "Yuri Ushakov"
        assert _entity(glossary, "witkoff").note == "US special envoy"
        moscow = _entity(glossary, "moscow")
        assert (moscow.status, moscow.canonical_en, moscow.mentions) == ("confirmed", "Moskva", 5)
        [ignatiev] = _variants(glossary, "Ignatiev")
        assert ignatiev.entity_id == "alexei-ignatiev"
        assert ignatiev.count == 2
        assert "ignatiev" not in {e.entity_id for e in glossary.entities}
        [ouchakov] = _variants(glossary, "Ouchakov")
        assert ouchakov.status == "approved"
        [whitkoff] = _variants(glossary, "Steve Whitkoff")
        assert whitkoff.status == "deprecated"
        assert _entity(glossary, "barthou").canonical_en == "Louis Barthou"
        [bartoux] = _variants(glossary, "Bartoux")
        assert (bartoux.entity_id, bartoux.kind, bartoux.status) == ("barthou", "spelling", "auto")
        # The tool still updates what it made itself.
        [moscou] = _variants(glossary, "Moscou")
        assert moscou.count == moscou_count


def test_rejected_variant_is_never_attached_again_nor_listed_as_a_new_entity(
    edited: Path,
) -> None:
    for _ in range(2):
        _rerun(edited, _fresh())
        glossary = read_workbook(edited).glossary
        anatoli = {(v.entity_id, v.status) for v in _variants(glossary, "Anatoli Gromyko")}
        assert anatoli == {("gromyko", "rejected")}
        assert {e.entity_id for e in glossary.entities} == {
            "alexei-ignatiev",
            "barthou",
            "gromyko",
            "moscow",
            "ushakov",
            "witkoff",
        }


def test_edits_survive_when_rows_are_sorted_differently(edited: Path) -> None:
    book = openpyxl.load_workbook(edited)
    for name in ("Entities", "Variants"):
        sheet = book[name]
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        sheet.delete_rows(2, sheet.max_row)
        for row in reversed(rows):
            sheet.append(row)
    book.save(edited)
    _rerun(edited, _fresh())
    glossary = read_workbook(edited).glossary
    assert _entity(glossary, "ushakov").canonical_fr == "Youri Ouchakov"
    assert _variants(glossary, "Ignatiev")[0].entity_id == "alexei-ignatiev"


def test_edits_survive_when_the_hidden_record_is_deleted(edited: Path) -> None:
    book = openpyxl.load_workbook(edited)
    del book["_tool_entities"]
    del book["_tool_variants"]
    book.save(edited)
    _rerun(edited, _fresh(moscou_count=9))
    glossary = read_workbook(edited).glossary
    assert _entity(glossary, "ushakov").canonical_fr == "Youri Ouchakov"
    assert _entity(glossary, "witkoff").note == "US special envoy"
    assert _variants(glossary, "Ignatiev")[0].entity_id == "alexei-ignatiev"
    assert [v.status for v in _variants(glossary, "Ouchakov")] == ["approved"]
    assert _variants(glossary, "Moscou")[0].count == 9  # counts are still the tool's


def test_untouched_workbook_takes_the_tools_new_values(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    _rerun(path, _fresh())
    fresh = _fresh()
    changed = Glossary(
        tuple(
            replace(e, canonical_fr="Iouri Ouchakov (2)") if e.entity_id == "ushakov" else e
            for e in fresh.entities
        ),
        tuple(
            replace(v, example="new example") if v.variant == "Ouchakov" else v
            for v in fresh.variants
            if v.variant != "Steve Whitkoff"
        ),
    )
    assert _rerun(path, changed) == sort_glossary(changed)


def test_person_edit_that_matches_a_later_tool_value_stays_the_persons(edited: Path) -> None:
    fresh = _fresh()
    agreeing = replace(
        fresh,
        entities=tuple(
            replace(e, canonical_fr="Youri Ouchakov") if e.entity_id == "ushakov" else e
            for e in fresh.entities
        ),
    )
    _rerun(edited, agreeing)
    _rerun(edited, fresh)
    assert _entity(read_workbook(edited).glossary, "ushakov").canonical_fr == "Youri Ouchakov"


def test_entity_keeps_its_id_when_the_tool_renames_it(edited: Path) -> None:
    fresh = _fresh()
    renamed = Glossary(
        tuple(
            replace(e, entity_id="iouri-ouchakov") if e.entity_id == "ushakov" else e
            for e in fresh.entities
        ),
        tuple(
            replace(v, entity_id="iouri-ouchakov") if v.entity_id == "ushakov" else v
            for v in fresh.variants
        ),
    )
    glossary = _rerun(edited, renamed)
    assert "iouri-ouchakov" not in {e.entity_id for e in glossary.entities}
    assert _entity(glossary, "ushakov").canonical_fr == "Youri Ouchakov"


def test_names_gone_from_the_sources_leave_unless_a_person_touched_them(edited: Path) -> None:
    fresh = _fresh()
    shrunk = Glossary(
        tuple(e for e in fresh.entities if e.entity_id not in ("witkoff", "ushakov")),
        tuple(v for v in fresh.variants if v.entity_id not in ("witkoff", "ushakov")),
    )
    glossary = _rerun(edited, shrunk)
    ids = {e.entity_id for e in glossary.entities}
    # witkoff has a person's note and a deprecated variant; ushakov a new canonical form.
    assert {"witkoff", "ushakov"} <= ids
    assert {v.variant for v in glossary.variants if v.entity_id == "ushakov"} == {"Ouchakov"}
    assert _variants(glossary, "Ouchakov")[0].count == 0
    assert _variants(glossary, "Steve Witkoff") == []


def _ignatiev_merged(fresh: Glossary) -> Glossary:
    """`fresh` with Ignatiev clustered into Alexeï Ignatiev's entity."""
    return Glossary(
        tuple(e for e in fresh.entities if e.entity_id != "ignatiev"),
        tuple(
            replace(v, entity_id="alexei-ignatiev") if v.entity_id == "ignatiev" else v
            for v in fresh.variants
        ),
    )


def test_tool_placed_variant_follows_the_new_clustering(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    _rerun(path, _fresh())
    glossary = _rerun(path, _ignatiev_merged(_fresh()))
    assert _variants(glossary, "Ignatiev")[0].entity_id == "alexei-ignatiev"
    assert "ignatiev" not in {e.entity_id for e in glossary.entities}


def test_no_previous_workbook_gives_the_fresh_glossary() -> None:
    assert merge_workbook(None, _fresh()).glossary == sort_glossary(_fresh())


def test_merge_is_deterministic(edited: Path) -> None:
    previous = read_workbook(edited)
    assert merge_workbook(previous, _fresh()) == merge_workbook(previous, _fresh())


def test_corrupt_previous_workbook_stops_before_writing(tmp_path: Path) -> None:
    from glossary.errors import GlossaryError

    path = tmp_path / "glossary.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(GlossaryError):
        _rerun(path, _fresh())
    assert path.read_bytes() == b"not a workbook"


def test_extra_sheets_a_person_added_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    _rerun(path, _fresh())
    book = openpyxl.load_workbook(path)
    book.create_sheet("Questions").append(["Ouchakov or Ouchakoff?", "ask Anna"])
    book.save(path)
    _rerun(path, _fresh())
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["Entities", "Variants", "About", "Questions"]
    assert [c.value for c in book["Questions"][1]] == ["Ouchakov or Ouchakoff?", "ask Anna"]


def test_workbook_written_from_a_merge_records_the_persons_cells(edited: Path) -> None:
    merged = merge_workbook(read_workbook(edited), _fresh())
    write_workbook(edited, merged.glossary, {}, baseline=merged.baseline)
    baseline = read_workbook(edited).baseline
    assert baseline is not None
    owned = {r.entity.entity_id: r.owned for r in baseline.entities}
    assert owned["ushakov"] == {"canonical_fr"}
    assert owned["moscow"] == {"status", "canonical_en"}
    assert "entity_id" in next(
        r.owned for r in baseline.variants if r.variant.variant == "Ignatiev"
    )
    assert owned["gromyko"] == frozenset()
    assert _entity(merged.glossary, "moscow").status == EntityStatus.CONFIRMED
    assert VariantStatus.REJECTED in {
        v.status for v in _variants(merged.glossary, "Anatoli Gromyko")
    }


def test_edited_rows_counts_rows_holding_a_persons_cells(edited: Path) -> None:
    merged = merge_workbook(read_workbook(edited), _fresh())
    # ushakov, witkoff, moscow, barthou; Ignatiev, Anatoli Gromyko, Ouchakov, Whitkoff, Bartoux.
    assert merged.edited_rows == 9
    assert merge_workbook(None, _fresh()).edited_rows == 0


def test_columns_a_person_added_stay_with_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    _rerun(path, _fresh())
    book = openpyxl.load_workbook(path)
    entities, variants = Sheet(book, "Entities"), Sheet(book, "Variants")
    # The first free column: after the contract ones and the tool's review column.
    free = len(entities.header) + 1
    entities.sheet.cell(1, free, "checked by")
    entities.sheet.cell(entities.row(entity_id="witkoff"), free, "Anna")
    variants.sheet.cell(1, 9, "remark")
    variants.sheet.cell(variants.row(variant="Ignatiev"), 9, "same man?")
    variants.set(variants.row(variant="Ignatiev"), "entity_id", "alexei-ignatiev")
    book.save(path)
    for _ in range(2):
        _rerun(path, _fresh())
        book = openpyxl.load_workbook(path)
        entities, variants = Sheet(book, "Entities"), Sheet(book, "Variants")
        assert entities.header[free - 1] == "checked by"
        assert entities.get(entities.row(entity_id="witkoff"), "checked by") == "Anna"
        assert entities.get(entities.row(entity_id="ushakov"), "checked by") is None
        row = variants.row(variant="Ignatiev")
        assert (variants.get(row, "entity_id"), variants.get(row, "remark")) == (
            "alexei-ignatiev",
            "same man?",
        )


def test_confirmed_entity_keeps_its_variants_when_the_tool_reclusters(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    _rerun(path, _fresh())
    book = openpyxl.load_workbook(path)
    entities = Sheet(book, "Entities")
    entities.set(entities.row(entity_id="ushakov"), "status", "confirmed")
    book.save(path)
    fresh = _fresh()
    # The tool now puts "Ouchakov" in another entity and no longer finds "Yuri Ushakov".
    reclustered = Glossary(
        (*fresh.entities, Entity("ouchakov", PER, "Ouchakov", "Ouchakov")),
        tuple(
            replace(v, entity_id="ouchakov") if v.variant == "Ouchakov" else v
            for v in fresh.variants
            if v.variant != "Yuri Ushakov"
        ),
    )
    glossary = _rerun(path, reclustered)
    held = {(v.variant, v.count) for v in glossary.variants if v.entity_id == "ushakov"}
    assert held == {("Iouri Ouchakov", 2), ("Ouchakov", 1), ("Yuri Ushakov", 0)}
    assert _entity(glossary, "ushakov") == replace(
        _fresh().entities[4], status=EntityStatus.CONFIRMED
    )


@pytest.mark.parametrize("moved_by_person", [False, True])
def test_a_merge_the_tool_made_is_undone_when_its_new_clustering_splits_it(
    tmp_path: Path, moved_by_person: bool
) -> None:
    # An earlier version put Ignatiev into Alexeï Ignatiev's entity; this one keeps them apart.
    # The tool's own rows follow the split; rows a person moved there stay, as they said.
    path = tmp_path / "glossary.xlsx"
    fresh = _fresh()
    if moved_by_person:
        _rerun(path, fresh)
        wb = openpyxl.load_workbook(path)
        for row in wb["Variants"].iter_rows(min_row=2):
            if row[1].value == "Ignatiev":
                row[0].value = "alexei-ignatiev"
        wb.save(path)
    else:
        _rerun(path, _ignatiev_merged(fresh))
    glossary = _rerun(path, fresh)
    home = _variants(glossary, "Ignatiev")[0].entity_id
    assert (home == "alexei-ignatiev") is moved_by_person
    assert _variants(glossary, "Alexeï Ignatiev")[0].entity_id == "alexei-ignatiev"
