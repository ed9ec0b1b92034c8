"""A light start (issue 12 item 4, issue 10 item 4): wall time and peak memory of each command on
tiny input, as a person at a terminal waits for it.

Run from the repository root:  python benchmarks/light_start.py [--runs N]

Each command runs as a child process (the console script beside this Python, as installed);
wall time is the best of N runs (default 3: the machine is shared), peak memory the largest
ru_maxrss of those runs (os.wait4). Measured:
- `align --help` (goal < 0.3 s);
- `align pair FR EN --presplit` on two one-line files (goal <= 0.15 s);
- `align detect SMALL` on a two-line file (goal <= 1.0 s, <= 300 MB);
- `align check SMALL --glossary G` (goal <= 1.0 s, <= 300 MB), G written from the seeds' gold
  glossary (../shared/gold/seed_entities.tsv) as `align run` writes one;
- `align run seeds/` into a fresh folder (goal: peak <= 300 MB).
Baselines in the same run: `python -c pass` (an interpreter start), `python -c "import typer;
import typer._adapters"` (the command-line library's own start: typer checks every parameter
through pydantic), and `python -c "import lingua; build lingua's full models for the 15
languages"` (what every `detect`, `check` and `run` paid before issue 10: 3 s and 500 MB in
BENCHMARKS.md's issue-10 section). Byte-compiled files are kept in a temporary folder
(PYTHONPYCACHEPREFIX), as an installed package has them; the first run of each command warms it.

`--baseline-tree DIR` runs every align command a second time with DIR first on the Python path,
DIR holding an earlier state of the code (`git archive COMMIT | tar -x -C DIR`): the figures of
that state in the same run, beside today's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SMALL = (
    "Le conseiller Iouriy Ouchakov a reçu Steve Witkof et Sergueï Lavrof à Moscou.\n"
    "The adviser Yuri Ushakov met Sergei Lavrov in Moscow.\n"
)
FULL_MODELS = (
    "from lingua import IsoCode639_1, LanguageDetectorBuilder\n"
    "from align.text.language import DEFAULT_LANGUAGES\n"
    "codes = [IsoCode639_1.from_str(c) for c in DEFAULT_LANGUAGES]\n"
    "LanguageDetectorBuilder.from_iso_codes_639_1(*codes)"
    ".with_preloaded_language_models().build()\n"
)


def measure(
    command: list[str], env: dict[str, str], runs: int, cwd: Path, fresh: Path | None = None
) -> tuple[float, float]:
    """Best wall seconds and largest peak memory (MB) of `runs` runs, after one warm-up.

    `fresh`: a folder removed before each run (align run's --out: a re-run into it would reuse
    its store)."""
    best, peak = float("inf"), 0.0
    for attempt in range(runs + 1):
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read()
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{' '.join(command)} failed ({code}):\n{err.decode()}")
        if attempt == 0:
            continue  # warm-up: byte-compiles the modules
        best = min(best, seconds)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


def _glossary(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from check_speed import gold_glossary

    from glossary.workbook import write_workbook

    write_workbook(path, gold_glossary(), {"tool": "light_start.py"}, baseline=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline-tree", type=Path, default=None)
    args = parser.parse_args()
    py = sys.executable
    align = [py, "-m", "align"]
    with tempfile.TemporaryDirectory(prefix="light-start-") as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPYCACHEPREFIX=str(folder / "pycache"), PYTHONUTF8="1")
        fr, en, small = folder / "fr.txt", folder / "en.txt", folder / "small.txt"
        fr.write_text("Bonjour le monde.\n", "utf-8")
        en.write_text("Hello world.\n", "utf-8")
        small.write_text(SMALL, "utf-8")
        glossary = folder / "glossary.xlsx"
        _glossary(glossary)
        cases = [
            ("python -c pass (baseline)", [py, "-c", "pass"], None, None),
            (
                "import typer + typer._adapters (baseline)",
                [py, "-c", "import typer, typer._adapters"],
                None,
                None,
            ),
            ("lingua, 15 full models (before issue 10)", [py, "-c", FULL_MODELS], None, None),
            ("align --help", [*align, "--help"], 0.3, None),
            ("align pair FR EN --presplit", [*align, "pair", str(fr), str(en), "--presplit"], 0.15,
             None),
            ("align detect SMALL", [*align, "detect", str(small)], 1.0, 300.0),
            ("align check SMALL --glossary G",
             [*align, "check", str(small), "--glossary", str(glossary)], 1.0, 300.0),
        ]  # fmt: skip
        rows = []
        trees: list[tuple[str, dict[str, str]]] = [("", env)]
        if args.baseline_tree is not None:
            base = args.baseline_tree.resolve()
            trees.append((" [baseline tree]", {**env, "PYTHONPATH": str(base)}))
        for name, command, goal_s, goal_mb in cases:
            for label, tree_env in trees if command[:3] == align else trees[:1]:
                # Not from the repository: `python -m` puts the working folder first on the path.
                seconds, mb = measure(command, tree_env, args.runs, folder)
                rows.append((name + label, seconds, mb, goal_s, goal_mb))
        for label, tree_env in trees:
            out = folder / f"out{len(label)}"
            run = [*align, "run", str(ROOT / "seeds"), "--out", str(out)]
            seconds, mb = measure(run, tree_env, 1, folder, fresh=out)
            rows.append(("align run seeds/" + label, seconds, mb, None, 300.0))
    print(f"{'command':44} {'wall s':>7} {'peak MB':>8}  goal")
    met = True
    for name, seconds, mb, goal_s, goal_mb in rows:
        goals = []
        if name.endswith("]"):
            goal_s = goal_mb = None  # an earlier state of the code, for comparison
        if goal_s is not None:
            goals.append(f"<= {goal_s:g} s " + ("met" if seconds <= goal_s else "NOT met"))
            met &= seconds <= goal_s
        if goal_mb is not None:
            goals.append(f"<= {goal_mb:g} MB " + ("met" if mb <= goal_mb else "NOT met"))
            met &= mb <= goal_mb
        print(f"{name:44} {seconds:7.2f} {mb:8.0f}  {'; '.join(goals)}")
    print("PASS" if met else "FAIL")
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
