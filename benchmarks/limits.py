"""Bounded inputs (issue 14, items 3, 7, 10): the large hostile cases, each run as a command.

Run from the repository root:  python benchmarks/limits.py [--no-baseline]

Each case is one `align` command on a hostile input (devices, endless standard input, a silent
named pipe, zip bombs of 2 and 3 GB, entity attacks, 5,000-deep tables, a sparse workbook...).
For each: the exit code and stderr against what README promises (exit 3 and one line naming
the file and the limit; exit 0 with a warning inside a folder), the wall time and the peak
memory (the child's max RSS). Reference in the same run: `align detect` on a one-line file
(start-up, lingua's models loaded), as the ratio time / reference and memory / reference.

Baseline, in the same run: the same cases against the code of the commit before issue 14
(BASE_COMMIT, exported with `git archive` into a temporary folder), each under a cap of
BASELINE_MEMORY bytes of address space and BASELINE_SECONDS, so that its failures end.
Exit 0 when every case behaves as promised under the goals (time, memory).
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

BASE_COMMIT = "b2f5d14"
BASELINE_MEMORY = 3 * 1024**3
BASELINE_SECONDS = 60
GOAL_SECONDS = 30.0
GOAL_MB = 1000.0
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile input: the command (files made in `folder`) and the promised outcome."""

    name: str
    args: Callable[[Path], list[str]]
    code: int
    says: str  # a phrase the one stderr line must hold
    stdin: str = ""  # "yes": an endless standard input


@dataclass(frozen=True)
class Outcome:
    code: int | None  # None: stopped by the cap
    seconds: float
    peak_mb: float
    stderr: str


def streamed_zip(path: Path, parts: list[tuple[str, Callable[[], Iterator[bytes]]]]) -> None:
    """A zip written part by part in chunks: gigabytes inside, never in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, chunks in parts:
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in chunks():
                    part.write(chunk)


def _docx_bomb(path: Path, gigabytes: float) -> None:
    para = "<w:p><w:r><w:t>" + "Iouri Ouchakov est arrivé à Moscou. " * 100 + "</w:t></w:r></w:p>"
    block = para.encode() * 256

    def document() -> Iterator[bytes]:
        yield f'<?xml version="1.0"?><w:document xmlns:w="{hostile.W}"><w:body>'.encode()
        for _ in range(int(gigabytes * 1024**3 / len(block))):
            yield block
        yield b"</w:body></w:document>"

    streamed_zip(
        path,
        [
            ("[Content_Types].xml", lambda: iter([hostile.CONTENT_TYPES.encode()])),
            ("_rels/.rels", lambda: iter([hostile.RELS.encode()])),
            ("word/document.xml", document),
        ],
    )


def _xlsx_bomb(path: Path, gigabytes: float) -> None:
    row = b'<row><c t="inlineStr"><is><t>' + b"Ouchakov " * 100 + b"</t></is></c></row>"
    block = row * 256
    small = zipfile.ZipFile(io.BytesIO(hostile.xlsx_with_sheet(b"")))

    def sheet() -> Iterator[bytes]:
        yield f'<?xml version="1.0"?><worksheet xmlns="{hostile.S}"><sheetData>'.encode()
        for _ in range(int(gigabytes * 1024**3 / len(block))):
            yield block
        yield b"</sheetData></worksheet>"

    parts: list[tuple[str, Callable[[], Iterator[bytes]]]] = [
        (name, (lambda n=name: iter([small.read(n)])))  # type: ignore[misc]
        for name in small.namelist()
        if name != "xl/worksheets/sheet1.xml"
    ]
    streamed_zip(path, [*parts, ("xl/worksheets/sheet1.xml", sheet)])


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _sparse_file(path: Path, size: int) -> str:
    with path.open("wb") as handle:
        handle.truncate(size)
    return str(path)


def _fifo(path: Path) -> str:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    os.mkfifo(path)
    return str(path)


def _lying_docx(folder: Path) -> str:
    target = folder / "lying.docx"
    _docx_bomb(folder / "honest.docx", 1.0)
    data = hostile.lying_sizes((folder / "honest.docx").read_bytes(), 1024)
    (folder / "honest.docx").unlink()
    return _write(target, data)


def _folder_with_bombs(folder: Path) -> str:
    inside = folder / "mixed"
    inside.mkdir(exist_ok=True)
    _write(inside / "a.docx", hostile.billion_laughs())
    _write(inside / "b.docx", hostile.nested_tables(5000))
    _docx_bomb(inside / "c.docx", 0.5)
    (inside / "d.txt").write_text("Iouri Ouchakov est arrivé à Moscou.", encoding="utf-8")
    return str(inside)


def _draft(folder: Path) -> str:
    return _write(folder / "draft.txt", "Steve Whitkoff est à Moscou.\n".encode())


CASES = [
    Case("detect /dev/zero", lambda f: ["detect", "/dev/zero"], 3, "is a device"),
    Case("detect /dev/urandom", lambda f: ["detect", "/dev/urandom"], 3, "is a device"),
    Case("yes | detect -", lambda f: ["detect", "-"], 3, "over the 50 MB limit", stdin="yes"),
    Case("detect a silent FIFO", lambda f: ["detect", _fifo(f / "fifo")], 3, "named pipe"),
    Case(
        "detect a 60 MB sparse .txt",
        lambda f: ["detect", _sparse_file(f / "big.txt", 60 * MB)],
        3,
        "over the 50 MB limit",
    ),
    Case(
        "detect a .docx holding 2 GB",
        lambda f: (_docx_bomb(f / "bomb.docx", 2.0), ["detect", str(f / "bomb.docx")])[1],
        3,
        "over the 100 MB limit",
    ),
    Case(
        "detect a .docx declaring 1 KB, holding 1 GB",
        lambda f: ["detect", _lying_docx(f)],
        3,
        "does not hold what the zip says",
    ),
    Case(
        "detect billion laughs .docx",
        lambda f: ["detect", _write(f / "laughs.docx", hostile.billion_laughs(12))],
        3,
        "declares a DTD",
    ),
    Case(
        "detect entity amplification .docx",
        lambda f: ["detect", _write(f / "amp.docx", hostile.entity_amplification(10**6, 10**4))],
        3,
        "declares a DTD",
    ),
    Case(
        "detect 5,000-deep tables .docx",
        lambda f: ["detect", _write(f / "deep.docx", hostile.nested_tables(5000))],
        3,
        "levels deep",
    ),
    Case(
        "detect a folder with 3 hostile .docx",
        lambda f: ["detect", _folder_with_bombs(f)],
        0,
        "skipped",
    ),
    Case(
        "check against a .xlsx holding 3 GB",
        lambda f: (
            _xlsx_bomb(f / "bomb.xlsx", 3.0),
            ["check", _draft(f), "--glossary", str(f / "bomb.xlsx")],
        )[1],
        3,
        "over the 100 MB limit",
    ),
    Case(
        "check against a sparse .xlsx (20,000 rows to column XFD)",
        lambda f: [
            "check",
            _draft(f),
            "--glossary",
            _write(f / "sparse.xlsx", hostile.sparse_xlsx(20_000)),
        ],
        3,
        "cells",
    ),
]


# The editable install's import hook would win over PYTHONPATH: drop it, so that the code of
# `code_root` (this clone, or the baseline's export) is the code that runs.
_LAUNCH = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path "
    "if '__editable__' not in getattr(f, '__module__', '')]; "
    "from align.cli import app; app()"
)


def run(args: list[str], *, code_root: Path, stdin: str, cap: bool) -> Outcome:
    """Run `align ARGS` from `code_root`'s code; its time, peak memory and stderr."""

    def limits() -> None:
        if cap:
            resource.setrlimit(resource.RLIMIT_AS, (BASELINE_MEMORY, BASELINE_MEMORY))

    env = {**os.environ, "PYTHONPATH": str(code_root)}
    feeder = None
    if stdin == "yes":
        feeder = subprocess.Popen(["yes", "Bonjour tout le monde"], stdout=subprocess.PIPE)
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, *args],
        stdin=feeder.stdout if feeder else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tempfile.gettempdir(),  # not this clone: `python -c` puts the folder first on sys.path
        preexec_fn=limits,
    )
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(child.stderr.read()))  # type: ignore[union-attr]
    reader.start()
    timer = threading.Timer(BASELINE_SECONDS if cap else 600, child.kill)
    timer.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    timer.cancel()
    reader.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if feeder is not None:
        feeder.kill()
        feeder.wait()
    code = child.returncode if child.returncode >= 0 else None
    return Outcome(code, seconds, usage.ru_maxrss / 1024, errors[0].decode(errors="replace"))


def promised(case: Case, outcome: Outcome) -> bool:
    lines = outcome.stderr.splitlines()
    if outcome.code != case.code or "Traceback" in outcome.stderr:
        return False
    if case.code == 3:
        return len(lines) == 1 and lines[0].startswith("align: error: ") and case.says in lines[0]
    return bool(lines) and all(case.says in line for line in lines)


def main() -> int:
    baseline = "--no-baseline" not in sys.argv
    with tempfile.TemporaryDirectory(prefix="limits-") as scratch:
        folder = Path(scratch)
        base_root = folder / "base"
        if baseline:
            base_root.mkdir()
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", BASE_COMMIT, "align", "glossary"],
                capture_output=True,
                check=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(base_root)], input=archive, check=True)
        tiny = _write(folder / "tiny.txt", b"Bonjour tout le monde, ceci est un essai.\n")
        reference = run(["detect", tiny], code_root=ROOT, stdin="", cap=False)
        print(
            f"reference: align detect on one line: {reference.seconds:.2f} s, "
            f"{reference.peak_mb:.0f} MB"
        )
        print()
        header = "| case | now: outcome | time | peak | time ratio | memory ratio |"
        if baseline:
            header += f" baseline {BASE_COMMIT}: outcome | time | peak |"
        print(header)
        print("|" + "---|" * (header.count("|") - 1))
        kept = 0
        within_goals = 0
        for case in CASES:
            work = folder / case.name.replace(" ", "_").replace("/", "_")
            work.mkdir()
            args = case.args(work)
            now = run(args, code_root=ROOT, stdin=case.stdin, cap=False)
            ok = promised(case, now)
            kept += ok
            fast = now.seconds <= GOAL_SECONDS and now.peak_mb <= GOAL_MB
            within_goals += ok and fast
            row = (
                f"| {case.name} | {'as promised' if ok else 'NOT AS PROMISED'} (exit {now.code}) "
                f"| {now.seconds:.1f} s | {now.peak_mb:.0f} MB "
                f"| {now.seconds / reference.seconds:.1f}x "
                f"| {now.peak_mb / reference.peak_mb:.1f}x |"
            )
            if baseline:
                before = run(args, code_root=base_root, stdin=case.stdin, cap=True)
                what = "as promised" if promised(case, before) else _failure(before)
                row += f" {what} | {before.seconds:.1f} s | {before.peak_mb:.0f} MB |"
            print(row, flush=True)
            if not ok:
                print(f"    stderr: {now.stderr.strip()[:300]}")
        print()
        print(
            f"{kept} of {len(CASES)} cases as promised; {within_goals} also within "
            f"{GOAL_SECONDS:.0f} s and {GOAL_MB:.0f} MB"
        )
    return 0 if within_goals == len(CASES) else 1


def _failure(outcome: Outcome) -> str:
    if outcome.code is None:
        return "stopped by the cap"
    if "Traceback" in outcome.stderr:
        last = outcome.stderr.strip().splitlines()[-1][:60]
        return f"traceback ({last}), exit {outcome.code}"
    lines = outcome.stderr.strip().splitlines()
    return f"exit {outcome.code}: {lines[-1][:60] if lines else 'no message'}"


if __name__ == "__main__":
    sys.exit(main())
