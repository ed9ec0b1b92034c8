"""The run's store: a re-run redoes only what changed, and its exports are a fresh run's.

The store is a cache: deleting it, damaging it, handing the run a foreign or older one, making
it unwritable or killing a run in the middle changes no export.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from align.cli import app
from align.settings import EXPORTS
from align.store import STORE_FILE

ROOT = Path(__file__).resolve().parents[1]

FRENCH = """\
Le conseiller du Kremlin Iouri Ouchakov a reçu à Moscou l'envoyé Steve Witkoff le 18 février.
Selon Ouchakov, les entretiens avec Sergueï Lavrov ont duré quatre heures.

Les Européens n'étaient pas invités, a déclaré Nikita Khrouchtchev dans ses mémoires.
Khrouchtchev avait rencontré Charles de Gaulle à Paris en 1960.
"""
ENGLISH = """\
The Kremlin adviser Yuri Ushakov received the American envoy Steve Witkoff in Moscow on 18 February.
According to Ushakov, the talks with Sergei Lavrov lasted four hours.

The Europeans were not invited, Nikita Khrushchev wrote in his memoirs.
Khrushchev had met Charles de Gaulle in Paris in 1960.
"""
REPORT = """\
À Riyad, le 18 février, Sergueï Lavrov et Marco Rubio ont parlé de l'Ukraine pendant quatre heures.
Iouri Ouchakov a dit que la rencontre avait été utile.
"""
ADDED = """\
In Riyadh on 18 February, Sergei Lavrov and Marco Rubio talked about Ukraine for four hours.
Yuri Ushakov said the meeting had been useful, and Steve Witkoff agreed.
"""


def write_docs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "kremlin_fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "kremlin_en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "riyad_fr.txt").write_text(REPORT, encoding="utf-8")
    return folder


def differences(a: Path, b: Path) -> list[str]:
    """The exports that differ between two folders: bytes, and zips member by member."""
    out = []
    for name in EXPORTS:
        left, right = (a / name).read_bytes(), (b / name).read_bytes()
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(a / name) as za, zipfile.ZipFile(b / name) as zb:
                if za.namelist() != zb.namelist():
                    out.append(f"{name}: members")
                out += [f"{name}: {m}" for m in za.namelist() if za.read(m) != zb.read(m)]
        if left != right:
            out.append(name)
    return out


class Counts:
    """How many documents, corpora and pairs each stage worked on in the runs since reset."""

    def __init__(self) -> None:
        self.segmented = self.split = self.found = self.aligned = 0


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch, detector: Any) -> Counts:
    """Runs of `align run` reuse the session's detector and count the work of each stage."""
    import align.store.reuse
    import align.text.language
    import align.workers

    monkeypatch.setattr(align.text.language, "build_detector", lambda *a, **k: detector)
    seen = Counts()

    def counted(attr: str, module: Any, name: str) -> None:
        real = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            setattr(seen, attr, getattr(seen, attr) + 1)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counted("segmented", align.workers, "document_segments")
    counted("split", align.workers, "document_sentences")
    counted("found", align.store.reuse, "find_mentions")
    counted("aligned", align.store.reuse, "align_pair")
    return seen


def run(docs: Path, out: Path, *extra: str) -> Any:
    result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result


def test_a_rerun_with_nothing_changed_redoes_no_stage_and_writes_the_same_files(
    tmp_path: Path, counts: Counts
) -> None:
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    first = {name: (tmp_path / "out" / name).read_bytes() for name in EXPORTS}
    assert (counts.segmented, counts.split, counts.found) == (3, 3, 1)
    assert counts.aligned >= 1
    # The first workbook holds the names merged over the parallel links, which the next run's
    # aligner takes as anchors: a pair whose words the glossary now keys differently is
    # aligned again once (to the same links). From then on nothing is redone.
    run(docs, tmp_path / "out")
    assert {name: (tmp_path / "out" / name).read_bytes() for name in EXPORTS} == first
    counts.__init__()  # type: ignore[misc]
    run(docs, tmp_path / "out")
    assert (counts.segmented, counts.split, counts.found, counts.aligned) == (0, 0, 0, 0)
    assert {name: (tmp_path / "out" / name).read_bytes() for name in EXPORTS} == first


def test_a_rerun_after_adding_a_document_analyses_it_alone_and_matches_a_fresh_run(
    tmp_path: Path, counts: Counts
) -> None:
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "fresh1")
    run(docs, tmp_path / "fresh2")
    assert differences(tmp_path / "fresh1", tmp_path / "fresh2") == []
    (docs / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")
    # The run from scratch: the same folder (its workbook is the aligner's anchors) less the store.
    shutil.copytree(tmp_path / "fresh1", tmp_path / "fresh3")
    (tmp_path / "fresh3" / STORE_FILE).unlink()
    counts.__init__()  # type: ignore[misc]
    run(docs, tmp_path / "fresh1")
    assert counts.segmented == 1
    run(docs, tmp_path / "fresh3")
    assert differences(tmp_path / "fresh1", tmp_path / "fresh3") == []


def test_deleting_the_store_changes_no_export(tmp_path: Path, counts: Counts) -> None:
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    kept = {name: (tmp_path / "out" / name).read_bytes() for name in EXPORTS}
    (tmp_path / "out" / STORE_FILE).unlink()
    run(docs, tmp_path / "out")
    assert {name: (tmp_path / "out" / name).read_bytes() for name in EXPORTS} == kept
    assert (tmp_path / "out" / STORE_FILE).exists()


def test_a_changed_setting_redoes_what_it_shapes_only(
    tmp_path: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.text.repeats

    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "out")
    counts.__init__()  # type: ignore[misc]
    monkeypatch.setattr(align.text.repeats, "NEAR_RATIO", align.text.repeats.NEAR_RATIO - 1)
    run(docs, tmp_path / "out")
    # Repeats shape the sentences, not the languages: segments are reused, sentences redone.
    assert (counts.segmented, counts.split) == (0, 3)


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is no database\n" * 50)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    db.close()


def _other_version(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'an older build' WHERE name = 'code'")
    db.close()


def _bad_value(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE entries SET value = '[[1, 2]]' WHERE stage = 'segments'")
    db.close()


def _bad_passage_value(path: Path) -> None:
    # Read back as JSON, but not the shape the name finder keeps a passage's work in.
    with sqlite3.connect(path) as db:
        db.execute("UPDATE entries SET value = '[[1, 2]]' WHERE stage LIKE 'mentions.%'")
        # The corpus's mentions as a whole are gone: the finder takes back each passage's.
        db.execute("DELETE FROM entries WHERE stage = 'mentions'")
    db.close()


def _bad_row_templates(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("""UPDATE entries SET value = '{"k": [["<row r=\\"", 7], []]}'
                      WHERE stage = 'rows'""")
    db.close()


@pytest.mark.parametrize(
    ("spoil", "problem", "segmented"),
    [
        (_garbage, "is damaged", 3),
        (_truncated, "is damaged", 3),
        (_foreign, "is not one this tool writes", 3),
        (_other_version, "was made by another version of align-glossary", 3),
        (_bad_value, "holds a value this version cannot read", 3),
        # Found after the analysis, whose documents were taken from the store.
        (_bad_passage_value, "holds a value this version cannot read", 0),
        (_bad_row_templates, "holds a value this version cannot read", 0),
    ],
    ids=[
        "garbage",
        "truncated",
        "foreign",
        "other-version",
        "bad-value",
        "bad-passage-value",
        "bad-row-templates",
    ],
)
def test_a_store_the_run_cannot_trust_is_rebuilt_with_one_warning(
    tmp_path: Path,
    counts: Counts,
    spoil: Callable[[Path], None],
    problem: str,
    segmented: int,
) -> None:
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "fresh")
    run(docs, tmp_path / "out")
    spoil(tmp_path / "out" / STORE_FILE)
    counts.__init__()  # type: ignore[misc]
    result = run(docs, tmp_path / "out")
    store = tmp_path / "out" / STORE_FILE
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"align: warning: {store}: the run's store {problem}")
    assert line.endswith("; rebuilt it")
    assert counts.segmented == segmented
    assert differences(tmp_path / "out", tmp_path / "fresh") == []
    # Rebuilt, it serves the next run (with what the run found after the rebuild: damage found
    # late leaves the analysis, reused before, to the next run).
    counts.__init__()  # type: ignore[misc]
    result = run(docs, tmp_path / "out")
    assert result.stderr == ""
    assert counts.segmented == 3 - segmented


def test_a_store_that_cannot_be_written_is_left_alone_and_the_run_goes_on(
    tmp_path: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.store.database

    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "fresh")
    run(docs, tmp_path / "out")
    (tmp_path / "docs" / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")
    run(docs, tmp_path / "fresh")
    store = tmp_path / "out" / STORE_FILE
    before = store.read_bytes()

    def read_only(path: Path) -> sqlite3.Connection:
        # What SQLite does with a file in a read-only folder or on a read-only disk (the tests
        # may run as root, whom a chmod does not stop).
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    monkeypatch.setattr(align.store.database, "_connect", read_only)
    result = run(docs, tmp_path / "out")
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"align: warning: {store}: the run's store cannot be used")
    assert "the run goes on without it" in result.stderr
    assert store.read_bytes() == before
    assert differences(tmp_path / "out", tmp_path / "fresh") == []


def test_a_folder_where_the_store_should_be_is_left_alone_and_the_run_goes_on(
    tmp_path: Path, counts: Counts
) -> None:
    docs = write_docs(tmp_path / "docs")
    run(docs, tmp_path / "fresh")
    (tmp_path / "out" / STORE_FILE).mkdir(parents=True)
    result = run(docs, tmp_path / "out")
    assert "the run's store cannot be used" in result.stderr
    assert (tmp_path / "out" / STORE_FILE).is_dir()
    assert differences(tmp_path / "out", tmp_path / "fresh") == []


_KILLED_RUN = """
import os, sys
import align.exports.review
from align.cli import app
def killed(*args, **kwargs):
    os._exit(9)  # as kill -9: no cleanup, no finally, the store left open
align.exports.review.write_review = killed
import align.pipeline
align.pipeline.write_review = killed
sys.argv = ["align", "run", sys.argv[1], "--out", sys.argv[2], "--jobs", "1"]
app()
"""


def test_a_run_killed_in_the_middle_keeps_the_old_exports_and_the_next_run_recovers(
    tmp_path: Path, counts: Counts
) -> None:
    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "out"
    run(docs, out)
    before = {name: (out / name).read_bytes() for name in EXPORTS}
    (docs / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_RUN, str(docs), str(out)],
        capture_output=True,
        cwd=ROOT,
        timeout=600,
    )
    assert killed.returncode == 9, killed.stderr.decode()
    assert {name: (out / name).read_bytes() for name in EXPORTS} == before
    # The same folder without the store: the run from scratch to compare with (the workbook,
    # which the aligner reads as anchors, stays).
    shutil.copytree(out, tmp_path / "fresh")
    (tmp_path / "fresh" / STORE_FILE).unlink()
    # The killed run stored the new document's analysis before it died; the next run uses it.
    counts.__init__()  # type: ignore[misc]
    result = run(docs, out)
    assert result.stderr == ""
    assert counts.segmented == 0
    run(docs, tmp_path / "fresh")
    assert differences(out, tmp_path / "fresh") == []


def test_a_pair_is_aligned_again_when_the_glossary_keys_one_of_its_words_differently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.store.reuse
    from align.model import Document
    from align.store import opened
    from align.store.reuse import StoredPairs, code_digest
    from glossary.translit import match_key

    calls: list[int] = []
    real = align.store.reuse.align_pair

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(align.store.reuse, "align_pair", counted)
    fr_doc = Document("fr.txt", "Iouri Ouchakov est à Moscou.\nLavrov aussi.\n")
    en_doc = Document("en.txt", "Yuri Ushakov is in Moscow.\nLavrov too.\n")
    fr, en = sentences_of(fr_doc, "fr"), sentences_of(en_doc, "en")

    def moved(word: str) -> str:
        # A person moved "Moscou" to another entity: its key changes, nothing else's.
        return "entity:elsewhere" if word == "Moscou" else match_key(word)

    with opened(tmp_path, code_digest()) as store:
        pairs = StoredPairs(store)
        first = pairs(fr, en, mode="auto", name_key=match_key)
        pairs.save()
    with opened(tmp_path, code_digest()) as store:
        pairs = StoredPairs(store)
        assert pairs(fr, en, mode="auto", name_key=match_key) == first
        assert len(calls) == 1
        pairs(fr, en, mode="auto", name_key=moved)
        assert len(calls) == 2


def sentences_of(doc: Any, lang: str) -> list[Any]:
    from align.model import Sentence
    from glossary.model import Lang

    out, start = [], 0
    for n, line in enumerate(doc.text.splitlines()):
        out.append(Sentence(doc.source, doc.span(start, start + len(line)), line, Lang(lang), n))
        start += len(line) + 1
    return out


def test_a_second_run_on_a_held_folder_stops_and_leaves_the_store_alone(
    tmp_path: Path, counts: Counts
) -> None:
    from align.outfolder import hold_folder

    docs = write_docs(tmp_path / "docs")
    out = tmp_path / "out"
    run(docs, out)
    before = (out / STORE_FILE).read_bytes()
    (docs / "riyadh_en.txt").write_text(ADDED, encoding="utf-8")
    with hold_folder(out):  # as a first run still working would
        result = CliRunner().invoke(app, ["run", str(docs), "--out", str(out)])
    assert result.exit_code == 3
    assert "another `align run` is writing into this folder" in result.stderr
    assert (out / STORE_FILE).read_bytes() == before
