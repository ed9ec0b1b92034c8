"""The shape of lingua's confidence values, for the hand-made fake detectors of the tests
(lingua-py's own habit): `value.language.iso_code_639_1.name` and `value.value`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Iso:
    name: str


@dataclass(frozen=True)
class _Language:
    iso_code_639_1: _Iso


@dataclass(frozen=True)
class Confidence:
    """One language's confidence for one text, as lingua gives it."""

    language: _Language
    value: float


def confidence(code: str, value: float) -> Confidence:
    """lingua's confidence `value` for the language of ISO 639-1 `code` ("fr")."""
    return Confidence(_Language(_Iso(code.upper())), value)
