"""The editor's workflow in the app: marks, notes, filters, reports, and
picking up where the last session left off."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import RadioSet, TextArea

from tui.app import create_app
from tui.app.compare_view import CompareTable
from tui.app.lines import BlockList
from tui.app.screens import CompareScreen, DiscrepanciesScreen, MarkScreen
from tui.engine.corpus import load_corpus
from tui.engine.review import ReviewStore

from .conftest import SEEDS


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def _app(corpus_dir, review_path):
    return create_app(load_corpus([corpus_dir]), review=ReviewStore.open(review_path))


async def _mark(pilot, status_index: int, note: str) -> None:
    await pilot.press("m")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MarkScreen)
    screen.query_one(RadioSet).query("RadioButton")[status_index].value = True
    screen.query_one(TextArea).text = note
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_mark_a_row_and_pick_up_where_we_left_off(corpus_dir, tmp_path):
    review = tmp_path / "review.yaml"
    app = _app(corpus_dir, review)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n")
        table = app.screen.query_one(CompareTable)
        row = table.current_row
        await _mark(pilot, 1, "AP and the Post disagree")
        assert app.model.row_badges[row] == "✗ disputed ✎"
        assert "AP and the Post disagree" in " ".join(str(app.screen.query_one("#detail").render()).split())
        said = [n.message for n in app._notifications]
        assert f"row {row + 1} ({len(app.model.rows[row].sources)} sources): disputed, with a note (saved)" in said
        await pilot.press("j", "q")
    stored = ReviewStore.open(review)
    assert [(m.status, m.note) for m in stored.marks] == [("disputed", "AP and the Post disagree")]

    again = _app(corpus_dir, review)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = again.screen.query_one(CompareTable)
        assert table.current_row == row + 1  # the row the editor was on when they quit
        assert again.model.row_badges[row] == "✗ disputed ✎"


async def test_mark_filter_and_clearing(corpus_dir, tmp_path):
    app = _app(corpus_dir, tmp_path / "review.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")
        row = app.screen.query_one(CompareTable).current_row
        await _mark(pilot, 0, "")
        await pilot.press("M")  # marked
        assert app.screen.query_one(CompareTable).rows == [row]
        await pilot.press("M")  # checked
        assert app.screen.query_one(CompareTable).rows == [row]
        await pilot.press("M")  # disputed
        assert app.screen.query_one(CompareTable).rows == []
        for _ in range(3):
            await pilot.press("M")  # needs-source, unmarked, all
        assert len(app.screen.query_one(CompareTable).rows) == len(app.model.rows)
        await pilot.press("m", "ctrl+d")
        await pilot.pause()
        assert app.review.marks == []


async def test_mark_a_discrepancy_shows_in_every_view(corpus_dir, tmp_path):
    app = _app(corpus_dir, tmp_path / "review.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, DiscrepanciesScreen)
        index = app.screen._current()
        await _mark(pilot, 2, "ask the ministry")
        assert app.model.discrepancy_badges[index].startswith("? needs source")
        d = app.model.discrepancies[index]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        row = app.model.row_index[d.row_id]
        assert any("ask the ministry" in note for note in app.model.row_mark_notes[row])
        # the row's badge shows the discrepancy's mark, as the mark filter counts it
        assert app.model.row_badges[row].startswith("? needs source")


async def test_cancel_leaves_no_mark(corpus_dir, tmp_path):
    app = _app(corpus_dir, tmp_path / "review.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "escape")
        await pilot.pause()
        assert app.review.marks == [] and not (tmp_path / "review.yaml").exists()


async def test_corrupted_review_file_still_opens(corpus_dir, tmp_path):
    review = tmp_path / "review.yaml"
    review.write_text("marks: [oops\n")
    app = _app(corpus_dir, review)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert list(tmp_path.glob("review.yaml.corrupt-*"))
        await _mark(pilot, 0, "works again")
    assert ReviewStore.open(review).marks[0].note == "works again"


async def test_unwritable_review_location_stays_usable(corpus_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    app = _app(corpus_dir, blocker / "review.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _mark(pilot, 0, "kept in memory")
        assert app.review.read_only and app.review.marks
        await pilot.press("j", "k", "d", "c")
        assert isinstance(app.screen, CompareScreen)


async def test_orphaned_mark_is_listed(corpus_dir, tmp_path):
    review = tmp_path / "review.yaml"
    app = _app(corpus_dir, review)
    async with app.run_test(size=(80, 24)) as pilot:
        conflict = next(d for d in app.model.discrepancies if "377" in d.title)
        app.show_row(app.model.row_index[conflict.row_id])
        await pilot.pause()
        await _mark(pilot, 1, "about 377")
    article = corpus_dir / "001_42660f7c9533477f.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("377", "378"), encoding="utf-8")
    again = _app(corpus_dir, review)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("1 mark no longer matches its text" in n.message for n in again._notifications)
        await pilot.press("d")
        assert [m.note for m in again.resolution.orphaned] == ["about 377"]
        blocks = again.screen.query_one(BlockList)
        assert "orphaned mark" in blocks._blocks[0].plain  # listed first
        assert again.screen._current() == again.screen._entries[0]  # the cursor is on the first entry
        await pilot.press(*"jjjjj")
        await pilot.pause()
        assert blocks.scroll_offset.y > 0
        await pilot.press(*"kkkkkk")
        await pilot.pause()
        assert blocks.scroll_offset.y == 0  # up past the first entry shows the orphaned mark again
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, CompareScreen)


async def test_export_report_from_the_app(corpus_dir, tmp_path):
    review = tmp_path / "rev" / "review.yaml"
    app = _app(corpus_dir, review)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n")
        await _mark(pilot, 1, "a note for the report")
        await pilot.press("E")
        await pilot.pause()
    report = (tmp_path / "rev" / "sourcing-report.html").read_text(encoding="utf-8")
    assert "<h2>Figure conflicts</h2>" in report and "Sources" in report
    assert "a note for the report" in report
    # a review file of another name in the same folder gets a report of its own
    other = _app(corpus_dir, tmp_path / "rev" / "second-look.yaml")
    async with other.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await pilot.pause()
    assert (tmp_path / "rev" / "second-look.sourcing-report.html").is_file()
    assert "a note for the report" in (tmp_path / "rev" / "sourcing-report.html").read_text(encoding="utf-8")


async def test_the_report_goes_beside_the_review_file_and_says_when_it_replaced_one(corpus_dir):
    app = _app(corpus_dir, corpus_dir / ".parallax" / "review.yaml")
    target = corpus_dir / ".parallax" / "sourcing-report.html"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        assert target.is_file() and not (corpus_dir / "sourcing-report.html").exists()
        assert any(n.message == f"Report written: {target}" for n in app._notifications)
        await pilot.press("E")
        await pilot.pause()
        assert any(n.message.startswith("Report replaced: ") for n in app._notifications)
