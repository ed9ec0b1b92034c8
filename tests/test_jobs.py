"""`align run --jobs N`: the per-document stages in worker processes, the same exports as one."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from align.cli import app
from align.settings import EXPORTS
from align.workers import MIN_DOCUMENTS_PER_WORKER, pool_size


@pytest.mark.parametrize(
    ("documents", "jobs", "workers"),
    [
        (0, 4, 1),
        (4, 4, 1),  # the seeds: a worker's start-up would cost more than it saves
        (MIN_DOCUMENTS_PER_WORKER, 2, 1),
        (MIN_DOCUMENTS_PER_WORKER + 1, 2, 2),
        (1000, 2, 2),
        (1000, 1, 1),
        (3 * MIN_DOCUMENTS_PER_WORKER, 8, 3),
    ],
)
def test_the_pool_has_a_worker_for_every_few_documents_up_to_jobs(
    documents: int, jobs: int, workers: int
) -> None:
    assert pool_size(documents, jobs) == workers


def test_jobs_2_writes_the_same_exports_as_jobs_1(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    import align.workers

    pools: list[int] = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: Any) -> None:
            pools.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(align.workers, "ProcessPoolExecutor", Counted)
    # Twelve documents (enough for two workers): every third line of each seed.
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt")):
        lines = seed.read_text("utf-8").splitlines()
        for n in range(3):
            (docs / f"{seed.stem}_{n}.txt").write_text("\n".join(lines[n::3]) + "\n", "utf-8")
    assert pool_size(len(list(docs.iterdir())), 2) == 2
    for jobs in ("1", "2"):
        # The real builders: the workers build their own detector, as `align run` does.
        out = tmp_path / f"jobs{jobs}"
        result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out), "--jobs", jobs])
        assert result.exit_code == 0, result.output
    assert pools == [2]
    for name in EXPORTS:
        one, two = tmp_path / "jobs1" / name, tmp_path / "jobs2" / name
        assert one.read_bytes() == two.read_bytes(), name
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(one) as za, zipfile.ZipFile(two) as zb:
                assert za.namelist() == zb.namelist()


def test_jobs_must_be_at_least_one(tmp_path: Path, seeds_dir: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(seeds_dir), "--out", str(tmp_path), "-j", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output
