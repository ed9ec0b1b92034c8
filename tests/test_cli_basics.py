from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["run", "detect", "pair", "check"]


def test_help_in_a_real_subprocess_lists_every_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "align", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    for command in COMMANDS:
        assert command in result.stdout


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from align.cli import app; "
        "CliRunner().invoke(app, ['--help']); "
        "heavy = {'lingua', 'openpyxl', 'nltk', 'rapidfuzz', 'babel', 'iuliia', 'lxml', 'docx'}; "
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"align {command}" in readme


def test_no_arguments_shows_help() -> None:
    result = CliRunner().invoke(app, [])
    assert "Usage" in result.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["detect"], "Missing argument 'PATH'; see 'align detect --help'"),
        (["detect", "--format", "xml", "a.txt"], "'xml' is not one of 'text', 'json'"),
        (["bogus"], "No such command 'bogus'; see 'align --help'"),
        (["check", "a.txt"], "Missing option '--glossary'"),
        (["pair", "a.txt"], "Missing argument 'EN'; see 'align pair --help'"),
        (["run", "--no-such-flag"], "No such option: --no-such-flag"),
    ],
    ids=["missing path", "bad choice", "unknown command", "missing option", "one side", "flag"],
)
def test_usage_errors_are_one_line_on_stderr_and_exit_2(args: list[str], says: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("align: error: ")
    assert says in lines[0]
