"""The command line: a thin client over the library. Only this package prints or exits."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="align",
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


_register()
