"""Build a fresh glossary (entities and variants): passages in, names found, grouped and named."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from glossary.canonical import (
    choose_canonical,
    entity_id,
    free_id,
    translation_signs,
    variant_kind,
)
from glossary.cluster import Cluster, FormStats, cluster_forms, form_stats
from glossary.cooccurrence import LinkedSentences, link_groups
from glossary.editions import edition_pairs
from glossary.expansions import join_expansions
from glossary.mentions import find_mentions
from glossary.model import (
    REVIEW_SEPARATOR,
    Entity,
    Glossary,
    KeptOut,
    Mention,
    Passage,
    Source,
    Variant,
)
from glossary.owners import join_owned


def _sources(mentions: Iterable[Mention]) -> tuple[Source, ...]:
    """Where the mentions are, each place once, in file then line order."""
    return tuple(
        Source(file, line) for file, line in sorted({(m.source, m.line) for m in mentions})
    )


def build_glossary(
    passages: Iterable[Passage],
    *,
    kept_out: KeptOut | None = None,
    links: Sequence[LinkedSentences] = (),
) -> Glossary:
    """Find the names of `passages` and group them into entities with canonical forms.

    `kept_out`: forms a person rejected or deleted in the workbook; their mentions are dropped
    before clustering, so they are neither listed nor chosen as canonical, and never bridge two
    entities. `links`: sentences a parallel aligner linked (see glossary_from_mentions).
    """
    return glossary_from_mentions(glossary_mentions(passages, kept_out=kept_out), links=links)


def glossary_mentions(
    passages: Iterable[Passage], *, kept_out: KeptOut | None = None
) -> list[Mention]:
    """The names of `passages`, less the forms a person threw away (`kept_out`)."""
    mentions = find_mentions(list(passages))
    if kept_out:
        mentions = [m for m in mentions if not kept_out.excludes(m.form, m.lang)]
    return mentions


def _merge_linked(
    clusters: list[Cluster], mentions: Sequence[Mention], links: Sequence[LinkedSentences]
) -> list[Cluster]:
    """Clusters joined where the parallel links show a French and an English name to be one."""
    groups = [[(f.form, f.lang) for f in c.forms] for c in clusters]
    types = [choose_canonical(c).type for c in clusters]
    pairs = [(p.fr, p.en) for p in link_groups(groups, types, mentions, links)]
    pairs += edition_pairs(groups, types, mentions, links)
    if not pairs:
        return clusters
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for fr, en in pairs:
        ra, rb = find(fr), find(en)
        parent[max(ra, rb)] = min(ra, rb)
    joined: dict[int, list[FormStats]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        joined[find(i)].extend(cluster.forms)
    return [Cluster(tuple(forms)) for _, forms in sorted(joined.items())]


def glossary_from_mentions(
    mentions: Sequence[Mention], *, links: Sequence[LinkedSentences] = ()
) -> Glossary:
    """Cluster mentions into entities with canonical forms; same input gives the same glossary.

    `links`: French and English sentences a parallel aligner gave as translations of each other;
    names they pair that no key matches are merged (glossary.cooccurrence).
    """
    by_form: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_form[(m.form, m.lang)].append(m)
    for group in by_form.values():
        group.sort(key=lambda m: (m.source, m.start, m.end))
    entities: list[Entity] = []
    variants: list[Variant] = []
    taken: set[str] = set()
    clusters = join_owned(join_expansions(cluster_forms(form_stats(mentions)), mentions))
    if links:
        clusters = _merge_linked(clusters, mentions, links)
    signs = translation_signs(mentions)
    named = [(choose_canonical(c, signs), c) for c in clusters]
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
                review=REVIEW_SEPARATOR.join(canon.guessed),
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
