"""Glossary errors. The CLI turns each into one line on stderr and exit code 3."""

from __future__ import annotations


class GlossaryError(Exception):
    """A glossary file is missing, corrupt, locked or wrongly shaped."""

    exit_code = 3

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        message = f"{source}: {problem}"
        if fix:
            message += f"; {fix}"
        super().__init__(message)
