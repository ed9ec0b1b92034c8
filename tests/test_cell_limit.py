"""Lists longer than an Excel cell end in "… and N more", and the next run does not take that
shortened cell for a person's edit (issue 12 item 5)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sheets import Sheet
from typer.testing import CliRunner

from align.cli import app
from glossary.model import Source
from glossary.workbook import cells
from glossary.workbook.cells import CELL_LIMIT, fit_list, format_sources, parse_sources

MORE = re.compile(r"… and (\d+) more$")


@pytest.mark.parametrize(
    ("items", "limit", "expected"),
    [
        (["a", "b", "c"], 100, "a; b; c"),
        ([], 10, ""),
        (["aaaa", "bbbb", "cccc"], 16, "aaaa; bbbb; cccc"),  # exactly the limit: whole
        (["aaaa", "bbbb", "cccc"], 15, "… and 3 more"),
        (["aaaa", "bbbb", "cccc", "dddd"], 21, "aaaa; … and 3 more"),
        (["aaaa", "bbbb", "cccc", "dddd", "eeee"], 26, "aaaa; bbbb; … and 3 more"),
        (["a" * 50], 20, "… and 1 more"),
    ],
)
def test_a_list_past_the_limit_keeps_whole_items_and_counts_the_rest(
    items: list[str], limit: int, expected: str
) -> None:
    assert fit_list(items, "; ", limit) == expected


def test_a_character_beyond_the_basic_plane_counts_two_as_in_excel() -> None:
    items = ["𝔄" * 10, "b" * 10]  # 22 characters, 32 UTF-16 units
    assert fit_list(items, "; ", 32) == "; ".join(items)
    assert fit_list(items, "; ", 30) == "… and 2 more"


@given(
    st.lists(st.text(alphabet="abc:;é 1", min_size=1, max_size=12), max_size=40),
    st.integers(min_value=14, max_value=200),
)
def test_a_fitted_list_fits_and_accounts_for_every_item(items: list[str], limit: int) -> None:
    text = fit_list(items, "|", limit)
    assert len(text) <= limit
    more = MORE.search(text)
    if more is None:
        assert text == "|".join(items)
    else:
        kept = text[: more.start()].rstrip("|")
        shown = kept.split("|") if kept else []
        assert shown == items[: len(shown)]
        assert len(shown) + int(more[1]) == len(items)


def test_the_sources_of_a_frequent_name_fit_one_excel_cell() -> None:
    sources = tuple(Source(f"archive/doc{i:05d}_fr.txt", i % 400 + 1) for i in range(5000))
    text = format_sources(sources)
    assert len(text) <= CELL_LIMIT
    shown = parse_sources(text)
    assert shown == sources[: len(shown)]
    more = MORE.search(text)
    assert more is not None and len(shown) + int(more[1]) == len(sources)


def test_the_more_marker_is_not_read_back_as_a_source() -> None:
    assert parse_sources("a.txt:3; b.txt:7; … and 12 more") == (
        Source("a.txt", 3),
        Source("b.txt", 7),
    )
    # A source a person typed that merely looks alike stays theirs.
    assert parse_sources("notes… and more") == (Source("notes… and more"),)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, detector: Any) -> CliRunner:
    import align.text.language

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    return CliRunner()


def _report(day: int) -> str:
    return f"Le {day} mars, Sergueï Ouchakov a reçu à Moscou la délégation numéro {day * 7}.\n"


def _sources_of(out: Path, canonical_fr: str) -> str:
    sheet = Sheet(openpyxl.load_workbook(out / "glossary.xlsx"), "Entities")
    return str(sheet.get(sheet.row(canonical_fr=canonical_fr), "sources"))


def test_a_shortened_sources_cell_stays_the_tools_over_runs(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A small limit stands for Excel's: the same code path, with a corpus a test can afford.
    monkeypatch.setattr(cells, "CELL_LIMIT", 120)
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "reports.txt").write_text("".join(_report(d) for d in range(1, 21)), "utf-8")
    first = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert first.exit_code == 0, first.output
    cell = _sources_of(out, "Sergueï Ouchakov")
    more = MORE.search(cell)
    assert more is not None and len(cell) <= 120
    assert len(parse_sources(cell)) + int(more[1]) == 20

    again = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert "a person edited" not in again.stdout
    assert _sources_of(out, "Sergueï Ouchakov") == cell

    # More sources: the tool still owns the cell and updates its count.
    (docs / "more.txt").write_text("".join(_report(d) for d in range(21, 31)), "utf-8")
    third = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert third.exit_code == 0, third.output
    assert "a person edited" not in third.stdout
    updated = _sources_of(out, "Sergueï Ouchakov")
    more = MORE.search(updated)
    assert more is not None
    assert len(parse_sources(updated)) + int(more[1]) == 30
