"""What an alignment is made of: links between sentences, the evidence for each, and the mode
two documents are aligned in. Apart from `align.model` so that aligning two lists of sentences
(`align pair --presplit`) defines no type it does not use: a frozen dataclass costs about a
millisecond to define, on every start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal


class Mode(StrEnum):
    """How two documents are aligned: as a text and its translation, or as separate reports."""

    PARALLEL = "parallel"
    COMPARABLE = "comparable"


# What a caller may ask for: a mode, or "auto" to let the evidence decide.
RequestedMode = Mode | Literal["auto", "parallel", "comparable"]
# Maps the spellings of one name to one key (Ouchakov, Ushakov -> "ushakov"), as
# glossary.translit.match_key does.
NameKey = Callable[[str], str]


class EvidenceKind(StrEnum):
    """What a piece of evidence for a link is."""

    DATE = "date"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    ORDINAL = "ordinal"
    NUMBER = "number"
    NAME = "name"
    TERM = "term"
    COGNATE = "cognate"
    WORD = "word"
    PUNCTUATION = "punctuation"
    LENGTH = "length"
    NO_COUNTERPART = "no counterpart"
    NO_ENGLISH = "no English text"
    NO_FRENCH = "no French text"


@dataclass(frozen=True)
class Evidence:
    """One reason for a link: its kind and what was shared ("date" "1935-05-02").

    Shown to a person as its text, `str(evidence)`: "date 1935-05-02", "name ushakov", "length".
    Evidence sorts by that text.
    """

    kind: EvidenceKind
    value: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value} {self.value}" if self.value else self.kind.value

    def __lt__(self, other: Evidence) -> bool:
        return str(self) < str(other)


@dataclass(frozen=True)
class Link:
    """A bead of an alignment: 0-based sentence indices on each side (one side may be empty).

    `evidence` says why the link was made (date 1935-05-02, name ushakov, length...).
    """

    fr: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    evidence: tuple[Evidence, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """The evidence as a person reads it: ("date 1935-05-02", "name ushakov")."""
        return tuple(str(e) for e in self.evidence)

    @property
    def kind(self) -> str:
        """Link type such as '1-1', '2-1', '1-0'."""
        return f"{len(self.fr)}-{len(self.en)}"
