"""glossary.xlsx, the workbook translators edit: its shape (`schema`), its cells (`cells`), the
file (`file`: locks, damage), reading (`parse`), writing (`layout`), and the round trip that lets a
person's edits win (`ownership`, `merge`). `read_workbook`, `write_workbook`, `merge_workbook`
and `update_workbook` (read, merge, write in one call) are the calls a user needs.
"""

from glossary.workbook.merge import Merge, merge_workbook, update_workbook
from glossary.workbook.readwrite import read_glossary, read_workbook, sort_glossary, write_workbook
from glossary.workbook.schema import Baseline, ExtraColumns, ExtraSheet, Workbook

__all__ = [
    "Baseline",
    "ExtraColumns",
    "ExtraSheet",
    "Merge",
    "Workbook",
    "merge_workbook",
    "read_glossary",
    "read_workbook",
    "sort_glossary",
    "update_workbook",
    "write_workbook",
]
