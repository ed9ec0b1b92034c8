"""alignment.xlsx: columns, highlighting of weak links, layout, reproducible bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.exports.review import HEADER, low_score_formula, review_bytes, write_review
from align.exports.rows import AlignedText
from align.model import Evidence, EvidenceKind


def row(score: float, kind: str = "1-1", fr: str = "Bonjour.", en: str = "Hello.") -> AlignedText:
    return AlignedText(
        fr_source="seeds/000.txt",
        en_source="seeds/003.txt",
        fr_ids=(4,),
        en_ids=(7, 8),
        fr_lines="5",
        en_lines="8-9",
        fr_text=fr,
        en_text=en,
        kind=kind,
        score=score,
        evidence=(
            Evidence(EvidenceKind.DATE, "1935-05-02"),
            Evidence(EvidenceKind.NAME, "ushakov"),
        ),
        mode="comparable",
    )


ROWS = [row(0.92), row(0.1, kind="2-1")]


def load(path: Path):
    from openpyxl import load_workbook

    return load_workbook(path)


def test_columns_hold_documents_lines_texts_link_score_evidence(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, ROWS)
    sheet = load(path).active
    assert [c.value for c in sheet[1]] == [
        "fr_file", "fr_lines", "en_file", "en_lines", "french", "english",
        "link", "mode", "score", "evidence",
    ]  # fmt: skip
    assert [c.value for c in sheet[2]] == [
        "seeds/000.txt", "5", "seeds/003.txt", "8-9", "Bonjour.", "Hello.",
        "1-1", "comparable", 0.92, "date 1935-05-02; name ushakov",
    ]  # fmt: skip
    assert sheet.max_row == 3


def test_low_scores_are_highlighted_by_a_conditional_fill(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, ROWS, low_scores={"comparable": 0.5})
    sheet = load(path).active
    rules = [(str(rng.sqref), rule) for rng in sheet.conditional_formatting for rule in rng.rules]
    assert len(rules) == 1
    cells, rule = rules[0]
    assert cells == f"A2:J{len(ROWS) + 1}"
    assert rule.formula == [
        'OR(AND($H2="comparable",$I2<0.5),AND(NOT(OR($H2="comparable")),$I2<0.5))'
    ]
    assert rule.dxf.fill.bgColor.rgb.endswith("FFC7CE")


@pytest.mark.parametrize(
    ("mode", "score", "low"),
    [
        ("parallel", 0.4, True),
        ("parallel", 0.6, False),
        ("comparable", 0.22, True),
        ("comparable", 0.3, False),
        ("", 0.4, True),
        ("", 0.9, False),
    ],
)
def test_each_mode_has_its_own_low_score(mode: str, score: float, low: bool) -> None:
    formula = low_score_formula()
    # Evaluate the Excel formula for one row, with Python's operators.
    python = formula.replace("$H2", repr(mode)).replace("$I2", repr(score)).replace("=", "==")
    excel = {"AND": lambda *a: all(a), "OR": lambda *a: any(a), "NOT": lambda a: not a}
    assert eval(python, excel) is low


def test_header_frozen_filtered_and_texts_wrapped(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, ROWS)
    sheet = load(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J3"
    assert sheet["E2"].alignment.wrap_text and sheet["F2"].alignment.wrap_text
    assert sheet.column_dimensions["E"].width >= 40
    assert len(HEADER) == 10


def test_same_rows_give_same_bytes() -> None:
    import time

    first = review_bytes(ROWS)
    time.sleep(1.1)  # zip member times and docProps dates would differ a second later
    assert review_bytes(ROWS) == first


def test_empty_alignment_still_writes_a_header_only_workbook(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, [])
    sheet = load(path).active
    assert sheet.max_row == 1


@pytest.mark.parametrize(
    "text",
    ["=1+1 est une formule.", '=HYPERLINK("http://example.com","clic")', "=", "-5 degrés"],
    ids=["sum", "hyperlink", "bare equals", "minus"],
)
def test_a_sentence_that_looks_like_a_formula_stays_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, [row(0.9, fr=text, en=text)])
    sheet = load(path).active
    for cell in (sheet["E2"], sheet["F2"]):
        assert (cell.value, cell.data_type) == (text, "s")


def test_a_control_character_in_a_file_name_does_not_break_the_workbook(tmp_path: Path) -> None:
    from dataclasses import replace

    path = tmp_path / "alignment.xlsx"
    write_review(path, [replace(row(0.9), fr_source="seeds/a\x07b.txt")])
    assert load(path).active["A2"].value == "seeds/ab.txt"
