"""alignment.tmx: valid TMX 1.4b, escaping, control characters, one tu per link."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from align.exports.rows import AlignedText
from align.exports.tmx import tmx_bytes, write_tmx
from align.model import Evidence, EvidenceKind


def unit(fr: str, en: str, kind: str = "1-1", score: float = 0.9) -> AlignedText:
    return AlignedText(
        fr_source="fr.txt",
        en_source="en.txt",
        fr_ids=(0,) if fr else (),
        en_ids=(0,) if en else (),
        fr_lines="1" if fr else "",
        en_lines="1" if en else "",
        fr_text=fr,
        en_text=en,
        kind=kind,
        score=score,
        evidence=(Evidence(EvidenceKind.DATE, "1935-05-02"),),
        mode="parallel",
    )


@pytest.fixture(scope="module")
def dtd(tmx_dtd):  # type: ignore[no-untyped-def]
    return tmx_dtd


def parse(data: bytes):
    from lxml import etree

    return etree.fromstring(data, etree.XMLParser(load_dtd=False, no_network=True))


UNITS = [
    unit("Le traité « A & B » <signé>", 'The "A & B" treaty <signed>'),
    unit("Phrase sans traduction.", "", kind="1-0", score=0.0),
    unit("", "Sentence without a source.", kind="0-1", score=0.0),
    unit("mot\x00mot\x07fin\ttab", "word\x1bword\u2028end"),
]


@pytest.mark.parametrize("keep_one_sided", [False, True], ids=["default", "one-sided kept"])
def test_tmx_validates_against_the_dtd(tmp_path: Path, dtd, keep_one_sided: bool) -> None:
    path = tmp_path / "alignment.tmx"
    write_tmx(path, UNITS, keep_one_sided=keep_one_sided)
    root = parse(path.read_bytes())
    assert dtd.validate(root), dtd.error_log.filter_from_errors()


def test_one_tu_per_link_with_score_link_mode_documents_and_lines_as_props() -> None:
    root = parse(tmx_bytes(UNITS, keep_one_sided=True))
    tus = root.findall("body/tu")
    assert len(tus) == len(UNITS)
    props = {p.get("type"): p.text for p in tus[0].findall("prop")}
    assert props == {
        "x-score": "0.9000",
        "x-link": "1-1",
        "x-mode": "parallel",
        "x-fr-source": "fr.txt",
        "x-fr-lines": "1",
        "x-en-source": "en.txt",
        "x-en-lines": "1",
        "x-evidence": "date 1935-05-02",
    }


def test_by_default_every_unit_holds_both_languages() -> None:
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    tus = parse(tmx_bytes(UNITS)).findall("body/tu")
    assert len(tus) == 2
    assert all([t.get(xml_lang) for t in tu.findall("tuv")] == ["fr", "en"] for tu in tus)


def test_a_reviewed_unit_says_so_in_a_prop() -> None:
    from dataclasses import replace

    (tu,) = parse(tmx_bytes([replace(UNITS[0], review="edited")])).findall("body/tu")
    assert {p.get("type"): p.text for p in tu.findall("prop")}["x-review"] == "edited"


def test_translate_toolkit_reads_every_unit_with_source_and_target(tmp_path: Path) -> None:
    from translate.storage import tmx

    path = tmp_path / "alignment.tmx"
    write_tmx(path, UNITS)
    store = tmx.tmxfile.parsefile(str(path))
    pairs = [(unit.source, unit.target) for unit in store.units]
    assert pairs == [
        ("Le traité « A & B » <signé>", 'The "A & B" treaty <signed>'),
        ("mot mot fin tab", "word word end"),
    ]


def test_special_characters_round_trip_escaped() -> None:
    data = tmx_bytes(UNITS)
    assert b"&amp;" in data and b"&lt;sign" in data
    segs = parse(data).findall("body/tu")[0].findall("tuv/seg")
    assert [s.text for s in segs] == ["Le traité « A & B » <signé>", 'The "A & B" treaty <signed>']


def test_control_characters_never_glue_two_words() -> None:
    segs = parse(tmx_bytes(UNITS, keep_one_sided=True)).findall("body/tu")[3].findall("tuv/seg")
    assert [s.text for s in segs] == ["mot mot fin tab", "word word end"]


def test_a_kept_null_link_has_only_the_side_that_exists() -> None:
    tus = parse(tmx_bytes(UNITS, keep_one_sided=True)).findall("body/tu")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [t.get(xml_lang) for t in tus[1].findall("tuv")] == ["fr"]
    assert [t.get(xml_lang) for t in tus[2].findall("tuv")] == ["en"]


def test_language_tags_are_configurable(dtd) -> None:
    root = parse(tmx_bytes(UNITS, fr_tag="fr-FR", en_tag="en-GB"))
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [t.get(xml_lang) for t in root.findall("body/tu")[0].findall("tuv")] == [
        "fr-FR",
        "en-GB",
    ]
    assert root.find("header").get("srclang") == "fr-FR"
    assert dtd.validate(root)


def test_same_units_give_same_bytes() -> None:
    assert tmx_bytes(UNITS) == tmx_bytes(list(UNITS))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_any_text_gives_valid_tmx(fr: str, en: str) -> None:
    from lxml import etree

    dtd = etree.DTD(str(shared_file("schemas", "tmx14.dtd")))
    root = parse(tmx_bytes([unit(fr, en)]))
    assert dtd.validate(root)
