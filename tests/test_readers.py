from __future__ import annotations

import codecs
import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.errors import BadInputError
from align.readers.encoding import decode_bytes
from align.readers.files import decode_document, read_file, read_paths

FRENCH = "Iouri Ouchakov s’est rendu à Moscou en février.\nDeuxième ligne, déjà là."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("utf-16"), "utf-16"),
        (FRENCH.replace("’", "'").encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM", "cp1252"],
)
def test_each_supported_encoding_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data, "doc.txt")
    assert text.replace("’", "'") == FRENCH.replace("’", "'")
    assert found == encoding


def test_crlf_and_decomposed_accents_are_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Café\r\nÉté\rfin")
    doc = decode_document(decomposed.encode("utf-8"), "x.txt")
    assert doc.text == "Café\nÉté\nfin"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\n\t ", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
    ids=["empty", "blank", "png", "control bytes"],
)
def test_unusable_bytes_are_bad_input_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(BadInputError) as info:
        decode_document(data, "notes/bad.txt")
    assert str(info.value).startswith("notes/bad.txt: ")
    assert message in str(info.value)
    assert info.value.exit_code == 3


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("a" * 5000)
    with pytest.raises(BadInputError, match=r"over the .* limit; split it"):
        read_file(big, max_bytes=1024 * 1024 // 1024)


def test_an_unreadable_file_named_explicitly_is_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("texte")
    original = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(
        BadInputError, match=r"locked\.txt: permission denied; make the file readable"
    ):
        read_paths([str(locked)])


def test_a_folder_skips_its_unreadable_file_and_keeps_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "b.txt").write_text("Bonjour Moscou.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("Hello Moscow.")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    result = read_paths([str(tmp_path)])
    assert [Path(d.source).name for d in result.documents] == ["b.txt", "a.md"]
    assert [Path(s.source).name for s in result.skipped] == ["c.txt"]
    assert "file is empty" in result.skipped[0].reason


def test_folder_order_is_stable_and_recursive(tmp_path: Path) -> None:
    for name in ["z.txt", "a/y.txt", "a/b/x.txt", "m.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
    names = [
        Path(d.source).relative_to(tmp_path).as_posix()
        for d in read_paths([str(tmp_path)]).documents
    ]
    assert names == ["a/b/x.txt", "a/y.txt", "m.txt", "z.txt"]


def test_a_missing_path_is_bad_input() -> None:
    with pytest.raises(BadInputError, match=r"nowhere\.txt: no such file or folder"):
        read_paths(["nowhere.txt"])


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Bonjour.")
    assert len(read_paths([str(f), str(tmp_path)]).documents) == 1


def test_dash_reads_standard_input() -> None:
    result = read_paths(["-"], stdin=io.BytesIO(b"Bonjour Moscou."))
    assert result.documents[0].source == "<stdin>"
    assert result.documents[0].text == "Bonjour Moscou."


def test_html_keeps_visible_text_and_drops_scripts_and_title() -> None:
    page = (
        "<html><head><title>Titre</title><style>p{color:red}</style></head><body>"
        "<script>var x = 'Moscou';</script><h1>Relations</h1><p>Paris et <b>Moscou</b> "
        "&amp; Londres.</p><p>Second paragraphe.</p></body></html>"
    )
    doc = decode_document(page.encode(), "page.html", "html")
    assert "var x" not in doc.text and "color" not in doc.text
    assert doc.text.split("\n\n") == [
        "Relations",
        "Paris et Moscou & Londres.",
        "Second paragraphe.\n",
    ]


def test_docx_paragraphs_become_paragraphs(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Le traité fut signé à Moscou.")
    document.add_paragraph("")
    document.add_paragraph("The treaty was signed in Moscow.")
    path = tmp_path / "pair.docx"
    document.save(str(path))
    doc = read_file(path)
    assert doc.text == "Le traité fut signé à Moscou.\n\nThe treaty was signed in Moscow."
    assert doc.fmt == "docx"


def test_a_corrupt_docx_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BadInputError, match=r"broken\.docx: is not a readable \.docx"):
        read_file(path)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_and_utf16_decode_to_the_same_document(text: str) -> None:
    if not text.strip():
        return
    a = decode_document(text.encode("utf-8"), "a.txt")
    b = decode_document(text.encode("utf-16"), "b.txt")
    assert a.text == b.text == unicodedata.normalize("NFC", text.replace("\ufeff", ""))


@given(st.text(min_size=1, max_size=200))
def test_line_and_column_point_back_into_the_text(text: str) -> None:
    from align.model import Document

    doc = Document("x", text)
    for offset in range(len(text)):
        line, col = doc.line_of(offset), doc.column_of(offset)
        # A line's own newline counts as its last character.
        assert (text.split("\n")[line - 1] + "\n")[col - 1] == text[offset]


@pytest.mark.parametrize(
    "text",
    [
        "Selon Ouchakov, Yuri Ushakov et Sergueï Lavrof ont vu Bartou à Moscou.\n",
        "Le conseiller a reçu l'envoyé à Riyad ; Noël, Haïti, maïs, ambiguïté.\n",
        "« Guillemets » – œuvre, Œdipe, déjà là, où ça ?\n",
    ],
    ids=["i-trema and a-grave", "trema everywhere", "oe ligature and quotes"],
)
def test_french_in_cp1252_is_never_read_as_central_european(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("cp1252"), "legacy.txt")
    assert decoded == text
    assert encoding == "cp1252"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Юрий Ушаков прибыл в Эр-Рияд. Переговоры длились четыре часа, сказал он.\n", "cp1251"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy. Řekl, že město je velmi pěkné.\n", "cp1250"),
    ],
    ids=["russian cp1251", "czech cp1250"],
)
def test_other_legacy_encodings_still_win_when_they_fit_better(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "legacy.txt") == (text, encoding)


def test_dash_named_twice_reads_standard_input_once() -> None:
    result = read_paths(["-", "-"], stdin=io.BytesIO(b"Bonjour Moscou."))
    assert [d.source for d in result.documents] == ["<stdin>"]


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "fmt", "text"),
    [
        (_docx_bytes(["Le traité.", "The treaty."]), "docx", "Le traité.\n\nThe treaty."),
        (
            b"<!DOCTYPE html><html><body><p>Le <b>trait\xc3\xa9</b>.</p></body></html>",
            "html",
            "Le traité.\n",
        ),
        (b"  <html><p>Moscou &amp; Paris</p></html>", "html", "Moscou & Paris\n"),
        (b"<b> is a tag, in plain text.", "txt", "<b> is a tag, in plain text."),
    ],
    ids=["docx", "html with doctype", "html after spaces", "text starting with a tag"],
)
def test_standard_input_format_is_recognised_from_its_bytes(
    data: bytes, fmt: str, text: str
) -> None:
    document = read_paths(["-"], stdin=io.BytesIO(data)).documents[0]
    assert (document.fmt, document.text) == (fmt, text)


def test_docx_tables_stay_in_place_and_a_merged_cell_counts_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Avant le tableau.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Cellule fusionnée"
    for column, word in enumerate(["Un", "Deux", "Trois"]):
        table.cell(1, column).text = word
    document.add_paragraph("Après le tableau.")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_file(path).text.split("\n\n") == [
        "Avant le tableau.",
        "Cellule fusionnée",
        "Un",
        "Deux",
        "Trois",
        "Après le tableau.",
    ]


@pytest.mark.parametrize(
    ("link_to", "message"),
    [("loop.txt", "broken symbolic link"), ("gone.txt", "broken symbolic link")],
    ids=["link to itself", "link to a missing file"],
)
def test_a_broken_or_looping_link_is_bad_input_saying_so(
    tmp_path: Path, link_to: str, message: str
) -> None:
    link = tmp_path / "loop.txt"
    link.symlink_to(tmp_path / link_to)
    with pytest.raises(BadInputError, match=message) as info:
        read_paths([str(link)])
    assert str(info.value).startswith(str(link))


@pytest.mark.parametrize(
    ("page", "paragraphs"),
    [
        (
            "<html><head><title>Titre</title>\n<body><p>Louis Barthou à Paris.</p></body>",
            ["Louis Barthou à Paris.\n"],
        ),
        (
            "<head><meta charset='utf-8'><p>Corps sans balise body.</p>",
            ["Corps sans balise body.\n"],
        ),
        (
            "<p>On écrit &amp;lt; et &amp;amp; en HTML.</p>",
            ["On écrit &lt; et &amp; en HTML.\n"],
        ),
        (
            "<body><svg><title>icône</title></svg><p>Texte visible.</p></body>",
            ["Texte visible.\n"],
        ),
    ],
    ids=["head never closed", "body tag left out", "escaped reference", "svg title"],
)
def test_html_text_is_what_a_browser_shows(page: str, paragraphs: list[str]) -> None:
    doc = decode_document(page.encode(), "page.html", "html")
    assert doc.text.split("\n\n") == paragraphs
