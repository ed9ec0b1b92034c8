"""Atomic file replacement: write beside the target, fsync, then rename over it.

A crash or an exception while writing leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from glossary.errors import FileProblem


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` atomically."""
    target = Path(target)
    if target.is_dir():
        raise FileProblem(str(target), "is a folder", "give the name of a file to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise _unwritable(target, err, kept=False) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # mkstemp makes a private file; give the result the mode the old file had, or the usual.
        os.chmod(tmp, _mode_for(target))
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as err:
        # A full disk or a vanished folder: the old file is still there, say so in one line.
        raise _unwritable(target, err) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _unwritable(target: Path, err: OSError, *, kept: bool = True) -> FileProblem:
    reason = err.strerror or str(err) or type(err).__name__
    blocker = next((p for p in target.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        reason = f"{blocker} is a file, not a folder"
    problem = f"cannot be written ({reason})"
    if kept:
        problem += "; the previous version, if any, was left as it was"
    return FileProblem(str(target), problem, "write it into a folder you can write to")


def ensure_folder(folder: Path) -> None:
    """Create `folder` if needed and make sure files can be written in it, before any work."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _unwritable(folder, err, kept=False) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileProblem(str(folder), "folder is not writable", "choose a folder you can write to")


def write_atomic(target: Path, write: Callable[[Path], object]) -> None:
    """Call `write(tmp_path)` and move the result over `target` only if it succeeds."""
    with atomic_path(target) as tmp:
        write(tmp)


def write_text_atomic(target: Path, text: str) -> None:
    """Replace `target` with `text` (UTF-8) atomically."""
    write_atomic(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Replace `target` with `data` atomically."""
    write_atomic(target, lambda tmp: tmp.write_bytes(data))


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
