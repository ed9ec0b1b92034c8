"""What a command may write over, and how it fails: never over an input or the glossary, never
a folder made up, every exception one line and an exit code; and the smaller promises of
issue 14 (names with line breaks, UTF-16 without a mark, TBX language tags, stale temporaries)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from check_glossary import GLOSSARY
from typer.testing import CliRunner

from align.cli import app
from align.readers.encoding import decode_bytes
from glossary.atomicfile import remove_stale_temporaries, write_text_atomic
from glossary.errors import FileProblem
from glossary.model import Entity, EntityType, Glossary, Variant, VariantKind, VariantStatus
from glossary.tbx import language_tag, tbx_bytes
from glossary.workbook import write_workbook

FR = "Iouri Ouchakov est arrivé à Moscou.\nIl a rencontré Steve Witkoff.\n"
EN = "Yuri Ushakov arrived in Moscow.\nHe met Steve Witkoff.\n"


@pytest.fixture(autouse=True)
def shared_detector(detector: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("align.text.language.build_detector", lambda *a, **k: detector)


@pytest.fixture
def pair_files(tmp_path: Path) -> tuple[Path, Path]:
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text(FR, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return fr, en


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.xlsx"
    write_workbook(path, GLOSSARY, {"tool": "test"}, baseline=None)
    return path


def invoke(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("side", [0, 1], ids=["French input", "English input"])
def test_pair_output_over_an_input_is_refused_and_the_input_kept(
    pair_files: tuple[Path, Path], side: int
) -> None:
    target = pair_files[side]
    before = target.read_bytes()
    result = invoke("pair", *pair_files, "--presplit", "--output", target)
    assert result.exit_code == 2
    assert result.stderr == (
        f"align: error: --output {target} is the input {target}; give another file to write\n"
    )
    assert target.read_bytes() == before


def test_pair_output_over_a_hard_link_to_an_input_is_refused(
    pair_files: tuple[Path, Path], tmp_path: Path
) -> None:
    link = tmp_path / "copy.txt"
    os.link(pair_files[0], link)
    result = invoke("pair", *pair_files, "--presplit", "--output", link)
    assert result.exit_code == 2 and "is the input" in result.stderr


def test_check_report_over_the_glossary_is_refused_and_the_glossary_kept(
    glossary_file: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(FR, encoding="utf-8")
    before = glossary_file.read_bytes()
    args = ("check", draft, "--glossary", glossary_file, "--format", "xlsx")
    result = invoke(*args, "--output", glossary_file)
    assert result.exit_code == 2
    assert f"--output {glossary_file} is the glossary being read" in result.stderr
    assert glossary_file.read_bytes() == before


def test_check_report_over_a_document_of_the_input_folder_is_refused(
    glossary_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "draft.txt").write_text(FR, encoding="utf-8")
    result = invoke("check", folder, "--glossary", glossary_file, "--output", folder / "draft.txt")
    assert result.exit_code == 2
    assert "is a document inside the input folder" in result.stderr
    assert (folder / "draft.txt").read_text(encoding="utf-8") == FR


def test_pair_output_into_a_missing_folder_is_refused_and_no_folder_is_made(
    pair_files: tuple[Path, Path], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "links.tsv"
    result = invoke("pair", *pair_files, "--presplit", "--output", target)
    assert result.exit_code == 3
    assert f"folder {target.parent} does not exist; create it first" in result.stderr
    assert not (tmp_path / "no").exists()


def test_run_refuses_a_document_that_is_one_of_its_exports(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    (out / "alignment.tmx").write_text(FR, encoding="utf-8")
    result = invoke("run", out / "alignment.tmx", "--out", out)
    assert result.exit_code == 2 and "is the input" in result.stderr


def test_a_line_break_in_a_file_name_stays_on_its_line_in_detect(tmp_path: Path) -> None:
    odd = tmp_path / "deux\nlignes\x1b[31m.txt"
    odd.write_text("Iouri Ouchakov est arrivé à Moscou en février dernier.", encoding="utf-8")
    result = invoke("detect", odd)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert "deux\\nlignes\\x1b[31m.txt:1-1" in lines[0]


def test_an_error_about_a_file_with_a_line_break_is_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "vide\n.txt"
    odd.write_text("", encoding="utf-8")
    result = invoke("detect", odd)
    assert result.exit_code == 3
    assert (
        result.stderr
        == f"align: error: {tmp_path}/vide\\n.txt: file is empty; give a file with text in it\n"
    )


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Iouri Ouchakov s’est rendu à Moscou.\n", "utf-16-le"),
        ("Iouri Ouchakov s’est rendu à Moscou.\n", "utf-16-be"),
        ("Юрий Ушаков прибыл в Москву.\n", "utf-16-le"),
    ],
    ids=["french le", "french be", "russian le"],
)
def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(
    text: str, encoding: str
) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", bytes(range(256)) * 4, b"\x00" * 64],
    ids=["png", "every byte", "zeros"],
)
def test_binary_data_is_still_binary(data: bytes) -> None:
    with pytest.raises(FileProblem, match="binary"):
        decode_bytes(data, "x.bin")


@pytest.mark.parametrize(
    ("cell", "tag"),
    [
        ("fr", "fr"),
        (" FR ", "fr"),
        ("fr-FR", "fr-FR"),
        ("en-GB", "en-GB"),
        ("français de France", None),
        ("", None),
        ("f", None),
        ("fr_FR", None),
    ],
)
def test_tbx_language_comes_from_the_lang_cell_only_when_it_is_a_tag(
    cell: str, tag: str | None
) -> None:
    assert language_tag(cell) == tag


def test_tbx_leaves_out_a_variant_whose_lang_cell_is_not_a_language() -> None:
    entity = Entity("per-ushakov", EntityType.PER, "Yuri Ushakov", "Iouri Ouchakov")
    glossary = Glossary(
        (entity,),
        (
            Variant("per-ushakov", "Iouri Ouchakov", "fr", VariantKind.CANONICAL, 1),
            Variant(
                "per-ushakov",
                "Youri Ouchakov",
                "français de France",
                VariantKind.SPELLING,
                1,
                VariantStatus.APPROVED,
            ),
            Variant(
                "per-ushakov", "Y. Ushakov", "EN", VariantKind.SHORT, 1, VariantStatus.APPROVED
            ),
        ),
    )
    tbx = tbx_bytes(glossary).decode()
    assert "français de France" not in tbx and "Youri Ouchakov" not in tbx
    assert 'xml:lang="en"' in tbx and 'xml:lang="EN"' not in tbx and "Y. Ushakov" in tbx


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_write_removes_the_temporaries_a_killed_run_left_and_only_those(tmp_path: Path) -> None:
    target = tmp_path / "glossary.xlsx"
    dead = tmp_path / f".glossary.xlsx.{_dead_pid()}.k3j_x9.tmp"
    alive = tmp_path / f".glossary.xlsx.{os.getppid()}.a8b2c1.tmp"
    others = [
        tmp_path / ".glossary.xlsx.tmp",
        tmp_path / "notes.tmp",
        tmp_path / f".other.xlsx.{_dead_pid()}.ab.tmp",
    ]
    for path in [dead, alive, *others]:
        path.write_text("half written", encoding="utf-8")
    write_text_atomic(target, "new")
    assert not dead.exists()
    assert alive.exists() and all(p.exists() for p in others)
    assert remove_stale_temporaries(target) == []


def test_a_file_size_limit_is_one_line_and_exit_3_not_a_traceback(tmp_path: Path) -> None:
    pair_files = (tmp_path / "fr.txt", tmp_path / "en.txt")
    pair_files[0].write_text(FR * 20, encoding="utf-8")
    pair_files[1].write_text(EN * 20, encoding="utf-8")
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200)); "
        "from align.cli import app; sys.argv = ['align'] + sys.argv[1:]; app()"
    )
    for fmt, name in (("tsv", "links.tsv"), ("tmx", "links.tmx"), ("xlsx", "links.xlsx")):
        target = tmp_path / name
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                "pair",
                *map(str, pair_files),
                "--presplit",
                "--mode",
                "parallel",
                "--format",
                fmt,
                "--output",
                str(target),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "TMPDIR": str(tmp_path)},
            check=False,
        )
        assert result.returncode == 3, result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("align: error: ")
        # The line names what could not be written: the output, or the temporary folder a
        # workbook's sheets are written to (with TMPDIR as the way out).
        assert name in result.stderr or (
            str(tmp_path) in result.stderr and "TMPDIR" in result.stderr
        ), result.stderr
        assert not target.exists()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (ValueError("boom"), "unexpected error (ValueError: boom); this is a bug"),
        (MemoryError(), "ran out of memory"),
        (RecursionError("deep"), "nested too deeply"),
        (
            OSError(28, "No space left on device", "/tmp/x"),
            "/tmp/x: input or output failed (No space left on device)",
        ),
    ],
    ids=["bug", "memory", "recursion", "disk full"],
)
def test_any_exception_reaching_the_cli_is_one_line_and_exit_3(
    pair_files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, error: BaseException, words: str
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("align.pairing.pair.align_pair", explode)
    result = invoke("pair", *pair_files, "--presplit")
    assert result.exit_code == 3
    assert result.stderr.startswith("align: error: ") and words in result.stderr
    assert result.stderr.count("\n") == 1
