"""Pair two documents: decide the mode, then align in parallel or pair events (comparable)."""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from align.links import Link, Mode, NameKey, RequestedMode
from align.pairing.mode import decide_mode
from align.parallel.aligner import align_parallel
from glossary.translit import match_key

if typing.TYPE_CHECKING:  # not `TYPE_CHECKING`: an upper-case name is a setting here
    from align.model import Sentence


class ParallelAligner(Protocol):
    """The shape of `align.parallel.aligner.align_parallel`, so tests can pass a fake."""

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


def align_pair(
    fr: Sequence[Sentence] | Sequence[str],
    en: Sequence[Sentence] | Sequence[str],
    *,
    mode: RequestedMode = "auto",
    name_key: NameKey | None = match_key,
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
    decision = decide_mode(fr_used, en_used, mode, name_key)
    warnings: tuple[str, ...] = (decision.warning,) if decision.warning else ()
    if not fr_used or not en_used:
        links = [Link((i,), (), 0.0) for i in range(len(fr_used))]
        links += [Link((), (j,), 0.0) for j in range(len(en_used))]
    elif decision.mode is Mode.PARALLEL:
        aligner = parallel if parallel is not None else align_parallel
        links = aligner(
            fr_used,
            en_used,
            fr_paragraphs=_pick(fr_paragraphs, fr_keep),
            en_paragraphs=_pick(en_paragraphs, en_keep),
            name_key=name_key,
        )
    else:
        # Imported here: a parallel pair (`align pair --presplit`) never needs it.
        from align.comparable.events import align_comparable

        links = align_comparable(fr_used, en_used, name_key=name_key)
    mapped = tuple(_remap(link, fr_keep, en_keep) for link in links)
    if decision.mode is Mode.COMPARABLE:
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
        if isinstance(item, str):
            texts.append(item)
        else:
            texts.append(item.text)
            paragraphs.append(item.paragraph)
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
