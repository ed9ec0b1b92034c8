"""A person's edits win: merge the workbook a person left with the glossary the tool found anew.

Who owns a cell. The workbook keeps, in very hidden sheets, each row as the tool last wrote it
and the columns a person owns. A cell that differs from that record is a person's edit and
stays theirs for good; a row absent from the record is a person's row, whose blank cells the
tool fills. Type, kind and language cells left blank or holding an unknown word are always the
tool's to fill (the unknown word is written back as typed). Without the record (a person deleted
it), every cell is treated as a person's except the counts and sources.

What the tool does with what it owns:
- It refreshes its own cells of every row from the fresh glossary: counts, sources, examples,
  kinds, canonical forms, types. A person's cells are never touched. After a person changed an
  entity's canonical form, the kinds of its variants are worked out again against it.
- A fresh entity is matched to the previous one that shares most of its (variant, lang) pairs,
  so an entity keeps its id when a person changed its canonical form; failing that, to the one
  with the same id.
- A variant row stays where it is when a person placed it (changed its entity_id) or set its
  status; a row the tool placed follows the tool's new clustering. A row whose text or language
  a person retyped stands for the form the tool found (recorded beside it), so that form never
  comes back beside it.
- A rejected variant is never attached to that entity again, nor listed as a new entity. An
  entity whose status is `rejected` keeps its rows exactly as they are, and none of its forms is
  listed again anywhere. Rows a person deleted are recorded as deleted and treated alike: the
  same evidence never brings them back. A form a person still lists elsewhere (a row of theirs,
  a canonical form they typed) is not thrown away.
- An entity whose status is `confirmed` is never changed, not even its mentions or sources, and
  keeps its variant rows (the tool neither moves nor drops them); new variants may still be
  attached to it as `auto` rows for a person to review.
- Tool rows the sources no longer give are removed; rows with a person's edit are kept, with
  count 0 and no sources.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from glossary.canonical import free_id
from glossary.model import (
    REVIEW_SEPARATOR,
    Entity,
    EntityStatus,
    Glossary,
    KeptOut,
    Lang,
    Source,
    Variant,
    VariantStatus,
    form_key,
    review_cells,
)
from glossary.workbook.kinds import canonical_of, kind_of
from glossary.workbook.ownership import (
    ENTITY_STATS,
    Row,
    deleted_entities,
    entity_ownership,
    variant_rows_of,
)
from glossary.workbook.readwrite import read_workbook, sort_glossary, write_workbook
from glossary.workbook.schema import (
    ENTITY_COLUMNS,
    REVIEW,
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
    rows, deleted_variants = variant_rows_of(previous)
    gone_entities = deleted_entities(previous)
    entity_owned = entity_ownership(previous)
    refused_forms = _kept_out(previous, rows, deleted_variants, entity_owned, gone_entities)
    if refused_forms:
        kept = tuple(v for v in fresh.variants if not refused_forms.excludes(v.variant, v.lang))
        # A fresh entity made only of forms of an entity a person rejected or deleted is that
        # entity again: it goes. One whose variants a person refused one by one stays.
        with_forms = {v.entity_id for v in kept}
        thrown = {v.entity_id for v in fresh.variants if form_key(v.variant) in refused_forms.forms}
        fresh = Glossary(
            tuple(
                e for e in fresh.entities if e.entity_id in with_forms or e.entity_id not in thrown
            ),
            kept,
        )
    read_as = [(row, row.variant.key) for row in rows]
    _fill_languages(rows, fresh)
    prev_ids = {e.entity_id for e in previous.glossary.entities}
    fresh_variants: dict[str, list[Variant]] = {}
    for variant in fresh.variants:
        fresh_variants.setdefault(variant.entity_id, []).append(variant)

    rejected_entities = {e.entity_id for e in previous.glossary.entities if e.rejected}
    by_form: dict[FormKey, list[Row]] = {}
    for row in rows:
        if not row.variant.rejected and row.variant.entity_id not in rejected_entities:
            for key in _row_keys(row):
                by_form.setdefault(key, []).append(row)
    # (entity, form) pairs a person refused: rejected rows, and rows they deleted.
    refused = {
        (row.variant.entity_id, key)
        for row in rows
        if row.variant.rejected
        for key in _row_keys(row)
    }
    refused |= {(v.entity_id, _form_key(v)) for v in deleted_variants}
    confirmed = {
        e.entity_id for e in previous.glossary.entities if e.status == EntityStatus.CONFIRMED
    }
    target = _match_entities(fresh, fresh_variants, by_form, prev_ids, confirmed)

    new_rows: dict[tuple[str, FormKey], Row] = {}
    for entity in fresh.entities:
        home = target[entity.entity_id]
        # The canonical forms the fresh kinds were worked out against.
        fed_by = (entity.canonical_en, entity.canonical_fr)
        for fresh_variant in fresh_variants.get(entity.entity_id, []):
            key = _form_key(fresh_variant)
            placed = _place(by_form.get(key, []), home, (home, key) in refused, confirmed)
            if placed is None and ((home, key) in refused or home in rejected_entities):
                continue  # a person said no: not this entity, and not a new one either
            if placed is None and (home, key) not in new_rows:
                new_rows[(home, key)] = Row(
                    replace(fresh_variant, entity_id=home), frozenset(), matched=True
                )
                placed = new_rows[(home, key)]
            else:
                placed = placed or new_rows[(home, key)]
                _refresh(placed, fresh_variant)
            placed.fed_by = fed_by

    variant_rows = [
        r for r in (_settle(row, confirmed, rejected_entities) for row in rows) if r is not None
    ]
    variant_rows += new_rows.values()
    # Entities a person refused variants of are theirs to keep, even left with no variant.
    touched = {entity_id for entity_id, _ in refused}
    entities = _merge_entities(previous, fresh, target, entity_owned, variant_rows, touched)
    _recompute_kinds(entities, variant_rows)
    glossary = sort_glossary(
        Glossary(tuple(e for e, _ in entities), tuple(r.variant for r in variant_rows))
    )
    _check_consistent(glossary)
    owned_entities = {e.entity_id: owned for e, owned in entities}
    owned_variants = {r.variant.key: r.owned for r in variant_rows}
    origins = {r.variant.key: r.origin for r in variant_rows if r.origin is not None}
    baseline = _baseline_of(glossary, owned_entities, owned_variants, origins)
    ids = {e.entity_id for e in glossary.entities}
    keys = {v.key for v in glossary.variants}
    return Merge(
        glossary,
        Baseline(
            baseline.entities
            + tuple(EntityRecord(e, deleted=True) for e in gone_entities if e.entity_id not in ids),
            baseline.variants
            + tuple(VariantRecord(v, deleted=True) for v in deleted_variants if v.key not in keys),
            moved=tuple(
                sorted((read, row.variant.key) for row, read in read_as if read != row.variant.key)
            ),
        ),
    )


def kept_out(previous: Workbook) -> KeptOut:
    """Forms a person threw away (rejected or deleted entities and variants) and lists nowhere
    else: the tool must not find them again, as an entity or as a variant."""
    rows, deleted_variants = variant_rows_of(previous)
    return _kept_out(
        previous, rows, deleted_variants, entity_ownership(previous), deleted_entities(previous)
    )


def _kept_out(
    previous: Workbook,
    rows: list[Row],
    deleted_variants: tuple[Variant, ...],
    owned: Mapping[str, frozenset[str]],
    gone_entities: tuple[Entity, ...],
) -> KeptOut:
    entities = previous.glossary.entities
    rejected_ids = {e.entity_id for e in entities if e.rejected}
    confirmed_ids = {e.entity_id for e in entities if e.status == EntityStatus.CONFIRMED}
    # Forms a person still lists somewhere (a row or canonical cell of theirs, or a confirmed
    # entity) stay; the tool's own rows do not veto what a person threw away.
    alive: set[tuple[str, str]] = set()
    for row in rows:
        variant = row.variant
        if variant.rejected or variant.entity_id in rejected_ids:
            continue
        if row.owned or variant.entity_id in confirmed_ids:
            alive.add((form_key(variant.variant), variant.lang))
    for entity in entities:
        if entity.rejected:
            continue
        for lang, column in ((Lang.EN, "canonical_en"), (Lang.FR, "canonical_fr")):
            if column in owned[entity.entity_id] or entity.entity_id in confirmed_ids:
                alive.update((form_key(f), lang) for f in entity.canonicals(lang))
    alive_forms = {form for form, _ in alive}

    thrown = [e for e in entities if e.rejected] + list(gone_entities)
    thrown_ids = {e.entity_id for e in thrown}
    forms = {form_key(f) for e in thrown for lang in (Lang.EN, Lang.FR) for f in e.canonicals(lang)}
    forms |= {form_key(r.variant.variant) for r in rows if r.variant.entity_id in thrown_ids}
    forms |= {form_key(v.variant) for v in deleted_variants if v.entity_id in thrown_ids}
    pairs = {(form_key(r.variant.variant), r.variant.lang) for r in rows if r.variant.rejected}
    pairs |= {(form_key(r.origin[0]), r.origin[1]) for r in rows if r.variant.rejected and r.origin}
    pairs |= {(form_key(v.variant), v.lang) for v in deleted_variants}
    return KeptOut(
        frozenset(f for f in forms if f and f not in alive_forms),
        frozenset(p for p in pairs if p not in alive and p[0] not in forms),
    )


def _row_keys(row: Row) -> tuple[FormKey, ...]:
    """The forms a row stands for: its own, and the one the tool found if a person retyped it."""
    own = _form_key(row.variant)
    if row.origin is None:
        return (own,)
    origin = (unicodedata.normalize("NFC", row.origin[0]).strip(), row.origin[1].strip().lower())
    return (own,) if origin == own else (own, origin)


def _fill_languages(rows: list[Row], fresh: Glossary) -> None:
    """A variant a person typed without a language takes the one the sources give that form."""
    if not any("lang" in row.tool for row in rows):
        return
    langs: dict[str, Counter[str]] = {}
    for variant in fresh.variants:
        langs.setdefault(form_key(variant.variant), Counter())[variant.lang] += variant.count
    taken = {r.variant.key for r in rows}
    for row in rows:
        if "lang" not in row.tool or "lang" in row.owned:
            continue
        found = langs.get(form_key(row.variant.variant))
        if not found:
            continue
        lang = min(found, key=lambda lang: (-found[lang], lang))
        moved = replace(row.variant, lang=lang)
        if moved.key not in taken:
            taken.discard(row.variant.key)
            taken.add(moved.key)
            row.variant = moved


def _recompute_kinds(entities: list[tuple[Entity, frozenset[str]]], rows: list[Row]) -> None:
    """The tool's kinds, against the canonical forms as written: after a person changed a
    canonical form, and for kinds a person left blank or unreadable."""
    edited = {
        e.entity_id: e
        for e, owned in entities
        if not e.rejected and owned & {"canonical_en", "canonical_fr"}
    }
    by_id = {e.entity_id: e for e, _ in entities}
    # Kinds the fresh glossary worked out against other canonical forms than the entity's now
    # (a row another fresh entity fed, or whose entity the tool renamed) are worked out again.
    stale = {
        id(row)
        for row in rows
        if row.fed_by is not None
        and row.variant.entity_id in by_id
        and row.fed_by
        != (by_id[row.variant.entity_id].canonical_en, by_id[row.variant.entity_id].canonical_fr)
    }
    forms: dict[str, list[str]] = {}
    for row in rows:
        forms.setdefault(row.variant.entity_id, []).append(row.variant.variant)
    canons: dict[str, Any] = {}
    for row in rows:
        variant = row.variant
        if "kind" in row.owned or variant.rejected:
            continue
        entity = edited.get(variant.entity_id)
        if entity is None and ("kind" in row.tool or id(row) in stale):
            entity = by_id.get(variant.entity_id)
        if entity is None:
            continue
        if entity.entity_id not in canons:
            canons[entity.entity_id] = canonical_of(entity, forms.get(entity.entity_id, ()))
        kind = kind_of(variant.variant, variant.lang, entity, canons[entity.entity_id])
        row.variant = replace(variant, kind=kind)


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
    confirmed: set[str],
) -> dict[str, str]:
    """Fresh entity id -> the id it is written under (a previous entity's, or a new one).

    A previous entity goes to the fresh one that shares most of its forms. Another fresh entity
    whose forms the tool alone had put there is the tool's new clustering splitting it (a merge
    an earlier version made wrongly): it gets an id of its own. One whose forms a person placed
    there (moved, gave a status, confirmed the entity) joins it, as the person said."""
    target: dict[str, str] = {}
    scores: dict[str, tuple[Counter[str], bool]] = {}
    for entity in fresh.entities:
        score: Counter[str] = Counter()
        by_person = False
        for variant in fresh_variants.get(entity.entity_id, []):
            found = by_form.get(_form_key(variant), [])
            score.update({r.variant.entity_id for r in found})
            by_person = by_person or any(_placed_by_person(r, confirmed) for r in found)
        if score:
            scores[entity.entity_id] = (score, by_person)
    taken: set[str] = set()
    for entity_id in sorted(scores, key=lambda e: (-max(scores[e][0].values()), e)):
        score, by_person = scores[entity_id]
        best = _best_match(score, entity_id)
        if by_person:
            target[entity_id] = best  # joins it without taking it from the tool's own match
        elif best not in taken:
            target[entity_id] = best
            taken.add(best)
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


def _placed_by_person(row: Row, confirmed: set[str]) -> bool:
    """A row a person put where it is: moved, given a status, or in an entity they confirmed."""
    return (
        "entity_id" in row.owned
        or row.variant.status != VariantStatus.AUTO
        or row.variant.entity_id in confirmed
    )


def _place(rows: list[Row], home: str, rejected_at_home: bool, confirmed: set[str]) -> Row | None:
    """The previous row a fresh variant of entity `home` updates, moved home if the tool's."""
    for row in rows:
        if row.variant.entity_id == home:
            return row
    if not rows:
        return None
    placed = [r for r in rows if _placed_by_person(r, confirmed)]
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


def _settle(row: Row, confirmed: set[str], rejected: set[str]) -> Row | None:
    """A previous row no fresh variant matched: kept if a person made it theirs or its entity is
    confirmed, else dropped; rows of rejected entities are left exactly as they are."""
    if row.matched or row.variant.rejected or row.variant.entity_id in rejected:
        return row
    if not row.owned and row.variant.entity_id not in confirmed:
        return None
    values: dict[str, Any] = {
        c: v for c, v in (("count", 0), ("sources", ())) if c not in row.owned
    }
    row.variant = replace(row.variant, **values)
    return row


def _merge_entities(
    previous: Workbook,
    fresh: Glossary,
    target: Mapping[str, str],
    owned: Mapping[str, frozenset[str]],
    variant_rows: list[Row],
    touched: set[str],
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
        if entity.status in (EntityStatus.CONFIRMED, EntityStatus.REJECTED):
            # A person signed the entity (or threw it away): nothing left to review.
            review = entity.review if REVIEW in mine else ""
            result.append((replace(entity, review=review), mine))
            continue
        if not (mine or found or entity.entity_id in holding or entity.entity_id in touched):
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
            for column in (*ENTITY_COLUMNS, REVIEW):
                if column not in mine and column not in ENTITY_STATS and column != "entity_id":
                    values[column] = getattr(best, column)
        if REVIEW not in mine:
            values[REVIEW] = _unreviewed(values.get(REVIEW, entity.review), mine)
        result.append((replace(entity, **values), mine))
    for entity in fresh.entities:
        home = target[entity.entity_id]
        # A new entity needs a variant of its own: one whose every form a person refused is gone.
        if home not in prev_ids and home in holding:
            result.append((replace(entity, entity_id=home), frozenset()))
    return result


def _unreviewed(mark: str, owned: frozenset[str]) -> str:
    """The review mark without the cells a person wrote: their canonical form is no guess."""
    return REVIEW_SEPARATOR.join(cell for cell in review_cells(mark) if cell not in owned)


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
    origins: Mapping[tuple[str, str, str], tuple[str, str]] | None = None,
) -> Baseline:
    # Owned columns stay owned for good, so the recorded value of a non-owned cell is the one
    # written: recording the written rows is recording the tool's values.
    origins = origins or {}
    return Baseline(
        tuple(
            EntityRecord(e, entity_owned.get(e.entity_id, frozenset())) for e in glossary.entities
        ),
        tuple(
            VariantRecord(v, variant_owned.get(v.key, frozenset()), origin=origins.get(v.key))
            for v in glossary.variants
        ),
    )
