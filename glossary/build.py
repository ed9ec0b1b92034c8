"""Build a fresh glossary (entities and variants): passages in, names found, grouped and named."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from glossary.canonical import choose_canonical, entity_id, free_id, variant_kind
from glossary.cluster import cluster_forms, form_stats
from glossary.mentions import find_mentions
from glossary.model import Entity, Glossary, KeptOut, Mention, Passage, Source, Variant


def _sources(mentions: Iterable[Mention]) -> tuple[Source, ...]:
    """Where the mentions are, each place once, in file then line order."""
    return tuple(
        Source(file, line) for file, line in sorted({(m.source, m.line) for m in mentions})
    )


def build_glossary(passages: Iterable[Passage], *, kept_out: KeptOut | None = None) -> Glossary:
    """Find the names of `passages` and group them into entities with canonical forms.

    `kept_out`: forms a person rejected or deleted in the workbook; their mentions are dropped
    before clustering, so they are neither listed nor chosen as canonical, and never bridge two
    entities.
    """
    mentions = find_mentions(list(passages))
    if kept_out:
        mentions = [m for m in mentions if not kept_out.excludes(m.form, m.lang)]
    return glossary_from_mentions(mentions)


def glossary_from_mentions(mentions: Sequence[Mention]) -> Glossary:
    """Cluster mentions into entities with canonical forms; same input gives the same glossary."""
    by_form: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_form[(m.form, m.lang)].append(m)
    for group in by_form.values():
        group.sort(key=lambda m: (m.source, m.start, m.end))
    entities: list[Entity] = []
    variants: list[Variant] = []
    taken: set[str] = set()
    clusters = cluster_forms(form_stats(mentions))
    named = [(choose_canonical(c), c) for c in clusters]
    # Ids are given in a content order, so a new name elsewhere never renames an entity.
    named.sort(
        key=lambda nc: (
            entity_id(nc[0].type, nc[0].english),
            nc[0].french,
            [(f.form, f.lang) for f in nc[1].forms],
        )
    )
    for canon, cluster in named:
        ident = free_id(entity_id(canon.type, canon.english), taken)
        taken.add(ident)
        own = [m for f in cluster.forms for m in by_form[(f.form, f.lang)]]
        entities.append(
            Entity(
                entity_id=ident,
                type=canon.type,
                canonical_en=canon.english,
                canonical_fr=canon.french,
                original=canon.original,
                mentions=len(own),
                sources=_sources(own),
            )
        )
        for f in cluster.forms:
            group = by_form[(f.form, f.lang)]
            variants.append(
                Variant(
                    entity_id=ident,
                    variant=f.form,
                    lang=f.lang,
                    kind=variant_kind(f.form, f.lang, canon),
                    count=len(group),
                    example=group[0].context,
                    sources=_sources(group),
                )
            )
    entities.sort(key=lambda e: e.entity_id)
    variants.sort(key=lambda v: v.key)
    return Glossary(tuple(entities), tuple(variants))
