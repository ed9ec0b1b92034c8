"""Name clustering at scale: 10k, 100k and 1M synthetic mentions, against naive all-pairs matching.

Run from the repository root:  python benchmarks/glossary_scale.py [--sizes 10000,100000,1000000]

`--check N` measures instead `align check` of a 4-line draft against a glossary of N made-up
persons (check_speed.made_up_people, written with the tool's writer): CPU time and peak memory of
the whole command and of reading the glossary alone, with the streamed reader `check` uses and,
in the same run, with openpyxl's read-only reader (the baseline), each in its own process.

Synthetic corpus: random Russian names (Cyrillic syllables + usual surname endings, given names from
glossary/data/ru_given_names.tsv), each written as iuliia's French (MVD_310_FR) and English
(WIKIPEDIA) romanisations, a misspelling and a bare surname; one entity per 20 mentions, so the
number of distinct forms grows with the corpus as in real collections. Each size runs in its own
process and reports wall and CPU time of glossary.build.glossary_from_mentions (CPU time is the
figure to compare: other jobs on the machine stretch wall time) and peak memory (ru_maxrss).
Baseline in the same run: lowercase + unidecode + rapidfuzz ratio >= 85 over all pairs of distinct
forms (what glossary_quality.py calls naive), timed on the smaller sizes only, since it grows with
the square of the number of forms.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable
from itertools import combinations, pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from glossary.model import EntityType, Glossary, Mention  # noqa: E402

_ONSET_TEXT = "б в г д ж з к л м н п р с т ф х ц ч ш щ бр гр др кр пр тр ст"
_ONSETS = _ONSET_TEXT.split()
_VOWELS = list("аеиоуыяю")
_ENDINGS = ["ов", "ев", "ин", "ский", "енко", "ец", "ович", "ова", "ева", "ина"]
MENTIONS_PER_ENTITY = 20


def _surname(rng: random.Random) -> str:
    stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
    return (stem + rng.choice(_ENDINGS)).capitalize()


def _misspell(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + word[i] + word[i:] if word[i].isalpha() else word


def synthetic_mentions(size: int, seed: int = 7) -> list[Mention]:
    """`size` mentions of size/20 random Russian names in French and English spellings."""
    return synthetic_corpus(size, seed)[0]


def synthetic_corpus(size: int, seed: int = 7) -> tuple[list[Mention], dict[tuple[str, str], int]]:
    """Mentions and the true entity of each distinct (form, lang)."""
    import iuliia

    from glossary.translit import given_names

    rng = random.Random(seed)
    given = [g.cyrillic for g in given_names()]
    entities = []
    for _ in range(max(1, size // MENTIONS_PER_ENTITY)):
        name = f"{rng.choice(given)} {_surname(rng)}"
        fr = iuliia.MVD_310_FR.translate(name)
        en = iuliia.WIKIPEDIA.translate(name)
        forms = [(fr, "fr"), (en, "en"), (_misspell(rng, en), "en"), (en.split()[-1], "en")]
        entities.append(forms)
    truth: dict[tuple[str, str], int] = {}
    for number, forms in enumerate(entities):
        for form in forms:
            truth.setdefault(form, number)
    mentions = []
    for n in range(size):
        form, lang = rng.choice(rng.choice(entities))
        source = f"doc{n % 500:03d}.txt"
        mentions.append(
            Mention(form, lang, EntityType.PER, source, n, n + len(form), 1 + n % 300, 1, form)
        )
    return mentions, truth


def pairwise_scores(glossary: Glossary, truth: dict[tuple[str, str], int]) -> tuple[float, float]:
    """Pairwise precision and recall of distinct forms against the generated entities."""
    cells: Counter[tuple[str, int]] = Counter()
    found: Counter[str] = Counter()
    true: Counter[int] = Counter()
    for v in glossary.variants:
        entity = truth[(v.variant, v.lang)]
        cells[(v.entity_id, entity)] += 1
        found[v.entity_id] += 1
        true[entity] += 1

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    hits = pairs(cells.values())
    return hits / max(1, pairs(found.values())), hits / max(1, pairs(true.values()))


def naive_pairs_seconds(mentions: list[Mention]) -> tuple[float, int]:
    """Time of the naive all-pairs clustering of the distinct forms (the quality baseline)."""
    from rapidfuzz.fuzz import ratio
    from unidecode import unidecode

    forms = sorted({unidecode(m.form.lower()) for m in mentions})
    start = time.perf_counter()
    merged = sum(1 for a, b in combinations(forms, 2) if ratio(a, b) >= 85)
    return time.perf_counter() - start, merged


def run_one(size: int, naive: bool) -> dict[str, float]:
    from glossary.build import glossary_from_mentions

    mentions, truth = synthetic_corpus(size)
    distinct = len({(m.form, m.lang) for m in mentions})
    start, cpu = time.perf_counter(), time.process_time()
    glossary = glossary_from_mentions(mentions)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall = pairwise_scores(glossary, truth)
    result = {
        "size": size,
        "distinct_forms": distinct,
        "entities_true": max(1, size // MENTIONS_PER_ENTITY),
        "entities_found": len(glossary.entities),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_mb": peak_mb,
        "precision": precision,
        "recall": recall,
    }
    if naive:
        result["naive_seconds"], _ = naive_pairs_seconds(mentions)
    return result


DRAFT = (
    "Le président Vladimir Poutine a rencontré Sergueï Lavrov au Kremlin.\n"
    "The adviser Iouri Ouchakov met Steve Witkoff in Moscow.\n"
    "Balakin Chosky a parlé aux journalistes.\n"
    "Karina Tovich said nothing about the talks.\n"
)
# Runs `align check` (or only reads the glossary) in this process and reports its CPU and peak.
_RUNNER = """
import atexit, json, resource, sys
def report():
    use = resource.getrusage(resource.RUSAGE_SELF)
    print("RUSAGE " + json.dumps({"cpu": use.ru_utime + use.ru_stime,
                                  "peak_mb": use.ru_maxrss / 1024}), file=sys.stderr)
atexit.register(report)
reader, what, draft, glossary = sys.argv[1:5]
if reader == "openpyxl":
    import glossary.workbook.readwrite as readwrite
    load = readwrite.load_sheets
    readwrite.load_sheets = lambda *args, streamed=False, **kwargs: load(*args, **kwargs)
if what == "read":
    from glossary.workbook import read_glossary
    read_glossary(glossary)
else:
    from align.cli import app
    sys.argv = ["align", "check", draft, "--glossary", glossary]
    app(prog_name="align")
"""


def measured(reader: str, what: str, draft: Path, glossary: Path) -> dict[str, float]:
    """CPU seconds and peak MB of one process reading `glossary` (or checking `draft`)."""
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, reader, what, str(draft), str(glossary)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"{reader} {what} failed ({done.returncode}): {done.stderr[-2000:]}")
    line = next(x for x in done.stderr.splitlines() if x.startswith("RUSAGE "))
    return dict(json.loads(line.removeprefix("RUSAGE ")))


def check_large(size: int) -> None:
    """`align check` of a 4-line draft against `size` made-up persons, both readers."""
    import tempfile

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from check_speed import made_up_people

    from glossary.workbook import write_workbook

    with tempfile.TemporaryDirectory(prefix="glossary-scale-") as folder:
        glossary, draft = Path(folder) / "glossary.xlsx", Path(folder) / "draft.txt"
        write_workbook(glossary, made_up_people(size), {"tool": "glossary_scale.py"}, baseline=None)
        draft.write_text(DRAFT, encoding="utf-8")
        print(f"{size} persons, {glossary.stat().st_size / 1e6:.1f} MB workbook; draft of 4 lines")
        print("reader     what                   CPU s  peak MB")
        results = {}
        for reader in ("openpyxl", "streamed"):
            for what in ("read", "check"):
                r = measured(reader, what, draft, glossary)
                results[(reader, what)] = r
                label = "read_glossary only" if what == "read" else "align check"
                print(f"{reader:<10} {label:<20} {r['cpu']:>7.1f}  {r['peak_mb']:>7.0f}")
        for what in ("read", "check"):
            old, new = results[("openpyxl", what)], results[("streamed", what)]
            print(
                f"{what}: streamed/openpyxl CPU {new['cpu'] / old['cpu']:.2f}x, "
                f"peak {new['peak_mb'] / old['peak_mb']:.2f}x"
            )


def main() -> None:
    if "--check" in sys.argv:
        check_large(int(sys.argv[sys.argv.index("--check") + 1]))
        return
    if "--one" in sys.argv:
        size = int(sys.argv[sys.argv.index("--one") + 1])
        print(json.dumps(run_one(size, "--naive" in sys.argv)))
        return
    sizes = [10_000, 100_000, 1_000_000]
    if "--sizes" in sys.argv:
        sizes = [int(s) for s in sys.argv[sys.argv.index("--sizes") + 1].split(",")]
    results = []
    for size in sizes:
        cmd = [sys.executable, __file__, "--one", str(size)]
        if size <= 10_000:
            cmd.append("--naive")
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    print(
        "mentions  distinct forms  entities true/found  precision  recall  wall s  CPU s  "
        "peak MB  naive s"
    )
    for r in results:
        naive = f"{r['naive_seconds']:.1f}" if "naive_seconds" in r else "-"
        print(
            f"{r['size']:>8}  {r['distinct_forms']:>14}  "
            f"{r['entities_true']:>10}/{r['entities_found']:<8}  {r['precision']:>9.3f}  "
            f"{r['recall']:>6.3f}  {r['seconds']:>6.1f}  "
            f"{r['cpu_seconds']:>5.1f}  {r['peak_mb']:>7.0f}  {naive:>7}"
        )
    for small, big in pairwise(results):
        print(
            f"CPU time ratio {big['size']}/{small['size']} mentions: "
            f"{big['cpu_seconds'] / small['cpu_seconds']:.1f}x for "
            f"{big['size'] / small['size']:.0f}x input"
        )


if __name__ == "__main__":
    main()
