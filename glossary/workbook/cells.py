"""Cell values of glossary.xlsx: what Excel or LibreOffice hands back, and what the tool writes."""

from __future__ import annotations

import datetime

from glossary.model import Entity, Source, Variant

CellValue = str | int | float | bool | datetime.datetime | datetime.date | datetime.time | None

_SOURCE_SEPARATOR = "; "


def cell_text(value: CellValue) -> str:
    """A cell as text: numbers typed into a text column lose their '.0', empty cells are ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def cell_int(value: CellValue) -> int | None:
    """A count cell as an int (3, 3.0 and '3' alike; empty is 0), or None if it is not one."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip()
    if not text:
        return 0
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def parse_sources(text: str) -> tuple[Source, ...]:
    """'a.txt:3; b.txt:7' -> (Source('a.txt', 3), Source('b.txt', 7))."""
    return tuple(Source.parse(part.strip()) for part in text.split(";") if part.strip())


def format_sources(sources: tuple[Source, ...]) -> str:
    """(Source('a.txt', 3), Source('b.txt', 7)) -> 'a.txt:3; b.txt:7'."""
    return _SOURCE_SEPARATOR.join(str(s) for s in sources)


def entity_values(entity: Entity) -> tuple[str | int, ...]:
    """An Entities row, in the column order of the sheet."""
    return (
        entity.entity_id,
        entity.type.value,
        entity.canonical_en,
        entity.canonical_fr,
        entity.original,
        entity.status.value,
        entity.note,
        entity.mentions,
        format_sources(entity.sources),
    )


def variant_values(variant: Variant) -> tuple[str | int, ...]:
    """A Variants row, in the column order of the sheet."""
    return (
        variant.entity_id,
        variant.variant,
        variant.lang,
        variant.kind.value,
        variant.count,
        variant.status.value,
        variant.example,
        format_sources(variant.sources),
    )
