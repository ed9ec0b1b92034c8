"""One exception hierarchy; each class carries the exit code the CLI uses."""

from __future__ import annotations

from glossary.errors import FileProblem


class AlignError(Exception):
    """Base of every error the CLI reports as one line on stderr."""

    exit_code = 3


class UsageError(AlignError):
    """The call itself is wrong (flags, combinations)."""

    exit_code = 2


class BadInputError(FileProblem, AlignError):
    """An input file is unreadable, empty, binary, or otherwise unusable."""

    exit_code = 3
