"""Errors about files. The CLI turns each into one line on stderr and exit code 3."""

from __future__ import annotations


class FileProblem(Exception):
    """A file that cannot be used as it is: the message names it, says what is wrong and the fix."""

    exit_code = 3

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        message = f"{source}: {problem}"
        if fix:
            message += f"; {fix}"
        super().__init__(message)


class GlossaryError(FileProblem):
    """A glossary file is missing, corrupt, locked or wrongly shaped."""
