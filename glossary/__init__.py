"""Names, variants, entities and canonical forms; the workbook and its round trip; checking.

Use it from Python::

    from glossary import Checker, build_glossary, read_workbook, write_workbook
    from glossary.model import Passage

    passages = [Passage(source="a.txt", lang="fr", text="Iouri Ouchakov est arrivé à Riyad.")]
    found = build_glossary(passages)              # entities with canonical forms and variants
    write_workbook("glossary.xlsx", found, {"tool": "me"}, baseline=None)
    book = read_workbook("glossary.xlsx")         # a person's edits included
    for finding in Checker(book.glossary).check(passages):
        print(finding.line, finding.found, "->", finding.suggestion)

The modules: `model` (the types), `text` (the one fold, particles, elisions, titles), `translit`
(transliteration keys through Cyrillic), `exonyms` (CLDR names), `similarity` and `cluster` (same
entity or not), `canonical` (canonical forms, ids, variant kinds), `mentions` (names in passages),
`build` (mentions to entities), `workbook` (glossary.xlsx and the round trip of a person's edits),
`tbx` (TBX export), `check` (names spelled off-glossary), `xlsx` (the one workbook writer),
`signature` (settings signatures), `weights` (every numeric setting). `glossary` never
imports `align`.
"""

from typing import TYPE_CHECKING, Any

# Loaded on first use, as in `align`: every module of the package imports this one first, and
# `align pair --presplit` or `align --help` must not pay for the workbook, the clusterer and
# the checker (about 0.1 s).
if TYPE_CHECKING:
    from glossary.build import build_glossary
    from glossary.check import Checker, Finding
    from glossary.model import Entity, Glossary, Mention, Passage, Variant
    from glossary.workbook import Workbook, read_workbook, write_workbook

_API = {
    "build_glossary": "glossary.build",
    "Checker": "glossary.check",
    "Finding": "glossary.check",
    "Entity": "glossary.model",
    "Glossary": "glossary.model",
    "Mention": "glossary.model",
    "Passage": "glossary.model",
    "Variant": "glossary.model",
    "Workbook": "glossary.workbook",
    "read_workbook": "glossary.workbook",
    "write_workbook": "glossary.workbook",
}

__all__ = [
    "Checker",
    "Entity",
    "Finding",
    "Glossary",
    "Mention",
    "Passage",
    "Variant",
    "Workbook",
    "build_glossary",
    "read_workbook",
    "write_workbook",
]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_API[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
