"""Issue 13: what translators get from the exports, beside what they got before, in one run.

Run from the repository root:  python benchmarks/translator_exports.py

1. TMX. ../shared/dev/news (30 articles and their translations, laid out as
   `<article>_fr.txt` / `<article>_en.txt`): `python -m align run DOCS --out OUT` in a
   subprocess; translation units of alignment.tmx holding one language only. Baseline: the same
   run with --keep-one-sided, which writes what every run wrote before issue 13.
2. Language labels, on the same documents and on benchmarks/data/french_names_en.txt (an
   English report full of French institution names, written for this benchmark): sentences of
   English documents labelled fr and of French documents labelled en. Ours: lingua's labels
   weighed in the document's context (align.text.analysis.document_segments). Baseline: the
   labels before issue 13 (align.text.language.detect_segments alone). Same detector, same
   sentence splitter, repeats set aside across all documents as `align run` does.
3. HTML main text: the four pages of benchmarks/data/html (news-site markup written for this
   benchmark: navigation, bylines, share buttons, related boxes, comments, footers) against
   their hand-checked main text (*.main.txt): paragraphs of main text kept (recall) and
   paragraphs of boilerplate kept, as a share of the boilerplate the baseline keeps (every
   visible block). Ours: align.readers.html. Baseline: the reader before issue 13
   (benchmarks/html_baseline.py). Beside them, trafilatura alone (`trafilatura.extract`, its
   defaults, text output), to show what the reader adds to it.
4. Pathological HTML (a page of unclosed comments "<!-- a "): seconds for the baseline on 100 kB
   and 200 kB (it grows with the square of the size), ours on 5 MB.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

NEWS = ROOT.parent / "shared" / "dev" / "news"
DATA = ROOT / "benchmarks" / "data"
PAGES = DATA / "html"


def lay_out(docs: Path) -> None:
    for article in sorted(p for p in NEWS.iterdir() if p.is_dir()):
        for lang in ("fr", "en"):
            shutil.copyfile(article / f"{lang}.txt", docs / f"{article.name}_{lang}.txt")


def tmx_units(path: Path) -> tuple[int, int]:
    """Units of a TMX file, and how many hold one language only."""
    from lxml import etree

    root = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True)).getroot()
    units = root.findall("body/tu")
    return len(units), sum(1 for tu in units if len(tu.findall("tuv")) < 2)


def measure_tmx(docs: Path, work: Path) -> None:
    print("1. alignment.tmx on ../shared/dev/news (60 documents)")
    for label, extra in (
        ("ours (default)", []),
        ("baseline (--keep-one-sided)", ["--keep-one-sided"]),
    ):
        out = work / ("out-" + str(len(extra)))
        start = time.perf_counter()
        command = [sys.executable, "-m", "align", "run", str(docs), "--out", str(out), *extra]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"align run failed ({done.returncode}):\n{done.stderr}")
        total, one_sided = tmx_units(out / "alignment.tmx")
        print(f"   {label:28} {total} units, {one_sided} with one language only ({seconds:.1f} s)")


def measure_languages(docs: Path) -> None:
    from align.model import Document
    from align.readers import read_paths
    from align.text.analysis import split_all
    from align.text.context import in_document_context
    from align.text.language import build_detector, detect_segments
    from align.text.repeats import mark_repeats
    from align.text.sentences import build_splitter

    shutil.copyfile(DATA / "french_names_en.txt", docs / "french_names_en.txt")
    documents: list[Document] = list(read_paths([str(docs)]).documents)
    detector, splitter = build_detector(), build_splitter()
    lingua = {doc.source: detect_segments(doc, detector) for doc in documents}
    ways = {
        "baseline (lingua, own context)": lingua,
        "ours (document context)": {s: in_document_context(segs) for s, segs in lingua.items()},
    }
    print("2. sentences labelled with the other language (expected: the file's _fr/_en)")
    for label, per_doc in ways.items():
        marked = mark_repeats([seg for doc in documents for seg in per_doc[doc.source]])
        by_source: dict[str, list] = {}
        for seg in marked:
            by_source.setdefault(seg.source, []).append(seg)
        analysed = split_all(documents, by_source, splitter)
        wrong: Counter[str] = Counter()
        examples = []
        for doc in analysed:
            name = Path(doc.document.source).name
            expected = "en" if name.endswith("_en.txt") else "fr"
            other = "fr" if expected == "en" else "en"
            where = "names document" if name == "french_names_en.txt" else "dev/news"
            for sentence in doc.sentences:
                if sentence.lang == other:
                    wrong[f"{where} {expected} labelled {other}"] += 1
                    examples.append(f"{name}:{sentence.span.line_start} {sentence.text[:70]}")
        total = sum(len(doc.sentences) for doc in analysed)
        counts = ", ".join(f"{k}: {v}" for k, v in sorted(wrong.items())) or "none"
        print(f"   {label:31} of {total} sentences: {counts}")
        for example in examples:
            print(f"      {example}")


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def measure_html() -> None:
    import trafilatura
    from html_baseline import visible_text as baseline_text

    from align.readers.html import visible_text

    def alone(markup: str) -> str:
        return "\n\n".join((trafilatura.extract(markup) or "").split("\n"))

    print("3. HTML main text: main paragraphs kept / boilerplate paragraphs kept")
    print("   (baseline -> trafilatura alone -> ours)")
    totals: Counter[str] = Counter()
    for page in sorted(PAGES.glob("*.html")):
        markup = page.read_text(encoding="utf-8")
        gold = {" ".join(line.split()) for line in page.with_suffix(".main.txt").read_text(
            encoding="utf-8").splitlines() if line.strip()}  # fmt: skip
        found = {
            "before": paragraphs(baseline_text(markup)),
            "alone": paragraphs(alone(markup)),
            "after": paragraphs(visible_text(markup)),
        }
        main = {k: len(gold.intersection(v)) for k, v in found.items()}
        boiler = {k: sum(1 for p in v if p not in gold) for k, v in found.items()}
        totals["gold"] += len(gold)
        totals.update({f"main_{k}": v for k, v in main.items()})
        totals.update({f"boiler_{k}": v for k, v in boiler.items()})
        print(
            f"   {page.name:20} main {main['before']} -> {main['alone']} -> {main['after']} "
            f"of {len(gold)}; boilerplate {boiler['before']} -> {boiler['alone']} -> "
            f"{boiler['after']}"
        )
    base = totals["boiler_before"]
    print(
        f"   all four pages: main text kept {totals['main_before']} -> {totals['main_alone']} -> "
        f"{totals['main_after']} of {totals['gold']}; boilerplate paragraphs kept {base} (100 %)"
        f" -> {totals['boiler_alone']} ({totals['boiler_alone'] / base:.0%}) -> "
        f"{totals['boiler_after']} ({totals['boiler_after'] / base:.0%})"
    )
    first = paragraphs(baseline_text((PAGES / "en_world_news.html").read_text("utf-8")))[0]
    print(f"   first paragraph of en_world_news.html, baseline: {first!r}")
    first = paragraphs(visible_text((PAGES / "en_world_news.html").read_text("utf-8")))[0]
    print(f"   first paragraph of en_world_news.html, ours:     {first!r}")


def measure_pathological() -> None:
    from html_baseline import visible_text as baseline_text

    from align.readers.html import visible_text

    print('4. pathological HTML: "<p>x</p>" then unclosed comments "<!-- a " (seconds)')

    def page(size: int) -> str:
        return "<p>x</p>" + "<!-- a " * (size // 7)

    times = {}
    for size in (100_000, 200_000):
        start = time.perf_counter()
        baseline_text(page(size))
        times[size] = time.perf_counter() - start
        print(f"   baseline {size // 1000:>5} kB: {times[size]:.2f} s")
    growth = times[200_000] / times[100_000]
    projected = times[200_000] * (5_000_000 / 200_000) ** 2
    hours = projected / 3600
    print(f"   baseline doubling the size: x{growth:.1f}; projected for 5 MB: {hours:.1f} h")
    start = time.perf_counter()
    visible_text(page(5_000_000))
    ours = time.perf_counter() - start
    print(f"   ours     5000 kB: {ours:.2f} s (x{projected / ours:,.0f} faster than projected)")


def main() -> None:
    if not NEWS.is_dir():
        print(f"missing {NEWS}: the dev news set is needed (../shared/dev/news)", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory(prefix="exports-13-") as tmp:
        work = Path(tmp)
        docs = work / "docs"
        docs.mkdir()
        lay_out(docs)
        measure_tmx(docs, work)
        measure_languages(docs)
    measure_html()
    measure_pathological()


if __name__ == "__main__":
    main()
