"""The per-document stages mapped over many documents: in this process or in worker processes.

`align run --jobs N` hands `align.text.analysis.document_segments` and `document_sentences` to a
pool of N processes (concurrent.futures); each worker builds the heavy objects (the lingua
detector, the Punkt splitter) once, on first use. Results come back in document order, the same
as in one process.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from align.model import Document, Progress, Segment, Sentence
from align.text.analysis import document_segments, document_sentences

# A worker process builds its own lingua detector (about 3 s and 500 MB): below this many
# documents for each worker, a pool costs more than it saves.
MIN_DOCUMENTS_PER_WORKER = 8


@dataclass(frozen=True)
class Analysers:
    """How to build the heavy objects of the per-document stages, once in each process.

    The builders must be module-level functions (a pool's workers are started afresh and given
    them by name), such as align.text.language.build_detector and
    align.text.sentences.build_splitter.
    """

    detector: Callable[[], Any]
    splitter: Callable[[], Any]


class _Built:
    """The objects of one process, built on first use (a document may need only one of them)."""

    def __init__(self, analysers: Analysers) -> None:
        self._analysers = analysers
        self._detector: Any = None
        self._splitter: Any = None

    @property
    def detector(self) -> Any:
        if self._detector is None:
            self._detector = self._analysers.detector()
        return self._detector

    def release_detector(self) -> None:
        """Free the detector's big models (it loads them again if asked again): languages are
        done before the names stage loads spaCy."""
        release = getattr(self._detector, "release", None)
        if release is not None:
            release()

    @property
    def splitter(self) -> Any:
        if self._splitter is None:
            self._splitter = self._analysers.splitter()
        return self._splitter


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


_T = TypeVar("_T")
_R = TypeVar("_R")
# The objects of a worker process, set once by its initializer (each worker is its own process).
_WORKER: _Built | None = None


def _start_worker(analysers: Analysers) -> None:
    global _WORKER
    _WORKER = _Built(analysers)


def _segments_in_worker(doc: Document) -> list[Segment]:
    assert _WORKER is not None
    return document_segments(doc, _WORKER.detector)


def _sentences_in_worker(item: tuple[Document, Sequence[Segment]]) -> list[Sentence]:
    assert _WORKER is not None
    return document_sentences(item[0], item[1], _WORKER.splitter)


class Workers:
    """The per-document stages mapped over documents: in this process, or in a pool of `jobs`.

    The pool starts on first need (builders that cannot be sent to another process, such as a
    lambda, keep the work in this process), with as many workers as have MIN_DOCUMENTS_PER_WORKER
    documents each (up to `jobs`); with one, the work stays in this process. Results come back
    in document order whatever the pool.
    """

    def __init__(self, analysers: Analysers, jobs: int) -> None:
        self._analysers = analysers
        # Builders another process cannot be given (a lambda of a test's) keep the work here.
        self._jobs = max(1, jobs) if _sendable(analysers) else 1
        self._here = _Built(analysers)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def segment_all(
        self, documents: Sequence[Document], progress: Progress | None = None
    ) -> list[list[Segment]]:
        """`document_segments` of each document."""
        results = self._map(
            _segments_in_worker, lambda d: document_segments(d, self._here.detector), documents
        )
        segments = list(_reported(results, len(documents), "detecting languages", progress))
        self._here.release_detector()
        return segments

    def split_each(
        self,
        items: Sequence[tuple[Document, Sequence[Segment]]],
        progress: Progress | None = None,
    ) -> list[list[Sentence]]:
        """`document_sentences` of each (document, marked segments)."""
        results = self._map(
            _sentences_in_worker,
            lambda item: document_sentences(item[0], item[1], self._here.splitter),
            items,
        )
        return list(_reported(results, len(items), "splitting sentences", progress))

    def _map(
        self, in_worker: Callable[[_T], _R], here: Callable[[_T], _R], items: Sequence[_T]
    ) -> Iterator[_R]:
        workers = pool_size(len(items), self._jobs)
        if workers <= 1 and self._pool is None:
            return map(here, items)
        pool = self._start(workers)
        chunk = max(1, len(items) // (4 * self._jobs))
        return pool.map(in_worker, items, chunksize=chunk)

    def _start(self, workers: int) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing

            # Workers start afresh ("spawn"), never as a fork of this process: lingua's threads
            # do not survive a fork, and a fresh worker builds its own detector anyway.
            self._pool = ProcessPoolExecutor(
                max_workers=max(2, workers),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._analysers,),
            )
        return self._pool


def pool_size(documents: int, jobs: int) -> int:
    """Worker processes worth starting for `documents` (1: stay in this process)."""
    return max(1, min(jobs, math.ceil(documents / MIN_DOCUMENTS_PER_WORKER)))


def _sendable(analysers: Analysers) -> bool:
    import pickle

    try:
        pickle.dumps(analysers)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def _reported(
    results: Iterator[_R], total: int, what: str, progress: Progress | None
) -> Iterator[_R]:
    for i, result in enumerate(results):
        yield result
        if progress:
            progress(what, i + 1, total)
