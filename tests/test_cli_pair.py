"""`align pair` through the CLI: formats, presplit input, bad input, mode fallback."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from align.cli import app
from align.model import Link


def diagonal_aligner(
    fr: Sequence[str],
    en: Sequence[str],
    *,
    fr_paragraphs: Sequence[int] | None = None,
    en_paragraphs: Sequence[int] | None = None,
    name_key: Callable[[str], str] | None = None,
) -> list[Link]:
    """A fake parallel aligner: 1-1 down the diagonal, the rest as null links."""
    n = min(len(fr), len(en))
    links = [Link((i,), (i,), 0.5) for i in range(n)]
    links += [Link((i,), (), 0.0) for i in range(n, len(fr))]
    links += [Link((), (j,), 0.0) for j in range(n, len(en))]
    return links


@pytest.fixture(autouse=True)
def fake_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("align.pairing.pair.align_parallel", diagonal_aligner)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def invoke(*args: str):
    return CliRunner().invoke(app, ["pair", *args])


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    fr = write(tmp_path, "fr.txt", "Bonjour.\nIl pleut.\nAu revoir.\n")
    en = write(tmp_path, "en.txt", "Hello.\nIt rains.\nGoodbye.\n")
    return fr, en


def test_tsv_has_ids_score_and_texts_in_document_order(files: tuple[str, str]) -> None:
    result = invoke(*files, "--presplit", "--mode", "parallel")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "0\t0\t0.5000\tBonjour.\tHello.\n"
        "1\t1\t0.5000\tIl pleut.\tIt rains.\n"
        "2\t2\t0.5000\tAu revoir.\tGoodbye.\n"
    )


def test_json_carries_mode_sentences_and_links(files: tuple[str, str]) -> None:
    result = invoke(*files, "--presplit", "--mode", "parallel", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["mode"] == "parallel"
    assert data["fr"] == {"file": files[0], "sentences": ["Bonjour.", "Il pleut.", "Au revoir."]}
    assert data["en"]["sentences"] == ["Hello.", "It rains.", "Goodbye."]
    assert data["links"][1] == {"fr": [1], "en": [1], "score": 0.5, "evidence": []}


def test_null_links_leave_one_side_empty(tmp_path: Path) -> None:
    fr = write(tmp_path, "fr.txt", "Un.\nDeux.\nTrois.\n")
    en = write(tmp_path, "en.txt", "One.\nTwo.\n")
    result = invoke(fr, en, "--presplit", "--mode", "parallel")
    assert result.stdout.splitlines()[-1] == "2\t\t0.0000\tTrois.\t"


def test_tmx_output_is_written_and_valid(
    files: tuple[str, str], tmp_path: Path, tmx_dtd: Any
) -> None:
    from lxml import etree

    out = tmp_path / "a.tmx"
    result = invoke(*files, "--presplit", "--mode", "parallel", "--format", "tmx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    root = etree.parse(str(out)).getroot()
    assert tmx_dtd.validate(root)
    assert len(root.findall("body/tu")) == 3


def test_xlsx_output_is_a_review_workbook(files: tuple[str, str], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "a.xlsx"
    result = invoke(*files, "--presplit", "--mode", "parallel", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet["B2"].value == "Bonjour." and sheet["C2"].value == "Hello."
    assert sheet.max_row == 4


@pytest.mark.parametrize("fmt", ["tmx", "xlsx"])
def test_binary_formats_need_an_output_file(files: tuple[str, str], fmt: str) -> None:
    result = invoke(*files, "--presplit", "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr == f"align: error: --format {fmt} writes a file: add --output FILE\n"


def test_output_file_replaces_stdout(files: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "links.tsv"
    result = invoke(*files, "--presplit", "--mode", "parallel", "--output", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("0\t0\t0.5000\tBonjour.\tHello.\n")


@pytest.mark.parametrize("empty_side", ["fr", "en"])
def test_one_side_empty_exits_3_naming_the_file(tmp_path: Path, empty_side: str) -> None:
    fr = write(tmp_path, "fr.txt", "\n  \n" if empty_side == "fr" else "Bonjour.\n")
    en = write(tmp_path, "en.txt", "\n" if empty_side == "en" else "Hello.\n")
    result = invoke(fr, en, "--presplit")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert (fr if empty_side == "fr" else en) in lines[0]


def test_presplit_blank_lines_keep_line_numbers_and_trailing_spaces_go(tmp_path: Path) -> None:
    fr = write(tmp_path, "fr.txt", "Bonjour.  \n\nIl pleut.\t\n")
    en = write(tmp_path, "en.txt", "Hello.\nIt rains. \n")
    result = invoke(fr, en, "--presplit", "--mode", "parallel", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["fr"]["sentences"] == ["Bonjour.", "", "Il pleut."]
    # The blank line (index 1) is no sentence: it is in no link, and line 3 is still index 2.
    assert [(k["fr"], k["en"]) for k in data["links"]] == [([0], [0]), ([2], [1])]


def test_tabs_and_control_characters_never_break_tsv_columns(tmp_path: Path) -> None:
    # Long enough lines: the reader takes a text made mostly of control characters for binary.
    tail = " et ainsi de suite jusqu'au bout de la phrase"
    fr = write(tmp_path, "fr.txt", f"un\tdeux\x0btrois{tail}\n")
    en = write(tmp_path, "en.txt", "one\x07two and so on until the end of the sentence\n")
    result = invoke(fr, en, "--presplit", "--mode", "parallel")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"0\t0\t0.5000\tun deux trois{tail}\tone two and so on until the end of the sentence\n"
    )


def test_parallel_on_wildly_different_lengths_warns_and_falls_back(tmp_path: Path) -> None:
    fr = write(tmp_path, "fr.txt", "".join(f"Phrase numéro {i} du texte.\n" for i in range(30)))
    en = write(tmp_path, "en.txt", "A single sentence.\n")
    result = invoke(fr, en, "--presplit", "--mode", "parallel", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["mode"] == "comparable"
    assert result.stderr.startswith("align: warning: the French text has 30 sentences")


def test_comparable_mode_links_events_with_evidence(tmp_path: Path) -> None:
    fr = write(
        tmp_path,
        "fr.txt",
        "Il faisait beau.\nLe 2 mai 1935, le traité d'assistance mutuelle a été signé.\n",
    )
    en = write(
        tmp_path,
        "en.txt",
        "A treaty of mutual assistance was signed on May 2, 1935.\nBirds sang.\n",
    )
    result = invoke(fr, en, "--presplit", "--mode", "comparable", "--format", "json")
    data = json.loads(result.stdout)
    assert data["mode"] == "comparable"
    (link,) = data["links"]
    assert (link["fr"], link["en"]) == ([1], [0])
    assert link["evidence"][0] == "date 1935-05-02"


def test_whole_documents_are_read_detected_and_split(
    seeds_dir: Path, detector: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --presplit: the embassy article against the English Wikipedia article."""
    import align.text.language

    # The session's detector, built once for the whole test run, instead of a second one.
    monkeypatch.setattr(align.text.language, "build_detector", lambda *args: detector)
    fr = str(seeds_dir / "000_fccb3bf18fa116fa.txt")
    en = str(seeds_dir / "003_56daf0e6f785bb98.txt")
    result = invoke(fr, en, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["mode"] == "comparable"
    treaty = [
        link
        for link in data["links"]
        if any("2 mai 1935" in data["fr"]["sentences"][i] for i in link["fr"])
    ]
    assert len(treaty) == 1
    assert "month 1935-05" in treaty[0]["evidence"]
    assert any("May 1935" in data["en"]["sentences"][j] for j in treaty[0]["en"])


@pytest.mark.parametrize(
    ("flag", "tag", "says"),
    [
        ("--fr-tag", "", "--fr-tag '' is not a language tag"),
        ("--fr-tag", 'fr"<', "is not a language tag"),
        ("--en-tag", "en GB", "--en-tag 'en GB' is not a language tag"),
        ("--fr-tag", "en", "both 'en'"),
    ],
    ids=["empty", "markup", "space", "same as English"],
)
def test_a_bad_tmx_language_tag_is_a_usage_error(
    files: tuple[str, str], tmp_path: Path, flag: str, tag: str, says: str
) -> None:
    out = tmp_path / "a.tmx"
    result = invoke(*files, "--presplit", "--format", "tmx", "-o", str(out), flag, tag)
    assert result.exit_code == 2
    assert says in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["tsv", "json", "tmx", "xlsx"])
def test_an_output_under_a_file_exits_3_with_one_line(
    files: tuple[str, str], tmp_path: Path, fmt: str
) -> None:
    out = Path(files[0]) / "links.out"
    result = invoke(*files, "--presplit", "--mode", "parallel", "--format", fmt, "-o", str(out))
    assert result.exit_code == 3
    assert result.stderr == (
        f"align: error: {out}: cannot be written ({files[0]} is a file, not a folder); "
        "write it into a folder you can write to\n"
    )


@pytest.mark.parametrize(
    ("mode", "says"),
    [
        ("auto", "if one is a translation of the other, use --mode parallel"),
        ("comparable", "none report the same event"),
    ],
)
def test_comparable_pairing_without_links_says_so(tmp_path: Path, mode: str, says: str) -> None:
    # One sentence more in English: too little shared to call it a translation.
    fr = write(tmp_path, "fr.txt", "Bonjour.\nIl pleut.\nAu revoir.\n")
    en = write(tmp_path, "en.txt", "Hello.\nIt rains.\nSee you.\nGoodbye.\n")
    result = invoke(fr, en, "--presplit", "--mode", mode)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("align: warning: no French and English passages were linked")
    assert says in result.stderr
