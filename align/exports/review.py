"""alignment.xlsx: links side by side for a person to review, weak links highlighted.

The sheet `Alignment` is the person's: a `review` drop-down (ok, wrong, edited), the French and
English texts (editable), a note, then what the tool knows about the link. A very hidden sheet,
`_tool_alignment`, records what the tool wrote, so that the next `align run` can tell the
person's changes from its own (`align.exports.reviews` reads both back).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.exports.rows import AlignedText
from align.exports.sheetrows import RowTemplates, SheetRows, book_bytes
from align.model import Mode
from glossary import xlsx
from glossary.atomicfile import write_bytes_atomic
from glossary.workbook.cells import fit_list

SHEET = "Alignment"
TOOL_SHEET = "_tool_alignment"
HEADER = (
    "review",
    "french",
    "english",
    "note",
    "link",
    "score",
    "mode",
    "fr_file",
    "fr_lines",
    "en_file",
    "en_lines",
    "evidence",
    "link_id",
)
TOOL_HEADER = (
    "link_id",
    "fr_file",
    "en_file",
    "fr_ids",
    "en_ids",
    "fr_lines",
    "en_lines",
    "french",
    "english",
    "link",
    "mode",
    "score",
    "evidence",
)
# Widths in Excel's units (about one digit of the default font each): the two texts side by
# side fill most of a 1600-pixel screen, the review column first so it is never scrolled away.
WIDTHS = {
    "review": 9,
    "french": 62,
    "english": 62,
    "note": 24,
    "link": 6,
    "score": 7,
    "mode": 11,
    "fr_file": 18,
    "fr_lines": 8,
    "en_file": 18,
    "en_lines": 8,
    "evidence": 36,
    "link_id": 12,
}
WRAPPED = ("french", "english", "note", "evidence")
REVIEW_MARKS = ("ok", "wrong", "edited")
# Excel's and LibreOffice's default fonts (Calibri 11, Carlito/Liberation Sans 10) need about
# 15 points a line; a little more keeps descenders clear in a PDF export.
LINE_HEIGHT = 15.0
ROW_PADDING = 2.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit
# Characters counted wider than a digit when wrapping (capitals, m, w, wide symbols).
_WIDE = 1.25
# Scores of the two modes live on different scales: a parallel link below 0.5 is doubtful, a
# comparable one (never below 0.2, see align.comparable.events.MIN_SCORE) is weak below 0.25.
LOW_SCORES = {Mode.PARALLEL: 0.5, Mode.COMPARABLE: 0.25}
LOW_SCORE = 0.5
LOW_FILL = "FFC7CE"
HEADER_FILL = "DDEBF7"
REVIEW_FILL = "FFF2CC"
STALE_NOTE = "kept as reviewed: these sentences are no longer in the documents, not in the TMX"


@dataclass(frozen=True)
class ReviewRow:
    """One row of the review sheet: the link as the tool made it and what a person made of it.

    `fr_text`/`en_text` are the person's texts when they edited them (None: the tool's stand).
    `stale` marks a review of sentences that are no longer in the documents as they were.
    """

    link: AlignedText
    review: str = ""
    note: str = ""
    fr_text: str | None = None
    en_text: str | None = None
    stale: bool = False

    @property
    def shown_fr(self) -> str:
        """The French text the sheet shows: the person's if edited, else the tool's."""
        return self.link.fr_text if self.fr_text is None else self.fr_text

    @property
    def shown_en(self) -> str:
        """The English text the sheet shows."""
        return self.link.en_text if self.en_text is None else self.en_text

    @property
    def edited(self) -> bool:
        """A person changed a text, or marked the link `edited`."""
        return self.review == "edited" or self.fr_text is not None or self.en_text is not None

    @property
    def reviewed(self) -> bool:
        """Anything here is a person's: a mark, a note or an edited text."""
        return bool(self.review or self.note) or self.edited


def write_review(
    path: Path,
    rows: Sequence[ReviewRow] | Sequence[AlignedText],
    *,
    low_scores: dict[Mode, float] | None = None,
    templates: RowTemplates | None = None,
) -> None:
    """Write the review workbook to `path` atomically; weak links (LOW_SCORES) are filled red.

    `templates`: rows an earlier write rendered (the run's store keeps them), filled in rather
    than rendered again; the bytes are the same."""
    write_bytes_atomic(Path(path), review_bytes(rows, low_scores=low_scores, templates=templates))


def column_letter(name: str) -> str:
    """The letter of a column of the review sheet ("review" -> "A")."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(HEADER.index(name) + 1)


def low_score_formula(low_scores: dict[Mode, float] | None = None) -> str:
    """The conditional-format formula for row 2: the row's score is low for its mode."""
    limits = LOW_SCORES if low_scores is None else low_scores
    score, mode = f"${column_letter('score')}2", f"${column_letter('mode')}2"
    known = ",".join(f'{mode}="{m}"' for m in sorted(limits))
    cases = [f'AND({mode}="{m}",{score}<{limits[m]})' for m in sorted(limits)]
    cases.append(f"AND(NOT(OR({known})),{score}<{LOW_SCORE})")
    return f"OR({','.join(cases)})"


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped cell `width` units wide (words kept whole)."""
    room = max(1.0, width - 1.5)  # the cell's inner margins
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            size = len(word) + (_WIDE - 1.0) * len(_wide_characters().findall(word))
            needed = size if used == 0 else used + 1.0 + size
            if needed <= room:
                used = needed
                continue
            if used > 0:
                lines += 1
            # A word longer than the cell is broken over as many lines as it needs.
            extra = max(0, math.ceil(size / room) - 1)
            lines += extra
            used = size - extra * room
        total += lines
    return total


@functools.cache
def _wide_characters() -> re.Pattern[str]:
    """A pattern of every character `_is_wide` counts wide: one search per word, not a call
    per character (a review sheet's texts run to millions of characters)."""
    below = "".join(chr(c) for c in range(_WIDE_FROM) if _is_wide(chr(c)))
    return re.compile(f"[{re.escape(below)}{chr(_WIDE_FROM)}-{chr(0x10FFFF)}]")


# From here on every character counts wide (CJK and beyond).
_WIDE_FROM = 0x2E81


def _is_wide(ch: str) -> bool:
    return ch.isupper() or ch in "mwMW%@—" or ord(ch) >= _WIDE_FROM


def row_height(texts: dict[str, str]) -> float:
    """Points a row needs to show every line of every wrapped text in it."""
    lines = max([1] + [wrapped_lines(text, WIDTHS[name]) for name, text in texts.items()])
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING)


def _as_review(row: ReviewRow | AlignedText) -> ReviewRow:
    return row if isinstance(row, ReviewRow) else ReviewRow(row)


def review_bytes(
    rows: Sequence[ReviewRow] | Sequence[AlignedText],
    *,
    low_scores: dict[Mode, float] | None = None,
    templates: RowTemplates | None = None,
) -> bytes:
    """The workbook as bytes: same rows, same bytes.

    Written in openpyxl's write-only mode, row by row to a temporary file: an archive's review
    sheet has hundreds of thousands of rows, which as cell objects in memory would take gigabytes.
    Everything about a sheet but its rows (widths, panes, filter, drop-down, colours) is set first.
    """
    reviews = [_as_review(r) for r in rows]
    with xlsx.temporary_files_written():
        return _review_book_bytes(reviews, low_scores, templates or RowTemplates())


def _review_book_bytes(
    reviews: list[ReviewRow], low_scores: dict[Mode, float] | None, templates: RowTemplates
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    last_column = column_letter(HEADER[-1])
    last_row = len(reviews) + 1
    for name, width in WIDTHS.items():
        sheet.column_dimensions[column_letter(name)].width = width
    review = column_letter("review")
    sheet.column_dimensions[review].fill = PatternFill(
        "solid", start_color=REVIEW_FILL, end_color=REVIEW_FILL
    )
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{last_column}{last_row}"
    marks = DataValidation(
        type="list",
        formula1='"' + ",".join(REVIEW_MARKS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="review",
        error="Choose ok, wrong or edited, or leave the cell blank.",
    )
    sheet.data_validations.append(marks)
    if reviews:
        marks.add(f"{review}2:{review}{last_row}")
        fill = PatternFill("solid", start_color=LOW_FILL, end_color=LOW_FILL, bgColor=LOW_FILL)
        # The whole row turns red, so a weak link is seen whichever column one reads.
        sheet.conditional_formatting.add(
            f"A2:{last_column}{last_row}",
            FormulaRule(formula=[low_score_formula(low_scores)], fill=fill),
        )
    # Printed or exported to PDF: landscape, as wide as the page, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    header_fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    sheet.append(xlsx.row(sheet, list(HEADER), font=Font(bold=True), fill=header_fill))
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    styles = [wrap if name in WRAPPED else top for name in HEADER]
    rows = SheetRows(sheet, styles)
    for number, row in enumerate(reviews, start=2):
        link = row.link
        values = {
            "review": row.review,
            "french": row.shown_fr,
            "english": row.shown_en,
            "note": row.note,
            "link": link.kind,
            "score": round(link.score, 4),
            "mode": link.mode or "",
            "fr_file": link.fr_source,
            "fr_lines": link.fr_lines,
            "en_file": link.en_source,
            "en_lines": link.en_lines,
            "evidence": STALE_NOTE if row.stale else _evidence(link),
            "link_id": link.link_id,
        }

        def height(values: dict[str, object] = values) -> float:
            return row_height({name: str(values[name]) for name in WRAPPED})

        templates.append(rows, SHEET, number, [values[name] for name in HEADER], height)
    return book_bytes(book, [rows, _tool_sheet(book, reviews, templates)])


def _tool_sheet(book: object, reviews: Sequence[ReviewRow], templates: RowTemplates) -> SheetRows:
    """What the tool wrote for each link, so the next run can tell a person's edits apart."""
    sheet = book.create_sheet(TOOL_SHEET)  # type: ignore[attr-defined]
    sheet.sheet_state = "veryHidden"
    sheet.append(list(TOOL_HEADER))
    rows = SheetRows(sheet)
    for number, row in enumerate(reviews, start=2):
        link = row.link
        templates.append(
            rows,
            TOOL_SHEET,
            number,
            [
                link.link_id,
                link.fr_source,
                link.en_source,
                ",".join(map(str, link.fr_ids)),
                ",".join(map(str, link.en_ids)),
                link.fr_lines,
                link.en_lines,
                link.fr_text,
                link.en_text,
                link.kind,
                link.mode or "",
                round(link.score, 4),
                _evidence(link),
            ],
        )
    return rows


def _evidence(link: AlignedText) -> str:
    """The evidence cell: shared dates, names and numbers, "… and N more" past a cell's limit."""
    return fit_list([str(e) for e in link.evidence], "; ")
