"""Parallel sentence alignment on the six TransRead novels, ours and nltk's Gale-Church in one run.

Run from the repo root:  python benchmarks/parallel_alignment.py [--quick]

Quality: strict_all P/R/F1 per book and micro-averaged, with the shared scorer
(../shared/benchmarks/score_alignment.py), for align.parallel.aligner.align_parallel and for
nltk.translate.gale_church.align_blocks on the whole document as one block.
Speed: each aligner's CPU time per book and the ratio; the six books concatenated against one book;
peak memory (tracemalloc) and the number of DP states against n x m.
`--quick` runs nltk on the largest book only (its quality figures are then left out).
"""

from __future__ import annotations

import bisect
import importlib.util
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import ModuleType

from align.parallel.aligner import align_parallel
from align.parallel.dp import DPStats

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "benchmarks" / "parallel_fr-en"
SCORER = SHARED / "benchmarks" / "score_alignment.py"
Links = list[tuple[frozenset[int], frozenset[int]]]


def load_scorer() -> ModuleType:
    """The shared scorer, imported from its file so the figures are the ones it prints."""
    spec = importlib.util.spec_from_file_location("score_alignment", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_lines(path: Path) -> list[str]:
    """One sentence per line, as `align pair --presplit` reads them."""
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def name_key_or_none() -> tuple[Callable[[str], str] | None, str]:
    """glossary.translit.match_key if present and working, else None; and a note saying which."""
    try:
        from glossary.translit import match_key
    except ImportError:
        return None, "glossary.translit.match_key not available: names compared as written"
    try:
        match_key("Ouchakov")
    except Exception as exc:  # a broken helper must not stop the benchmark
        return None, f"glossary.translit.match_key failed ({exc!r}): names compared as written"
    return match_key, "names matched through glossary.translit.match_key"


def ours(fr: Sequence[str], en: Sequence[str], name_key: Callable[[str], str] | None) -> Links:
    return [
        (frozenset(link.fr), frozenset(link.en))
        for link in align_parallel(fr, en, name_key=name_key)
    ]


def nltk_gale_church(fr: Sequence[str], en: Sequence[str]) -> Links:
    """nltk's align_blocks on character lengths; its pairs grouped into beads, the rest null."""
    from nltk.translate.gale_church import align_blocks

    pairs = align_blocks([len(s) for s in fr], [len(s) for s in en])
    # Pairs of one bead form a complete bipartite block; join them by shared sentences.
    fr_link: dict[int, int] = {}
    en_link: dict[int, int] = {}
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in pairs:
        k = fr_link.get(i, en_link.get(j))
        if k is None:
            k = len(groups)
            groups.append((set(), set()))
        groups[k][0].add(i)
        groups[k][1].add(j)
        fr_link[i] = en_link[j] = k
    links: Links = [(frozenset(f), frozenset(e)) for f, e in groups]
    links += [(frozenset([i]), frozenset()) for i in range(len(fr)) if i not in fr_link]
    links += [(frozenset(), frozenset([j])) for j in range(len(en)) if j not in en_link]
    return links


def score_auc(
    books: list[str],
    texts: dict[str, tuple[list[str], list[str]]],
    name_key: Callable[[str], str] | None,
) -> float:
    """Chance that a right link (in gold) scores above a wrong one: do low scores flag errors?"""
    right: list[float] = []
    wrong: list[float] = []
    for book in books:
        gold = set(load_scorer().read(DATA / book / "gold.tsv"))
        for link in align_parallel(*texts[book], name_key=name_key):
            key = (frozenset(link.fr), frozenset(link.en))
            (right if key in gold else wrong).append(link.score)
    if not right or not wrong:
        return float("nan")
    wrong.sort()
    wins = sum(
        bisect.bisect_left(wrong, r)
        + (bisect.bisect_right(wrong, r) - bisect.bisect_left(wrong, r)) / 2
        for r in right
    )
    return wins / (len(right) * len(wrong))


def write_tsv(links: Links, path: Path) -> None:
    rows = sorted(links, key=lambda link: (min(link[0] | link[1] or {0}), sorted(link[0])))
    path.write_text(
        "".join(
            ",".join(map(str, sorted(f))) + "\t" + ",".join(map(str, sorted(e))) + "\n"
            for f, e in rows
        ),
        encoding="utf-8",
    )


def timed(fn: Callable[[], Links], repeat: int = 1) -> tuple[Links, float]:
    """Result and best CPU time of `repeat` runs: CPU time, as other jobs share this machine."""
    best = float("inf")
    result: Links = []
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return result, best


def fmt(prf: dict[str, float]) -> str:
    return f"{prf['P']:.3f} {prf['R']:.3f} {prf['F1']:.3f}"


def main(argv: list[str]) -> None:
    quick = "--quick" in argv
    name_key, name_note = name_key_or_none()
    books = sorted(p.name for p in DATA.iterdir() if (p / "gold.tsv").exists())
    texts = {b: (read_lines(DATA / b / "fr.txt"), read_lines(DATA / b / "en.txt")) for b in books}
    largest = max(books, key=lambda b: len(texts[b][0]) * len(texts[b][1]))
    print(f"# {name_note}")
    print(f"{'book':30s} {'fr':>5s} {'en':>5s} | ours P R F1 | nltk P R F1 | ours s | nltk s | x")
    with tempfile.TemporaryDirectory(prefix="parallel_alignment_") as tmp:
        out_ours, out_nltk = Path(tmp) / "ours", Path(tmp) / "nltk"
        out_ours.mkdir()
        out_nltk.mkdir()
        quality(books, texts, largest, name_key, out_ours, out_nltk, quick)
    speed(books, texts, largest, name_key)


def quality(
    books: list[str],
    texts: dict[str, tuple[list[str], list[str]]],
    largest: str,
    name_key: Callable[[str], str] | None,
    out_ours: Path,
    out_nltk: Path,
    quick: bool,
) -> None:
    """Per-book and micro-averaged strict_all for both aligners, and the speed ratio per book."""
    scorer = load_scorer()
    times: dict[str, float] = {}
    ratios = []
    for book in books:
        fr, en = texts[book]
        gold = scorer.read(DATA / book / "gold.tsv")
        links, t_ours = timed(partial(ours, fr, en, name_key), repeat=3)
        times[book] = t_ours
        write_tsv(links, out_ours / f"{book}.tsv")
        mine = scorer.score([(gold, scorer.read(out_ours / f"{book}.tsv"))])["strict_all"]
        nltk_col, t_col, x_col = "  -   -   -  ", "     -", "    -"
        if not quick or book == largest:
            base, t_nltk = timed(partial(nltk_gale_church, fr, en))
            write_tsv(base, out_nltk / f"{book}.tsv")
            theirs = scorer.score([(gold, scorer.read(out_nltk / f"{book}.tsv"))])["strict_all"]
            nltk_col, t_col = fmt(theirs), f"{t_nltk:6.2f}"
            x_col = f"{t_nltk / t_ours:5.1f}"
            ratios.append((book, t_nltk / t_ours))
        print(
            f"{book:30s} {len(fr):5d} {len(en):5d} | {fmt(mine)} | {nltk_col} | "
            f"{t_ours:6.2f} | {t_col} | {x_col}"
        )
    micro_ours = scorer.score(
        [(scorer.read(DATA / b / "gold.tsv"), scorer.read(out_ours / f"{b}.tsv")) for b in books]
    )["strict_all"]
    print(f"{'MICRO (strict_all)':30s} {'':11s} | {fmt(micro_ours)} |", end="")
    if not quick:
        micro_nltk = scorer.score(
            [
                (scorer.read(DATA / b / "gold.tsv"), scorer.read(out_nltk / f"{b}.tsv"))
                for b in books
            ]
        )["strict_all"]
        print(f" {fmt(micro_nltk)} |")
    else:
        print()
    for book, ratio in ratios:
        print(f"speed: ours is {ratio:.1f}x nltk align_blocks on {book}")
    without_names = scorer.score(
        [(scorer.read(DATA / b / "gold.tsv"), ours(*texts[b], None)) for b in books]
    )["strict_all"]
    print(f"ours without a name key (name_key=None), micro: {fmt(without_names)}")
    print(f"link scores, AUC of right over wrong links: {score_auc(books, texts, name_key):.3f}")
    print(f"ours, mean time per book: {statistics.mean(times.values()):.2f} s")


def speed(
    books: list[str],
    texts: dict[str, tuple[list[str], list[str]]],
    largest: str,
    name_key: Callable[[str], str] | None,
) -> None:
    """The six books concatenated against single books, peak memory and DP states."""
    times = {}
    for book in books:
        times[book] = timed(partial(ours, *texts[book], name_key), repeat=3)[1]

    all_fr = [s for b in books for s in texts[b][0]]
    all_en = [s for b in books for s in texts[b][1]]
    _, t_all = timed(partial(ours, all_fr, all_en, name_key), repeat=2)
    mean_book = statistics.mean(times.values())
    print(
        f"six books concatenated ({len(all_fr)} x {len(all_en)}): {t_all:.2f} s = "
        f"{t_all / times[largest]:.2f}x the largest book ({largest}, {times[largest]:.2f} s), "
        f"{t_all / mean_book:.2f}x the mean book ({mean_book:.2f} s; 6.0x would be exactly linear)"
    )
    per_sentence_book = times[largest] / (len(texts[largest][0]) + len(texts[largest][1]))
    per_sentence_all = t_all / (len(all_fr) + len(all_en))
    print(
        f"time per sentence: {per_sentence_book * 1e6:.0f} us ({largest}), "
        f"{per_sentence_all * 1e6:.0f} us (concatenation)"
    )
    for label, (fr, en) in (
        (largest, texts[largest]),
        ("concatenation", (all_fr, all_en)),
    ):
        stats = DPStats()
        tracemalloc.start()
        align_parallel(fr, en, name_key=name_key, stats=stats)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"memory, {label}: peak {peak / 2**20:.1f} MiB; DP states {stats.cells:,} "
            f"(two passes) against n x m = {len(fr) * len(en):,}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
