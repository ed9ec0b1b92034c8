"""Pair two documents: decide the mode, then align in parallel or pair events (comparable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from align.comparable import Mode, NameKey, align_comparable, decide_mode
from align.document import Link, Sentence

RequestedMode = Literal["auto", "parallel", "comparable"]


class ParallelAligner(Protocol):
    """The shape of `align.parallel.align_parallel`, so tests can pass a fake."""

    def __call__(
        self,
        fr: Sequence[str],
        en: Sequence[str],
        *,
        fr_paragraphs: Sequence[int] | None = None,
        en_paragraphs: Sequence[int] | None = None,
        name_key: Callable[[str], str] | None = None,
    ) -> list[Link]: ...


@dataclass(frozen=True)
class PairResult:
    """Links between two documents, the mode they were made in, why, and any warning."""

    mode: Mode
    links: tuple[Link, ...]
    reason: str = ""
    warnings: tuple[str, ...] = ()


def pair_documents(
    fr: Sequence[Sentence] | Sequence[str],
    en: Sequence[Sentence] | Sequence[str],
    *,
    mode: RequestedMode = "auto",
    name_key: NameKey | None = None,
    parallel: ParallelAligner | None = None,
) -> PairResult:
    """Align `fr` with `en`: in order and complete (parallel) or by shared events (comparable).

    Sentence inputs give paragraph numbers to the parallel aligner; empty strings are not
    sentences (a blank line of a presplit file) and stay out of every link.
    """
    fr_texts, fr_paragraphs = _texts(fr)
    en_texts, en_paragraphs = _texts(en)
    fr_keep = [i for i, text in enumerate(fr_texts) if text.strip()]
    en_keep = [j for j, text in enumerate(en_texts) if text.strip()]
    fr_used = [fr_texts[i] for i in fr_keep]
    en_used = [en_texts[j] for j in en_keep]
    decision = decide_mode(fr_used, en_used, mode)
    warnings: tuple[str, ...] = (decision.warning,) if decision.warning else ()
    if not fr_used or not en_used:
        links = [Link((i,), (), 0.0) for i in range(len(fr_used))]
        links += [Link((), (j,), 0.0) for j in range(len(en_used))]
    elif decision.mode == "parallel":
        aligner = parallel if parallel is not None else _default_parallel()
        links = aligner(
            fr_used,
            en_used,
            fr_paragraphs=_pick(fr_paragraphs, fr_keep),
            en_paragraphs=_pick(en_paragraphs, en_keep),
            name_key=name_key,
        )
    else:
        links = align_comparable(fr_used, en_used, name_key=name_key)
    mapped = tuple(_remap(link, fr_keep, en_keep) for link in links)
    if decision.mode == "comparable":
        mapped = tuple(sorted(mapped, key=lambda k: (k.fr or (-1,), k.en or (-1,))))
        if fr_used and en_used and not any(k.fr and k.en for k in mapped):
            warnings += (_nothing_linked(decision.reason, mode),)
    return PairResult(decision.mode, mapped, decision.reason, warnings)


def _nothing_linked(reason: str, requested: RequestedMode) -> str:
    """The warning for comparable documents with no link: empty output with exit 0 looks broken."""
    if requested != "auto":
        return "no French and English passages were linked: none report the same event"
    return (
        "no French and English passages were linked: the documents were paired as comparable "
        f"({reason}) and none report the same event; if one is a translation of the other, "
        "use --mode parallel"
    )


def _texts(items: Sequence[Sentence] | Sequence[str]) -> tuple[list[str], list[int] | None]:
    texts: list[str] = []
    paragraphs: list[int] = []
    for item in items:
        if isinstance(item, Sentence):
            texts.append(item.text)
            paragraphs.append(item.paragraph)
        else:
            texts.append(item)
    return texts, (paragraphs if len(paragraphs) == len(texts) and paragraphs else None)


def _pick(values: list[int] | None, keep: list[int]) -> list[int] | None:
    return None if values is None else [values[i] for i in keep]


def _remap(link: Link, fr_keep: list[int], en_keep: list[int]) -> Link:
    return Link(
        tuple(fr_keep[i] for i in link.fr),
        tuple(en_keep[j] for j in link.en),
        link.score,
        link.evidence,
    )


def _default_parallel() -> ParallelAligner:
    from align.parallel import align_parallel

    return align_parallel


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
    evidence: tuple[str, ...] = ()
    mode: str = ""


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
    import re
    import unicodedata

    chars = [
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs") or ch in "\ufffe\uffff" else ch
        for ch in text
    ]
    # Only ordinary spaces are squeezed: a French no-break space before ";" is kept as written.
    return re.sub(" {2,}", " ", "".join(chars)).strip(" ")
