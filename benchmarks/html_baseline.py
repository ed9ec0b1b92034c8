"""The HTML reader before issue 13 (html.parser, every visible block, <title> included): the
baseline of benchmarks/translator_exports.py. Not used by the tool."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "dl",
        "main",
        "aside",
        "nav",
        "td",
        "th",
        "title",
    }
)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg"})
_VISIBLE_IN_HEAD = frozenset({"title"})
# Elements that may sit in <head>; any other start tag means the body has begun, since HTML lets
# a page leave out </head> and <body>.
_HEAD_CONTENT = frozenset(
    {"head", "title", "meta", "link", "base", "script", "style", "noscript", "template"}
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.in_head = False
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        elif tag not in _HEAD_CONTENT:
            self.in_head = False
        if tag in _VISIBLE_IN_HEAD:
            # The page's title is shown in the browser; an <svg>'s title is not.
            self.in_title = not self.hidden
        elif tag in _HIDDEN:
            self.hidden += 1
        if tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag in _VISIBLE_IN_HEAD:
            self.in_title = False
        elif tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title or not (self.hidden or self.in_head):
            self.parts.append(data)


def visible_text(markup: str) -> str:
    """Text a reader sees, one paragraph per block element, blank lines between them."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    # The parser has already turned character references into characters; unescaping again
    # would turn a written "&amp;lt;" into "<" instead of "&lt;".
    text = "".join(collector.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
