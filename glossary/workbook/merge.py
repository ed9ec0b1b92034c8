"""A person's edits win: merge the workbook a person left with the glossary the tool found anew.

Who owns a cell. The workbook keeps, in very hidden sheets, each row as the tool last wrote it
and the columns a person owns. A cell that differs from that record is a person's edit and
stays theirs for good; a row absent from the record is a person's row (its empty count,
sources and example cells excepted, which the tool fills). Without the record (a person deleted
it), every cell is treated as a person's except the counts and sources.

What the tool does with what it owns:
- It refreshes its own cells of every row from the fresh glossary: counts, sources, examples,
  kinds, canonical forms, types. A person's cells are never touched.
- A fresh entity is matched to the previous one that shares most of its (variant, lang) pairs,
  so an entity keeps its id when a person changed its canonical form; failing that, to the one
  with the same id.
- A variant row stays where it is when a person placed it (changed its entity_id) or set its
  status; a row the tool placed follows the tool's new clustering.
- A rejected variant is never attached to that entity again: if the tool still finds it in the
  same entity, it goes to an entity of its own. Rejected rows are left exactly as they are.
- An entity whose status is `confirmed` is never changed, not even its mentions or sources, and
  keeps its variant rows (the tool neither moves nor drops them); new variants may still be
  attached to it as `auto` rows for a person to review.
- Tool rows the sources no longer give are removed; rows with a person's edit are kept, with
  count 0 and no sources. Deleted rows come back if the sources still give them: to get rid of
  a variant, set its status to `rejected` rather than deleting it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from glossary.canonical import entity_id as make_entity_id
from glossary.canonical import free_id
from glossary.model import (
    Entity,
    EntityStatus,
    Glossary,
    Lang,
    Source,
    Variant,
    VariantKind,
    VariantStatus,
)
from glossary.workbook.ownership import (
    ENTITY_STATS,
    Row,
    entity_ownership,
    variant_rows_of,
)
from glossary.workbook.readwrite import read_workbook, sort_glossary, write_workbook
from glossary.workbook.schema import (
    ENTITY_COLUMNS,
    VARIANT_COLUMNS,
    Baseline,
    EntityRecord,
    VariantRecord,
    Workbook,
)

_VARIANT_IDENTITY = frozenset({"entity_id", "variant", "lang"})

FormKey = tuple[str, str]


@dataclass(frozen=True)
class Merge:
    """The merged glossary and the record of what the tool wrote, for write_workbook."""

    glossary: Glossary
    baseline: Baseline

    @property
    def edited_rows(self) -> int:
        """Rows holding something a person wrote (kept, whatever the tool found)."""
        return sum(bool(r.owned) for r in self.baseline.entities) + sum(
            bool(r.owned) for r in self.baseline.variants
        )


def update_workbook(
    target: Path,
    fresh: Glossary,
    about: Mapping[str, str],
    *,
    previous: Path | None = None,
) -> Glossary:
    """Read the person's workbook (`previous`, else `target` if it exists), merge, write `target`.

    Raises GlossaryError before writing anything if that workbook is corrupt, locked or wrongly
    shaped. Returns the glossary written.
    """
    source = previous if previous is not None else (target if target.exists() else None)
    workbook = read_workbook(source) if source is not None else None
    merged = merge_workbook(workbook, fresh)
    write_workbook(target, merged.glossary, about, baseline=merged.baseline, previous=workbook)
    return merged.glossary


def merge_workbook(previous: Workbook | None, fresh: Glossary) -> Merge:
    """Merge and say which cells a person owns, so the next run can tell again."""
    fresh = sort_glossary(fresh)
    if previous is None:
        return Merge(fresh, _baseline_of(fresh, {}, {}))
    rows = variant_rows_of(previous)
    entity_owned = entity_ownership(previous)
    prev_ids = {e.entity_id for e in previous.glossary.entities}
    fresh_variants: dict[str, list[Variant]] = {}
    for variant in fresh.variants:
        fresh_variants.setdefault(variant.entity_id, []).append(variant)

    by_form: dict[FormKey, list[Row]] = {}
    for row in rows:
        if row.variant.status != VariantStatus.REJECTED:
            by_form.setdefault(_form_key(row.variant), []).append(row)
    rejected = {
        (row.variant.entity_id, _form_key(row.variant))
        for row in rows
        if row.variant.status == VariantStatus.REJECTED
    }
    confirmed = {
        e.entity_id for e in previous.glossary.entities if e.status == EntityStatus.CONFIRMED
    }
    target = _match_entities(fresh, fresh_variants, by_form, prev_ids)
    used = prev_ids | set(target.values())

    new_rows: dict[tuple[str, FormKey], Row] = {}
    refused: dict[str, list[Variant]] = {}
    for entity in fresh.entities:
        home = target[entity.entity_id]
        for fresh_variant in fresh_variants.get(entity.entity_id, []):
            key = _form_key(fresh_variant)
            placed = _place(by_form.get(key, []), home, (home, key) in rejected, confirmed)
            if placed is not None:
                _refresh(placed, fresh_variant)
            elif (home, key) in rejected:
                refused.setdefault(entity.entity_id, []).append(fresh_variant)
            elif (home, key) in new_rows:
                _refresh(new_rows[(home, key)], fresh_variant)
            else:
                new_rows[(home, key)] = Row(
                    replace(fresh_variant, entity_id=home), frozenset(), matched=True
                )

    spin_offs = []
    fresh_by_id = {e.entity_id: e for e in fresh.entities}
    for entity_id, variants in sorted(refused.items()):
        entity, spun = _spin_off(fresh_by_id[entity_id], variants, used)
        used.add(entity.entity_id)
        spin_offs.append(entity)
        new_rows.update({(entity.entity_id, _form_key(v)): Row(v, frozenset()) for v in spun})

    variant_rows = [r for r in (_settle(row, confirmed) for row in rows) if r is not None]
    variant_rows += new_rows.values()
    entities = _merge_entities(previous, fresh, target, entity_owned, variant_rows, spin_offs)
    glossary = sort_glossary(
        Glossary(tuple(e for e, _ in entities), tuple(r.variant for r in variant_rows))
    )
    _check_consistent(glossary)
    owned_entities = {e.entity_id: owned for e, owned in entities}
    owned_variants = {r.variant.key: r.owned for r in variant_rows}
    return Merge(glossary, _baseline_of(glossary, owned_entities, owned_variants))


def _check_consistent(glossary: Glossary) -> None:
    """The merged glossary must read back: unique rows, every variant's entity present."""
    ids = [e.entity_id for e in glossary.entities]
    keys = [v.key for v in glossary.variants]
    if (
        len(set(ids)) != len(ids)
        or len(set(keys)) != len(keys)
        or not {k[0] for k in keys} <= set(ids)
    ):
        raise RuntimeError("glossary merge produced duplicate or orphan rows; please report it")


def _form_key(variant: Variant) -> FormKey:
    return unicodedata.normalize("NFC", variant.variant).strip(), variant.lang.strip().lower()


def _match_entities(
    fresh: Glossary,
    fresh_variants: Mapping[str, list[Variant]],
    by_form: Mapping[FormKey, list[Row]],
    prev_ids: set[str],
) -> dict[str, str]:
    """Fresh entity id -> the id it is written under (a previous entity's, or a new one)."""
    target: dict[str, str] = {}
    for entity in fresh.entities:
        score: Counter[str] = Counter()
        for variant in fresh_variants.get(entity.entity_id, []):
            score.update({r.variant.entity_id for r in by_form.get(_form_key(variant), [])})
        if score:
            target[entity.entity_id] = _best_match(score, entity.entity_id)
    claimed = set(target.values())
    used = prev_ids | claimed
    for entity in fresh.entities:
        if entity.entity_id in target:
            continue
        if entity.entity_id in prev_ids and entity.entity_id not in claimed:
            target[entity.entity_id] = entity.entity_id
        else:
            target[entity.entity_id] = free_id(entity.entity_id, used)
        used.add(target[entity.entity_id])
    return target


def _best_match(score: Counter[str], entity_id: str) -> str:
    """Most shared variants first, then the same id, then the smallest id."""
    return min(score, key=lambda e: (-score[e], e != entity_id, e))


def _place(rows: list[Row], home: str, rejected_at_home: bool, confirmed: set[str]) -> Row | None:
    """The previous row a fresh variant of entity `home` updates, moved home if the tool's."""
    for row in rows:
        if row.variant.entity_id == home:
            return row
    if not rows:
        return None
    placed = [
        r
        for r in rows
        if "entity_id" in r.owned
        or r.variant.status != VariantStatus.AUTO
        or r.variant.entity_id in confirmed
    ]
    if placed:
        return placed[0]
    row = rows[0]
    if not rejected_at_home and not row.matched:
        row.variant = replace(row.variant, entity_id=home)
    return row


def _refresh(row: Row, fresh: Variant) -> None:
    """Take the tool's values into the cells of `row` a person does not own."""
    values: dict[str, Any] = {}
    for column in VARIANT_COLUMNS:
        if column in _VARIANT_IDENTITY or column in row.owned:
            continue
        value = getattr(fresh, column)
        if row.matched and column == "count":
            value = row.variant.count + fresh.count
        elif row.matched and column == "sources":
            value = _union(row.variant.sources, fresh.sources)
        elif row.matched and column in ("example", "kind"):
            continue
        values[column] = value
    row.variant = replace(row.variant, **values)
    row.matched = True


def _settle(row: Row, confirmed: set[str]) -> Row | None:
    """A previous row no fresh variant matched: kept if a person made it theirs, else dropped."""
    if row.matched or row.variant.status == VariantStatus.REJECTED:
        return row
    if not row.owned and row.variant.entity_id not in confirmed:
        return None
    values: dict[str, Any] = {
        c: v for c, v in (("count", 0), ("sources", ())) if c not in row.owned
    }
    row.variant = replace(row.variant, **values)
    return row


def _spin_off(
    entity: Entity, variants: list[Variant], used: set[str]
) -> tuple[Entity, list[Variant]]:
    """An entity of their own for names a person rejected from the entity the tool chose."""
    best = {
        lang: min((v for v in variants if v.lang == lang), key=lambda v: (-v.count, v.variant))
        for lang in (Lang.EN, Lang.FR)
        if any(v.lang == lang for v in variants)
    }
    canonical_en = best[Lang.EN].variant if Lang.EN in best else ""
    canonical_fr = best[Lang.FR].variant if Lang.FR in best else ""
    name = canonical_en or canonical_fr or variants[0].variant
    entity_id = free_id(make_entity_id(entity.type, name), used)
    chosen = {id(v) for v in best.values()}
    spun = [
        replace(
            v,
            entity_id=entity_id,
            kind=VariantKind.CANONICAL if id(v) in chosen else v.kind,
            status=VariantStatus.AUTO,
        )
        for v in variants
    ]
    return (
        Entity(
            entity_id=entity_id,
            type=entity.type,
            canonical_en=canonical_en,
            canonical_fr=canonical_fr,
            mentions=sum(v.count for v in variants),
            sources=_union(*(v.sources for v in variants)),
        ),
        spun,
    )


def _merge_entities(
    previous: Workbook,
    fresh: Glossary,
    target: Mapping[str, str],
    owned: Mapping[str, frozenset[str]],
    variant_rows: list[Row],
    spin_offs: list[Entity],
) -> list[tuple[Entity, frozenset[str]]]:
    """Entities to write, each with the columns a person owns."""
    mapped: dict[str, list[Entity]] = {}
    for entity in fresh.entities:
        mapped.setdefault(target[entity.entity_id], []).append(entity)
    holding: dict[str, list[Variant]] = {}
    for row in variant_rows:
        holding.setdefault(row.variant.entity_id, []).append(row.variant)

    result = []
    prev_ids = set()
    for entity in previous.glossary.entities:
        prev_ids.add(entity.entity_id)
        mine = owned[entity.entity_id]
        found = mapped.get(entity.entity_id, [])
        if entity.status == EntityStatus.CONFIRMED:
            result.append((entity, mine))
            continue
        if not mine and not found and entity.entity_id not in holding:
            continue  # the tool's own entity, no longer in the sources
        best = (
            min(found, key=lambda f: (f.entity_id != entity.entity_id, -f.mentions, f.entity_id))
            if found
            else None
        )
        values: dict[str, Any] = {}
        if "mentions" not in mine or "sources" not in mine:
            mentions, sources = _stats(found, holding.get(entity.entity_id, []))
            if "mentions" not in mine:
                values["mentions"] = mentions
            if "sources" not in mine:
                values["sources"] = sources
        if best is not None:
            for column in ENTITY_COLUMNS:
                if column not in mine and column not in ENTITY_STATS and column != "entity_id":
                    values[column] = getattr(best, column)
        result.append((replace(entity, **values), mine))
    for entity in fresh.entities:
        home = target[entity.entity_id]
        if home not in prev_ids:
            result.append((replace(entity, entity_id=home), frozenset()))
    result += [(entity, frozenset()) for entity in spin_offs]
    return result


def _stats(found: list[Entity], variants: list[Variant]) -> tuple[int, tuple[Source, ...]]:
    """Mentions and sources: the fresh entities' when any map here, else the variants'."""
    if found:
        return sum(f.mentions for f in found), _union(*(f.sources for f in found))
    counted = [v for v in variants if v.status != VariantStatus.REJECTED]
    return sum(v.count for v in counted), _union(*(v.sources for v in counted))


def _union(*groups: tuple[Source, ...]) -> tuple[Source, ...]:
    """Sources of several rows as one, without repeats, by file then line number."""
    if len(groups) == 1:
        return groups[0]
    return tuple(sorted({s for group in groups for s in group}, key=lambda s: s.order))


def _baseline_of(
    glossary: Glossary,
    entity_owned: Mapping[str, frozenset[str]],
    variant_owned: Mapping[tuple[str, str, str], frozenset[str]],
) -> Baseline:
    # Owned columns stay owned for good, so the recorded value of a non-owned cell is the one
    # written: recording the written rows is recording the tool's values.
    return Baseline(
        tuple(
            EntityRecord(e, entity_owned.get(e.entity_id, frozenset())) for e in glossary.entities
        ),
        tuple(VariantRecord(v, variant_owned.get(v.key, frozenset())) for v in glossary.variants),
    )
