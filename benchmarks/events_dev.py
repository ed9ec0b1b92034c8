"""Comparable links, mode decisions and document pairing on the events development set (issue 11).

Run from the repository root:  python benchmarks/events_dev.py

Data: ../shared/dev/events: 38 French and English documents written separately about ten events,
events_gold.tsv (64 events with every line reporting them), pairs.txt (the 35 FR/EN document pairs
that share an event) and score_events.py.
1. Comparable links: `align pair docs/FR docs/EN --mode comparable --format json` for each pair of
   pairs.txt, made through the library (one detector for all; the JSON is checked identical to the
   CLI's on the first pair), scored by score_events.py. Baseline .576 precision, .312 recall
   (issue 11), .741 / .385 at 42e0c01 (its first round), .838 / .541 at b9260b2 (round 21's
   start); targets: link precision >= .85, event recall >= .70.
2. Mode decisions: how many of the 35 pairs `--mode auto` calls parallel (target 0).
3. Document pairing: the pairs `align run` reports over the 38 documents: gold pairs found
   (target >= 32 of 35) and pairs that share no gold event (target <= 5).
   Then the missed events by cause: for each gold event a pair shares and no link found, its best
   gold sentence pair as `align.comparable.events.candidates` weighs it: no shared evidence at
   all (candidate generation), two different days, below the link's thresholds (and which kinds
   of evidence it had), or eligible but lost to the one-to-one choice (another partner won).
4. Translations still found: `align run` over ../shared/dev/news (30 articles and their
   translations, laid out as <article>_fr.txt / _en.txt): translations paired as parallel
   (target 30 of 30) and the other pairs it reports (comparable pairs between two articles).
   Baseline (issue 11): 28 of 30 found as parallel in one run, 37 comparable pairs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVENTS = SHARED / "dev" / "events"
NEWS = SHARED / "dev" / "news"
DOCS = EVENTS / "docs"
sys.path.insert(0, str(ROOT))

import align  # noqa: E402
from align.cli.pair import format_json  # noqa: E402
from align.comparable import weights  # noqa: E402
from align.comparable.events import Candidate, candidates  # noqa: E402
from align.model import Link, Mode, Sentence  # noqa: E402

SUMMARY_PAIR = re.compile(r"^\s*(.+?) ⇄ (.+?) \((\w+)\)$")


def gold_pairs() -> list[tuple[str, str]]:
    lines = (EVENTS / "pairs.txt").read_text(encoding="utf-8").splitlines()
    return [(fr, en) for fr, en in (line.split() for line in lines if line.strip())]


def gold_events() -> dict[tuple[str, int], set[str]]:
    """The gold events each line of a document reports: (file, line) -> event ids."""
    events: dict[tuple[str, int], set[str]] = {}
    lines = (EVENTS / "events_gold.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in lines:
        event = row.split("\t")[0]
        for place in row.split("\t")[3:]:
            if ":" in place:
                name, line = place.strip().rsplit(":", 1)
                events.setdefault((name, int(line)), set()).add(event)
    return events


def miss_cause(pairs: list[tuple[int, int]], found: dict[tuple[int, int], Candidate]) -> str:
    """Why none of the gold sentence pairs of an event became a link."""
    weighed = [found[p] for p in pairs if p in found]
    if not weighed:
        return "no shared evidence"
    if all(c.conflict for c in weighed):
        return "different days"
    best = max((c for c in weighed if not c.conflict), key=lambda c: (c.support, c.score))
    if (
        best.support >= weights.MIN_SUPPORT
        and best.score >= weights.MIN_SCORE
        and best.raw >= weights.MIN_RAW
    ):
        return "lost to one-to-one"
    kinds = sorted({e.kind.value for e in best.evidence})
    return f"below threshold ({'+'.join(kinds)})"


def diagnose(
    pair: tuple[str, str],
    fr: list[Sentence],
    en: list[Sentence],
    links: tuple[Link, ...],
    gold: dict[tuple[str, int], set[str]],
) -> list[tuple[str, str]]:
    """The gold events a pair shares and no link found, each with its cause."""
    fr_events = [gold.get((pair[0], s.span.line_start), set()) for s in fr]
    en_events = [gold.get((pair[1], s.span.line_start), set()) for s in en]
    shared = set().union(*fr_events) & set().union(*en_events)
    hit: set[str] = set()
    for link in links:
        if link.fr and link.en:
            hit |= set().union(*(fr_events[i] for i in link.fr)) & set().union(
                *(en_events[j] for j in link.en)
            )
    if not shared - hit:
        return []
    found = candidates([s.text for s in fr], [s.text for s in en])
    missed = []
    for event in sorted(shared - hit):
        gold_pairs = [
            (i, j)
            for i, a in enumerate(fr_events)
            for j, b in enumerate(en_events)
            if event in a and event in b
        ]
        missed.append((event, miss_cause(gold_pairs, found)))
    return missed


def sentences(name: str, lang: str, detector: Any, splitter: Any) -> list[Sentence]:
    """The sentences `align pair` takes from docs/<name> in `lang` (without --presplit)."""
    (document,) = align.read(DOCS / name).documents
    (analysed,) = align.analyse([document], detector=detector, splitter=splitter)
    return [s for s in analysed.sentences if s.lang == lang]


def links_and_modes(pairs: list[tuple[str, str]], out: Path) -> None:
    start = time.perf_counter()
    detector, splitter = align.build_detector(), align.build_splitter()
    parallel, auto_seconds = [], 0.0
    gold = gold_events()
    missed: list[str] = []
    for k, (fr_name, en_name) in enumerate(pairs):
        fr = sentences(fr_name, "fr", detector, splitter)
        en = sentences(en_name, "en", detector, splitter)
        result = align.pair(fr, en, mode="comparable")
        text = format_json(result, fr, en, f"docs/{fr_name}", f"docs/{en_name}")
        (out / f"{fr_name}__{en_name}.json").write_text(text, encoding="utf-8")
        for event, cause in diagnose((fr_name, en_name), fr, en, result.links, gold):
            missed.append(f"{cause}: {event} {fr_name[:2]}x{en_name[:2]}")
        if k == 0:
            cli = [sys.executable, "-m", "align", "pair", f"docs/{fr_name}", f"docs/{en_name}"]
            cli += ["--mode", "comparable", "--format", "json"]
            same = subprocess.run(cli, cwd=EVENTS, capture_output=True, text=True).stdout == text
            print(f"JSON of {fr_name}__{en_name} identical to the CLI's: {same}")
        auto_start = time.perf_counter()
        auto = align.pair(fr, en, mode="auto")
        auto_seconds += time.perf_counter() - auto_start
        if auto.mode is Mode.PARALLEL:
            parallel.append(f"{fr_name} x {en_name}: {auto.reason}")
    score = subprocess.run(
        [sys.executable, str(EVENTS / "score_events.py"), "events_gold.tsv", "docs", str(out)],
        cwd=EVENTS,
        capture_output=True,
        text=True,
        env={**os.environ, "MIN_P": "0.85", "MIN_R": "0.70"},
    )
    print((score.stdout + score.stderr).strip())
    print(f"targets (precision >= .85, recall >= .70) met: {score.returncode == 0}")
    causes = Counter(line.split(":")[0].split(" (")[0] for line in missed)
    print(
        f"missed events by cause ({len(missed)}): "
        + ", ".join(f"{k} {v}" for k, v in causes.most_common())
    )
    for line in sorted(missed):
        print(f"- {line}")
    links_seconds = time.perf_counter() - start - auto_seconds
    print(f"part 1: {links_seconds:.1f} s (reading, analysis, links, CLI check, scoring)")
    print(f"\n## 2. --mode auto: {len(parallel)} of {len(pairs)} pairs called parallel (target 0)")
    for line in parallel:
        print(f"- {line}")
    print(f"part 2: {auto_seconds:.1f} s (on the sentences of part 1)")


def document_pairing(pairs: list[tuple[str, str]], out: Path) -> None:
    start = time.perf_counter()
    command = [sys.executable, "-m", "align", "run", str(DOCS), "--out", str(out)]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    found = {}
    for line in run.stdout.splitlines():
        if match := SUMMARY_PAIR.match(line):
            fr, en = Path(match[1]).name, Path(match[2]).name
            found[frozenset((fr, en))] = f"{fr} x {en} ({match[3]})"
    gold = {frozenset(p) for p in pairs}
    false = sorted(found[p] for p in found.keys() - gold)
    print(f"\n## 3. align run (exit {run.returncode}): {len(found)} document pairs reported")
    print(f"gold pairs found: {len(gold & found.keys())} of {len(gold)} (target >= 32)")
    for fr, en in pairs:
        if frozenset((fr, en)) not in found:
            print(f"- missed: {fr} x {en}")
    print(f"pairs sharing no gold event: {len(false)} (target <= 5)")
    for line in false:
        print(f"- false: {line}")
    print(f"part 3: {time.perf_counter() - start:.1f} s")


def news_translations(work: Path) -> None:
    start = time.perf_counter()
    docs = work / "news"
    docs.mkdir()
    for article in sorted(p for p in NEWS.iterdir() if p.is_dir()):
        for lang in ("fr", "en"):
            shutil.copyfile(article / f"{lang}.txt", docs / f"{article.name}_{lang}.txt")
    command = [sys.executable, "-m", "align", "run", str(docs), "--out", str(work / "news_out")]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    articles = sorted(p.name for p in NEWS.iterdir() if p.is_dir())
    modes: dict[tuple[str, str], str] = {}
    for line in run.stdout.splitlines():
        if match := SUMMARY_PAIR.match(line):
            modes[(Path(match[1]).name, Path(match[2]).name)] = match[3]
    translations = {(f"{a}_fr.txt", f"{a}_en.txt") for a in articles}
    parallel = sum(modes.get(pair) == "parallel" for pair in translations)
    others = sorted(
        f"{fr} x {en} ({mode})" for (fr, en), mode in modes.items() if (fr, en) not in translations
    )
    print(f"\n## 4. align run over dev/news (exit {run.returncode}): {len(modes)} document pairs")
    print(f"translations paired as parallel: {parallel} of {len(translations)} (target all)")
    for pair in sorted(translations):
        if modes.get(pair) != "parallel":
            print(f"- not parallel: {pair[0]} x {pair[1]} ({modes.get(pair, 'not paired')})")
    print(f"other pairs (two different articles): {len(others)}")
    for line in others:
        print(f"- {line}")
    print(f"part 4: {time.perf_counter() - start:.1f} s")


def main() -> None:
    if not EVENTS.is_dir():
        print(f"{EVENTS} not found: the shared/ folder must sit beside the repository")
        sys.exit(2)
    pairs = gold_pairs()
    with tempfile.TemporaryDirectory(prefix="events_dev_") as tmp:
        links, run = Path(tmp) / "links", Path(tmp) / "run"
        links.mkdir()
        print(f"## 1. comparable links over the {len(pairs)} pairs of pairs.txt")
        links_and_modes(pairs, links)
        document_pairing(pairs, run)
        news_translations(Path(tmp))


if __name__ == "__main__":
    main()
