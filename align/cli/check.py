"""`align check`: names spelled off-glossary in new documents, reported like a linter's findings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from align.cli.console import (
    EXIT_FINDINGS,
    EXIT_OK,
    printable,
    progress_bar,
    reported_errors,
    usage,
    warn,
)

if TYPE_CHECKING:
    from glossary.check.checker import Finding


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    XLSX = "xlsx"


class Lang(StrEnum):
    AUTO = "auto"
    FR = "fr"
    EN = "en"


def check_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to check (.txt, .md, .html, .docx); '-' is stdin.",
            metavar="PATH",
        ),
    ],
    glossary: Annotated[
        Path,
        typer.Option(
            "--glossary", "-g", help="The glossary workbook to check against.", dir_okay=False
        ),
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="text (grouped by file), json or xlsx.")
    ] = Format.TEXT,
    lang: Annotated[
        Lang,
        typer.Option(help="Language of the documents; auto follows each segment's language."),
    ] = Lang.AUTO,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report here (required for xlsx).", dir_okay=False
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Report every non-canonical form: short forms, acronyms, alternative names.",
        ),
    ] = False,
) -> None:
    """Report names likely misspelt or in the wrong language, against the glossary.

    By default: deprecated variants, spelling and transliteration variants, the other language's
    forms and unknown names close to a known person's. Correct short forms, acronyms and
    alternative names are not reported unless --strict. Exit 0 when there is nothing to report,
    1 when there are findings.
    """
    if fmt is Format.XLSX and output is None:
        usage("--format xlsx writes a workbook: add --output FILE.xlsx")
    if output is not None:
        from align.cli.outputs import refuse_overwriting

        refuse_overwriting(
            output, option="--output", inputs=paths, read=(("the glossary", glossary),)
        )
    with reported_errors():
        findings, documents = _check(paths, glossary, lang, strict=strict)
        if fmt is Format.XLSX:
            from glossary.check.report import write_check_report

            assert output is not None
            write_check_report(output, findings, _about(glossary, documents, lang, strict=strict))
        elif output is not None:
            from glossary.atomicfile import write_text_atomic

            write_text_atomic(output, _render(findings, fmt, documents, colour=False) + "\n")
        else:
            _print(findings, fmt, documents)
    raise typer.Exit(EXIT_FINDINGS if findings else EXIT_OK)


def _check(
    paths: list[str], glossary: Path, lang: Lang, *, strict: bool
) -> tuple[list[Finding], list[str]]:
    from align.api import check
    from align.readers import read_paths
    from glossary.check.narrow import NarrowingChecker
    from glossary.workbook.file import open_elsewhere
    from glossary.workbook.readwrite import read_glossary

    lock = open_elsewhere(glossary)
    if lock is not None:
        warn(
            f"{printable(str(glossary))}: open in another program (lock file {lock}); checking "
            "against its last saved version"
        )
    read = read_paths(paths)
    for skipped in read.skipped:
        warn(f"{printable(skipped.source)}: skipped: {skipped.reason}")
    # The glossary is read once the documents' passages are known, and indexed only for the
    # entities they could meet: the same findings as the whole glossary's (check/narrow.py).
    checker = NarrowingChecker(lambda choose: read_glossary(glossary, choose), strict=strict)
    fixed = None if lang is Lang.AUTO else lang.value
    with progress_bar() as progress:
        findings = check(read.documents, checker, lang=fixed, progress=progress)
    return findings, [doc.source for doc in read.documents]


def _about(glossary: Path, documents: list[str], lang: Lang, *, strict: bool) -> dict[str, str]:
    from align import __version__
    from glossary.signature import check_settings

    about = {"tool": f"align-glossary {__version__}", "glossary": str(glossary), "lang": lang.value}
    about["policy"] = "strict" if strict else "default"
    about["settings"] = check_settings()
    about.update({f"input.{i}": source for i, source in enumerate(documents, start=1)})
    return about


def _print(findings: list[Finding], fmt: Format, documents: list[str]) -> None:
    if fmt is Format.TEXT and sys.stdout.isatty():
        from rich.console import Console

        Console(highlight=False, soft_wrap=True, emoji=False).print(
            _render(findings, fmt, documents, colour=True)
        )
    else:
        typer.echo(_render(findings, fmt, documents, colour=False))


def _render(findings: list[Finding], fmt: Format, documents: list[str], *, colour: bool) -> str:
    """The report as text (grouped by file, then a summary) or as the JSON array of the README."""
    if fmt is Format.JSON:
        import dataclasses
        import json

        rows = [
            {k: v for k, v in dataclasses.asdict(f).items() if k != "place" or v} for f in findings
        ]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    lines: list[str] = []
    previous = None
    for finding in findings:
        if previous is not None and finding.file != previous:
            lines.append("")
        previous = finding.file
        lines.append(_line(finding, colour))
    if lines:
        lines.append("")
    lines.append(_summary(findings, documents))
    return "\n".join(lines)


def _line(f: Finding, colour: bool) -> str:
    extra = f", {f.confidence:.2f}" if f.confidence < 1 else ""
    extra += f", {f.place}" if f.place else ""
    where = f"{printable(f.file)}:{f.line}:{f.column}:"
    if not colour:
        return f"{where} {f.found} → {f.suggestion} ({f.entity_id}, {f.kind}{extra})"
    from rich.markup import escape

    return (
        f"[bold]{escape(where)}[/] [red]{escape(f.found)}[/] → [green]{escape(f.suggestion)}[/]"
        f" [dim]({escape(f.entity_id)}, {escape(f.kind)}{extra})[/]"
    )


def _summary(findings: list[Finding], documents: list[str]) -> str:
    checked = f"{len(documents)} document" + ("s" if len(documents) != 1 else "")
    if not findings:
        return f"no findings in {checked}"
    files = len({f.file for f in findings})
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun} in {files} of {checked}"


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("check")(check_command)
