"""glossary.tbx: a TBX-Basic termbase that CAT tools (here translate-toolkit) read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from translate.storage import tbx

from glossary.model import (
    Entity,
    EntityType,
    Glossary,
    Variant,
    VariantKind,
    VariantStatus,
)
from glossary.tbx import tbx_bytes, write_tbx

# The TBX core structure (TBXcoreStructV02.dtd) cut down to the elements glossary.tbx uses, with
# the same content models; the published DTD is not available offline.
CORE_STRUCTURE_SUBSET = """
<!ENTITY % auxInfo '(descrip | note)*' >
<!ELEMENT martif (martifHeader, text) >
<!ATTLIST martif type CDATA #REQUIRED xml:lang CDATA #REQUIRED >
<!ELEMENT martifHeader (fileDesc, encodingDesc?) >
<!ELEMENT fileDesc (titleStmt?, sourceDesc+) >
<!ELEMENT titleStmt (title) >
<!ELEMENT title (#PCDATA) >
<!ELEMENT sourceDesc (p+) >
<!ELEMENT encodingDesc (p+) >
<!ELEMENT p (#PCDATA) >
<!ATTLIST p type CDATA #IMPLIED >
<!ELEMENT text (body) >
<!ELEMENT body (termEntry+) >
<!ELEMENT termEntry (%auxInfo;, langSet+) >
<!ATTLIST termEntry id ID #IMPLIED >
<!ELEMENT langSet (%auxInfo;, tig+) >
<!ATTLIST langSet xml:lang CDATA #REQUIRED >
<!ELEMENT tig (term, termNote*, %auxInfo;) >
<!ELEMENT term (#PCDATA) >
<!ELEMENT termNote (#PCDATA) >
<!ATTLIST termNote type CDATA #REQUIRED >
<!ELEMENT descrip (#PCDATA) >
<!ATTLIST descrip type CDATA #REQUIRED >
<!ELEMENT note (#PCDATA) >
"""

PREFERRED, ADMITTED, DEPRECATED = (
    "preferredTerm-admn-sts",
    "admittedTerm-admn-sts",
    "deprecatedTerm-admn-sts",
)

GLOSSARY = Glossary(
    entities=(
        Entity("ushakov", EntityType.PER, "Yuri Ushakov", "Iouri Ouchakov", "Юрий Ушаков"),
        Entity("witkoff", EntityType.PER, "Steve Witkoff", "Steve Witkoff", note="envoy & <co>"),
    ),
    variants=(
        Variant("ushakov", "Iouri Ouchakov", "fr", VariantKind.CANONICAL, 2),
        Variant("ushakov", "Ouchakov", "fr", VariantKind.SHORT, 1, VariantStatus.APPROVED),
        Variant("ushakov", "Youri Ouchakov", "fr", VariantKind.SPELLING, 1),
        Variant("ushakov", "Yury Ushakov", "en", VariantKind.TRANSLITERATION, 1),
        Variant("ushakov", "Ushakoff", "en", VariantKind.SPELLING, 1, VariantStatus.DEPRECATED),
        Variant("ushakov", "Ouchakova", "fr", VariantKind.SPELLING, 1, VariantStatus.REJECTED),
        Variant("ushakov", "Uschakow", "de", VariantKind.OTHER_LANGUAGE, 1),
        Variant("ushakov", "???", "und", VariantKind.OTHER_LANGUAGE, 1),
        Variant("witkoff", "Steve Whitkoff", "fr", VariantKind.SPELLING, 1),
    ),
)


@pytest.fixture
def store(tmp_path: Path) -> tbx.tbxfile:
    path = tmp_path / "glossary.tbx"
    write_tbx(path, GLOSSARY)
    return tbx.tbxfile.parsefile(str(path))


def _terms(store: tbx.tbxfile, entity_id: str, lang: str) -> list[tuple[str, str | None]]:
    unit = next(u for u in store.units if u.getid() == entity_id)
    terms = unit.get_source_terms() if lang == "en" else unit.get_target_terms(lang)
    return [(t.text, t.administrative_status) for t in terms]


@pytest.mark.parametrize(
    ("entity_id", "lang", "expected"),
    [
        (
            "ushakov",
            "en",
            [("Yuri Ushakov", PREFERRED), ("Yury Ushakov", ADMITTED), ("Ushakoff", DEPRECATED)],
        ),
        (
            "ushakov",
            "fr",
            [("Iouri Ouchakov", PREFERRED), ("Ouchakov", ADMITTED), ("Youri Ouchakov", DEPRECATED)],
        ),
        ("ushakov", "de", [("Uschakow", ADMITTED)]),
        ("witkoff", "fr", [("Steve Witkoff", PREFERRED), ("Steve Whitkoff", DEPRECATED)]),
    ],
)
def test_translate_toolkit_reads_terms_and_statuses(
    store: tbx.tbxfile, entity_id: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert _terms(store, entity_id, lang) == expected


def test_rejected_and_undetermined_variants_are_left_out(store: tbx.tbxfile) -> None:
    texts = {t.text for u in store.units for t in u.get_source_terms() + u.get_target_terms("fr")}
    assert "Ouchakova" not in texts
    assert b"???" not in tbx_bytes(GLOSSARY)


def test_entity_type_note_and_original_are_concept_level() -> None:
    root = etree.fromstring(tbx_bytes(GLOSSARY))
    entry = root.find("text/body/termEntry[@id='witkoff']")
    assert entry.findtext("descrip[@type='subjectField']") == "PER"
    assert entry.findtext("note") == "envoy & <co>"
    ushakov = root.find("text/body/termEntry[@id='ushakov']")
    assert "original: Юрий Ушаков" in [n.text for n in ushakov.findall("note")]


def test_file_is_tbx_basic_martif_and_fits_the_core_structure() -> None:
    data = tbx_bytes(GLOSSARY)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif')
    root = etree.fromstring(data)
    assert (root.tag, root.get("type")) == ("martif", "TBX-Basic")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    dtd = etree.DTD(io.StringIO(CORE_STRUCTURE_SUBSET))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()


def test_entity_ids_that_are_not_xml_names_still_give_valid_unique_ids() -> None:
    glossary = Glossary(
        (
            Entity("42", EntityType.ORG, "UN", "ONU"),
            Entity("a b", EntityType.LOC, "A", "A"),
            Entity("a_b", EntityType.LOC, "B", "B"),
        ),
        (),
    )
    root = etree.fromstring(tbx_bytes(glossary))
    ids = [e.get("id") for e in root.iter("termEntry")]
    assert ids == ["e-42", "e-a_b", "a_b"]
    dtd = etree.DTD(io.StringIO(CORE_STRUCTURE_SUBSET))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()


# Any name, but for "|", which separates the alternatives of a canonical cell.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff|"),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() == s)


@settings(max_examples=40, deadline=None)
@given(en=TEXT, fr=TEXT, variant=TEXT)
def test_any_names_are_escaped_and_read_back(en: str, fr: str, variant: str) -> None:
    glossary = Glossary(
        (Entity("e", EntityType.PER, en, fr),),
        (Variant("e", variant, "fr", VariantKind.SHORT, 1, VariantStatus.APPROVED),),
    )
    unit = tbx.tbxfile(tbx_bytes(glossary)).units[0]
    assert [t.text for t in unit.get_source_terms()] == [en]
    french = [t.text for t in unit.get_target_terms("fr")]
    assert french[0] == fr
    assert set(french) == {fr, variant}


def test_write_is_reproducible(tmp_path: Path) -> None:
    write_tbx(tmp_path / "a.tbx", GLOSSARY)
    write_tbx(tmp_path / "b.tbx", Glossary(GLOSSARY.entities[::-1], GLOSSARY.variants[::-1]))
    assert (tmp_path / "a.tbx").read_bytes() == (tmp_path / "b.tbx").read_bytes()


def test_alternatives_in_a_canonical_cell_are_separate_terms_the_first_preferred() -> None:
    from glossary.model import Entity, EntityType, Glossary
    from glossary.tbx import tbx_bytes

    soviet = Entity("org-ussr", EntityType.ORG, "USSR|Soviet Union", "URSS")
    text = tbx_bytes(Glossary((soviet,), ())).decode("utf-8")
    assert "USSR|Soviet Union" not in text
    assert text.index("<term>USSR</term>") < text.index("<term>Soviet Union</term>")
    assert text.count("preferredTerm-admn-sts") == 2  # USSR and URSS
    assert text.count("admittedTerm-admn-sts") == 1  # Soviet Union
