"""How glossary.xlsx looks: frozen header, filters, widths, wrapped text and drop-down lists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from glossary import xlsx
from glossary.model import (
    EntityStatus,
    EntityType,
    Glossary,
    Variant,
    VariantKind,
    VariantStatus,
)
from glossary.workbook.cells import (
    CellValue,
    cell_text,
    entity_values,
    variant_values,
)
from glossary.workbook.schema import (
    ABOUT,
    ABOUT_COLUMNS,
    DELETED,
    ENTITIES,
    ENTITY_COLUMNS,
    OWNED,
    REVIEW,
    TOOL_ENTITIES,
    TOOL_LANG,
    TOOL_VARIANT,
    TOOL_VARIANTS,
    VARIANT_COLUMNS,
    VARIANTS,
    Baseline,
    ExtraColumns,
    Workbook,
)

# Widths in characters: (minimum, maximum); wrapped columns get their maximum.
_WIDTHS = {
    "entity_id": (12, 30),
    "type": (6, 8),
    "canonical_en": (14, 36),
    "canonical_fr": (14, 36),
    "original": (10, 30),
    "status": (11, 12),
    "note": (40, 40),
    "mentions": (9, 10),
    "sources": (12, 40),
    "variant": (14, 36),
    "lang": (5, 6),
    "kind": (15, 16),
    "count": (6, 8),
    "example": (70, 70),
    "key": (12, 30),
    "value": (20, 80),
    OWNED: (10, 30),
    REVIEW: (12, 30),
}
_WRAPPED = frozenset({"note", "example"})
_LAST_ROW = 1048576


def build_workbook(
    glossary: Glossary,
    about: Mapping[str, str],
    baseline: Baseline,
    previous: Workbook,
) -> Any:
    """The openpyxl workbook for a sorted glossary (not yet saved), with `previous`'s extras."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    book.properties.creator = "align-glossary"
    book.properties.lastModifiedBy = "align-glossary"
    entities = book.create_sheet(ENTITIES)
    _drop_down(entities, "B", [t.value for t in EntityType], "type")
    _drop_down(entities, "F", [s.value for s in EntityStatus], "status")
    moved = dict(baseline.moved)
    typed = _typed_words(previous, moved)
    extra = previous.entity_columns
    _fill(
        entities,
        (*ENTITY_COLUMNS, REVIEW, *extra.headers),
        _with_extras(
            [
                (
                    *_as_typed(
                        entity_values(e), ENTITY_COLUMNS, typed.get((ENTITIES, (e.entity_id,)))
                    ),
                    e.review,
                )
                for e in glossary.entities
            ],
            [(e.entity_id,) for e in glossary.entities],
            extra,
        ),
    )

    variants = book.create_sheet(VARIANTS)
    _drop_down(variants, "D", [k.value for k in VariantKind], "kind")
    _drop_down(variants, "F", [s.value for s in VariantStatus], "status")
    extra = _moved_extras(previous.variant_columns, moved)
    variant_typed = _variant_words(typed, glossary)
    _fill(
        variants,
        (*VARIANT_COLUMNS, *extra.headers),
        _with_extras(
            [
                _as_typed(variant_values(v), VARIANT_COLUMNS, variant_typed(v))
                for v in glossary.variants
            ],
            [v.key for v in glossary.variants],
            extra,
        ),
    )

    _fill(book.create_sheet(ABOUT), ABOUT_COLUMNS, [(k, v) for k, v in about.items()])
    for sheet_values in previous.extra_sheets:
        sheet = book.create_sheet(sheet_values.name)
        for row in sheet_values.rows:
            sheet.append(xlsx.row(sheet, row))

    tool_entities = book.create_sheet(TOOL_ENTITIES)
    # Very hidden: a translator cannot unhide it by accident and lose the record of edits.
    tool_entities.sheet_state = "veryHidden"
    _fill(
        tool_entities,
        (*ENTITY_COLUMNS, OWNED, DELETED, REVIEW),
        [
            (*entity_values(r.entity), _owned(r.owned), _yes(r.deleted), r.entity.review)
            for r in _sorted_entities(baseline)
        ],
        styled=False,
    )
    tool_variants = book.create_sheet(TOOL_VARIANTS)
    tool_variants.sheet_state = "veryHidden"
    _fill(
        tool_variants,
        (*VARIANT_COLUMNS, OWNED, DELETED, TOOL_VARIANT, TOOL_LANG),
        [
            (*variant_values(r.variant), _owned(r.owned), _yes(r.deleted), *(r.origin or ("", "")))
            for r in _sorted_variants(baseline)
        ],
        styled=False,
    )
    return book


def _with_extras(
    rows: list[tuple[str | int, ...]], keys: list[tuple[str, ...]], extra: ExtraColumns
) -> list[tuple[CellValue, ...]]:
    """Rows with a person's extra columns appended; a variant moved since keeps them by name."""
    if not extra.headers:
        return list(rows)
    by_key = dict(extra.rows)
    # A row the tool moved to another entity is found again by (variant, lang), if unambiguous.
    by_name: dict[tuple[str, ...], list[tuple[CellValue, ...]]] = {}
    for name_key, kept in extra.rows:
        by_name.setdefault(name_key[1:], []).append(kept)
    blank: tuple[CellValue, ...] = (None,) * len(extra.headers)
    result = []
    for row, key in zip(rows, keys, strict=True):
        found = by_key.get(key)
        if found is None and len(key) > 1 and len(by_name.get(key[1:], [])) == 1:
            found = by_name[key[1:]][0]
        result.append((*row, *(blank if found is None else found)))
    return result


def _typed_words(
    previous: Workbook, moved: Mapping[tuple[str, ...], tuple[str, ...]]
) -> dict[tuple[str, tuple[str, ...]], dict[str, str]]:
    """Unknown words a person typed into cells the tool fills, by sheet and row key (a Variants
    row's key as written, when the merge moved it)."""
    words: dict[tuple[str, tuple[str, ...]], dict[str, str]] = {}
    for cell in previous.tool_cells:
        if cell.typed:
            key = moved.get(cell.key, cell.key) if cell.sheet == VARIANTS else cell.key
            words.setdefault((cell.sheet, key), {})[cell.column] = cell.typed
    return words


def _moved_extras(
    extra: ExtraColumns, moved: Mapping[tuple[str, ...], tuple[str, ...]]
) -> ExtraColumns:
    """A person's extra Variants columns under the keys the rows are written with."""
    if not moved or not extra.headers:
        return extra
    return replace(extra, rows=tuple((moved.get(k, k), values) for k, values in extra.rows))


def _variant_words(
    typed: Mapping[tuple[str, tuple[str, ...]], dict[str, str]], glossary: Glossary
) -> Callable[[Variant], dict[str, str] | None]:
    """The words typed in a Variants row, found by its key, or by its entity and form when its
    language was the cell typed (the tool's language for it, filled in, may have changed since:
    `und` read, the sources' language merged)."""
    by_form: dict[tuple[str, ...], list[dict[str, str]]] = {}
    for (sheet, key), row_words in typed.items():
        if sheet == VARIANTS and "lang" in row_words:
            by_form.setdefault(key[:2], []).append(row_words)
    rows = Counter(v.key[:2] for v in glossary.variants)

    def words(variant: Variant) -> dict[str, str] | None:
        found = typed.get((VARIANTS, variant.key))
        if found is not None:
            return found
        candidates = by_form.get(variant.key[:2], [])
        return candidates[0] if len(candidates) == 1 and rows[variant.key[:2]] == 1 else None

    return words


def _as_typed(
    values: tuple[str | int, ...], columns: Sequence[str], typed: Mapping[str, str] | None
) -> tuple[str | int, ...]:
    """A row with the words a person typed where the tool could not read them (kept as typed)."""
    if not typed:
        return values
    return tuple(typed.get(c, v) for c, v in zip(columns, values, strict=True))


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


def _sorted_entities(baseline: Baseline) -> list[Any]:
    return sorted(baseline.entities, key=lambda r: (r.entity.entity_id, r.deleted))


def _sorted_variants(baseline: Baseline) -> list[Any]:
    return sorted(baseline.variants, key=lambda r: (r.variant.key, r.deleted))


def _owned(columns: frozenset[str]) -> str:
    return "; ".join(sorted(columns))


def _fill(
    sheet: Any, header: Sequence[str], rows: Sequence[Sequence[CellValue]], *, styled: bool = True
) -> None:
    """Write a header and rows into a write-only sheet (widths and panes go before any row)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(header))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    for index, name in enumerate(header):
        low, high = _WIDTHS.get(name, (10, 40))
        longest = max((_width(r[index]) for r in rows), default=0)
        wanted = high if name in _WRAPPED else min(high, max(low, len(name) + 3, longest + 2))
        sheet.column_dimensions[get_column_letter(index + 1)].width = wanted

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    if styled:
        sheet.append(xlsx.row(sheet, header, font=bold, fill=fill))
    else:
        sheet.append(xlsx.row(sheet, header))
    wrap = Alignment(wrap_text=True, vertical="top")
    styles = [wrap if styled and name in _WRAPPED else None for name in header]
    for values in rows:
        sheet.append([xlsx.cell(sheet, v, style=st) for v, st in zip(values, styles, strict=True)])


def _width(value: CellValue) -> int:
    return max((len(line) for line in cell_text(value).split("\n")), default=0)


def _drop_down(sheet: Any, column: str, values: Sequence[str], name: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    allowed = ", ".join(values)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=f"Not a {name}",
        error=f"Choose one of: {allowed}",
    )
    validation.add(f"{column}2:{column}{_LAST_ROW}")
    sheet.data_validations.append(validation)
