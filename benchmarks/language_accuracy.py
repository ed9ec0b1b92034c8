"""Language separation: line accuracy and speed against naive lingua (line by line, all languages).

Run from the repository root:  python benchmarks/language_accuracy.py

The test document is benchmarks/data/mixed_lines.tsv: French and English paragraphs from the seeds
interleaved with foreign-language lines and Telegram noise, one hand-checked label per line
(a blank row is a paragraph break; "en+nl" is a line whose spans are English then Dutch).
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from align.model import UND, Document, Segment  # noqa: E402
from align.text.clear import clear_language  # noqa: E402
from align.text.language import LinguaDetector, build_detector, detect_segments  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "mixed_lines.tsv"
FR_EN = ("fr", "en")


@dataclass(frozen=True)
class Score:
    """Line accuracy of one system on the test document."""

    correct: int
    total: int
    foreign_as_fr_en: int
    errors: tuple[str, ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total


def load(path: Path) -> tuple[str, list[str]]:
    """The document text and the expected label of each of its lines ("" for blank lines)."""
    lines: list[str] = []
    labels: list[str] = []
    for row in path.read_text(encoding="utf-8").split("\n"):
        if not row or row.startswith("#"):
            continue
        label, text = row.split("\t", 1)
        lines.append(text)
        labels.append(label)
    return "\n".join(lines) + "\n", labels


def ours(detector: object) -> Callable[[Document], list[list[str]]]:
    """Our detector: the languages of the segments on each line, in order.

    A LinguaDetector is copied for each document, so that its memo of chunks seen before
    (exact, and a large gain on repeated text) does not carry over from one timed copy of the
    document to the next: the figures are those of text met for the first time.
    """

    def run(doc: Document) -> list[list[str]]:
        per_line: list[list[str]] = [[] for _ in doc.text.split("\n")]
        fresh = dataclasses.replace(detector) if isinstance(detector, LinguaDetector) else detector
        segments: list[Segment] = detect_segments(doc, fresh)  # type: ignore[arg-type]
        for seg in segments:
            per_line[seg.span.line_start - 1].append(seg.lang)
        return per_line

    return run


@dataclass(frozen=True)
class OneThread:
    """Our detector asking lingua one text at a time: the speed without lingua's threads."""

    inner: LinguaDetector

    @property
    def languages(self) -> tuple[str, ...]:
        return self.inner.languages

    def confidences(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        index = {code: i for i, code in enumerate(self.languages)}
        rows = []
        for text in texts:
            row = [0.0] * len(self.languages)
            for value in self.inner.lingua.compute_language_confidence_values(text):
                row[index[value.language.iso_code_639_1.name.lower()]] = value.value
            rows.append(tuple(row))
        return rows


def naive(lingua: object) -> Callable[[Document], list[list[str]]]:
    """lingua on each line alone, all languages loaded; None is `und`."""

    def run(doc: Document) -> list[list[str]]:
        out: list[list[str]] = []
        for line in doc.text.split("\n"):
            if not line.strip():
                out.append([])
                continue
            lang = lingua.detect_language_of(line)  # type: ignore[attr-defined]
            out.append([lang.iso_code_639_1.name.lower() if lang else UND])
        return out

    return run


def score(labels: Sequence[str], found: Sequence[Sequence[str]], lines: Sequence[str]) -> Score:
    """Compare, line by line; a mixed line is right when its non-und spans match in order."""
    correct = total = foreign = 0
    errors: list[str] = []
    for i, expected in enumerate(labels):
        if not expected:
            continue
        total += 1
        got = list(found[i])
        if "+" in expected:
            got = [lang for lang in got if lang != UND]
        label = "+".join(dict.fromkeys(got)) if got else UND
        if label == expected:
            correct += 1
            continue
        if expected not in FR_EN and expected != UND and any(lang in FR_EN for lang in got):
            foreign += 1
        errors.append(f"line {i + 1}: expected {expected}, got {label}: {lines[i][:60]}")
    return Score(correct, total, foreign, tuple(errors))


def throughput(run: Callable[[Document], object], doc: Document, repeat: int) -> float:
    """MB/s of UTF-8 text over `repeat` runs of one document (best of three)."""
    size = len(doc.text.encode("utf-8")) * repeat / 1e6
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            run(doc)
        best = min(best, time.perf_counter() - start)
    return size / best


def clear_chunks(doc: Document) -> str:
    """How many of the chunks lingua would see the first stage decides alone."""
    from align.text.language import _chunks, _clean

    texts = [_clean(doc.text[c.start : c.end]) for c in _chunks(doc.text) if not c.noise]
    return f"{sum(clear_language(t) is not None for t in texts)} of {len(texts)}"


def help_time() -> float:
    """Wall time of `align --help` (the console script beside this Python; best of five), in s."""
    script = Path(sys.executable).with_name("align")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "align"]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*command, "--help"], check=True, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    text, labels = load(DATA)
    lines = text.split("\n")
    doc = Document(str(DATA.relative_to(ROOT)), text)
    start = time.perf_counter()
    detector = build_detector()
    build_ours = time.perf_counter() - start
    start = time.perf_counter()
    # lingua's low-accuracy mode (trigrams only), for the record: faster to build and run.
    fast = LinguaDetector(
        detector.languages,
        LanguageDetectorBuilder.from_iso_codes_639_1(
            *(IsoCode639_1.from_str(code) for code in detector.languages)
        )
        .with_low_accuracy_mode()
        .build(),
    )
    build_fast = time.perf_counter() - start
    start = time.perf_counter()
    lingua = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    build_naive = time.perf_counter() - start

    # lingua on every chunk (no first stage): the detector as it was before issue 10.
    lingua_only = dataclasses.replace(detector, first_stage=False)
    ours_run, naive_run, fast_run = ours(detector), naive(lingua), ours(fast)
    ours_score = score(labels, ours_run(doc), lines)
    fast_score = score(labels, fast_run(doc), lines)
    lingua_only_score = score(labels, ours(lingua_only)(doc), lines)
    naive_score = score(labels, naive_run(doc), lines)
    clear = clear_chunks(doc)
    ours_speed = throughput(ours_run, doc, 20)
    fast_speed = throughput(fast_run, doc, 20)
    lingua_only_speed = throughput(ours(lingua_only), doc, 20)
    one_thread_speed = throughput(ours(OneThread(lingua_only)), doc, 20)
    naive_speed = throughput(naive_run, doc, 20)
    report = {
        "lines": ours_score.total,
        "ours": {
            "accuracy": round(ours_score.accuracy, 4),
            "foreign_labelled_fr_or_en": ours_score.foreign_as_fr_en,
            "mb_per_s": round(ours_speed, 4),
            "build_s": round(build_ours, 2),
            "chunks_decided_without_lingua": clear,
            "errors": ours_score.errors,
        },
        "ours_lingua_on_every_chunk": {
            "accuracy": round(lingua_only_score.accuracy, 4),
            "foreign_labelled_fr_or_en": lingua_only_score.foreign_as_fr_en,
            "mb_per_s": round(lingua_only_speed, 4),
            "errors": lingua_only_score.errors,
        },
        "ours_low_accuracy_mode": {
            "accuracy": round(fast_score.accuracy, 4),
            "foreign_labelled_fr_or_en": fast_score.foreign_as_fr_en,
            "mb_per_s": round(fast_speed, 4),
            "build_s": round(build_fast, 2),
            "errors": fast_score.errors,
        },
        "naive_lingua_all_languages_per_line": {
            "accuracy": round(naive_score.accuracy, 4),
            "foreign_labelled_fr_or_en": naive_score.foreign_as_fr_en,
            "mb_per_s": round(naive_speed, 4),
            "build_s": round(build_naive, 2),
            "errors": naive_score.errors,
        },
        "ours_lingua_on_every_chunk_one_thread_mb_per_s": round(one_thread_speed, 4),
        "speed_ratio_ours_over_naive": round(ours_speed / naive_speed, 2),
        "speed_ratio_ours_over_lingua_on_every_chunk": round(ours_speed / lingua_only_speed, 2),
        "speed_ratio_ours_one_thread_over_naive": round(one_thread_speed / naive_speed, 2),
        "cpus": os.cpu_count(),
        "align_help_s": round(help_time(), 3),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
