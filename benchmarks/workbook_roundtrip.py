"""The glossary workbook's round trip: do a person's edits survive re-runs, and at what cost?

Run from the repository root:
    python benchmarks/workbook_roundtrip.py [--entities 500] [--speed 500,5000]

Quality. A synthetic glossary (N entities, 4 variants each) is written; a simulated person edits
10% of the rows in the saved .xlsx with openpyxl (canonical forms, notes, statuses, moved
variants, confirmed entities, added rows); the sources then change (every count moves) and the
tool runs twice. Scored: the share of the person's edits still there, the share of the tool's own
cells that took the new counts, and rejected variants re-attached. Baselines in the same run:
`overwrite` (write the fresh glossary, ignoring the workbook) and `keep` (never touch the
workbook again).

Speed. write_workbook, read_workbook and merge_workbook for N entities against plain openpyxl in
the same run (write-only dump and read-only scan of the same visible rows: no styles, drop-downs or
hidden record), as ratios.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from glossary.model import (  # noqa: E402
    Entity,
    EntityType,
    Glossary,
    Variant,
    VariantKind,
)
from glossary.workbook import read_workbook, write_workbook  # noqa: E402
from glossary.workbook.cells import entity_values, variant_values  # noqa: E402
from glossary.workbook.merge import merge_workbook, update_workbook  # noqa: E402
from glossary.workbook.schema import ENTITY_COLUMNS, VARIANT_COLUMNS  # noqa: E402


def synthetic(entities: int, seed: int) -> Glossary:
    """N entities, each with a French and English canonical form, a short form and a misspelling."""
    rng = random.Random(seed)
    rows, variants = [], []
    for i in range(entities):
        eid = f"e{i:06d}"
        en, fr = f"Person{i} Ushakov", f"Personne{i} Ouchakov"
        rows.append(Entity(eid, EntityType.PER, en, fr, mentions=10, sources=(f"doc{i % 7}:{i}",)))
        for form, lang, kind in (
            (fr, "fr", VariantKind.CANONICAL),
            (en, "en", VariantKind.TRANSLITERATION),
            (f"Ouchakov{i}", "fr", VariantKind.SHORT),
            (f"Persn{i} Ushakof", "en", VariantKind.SPELLING),
        ):
            variants.append(
                Variant(eid, form, lang, kind, rng.randint(1, 9), example=f"... {form} a dit ...")
            )
    return Glossary(tuple(rows), tuple(variants))


def recount(glossary: Glossary, seed: int) -> Glossary:
    """The same names after the sources changed: every count moves."""
    rng = random.Random(seed)
    return replace(
        glossary,
        variants=tuple(replace(v, count=v.count + rng.randint(1, 5)) for v in glossary.variants),
    )


def person_edits(path: Path, share: float, seed: int) -> list[tuple[str, tuple, str, object]]:
    """Edit `share` of the rows in the saved workbook; return what each edited cell must hold."""
    rng = random.Random(seed)
    book = openpyxl.load_workbook(path)
    entities, variants = book["Entities"], book["Variants"]
    expected: list[tuple[str, tuple, str, object]] = []
    ids = [entities.cell(r, 1).value for r in range(2, entities.max_row + 1)]
    for row in range(2, entities.max_row + 1):
        if rng.random() >= share:
            continue
        eid = entities.cell(row, 1).value
        column, value = rng.choice(
            [("canonical_fr", f"Édité {row}"), ("note", f"checked {row}"), ("status", "confirmed")]
        )
        entities.cell(row, ENTITY_COLUMNS.index(column) + 1, value)
        expected.append(("entity", (eid,), column, value))
    for row in range(2, variants.max_row + 1):
        if rng.random() >= share:
            continue
        eid, form, lang = (variants.cell(row, c).value for c in (1, 2, 3))
        action = rng.choice(["approved", "deprecated", "rejected", "move"])
        if action == "move":
            other = rng.choice([i for i in ids if i != eid])
            variants.cell(row, 1, other)
            expected.append(("variant", (other, form, lang), "entity_id", other))
        else:
            variants.cell(row, VARIANT_COLUMNS.index("status") + 1, action)
            expected.append(("variant", (eid, form, lang), "status", action))
    for n in range(max(1, int(len(ids) * share / 4))):
        eid = f"added{n}"
        entities.append([eid, "LOC", f"Place {n}", f"Lieu {n}", None, "auto", "mine", None, None])
        variants.append([eid, f"Lieu {n}", "fr", "canonical", None, "approved", None, None])
        expected.append(("entity", (eid,), "canonical_en", f"Place {n}"))
        expected.append(("variant", (eid, f"Lieu {n}", "fr"), "status", "approved"))
    book.save(path)
    return expected


def score(glossary: Glossary, expected: list, fresh: Glossary) -> tuple[float, float, int]:
    """Share of edits kept, share of the tool's untouched counts updated, rejected re-attached."""
    entities = {(e.entity_id,): e for e in glossary.entities}
    variants = {(v.entity_id, v.variant, v.lang): v for v in glossary.variants}
    kept = 0
    for table, key, column, value in expected:
        row = (entities if table == "entity" else variants).get(key)
        kept += row is not None and str(getattr(row, column)) == str(value)
    edited = {key for table, key, _, _ in expected if table == "variant"}
    moved_forms = {key[1:] for table, key, column, _ in expected if column == "entity_id"}
    new_counts = {(v.entity_id, v.variant, v.lang): v.count for v in fresh.variants}
    untouched = [k for k in new_counts if k not in edited and k[1:] not in moved_forms]
    updated = sum(k in variants and variants[k].count == new_counts[k] for k in untouched)
    rejected = {k for t, k, c, v in expected if v == "rejected"}
    reattached = sum(1 for k in rejected if k in variants and variants[k].status != "rejected")
    return kept / len(expected), updated / max(1, len(untouched)), reattached


def quality(entities: int) -> None:
    fresh = synthetic(entities, seed=1)
    later = recount(fresh, seed=2)
    print(f"quality: {entities} entities, {len(fresh.variants)} variants, 10% of rows edited")
    print("| system | edits kept | tool counts updated | rejected re-attached | s |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.xlsx"
        write_workbook(path, fresh, {}, baseline=None)
        expected = person_edits(path, 0.10, seed=3)
        person = path.read_bytes()

        start = time.perf_counter()
        for _ in range(2):
            update_workbook(path, later, {})
        ours = time.perf_counter() - start
        result = score(read_workbook(path).glossary, expected, later)
        print(
            f"| ours (merge, two re-runs) | {result[0]:.3f} | {result[1]:.3f} | {result[2]} "
            f"| {ours:.1f} |"
        )

        start = time.perf_counter()
        write_workbook(path, later, {}, baseline=None)
        result = score(read_workbook(path).glossary, expected, later)
        took = time.perf_counter() - start
        print(f"| overwrite | {result[0]:.3f} | {result[1]:.3f} | {result[2]} | {took:.1f} |")

        path.write_bytes(person)
        result = score(read_workbook(path).glossary, expected, later)
        print(f"| keep as is | {result[0]:.3f} | {result[1]:.3f} | {result[2]} | 0 |")
        print(f"edits simulated: {len(expected)}")


def plain_write(path: Path, glossary: Glossary) -> None:
    book = openpyxl.Workbook(write_only=True)
    for name, header, rows in (
        ("Entities", ENTITY_COLUMNS, [entity_values(e) for e in glossary.entities]),
        ("Variants", VARIANT_COLUMNS, [variant_values(v) for v in glossary.variants]),
    ):
        sheet = book.create_sheet(name)
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
    book.save(path)


def plain_read(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for sheet in book.worksheets for _ in sheet.iter_rows(values_only=True))
    book.close()
    return rows


def speed(sizes: list[int]) -> None:
    print("\nspeed (CPU seconds, as other jobs stretch wall time; ratio = ours / plain openpyxl)")
    print(
        "| entities | variants | write | plain write | ratio | read | plain read | ratio "
        "| merge | bytes |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        ours, plain = Path(folder) / "ours.xlsx", Path(folder) / "plain.xlsx"
        for size in sizes:
            glossary = synthetic(size, seed=1)
            t0 = time.process_time()
            write_workbook(ours, glossary, {}, baseline=None)
            t1 = time.process_time()
            plain_write(plain, glossary)
            t2 = time.process_time()
            workbook = read_workbook(ours)
            t3 = time.process_time()
            plain_read(plain)
            t4 = time.process_time()
            merge_workbook(workbook, recount(glossary, seed=2))
            t5 = time.process_time()
            w, pw, r, pr = t1 - t0, t2 - t1, t3 - t2, t4 - t3
            print(
                f"| {size} | {len(glossary.variants)} | {w:.2f} | {pw:.2f} | {w / pw:.1f} "
                f"| {r:.2f} | {pr:.2f} | {r / pr:.1f} | {t5 - t4:.2f} | {ours.stat().st_size} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=500)
    parser.add_argument("--speed", default="500,5000")
    args = parser.parse_args()
    quality(args.entities)
    speed([int(s) for s in args.speed.split(",")])


if __name__ == "__main__":
    main()
