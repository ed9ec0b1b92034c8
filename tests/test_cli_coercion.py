"""Command-line values checked without pydantic give typer's own values and typer's own errors,
and `align pair --presplit` does not import pydantic (issue 12 item 4: a light start)."""

from __future__ import annotations

import subprocess
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from align.cli import app

ROOT = Path(__file__).resolve().parents[1]
_coercion = pytest.importorskip("typer._coercion", reason="typer without the pydantic layer")

from typer._click import Context  # noqa: E402
from typer.core import TyperCommand, TyperOption  # noqa: E402

from align.cli.coercion import lighten  # noqa: E402


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"


def _option(annotation: Any, **settings: Any) -> TyperOption:
    from typer.models import OptionInfo

    info = OptionInfo(**settings)
    descriptor = _coercion.resolve_type_descriptor(annotation, info)
    return TyperOption(param_decls=["--value"], type_descriptor=descriptor)


def _typer_and_ours(annotation: Any, value: Any, **settings: Any) -> tuple[Any, Any]:
    """What typer's own check makes of `value`, and what the lightened one makes of it: each
    the value, or the error's class and message."""
    outcomes = []
    for light in (False, True):
        param = _option(annotation, **settings)
        ctx = Context(TyperCommand("test"))
        if light:
            lighten([param])
        try:
            outcomes.append(param.get_runtime_param().coerce(value, param=param, ctx=ctx))
        except Exception as err:
            outcomes.append((type(err).__name__, str(err)))
    return outcomes[0], outcomes[1]


@pytest.mark.parametrize(
    ("annotation", "value", "settings"),
    [
        (str, "fr", {}),
        (str, "", {}),
        (str, "\udcff", {}),  # an undecodable byte of argv, as Python hands it over
        (str, 3, {}),  # not a string: typer's check decides
        (list[str], ("a.txt", "b.txt"), {}),
        (list[str], "a.txt", {}),  # a lone value: typer says it must be an iterable
        (list[str], None, {}),
        (Colour, "red", {}),
        (Colour, Colour.GREEN, {}),
        (Colour, "RED", {}),
        (Colour, "RED", {"case_sensitive": False}),
        (Colour, "blue", {}),  # typer's wording of a bad choice
        (Path, "out.txt", {}),  # typer's own check, built when a value comes
        (Path | None, None, {}),
        (int, "3", {}),
        (int, "three", {}),
        (bool, None, {}),
    ],
    ids=repr,
)
def test_a_lightened_parameter_gives_what_typer_gives(
    annotation: Any, value: Any, settings: dict[str, Any]
) -> None:
    typer_outcome, ours = _typer_and_ours(annotation, value, **settings)
    assert ours == typer_outcome
    assert type(ours) is type(typer_outcome)


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["pair", "{fr}", "{en}", "--presplit"], 0, "Bonjour"),
        (["pair", "{fr}", "{en}", "--presplit", "--mode", "parallel", "--format", "json"], 0, "{"),
        (["pair", "{fr}", "{en}", "--presplit", "--mode", "sideways"], 2, "'sideways' is not"),
        (["pair", "{fr}", "{en}", "--presplit", "--format", "XML"], 2, "'XML' is not one of"),
        (["pair", "{fr}", "{en}", "--presplit", "-o", "{fr}"], 2, "--output"),
    ],
    ids=["tsv", "json", "bad mode", "bad format", "output over an input"],
)
def test_pair_reports_as_typer_reports(
    tmp_path: Path, args: list[str], code: int, says: str
) -> None:
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("Bonjour le monde.\n", "utf-8")
    en.write_text("Hello world.\n", "utf-8")
    result = CliRunner().invoke(app, [a.format(fr=fr, en=en) for a in args])
    assert result.exit_code == code, result.output
    assert says in (result.stdout if code == 0 else result.stderr)


_PYDANTIC_LOADED = """
import sys
from align.cli import app
try:
    app(sys.argv[1:], prog_name="align")
except SystemExit:
    pass
print("pydantic" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["pair", "{fr}", "{en}", "--presplit"], "False"),
        (["pair", "{fr}", "{en}", "--presplit", "--format", "json", "--mode", "parallel"], "False"),
        # A path given: typer's own check, which builds pydantic's adapter (the test can fail).
        (["pair", "{fr}", "{en}", "--presplit", "--output", "{out}"], "True"),
    ],
    ids=["tsv", "json", "output file"],
)
def test_pair_presplit_imports_pydantic_only_for_a_path(
    tmp_path: Path, args: list[str], loaded: str
) -> None:
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("Bonjour le monde.\n", "utf-8")
    en.write_text("Hello world.\n", "utf-8")
    argv = [a.format(fr=fr, en=en, out=tmp_path / "out.tsv") for a in args]
    done = subprocess.run(
        [sys.executable, "-c", _PYDANTIC_LOADED, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert done.stderr.strip().splitlines()[-1] == loaded
