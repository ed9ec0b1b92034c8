"""alignment.xlsx: columns, review drop-down, row heights, highlighting, reproducible bytes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.exports.review import (
    HEADER,
    LINE_HEIGHT,
    TOOL_SHEET,
    WIDTHS,
    ReviewRow,
    column_letter,
    low_score_formula,
    review_bytes,
    row_height,
    wrapped_lines,
    write_review,
)
from align.exports.rows import AlignedText, relative_names
from align.model import Evidence, EvidenceKind


def row(score: float, kind: str = "1-1", fr: str = "Bonjour.", en: str = "Hello.") -> AlignedText:
    return AlignedText(
        fr_source="000.txt",
        en_source="003.txt",
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


def test_the_review_and_the_two_texts_come_first_then_what_the_tool_knows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, ROWS)
    sheet = load(path)["Alignment"]
    assert [c.value for c in sheet[1]] == [
        "review", "french", "english", "note", "link", "score", "mode",
        "fr_file", "fr_lines", "en_file", "en_lines", "evidence", "link_id",
    ]  # fmt: skip
    assert [c.value for c in sheet[2]] == [
        None, "Bonjour.", "Hello.", None, "1-1", 0.92, "comparable",
        "000.txt", "5", "003.txt", "8-9", "date 1935-05-02; name ushakov", ROWS[0].link_id,
    ]  # fmt: skip
    assert sheet.max_row == 3


def test_the_review_column_offers_ok_wrong_edited_in_a_drop_down(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, ROWS)
    (validation,) = load(path)["Alignment"].data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"ok,wrong,edited"'
    assert str(validation.sqref) == "A2:A3"
    assert validation.allow_blank


def test_the_texts_are_wide_and_side_by_side_and_the_file_columns_narrow() -> None:
    assert HEADER.index("english") == HEADER.index("french") + 1
    assert WIDTHS["french"] == WIDTHS["english"] >= 55
    assert WIDTHS["fr_file"] <= 20 and WIDTHS["en_file"] <= 20
    # Review, both texts and the note fit a 1600-pixel screen (about 7 pixels a unit).
    assert sum(WIDTHS[name] for name in ("review", "french", "english", "note")) * 7 < 1600


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 60, 1),
        ("Bonjour.", 60, 1),
        ("a " * 40, 60, 2),  # 80 characters in a 60-wide cell
        ("mot " * 100, 60, 8),  # 14 words of "mot " a line
        ("Ligne un\nLigne deux", 60, 2),  # a line break inside the cell
        ("x" * 150, 60, 3),  # a word longer than the cell is broken
        ("MOSCOU " * 10, 60, 2),  # capitals are wider than digits
    ],
    ids=["empty", "short", "two lines", "many lines", "line break", "long word", "capitals"],
)
def test_wrapped_lines_count_what_a_wrapped_cell_shows(text: str, width: int, lines: int) -> None:
    assert wrapped_lines(text, width) == lines


def test_each_row_is_as_tall_as_its_longest_text(tmp_path: Path) -> None:
    long_fr = "Le traité franco-soviétique d'assistance mutuelle a été signé le 2 mai 1935. " * 4
    path = tmp_path / "alignment.xlsx"
    write_review(path, [row(0.9), row(0.9, fr=long_fr)])
    sheet = load(path)["Alignment"]
    short, tall = sheet.row_dimensions[2].height, sheet.row_dimensions[3].height
    assert short == row_height({"french": "Bonjour."}) == LINE_HEIGHT + 2
    assert tall == row_height({"french": long_fr}) >= 6 * LINE_HEIGHT
    assert sheet["B3"].alignment.wrap_text and sheet["C3"].alignment.wrap_text


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="abcdefghij ABC", max_size=400), st.integers(5, 80))
def test_a_row_never_shows_fewer_lines_than_the_characters_need(text: str, width: int) -> None:
    needed = sum(len(line) for line in text.split("\n")) / width
    assert wrapped_lines(text, width) >= needed * 0.9


def test_low_scores_are_highlighted_by_a_conditional_fill(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, ROWS, low_scores={"comparable": 0.5})
    sheet = load(path)["Alignment"]
    rules = [(str(rng.sqref), rule) for rng in sheet.conditional_formatting for rule in rng.rules]
    assert len(rules) == 1
    cells, rule = rules[0]
    assert cells == f"A2:M{len(ROWS) + 1}"
    assert rule.formula == [
        'OR(AND($G2="comparable",$F2<0.5),AND(NOT(OR($G2="comparable")),$F2<0.5))'
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
    mode_cell, score_cell = f"${column_letter('mode')}2", f"${column_letter('score')}2"
    # Evaluate the Excel formula for one row, with Python's operators.
    python = formula.replace(mode_cell, repr(mode)).replace(score_cell, repr(score))
    excel = {"AND": lambda *a: all(a), "OR": lambda *a: any(a), "NOT": lambda a: not a}
    assert eval(python.replace("=", "=="), excel) is low


def test_header_and_review_column_frozen_filtered_printed_landscape(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, ROWS)
    sheet = load(path)["Alignment"]
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:M3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1"


def test_what_the_tool_wrote_is_recorded_in_a_very_hidden_sheet(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, [ReviewRow(ROWS[0], review="edited", en_text="Hi.")])
    book = load(path)
    assert book["Alignment"]["C2"].value == "Hi."
    tool = book[TOOL_SHEET]
    assert tool.sheet_state == "veryHidden"
    record = dict(zip([c.value for c in tool[1]], [c.value for c in tool[2]], strict=True))
    assert (record["english"], record["fr_ids"], record["en_ids"]) == ("Hello.", "4", "7,8")


def test_same_rows_give_same_bytes() -> None:
    import time

    first = review_bytes(ROWS)
    time.sleep(1.1)  # zip member times and docProps dates would differ a second later
    assert review_bytes(ROWS) == first


def test_empty_alignment_still_writes_a_header_only_workbook(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, [])
    sheet = load(path)["Alignment"]
    assert sheet.max_row == 1


@pytest.mark.parametrize(
    "text",
    ["=1+1 est une formule.", '=HYPERLINK("http://example.com","clic")', "=", "-5 degrés"],
    ids=["sum", "hyperlink", "bare equals", "minus"],
)
def test_a_sentence_that_looks_like_a_formula_stays_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, [row(0.9, fr=text, en=text)])
    sheet = load(path)["Alignment"]
    for cell in (sheet["B2"], sheet["C2"]):
        assert (cell.value, cell.data_type) == (text, "s")


def test_a_control_character_in_a_file_name_does_not_break_the_workbook(tmp_path: Path) -> None:
    from dataclasses import replace

    path = tmp_path / "alignment.xlsx"
    write_review(path, [replace(row(0.9), fr_source="seeds/a\x07b.txt")])
    assert load(path)["Alignment"]["H2"].value == "seeds/ab.txt"


@pytest.mark.parametrize(
    ("sources", "names"),
    [
        (["/data/news/a_fr.txt", "/data/news/a_en.txt"], ["a_fr.txt", "a_en.txt"]),
        (["seeds/000.txt", "seeds/003.txt"], ["000.txt", "003.txt"]),
        (["/data/fr/a.txt", "/data/en/a.txt"], ["fr/a.txt", "en/a.txt"]),
        (["a.txt", "b/c.txt"], ["a.txt", "b/c.txt"]),
        (["<stdin>", "/data/a.txt"], ["<stdin>", "a.txt"]),
        (["/data/a.txt", "rel/b.txt"], ["/data/a.txt", "rel/b.txt"]),
    ],
    ids=["absolute", "relative", "two folders", "current folder", "stdin", "mixed"],
)
def test_documents_are_named_relative_to_the_folder_that_holds_them_all(
    sources: list[str], names: list[str]
) -> None:
    assert [relative_names(sources)[s] for s in sources] == names


def test_a_link_id_depends_on_the_documents_and_sentences_only() -> None:
    from dataclasses import replace

    link = row(0.9)
    assert replace(link, score=0.1, fr_text="Autre.").link_id == link.link_id
    assert replace(link, fr_ids=(5,)).link_id != link.link_id
    assert replace(link, en_source="004.txt").link_id != link.link_id


def _lines_counted_per_character(text: str, width: float) -> int:
    """wrapped_lines as first written: each character weighed on its own."""
    from align.exports.review import _WIDE, _is_wide

    room, total = max(1.0, width - 1.5), 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            size = sum(_WIDE if _is_wide(ch) else 1.0 for ch in word)
            needed = size if used == 0 else used + 1.0 + size
            if needed <= room:
                used = needed
                continue
            if used > 0:
                lines += 1
            extra = max(0, math.ceil(size / room) - 1)
            lines += extra
            used = size - extra * room
        total += lines
    return total


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.sampled_from([6, 9, 62]))
def test_wrapped_lines_weigh_every_character_as_one_at_a_time_would(text: str, width: int) -> None:
    assert wrapped_lines(text, width) == _lines_counted_per_character(text, width)
