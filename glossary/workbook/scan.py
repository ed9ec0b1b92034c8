"""A worksheet's rows read by one pass of regular expressions over its text, when it is written as
spreadsheet programs write it: the same values as the element-by-element reader, several times
faster (a 100,000-row sheet in under two seconds instead of four).

The pass accepts only a narrow, well-formed part of XML: the <sheetData> element's content must be
rows of cells written plainly (`<c r="B2" s="1" t="inlineStr"><is><t>text</t></is></c>`, a
`<v>` value, the five predefined entities and character references). Anything else in there
(a formula, rich text, a comment, an attribute it does not know, a character XML forbids) and it
gives up: the caller reads the part with lxml, which gives the values or the error. Everything
outside <sheetData> is parsed by lxml, with a marker in place of the rows, so that the rows read
are those of the part's one real <sheetData> element, under the default namespace, with no DTD
and no element past the depth limit; a part that fails any check is also left to lxml.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_ROW_END = "</row>"
_BLOCK = 1 << 20  # characters of content tokenised at once
_WS = "[ \t\r\n]"
# Text content: no markup, no carriage return (XML turns it into a line feed), references only
# of the predefined entities or of characters.
_TEXT = r"[^<&\r]*(?:&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});[^<&\r]*)*"
_NAME = r"[A-Za-z_][A-Za-z0-9_.\-]*(?::[A-Za-z_][A-Za-z0-9_.\-]*)?"
_ATTRIBUTES = rf'(?:{_WS}+{_NAME}{_WS}*={_WS}*"[^"<&]*")*'
_ROW_OPEN = rf"<row({_ATTRIBUTES}){_WS}*(/?)>"
_CELL = (
    rf'<c r="([A-Z]{{1,3}})[1-9][0-9]*"(?: s="([0-9]{{1,9}})")?(?: t="([A-Za-z]{{1,12}})")?'
    rf"(?:/>|>(?:<v>({_TEXT})</v>|<v/>|(<is>)(?:<t(?: xml:space=\"preserve\")?>({_TEXT})</t>"
    r"|<t/>)</is>)?</c>)"
)
_ROW_CLOSE = rf"</row{_WS}*>"
# Cells (most tokens) first; any other character than white space between tokens is caught by
# the last group, so that nothing in the content goes unread.
_TOKENS = re.compile(rf"{_CELL}|({_ROW_CLOSE})|{_ROW_OPEN}|([^ \t\r\n])")
_ITEMS = re.compile(rf'<si>(?:<t(?: xml:space="preserve")?>({_TEXT})</t>|<t/>)</si>|([^ \t\r\n])')
_ITEM_END = "</si>"
_ATTRIBUTE = re.compile(rf'({_NAME}){_WS}*={_WS}*"([^"<&]*)"')
_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);")
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
# What XML 1.0 allows as a character (libxml2 refuses the others).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DECLARATION = re.compile(r"<\?xml[^>]*\?>")
_ENCODING = re.compile(r"""encoding\s*=\s*["']([^"']*)["']""")
# libxml2 refuses a text node past 10 MB without huge_tree: far longer texts are left to it.
LONGEST = 1_000_000
_BODY_DEPTH = 4  # row, c, is, t below <sheetData>
_STRING_DEPTH = 2  # si, t below <sst>

ParseRest = Callable[[bytes], Any]  # the part with its rows replaced, parsed (lxml root)


class NotPlain(Exception):
    """The part is not written plainly enough for the scan: read it element by element."""


@dataclass(frozen=True)
class Body:
    """A part's text, where its <sheetData> content starts and ends in it (not copied out: a
    sheet holds tens of MB), and that element as lxml parsed it with the rows left out."""

    text: str
    start: int
    end: int
    holder: Any


def sheet_body(data: bytes, parse_rest: ParseRest, max_depth: int) -> Body | None:
    """The part's <sheetData> content and the element holding it (parsed by `parse_rest`
    with the rows left out), or None when the part is not plain enough to scan."""
    return _body(data, parse_rest, max_depth, "sheetData", "row", _BODY_DEPTH)


def strings_body(data: bytes, parse_rest: ParseRest, max_depth: int) -> Body | None:
    """The shared string table's <sst> content, as `sheet_body` finds a sheet's rows."""
    return _body(data, parse_rest, max_depth, "sst", "si", _STRING_DEPTH)


def _body(
    data: bytes, parse_rest: ParseRest, max_depth: int, element: str, item: str, below: int
) -> Body | None:
    """The content of the part's one `element`, whose `item` children (`below` levels deep at
    most) the scan reads; None when the part is not plain enough to scan."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    declaration = _DECLARATION.match(text.lstrip("\ufeff"))
    if declaration:
        encoding = _ENCODING.search(declaration.group())
        if encoding and encoding.group(1).lower() not in ("utf-8", "utf8"):
            return None
        if not re.search(r"""version\s*=\s*["']1\.0["']""", declaration.group()):
            return None
    opening = re.compile(rf"<{element}(?:{_WS}[^<>]*)?>").search(text)
    if opening is None or opening.group().endswith("/>"):
        return None
    first = opening.end()
    close = f"</{element}>"
    # Plain content holds no "<" but its tags': the first end tag is the element's.
    end = text.find(close, first)
    if end < 0:
        return None
    if _NOT_XML.search(text, first, end) or text.find("]]>", first, end) >= 0:
        return None
    marker = "scan" + secrets.token_hex(8)
    rest = text[:first] + f"<?{marker}?>" + text[end:]
    try:
        root = parse_rest(rest.encode("utf-8"))
    except Exception:
        return None
    holder = _holder(root, marker, f"{{{_MAIN}}}{element}")
    if holder is None or holder.nsmap.get(None) != _MAIN:
        return None
    depth = 1 + sum(1 for _ in holder.iterancestors())
    if depth + below > max_depth or any(True for _ in root.iter(f"{{{_MAIN}}}{item}")):
        return None
    return Body(text, first, end, holder)


def _holder(root: Any, marker: str, tag: str) -> Any:
    """The element `tag` holding the marker, when it is the part's only one of either."""
    from lxml import etree

    found = [p for p in root.iter(etree.ProcessingInstruction) if p.target == marker]
    elements = list(root.iter(tag))
    if len(found) != 1 or len(elements) != 1:
        return None
    holder = found[0].getparent()
    if holder is not elements[0] or len(holder) != 1 or holder.text or found[0].tail:
        return None
    return holder


def tokens(body: Body) -> Iterator[tuple[str, ...]]:
    """The tokens of a <sheetData> content, in order: a cell's (column letters, style, type,
    <v> text, "<is>" for an inline string, its text), a row's end, a row's start (attributes,
    "/" for an empty row), and any other character but white space; "" where absent. The reader
    refuses the last kind and checks that cells sit in rows and rows in none.

    Read a block of rows at a time, each block ending after a row's end tag: no token is cut
    (plain content has no "<" but its tags'), and a few MB of tokens are held at once.
    """
    text, start = body.text, body.start
    while start < body.end:
        end = text.find(_ROW_END, start + _BLOCK, body.end)
        end = body.end if end < 0 else end + len(_ROW_END)
        yield from _TOKENS.findall(text, start, end)
        start = end


def strings(body: Body) -> list[str]:
    """The items of a shared string table `strings_body` accepted, each as the element reader
    gives it; NotPlain for an item it does not read (rich text, phonetic runs, markup)."""
    text, start = body.text, body.start
    items: list[str] = []
    while start < body.end:
        end = text.find(_ITEM_END, start + _BLOCK, body.end)
        end = body.end if end < 0 else end + len(_ITEM_END)
        for item, other in _ITEMS.findall(text, start, end):
            if other or len(item) > LONGEST:
                raise NotPlain("a shared string the scan does not read")
            items.append(unescaped(item).replace("x005F_", "") if item else "")
        start = end
    return items


def row_attributes(text: str, prefixes: dict[str | None, str]) -> dict[str, str]:
    """A row's attributes; NotPlain when two share a name, a prefix is not declared or one
    declares a namespace."""
    if len(text) > LONGEST:
        raise NotPlain("attributes")
    pairs = _ATTRIBUTE.findall(text)
    seen: set[tuple[str, str]] = set()
    attributes = {}
    for name, value in pairs:
        prefix, _, local = name.rpartition(":")
        if name == "xmlns" or prefix == "xmlns":
            raise NotPlain(name)  # a namespace declared on a row would change what it is
        space = _XML_NS if prefix == "xml" else prefixes.get(prefix) if prefix else ""
        if space is None or (space, local) in seen:
            raise NotPlain(name)
        seen.add((space, local))
        attributes[name] = value
    return attributes


def unescaped(text: str) -> str:
    """Text content with its references replaced; NotPlain for a character XML forbids."""
    return _REFERENCE.sub(_replace, text) if "&" in text else text


def _replace(match: re.Match[str]) -> str:
    name = match.group(1)
    if name[0] != "#":
        return _PREDEFINED[name]
    code = int(name[2:], 16) if name[1] == "x" else int(name[1:])
    if code > 0x10FFFF or _NOT_XML.match(chr(code)):
        raise NotPlain(name)
    return chr(code)
