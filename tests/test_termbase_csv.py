"""glossary.csv: a CSV termbase for memoQ, Phrase and Trados MultiTerm, read back with csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.model import Entity, EntityType, Glossary, Variant, VariantKind, VariantStatus
from glossary.termbase_csv import HEADER, termbase_csv_bytes, write_termbase_csv

GLOSSARY = Glossary(
    entities=(
        Entity("org-ussr", EntityType.LOC, "USSR|Soviet Union", "URSS|Union soviétique"),
        Entity(
            "per-yuri-ushakov",
            EntityType.PER,
            "Yuri Ushakov",
            "Iouri Ouchakov",
            original="Юрий Ушаков",
            note="conseiller du Kremlin, « diplomatique »",
        ),
    ),
    variants=(
        Variant("per-yuri-ushakov", "Iouri Ouchakov", "fr", VariantKind.CANONICAL),
        Variant("per-yuri-ushakov", "Ouchakov", "fr", VariantKind.SHORT),
        Variant("per-yuri-ushakov", "Ouchakof", "fr", VariantKind.SPELLING),
        Variant("per-yuri-ushakov", "Ushakov", "en", VariantKind.SHORT,
                status=VariantStatus.APPROVED),
        Variant("per-yuri-ushakov", "Yury Ushakov", "en", VariantKind.TRANSLITERATION,
                status=VariantStatus.DEPRECATED),
        Variant("per-yuri-ushakov", "Usakov", "en", VariantKind.SPELLING,
                status=VariantStatus.REJECTED),
        Variant("per-yuri-ushakov", "Oesjakov", "nl", VariantKind.TRANSLITERATION),
    ),
)  # fmt: skip


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_utf8_with_bom_crlf_and_a_header_of_language_codes(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    write_termbase_csv(path, GLOSSARY)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfentry_id,subject,en,fr,")
    assert data.count(b"\r\n") == 3 and b"\n" not in data.replace(b"\r\n", b"")
    assert data.decode("utf-8-sig").split("\r\n")[0].split(",") == list(HEADER)


def test_one_row_per_entity_with_synonyms_after_the_canonical_form() -> None:
    ussr, ushakov = rows(termbase_csv_bytes(GLOSSARY))
    assert (ussr["en"], ussr["fr"]) == ("USSR|Soviet Union", "URSS|Union soviétique")
    assert ushakov["en"] == "Yuri Ushakov|Ushakov"
    assert ushakov["fr"] == "Iouri Ouchakov|Ouchakov"
    assert ushakov["subject"] == "PER"
    assert (ushakov["original"], ushakov["note"]) == (
        "Юрий Ушаков",
        "conseiller du Kremlin, « diplomatique »",
    )


def test_deprecated_forms_have_their_own_columns_and_rejected_or_foreign_ones_none() -> None:
    _, ushakov = rows(termbase_csv_bytes(GLOSSARY))
    assert ushakov["en_deprecated"] == "Yury Ushakov"
    assert ushakov["fr_deprecated"] == "Ouchakof"  # a misspelling met in the sources
    text = termbase_csv_bytes(GLOSSARY).decode("utf-8-sig")
    assert "Usakov" not in text and "Oesjakov" not in text


def test_same_glossary_same_bytes() -> None:
    assert termbase_csv_bytes(GLOSSARY) == termbase_csv_bytes(GLOSSARY)


NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"), blacklist_characters="|"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())


@settings(max_examples=80, deadline=None)
@given(NAMES, NAMES, NAMES)
def test_any_name_reads_back_as_written(en: str, fr: str, note: str) -> None:
    glossary = Glossary(entities=(Entity("x", EntityType.PER, en, fr, note=note),))
    (row,) = rows(termbase_csv_bytes(glossary))
    assert row["en"] == " ".join(en.split())
    assert row["fr"] == " ".join(fr.split())
    assert row["note"] == " ".join(note.split())
