"""One exception hierarchy; each class carries the exit code the CLI uses."""

from __future__ import annotations


class AlignError(Exception):
    """Base of every error the CLI reports as one line on stderr."""

    exit_code = 3


class UsageError(AlignError):
    """The call itself is wrong (flags, combinations)."""

    exit_code = 2


class BadInputError(AlignError):
    """An input file is unreadable, empty, binary, or otherwise unusable."""

    exit_code = 3

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        message = f"{source}: {problem}"
        if fix:
            message += f"; {fix}"
        super().__init__(message)
