"""`align run`'s output folder: one run at a time, and the exports replaced together.

A run holds the folder for its whole length (a second run on the same folder stops at once with
a message) and writes its exports into a staging folder inside it; only when every file is
written does it move them over the old ones, so a full disk or a failed export leaves the
previous exports as they were, never a mix of new and old.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary.errors import FileProblem

_STAGING_PREFIX = ".align-run-"
# Where the lock lives on systems without flock (Windows): a file, since a folder cannot be locked.
_LOCK_FILE = ".align-run.lock"


def _busy(folder: Path) -> FileProblem:
    return FileProblem(
        str(folder),
        "another `align run` is writing into this folder",
        "wait for it to finish, or give this run another --out folder",
    )


@contextlib.contextmanager
def hold_folder(folder: Path) -> Iterator[None]:
    """Hold `folder` for one run; raise FileProblem at once if another run holds it.

    The lock is the system's (flock on the folder itself), so a run that is killed releases it
    and leaves no file behind.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        with _hold_with_file(folder):
            yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as err:
        raise FileProblem(
            str(folder), f"cannot be opened ({err.strerror})", "choose a folder you can write to"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _busy(folder) from None
        _remove_stale_staging(folder)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextlib.contextmanager
def _hold_with_file(folder: Path) -> Iterator[None]:
    import msvcrt  # type: ignore[import-not-found,unused-ignore]

    handle = open(folder / _LOCK_FILE, "a+b")  # noqa: SIM115 - closed below
    try:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            raise _busy(folder) from None
        _remove_stale_staging(folder)
        yield
    finally:
        handle.close()


def _remove_stale_staging(folder: Path) -> None:
    """Staging folders a killed run left behind (safe: no other run holds the folder)."""
    for stale in folder.glob(_STAGING_PREFIX + "*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


@dataclass(frozen=True)
class Staging:
    """A folder beside the exports where a run writes them before they replace the old ones."""

    folder: Path
    target: Path

    def commit(self, names: Sequence[str]) -> tuple[Path, ...]:
        """Move the staged files over the exports, in the order given; their paths in target."""
        done = []
        for name in names:
            staged, final = self.folder / name, self.target / name
            try:
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(staged, final.stat().st_mode & 0o777)
                os.replace(staged, final)
            except OSError as err:
                raise FileProblem(
                    str(final),
                    f"cannot be written ({err.strerror or err})",
                    "write it into a folder you can write to",
                ) from None
            done.append(final)
        return tuple(done)


@contextlib.contextmanager
def staged(folder: Path) -> Iterator[Staging]:
    """A staging folder inside `folder` (same disk, so a move is atomic), removed afterwards."""
    try:
        path = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=folder))
    except OSError as err:
        raise FileProblem(
            str(folder),
            f"cannot be written ({err.strerror or err})",
            "write it into a folder you can write to",
        ) from None
    try:
        yield Staging(path, folder)
    finally:
        shutil.rmtree(path, ignore_errors=True)
