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

`--timeline` measures only `align run seeds/` (and the baseline tree's, if given), once, in a
child process that samples its own resident memory every 5 ms and tags each sample with the
pipeline stage it falls in (a stage's samples are those up to its last progress message); it
prints each stage's peak and its memory at the stage's end, then the whole run's peak
(ru_maxrss, as above).
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


# The child of --timeline: `align run` as the command line runs it, its progress messages turned
# into stage marks and a thread sampling the process's resident memory (/proc/self/statm).
TIMELINE = r"""
import json, os, resource, sys, threading, time
from contextlib import contextmanager
import align.cli.run as cli_run

page = os.sysconf("SC_PAGE_SIZE")
marks, samples, done = [], [], threading.Event()

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * page

def sample():
    while not done.is_set():
        samples.append((time.perf_counter(), rss()))
        time.sleep(0.005)

@contextmanager
def marking(enabled=None):
    def update(stage, current, total):
        marks.append((time.perf_counter(), stage, rss()))
    yield update

cli_run.progress_bar = marking
thread = threading.Thread(target=sample, daemon=True)
thread.start()
try:
    cli_run.run_command(sys.argv[1:-2], out=__import__("pathlib").Path(sys.argv[-1]), jobs=1)
finally:
    done.set()
    thread.join()
    marks.append((time.perf_counter(), "after the last stage", rss()))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print("TIMELINE", json.dumps({"marks": marks, "samples": samples, "peak": peak}))
"""


def timeline(env: dict[str, str], cwd: Path, out: Path) -> list[tuple[str, float, float]]:
    """(stage, peak MB, MB at its end) for each stage of `align run seeds/`, in order, then
    ("whole run (ru_maxrss)", peak, peak)."""
    import json

    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-c", TIMELINE, str(ROOT / "seeds"), "--out", str(out)]
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    line = next((x for x in done.stdout.splitlines() if x.startswith("TIMELINE ")), None)
    if done.returncode != 0 or line is None:
        sys.exit(f"timeline run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    data = json.loads(line.removeprefix("TIMELINE "))
    # The last mark of each run of marks with one stage name ends that stage.
    ends: list[tuple[float, str, int]] = []
    for when, stage, rss in data["marks"]:
        if ends and ends[-1][1] == stage:
            ends[-1] = (when, stage, rss)
        else:
            ends.append((when, stage, rss))
    rows = []
    start = -float("inf")
    mb = 1024 * 1024
    for i, (when, stage, rss) in enumerate(ends):
        last = i == len(ends) - 1
        inside = [r for t, r in data["samples"] if start < t <= when or (last and t > start)]
        rows.append((stage, max([rss, *inside]) / mb, rss / mb))
        start = when
    rows.append(("whole run (ru_maxrss)", data["peak"] / mb, data["peak"] / mb))
    return rows


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
    parser.add_argument(
        "--timeline", action="store_true", help="only align run seeds/: peak memory per stage"
    )
    args = parser.parse_args()
    py = sys.executable
    align = [py, "-m", "align"]
    with tempfile.TemporaryDirectory(prefix="light-start-") as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        # This tree first on the path: an installed align (an editable install of another
        # checkout) would otherwise be the one measured.
        env.update(
            PYTHONPYCACHEPREFIX=str(folder / "pycache"), PYTHONUTF8="1", PYTHONPATH=str(ROOT)
        )
        fr, en, small = folder / "fr.txt", folder / "en.txt", folder / "small.txt"
        fr.write_text("Bonjour le monde.\n", "utf-8")
        en.write_text("Hello world.\n", "utf-8")
        small.write_text(SMALL, "utf-8")
        if args.timeline:
            _print_timelines(env, folder, args.baseline_tree)
            return
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


def _print_timelines(env: dict[str, str], folder: Path, baseline: Path | None) -> None:
    trees = [("this tree", env)]
    if baseline is not None:
        trees.append(("baseline tree", {**env, "PYTHONPATH": str(baseline.resolve())}))
    for label, tree_env in trees:
        print(f"align run seeds/ ({label})")
        print(f"  {'stage':32} {'peak MB':>8} {'at end MB':>10}")
        for stage, peak, end in timeline(tree_env, folder, folder / "timeline-out"):
            print(f"  {stage:32} {peak:8.0f} {end:10.0f}")


if __name__ == "__main__":
    main()
