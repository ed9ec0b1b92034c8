"""Name glossary quality on the seeds against ../shared/gold, beside a naive fuzzy baseline.

Run from the repository root:  python benchmarks/glossary_quality.py [--simple-reader]

Both systems get the same mentions (glossary.mentions.finder.find_mentions over the sentences of the
seeds, from the real pipeline: reading, language detection, repeat removal, sentence splitting).
They differ only in how forms become entities and canonical forms:
- ours: glossary.build.glossary_from_mentions (transliteration keys, CLDR exonyms, blocked fuzzy
  matching);
- naive: lowercase + unidecode, rapidfuzz ratio >= 85 between every pair of distinct forms, the
  most frequent form of each language as canonical.
Mention finding is measured too: the forms of benchmarks/data/glossary_review_not_entities.txt
(capitalised common words, reference-list words, adjectives a review of the workbook found listed)
that still come out as variants, beside a capitalised-runs baseline (every run of capitalised words
that does not start a sentence is a name) clustered by ours.
The design-card check adds benchmarks/data/design_card_en.txt (a short English text of ours) to
the seeds and requires the four pairs merged with English canonical forms Ushakov, Witkoff,
Barthou and Marco Rubio.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from glossary.build import glossary_from_mentions  # noqa: E402
from glossary.mentions.finder import find_mentions  # noqa: E402
from glossary.model import Glossary, Mention, Passage  # noqa: E402

GOLD = SHARED / "gold" / "seed_entities.tsv"
NOT_NAMES = SHARED / "gold" / "seed_not_names.txt"
SEEDS = ROOT / "seeds"
CARD = ROOT / "benchmarks" / "data" / "design_card_en.txt"
REVIEW = ROOT / "benchmarks" / "data" / "glossary_review_not_entities.txt"
CARD_PAIRS = (
    ("Iouri Ouchakov", "Yuri Ushakov", "Ushakov"),
    ("Steve Whitkoff", "Steve Witkoff", "Witkoff"),
    ("Bartoux", "Louis Barthou", "Barthou"),
    ("Mark Rubio", "Marco Rubio", "Marco Rubio"),
)


@dataclass(frozen=True)
class GoldEntity:
    key: str
    english: tuple[str, ...]
    french: tuple[str, ...]
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    coverage: float
    recall: float
    precision: float
    canonical: float
    not_names_listed: tuple[str, ...]
    entities: int
    misses: tuple[str, ...]


def _norm(form: str) -> str:
    return form.replace("’", "'")


def read_gold() -> list[GoldEntity]:
    rows = GOLD.read_text("utf-8").splitlines()[1:]
    gold = []
    for row in rows:
        cells = row.split("\t")
        gold.append(
            GoldEntity(
                cells[0],
                tuple(cells[2].split("|")),
                tuple(cells[3].split("|")),
                tuple(f.strip() for f in cells[4].split(";")),
            )
        )
    return gold


def pipeline_passages(paths: Sequence[Path]) -> list[Passage]:
    """Sentences as `align run` gives them to the glossary."""
    from align.readers import read_paths
    from align.text.analysis import analyse
    from align.text.language import build_detector
    from align.text.sentences import build_splitter

    read = read_paths([str(p) for p in paths])
    analysed = analyse(read.documents, build_detector(), build_splitter())
    return [p for doc in analysed for p in doc.passages()]


def simple_passages(paths: Sequence[Path]) -> list[Passage]:
    """Fallback reader: lines cut at sentence stops, language from the file (003 is English)."""
    sentence = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
    out = []
    for path in paths:
        lang = "en" if path.name.startswith(("003", "design")) else "fr"
        offset = 0
        for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
            for m in sentence.finditer(line):
                body = m.group().strip()
                if body:
                    start = m.start() + len(m.group()) - len(m.group().lstrip())
                    out.append(Passage(path.name, lang, body, offset + start, number, start + 1))
            offset += len(line) + 1
    return out


def naive_glossary(mentions: Sequence[Mention]) -> Glossary:
    """Baseline: lowercase + unidecode, rapidfuzz ratio >= 85 over all pairs of distinct forms."""
    from rapidfuzz.fuzz import ratio
    from unidecode import unidecode

    from glossary.model import Entity, EntityType, Variant, VariantKind

    forms = sorted({(m.form, m.lang) for m in mentions})
    counts = Counter((m.form, m.lang) for m in mentions)
    keys = [unidecode(f.lower()) for f, _ in forms]
    parent = list(range(len(forms)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(forms)), 2):
        if ratio(keys[i], keys[j]) >= 85:
            parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(forms)):
        groups[find(i)].append(i)
    entities, variants = [], []
    for n, members in enumerate(groups.values()):
        ident = f"e{n}"

        def top(lang: str, members: list[int] = members) -> str:
            pool = [i for i in members if forms[i][1] == lang] or members
            return forms[max(pool, key=lambda i: (counts[forms[i]], forms[i]))][0]

        entities.append(Entity(ident, EntityType.MISC, top("en"), top("fr")))
        for i in members:
            variants.append(Variant(ident, forms[i][0], forms[i][1], VariantKind.CANONICAL))
    return Glossary(tuple(entities), tuple(variants))


def score(glossary: Glossary, gold: Sequence[GoldEntity], not_names: set[str]) -> Score:
    holders: dict[str, set[str]] = defaultdict(set)
    for v in glossary.variants:
        holders[_norm(v.variant)].add(v.entity_id)
    by_id = {e.entity_id: e for e in glossary.entities}
    found = total = 0
    misses = []
    together_right = together_all = recall_hits = recall_all = 0
    canonical_right = 0
    gold_of: dict[str, str] = {}
    for g in gold:
        for form in g.forms:
            total += 1
            if holders.get(_norm(form)):
                found += 1
                gold_of[_norm(form)] = g.key
            else:
                misses.append(f"{g.key}: {form} not found")
        for a, b in combinations(g.forms, 2):
            recall_all += 1
            if holders.get(_norm(a), set()) & holders.get(_norm(b), set()):
                recall_hits += 1
            else:
                misses.append(f"{g.key}: {a} / {b} not merged")
        ids = Counter(i for f in g.forms for i in holders.get(_norm(f), ()))
        if ids:
            entity = by_id[ids.most_common(1)[0][0]]
            if entity.canonical_en in g.english and entity.canonical_fr in g.french:
                canonical_right += 1
            else:
                misses.append(f"{g.key}: canonical {entity.canonical_en} / {entity.canonical_fr}")
    for a, b in combinations(sorted(gold_of), 2):
        if holders[a] & holders[b]:
            together_all += 1
            together_right += gold_of[a] == gold_of[b]
            if gold_of[a] != gold_of[b]:
                misses.append(f"wrongly merged: {a} / {b}")
    listed = tuple(sorted(w for w in not_names if holders.get(w)))
    return Score(
        coverage=found / total,
        recall=recall_hits / recall_all if recall_all else 1.0,
        precision=together_right / together_all if together_all else 1.0,
        canonical=canonical_right / len(gold),
        not_names_listed=listed,
        entities=len(glossary.entities),
        misses=tuple(misses),
    )


def card_check(glossary: Glossary) -> list[str]:
    """The design card's pairs share an entity whose canonical_en has the expected spelling."""
    holders: dict[str, set[str]] = defaultdict(set)
    for v in glossary.variants:
        holders[v.variant].add(v.entity_id)
    by_id = {e.entity_id: e for e in glossary.entities}
    lines = []
    for a, b, english in CARD_PAIRS:
        shared = holders.get(a, set()) & holders.get(b, set())
        canon = by_id[sorted(shared)[0]].canonical_en if shared else "-"
        ok = bool(shared) and (canon == english or canon.endswith(" " + english))
        lines.append(
            f"  {a} = {b}: {'merged' if shared else 'NOT merged'}, canonical_en {canon!r}"
            f" {'ok' if ok else 'WRONG'}"
        )
    return lines


def capital_runs(passages: Sequence[Passage]) -> list[Mention]:
    """Baseline mentions: runs of capitalised words not at a sentence start, typed MISC."""
    from glossary.model import EntityType

    run = re.compile(r"(?<![.!?:] )(?<!^)\b[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)*")
    found = []
    for p in passages:
        for m in run.finditer(p.text):
            found.append(
                Mention(
                    m.group(),
                    p.lang,
                    EntityType.MISC,
                    p.source,
                    p.start + m.start(),
                    p.start + m.end(),
                    p.line,
                    p.column + m.start(),
                    p.text[:120],
                )
            )
    return found


def review_forms() -> list[str]:
    return [
        line.strip()
        for line in REVIEW.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def review_listed(glossary: Glossary) -> list[str]:
    """Forms of the review list that are variants of some entity."""
    listed = {_norm(v.variant) for v in glossary.variants}
    return [form for form in review_forms() if form in listed]


def report(name: str, s: Score, seconds: float) -> None:
    print(
        f"{name}: coverage {s.coverage:.3f}  pairwise recall {s.recall:.3f}  "
        f"pairwise precision {s.precision:.3f}  canonical en+fr {s.canonical:.3f}  "
        f"entities {s.entities}  not-names listed {len(s.not_names_listed)}  "
        f"clustering {seconds * 1000:.0f} ms"
    )
    for word in s.not_names_listed:
        print(f"    not-name listed: {word}")


def main() -> None:
    simple = "--simple-reader" in sys.argv
    gold = read_gold()
    not_names = {
        line.strip()
        for line in NOT_NAMES.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    seeds = sorted(SEEDS.glob("*.txt"))
    reader = simple_passages if simple else pipeline_passages
    passages = reader(seeds)
    t0 = time.perf_counter()
    mentions = find_mentions(passages)
    t_mentions = time.perf_counter() - t0
    print(
        f"reader: {'simple' if simple else 'align pipeline'}; {len(passages)} sentences, "
        f"{len(mentions)} mentions in {t_mentions * 1000:.0f} ms"
    )
    t0 = time.perf_counter()
    ours = glossary_from_mentions(mentions)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    naive = naive_glossary(mentions)
    t_naive = time.perf_counter() - t0
    ours_score, naive_score = score(ours, gold, not_names), score(naive, gold, not_names)
    report("ours ", ours_score, t_ours)
    report("naive", naive_score, t_naive)
    print("ours, misses:")
    for line in ours_score.misses:
        print("   ", line)
    review_total = len(review_forms())
    runs = glossary_from_mentions(capital_runs(passages))
    runs_score = score(runs, gold, not_names)
    print(
        f"review not-entities listed: ours {len(review_listed(ours))}/{review_total}  "
        f"capitalised-runs baseline {len(review_listed(runs))}/{review_total} "
        f"(its coverage {runs_score.coverage:.3f}, entities {runs_score.entities}, "
        f"not-names listed {len(runs_score.not_names_listed)})"
    )
    for form in review_listed(ours):
        print(f"    still listed: {form}")
    card = glossary_from_mentions(find_mentions(reader([*seeds, CARD])))
    print("design card (seeds + benchmarks/data/design_card_en.txt):")
    print("\n".join(card_check(card)))
    print("naive on the design card:")
    print("\n".join(card_check(naive_glossary(find_mentions(reader([*seeds, CARD]))))))


if __name__ == "__main__":
    main()
