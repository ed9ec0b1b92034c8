"""Name glossary quality of `align run` on the dev news set, beside the seeds' glossary benchmark.

Run from the repository root:  python benchmarks/names_news.py [--keep DIR]

Data: ../shared/dev/news (30 WMT articles, 60 documents), laid out in a temporary folder as
`<article>_fr.txt` / `<article>_en.txt`; gold ../shared/dev/news/names_gold.tsv.
Measured: `python -m align run DOCS --out OUT` in a subprocess (wall time, as a user runs it),
then OUT/glossary.xlsx scored by ../shared/dev/news/score_names.py: forms, recall, precision,
crossling, canonical and entities (see that script's docstring). benchmarks/glossary_quality.py
is then run as it stands and its output printed, so both are reported together.
The scorer runs with PYTHONHASHSEED=0: its canonical figure moves (0.689-0.703) with set order.
Baseline (first run, issue 9): forms 0.716 recall 0.768 precision 0.981 crossling 0.800
canonical 0.695 entities 0.804, about 7 s; seeds: ours beside the naive fuzzy baseline, as
glossary_quality.py prints them.
--keep DIR writes the exports to DIR instead of a temporary folder. --rules-alone runs `align run`
a second time with spaCy's French pipeline reported missing (the finder's rules alone) and scores
it too: the recogniser's gain and its time, against a baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEWS = SHARED / "dev" / "news"
SCORER = NEWS / "score_names.py"
GOLD = NEWS / "names_gold.tsv"
SEEDS_BENCHMARK = ROOT / "benchmarks" / "glossary_quality.py"


def lay_out(docs: Path) -> int:
    """Copy each article's fr.txt / en.txt to DOCS/<article>_fr.txt / _en.txt; the count."""
    count = 0
    for article in sorted(p for p in NEWS.iterdir() if p.is_dir()):
        for lang in ("fr", "en"):
            shutil.copyfile(article / f"{lang}.txt", docs / f"{article.name}_{lang}.txt")
            count += 1
    return count


# `align run` with the finder's rules alone: spaCy's French pipeline reported missing.
RULES_ONLY = (
    "import sys; import glossary.mentions.ner as ner; ner._pipeline = lambda: None; "
    "from align.cli import app; sys.argv[0] = 'align'; app()"
)


def run_news(work: Path, out: Path, rules_only: bool = False) -> None:
    docs = work / "docs"
    if not docs.is_dir():
        docs.mkdir()
        lay_out(docs)
    count = len(list(docs.iterdir()))
    start = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    entry = ["-c", RULES_ONLY] if rules_only else ["-m", "align"]
    command = [sys.executable, *entry, "run", str(docs), "--out", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time holds on a shared machine, where wall time depends on the neighbours.
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    if done.returncode != 0:
        sys.exit(f"align run failed ({done.returncode}):\n{done.stderr}")
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(out / "glossary.xlsx"), str(GOLD)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # its canonical vote breaks ties by set order
    )
    if scored.returncode != 0 or not scored.stdout.strip():
        sys.exit(f"score_names.py failed ({scored.returncode}):\n{scored.stderr}")
    summary = scored.stdout.strip().splitlines()[-1]
    label = "news, rules alone" if rules_only else "news"
    print(f"{label} ({count} documents): {summary}")
    print(f"{label}: align run wall time {seconds:.1f} s, CPU time {cpu:.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the exports here and keep them")
    parser.add_argument(
        "--rules-alone",
        action="store_true",
        help="also run with the finder's rules alone (no spaCy), as the baseline in the same run",
    )
    args = parser.parse_args()
    if not NEWS.is_dir():
        print(f"missing {NEWS}: the dev news set is needed (../shared/dev/news)", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory(prefix="names-news-") as tmp:
        work = Path(tmp)
        out = args.keep.resolve() if args.keep else work / "exports"
        run_news(work, out)
        if args.rules_alone:
            run_news(work, work / "exports-rules", rules_only=True)
    print(f"seeds ({SEEDS_BENCHMARK.relative_to(ROOT)}):", flush=True)
    seeds = subprocess.run([sys.executable, str(SEEDS_BENCHMARK)], cwd=ROOT)
    sys.exit(seeds.returncode)


if __name__ == "__main__":
    main()
