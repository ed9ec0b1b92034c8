"""A person's review of alignment.xlsx, read back and applied to a new run's links.

Like the glossary, the person's review wins: a link marked `wrong` leaves alignment.tmx, an
edited text goes into it as edited, an `ok` link stays even when the aligner would now link its
sentences otherwise (in parallel mode the new links that overlap it are dropped). The sheet's
`_tool_alignment` record says what the tool wrote, so a text that differs from it is the person's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from align.exports.review import (
    HEADER,
    REVIEW_MARKS,
    SHEET,
    TOOL_HEADER,
    TOOL_SHEET,
    ReviewRow,
)
from align.exports.rows import AlignedText
from align.model import Evidence, EvidenceKind, Mode
from glossary.errors import FileProblem
from glossary.workbook.file import ensure_closed, load_sheets

# The text of sentences `ids` of one side of a document (named as in the sheet), or None when
# the document or those sentences are not in this run.
SentenceText = Callable[[str, str, tuple[int, ...]], str | None]
_REQUIRED = ("review", "french", "english", "link_id")


@dataclass(frozen=True)
class ReviewOutcome:
    """The rows of the new review sheet, the units of the TMX, and what the review changed."""

    rows: tuple[ReviewRow, ...]
    units: tuple[AlignedText, ...]
    ok: int = 0
    wrong: int = 0
    edited: int = 0
    stale: int = 0

    @property
    def one_sided(self) -> int:
        """Units with one language only: alignment.tmx leaves them out unless asked."""
        return sum(1 for unit in self.units if unit.one_sided)


def read_reviews(path: Path) -> list[ReviewRow]:
    """The rows of the review workbook at `path` that hold a person's work; [] without one.

    A workbook open in Excel or LibreOffice, damaged, or with an unknown review mark is refused
    (FileProblem, exit 3) before anything is written.
    """
    path = Path(path)
    if not path.exists():
        return []
    ensure_closed(path)
    # Streamed (the sheets' XML row by row): openpyxl's values, for a fifth of its time; a
    # reviewed workbook is read on every run.
    sheets = load_sheets(path, streamed=True)
    visible = sheets.get(SHEET)
    if not visible:
        raise FileProblem(
            str(path),
            f"no sheet {SHEET!r}: not a review workbook of align run",
            "restore the sheet, or move the file away to start the review anew",
        )
    header = [_text(value) for value in visible[0]]
    if "link_id" not in header and "review" not in header:
        return []  # written before reviews existed: it holds nothing of a person's
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        raise FileProblem(
            str(path),
            f"sheet {SHEET!r} has no column {missing[0]!r}",
            "restore the header row as align run wrote it: " + " | ".join(HEADER),
        )
    tool = _tool_records(sheets.get(TOOL_SHEET, []))
    rows: list[ReviewRow] = []
    for number, values in enumerate(visible[1:], start=2):
        cells = dict(zip(header, values, strict=False))
        row = _review_row(path, number, cells, tool)
        if row is not None and row.reviewed:
            rows.append(row)
    return rows


def _review_row(
    path: Path, number: int, cells: Mapping[str, object], tool: Mapping[str, AlignedText]
) -> ReviewRow | None:
    mark = _text(cells.get("review")).lower()
    if mark and mark not in REVIEW_MARKS:
        raise FileProblem(
            str(path),
            f"row {number}: review {_text(cells.get('review'))!r} is not one of "
            + ", ".join(REVIEW_MARKS),
            "choose one from the drop-down, or leave the cell blank",
        )
    french, english = _text(cells.get("french")), _text(cells.get("english"))
    note = _text(cells.get("note"))
    link = tool.get(_text(cells.get("link_id")))
    if link is None:
        # No record of what the tool wrote (a row a person added, or the record sheet deleted):
        # the texts as they stand are the person's when they mark the row.
        if not (mark or note or french or english):
            return None
        link = _visible_link(cells)
        if not _text(cells.get("link_id")):
            link = replace(link, fr_ids=(), en_ids=(), fr_text="", en_text="")
    return ReviewRow(
        link=link,
        review=mark,
        note=note,
        fr_text=None if french == link.fr_text else french,
        en_text=None if english == link.en_text else english,
    )


def _tool_records(rows: Sequence[Sequence[object]]) -> dict[str, AlignedText]:
    if not rows:
        return {}
    header = [_text(value) for value in rows[0]]
    if any(name not in header for name in TOOL_HEADER):
        return {}
    records = {}
    for values in rows[1:]:
        cells = dict(zip(header, values, strict=False))
        link = AlignedText(
            fr_source=_text(cells.get("fr_file")),
            en_source=_text(cells.get("en_file")),
            fr_ids=_ids(cells.get("fr_ids")),
            en_ids=_ids(cells.get("en_ids")),
            fr_lines=_text(cells.get("fr_lines")),
            en_lines=_text(cells.get("en_lines")),
            fr_text=_text(cells.get("french")),
            en_text=_text(cells.get("english")),
            kind=_text(cells.get("link")),
            score=_score(cells.get("score")),
            evidence=_evidence(_text(cells.get("evidence"))),
            mode=_mode(cells.get("mode")),
        )
        records[_text(cells.get("link_id"))] = link
    return records


def _visible_link(cells: Mapping[str, object]) -> AlignedText:
    french, english = _text(cells.get("french")), _text(cells.get("english"))
    return AlignedText(
        fr_source=_text(cells.get("fr_file")),
        en_source=_text(cells.get("en_file")),
        fr_ids=(),
        en_ids=(),
        fr_lines=_text(cells.get("fr_lines")),
        en_lines=_text(cells.get("en_lines")),
        fr_text=french,
        en_text=english,
        kind=_text(cells.get("link")) or f"{int(bool(french))}-{int(bool(english))}",
        score=_score(cells.get("score")),
        mode=_mode(cells.get("mode")),
    )


def apply_reviews(
    links: Sequence[AlignedText],
    reviews: Sequence[ReviewRow],
    sentence_text: SentenceText,
) -> ReviewOutcome:
    """The new review sheet and TMX units: this run's links with the person's review applied.

    A review applies to the same link (same documents and sentences, same texts as when it was
    reviewed); a review of sentences that have changed or gone is kept in the sheet as stale
    and leaves the TMX.
    """
    current = {link.link_id: link for link in links}
    claimed: set[tuple[str, str, int]] = set()
    placed: dict[str, ReviewRow] = {}
    extra: list[ReviewRow] = []
    stale = 0
    for review in reviews:
        link = review.link
        made = current.get(link.link_id)
        fresh = _still_there(link, made, sentence_text)
        if not fresh:
            stale += 1
            extra.append(replace(review, stale=True))
            continue
        if review.edited and not review.review:
            review = replace(review, review="edited")  # the sheet says what the TMX does
        if made is not None:
            review = replace(review, link=made)
            placed[link.link_id] = review
        else:
            extra.append(review)
        # Parallel links share out the sentences, so a link the person confirmed takes its
        # sentences from any other; comparable ones do not (a sentence telling two happenings
        # has a link for each), so confirming one leaves its siblings be.
        confirmed = review.review == "ok" or review.edited
        if confirmed and review.link.mode != Mode.COMPARABLE:
            claimed.update(_sentences(review.link))
    rows: list[ReviewRow] = []
    for link in links:
        if link.link_id in placed:
            rows.append(placed[link.link_id])
        elif not claimed.intersection(_sentences(link)):
            rows.append(ReviewRow(link))
    rows = _interleave(rows, extra)
    units = [u for row in rows if (u := _unit(row, row.link.link_id in current)) is not None]
    marks = [r.review for r in rows if not r.stale]
    return ReviewOutcome(
        rows=tuple(rows),
        units=tuple(units),
        ok=marks.count("ok"),
        wrong=marks.count("wrong"),
        edited=sum(1 for r in rows if r.edited and not r.stale),
        stale=stale,
    )


def _unit(row: ReviewRow, made_now: bool) -> AlignedText | None:
    """The TMX unit of a row, or None when it stays out (wrong, stale, no longer linked)."""
    if row.review == "wrong" or row.stale:
        return None
    if row.edited:
        return replace(row.link, fr_text=row.shown_fr, en_text=row.shown_en, review="edited")
    if row.review == "ok":
        return replace(row.link, review="ok")
    return row.link if made_now else None


def _still_there(link: AlignedText, made: AlignedText | None, text: SentenceText) -> bool:
    """The reviewed sentences are still in the documents, with the texts that were reviewed."""
    if not (link.fr_ids or link.en_ids):
        return True  # a row a person added: it names no sentence of the tool's
    if made is not None:
        return (made.fr_text, made.en_text) == (link.fr_text, link.en_text)
    for lang, ids, written in (
        ("fr", link.fr_ids, link.fr_text),
        ("en", link.en_ids, link.en_text),
    ):
        source = link.fr_source if lang == "fr" else link.en_source
        if ids and text(source, lang, ids) != written:
            return False
    return True


def _sentences(link: AlignedText) -> set[tuple[str, str, int]]:
    return {(link.fr_source, "fr", i) for i in link.fr_ids} | {
        (link.en_source, "en", j) for j in link.en_ids
    }


def _interleave(rows: list[ReviewRow], extra: list[ReviewRow]) -> list[ReviewRow]:
    """Put each kept review that is not a link of this run among its document pair's rows."""
    out = list(rows)
    for review in sorted(extra, key=_position):
        pair, first = _position(review)
        at = len(out)
        last_of_pair = None
        for i, row in enumerate(out):
            other_pair, other_first = _position(row)
            if other_pair == pair:
                last_of_pair = i
                if other_first >= first:
                    at = i
                    break
        else:
            at = last_of_pair + 1 if last_of_pair is not None else len(out)
        out.insert(at, review)
    return out


def _position(row: ReviewRow) -> tuple[tuple[str, str], int]:
    link = row.link
    ids = link.fr_ids or link.en_ids
    return (link.fr_source, link.en_source), ids[0] if ids else 1 << 30


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a line number LibreOffice turned into a number
    return str(value).strip() if not isinstance(value, str) else value.strip()


def _ids(value: object) -> tuple[int, ...]:
    text = _text(value)
    try:
        return tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        return ()


def _score(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def _mode(value: object) -> Mode | None:
    try:
        return Mode(_text(value))
    except ValueError:
        return None


def _evidence(text: str) -> tuple[Evidence, ...]:
    kinds = sorted(EvidenceKind, key=lambda k: -len(k.value))
    found = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        for kind in kinds:
            if part == kind.value or part.startswith(kind.value + " "):
                found.append(Evidence(kind, part[len(kind.value) :].strip()))
                break
    return tuple(found)
