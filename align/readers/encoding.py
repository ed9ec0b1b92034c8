"""Bytes to text: byte-order marks, strict UTF-8, then a recognised legacy encoding, never a guess.

Text comes out NFC with '\\n' line endings.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from align.errors import BadInputError

# Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings we accept from charset-normalizer; anything else is reported, never guessed.
# In order of preference: when charset-normalizer finds two equally clean, the first wins, so
# French in cp1252 is never read as Central European cp1250 (ï as ď, à as ŕ).
_LEGACY_ORDER = (
    "cp1252",
    "iso8859_15",
    "latin_1",
    "mac_roman",
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
)
_LEGACY = frozenset(_LEGACY_ORDER)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding): BOMs first, then strict UTF-8, then a detected legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise BadInputError(
                    source,
                    f"starts with a {encoding} mark but is not valid {encoding}",
                    "re-save it as UTF-8",
                ) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise BadInputError(source, "looks like a binary file", "give a text, .html or .docx file")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect_legacy(data, source)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise BadInputError(source, "looks like a binary file", "give a text, .html or .docx file")
    return text, encoding


# UTF-16 without a byte-order mark: in alphabetic text (Latin, Cyrillic, Greek...) the high
# bytes of the code units take one or two values (0x00 for ASCII and spaces, 0x04 for Cyrillic,
# 0x20 for curly quotes), on the side where the zero bytes are.
MIN_UTF16_HIGH_SHARE = 0.9


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when `data` reads as clean UTF-16 with no mark, else None (binary)."""
    if len(data) % 2 or len(data) < 4:
        return None
    evens, odds = data[0::2], data[1::2]
    # Little-endian puts the high byte second: that side has the zeros.
    little = odds.count(0) >= evens.count(0)
    high, encoding = (odds, "utf-16-le") if little else (evens, "utf-16-be")
    common = sorted((high.count(value) for value in set(high)), reverse=True)[:2]
    if sum(common) < MIN_UTF16_HIGH_SHARE * len(high):
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        return None
    return text, encoding


def _detect_legacy(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = [
        m for m in from_bytes(data, cp_isolation=list(_LEGACY_ORDER)) if m.encoding in _LEGACY
    ]
    if not matches:
        raise BadInputError(
            source, "is not UTF-8 and its encoding could not be recognised", "re-save it as UTF-8"
        )
    # Least mess first, then most coherent language, then our preference; rounded so that
    # noise-level differences between two clean decodings do not beat the preference.
    best = min(
        matches,
        key=lambda m: (
            round(m.chaos, 2),
            -round(m.coherence, 2),
            _LEGACY_ORDER.index(m.encoding),
        ),
    )
    return str(best), best.encoding


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


# Unicode's control characters (category Cc: C0, DEL and C1) other than the line and tab ones;
# one regex pass (a character loop in Python cost a fifth of `check`'s time).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """NFC, '\\n' line endings, no BOM or stray NUL-like controls that glue words."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)
