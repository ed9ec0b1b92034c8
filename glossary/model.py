"""Named immutable types of the glossary: passages in, mentions, entities and variants out."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from glossary.lang import Lang


class EntityType(StrEnum):
    PER = "PER"
    LOC = "LOC"
    ORG = "ORG"
    MISC = "MISC"


class EntityStatus(StrEnum):
    """`auto`: the tool's; `confirmed`: a person's, never changed; `rejected`: not a name, or not
    wanted (its forms are never listed again, and `check` ignores it)."""

    AUTO = "auto"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class VariantKind(StrEnum):
    CANONICAL = "canonical"
    TRANSLITERATION = "transliteration"
    SPELLING = "spelling"
    SHORT = "short"
    ACRONYM = "acronym"
    EXONYM = "exonym"
    OTHER_LANGUAGE = "other-language"


class VariantStatus(StrEnum):
    AUTO = "auto"
    APPROVED = "approved"
    DEPRECATED = "deprecated"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Source:
    """Where a name was met: a file and its 1-based line ("seeds/000.txt:12" in the workbook).

    `line` is None for a source cell a person typed that names no line: it is kept as typed.
    """

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    @classmethod
    def parse(cls, text: str) -> Source:
        """'a.txt:3' -> Source('a.txt', 3); text without a line number is kept whole."""
        match = _SOURCE.match(text)
        return cls(match[1], int(match[2])) if match else cls(text)

    @property
    def order(self) -> tuple[str, int]:
        """Sort key: by file, then line number (not as text: line 9 before line 10)."""
        return (self.file, -1 if self.line is None else self.line)


_SOURCE = re.compile(r"^(.+):([1-9][0-9]*)$", re.S)


@dataclass(frozen=True)
class Passage:
    """A piece of text in one language, as the glossary sees it (one sentence, usually).

    `start` is the character offset of text[0] in the source file; `line` and `column` are
    1-based and locate text[0]. Lines inside `text` are separated by '\\n'.
    """

    source: str
    lang: Lang
    text: str
    start: int = 0
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name: `form` is text[start:end] of the source, elision stripped."""

    form: str
    lang: Lang
    type: EntityType
    source: str
    start: int
    end: int
    line: int
    column: int
    context: str


@dataclass(frozen=True)
class Entity:
    """One person, place, body or event, with its canonical English and French forms."""

    entity_id: str
    type: EntityType
    canonical_en: str
    canonical_fr: str
    original: str = ""
    status: EntityStatus = EntityStatus.AUTO
    note: str = ""
    mentions: int = 0
    sources: tuple[Source, ...] = field(default=())
    # The canonical cells that are the tool's best guess, for a person to review
    # ("canonical_fr", "canonical_en; canonical_fr"): no source or data attests them.
    review: str = ""

    @property
    def rejected(self) -> bool:
        """A person said this is not a name, or not wanted: ignore it everywhere."""
        return self.status == EntityStatus.REJECTED

    def canonicals(self, lang: str) -> tuple[str, ...]:
        """The canonical forms for `lang`, first the preferred one: a person may type several
        alternatives in one cell, separated by `|` ("USSR|Soviet Union")."""
        cell = self.canonical_fr if lang == Lang.FR else self.canonical_en
        return tuple(form.strip() for form in cell.split(ALTERNATIVES) if form.strip())


# Separates the alternatives of a canonical cell.
ALTERNATIVES = "|"
# Separates the cells named in an entity's review mark.
REVIEW_SEPARATOR = "; "


def review_cells(mark: str) -> tuple[str, ...]:
    """The cells an entity's review mark names ("canonical_en; canonical_fr" -> both)."""
    return tuple(part.strip() for part in mark.split(";") if part.strip())


@dataclass(frozen=True)
class Variant:
    """One spelling of an entity met in the sources (or added by a person)."""

    entity_id: str
    variant: str
    lang: str
    kind: VariantKind
    count: int = 0
    status: VariantStatus = VariantStatus.AUTO
    example: str = ""
    sources: tuple[Source, ...] = field(default=())

    @property
    def rejected(self) -> bool:
        """A person said this form is not this entity: never attach it again."""
        return self.status == VariantStatus.REJECTED

    @property
    def key(self) -> tuple[str, str, str]:
        """A Variants row's identity, and the order of the sheet: (entity_id, variant, lang)."""
        return self.entity_id, self.variant, self.lang


@dataclass(frozen=True)
class Glossary:
    """Entities and their variants, sorted by entity_id then variant."""

    entities: tuple[Entity, ...] = ()
    variants: tuple[Variant, ...] = ()


def form_key(form: str) -> str:
    """A form as typed or found, compared: NFC, outer spaces dropped, one apostrophe."""
    return unicodedata.normalize("NFC", form).strip().replace("’", "'")


@dataclass(frozen=True)
class KeptOut:
    """Forms a person threw away, which the tool must not list again.

    `forms`: every form of a rejected or deleted entity, in any language; `variants`: (form,
    lang) of a variant rejected or deleted from its entity. Forms a person still lists elsewhere
    (a live row of another entity) are not in either set.
    """

    forms: frozenset[str] = frozenset()
    variants: frozenset[tuple[str, str]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.forms or self.variants)

    def excludes(self, form: str, lang: str) -> bool:
        """Whether the form met in `lang` is one a person threw away."""
        key = form_key(form)
        return key in self.forms or (key, lang) in self.variants
