"""The workbook as translators really edit it, through `align run`: blank and unknown cells,
rejected entities and variants, deleted and retyped rows, canonical forms changed, and edits
made while a run is working (saved, opened in Excel), a second run on the same folder, a full
disk."""

from __future__ import annotations

import shutil
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sheets import Sheet
from typer.testing import CliRunner

from align.cli import app
from align.settings import EXPORTS
from align.store import STORE_FILE
from glossary.errors import FileProblem, GlossaryError
from glossary.model import Glossary
from glossary.workbook import read_workbook

FRENCH = """\
Le conseiller du Kremlin Iouri Ouchakov a reçu à Moscou l'envoyé Steve Witkoff le 18 février.
Selon Ouchakov, les entretiens avec Sergueï Lavrov ont duré quatre heures.
Les Européens n'étaient pas invités, a déclaré Nikita Khrouchtchev dans ses mémoires.
Khrouchtchev avait rencontré Charles de Gaulle à Paris en 1960.
"""
ENGLISH = """\
The Kremlin adviser Yuri Ushakov received the American envoy Steve Witkoff in Moscow on 18 February.
According to Ushakov, the talks with Sergei Lavrov lasted four hours.
The Europeans were not invited, Nikita Khrushchev wrote in his memoirs.
Khrushchev had met Charles de Gaulle in Paris in 1960.
"""


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, detector: Any) -> CliRunner:
    import align.text.language

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    return CliRunner()


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory, docs: Path, detector: Any) -> Path:
    """The exports of one run over the two documents, before any person edited them."""
    import align.text.language

    out = tmp_path_factory.mktemp("first")
    mp = pytest.MonkeyPatch()
    mp.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    try:
        result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def out(first_run: Path, tmp_path: Path) -> Path:
    """A copy of the first run's exports for a test to edit and run again."""
    folder = tmp_path / "out"
    shutil.copytree(first_run, folder)
    return folder


def _edit(path: Path, edit: Callable[[Sheet, Sheet], None]) -> None:
    book = openpyxl.load_workbook(path)
    edit(Sheet(book, "Entities"), Sheet(book, "Variants"))
    book.save(path)


def _run(runner: CliRunner, docs: Path, out: Path, times: int = 1) -> Any:
    result = None
    for _ in range(times):
        result = runner.invoke(app, ["run", str(docs), "--out", str(out)])
        assert result.exit_code == 0, result.output
    return result


def _glossary(out: Path) -> Glossary:
    return read_workbook(out / "glossary.xlsx").glossary


def _forms(glossary: Glossary) -> dict[str, set[tuple[str, str, str]]]:
    """Variant form -> {(entity_id, lang, status)}."""
    found: dict[str, set[tuple[str, str, str]]] = {}
    for v in glossary.variants:
        found.setdefault(v.variant, set()).add((v.entity_id, v.lang, v.status.value))
    return found


def _entity(glossary: Glossary, entity_id: str) -> Any:
    [entity] = [e for e in glossary.entities if e.entity_id == entity_id]
    return entity


def _snapshot(out: Path) -> dict[str, bytes]:
    """The exports (the run's store is a cache: a failed run may have added to it)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != STORE_FILE}


def test_rows_a_person_adds_need_only_an_id_and_a_name(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.append(entity_id="per-louis-barthou", canonical_fr="Louis Barthou")
        variants.append(entity_id="per-louis-barthou", variant="Barthou")
        variants.append(entity_id="per-sergei-lavrov", variant="Lavrov")

    _edit(out / "glossary.xlsx", edit)
    result = _run(runner, docs, out, times=2)
    assert "warning" not in result.stderr
    glossary = _glossary(out)
    barthou = _entity(glossary, "per-louis-barthou")
    assert (barthou.canonical_fr, barthou.type.value, barthou.status.value) == (
        "Louis Barthou",
        "MISC",
        "auto",
    )
    kinds = {(v.entity_id, v.variant): v.kind.value for v in glossary.variants}
    assert kinds[("per-louis-barthou", "Barthou")] == "short"
    assert kinds[("per-sergei-lavrov", "Lavrov")] == "short"
    book = openpyxl.load_workbook(out / "glossary.xlsx")
    lavrov = Sheet(book, "Variants")
    assert lavrov.get(lavrov.row(variant="Lavrov"), "kind") == "short"


def test_unknown_words_warn_with_row_column_and_allowed_values_and_stay_as_typed(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.set(entities.row(entity_id="loc-paris"), "type", "CITY")
        variants.set(variants.row(variant="Khrushchev"), "kind", "shrot")
        variants.set(variants.row(variant="Ushakov"), "status", "aproved")

    _edit(out / "glossary.xlsx", edit)
    for _ in range(2):  # until a person corrects them, every run says so again
        result = _run(runner, docs, out)
        warnings_ = [line for line in result.stderr.splitlines() if "warning" in line]
        assert len(warnings_) == 3, result.stderr
        [paris] = [w for w in warnings_ if "'CITY'" in w]
        assert "sheet 'Entities', row" in paris and "column type" in paris
        assert "PER, LOC, ORG, MISC" in paris
        [shrot] = [w for w in warnings_ if "'shrot'" in w]
        assert "column kind" in shrot and "transliteration" in shrot
        [aproved] = [w for w in warnings_ if "'aproved'" in w]
        assert "column status" in aproved and "approved, deprecated, rejected" in aproved
    book = openpyxl.load_workbook(out / "glossary.xlsx")
    entities, variants = Sheet(book, "Entities"), Sheet(book, "Variants")
    assert entities.get(entities.row(entity_id="loc-paris"), "type") == "CITY"
    assert variants.get(variants.row(variant="Khrushchev"), "kind") == "shrot"
    assert variants.get(variants.row(variant="Ushakov"), "status") == "aproved"


def test_a_rejected_entity_is_never_listed_again_nor_exported(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    # The parallel links put "Selon Ouchakov" (a name cut too wide) with Yuri Ushakov.
    assert _forms(_glossary(out))["Selon Ouchakov"] == {("per-yuri-ushakov", "fr", "auto")}

    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.set(entities.row(entity_id="per-yuri-ushakov"), "status", "rejected")

    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out, times=2)
    glossary = _glossary(out)
    assert _entity(glossary, "per-yuri-ushakov").rejected
    assert _forms(glossary)["Selon Ouchakov"] == {("per-yuri-ushakov", "fr", "auto")}
    assert "per-yuri-ushakov" not in (out / "glossary.tbx").read_text(encoding="utf-8")


def test_a_rejected_entity_typed_with_no_variants_keeps_its_forms_out(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.append(entity_id="not-a-name", canonical_en="Kremlin", status="rejected")

    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out, times=2)
    glossary = _glossary(out)
    assert "Kremlin" not in _forms(glossary)
    assert "loc-kremlin" not in {e.entity_id for e in glossary.entities}
    kept = _entity(glossary, "not-a-name")
    assert (kept.canonical_en, kept.status.value) == ("Kremlin", "rejected")


def test_a_rejected_variant_never_comes_back_as_a_new_entity(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    before = {e.entity_id for e in _glossary(out).entities}

    def edit(entities: Sheet, variants: Sheet) -> None:
        variants.set(variants.row(variant="Khrushchev"), "status", "rejected")

    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out, times=2)
    glossary = _glossary(out)
    assert {e.entity_id for e in glossary.entities} == before
    assert _forms(glossary)["Khrushchev"] == {("per-nikita-khrushchev", "en", "rejected")}


def test_kinds_follow_a_canonical_form_a_person_changed(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    kinds = {v.variant: v.kind.value for v in _glossary(out).variants}
    assert (kinds["Ushakov"], kinds["Yuri Ushakov"]) == ("short", "canonical")

    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.set(entities.row(entity_id="per-yuri-ushakov"), "canonical_en", "Ushakov")

    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out)
    kinds = {v.variant: v.kind.value for v in _glossary(out).variants}
    assert kinds["Ushakov"] == "canonical"
    assert kinds["Yuri Ushakov"] != "canonical"


def test_rows_a_person_deleted_do_not_come_back(runner: CliRunner, docs: Path, out: Path) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.delete(entities.row(entity_id="per-charles-de-gaulle"))
        for number in reversed(variants.rows(entity_id="per-charles-de-gaulle")):
            variants.delete(number)
        variants.delete(variants.row(variant="Moscou"))
        for number in reversed(variants.rows(entity_id="loc-paris")):
            variants.delete(number)

    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out, times=2)
    glossary = _glossary(out)
    assert "per-charles-de-gaulle" not in {e.entity_id for e in glossary.entities}
    forms = _forms(glossary)
    assert "Charles de Gaulle" not in forms
    assert "Moscou" not in forms
    assert forms["Moscow"] == {("loc-moscow", "en", "auto")}
    # The entity row a person left in place stays, without the variants they deleted.
    assert _entity(glossary, "loc-paris").canonical_fr == "Paris"
    assert "Paris" not in forms


def test_a_retyped_variant_text_or_language_replaces_the_original(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        variants.set(variants.row(variant="Khrouchtchev"), "variant", "Khrouchtchov")
        variants.set(variants.row(variant="Ushakov"), "lang", "fr")

    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out, times=2)
    glossary = _glossary(out)
    forms = _forms(glossary)
    assert "Khrouchtchev" not in forms
    assert forms["Khrouchtchov"] == {("per-nikita-khrushchev", "fr", "auto")}
    assert forms["Ushakov"] == {("per-yuri-ushakov", "fr", "auto")}
    # The sources still count for the row a person retyped.
    [retyped] = [v for v in glossary.variants if v.variant == "Khrouchtchov"]
    assert (retyped.count, len(retyped.sources)) == (1, 1)


def test_duplicate_entity_ids_typed_by_a_person_stop_the_run_naming_both_rows(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.append(entity_id="loc-paris", type="PER", canonical_en="Paris Hilton")

    _edit(out / "glossary.xlsx", edit)
    before = _snapshot(out)
    result = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert "glossary.xlsx: sheet 'Entities': entity_id 'loc-paris' is used by rows" in line
    assert _snapshot(out) == before


@pytest.mark.parametrize("typed", ["=1+1", "=cmd|' /C calc'!A0", "@SUM(A1)"])
def test_text_typed_in_a_sheet_a_person_added_stays_text(
    runner: CliRunner, docs: Path, out: Path, typed: str
) -> None:
    book = openpyxl.load_workbook(out / "glossary.xlsx")
    cell = book.create_sheet("Notes")["B2"]
    cell.value, cell.data_type = typed, "s"
    book.save(out / "glossary.xlsx")
    _run(runner, docs, out, times=2)
    sheet = openpyxl.load_workbook(out / "glossary.xlsx")["Notes"]
    assert (sheet["B2"].value, sheet["B2"].data_type) == (typed, "s")
    with zipfile.ZipFile(out / "glossary.xlsx") as archive:
        assert not [n for n in archive.namelist() if b"<f>" in archive.read(n)]


@pytest.fixture
def during_the_run(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Callable[[], None]]]:
    """Actions to take while `align run` works (the workbook read, the documents analysed)."""
    import align.pipeline

    actions: list[Callable[[], None]] = []
    analyse_documents = align.pipeline.analyse

    def analyse(*args: Any, **kwargs: Any) -> Any:
        analysed = analyse_documents(*args, **kwargs)
        for action in actions:
            action()
        return analysed

    monkeypatch.setattr(align.pipeline, "analyse", analyse)
    yield actions


def test_a_workbook_saved_during_the_run_is_merged_again(
    runner: CliRunner, docs: Path, out: Path, during_the_run: list[Callable[[], None]]
) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        entities.set(entities.row(entity_id="loc-paris"), "note", "saved during the run")

    during_the_run.append(lambda: _edit(out / "glossary.xlsx", edit))
    _run(runner, docs, out)
    assert _entity(_glossary(out), "loc-paris").note == "saved during the run"
    assert sorted(p.name for p in out.iterdir()) == sorted([*EXPORTS, STORE_FILE])


@pytest.mark.parametrize("lock", ["~$glossary.xlsx", ".~lock.glossary.xlsx#"])
def test_a_workbook_opened_during_the_run_stops_it_and_nothing_is_replaced(
    runner: CliRunner,
    docs: Path,
    out: Path,
    during_the_run: list[Callable[[], None]],
    lock: str,
) -> None:
    before = _snapshot(out)
    during_the_run.append(lambda: (out / lock).write_text("", encoding="utf-8"))
    result = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert f"opened in another program during the run (lock file {lock})" in line
    assert "nothing was written" in line
    (out / lock).unlink()
    assert _snapshot(out) == before


def test_a_full_disk_after_the_workbook_leaves_every_export_as_it_was(
    runner: CliRunner, docs: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.pipeline

    def disk_full(path: Path, *args: object, **kwargs: object) -> None:
        raise FileProblem(str(path), "cannot be written (No space left on device)")

    monkeypatch.setattr(align.pipeline, "write_review", disk_full)
    # The review workbook's inputs are those of the last run: the run copies its file.
    monkeypatch.setattr(shutil, "copyfile", disk_full)
    _edit(out / "glossary.xlsx", lambda e, v: e.set(e.row(entity_id="loc-paris"), "note", "x"))
    before = _snapshot(out)
    result = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    assert "No space left on device" in result.stderr
    assert _snapshot(out) == before


def test_a_second_run_on_the_same_folder_stops_at_once_with_a_message(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    from align.outfolder import hold_folder

    before = _snapshot(out)
    with hold_folder(out):  # a first run, still working
        result = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"align: error: {out}: another `align run` is writing into this folder; wait for it "
        "to finish, or give this run another --out folder"
    ]
    assert _snapshot(out) == before
    _run(runner, docs, out)  # the folder is free again


def test_a_workbook_missing_a_sheet_part_gives_one_line_and_no_warnings(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    broken = out / "glossary.xlsx"
    with zipfile.ZipFile(broken) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet2.xml":
                archive.writestr(name, data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(GlossaryError):
            read_workbook(broken)
    assert [str(w.message) for w in caught] == []
    result = runner.invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith(f"align: error: {broken}: ")


def test_a_staging_folder_a_killed_run_left_is_removed_by_the_next_run(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    stale = out / ".align-run-killed"
    stale.mkdir()
    (stale / "glossary.xlsx").write_bytes(b"half written")
    _run(runner, docs, out)
    assert sorted(p.name for p in out.iterdir()) == sorted([*EXPORTS, STORE_FILE])


def test_a_form_typed_without_a_language_takes_the_one_the_sources_give(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    def edit(entities: Sheet, variants: Sheet) -> None:
        # The person empties the language of a row (as if they had typed the row themselves).
        variants.set(variants.row(variant="Selon Ouchakov"), "lang", None)

    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out, times=2)
    glossary = _glossary(out)
    assert _forms(glossary)["Selon Ouchakov"] == {("per-yuri-ushakov", "fr", "auto")}
    [typed] = [v for v in glossary.variants if v.variant == "Selon Ouchakov"]
    assert (typed.count, typed.kind.value) == (1, "spelling")
    assert "per-selon-ushakov" not in {e.entity_id for e in glossary.entities}


def test_a_language_typed_loosely_is_read_and_an_unknown_one_kept_as_typed_with_a_warning(
    runner: CliRunner, docs: Path, out: Path
) -> None:
    typed = {
        # variant: (what the person types in its lang cell, the language the tool reads)
        "Khrouchtchev": ("français", "fr"),
        "Iouri Ouchakov": ("FR ", "fr"),
        "Sergueï Lavrov": ("Russe", "ru"),
        "Moscou": ("fr-CA", "fr"),
    }

    def edit(entities: Sheet, variants: Sheet) -> None:
        for form, (cell, _) in typed.items():
            variants.set(variants.row(variant=form), "lang", cell)
        variants.set(variants.row(variant="Selon Ouchakov"), "lang", "frnch")

    _edit(out / "glossary.xlsx", edit)
    before = len(_glossary(out).variants)
    for _ in range(2):  # until a person corrects it, every run says so again
        result = _run(runner, docs, out)
        warned = [line for line in result.stderr.splitlines() if "column lang" in line]
        assert len(warned) == 1, result.stderr
        assert "'frnch'" in warned[0] and "sheet 'Variants', row" in warned[0]
        assert "fr, " in warned[0] and "und" in warned[0]
    glossary = _glossary(out)
    forms = _forms(glossary)
    for form, (_, read) in typed.items():
        # One row each, never a copy beside it in the language the sources give.
        assert {(lang, status) for _, lang, status in forms[form]} == {(read, "auto")}, form
    # The unknown word stays in its cell; the row is read with the tool's value (none yet).
    assert {status for _, _, status in forms["Selon Ouchakov"]} == {"auto"}
    assert len(glossary.variants) == before
    book = openpyxl.load_workbook(out / "glossary.xlsx")
    variants = Sheet(book, "Variants")
    assert variants.get(variants.row(variant="Selon Ouchakov"), "lang") == "frnch"
    assert variants.get(variants.row(variant="Iouri Ouchakov"), "lang") == "fr"


@pytest.mark.parametrize(
    ("typed", "cell", "lang"),
    [
        # what the person types over the en row, the cell written back, the row's language
        ("fr", "fr", "fr"),
        ("FR", "fr", "fr"),
        ("fr_FR", "fr", "fr"),
        ("français", "fr", "fr"),
        ("f", "f", None),
        ("français de France", "français de France", None),
    ],
)
def test_a_language_relabelled_onto_the_tools_own_row_keeps_the_persons_row_only(
    runner: CliRunner, docs: Path, out: Path, typed: str, cell: str, lang: str | None
) -> None:
    """Both documents write "Steve Witkoff": a person relabels the English row as French. Their
    row stands; the tool's own French row gives way to it; the English row does not come back
    beside it; an unknown word stays in its cell as typed."""

    def edit(entities: Sheet, variants: Sheet) -> None:
        n = variants.row(variant="Steve Witkoff", lang="en")
        variants.set(n, "lang", typed)
        variants.set(n, "status", "approved")

    before = {(v.variant, v.lang) for v in _glossary(out).variants}
    assert {("Steve Witkoff", "en"), ("Steve Witkoff", "fr")} <= before
    _edit(out / "glossary.xlsx", edit)
    _run(runner, docs, out, times=2)
    book = openpyxl.load_workbook(out / "glossary.xlsx")
    variants = Sheet(book, "Variants")
    rows = variants.rows(variant="Steve Witkoff")
    mine = [n for n in rows if variants.get(n, "status") == "approved"]
    assert len(mine) == 1, [(variants.get(n, "lang"), variants.get(n, "status")) for n in rows]
    assert variants.get(mine[0], "lang") == cell
    if lang is not None:
        # One row for the form: the person's, counting both documents' mentions.
        assert rows == mine
        [row] = [v for v in _glossary(out).variants if v.variant == "Steve Witkoff"]
        assert (row.lang, row.count, len(row.sources)) == (lang, 2, 2)
    tbx = (out / "glossary.tbx").read_text(encoding="utf-8")
    assert 'xml:lang="f"' not in tbx and "français de France" not in tbx
