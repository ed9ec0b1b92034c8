"""A person's review of alignment.xlsx, read back and applied to the next run's links."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from align.exports.review import ReviewRow, write_review
from align.exports.reviews import apply_reviews, read_reviews
from align.exports.rows import AlignedText
from align.model import Mode
from glossary.errors import FileProblem

FR = ["Le traité est signé.", "Ouchakov arrive.", "Il pleut.", "Fin."]
EN = ["The treaty is signed.", "Ushakov arrives.", "It rains.", "The end."]


def link(fr: tuple[int, ...], en: tuple[int, ...], score: float = 0.9) -> AlignedText:
    return AlignedText(
        fr_source="a_fr.txt",
        en_source="a_en.txt",
        fr_ids=fr,
        en_ids=en,
        fr_lines=",".join(str(i + 1) for i in fr),
        en_lines=",".join(str(j + 1) for j in en),
        fr_text=" ".join(FR[i] for i in fr),
        en_text=" ".join(EN[j] for j in en),
        kind=f"{len(fr)}-{len(en)}",
        score=score,
        mode="parallel",
    )


def sentence_text(source: str, lang: str, ids: tuple[int, ...]) -> str | None:
    texts = {"a_fr.txt": FR, "a_en.txt": EN}.get(source)
    if texts is None or max(ids) >= len(texts):
        return None
    return " ".join(texts[i] for i in ids)


LINKS = [link((0,), (0,)), link((1,), (1,)), link((2,), (2,)), link((3,), (3,))]


def test_without_a_review_every_link_goes_into_the_tmx() -> None:
    outcome = apply_reviews(LINKS, [], sentence_text)
    assert [r.link for r in outcome.rows] == LINKS
    assert list(outcome.units) == LINKS


def test_a_link_marked_wrong_stays_in_the_sheet_and_leaves_the_tmx() -> None:
    outcome = apply_reviews(LINKS, [ReviewRow(LINKS[1], review="wrong")], sentence_text)
    assert [r.review for r in outcome.rows] == ["", "wrong", "", ""]
    assert LINKS[1] not in outcome.units and len(outcome.units) == 3
    assert outcome.wrong == 1


def test_an_edited_text_goes_into_the_tmx_as_edited() -> None:
    review = ReviewRow(LINKS[2], en_text="It is raining.")
    outcome = apply_reviews(LINKS, [review], sentence_text)
    unit = outcome.units[2]
    assert (unit.fr_text, unit.en_text, unit.review) == ("Il pleut.", "It is raining.", "edited")
    # The sheet says so even when the person only changed the text.
    assert outcome.rows[2].review == "edited" and outcome.edited == 1


def test_an_ok_link_stays_when_the_aligner_now_links_its_sentences_otherwise() -> None:
    now = [link((0,), (0,)), link((1, 2), (1, 2)), link((3,), (3,))]
    reviewed = [ReviewRow(LINKS[1], review="ok"), ReviewRow(LINKS[2], review="ok")]
    outcome = apply_reviews(now, reviewed, sentence_text)
    assert [(u.fr_ids, u.en_ids, u.review) for u in outcome.units] == [
        ((0,), (0,), ""),
        ((1,), (1,), "ok"),
        ((2,), (2,), "ok"),
        ((3,), (3,), ""),
    ]


@pytest.mark.parametrize(("mode", "sibling_kept"), [("parallel", False), ("comparable", True)])
def test_confirming_a_comparable_link_keeps_the_other_links_of_its_sentence(
    mode: str, sibling_kept: bool
) -> None:
    # A sentence telling two happenings has two comparable links; an ok on one is no verdict on
    # the other. Parallel links share out the sentences: the confirmed one takes them.
    first = replace(link((1,), (1,)), mode=Mode(mode))
    second = replace(link((1,), (2,)), mode=Mode(mode))
    outcome = apply_reviews([first, second], [ReviewRow(first, review="ok")], sentence_text)
    assert (second in outcome.units) is sibling_kept
    assert replace(first, review="ok") in outcome.units


def test_a_new_link_over_a_wrong_one_is_the_aligners_new_proposal_and_is_kept() -> None:
    now = [link((0,), (0,)), link((1, 2), (1, 2)), link((3,), (3,))]
    outcome = apply_reviews(now, [ReviewRow(LINKS[1], review="wrong")], sentence_text)
    assert now[1] in outcome.units
    assert [r.review for r in outcome.rows] == ["", "wrong", "", ""]


def test_a_review_of_sentences_that_changed_is_kept_in_the_sheet_out_of_the_tmx() -> None:
    old = replace(LINKS[1], fr_text="Ouchakov est arrivé.")
    outcome = apply_reviews(LINKS, [ReviewRow(old, review="ok")], sentence_text)
    stale = [r for r in outcome.rows if r.stale]
    assert [r.link.fr_text for r in stale] == ["Ouchakov est arrivé."]
    assert outcome.units == tuple(LINKS) and outcome.stale == 1


def test_a_note_alone_is_kept_without_changing_the_tmx() -> None:
    outcome = apply_reviews(LINKS, [ReviewRow(LINKS[0], note="vérifier la date")], sentence_text)
    assert outcome.rows[0].note == "vérifier la date"
    assert list(outcome.units) == LINKS


def test_a_one_sided_link_completed_by_a_person_enters_the_tmx_with_both_languages() -> None:
    lonely = link((3,), ())
    completed = ReviewRow(lonely, en_text="The end.")
    outcome = apply_reviews([*LINKS[:3], lonely], [completed], sentence_text)
    assert outcome.units[-1].en_text == "The end." and not outcome.units[-1].one_sided


def edit(path: Path, cells: dict[str, object], *, hidden: str | None = None) -> None:
    """What a person does in Excel or LibreOffice, done with openpyxl and saved."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Alignment"]
    for ref, value in cells.items():
        sheet[ref] = value
    if hidden is not None:
        book["_tool_alignment"].sheet_state = hidden
    book.save(path)


def test_a_workbook_edited_and_saved_by_openpyxl_reads_back_as_the_persons_review(
    tmp_path: Path,
) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, LINKS)
    # A2..A5: review; C: English; D: note. LibreOffice turns very hidden sheets into hidden.
    person = {"A2": "OK", "A3": "wrong", "C4": "It is raining.", "D5": "à revoir"}
    edit(path, person, hidden="hidden")
    reviews = {r.link.link_id: r for r in read_reviews(path)}
    assert len(reviews) == 4
    assert reviews[LINKS[0].link_id].review == "ok"
    assert reviews[LINKS[1].link_id].review == "wrong"
    assert reviews[LINKS[2].link_id].en_text == "It is raining."
    assert reviews[LINKS[2].link_id].link.en_text == "It rains."  # what the tool wrote
    assert reviews[LINKS[3].link_id].note == "à revoir"


def test_rows_nobody_touched_are_not_reviews(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, LINKS)
    assert read_reviews(path) == []
    assert read_reviews(tmp_path / "none.xlsx") == []


def test_a_row_a_person_added_is_kept_and_goes_into_the_tmx(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, LINKS)
    edit(path, {"A6": "ok", "B6": "Merci.", "C6": "Thank you.", "H6": "a_fr.txt", "J6": "a_en.txt"})
    (added,) = read_reviews(path)
    outcome = apply_reviews(LINKS, [added], sentence_text)
    assert ("Merci.", "Thank you.") in {(u.fr_text, u.en_text) for u in outcome.units}
    assert len(outcome.rows) == 5


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"A2": "peut-être"}, "row 2: review 'peut-être' is not one of ok, wrong, edited"),
        ({"A1": "verdict"}, "has no column 'review'"),
    ],
    ids=["unknown mark", "header changed"],
)
def test_a_review_sheet_that_cannot_be_read_stops_the_run_naming_the_fix(
    tmp_path: Path, cells: dict[str, object], message: str
) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, LINKS)
    edit(path, cells)
    with pytest.raises(FileProblem, match=message) as info:
        read_reviews(path)
    assert str(info.value).startswith(str(path))


def test_a_review_workbook_open_in_libreoffice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "alignment.xlsx"
    write_review(path, LINKS)
    (tmp_path / ".~lock.alignment.xlsx#").write_text("x")
    with pytest.raises(FileProblem, match="open in another program"):
        read_reviews(path)
