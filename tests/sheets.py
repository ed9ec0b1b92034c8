"""A sheet of a saved workbook, edited the way a person would in a spreadsheet (test helper)."""

from __future__ import annotations

from typing import Any


class Sheet:
    """Rows found by their cells, cells read and set by column name, rows added and deleted."""

    def __init__(self, book: Any, name: str) -> None:
        self.sheet = book[name]
        self.header = [c.value for c in self.sheet[1]]

    def rows(self, **match: object) -> list[int]:
        return [
            n
            for n in range(2, self.sheet.max_row + 1)
            if all(self.get(n, k) == v for k, v in match.items())
        ]

    def row(self, **match: object) -> int:
        found = self.rows(**match)
        assert len(found) == 1, f"{len(found)} rows with {match}"
        return found[0]

    def get(self, number: int, column: str) -> object:
        return self.sheet.cell(number, self.header.index(column) + 1).value

    def set(self, number: int, column: str, value: object) -> None:
        self.sheet.cell(number, self.header.index(column) + 1).value = value

    def append(self, **values: object) -> None:
        self.sheet.append([values.get(h) for h in self.header])

    def delete(self, number: int) -> None:
        self.sheet.delete_rows(number)
