"""What the run's store keeps reads back as the very values it was given (JSON, never pickle)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.model import Evidence, EvidenceKind, Link, Location, Mode, Segment, Sentence, Span
from align.pairing.pair import PairResult
from align.store import codec
from glossary.model import EntityType, Lang, Mention

texts = st.text(max_size=40)
counts = st.integers(min_value=0, max_value=10**9)
scores = st.one_of(st.floats(allow_nan=False), st.integers(min_value=-5, max_value=5))
spans = st.builds(Span, counts, counts, counts, counts)
langs = st.sampled_from(list(Lang))
segments = st.builds(
    Segment,
    st.just("doc.txt"),
    spans,
    texts,
    langs,
    st.floats(min_value=0, max_value=1),
    counts,
    st.booleans(),
    st.none() | st.builds(Location, texts, spans),
)
sentences = st.builds(Sentence, st.just("doc.txt"), spans, texts, langs, counts)
mentions = st.builds(
    Mention, texts, langs, st.sampled_from(list(EntityType)), texts, counts, counts, counts,
    counts, texts,
)  # fmt: skip
links = st.builds(
    Link,
    st.lists(counts, max_size=3).map(tuple),
    st.lists(counts, max_size=3).map(tuple),
    scores,
    st.lists(st.builds(Evidence, st.sampled_from(list(EvidenceKind)), texts), max_size=3).map(
        tuple
    ),
)
pairs = st.builds(
    PairResult,
    st.sampled_from(list(Mode)),
    st.lists(links, max_size=4).map(tuple),
    texts,
    st.lists(texts, max_size=2).map(tuple),
)


def through_text(value: Any) -> Any:
    return codec.loads(codec.dumps(value))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(segments, max_size=5))
def test_segments_read_back_unchanged(values: list[Segment]) -> None:
    assert codec.read_segments(through_text(codec.segments_value(values)), "doc.txt") == values


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentences, max_size=5))
def test_sentences_read_back_unchanged(values: list[Sentence]) -> None:
    assert codec.read_sentences(through_text(codec.sentences_value(values)), "doc.txt") == values


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mentions, max_size=5))
def test_mentions_read_back_unchanged(values: list[Mention]) -> None:
    assert codec.read_mentions(through_text(codec.mentions_value(values))) == values


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs)
def test_a_pairs_links_read_back_unchanged_scores_keeping_their_type(value: PairResult) -> None:
    back = codec.read_pair(through_text(codec.pair_value(value)))
    assert back == value
    assert [type(k.score) for k in back.links] == [type(k.score) for k in value.links]


def test_a_value_of_another_shape_is_refused_not_guessed() -> None:
    import pytest

    for read, value in [
        (lambda v: codec.read_segments(v, "a"), [[1, 2]]),
        (lambda v: codec.read_sentences(v, "a"), {"x": 1}),
        (codec.read_mentions, [["form", "xx", "PER"]]),
        (codec.read_pair, {"mode": "sideways", "links": [], "reason": "", "warnings": []}),
        (codec.loads, "{not json"),
    ]:
        with pytest.raises(codec.Undecodable):
            read(value)
