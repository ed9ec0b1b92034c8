"""glossary.xlsx as a file: opened with care (locks, permissions, damage)."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from glossary.errors import GlossaryError
from glossary.workbook.cells import CellValue
from glossary.workbook.stream import Package
from glossary.workbook.stream import streamed as streamed_part
from glossary.ziplimits import Refused, check_package


@dataclass(frozen=True)
class FileState:
    """A file as it was when read: a person saving it later changes its time and its hash."""

    mtime_ns: int
    size: int
    sha256: str


def file_state(path: Path) -> FileState | None:
    """The state of `path` now, or None when there is no such file (or it cannot be read)."""
    digest = hashlib.sha256()
    try:
        stat = path.stat()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return FileState(stat.st_mtime_ns, stat.st_size, digest.hexdigest())


def changed_since(path: Path, state: FileState | None) -> bool:
    """Whether `path` differs from the state it was read in (saved, replaced, removed, created):
    its modification time or size moved and its content is not the same."""
    now = file_state(path)
    if now is None or state is None:
        return now != state
    return now.sha256 != state.sha256


def _lock_files(path: Path) -> list[Path]:
    # Excel leaves "~$name" (first two letters replaced on long names); LibreOffice ".~lock.name#".
    names = {f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#"}
    return [path.parent / n for n in sorted(names) if (path.parent / n).exists()]


def ensure_closed(path: Path) -> None:
    """Raise GlossaryError when `path` is open in Excel or LibreOffice (its lock file is there)."""
    locks = _lock_files(path)
    if locks:
        raise GlossaryError(
            str(path),
            f"the workbook is open in another program (lock file {locks[0].name})",
            "save and close it there, or delete the lock file if no program has it open",
        )


def open_elsewhere(path: Path) -> str | None:
    """The name of the lock file that says `path` is open in another program, or None."""
    locks = _lock_files(path)
    return locks[0].name if locks else None


def _check_openable(path: Path, *, allow_open: bool = False) -> None:
    source = str(path)
    if not path.exists():
        raise GlossaryError(source, "no such workbook", "check the path given with --glossary")
    if path.is_dir():
        raise GlossaryError(source, "is a folder, not a workbook", "give the .xlsx file")
    if not path.is_file():
        # A FIFO would block the open below until some program writes to it; a device could
        # be endless. A workbook is a zip, read by seeking: only a regular file will do.
        raise GlossaryError(
            source,
            "is not a regular file (a pipe, socket or device)",
            "give the .xlsx file itself, saved on disk",
        )
    if not allow_open:
        ensure_closed(path)
    try:
        with open(path, "rb") as handle:
            start = handle.read(4)
    except PermissionError as exc:
        raise _unreadable(source) from exc
    if not start:
        raise GlossaryError(
            source, "the workbook is empty (0 bytes)", "restore it from a backup or delete it"
        )


def load_sheets(
    path: Path,
    *,
    allow_open: bool = False,
    only: Collection[str] | None = None,
    streamed: bool = False,
) -> dict[str, list[tuple[CellValue, ...]]]:
    """Every sheet's cell values, row by row (row 1 first), with the file closed afterwards.

    A workbook open in another program is refused unless `allow_open` (reading only: the last
    saved version is what is read). `only` names the sheets wanted: the others are not parsed
    (the tool's hidden record holds about half the cells; `check` needs none of it).
    `streamed` reads the sheets' XML row by row (glossary.workbook.stream) instead of through
    openpyxl's cells: the same values, in a fraction of the time and memory.
    """
    source = str(path)
    _check_openable(path, allow_open=allow_open)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - the with below closes it
    except PermissionError as exc:
        raise _unreadable(source) from exc
    with handle, warnings.catch_warnings():
        # openpyxl warns about parts it cannot find or does not support before it fails or
        # goes on; a person gets one line naming the file, or the sheets.
        warnings.simplefilter("ignore")
        if streamed:
            # The sheets and shared strings are inflated once, by the streaming reader, which
            # applies the package check's limits to them as it reads.
            _check_limits(handle, source, streamed_part)
            return _stream_sheets(handle, source, only)
        _check_limits(handle, source, None)
        return _read_sheets(handle, source, only)


def _check_limits(handle: BinaryIO, source: str, skip: Callable[[str], bool] | None) -> None:
    try:
        # Sizes, depth and padded cells first: no reader may build a zip bomb's tree.
        check_package(handle, source, kind=".xlsx", error=GlossaryError, skip=skip)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise


def _stream_sheets(
    handle: BinaryIO, source: str, only: Collection[str] | None
) -> dict[str, list[tuple[CellValue, ...]]]:
    try:
        package = Package(handle)
    except Refused as refused:
        raise GlossaryError(source, refused.problem, refused.fix) from None
    except Exception as exc:  # zip, XML and openpyxl errors all mean the same to a person
        raise _not_readable(source, exc) from exc
    try:
        return {
            name: package.rows(target)
            for name, target in package.sheets
            if only is None or name in only
        }
    except Refused as refused:
        raise GlossaryError(source, refused.problem, refused.fix) from None
    except Exception as exc:
        raise _damaged(source, exc) from exc
    finally:
        package.close()


def _read_sheets(
    handle: BinaryIO, source: str, only: Collection[str] | None
) -> dict[str, list[tuple[CellValue, ...]]]:
    import openpyxl

    try:
        # A handle rather than a path: openpyxl would refuse a name not ending in .xlsx.
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors all mean the same to a person
        raise _not_readable(source, exc) from exc
    try:
        sheets: dict[str, list[tuple[CellValue, ...]]] = {}
        for sheet in book.worksheets:
            if only is not None and sheet.title not in only:
                continue
            # A wrong <dimension> tag would otherwise cut rows off.
            sheet.reset_dimensions()
            sheets[sheet.title] = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        return sheets
    except Exception as exc:
        raise _damaged(source, exc) from exc
    finally:
        book.close()


def _not_readable(source: str, exc: Exception) -> GlossaryError:
    return GlossaryError(
        source,
        f"not a readable .xlsx workbook ({type(exc).__name__})",
        "open it in Excel or LibreOffice and save it as .xlsx, or restore a backup",
    )


def _damaged(source: str, exc: Exception) -> GlossaryError:
    return GlossaryError(
        source,
        f"the workbook is damaged ({type(exc).__name__}: {exc})",
        "open it in Excel or LibreOffice and save it again, or restore a backup",
    )


def _unreadable(source: str) -> GlossaryError:
    return GlossaryError(
        source,
        "cannot read the workbook (permission denied, or it is locked by another program)",
        "close it in Excel or LibreOffice and check its permissions",
    )
