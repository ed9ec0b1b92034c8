"""Export rows: one link with its texts and where they come from, for TMX and the review sheet."""

from __future__ import annotations

import posixpath
import re
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from align.links import Evidence, Mode

if typing.TYPE_CHECKING:  # not `TYPE_CHECKING`: an upper-case name is a setting here
    from align.model import Sentence
    from align.pairing.pair import PairResult


@dataclass(frozen=True)
class AlignedText:
    """One link with its texts and where they come from: a TMX unit or a review-workbook row.

    `fr_lines`/`en_lines` are 1-based source lines ("12" or "12-13"), empty for an empty side.
    `review` is a person's verdict from the review workbook (`ok`, `edited`), empty when none.
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
    review: str = ""

    @property
    def link_id(self) -> str:
        """A stable id of the link: its two documents and sentence indices, hashed."""
        import hashlib  # here, not at the top: a few ms of every `align pair` start

        key = f"{self.fr_source}\t{self.en_source}\t{self.fr_ids}\t{self.en_ids}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

    @property
    def one_sided(self) -> bool:
        """True when one side has no text (a 1-0 or 0-1 link): CAT tools refuse such units."""
        return not (self.fr_text and self.en_text)


def relative_names(sources: Iterable[str]) -> dict[str, str]:
    """Each source named relative to the folder that holds them all ("a/x.txt" -> "x.txt").

    Standard input and names that are not paths stay as they are.
    """
    paths = [s for s in dict.fromkeys(sources) if s not in ("-", "<stdin>")]
    folders = [posixpath.dirname(_posix(s)) for s in paths]
    try:
        common = posixpath.commonpath(folders) if folders else ""
    except ValueError:  # absolute and relative paths together: no common folder
        common = ""
    names = {s: s for s in sources}
    for source in paths:
        posix = _posix(source)
        names[source] = posixpath.relpath(posix, common) if common else posix
    return names


def _posix(source: str) -> str:
    return source.replace("\\", "/")


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
    return item if isinstance(item, str) else item.text


def _lines(items: Sequence[Sentence] | Sequence[str], ids: tuple[int, ...]) -> str:
    if not ids:
        return ""
    firsts, lasts = [], []
    for i in ids:
        item = items[i]
        # A presplit sentence i is line i + 1.
        firsts.append(i + 1 if isinstance(item, str) else item.span.line_start)
        lasts.append(i + 1 if isinstance(item, str) else item.span.line_end)
    first, last = min(firsts), max(lasts)
    return str(first) if first == last else f"{first}-{last}"


def plain_text(text: str) -> str:
    """One line of text: control characters, tabs and line breaks become single spaces."""
    # Only ordinary spaces are squeezed: a French no-break space before ";" is kept as written.
    return _SPACES.sub(" ", _NOT_PLAIN.sub(" ", text)).strip(" ")


# Control characters (Unicode category Cc), line and paragraph separators (Zl, Zp), lone
# surrogates (Cs) and the two noncharacters XML 1.0 refuses, as one pattern rather than a lookup
# per character; Unicode keeps those categories fixed (tests/test_rows.py checks this Python's).
_NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(" {2,}")
