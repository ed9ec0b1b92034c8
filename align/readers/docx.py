"""Text of a .docx: paragraphs and table cells in Word's order, through python-docx.

The package is checked first (glossary.ziplimits: unzipped size, element depth, no DTD), so that
python-docx never builds a tree from a zip bomb or an entity attack; whatever python-docx still
raises on a file means that file is not a readable .docx, reported in one line. Each paragraph
kept in the text records where it sits in Word (align.model.WordPlace).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from align.errors import BadInputError
from align.model import Document, DocumentFormat, WordPlace
from align.readers.encoding import normalise_text
from glossary.ziplimits import LIMITS, ZipLimits, check_package

MIB = 1024 * 1024
# The text taken out of a .docx is held to the limit on any file's bytes (files.MAX_BYTES).
MAX_TEXT = 50 * MIB


@dataclass(frozen=True)
class _Block:
    text: str
    table: int | None = None
    row: int | None = None
    cell: int | None = None


def docx_document(
    data: bytes, source: str, *, max_text: int = MAX_TEXT, limits: ZipLimits = LIMITS
) -> Document:
    """The Document of a .docx's bytes; BadInputError when it is over a limit or unreadable."""
    check_package(data, source, kind=".docx", limits=limits, error=BadInputError)
    import docx  # python-docx (with lxml) is heavy: loaded when a .docx is read

    try:
        blocks = list(_blocks(docx.Document(io.BytesIO(data))))
    except MemoryError:
        raise
    except Exception as err:  # zip, XML, missing parts: all mean the same to a person
        detail = " ".join(str(err).split())[:120]
        reason = f"{type(err).__name__}: {detail}" if detail else type(err).__name__
        raise BadInputError(
            source,
            f"is not a readable .docx ({reason})",
            "open and re-save it in Word or LibreOffice",
        ) from None
    parts: list[str] = []
    places: list[WordPlace] = []
    offset = 0
    for number, block in enumerate(blocks, start=1):
        text = normalise_text(block.text)
        if not text.strip():
            continue
        if parts:
            # A blank line between paragraphs keeps Word's paragraphs as our paragraphs.
            offset += 2
        places.append(WordPlace(offset, number, block.table, block.row, block.cell))
        parts.append(text)
        offset += len(text)
        if offset > max_text:
            raise BadInputError(
                source,
                f"holds more than {max_text // MIB} MB of text, over the limit",
                "split it into smaller documents",
            )
    if not parts:
        raise BadInputError(source, "document has no text", "give a document with text in it")
    return Document(
        source=source,
        text="\n\n".join(parts),
        encoding="docx",
        fmt=DocumentFormat.DOCX,
        places=tuple(places),
    )


def _blocks(container: Any, where: _Block | None = None) -> Iterator[_Block]:
    """Paragraphs in document order, tables row by row, a merged cell once."""
    tables = 0
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):
            tables += 1
            # A merged cell is returned once per grid column it spans (and a vertically merged
            # one once per row); holding its element keeps lxml's proxy, so it is seen once.
            seen: set[Any] = set()
            for row_number, row in enumerate(block.rows, start=1):
                cell_number = 0
                for cell in row.cells:
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    cell_number += 1
                    place = where or _Block("", tables, row_number, cell_number)
                    yield from _blocks(cell, place)
        else:
            if where is None:
                yield _Block(block.text)
            else:
                yield _Block(block.text, where.table, where.row, where.cell)
