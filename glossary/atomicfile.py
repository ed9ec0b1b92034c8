"""Atomic file replacement: write beside the target, fsync, then rename over it.

A crash or an exception while writing leaves the previous file intact. The temporary file is
named after the target and the process writing it (`.glossary.xlsx.<pid>.<random>.tmp`), so
that the next write beside it can remove what a killed process left (kill -9 runs no cleanup):
only our own names, and only when their process is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from glossary.errors import FileProblem


@contextlib.contextmanager
def atomic_path(target: Path, *, make_folders: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` atomically.

    A missing folder is refused unless `make_folders` (a mistyped path should not create a
    tree of folders somewhere).
    """
    target = Path(target)
    if target.is_dir():
        raise FileProblem(str(target), "is a folder", "give the name of a file to write")
    parent = target.parent
    if not make_folders and not parent.is_dir():
        blocker = next((p for p in parent.parents if p.exists()), None)
        if parent.exists() or (blocker is not None and not blocker.is_dir()):
            raise _unwritable(target, NotADirectoryError(20, "Not a directory"), kept=False)
        raise FileProblem(
            str(target),
            f"folder {parent} does not exist",
            "create it first, or give a path in an existing folder",
        )
    try:
        parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=parent
        )
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
    except Exception as err:
        if not _is_write_failure(err):
            raise
        # lxml's serialiser hides the OSError (ENOSPC, EFBIG under `ulimit -f`) behind its own.
        failure = OSError(f"{type(err).__name__}: disk full or file too large")
        raise _unwritable(target, failure) from None
    finally:
        if tmp.exists():
            tmp.unlink()


def _is_write_failure(err: BaseException) -> bool:
    return type(err).__name__ in {"SerialisationError", "SerializationError"}


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files of `target` whose writing process is gone; return them.

    Only names this module makes (`.<name>.<pid>.<random>.tmp`) are touched, and only when no
    process of that id runs any more: a write in progress is never disturbed.
    """
    target = Path(target)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[A-Za-z0-9_]+\.tmp")
    removed = []
    try:
        candidates = list(target.parent.iterdir())
    except OSError:
        return []
    for path in candidates:
        match = pattern.fullmatch(path.name)
        if match is None or _running(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or a number we cannot check: leave it
    return True


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
