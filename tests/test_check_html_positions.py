"""`align check` on .html: each finding on the line of the page's source where its text is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_glossary import GLOSSARY
from typer.testing import CliRunner

from align.api import check
from align.cli import app
from align.model import Document, DocumentFormat
from align.readers.html import page_text, visible_text
from glossary.workbook import write_workbook

PAGE = """<!doctype html>
<html lang="fr">
<head><title>Compte rendu | Le Site</title></head>
<body>
<nav><a href="/">Accueil</a></nav>
<article>
<h1>Compte rendu de la visite</h1>
<p>Le conseiller Iouri Ouchakov a reçu
Steve Whitkoff à Moscou.</p>

<p>Une deuxième ligne<br>où Steve Whitkoff revient.</p>
</article>
</body>
</html>
"""

PAGES = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "html"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>Un</p>\n<p>Deux</p>", [("Un", 1), ("", 0), ("Deux", 2)]),
        ("<p>\n  Un texte\n  sur deux lignes</p>", [("Un texte", 2), ("sur deux lignes", 3)]),
        ("<div>Avant<br>après</div>", [("Avant", 1), ("après", 1)]),
        ("<p>Un <b>mot</b>\nen gras</p>", [("Un mot", 1), ("en gras", 2)]),
        ("<p>Un</p>\r\n\r\n<p>Deux</p>", [("Un", 1), ("", 0), ("Deux", 3)]),
    ],
)
def test_each_line_of_the_text_knows_its_line_in_the_source(
    markup: str, expected: list[tuple[str, int]]
) -> None:
    text, lines = page_text(markup)
    assert list(zip(text.rstrip("\n").split("\n"), lines, strict=True)) == expected


def test_source_lines_of_a_news_page_hold_the_text_of_each_line() -> None:
    for path in sorted(PAGES.glob("*.html")):
        markup = path.read_text(encoding="utf-8")
        text, lines = page_text(markup)
        source = markup.split("\n")
        assert text == visible_text(markup)
        assert len(lines) == text.count("\n")
        for line, number in zip(text.split("\n"), lines, strict=False):
            if number:  # a word of the text's line is on the source line it names
                assert line.split()[0] in source[number - 1], (path.name, line, number)


@pytest.fixture(scope="module")
def glossary_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("glossary") / "glossary.xlsx"
    write_workbook(path, GLOSSARY, {"tool": "test"}, baseline=None)
    return str(path)


def test_html_findings_are_placed_on_the_line_of_the_source(
    tmp_path: Path, glossary_file: str
) -> None:
    path = tmp_path / "visite.html"
    path.write_text(PAGE, encoding="utf-8")
    args = ["check", str(path), "--glossary", glossary_file, "--lang", "fr"]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(f["line"], f["column"], f["found"], f["place"]) for f in json.loads(result.stdout)]
    assert found == [
        (9, 1, "Steve Whitkoff", "source line 9"),
        (11, 4, "Steve Whitkoff", "source line 11"),
    ]
    assert PAGE.split("\n")[8].startswith("Steve Whitkoff")
    text = CliRunner().invoke(app, args)
    line = f"{path}:9:1: Steve Whitkoff → Steve Witkoff (witkoff, spelling, source line 9)"
    assert line in text.stdout.splitlines()


def test_a_line_of_text_with_no_known_source_line_says_it_counts_in_the_text() -> None:
    text = "Le conseiller Steve Whitkoff arrive.\n"
    page = Document("page.html", text, fmt=DocumentFormat.HTML, source_lines=(0,))
    findings = check([page], GLOSSARY, lang="fr")
    assert [(f.line, f.place) for f in findings] == [(1, "text line 1")]
