"""A light start: the detector's cheap steps before lingua, commands that load only what they
use, `check` reading only the sheets it needs, and a --glossary that would block."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
import typer
import typer.main
from check_glossary import GLOSSARY
from fake_lingua import Confidence, confidence
from typer.testing import CliRunner

from align.cli import app
from align.model import Document
from align.text.clear import clear_language, supported
from align.text.language import LinguaDetector, detect_segments
from glossary.model import Lang
from glossary.workbook import read_glossary, read_workbook, write_workbook

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le conseiller a reçu le ministre dans son bureau", Lang.FR),
        ("Le conseiller Iouriy Ouchakov a reçu Steve Witkof et Sergueï Lavrof à Moscou", Lang.FR),
        ("Selon Ouchakov Yuri Ushakov et Sergueï Lavrof ont vu Bartou", Lang.FR),
        ("The minister said that he would meet them in the spring", Lang.EN),
        # Names carry no language: only the grammar around them counts.
        ("The Société de Développement des Entreprises Culturelles will manage it", None),
        # Too few function words to be sure.
        ("Sergueï Lavrov", None),
        ("Partager cet article", None),
        ("The adviser Yuri Ushakov met Sergei Lavrov in Moscow", None),
        # Foreign lines that share French words ("de", "la", "que", "y") go to lingua.
        ("La ciudad de Madrid es la capital y tiene muchos museos que visitar", None),
        ("El tratado fue firmado en Moscú por los ministros", None),
        ("Il trattato della pace è stato firmato a Mosca", None),
        ("O tratado foi assinado em Moscou pelo ministro de Relações", None),
        ("Der Vertrag wurde in Moskau und Berlin unterzeichnet", None),
        ("Het verdrag werd in Moskou ondertekend door de ministers", None),
        # Letters neither French nor English writes.
        ("Договор был подписан в Москве", None),
        ("Traktat został podpisany w Moskwie przez ministrów", None),
    ],
)
def test_only_lines_whose_function_words_leave_no_doubt_are_decided_without_lingua(
    text: str, expected: Lang | None
) -> None:
    assert clear_language(text) is expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The adviser Yuri Ushakov met Sergei Lavrov in Moscow", Lang.EN, True),
        ("Le conseiller Iouriy Ouchakov a reçu Steve Witkof", Lang.EN, False),
        ("Ruptly", Lang.EN, False),
        ("Ruptly", Lang.FR, False),
    ],
)
def test_fast_models_answer_stands_only_where_function_words_back_it(
    text: str, lang: Lang, expected: bool
) -> None:
    assert supported(text, lang) is expected


class FakeLingua:
    """lingua's interface over a table text -> {code: probability}; records what it is asked."""

    def __init__(self, table: dict[str, dict[str, float]], default: dict[str, float]) -> None:
        self.table, self.default = table, default
        self.asked: list[str] = []

    def compute_language_confidence_values_in_parallel(
        self, texts: Sequence[str]
    ) -> list[list[Confidence]]:
        self.asked.extend(texts)
        return [
            [confidence(code, p) for code, p in self.table.get(text, self.default).items()]
            for text in texts
        ]


LANGS = ("en", "fr", "pt")


def _detector(fast: FakeLingua, full: FakeLingua) -> LinguaDetector:
    detector = LinguaDetector(LANGS, full, fast)
    # The full models for any subset of languages are the one fake here.
    detector._full.update({s: full for s in [("en", "fr"), ("en", "fr", "pt")]})
    return detector


def test_each_chunk_goes_to_the_cheapest_step_that_can_decide_it() -> None:
    clear = "Le conseiller a reçu le ministre dans son bureau"
    backed = "The adviser Yuri Ushakov met Lavrov in Moscow"
    portuguese = "Sergueï Lavrov Bartou"
    fast = FakeLingua({backed: {"en": 0.9, "fr": 0.1}}, {"pt": 0.99, "fr": 0.01})
    full = FakeLingua({}, {"fr": 0.8, "pt": 0.2})
    detector = _detector(fast, full)
    rows = detector.confidences([clear, backed, portuguese, clear])
    assert rows[0] == rows[3] == (0.0, 1.0, 0.0)
    assert rows[1] == (0.9, 0.1, 0.0)
    assert rows[2] == (0.0, 0.8, 0.2)
    assert fast.asked == [backed, portuguese]
    assert full.asked == [portuguese]


def test_a_chunk_met_before_is_not_asked_again_and_a_copy_starts_afresh() -> None:
    fast = FakeLingua({}, {"pt": 0.99, "fr": 0.01})
    full = FakeLingua({}, {"pt": 0.9, "fr": 0.1})
    detector = _detector(fast, full)
    first = detector.confidences(["Bom dia Lisboa"])
    assert detector.confidences(["Bom dia Lisboa"]) == first
    assert full.asked == ["Bom dia Lisboa"]
    replace(detector).confidences(["Bom dia Lisboa"])
    assert len(fast.asked) == 2


def test_without_the_first_stage_every_chunk_goes_to_the_full_models() -> None:
    fast = FakeLingua({}, {"en": 1.0})
    full = FakeLingua({}, {"fr": 1.0})
    detector = replace(_detector(fast, full), first_stage=False)
    text = "Le conseiller a reçu le ministre dans son bureau"
    assert detector.confidences([text]) == [(0.0, 1.0, 0.0)]
    assert fast.asked == [] and full.asked == [text]


def test_clear_lines_keep_their_offsets_and_labels_through_detect_segments() -> None:
    text = (
        "Le conseiller a reçu le ministre dans son bureau.\n\n"
        "The minister said that he was in the city.\n"
    )
    fast = FakeLingua({}, {"pt": 1.0})
    detector = _detector(fast, FakeLingua({}, {"pt": 1.0}))
    segments = detect_segments(Document("a.txt", text), detector)
    assert [(s.lang, s.text) for s in segments] == [
        (Lang.FR, "Le conseiller a reçu le ministre dans son bureau."),
        (Lang.EN, "The minister said that he was in the city."),
    ]
    assert all(text[s.span.start : s.span.end] == s.text for s in segments)


@pytest.fixture(scope="module")
def glossary_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("glossary") / "glossary.xlsx"
    write_workbook(path, GLOSSARY, {"tool": "test"}, baseline=None)
    return path


def test_check_reads_the_same_glossary_from_two_sheets_as_a_run_from_all(
    glossary_file: Path,
) -> None:
    assert read_glossary(glossary_file) == read_workbook(glossary_file).glossary


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_glossary_that_is_a_fifo_is_refused_in_one_line_instead_of_blocking(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "glossary.xlsx"
    os.mkfifo(fifo)
    draft = tmp_path / "draft.txt"
    draft.write_text("Le conseiller a reçu Sergueï Lavrov.\n", "utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--glossary", str(fifo)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert str(fifo) in result.stderr and "not a regular file" in result.stderr


_MODULES_LOADED = """
import sys
from align.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
heavy = ("lingua", "openpyxl", "nltk", "docx", "trafilatura", "spacy", "align.readers.docx",
         "align.comparable.events")
print(" ".join(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["--help"], set()),
        (["check", "--help"], set()),
        # Two one-line files: a parallel pair of text files (no Word reader, no comparable aligner).
        (["pair", "{fr}", "{en}", "--presplit"], set()),
    ],
)
def test_commands_load_no_model_and_no_workbook_reader_they_do_not_use(
    tmp_path: Path, args: list[str], allowed: set[str]
) -> None:
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("Bonjour le monde.\n", "utf-8")
    en.write_text("Hello world.\n", "utf-8")
    argv = [a.format(fr=fr, en=en) for a in args]
    done = subprocess.run(
        [sys.executable, "-c", _MODULES_LOADED, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    loaded = set(done.stderr.strip().splitlines()[-1].split()) if done.stderr.strip() else set()
    assert loaded <= allowed


_ALL_LOADED = """
import sys
from align.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def loaded_by_presplit(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Every module `align pair FR EN --presplit` loads for two one-line text files."""
    folder = tmp_path_factory.mktemp("presplit")
    fr, en = folder / "fr.txt", folder / "en.txt"
    fr.write_text("Bonjour le monde.\n", "utf-8")
    en.write_text("Hello world.\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _ALL_LOADED, "pair", str(fr), str(en), "--presplit"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert done.stdout.count("\t") == 4  # one link was printed
    return set(done.stderr.strip().splitlines()[-1].split())


@pytest.mark.parametrize(
    ("package", "allowed"),
    [
        # Name keys and error types only: not the glossary's types (glossary.model), its
        # workbook, finder or checker.
        ("glossary", {"glossary", "glossary.errors", "glossary.lang", "glossary.text",
                      "glossary.translit"}),
        # Segments, sentences and analysed documents are for detect, check and run.
        ("align.model", set()),
        # Two text files: no HTML reader.
        ("align.readers.html", set()),
    ],
)  # fmt: skip
def test_pair_presplit_on_text_files_loads_only_the_modules_it_uses(
    loaded_by_presplit: set[str], package: str, allowed: set[str]
) -> None:
    inside = {m for m in loaded_by_presplit if m == package or m.startswith(package + ".")}
    assert inside <= allowed


def _said(call: Callable[[], object], capsys: pytest.CaptureFixture[str]) -> tuple[str, str, int]:
    """What a command line prints and the code it exits with."""
    try:
        call()
        code = 0
    except SystemExit as end:
        code = end.code if isinstance(end.code, int) else 1
    out, err = capsys.readouterr()
    return out, err, code


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["pair", "--help"],
        ["pair"],
        ["pair", "{fr}", "{en}", "--presplit"],
        ["pair", "{fr}", "{en}", "--presplit", "--mode", "sideways"],
        ["pair", "{fr}", "{en}", "--presplit", "--format", "json"],
        ["detect", "--help"],
        ["check", "{fr}"],
        ["run", "--help"],
        ["pai", "{fr}"],
        ["--version"],
    ],
)
def test_a_command_built_alone_says_what_the_whole_group_says(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fr, en = tmp_path / "fr.txt", tmp_path / "en.txt"
    fr.write_text("Le chat dort.\n", "utf-8")
    en.write_text("The cat sleeps.\n", "utf-8")
    argv = [a.format(fr=fr, en=en) for a in args]
    whole = typer.main.get_command(app)
    expected = _said(lambda: whole(argv, prog_name="align"), capsys)
    assert _said(lambda: app(argv, prog_name="align"), capsys) == expected


def test_a_named_command_builds_only_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[list[str]] = []
    real = typer.main.get_command

    def counting(typer_app: typer.Typer) -> object:
        built.append([c.name or "" for c in typer_app.registered_commands])
        return real(typer_app)

    monkeypatch.setattr(typer.main, "get_command", counting)
    with pytest.raises(SystemExit):
        app(["pair", "--help"], prog_name="align")
    assert built == [["pair"]]
    assert {c.name for c in app.registered_commands} == {"run", "detect", "pair", "check"}
