"""The store's values as plain JSON: segments, sentences, mentions, the recogniser's entities
and a pair's links.

Every value is a list or mapping of strings, numbers and nulls, read back into the frozen types
they came from; nothing is ever unpickled. A value that does not read back (a damaged or
foreign store) raises `Undecodable`, and the store then counts as damaged.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from align.model import Evidence, EvidenceKind, Link, Location, Mode, Segment, Sentence, Span
from align.pairing.documents import DocumentFeatures
from align.pairing.pair import PairResult
from glossary.mentions.ner import NerSpan
from glossary.model import EntityType, Lang, Mention, Passage


class Undecodable(ValueError):
    """A stored value that is not what this version of the tool writes."""


def dumps(value: Any) -> str:
    """Compact, key-sorted JSON: the same value always gives the same text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError) as err:
        raise Undecodable(str(err)) from None


def _span(span: Span) -> list[int]:
    return [span.start, span.end, span.line_start, span.line_end]


def _number(value: Any) -> float:
    """A stored score as it was written (an int stays an int: the exports show it so)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Undecodable(f"not a number: {value!r}")
    return value


def _read_span(value: Any) -> Span:
    start, end, line_start, line_end = (int(v) for v in value)
    return Span(start, end, line_start, line_end)


def segments_value(segments: Sequence[Segment]) -> list[Any]:
    """One document's segments, without its source (the document gives it back)."""
    out: list[Any] = []
    for seg in segments:
        original = None
        if seg.original is not None:
            original = [seg.original.source, _span(seg.original.span)]
        out.append(
            [_span(seg.span), seg.text, seg.lang.value, seg.confidence, seg.paragraph,
             seg.duplicate, original]
        )  # fmt: skip
    return out


def read_segments(value: Any, source: str) -> list[Segment]:
    try:
        out = []
        for span, text, lang, confidence, paragraph, duplicate, original in value:
            where = (
                None if original is None else Location(str(original[0]), _read_span(original[1]))
            )
            out.append(
                Segment(source, _read_span(span), str(text), Lang(lang), _number(confidence),
                        int(paragraph), bool(duplicate), where)
            )  # fmt: skip
        return out
    except (TypeError, ValueError, IndexError) as err:
        raise Undecodable(f"segments: {err}") from None


def sentences_value(sentences: Sequence[Sentence]) -> list[Any]:
    """One document's sentences, without its source."""
    return [[_span(s.span), s.text, s.lang.value, s.paragraph] for s in sentences]


def read_sentences(value: Any, source: str) -> list[Sentence]:
    try:
        return [
            Sentence(source, _read_span(span), str(text), Lang(lang), int(paragraph))
            for span, text, lang, paragraph in value
        ]
    except (TypeError, ValueError, IndexError) as err:
        raise Undecodable(f"sentences: {err}") from None


def passages_value(passages: Sequence[Passage]) -> list[Any]:
    """What the name finder reads of each passage, to key what it found."""
    return [[p.source, p.lang.value, p.text, p.start, p.line, p.column] for p in passages]


def mentions_value(mentions: Sequence[Mention]) -> list[Any]:
    return [
        [m.form, m.lang.value, m.type.value, m.source, m.start, m.end, m.line, m.column, m.context]
        for m in mentions
    ]


def read_mentions(value: Any) -> list[Mention]:
    try:
        return [
            Mention(str(form), Lang(lang), EntityType(kind), str(source), int(start), int(end),
                    int(line), int(column), str(context))
            for form, lang, kind, source, start, end, line, column, context in value
        ]  # fmt: skip
    except (TypeError, ValueError, IndexError) as err:
        raise Undecodable(f"mentions: {err}") from None


def spans_value(spans: Sequence[NerSpan]) -> list[Any]:
    """The recogniser's entities of one text."""
    return [[s.start, s.end, s.type.value] for s in spans]


def read_spans(value: Any) -> list[NerSpan]:
    try:
        return [NerSpan(int(start), int(end), EntityType(kind)) for start, end, kind in value]
    except (TypeError, ValueError) as err:
        raise Undecodable(f"entities: {err}") from None


def pair_value(result: PairResult) -> dict[str, Any]:
    return {
        "mode": result.mode.value,
        "links": [
            [list(k.fr), list(k.en), k.score, [[e.kind.value, e.value] for e in k.evidence]]
            for k in result.links
        ],
        "reason": result.reason,
        "warnings": list(result.warnings),
    }


def read_pair(value: Any) -> PairResult:
    try:
        links = tuple(
            Link(
                tuple(int(i) for i in fr),
                tuple(int(j) for j in en),
                _number(score),
                tuple(Evidence(EvidenceKind(kind), str(text)) for kind, text in evidence),
            )
            for fr, en, score, evidence in value["links"]
        )
        warnings = tuple(str(w) for w in value["warnings"])
        return PairResult(Mode(value["mode"]), links, str(value["reason"]), warnings)
    except (TypeError, ValueError, IndexError, KeyError) as err:
        raise Undecodable(f"pair: {err}") from None


def features_value(features: DocumentFeatures) -> dict[str, Any]:
    """One document side's pairing features, without its source and language."""
    return {
        "keys": [[e.kind.value, e.value, weight] for e, weight in features.keys],
        "dated": sorted([e.kind.value, e.value] for e in features.dated),
    }


def read_features(value: Any, source: str, lang: str) -> DocumentFeatures:
    try:
        keys = tuple(
            (Evidence(EvidenceKind(kind), str(text)), _number(weight))
            for kind, text, weight in value["keys"]
        )
        dated = frozenset(Evidence(EvidenceKind(kind), str(text)) for kind, text in value["dated"])
        return DocumentFeatures(source, lang, keys, dated)
    except (TypeError, ValueError, KeyError) as err:
        raise Undecodable(f"features: {err}") from None
