"""Cell values of glossary.xlsx: what Excel or LibreOffice hands back, and what the tool writes."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from glossary.model import Entity, Source, Variant

CellValue = str | int | float | bool | datetime.datetime | datetime.date | datetime.time | None

_SOURCE_SEPARATOR = "; "
# Excel's most characters in a cell (UTF-16 code units); Excel and openpyxl cut a longer cell
# without a word, so a list longer than this ends in MORE instead.
CELL_LIMIT = 32_767
MORE = "… and {} more"
_MORE = re.compile(r"^… and [1-9][0-9]* more$")


def cell_text(value: CellValue) -> str:
    """A cell as text: numbers typed into a text column lose their '.0', empty cells are ''."""
    if type(value) is str:  # most cells: nothing to convert
        return value
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
    """'a.txt:3; b.txt:7' -> (Source('a.txt', 3), Source('b.txt', 7)).

    The "… and N more" that ends a list too long for a cell is not a source: it is left out,
    in the sheet a person edits and in the tool's record alike, so the two still compare equal.
    """
    parts = (part.strip() for part in text.split(";"))
    return tuple(Source.parse(part) for part in parts if part and not _MORE.match(part))


def format_sources(sources: tuple[Source, ...]) -> str:
    """(Source('a.txt', 3), Source('b.txt', 7)) -> 'a.txt:3; b.txt:7', cut to fit a cell."""
    return fit_list([str(s) for s in sources], _SOURCE_SEPARATOR)


def fit_list(items: Sequence[str], separator: str, limit: int | None = None) -> str:
    """`items` joined by `separator`; past `limit` characters (CELL_LIMIT), the first items that
    fit and "… and N more" (N the items left out), so that no cell is cut inside an item."""
    limit = CELL_LIMIT if limit is None else limit
    text = separator.join(items)
    if _units(text) <= limit:
        return text
    kept, used = 0, 0
    for item in items:
        needed = used + (_units(separator) if kept else 0) + _units(item)
        more = MORE.format(len(items) - kept - 1)
        if needed + _units(separator) + _units(more) > limit:
            break
        kept, used = kept + 1, needed
    tail = MORE.format(len(items) - kept)
    return separator.join([*items[:kept], tail])


def _units(text: str) -> int:
    """Length as Excel counts it: UTF-16 code units (a character beyond U+FFFF counts two)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


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
