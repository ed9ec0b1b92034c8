"""The band's outlier filter takes any monotone chain of anchors (issue 12 item 6: a 5,000-document
run once ended in an IndexError there)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from align.parallel.band import _without_outliers, longest_chain

points = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), min_size=0, max_size=60).map(
    longest_chain
)


@given(points, st.integers(0, 5), st.floats(0.0, 0.5))
def test_outliers_are_dropped_from_any_chain_without_error(
    chain: list[tuple[int, int]], slack: int, share: float
) -> None:
    kept = _without_outliers(chain, slack, share)
    assert set(kept) <= set(chain)
    assert kept == sorted(kept)
