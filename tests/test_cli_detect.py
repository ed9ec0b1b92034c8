"""`align detect` through the CLI: JSON contract, text format, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TELEGRAM = SEEDS / "001_157a4bdd3038f2f4.txt"
WIKIPEDIA = SEEDS / "003_56daf0e6f785bb98.txt"
DESIGN_KEYS = {"file", "line_start", "line_end", "start", "end", "lang", "confidence", "text"}


@pytest.fixture(autouse=True)
def shared_detector(detector, monkeypatch):  # type: ignore[no-untyped-def]
    # Build lingua once per test session, not once per invocation.
    monkeypatch.setattr("align.text.language.build_detector", lambda languages=None: detector)


def _invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["detect", *args])


def test_json_has_the_design_fields_and_points_into_the_file() -> None:
    result = _invoke(str(WIKIPEDIA), "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    text = WIKIPEDIA.read_text(encoding="utf-8")
    assert records and all(set(r) >= DESIGN_KEYS for r in records)
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["line_start"] == text.count("\n", 0, r["start"]) + 1
        assert 0.0 <= r["confidence"] <= 1.0
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    dutch = [r for r in records if r["lang"] == "nl"]
    assert [(r["line_start"], r["text"]) for r in dutch] == [
        (37, "Aankomst premier Chroestsjev in Parijs, Bestanddeelnr 911-1157.jpg")
    ]


def test_json_lists_repeats_and_says_what_they_repeat() -> None:
    records = json.loads(_invoke(str(TELEGRAM), "--format", "json").stdout)
    by_line = {r["line_start"]: r for r in records}
    assert by_line[8]["duplicate_of"] == {
        "file": str(TELEGRAM),
        "line_start": 2,
        "start": by_line[2]["start"],
    }
    assert by_line[2]["duplicate_of"] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (14, ":14-14  und 1.00  👍47❤14👏3🥰2🔥1🤔1"),
        (19, ":19-19  und 1.00  VIEW IN TELEGRAM"),
        (24, ":24-24  fr  1.00  📍 Riyad, 18 février 2025"),
    ],
)
def test_text_format_is_one_line_per_segment(line: int, expected: str) -> None:
    result = _invoke(str(TELEGRAM))
    assert result.exit_code == 0
    rows = [r for r in result.stdout.splitlines() if r.startswith(f"{TELEGRAM}:{line}-")]
    assert rows == [f"{TELEGRAM}{expected}"]


def test_long_text_is_cut_in_text_format() -> None:
    rows = _invoke(str(WIKIPEDIA)).stdout.splitlines()
    (row,) = [r for r in rows if r.startswith(f"{WIKIPEDIA}:23-23")]
    assert row.endswith("…") and len(row) < len(str(WIKIPEDIA)) + 120


def test_missing_file_is_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = _invoke(str(missing))
    assert result.exit_code in (2, 3)
    assert "nope.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_empty_file_exits_3_naming_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = _invoke(str(empty))
    assert result.exit_code == 3
    assert "empty.txt" in result.stderr and "Traceback" not in result.output


def test_every_seed_reads_and_labels_french_english_dutch_and_noise() -> None:
    records = json.loads(_invoke(str(SEEDS), "--format", "json").stdout)
    langs = {r["lang"] for r in records}
    assert {"fr", "en", "nl", "und"} <= langs
    assert all(r["lang"] in {"fr", "en", "nl", "und"} for r in records)
