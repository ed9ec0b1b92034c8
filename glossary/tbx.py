"""glossary.tbx: the glossary as a TBX-Basic termbase (martif) that CAT tools import.

One termEntry per entity (id = entity_id), its type in descrip type="subjectField", then a
langSet per language (en, fr, then others) holding one tig per term:
- canonical_en / canonical_fr: preferredTerm-admn-sts;
- approved variants: admittedTerm-admn-sts;
- deprecated variants: deprecatedTerm-admn-sts;
- auto variants: admittedTerm-admn-sts, except kind `spelling` (a misspelling met in the
  sources), which is deprecatedTerm-admn-sts as the checker flags it;
- rejected variants are left out (not this entity), and so are variants of undetermined
  language (`und`), which no CAT tool can file, and variants whose `lang` cell is not a
  language tag ("français de France"): xml:lang only ever holds a well-formed BCP 47 tag, its
  language subtag in lower case (FR is filed with fr).
The entity's note and original-script name go in termEntry-level notes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from glossary.atomicfile import write_bytes_atomic
from glossary.model import Entity, Glossary, Lang, Variant, VariantKind, VariantStatus
from glossary.xlsx import clean_text

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
_PROLOGUE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_RANK = {PREFERRED: 0, ADMITTED: 1, DEPRECATED: 2}
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
# A BCP 47 tag as xml:lang wants it: a 2-3 letter language, then optional subtags.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def write_tbx(path: Path, glossary: Glossary) -> None:
    """Replace `path` atomically with the TBX-Basic termbase of `glossary` (reproducible)."""
    write_bytes_atomic(Path(path), tbx_bytes(glossary))


def term_status(variant: Variant) -> str | None:
    """The administrativeStatus of a variant in the termbase, None when it is left out."""
    if variant.status == VariantStatus.REJECTED:
        return None
    if variant.status == VariantStatus.DEPRECATED:
        return DEPRECATED
    if variant.status == VariantStatus.AUTO and variant.kind == VariantKind.SPELLING:
        return DEPRECATED
    return ADMITTED


def tbx_bytes(glossary: Glossary) -> bytes:
    """The TBX document as UTF-8 bytes."""
    from lxml import etree

    martif = etree.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = etree.SubElement(martif, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    title = etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title")
    title.text = "Proper names: canonical English and French forms and their variants"
    source = etree.SubElement(etree.SubElement(file_desc, "sourceDesc"), "p")
    source.text = "Written by align-glossary from glossary.xlsx"
    encoding = etree.SubElement(etree.SubElement(header, "encodingDesc"), "p", type="XCSURI")
    encoding.text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(martif, "text"), "body")

    variants: dict[str, list[Variant]] = {}
    for variant in glossary.variants:
        variants.setdefault(variant.entity_id, []).append(variant)
    used: set[str] = set()
    for entity in sorted(glossary.entities, key=lambda e: e.entity_id):
        if entity.rejected:
            continue  # not a name, or not wanted: no concept for it
        terms = _terms(entity, variants.get(entity.entity_id, []))
        if terms:
            _term_entry(body, entity, terms, _xml_id(entity.entity_id, used))
    xml: bytes = etree.tostring(martif, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    return _PROLOGUE + xml


def _terms(entity: Entity, variants: list[Variant]) -> dict[str, dict[str, str]]:
    """Language -> term -> status; a canonical form wins over a variant row of the same text."""
    terms: dict[str, dict[str, str]] = {}
    for canonical_lang in (Lang.EN, Lang.FR):
        # Alternatives typed in one cell ("USSR|Soviet Union"): the first is preferred.
        for rank, form in enumerate(entity.canonicals(canonical_lang)):
            terms.setdefault(canonical_lang, {})[form] = PREFERRED if rank == 0 else ADMITTED
    for variant in variants:
        status = term_status(variant)
        lang = language_tag(variant.lang)
        form = variant.variant.strip()
        if status is None or not form or lang is None or lang == Lang.UND:
            continue
        known = terms.setdefault(lang, {})
        if form not in known or _RANK[status] < _RANK[known[form]]:
            known[form] = status
    return {lang: forms for lang, forms in terms.items() if forms}


def language_tag(cell: str) -> str | None:
    """The xml:lang for a workbook's `lang` cell (" FR " -> "fr"), None when it is not a tag."""
    tag = cell.strip()
    if not _LANGUAGE_TAG.fullmatch(tag):
        return None
    language, _, rest = tag.partition("-")
    return language.lower() + ("-" + rest if rest else "")


def _term_entry(body: Any, entity: Entity, terms: dict[str, dict[str, str]], xml_id: str) -> None:
    from lxml import etree

    entry = etree.SubElement(body, "termEntry", id=xml_id)
    etree.SubElement(entry, "descrip", type="subjectField").text = entity.type.value
    if entity.note.strip():
        etree.SubElement(entry, "note").text = clean_text(entity.note)
    if entity.original.strip():
        etree.SubElement(entry, "note").text = "original: " + clean_text(entity.original)
    order = sorted(terms, key=lambda lang: ({"en": 0, "fr": 1}.get(lang, 2), lang))
    for lang in order:
        lang_set = etree.SubElement(entry, "langSet", {_XML_LANG: lang})
        for form, status in sorted(terms[lang].items(), key=lambda t: (_RANK[t[1]], t[0])):
            tig = etree.SubElement(lang_set, "tig")
            etree.SubElement(tig, "term").text = clean_text(form)
            etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
            etree.SubElement(tig, "termNote", type="partOfSpeech").text = "properNoun"


def _xml_id(entity_id: str, used: set[str]) -> str:
    """entity_id when it is a valid XML id (an NCName), else a close one; unique in the file."""
    xml_id = entity_id if _NCNAME.match(entity_id) else "e-" + re.sub(r"[^\w.\-]", "_", entity_id)
    base, number = xml_id, 2
    while xml_id in used:
        xml_id = f"{base}-{number}"
        number += 1
    used.add(xml_id)
    return xml_id
