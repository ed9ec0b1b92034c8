"""The catalogue of benchmarks/adversarial.py: issue 14's case kinds, each with its promise.

Every scenario works in its own folder; a scenario that needs a first `align run` copies the one
made once per code root (`first_run`). Promises are checked from the outside only: exit codes,
stderr, the files left behind, the workbook as openpyxl reads it.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import random
import re
import shutil
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import hostile
import openpyxl
from adversarial import MEMORY_MB, Align, Outcome, Scenario, Verdicts
from sheets import Sheet

from align.settings import EXPORTS
from align.store import STORE_FILE
from glossary.workbook.languages import lang_code

FRENCH = """\
Iouri Ouchakov est arrivé à Moscou le 12 février 2025 pour rencontrer Steve Witkoff.
Ouchakov a dit que les entretiens avec Steve Whitkoff avaient duré quatre heures au Kremlin.
Le général Charles de Gaulle avait visité Moscou en décembre 1944 et rencontré Joseph Staline.
De Gaulle et Staline ont signé un traité d'alliance le 10 décembre 1944.
Louis Barthou, ministre des Affaires étrangères, avait préparé le pacte en 1934.
Sergueï Lavrov a reçu Marco Rubio à Riyad le 18 février 2025.
Le ministre Lavrov a déclaré que la réunion de Riyad était utile.
"""
ENGLISH = """\
Yuri Ushakov arrived in Moscow on 12 February 2025 to meet Steve Witkoff.
Ushakov said that the talks with Steve Witkoff had lasted four hours at the Kremlin.
General Charles de Gaulle visited Moscow in December 1944 and met Joseph Stalin.
De Gaulle and Stalin signed a treaty of alliance on 10 December 1944.
Louis Barthou, the foreign minister, had prepared the pact in 1934.
Sergei Lavrov received Marco Rubio in Riyadh on 18 February 2025.
Minister Lavrov said that the Riyadh meeting was useful.
"""
MB = 1024 * 1024
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")

# --------------------------------------------------------------------------------------------
# Promises


def broken(o: Outcome) -> str | None:
    """What every command promises whatever its input: no hang, no traceback, bounded memory."""
    if o.timed_out:
        return f"still running after {o.seconds:.0f} s (a hang): {o.brief()}"
    if o.code is None:
        return f"killed: {o.brief()}"
    if "Traceback" in o.stderr:
        return f"traceback: {o.stderr.strip().splitlines()[-1][:200]}"
    if o.peak_mb > MEMORY_MB:
        return f"peak memory {o.peak_mb:.0f} MB, over {MEMORY_MB:.0f} MB: {o.brief()}"
    for line in o.lines:
        if not line.startswith(("align: error: ", "align: warning: ")):
            return f"stderr line not ours: {line[:200]!r}"
    return None


def refused(o: Outcome, code: int, *names: str) -> str | None:
    """Exit `code` and exactly one error line on stderr that holds every one of `names`."""
    if failure := broken(o):
        return failure
    if o.code != code:
        return f"exit {o.code}, promised {code}: {o.brief()}"
    if len(o.lines) != 1 or not o.lines[0].startswith("align: error: "):
        return f"{len(o.lines)} stderr lines, promised one error line: {o.brief()}"
    missing = [n for n in names if n not in o.lines[0]]
    return f"the line does not say {missing}: {o.brief()}" if missing else None


def done(o: Outcome, *codes: int) -> str | None:
    """One of `codes` (0 by default), no error line."""
    if failure := broken(o):
        return failure
    if o.code not in (codes or (0,)):
        return f"exit {o.code}, promised {codes or (0,)}: {o.brief()}"
    return None


def clean(o: Outcome) -> str | None:
    """Any documented exit code (0-3), stderr lines all ours, errors on one line."""
    if failure := broken(o):
        return failure
    if o.code not in (0, 1, 2, 3):
        return f"exit {o.code}: {o.brief()}"
    if o.code in (2, 3) and sum(line.startswith("align: error: ") for line in o.lines) != 1:
        return f"exit {o.code} without exactly one error line: {o.brief()}"
    return None


def first(*failures: str | None) -> str | None:
    return next((f for f in failures if f), None)


def snapshot(folder: Path) -> dict[str, bytes]:
    """The files of `folder` and their bytes, less the run's store (a cache the run may update)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(STORE_FILE)
    }


def same_as(before: dict[str, bytes], folder: Path) -> str | None:
    after = snapshot(folder)
    if after.keys() != before.keys():
        return f"files changed: {sorted(before)} before, {sorted(after)} after"
    changed = [n for n in before if before[n] != after[n]]
    return f"replaced though the run failed: {changed}" if changed else None


def leftovers(folder: Path) -> str | None:
    """Temporaries (`.x.pid.rand.tmp`) or staging folders (`.align-run-*`) left in `folder`."""
    left = [
        p.name
        for p in folder.iterdir()
        if p.name.startswith(".") and p.name != ".gitignore" and not p.name.startswith(STORE_FILE)
    ]
    return f"left behind: {left}" if left else None


# --------------------------------------------------------------------------------------------
# Material


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def corpus(folder: Path, french: str = FRENCH, english: str = ENGLISH) -> Path:
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    write(docs / "fr.txt", french)
    write(docs / "en.txt", english)
    return docs


_FIRST: dict[Path, tuple[Path, float]] = {}
_FIRST_LOCK = threading.Lock()


def first_run(align: Align, folder: Path) -> tuple[Path, Path, float]:
    """(documents, a copy of the exports of one run over them, how long that run took)."""
    with _FIRST_LOCK:
        if align.code_root not in _FIRST:
            home = folder.parent / f"first-{len(_FIRST)}"
            home.mkdir()
            docs = corpus(home)
            o = align(["run", docs, "--out", home / "out"], cwd=home)
            if done(o):
                raise RuntimeError(f"the first run failed: {o.brief()}")
            _FIRST[align.code_root] = (home, o.seconds)
        home, seconds = _FIRST[align.code_root]
    docs = corpus(folder)
    out = folder / "out"
    shutil.copytree(home / "out", out)
    return docs, out, seconds


def glossary_copy(align: Align, folder: Path) -> Path:
    """A glossary workbook made by `align run` (for check)."""
    _, out, _ = first_run(align, folder)
    target = folder / "g.xlsx"
    shutil.copy(out / "glossary.xlsx", target)
    return target


def edit_workbook(path: Path, edit: Callable[[Sheet, Sheet], None]) -> None:
    """Edit Entities and Variants as a person would, saved the way Excel saves (replaced)."""
    book = openpyxl.load_workbook(path)
    edit(Sheet(book, "Entities"), Sheet(book, "Variants"))
    tmp = path.with_name("~edit.xlsx")
    book.save(tmp)
    os.replace(tmp, path)


def rows(path: Path, sheet: str) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(path)
    values = list(book[sheet].iter_rows(values_only=True))
    header = [str(h) for h in values[0]]
    return [dict(zip(header, r, strict=False)) for r in values[1:]]


def note_of(path: Path, entity_id: str) -> object:
    return next((r["note"] for r in rows(path, "Entities") if r["entity_id"] == entity_id), None)


def valid_workbook(path: Path) -> str | None:
    try:
        rows(path, "Entities")
        rows(path, "Variants")
    except Exception as err:
        return f"{path.name} is not a valid workbook ({type(err).__name__}: {err})"
    return None


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def endless_writer(path: Path, seconds: float = 120) -> None:
    """Write to the named pipe `path` without end, until its reader goes (or `seconds` pass)."""

    def feed() -> None:
        stop = time.monotonic() + seconds
        fd = None
        while fd is None and time.monotonic() < stop:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as err:
                if err.errno != errno.ENXIO:
                    return
                time.sleep(0.05)
        if fd is None:
            return
        os.set_blocking(fd, True)
        chunk = b"Bonjour tout le monde. " * 4000
        with contextlib.suppress(OSError):
            while time.monotonic() < stop:
                os.write(fd, chunk)
        os.close(fd)

    threading.Thread(target=feed, daemon=True).start()


_CACHE: dict[str, bytes] = {}
_CACHE_LOCK = threading.Lock()


def cached(name: str, build: Callable[[], bytes]) -> bytes:
    with _CACHE_LOCK:
        if name not in _CACHE:
            _CACHE[name] = build()
        return _CACHE[name]


VALID_DOCX = hostile.docx_with_body(
    hostile.paragraphs(["Iouri Ouchakov est arrivé à Moscou.", "Il a vu Steve Witkoff."])
)


def _no_document_xml() -> bytes:
    with zipfile.ZipFile(io.BytesIO(VALID_DOCX)) as archive:
        parts = [(n, archive.read(n)) for n in archive.namelist() if n != "word/document.xml"]
    return hostile.package(parts)


# --------------------------------------------------------------------------------------------
# Generated text: parallel lines (many distinct sentences) and comparable documents.

_PEOPLE = [
    ("Iouri Ouchakov", "Yuri Ushakov"),
    ("Sergueï Lavrov", "Sergei Lavrov"),
    ("Nikita Khrouchtchev", "Nikita Khrushchev"),
    ("Steve Witkoff", "Steve Witkoff"),
    ("Marco Rubio", "Marco Rubio"),
    ("Nadejda Lissovets", "Nadezhda Lisovets"),
]
_PLACES = [("Moscou", "Moscow"), ("Riyad", "Riyadh"), ("Genève", "Geneva"), ("Pékin", "Beijing")]
_MONTHS = [
    ("janvier", "January"),
    ("février", "February"),
    ("mars", "March"),
    ("avril", "April"),
    ("mai", "May"),
    ("juin", "June"),
]
_TOPICS = [
    ("le commerce du blé", "the grain trade"),
    ("la sécurité des centrales", "the safety of power plants"),
    ("les échanges d'étudiants", "student exchanges"),
    ("la pêche en mer", "sea fishing"),
    ("les vols directs", "direct flights"),
]


def parallel_lines(n: int, seed: int) -> tuple[str, str]:
    """`n` French lines and their English translations, all different."""
    rng = random.Random(seed)
    fr, en = [], []
    for i in range(n):
        (pf, pe), (qf, qe) = rng.sample(_PEOPLE, 2)
        lf, le = rng.choice(_PLACES)
        mf, me = rng.choice(_MONTHS)
        tf, te = rng.choice(_TOPICS)
        day, year, count = rng.randint(1, 28), rng.randint(1950, 2025), rng.randint(2, 900) + i
        fr.append(
            f"Le {day} {mf} {year}, {pf} a rencontré {qf} à {lf} pour parler de {tf}, "
            f"et {count} délégués ont assisté à la séance."
        )
        en.append(
            f"On {day} {me} {year}, {pe} met {qe} in {le} to discuss {te}, "
            f"and {count} delegates attended the session."
        )
    return "\n".join(fr) + "\n", "\n".join(en) + "\n"


def comparable_text(size: int, seed: int, lang: str) -> str:
    """About `size` bytes of reports in `lang`, different events from any other seed's."""
    french, english = parallel_lines(size // 120 + 1, seed)
    text = french if lang == "fr" else english
    return text[:size]


# --------------------------------------------------------------------------------------------
# Commands over one hostile input file: the arguments, given the file and the case's folder.

CommandArgs = Callable[[Align, Path, str], tuple[list[str | Path], Callable[[Outcome], str | None]]]


def _on(command: str) -> CommandArgs:
    """`command` run on one input `x` (a path or '-'): its arguments and its extra promise."""

    def build(
        align: Align, folder: Path, x: str
    ) -> tuple[list[str | Path], Callable[[Outcome], str | None]]:
        if command == "detect":
            return ["detect", x], lambda o: None
        if command == "pair":
            return ["pair", x, write(folder / "en.txt", ENGLISH)], lambda o: None
        if command == "check":
            return ["check", x, "--glossary", glossary_copy(align, folder)], lambda o: None
        _, out, _ = first_run(align, folder)
        before = snapshot(out)
        return ["run", x, "--out", out], lambda o: first(same_as(before, out), leftovers(out))

    return build


COMMANDS = {name: _on(name) for name in ("detect", "pair", "check", "run")}


def refusal(
    item: str,
    name: str,
    make: Callable[[Path], str],
    says: str,
    commands: tuple[str, ...] = ("detect", "pair", "check", "run"),
    stdin: str | None = None,
) -> list[Scenario]:
    """Each command given the input `make` builds: exit 3, one line naming it and `says`."""
    scenarios = []
    for command in commands:

        def play(
            align: Align, folder: Path, v: Verdicts, command: str = command, case: str = name
        ) -> None:
            x = make(folder)
            args, extra = COMMANDS[command](align, folder, x)
            shown = "<stdin>" if x == "-" else x
            o = align(args, cwd=folder, stdin=stdin)
            v.check(f"{command} {case}", first(refused(o, 3, shown, says), extra(o)))

        scenarios.append(Scenario(item, f"{command} {name}", play))
    return scenarios


def finishes(
    item: str,
    name: str,
    make: Callable[[Path], str],
    commands: tuple[str, ...] = ("detect", "pair", "check", "run"),
    limit: float = 120,
) -> list[Scenario]:
    """Each command given the input `make` builds ends cleanly (done, or refused) in time."""
    scenarios = []
    for command in commands:

        def play(
            align: Align, folder: Path, v: Verdicts, command: str = command, case: str = name
        ) -> None:
            x = make(folder)
            args, _ = COMMANDS[command](align, folder, x)
            o = align(args, cwd=folder, limit=limit)
            v.check(f"{command} {case}", clean(o))

        scenarios.append(Scenario(item, f"{command} {name}", play))
    return scenarios


# --------------------------------------------------------------------------------------------
# Item 1 and 2: translators' work under every timing; item 5: deletions and key edits.

FORMULAS = (
    "=1+1",
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "+1+1",
    "-2+3",
    '=HYPERLINK("http://example.com","clic")',
    "=IMPORTXML(A1)",
    "=",
)


def _formulas_in_an_added_sheet(align: Align, folder: Path, v: Verdicts) -> None:
    docs, out, _ = first_run(align, folder)
    book = openpyxl.load_workbook(out / "glossary.xlsx")
    sheet = book.create_sheet("Notes")
    for row, typed in enumerate(FORMULAS, start=1):
        cell = sheet.cell(row, 2)
        cell.value, cell.data_type = typed, "s"
    book.save(out / "glossary.xlsx")
    outcomes = [align(["run", docs, "--out", out], cwd=folder) for _ in range(2)]
    failure = first(*(done(o) for o in outcomes))
    notes = None if failure else openpyxl.load_workbook(out / "glossary.xlsx")["Notes"]
    with zipfile.ZipFile(out / "glossary.xlsx") as archive:
        formulas = [n for n in archive.namelist() if b"<f>" in archive.read(n)]
    for row, typed in enumerate(FORMULAS, start=1):
        if failure or notes is None:
            v.check(f"{typed!r} typed as text", failure)
            continue
        cell = notes.cell(row, 2)
        got = (cell.value, cell.data_type)
        wrong = None if got == (typed, "s") else f"came back as {got}"
        v.check(
            f"{typed!r} typed as text", wrong or (f"formulas in {formulas}" if formulas else None)
        )


def _edit_during_the_run(fraction: float) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        docs, out, seconds = first_run(align, folder)
        entity = str(rows(out / "glossary.xlsx", "Entities")[0]["entity_id"])
        child = align.start(["run", docs, "--out", out], cwd=folder)
        time.sleep(seconds * fraction)
        saved = f"saved at {fraction:.0%} of the run"

        def edit(e: Sheet, _: Sheet) -> None:
            e.set(e.row(entity_id=entity), "note", saved)

        edit_workbook(out / "glossary.xlsx", edit)
        o = child.wait()
        failure = done(o, 0, 3) or (refused(o, 3, "glossary.xlsx") if o.code == 3 else None)
        note = note_of(out / "glossary.xlsx", entity)
        lost = None if note == saved else f"the edit was lost (note {note!r}; {o.brief()})"
        v.check(f"edit saved at {fraction:.0%}", first(failure, lost, leftovers(out)))

    return play


def _lock_during_the_run(fraction: float, lock: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        docs, out, seconds = first_run(align, folder)
        before = (out / "glossary.xlsx").read_bytes()
        child = align.start(["run", docs, "--out", out], cwd=folder)
        time.sleep(seconds * fraction)
        write(out / lock, "")
        opened = time.perf_counter()
        o = child.wait()
        # Replaced though opened: only forgivable if the run was ending as the lock appeared.
        late = time.perf_counter() - opened
        replaced = (out / "glossary.xlsx").read_bytes() != before
        if o.code == 3:
            failure = first(
                refused(o, 3, "glossary.xlsx"),
                "replaced anyway" if replaced else None,
            )
        else:
            failure = done(o) or (
                f"replaced {late:.1f} s after Excel's lock file appeared" if late > 2.0 else None
            )
        (out / lock).unlink()
        v.check(f"{lock} at {fraction:.0%}", failure)

    return play


def _concurrent(count: int, stagger: float) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        _, out, _ = first_run(align, folder)
        inputs = [corpus(folder / f"in{i}", *parallel_lines(6, seed=100 + i)) for i in range(count)]
        children, starts = [], []
        for docs in inputs:
            starts.append(time.perf_counter())
            children.append(align.start(["run", docs, "--out", out], cwd=folder))
            time.sleep(stagger)
        outcomes = [c.wait() for c in children]
        winners = [o for o in outcomes if o.code == 0]
        # A run that ended before the next one started did not run at the same time: each may
        # exit 0 (the workbook is then the last one's).
        ends = [start + o.seconds for start, o in zip(starts, outcomes, strict=True)]
        if all(end < later for end, later in zip(ends, starts[1:], strict=False)):
            winners = winners[-1:] if len(winners) == count else winners
        failure = first(*(done(o, 0, 3) for o in outcomes))
        busy = "another `align run` is writing into this folder"
        failure = failure or first(
            *(refused(o, 3, str(out), busy) for o in outcomes if o.code != 0)
        )
        if not failure and len(winners) != 1:
            failure = f"{len(winners)} runs of {count} exited 0 on one folder"
        if not failure:
            inputs_seen = {str(r["value"]) for r in rows(out / "glossary.xlsx", "About")}
            won = winners[0].args[1]
            if not any(won in s for s in inputs_seen):
                failure = f"the workbook is not the winner's ({won})"
        v.check(f"{count} runs, {stagger:.1f} s apart", first(failure, leftovers(out)))

    return play


def _two_reruns(
    edit: Callable[[Sheet, Sheet], object],
    promise: Callable[[list[dict[str, object]], list[dict[str, object]], object], str | None],
) -> Callable[[Align, Path, Verdicts], None]:
    """A person's edit, then two runs; `promise` checks Entities and Variants after them."""

    def play(align: Align, folder: Path, v: Verdicts) -> None:
        docs, out, _ = first_run(align, folder)
        chosen: list[object] = []
        edit_workbook(out / "glossary.xlsx", lambda e, x: chosen.append(edit(e, x)))
        outcomes = [align(["run", docs, "--out", out], cwd=folder) for _ in range(2)]
        failure = first(*(done(o) for o in outcomes))
        if failure is None:
            path = out / "glossary.xlsx"
            failure = promise(rows(path, "Entities"), rows(path, "Variants"), chosen[0])
        v.check("kept over two runs", failure)

    return play


def _pick(sheet: Sheet, test: Callable[[int], bool]) -> int:
    return next(n for n in range(2, sheet.sheet.max_row + 1) if test(n))


def _delete_entity(e: Sheet, x: Sheet) -> object:
    counts: dict[object, int] = {}
    for n in range(2, x.sheet.max_row + 1):
        counts[x.get(n, "entity_id")] = counts.get(x.get(n, "entity_id"), 0) + 1
    entity = max(counts, key=lambda k: (counts[k], str(k)))
    forms = {x.get(n, "variant") for n in x.rows(entity_id=entity)}
    e.delete(e.row(entity_id=entity))
    for n in reversed(x.rows(entity_id=entity)):
        x.delete(n)
    return entity, forms


def _entity_gone(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    entity, forms = chosen  # type: ignore[misc]
    if any(r["entity_id"] == entity for r in ents):
        return f"deleted entity {entity} came back"
    back = sorted(str(r["variant"]) for r in vars_ if r["variant"] in forms)
    return f"its deleted forms came back: {back}" if back else None


def _delete_variant(e: Sheet, x: Sheet) -> object:
    n = _pick(
        x,
        lambda n: (
            x.get(n, "kind") == "canonical"
            and x.get(n, "lang") == "fr"
            and not x.rows(entity_id=x.get(n, "entity_id"), variant=x.get(n, "variant"), lang="en")
        ),
    )
    chosen = (x.get(n, "entity_id"), x.get(n, "variant"), x.get(n, "lang"))
    x.delete(n)
    return chosen


def _variant_gone(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    back = [r for r in vars_ if (r["entity_id"], r["variant"], r["lang"]) == chosen]
    return f"deleted variant {chosen} came back" if back else None


def _retype_variant(e: Sheet, x: Sheet) -> object:
    n = _pick(x, lambda n: x.get(n, "kind") == "spelling")
    original = (x.get(n, "entity_id"), x.get(n, "variant"), x.get(n, "lang"))
    text = str(original[1])
    retyped = text[:2] + "h" + text[2:]
    x.set(n, "variant", retyped)
    return original, retyped


def _retyped_replaces(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    (entity, text, lang), retyped = chosen  # type: ignore[misc]
    kept = [
        r for r in vars_ if (r["entity_id"], r["variant"], r["lang"]) == (entity, retyped, lang)
    ]
    back = [r for r in vars_ if (r["entity_id"], r["variant"], r["lang"]) == (entity, text, lang)]
    if not kept:
        return f"the retyped variant {retyped!r} was lost"
    return f"the original {text!r} came back beside {retyped!r}" if back else None


def _relabel_variant(e: Sheet, x: Sheet) -> object:
    n = _pick(
        x,
        lambda n: (
            x.get(n, "lang") == "en"
            and x.get(n, "kind") == "short"
            and not x.rows(entity_id=x.get(n, "entity_id"), variant=x.get(n, "variant"), lang="fr")
        ),
    )
    original = (x.get(n, "entity_id"), x.get(n, "variant"), "en")
    x.set(n, "lang", "fr")
    return original


def _relabel_replaces(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    entity, text, _ = chosen  # type: ignore[misc]
    langs = sorted(
        str(r["lang"]) for r in vars_ if (r["entity_id"], r["variant"]) == (entity, text)
    )
    return None if langs == ["fr"] else f"{text!r} now in languages {langs}, promised ['fr']"


def _reject_short(e: Sheet, x: Sheet) -> object:
    n = _pick(x, lambda n: x.get(n, "kind") == "short")
    x.set(n, "status", "rejected")
    return x.get(n, "entity_id"), x.get(n, "variant"), x.get(n, "lang")


def _rejected_stays(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    _, text, _ = chosen  # type: ignore[misc]
    row = [r for r in vars_ if (r["entity_id"], r["variant"], r["lang"]) == chosen]
    if not row or row[0]["status"] != "rejected":
        return f"the rejected {text!r} is no longer rejected: {row}"
    new = [r["entity_id"] for r in ents if text in (r["canonical_en"], r["canonical_fr"])]
    return f"rejected {text!r} made a new entity {new}" if new else None


def _retype_canonical(e: Sheet, x: Sheet) -> object:
    n = _pick(e, lambda n: e.get(n, "type") == "PER")
    typed = f"{e.get(n, 'canonical_fr')} (révisé)"
    e.set(n, "canonical_fr", typed)
    return e.get(n, "entity_id"), typed


def _canonical_kept(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    entity, typed = chosen  # type: ignore[misc]
    now = [r["canonical_fr"] for r in ents if r["entity_id"] == entity]
    return None if now == [typed] else f"canonical_fr typed {typed!r} is now {now}"


def _add_rows(e: Sheet, x: Sheet) -> object:
    e.append(entity_id="per-nouveau", canonical_en="Anna Netrebko")
    x.append(entity_id="per-nouveau", variant="Anna Netrébko")
    return None


def _added_kept(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    if not any(r["entity_id"] == "per-nouveau" for r in ents):
        return "the entity a person added was lost"
    if not any(r["variant"] == "Anna Netrébko" for r in vars_):
        return "the variant a person added was lost"
    return None


def _confirm_with_note(e: Sheet, x: Sheet) -> object:
    n = _pick(e, lambda n: e.get(n, "type") == "LOC")
    e.set(n, "status", "confirmed")
    e.set(n, "note", "vérifié par la traductrice")
    return e.get(n, "entity_id")


def _confirmed_kept(
    ents: list[dict[str, object]], vars_: list[dict[str, object]], chosen: object
) -> str | None:
    row = [r for r in ents if r["entity_id"] == chosen]
    if not row or (row[0]["status"], row[0]["note"]) != ("confirmed", "vérifié par la traductrice"):
        return f"the confirmed row changed: {row}"
    return None


EDITS = [
    ("an entity deleted with its variants", _delete_entity, _entity_gone),
    ("a French canonical variant deleted (Moscou/fr)", _delete_variant, _variant_gone),
    ("a spelling variant retyped (Bartoux -> Barthoux)", _retype_variant, _retyped_replaces),
    ("a short variant's language retyped en -> fr", _relabel_variant, _relabel_replaces),
    ("a short variant rejected (Stalin)", _reject_short, _rejected_stays),
    ("a canonical form retyped", _retype_canonical, _canonical_kept),
    ("an entity and a variant added", _add_rows, _added_kept),
    ("a row confirmed with a note", _confirm_with_note, _confirmed_kept),
]


def _kill_during(command: str, fraction: float) -> Callable[[Align, Path, Verdicts], None]:
    """kill -9 at `fraction` of the run; the workbook stays valid with the edit; the next
    command leaves no temporary behind."""

    def play(align: Align, folder: Path, v: Verdicts) -> None:
        docs, out, seconds = first_run(align, folder)
        if command == "run":
            entity = str(rows(out / "glossary.xlsx", "Entities")[0]["entity_id"])
            edit_workbook(
                out / "glossary.xlsx",
                lambda e, _: e.set(e.row(entity_id=entity), "note", "avant le kill"),
            )
            args: list[str | Path] = ["run", docs, "--out", out]
            target = out / "glossary.xlsx"
        else:
            target = out / "links.xlsx"
            args = ["pair", docs / "fr.txt", docs / "en.txt", "--format", "xlsx", "-o", target]
        child = align.start(args, cwd=folder)
        time.sleep(seconds * fraction)
        child.kill()
        child.wait()
        failure = None
        readable = valid_workbook if command == "run" else valid_alignment
        if target.exists():
            failure = readable(target)
            if command == "run" and not failure and note_of(target, entity) != "avant le kill":
                failure = "the edit made before the run was lost"
        again = align(args, cwd=folder)
        failure = failure or done(again) or leftovers(out) or readable(target)
        if command == "run" and not failure and note_of(target, entity) != "avant le kill":
            failure = "the edit was lost by the run after the kill"
        v.check(f"kill -9 at {fraction:.0%}", failure)

    return play


# --------------------------------------------------------------------------------------------
# Item 3: --output never over an input, the glossary, or another output.


def _output_over(kind: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        fr, en = write(folder / "fr.txt", FRENCH), write(folder / "en.txt", ENGLISH)
        pair = ["pair", fr, en, "--presplit"]
        if kind.startswith("check"):
            g = glossary_copy(align, folder)
            check = ["check", fr, "--glossary", g]
        if kind == "pair over the French input":
            args, target = [*pair, "--output", fr], fr
        elif kind == "pair over the English input":
            args, target = [*pair, "--output", en], en
        elif kind == "pair over a hard link to the French input":
            os.link(fr, folder / "link.txt")
            args, target = [*pair, "--output", folder / "link.txt"], fr
        elif kind == "pair over a symbolic link to the English input":
            os.symlink(en, folder / "sym.txt")
            args, target = [*pair, "--output", folder / "sym.txt"], en
        elif kind == "pair over the input, spelled another way":
            args, target = [*pair, "--output", "./sub/../fr.txt"], fr
            (folder / "sub").mkdir()
        elif kind == "pair --format xlsx over the input":
            args, target = [*pair, "--format", "xlsx", "--output", fr], fr
        elif kind == "check --format xlsx over the glossary":
            args, target = [*check, "--format", "xlsx", "--output", g], g
        elif kind == "check over its draft":
            args, target = [*check, "--output", fr], fr
        elif kind == "check over a symbolic link to the glossary":
            os.symlink(g, folder / "g-link.xlsx")
            args, target = [*check, "--format", "xlsx", "--output", folder / "g-link.xlsx"], g
        elif kind == "check over a document of the input folder":
            drafts = folder / "drafts"
            drafts.mkdir()
            target = write(drafts / "b.txt", FRENCH)
            args = ["check", drafts, "--glossary", g, "--output", target]
        elif kind == "run over its own export named as input":
            _, out, _ = first_run(align, folder)
            target = out / "alignment.tmx"
            args = ["run", target, "--out", out]
        else:
            raise ValueError(kind)
        before = target.read_bytes()
        o = align(args, cwd=folder)
        kept = None if target.read_bytes() == before else f"{target.name} was overwritten"
        v.check(kind, first(kept, refused(o, 2, "--o")))

    return play


OUTPUT_KINDS = (
    "pair over the French input",
    "pair over the English input",
    "pair over a hard link to the French input",
    "pair over a symbolic link to the English input",
    "pair over the input, spelled another way",
    "pair --format xlsx over the input",
    "check --format xlsx over the glossary",
    "check over its draft",
    "check over a symbolic link to the glossary",
    "check over a document of the input folder",
    "run over its own export named as input",
)


def _output_nowhere(kind: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        fr, en = write(folder / "fr.txt", FRENCH), write(folder / "en.txt", ENGLISH)
        blocker = write(folder / "afile", "x")
        if kind == "pair into a missing folder":
            args: list[str | Path] = ["pair", fr, en, "--presplit", "-o", folder / "no/such/l.tsv"]
        elif kind == "pair under a file":
            args = ["pair", fr, en, "--presplit", "-o", blocker / "l.tsv"]
        elif kind == "check into a missing folder":
            g = glossary_copy(align, folder)
            args = ["check", fr, "--glossary", g, "--format", "json", "-o", folder / "no/r.json"]
        else:
            args = ["pair", fr, en, "--presplit", "--format", "xlsx", "-o", folder / "no/l.xlsx"]
        o = align(args, cwd=folder)
        made = (folder / "no").exists()
        v.check(kind, first("a folder was made" if made else None, refused(o, 3, str(folder))))

    return play


# --------------------------------------------------------------------------------------------
# Item 11: control characters in file names; item 12: full disks and `ulimit -f`.

ODD_NAMES = {
    "a control character": "fr\x01.txt",
    "a terminal escape": "fr\x1b[31m.txt",
    "a line break": "fr\nsuite.txt",
    "a tab": "fr\tb.txt",
    "a carriage return": "fr\rb.txt",
    "a right-to-left override": "fr\u202etxt.exe.txt",
    "a delete character": "fr\x7f.txt",
    "bytes that are not UTF-8": os.fsdecode(b"fr\xff\xfe.txt"),
    "a colon and a space": "fr: b.txt",
}


def _odd_name(label: str, command: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        docs = folder / "docs"
        docs.mkdir()
        odd = write(docs / ODD_NAMES[label], FRENCH)
        write(docs / "en.txt", ENGLISH)
        if command == "run":
            out = folder / "out"
            o = align(["run", docs, "--out", out], cwd=folder)
            missing = [n for n in EXPORTS if not (out / n).exists()]
            failure = first(
                done(o),
                f"missing exports {missing}" if missing else None,
                None if missing else valid_alignment(out / "alignment.xlsx"),
            )
        elif command == "detect":
            o = align(["detect", odd], cwd=folder)
            lines = o.stdout.splitlines()
            failure = first(
                done(o),
                None if len(lines) == FRENCH.count("\n") else f"{len(lines)} output lines",
                None if all(line.startswith(str(docs)) for line in lines) else "lines split",
            )
        else:
            o = align(["detect", odd, "--format", "json"], cwd=folder)
            failure = done(o) or json_array(o.stdout)
        v.check(f"{command}: {label}", failure)

    return play


def valid_alignment(path: Path) -> str | None:
    try:
        openpyxl.load_workbook(path)
    except Exception as err:
        return f"alignment.xlsx unreadable ({type(err).__name__})"
    return None


def json_array(text: str) -> str | None:
    try:
        value = json.loads(text)
    except ValueError as err:
        return f"not JSON: {err}"
    return None if isinstance(value, list) else "not a JSON array"


def _size_limited(kind: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        french, english = parallel_lines(60, seed=5)  # distinct: copies are set aside
        fr, en = write(folder / "fr.txt", french), write(folder / "en.txt", english)
        target = folder / f"links.{kind}"
        if kind in ("tsv", "json", "tmx", "xlsx"):
            args: list[str | Path] = ["pair", fr, en, "--presplit", "--format", kind, "-o", target]
        else:
            g = glossary_copy(align, folder)
            # Off-glossary spellings, so that the report has findings to write.
            write(fr, french.replace("Steve Witkoff", "Steve Whitkoff"))
            fmt = kind.split()[-1]
            target = folder / f"report.{fmt}"
            args = ["check", fr, "--glossary", g, "--format", fmt, "-o", target]
        o = align(args, cwd=folder, fsize=2000)
        left = [
            p.name
            for p in folder.iterdir()
            if p.name.startswith(".") and not p.name.startswith(STORE_FILE)
        ]
        # The line names the output, or the temporary folder a workbook is built in (and TMPDIR).
        names = o.lines[0] if len(o.lines) == 1 else ""
        where = target.name if target.name in names or "TMPDIR" not in names else "TMPDIR"
        failure = first(
            refused(o, 3, where),
            f"{target.name} written in part" if target.exists() else None,
            f"left behind: {left}" if left else None,
        )
        v.check(f"ulimit -f: {kind}", failure)

    return play


def _run_size_limited(after_glossary: bool) -> Callable[[Align, Path, Verdicts], None]:
    """`align run` when the disk fills: every previous export intact, no mix of new and old."""

    def play(align: Align, folder: Path, v: Verdicts) -> None:
        french, english = parallel_lines(120, seed=7)
        docs = corpus(folder / "new", french, english)
        trial = folder / "trial"
        o = align(["run", docs, "--out", trial], cwd=folder)
        if done(o):
            raise RuntimeError(f"trial run failed: {o.brief()}")
        sizes = {n: (trial / n).stat().st_size for n in EXPORTS}
        glossary_side = max(sizes[n] for n in EXPORTS[:3])
        if after_glossary:
            limit = glossary_side + 1
            if limit > max(sizes.values()):
                raise RuntimeError(f"no export after the glossary is larger: {sizes}")
        else:
            limit = 1000
        _, out, _ = first_run(align, folder)
        before = snapshot(out)
        o = align(["run", docs, "--out", out], cwd=folder, fsize=limit)
        v.check(
            "disk full after glossary.xlsx" if after_glossary else "disk full at once",
            first(refused(o, 3), same_as(before, out), leftovers(out)),
        )

    return play


def _stdout_size_limited(align: Align, folder: Path, v: Verdicts) -> None:
    fr = write(folder / "fr.txt", FRENCH * 10)
    o = align(["detect", fr], cwd=folder, fsize=1000)
    v.check("ulimit -f on detect's standard output", first(broken(o), done(o, 3)))


def _no_tmpdir(align: Align, folder: Path, v: Verdicts) -> None:
    docs, out, _ = first_run(align, folder)
    o = align(["run", docs, "--out", out], cwd=folder, env={"TMPDIR": str(folder / "gone")})
    v.check("TMPDIR missing", first(done(o), leftovers(out)))


# --------------------------------------------------------------------------------------------
# Broken workbooks (the issue: 20 kinds held) and smaller items.


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def _rezip(parts: dict[str, bytes]) -> bytes:
    return hostile.package(parts.items())


def _retitled(data: bytes, old: bytes, new: bytes) -> bytes:
    parts = _parts(data)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(old, new)
    return _rezip(parts)


def _header_renamed(data: bytes) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["Entities"]["A1"] = "identifiant"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _duplicate_ids(data: bytes) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Entities"]
    sheet.append([c.value for c in sheet[2]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _without(data: bytes, part: str) -> bytes:
    return _rezip({n: d for n, d in _parts(data).items() if n != part})


BROKEN_WORKBOOKS: dict[str, Callable[[bytes], bytes]] = {
    "empty file": lambda d: b"",
    "plain text": lambda d: b"entity_id;variant\nper-x;X\n",
    "random bytes": lambda d: random.Random(3).randbytes(4000),
    "cut in half": lambda d: d[: len(d) // 2],
    "missing Entities sheet part": lambda d: _without(d, "xl/worksheets/sheet1.xml"),
    "missing Variants sheet part": lambda d: _without(d, "xl/worksheets/sheet2.xml"),
    "missing workbook.xml": lambda d: _without(d, "xl/workbook.xml"),
    "missing content types": lambda d: _without(d, "[Content_Types].xml"),
    "corrupt deflate": lambda d: hostile.corrupt_deflate(d, "xl/worksheets/sheet1.xml"),
    "Entities sheet renamed": lambda d: _retitled(d, b'name="Entities"', b'name="Entites"'),
    "Variants sheet renamed": lambda d: _retitled(d, b'name="Variants"', b'name="Formes"'),
    "header renamed": _header_renamed,
    "duplicate entity ids": _duplicate_ids,
    "a .docx renamed": lambda d: VALID_DOCX,
    "an .xls (OLE2)": lambda d: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000,
    "a DTD": lambda d: hostile.xlsx_with_sheet(b"<row/>", b'<!DOCTYPE x [<!ENTITY a "b">]>'),
    "300 levels deep": lambda d: hostile.xlsx_with_sheet(
        b"<row><c><is>" + b"<r>" * 300 + b"</r>" * 300 + b"</is></c></row>"
    ),
    "sparse to column XFD": lambda d: cached("sparse", lambda: hostile.sparse_xlsx(20_000)),
    "120 MB of text inside": lambda d: cached("xbomb", lambda: hostile.xlsx_of_text(120)),
    "sheet declares 1 KB, holds more": lambda d: hostile.lying_sizes(
        d, 100, "xl/worksheets/sheet1.xml"
    ),
}


def _broken_workbook(kind: str, command: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        g = glossary_copy(align, folder)
        write(g, BROKEN_WORKBOOKS[kind](g.read_bytes()))
        fr = write(folder / "fr.txt", FRENCH)
        if command == "check":
            o = align(["check", fr, "--glossary", g], cwd=folder)
            v.check(f"check: {kind}", refused(o, 3, str(g)))
            return
        out = folder / "out"  # made by glossary_copy's first run
        shutil.copy(g, out / "glossary.xlsx")
        before = snapshot(out)
        o = align(["run", fr, "--out", out], cwd=folder)
        v.check(
            f"run: {kind}",
            first(refused(o, 3, str(out / "glossary.xlsx")), same_as(before, out)),
        )

    return play


def _tbx_lang(typed: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        docs, out, _ = first_run(align, folder)
        where: list[tuple[object, object]] = []

        def edit(e: Sheet, x: Sheet) -> None:
            n = _pick(x, lambda n: x.get(n, "kind") != "canonical")
            x.set(n, "lang", typed)
            x.set(n, "status", "approved")
            where.append((x.get(n, "entity_id"), x.get(n, "variant")))

        edit_workbook(out / "glossary.xlsx", edit)
        o = align(["run", docs, "--out", out], cwd=folder)
        failure = done(o)
        if not failure:
            tbx = (out / "glossary.tbx").read_text(encoding="utf-8")
            tags = set(re.findall(r'xml:lang="([^"]*)"', tbx))
            bad = sorted(t for t in tags if not _LANGUAGE_TAG.fullmatch(t))
            kept = [
                r["lang"]
                for r in rows(out / "glossary.xlsx", "Variants")
                if (r["entity_id"], r["variant"]) == where[0]
            ]
            # Kept as typed, or as the code it unambiguously stands for (fr_FR → fr: the
            # documented reading of a lang cell, glossary/workbook/languages.py).
            meant = {typed.strip().casefold(), lang_code(typed) or typed.strip().casefold()}
            failure = first(
                f"xml:lang {bad} in the TBX" if bad else None,
                None
                if meant & {str(k).strip().casefold() for k in kept}
                else f"lang cell typed {typed!r} now {kept}",
            )
        v.check(f"lang typed {typed!r}", failure)

    return play


def _script(label: str, line: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        path = write(folder / "doc.txt", f"{line}\n{FRENCH.splitlines()[0]}\n")
        o = align(["detect", path, "--format", "json"], cwd=folder)
        failure = done(o) or json_array(o.stdout)
        if not failure:
            first_line = [s for s in json.loads(o.stdout) if s["line_start"] == 1]
            labels = sorted({s["lang"] for s in first_line})
            failure = None if not {"fr", "en"} & set(labels) else f"labelled {labels}"
        v.check(label, failure)

    return play


def _utf16(label: str, encoding: str, command: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        path = folder / "fr.txt"
        path.write_bytes(FRENCH.encode(encoding))
        if command == "detect":
            o = align(["detect", path, "--format", "json"], cwd=folder)
            failure = done(o) or json_array(o.stdout)
            if not failure:
                langs = {s["lang"] for s in json.loads(o.stdout)}
                failure = None if langs == {"fr"} else f"languages {langs}"
        elif command == "pair":
            en = write(folder / "en.txt", ENGLISH)
            o = align(["pair", path, en, "--presplit"], cwd=folder)
            lines = o.stdout.splitlines()
            failure = done(o) or (None if len(lines) == 7 else f"{len(lines)} links")
        else:
            g = glossary_copy(align, folder)
            o = align(["check", path, "--glossary", g], cwd=folder)
            failure = done(o, 0, 1)
        v.check(f"{command}: {label}", failure)

    return play


def _binary(align: Align, folder: Path, v: Verdicts) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    png = write(folder / "image.txt", data)
    o = align(["detect", png], cwd=folder)
    v.check("a PNG named .txt is still binary", refused(o, 3, str(png), "binary"))


def _hostile_folder(command: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        docs = corpus(folder)
        bad = {k: write(docs / f"{i:02d}.docx", b()) for i, (k, b) in enumerate(DOCX_KINDS.items())}
        if command == "detect":
            o = align(["detect", docs], cwd=folder)
            read = "fr.txt" in o.stdout and "en.txt" in o.stdout
        else:
            out = folder / "out"
            o = align(["run", docs, "--out", out], cwd=folder)
            read = all((out / n).exists() for n in EXPORTS)
        warned = [p for p in bad.values() if not any(str(p) in line for line in o.lines)]
        failure = first(
            done(o),
            f"no warning for {[p.name for p in warned]}" if warned else None,
            None if read else "the good documents were not read",
        )
        v.check(f"{command}: a folder with every kind of broken .docx", failure)

    return play


DOCX_KINDS: dict[str, Callable[[], bytes]] = {
    "billion laughs": lambda: hostile.billion_laughs(12),
    "entity amplification": lambda: hostile.entity_amplification(10**5, 10**4),
    "external entity": lambda: hostile.external_entity(),
    "5,000-deep tables": lambda: hostile.nested_tables(5000),
    "a missing end tag": hostile.missing_end_tag,
    "a broken zip": lambda: b"PK\x03\x04" + b"\x00" * 100,
    "corrupt deflate": lambda: hostile.corrupt_deflate(VALID_DOCX, "word/document.xml"),
    "plain text named .docx": lambda: FRENCH.encode(),
    "no document.xml": _no_document_xml,
    "120 MB of text inside": lambda: cached("dbomb", lambda: hostile.docx_of_text(120)),
    "declares 100 bytes, holds 3 MB": lambda: hostile.lying_sizes(hostile.docx_of_text(3), 100),
}


def _xxe_not_resolved(align: Align, folder: Path, v: Verdicts) -> None:
    secret = write(folder / "secret.txt", "MOT DE PASSE SECRET")
    doc = write(folder / "cv.docx", hostile.external_entity(secret.as_uri()))
    o = align(["detect", doc], cwd=folder)
    leaked = "MOT DE PASSE" in o.stdout + o.stderr
    v.check(
        "XXE in .docx never resolved", first("leaked" if leaked else None, refused(o, 3, "cv.docx"))
    )


def _fuzzed(command: str, seed: int) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        rng = random.Random(seed)
        if command == "check":
            g = glossary_copy(align, folder)
            write(g, mutate(g.read_bytes(), rng))
            o = align(["check", write(folder / "fr.txt", FRENCH), "--glossary", g], cwd=folder)
        elif command == "detect":
            doc = write(folder / "doc.docx", mutate(VALID_DOCX, rng))
            o = align(["detect", doc], cwd=folder)
        else:
            fr = write(folder / "fr.txt", mutate(FRENCH.encode("utf-8"), rng))
            en = write(folder / "en.html", mutate(f"<p>{ENGLISH}</p>".encode(), rng))
            o = align(["pair", fr, en], cwd=folder)
        v.check(f"{command} seed {seed}", clean(o))

    return play


def mutate(data: bytes, rng: random.Random) -> bytes:
    """`data` with a few bytes overwritten, inserted or cut."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not out:
            break
        at = rng.randrange(len(out))
        action = rng.choice(["set", "insert", "cut"])
        if action == "set":
            out[at] = rng.randrange(256)
        elif action == "insert":
            out[at:at] = rng.randbytes(rng.randint(1, 16))
        else:
            del out[at : at + rng.randint(1, 64)]
    return bytes(out)


# Language detection reads about 0.15 MB/s on an idle machine (README, Known limits) and several
# times less on this shared one: inputs it can read within the limit, every sentence sharing
# names, places and months with many on the other side (candidate pairs from shared evidence).
COMPARABLE_BYTES = 200_000


def _comparable(kind: str) -> Callable[[Align, Path, Verdicts], None]:
    def play(align: Align, folder: Path, v: Verdicts) -> None:
        if kind == "pair":
            fr = write(folder / "fr.txt", comparable_text(COMPARABLE_BYTES, 1, "fr"))
            en = write(folder / "en.txt", comparable_text(COMPARABLE_BYTES, 2, "en"))
            o = align(["pair", fr, en, "--mode", "comparable"], cwd=folder, limit=600)
        else:
            docs = folder / "docs"
            docs.mkdir()
            for i in range(10):
                lang = "fr" if i % 2 == 0 else "en"
                write(
                    docs / f"{i}_{lang}.txt", comparable_text(COMPARABLE_BYTES // 5, 10 + i, lang)
                )
            o = align(["run", docs, "--out", folder / "out"], cwd=folder, limit=600)
        v.check(kind, done(o))

    return play


# --------------------------------------------------------------------------------------------
# The catalogue.


def _long_word(folder: Path) -> str:
    text = FRENCH + "a" * 1_000_000 + "\n" + FRENCH
    return str(write(folder / "word.txt", text))


def _html(name: str, body: str) -> Callable[[Path], str]:
    return lambda folder: str(write(folder / name, body))


def _endless_fifo(folder: Path) -> str:
    path = fifo(folder / "fifo.txt")
    endless_writer(path)
    return str(path)


def _catalogue() -> list[Scenario]:
    s: list[Scenario] = []
    s.append(
        Scenario("1", "formulas typed in an added sheet", _formulas_in_an_added_sheet,
                 tuple(f"{t!r} typed as text" for t in FORMULAS))
    )  # fmt: skip
    for fraction in (0.05, 0.3, 0.5, 0.7, 0.85, 0.95):
        s.append(Scenario("2", f"edit saved at {fraction:.0%}", _edit_during_the_run(fraction)))
    for i, fraction in enumerate((0.05, 0.3, 0.5, 0.7, 0.85, 0.95)):
        lock = ("~$glossary.xlsx", ".~lock.glossary.xlsx#")[i % 2]
        s.append(Scenario("2", f"lock at {fraction:.0%}", _lock_during_the_run(fraction, lock)))
    for kind in OUTPUT_KINDS:
        s.append(Scenario("3", kind, _output_over(kind)))
    for count, stagger in ((2, 0.0), (2, 0.5), (2, 2.0), (3, 0.3)):
        s.append(Scenario("4", f"{count} runs {stagger} s apart", _concurrent(count, stagger)))
    for label, edit, promise in EDITS:
        s.append(Scenario("5", label, _two_reruns(edit, promise)))
    device = "is a device"
    limit = "over the 50 MB limit"
    s += refusal("6", "/dev/zero", lambda f: "/dev/zero", device)
    s += refusal("6", "/dev/urandom", lambda f: "/dev/urandom", device)
    s += refusal("6", "/dev/null", lambda f: "/dev/null", device, ("detect", "check"))
    s += refusal("6", "endless standard input", lambda f: "-", limit, stdin="yes")
    s += refusal("6", "a silent named pipe", lambda f: str(fifo(f / "fifo.txt")), "named pipe")
    s += refusal("6", "an endless named pipe", _endless_fifo, limit)
    s += refusal("6", "a 60 MB sparse file", lambda f: str(sparse(f / "big.txt", 60 * MB)), limit)
    s += refusal(
        "7", "a .docx with 120 MB of text",
        lambda f: str(write(f / "bomb.docx", DOCX_KINDS["120 MB of text inside"]())),
        "over the 100 MB limit",
    )  # fmt: skip
    s += refusal(
        "7", "a .docx declaring less than it holds",
        lambda f: str(write(f / "lie.docx", DOCX_KINDS["declares 100 bytes, holds 3 MB"]())),
        "does not hold what the zip says",
    )  # fmt: skip
    s += finishes("8", "a million-letter word", _long_word)
    big = 5 * MB
    for name, body in (
        ("an unclosed comment", "<p>Bonjour</p><!-- " + "a " * (big // 2)),
        ("an unclosed attribute quote", '<p title="' + "a " * (big // 2)),
        ("an unclosed tag", "<p " + "a=b " * (big // 4)),
        ("100,000 unclosed divs", "<div>" * 100_000 + "Bonjour"),
        ("an unclosed CDATA", "<p>Bonjour</p><![CDATA[" + "a " * (big // 2)),
    ):
        s += finishes("8", f"5 MB of HTML with {name}", _html("page.html", body), ("detect",))
    s.append(Scenario("9", "pair --mode comparable, 200 kB each side", _comparable("pair")))
    s.append(Scenario("9", "run over 10 files of 40 kB", _comparable("run")))
    for kind, build in DOCX_KINDS.items():
        if "120 MB" in kind or "declares" in kind:
            continue
        s += refusal("10", f".docx: {kind}", lambda f, b=build: str(write(f / "r.docx", b())), "")
    s.append(Scenario("10", "XXE", _xxe_not_resolved))
    for command in ("detect", "run"):
        s.append(Scenario("10", f"{command}: hostile .docx in a folder", _hostile_folder(command)))
    for label in ODD_NAMES:
        s.append(Scenario("11", f"detect: {label}", _odd_name(label, "detect")))
    for label in ("a control character", "a line break", "a terminal escape",
                  "bytes that are not UTF-8", "a right-to-left override"):  # fmt: skip
        s.append(Scenario("11", f"run: {label}", _odd_name(label, "run")))
    for label in ("a line break", "a tab", "a control character"):
        s.append(Scenario("11", f"json: {label}", _odd_name(label, "json")))
    for kind in ("tsv", "json", "tmx", "xlsx", "check xlsx", "check json"):
        s.append(Scenario("12", f"ulimit -f {kind}", _size_limited(kind)))
    s.append(Scenario("12", "run: disk full at once", _run_size_limited(False)))
    s.append(Scenario("12", "detect: ulimit -f on stdout", _stdout_size_limited))
    s.append(Scenario("12", "run: TMPDIR missing", _no_tmpdir))
    s.append(Scenario("smaller", "run: disk full after glossary.xlsx", _run_size_limited(True)))
    for fraction in (0.2, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.1):
        s.append(
            Scenario("smaller", f"run killed at {fraction:.0%}", _kill_during("run", fraction))
        )
    for fraction in (0.5, 0.8, 0.95):
        s.append(
            Scenario("smaller", f"pair killed at {fraction:.0%}", _kill_during("pair", fraction))
        )
    for typed in ("français de France", "FR", "fr_FR", "f", " en "):
        s.append(Scenario("smaller", f"TBX lang {typed!r}", _tbx_lang(typed)))
    for label, line in (
        ("an Arabic line", "وصل يوري أوشاكوف إلى موسكو في الثاني عشر من فبراير."),
        ("a Hebrew line", "יורי אושקוב הגיע למוסקבה בשנים עשר בפברואר."),
        ("a Persian line", "یوری اوشاکوف در دوازدهم فوریه به مسکو رسید."),
    ):
        s.append(Scenario("smaller", label, _script(label, line)))
    for kind in ("pair into a missing folder", "pair under a file",
                 "check into a missing folder", "pair xlsx into a missing folder"):  # fmt: skip
        s.append(Scenario("smaller", kind, _output_nowhere(kind)))
    for label, encoding, command in (
        ("UTF-16 LE without BOM", "utf-16-le", "detect"),
        ("UTF-16 BE without BOM", "utf-16-be", "detect"),
        ("UTF-16 LE without BOM", "utf-16-le", "pair"),
        ("UTF-16 BE without BOM", "utf-16-be", "check"),
    ):
        s.append(Scenario("smaller", f"{command}: {label}", _utf16(label, encoding, command)))
    s.append(Scenario("smaller", "binary still binary", _binary))
    for kind in BROKEN_WORKBOOKS:
        for command in ("check", "run"):
            s.append(
                Scenario("held", f"{command}: workbook {kind}", _broken_workbook(kind, command))
            )
    for seed in range(12):
        for command in ("detect", "check", "pair"):
            s.append(Scenario("fuzz", f"{command} fuzz {seed}", _fuzzed(command, seed)))
    return s


SCENARIOS = _catalogue()
