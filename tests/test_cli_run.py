from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from align.cli import app

EXPORTS = ["glossary.xlsx", "glossary.tbx", "glossary.csv", "alignment.tmx", "alignment.xlsx"]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, detector: Any) -> CliRunner:
    """A runner whose `align run` reuses the session's detector instead of building its own."""
    import align.text.language

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    return CliRunner()


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, detector: Any) -> Path:
    """One real run over the seeds, shared by the tests that only read its exports."""
    import align.text.language

    out = tmp_path_factory.mktemp("exports")
    mp = pytest.MonkeyPatch()
    mp.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    try:
        result = CliRunner().invoke(app, ["run", str(seeds_dir), "--out", str(out)])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    (out / "summary.txt").write_text(result.stdout, encoding="utf-8")
    return out


def test_run_on_the_seeds_writes_the_five_exports_and_a_summary(seeds_run: Path) -> None:
    for name in EXPORTS:
        assert (seeds_run / name).stat().st_size > 0
    summary = (seeds_run / "summary.txt").read_text(encoding="utf-8")
    assert "documents  4 read" in summary
    assert "repeats set aside" in summary
    assert "fr" in summary and "en" in summary


def test_run_twice_on_the_same_input_gives_the_same_files(
    seeds_run: Path, seeds_dir: Path, runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["run", str(seeds_dir), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in EXPORTS:
        assert (tmp_path / name).read_bytes() == (seeds_run / name).read_bytes(), name


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "file is empty"), (b"\x00\x01\x02binary\x00", "binary")],
    ids=["empty", "binary"],
)
def test_a_bad_file_exits_3_with_one_line_naming_it(
    runner: CliRunner, tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(app, ["run", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0] and message in lines[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_missing_path_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 3
    assert "nope.txt: no such file or folder" in result.stderr


def test_a_folder_with_one_unusable_file_warns_and_goes_on(
    runner: CliRunner, tmp_path: Path, seeds_dir: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seeds_dir / "002_b53fd7caf3d4b98f.txt", docs / "a.txt")
    (docs / "b.txt").write_bytes(b"\x00\x00\xff binary")
    result = runner.invoke(app, ["run", str(docs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "b.txt: skipped" in result.stderr
    assert "documents  1 read, 1 skipped" in result.stdout


def test_a_corrupt_workbook_stops_the_run_and_touches_nothing(
    runner: CliRunner, tmp_path: Path, seeds_dir: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "glossary.xlsx").write_bytes(b"this is not a workbook")
    (out / "alignment.tmx").write_text("old", encoding="utf-8")
    result = runner.invoke(
        app, ["run", str(seeds_dir / "002_b53fd7caf3d4b98f.txt"), "--out", str(out)]
    )
    assert result.exit_code == 3
    assert "glossary.xlsx" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (out / "glossary.xlsx").read_bytes() == b"this is not a workbook"
    assert (out / "alignment.tmx").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in out.iterdir()) == ["alignment.tmx", "glossary.xlsx"]


def test_a_missing_glossary_given_with_the_option_exits_3(
    runner: CliRunner, tmp_path: Path, seeds_dir: Path
) -> None:
    result = runner.invoke(
        app,
        ["run", str(seeds_dir), "--out", str(tmp_path), "--glossary", str(tmp_path / "none.xlsx")],
    )
    assert result.exit_code == 3
    assert "none.xlsx: glossary not found" in result.stderr


def test_a_translators_edits_survive_two_reruns(
    runner: CliRunner, seeds_run: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    import openpyxl

    shutil.copy(seeds_run / "glossary.xlsx", tmp_path / "glossary.xlsx")
    book = openpyxl.load_workbook(tmp_path / "glossary.xlsx")
    sheet = book["Entities"]
    header = [c.value for c in sheet[1]]
    row = 2
    entity_id = sheet.cell(row, header.index("entity_id") + 1).value
    sheet.cell(row, header.index("canonical_fr") + 1).value = "Forme choisie par la traductrice"
    sheet.cell(row, header.index("note") + 1).value = "vérifié dans le Larousse"
    book.save(tmp_path / "glossary.xlsx")

    for _ in range(2):
        result = runner.invoke(app, ["run", str(seeds_dir), "--out", str(tmp_path)])
        assert result.exit_code == 0, result.output

    book = openpyxl.load_workbook(tmp_path / "glossary.xlsx")
    sheet = book["Entities"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[entity_id][header.index("canonical_fr")] == "Forme choisie par la traductrice"
    assert rows[entity_id][header.index("note")] == "vérifié dans le Larousse"


def test_an_out_folder_under_a_file_exits_3_before_any_work(
    runner: CliRunner, tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the documents were analysed before the folder was checked")

    monkeypatch.setattr("align.pipeline.analyse", never)
    (tmp_path / "notes.txt").write_text("a file", encoding="utf-8")
    out = tmp_path / "notes.txt" / "exports"
    result = runner.invoke(
        app, ["run", str(seeds_dir / "002_b53fd7caf3d4b98f.txt"), "-o", str(out)]
    )
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"align: error: {out}: cannot be written ({tmp_path / 'notes.txt'} is a file, not a "
        "folder); write it into a folder you can write to"
    ]


@pytest.mark.parametrize("lock", ["~$glossary.xlsx", ".~lock.glossary.xlsx#"])
def test_an_open_workbook_in_out_stops_a_run_reading_another_glossary(
    runner: CliRunner, seeds_run: Path, seeds_dir: Path, tmp_path: Path, lock: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "glossary.xlsx").write_bytes(b"the translator's unsaved copy")
    (out / lock).write_text("", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "run",
            str(seeds_dir / "002_b53fd7caf3d4b98f.txt"),
            "--out",
            str(out),
            "--glossary",
            str(seeds_run / "glossary.xlsx"),
        ],
    )
    assert result.exit_code == 3
    assert "the workbook is open in another program" in result.stderr
    assert (out / "glossary.xlsx").read_bytes() == b"the translator's unsaved copy"
    assert sorted(p.name for p in out.iterdir()) == sorted(["glossary.xlsx", lock])


@pytest.mark.parametrize(
    ("entities", "pairs", "links", "expected"),
    [
        (
            1,
            1,
            1,
            [
                "glossary   1 entity, 1 variant",
                "pairs      1 document pair (1 parallel, 0 comparable), 1 link",
            ],
        ),
        (
            2,
            2,
            5,
            [
                "glossary   2 entities, 2 variants",
                "pairs      2 document pairs (2 parallel, 0 comparable), 5 links",
            ],
        ),
    ],
    ids=["singular", "plural"],
)
def test_the_summary_counts_in_words(
    entities: int, pairs: int, links: int, expected: list[str]
) -> None:
    from align.cli.run import format_summary
    from align.pipeline import RunSummary

    summary = RunSummary(
        documents=2,
        skipped=(),
        languages=(("fr", 3),),
        segments=3,
        repeats=1,
        sentences=4,
        entities=entities,
        variants=entities,
        document_pairs=tuple(("a.txt", "b.txt", "parallel") for _ in range(pairs)),
        links=links,
    )
    text = format_summary(summary)
    for line in expected:
        assert line in text
    assert "1 repeat set aside" in text
