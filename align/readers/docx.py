"""Text of a .docx: paragraphs and table cells in Word's order, through python-docx."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from align.errors import BadInputError
from align.model import Document, DocumentFormat
from align.readers.encoding import normalise_text


def docx_document(data: bytes, source: str) -> Document:
    import docx  # python-docx (with lxml) is heavy: loaded when a .docx is read

    try:
        parsed = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise BadInputError(
            source, f"is not a readable .docx ({err})", "open and re-save it in Word or LibreOffice"
        ) from None
    paragraphs = list(_blocks(parsed))
    # A blank line between paragraphs keeps Word's paragraphs as our paragraphs.
    text = normalise_text("\n\n".join(p for p in paragraphs if p.strip()))
    if not text.strip():
        raise BadInputError(source, "document has no text", "give a document with text in it")
    return Document(source=source, text=text, encoding="docx", fmt=DocumentFormat.DOCX)


def _blocks(container: Any) -> Iterator[str]:
    """Paragraph texts in document order, tables row by row, a merged cell once."""
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):
            # A merged cell is returned once per grid column it spans; holding its element
            # keeps lxml's proxy, so the same cell is the same object.
            seen: set[Any] = set()
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _blocks(cell)
        else:
            yield block.text
