"""Names reach the aligners through the run's glossary (align.pairing.names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.comparable.events import align_comparable
from align.model import AnalysedDocument, Document, Sentence, Span
from align.pairing.names import GlossaryNames, glossary_name_key
from align.pipeline import export_alignment
from align.settings import ALIGNMENT_TMX, RunSettings
from glossary.model import Entity, EntityType, Glossary, Variant, VariantKind, VariantStatus
from glossary.translit import match_key


def _glossary(*variants: Variant) -> Glossary:
    entities = (
        Entity("loc-moscow", EntityType.LOC, "Moscow", "Moscou"),
        Entity("loc-beijing", EntityType.LOC, "Beijing", "Pékin"),
        Entity("per-vladimir-putin", EntityType.PER, "Vladimir Putin", "Vladimir Poutine"),
        Entity("per-vladimir-medinsky", EntityType.PER, "Vladimir Medinsky", "Vladimir Médinski"),
    )
    return Glossary(entities, variants)


def test_an_entity_of_the_glossary_joins_spellings_transliteration_keeps_apart() -> None:
    assert match_key("Moscou") != match_key("Moscow")  # the test would prove nothing otherwise
    key = GlossaryNames(_glossary())
    assert key("Moscou") == key("Moscow")
    assert key("Poutine") == key("Putin")


def test_a_word_several_entities_share_keeps_its_own_key() -> None:
    key = GlossaryNames(_glossary())
    assert key("Vladimir") == match_key("Vladimir")
    assert key("Putin") != key("Medinsky")


def test_a_translators_merge_and_rejection_reach_the_key() -> None:
    assert match_key("Medinski") != match_key("Zhdanov")
    moved = Variant("per-vladimir-medinsky", "Zhdanov", "en", VariantKind.SPELLING)
    assert GlossaryNames(_glossary(moved))("Zhdanov") == GlossaryNames(_glossary())("Medinski")
    rejected = Variant(
        "per-vladimir-medinsky",
        "Zhdanov",
        "en",
        VariantKind.SPELLING,
        status=VariantStatus.REJECTED,
    )
    assert GlossaryNames(_glossary(rejected))("Zhdanov") == match_key("Zhdanov")


def test_without_a_glossary_names_match_through_transliteration() -> None:
    assert glossary_name_key(None) is match_key
    key = GlossaryNames(Glossary())
    assert key("Ouchakov") == key("Ushakov")


FR = [
    "Le 12 mars 2024, le maire de Pékin a inauguré un pont sur la rivière.",
    "Les travaux avaient duré trois ans.",
    "Il a plu toute la journée.",
]
EN = [
    "Critics called the design dull.",
    "On 12 March 2024 the mayor of Beijing opened a bridge across the river.",
    "Traffic is expected to double.",
]


def test_comparable_links_show_the_glossarys_match() -> None:
    (link,) = align_comparable(FR, EN, name_key=GlossaryNames(_glossary()))
    assert "name Pékin = Beijing" in link.labels
    assert all("name Pékin = Beijing" not in k.labels for k in align_comparable(FR, EN))


def _analysed(source: str, texts: list[str], lang: str) -> AnalysedDocument:
    sentences, start = [], 0
    for line, text in enumerate(texts, start=1):
        span = Span(start, start + len(text), line, line)
        sentences.append(Sentence(source, span, text, lang, line - 1))  # type: ignore[arg-type]
        start += len(text) + 1
    return AnalysedDocument(Document(source, "\n".join(texts)), (), tuple(sentences))


@pytest.mark.parametrize(("glossary", "shown"), [(_glossary(), True), (None, False)])
def test_the_runs_glossary_reaches_the_aligners_through_export_alignment(
    tmp_path: Path, glossary: Glossary | None, shown: bool
) -> None:
    analysed = [_analysed("fr.txt", FR, "fr"), _analysed("en.txt", EN, "en")]
    export_alignment(analysed, RunSettings(out_dir=tmp_path), glossary=glossary)
    tmx = (tmp_path / ALIGNMENT_TMX).read_text(encoding="utf-8")
    assert ("Pékin = Beijing" in tmx) is shown


def test_a_mixed_document_is_never_paired_with_itself(tmp_path: Path) -> None:
    french, english = _analysed("mixed.txt", FR, "fr"), _analysed("mixed.txt", EN, "en")
    sentences = french.sentences + english.sentences
    mixed = AnalysedDocument(Document("mixed.txt", "\n".join(FR + EN)), (), sentences)
    stage = export_alignment([mixed], RunSettings(out_dir=tmp_path), glossary=_glossary())
    assert stage.document_pairs == ()
