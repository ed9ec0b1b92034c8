"""The adversarial pass of issue 14: every command against bad and hostile inputs, broken
workbooks, kill -9 during writes, concurrent runs and translators' edits, each case with its
promise.

Run from the repository root:  python benchmarks/adversarial.py [--jobs N] [--only WORDS]
                                                                [--baseline COMMIT]

Each case runs `align` as child processes in a temporary folder of its own and checks what
README and DESIGN promise: the exit code; one line on stderr that names the file (and the
limit, or the fix); no traceback; no hang past its time limit; peak memory under MEMORY_MB;
nothing lost (a translator's edits kept over the runs that follow, previous exports intact when
a run fails, no temporary file left after a kill -9 once the next run is over). The case kinds
follow the issue: items 1-12 and its "Smaller" list, plus the broken workbooks and the fuzzing
it says held. The catalogue is in benchmarks/adversarial_cases.py.

Some scenarios check several promises on the same runs (the eight formulas typed in one added
sheet): each promise counts as one case. Prints every case that failed and the tally "cases
tried, cases that behaved as promised"; with --baseline, the same cases on that commit's code
(exported with `git archive`) in the same run, as a second tally. Exit 0 when every case
behaves as promised.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

# Every child: stopped after this long (a hang), refused more address space than this.
LIMIT_SECONDS = 180.0
ADDRESS_SPACE = 4 * 1024**3
MEMORY_MB = 1500.0

# The editable install's import hook would win over PYTHONPATH: drop it, so that the code of
# `code_root` (this clone, or a baseline's export) is the code that runs.
_LAUNCH = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path "
    "if '__editable__' not in getattr(f, '__module__', '')]; "
    "from align.cli import app; app(prog_name='align')"
)


@dataclass(frozen=True)
class Outcome:
    """What one `align` child did."""

    args: tuple[str, ...]
    code: int | None  # None: killed (by the time limit or by the case)
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    timed_out: bool

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()

    def brief(self) -> str:
        shown = " ".join(self.args)[:120]
        err = self.stderr.strip().replace("\n", " | ")[:300]
        return f"`align {shown}` exit {self.code} in {self.seconds:.1f} s: {err or 'no stderr'}"


@dataclass
class Child:
    """An `align` child started and not yet waited for (to kill it or run others beside it)."""

    args: tuple[str, ...]
    process: subprocess.Popen[bytes]
    started: float
    out: object
    err: object
    killed: bool = False

    def kill(self) -> None:
        self.killed = True
        # Not Popen.send_signal: it polls first, and a poll that reaps the child leaves wait()'s
        # os.wait4 with no child to wait for. Until wait() has reaped it, the pid is the child's
        # (a zombie's, at worst, which takes the signal harmlessly).
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGKILL)

    def wait(self, limit: float = LIMIT_SECONDS) -> Outcome:
        timer = threading.Timer(max(0.0, limit - (time.perf_counter() - self.started)), self.kill)
        timer.start()
        _, status, usage = os.wait4(self.process.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        self.process.returncode = code
        timer.cancel()
        seconds = time.perf_counter() - self.started
        texts = []
        for handle in (self.out, self.err):
            handle.seek(0)  # type: ignore[attr-defined]
            texts.append(handle.read().decode("utf-8", "replace"))  # type: ignore[attr-defined]
            handle.close()  # type: ignore[attr-defined]
        timed_out = self.killed and seconds >= limit - 0.5
        return Outcome(
            self.args,
            code if code >= 0 else None,
            texts[0],
            texts[1],
            seconds,
            usage.ru_maxrss / 1024,
            timed_out,
        )


@dataclass(frozen=True)
class Align:
    """Runs `align` from one code root (this clone or a baseline's export)."""

    code_root: Path

    def start(
        self,
        args: Iterable[str | Path],
        *,
        cwd: Path,
        stdin: bytes | str | None = None,
        fsize: int | None = None,
        env: dict[str, str] | None = None,
    ) -> Child:
        """Start `align ARGS` in `cwd`; `stdin` "yes" is endless, bytes are fed, None is empty."""
        argv = tuple(os.fsdecode(a) if isinstance(a, Path) else a for a in args)

        def limits() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
            if fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

        full_env = {**os.environ, "PYTHONPATH": str(self.code_root), **(env or {})}
        # Closed by Child.wait, once the child's output is read.
        out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115
        feeder = stdin_source(stdin)
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, *argv],
            stdin=feeder,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=full_env,
            preexec_fn=limits,
        )
        if hasattr(feeder, "close"):
            feeder.close()  # type: ignore[union-attr]
        return Child(argv, process, time.perf_counter(), out, err)

    def __call__(
        self,
        args: Iterable[str | Path],
        *,
        cwd: Path,
        stdin: bytes | str | None = None,
        fsize: int | None = None,
        env: dict[str, str] | None = None,
        limit: float = LIMIT_SECONDS,
    ) -> Outcome:
        """Run `align ARGS` to its end (or the time limit)."""
        return self.start(args, cwd=cwd, stdin=stdin, fsize=fsize, env=env).wait(limit)


def stdin_source(stdin: bytes | str | None) -> object:
    """A file object for the child's standard input."""
    if stdin is None:
        return subprocess.DEVNULL
    if stdin == "yes":
        feeder = subprocess.Popen(["yes", "Bonjour tout le monde"], stdout=subprocess.PIPE)
        threading.Thread(target=_reap_after, args=(feeder, LIMIT_SECONDS), daemon=True).start()
        return feeder.stdout
    assert isinstance(stdin, bytes)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - the child's stdin, closed once started
    handle.write(stdin)
    handle.seek(0)
    return handle


def _reap_after(process: subprocess.Popen[bytes], seconds: float) -> None:
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Verdicts:
    """The promises one scenario checked: case name -> None (as promised) or what went wrong."""

    results: dict[str, str | None] = field(default_factory=dict)

    def check(self, name: str, failure: str | None) -> None:
        self.results[name] = failure


@dataclass(frozen=True)
class Scenario:
    """One or more cases sharing their runs; `play` fills the verdicts, working in a folder."""

    item: str  # the item: "1", ..., "12", "smaller", "held", "fuzz"
    name: str
    play: Callable[[Align, Path, Verdicts], None]
    cases: tuple[str, ...] = ()  # names of the verdicts `play` gives, when more than one


def play(scenario: Scenario, align: Align, scratch: Path) -> dict[str, str | None]:
    """Run one scenario in a fresh folder; a crash of the scenario itself fails its cases."""
    folder = Path(tempfile.mkdtemp(prefix="case-", dir=scratch))
    verdicts = Verdicts()
    try:
        scenario.play(align, folder, verdicts)
    except Exception as err:  # the benchmark's own failure: report it, do not stop the others
        names = scenario.cases or (scenario.name,)
        for name in names:
            verdicts.results.setdefault(name, f"scenario failed: {type(err).__name__}: {err}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not verdicts.results:
        verdicts.check(scenario.name, "scenario checked nothing")
    return verdicts.results


def tally(
    scenarios: list[Scenario], align: Align, scratch: Path, jobs: int, label: str
) -> tuple[int, int, list[str]]:
    """Play every scenario (`jobs` at a time); cases tried, as promised, and the failures."""
    tried = kept = 0
    failures: list[str] = []
    lock = threading.Lock()

    def one(scenario: Scenario) -> None:
        nonlocal tried, kept
        start = time.perf_counter()
        results = play(scenario, align, scratch)
        with lock:
            for name, failure in results.items():
                tried += 1
                if failure is None:
                    kept += 1
                else:
                    failures.append(f"[item {scenario.item}] {scenario.name}: {name}: {failure}")
            bad = sum(f is not None for f in results.values())
            print(
                f"  {label}: item {scenario.item:>7} | {scenario.name}: "
                f"{len(results) - bad}/{len(results)} ({time.perf_counter() - start:.0f} s)",
                flush=True,
            )

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, scenarios))
    return tried, kept, sorted(failures)


def main() -> int:
    from adversarial_cases import SCENARIOS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="scenarios played at once")
    parser.add_argument("--only", nargs="*", default=[], help="scenarios whose name holds one")
    parser.add_argument("--baseline", help="a commit whose code plays the same cases")
    options = parser.parse_args()
    chosen = [s for s in SCENARIOS if not options.only or any(w in s.name for w in options.only)]
    with tempfile.TemporaryDirectory(prefix="adversarial-") as scratch_name:
        scratch = Path(scratch_name)
        roots = [("now", ROOT)]
        if options.baseline:
            base = scratch / "baseline"
            base.mkdir()
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", options.baseline, "align", "glossary"],
                capture_output=True,
                check=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
            roots.append((f"baseline {options.baseline}", base))
        summary = []
        start = time.perf_counter()
        for label, root in roots:
            tried, kept, failures = tally(chosen, Align(root), scratch, options.jobs, label)
            summary.append((label, tried, kept, failures))
        print()
        for label, _, _, failures in summary:
            print(f"{label}: {len(failures)} failures")
            for failure in failures:
                print(f"  - {failure}")
        print()
        for label, tried, kept, _ in summary:
            print(f"{label}: {tried} cases tried, {kept} behaved as promised")
        print(f"({time.perf_counter() - start:.0f} s, {options.jobs} at a time)")
    return 0 if summary[0][1] == summary[0][2] else 1


if __name__ == "__main__":
    sys.exit(main())
