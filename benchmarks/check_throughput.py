"""`align check` as an editor runs it: throughput on 10 MB of mixed text, and one small file.

Run from the repository root:  python benchmarks/check_throughput.py [--megabytes N]

Text: the French and English sides of the six novels of ../shared/benchmarks/parallel_fr-en and
the 60 news documents of ../shared/dev/news, interleaved paragraph by paragraph (a French
paragraph, then an English one...) into files of about 1 MB until N MB (default 10). The sources
hold about 1.3 MB, so they repeat, and repeated text is cheaper (see the end of this note).
Glossary: `align run` on ../shared/dev/news (the glossary of benchmarks/check_news.py).
Measured, each as a CLI subprocess (wall time, as an editor waits for it):
- `align check DIR --glossary G --format json` with language detection on, and with `--lang en`
  (no detection), in MB/s;
- `align check SMALL --glossary G` on a two-line file: wall time and peak memory (the goal of
  issue 10: <= 1.0 s; issue 12: <= 300 MB);
- `align check SMALL --glossary BIG`, BIG being the same glossary plus 100,000 made-up persons
  with a variant each (benchmarks/check_speed.py's), written as `align run` writes a workbook
  (the tool's hidden record included): wall time and peak memory (issue 14: 80 s and 2 GB
  before);
against the baseline `grep -c -F -f VARIANTS` over the same files (best of 3), VARIANTS being every
form of the workbook's Variants sheet, and for the small file `python -c "import lingua"`'s cost
(an interpreter start that loads nothing), in the same run.

Lines repeat in the 10 MB (the sources hold about 1.3 MB): the language detector remembers the
chunks it has scored and the checker the names found in a passage's text (each copy is still
judged and reported), so `--megabytes 1` (text met once) is the figure for new material.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NOVELS = SHARED / "benchmarks" / "parallel_fr-en"
NEWS = SHARED / "dev" / "news"
ENV = {**os.environ, "PYTHONUTF8": "1"}
GOAL_MB_S = 2.0
GOAL_SMALL_S = 1.0
SMALL = (
    "Le conseiller Iouriy Ouchakov a reçu Steve Witkof et Sergueï Lavrof à Moscou.\n"
    "The adviser Yuri Ushakov met Sergei Lavrov in Moscow.\n"
)


def timed(command: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """Wall seconds and peak memory (KB) of one subprocess; stops on an unexpected exit code."""
    start = time.perf_counter()
    # Output to a pipe, drained: GNU grep writing to /dev/null stops at its first match.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read()
    stderr = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        sys.exit(f"{' '.join(command)} failed:\n{stderr}")
    return seconds, usage.ru_maxrss


def paragraphs() -> list[str]:
    """French and English paragraphs of the sources, alternating."""
    french: list[str] = []
    english: list[str] = []
    for book in sorted(p for p in NOVELS.iterdir() if p.is_dir()):
        french += (book / "fr.txt").read_text("utf-8").split("\n\n")
        english += (book / "en.txt").read_text("utf-8").split("\n\n")
    for article in sorted(p for p in NEWS.iterdir() if (p / "fr.txt").exists()):
        french.append((article / "fr.txt").read_text("utf-8"))
        english.append((article / "en.txt").read_text("utf-8"))
    mixed = []
    for i in range(max(len(french), len(english))):
        mixed += [
            side[i].strip() for side in (french, english) if i < len(side) and side[i].strip()
        ]
    return mixed


def lay_out(folder: Path, megabytes: float) -> float:
    """Files of about 1 MB of alternating paragraphs, `megabytes` in all; their size in MB."""
    source = paragraphs()
    total, number, i = 0, 0, 0
    while total < megabytes * 1e6:
        chunk: list[str] = []
        size = 0
        while size < 1e6 and total + size < megabytes * 1e6:
            chunk.append(source[i % len(source)])
            size += len(chunk[-1].encode()) + 2
            i += 1
        number += 1
        data = ("\n\n".join(chunk) + "\n").encode()
        (folder / f"mixed_{number:02d}.txt").write_bytes(data)
        total += len(data)
    return total / 1e6


def variants(workbook: Path) -> list[str]:
    rows = load_workbook(workbook, read_only=True)["Variants"].iter_rows(values_only=True)
    column = next(rows).index("variant")
    return sorted({str(r[column]) for r in rows if r[column] not in (None, "")})


def big_glossary(workbook: Path, out: Path, extra: int) -> None:
    """`workbook`'s entities and variants plus `extra` made-up persons, written to `out`."""
    from check_speed import made_up_people

    from glossary.model import Glossary
    from glossary.workbook import read_workbook, write_workbook

    base = read_workbook(workbook).glossary
    more = made_up_people(extra)
    both = Glossary(base.entities + more.entities, base.variants + more.variants)
    write_workbook(out, both, {"tool": "check_throughput.py"}, baseline=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--extra-entities", type=int, default=100_000)
    args = parser.parse_args()
    if not NEWS.exists() or not NOVELS.exists():
        print(f"{SHARED} not found: the shared/ folder must sit beside the repository")
        sys.exit(2)
    align = [sys.executable, "-m", "align"]
    with tempfile.TemporaryDirectory(prefix="check-throughput-") as tmp:
        news, text, out = Path(tmp) / "news", Path(tmp) / "text", Path(tmp) / "out"
        news.mkdir()
        text.mkdir()
        for article in sorted(p for p in NEWS.iterdir() if (p / "fr.txt").exists()):
            for lang in ("fr", "en"):
                (news / f"{article.name}_{lang}.txt").write_bytes(
                    (article / f"{lang}.txt").read_bytes()
                )
        subprocess.run([*align, "run", str(news), "--out", str(out)], check=True, env=ENV,
                       capture_output=True)  # fmt: skip
        glossary = out / "glossary.xlsx"
        small = Path(tmp) / "small.txt"
        small.write_text(SMALL, "utf-8")
        small_runs = [
            timed([*align, "check", str(small), "--glossary", str(glossary)]) for _ in range(3)
        ]
        small_s = min(s for s, _ in small_runs)
        small_kb = max(kb for _, kb in small_runs)
        bare_runs = [timed([sys.executable, "-c", "import lingua"]) for _ in range(3)]
        bare_s = min(s for s, _ in bare_runs)
        bare_kb = max(kb for _, kb in bare_runs)
        big = Path(tmp) / "big.xlsx"
        big_glossary(glossary, big, args.extra_entities)
        big_mb = big.stat().st_size / 1e6
        big_s, big_kb = timed([*align, "check", str(small), "--glossary", str(big)])
        megabytes = lay_out(text, args.megabytes)
        check = [*align, "check", str(text), "--glossary", str(glossary), "--format", "json"]
        auto_s, auto_kb = timed(check)
        en_s, _ = timed([*check, "--lang", "en"])
        patterns = Path(tmp) / "variants.txt"
        forms = variants(glossary)
        patterns.write_text("\n".join(forms) + "\n", "utf-8")
        files = sorted(str(p) for p in text.iterdir())
        grep = ["grep", "-c", "-F", "-f", str(patterns), *files]
        grep_s = min(timed(grep)[0] for _ in range(3))
    print(f"text: {len(files)} files, {megabytes:.1f} MB of alternating French/English paragraphs")
    print(f"glossary: align run on dev/news, {len(forms)} variant forms")
    print(
        f"align check, languages detected: {auto_s:6.1f} s  {megabytes / auto_s:6.2f} MB/s "
        f"(goal >= {GOAL_MB_S:g}), peak {auto_kb / 1024:.0f} MB"
    )
    print(f"align check --lang en:            {en_s:6.1f} s  {megabytes / en_s:6.2f} MB/s")
    print(f"grep -c -F -f VARIANTS:           {grep_s:6.2f} s  {megabytes / grep_s:6.1f} MB/s")
    print(f"grep -F is {auto_s / grep_s:.0f}x the throughput of align check")
    print(
        f"align check on a two-line file: {small_s:.2f} s wall (goal <= {GOAL_SMALL_S:g}), "
        f"peak {small_kb / 1024:.0f} MB"
    )
    print(
        f'python -c "import lingua":       {bare_s:.2f} s wall, peak {bare_kb / 1024:.0f} MB '
        "(baseline: a start that loads nothing)"
    )
    print(
        f"align check on a two-line file against {len(forms)} forms + "
        f"{args.extra_entities:,} made-up persons ({big_mb:.1f} MB workbook): "
        f"{big_s:.2f} s wall, peak {big_kb / 1024:.0f} MB"
    )
    ok = megabytes / auto_s >= GOAL_MB_S and small_s <= GOAL_SMALL_S
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
