"""Who owns each cell of the workbook a person left: the tool (it may update it) or the person.

A cell that differs from the tool's record of what it wrote is a person's edit and stays theirs
for good; a row absent from the record is a person's row, except its blank cells, which the tool
fills. Blank or unreadable type, kind and language cells are the tool's in every row. A record
whose row is gone was moved (same name, another entity), retyped (same entity, example and
sources, another text or language) or deleted. Without the record (a person deleted it), every
cell is the person's except the counts and sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glossary.model import Entity, Variant
from glossary.workbook.schema import (
    ENTITIES,
    ENTITY_COLUMNS,
    REVIEW,
    VARIANT_COLUMNS,
    VARIANTS,
    VariantRecord,
    Workbook,
)

ENTITY_STATS = frozenset({"mentions", "sources"})
VARIANT_STATS = frozenset({"count", "sources", "example"})


@dataclass
class Row:
    """A variant row during the merge (internal, mutable).

    `origin` is the (variant, lang) the tool found for this row when a person retyped its text
    or language: the tool's evidence for that form keeps updating this row instead of adding
    the old form again beside it.
    """

    variant: Variant
    owned: frozenset[str]
    matched: bool = False
    origin: tuple[str, str] | None = None
    # Cells a person left blank or unreadable, for the tool to fill (lang, kind).
    tool: frozenset[str] = frozenset()
    # Canonical (en, fr) of the fresh entity whose variant last updated this row.
    fed_by: tuple[str, str] | None = None


@dataclass(frozen=True)
class Deleted:
    """Rows the tool wrote that a person deleted, as the tool last wrote them (kept in the record
    so that the same evidence never brings them back)."""

    entities: tuple[Entity, ...] = ()
    variants: tuple[Variant, ...] = ()


def _blank(value: object) -> bool:
    return value in ("", 0, ())


def _differs(row: object, record: object, columns: Iterable[str]) -> frozenset[str]:
    return frozenset(c for c in columns if getattr(row, c) != getattr(record, c))


def _written(row: object, columns: Iterable[str]) -> frozenset[str]:
    """The columns of a row the tool has no record of that hold something: the person's."""
    return frozenset(c for c in columns if not _blank(getattr(row, c)))


def entity_ownership(previous: Workbook) -> dict[str, frozenset[str]]:
    """Columns a person owns in each Entities row of their workbook.

    Cells a person left blank in a row of their own, and blank or unreadable type cells, are the
    tool's to fill.
    """
    content = frozenset((*ENTITY_COLUMNS, REVIEW))
    tool = _tool_columns(previous, ENTITIES)
    if previous.baseline is None:
        return {
            e.entity_id: content - ENTITY_STATS - tool.get((e.entity_id,), frozenset())
            for e in previous.glossary.entities
        }
    records = {r.entity.entity_id: r for r in previous.baseline.entities if not r.deleted}
    owned = {}
    for entity in previous.glossary.entities:
        record = records.get(entity.entity_id)
        if record is None:
            mine = _written(entity, content)
        else:
            mine = record.owned | _differs(entity, record.entity, content)
        owned[entity.entity_id] = mine - tool.get((entity.entity_id,), frozenset())
    return owned


def deleted_entities(previous: Workbook) -> tuple[Entity, ...]:
    """Entities the tool wrote (or recorded as deleted) that are not in the sheet any more."""
    if previous.baseline is None:
        return ()
    present = {e.entity_id for e in previous.glossary.entities}
    found: dict[str, Entity] = {}
    for record in previous.baseline.entities:
        if record.entity.entity_id not in present:
            found.setdefault(record.entity.entity_id, record.entity)
    return tuple(found[k] for k in sorted(found))


def variant_rows_of(previous: Workbook) -> tuple[list[Row], tuple[Variant, ...]]:
    """The person's Variants rows with the columns they own, and the rows they deleted.

    A row whose entity_id changed is a move; a row of the same entity whose text or language
    changed, with the example and sources the tool gave it, is that row retyped.
    """
    content = frozenset(VARIANT_COLUMNS)
    variants = previous.glossary.variants
    tool = _tool_columns(previous, VARIANTS)
    if previous.baseline is None:
        return [
            Row(
                v,
                content - {"count", "sources"} - tool.get(v.key, frozenset()),
                tool=tool.get(v.key, frozenset()),
            )
            for v in variants
        ], ()
    records = {r.variant.key: r for r in previous.baseline.variants if not r.deleted}
    present = {v.key for v in variants}
    gone = {key: r for key, r in sorted(records.items()) if key not in present}
    # Records whose row is gone may have moved: same name and language, another entity.
    by_name: dict[tuple[str, str], list[VariantRecord]] = {}
    for old in gone.values():
        by_name.setdefault((old.variant.variant, old.variant.lang), []).append(old)
    rows = []
    for variant in variants:
        key = variant.key
        left = tool.get(key, frozenset())
        record: VariantRecord | None = records.get(key)
        if record is None and by_name.get(key[1:]):
            record = by_name[key[1:]].pop(0)
            gone.pop(record.variant.key, None)
        if record is None:
            record = _retyped(variant, gone)
            if record is not None:
                gone.pop(record.variant.key, None)
                for name in by_name.values():
                    if record in name:
                        name.remove(record)
        if record is None:
            rows.append(Row(variant, _written(variant, content) - left, tool=left))
            continue
        owned = (record.owned | _differs(variant, record.variant, content)) - left
        origin = record.origin
        tool_form = (record.variant.variant, record.variant.lang)
        if origin is None and tool_form != key[1:]:
            origin = tool_form
        if origin == key[1:]:
            origin = None
        rows.append(Row(variant, owned, origin=origin, tool=left))
    deleted = {r.variant.key: r.variant for r in previous.baseline.variants if r.deleted}
    deleted.update({key: r.variant for key, r in gone.items()})
    return rows, tuple(deleted[k] for k in sorted(deleted) if k not in present)


def _retyped(
    variant: Variant, gone: dict[tuple[str, str, str], VariantRecord]
) -> VariantRecord | None:
    """The record of the tool's row this one is, if a person retyped its text or its language."""
    found = [
        r
        for r in gone.values()
        if r.variant.entity_id == variant.entity_id
        and (r.variant.variant == variant.variant) != (r.variant.lang == variant.lang)
        and (r.variant.example or r.variant.sources)
        and (r.variant.example, r.variant.sources) == (variant.example, variant.sources)
    ]
    return found[0] if len(found) == 1 else None


def _tool_columns(previous: Workbook, sheet: str) -> dict[tuple[str, ...], frozenset[str]]:
    columns: dict[tuple[str, ...], set[str]] = {}
    for cell in previous.tool_cells:
        if cell.sheet == sheet:
            columns.setdefault(cell.key, set()).add(cell.column)
    return {key: frozenset(names) for key, names in columns.items()}
