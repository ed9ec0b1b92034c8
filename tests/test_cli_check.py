"""`align check` through the CLI: text, JSON and xlsx reports, languages, every exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_glossary import GLOSSARY
from typer.testing import CliRunner

from align.cli import app
from glossary.workbook import write_workbook

FRENCH = (
    "Le conseiller Yuri Ushakov a reçu Steve Whitkoff à Moscou.\n"
    "\n"
    "Plus tard, d'Ouchakov et Bartou ont parlé de l'URSS.\n"
)
CLEAN = "Iouri Ouchakov a reçu Steve Witkoff à Moscou.\n"


@pytest.fixture(scope="module")
def glossary_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("glossary") / "glossary.xlsx"
    write_workbook(path, GLOSSARY, {"tool": "test"}, baseline=None)
    return str(path)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["check", *args], input=stdin)


def test_text_report_has_one_line_per_finding_grouped_by_file_then_a_summary(
    tmp_path: Path, glossary_file: str
) -> None:
    first = write(tmp_path, "a.txt", FRENCH)
    clean = write(tmp_path, "b.txt", CLEAN)
    second = write(tmp_path, "c.txt", "Arrivée à Moscow.\n")
    result = invoke(first, clean, second, "--glossary", glossary_file, "--lang", "fr")
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{first}:1:15: Yuri Ushakov → Iouri Ouchakov (ushakov, other-language)",
        f"{first}:1:35: Steve Whitkoff → Steve Witkoff (witkoff, spelling)",
        f"{first}:3:26: Bartou → Barthou (barthou, misspelling, 0.96)",
        "",
        f"{second}:1:11: Moscow → Moscou (moscow, other-language)",
        "",
        "4 findings in 2 of 3 documents",
    ]
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_clean_document_exits_0_with_a_summary(tmp_path: Path, glossary_file: str) -> None:
    result = invoke(write(tmp_path, "ok.txt", CLEAN), "-g", glossary_file, "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert result.stdout == "no findings in 1 document\n"


def test_json_has_exactly_the_design_fields(tmp_path: Path, glossary_file: str) -> None:
    doc = write(tmp_path, "a.txt", FRENCH)
    result = invoke(doc, "-g", glossary_file, "--lang", "fr", "--format", "json")
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)
    assert findings[0] == {
        "file": doc,
        "line": 1,
        "column": 15,
        "found": "Yuri Ushakov",
        "suggestion": "Iouri Ouchakov",
        "entity_id": "ushakov",
        "lang": "fr",
        "kind": "other-language",
        "confidence": 1.0,
        "context": "Le conseiller Yuri Ushakov a reçu Steve Whitkoff à Moscou.",
    }
    assert [f["found"] for f in findings] == ["Yuri Ushakov", "Steve Whitkoff", "Bartou"]


def test_json_of_a_clean_document_is_an_empty_array(tmp_path: Path, glossary_file: str) -> None:
    doc = write(tmp_path, "ok.txt", CLEAN)
    result = invoke(doc, "-g", glossary_file, "--lang", "fr", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_standard_input_is_read_with_a_dash(glossary_file: str) -> None:
    result = invoke("-", "-g", glossary_file, "--lang", "en", stdin="The URSS signed.\n")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "<stdin>:1:5: URSS → USSR (ussr, other-language)"


def test_english_wants_the_english_canonical(tmp_path: Path, glossary_file: str) -> None:
    doc = write(tmp_path, "en.txt", "Iouri Ouchakov met Steve Witkoff in Moscow.\n")
    result = invoke(doc, "-g", glossary_file, "--lang", "en", "--format", "json")
    assert [(f["found"], f["suggestion"]) for f in json.loads(result.stdout)] == [
        ("Iouri Ouchakov", "Yuri Ushakov")
    ]


def test_auto_language_follows_each_segment_of_a_mixed_document(
    tmp_path: Path, glossary_file: str, detector: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("align.api.build_detector", lambda: detector)
    doc = write(
        tmp_path,
        "mixed.txt",
        "Le conseiller du Kremlin, Yuri Ushakov, a déclaré que les négociations se poursuivraient "
        "à Moscou la semaine prochaine avec la délégation américaine.\n\n"
        "Yuri Ushakov told reporters in Moscow that the talks would continue next week with "
        "the American delegation.\n",
    )
    result = invoke(doc, "-g", glossary_file, "--format", "json")
    assert result.exit_code == 1, result.output
    assert [(f["line"], f["found"], f["lang"]) for f in json.loads(result.stdout)] == [
        (1, "Yuri Ushakov", "fr")
    ]


def test_xlsx_report_has_a_row_per_finding_and_same_bytes_each_run(
    tmp_path: Path, glossary_file: str
) -> None:
    import openpyxl

    doc = write(tmp_path, "a.txt", FRENCH)
    out = tmp_path / "report.xlsx"
    result = invoke(doc, "-g", glossary_file, "--lang", "fr", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 1, result.output
    first = out.read_bytes()
    invoke(doc, "-g", glossary_file, "--lang", "fr", "--format", "xlsx", "-o", str(out))
    assert out.read_bytes() == first
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0] == (
        "file", "line", "column", "found", "suggestion", "entity_id", "lang", "kind",
        "confidence", "context", "place",
    )  # fmt: skip
    assert [r[3] for r in rows[1:]] == ["Yuri Ushakov", "Steve Whitkoff", "Bartou"]


def test_text_report_can_go_to_a_file(tmp_path: Path, glossary_file: str) -> None:
    out = tmp_path / "report.txt"
    doc = write(tmp_path, "a.txt", "Arrivée à Moscow.\n")
    result = invoke(doc, "-g", glossary_file, "--lang", "fr", "--output", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").splitlines()[-1] == "1 finding in 1 of 1 document"


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xlsx"],
        ["--format", "csv"],
        ["--lang", "de"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, glossary_file: str, args: list[str]) -> None:
    result = invoke(write(tmp_path, "a.txt", CLEAN), "-g", glossary_file, *args)
    assert result.exit_code == 2


def test_xlsx_without_output_says_what_to_add(tmp_path: Path, glossary_file: str) -> None:
    result = invoke(write(tmp_path, "a.txt", CLEAN), "-g", glossary_file, "--format", "xlsx")
    assert result.exit_code == 2
    assert (
        result.stderr == "align: error: --format xlsx writes a workbook: add --output FILE.xlsx\n"
    )


def test_glossary_option_is_required(tmp_path: Path) -> None:
    result = invoke(write(tmp_path, "a.txt", CLEAN))
    assert result.exit_code == 2
    assert "--glossary" in result.stderr


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such workbook"),
        (b"", "empty"),
        (b"PK\x03\x04 not really a zip", "not a readable .xlsx workbook"),
    ],
)
def test_missing_or_corrupt_glossary_exits_3_with_one_line_naming_it(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    glossary = tmp_path / "glossary.xlsx"
    if content is not None:
        glossary.write_bytes(content)
    result = invoke(write(tmp_path, "a.txt", CLEAN), "-g", str(glossary))
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert str(glossary) in lines[0]
    assert problem in lines[0]


def test_wrongly_shaped_glossary_exits_3(tmp_path: Path) -> None:
    import openpyxl

    glossary = tmp_path / "glossary.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Names"
    book.save(glossary)
    result = invoke(write(tmp_path, "a.txt", CLEAN), "-g", str(glossary))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"align: error: {glossary}: sheet 'Entities' is missing")


def test_missing_document_exits_3(tmp_path: Path, glossary_file: str) -> None:
    missing = str(tmp_path / "nowhere.txt")
    result = invoke(missing, "-g", glossary_file)
    assert result.exit_code == 3
    assert missing in result.stderr


@pytest.mark.parametrize("lock", ["~$glossary.xlsx", ".~lock.glossary.xlsx#"])
def test_a_glossary_open_in_excel_is_still_checked_with_a_warning(
    tmp_path: Path, glossary_file: str, lock: str
) -> None:
    import shutil

    glossary = tmp_path / "glossary.xlsx"
    shutil.copy(glossary_file, glossary)
    (tmp_path / lock).write_text("", encoding="utf-8")
    result = invoke(write(tmp_path, "a.txt", FRENCH), "-g", str(glossary))
    assert result.exit_code == 1
    assert "Steve Whitkoff → Steve Witkoff" in result.stdout
    assert result.stderr.startswith(f"align: warning: {glossary}: open in another program")


def test_docx_findings_are_placed_by_word_paragraph_and_table_cell(
    tmp_path: Path, glossary_file: str
) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Compte rendu")
    document.add_paragraph("")
    document.add_paragraph("Le conseiller Iouri Ouchakov a reçu Steve Whitkoff à Moscou.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Invité"
    table.cell(0, 1).text = "Selon Iouri Ouchakov, Steve Whitkoff est reparti."
    path = tmp_path / "draft.docx"
    document.save(str(path))
    result = invoke(str(path), "--glossary", glossary_file, "--lang", "fr", "--format", "json")
    assert result.exit_code == 1, result.output
    places = [(f["line"], f["column"], f["found"], f["place"]) for f in json.loads(result.stdout)]
    assert places == [
        (3, 37, "Steve Whitkoff", "paragraph 3"),
        (5, 23, "Steve Whitkoff", "paragraph 5 (table 1, row 1, cell 2)"),
    ]
    text = invoke(str(path), "--glossary", glossary_file, "--lang", "fr")
    where = "paragraph 5 (table 1, row 1, cell 2)"
    line = f"{path}:5:23: Steve Whitkoff → Steve Witkoff (witkoff, spelling, {where})"
    assert line in text.stdout
