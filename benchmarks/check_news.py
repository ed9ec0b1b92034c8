"""`align check` false alarms and speed on professionally edited news (issue 10).

Run from the repository root:  python benchmarks/check_news.py

Data: the 30 WMT news articles of ../shared/dev/news (60 documents, laid out in a temporary
folder as <article>_fr.txt / <article>_en.txt). `align run` builds the glossary from them, then
`align check --format json` checks the same documents against it (both as CLI subprocesses), and
../shared/dev/news/score_check.py scores the findings: a finding is justified when the gold marks
its form as a variant, an inconsistency or a misspelling on that article side, otherwise it is a
false alarm. Measured: false alarms per 10,000 words (target <= 2; about 31.5 when the issue was
opened), findings justified and false by kind, and the wall time and MB/s of the check step.
Baselines, in the same run: for false alarms, `align check --strict` on the same documents and
glossary (every non-canonical form reported, as check did before its policy), scored alike, so
that the justified findings of both can be compared (the default must keep every one the
baseline finds on a marked variant); for speed, `grep -F -f VARIANTS` over the concatenated
documents, VARIANTS being every form of the workbook's Variants sheet (best of 5; the check step
runs once).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NEWS = SHARED / "dev" / "news"
SCORER = NEWS / "score_check.py"
GOLD = NEWS / "names_gold.tsv"
TARGET = 2.0  # false alarms per 10,000 words
GREP_RUNS = 5
ENV = {**os.environ, "PYTHONUTF8": "1"}


def run(command: list[str], ok: tuple[int, ...] = (0,)) -> tuple[str, float]:
    """Stdout and wall seconds of `command`; stops the benchmark on an unexpected exit code."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=ENV)
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    return done.stdout, seconds


def lay_out(docs: Path) -> None:
    for article in sorted(p for p in NEWS.iterdir() if (p / "fr.txt").exists()):
        for lang in ("fr", "en"):
            text = (article / f"{lang}.txt").read_bytes()
            (docs / f"{article.name}_{lang}.txt").write_bytes(text)


def variants(workbook: Path) -> list[str]:
    rows = load_workbook(workbook, read_only=True)["Variants"].iter_rows(values_only=True)
    column = next(rows).index("variant")
    return sorted({str(r[column]) for r in rows if r[column] not in (None, "")})


def score(report: str, path: Path, docs: Path) -> str:
    """The scorer's output on one JSON report."""
    path.write_text(report, "utf-8")
    command = [sys.executable, str(SCORER), str(path), str(docs), str(GOLD), str(TARGET)]
    return run(command, (0, 1))[0]


def summary(scored: str) -> tuple[int, int, float, int]:
    """False alarms, words, false alarms per 10,000 words, justified findings."""
    pattern = r"(\d+) false alarms in (\d+) words = ([\d.]+) per 10k.*?(\d+) findings on"
    found = re.search(pattern, scored)
    if found is None:
        sys.exit(f"unexpected scorer output:\n{scored}")
    return int(found[1]), int(found[2]), float(found[3]), int(found[4])


def marked_forms() -> set[tuple[str, str, str]]:
    """(article, lang, form) the gold marks as a variant, an inconsistency or a misspelling: the
    scorer's rule for a justified finding, to list which ones each report has."""
    marked = set()
    with GOLD.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            if any(word in row["note"] for word in ("variant", "inconsistent", "misspel")):
                marked.add((row["article"], row["lang"], _norm(row["surface_form"])))
    return marked


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u2019", "'").split())


def justified_forms(report: str, marked: set[tuple[str, str, str]]) -> set[tuple[str, int, str]]:
    """(file, line, found) of the report's findings on a marked form."""
    found = set()
    for f in json.loads(report):
        article, lang = Path(f["file"]).stem.rsplit("_", 1)
        if (article, lang, _norm(f["found"])) in marked:
            found.add((Path(f["file"]).name, f["line"], f["found"]))
    return found


def main() -> None:
    if not SCORER.exists():
        print(f"{NEWS} not found: the shared/ folder must sit beside the repository")
        sys.exit(2)
    align = [sys.executable, "-m", "align"]
    with tempfile.TemporaryDirectory(prefix="check-news-") as tmp:
        docs, out = Path(tmp) / "docs", Path(tmp) / "out"
        docs.mkdir()
        lay_out(docs)
        run([*align, "run", str(docs), "--out", str(out)])
        glossary = out / "glossary.xlsx"
        command = [*align, "check", str(docs), "--glossary", str(glossary), "--format", "json"]
        report, check_s = run(command, (0, 1))
        scored = score(report, Path(tmp) / "findings.json", docs)
        strict_report, _ = run([*command, "--strict"], (0, 1))
        strict_scored = score(strict_report, Path(tmp) / "strict.json", docs)
        marked = marked_forms()
        lost = justified_forms(strict_report, marked) - justified_forms(report, marked)

        kinds = Counter(f["kind"] for f in json.loads(report))
        texts = sorted(docs.glob("*.txt"))
        corpus = Path(tmp) / "all.txt"
        corpus.write_bytes(b"\n".join(p.read_bytes() for p in texts))
        patterns = Path(tmp) / "variants.txt"
        forms = variants(glossary)
        patterns.write_text("\n".join(forms) + "\n", "utf-8")
        grep = ["grep", "-F", "-f", str(patterns), str(corpus)]  # to a pipe: /dev/null stops early
        grep_s = min(run(grep, (0, 1))[1] for _ in range(GREP_RUNS))
        grep_lines = len(run(grep, (0, 1))[0].splitlines())
        megabytes = sum(p.stat().st_size for p in texts) / 1e6

    false, words, rate, justified = summary(scored)
    strict_false, _, strict_rate, strict_justified = summary(strict_scored)
    line = re.search(r"false alarms by kind: (.*?);", scored)
    false_kinds = Counter(
        {k: int(n) for k, n in re.findall(r"(\S+) (\d+)", line[1] if line else "")}
    )
    if sum(false_kinds.values()) != false:
        sys.exit(f"scorer's kinds do not add up to its false alarms:\n{scored}")
    print(f"documents: {len(texts)}, {words} words, {megabytes:.3f} MB")
    print(f"glossary (align run): {len(forms)} distinct variant forms")
    print(f"false alarms per 10,000 words: {rate:.1f} (target <= {TARGET:g})")
    print(f"findings: {sum(kinds.values())}, justified {justified}, false {false}")
    print(f"  {'kind':16s} {'findings':>8s} {'justified':>9s} {'false':>6s}")
    for kind, n in kinds.most_common():
        print(f"  {kind:16s} {n:8d} {n - false_kinds[kind]:9d} {false_kinds[kind]:6d}")
    print(f"scorer: {scored.strip()}")
    print(
        f"baseline, every non-canonical form (--strict): {strict_rate:.1f} false alarms per "
        f"10,000 words, {strict_justified} justified, {strict_false} false"
    )
    print(
        f"justified findings: default {justified}, --strict {strict_justified}; found by "
        f"--strict and not by default: {len(lost)}"
    )
    for file, line_no, form in sorted(lost):
        print(f"  {file}:{line_no}: {form}")
    print(f"check step (CLI, one run): {check_s:.2f} s, {megabytes / check_s:.3f} MB/s")
    print(
        f"grep -F -f VARIANTS ({len(forms)} forms, best of {GREP_RUNS}): {grep_s * 1000:.1f} ms, "
        f"{megabytes / grep_s:.2f} MB/s, {grep_lines} lines matched"
    )
    print(f"grep -F is {check_s / grep_s:.0f}x the throughput of align check")
    ok = rate <= TARGET
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
