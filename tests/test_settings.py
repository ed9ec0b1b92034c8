"""The settings signature changes whenever any setting that shapes the output changes."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

from align.settings import STAGES, RunSettings
from glossary.signature import CHECK_STAGE, GLOSSARY_STAGES, check_settings, constants, render

RUN_STAGES = {**STAGES, **GLOSSARY_STAGES}
ALL_STAGES = {**RUN_STAGES, "check": CHECK_STAGE}
# The packages whose modules shape `align run`'s output: every module with settings of its own
# must be in a stage.
STAGE_PACKAGES = (
    "align.text",
    "align.parallel",
    "align.comparable",
    "align.pairing",
    "glossary.mentions",
)
GLOSSARY_MODULES = (
    "glossary.weights",
    "glossary.check.checker",
    "glossary.check.index",
    "glossary.check.keys",
    "glossary.check.match",
    "glossary.translit",
    "glossary.exonyms",
    "glossary.similarity",
    "glossary.cluster",
    "glossary.canonical",
)


def _changed(value: Any) -> Any:
    """A value of the same kind that is different."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value * 2 + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, re.Pattern):
        return re.compile(value.pattern + "x", value.flags)
    if isinstance(value, frozenset | set):
        return type(value)({*value, "zz-new"})
    if isinstance(value, dict):
        return {**value, "zz-new": 1}
    if isinstance(value, tuple | list):
        return type(value)([*value, 1])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        first = dataclasses.fields(value)[0]
        return dataclasses.replace(value, **{first.name: _changed(getattr(value, first.name))})
    raise AssertionError(f"no way to change {value!r}")


def _settings() -> list[tuple[str, str]]:
    return [
        (module.__name__, name)
        for modules in RUN_STAGES.values()
        for module in modules
        for name in constants(vars(module))
    ]


@pytest.mark.parametrize(("module_name", "name"), _settings())
def test_changing_any_setting_changes_the_signature(
    module_name: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = RunSettings(out_dir=Path("out"))
    before = settings.signature()
    module = importlib.import_module(module_name)
    monkeypatch.setattr(module, name, _changed(getattr(module, name)))
    assert settings.signature() != before


def _modules_with_settings() -> list[str]:
    names: list[str] = []
    for package_name in STAGE_PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__, package_name + "."):
            names.append(info.name)
    names.extend(["align.anchors", *GLOSSARY_MODULES])
    listed = [module for modules in ALL_STAGES.values() for module in modules]
    found = []
    for name in names:
        module = importlib.import_module(name)
        # Constants imported from a listed module (a weights module) are that module's.
        own = [
            key
            for key, value in constants(vars(module)).items()
            if not any(
                constants(vars(other)).get(key) is value for other in listed if other is not module
            )
        ]
        if own:
            found.append(name)
    return found


@pytest.mark.parametrize("module_name", _modules_with_settings())
def test_every_module_with_settings_belongs_to_a_stage(module_name: str) -> None:
    listed = {module.__name__ for modules in ALL_STAGES.values() for module in modules}
    assert module_name in listed


@pytest.mark.parametrize(
    ("module_name", "name"),
    [(m.__name__, name) for m in CHECK_STAGE for name in constants(vars(m))],
)
def test_changing_any_check_setting_changes_the_check_settings(
    module_name: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = check_settings()
    module = importlib.import_module(module_name)
    monkeypatch.setattr(module, name, _changed(getattr(module, name)))
    assert check_settings() != before


def test_the_signature_ignores_paths_and_is_stable() -> None:
    a = RunSettings(out_dir=Path("a"), glossary_path=Path("g.xlsx"))
    b = RunSettings(out_dir=Path("elsewhere"))
    assert a.signature() == b.signature()
    assert a.as_dict() == b.as_dict()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (frozenset({"b", "a"}), "{'a','b'}"),
        ({"b": 1, "a": 2.5}, "{'a':2.5,'b':1}"),
        ((1, (2, 3)), "(1,(2,3))"),
    ],
)
def test_settings_render_in_a_stable_order(value: Any, text: str) -> None:
    assert render(value) == text
