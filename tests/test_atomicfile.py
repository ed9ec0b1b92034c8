"""Atomic writes: a target that cannot be written is one clear FileProblem, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from glossary.atomicfile import ensure_folder, write_text_atomic
from glossary.errors import FileProblem


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    return tmp_path / "notes.txt" / "out.tsv"


def _deep_under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    return tmp_path / "notes.txt" / "a" / "b" / "out.tsv"


def _a_folder(tmp_path: Path) -> Path:
    (tmp_path / "exports").mkdir()
    return tmp_path / "exports"


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        (_under_a_file, "notes.txt is a file, not a folder"),
        (_deep_under_a_file, "notes.txt is a file, not a folder"),
        (_a_folder, "is a folder"),
    ],
    ids=["under a file", "deep under a file", "target is a folder"],
)
def test_an_unwritable_target_is_a_file_problem_naming_it(
    tmp_path: Path, target: Callable[[Path], Path], problem: str
) -> None:
    path = target(tmp_path)
    with pytest.raises(FileProblem) as info:
        write_text_atomic(path, "text")
    assert str(info.value).startswith(f"{path}: ")
    assert problem in str(info.value)
    assert info.value.exit_code == 3


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.tsv"
    target.write_text("old", encoding="utf-8")

    def disk_full(self: Path, text: str, encoding: str | None = None) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(FileProblem, match="No space left on device"):
        write_text_atomic(target, "new")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]


def test_ensure_folder_creates_missing_folders(tmp_path: Path) -> None:
    ensure_folder(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()


def test_ensure_folder_refuses_a_path_under_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match=r"notes\.txt is a file, not a folder"):
        ensure_folder(_under_a_file(tmp_path).parent / "exports")
