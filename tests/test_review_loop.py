"""The review loop through `align run`: a person edits alignment.xlsx (here with openpyxl, as
Excel or LibreOffice would save it), runs again into the same folder, and their review wins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from align.cli import app

FRENCH = [
    "Le 2 mai 1935, Paris et Moscou signent un traité d'assistance mutuelle.",
    "Le ministre Louis Barthou avait préparé ce rapprochement avant sa mort à Marseille en 1934.",
    "Pierre Laval signe le traité à Moscou avec Maxime Litvinov.",
    "Joseph Staline reçoit Pierre Laval au Kremlin le 13 mai 1935.",
    "Le pacte n'est jamais complété par une convention militaire.",
    "Il ne survit pas aux accords de Munich de 1938.",
]
ENGLISH = [
    "On 2 May 1935, Paris and Moscow signed a treaty of mutual assistance.",
    "Foreign minister Louis Barthou had prepared the rapprochement before his death in "
    "Marseille in 1934.",
    "Pierre Laval signed the treaty in Moscow with Maxim Litvinov.",
    "Joseph Stalin received Pierre Laval in the Kremlin on 13 May 1935.",
    "The pact was never completed by a military convention.",
    "It did not survive the Munich agreement of 1938.",
]
EDITED = "Joseph Stalin received Laval at the Kremlin on 13 May 1935."


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, detector: Any) -> CliRunner:
    import align.text.language

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    return CliRunner()


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "traite_fr.txt").write_text("\n".join(FRENCH) + "\n", encoding="utf-8")
    (docs / "traite_en.txt").write_text("\n".join(ENGLISH) + "\n", encoding="utf-8")
    return docs


def run(runner: CliRunner, docs: Path, out: Path, *extra: str) -> str:
    result = runner.invoke(app, ["run", str(docs), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def tmx_units(path: Path) -> list[dict[str, str]]:
    from lxml import etree

    root = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True)).getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    units = []
    for tu in root.iter("tu"):
        unit = {prop.get("type"): prop.text or "" for prop in tu.iter("prop")}
        unit.update({tuv.get(lang): tuv.findtext("seg") or "" for tuv in tu.iter("tuv")})
        units.append(unit)
    return units


def sheet_rows(path: Path) -> list[dict[str, Any]]:
    from openpyxl import load_workbook

    sheet = load_workbook(path)["Alignment"]
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]


def test_a_persons_review_wins_on_the_next_run(
    runner: CliRunner, documents: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out"
    run(runner, documents, out)
    assert len(tmx_units(out / "alignment.tmx")) == 6
    book = load_workbook(out / "alignment.xlsx")
    sheet = book["Alignment"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in header}
    assert [sheet.cell(r, col["fr_file"]).value for r in (2, 3)] == ["traite_fr.txt"] * 2
    sheet.cell(2, col["review"]).value = "ok"
    sheet.cell(3, col["review"]).value = "wrong"
    sheet.cell(4, col["english"]).value = ENGLISH[2]  # typed again as it was: no edit
    sheet.cell(5, col["english"]).value = EDITED
    sheet.cell(6, col["note"]).value = "« complété » ou « assorti » ?"
    book["_tool_alignment"].sheet_state = "hidden"  # as LibreOffice saves it
    book.save(out / "alignment.xlsx")

    summary = run(runner, documents, out)
    assert "reviewed   kept your review of alignment.xlsx: 1 ok, 1 wrong" in summary
    units = tmx_units(out / "alignment.tmx")
    english = [u["en"] for u in units]
    assert ENGLISH[1] not in english  # wrong: left out
    assert len(units) == 5
    edited = [u for u in units if u.get("x-review") == "edited"]
    assert [u["en"] for u in edited] == [EDITED]
    assert units[0]["x-review"] == "ok"
    rows = sheet_rows(out / "alignment.xlsx")
    assert [r["review"] for r in rows] == ["ok", "wrong", None, "edited", None, None]
    assert rows[4]["note"] == "« complété » ou « assorti » ?"
    assert load_workbook(out / "alignment.xlsx")["_tool_alignment"].sheet_state == "veryHidden"

    # A third run changes nothing: the review is stable.
    before = (out / "alignment.tmx").read_bytes()
    run(runner, documents, out)
    assert (out / "alignment.tmx").read_bytes() == before


def test_a_review_of_a_changed_document_stays_in_the_sheet_and_leaves_the_tmx(
    runner: CliRunner, documents: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out"
    run(runner, documents, out)
    book = load_workbook(out / "alignment.xlsx")
    book["Alignment"]["A7"] = "ok"
    book.save(out / "alignment.xlsx")
    changed = [*ENGLISH[:5], "It did not survive the Munich agreement of September 1938."]
    (documents / "traite_en.txt").write_text("\n".join(changed) + "\n", encoding="utf-8")
    summary = run(runner, documents, out)
    assert "1 no longer in the documents" in summary
    rows = sheet_rows(out / "alignment.xlsx")
    stale = [r for r in rows if r["review"] == "ok"]
    assert [r["english"] for r in stale] == [ENGLISH[5]]
    assert "no longer in the documents" in stale[0]["evidence"]
    english = [u["en"] for u in tmx_units(out / "alignment.tmx")]
    assert ENGLISH[5] not in english and changed[5] in english


def test_an_open_review_workbook_stops_the_run_before_anything_is_written(
    runner: CliRunner, documents: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run(runner, documents, out)
    before = (out / "alignment.tmx").read_bytes()
    (out / ".~lock.alignment.xlsx#").write_text("x")
    result = runner.invoke(app, ["run", str(documents), "--out", str(out)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "alignment.xlsx: the workbook is open in another program" in result.stderr
    assert (out / "alignment.tmx").read_bytes() == before


def test_one_sided_links_leave_the_tmx_unless_asked_to_stay(
    runner: CliRunner, documents: Path, tmp_path: Path
) -> None:
    extra = [*ENGLISH[:3], "This sentence has no French counterpart at all, none.", *ENGLISH[3:]]
    (documents / "traite_en.txt").write_text("\n".join(extra) + "\n", encoding="utf-8")
    run(runner, documents, tmp_path / "default")
    run(runner, documents, tmp_path / "kept", "--keep-one-sided")
    default = tmx_units(tmp_path / "default" / "alignment.tmx")
    kept = tmx_units(tmp_path / "kept" / "alignment.tmx")
    assert all("fr" in u and "en" in u for u in default)
    assert len(kept) > len(default)
    assert any("fr" not in u for u in kept)
    # The review sheet shows every link, one-sided ones too.
    assert len(sheet_rows(tmp_path / "default" / "alignment.xlsx")) == len(kept)
