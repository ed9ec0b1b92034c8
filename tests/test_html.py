"""The main text of web pages: the article with its headline and headings, never the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from align.readers.html import visible_text

PAGES = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "html"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))


def paragraphs(markup: str) -> list[str]:
    return [p.replace("\n", " ") for p in visible_text(markup).strip().split("\n\n")]


@pytest.mark.parametrize("name", NAMES)
def test_a_news_page_gives_its_article_and_nothing_else(name: str) -> None:
    expected = (PAGES / f"{name}.main.txt").read_text(encoding="utf-8").strip().split("\n")
    assert paragraphs((PAGES / f"{name}.html").read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    ("name", "unwanted"),
    [
        ("en_world_news", ["Home", "World", "Europe", "Helen Marsh", "© 2024", "Share on X",
                           "| World news", "Most viewed", "Sign up to First Edition", "Related",
                           "We use cookies", "Advertisement", "Topics:"]),
        ("fr_monde", ["Accueil", "International", "Hélène Marchal", "© Le Quotidien",
                      "Publicité", "Mots-clés", "Lire aussi", "Contributions", "– Le Quotidien"]),
        ("en_wire", ["Markets", "Reporting by", "Our Standards", "Read Next", "© 2011",
                     "Advertisement"]),
        ("fr_regional", ["Accueil", "Par la rédaction", "Marius13", "Tags", "À lire aussi",
                         "Newsletter", "Tous droits réservés"]),
    ],
)  # fmt: skip
def test_navigation_bylines_footers_and_the_title_stay_out(name: str, unwanted: list[str]) -> None:
    text = visible_text((PAGES / f"{name}.html").read_text(encoding="utf-8"))
    for piece in unwanted:
        assert piece not in text, piece


def test_the_headline_heads_the_text_and_headings_keep_their_place() -> None:
    found = paragraphs((PAGES / "en_world_news.html").read_text(encoding="utf-8"))
    assert found[0] == (
        "Russia and France mark a century of diplomatic ties amid strained relations"
    )
    assert found.index("A history of alliances") == 5
    assert found[found.index("A history of alliances") + 1].startswith("The two countries")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<html><head><title>Titre</title></head><body><h1>Relations</h1><p>Paris et "
         "<b>Moscou</b> &amp; Londres.</p><p>Second paragraphe.</p></body></html>",
         ["Relations", "Paris et Moscou & Londres.", "Second paragraphe."]),
        ("<p>Le <b>traité</b>.</p>", ["Le traité."]),
        ("<p>Ligne un<br>ligne deux</p><p>Après</p>", ["Ligne un\nligne deux", "Après"]),
        ("<body><nav><a href='/'>Accueil</a></nav><p>Texte.</p><footer>© Site</footer></body>",
         ["Texte."]),
        ("<p>Avant.</p><!-- un commentaire jamais fermé <p>caché</p>", ["Avant."]),
        ('<p>Avant.</p><p title="guillemet jamais fermé>Caché.</p>', ["Avant."]),
        ("<p>a &lt; b et c > d</p>", ["a < b et c > d"]),
        ("<p>Texte\x00avec un nul.</p>", ["Texte avec un nul."]),
    ],
    ids=["short page", "inline tag", "line break", "site around", "unclosed comment",
         "unclosed quote", "angle brackets", "nul"],
)  # fmt: skip
def test_short_or_broken_pages_read_as_a_browser_shows_them(page: str, expected: list[str]) -> None:
    assert visible_text(page).strip().split("\n\n") == expected


@pytest.mark.parametrize(
    "filler",
    ["<!-- a ", "<b word ", "<![CDATA[ a ", "</ a ", "<? a "],
    ids=["unclosed comments", "unclosed tags", "unclosed cdata", "broken end tags", "pi"],
)
def test_a_megabyte_of_pathological_markup_is_read_whole(filler: str) -> None:
    # html.parser took minutes on a tenth of this (quadratic); libxml2 reads it at once.
    page = "<p>Le texte avant.</p>" + filler * (1_000_000 // len(filler))
    assert visible_text(page).startswith("Le texte avant.")


ARTICLE = (
    "<h1>Le traité de 1935</h1>"
    + "".join(f"<p>Paragraphe {i} du texte principal, qui raconte la signature du traité.</p>"
              for i in range(6))
)  # fmt: skip


@pytest.mark.parametrize(
    "wrapper",
    ['<div class="content has-sidebar">{}</div><div class="sidebar"><p>Pub</p></div>',
     '<div id="main-comments-enabled">{}</div><div class="comments"><p>Bravo !</p></div>',
     '<header><h1 class="logo">Le Site</h1></header><article>{}</article>'],
    ids=["modifier class", "comments in the id", "logo in an h1"],
)  # fmt: skip
def test_an_element_holding_the_article_is_never_taken_for_the_site(wrapper: str) -> None:
    found = paragraphs("<body>" + wrapper.format(ARTICLE) + "</body>")
    assert found[0] == "Le traité de 1935"
    assert len(found) == 7
    assert "Le Site" not in found and "Pub" not in found and "Bravo !" not in found


def test_a_page_with_no_text_gives_no_text() -> None:
    assert visible_text("") == ""
    assert visible_text("<html><head><title>Seul le titre</title></head></html>") == ""


def test_the_french_headline_is_aligned_with_the_english_h1_not_the_title(detector: Any) -> None:
    import align

    read = align.read(PAGES / "fr_monde.html", PAGES / "en_world_news.html")
    fr_doc, en_doc = align.analyse(read.documents, detector=detector)
    fr = [s.text for s in fr_doc.sentences if s.lang == "fr"]
    en = [s.text for s in en_doc.sentences if s.lang == "en"]
    first = align.pair(fr, en).links[0]
    assert [fr[i] for i in first.fr] == [
        "La Russie et la France célèbrent un siècle de relations diplomatiques sur fond de tensions"
    ]
    assert [en[j] for j in first.en] == [
        "Russia and France mark a century of diplomatic ties amid strained relations"
    ]
