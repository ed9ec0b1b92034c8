"""A glossary in outline: each entity's id, whether it is a person or rejected, and its forms as
typed, which is all that choosing the entities a text could meet needs, before any Entity or
Variant is built (a 100,000-row workbook is read for a few of its entities)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import NamedTuple

from glossary.model import EntityType, Glossary


class Named(NamedTuple):
    """One entity in outline: its canonical cells as typed ("USSR|Soviet Union" whole).

    A named tuple: an outline has one per row of the workbook.
    """

    entity_id: str
    person: bool
    rejected: bool
    canonical_en: str
    canonical_fr: str


class Form(NamedTuple):
    """One variant in outline: its entity and its text as typed."""

    entity_id: str
    variant: str


@dataclass(frozen=True)
class Outline:
    """The entities and variants of a glossary in outline, in the workbook's row order."""

    entities: tuple[Named, ...]
    variants: tuple[Form, ...]


# Given a glossary's outline, the ids of the entities wanted from it.
Chooser = Callable[[Outline], Collection[str]]


def outline_of(glossary: Glossary) -> Outline:
    """The outline of a glossary already built."""
    return Outline(
        tuple(
            Named(e.entity_id, e.type is EntityType.PER, e.rejected, e.canonical_en, e.canonical_fr)
            for e in glossary.entities
        ),
        tuple(Form(v.entity_id, v.variant) for v in glossary.variants),
    )


def chosen_part(glossary: Glossary, choose: Chooser | None) -> Glossary:
    """The entities of `glossary` that `choose` wants, with their variants, in order."""
    if choose is None:
        return glossary
    kept = set(choose(outline_of(glossary)))
    return Glossary(
        tuple(e for e in glossary.entities if e.entity_id in kept),
        tuple(v for v in glossary.variants if v.entity_id in kept),
    )
