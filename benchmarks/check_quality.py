"""`align check` quality: every variant flagged with the right suggestion, no canonical flagged.

Run from the repository root:  python benchmarks/check_quality.py

1. The glossary is built from the four seeds by the real pipeline (read, separate languages,
   split, find mentions, glossary_from_mentions).
2. A translator then sets the canonical forms of four people: Steve Witkoff, Louis Barthou,
   Yuri Ushakov / Iouri Ouchakov, Sergey Lavrov / Sergueï Lavrov (and confirms them).
3. benchmarks/data/check_fr.txt and check_en.txt (written for this benchmark) are checked as
   `align check` does. Each holds canonical forms, short forms after the full name, known variants
   from the seeds, new misspellings, and a quotation in the other language.

Baseline, in the same run: exact search of the glossary's known variants (case-sensitive
substring, the form's own canonical cell excluded), as a find-and-replace list would do.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from glossary.check.checker import Checker  # noqa: E402
from glossary.model import EntityStatus, EntityType, Glossary, Passage  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SEEDS = ROOT / "seeds"
FILES = ("check_fr.txt", "check_en.txt")
# What a translator types into the Entities sheet: (surname key, canonical_en, canonical_fr).
TRANSLATOR = (
    ("Witkoff", "Steve Witkoff", "Steve Witkoff"),
    ("Barthou", "Louis Barthou", "Louis Barthou"),
    ("Ushakov", "Yuri Ushakov", "Iouri Ouchakov"),
    ("Lavrov", "Sergey Lavrov", "Sergueï Lavrov"),
)
# (file, line, found, suggestion): hand-checked against the texts.
EXPECTED = (
    ("check_fr.txt", 7, "Steve Whitkoff", "Steve Witkoff"),
    ("check_fr.txt", 7, "Yuri Ushakov", "Iouri Ouchakov"),
    ("check_fr.txt", 7, "Sergey Lavrov", "Sergueï Lavrov"),
    ("check_fr.txt", 9, "Bartoux", "Barthou"),
    ("check_fr.txt", 9, "Bartou", "Barthou"),
    ("check_fr.txt", 9, "Iouriy Ouchakov", "Iouri Ouchakov"),
    ("check_fr.txt", 9, "Steve Witkof", "Steve Witkoff"),
    ("check_fr.txt", 11, "Sergueï Lavrof", "Sergueï Lavrov"),
    ("check_fr.txt", 11, "Stève Witkoff", "Steve Witkoff"),
    ("check_en.txt", 7, "Iouri Ouchakov", "Yuri Ushakov"),
    ("check_en.txt", 7, "Sergueï Lavrov", "Sergey Lavrov"),
    ("check_en.txt", 7, "Steve Whitkoff", "Steve Witkoff"),
    ("check_en.txt", 9, "Yury Ushakof", "Yuri Ushakov"),
    ("check_en.txt", 9, "Louis Barthoux", "Louis Barthou"),
    ("check_en.txt", 9, "Sergey Lavrow", "Sergey Lavrov"),
    ("check_en.txt", 9, "Steve Witkof", "Steve Witkoff"),
)
# (file, line, form): canonical forms for the language of their segment; none may be flagged.
CANONICAL = (
    ("check_fr.txt", 3, "Iouri Ouchakov"),
    ("check_fr.txt", 3, "Steve Witkoff"),
    ("check_fr.txt", 3, "Ouchakov"),
    ("check_fr.txt", 5, "Sergueï Lavrov"),
    ("check_fr.txt", 5, "Louis Barthou"),
    ("check_fr.txt", 15, "Yuri Ushakov"),
    ("check_fr.txt", 15, "Steve Witkoff"),
    ("check_en.txt", 3, "Yuri Ushakov"),
    ("check_en.txt", 3, "Steve Witkoff"),
    ("check_en.txt", 3, "Ushakov"),
    ("check_en.txt", 5, "Sergey Lavrov"),
    ("check_en.txt", 5, "Louis Barthou"),
    ("check_en.txt", 13, "Sergueï Lavrov"),
    ("check_en.txt", 13, "Iouri Ouchakov"),
    ("check_en.txt", 13, "Steve Witkoff"),
)


@dataclass(frozen=True)
class Reported:
    """One finding as the score sees it."""

    file: str
    line: int
    found: str
    suggestion: str


def analysed_passages(paths: Sequence[str], detector: object, splitter: object) -> list[Passage]:
    from align.readers import read_paths
    from align.text.analysis import split_all
    from align.text.language import detect_segments

    documents = read_paths(list(paths)).documents
    segments = {doc.source: detect_segments(doc, detector) for doc in documents}  # type: ignore[arg-type]
    return [p for doc in split_all(documents, segments, splitter) for p in doc.passages()]


def seed_glossary(detector: object, splitter: object) -> Glossary:
    """The glossary `align run` would build from the seeds."""
    from glossary.build import build_glossary

    return build_glossary(analysed_passages([str(SEEDS)], detector, splitter))


def translator_edits(glossary: Glossary) -> tuple[Glossary, list[str]]:
    """Set the four canonical forms on the person entities whose names share the surname key."""
    from glossary.translit import match_key

    entities = list(glossary.entities)
    notes = []
    for surname, english, french in TRANSLATOR:
        key = match_key(surname)
        forms = {e.entity_id: [e.canonical_en, e.canonical_fr] for e in entities}
        for v in glossary.variants:
            forms.setdefault(v.entity_id, []).append(v.variant)
        hits = [
            i
            for i, e in enumerate(entities)
            if e.type is EntityType.PER
            and any(match_key(f).split()[-1:] == [key] for f in forms[e.entity_id])
        ]
        for i in hits:
            entities[i] = replace(
                entities[i],
                canonical_en=english,
                canonical_fr=french,
                status=EntityStatus.CONFIRMED,
            )
        notes.append(
            f"{english}: set on {', '.join(entities[i].entity_id for i in hits) or 'none'}"
        )
    return Glossary(tuple(entities), glossary.variants), notes


def naive_findings(glossary: Glossary, passages: Sequence[Passage]) -> list[Reported]:
    """The baseline: every known variant found verbatim where it is not the canonical form."""
    canon = {
        (e.entity_id, lang): cell.split("|")
        for e in glossary.entities
        for lang, cell in (("en", e.canonical_en), ("fr", e.canonical_fr))
    }
    result = []
    for p in passages:
        for v in glossary.variants:
            wanted = canon.get((v.entity_id, p.lang))
            if not wanted or v.variant in wanted:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(v.variant)}(?!\w)", p.text):
                line = p.line + p.text.count("\n", 0, m.start())
                result.append(Reported(Path(p.source).name, line, v.variant, wanted[0]))
    return result


def score(name: str, reported: Sequence[Reported]) -> bool:
    found = {(r.file, r.line, r.found): r.suggestion for r in reported}
    right = [e for e in EXPECTED if found.get(e[:3]) == e[3]]
    wrong = [e for e in EXPECTED if e[:3] in found and found[e[:3]] != e[3]]
    missed = [e for e in EXPECTED if e[:3] not in found]
    flagged_canonical = [c for c in CANONICAL if c in found]
    expected_keys = {e[:3] for e in EXPECTED}
    others = [r for r in reported if (r.file, r.line, r.found) not in expected_keys]
    print(f"\n{name}")
    print(f"  variants flagged with the right suggestion: {len(right)}/{len(EXPECTED)}")
    print(f"  flagged with a wrong suggestion:            {len(wrong)}")
    print(f"  missed:                                     {len(missed)}")
    print(
        f"  canonical forms flagged:                    {len(flagged_canonical)}/{len(CANONICAL)}"
    )
    print(f"  other findings:                             {len(others)}")
    for e in wrong:
        print(f"    wrong  {e[0]}:{e[1]} {e[2]} -> {found[e[:3]]} (want {e[3]})")
    for e in missed:
        print(f"    missed {e[0]}:{e[1]} {e[2]} -> {e[3]}")
    for c in flagged_canonical:
        print(f"    canonical flagged {c[0]}:{c[1]} {c[2]}")
    for r in others:
        print(f"    other  {r.file}:{r.line} {r.found} -> {r.suggestion}")
    return len(right) == len(EXPECTED) and not flagged_canonical


def main() -> None:
    from align.text.language import build_detector
    from align.text.sentences import build_splitter

    detector, splitter = build_detector(), build_splitter()
    glossary, notes = translator_edits(seed_glossary(detector, splitter))
    size = f"{len(glossary.entities)} entities, {len(glossary.variants)} variants"
    print(f"glossary from the seeds: {size}")
    for note in notes:
        print(f"  translator: {note}")
    passages = analysed_passages([str(DATA / f) for f in FILES], detector, splitter)
    ours = [
        Reported(Path(f.file).name, f.line, f.found, f.suggestion)
        for f in Checker(glossary).check(passages)
    ]
    ok = score("align check", ours)
    score("baseline: exact search of known variants", naive_findings(glossary, passages))
    print("\nPASS" if ok else "\nFAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
