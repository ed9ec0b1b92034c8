"""Bounded inputs: bytes read from files, standard input, pipes and devices; .docx and .xlsx
packages checked for size, depth and DTDs before parsing; each refusal one line naming the file
and the limit, exit 3; inside a folder the file is skipped with a warning."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import hostile
import pytest
from typer.testing import CliRunner

from align.cli import app
from align.errors import BadInputError
from align.readers import files, html
from align.readers.docx import docx_document
from align.readers.files import read_capped, read_file, read_paths
from glossary.errors import GlossaryError
from glossary.workbook import read_workbook
from glossary.ziplimits import ZipLimits

KIB = 1024


@pytest.fixture(autouse=True)
def shared_detector(detector: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("align.text.language.build_detector", lambda *a, **k: detector)


class EndlessStream(io.RawIOBase):
    """Standard input that never ends (`yes | align detect -`), counting what is read of it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        view[:] = b"y" * len(view)
        self.given += len(view)
        return len(view)


def test_endless_standard_input_is_refused_after_reading_no_more_than_the_limit() -> None:
    stream = EndlessStream()
    with pytest.raises(BadInputError, match=r"<stdin>: is over the 64 bytes limit"):
        read_paths(["-"], stdin=io.BufferedReader(stream), max_bytes=64)
    assert stream.given <= 64 + io.DEFAULT_BUFFER_SIZE


def test_a_stream_at_the_limit_is_read_whole() -> None:
    assert read_capped(io.BytesIO(b"x" * 64), "<stdin>", 64) == b"x" * 64


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_being_read(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    with pytest.raises(BadInputError, match=rf"{device}: is a device or a socket, not a document"):
        read_file(Path(device))


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_a_named_pipe_nothing_writes_to_is_refused_instead_of_waiting_forever(
    fifo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "FIFO_WAIT_SECONDS", 0)
    with pytest.raises(BadInputError, match=r"pipe\.txt: is a named pipe nothing wrote to"):
        read_file(fifo)


def test_a_named_pipe_is_read_up_to_the_limit(fifo: Path) -> None:
    def write(data: bytes) -> None:
        with open(fifo, "wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=write, args=(b"Bonjour Moscou.",))
    writer.start()
    assert read_file(fifo).text == "Bonjour Moscou."
    writer.join()
    writer = threading.Thread(target=write, args=(b"x" * 5000,))
    writer.start()
    with pytest.raises(BadInputError, match="over the 1024 bytes limit"):
        read_file(fifo, max_bytes=KIB)
    writer.join()


def test_a_file_over_the_limit_is_refused_through_the_cli_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(files.MAX_BYTES + 1)  # sparse: costs no disk
    result = CliRunner().invoke(app, ["detect", str(big)])
    assert result.exit_code == 3
    limit = "file is 50 MB, over the 50 MB limit; split it into smaller files"
    assert result.stderr == f"align: error: {big}: {limit}\n"


# (builder, what the one line says)
HOSTILE_DOCX: list[tuple[Callable[[], bytes], str]] = [
    (hostile.billion_laughs, "declares a DTD"),
    (hostile.entity_amplification, "declares a DTD"),
    (hostile.external_entity, "declares a DTD"),
    (lambda: hostile.nested_tables(5000), "nests elements more than 128 levels deep"),
    (lambda: hostile.docx_of_text(3), "holds 3 MB once unzipped, over the 2 MB limit"),
    (lambda: hostile.lying_sizes(hostile.docx_of_text(1), 10**9), "over the 2 MB limit"),
    (lambda: hostile.lying_sizes(hostile.docx_of_text(1), 100), "does not hold what the zip says"),
    (hostile.missing_end_tag, "not a readable .docx (XMLSyntaxError"),
    (lambda: b"PK\x03\x04" + b"\x00" * 100, "not a readable .docx"),
]
HOSTILE_IDS = [
    "billion laughs",
    "entity amplification",
    "external entity",
    "5000-deep tables",
    "zip bomb",
    "declares more than it holds",
    "holds more than it declares",
    "missing end tag",
    "broken zip",
]
SMALL = ZipLimits(max_unzipped=2 * 1024 * KIB)


@pytest.mark.parametrize(("build", "message"), HOSTILE_DOCX, ids=HOSTILE_IDS)
def test_a_hostile_docx_is_refused_naming_the_file_and_the_limit(
    build: Callable[[], bytes], message: str
) -> None:
    with pytest.raises(BadInputError) as info:
        docx_document(build(), "report.docx", limits=SMALL)
    assert str(info.value).startswith("report.docx: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_an_external_entity_in_a_docx_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT DE PASSE", encoding="utf-8")
    with pytest.raises(BadInputError) as info:
        docx_document(hostile.external_entity(secret.as_uri()), "cv.docx")
    assert "MOT DE PASSE" not in str(info.value)


@pytest.mark.parametrize(
    ("build", "message"),
    [(b, m) for b, m in HOSTILE_DOCX if "MB" not in m],
    ids=[i for i, (_, m) in zip(HOSTILE_IDS, HOSTILE_DOCX, strict=True) if "MB" not in m],
)
def test_a_hostile_docx_named_on_the_command_line_is_one_line_and_exit_3(
    tmp_path: Path, build: Callable[[], bytes], message: str
) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(build())
    result = CliRunner().invoke(app, ["detect", str(path)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"align: error: {path}: ")
    assert message in result.stderr


def test_a_hostile_docx_inside_a_folder_is_skipped_and_the_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(hostile.billion_laughs())
    (tmp_path / "b.docx").write_bytes(hostile.nested_tables(5000))
    (tmp_path / "c.docx").write_bytes(hostile.missing_end_tag())
    (tmp_path / "d.txt").write_text("Iouri Ouchakov est arrivé à Moscou.", encoding="utf-8")
    result = CliRunner().invoke(app, ["detect", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert [line.split(": ")[2] for line in warnings] == [
        str(tmp_path / name) for name in ("a.docx", "b.docx", "c.docx")
    ]
    assert all("skipped" in line for line in warnings)
    assert "d.txt" in result.stdout


def test_tables_nested_within_the_limit_are_read() -> None:
    assert docx_document(hostile.nested_tables(20), "deep.docx").text == "Au fond."


def test_each_docx_paragraph_records_where_it_is_in_word() -> None:
    body = hostile.paragraphs(["Premier.", "", "Troisième."]) + (
        b"<w:tbl><w:tr><w:tc>"
        + hostile.paragraphs(["A1"])
        + b"</w:tc><w:tc>"
        + hostile.paragraphs(["B1", "B1 bis"])
        + b"</w:tc></w:tr><w:tr><w:tc>"
        + hostile.paragraphs(["A2"])
        + b"</w:tc></w:tr></w:tbl>"
    )
    doc = docx_document(hostile.docx_with_body(body), "t.docx")
    found = [
        (doc.text[p.start :].split("\n\n")[0], p.paragraph, p.table, p.row, p.cell)
        for p in doc.places
    ]
    assert found == [
        ("Premier.", 1, None, None, None),
        ("Troisième.", 3, None, None, None),
        ("A1", 4, 1, 1, 1),
        ("B1", 5, 1, 1, 2),
        ("B1 bis", 6, 1, 1, 2),
        ("A2", 7, 1, 2, 1),
    ]
    offset = doc.text.index("bis")
    assert str(doc.place_of(offset)) == "paragraph 6 (table 1, row 1, cell 2)"


def test_documents_not_read_from_docx_have_no_word_places() -> None:
    assert read_paths(["-"], stdin=io.BytesIO(b"Bonjour.")).documents[0].place_of(0) is None


# (workbook bytes, what the one line says)
HOSTILE_XLSX = [
    (lambda: hostile.sparse_xlsx(1000), "spreads over more than 10,000,000 cells"),
    (lambda: hostile.xlsx_of_text(101), "over the 100 MB limit"),
    (
        lambda: hostile.xlsx_with_sheet(
            b"<row><c><v>1</v></c></row>", b'<!DOCTYPE x [<!ENTITY a "b">]>'
        ),
        "declares a DTD",
    ),
    (
        lambda: hostile.xlsx_with_sheet(
            b"<row><c><is>" + b"<r>" * 300 + b"</r>" * 300 + b"</is></c></row>"
        ),
        "nests elements more than 128 levels deep",
    ),
]


@pytest.mark.parametrize(
    ("build", "message"), HOSTILE_XLSX, ids=["sparse", "3 GB inside", "DTD", "deep"]
)
def test_a_hostile_workbook_is_refused_before_openpyxl_reads_it(
    tmp_path: Path, build: Callable[[], bytes], message: str
) -> None:
    path = tmp_path / "glossary.xlsx"
    path.write_bytes(build())
    with pytest.raises(GlossaryError) as info:
        read_workbook(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)
    draft = tmp_path / "draft.txt"
    draft.write_text("Iouri Ouchakov est à Moscou.", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft), "--glossary", str(path)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_a_reader_failing_unexpectedly_on_one_file_of_a_folder_skips_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.html").write_text("<p>Bonjour</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Iouri Ouchakov est arrivé à Moscou.", encoding="utf-8")

    def broken(text: str) -> tuple[str, tuple[int, ...]]:
        raise TypeError("a bug")

    monkeypatch.setattr(html, "page_text", broken)  # loaded by the reader when a page comes
    result = read_paths([str(tmp_path)])
    assert [Path(d.source).name for d in result.documents] == ["b.txt"]
    assert (
        result.skipped[0].reason
        == "could not be read (unexpected TypeError: a bug); please report it"
    )


def _package_of(size: int, *, random_text: bool) -> bytes:
    """A one-part zip of `size` bytes: random letters (about 2x compression) or one letter."""
    import random

    rng = random.Random(size)
    text = (
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(size))
        if random_text
        else "a" * size
    )
    return hostile.package([("xl/media/data.bin", text.encode())])


# (bytes inside, how they compress, refused with, or None when read)
RATIO_LIMITS = ZipLimits(max_unzipped=256 * KIB, max_ratio=10, max_total=1024 * KIB)
PACKAGES_PAST_THE_FLOOR = [
    (200 * KIB, False, None),  # under the floor: any ratio
    (600 * KIB, True, None),  # past it, but inflating about twice: an honest big package
    (600 * KIB, False, "over the 0 MB limit (past it"),  # past it, inflating a thousand times
    (1200 * KIB, True, "over the 1 MB limit"),  # past the ceiling, whatever its ratio
]


@pytest.mark.parametrize(("size", "random_text", "refused"), PACKAGES_PAST_THE_FLOOR)
def test_a_big_package_is_read_when_it_inflates_like_a_document_not_like_a_bomb(
    size: int, random_text: bool, refused: str | None
) -> None:
    from glossary.ziplimits import check_package

    data = _package_of(size, random_text=random_text)
    if refused is None:
        check_package(data, "big.xlsx", kind=".xlsx", limits=RATIO_LIMITS)
        return
    with pytest.raises(GlossaryError) as info:
        check_package(data, "big.xlsx", kind=".xlsx", limits=RATIO_LIMITS, error=GlossaryError)
    assert str(info.value).startswith("big.xlsx: ") and refused in str(info.value)
