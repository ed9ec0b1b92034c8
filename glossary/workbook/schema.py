"""glossary.xlsx's shape: sheet names, columns, and the records a workbook is read into.

Sheets, in order: Entities, Variants, About (the contract the README documents), then extra sheets a
person added, then two very hidden sheets (`_tool_entities`, `_tool_variants`) that record, for
each row the tool wrote, its values and the columns a person owns. The merge compares the
visible sheets with them to tell a person's edits from the tool's own values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from glossary.model import (
    Entity,
    Glossary,
    Variant,
)
from glossary.workbook.cells import CellValue

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
# After the contract columns of Entities: the canonical cells that are the tool's guesses.
REVIEW = "review"
VARIANT_COLUMNS = ("entity_id", "variant", "lang", "kind", "count", "status", "example", "sources")
ABOUT_COLUMNS = ("key", "value")
OWNED = "owned"
# Columns of the hidden record beside `owned`: a row a person deleted, and the (variant, lang)
# the tool found for a row whose text or language a person retyped.
DELETED = "deleted"
TOOL_VARIANT = "tool_variant"
TOOL_LANG = "tool_lang"
CONTRACT_SHEETS = (ENTITIES, VARIANTS, ABOUT, TOOL_ENTITIES, TOOL_VARIANTS)


@dataclass(frozen=True)
class EntityRecord:
    """One Entities row as the tool last wrote it, and the columns a person owns in it."""

    entity: Entity
    owned: frozenset[str] = frozenset()
    deleted: bool = False


@dataclass(frozen=True)
class VariantRecord:
    """One Variants row as the tool last wrote it, and the columns a person owns in it."""

    variant: Variant
    owned: frozenset[str] = frozenset()
    deleted: bool = False
    origin: tuple[str, str] | None = None


@dataclass(frozen=True)
class ToolCell:
    """A cell of a person's row that the tool fills: left blank, or holding an unknown word.

    `key` is the row's key (as in ExtraColumns); `typed` is the unknown word, written back as
    typed so that nothing a person wrote is lost (empty for a blank cell).
    """

    sheet: str
    key: tuple[str, ...]
    column: str
    typed: str = ""


@dataclass(frozen=True)
class Baseline:
    """What the tool last wrote: the reference a person's edits are measured against."""

    entities: tuple[EntityRecord, ...] = ()
    variants: tuple[VariantRecord, ...] = ()
    # Variants rows the merge gave another key (a language filled in, a row moved to another
    # entity): (key as read, key as written), so that the words a person typed in the row's
    # other cells follow it.
    moved: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()


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
    tool_cells: tuple[ToolCell, ...] = ()
    warnings: tuple[str, ...] = ()


def sort_glossary(glossary: Glossary) -> Glossary:
    """Entities by entity_id, variants by entity_id, variant, lang: the order of every sheet."""
    return Glossary(
        entities=tuple(sorted(glossary.entities, key=lambda e: e.entity_id)),
        variants=tuple(sorted(glossary.variants, key=lambda v: v.key)),
    )
