"""Who owns each cell of the workbook a person left: the tool (it may update it) or the person.

A cell that differs from the tool's record of what it wrote is a person's edit and stays theirs
for good; a row absent from the record is a person's row, except its empty count, sources and
example cells, which the tool fills. Without the record (a person deleted it), every cell is the
person's except the counts and sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glossary.model import Variant
from glossary.workbook.schema import ENTITY_COLUMNS, VARIANT_COLUMNS, VariantRecord, Workbook

ENTITY_STATS = frozenset({"mentions", "sources"})
VARIANT_STATS = frozenset({"count", "sources", "example"})


@dataclass
class Row:
    """A variant row during the merge (internal, mutable)."""

    variant: Variant
    owned: frozenset[str]
    matched: bool = False


def _blank(value: object) -> bool:
    return value in ("", 0, ())


def _differs(row: object, record: object, columns: Iterable[str]) -> frozenset[str]:
    return frozenset(c for c in columns if getattr(row, c) != getattr(record, c))


def entity_ownership(previous: Workbook) -> dict[str, frozenset[str]]:
    """Columns a person owns in each Entities row of their workbook."""
    content = frozenset(ENTITY_COLUMNS)
    if previous.baseline is None:
        return {e.entity_id: content - ENTITY_STATS for e in previous.glossary.entities}
    records = {r.entity.entity_id: r for r in previous.baseline.entities}
    owned = {}
    for entity in previous.glossary.entities:
        record = records.get(entity.entity_id)
        if record is None:
            owned[entity.entity_id] = frozenset(
                c for c in content if not (c in ENTITY_STATS and _blank(getattr(entity, c)))
            )
        else:
            owned[entity.entity_id] = record.owned | _differs(entity, record.entity, content)
    return owned


def variant_rows_of(previous: Workbook) -> list[Row]:
    """The person's Variants rows with the columns they own; a changed entity_id is a move."""
    content = frozenset(VARIANT_COLUMNS)
    variants = previous.glossary.variants
    if previous.baseline is None:
        return [Row(v, content - {"count", "sources"}) for v in variants]
    records = {r.variant.key: r for r in previous.baseline.variants}
    present = {v.key for v in variants}
    # Records whose row is gone may have moved: same name and language, another entity.
    gone: dict[tuple[str, str], list[VariantRecord]] = {}
    for key, old in sorted(records.items()):
        if key not in present:
            gone.setdefault((old.variant.variant, old.variant.lang), []).append(old)
    rows = []
    for variant in variants:
        record: VariantRecord | None = records.get(variant.key)
        if record is None and gone.get((variant.variant, variant.lang)):
            record = gone[(variant.variant, variant.lang)].pop(0)
        if record is None:
            owned = frozenset(
                c for c in content if not (c in VARIANT_STATS and _blank(getattr(variant, c)))
            )
        else:
            owned = record.owned | _differs(variant, record.variant, content)
        rows.append(Row(variant, owned))
    return rows
