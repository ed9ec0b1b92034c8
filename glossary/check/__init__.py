"""Names spelled off-glossary: the index over a glossary's forms (`index`), text keys (`keys`),
matching in one passage (`match`), the checker that judges each hit (`checker`) and the xlsx
report (`report`).
"""

from glossary.check.checker import Checker, Finding

__all__ = ["Checker", "Finding"]
