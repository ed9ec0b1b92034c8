"""`pip install .` ships every module: the wheel holds each .py and data file of both packages."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    # A clean copy: setuptools would reuse a build/ folder left in the checkout.
    source = out / "source"
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")
    for name in ("align", "glossary"):
        shutil.copytree(ROOT / name, source / name, ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    # No build isolation: the test extra installs setuptools, and nothing is downloaded.
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "-q", "-w", str(out), str(source)], check=True, cwd=out)
    (wheel,) = out.glob("align_glossary-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _shipped_files() -> list[str]:
    found = []
    for package in ("align", "glossary"):
        for path in sorted((ROOT / package).rglob("*")):
            if path.suffix in {".py", ".tsv", ".typed"} and "__pycache__" not in path.parts:
                found.append(path.relative_to(ROOT).as_posix())
    return found


@pytest.mark.parametrize("name", _shipped_files())
def test_the_wheel_ships_every_module_and_data_file(wheel_names: set[str], name: str) -> None:
    assert name in wheel_names
