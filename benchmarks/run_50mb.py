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
"""

from __future__ import annotations

import argparse
import os
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


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB) and exit code of one subprocess."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
    assert process.stdout is not None
    process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50.0)
    args = parser.parse_args()
    if not NOVELS.exists():
        print(f"{NOVELS} not found: the shared/ folder must sit beside the repository")
        sys.exit(2)
    align = [sys.executable, "-m", "align"]
    ok = True
    with tempfile.TemporaryDirectory(prefix="run-50mb-") as tmp:
        many, one = Path(tmp) / "many", Path(tmp) / "one"
        many.mkdir()
        one.mkdir()
        lay_out(many, args.megabytes)
        files = sorted(many.iterdir())
        # Just under the read limit (50 MB), as one document.
        whole = b"".join(p.read_bytes() for p in files)[:49_000_000]
        (one / "all.txt").write_bytes(whole.decode("utf-8", "ignore").encode())
        small = Path(tmp) / "small.txt"
        small.write_text("Le traité fut signé à Moscou.\n", "utf-8")
        start_s, start_mb, _ = timed([*align, "detect", str(small)])
        print(f"baseline: align detect on one line: {start_s:.1f} s, {start_mb:.0f} MB")
        for name, folder in (("500 files", many), ("one file", one)):
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            seconds, peak, code = timed([*align, "run", str(folder), "--out", f"{folder}.out"])
            within = code == 0 and seconds <= GOAL_S and peak <= GOAL_MB
            ok = ok and within
            print(
                f"{name}: {megabytes:.1f} MB, align run exit {code}, {seconds:.0f} s "
                f"({seconds / start_s:.0f}x the start-up), peak {peak:.0f} MB "
                f"(goal <= {GOAL_S} s, <= {GOAL_MB} MB): {'ok' if within else 'NOT MET'}"
            )
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
