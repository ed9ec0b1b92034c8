"""`align pair`: align two documents and print or write the links."""

# No `from __future__ import annotations` here: typer reads a command's parameters from their
# annotations each time it builds the command, on every start, and evaluates each one that is
# text twice (a compile each); written as objects, they are built once, with the module.
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from align.cli.console import check_language_tags, reported_errors, usage, warn

if TYPE_CHECKING:
    from align.model import Sentence
    from align.pairing.pair import PairResult


class ModeChoice(StrEnum):
    AUTO = "auto"
    PARALLEL = "parallel"
    COMPARABLE = "comparable"


class OutputFormat(StrEnum):
    TSV = "tsv"
    JSON = "json"
    TMX = "tmx"
    XLSX = "xlsx"


BINARY_FORMATS = (OutputFormat.TMX, OutputFormat.XLSX)


def pair_command(
    fr: Annotated[
        str, typer.Argument(metavar="FR", help="The French document ('-' is standard input).")
    ],
    en: Annotated[str, typer.Argument(metavar="EN", help="The English document.")],
    presplit: Annotated[
        bool,
        typer.Option(
            "--presplit", help="One sentence per line: sentence i is line i+1; blank lines skipped."
        ),
    ] = False,
    mode: Annotated[
        ModeChoice,
        typer.Option(
            help="parallel: a document and its translation; comparable: pair passages reporting "
            "the same events; auto: decide from lengths and shared dates and numbers."
        ),
    ] = ModeChoice.AUTO,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="tmx and xlsx need --output.")
    ] = OutputFormat.TSV,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to FILE (atomically) instead of stdout.", dir_okay=False
        ),
    ] = None,
    fr_tag: Annotated[str, typer.Option(help="xml:lang for French in TMX (fr, fr-FR...).")] = "fr",
    en_tag: Annotated[str, typer.Option(help="xml:lang for English in TMX (en, en-GB...).")] = "en",
    keep_one_sided: Annotated[
        bool,
        typer.Option(
            "--keep-one-sided",
            help="Keep 1-0 and 0-1 links (one language only) in the TMX; left out by default.",
        ),
    ] = False,
) -> None:
    """Align a French and an English document; print TSV or JSON, or write TMX or xlsx."""
    if output_format in BINARY_FORMATS and output is None:
        usage(f"--format {output_format.value} writes a file: add --output FILE")
    if fr == "-" and en == "-":
        usage("only one of FR and EN can be '-' (standard input)")
    check_language_tags(fr_tag, en_tag)
    if output is not None:
        from align.cli.outputs import refuse_overwriting

        refuse_overwriting(output, option="--output", inputs=(fr, en))
    from align.exports.rows import aligned_texts
    from align.pairing.pair import align_pair

    with reported_errors():
        fr_items, fr_name = _load(fr, "fr", presplit)
        en_items, en_name = _load(en, "en", presplit)
        result = align_pair(fr_items, en_items, mode=mode.value)
        for warning in result.warnings:
            warn(warning)
        rows = aligned_texts(result, fr_items, en_items, fr_source=fr_name, en_source=en_name)
        if output_format is OutputFormat.TMX:
            from align.exports.tmx import write_tmx

            assert output is not None
            write_tmx(output, rows, fr_tag=fr_tag, en_tag=en_tag, keep_one_sided=keep_one_sided)
            return
        if output_format is OutputFormat.XLSX:
            from align.exports.review import write_review

            assert output is not None
            write_review(output, rows)
            return
        if output_format is OutputFormat.JSON:
            text = format_json(result, fr_items, en_items, fr_name, en_name)
        else:
            text = "".join(
                f"{_ids(r.fr_ids)}\t{_ids(r.en_ids)}\t{r.score:.4f}\t{r.fr_text}\t{r.en_text}\n"
                for r in rows
            )
        if output is None:
            typer.echo(text, nl=False)
        else:
            from glossary.atomicfile import write_text_atomic

            write_text_atomic(output, text)


def _ids(ids: tuple[int, ...]) -> str:
    return ",".join(str(i) for i in ids)


def format_json(
    result: "PairResult",
    fr_items: "list[str] | list[Sentence]",
    en_items: "list[str] | list[Sentence]",
    fr_name: str,
    en_name: str,
) -> str:
    """The JSON document the README shows: mode, both sides' sentences, links with evidence."""
    document = {
        "mode": result.mode,
        "fr": {"file": fr_name, "sentences": [_text(s) for s in fr_items]},
        "en": {"file": en_name, "sentences": [_text(s) for s in en_items]},
        "links": [
            {
                "fr": list(link.fr),
                "en": list(link.en),
                "score": link.score,
                "evidence": list(link.labels),
            }
            for link in result.links
        ],
    }
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text(item: "str | Sentence") -> str:
    return item if isinstance(item, str) else item.text


def _load(path: str, lang: str, presplit: bool) -> "tuple[list[str] | list[Sentence], str]":
    """Sentences of one side, and the file's name as the user gave it."""
    from align.errors import BadInputError
    from align.readers import read_paths

    documents = read_paths([path]).documents
    if not documents:
        raise BadInputError(path, "no document could be read", "give a text, HTML or Word file")
    document = documents[0]
    items: list[str] | list[Sentence]
    if presplit:
        lines = document.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        # Trailing spaces are not part of a sentence; a blank line keeps its index but is skipped.
        items = [line.rstrip() for line in lines]
        empty = not any(items)
    else:
        items = _sentences(document, lang)
        empty = not items
    if empty:
        language = "French" if lang == "fr" else "English"
        raise BadInputError(
            document.source, f"no {language} sentences found", f"give a {language} document"
        )
    return items, document.source


def _sentences(document: object, lang: str) -> "list[Sentence]":
    """The document's sentences in `lang`; other languages, `und` and repeated passages left out."""
    from align.model import Document
    from align.text.analysis import analyse
    from align.text.language import build_detector
    from align.text.sentences import build_splitter

    assert isinstance(document, Document)
    analysed = analyse([document], build_detector(), build_splitter())
    return [s for s in analysed[0].sentences if s.lang == lang]


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("pair")(pair_command)
