"""The README stays true: every `$ ...` example runs on the seeds and prints what the README shows,
and every Python example runs.

Examples run in README order in one folder holding a copy of seeds/, so later examples see what
earlier ones wrote (exports/, draft.txt). In the expected output, a line `...` stands for any
number of lines and `<...>` inside a line for any text; everything else must match exactly
(trailing spaces aside). Blocks fenced as ```text are illustrations and are not run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
SKIP = "..."
ANY = "<...>"


@dataclass(frozen=True)
class Example:
    """One `$ command` of a console block with the output the README shows after it."""

    line: int
    command: str
    expected: tuple[str, ...]


@dataclass
class Block:
    line: int
    kind: str  # "console" or "python"
    body: str
    examples: list[Example] = field(default_factory=list)


def readme_blocks(text: str) -> list[Block]:
    """The README's console blocks (those with `$ ` lines) and Python blocks, in order."""
    blocks = []
    for match in FENCE.finditer(text):
        tag, body = match.group(1), match.group(2)
        line = text.count("\n", 0, match.start()) + 2
        if tag == "python":
            blocks.append(Block(line, "python", body))
        elif tag in ("", "console") and body.lstrip().startswith("$ "):
            blocks.append(Block(line, "console", body, _examples(body, line)))
    return blocks


def _examples(body: str, first_line: int) -> list[Example]:
    examples: list[Example] = []
    command: str | None = None
    start = 0
    expected: list[str] = []
    for offset, raw in enumerate(body.splitlines()):
        if raw.startswith("$ "):
            if command is not None:
                examples.append(Example(start, command, tuple(expected)))
            command, start, expected = raw[2:], first_line + offset, []
        else:
            expected.append(raw)
    if command is not None:
        examples.append(Example(start, command, tuple(expected)))
    return examples


def matches(expected: tuple[str, ...], actual: list[str]) -> bool:
    """Whether `actual` lines fit `expected`, where `...` skips lines and `<...>` skips text."""
    patterns = [None if line.strip() == SKIP else _line_pattern(line.rstrip()) for line in expected]

    def fit(i: int, j: int) -> bool:
        if i == len(patterns):
            return j == len(actual)
        pattern = patterns[i]
        if pattern is None:
            return any(fit(i + 1, k) for k in range(j, len(actual) + 1))
        return j < len(actual) and bool(pattern.fullmatch(actual[j].rstrip())) and fit(i + 1, j + 1)

    return fit(0, 0)


def _line_pattern(line: str) -> re.Pattern[str]:
    return re.compile(".*?".join(re.escape(part) for part in line.split(ANY)))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    return folder


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # The `align` and `python` of the environment running the tests, whatever PATH says.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["COLUMNS"] = "100"
    env.pop("CI", None)
    return env


@pytest.fixture(scope="module")
def outcomes(workdir: Path) -> dict[int, tuple[str, str]]:
    """Every example run once, in README order: line -> (output, what was expected)."""
    results: dict[int, tuple[str, str]] = {}
    env = _environment()
    for block in readme_blocks(README.read_text(encoding="utf-8")):
        if block.kind == "python":
            done = subprocess.run(
                [sys.executable, "-c", block.body],
                cwd=workdir,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            results[block.line] = (done.stdout + done.stderr, str(done.returncode))
            continue
        for example in block.examples:
            # One stream, as a terminal shows it: errors in their place among the output.
            done = subprocess.run(
                ["bash", "-c", example.command],
                cwd=workdir,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=300,
            )
            results[example.line] = (done.stdout, "\n".join(example.expected))
    return results


def _ids() -> list[tuple[str, int]]:
    cases = []
    for block in readme_blocks(README.read_text(encoding="utf-8")):
        if block.kind == "python":
            cases.append(("python", block.line))
        cases.extend((example.command, example.line) for example in block.examples)
    return cases


@pytest.mark.parametrize(("command", "line"), _ids(), ids=[f"line{n}" for _, n in _ids()])
def test_readme_example_prints_what_the_readme_shows(
    command: str, line: int, outcomes: dict[int, tuple[str, str]]
) -> None:
    output, expected = outcomes[line]
    if command == "python":
        assert expected == "0", f"README line {line}: the Python example failed:\n{output}"
        return
    assert matches(tuple(expected.splitlines()), output.splitlines()), (
        f"README line {line}: $ {command}\n--- README shows:\n{expected}\n--- it prints:\n{output}"
    )


def test_the_readme_shows_every_command() -> None:
    commands = {
        e.command.split()[1]
        for b in readme_blocks(README.read_text("utf-8"))
        for e in b.examples
        if e.command.startswith("align ")
    }
    assert commands >= {"run", "detect", "pair", "check"}


@pytest.mark.parametrize(
    ("expected", "actual", "fits"),
    [
        (("a", "b"), ["a", "b"], True),
        (("a", "..."), ["a", "b", "c"], True),
        (("a", "...", "c"), ["a", "c"], True),
        (("a <...> z",), ["a middle z"], True),
        (("a", "b"), ["a", "b", "c"], False),
        (("a", "b"), ["a", "x"], False),
        (("a <...> z",), ["a middle y"], False),
    ],
)
def test_expected_output_matching(expected: tuple[str, ...], actual: list[str], fits: bool) -> None:
    assert matches(expected, actual) is fits
