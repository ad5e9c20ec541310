"""Behaviour of the reader, driven with Textual's Pilot."""

from __future__ import annotations

import re

import pytest
from textual.widgets import DataTable

from tui.app import create_app
from tui.app.compare_view import CompareTable, column_count
from tui.app.lines import BlockList, wrap_offsets
from tui.app.screens import CompareScreen, DiscrepanciesScreen, HelpScreen, ReadScreen, SourcesScreen
from tui.app.themes import bundled_theme_dir
from tui.engine.corpus import load_corpus

PASHINIAN = "000_325959a8911ed8b1"


def table_text(table: CompareTable) -> str:
    height = table.scrollable_content_region.height
    return "\n".join(table.render_line(y).text for y in range(height))


@pytest.fixture
def app(seed_corpus):
    return create_app(seed_corpus)


async def test_starts_on_compare_with_rows_and_detail(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(CompareTable)
        assert len(table.columns) == 2  # 80 cells: two columns
        assert table.rows
        detail = str(app.screen.query_one("#detail").render())
        assert detail.startswith("row 1/")
        assert "not reported" in table_text(table) or "p1" in table_text(table)


async def test_wide_terminal_shows_all_five(app):
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert len(app.screen.query_one(CompareTable).columns) == 5


def test_column_count():
    assert column_count(80, 5) == 2
    assert column_count(120, 5) == 3
    assert column_count(200, 5) == 5
    assert column_count(40, 5) == 1


async def test_row_keys_move_the_cursor(app):
    # Tall enough for every seeds row to fit: a row taller than the view is
    # scrolled through before the cursor leaves it (tested on its own).
    async with app.run_test(size=(80, 60)) as pilot:
        table = app.screen.query_one(CompareTable)
        await pilot.press("j", "j", "down")
        assert table.cursor == 3
        await pilot.press("k", "up")
        assert table.cursor == 1
        await pilot.press("G")
        assert table.cursor == len(table.rows) - 1
        await pilot.press("g")
        assert table.cursor == 0
        await pilot.press("pagedown")
        assert table.cursor > 0


async def test_column_keys_page_and_focus_sources(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        await pilot.press("1")  # the first screen opens on the first row's sources
        first = list(table.columns)
        await pilot.press("l", "l")
        assert app.focus_source == app.order[2]
        assert app.focus_source in table.columns and table.columns != first
        await pilot.press("h")
        assert app.focus_source == app.order[1]
        await pilot.press("tab")
        assert app.focus_source == app.order[2]
        await pilot.press("5")
        assert app.focus_source == app.order[4] and app.order[4] in table.columns
        await pilot.press("1")
        assert table.columns[0] == app.order[0]


async def test_pin_keeps_a_source_on_the_left(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        await pilot.press("3", "p")
        assert app.pinned == app.order[2]
        await pilot.press("l", "l", "l")
        assert table.columns[0] == app.order[2]
        await pilot.press("3", "p")
        assert app.pinned is None


async def test_next_discrepancy_shows_both_sides(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        model = app.model
        await pilot.press("n")
        row = table.current_row
        assert row in model.row_has_discrepancy
        involved = model.rows[row].sources
        assert sum(1 for s in involved if s in table.columns) >= min(2, len(involved))
        await pilot.press("n", "N")
        assert table.current_row == row


async def test_filter_shows_only_discrepancy_rows(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        total = len(table.rows)
        await pilot.press("f")
        assert 0 < len(table.rows) < total
        assert all(r in app.model.row_has_discrepancy for r in table.rows)
        detail = str(app.screen.query_one("#detail").render())
        assert f"{len(table.rows)} of {len(app.model.rows)} rows shown" in " ".join(detail.split())
        await pilot.press("f")
        assert len(table.rows) == total


async def test_search_finds_a_row_and_escape_clears(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        await pilot.press("slash")
        await pilot.press(*"Blinken")
        await pilot.press("enter")
        assert app.search == "Blinken"
        assert app.model.row_matches(table.current_row, "Blinken")
        await pilot.press("escape")  # leaves the search box
        await pilot.press("escape")  # clears the search
        assert app.search == ""


async def test_read_view_and_jump_to_row(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "r")
        assert isinstance(app.screen, ReadScreen)
        assert app.screen.source_id == app.order[0]
        blocks = app.screen.query_one(BlockList)
        assert blocks.block_count > len(app.corpus.source(app.order[0]).paragraphs)  # removed lines too
        tags = [re.match(r"p\d+ \[(rows?) ([\d, ]+)\]", block.plain) for block in blocks._blocks]
        for tag in filter(None, tags):  # "[row 3]", "[rows 3, 7]"
            assert (tag.group(1) == "row") == ("," not in tag.group(2)), tag.group(0)
        assert any(tag and tag.group(1) == "row" for tag in tags)
        await pilot.press("tab")
        assert app.screen.source_id == app.order[1]
        await pilot.press("1", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(CompareTable)
        assert "000_325959a8911ed8b1:p2" in app.model.rows[table.current_row].paragraphs


async def test_discrepancies_view_enter_jumps_to_the_row(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, DiscrepanciesScreen)
        model = app.model
        index = next(i for i, d in enumerate(model.discrepancies) if d.kind == "conflict")
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        table = app.screen.query_one(CompareTable)
        assert model.rows[table.current_row].id == model.discrepancies[index].row_id


async def test_sources_view_hides_orders_and_pins(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SourcesScreen)
        first, second = app.order[0], app.order[1]
        await pilot.press("space")
        assert first in app.hidden
        await pilot.press("space")
        assert first not in app.hidden
        await pilot.press("J")
        assert app.order[:2] == [second, first]
        await pilot.press("p")
        assert app.pinned == first
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.query_one(CompareTable).columns[0] == first


async def test_sources_view_cuts_long_titles_with_an_ellipsis_to_fit(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        titles = [str(table.get_cell(sid, table.ordered_columns[-1].key)) for sid in app.order]
        long = [t for t in titles if t.endswith("…")]
        assert long, titles  # the seeds' titles do not fit at 80 columns
        assert table.virtual_size.width <= table.size.width  # no column runs off the screen
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        wide = [str(table.get_cell(sid, table.ordered_columns[-1].key)) for sid in app.order]
        assert not any(t.endswith("…") for t in wide)
        assert app.screen.query_one(DataTable).cursor_row == 0


async def test_at_least_one_source_stays_shown(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        for _ in range(5):
            await pilot.press("space", "j")
        assert len(app.shown_sources()) == 1


async def test_help_opens_and_closes(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


async def test_help_scrolls_to_its_end_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help")
        assert box.max_scroll_y > 0  # longer than the terminal
        await pilot.press("j", "j")
        assert box.scroll_y == 2
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert box.scroll_y == 0


async def test_q_quits_with_status_zero(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_every_action_is_in_the_command_palette(app):
    async with app.run_test(size=(80, 24)):
        titles = {c.title for c in app.get_system_commands(app.screen)}
    for needed in ("Compare view", "Read view", "Discrepancies view", "Sources view", "Help", "Next discrepancy",
                   "Previous discrepancy", "Filter discrepancies", "Search", "Next column", "Pin column"):
        assert needed in titles


async def test_resize_to_40x10_and_back(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert len(app.screen.query_one(CompareTable).columns) == 1
        await pilot.press("j", "l", "d", "r", "s", "c")
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert len(app.screen.query_one(CompareTable).columns) == 5


async def test_theme_option_and_unknown_theme(seed_corpus):
    app = create_app(seed_corpus, theme="parallax-light")
    async with app.run_test():
        assert app.theme == "parallax-light"
    app = create_app(seed_corpus, theme="no-such-theme")
    async with app.run_test():
        assert app.theme == "parallax-dark"
        assert any("no-such-theme" in m for m, _ in app.startup_messages)


async def test_broken_theme_file_falls_back_to_default(seed_corpus, tmp_path):
    (tmp_path / "broken.yaml").write_text("name: broken\ncolors:\n  primary: notacolour\n")
    app = create_app(seed_corpus, theme="broken", theme_dirs=[bundled_theme_dir(), tmp_path])
    async with app.run_test():
        assert app.theme == "parallax-dark"
        assert any("broken.yaml" in m for m, _ in app.startup_messages)


async def test_no_color_keeps_marks_apart(seed_corpus, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(seed_corpus)
    async with app.run_test():
        styles = app.mark_styles
        assert styles.variant.underline and not styles.variant.reverse
        assert styles.conflict.reverse and styles.conflict.bold
        assert styles.agree.bold and not styles.agree.reverse and not styles.agree.underline
        assert styles.variant.color is None and styles.conflict.color is None


async def test_article_text_is_never_markup_or_terminal_control(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Officials said [bold]47[/bold] people left, see [link=https://example.org]x[/link] here.\x1b]0;title\x07\n\n"
        "A second paragraph about 47 people who left the town.\n"
    )
    (tmp_path / "b.txt").write_text("Officials said 47 people left the town on Monday.\n")
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        shown = table_text(app.screen.query_one(CompareTable))
        assert "[bold]47[/bold]" in shown
        assert "[link=https://example.org]x[/link]" in shown
        assert "\x1b" not in shown and "\x07" not in shown and "]0;title" not in shown
        await pilot.press("r")
        await pilot.pause()
        blocks = app.screen.query_one(BlockList)
        read = "\n".join(blocks.render_line(y).text for y in range(blocks.scrollable_content_region.height))
        assert "[bold]47[/bold]" in read and "\x1b" not in read


def test_wrap_offsets_cover_the_text():
    text = "One two three four five six seven eight nine ten eleven twelve " * 5
    for width in (5, 10, 33, 80):
        lines = wrap_offsets(text, width)
        assert all(e - s <= width for s, e in lines)
        assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(" ", "")
        if width >= 10:  # no word is longer than the line: no word is broken
            assert " ".join(text[s:e] for s, e in lines).split() == text.split()


async def test_scrolling_many_rows_renders_only_what_shows(tmp_path):
    # 300 small articles: thousands of rows stay responsive because lines are drawn on demand.
    for n in range(300):
        (tmp_path / f"a{n:03d}.txt").write_text(
            f"Article {n} says {n * 7 + 11} tickets were sold in town {n}.\n\nIt also notes item {n} shipped.\n"
        )
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        assert len(table.rows) >= 300
        await pilot.press("G")
        assert table.cursor == len(table.rows) - 1
        assert len(table._line_cache) < 50
        assert isinstance(table.render_line(0).text, str)


async def test_search_shows_the_source_that_matched(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        await pilot.press("1")
        assert not any(s.startswith("003") for s in table.columns)
        await pilot.press("slash", *"Hajiyev", "enter")
        row = app.model.rows[table.current_row]
        assert any("Hajiyev" in app.model.paragraph_text[p] for p in row.cells["003_d746f951cc115972"])
        assert "003_d746f951cc115972" in table.columns


async def test_next_discrepancy_shows_its_two_sides_at_80_columns(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        model = app.model
        seen = 0
        for _ in range(len(model.row_has_discrepancy)):
            await pilot.press("n")
            row, which = app.screen._within_row
            assert row == table.current_row
            sets = model.row_side_sets.get(row, [])
            if sets:
                seen += 1
                assert all(s in table.columns for s in sets[which][:2]), (row, sets, table.columns)
        assert seen >= 3


async def test_next_discrepancy_steps_through_a_rows_discrepancies_at_80_columns(tmp_path):
    # One row, two discrepancies with different sides: 12 / 40 dead (a, b) and
    # Port Vila / Port Villa (a, c). Two columns cannot show all three sources.
    lead = "Schools across the islands stayed closed after the cyclone.\n\n"
    (tmp_path / "a.txt").write_text(lead + "The cyclone killed 12 people in Port Vila on Monday, officials said.\n")
    (tmp_path / "b.txt").write_text(lead + "The cyclone killed 40 people in Port Vila on Monday, officials said.\n")
    (tmp_path / "c.txt").write_text(lead + "The cyclone killed people in Port Villa on Monday, officials said.\n")
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        row = next(r for r, sets in app.model.row_side_sets.items() if len(sets) == 2)
        first, second = app.model.row_side_sets[row]
        assert set(first) != set(second)
        shown = []
        for _ in range(2):
            await pilot.press("n")
            assert table.current_row == row
            shown.append(set(table.columns))
            if len(shown) == 1:
                assert any(n.message.startswith("Discrepancy 1 of 2") for n in app._notifications)
        assert set(first) <= shown[0] and set(second) <= shown[1]
        await pilot.press("n")  # nothing further: the cursor stays
        assert table.current_row == row and set(second) <= set(table.columns)
    # Away and back after the first: n no longer steps inside the row, it looks for the next one.
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "k", "j", "n")
        await pilot.pause()
        assert any(n.message.startswith("No more discrepancies") for n in app._notifications)
    # On a wide screen both show at once: n says nothing of a second one.
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("n")
        assert app.screen.query_one(CompareTable).current_row == row
        assert not any(n.message.startswith("Discrepancy") for n in app._notifications)


async def test_the_status_line_names_discrepancies_before_the_evidence(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        detail = str(app.screen.query_one("#detail").render())
        note = min(i for i in (detail.find("conflict"), detail.find("spelling")) if i >= 0)
        assert note < detail.index("evidence:")
        await pilot.press("f")
        detail = str(app.screen.query_one("#detail").render())
        assert " of " in detail and "shown" in detail and detail.index("filter:") < detail.index("evidence:")


async def test_read_opens_at_the_focused_rows_paragraph_and_enter_keeps_its_column(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        model = app.model
        # a row whose paragraph of the second source is not that source's first
        second = app.order[1]
        row = next(i for i, r in enumerate(model.rows) if r.cells[second] and not r.cells[second][0].endswith(":p1"))
        table.set_cursor(table.rows.index(row))
        await pilot.press("2", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen) and app.screen.source_id == app.order[1]
        blocks = app.screen.query_one(BlockList)
        paragraph = app.screen._blocks[blocks.cursor]
        assert paragraph == model.rows[row].cells[app.order[1]][0], (paragraph, row, model.rows[row].cells[app.order[1]])
        hint = str(app.screen.query_one("#read-detail").render())
        assert hint.startswith(f"Enter: go to row {model.row_to_open(paragraph) + 1}")
        # another article: the hint follows the paragraph under the cursor
        await pilot.press("tab")
        await pilot.pause()
        shown = app.screen._blocks[blocks.cursor]
        target = model.row_to_open(shown)
        hint = str(app.screen.query_one("#read-detail").render())
        assert target is not None and hint.startswith(f"Enter: go to row {target + 1}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        source = app.order[2]
        assert app.model.rows[target].cells.get(source)
        assert source in app.screen.query_one(CompareTable).columns


def test_a_conflict_among_three_sources_shows_the_two_that_disagree_first(tmp_path):
    # a and b agree (about 40 / about 41 boats); c's 120 conflicts with both.
    (tmp_path / "a.txt").write_text("Coast guards said about 40 boats were stranded in the harbour of Port Lin.\n")
    (tmp_path / "b.txt").write_text("Coast guards said about 41 boats were stranded in the harbour of Port Lin.\n")
    (tmp_path / "c.txt").write_text("Coast guards said 120 boats were stranded in the harbour of Port Lin.\n")
    app = create_app(load_corpus([tmp_path]))
    model = app.model
    row = next(r for r, sets in model.row_side_sets.items() if sets)
    assert any(note.startswith("conflict") for note in model.row_notes[row])
    assert set(model.row_side_sets[row][0][:2]) == {"a", "c"}


async def test_a_search_pages_to_the_other_side_of_the_discrepancy_it_matched(tmp_path):
    # a spells Harbor as b does but c does not; a's 377 conflicts with b's "more than 1,000".
    (tmp_path / "a.txt").write_text("By Sunday night 377 people had reached the Harbor terminal at Port Lin, officials said.\n")
    (tmp_path / "b.txt").write_text("By Sunday night more than 1,000 people had reached the Harbor terminal at Port Lin, "
                                    "officials said.\n")
    (tmp_path / "c.txt").write_text("By Sunday night 377 people had reached the Harbour terminal at Port Lin, officials said.\n")
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = next(r for r, sets in app.model.row_side_sets.items() if len(sets) == 2)
        assert [sides[:2] for sides in app.model.row_side_sets[row]] == [["a", "c"], ["a", "b"]]
        app.pinned = None
        await pilot.press("slash", *"377", "enter")
        await pilot.pause()
        assert list(app.screen.table.columns) == ["a", "b"]


async def test_read_shows_the_focused_paragraph_on_first_open_and_from_a_row_without_the_source(app):
    async with app.run_test(size=(80, 24)) as pilot:
        model = app.model
        await pilot.press("G", "1", "r")
        await pilot.pause()
        await pilot.pause()
        blocks = app.screen.query_one(BlockList)
        source = app.order[0]
        wanted = model.nearest_paragraph(len(model.rows) - 1, source)
        assert app.screen._blocks[blocks.cursor] == wanted and not wanted.endswith(":p1")
        top = blocks._tops[blocks.cursor]
        assert blocks.scroll_offset.y <= top < blocks.scroll_offset.y + blocks.scrollable_content_region.height
        # a row the focused source does not report opens it at the paragraph of the nearest row that it does
        row = next(
            i
            for i, r in enumerate(model.rows)
            if not r.cells[source] and not model.nearest_paragraph(i, source).endswith(":p1")
        )
        nearest = model.nearest_paragraph(row, source)
        distance = min(abs(i - row) for i, r in enumerate(model.rows) if nearest in r.cells[source])
        assert distance == min(abs(i - row) for i, r in enumerate(model.rows) if r.cells[source])
        await pilot.press("c")
        await pilot.pause()
        table = app.screen.query_one(CompareTable)
        table.set_cursor(table.rows.index(row))
        await pilot.press("r")
        await pilot.pause()
        blocks = app.screen.query_one(BlockList)
        assert app.screen.source_id == source and app.screen._blocks[blocks.cursor] == nearest


async def test_unpinning_keeps_the_column_in_view(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        third = app.order[2]
        await pilot.press("3", "p", "5", "3", "p")
        await pilot.pause()
        assert app.pinned is None
        assert third in table.columns and app.focus_source == third


async def test_notices_are_plain_text_and_warnings_outlive_moves(app):
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("Theme [b]x[/b] is broken", severity="warning", timeout=30)
        await pilot.press("n", "l", "n", "3")
        await pilot.pause()
        notices = list(app._notifications)
        assert any(n.message == "Theme [b]x[/b] is broken" for n in notices)  # still there, and as written
        assert all(not n.markup for n in notices)
        assert sum(1 for n in notices if n.severity == "information") <= 1  # the passing ones do not pile up


async def test_sources_view_fits_outlets_written_in_wide_characters(tmp_path):
    title = "A long headline about the floods that closed the northern railway line for a week"
    for name, outlet in (("a", "朝日新聞デジタル版ニュース"), ("b", "読売新聞オンライン版")):
        (tmp_path / f"{name}.txt").write_text(
            f"---\ntitle: {title}\noutlet: {outlet}\n---\nThe river rose by 4 metres on Monday.\n"
        )
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert any(str(table.get_cell(sid, table.ordered_columns[-1].key)).endswith("…") for sid in app.order)
        assert table.virtual_size.width <= table.size.width


async def test_a_paragraph_taller_than_the_screen_is_read_to_its_end_with_the_keys(tmp_path):
    long = " ".join(f"Sentence {i} of the long report says the river rose by {i} centimetres." for i in range(60))
    (tmp_path / "a.txt").write_text(f"The flood came on Sunday night.\n\n{long}\n\nThe bridge was closed on Monday.\n")
    (tmp_path / "b.txt").write_text("The river rose by 40 centimetres.\n\nThe bridge was closed on Monday.\n")
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen)
        if app.screen.source_id != "a":
            await pilot.press("tab")
            await pilot.pause()
        blocks = app.screen.query_one(BlockList)
        first = next(i for i, b in enumerate(blocks._blocks) if b.plain.startswith("p2"))
        blocks.cursor = first
        await pilot.pause()
        height = blocks.scrollable_content_region.height
        assert len(blocks._lines[first]) > 2 * height
        start = blocks.scroll_offset.y
        await pilot.press("j")
        await pilot.pause()
        assert blocks.cursor == first and blocks.scroll_offset.y == start + 1  # a line further into it
        await pilot.press("pagedown")
        await pilot.pause()
        assert blocks.cursor == first and blocks.scroll_offset.y == start + 1 + height - 2
        for _ in range(10):
            await pilot.press("pagedown")
        await pilot.pause()
        end = blocks._tops[first] + len(blocks._lines[first])
        assert blocks.scroll_offset.y + height >= end  # its last line is on screen
        await pilot.press("k")
        await pilot.pause()
        assert blocks.cursor == first
        # Leaving it downwards and coming back up shows its end; coming down onto it, its start.
        await pilot.press("G")
        await pilot.pause()
        blocks.cursor = first + 1
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert blocks.cursor == first and blocks.scroll_offset.y + height == end
        blocks.cursor = 0
        await pilot.pause()
        await pilot.press(*["j"] * first)
        await pilot.pause()
        assert blocks.cursor == first and blocks.scroll_offset.y == blocks._tops[first]


async def test_a_row_taller_than_the_screen_is_read_to_its_end_before_the_focus_moves(tmp_path):
    long = " ".join(f"Sentence {i} of the long report says the river rose by {i} centimetres." for i in range(60))
    (tmp_path / "a.txt").write_text(f"The bridge was closed on Monday after the flood.\n\n{long}\n\n"
                                    "Schools in the valley reopened on Thursday.\n")
    (tmp_path / "b.txt").write_text("The bridge was closed on Monday after the flood.\n\nThe river rose.\n\n"
                                    "Schools in the valley reopened on Thursday.\n")
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(CompareTable)
        tall = max(range(len(table.rows)), key=lambda i: table._heights[i])
        height = table.scrollable_content_region.height
        assert table._heights[tall] > 2 * height
        table.set_cursor(tall)
        await pilot.pause()
        start = table.scroll_offset.y
        await pilot.press("j")
        await pilot.pause()
        assert (table.cursor, table.scroll_offset.y) == (tall, start + 1)
        for _ in range(20):
            await pilot.press("pagedown")
            await pilot.pause()
            if table.cursor != tall:
                break
        assert tall < len(table.rows) - 1 and table.cursor == tall + 1
        await pilot.press("k")  # back up onto it: its end shows, to read on upwards
        await pilot.pause()
        end = table._tops[tall] + table._heights[tall]
        assert (table.cursor, table.scroll_offset.y + height) == (tall, end)


async def test_n_says_so_when_the_articles_have_no_discrepancy(tmp_path):
    (tmp_path / "a.txt").write_text("The bridge over the river was closed on Monday by the council.\n")
    (tmp_path / "b.txt").write_text("The council closed the bridge over the river on Monday.\n")
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert any(n.message.startswith("These articles have no discrepancies") for n in app._notifications)


def test_fit_lines_ends_a_cut_status_in_an_ellipsis():
    from rich.text import Text

    from tui.app.lines import fit_lines

    long = Text("row 1/55 · sources 001, 002, 003 · " + "evidence: words swift, trigger, operation; " * 4)
    fitted = fit_lines(long, 40, 3).plain.split("\n")
    assert len(fitted) == 3 and fitted[-1].endswith("…") and all(len(line) <= 40 for line in fitted)
    assert fit_lines(Text("short"), 40, 3).plain == "short"


async def test_skipped_files_are_said_on_the_screen(tmp_path):
    (tmp_path / "a.txt").write_text("The ferry sank on Tuesday, officials said.\n")
    (tmp_path / "b.txt").write_text("Officials said the ferry sank on Tuesday.\n")
    (tmp_path / "garbage.txt").write_bytes(b"\x00\x01\x02binary\x00" * 40)
    app = create_app(load_corpus([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("garbage.txt" in w and "skipped" in w for w in warnings)


async def test_ctrl_c_says_which_key_quits_in_plain_words(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Press ") and m.endswith("to quit the app.") for m in messages), messages
        assert not any("[b]" in m for m in messages)


def test_a_variant_no_row_holds_twice_is_a_discrepancy_of_the_rows_of_its_rarer_spelling(seed_corpus):
    from tui.app.model import ViewModel
    from tui.engine.compare import compare

    model = ViewModel(compare(seed_corpus))
    rows = [i for i, row in enumerate(model.rows) if any(p.startswith(PASHINIAN) for p in row.paragraphs)
            and any("Pashinian" in model.paragraph_text[p] for p in row.paragraphs)]
    assert rows
    for i in rows:
        assert i in model.row_has_discrepancy
        assert "spelling Pashinian here, Pashinyan in other rows" in model.row_notes[i]
    (entry,) = [d for d in model.discrepancies if d.title.endswith("Pashinian / Pashinyan")]
    assert model.row_index[entry.row_id] in rows


async def test_n_first_shows_the_discrepancy_of_the_row_it_starts_on(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")  # columns 000 | 001: the first row's cease fire (002) is off screen
        await pilot.pause()
        screen = app.screen
        table = screen.table
        first = table.rows[table.cursor]
        sides = screen._shown_side_sets(first)
        # the seeds' first row: cease fire (002) / ceasefire, with 002 off screen at first
        assert first in app.model.row_has_discrepancy and not all(s in table.columns for s in sides[0])
        await pilot.press("n")
        await pilot.pause()
        assert table.rows[table.cursor] == first
        assert all(s in table.columns for s in sides[0])


async def test_search_finds_the_other_spellings_and_counts_the_rows(app):
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(CompareTable)
        await pilot.press("slash", *"Pashinian", "enter")
        await pilot.pause()
        assert app.model.search_terms("Pashinian") == ["pashinian", "pashinyan"]
        with_either = [i for i, r in enumerate(app.model.rows)
                       if any(w in app.model.paragraph_text[p] for p in r.paragraphs for w in ("Pashinian", "Pashinyan"))]
        assert table.current_row in with_either
        notices = [n.message for n in app._notifications]
        assert any(m.startswith(f"“Pashinian” (also spelled Pashinyan): 1 of {len(with_either)} rows") for m in notices), notices


async def test_an_empty_table_names_only_the_filters_that_are_on(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.mark_filter = "needs-source"
        app.screen.refresh_view()
        await pilot.pause()
        detail = str(app.screen.query_one("#detail").render())
        assert detail == "no rows to show — M: needs source rows is on"


async def test_enter_in_read_goes_back_to_the_row_it_came_from(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        model = app.model
        pid, row = next((p, r) for p, rows in model.rows_of_paragraph.items() for r in rows
                        if len(rows) > 1 and r != model.row_to_open(p) and model.nearest_paragraph(r, p.split(":")[0]) == p)
        table = app.screen.table
        app.focus_source = pid.split(":")[0]
        table.set_cursor(table.rows.index(row))
        await pilot.press("r")
        await pilot.pause()
        assert str(app.screen.query_one("#read-detail").render()).startswith(f"Enter: go to row {row + 1}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.table.current_row == row


def test_the_usual_spelling_is_underlined_only_beside_a_rarer_one(seed_corpus):
    from tui.app.model import ViewModel
    from tui.engine.compare import compare

    model = ViewModel(compare(seed_corpus))
    group = next(g for g in model.comparison.variants if "Nagorno Karabakh" in g.forms)
    usual = group.forms["Nagorno-Karabakh"]
    underlined = {(pid, start) for pid, marks in model.marks.items() for start, _, kind in marks if kind == "variant"}
    assert all((o.paragraph, o.start) in underlined for o in group.forms["Nagorno Karabakh"])
    assert 0 < sum((o.paragraph, o.start) in underlined for o in usual) < len(usual)


async def test_the_first_screen_opens_on_sources_that_tell_the_first_row(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.table
        row = app.model.rows[table.current_row]
        assert all(row.cells.get(s) for s in table.columns)


async def test_a_wider_terminal_shows_every_source_after_a_jump_to_some(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.bring_sources_into_view(app.screen.table.current_row, [app.order[1], app.order[4]])
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert list(app.screen.table.columns) == app.order


async def test_narrowing_the_terminal_again_brings_back_the_chosen_sources(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.table
        a, b = app.order[0], app.order[3]
        row = next(i for i, r in enumerate(app.model.rows) if r.cells.get(a) and r.cells.get(b))
        table.set_cursor(table.rows.index(row))
        app.screen.bring_sources_into_view(row, [a, b])
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert list(app.screen.table.columns) == app.order
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert list(app.screen.table.columns) == [a, b]


async def test_read_opened_from_elsewhere_does_not_go_back_to_an_old_compare_row(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.read_from_row = 16
        await pilot.press("d", "r")
        await pilot.pause()
        assert app.read_from_row is None
