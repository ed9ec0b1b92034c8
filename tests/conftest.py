"""Shared fixtures. Heavy objects are built once per session and passed down."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def detector():  # type: ignore[no-untyped-def]
    """The real lingua detector, restricted and preloaded, built once for the whole run."""
    from align.text.language import build_detector

    return build_detector()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS
