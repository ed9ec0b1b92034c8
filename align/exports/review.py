"""alignment.xlsx: links side by side for a person to review, weak links highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from align.exports.rows import AlignedText
from align.model import Mode
from glossary import xlsx
from glossary.atomicfile import write_bytes_atomic

ReviewRow = AlignedText
SHEET = "Alignment"
HEADER = (
    "fr_file",
    "fr_lines",
    "en_file",
    "en_lines",
    "french",
    "english",
    "link",
    "mode",
    "score",
    "evidence",
)
WIDTHS = (24, 9, 24, 9, 60, 60, 7, 12, 8, 40)
SCORE_COLUMN = "I"
MODE_COLUMN = "H"
# Scores of the two modes live on different scales: a parallel link below 0.5 is doubtful, a
# comparable one (never below 0.2, see align.comparable.events.MIN_SCORE) is weak below 0.25.
LOW_SCORES = {Mode.PARALLEL: 0.5, Mode.COMPARABLE: 0.25}
LOW_SCORE = 0.5
LOW_FILL = "FFC7CE"
HEADER_FILL = "DDEBF7"


def write_review(
    path: Path, rows: Sequence[ReviewRow], *, low_scores: dict[Mode, float] | None = None
) -> None:
    """Write the review workbook to `path` atomically; weak links (LOW_SCORES) are filled red."""
    write_bytes_atomic(Path(path), review_bytes(rows, low_scores=low_scores))


def low_score_formula(low_scores: dict[Mode, float] | None = None) -> str:
    """The conditional-format formula for row 2: the row's score is low for its mode."""
    limits = LOW_SCORES if low_scores is None else low_scores
    score, mode = f"${SCORE_COLUMN}2", f"${MODE_COLUMN}2"
    known = ",".join(f'{mode}="{m}"' for m in sorted(limits))
    cases = [f'AND({mode}="{m}",{score}<{limits[m]})' for m in sorted(limits)]
    cases.append(f"AND(NOT(OR({known})),{score}<{LOW_SCORE})")
    return f"OR({','.join(cases)})"


def review_bytes(
    rows: Sequence[ReviewRow], *, low_scores: dict[Mode, float] | None = None
) -> bytes:
    """The workbook as bytes: same rows, same bytes."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(
            xlsx.row(
                sheet,
                [
                    row.fr_source,
                    row.fr_lines,
                    row.en_source,
                    row.en_lines,
                    row.fr_text,
                    row.en_text,
                    row.kind,
                    row.mode,
                    round(row.score, 4),
                    "; ".join(map(str, row.evidence)),
                ],
            )
        )
    last_column = get_column_letter(len(HEADER))
    last_row = len(rows) + 1
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for line in sheet.iter_rows(min_row=2, max_row=last_row):
        for cell in line:
            cell.alignment = wrap if cell.column_letter in ("E", "F", "J") else top
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last_column}{last_row}"
    if rows:
        fill = PatternFill("solid", start_color=LOW_FILL, end_color=LOW_FILL, bgColor=LOW_FILL)
        # The whole row turns red, so a weak link is seen whichever column one reads.
        sheet.conditional_formatting.add(
            f"A2:{last_column}{last_row}",
            FormulaRule(formula=[low_score_formula(low_scores)], fill=fill),
        )
    return xlsx.workbook_bytes(book)
