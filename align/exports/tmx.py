"""alignment.tmx: TMX 1.4b, one `tu` per link; score, link, sources, review as `x-` props."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from align import __version__
from align.exports.rows import AlignedText, plain_text
from glossary.atomicfile import write_bytes_atomic

TmxUnit = AlignedText
CREATION_TOOL = "align-glossary"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def write_tmx(
    path: Path,
    units: Sequence[TmxUnit],
    *,
    fr_tag: str = "fr",
    en_tag: str = "en",
    keep_one_sided: bool = False,
) -> None:
    """Write `units` as TMX 1.4b to `path`, atomically; `fr_tag`/`en_tag` such as fr or fr-FR.

    Units with one language only (1-0, 0-1 links) are left out unless `keep_one_sided`: CAT
    tools such as OmegaT refuse them ("source segment could not be located").
    """
    data = tmx_bytes(units, fr_tag=fr_tag, en_tag=en_tag, keep_one_sided=keep_one_sided)
    write_bytes_atomic(Path(path), data)


def tmx_bytes(
    units: Sequence[TmxUnit],
    *,
    fr_tag: str = "fr",
    en_tag: str = "en",
    keep_one_sided: bool = False,
) -> bytes:
    """The TMX document as UTF-8 bytes: same units, same bytes (no dates)."""
    from xml.etree import ElementTree as ET

    if not keep_one_sided:
        units = [unit for unit in units if not unit.one_sided]
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": CREATION_TOOL,
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": CREATION_TOOL,
            "adminlang": "en",
            "srclang": fr_tag,
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(root, "body")
    for number, unit in enumerate(units, start=1):
        tu = ET.SubElement(body, "tu", tuid=str(number))
        props = [
            ("x-score", f"{unit.score:.4f}"),
            ("x-link", unit.kind),
            ("x-mode", unit.mode or ""),
            ("x-fr-source", unit.fr_source),
            ("x-fr-lines", unit.fr_lines),
            ("x-en-source", unit.en_source),
            ("x-en-lines", unit.en_lines),
            ("x-evidence", "; ".join(map(str, unit.evidence))),
            ("x-review", unit.review),
        ]
        for kind, value in props:
            if value:
                ET.SubElement(tu, "prop", type=kind).text = _xml_text(value)
        # A 1-0 or 0-1 link has one variant only: TMX wants at least one, never an empty seg.
        for tag, text in ((fr_tag, unit.fr_text), (en_tag, unit.en_text)):
            if text:
                tuv = ET.SubElement(tu, "tuv", {XML_LANG: tag})
                ET.SubElement(tuv, "seg").text = _xml_text(text)
        if not unit.fr_text and not unit.en_text:
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: fr_tag})
            ET.SubElement(tuv, "seg").text = ""
    ET.indent(root, space="  ")
    head = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
    return head + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold: control characters become spaces so no two words are glued."""
    return plain_text(text)
