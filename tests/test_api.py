"""The library API: `import align` and `import glossary` give what the README shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import align
import glossary
from glossary.model import Passage

FR = ["Le 2 mai 1935, Paris et Moscou signent un traité.", "Iouri Ouchakov arrive à Riyad."]
EN = ["On 2 May 1935, Paris and Moscow signed a treaty.", "Yuri Ushakov arrived in Riyadh."]


@pytest.mark.parametrize("name", align.__all__)
def test_every_name_align_exports_resolves(name: str) -> None:
    assert getattr(align, name) is not None


@pytest.mark.parametrize("name", glossary.__all__)
def test_every_name_glossary_exports_resolves(name: str) -> None:
    assert getattr(glossary, name) is not None


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = align.nothing  # type: ignore[attr-defined]


def test_importing_align_loads_no_stage() -> None:
    # `align --help` imports the package: the stages must load only when the API is used.
    import subprocess
    import sys

    code = "import sys, align; print(any(m.startswith('align.pipeline') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_parallel_alignment_matches_names_through_transliteration() -> None:
    links = align.align_parallel(FR, EN)
    assert [(link.fr, link.en) for link in links] == [((0,), (0,)), ((1,), (1,))]
    assert "name Ouchakov = Ushakov" in links[1].labels


def test_comparable_alignment_links_a_shared_event() -> None:
    (link,) = [k for k in align.align_comparable(FR, EN) if k.fr == (0,)]
    assert link.en == (0,)
    assert "date 1935-05-02" in link.labels


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("auto", align.Mode.PARALLEL), ("parallel", "parallel"), ("comparable", "comparable")],
)
def test_pair_reports_the_mode_it_used(mode: str, expected: str) -> None:
    result = align.pair(FR, EN, mode=mode)
    assert isinstance(result, align.PairResult)
    assert result.mode == expected


def test_read_and_analyse_give_sentences_with_languages(tmp_path: Path, detector: Any) -> None:
    (tmp_path / "fr.txt").write_text("\n".join(FR), encoding="utf-8")
    read = align.read(tmp_path)
    (doc,) = align.analyse(read.documents, detector=detector)
    assert [s.lang for s in doc.sentences] == ["fr", "fr"]
    assert [s.text for s in doc.sentences] == FR


def test_run_writes_the_five_exports(tmp_path: Path, seeds_dir: Path, detector: Any) -> None:
    summary = align.run([seeds_dir], tmp_path / "out", detector=detector)
    assert isinstance(summary, align.RunSummary)
    assert sorted(p.name for p in summary.outputs) == [
        "alignment.tmx",
        "alignment.xlsx",
        "glossary.csv",
        "glossary.tbx",
        "glossary.xlsx",
    ]
    assert summary.entities > 0


def test_glossary_round_trip_and_check(tmp_path: Path) -> None:
    passages = [Passage(source="a.txt", lang="fr", text="Iouri Ouchakov est arrivé à Riyad.")]
    found = glossary.build_glossary(passages)
    assert {e.canonical_en for e in found.entities} >= {"Yuri Ushakov", "Riyadh"}
    path = tmp_path / "glossary.xlsx"
    glossary.write_workbook(path, found, {"tool": "test"}, baseline=None)
    book = glossary.read_workbook(path)
    draft = [Passage(source="b.txt", lang="en", text="Iouri Ouchakov came back.")]
    (finding,) = glossary.Checker(book.glossary).check(draft)
    assert (finding.found, finding.suggestion, finding.kind) == (
        "Iouri Ouchakov",
        "Yuri Ushakov",
        "other-language",
    )


def test_an_unknown_mode_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="bogus"):
        align.pair(FR, EN, mode="bogus")


def test_run_takes_one_path_as_well_as_several(
    tmp_path: Path, seeds_dir: Path, detector: Any
) -> None:
    summary = align.run(str(seeds_dir / "001_157a4bdd3038f2f4.txt"), tmp_path, detector=detector)
    assert summary.documents == 1


def test_check_reports_what_align_check_reports(tmp_path: Path, detector: Any) -> None:
    passages = [Passage(source="a.txt", lang="en", text="Yuri Ushakov arrived in Riyadh.")]
    found = glossary.build_glossary(passages)
    draft = "The adviser Iouri Ouchakov said that the talks with the delegation had been useful.\n"
    (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
    documents = align.read(tmp_path / "draft.txt").documents
    for findings in (
        align.check(documents, found, lang="en"),
        align.check(documents, found, detector=detector),
    ):
        assert [(f.found, f.suggestion) for f in findings] == [("Iouri Ouchakov", "Yuri Ushakov")]


def test_the_detector_and_splitter_builders_are_part_of_the_api() -> None:
    assert callable(align.build_detector) and callable(align.build_splitter)
