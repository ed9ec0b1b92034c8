"""The command line: a thin client over the library. Only this package prints or exits."""

from __future__ import annotations

import sys
from typing import Any

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from align.cli.coercion import lighten

try:  # recent typer carries its own copy of click
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older typer uses click itself
    from click.exceptions import ClickException  # type: ignore[assignment]


class _OneLineErrors(TyperGroup):
    """Usage errors (unknown option, bad value...) as one stderr line, like every other error."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        lighten(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        # A library's generator finalised after an error (openpyxl's sheet writer on a full
        # disk) reports "Exception ignored in..." with a traceback: the error is already said.
        sys.unraisablehook = _drop_unraisable
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except ClickException as err:
            sys.exit(_report_usage_error(err))
        except typer.Abort:
            typer.echo("align: aborted", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            typer.echo("align: interrupted; output files were left as they were", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(1)
        except Exception as err:
            # No traceback, ever: whatever no command caught is still one line and a code.
            from align.cli.console import report_unexpected

            sys.exit(report_unexpected(err))
        sys.exit(code if isinstance(code, int) else 0)


class _LightCommand(TyperCommand):
    """A command whose values are checked without pydantic where typer's check gives the same
    (align.cli.coercion): pydantic's import alone is most of `pair --presplit`'s budget."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        lighten(self.get_params(ctx))
        return super().parse_args(ctx, args)


def _drop_unraisable(unraisable: Any) -> None:
    """Say nothing of an exception Python cannot raise (in a finaliser): one line was printed."""


def _quiet_stdout() -> None:
    """After a reader closed the pipe (`align detect seeds | head`), say nothing more on it."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (a test runner's): nothing to flush there


def _report_usage_error(err: ClickException) -> int:
    """Print `err` as `align: error: ...; run 'align CMD --help'` and return its exit code."""
    if type(err).__name__ == "NoArgsIsHelpError":
        # The help was printed when the error was made (rich) or is its message (plain).
        if err.format_message().strip():
            err.show()
        return err.exit_code
    # typer words a bad choice "Value error, 'xml' is not one of ..."; the prefix says nothing.
    message = " ".join(err.format_message().split()).replace("Value error, ", "").rstrip(".")
    ctx = getattr(err, "ctx", None)
    command = ctx.command_path if ctx is not None else "align"
    typer.echo(f"align: error: {message}; see '{command} --help'", err=True)
    return err.exit_code


class _Align(typer.Typer):
    """The app as the console script runs it: `align CMD ...` builds the click command of CMD
    only. typer builds every command's parameters from its signature on each call (about 2 ms a
    command), and a person waits for that on every `align pair`; `align --help`, an unknown
    command or no command build them all, so help and suggestions are the same as ever."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        argv = kwargs.get("args", args[0] if args else None)
        first = (sys.argv[1:] if argv is None else list(argv))[:1]
        named = [c for c in self.registered_commands if first and c.name == first[0]]
        if len(named) != 1:
            return super().__call__(*args, **kwargs)
        every = self.registered_commands
        self.registered_commands = named
        try:
            command = typer.main.get_command(self)
        finally:
            self.registered_commands = every
        return command(*args, **kwargs)


def _root() -> None:
    """No options of its own: the group stays a group with one command built (see _Align)."""


app = _Align(
    name="align",
    callback=_root,
    cls=_OneLineErrors,
    no_args_is_help=True,
    add_completion=False,
    # Locals of a crash may hold a translator's text; never dump them.
    pretty_exceptions_show_locals=False,
    help="Align French and English documents and keep a bilingual glossary of proper names.",
)


def _register() -> None:
    # Each command lives in its own module; heavy libraries are imported inside the commands
    # so that `align --help` stays instant.
    from align.cli import check, detect, pair, run

    for module in (run, detect, pair, check):
        module.register(app)
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = _LightCommand


_register()
