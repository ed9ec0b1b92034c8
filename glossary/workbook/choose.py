"""The Entities and Variants sheets read for a few of their entities: every row checked, objects
built only for the entities chosen from the glossary's outline.

`parse_chosen` gives `parse_workbook(...).glossary` narrowed to the chosen entities and their
variants, and refuses exactly the workbooks parse_workbook refuses, with the same message: the
same checks run on every row, in the same order (headers; each Entities row's entity_id and
mentions; each Variants row's variant, entity_id and count; entity_ids used twice; each variant's
entity and the uniqueness of its key, its language filled as the tool fills it). The chosen rows
are then parsed by parse_workbook itself, alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from glossary.model import Entity, EntityStatus, EntityType, Glossary
from glossary.outline import Chooser, Form, Named, Outline
from glossary.workbook.cells import CellValue, cell_int, cell_text
from glossary.workbook.kinds import lang_of
from glossary.workbook.languages import lang_code
from glossary.workbook.parse import (
    check_unique_entities,
    check_variants,
    locate,
    member,
    parse_workbook,
    require_sheets,
    required_id,
    required_variant,
    whole_number,
)
from glossary.workbook.schema import ENTITIES, ENTITY_COLUMNS, VARIANT_COLUMNS, VARIANTS

Rows = list[tuple[CellValue, ...]]


def parse_chosen(source: str, sheets: Mapping[str, Rows], choose: Chooser) -> Glossary:
    """The entities `choose` wants of the workbook's outline, with their variants, as
    parse_workbook(source, sheets).glossary has them; GlossaryError as parse_workbook raises."""
    require_sheets(source, sheets)
    entity_rows, variant_rows = sheets[ENTITIES], sheets[VARIANTS]
    entities = _entities(source, entity_rows)
    variants = _variants(source, variant_rows)
    check_unique_entities(source, [(n, e.entity_id) for n, e in entities])
    owners = {e.entity_id: e for _, e in entities}
    check_variants(
        source,
        owners,
        ((n, v.entity_id, v.variant, lang or _filled_lang(v, owners)) for n, v, lang in variants),
    )
    kept = set(choose(Outline(tuple(e for _, e in entities), tuple(v for _, v, _ in variants))))
    chosen = {
        ENTITIES: [
            entity_rows[0],
            *(entity_rows[n - 1] for n, e in entities if e.entity_id in kept),
        ],
        VARIANTS: [
            variant_rows[0],
            *(variant_rows[n - 1] for n, v, _ in variants if v.entity_id in kept),
        ],
    }
    # Only the chosen rows, one after the other: every check above passed on all the rows, so
    # none can fail on these (the row numbers it would name are no longer the sheet's).
    return parse_workbook(source, chosen).glossary


def _entities(source: str, rows: Rows) -> list[tuple[int, Named]]:
    """Each Entities row with something in a contract column, in outline, checked."""
    at = locate(source, ENTITIES, rows, ENTITY_COLUMNS)
    contract = sorted(at.values())
    width = contract[-1] + 1  # rows stop at their last cell: shorter ones padded with None
    entity_id, kind, status = at["entity_id"], at["type"], at["status"]
    english, french, mentions = at["canonical_en"], at["canonical_fr"], at["mentions"]
    result = []
    for number, row in enumerate(rows[1:], start=2):
        cells = row if len(row) >= width else row + (None,) * (width - len(row))
        identifier = cell_text(cells[entity_id]).strip()
        if not identifier:
            if not any(cell_text(cells[i]).strip() for i in contract):
                continue  # an empty row
            required_id(source, _where(ENTITIES, number), cells[entity_id])
        if cell_int(cells[mentions]) is None:
            whole_number(source, _where(ENTITIES, number), "mentions", cells[mentions])
        named = Named(
            identifier,
            member(cell_text(cells[kind]).strip(), EntityType) is EntityType.PER,
            member(cell_text(cells[status]).strip(), EntityStatus) is EntityStatus.REJECTED,
            cell_text(cells[english]),
            cell_text(cells[french]),
        )
        result.append((number, named))
    return result


def _variants(source: str, rows: Rows) -> list[tuple[int, Form, str]]:
    """Each Variants row with something in a contract column, in outline, checked, with the
    language code typed ("" where the tool fills it)."""
    at = locate(source, VARIANTS, rows, VARIANT_COLUMNS)
    contract = sorted(at.values())
    width = contract[-1] + 1  # rows stop at their last cell: shorter ones padded with None
    entity_id, variant, lang, count = at["entity_id"], at["variant"], at["lang"], at["count"]
    result = []
    codes: dict[str, str] = {}  # a few spellings of a few languages, over every row
    for number, row in enumerate(rows[1:], start=2):
        cells = row if len(row) >= width else row + (None,) * (width - len(row))
        form = cell_text(cells[variant])
        identifier = cell_text(cells[entity_id]).strip()
        if not (form.strip() and identifier):
            if not any(cell_text(cells[i]).strip() for i in contract):
                continue  # an empty row
            where = _where(VARIANTS, number)
            required_variant(source, where, cells[variant])
            required_id(source, where, cells[entity_id])
        if cell_int(cells[count]) is None:
            whole_number(source, _where(VARIANTS, number), "count", cells[count])
        typed = cell_text(cells[lang]).strip()
        code = codes.get(typed)
        if code is None:
            code = codes[typed] = (lang_code(typed) or "") if typed else ""
        result.append((number, Form(identifier, form), code))
    return result


def _filled_lang(variant: Form, owners: Mapping[str, Named]) -> str:
    """The language the tool gives a variant typed without one (its entity's canonical cell)."""
    owner = owners.get(variant.entity_id)
    if owner is None:
        return ""  # refused: its entity is not in the Entities sheet
    entity = Entity(owner.entity_id, EntityType.MISC, owner.canonical_en, owner.canonical_fr)
    return lang_of(variant.variant, entity)


def _where(sheet: str, number: int) -> str:
    return f"sheet '{sheet}', row {number}"
