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


def fail(err: BaseException) -> NoReturn:
    """Print the error as one line on stderr and exit with its code (3 when it has none)."""
    message = " ".join(str(err).split())
    typer.echo(f"align: error: {message}", err=True)
    raise typer.Exit(getattr(err, "exit_code", EXIT_BAD_INPUT))


def usage(message: str) -> NoReturn:
    """A usage error: one line on stderr, exit 2."""
    typer.echo(f"align: error: {message}", err=True)
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
    typer.echo(f"align: warning: {' '.join(message.split())}", err=True)


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
