"""`align detect`: the language of each segment of the given documents."""

# No `from __future__ import annotations`: typer evaluates every text annotation of a command
# twice when it builds it, on every start (see align/cli/pair.py).

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from align.cli.console import printable, reported_errors, warn

if TYPE_CHECKING:
    from align.model import Segment

# Text format: segment text is cut to this many characters.
TEXT_WIDTH = 80


class Format(StrEnum):
    """Output formats of `align detect`."""

    text = "text"
    json = "json"


def detect_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to read (.txt, .md, .html, .docx); '-' is standard input.",
            metavar="PATH",
        ),
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="text: one line per segment; json: an array.")
    ] = Format.text,
) -> None:
    """Label each segment fr, en, another ISO 639-1 code, or und (no language)."""
    from align.readers import read_paths
    from align.text.analysis import document_segments
    from align.text.language import build_detector
    from align.text.repeats import mark_repeats

    with reported_errors():
        read = read_paths(paths)
        for skipped in read.skipped:
            warn(f"{printable(skipped.source)}: skipped: {skipped.reason}")
        detector = build_detector()
        segments: list[Segment] = []
        for doc in read.documents:
            segments.extend(document_segments(doc, detector))
        segments = mark_repeats(segments)
    if fmt is Format.json:
        import json

        typer.echo(json.dumps([segment_record(s) for s in segments], ensure_ascii=False, indent=2))
    else:
        for seg in segments:
            typer.echo(segment_line(seg))


def segment_record(seg: "Segment") -> dict[str, object]:
    """The JSON object of a segment, as the README shows, plus `duplicate_of` (null or the copy)."""
    original = None
    if seg.original is not None:
        original = {
            "file": seg.original.source,
            "line_start": seg.original.span.line_start,
            "start": seg.original.span.start,
        }
    return {
        "file": seg.source,
        "line_start": seg.span.line_start,
        "line_end": seg.span.line_end,
        "start": seg.span.start,
        "end": seg.span.end,
        "lang": seg.lang,
        "confidence": seg.confidence,
        "text": seg.text,
        "duplicate_of": original,
    }


def segment_line(seg: "Segment") -> str:
    """`file:3-3  fr 0.98  text…`, the text on one line and cut to TEXT_WIDTH characters."""
    text = " ".join(seg.text.split())
    if seg.original is not None:
        text = f"(repeat of {printable(seg.original.source)}:{seg.original.span.line_start}) {text}"
    if len(text) > TEXT_WIDTH:
        text = text[: TEXT_WIDTH - 1] + "…"
    # A file name with a line break or a terminal escape in it stays on its one line.
    where = f"{printable(seg.source)}:{seg.span.line_start}-{seg.span.line_end}"
    return f"{where}  {seg.lang:<3} {seg.confidence:.2f}  {text}"


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("detect")(detect_command)
