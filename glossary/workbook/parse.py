"""Reading glossary.xlsx's sheets: values to entities and variants, with errors a person can fix."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from glossary.errors import GlossaryError
from glossary.model import (
    Entity,
    EntityStatus,
    EntityType,
    Glossary,
    Lang,
    Variant,
    VariantKind,
    VariantStatus,
)
from glossary.workbook.cells import CellValue, cell_int, cell_text, parse_sources
from glossary.workbook.kinds import canonical_of, kind_of, lang_of, type_of
from glossary.workbook.languages import accepted_langs, lang_code
from glossary.workbook.schema import (
    ABOUT,
    ABOUT_COLUMNS,
    CONTRACT_SHEETS,
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
    EntityRecord,
    ExtraColumns,
    ExtraSheet,
    ToolCell,
    VariantRecord,
    Workbook,
    sort_glossary,
)


def parse_workbook(source: str, sheets: Mapping[str, list[tuple[CellValue, ...]]]) -> Workbook:
    """The workbook from its sheets' values; raise GlossaryError naming sheet, row and column."""
    require_sheets(source, sheets)
    lenient = _Lenient(source)
    entities = _parse_entities(source, ENTITIES, sheets[ENTITIES], lenient=lenient)
    variants = _parse_variants(source, VARIANTS, sheets[VARIANTS], lenient=lenient)
    check_unique_entities(source, [(n, e.entity_id) for n, e in entities])
    entities, variants, tool_cells = _fill_tool_cells(entities, variants, lenient.cells)
    baseline = _parse_baseline(source, sheets)
    variants, baseline = _yield_to_person(variants, baseline)
    check_variants(
        source,
        {e.entity_id for _, e in entities},
        [(n, v.entity_id, v.variant, v.lang) for n, v in variants],
    )
    glossary = sort_glossary(Glossary(tuple(e for _, e in entities), tuple(v for _, v in variants)))
    return Workbook(
        glossary=glossary,
        about=_parse_about(sheets.get(ABOUT, [])),
        baseline=baseline,
        extra_sheets=tuple(
            ExtraSheet(name, tuple(rows))
            for name, rows in sheets.items()
            if name not in CONTRACT_SHEETS
        ),
        entity_columns=_extra_columns(
            sheets[ENTITIES], (*ENTITY_COLUMNS, REVIEW), [(n, (e.entity_id,)) for n, e in entities]
        ),
        variant_columns=_extra_columns(
            sheets[VARIANTS],
            VARIANT_COLUMNS,
            [(n, (v.entity_id, v.variant, v.lang)) for n, v in variants],
        ),
        tool_cells=tool_cells,
        warnings=tuple(lenient.warnings),
    )


def _yield_to_person(
    variants: list[tuple[int, Variant]], baseline: Baseline | None
) -> tuple[list[tuple[int, Variant]], Baseline | None]:
    """A person's row that now gives the same variant as a row the tool wrote and nobody touched
    (De Gaulle relabelled en → fr beside the tool's own fr row): the person's row stands and the
    tool's copy goes, with its record, so that the person's row takes that form's evidence.

    Without the tool's record nothing can tell the two apart, and check_variants asks the person.
    """
    if baseline is None:
        return variants, baseline
    counts = Counter(v.key for _, v in variants)
    if all(n == 1 for n in counts.values()):
        return variants, baseline
    records = {r.variant.key: r for r in baseline.variants if not r.deleted}
    dropped: set[tuple[str, str, str]] = set()
    kept = []
    for number, variant in variants:
        record = records.get(variant.key)
        untouched = record is not None and not record.owned and record.variant == variant
        if counts[variant.key] > 1 and untouched and variant.key not in dropped:
            dropped.add(variant.key)
            continue
        kept.append((number, variant))
    # The record goes only where every row left is a person's (two untouched copies of one row
    # leave one untouched row, which keeps its record).
    still_tool = {v.key for _, v in kept if v.key in dropped and records[v.key].variant == v}
    gone = dropped - still_tool
    return kept, replace(
        baseline,
        variants=tuple(r for r in baseline.variants if r.deleted or r.variant.key not in gone),
    )


def require_sheets(source: str, sheets: Mapping[str, object]) -> None:
    """Raise GlossaryError when the Entities or Variants sheet is missing."""
    for name in (ENTITIES, VARIANTS):
        if name not in sheets:
            raise GlossaryError(
                source,
                f"sheet '{name}' is missing",
                f"restore it (sheets {ENTITIES}, {VARIANTS}, {ABOUT} come first) "
                "or move the file away to start a new glossary",
            )


def _fill_tool_cells(
    entities: list[tuple[int, Entity]],
    variants: list[tuple[int, Variant]],
    cells: list[tuple[str, int, str, str]],
) -> tuple[list[tuple[int, Entity]], list[tuple[int, Variant]], tuple[ToolCell, ...]]:
    """Put the tool's values into the cells a person left blank or unreadable: an entity's type,
    a variant's language and kind (worked out against its entity's canonical forms)."""
    by_row: dict[tuple[str, int], dict[str, str]] = {}
    for sheet, number, column, typed in cells:
        by_row.setdefault((sheet, number), {})[column] = typed
    filled_entities = []
    for number, entity in entities:
        todo = by_row.get((ENTITIES, number), {})
        if "type" in todo:
            entity = replace(entity, type=type_of(entity))
        filled_entities.append((number, entity))
    by_id = {e.entity_id: e for _, e in filled_entities}
    forms: dict[str, list[str]] = {}
    for _, variant in variants:
        forms.setdefault(variant.entity_id, []).append(variant.variant)
    filled_variants = []
    tool_cells = [
        ToolCell(ENTITIES, (e.entity_id,), column, typed)
        for number, e in filled_entities
        for column, typed in by_row.get((ENTITIES, number), {}).items()
    ]
    for number, variant in variants:
        todo = by_row.get((VARIANTS, number), {})
        owner = by_id.get(variant.entity_id)
        if todo and owner is not None:
            if "lang" in todo:
                variant = replace(variant, lang=lang_of(variant.variant, owner))
            if "kind" in todo:
                canon = canonical_of(owner, forms.get(owner.entity_id, ()))
                variant = replace(
                    variant, kind=kind_of(variant.variant, variant.lang, owner, canon)
                )
        tool_cells += [ToolCell(VARIANTS, variant.key, c, t) for c, t in todo.items()]
        filled_variants.append((number, variant))
    return filled_entities, filled_variants, tuple(tool_cells)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def locate(
    source: str, sheet: str, rows: list[tuple[CellValue, ...]], columns: Sequence[str]
) -> dict[str, int]:
    """Map each contract column to its position in the header row; name any missing one."""
    header = [cell_text(v).strip() for v in rows[0]] if rows else []
    if not any(header):
        raise GlossaryError(
            source,
            f"sheet '{sheet}' has no header row",
            f"row 1 must read: {' | '.join(columns)}",
        )
    positions: dict[str, int] = {}
    for index, name in enumerate(columns):
        if name in header:
            positions[name] = header.index(name)
            continue
        found = header[index] if index < len(header) and header[index] else "empty"
        found = f"'{found}'" if found != "empty" else found
        raise GlossaryError(
            source,
            f"sheet '{sheet}', column {_column_letter(index)}: header '{name}' is missing "
            f"(found {found})",
            f"rename it back to '{name}'; row 1 must read: {' | '.join(columns)}",
        )
    return positions


def _data_rows(
    rows: list[tuple[CellValue, ...]], positions: Mapping[str, int]
) -> list[tuple[int, dict[str, CellValue]]]:
    """(Excel row number, values by column) of every row with something in a contract column."""
    result = []
    for number, row in enumerate(rows[1:], start=2):
        values = {name: row[i] if i < len(row) else None for name, i in positions.items()}
        if any(cell_text(v).strip() for v in values.values()):
            result.append((number, values))
    return result


def _enum(source: str, where: str, column: str, value: CellValue, enum: Any, blank: Any) -> Any:
    text = cell_text(value).strip()
    if not text and blank is not None:
        return blank
    found = member(text, enum)
    if found is not None:
        return found
    shown = f"'{text}'" if text else "empty"
    raise GlossaryError(
        source,
        f"{where}, column {column}: {shown} is not an allowed value",
        f"use one of {_allowed(enum)}",
    )


def member(text: str, enum: Any) -> Any:
    """The member of `enum` whose value is `text`, case aside, or None."""
    return _members(enum).get(text.lower())


@functools.cache
def _members(enum: Any) -> dict[str, Any]:
    """An enum's members by lower-case value: a workbook of 100,000 rows asks 400,000 times."""
    members: dict[str, Any] = {}
    for member in enum:
        members.setdefault(member.value.lower(), member)
    return members


def _allowed(enum: Any) -> str:
    return ", ".join(m.value for m in enum)


class _Lenient:
    """Reads the optional cells of a person's sheets: a blank or unknown word is left to the tool
    (noted, with a warning for an unknown word) instead of refusing the workbook."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.cells: list[tuple[str, int, str, str]] = []  # sheet, row, column, word typed
        self.warnings: list[str] = []

    def enum(
        self, sheet: str, number: int, column: str, value: CellValue, enum: Any, default: Any
    ) -> Any:
        """The member typed, or `default` for the tool to replace (the cell noted)."""
        text = cell_text(value).strip()
        found = member(text, enum) if text else None
        if found is not None:
            return found
        if text:
            self.warnings.append(
                f"{self.source}: sheet '{sheet}', row {number}, column {column}: '{text}' is "
                f"not an allowed value (allowed: {_allowed(enum)}); the cell is kept as typed "
                "and the tool uses its own value until you correct it"
            )
        self.cells.append((sheet, number, column, text))
        return default

    def blank(self, sheet: str, number: int, column: str) -> None:
        self.cells.append((sheet, number, column, ""))

    def lang(self, sheet: str, number: int, typed: str) -> str:
        """The code of a `lang` cell ("FR ", "français" read as fr), or "" for the tool to fill
        when it is blank or names no language the tool knows (the cell noted, kept as typed)."""
        code = lang_code(typed) if typed else None
        if code is not None:
            return code
        if typed:
            self.warnings.append(
                f"{self.source}: sheet '{sheet}', row {number}, column lang: '{typed}' is not "
                f"a language the tool knows (allowed: {accepted_langs()}); the cell is kept as "
                "typed and the tool uses its own value until you correct it"
            )
        self.cells.append((sheet, number, "lang", typed))
        return ""


def required_variant(source: str, where: str, value: CellValue) -> str:
    """A Variants row's variant, as typed; GlossaryError naming the row when it is empty."""
    form = cell_text(value)
    if not form.strip():
        raise GlossaryError(
            source, f"{where}, column variant: empty", "write the name or delete the row"
        )
    return form


def whole_number(source: str, where: str, column: str, value: CellValue) -> int:
    """A count cell's number; GlossaryError naming the cell when it is not a whole number."""
    number = cell_int(value)
    if number is None:
        raise GlossaryError(
            source,
            f"{where}, column {column}: '{cell_text(value)}' is not a whole number",
            "write a number such as 3, or leave the cell empty",
        )
    return number


def required_id(source: str, where: str, value: CellValue) -> str:
    """A row's entity_id; GlossaryError naming the row when it is empty."""
    text = cell_text(value).strip()
    if not text:
        raise GlossaryError(
            source, f"{where}, column entity_id: empty", "give the row the id of its entity"
        )
    return text


def _parse_entities(
    source: str,
    sheet: str,
    rows: list[tuple[CellValue, ...]],
    extra: Sequence[str] = (),
    lenient: _Lenient | None = None,
) -> list[tuple[int, Entity]]:
    positions = locate(source, sheet, rows, (*ENTITY_COLUMNS, *extra))
    # Written after the contract columns since issue 9; older workbooks have none.
    optional = _optional_columns(rows, (REVIEW,))
    result = []
    for number, cells in _data_rows(rows, positions):
        where = f"sheet '{sheet}', row {number}"
        if lenient is None:
            kind = _enum(source, where, "type", cells["type"], EntityType, None)
            status = _enum(
                source, where, "status", cells["status"], EntityStatus, EntityStatus.AUTO
            )
        else:
            kind = lenient.enum(sheet, number, "type", cells["type"], EntityType, EntityType.MISC)
            status = (
                lenient.enum(
                    sheet, number, "status", cells["status"], EntityStatus, EntityStatus.AUTO
                )
                if cell_text(cells["status"]).strip()
                else EntityStatus.AUTO
            )
        result.append(
            (
                number,
                Entity(
                    entity_id=required_id(source, where, cells["entity_id"]),
                    type=kind,
                    canonical_en=cell_text(cells["canonical_en"]),
                    canonical_fr=cell_text(cells["canonical_fr"]),
                    original=cell_text(cells["original"]),
                    status=status,
                    note=cell_text(cells["note"]),
                    mentions=whole_number(source, where, "mentions", cells["mentions"]),
                    sources=parse_sources(cell_text(cells["sources"])),
                    review=_optional(rows[number - 1], optional, REVIEW),
                ),
            )
        )
    return result


def _parse_variants(
    source: str,
    sheet: str,
    rows: list[tuple[CellValue, ...]],
    extra: Sequence[str] = (),
    lenient: _Lenient | None = None,
) -> list[tuple[int, Variant]]:
    positions = locate(source, sheet, rows, (*VARIANT_COLUMNS, *extra))
    result = []
    for number, cells in _data_rows(rows, positions):
        where = f"sheet '{sheet}', row {number}"
        form = required_variant(source, where, cells["variant"])
        lang = cell_text(cells["lang"]).strip()
        if lenient is None:
            kind = _enum(source, where, "kind", cells["kind"], VariantKind, None)
            status = _enum(
                source, where, "status", cells["status"], VariantStatus, VariantStatus.AUTO
            )
        else:
            lang = lenient.lang(sheet, number, lang)
            kind = lenient.enum(
                sheet, number, "kind", cells["kind"], VariantKind, VariantKind.SPELLING
            )
            status = (
                lenient.enum(
                    sheet, number, "status", cells["status"], VariantStatus, VariantStatus.AUTO
                )
                if cell_text(cells["status"]).strip()
                else VariantStatus.AUTO
            )
        result.append(
            (
                number,
                Variant(
                    entity_id=required_id(source, where, cells["entity_id"]),
                    variant=form,
                    lang=lang or Lang.UND,
                    kind=kind,
                    count=whole_number(source, where, "count", cells["count"]),
                    status=status,
                    example=cell_text(cells["example"]),
                    sources=parse_sources(cell_text(cells["sources"])),
                ),
            )
        )
    return result


def check_unique_entities(source: str, ids: Sequence[tuple[int, str]]) -> None:
    """Raise GlossaryError naming the rows of the first entity_id used by more than one row
    (`ids`: each Entities row's number and entity_id)."""
    if len({entity_id for _, entity_id in ids}) == len(ids):
        return
    rows: dict[str, list[int]] = {}
    for number, entity_id in ids:
        rows.setdefault(entity_id, []).append(number)
    for entity_id, numbers in rows.items():
        if len(numbers) > 1:
            raise GlossaryError(
                source,
                f"sheet '{ENTITIES}': entity_id '{entity_id}' is used by rows "
                + ", ".join(map(str, numbers)),
                "give each entity its own id, or merge the rows into one",
            )


def check_variants(
    source: str, known: Collection[str], variants: Iterable[tuple[int, str, str, str]]
) -> None:
    """Raise GlossaryError at the first Variants row whose entity is not `known` or which gives
    the same variant as an earlier row (`variants`: number, entity_id, variant, lang)."""
    seen: dict[tuple[str, str, str], int] = {}
    for number, entity_id, variant, lang in variants:
        if entity_id not in known:
            raise GlossaryError(
                source,
                f"sheet '{VARIANTS}', row {number}: entity_id '{entity_id}' "
                f"is not in sheet '{ENTITIES}'",
                f"add that entity to sheet '{ENTITIES}' or correct the id",
            )
        key = (entity_id, variant, lang)
        if key in seen:
            raise GlossaryError(
                source,
                f"sheet '{VARIANTS}': rows {seen[key]} and {number} both give variant "
                f"'{variant}' ({lang}) of '{entity_id}'",
                "delete one of them",
            )
        seen[key] = number


def _extra_columns(
    rows: list[tuple[CellValue, ...]],
    contract: Sequence[str],
    keys: list[tuple[int, tuple[str, ...]]],
) -> ExtraColumns:
    """Named columns beyond the contract ones, with each row's values under its key."""
    header = [cell_text(v).strip() for v in rows[0]]
    extra = [(i, name) for i, name in enumerate(header) if name and name not in contract]
    if not extra:
        return ExtraColumns()
    kept = []
    for number, key in keys:
        row = rows[number - 1]
        values = tuple(_cell(row, i) for i, _ in extra)
        if any(cell_text(v).strip() for v in values):
            kept.append((key, values))
    return ExtraColumns(tuple(name for _, name in extra), tuple(kept))


def _parse_about(rows: list[tuple[CellValue, ...]]) -> dict[str, str]:
    about: dict[str, str] = {}
    for index, row in enumerate(rows):
        key = cell_text(row[0]).strip() if row else ""
        value = cell_text(row[1]) if len(row) > 1 else ""
        if index == 0 and (key, value.strip()) == ABOUT_COLUMNS:
            continue
        if key:
            about[key] = value
    return about


def _owned(value: CellValue) -> frozenset[str]:
    return frozenset(p.strip() for p in cell_text(value).split(";") if p.strip())


def _parse_baseline(
    source: str, sheets: Mapping[str, list[tuple[CellValue, ...]]]
) -> Baseline | None:
    """The tool's record; None when a person removed or damaged it (the merge is then careful)."""
    if TOOL_ENTITIES not in sheets or TOOL_VARIANTS not in sheets:
        return None
    try:
        entity_rows = sheets[TOOL_ENTITIES]
        variant_rows = sheets[TOOL_VARIANTS]
        entities = _parse_entities(source, TOOL_ENTITIES, entity_rows, (OWNED,))
        variants = _parse_variants(source, TOOL_VARIANTS, variant_rows, (OWNED,))
        e_owned = locate(source, TOOL_ENTITIES, entity_rows, (*ENTITY_COLUMNS, OWNED))[OWNED]
        v_owned = locate(source, TOOL_VARIANTS, variant_rows, (*VARIANT_COLUMNS, OWNED))[OWNED]
    except GlossaryError:
        return None
    # Columns added after the first record (older workbooks lack them): read when present.
    e_extra = _optional_columns(entity_rows, (DELETED,))
    v_extra = _optional_columns(variant_rows, (DELETED, TOOL_VARIANT, TOOL_LANG))

    def entity_record(number: int, entity: Entity) -> EntityRecord:
        row = entity_rows[number - 1]
        deleted = _optional(row, e_extra, DELETED)
        return EntityRecord(entity, _owned(_cell(row, e_owned)), deleted=bool(deleted))

    def variant_record(number: int, variant: Variant) -> VariantRecord:
        row = variant_rows[number - 1]
        tool_variant = _optional(row, v_extra, TOOL_VARIANT)
        origin = (tool_variant, _optional(row, v_extra, TOOL_LANG)) if tool_variant else None
        return VariantRecord(
            variant,
            _owned(_cell(row, v_owned)),
            deleted=bool(_optional(row, v_extra, DELETED)),
            origin=origin,
        )

    return Baseline(
        tuple(entity_record(n, e) for n, e in entities),
        tuple(variant_record(n, v) for n, v in variants),
    )


def _optional_columns(rows: list[tuple[CellValue, ...]], names: Sequence[str]) -> dict[str, int]:
    header = [cell_text(v).strip() for v in rows[0]] if rows else []
    return {name: header.index(name) for name in names if name in header}


def _optional(row: tuple[CellValue, ...], positions: Mapping[str, int], name: str) -> str:
    return cell_text(_cell(row, positions[name])).strip() if name in positions else ""


def _cell(row: tuple[CellValue, ...], index: int) -> CellValue:
    return row[index] if index < len(row) else None
