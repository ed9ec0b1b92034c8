"""Event pairing (comparable mode) against the naive floor, on niagara_falls and on the seeds.

Run from the repository root:  python benchmarks/comparable_alignment.py
Data: ../shared/benchmarks/comparable_fr-en/niagara_falls (gold.extended.tsv) and seeds/.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NIAGARA = SHARED / "benchmarks" / "comparable_fr-en" / "niagara_falls"
PARALLEL = SHARED / "benchmarks" / "parallel_fr-en"
SEED_PAIRS = (("000_fccb3bf18fa116fa", "003_56daf0e6f785bb98"),)
SEED_EXTRA = (("001_157a4bdd3038f2f4", "003_56daf0e6f785bb98"),)
Pair = tuple[frozenset[int], frozenset[int]]
sys.path.insert(0, str(ROOT))


def scorer() -> ModuleType:
    """The shared scorer, loaded from ../shared/benchmarks/score_alignment.py."""
    spec = importlib.util.spec_from_file_location(
        "score_alignment", SHARED / "benchmarks" / "score_alignment.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return text[:-1].split("\n") if text.endswith("\n") else text.split("\n")


def naive_floor(fr: Sequence[str], en: Sequence[str]) -> list[Pair]:
    """The README's naive floor: numbers and capitalised words (Jaccard), mutual best match."""

    def features(text: str) -> set[str]:
        return set(re.findall(r"\d+(?:[.,]\d+)*", text)) | set(re.findall(r"\b[A-ZÀ-Ý]\w+", text))

    french = [features(s) for s in fr]
    english = [features(s) for s in en]

    def jaccard(a: set[str], b: set[str]) -> float:
        return len(a & b) / len(a | b) if a | b else 0.0

    table = [[jaccard(f, e) for e in english] for f in french]
    links = []
    for i, row in enumerate(table):
        best = max(row)
        if best <= 0:
            continue
        j = row.index(best)
        column = [table[k][j] for k in range(len(french))]
        if column.index(max(column)) == i:
            links.append((frozenset([i]), frozenset([j])))
    return links


def timed(run: Callable[[], list[Pair]]) -> tuple[list[Pair], float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def niagara(score: ModuleType) -> None:
    from align.comparable.events import align_comparable
    from glossary.translit import match_key

    fr, en = lines(NIAGARA / "fr.txt"), lines(NIAGARA / "en.txt")
    gold = score.read(str(NIAGARA / "gold.extended.tsv"))

    def ours() -> list[Pair]:
        links = align_comparable(fr, en, name_key=match_key)
        return [(frozenset(k.fr), frozenset(k.en)) for k in links]

    def ours_without_names() -> list[Pair]:
        return [(frozenset(k.fr), frozenset(k.en)) for k in align_comparable(fr, en, name_key=None)]

    print(
        f"## niagara_falls: {len(fr)} fr x {len(en)} en segments, {len(gold)} gold links (extended)"
    )
    print("| system | links | lax P | lax R | lax F1 | strict P | strict R | strict F1 | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    results = {}
    for name, run in (
        ("naive floor (this script)", lambda: naive_floor(fr, en)),
        ("align_comparable, glossary name key", ours),
        ("align_comparable, no name key", ours_without_names),
    ):
        links, seconds = timed(run)
        res = score.score([(gold, links)])
        results[name] = res
        lax, strict = res["lax"], res["strict_all"]
        print(
            f"| {name} | {len(links)} | {lax['P']:.3f} | {lax['R']:.3f} | {lax['F1']:.3f} | "
            f"{strict['P']:.3f} | {strict['R']:.3f} | {strict['F1']:.3f} | {seconds:.2f} |"
        )
    print("| naive floor (README) | | .86 | .52 | .648 | | | | |")
    ours_f1 = results["align_comparable, glossary name key"]["lax"]["F1"]
    floor_f1 = results["naive floor (this script)"]["lax"]["F1"]
    print(f"\nlax F1 ratio ours / naive floor (same run): {ours_f1 / floor_f1:.2f}")


def modes() -> None:
    from align.pairing.mode import decide_mode

    print("\n## --mode auto decisions")
    print("| documents | decided | reason |")
    print("|---|---|---|")
    for folder in sorted(p for p in PARALLEL.iterdir() if p.is_dir()):
        decision = decide_mode(lines(folder / "fr.txt"), lines(folder / "en.txt"), "auto")
        print(f"| {folder.name} (translation) | {decision.mode} | {decision.reason} |")
    decision = decide_mode(lines(NIAGARA / "fr.txt"), lines(NIAGARA / "en.txt"), "auto")
    print(f"| niagara_falls (comparable) | {decision.mode} | {decision.reason} |")


def seeds() -> None:
    from align.pairing.documents import DocSentences, find_document_pairs
    from align.pairing.pair import align_pair
    from align.readers import read_paths
    from align.text.analysis import analyse
    from align.text.language import build_detector
    from glossary.translit import match_key

    paths = sorted((ROOT / "seeds").glob("*.txt"))
    read = read_paths([str(p) for p in paths])
    analysed = analyse(read.documents, build_detector(), _splitter())
    by_name = {Path(a.document.source).stem: a for a in analysed}
    sides = [
        DocSentences(
            Path(a.document.source).name, lang, tuple(s.text for s in a.sentences if s.lang == lang)
        )
        for a in analysed
        for lang in ("fr", "en")
    ]
    print("\n## Seeds: document pairing (inverted index of dates, numbers, names)")
    for pair in find_document_pairs(sides, name_key=match_key):
        shared = ", ".join(map(str, pair.shared))
        print(f"- {pair.fr} <-> {pair.en}: {pair.mode}, score {pair.score}; shared {shared}")
    for fr_name, en_name in SEED_PAIRS + SEED_EXTRA:
        fr = [s for s in by_name[fr_name].sentences if s.lang == "fr"]
        en = [s for s in by_name[en_name].sentences if s.lang == "en"]
        result = align_pair(fr, en, mode="comparable", name_key=match_key)
        sizes = f"{fr_name} (fr, {len(fr)}) x {en_name} (en, {len(en)})"
        print(f"\n## Seeds: {sizes}: {len(result.links)} links")
        for link in result.links:
            fr_text = " ".join(fr[i].text for i in link.fr)
            en_text = " ".join(en[j].text for j in link.en)
            lines_fr = ",".join(str(fr[i].span.line_start) for i in link.fr)
            lines_en = ",".join(str(en[j].span.line_start) for j in link.en)
            evidence = "; ".join(link.labels)
            print(f"- fr line {lines_fr} <-> en line {lines_en}, score {link.score}: {evidence}")
            print(f"  - FR: {fr_text[:220]}")
            print(f"  - EN: {en_text[:220]}")


def _splitter() -> object:
    from align.text.sentences import build_splitter

    return build_splitter()


def main() -> None:
    if not NIAGARA.exists():
        sys.exit(f"{NIAGARA} not found: the shared/ folder must sit beside the repository")
    niagara(scorer())
    modes()
    seeds()


if __name__ == "__main__":
    main()
