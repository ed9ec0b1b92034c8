"""glossary.xlsx: layout, reading what Excel and LibreOffice hand back, bad input, atomic writes."""

from __future__ import annotations

import builtins
import zipfile
from pathlib import Path

import openpyxl
import pytest

from glossary.errors import FileProblem, GlossaryError
from glossary.model import (
    Entity,
    EntityStatus,
    EntityType,
    Glossary,
    Source,
    Variant,
    VariantKind,
    VariantStatus,
)
from glossary.workbook import ExtraColumns, read_workbook, write_workbook

ENTITY_HEADER = [
    "entity_id",
    "type",
    "canonical_en",
    "canonical_fr",
    "original",
    "status",
    "note",
    "mentions",
    "sources",
]
VARIANT_HEADER = ["entity_id", "variant", "lang", "kind", "count", "status", "example", "sources"]

USHAKOV = Entity(
    "ushakov",
    EntityType.PER,
    "Yuri Ushakov",
    "Iouri Ouchakov",
    original="Юрий Ушаков",
    mentions=3,
    sources=(Source("fr.txt", 3), Source("en.txt", 12)),
)
MOSCOW = Entity(
    "moscow", EntityType.LOC, "Moscow", "Moscou", mentions=2, sources=(Source("fr.txt", 5),)
)
GLOSSARY = Glossary(
    entities=(MOSCOW, USHAKOV),
    variants=(
        Variant("moscow", "Moscou", "fr", VariantKind.EXONYM, 2, sources=(Source("fr.txt", 5),)),
        Variant(
            "ushakov",
            "Iouri Ouchakov",
            "fr",
            VariantKind.CANONICAL,
            2,
            example="Le conseiller Iouri Ouchakov a déclaré",
            sources=(Source("fr.txt", 3), Source("fr.txt", 9)),
        ),
        Variant("ushakov", "Yuri Ushakov", "en", VariantKind.TRANSLITERATION, 1),
    ),
)
ABOUT = {"version": "0.1.0", "settings": "lang:fr-en|v1", "inputs": "seeds/a.txt; seeds/b.txt"}


@pytest.fixture
def written(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.xlsx"
    write_workbook(path, GLOSSARY, ABOUT, baseline=None)
    return path


def test_sheets_come_in_contract_order_with_exact_headers(written: Path) -> None:
    book = openpyxl.load_workbook(written)
    assert book.sheetnames[:3] == ["Entities", "Variants", "About"]
    # The contract's columns first, then the tool's review column (the cells that are guesses).
    assert [c.value for c in book["Entities"][1]] == [*ENTITY_HEADER, "review"]
    assert [c.value for c in book["Variants"][1]] == VARIANT_HEADER
    visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert visible == ["Entities", "Variants", "About"]


def test_rows_are_written_as_a_translator_reads_them(written: Path) -> None:
    book = openpyxl.load_workbook(written)
    rows = [[c.value for c in row] for row in book["Entities"].iter_rows(min_row=2)]
    assert rows[1] == [
        "ushakov",
        "PER",
        "Yuri Ushakov",
        "Iouri Ouchakov",
        "Юрий Ушаков",
        "auto",
        None,
        3,
        "fr.txt:3; en.txt:12",
        None,
    ]
    about = [[c.value for c in row] for row in book["About"].iter_rows()]
    assert about == [
        ["key", "value"],
        ["version", "0.1.0"],
        ["settings", "lang:fr-en|v1"],
        ["inputs", "seeds/a.txt; seeds/b.txt"],
    ]


def test_header_is_frozen_filtered_and_columns_sized(written: Path) -> None:
    book = openpyxl.load_workbook(written)
    for name in ("Entities", "Variants"):
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert all(c.font.bold for c in sheet[1])
    variants = book["Variants"]
    assert variants.column_dimensions["G"].width >= 60  # example
    assert variants["G3"].alignment.wrap_text
    assert 5 <= variants.column_dimensions["C"].width <= 8  # lang


@pytest.mark.parametrize(
    ("sheet", "column", "allowed"),
    [
        ("Entities", "B", "PER,LOC,ORG,MISC"),
        ("Entities", "F", "auto,confirmed,rejected"),
        ("Variants", "D", "canonical,transliteration,spelling,short,acronym,exonym,other-language"),
        ("Variants", "F", "auto,approved,deprecated,rejected"),
    ],
)
def test_drop_down_lists_cover_the_whole_column(
    written: Path, sheet: str, column: str, allowed: str
) -> None:
    validations = openpyxl.load_workbook(written)[sheet].data_validations.dataValidation
    found = [v for v in validations if str(v.sqref) == f"{column}2:{column}1048576"]
    assert len(found) == 1
    assert found[0].type == "list"
    assert found[0].formula1 == f'"{allowed}"'


def test_round_trip_gives_the_same_glossary_and_about(written: Path) -> None:
    workbook = read_workbook(written)
    assert workbook.glossary == GLOSSARY
    assert dict(workbook.about) == ABOUT


def test_same_glossary_gives_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_workbook(first, GLOSSARY, ABOUT, baseline=None)
    write_workbook(
        second, Glossary(GLOSSARY.entities[::-1], GLOSSARY.variants[::-1]), ABOUT, baseline=None
    )
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "=1+1", "+33 1", "-x", "@SUM(A1)"])
def test_name_starting_like_a_formula_is_stored_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / "g.xlsx"
    entity = Entity("e", EntityType.MISC, name, name)
    write_workbook(path, Glossary((entity,), ()), {}, baseline=None)
    cell = openpyxl.load_workbook(path)["Entities"]["C2"]
    assert cell.data_type == "s"
    assert cell.value == name
    assert read_workbook(path).glossary.entities == (entity,)


def _edit(
    path: Path, sheet: str, rows: list[list[object]], header: list[object] | None = None
) -> None:
    """Replace a sheet's content the way a person with a spreadsheet would."""
    book = openpyxl.load_workbook(path)
    target = book[sheet]
    target.delete_rows(1, target.max_row)
    target.append(
        header if header is not None else (ENTITY_HEADER if sheet == "Entities" else VARIANT_HEADER)
    )
    for row in rows:
        target.append(row)
    book.save(path)


def test_reading_tolerates_floats_blanks_extra_columns_and_trailing_rows(written: Path) -> None:
    _edit(
        written,
        "Variants",
        [
            ["moscow", "Moscou", "fr", "exonym", 2.0, None, None, "fr.txt:5", "extra"],
            ["ushakov", "Iouri Ouchakov", "fr", "Canonical", 2.0, "auto", "ex", None],
            [None] * 8,
            [None, "", None],
        ],
        header=[*VARIANT_HEADER, "my column"],
    )
    book = openpyxl.load_workbook(written)
    book.create_sheet("Notes").append(["anything", 1])
    book.save(written)
    workbook = read_workbook(written)
    assert workbook.glossary.variants == (
        Variant("moscow", "Moscou", "fr", VariantKind.EXONYM, 2, sources=(Source("fr.txt", 5),)),
        Variant("ushakov", "Iouri Ouchakov", "fr", VariantKind.CANONICAL, 2, example="ex"),
    )
    assert workbook.variant_columns == ExtraColumns(
        ("my column",), ((("moscow", "Moscou", "fr"), ("extra",)),)
    )
    assert [s.name for s in workbook.extra_sheets] == ["Notes"]
    assert workbook.extra_sheets[0].rows == (("anything", 1),)


def test_numeric_entity_id_typed_by_a_person_reads_as_text(written: Path) -> None:
    _edit(written, "Entities", [[42.0, "PER", "A", "A", None, None, None, None, None]])
    _edit(written, "Variants", [[42, "A", "fr", "canonical", 1, "approved", None, None]])
    workbook = read_workbook(written)
    assert workbook.glossary.entities[0].entity_id == "42"
    assert workbook.glossary.entities[0].status == EntityStatus.AUTO
    assert workbook.glossary.variants[0].status == VariantStatus.APPROVED


BAD_SHEETS = [
    # (sheet, header, rows, words the message must contain)
    (
        "Entities",
        [*ENTITY_HEADER[:3], "canonical_FR", *ENTITY_HEADER[4:]],
        [],
        ["sheet 'Entities'", "column D", "canonical_fr", "canonical_FR"],
    ),
    ("Variants", VARIANT_HEADER[:5], [], ["sheet 'Variants'", "column F", "'status'", "empty"]),
    ("Variants", [None] * 8, [], ["sheet 'Variants'", "no header row"]),
    (
        "Entities",
        ENTITY_HEADER,
        [["a", "PER", "A"], ["b", "LOC", "B"], ["a", "ORG", "C"]],
        ["sheet 'Entities'", "'a'", "rows 2, 4"],
    ),
    (
        "Variants",
        VARIANT_HEADER,
        [["moscow", "Moscou", "fr", "exonym"], ["nobody", "X", "fr", "spelling"]],
        ["sheet 'Variants', row 3", "'nobody'", "not in sheet 'Entities'"],
    ),
    (
        "Variants",
        VARIANT_HEADER,
        [["moscow", "Moscou", "fr", "exonym"], ["moscow", "Moscou", "fr", "spelling"]],
        ["sheet 'Variants'", "rows 2 and 3", "'Moscou'"],
    ),
    (
        "Variants",
        VARIANT_HEADER,
        [["moscow", "Moscou", "fr", "exonym", "many"]],
        ["row 2", "column count", "'many'", "whole number"],
    ),
    (
        "Variants",
        VARIANT_HEADER,
        [["moscow", None, "fr", "exonym", 1]],
        ["row 2", "column variant", "empty"],
    ),
]


UNKNOWN_WORDS = [
    # (sheet, rows, words the warning must contain, what the tool reads instead)
    (
        "Variants",
        [["moscow", "Moscou", "fr", "exonim"], ["ushakov", "Iouri Ouchakov", "fr", "canonical"]],
        ["row 2", "column kind", "'exonim'", "exonym, other-language"],
        ("Moscou", "kind", VariantKind.CANONICAL),
    ),
    (
        "Variants",
        [["moscow", "Moscou", "fr", "exonym", 1, "ok"]],
        ["row 2", "column status", "'ok'", "approved, deprecated, rejected"],
        ("Moscou", "status", VariantStatus.AUTO),
    ),
    (
        "Entities",
        [["moscow", "CITY", "Moscow", "Moscou"], ["ushakov", "PER", "Yuri Ushakov"]],
        ["row 2", "column type", "'CITY'", "PER, LOC, ORG, MISC"],
        ("moscow", "type", EntityType.LOC),
    ),
    (
        "Entities",
        [["moscow", "LOC", "Moscow", "", "", "done"], ["ushakov", "PER", "Yuri Ushakov"]],
        ["row 2", "column status", "'done'", "auto, confirmed, rejected"],
        ("moscow", "status", EntityStatus.AUTO),
    ),
]


@pytest.mark.parametrize(("sheet", "rows", "words", "read_as"), UNKNOWN_WORDS)
def test_an_unknown_word_in_an_optional_cell_warns_and_is_read_as_the_tools_value(
    written: Path,
    sheet: str,
    rows: list[list[object]],
    words: list[str],
    read_as: tuple[str, str, object],
) -> None:
    _edit(written, sheet, rows, header=ENTITY_HEADER if sheet == "Entities" else VARIANT_HEADER)
    workbook = read_workbook(written)
    [warning] = workbook.warnings
    assert warning.startswith(f"{written}: sheet '{sheet}'")
    for word in words:
        assert word in warning
    name, column, value = read_as
    rows_read = workbook.glossary.entities if sheet == "Entities" else workbook.glossary.variants
    [row] = [
        r for r in rows_read if name in (getattr(r, "entity_id", ""), r.__dict__.get("variant"))
    ]
    assert getattr(row, column) == value
    [cell] = workbook.tool_cells
    assert (cell.sheet, cell.column, cell.typed) == (sheet, column, words[2].strip("'"))


@pytest.mark.parametrize(("sheet", "header", "rows", "words"), BAD_SHEETS)
def test_wrongly_shaped_workbook_names_file_sheet_row_and_column(
    written: Path, sheet: str, header: list[object], rows: list[list[object]], words: list[str]
) -> None:
    _edit(written, sheet, rows, header=header)
    with pytest.raises(GlossaryError) as error:
        read_workbook(written)
    message = str(error.value)
    assert message.startswith(str(written))
    for word in words:
        assert word in message
    assert error.value.exit_code == 3


@pytest.mark.parametrize("missing", ["Entities", "Variants"])
def test_missing_sheet_is_named(written: Path, missing: str) -> None:
    book = openpyxl.load_workbook(written)
    del book[missing]
    book.save(written)
    with pytest.raises(GlossaryError, match=f"sheet '{missing}' is missing"):
        read_workbook(written)


def test_missing_about_sheet_is_tolerated(written: Path) -> None:
    book = openpyxl.load_workbook(written)
    del book["About"]
    book.save(written)
    assert read_workbook(written).about == {}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 40, r"not a readable \.xlsx"),
        (b"PK\x03\x04" + b"\x00" * 200, r"not a readable \.xlsx"),
    ],
)
def test_corrupt_or_empty_file_is_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "glossary.xlsx"
    path.write_bytes(content)
    with pytest.raises(GlossaryError, match=words) as error:
        read_workbook(path)
    assert str(path) in str(error.value)


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(GlossaryError, match=r"not a readable \.xlsx"):
        read_workbook(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such workbook"):
        read_workbook(tmp_path / "nothing.xlsx")


def test_unreadable_file_is_refused(written: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, which chmod 000 does not stop: simulate the refusal instead.
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(written):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    with pytest.raises(GlossaryError, match="permission denied") as error:
        read_workbook(written)
    assert str(written) in str(error.value)


@pytest.mark.parametrize("lock", ["~$glossary.xlsx", "~$ossary.xlsx", ".~lock.glossary.xlsx#"])
def test_workbook_open_in_a_spreadsheet_is_refused(written: Path, lock: str) -> None:
    (written.parent / lock).write_text("someone")
    with pytest.raises(GlossaryError, match="open in another program"):
        read_workbook(written)


def test_failed_write_leaves_previous_workbook_intact(
    written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = written.read_bytes()
    real_write_bytes = Path.write_bytes

    def crash_half_way(self: Path, data: bytes) -> int:
        real_write_bytes(self, data[: len(data) // 2])
        raise OSError("disk full")

    monkeypatch.setattr(Path, "write_bytes", crash_half_way)
    with pytest.raises(FileProblem, match="disk full"):
        write_workbook(written, Glossary(), {}, baseline=None)
    assert written.read_bytes() == before
    assert sorted(p.name for p in written.parent.iterdir()) == ["glossary.xlsx"]


def test_failed_save_leaves_previous_workbook_intact(
    written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = written.read_bytes()

    def crash(data: bytes) -> bytes:
        raise MemoryError("out of memory")

    monkeypatch.setattr("glossary.xlsx.reproducible", crash)
    with pytest.raises(MemoryError):
        write_workbook(written, Glossary(), {}, baseline=None)
    assert written.read_bytes() == before


def test_control_characters_are_dropped_and_line_breaks_kept(tmp_path: Path) -> None:
    path = tmp_path / "g.xlsx"
    entity = Entity("e", EntityType.PER, "A\x00B\x0c", "x", note="line 1\r\nline 2\rline 3")
    write_workbook(path, Glossary((entity,), ()), {}, baseline=None)
    read = read_workbook(path).glossary.entities[0]
    assert read.canonical_en == "AB"
    assert read.note == "line 1\nline 2\nline 3"


def test_workbook_is_read_whatever_its_file_name(written: Path) -> None:
    renamed = written.with_name("glossary-backup")
    written.rename(renamed)
    assert read_workbook(renamed).glossary == GLOSSARY


@pytest.mark.parametrize("typed", ["=1+1", "=cmd|' /C calc'!A0", "+33 1 23", "@SUM(A1)"])
def test_a_formula_typed_in_a_sheet_a_person_added_comes_back_as_text(
    written: Path, typed: str
) -> None:
    book = openpyxl.load_workbook(written)
    cell = book.create_sheet("Notes")["A1"]
    cell.value, cell.data_type = typed, "s"
    book.save(written)
    for _ in range(2):  # read and written again twice, as two runs would
        workbook = read_workbook(written)
        write_workbook(
            written, workbook.glossary, {"tool": "test"}, baseline=None, previous=workbook
        )
    sheet = openpyxl.load_workbook(written)["Notes"]
    assert (sheet["A1"].value, sheet["A1"].data_type) == (typed, "s")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("fr", "fr"),
        ("FR ", "fr"),
        ("  En", "en"),
        ("français", "fr"),
        ("Francais", "fr"),
        ("French", "fr"),
        ("anglais", "en"),
        ("allemand", "de"),
        ("Deutsch", "de"),
        ("Русский", "ru"),
        ("fr-CA", "fr"),
        ("en_GB", "en"),
        ("und", "und"),
        ("frnch", None),
        ("français de France", None),
        ("xx", None),
        ("ja", None),
        ("", None),
    ],
)
def test_a_lang_cell_is_read_when_it_names_one_language_unambiguously(
    typed: str, code: str | None
) -> None:
    from glossary.workbook.languages import lang_code

    assert lang_code(typed) == code
