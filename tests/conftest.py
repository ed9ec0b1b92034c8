"""Shared fixtures. Heavy objects are built once per session and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def shared_file(*parts: str) -> Path:
    """A file of ../shared (evaluation data beside the clone), or skip the test without it.

    On CI, which always has ../shared, a missing file fails the test instead.
    """
    import os

    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"needs {Path('..', 'shared', *parts)} beside the clone"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def tmx_dtd():  # type: ignore[no-untyped-def]
    """The published TMX 1.4b DTD, from ../shared/schemas."""
    from lxml import etree

    return etree.DTD(str(shared_file("schemas", "tmx14.dtd")))


@pytest.fixture(scope="session")
def detector():  # type: ignore[no-untyped-def]
    """The real lingua detector, restricted and preloaded, built once for the whole run."""
    from align.text.language import build_detector

    return build_detector()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def decided(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the passages the name finder decides (not reused from a cache), in order."""
    import glossary.mentions.finder

    real = glossary.mentions.finder._passage_mentions
    seen: list[str] = []

    def counted(passage: Any, *args: Any) -> Any:
        seen.append(passage.text)
        return real(passage, *args)

    monkeypatch.setattr(glossary.mentions.finder, "_passage_mentions", counted)
    return seen
