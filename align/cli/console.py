"""Diagnostics for the CLI: one line on stderr per problem, exit codes, progress on a terminal."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import NoReturn

import typer

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3


# Characters that would break a line or steer a terminal when a name is printed: controls, and
# the bidirectional overrides that make a name read differently from what it is.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(name: str) -> str:
    """`name` (a file name, a cell) safe on one terminal line: controls shown as escapes."""

    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        code = ord(ch)
        return _ESCAPES.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return _UNPRINTABLE.sub(escape, name)


def one_line(text: str) -> str:
    """A message on one line: runs of white space as one space, other controls escaped."""
    return printable(" ".join(text.split()))


def error_line(err: BaseException) -> str:
    """The one line that reports `err`; a file's name is escaped, not broken across lines."""
    from glossary.errors import FileProblem

    if isinstance(err, FileProblem):
        line = f"{printable(err.source)}: {one_line(err.problem)}"
        return line + (f"; {one_line(err.fix)}" if err.fix else "")
    return one_line(str(err))


def fail(err: BaseException) -> NoReturn:
    """Print the error as one line on stderr and exit with its code (3 when it has none)."""
    typer.echo(f"align: error: {error_line(err)}", err=True)
    raise typer.Exit(getattr(err, "exit_code", EXIT_BAD_INPUT))


def usage(message: str) -> NoReturn:
    """A usage error: one line on stderr, exit 2."""
    typer.echo(f"align: error: {one_line(message)}", err=True)
    raise typer.Exit(EXIT_USAGE)


# A BCP 47 tag as TMX's xml:lang wants it: a 2-3 letter language, then optional subtags.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def check_language_tags(fr_tag: str, en_tag: str) -> None:
    """Exit 2 unless both TMX language tags are well formed (fr, fr-FR...) and different."""
    for option, tag in (("--fr-tag", fr_tag), ("--en-tag", en_tag)):
        if not _LANGUAGE_TAG.fullmatch(tag):
            usage(f"{option} {tag!r} is not a language tag; write one such as fr, fr-FR, en-GB")
    if fr_tag.lower() == en_tag.lower():
        usage(f"--fr-tag and --en-tag are both {fr_tag!r}; give each language its own tag")


def warn(message: str) -> None:
    """One warning line on stderr."""
    typer.echo(f"align: warning: {one_line(message)}", err=True)


@contextlib.contextmanager
def reported_errors() -> Iterator[None]:
    """Turn the library's errors (and unreadable paths) into one stderr line and an exit code."""
    from align.errors import AlignError
    from glossary.errors import FileProblem

    try:
        yield
    except (AlignError, FileProblem) as err:
        fail(err)
    except KeyboardInterrupt:
        typer.echo("align: interrupted; output files were left as they were", err=True)
        raise typer.Exit(130) from None


def report_unexpected(err: BaseException) -> int:
    """Report an exception no command turned into a message: one line, and the exit code.

    Running out of memory, a write that failed (a full disk, `ulimit -f`) and input nested too
    deep for Python are bad input or a bad place to write (exit 3); anything else is a bug,
    reported as such (exit 3 too: the command could not do its work).
    """
    if isinstance(err, MemoryError):
        message = "ran out of memory; give smaller inputs, or split them into several runs"
    elif isinstance(err, RecursionError):
        message = "an input is nested too deeply to be read; simplify or re-save it"
    elif isinstance(err, OSError):
        name = f"{printable(str(err.filename))}: " if err.filename else ""
        reason = err.strerror or one_line(str(err)) or type(err).__name__
        message = f"{name}input or output failed ({reason}); check the disk and the file"
    elif _is_write_failure(err):
        message = (
            f"an output could not be written ({type(err).__name__}: a full disk or a file size "
            "limit); free space, or write elsewhere"
        )
    else:
        detail = one_line(str(err))[:200]
        message = (
            f"unexpected error ({type(err).__name__}{': ' + detail if detail else ''}); "
            "this is a bug: please report it with the command that caused it"
        )
    typer.echo(f"align: error: {message}", err=True)
    return EXIT_BAD_INPUT


def _is_write_failure(err: BaseException) -> bool:
    # lxml reports a failed write of its serialiser without the OSError behind it.
    return type(err).__name__ in {"SerialisationError", "SerializationError"}


ProgressCallback = Callable[[str, int, int], None]


@contextlib.contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[ProgressCallback | None]:
    """A rich progress bar on stderr when it is a terminal; None (quiet) when piped."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    tasks: dict[str, TaskID] = {}
    with Progress(
        TextColumn("{task.description:<24}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
