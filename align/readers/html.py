"""The main text of an HTML page: the article, its headline and headings, without the site.

How a page is read:
1. lxml (libxml2) parses it, as a browser would and in time linear in its size, whatever it
   holds (an unclosed comment hides the rest of the page, as in a browser; an unclosed
   attribute quote or a stray "<" costs nothing).
2. What is never text is dropped (scripts, styles, forms, inline SVG), and so are elements that
   say what they are through their role or their class or id, in English or French (navigation,
   bylines, share buttons, tags, cookie banners, "related" and "lire aussi" boxes, comments,
   advertising, footers), unless they hold the headline or most of the page's text.
3. trafilatura finds the main content in what is left: paragraphs, headings in their place,
   list items, quotations and table cells, each a paragraph of the text.
4. The page's headline (the `<h1>` of the article, never `<title>`, which carries the site's
   name) heads the text when trafilatura left it out.
5. A page without an article (a short page, a list) gives every visible block instead.
Paragraphs are separated by blank lines; a `<br>` is a line break inside one.
`page_text` also gives, for each line of the text, the line of the page's source it starts on,
so a finding can be shown where a person finds it in the .html file.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
import unicodedata
from typing import Any, NamedTuple

# Elements whose content is never text on the page.
_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "form",
    "button",
    "select",
    "textarea",
    "head",
)
# Elements that are the site around an article, by tag or by ARIA role.
_SITE_TAGS = ("nav", "footer", "aside")
_SITE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"}
)
# Words of class and id names (split at "-", "_" and spaces) that mark what is not the article.
BOILERPLATE_WORDS = frozenset(
    {
        "ad", "ads", "advert", "advertisement", "adverts", "pub", "publicite", "sponsor",
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "ariane",
        "footer", "pied", "sidebar", "masthead", "logo", "skip", "topbar", "trending",
        "byline", "author", "authors", "auteur", "auteurs", "signature", "signoff", "dateline",
        "meta", "share", "sharing", "partage", "partager", "social", "print",
        "tags", "tag", "topics", "keywords", "cookie", "cookies", "consent", "rgpd", "gdpr",
        "bandeau", "banner", "newsletter", "promo", "subscribe", "abonnement", "paywall",
        "related", "recommended", "popular", "comment", "comments", "commentaires",
        "commentaire", "reactions", "trust", "copyright", "disclaimer", "modal", "popup",
    }
)  # fmt: skip
# Whole class names (hyphenated) that say the same in several words.
BOILERPLATE_NAMES = frozenset(
    {
        "lire-aussi", "a-lire", "voir-aussi", "fil-ariane", "mots-cles", "sign-off",
        "read-next", "read-more", "most-viewed", "most-read", "plus-lus", "top-bar",
        "see-also", "skip-link", "sur-le-meme-sujet",
    }
)  # fmt: skip
_BLOCK = frozenset(
    {
        "address", "article", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "td", "th",
        "tr", "ul", "caption", "body", "html",
    }
)  # fmt: skip
# What trafilatura's XML holds: elements that make a paragraph of the text.
_PARAGRAPHS = frozenset({"p", "head", "item", "quote", "cell", "code"})
_SPACES = re.compile(r"[ \t\u00a0]+")


class _Block(NamedTuple):
    """A paragraph of the text and, for each of its lines, the source line it starts on (0:
    not known, as for a paragraph the extractor wrote otherwise than the page)."""

    text: str
    lines: tuple[int, ...]


def visible_text(markup: str) -> str:
    """The main text of a page, one paragraph per block, blank lines between them."""
    return page_text(markup)[0]


def page_text(markup: str) -> tuple[str, tuple[int, ...]]:
    """The main text of a page (as visible_text) and, for each line of it, the 1-based line of
    `markup` where that line's text starts; 0 where it is not known (blank lines between
    paragraphs, text the extractor rewrote)."""
    markup = markup.replace("\r\n", "\n").replace("\r", "\n")  # lines as editors count them
    tree = _parse(markup)
    if tree is None:
        return "", ()
    _drop_site(tree)
    visible = _visible_blocks(tree)
    main = _split_as_blocks(_main_paragraphs(tree), visible)
    if not main:
        return _join(visible)
    head = _headline_block(tree)
    if head and _norm(head[0].text) not in {_norm(p.text) for p in main}:
        kept = {_norm(p.text) for p in main}
        main = [p for p in head if _norm(p.text) not in kept] + main
    return _join(main)


def _parse(markup: str) -> Any:
    import lxml.etree
    import lxml.html

    if not markup.strip():
        return None
    # NUL and other controls make libxml2 stop; the text around them is still the page's.
    markup = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", markup)
    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return None


def _drop_site(tree: Any) -> None:
    """Remove what is never text, then what is the site around the article, in place.

    An element that holds the article's headline, or most of the page's text, is never the
    site, whatever its class says ("content has-sidebar" is the article with a sidebar)."""
    _drop([element for element in tree.iter() if _never_text(element)])
    headline = _headline_element(tree)
    body = tree.find("body")
    total = len(_bare(body.text_content())) if body is not None else 0
    _drop(
        [
            element
            for element in tree.iter()
            if _is_site(element)
            and not (headline is not None and _contains(element, headline))
            and len(_bare(element.text_content())) * 2 <= total
        ]
    )


def _drop(elements: list[Any]) -> None:
    for element in elements:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail: the text after the element stays


def _contains(element: Any, inner: Any) -> bool:
    return element is inner or any(a is element for a in inner.iterancestors())


def _never_text(element: Any) -> bool:
    """Comments, scripts, styles, forms, hidden elements: nothing a reader sees as text."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag:
        return True  # comments and processing instructions
    return (
        tag in _NEVER_TEXT
        or element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
    )


def _is_site(element: Any) -> bool:
    """True for what says it is the site around the article: by tag, role, class or id."""
    tag = element.tag
    if tag in _SITE_TAGS or tag == "header":
        return True
    if (element.get("role") or "").lower() in _SITE_ROLES:
        return True
    return tag not in ("html", "body", "main", "article") and _is_boilerplate(element)


def _is_boilerplate(element: Any) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not names.strip():
        return False
    folded = unicodedata.normalize("NFKD", names.lower()).encode("ascii", "ignore").decode()
    for name in folded.replace("_", "-").split():
        if name in BOILERPLATE_NAMES:
            return True
        if any(word in BOILERPLATE_WORDS for word in re.split(r"[-\d]+", name) if word):
            return True
    return False


def _headline_element(tree: Any) -> Any:
    """The article's <h1>: the first with text inside <article> or <main>, else in the page."""
    for path in ("//article//h1", "//main//h1", "//h1"):
        for h1 in tree.xpath(path):
            if _clean(h1.text_content()):
                return h1
    return None


def _headline_block(tree: Any) -> list[_Block]:
    """The article's <h1> and the paragraphs right after it (a standfirst), or [] when the
    page has no <h1>."""
    h1 = _headline_element(tree)
    if h1 is None:
        return []
    block = [_element_block(h1)]
    for sibling in h1.itersiblings():
        if sibling.tag != "p":
            break
        if (more := _element_block(sibling)).text:
            block.append(more)
    return block


def _element_block(element: Any) -> _Block:
    """An element's text, its lines counted from the line of its start tag."""
    raw = element.text_content()
    first = element.sourceline or 0
    lines = []
    for i, line in enumerate(raw.split("\n")):
        if line.strip():
            lines.append(first + i if first else 0)
    return _Block(_clean(raw), tuple(lines))


_KEY = 20
_TRIES = 50


def _split_as_blocks(main: list[str], blocks: list[_Block]) -> list[_Block]:
    """The extractor's paragraphs as the page's own blocks: each is replaced by the block, or
    the run of consecutive blocks, with the same text but for white space. The extractor may
    run blocks together (on short pages) or space an inline tag ("Le <b>traité</b>." as
    "Le traité ."); the page's own text is what a reader sees."""
    normal = [_bare(b.text) for b in blocks]
    starts: dict[str, list[int]] = {}
    for i, text in enumerate(normal):
        starts.setdefault(text[:_KEY], []).append(i)
    out: list[_Block] = []
    cursor = 0  # the extractor keeps the page's order: look after the last block matched
    for paragraph in main:
        wanted = _bare(paragraph)
        run = _run_of_blocks(wanted, normal, starts, cursor)
        if run is None:
            out.append(_Block(paragraph, (0,) * (paragraph.count("\n") + 1)))
        else:
            out.extend(blocks[run[0] : run[1] + 1])
            cursor = run[1] + 1
    return out


def _run_of_blocks(
    wanted: str, normal: list[str], starts: dict[str, list[int]], cursor: int
) -> tuple[int, int] | None:
    """First and last of the consecutive blocks from `cursor` on whose texts, joined, are
    `wanted`; None if there are none among the first _TRIES candidates."""
    # Blocks are indexed by their first _KEY characters, or all of them when shorter.
    lists = [starts[key] for n in range(1, _KEY + 1) if (key := wanted[:n]) in starts]
    candidates = heapq.merge(*(firsts[bisect.bisect_left(firsts, cursor) :] for firsts in lists))
    for first in itertools.islice(candidates, _TRIES):
        joined, last = normal[first], first
        while len(joined) < len(wanted) and last + 1 < len(normal):
            last += 1
            joined += normal[last]
        if joined == wanted:
            return first, last
    return None


def _quiet_trafilatura() -> None:
    """trafilatura reports pages without main content as log warnings; the reader decides
    itself. Set up here, not at import: importing logging costs every command a few ms."""
    import logging

    log = logging.getLogger("trafilatura")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())
    log.propagate = False


def _main_paragraphs(tree: Any) -> list[str]:
    """The paragraphs trafilatura finds in the main content, in order."""
    import lxml.etree
    import lxml.html
    import trafilatura

    _quiet_trafilatura()
    markup = lxml.html.tostring(tree, encoding="unicode")
    found = trafilatura.extract(
        markup,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        with_metadata=False,
    )
    if not found:
        return []
    root = lxml.etree.fromstring(found.encode("utf-8"))
    body = root.find("main")
    paragraphs = []
    for element in (body if body is not None else root).iter(*_PARAGRAPHS):
        if element.getparent() is not None and element.getparent().tag in _PARAGRAPHS:
            continue  # a paragraph inside a quotation or a cell is read with it
        for lb in element.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        text = _clean("".join(element.itertext()))
        if text:
            paragraphs.append(text)
    return paragraphs


def _visible_blocks(tree: Any) -> list[_Block]:
    """Every visible block of the page, for a page that has no article, with source lines.

    The line of each piece of text is counted from the line of the last start tag met (libxml2
    records it) and the line breaks of the text since: exact unless a tag itself spans lines.
    """
    import lxml.etree

    lines: list[list[str]] = [[]]
    sources = [0]
    line = 1

    def feed(text: str, *, real: bool) -> None:
        nonlocal line
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append([])
                sources.append(0)
                line += real
            lines[-1].append(piece)
            if not sources[-1] and piece.strip():
                sources[-1] = line

    body = tree.find("body")
    root = body if body is not None else tree
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            line = max(line, element.sourceline or 0)
            if tag in _BLOCK:
                feed("\n\n", real=False)
            elif tag == "br":
                feed("\n", real=False)
            feed(element.text or "", real=True)
        else:
            if tag in _BLOCK:
                feed("\n\n", real=False)
            if element is not root:
                feed(element.tail or "", real=True)
    blocks: list[_Block] = []
    texts: list[str] = []
    numbers: list[int] = []
    for pieces, source in zip(lines, sources, strict=True):
        text = _SPACES.sub(" ", "".join(pieces)).strip()
        if text:
            texts.append(text)
            numbers.append(source)
        elif texts:
            blocks.append(_Block("\n".join(texts), tuple(numbers)))
            texts, numbers = [], []
    if texts:
        blocks.append(_Block("\n".join(texts), tuple(numbers)))
    return blocks


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _bare(text: str) -> str:
    """Text without any white space, to compare the extractor's text with the page's."""
    return "".join(text.split())


def _join(blocks: list[_Block]) -> tuple[str, tuple[int, ...]]:
    """The text, paragraphs apart by a blank line, and the source line of each of its lines."""
    if not blocks:
        return "", ()
    lines: list[int] = []
    for block in blocks:
        if lines:
            lines.append(0)
        lines.extend(block.lines)
    return "\n\n".join(b.text for b in blocks) + "\n", tuple(lines)
