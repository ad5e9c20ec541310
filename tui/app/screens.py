"""The four views and the help overlay."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, RadioButton, RadioSet, Static, TextArea

from ..engine.report import counted
from .compare_view import ColumnClicked, CompareTable, column_count
from .lines import BlockList, fit_lines

if TYPE_CHECKING:
    from .app import ParallaxApp


def _numbered_bindings(action: str, description: str) -> list[Binding]:
    return [Binding(str(n), f"{action}({n - 1})", description, show=False) for n in range(1, 10)]


class ParallaxScreen(Screen[None]):
    """A view of the Parallax app, with the app's state at hand."""

    @property
    def papp(self) -> ParallaxApp:
        return self.app  # type: ignore[return-value]


class LoadingScreen(Screen[None]):
    """Shown while a large corpus is aligned."""

    def compose(self) -> ComposeResult:
        app = self.app
        corpus = app.corpus  # type: ignore[attr-defined]
        paragraphs = sum(len(s.paragraphs) for s in corpus.sources)
        yield Static(
            Text(f"Aligning {len(corpus.sources)} articles ({paragraphs} paragraphs)…", style="bold"),
            id="loading",
        )
        yield Footer(show_command_palette=False)


DETAIL_LINES = 3  # the status lines under the table; parallax.tcss gives #detail the same max-height


class CompareScreen(ParallaxScreen):
    """The alignment table (home)."""

    BINDINGS = [
        Binding("n", "discrepancy(1)", "next≠"),
        Binding("N", "discrepancy(-1)", "previous ≠", show=False),
        Binding("slash", "search", "find"),
        Binding("f", "toggle_filter", "filter≠"),
        Binding("l,right,tab", "column(1)", "Column →", show=False),
        Binding("h,left,shift+tab", "column(-1)", "Column ←", show=False),
        Binding("p", "pin", "Pin column", show=False),
        Binding("c", "app.view('compare')", "compare", show=False),
        Binding("m", "mark", "mark"),
        Binding("M", "mark_filter", "Filter by mark", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
        *_numbered_bindings("focus_source", "Focus source"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="columns")
        yield CompareTable(self.papp.model, id="table")
        yield Static(id="detail")
        yield Input(placeholder="search: Enter = next row, Esc = close", id="search")
        yield Footer(show_command_palette=False)

    @property
    def table(self) -> CompareTable:
        return self.query_one(CompareTable)

    _within_row: tuple[int, int] | None = None  # (row, which of its discrepancies) that n last showed

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self.refresh_view()
        row = self.table.current_row
        if row is not None:
            sources = self.papp.model.rows[row].sources
            if len(set(sources) & set(self.table.columns)) < min(len(sources), len(self.table.columns)):
                # The first row is told by sources off screen: open on them, not on "not reported".
                self.bring_sources_into_view(row)
        self.table.focus()

    def on_resize(self) -> None:
        self.refresh_view()

    # ------------------------------------------------------------ state

    def refresh_view(self, keep_row: int | None = None) -> None:
        """Lay the table out for the current sources, width, filter and search."""
        app = self.papp
        table = self.table
        shown = app.shown_sources()
        width = table.scrollable_content_region.width or self.size.width or 80
        count = column_count(width, len(shown))
        pinned = app.pinned if app.pinned in shown else None
        rest = [s for s in shown if s != pinned]
        movable = count - (1 if pinned else 0)
        app.column_offset = max(0, min(app.column_offset, max(0, len(rest) - movable)))
        columns = ([pinned] if pinned else []) + rest[app.column_offset : app.column_offset + movable]
        # Every source fits (a wider terminal): show them all, but keep the
        # chosen sources for when the terminal is narrow again.
        jump = [] if movable >= len(rest) else sorted(
            [s for s in app.column_jump if s in rest][: max(0, movable)], key=rest.index)
        if len(jump) > 1:
            columns = ([pinned] if pinned else []) + jump
            app.column_offset = rest.index(jump[0])
        app.focus_source = app.focus_source if app.focus_source in columns else (columns[0] if columns else None)
        rows = app.visible_rows()
        table.configure(
            rows=rows,
            columns=columns,
            styles=app.mark_styles,
            search=app.search,
        )
        if keep_row is not None and keep_row in rows:
            table.set_cursor(rows.index(keep_row))
        self._draw_header(columns, shown, pinned)
        self._draw_detail()

    def _draw_header(self, columns: list[str], shown: list[str], pinned: str | None) -> None:
        app = self.papp
        table = self.table
        last = max((shown.index(c) for c in columns if c != pinned), default=-1)
        hidden_left = sum(1 for s in shown[: last + 1] if s not in columns)
        hidden_right = sum(1 for s in shown[last + 1 :] if s not in columns)
        paging = f" ◀{hidden_left} {hidden_right}▶" if hidden_left or hidden_right else ""
        header = Text(no_wrap=True, overflow="ellipsis")
        widths = list(table._widths)
        if widths and paging:
            widths[-1] = max(1, widths[-1] - len(paging))
        for i, (source, width) in enumerate(zip(columns, widths)):
            if i:
                header.append("│", style="dim")
            pin = " [pinned]" if source == pinned else ""
            cell = f" {app.order.index(source) + 1}:{app.model.labels[source]}{pin}"
            style = "reverse bold" if source == app.focus_source else "bold"
            header.append(Text(cell[:width].ljust(width), style=style))
        header.append(paging, style="dim")
        self.query_one("#columns", Static).update(header)

    def _draw_detail(self) -> None:
        app = self.papp
        row = self.table.current_row
        if row is None:
            message = "no rows to show"
            on = (["f: rows with discrepancies"] if app.filter_discrepancies else []) + (
                [f"M: {app.mark_filter.replace('-', ' ')} rows"] if app.mark_filter else [])
            if on:
                message += f" — {' and '.join(on)} {'is' if len(on) == 1 else 'are'} on"
            text = Text(message, style="italic")
        else:
            context = []
            if len(self.table.rows) != len(app.model.rows):
                context.append(f"{len(self.table.rows)} of {len(app.model.rows)} rows shown")
            if app.filter_discrepancies:
                context.append("filter: discrepancies only")
            if app.mark_filter:
                context.append(f"filter: {app.mark_filter.replace('-', ' ')}")
            if app.search:
                context.append(f"search: {app.search}")
            text = Text(app.model.row_detail(row, context))
        detail = self.query_one("#detail", Static)
        width = detail.size.width - 2  # its padding
        detail.update(fit_lines(text, width, DETAIL_LINES) if width > 10 else text)

    def on_compare_table_cursor_moved(self, event: CompareTable.CursorMoved) -> None:
        if self._within_row is not None and self.table.current_row != self._within_row[0]:
            self._within_row = None  # back on that row later, n goes on to the next
        self._draw_detail()

    def on_column_clicked(self, event: ColumnClicked) -> None:
        columns = self.table.columns
        if 0 <= event.column < len(columns):
            self.papp.focus_source = columns[event.column]
            self.refresh_view()

    def goto_row(self, row: int, source: str | None = None) -> None:
        app = self.papp
        if row not in app.visible_rows():
            app.filter_discrepancies = False
            app.search = ""
        self.refresh_view(keep_row=row)
        table = self.table
        if row in table.rows:
            table.set_cursor(table.rows.index(row))
            keep = [source] if source and app.model.rows[row].cells.get(source) else None
            self.bring_sources_into_view(row, keep)
            table.scroll_to_cursor(top=True)
        table.focus()

    # ------------------------------------------------------------ actions

    def action_discrepancy(self, step: int) -> None:
        """Go to the next (or previous) discrepancy. A row with several whose
        sides do not all fit in the columns is stepped through one at a time."""
        table = self.table
        rows = table.rows
        model = self.papp.model
        if step > 0 and self._within_row is not None and 0 <= table.cursor < len(rows):
            row, done = self._within_row
            sets = self._shown_side_sets(row)
            if rows[table.cursor] == row:
                for k in range(done + 1, len(sets)):
                    if sets[k] and not all(s in table.columns for s in sets[k]):
                        self._within_row = (row, k)
                        self.papp.clear_notices()
                        self.bring_sources_into_view(row, sets[k])
                        self._say_which(row, k)
                        return
        here = rows[table.cursor] if 0 <= table.cursor < len(rows) else None
        if step > 0 and here in model.row_has_discrepancy and (self._within_row or (None,))[0] != here:
            sets = self._shown_side_sets(here)
            if sets and sets[0] and not all(s in table.columns for s in sets[0]):
                # The row the cursor is on has a discrepancy not yet shown: show it first.
                self._within_row = (here, 0)
                self.papp.clear_notices()
                self.bring_sources_into_view(here, sets[0])
                if len(sets) > 1:
                    self._say_which(here, 0)
                return
        position = table.cursor + step
        while 0 <= position < len(rows):
            if rows[position] in model.row_has_discrepancy:
                table.set_cursor(position)
                sets = self._shown_side_sets(rows[position])
                self.papp.clear_notices()
                self.bring_sources_into_view(rows[position], sets[0] if sets else None)
                self._within_row = (rows[position], 0)
                table.scroll_to_cursor(top=True)
                if any(later and not all(s in table.columns for s in later) for later in sets[1:]):
                    self._say_which(rows[position], 0)  # n will stay on this row for the next one
                return
            position += step
        self.papp.clear_notices()
        if not model.row_has_discrepancy:
            self.notify("These articles have no discrepancies: no spelling variant, no figure conflict.", timeout=3)
        else:
            self.notify("No more discrepancies in that direction.", timeout=3)

    def _shown_side_sets(self, row: int) -> list[list[str]]:
        """The sides of each of a row's discrepancies among the shown sources;
        a discrepancy with a side hidden in Sources has none to page to."""
        shown = set(self.papp.shown_sources())
        sides = [[s for s in pair if s in shown] for pair in self.papp.model.row_side_sets.get(row, [])]
        return [pair if len(pair) > 1 else [] for pair in sides]

    def _say_which(self, row: int, k: int) -> None:
        model = self.papp.model
        sets = self._shown_side_sets(row)
        sides = " vs ".join(model.labels[s] for s in sets[k])
        more = "; n shows the next" if k + 1 < len(sets) else ""
        self.notify(f"Discrepancy {k + 1} of {len(sets)} in this row: {sides}{more}.", timeout=3)

    def action_toggle_filter(self) -> None:
        app = self.papp
        app.filter_discrepancies = not app.filter_discrepancies
        self.refresh_view()
        shown = len(self.table.rows)
        self.notify(
            f"Showing {shown} rows with discrepancies." if app.filter_discrepancies else f"Showing all {shown} rows.",
            timeout=3,
        )

    def action_mark(self) -> None:
        row = self.table.current_row
        if row is not None:
            self.papp.mark_row(row)

    def action_mark_filter(self) -> None:
        app = self.papp
        app.cycle_mark_filter()
        self.refresh_view()
        which = (app.mark_filter or "all").replace("-", " ")
        self.notify(f"Rows: {which} ({len(self.table.rows)} shown).", timeout=3)

    def action_column(self, step: int) -> None:
        app = self.papp
        shown = app.shown_sources()
        if not shown:
            return
        current = shown.index(app.focus_source) if app.focus_source in shown else 0
        target = shown[(current + step) % len(shown)]
        self.focus_on_source(target)

    def focus_on_source(self, source: str) -> None:
        app = self.papp
        self.papp.clear_notices()  # what they said about the columns no longer holds
        app.column_jump = []
        app.focus_source = source
        shown = app.shown_sources()
        pinned = app.pinned if app.pinned in shown else None
        if source != pinned:
            rest = [s for s in shown if s != pinned]
            width = self.table.scrollable_content_region.width or self.size.width or 80
            movable = max(1, column_count(width, len(shown)) - (1 if pinned else 0))
            index = rest.index(source)
            if index < app.column_offset:
                app.column_offset = index
            elif index >= app.column_offset + movable:
                app.column_offset = index - movable + 1
        self.refresh_view()

    def bring_sources_into_view(self, row: int, show_first: list[str] | None = None, needle: str = "") -> None:
        """Page the columns so that a row's sources show side by side: those in
        ``show_first`` (where a search for ``needle`` matched, the sides of one
        discrepancy) first, else the sides of the row's discrepancies, else any
        two of its sources."""
        app = self.papp
        columns = self.table.columns
        involved = [s for s in app.shown_sources() if app.model.rows[row].cells.get(s)]
        preferred = [s for s in (show_first or app.model.row_sides(row)) if s in involved]
        matched = preferred
        if needle and preferred:
            # the first match beside the other side of the discrepancy it is in: 377 beside "more than 1,000"
            head = preferred[0]
            sides = [s for s in app.model.sides_told_as(row, needle, head) if s in involved]
            # each side set opens with two sources that disagree
            partner = [s for s in sides[:2] if s != head][:1] if head in sides[:2] else sides[1:2]
            preferred = [head, *partner] if partner else preferred
        wanted = list(dict.fromkeys(preferred + matched + involved))
        need = wanted[: max(min(2, len(wanted)), len(preferred))][: len(columns) or 1]
        if all(s in columns for s in need):
            return
        rest = [s for s in app.shown_sources() if s != app.pinned]
        first = next((s for s in wanted if s in rest), None)
        if first is not None:
            app.column_offset = rest.index(first)
            app.column_jump = wanted
            app.focus_source = first
            self.refresh_view(keep_row=row)
        missing = [s for s in need if s not in self.table.columns]
        if missing and app.pinned:
            names = ", ".join(app.model.labels[s] for s in missing)
            pinned = app.model.labels[app.pinned]
            self.notify(f"{names} is not in view: {pinned} is pinned (p on its column unpins it).", timeout=4)

    def action_focus_source(self, number: int) -> None:
        app = self.papp
        if number >= len(app.order):
            self.notify(f"There is no source {number + 1}.", severity="warning", timeout=3)
            return
        source = app.order[number]
        was_hidden = source in app.hidden
        app.hidden.discard(source)
        self.focus_on_source(source)
        if was_hidden:
            self.notify(f"Showing {app.model.labels[source]} again (it was hidden in Sources).", timeout=3)

    def action_pin(self) -> None:
        app = self.papp
        source = app.focus_source
        if source is None:
            return
        app.pinned = None if app.pinned == source else source
        app.column_jump = []
        if app.pinned:
            self.refresh_view()
        else:
            self.focus_on_source(source)  # the column just unpinned stays in view
        self.notify(f"Pinned {app.model.labels[source]} as the left column." if app.pinned else "Unpinned.", timeout=3)

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.value = self.papp.search
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        needle = event.value.strip()
        app = self.papp
        app.search = needle
        if not needle:
            self.action_clear_search()
            return
        table = self.table
        self.refresh_view()
        rows = table.rows
        n = len(rows)
        matching = [i for i in range(n) if app.model.row_matches(rows[i], needle)]
        if not matching:
            self.notify(f"“{needle}” is not in any shown row.", severity="warning", timeout=3)
        else:
            position = next((i for i in matching if i > table.cursor), matching[0])
            wrapped = " (from the top again)" if position <= table.cursor and len(matching) > 1 else ""
            table.set_cursor(position)
            self.bring_sources_into_view(rows[position], app.model.sources_matching(rows[position], needle), needle)
            table.scroll_to_cursor(top=True)
            others = app.model.other_spellings(needle)
            spelled = f" (also spelled {', '.join(others)})" if others else ""
            self.notify(f"“{needle}”{spelled}: {matching.index(position) + 1} of {counted(len(matching), 'row')}"
                        f"{wrapped}; / Enter for the next.", timeout=3)
        self._draw_detail()

    def action_clear_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = False
        if self.papp.search:
            self.papp.search = ""
            self.refresh_view()
        self.table.focus()

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        box = self.query_one("#search", Input)
        if event.key == "escape" and box.has_focus:
            event.stop()
            box.display = False
            self.table.focus()


class ReadScreen(ParallaxScreen):
    """One article as written, furniture dimmed, each paragraph's rows marked."""

    BINDINGS = [
        Binding("m", "mark", "mark"),
        Binding("tab,l,right", "article(1)", "article"),
        Binding("shift+tab,h,left", "article(-1)", "Prev article", show=False),
        Binding("r", "app.view('read')", "read", show=False),  # this view: no room for it at 80 columns
        *_numbered_bindings("open_source", "Open source"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="read-title")
        yield BlockList(id="article")
        yield Static(id="read-detail")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._blocks: list[str | None] = []
        self.query_one(BlockList).cursor_callback = self._cursor_moved
        app = self.papp
        self.show_source(app.focus_source or app.order[0], app.read_target)
        app.read_target = None

    def on_screen_resume(self) -> None:
        app = self.papp
        source = app.focus_source
        if source and (source != getattr(self, "source_id", None) or app.read_target):
            self.show_source(source, app.read_target)
        app.read_target = None
        self.query_one(BlockList).focus()

    def show_source(self, source_id: str, paragraph_id: str | None = None) -> None:
        app = self.papp
        self.source_id = source_id
        src = app.corpus.source(source_id)
        model = app.model
        entries: list[tuple[int, int, Text, str | None]] = []
        for p in src.paragraphs:
            shared = model.shared_rows(p.id)
            tag = Text()
            tag.append(f"{model.paragraph_label(p.id)} ", style="bold")
            if shared:
                label = "row" if len(shared) == 1 else "rows"
                tag.append(f"[{label} " + ", ".join(str(r + 1) for r in shared) + "] ", style="dim")
                badges = [model.row_badges[r] for r in shared if r in model.row_badges]
                if badges:
                    tag.append(" ".join(badges) + " ", style="bold")
            else:
                tag.append("[only here] ", style="dim italic")
            entries.append((p.line, 1, tag + model.styled_paragraph(p.id, app.mark_styles, app.search), p.id))
        for r in src.removed:
            entries.append((r.line, 0, Text(f"removed ({r.reason}): {r.text}", style="dim italic"), None))
        entries.sort(key=lambda e: (e[0], e[1]))
        self._blocks = [pid for _, _, _, pid in entries]
        block_list = self.query_one(BlockList)
        block_list.set_blocks([t for _, _, t, _ in entries], [pid is not None for pid in self._blocks])
        target = self._blocks.index(paragraph_id) if paragraph_id in self._blocks else 0
        block_list.cursor = block_list._nearest_selectable(target, 1)
        self._cursor_moved(block_list.cursor)  # the hint, even when the cursor index did not change
        self.call_after_refresh(lambda: block_list.scroll_to_block(block_list.cursor))
        title = Text(f" {app.order.index(source_id) + 1}:{model.labels[source_id]}", style="bold")
        title.no_wrap, title.overflow = True, "ellipsis"
        title.append(f"  {src.date or 'no date'} · {counted(len(src.paragraphs), 'paragraph')} · {counted(src.words, 'word')}", style="dim")
        if src.title:
            title.append(f" — {src.title}")
        self.query_one("#read-title", Static).update(title)
        block_list.focus()

    def _cursor_moved(self, index: int) -> None:
        pid = self._blocks[index] if 0 <= index < len(self._blocks) else None
        detail = self.query_one("#read-detail", Static)
        if pid is None:
            detail.update("")
            return
        model = self.papp.model
        target = self._row_for(pid)
        if target is None:
            detail.update("")
            return
        others = [r for r in model.rows_of_paragraph.get(pid, []) if r != target]
        also = f" (also in row{'s' if len(others) > 1 else ''} {', '.join(str(r + 1) for r in others)})" if others else ""
        detail.update(Text(f"Enter: go to row {target + 1}{also}"))

    def on_block_list_selected(self, event: BlockList.Selected) -> None:
        pid = self._blocks[event.index]
        if pid is None:
            return
        row = self._row_for(pid)
        if row is not None:
            self.papp.focus_source = self.source_id
            self.papp.show_row(row, self.source_id)

    def _row_for(self, pid: str) -> int | None:
        """The row Enter opens for a paragraph: the Compare row the editor came
        from when the paragraph is in it, else the paragraph's main row."""
        came_from = self.papp.read_from_row
        if came_from is not None and came_from in self.papp.model.rows_of_paragraph.get(pid, []):
            return came_from
        return self.papp.model.row_to_open(pid)

    def action_mark(self) -> None:
        block_list = self.query_one(BlockList)
        pid = self._blocks[block_list.cursor] if self._blocks else None
        if pid is None:
            return
        row = self._row_for(pid)
        if row is not None:
            self.papp.mark_row(row)

    def refresh_marks(self) -> None:
        block_list = self.query_one(BlockList)
        cursor = block_list.cursor
        pid = self._blocks[cursor] if 0 <= cursor < len(self._blocks) else None
        self.show_source(self.source_id, pid)

    def action_article(self, step: int) -> None:
        order = self.papp.shown_sources() or self.papp.order
        index = order.index(self.source_id) if self.source_id in order else 0
        self.show_source(order[(index + step) % len(order)])

    def action_open_source(self, number: int) -> None:
        if number < len(self.papp.order):
            self.show_source(self.papp.order[number])


class DiscrepanciesScreen(ParallaxScreen):
    """Every spelling variant and figure conflict; Enter jumps to its row."""

    BINDINGS = [
        Binding("m", "mark", "mark"),
        Binding("M", "mark_filter", "Filter by mark", show=False),
        Binding("d", "app.view('discrepancies')", "diffs", show=False),  # this view
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="disc-title")
        yield BlockList(id="discrepancies")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._entries: list[int] = []
        self._offset = 0  # orphaned marks listed before the entries
        self.refresh_marks()
        self.query_one(BlockList).focus()

    def refresh_marks(self) -> None:
        """Draw the entries, with the editor's marks, under the current filter."""
        app = self.papp
        model = app.model
        blocks = []
        # Marks whose text changed come first: the editor must see them.
        for mark in app.resolution.orphaned if app.resolution else []:
            text = Text()
            text.append("orphaned mark  ", style="bold")
            text.append(f"{mark.target}: {mark.label}", style="bold")
            if mark.note:
                text.append(f"\n  ✎ {mark.note}", style="italic")
            text.append("\n  its text changed: " + " / ".join(p.get("text", "") for p in mark.anchor.paragraphs), style="dim")
            blocks.append(text)
        self._offset = len(blocks)
        selectable = [False] * len(blocks)
        self._entries = [i for i in range(len(model.discrepancies)) if app.discrepancy_passes(i)]
        for i in self._entries:
            d = model.discrepancies[i]
            marker = "≠ figures" if d.kind == "conflict" else "≈ spelling"
            text = Text()
            text.append(f"{marker}  ", style="bold")
            text.append(d.title, style="bold")
            if d.row_id:
                text.append(f"   row {model.row_index[d.row_id] + 1}", style="dim")
                if not d.side_by_side:
                    text.append(" (no row holds two of the spellings)", style="dim italic")
            badge = model.discrepancy_badges.get(i)
            if badge:
                text.append(f"   {badge}", style="bold reverse")
            for line in d.detail:
                text.append("\n  " + line)
            for note in app.discrepancy_notes(i):
                text.append("\n  ✎ " + note, style="italic")
            blocks.append(text)
            selectable.append(True)
        variants = sum(1 for d in model.discrepancies if d.kind == "variant")
        conflicts = len(model.discrepancies) - variants
        title = f" {counted(conflicts, 'figure conflict')} · {counted(variants, 'spelling variant')} — Enter: go to row · m: mark"
        if app.mark_filter:
            title = f" showing {app.mark_filter}: {len(self._entries)} of {len(model.discrepancies)} ·" + title
        self.query_one("#disc-title", Static).update(Text(title, style="bold"))
        if not blocks:
            blocks, selectable = [Text("Nothing to show here.", style="italic")], [False]
        self.query_one(BlockList).set_blocks(blocks, selectable)

    def on_screen_resume(self) -> None:
        self.refresh_marks()
        self.query_one(BlockList).focus()

    def _current(self) -> int | None:
        cursor = self.query_one(BlockList).cursor - self._offset
        return self._entries[cursor] if 0 <= cursor < len(self._entries) else None

    def on_block_list_selected(self, event: BlockList.Selected) -> None:
        model = self.papp.model
        index = event.index - self._offset
        if 0 <= index < len(self._entries):
            d = model.discrepancies[self._entries[index]]
            if d.row_id:
                self.papp.show_row(model.row_index[d.row_id])

    def action_mark(self) -> None:
        index = self._current()
        if index is not None:
            self.papp.mark_discrepancy(index)

    def action_mark_filter(self) -> None:
        self.papp.cycle_mark_filter()
        self.refresh_marks()


class SourcesScreen(ParallaxScreen):
    """The articles; hide a source and choose the order of the columns."""

    BINDINGS = [
        Binding("space,x", "toggle_hidden", "show/hide"),
        Binding("K,shift+up", "move(-1)", "move", key_display="K/J"),
        Binding("J,shift+down", "move(1)", "Move down", show=False),
        Binding("p", "pin", "pin"),
        Binding("s", "app.view('sources')", "sources", show=False),  # this view
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Text(" Sources — space hides or shows, J/K (shift+↓/↑) move a column, p pins it left", style="bold"),
            id="sources-title",
        )
        yield DataTable(id="sources", cursor_type="row", zebra_stripes=True)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "shown", "source", "outlet", "date", "paras", "words", "title")
        self.fill()
        table.focus()

    def on_screen_resume(self) -> None:
        self.fill()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.query_one(DataTable).columns:
            self.fill(keep=self._current())

    def fill(self, keep: str | None = None) -> None:
        app = self.papp
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        rows = []
        for i, sid in enumerate(app.order):
            src = app.corpus.source(sid)
            shown = "hidden" if sid in app.hidden else ("pinned" if sid == app.pinned else "yes")
            rows.append(
                [str(i + 1), shown, app.model.short[sid], src.outlet or "-", src.date or "-",
                 str(len(src.paragraphs)), str(src.words), src.title or "-"]
            )
        # The title takes the width the other columns leave and ends in an
        # ellipsis when it is cut, instead of running off the screen.
        labels = [str(column.label) for column in table.columns.values()]
        others = sum(
            max([cell_len(labels[c])] + [cell_len(row[c]) for row in rows]) + 2 * table.cell_padding
            for c in range(len(labels) - 1)
        )
        title_width = max(12, self.size.width - others - 2 * table.cell_padding - 1)
        for sid, row in zip(app.order, rows, strict=True):
            title = Text(row[-1], no_wrap=True)
            title.truncate(title_width, overflow="ellipsis")
            table.add_row(*row[:2], *(Text(cell) for cell in row[2:5]), *row[5:7], title, key=sid)
        if keep in app.order:
            table.move_cursor(row=app.order.index(keep))
        elif app.order:
            table.move_cursor(row=min(cursor, len(app.order) - 1))

    def _current(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.papp.order:
            return None
        return self.papp.order[min(table.cursor_row, len(self.papp.order) - 1)]

    def action_toggle_hidden(self) -> None:
        app = self.papp
        sid = self._current()
        if sid is None:
            return
        if sid in app.hidden:
            app.hidden.discard(sid)
        elif len(app.shown_sources()) <= 1:
            self.notify("At least one source stays shown.", severity="warning", timeout=3)
        else:
            app.hidden.add(sid)
        app.layout_changed()
        self.fill(keep=sid)

    def action_move(self, step: int) -> None:
        app = self.papp
        sid = self._current()
        if sid is None:
            return
        i = app.order.index(sid)
        j = i + step
        if 0 <= j < len(app.order):
            app.order[i], app.order[j] = app.order[j], app.order[i]
            app.layout_changed()
            self.fill(keep=sid)

    def action_pin(self) -> None:
        app = self.papp
        sid = self._current()
        if sid is None:
            return
        app.pinned = None if app.pinned == sid else sid
        app.hidden.discard(sid)
        app.layout_changed()
        self.fill(keep=sid)

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        sid = self._current()
        if sid:
            self.papp.focus_source = sid
        self.papp.switch_mode("compare")


class MarkScreen(ModalScreen["tuple[str | None, str] | None"]):
    """Set the editor's mark on a row or discrepancy: a status and a note."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+d", "clear", "Clear mark"),
    ]
    CHOICES = (("checked", "checked — the sources agree or the fact is verified"),
               ("disputed", "disputed — the sources disagree or the fact is wrong"),
               ("needs-source", "needs source — check with another source"),
               (None, "no status (a note only)"))

    def __init__(self, title: str, status: str | None, note: str) -> None:
        super().__init__()
        self.heading = title
        self.status = status
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="mark"):
            yield Static(Text(self.heading, style="bold"), id="mark-title")
            with RadioSet(id="mark-status"):
                for value, label in self.CHOICES:
                    yield RadioButton(label, value=value == self.status)
            yield Static("Note (Tab to reach it; Ctrl+S saves, Esc cancels, Ctrl+D clears the mark):", id="mark-help")
            yield TextArea(self.note, id="mark-note", soft_wrap=True, show_line_numbers=False)
            with Horizontal(id="mark-buttons"):
                yield Button("Save", variant="primary", id="mark-save")
                yield Button("Clear", id="mark-clear")
                yield Button("Cancel", id="mark-cancel")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def _chosen(self) -> str | None:
        index = self.query_one(RadioSet).pressed_index
        return self.CHOICES[index][0] if index >= 0 else None

    def action_save(self) -> None:
        self.dismiss((self._chosen(), self.query_one(TextArea).text))

    def action_clear(self) -> None:
        self.dismiss((None, ""))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"mark-save": self.action_save, "mark-clear": self.action_clear, "mark-cancel": self.action_cancel}[
            event.button.id or "mark-cancel"
        ]()


HELP_KEYS = [
    ("Views", ""),
    ("c", "Compare: the alignment table (home)"),
    ("r", "Read: one article as written"),
    ("d", "Discrepancies: every variant and figure conflict"),
    ("s", "Sources: hide, order and pin columns"),
    ("Compare", ""),
    ("↑ ↓  j k", "previous / next row; a tall one scrolls first"),
    ("PgUp PgDn  g G", "page; first / last row"),
    ("← →  h l  Tab", "previous / next column (source)"),
    ("1–9", "focus that source's column"),
    ("p", "pin the focused source as the left column"),
    ("n N", "next / previous discrepancy, both sides shown"),
    ("f", "show only rows with discrepancies"),
    ("/", "search; Enter: next row; Esc closes, Esc again clears"),
    ("Review", ""),
    ("m", "mark: the row (Compare, Read) or the discrepancy (Discrepancies)"),
    ("M", "show rows by mark: marked, checked, disputed, needs source, unmarked"),
    ("E", "export the sourcing report (HTML) beside the review file"),
    ("Read and Discrepancies", ""),
    ("Enter", "go to the paragraph's / discrepancy's row"),
    ("Tab l  h", "Read: next article (Tab, l) / previous (h)"),
    ("Sources", ""),
    ("Space  x", "hide or show the source"),
    ("K J", "move the source up / down the column order"),
    ("p", "pin the source as the left column"),
    ("Everywhere", ""),
    ("Ctrl+P", "command palette: every action by name"),
    ("?", "this help"),
    ("q", "quit"),
    ("Marks", ""),
    ("underlined", "a spelling variant"),
    ("reversed", "a figure that conflicts with another source"),
    ("bold", "a figure that agrees with another source"),
    ("≠ on a row", "the row holds a discrepancy"),
    ("◀2 1▶", "sources off screen to the left / right of the columns"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,enter", "dismiss", "Close"),
        Binding("j", "scroll_help(1)", "Scroll down", show=False),
        Binding("k", "scroll_help(-1)", "Scroll up", show=False),
    ]

    def compose(self) -> ComposeResult:
        # One grid per section, so that a description too long for the line
        # wraps under itself, not under the keys.
        parts: list[Text | Table] = []
        grid: Table | None = None
        for key, description in HELP_KEYS:
            if not description:
                parts.append(Text(f"\n{key}", style="bold underline"))
                grid = Table.grid(padding=(0, 2, 0, 2))
                grid.add_column(no_wrap=True, width=14)
                grid.add_column(ratio=1)
                parts.append(grid)
                continue
            assert grid is not None
            grid.add_row(Text(key, style="bold"), Text(description))
        parts.append(Text("\nEsc, q or ? closes this help.", style="italic"))
        text = Group(*parts)
        # Taller than 24 lines: it scrolls with the arrows, j/k, PgUp/PgDn, Home/End.
        with VerticalScroll(id="help"):
            yield Static(Text("Parallax — keys", style="bold"), id="help-title")
            yield Static(text, id="help-body")

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_scroll_help(self, step: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=step, animate=False)

    def on_click(self) -> None:
        self.dismiss()
