"""`align run` on archives of 100, 1,000 and 5,000 documents (issue 12).

Run from the repository root:  python benchmarks/run_scale.py [--sizes 100,1000,5000]
                                                              [--incremental] [--jobs N]
                                                              [--keep DIR] [--reuse DIR]

Data: the six novels of ../shared/benchmarks/parallel_fr-en, cut into French and English
documents of 3-20 KB (a window of consecutive sentences of one book, in paragraphs of 2-7
sentences), 20% of them translation pairs (a French window and the English sentences the gold
links to it, paragraphs kept), the rest single French or English windows, plus the four seeds.
The books hold about 1.1 MB and an archive of 1,000 documents about 11 MB, so the windows
overlap: nearby windows of one book in the two languages are partial translations of each
other, and at 5,000 documents most passages are repeats, set aside. Built in a temporary folder,
with a fixed random seed.

Each size is `align run DIR --out OUT` in a child process (the library's pairing logger on, for
the candidate count); measured: CPU seconds (user + system, what the shared machine does not
change much), wall seconds, peak memory and the candidate pairs document pairing scored and
checked. CPU counts the child and its worker processes (`--jobs`, by default the machine's
cores); peak memory is that of the largest one of them (the run's own process, at these sizes),
not their sum. Baseline in the same run: the smallest size; the goals: 10x the documents <= 11x
the CPU time, peak <= 2 GB at 5,000. `--reuse DIR` runs on the archives an earlier run kept there
(`--keep`; the same seed lays out the same files), to measure again without laying them out.

The places left for issue 12 items 2 and 3: `--incremental` re-runs the 1,000-document archive
into the same folder after adding one document (goal <= 15% of the full run), and `--jobs N`
compares `align run --jobs N` with `--jobs 1` on it; both run only when `align run --help`
offers the option they need (`--jobs`; the re-run needs a store: it is reported either way).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOVELS = ROOT.parent / "shared" / "benchmarks" / "parallel_fr-en"
SEEDS = ROOT / "seeds"
ENV = {**os.environ, "PYTHONUTF8": "1"}
SEED = 12
PAIR_SHARE = 0.2
SMALLEST, LARGEST = 3_000, 20_000
GROWTH_GOAL = 1.1  # 10x the documents <= 11x the time
PEAK_GOAL_MB = 2000
# The child: `align run`, with document pairing's logger on stderr.
CHILD = (
    "import logging, sys\n"
    "handler = logging.StreamHandler(sys.stderr)\n"
    "handler.setFormatter(logging.Formatter('pairing: %(message)s'))\n"
    "log = logging.getLogger('align.pairing')\n"
    "log.setLevel(logging.DEBUG)\n"
    "log.addHandler(handler)\n"
    "from align.cli import app\n"
    "app(prog_name='align')\n"
)
CANDIDATES = re.compile(r"pairing: .*?(\d+) candidate pairs, (\d+) checked, (\d+) pairs")


@dataclass(frozen=True)
class Book:
    fr: list[str]
    en: list[str]
    links: list[tuple[list[int], list[int]]]


@dataclass(frozen=True)
class Measure:
    code: int
    cpu: float
    wall: float
    peak_mb: float
    candidates: int | None
    checked: int | None
    pairs: int | None
    tail: str


def load_books() -> list[Book]:
    books = []
    for folder in sorted(p for p in NOVELS.iterdir() if p.is_dir()):
        fr = (folder / "fr.txt").read_text("utf-8").splitlines()
        en = (folder / "en.txt").read_text("utf-8").splitlines()
        links = []
        for line in (folder / "gold.tsv").read_text("utf-8").splitlines():
            a, _, b = line.partition("\t")
            links.append(([int(i) for i in a.split(",") if i], [int(j) for j in b.split(",") if j]))
        books.append(Book(fr, en, links))
    return books


def paragraphs(groups: list[list[str]]) -> str:
    return "\n\n".join(" ".join(s.strip() for s in g if s.strip()) for g in groups if g) + "\n"


def window(lines: list[str], size: int, rng: random.Random) -> list[str]:
    """Consecutive lines of one book, about `size` bytes, from a random place."""
    total = sum(len(line.encode()) + 1 for line in lines)
    share = min(1.0, size / total)
    start = rng.randrange(0, max(1, int(len(lines) * (1 - share))))
    taken, used = [], 0
    for line in lines[start:]:
        taken.append(line)
        used += len(line.encode()) + 1
        if used >= size:
            break
    return taken


def grouped(items: list[str], rng: random.Random) -> list[list[str]]:
    groups, i = [], 0
    while i < len(items):
        n = rng.randint(2, 7)
        groups.append(items[i : i + n])
        i += n
    return groups


def translation(book: Book, size: int, rng: random.Random) -> tuple[str, str]:
    """A French window and the English sentences the gold links to it, paragraph by paragraph."""
    start = rng.randrange(0, max(1, len(book.links) // 2))
    fr_groups: list[list[str]] = []
    en_groups: list[list[str]] = []
    used, k = 0, start
    while used < size and k < len(book.links):
        n = rng.randint(2, 7)
        chunk = book.links[k : k + n]
        k += n
        fr_groups.append([book.fr[i] for a, _ in chunk for i in a])
        en_groups.append([book.en[j] for _, b in chunk for j in b])
        used += sum(len(s.encode()) + 1 for s in fr_groups[-1])
    return paragraphs(fr_groups), paragraphs(en_groups)


def lay_out(folder: Path, documents: int, books: list[Book]) -> int:
    """`documents` generated documents plus the seeds in `folder`; returns how many in all."""
    rng = random.Random(SEED)
    weights = [sum(len(s) for s in b.fr) for b in books]
    pairs = round(documents * PAIR_SHARE / 2)
    texts: list[tuple[str, str]] = []
    for _ in range(pairs):
        book = rng.choices(books, weights)[0]
        fr, en = translation(book, rng.randint(SMALLEST, LARGEST), rng)
        texts += [("fr", fr), ("en", en)]
    for i in range(documents - 2 * pairs):
        book = rng.choices(books, weights)[0]
        lang = "fr" if i % 2 == 0 else "en"
        lines = window(book.fr if lang == "fr" else book.en, rng.randint(SMALLEST, LARGEST), rng)
        texts.append((lang, paragraphs(grouped(lines, rng))))
    rng.shuffle(texts)
    folder.mkdir(parents=True)
    for i, (lang, text) in enumerate(texts):
        (folder / f"doc{i:05d}_{lang}.txt").write_text(text, "utf-8")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return len(texts) + len(list(SEEDS.glob("*.txt")))


def measure(arguments: list[str]) -> Measure:
    """CPU and wall seconds, peak memory (MB), candidate pairs of one `align run` child."""
    command = [sys.executable, "-c", CHILD, "run", *arguments]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV, cwd=ROOT
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    found = CANDIDATES.search(output)
    numbers = [int(g) for g in found.groups()] if found else [None, None, None]
    return Measure(
        code=os.waitstatus_to_exitcode(status),
        cpu=usage.ru_utime + usage.ru_stime,
        wall=wall,
        peak_mb=usage.ru_maxrss / 1024,
        candidates=numbers[0],
        checked=numbers[1],
        pairs=numbers[2],
        tail="\n".join(output.strip().splitlines()[-3:]),
    )


def offers(option: str) -> bool:
    """Whether `align run` has this option (issue 12 items 2 and 3 add --jobs and the store)."""
    help_text = subprocess.run(
        [sys.executable, "-m", "align", "run", "--help"],
        capture_output=True,
        text=True,
        env={**ENV, "COLUMNS": "200"},
        cwd=ROOT,
    ).stdout
    return option in help_text


def report(label: str, m: Measure, documents: int) -> None:
    print(
        f"{label}: {documents} documents, exit {m.code}, CPU {m.cpu:.1f} s, wall {m.wall:.1f} s, "
        f"peak {m.peak_mb:.0f} MB, candidate pairs {m.candidates} "
        f"(checked {m.checked}, kept {m.pairs})"
    )
    if m.code != 0:
        print("  " + m.tail.replace("\n", "\n  "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100,1000,5000", help="documents per archive, comma-separated"
    )
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="re-run the 1,000-document archive after adding one document (issue 12 item 2)",
    )
    parser.add_argument(
        "--jobs", type=int, default=0, help="compare align run --jobs N with --jobs 1 (item 3)"
    )
    parser.add_argument(
        "--keep", type=Path, help="build the archives in this folder and keep them (for profiling)"
    )
    parser.add_argument(
        "--reuse",
        type=Path,
        help="run on the archives (docsN) an earlier run kept in this folder; only read there",
    )
    args = parser.parse_args()
    if not NOVELS.exists():
        print(f"{NOVELS} not found: the shared/ folder must sit beside the repository")
        sys.exit(2)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    books = load_books()
    ok = True
    results: dict[int, Measure] = {}
    with tempfile.TemporaryDirectory(prefix="run-scale-") as scratch:
        tmp = str(args.keep) if args.keep else scratch
        for size in sizes:
            folder = Path(tmp) / f"docs{size}"
            shutil.rmtree(Path(tmp) / f"out{size}", ignore_errors=True)
            if args.reuse and (args.reuse / folder.name).is_dir():
                # The same seed lays out the same archive: an earlier run's is taken as it is.
                folder = args.reuse / folder.name
                documents = sum(1 for _ in folder.iterdir())
            else:
                shutil.rmtree(folder, ignore_errors=True)
                documents = lay_out(folder, size, books)
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            print(f"archive of {size}: {documents} files, {megabytes:.1f} MB")
            m = measure([str(folder), "--out", str(Path(tmp) / f"out{size}")])
            results[size] = m
            report(f"size {size}", m, documents)
            ok = ok and m.code == 0
            if size >= 5000:
                within = m.peak_mb <= PEAK_GOAL_MB
                ok = ok and within
                print(f"  peak {m.peak_mb:.0f} MB (goal <= {PEAK_GOAL_MB} MB): {_verdict(within)}")
        base = sizes[0]
        for size in sizes[1:]:
            growth = size / base
            time_ratio = results[size].cpu / results[base].cpu
            within = time_ratio <= growth * GROWTH_GOAL
            ok = ok and within
            candidates = results[size].candidates, results[base].candidates
            count_ratio = candidates[0] / candidates[1] if all(candidates) else float("nan")
            print(
                f"{size} vs {base} documents ({growth:.0f}x): CPU {time_ratio:.1f}x "
                f"(goal <= {growth * GROWTH_GOAL:.0f}x): {_verdict(within)}; "
                f"candidate pairs {count_ratio:.1f}x"
            )
        if args.incremental or args.jobs:
            ok = extra_runs(args, Path(tmp), books) and ok
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


def extra_runs(args: argparse.Namespace, tmp: Path, books: list[Book]) -> bool:
    """Issue 12 items 2 and 3 on the 1,000-document archive: a re-run, and --jobs N."""
    folder = tmp / "docs1000"
    if not folder.exists():
        lay_out(folder, 1000, books)
    ok = True
    if args.incremental:
        out = tmp / "incremental"
        full = measure([str(folder), "--out", str(out)])
        added = folder / "added_fr.txt"
        added.write_text(translation(books[0], 8000, random.Random(SEED + 1))[0], "utf-8")
        again = measure([str(folder), "--out", str(out)])
        added.unlink()
        share = again.cpu / full.cpu
        within = again.code == 0 and share <= 0.15
        ok = within
        print(
            f"re-run after adding one document to 1,000: CPU {again.cpu:.1f} s, "
            f"{share:.0%} of the full run's {full.cpu:.1f} s (goal <= 15%): {_verdict(within)}"
        )
    if args.jobs:
        if not offers("--jobs"):
            print("--jobs: align run has no --jobs option yet (issue 12 item 3): not measured")
            return ok
        one = measure([str(folder), "--out", str(tmp / "jobs1"), "--jobs", "1"])
        many = measure([str(folder), "--out", str(tmp / "jobsN"), "--jobs", str(args.jobs)])
        print(
            f"--jobs {args.jobs} vs --jobs 1 on 1,000 documents: wall {many.wall:.1f} s vs "
            f"{one.wall:.1f} s, speed-up {one.wall / many.wall:.2f}x (exit {many.code})"
        )
        ok = ok and many.code == 0 and one.code == 0
    return ok


def _verdict(within: bool) -> str:
    return "ok" if within else "NOT MET"


if __name__ == "__main__":
    main()
