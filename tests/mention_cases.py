"""What the name finder makes of one-line documents: helpers the mention tests share."""

from __future__ import annotations

from glossary.mentions.agree import Agreement, agree
from glossary.mentions.corpus import collect_evidence
from glossary.mentions.finder import find_mentions
from glossary.mentions.ner import NerSpan, no_entities
from glossary.mentions.tokens import tokenize
from glossary.model import EntityType, Passage


def found(*passages: tuple[str, str]) -> list[str]:
    """Forms found by the rules in one-line documents given as (lang, text)."""
    items = [
        Passage(f"d{i}.txt", lang, text, start=0, line=1) for i, (lang, text) in enumerate(passages)
    ]
    return [m.form for m in find_mentions(items, no_entities)]


def agreed(text: str, span: str, rule_form: str, kind: EntityType) -> Agreement:
    """How the recogniser's `span` (of type `kind`) and the rules' `rule_form` agree in one
    French line."""
    tokens = tokenize(text)
    passage = Passage("d.txt", "fr", text, start=0, line=1)
    ev = collect_evidence([passage], [tokens], frozenset())
    start, at = text.index(rule_form), text.index(span)
    return agree(
        text,
        tokens,
        [NerSpan(at, at + len(span), kind)],
        [(start, start + len(rule_form))],
        "fr",
        ev,
    )
