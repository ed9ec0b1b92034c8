"""glossary.csv: the glossary as a delimited termbase that memoQ, Phrase and Trados MultiTerm
import (UTF-8 with a byte-order mark, comma-separated, CRLF line ends, a header row).

One row per entity, one column per language for its terms: `en` and `fr` hold the canonical form
first, then the acceptable variants (those TBX marks admitted), separated by `|`, the separator
memoQ's "split alternatives" and the Glossary Converter for MultiTerm read as synonyms.
Deprecated variants (misspellings met in the sources, forms a person deprecated) are in their
own columns, `en_deprecated` and `fr_deprecated`, so that an import never files them as
acceptable; rejected variants and those of other languages are left out, as in glossary.tbx.
The header uses language codes (`en`, `fr`), which Phrase requires and the other tools map.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from glossary.atomicfile import write_bytes_atomic
from glossary.model import Entity, Glossary, Lang, Variant
from glossary.tbx import ADMITTED, DEPRECATED, term_status
from glossary.xlsx import clean_text

HEADER = (
    "entry_id",
    "subject",
    "en",
    "fr",
    "en_deprecated",
    "fr_deprecated",
    "original",
    "note",
)
SYNONYMS = "|"
LANGS = (Lang.EN, Lang.FR)


def write_termbase_csv(path: Path, glossary: Glossary) -> None:
    """Replace `path` atomically with the CSV termbase of `glossary` (same glossary, same bytes)."""
    write_bytes_atomic(Path(path), termbase_csv_bytes(glossary))


def termbase_csv_bytes(glossary: Glossary) -> bytes:
    """The CSV termbase as UTF-8 bytes with a byte-order mark."""
    by_entity: dict[str, list[Variant]] = {}
    for variant in glossary.variants:
        by_entity.setdefault(variant.entity_id, []).append(variant)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for entity in sorted(glossary.entities, key=lambda e: e.entity_id):
        writer.writerow(entity_row(entity, by_entity.get(entity.entity_id, [])))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def entity_row(entity: Entity, variants: Iterable[Variant]) -> list[str]:
    """One entity's cells, in HEADER order."""
    terms: dict[tuple[Lang, str], list[str]] = {
        (lang, status): [] for lang in LANGS for status in (ADMITTED, DEPRECATED)
    }
    for lang in LANGS:
        terms[(lang, ADMITTED)].extend(entity.canonicals(lang))
    for variant in variants:
        status = term_status(variant)
        if status is None or variant.lang not in LANGS:
            continue
        terms[(Lang(variant.lang), status)].append(variant.variant)
    cells = {"entry_id": entity.entity_id, "subject": entity.type.value}
    for lang in LANGS:
        admitted = _unique(terms[(lang, ADMITTED)])
        # A form both admitted and deprecated (a canonical form also met as a misspelling)
        # is the canonical one: it stays admitted.
        deprecated = [t for t in _unique(terms[(lang, DEPRECATED)]) if t not in admitted]
        cells[lang.value] = SYNONYMS.join(admitted)
        cells[f"{lang.value}_deprecated"] = SYNONYMS.join(deprecated)
    cells["original"] = entity.original
    cells["note"] = entity.note
    return [_cell(cells[name]) for name in HEADER]


def _unique(terms: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for term in terms:
        term = " ".join(term.replace(SYNONYMS, " ").split())
        if term:
            seen.setdefault(term, None)
    return list(seen)


def _cell(text: str) -> str:
    """One line of XML-safe text: importers read a line break as the end of an entry."""
    return " ".join(clean_text(text).split())
