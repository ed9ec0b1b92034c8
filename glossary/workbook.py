"""glossary.xlsx: the workbook translators edit, read back and written atomically and reproducibly.

Sheets, in order: Entities, Variants, About (the contract in DESIGN.md), then any extra sheets a
person added, then two very hidden sheets (`_tool_entities`, `_tool_variants`) that record, for
each row the tool wrote, its values and the columns a person owns. The merge compares the
visible sheets with them to tell a person's edits from the tool's own values.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from glossary.atomicfile import write_bytes_atomic
from glossary.model import (
    Entity,
    Glossary,
    Variant,
)
from glossary.workbook_cells import (
    CellValue,
    entity_values,
    format_sources,
    variant_values,
)

ENTITIES = "Entities"
VARIANTS = "Variants"
ABOUT = "About"
TOOL_ENTITIES = "_tool_entities"
TOOL_VARIANTS = "_tool_variants"
ENTITY_COLUMNS = (
    "entity_id",
    "type",
    "canonical_en",
    "canonical_fr",
    "original",
    "status",
    "note",
    "mentions",
    "sources",
)
VARIANT_COLUMNS = ("entity_id", "variant", "lang", "kind", "count", "status", "example", "sources")
ABOUT_COLUMNS = ("key", "value")
OWNED = "owned"
CONTRACT_SHEETS = (ENTITIES, VARIANTS, ABOUT, TOOL_ENTITIES, TOOL_VARIANTS)


@dataclass(frozen=True)
class EntityRecord:
    """One Entities row as the tool last wrote it, and the columns a person owns in it."""

    entity: Entity
    owned: frozenset[str] = frozenset()


@dataclass(frozen=True)
class VariantRecord:
    """One Variants row as the tool last wrote it, and the columns a person owns in it."""

    variant: Variant
    owned: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Baseline:
    """What the tool last wrote: the reference a person's edits are measured against."""

    entities: tuple[EntityRecord, ...] = ()
    variants: tuple[VariantRecord, ...] = ()


@dataclass(frozen=True)
class ExtraSheet:
    """A sheet a person added, kept by value (formatting is lost, formulas keep their value)."""

    name: str
    rows: tuple[tuple[CellValue, ...], ...] = ()


@dataclass(frozen=True)
class ExtraColumns:
    """Columns a person added to Entities or Variants, kept by value for each row key.

    The key of an Entities row is (entity_id,), of a Variants row (entity_id, variant, lang).
    """

    headers: tuple[str, ...] = ()
    rows: tuple[tuple[tuple[str, ...], tuple[CellValue, ...]], ...] = ()


@dataclass(frozen=True)
class Workbook:
    """A glossary workbook as a person left it, with the tool's record of what it wrote."""

    glossary: Glossary
    about: Mapping[str, str] = field(default_factory=dict)
    baseline: Baseline | None = None
    extra_sheets: tuple[ExtraSheet, ...] = ()
    entity_columns: ExtraColumns = ExtraColumns()
    variant_columns: ExtraColumns = ExtraColumns()


def sort_glossary(glossary: Glossary) -> Glossary:
    """Entities by entity_id, variants by entity_id, variant, lang: the order of every sheet."""
    return Glossary(
        entities=tuple(sorted(glossary.entities, key=lambda e: e.entity_id)),
        variants=tuple(sorted(glossary.variants, key=lambda v: (v.entity_id, v.variant, v.lang))),
    )


def read_workbook(path: Path, *, allow_open: bool = False) -> Workbook:
    """Read glossary.xlsx; raise GlossaryError naming the file, sheet, row and column at fault.

    `allow_open` reads a workbook that is open in Excel or LibreOffice (its last saved
    version); without it such a workbook is refused, since a run would overwrite it.
    """
    from glossary.workbook_file import load_sheets
    from glossary.workbook_parse import parse_workbook

    path = Path(path)
    return parse_workbook(str(path), load_sheets(path, allow_open=allow_open))


def write_workbook(
    path: Path,
    glossary: Glossary,
    about: Mapping[str, str],
    *,
    baseline: Baseline | None,
    previous: Workbook | None = None,
    extra_sheets: Sequence[ExtraSheet] | None = None,
) -> None:
    """Replace `path` atomically with the workbook of `glossary`; same input, same bytes.

    `baseline` must come from glossary.merge when a person's workbook was merged; None means
    every value is the tool's own (a first run), so a later run may update any of them.
    `previous` is the workbook a person left: its extra sheets and columns are kept
    (`extra_sheets`, when given, replaces its sheets).
    """
    from glossary.workbook_file import reproducible
    from glossary.workbook_layout import build_workbook

    glossary = sort_glossary(glossary)
    if baseline is None:
        baseline = Baseline(
            tuple(EntityRecord(e) for e in glossary.entities),
            tuple(VariantRecord(v) for v in glossary.variants),
        )
    keep = previous or Workbook(Glossary())
    if extra_sheets is not None:
        keep = replace(keep, extra_sheets=tuple(extra_sheets))
    book = build_workbook(glossary, about, baseline, keep)
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomic(Path(path), reproducible(buffer.getvalue()))


__all__ = [
    "ABOUT",
    "ENTITIES",
    "ENTITY_COLUMNS",
    "VARIANTS",
    "VARIANT_COLUMNS",
    "Baseline",
    "EntityRecord",
    "ExtraColumns",
    "ExtraSheet",
    "VariantRecord",
    "Workbook",
    "entity_values",
    "format_sources",
    "read_workbook",
    "sort_glossary",
    "variant_values",
    "write_workbook",
]
