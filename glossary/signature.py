"""Settings signatures: every constant that shapes a stage's output, written out as text.

A stage's settings are its modules' upper-case constants (weights, thresholds, word lists, patterns)
and the dataclass defaults it runs with. `describe` writes them in a stable order, short values in
full and long ones (word lists, tables) as a digest, so the About sheet can be read by a person and
still changes whenever any setting does.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from importlib import resources
from types import ModuleType
from typing import Any

from glossary import canonical, cluster, cooccurrence, exonyms, similarity, translit, weights
from glossary.check import checker, index, keys, kinship, match
from glossary.mentions import agree, bodies, corpus, cues, finder, ner, people, tokens

_CONSTANT = re.compile(r"^_?[A-Z][A-Z0-9_]*$")
# Values longer than this are written as a digest: a cell a person can still read.
_LONGEST = 48

# The glossary's stages and the modules whose constants shape each.
GLOSSARY_STAGES: dict[str, tuple[ModuleType, ...]] = {
    "mentions": (weights, tokens, cues, corpus, people, agree, ner, bodies, finder),
    "names": (weights, translit, exonyms, similarity, cluster, cooccurrence, canonical),
}
# What `align check` reports depends on these too (its report's About sheet carries them).
CHECK_STAGE: tuple[ModuleType, ...] = (weights, checker, index, keys, kinship, match)


def render(value: Any) -> str:
    """A value as stable text: sets sorted, mappings by key, patterns with their flags."""
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r},{int(value.flags)})"
    if isinstance(value, Enum):
        return str(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (f"{f.name}={render(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__name__}({','.join(fields)})"
    if isinstance(value, Mapping):
        items = sorted((render(k), render(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(render(v) for v in value)) + "}"
    if isinstance(value, list | tuple):
        return "(" + ",".join(render(v) for v in value) + ")"
    return repr(value)


def _short(value: Any) -> str:
    text = render(value)
    if len(text) <= _LONGEST and not isinstance(value, re.Pattern):
        return text
    return "#" + hashlib.sha256(text.encode()).hexdigest()[:10]


def constants(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """The upper-case constants of a module's namespace (`vars(module)` or `globals()`)."""
    return {
        name: value
        for name, value in namespace.items()
        if _CONSTANT.match(name)
        and not isinstance(value, type | ModuleType)
        and not callable(value)
    }


def describe(values: Mapping[str, Any]) -> str:
    """'NAME=value;...' in name order, long values as a digest."""
    return ";".join(f"{name}={_short(values[name])}" for name in sorted(values))


def describe_modules(modules: Iterable[ModuleType]) -> str:
    """Several modules' constants, each name prefixed by its module."""
    values: dict[str, Any] = {}
    seen: set[tuple[str, int]] = set()
    for module in modules:
        short = module.__name__.rsplit(".", 1)[-1]
        for name, value in constants(vars(module)).items():
            # A constant imported from a module listed before it is that module's, not this one's.
            if (name, id(value)) not in seen:
                seen.add((name, id(value)))
                values[f"{short}.{name}"] = value
    return describe(values)


def data_signature() -> str:
    """A digest of the glossary's data tables (not-names, exonyms, given names)."""
    digest = hashlib.sha256()
    folder = resources.files("glossary.data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".tsv"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def glossary_settings() -> dict[str, str]:
    """The glossary's settings, one entry per stage, for the About sheet."""
    out = {stage: describe_modules(modules) for stage, modules in GLOSSARY_STAGES.items()}
    out["data"] = data_signature()
    return out


def check_settings() -> str:
    """The settings that shape `align check`'s findings."""
    return describe_modules(CHECK_STAGE) + ";data=" + data_signature()
