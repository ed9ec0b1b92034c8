"""glossary.xlsx read back with errors a person can fix, and written atomically and reproducibly."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from glossary import xlsx
from glossary.model import Glossary
from glossary.outline import Chooser
from glossary.workbook.choose import parse_chosen
from glossary.workbook.file import load_sheets
from glossary.workbook.layout import build_workbook
from glossary.workbook.parse import parse_workbook
from glossary.workbook.schema import (
    ENTITIES,
    VARIANTS,
    Baseline,
    EntityRecord,
    ExtraSheet,
    VariantRecord,
    Workbook,
    sort_glossary,
)


def read_workbook(path: str | Path, *, allow_open: bool = False) -> Workbook:
    """Read glossary.xlsx; raise GlossaryError naming the file, sheet, row and column at fault.

    `allow_open` reads a workbook that is open in Excel or LibreOffice (its last saved
    version); without it such a workbook is refused, since a run would overwrite it.
    """
    path = Path(path)
    return parse_workbook(str(path), load_sheets(path, allow_open=allow_open))


def read_glossary(path: str | Path, choose: Chooser | None = None) -> Glossary:
    """The entities and variants of glossary.xlsx, for reading only (what `check` needs).

    Only the Entities and Variants sheets are parsed, not the tool's record of its own values
    nor the sheets a person added, and they are streamed row by row rather than read through
    openpyxl's cells: the same Glossary as `read_workbook`, for a small part of its time and
    memory. A workbook open in Excel or LibreOffice is read (its last saved version).
    `choose`, given the glossary's outline, names the entities wanted: only those are built
    (with their variants), though every row is checked as before.
    """
    path = Path(path)
    with _no_cycle_collection():
        sheets = load_sheets(path, allow_open=True, only=(ENTITIES, VARIANTS), streamed=True)
        if choose is not None:
            return parse_chosen(str(path), sheets, choose)
        return parse_workbook(str(path), sheets).glossary


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: reading builds a million tuples, lists and strings that
    live until the read ends and hold no cycles, and the collector would walk them again and
    again as they grow (a sixth of a 100,000-row read)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_workbook(
    path: str | Path,
    glossary: Glossary,
    about: Mapping[str, str],
    *,
    baseline: Baseline | None,
    previous: Workbook | None = None,
    extra_sheets: Sequence[ExtraSheet] | None = None,
) -> None:
    """Replace `path` atomically with the workbook of `glossary`; same input, same bytes.

    `baseline` must come from glossary.workbook.merge when a person's workbook was merged; None
    means every value is the tool's own (a first run), so a later run may update any of them.
    `previous` is the workbook a person left: its extra sheets and columns are kept
    (`extra_sheets`, when given, replaces its sheets).
    """
    glossary = sort_glossary(glossary)
    if baseline is None:
        baseline = Baseline(
            tuple(EntityRecord(e) for e in glossary.entities),
            tuple(VariantRecord(v) for v in glossary.variants),
        )
    keep = previous or Workbook(Glossary())
    if extra_sheets is not None:
        keep = replace(keep, extra_sheets=tuple(extra_sheets))
    book = build_workbook(glossary, about, baseline, keep)
    xlsx.save(book, Path(path))
