"""The small cases of the adversarial pass (benchmarks/adversarial.py plays them all as
commands): every kind of broken workbook, more broken .docx, a disk that fills after the
workbook is written."""

from __future__ import annotations

import errno
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hostile
import pytest
from check_glossary import GLOSSARY
from typer.testing import CliRunner

from align.cli import app
from align.errors import BadInputError
from align.readers.docx import docx_document
from align.settings import EXPORTS
from align.store import STORE_FILE
from glossary.errors import GlossaryError
from glossary.workbook import read_workbook, write_workbook

FRENCH = "Iouri Ouchakov est arrivé à Moscou le 12 février.\nIl a vu Steve Witkoff au Kremlin.\n"
ENGLISH = "Yuri Ushakov arrived in Moscow on 12 February.\nHe saw Steve Witkoff at the Kremlin.\n"


@pytest.fixture(autouse=True)
def shared_detector(detector: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("align.text.language.build_detector", lambda *a, **k: detector)


def _valid_workbook() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "glossary.xlsx"
        write_workbook(target, GLOSSARY, {"tool": "test"}, baseline=None)
        return target.read_bytes()


BROKEN = hostile.broken_workbooks(_valid_workbook())


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_every_kind_of_broken_workbook_is_one_line_naming_it_and_no_warning(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "glossary.xlsx"
    path.write_bytes(BROKEN[kind]())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(GlossaryError) as info:
            read_workbook(path)
    assert [str(w.message) for w in caught] == []
    assert str(info.value).startswith(f"{path}: ")
    draft = tmp_path / "draft.txt"
    draft.write_text(FRENCH, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--glossary", str(path)])
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith(f"align: error: {path}: ")


# (builder, what the one line says)
MORE_BROKEN_DOCX: list[tuple[str, Callable[[], bytes], str]] = [
    ("plain text named .docx", lambda: FRENCH.encode(), "not a readable .docx"),
    (
        "no document.xml",
        lambda: hostile.without(hostile.docx_with_body(b""), "word/document.xml"),
        "not a readable .docx",
    ),
    ("empty", lambda: b"", "not a readable .docx"),
]


@pytest.mark.parametrize(
    ("build", "words"),
    [(b, w) for _, b, w in MORE_BROKEN_DOCX],
    ids=[n for n, *_ in MORE_BROKEN_DOCX],
)
def test_a_docx_that_is_no_word_document_is_refused_in_one_line(
    build: Callable[[], bytes], words: str
) -> None:
    with pytest.raises(BadInputError) as info:
        docx_document(build(), "r.docx")
    assert str(info.value).startswith("r.docx: ") and words in str(info.value)
    assert "\n" not in str(info.value)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path]:
    """Documents and the exports of a first run over them."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (docs / "en.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return docs, out


@pytest.mark.parametrize("failing", ["alignment.tmx", "alignment.xlsx", "glossary.csv"])
def test_a_disk_that_fills_after_the_workbook_leaves_every_export_as_it_was(
    exported: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    docs, out = exported
    (docs / "fr.txt").write_text(FRENCH + "Sergueï Lavrov était à Riyad.\n", encoding="utf-8")
    before = {n: (out / n).read_bytes() for n in EXPORTS}
    real_fsync = os.fsync
    written: list[str] = []

    def fsync(fd: int) -> None:
        # The system's own failure, where it happens: when the file's blocks reach the disk.
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name
        written.append(name)
        if name.startswith(f".{failing}."):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    if not Path("/proc/self/fd").exists():
        pytest.skip("needs /proc to name the file being written")
    monkeypatch.setattr("glossary.atomicfile.os.fsync", fsync)
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith("align: error: ") and "No space left on device" in line
    # The failing export was tried; what was written before it (the alignment's exports come
    # first, then the glossary's) must not replace the old exports either.
    assert any(n.startswith(f".{failing}.") for n in written)
    assert {n: (out / n).read_bytes() for n in EXPORTS} == before
    assert sorted(p.name for p in out.iterdir() if p.name != STORE_FILE) == sorted(EXPORTS)


def test_a_file_name_that_is_not_utf8_is_written_into_every_export(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / os.fsdecode(b"fr\xff\xfe.txt")).write_text(FRENCH, encoding="utf-8")
    (docs / "en.txt").write_text(ENGLISH, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.name != STORE_FILE) == sorted(EXPORTS)
    assert "xff" in (out / "alignment.tmx").read_text(encoding="utf-8")  # the document named
