"""`align run` on 50 MB of input, in 500 files and in one (issue 14, item 4).

Run from the repository root:  python benchmarks/run_50mb.py [--megabytes N]

Data: French and English paragraphs of the six novels of ../shared/benchmarks/parallel_fr-en,
cut into 500 files of 100 kB (French and English alternately, each starting elsewhere in the
books), and the same text as one file just under the 50 MB read limit. The books hold about
1 MB, so most passages repeat and are set aside as repeats: this measures that a run of this size
finishes within bounds, not alignment quality. Each run is `python -m align run DIR --out OUT`
in a subprocess; measured: wall time and peak memory (the goal: <= 10 minutes, <= 3 GB on this
2-core machine), and the baseline in the same run is the time of `align detect` on one small
file (the fixed start-up every command pays).

`--pairs` plays instead the issue's own case: 10 French/English translation pairs of 2.7 MB each
(20 files), of distinct lines. Each line joins two to four of the books' gold links picked at
random (the same links on both sides, so each pair is a translation), so lines do not repeat and
every passage goes through detection, alignment and the name finder.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOVELS = ROOT.parent / "shared" / "benchmarks" / "parallel_fr-en"
ENV = {**os.environ, "PYTHONUTF8": "1"}
FILES = 500
GOAL_S = 600
GOAL_MB = 3000


def timed(command: list[str]) -> tuple[float, float, int, float]:
    """Wall seconds, peak memory (MB), exit code and CPU seconds of one subprocess (the CPU
    figure tells a loaded machine's wall time apart from the run's own cost)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
    assert process.stdout is not None
    process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    return (
        time.perf_counter() - start,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
        usage.ru_utime + usage.ru_stime,
    )


def lay_out(folder: Path, megabytes: float) -> None:
    french: list[str] = []
    english: list[str] = []
    for book in sorted(p for p in NOVELS.iterdir() if p.is_dir()):
        french += [p for p in (book / "fr.txt").read_text("utf-8").split("\n\n") if p.strip()]
        english += [p for p in (book / "en.txt").read_text("utf-8").split("\n\n") if p.strip()]
    size = int(megabytes * 1e6 / FILES)
    for i in range(FILES):
        side, lang = (french, "fr") if i % 2 == 0 else (english, "en")
        k, data = (i * 137) % len(side), b""
        while len(data) < size:
            data += (side[k % len(side)] + "\n\n").encode()
            k += 1
        text = data[:size].decode("utf-8", "ignore")
        (folder / f"doc{i:03d}_{lang}.txt").write_text(text, "utf-8")


def lay_out_pairs(folder: Path, megabytes: float, pairs: int = 10) -> None:
    """`pairs` translation pairs of `megabytes` a file, each line two to four gold links."""

    def pick(side: list[str], indices: str) -> str:
        return " ".join(side[int(i)] for i in indices.split(","))

    links: list[tuple[str, str]] = []
    for book in sorted(p for p in NOVELS.iterdir() if p.is_dir()):
        fr = (book / "fr.txt").read_text("utf-8").splitlines()
        en = (book / "en.txt").read_text("utf-8").splitlines()
        for line in (book / "gold.tsv").read_text("utf-8").splitlines():
            f, e = [*line.split("\t"), ""][:2]
            if f.strip() and e.strip():  # 1-0 and 0-1 links have nothing to translate
                links.append((pick(fr, f), pick(en, e)))
    rng = random.Random(14)
    size = int(megabytes * 1e6)
    for n in range(pairs):
        fr_lines: list[str] = []
        en_lines: list[str] = []
        written = 0
        while written < size:
            chosen = rng.sample(links, rng.randint(2, 4))
            fr_lines.append(" ".join(f for f, _ in chosen))
            en_lines.append(" ".join(e for _, e in chosen))
            written += len(fr_lines[-1].encode()) + 1
        (folder / f"pair{n:02d}_fr.txt").write_text("\n".join(fr_lines) + "\n", "utf-8")
        (folder / f"pair{n:02d}_en.txt").write_text("\n".join(en_lines) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument(
        "--pairs", type=float, metavar="MB", help="10 translation pairs of MB a file instead"
    )
    args = parser.parse_args()
    if not NOVELS.exists():
        print(f"{NOVELS} not found: the shared/ folder must sit beside the repository")
        sys.exit(2)
    align = [sys.executable, "-m", "align"]
    ok = True
    with tempfile.TemporaryDirectory(prefix="run-50mb-") as tmp:
        many, one = Path(tmp) / "many", Path(tmp) / "one"
        many.mkdir()
        cases = [("500 files", many)]
        if args.pairs:
            lay_out_pairs(many, args.pairs)
            cases = [("10 translation pairs", many)]
        else:
            one.mkdir()
            lay_out(many, args.megabytes)
            files = sorted(many.iterdir())
            # Just under the read limit (50 MB), as one document.
            whole = b"".join(p.read_bytes() for p in files)[:49_000_000]
            (one / "all.txt").write_bytes(whole.decode("utf-8", "ignore").encode())
            cases.append(("one file", one))
        small = Path(tmp) / "small.txt"
        small.write_text("Le traité fut signé à Moscou.\n", "utf-8")
        start_s, start_mb, _, _ = timed([*align, "detect", str(small)])
        print(f"baseline: align detect on one line: {start_s:.1f} s, {start_mb:.0f} MB")
        for name, folder in cases:
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            seconds, peak, code, cpu = timed([*align, "run", str(folder), "--out", f"{folder}.out"])
            within = code == 0 and seconds <= GOAL_S and peak <= GOAL_MB
            ok = ok and within
            print(
                f"{name}: {megabytes:.1f} MB, align run exit {code}, {seconds:.0f} s wall, "
                f"{cpu:.0f} s CPU "
                f"({seconds / start_s:.0f}x the start-up), peak {peak:.0f} MB "
                f"(goal <= {GOAL_S} s, <= {GOAL_MB} MB): {'ok' if within else 'NOT MET'}"
            )
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
