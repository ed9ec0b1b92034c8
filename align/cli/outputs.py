"""Where a command writes: never over a file it reads (an input, the glossary) or also writes."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from align.cli.console import printable, usage
from align.readers.files import FOLDER_SUFFIXES, STDIN


def same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` name one file: the same path, a link to it, or a hard link."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


def read_from_folder(folder: Path, file: Path) -> bool:
    """True when reading `folder` would read `file` (a document suffix, not hidden, inside it)."""
    try:
        relative = file.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    hidden = any(part.startswith(".") for part in relative.parts)
    return file.suffix.lower() in FOLDER_SUFFIXES and not hidden


def refuse_overwriting(
    output: Path,
    *,
    option: str,
    inputs: Iterable[str] = (),
    read: Iterable[tuple[str, Path]] = (),
    written: Iterable[tuple[str, Path]] = (),
) -> None:
    """Exit 2 when writing `output` would replace a file the command reads or also writes.

    `inputs` are the documents as given (files, folders, '-'); `read` and `written` name other
    files with what they are ("the glossary", "glossary.tbx").
    """
    shown = printable(str(output))
    for raw in inputs:
        if raw == STDIN:
            continue
        path = Path(raw)
        if path.is_dir():
            if output.exists() and read_from_folder(path, output):
                usage(
                    f"{option} {shown} is a document inside the input folder "
                    f"{printable(raw)}; write the report elsewhere"
                )
        elif same_file(path, output):
            usage(f"{option} {shown} is the input {printable(raw)}; give another file to write")
    for what, path in read:
        if same_file(path, output):
            usage(f"{option} {shown} is {what} being read; give another file to write")
    for what, path in written:
        if same_file(path, output):
            usage(f"{option} {shown} is also written as {what}; give another file to write")
