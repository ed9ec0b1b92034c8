"""Incremental `align run` and `--jobs` (issue 12, items 2 and 3).

Run from the repository root:  python benchmarks/run_incremental.py [--documents 100 1000]

Data: the six novels of ../shared/benchmarks/parallel_fr-en cut into French and English
documents of 3-20 kB (a paragraph every five sentences), a fifth of them translation pairs (the
same stretch of a book in both languages), plus the four seeds; drawn with a fixed seed, so
every run of this script lays out the same corpora.

For each size, each run is `python -m align run DIR --out OUT` in a subprocess, measured in CPU
seconds (user + system, of the run and its workers: less noisy than wall time on a shared
machine) and wall seconds:
- the baseline: a full run into an empty folder (`--jobs 1`);
- a re-run with nothing changed, and a re-run after adding one 8 kB document, each as a share
  of the baseline (the goal: <= 15%); the exports of the latter are compared, file by file and
  zip member by zip member, with a run from scratch on the same inputs (the same folder, its
  workbooks kept since they are the run's inputs too, the store deleted);
- a full run with `--jobs 2`: its wall-time speed-up over the baseline's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from align.settings import EXPORTS
from align.store import STORE_FILE

ROOT = Path(__file__).resolve().parents[1]
NOVELS = ROOT.parent / "shared" / "benchmarks" / "parallel_fr-en"
SEEDS = ROOT / "seeds"
ENV = {**os.environ, "PYTHONUTF8": "1"}
GOAL_SHARE = 0.15
ADDED_BYTES = 8000


def timed(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of `align run ARGS` in a subprocess (CPU counts its workers)."""
    command = [sys.executable, "-m", "align", "run", *args]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    _, err = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"align run failed ({process.returncode}): {err.decode()[-500:]}")
    for line in err.decode().splitlines():
        print(f"  ({line})")  # a store rebuilt would make a re-run a full run: say so
    return wall, _children_cpu()


_CPU_BEFORE = [0.0]


def _children_cpu() -> float:
    """CPU seconds of the children reaped since the last call."""
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = ru.ru_utime + ru.ru_stime
    spent, _CPU_BEFORE[0] = total - _CPU_BEFORE[0], total
    return spent


def books() -> list[tuple[list[str], list[str]]]:
    out = []
    for book in sorted(p for p in NOVELS.iterdir() if p.is_dir()):
        fr = (book / "fr.txt").read_text("utf-8").splitlines()
        en = (book / "en.txt").read_text("utf-8").splitlines()
        out.append((fr, en))
    return out


def passage(lines: list[str], start: int, size: int) -> str:
    """Sentences from `start` until `size` characters, a paragraph every five sentences."""
    taken: list[str] = []
    k = start
    while sum(len(t) + 1 for t in taken) < size and k < len(lines):
        taken.append(lines[k])
        k += 1
    paragraphs = [" ".join(taken[j : j + 5]) for j in range(0, len(taken), 5)]
    return "\n\n".join(paragraphs) + "\n"


def lay_out(folder: Path, documents: int, seed: int = 12) -> None:
    """`documents` documents of the novels, and the seeds."""
    rng = random.Random(seed)
    shelf = books()
    folder.mkdir(parents=True)
    for seed_file in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed_file, folder / seed_file.name)
    i = 0
    while i < documents:
        fr, en = shelf[rng.randrange(len(shelf))]
        size = rng.randint(3000, 20000)
        where = rng.random()
        langs = ("fr", "en") if rng.random() < 0.2 and i + 1 < documents else (rng.choice("fe"),)
        for lang in langs:
            lines = fr if lang[0] == "f" else en
            name = f"doc{i:05d}_{'fr' if lang[0] == 'f' else 'en'}.txt"
            (folder / name).write_text(passage(lines, int(where * len(lines)), size), "utf-8")
            i += 1


def add_one(folder: Path) -> None:
    """One new 8 kB French document, from a stretch of a book drawn with another seed."""
    rng = random.Random(2026)
    fr, _ = books()[rng.randrange(6)]
    text = passage(fr, rng.randrange(len(fr) // 2), ADDED_BYTES)
    (folder / "added_fr.txt").write_text(text, "utf-8")


def same_exports(a: Path, b: Path) -> list[str]:
    """The exports that differ between two folders (zips compared member by member)."""
    differ = []
    for name in EXPORTS:
        left, right = (a / name).read_bytes(), (b / name).read_bytes()
        if left == right:
            continue
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(a / name) as za, zipfile.ZipFile(b / name) as zb:
                members = sorted(za.namelist()) == sorted(zb.namelist()) and all(
                    za.read(m) == zb.read(m) for m in za.namelist()
                )
            differ.append(f"{name} (bytes{'' if members else ' and contents'})")
        else:
            differ.append(name)
    return differ


def measure(documents: int, work: Path, jobs2: bool) -> None:
    corpus, out = work / f"corpus{documents}", work / f"out{documents}"
    lay_out(corpus, documents)
    full_wall, full_cpu = timed([str(corpus), "--out", str(out), "--jobs", "1"])
    same_wall, same_cpu = timed([str(corpus), "--out", str(out), "--jobs", "1"])
    add_one(corpus)
    # The run from scratch to compare with: the same folder, its workbooks (the aligner's
    # anchors, a person's edits) kept, without the store.
    scratch = work / f"scratch{documents}"
    shutil.copytree(out, scratch)
    (scratch / STORE_FILE).unlink()
    add_wall, add_cpu = timed([str(corpus), "--out", str(out), "--jobs", "1"])
    timed([str(corpus), "--out", str(scratch), "--jobs", "1"])
    differ = same_exports(out, scratch)
    print(f"\n{documents} documents (+ 4 seeds), --jobs 1")
    print(f"  full run (baseline)      {full_cpu:7.1f} s CPU  {full_wall:7.1f} s wall")
    for label, cpu, wall in (
        ("re-run, nothing changed", same_cpu, same_wall),
        ("re-run, one 8 kB added", add_cpu, add_wall),
    ):
        share = cpu / full_cpu
        verdict = "ok" if share <= GOAL_SHARE else "over the goal"
        print(
            f"  {label:24} {cpu:7.1f} s CPU  {wall:7.1f} s wall  "
            f"{share:6.1%} of the full run's CPU ({verdict}: <= {GOAL_SHARE:.0%})"
        )
    print(f"  exports after the re-run vs a run from scratch: {differ or 'identical'}")
    if jobs2:
        # Baseline: a fresh --jobs 1 run on the same inputs, just before.
        fresh = work / f"fresh{documents}"
        fresh_wall, fresh_cpu = timed([str(corpus), "--out", str(fresh), "--jobs", "1"])
        par_wall, par_cpu = timed([str(corpus), "--out", str(work / f"j2_{documents}"), "-j", "2"])
        print(f"  fresh run --jobs 1       {fresh_cpu:7.1f} s CPU  {fresh_wall:7.1f} s wall")
        print(
            f"  fresh run --jobs 2       {par_cpu:7.1f} s CPU  {par_wall:7.1f} s wall  "
            f"speed-up over --jobs 1: {fresh_wall / par_wall:.2f}x (wall)"
        )
        differ2 = same_exports(work / f"j2_{documents}", fresh)
        print(f"  exports --jobs 2 vs --jobs 1: {differ2 or 'identical'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--no-jobs", action="store_true", help="skip the --jobs 2 run")
    args = parser.parse_args()
    if not NOVELS.is_dir():
        sys.exit(f"needs {NOVELS.relative_to(ROOT.parent)} beside the clone")
    print(f"cores available: {len(os.sched_getaffinity(0))} (shared: figures are noisy)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.documents:
            measure(n, Path(tmp), not args.no_jobs)


if __name__ == "__main__":
    main()
