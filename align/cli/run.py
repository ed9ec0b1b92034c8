"""`align run`: the whole pipeline over files or folders (default seeds/), exports into --out."""

# No `from __future__ import annotations`: typer evaluates every text annotation of a command
# twice when it builds it, on every start (see align/cli/pair.py).

from pathlib import Path
from typing import Annotated

import typer

from align.cli.console import (
    check_language_tags,
    printable,
    progress_bar,
    reported_errors,
    warn,
)

DEFAULT_INPUT = "seeds"
DEFAULT_OUT = Path("exports")


def run_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders to read (.txt, .md, .html, .docx); '-' is standard input.",
            show_default="seeds/",
            metavar="PATH",
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the exports.", file_okay=False)
    ] = DEFAULT_OUT,
    glossary: Annotated[
        Path | None,
        typer.Option(
            "--glossary",
            "-g",
            help="A glossary workbook whose edits to keep (default: glossary.xlsx in --out).",
            dir_okay=False,
        ),
    ] = None,
    fr_tag: Annotated[str, typer.Option(help="xml:lang for French in the TMX.")] = "fr",
    en_tag: Annotated[str, typer.Option(help="xml:lang for English in the TMX.")] = "en",
    keep_one_sided: Annotated[
        bool,
        typer.Option(
            "--keep-one-sided",
            help="Keep 1-0 and 0-1 links (one language only) in alignment.tmx; CAT tools such "
            "as OmegaT refuse them, so they are left out by default.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes for the per-document stages (languages, sentences); 1 works in "
            "this process.",
            show_default="the machine's cores",
        ),
    ] = None,
) -> None:
    """Read, separate languages, split sentences, build the glossary, align; write the exports."""
    from align.pipeline import RunSettings, run
    from align.readers import read_paths

    check_language_tags(fr_tag, en_tag)
    _refuse_inputs_among_outputs(paths or [], out)
    with reported_errors():
        inputs = paths or [DEFAULT_INPUT]
        if not paths and not Path(DEFAULT_INPUT).is_dir():
            from align.errors import UsageError

            raise UsageError(
                f"{DEFAULT_INPUT}/: no such folder here; run from the project folder or name "
                "the documents: align run FILE..."
            )
        read = read_paths(inputs)
        for skipped in read.skipped:
            warn(f"{printable(skipped.source)}: skipped: {skipped.reason}")
        settings = RunSettings(
            out_dir=out,
            glossary_path=glossary,
            fr_tag=fr_tag,
            en_tag=en_tag,
            keep_one_sided=keep_one_sided,
        )
        from align.text import language, sentences
        from align.workers import Analysers, default_jobs

        # Built only if a document is not in the run's store, once in each worker process.
        analysers = Analysers(language.build_detector, sentences.build_splitter)
        with progress_bar() as progress:
            summary = run(
                read,
                settings,
                analysers=analysers,
                jobs=jobs or default_jobs(),
                progress=progress,
            )
    for line in summary.warnings:
        warn(line)
    typer.echo(format_summary(summary))


def _refuse_inputs_among_outputs(paths: list[str], out: Path) -> None:
    """Exit 2 when a document named on the command line is one of the files the run writes."""
    from align.cli.outputs import refuse_overwriting
    from align.settings import EXPORTS

    files = [p for p in paths if not Path(p).is_dir()]
    for name in EXPORTS:
        refuse_overwriting(out / name, option="--out", inputs=files)


def _count(n: int, noun: str, plural: str = "") -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def format_summary(summary: object) -> str:
    """The short report printed at the end of `align run`."""
    from align.pipeline import RunSummary

    assert isinstance(summary, RunSummary)
    langs = ", ".join(f"{lang} {n}" for lang, n in summary.languages) or "none"
    kept = (
        f"; kept {_count(summary.kept_edits, 'row')} a person edited" if summary.kept_edits else ""
    )
    lines = [
        f"documents  {summary.documents} read"
        + (f", {len(summary.skipped)} skipped" if summary.skipped else ""),
        f"segments   {summary.segments} ({langs}); {_count(summary.repeats, 'repeat')} set aside",
        f"sentences  {summary.sentences}",
        f"glossary   {_count(summary.entities, 'entity', 'entities')}, "
        f"{_count(summary.variants, 'variant')}{kept}",
    ]
    if summary.document_pairs:
        pairs = _count(len(summary.document_pairs), "document pair")
        modes = [mode for _, _, mode in summary.document_pairs]
        by_mode = ", ".join(f"{modes.count(m)} {m}" for m in ("parallel", "comparable"))
        lines.append(f"pairs      {pairs} ({by_mode}), {_count(summary.links, 'link')}")
        lines.extend(
            f"           {printable(fr)} ⇄ {printable(en)} ({mode})"
            for fr, en, mode in summary.document_pairs
        )
    else:
        lines.append("pairs      no French and English documents share events")
    if summary.review is not None and (
        summary.review.ok or summary.review.wrong or summary.review.edited or summary.review.stale
    ):
        lines.append("reviewed   " + format_review(summary.review))
    lines.append("wrote      " + ", ".join(printable(str(p)) for p in summary.outputs))
    return "\n".join(lines)


def format_review(review: object) -> str:
    """What a person's review of alignment.xlsx changed in this run."""
    from align.exports.reviews import ReviewOutcome

    assert isinstance(review, ReviewOutcome)
    parts = [f"{review.ok} ok", f"{review.wrong} wrong (left out of the TMX)"]
    parts.append(f"{review.edited} edited")
    if review.stale:
        parts.append(f"{review.stale} no longer in the documents (kept in the sheet only)")
    return "kept your review of alignment.xlsx: " + ", ".join(parts)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("run")(run_command)
