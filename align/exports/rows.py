"""Export rows: one link with its texts and where they come from, for TMX and the review sheet."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from align.model import Evidence, Mode, Sentence
from align.pairing.pair import PairResult


@dataclass(frozen=True)
class AlignedText:
    """One link with its texts and where they come from: a TMX unit or a review-workbook row.

    `fr_lines`/`en_lines` are 1-based source lines ("12" or "12-13"), empty for an empty side.
    """

    fr_source: str
    en_source: str
    fr_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    fr_lines: str
    en_lines: str
    fr_text: str
    en_text: str
    kind: str
    score: float
    evidence: tuple[Evidence, ...] = ()
    mode: Mode | None = None


def aligned_texts(
    result: PairResult,
    fr: Sequence[Sentence] | Sequence[str],
    en: Sequence[Sentence] | Sequence[str],
    *,
    fr_source: str,
    en_source: str,
) -> list[AlignedText]:
    """The links of `result` with their texts joined by a space, control characters removed."""
    rows = []
    for link in result.links:
        rows.append(
            AlignedText(
                fr_source=fr_source,
                en_source=en_source,
                fr_ids=link.fr,
                en_ids=link.en,
                fr_lines=_lines(fr, link.fr),
                en_lines=_lines(en, link.en),
                fr_text=plain_text(" ".join(_text(fr[i]) for i in link.fr)),
                en_text=plain_text(" ".join(_text(en[j]) for j in link.en)),
                kind=link.kind,
                score=link.score,
                evidence=link.evidence,
                mode=result.mode,
            )
        )
    return rows


def _text(item: Sentence | str) -> str:
    return item.text if isinstance(item, Sentence) else item


def _lines(items: Sequence[Sentence] | Sequence[str], ids: tuple[int, ...]) -> str:
    if not ids:
        return ""
    firsts, lasts = [], []
    for i in ids:
        item = items[i]
        # A presplit sentence i is line i + 1.
        firsts.append(item.span.line_start if isinstance(item, Sentence) else i + 1)
        lasts.append(item.span.line_end if isinstance(item, Sentence) else i + 1)
    first, last = min(firsts), max(lasts)
    return str(first) if first == last else f"{first}-{last}"


def plain_text(text: str) -> str:
    """One line of text: control characters, tabs and line breaks become single spaces."""
    chars = [
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs") or ch in "\ufffe\uffff" else ch
        for ch in text
    ]
    # Only ordinary spaces are squeezed: a French no-break space before ";" is kept as written.
    return re.sub(" {2,}", " ", "".join(chars)).strip(" ")
