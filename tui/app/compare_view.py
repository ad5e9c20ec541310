"""The alignment table: one row per fact, one column per source, drawn line by
line so that thousands of rows scroll without lag."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .lines import CURSOR_BINDINGS, scroll_through, to_strip, wrap_offsets
from .model import MarkStyles, ViewModel

MIN_COLUMN_WIDTH = 38
SEPARATOR = "│"
MISSING = "not reported"


def column_count(width: int, sources: int) -> int:
    """How many source columns fit: two at 80 cells, all five from 200."""
    return max(1, min(sources, (width + 1) // (MIN_COLUMN_WIDTH + 1)))


def column_widths(width: int, count: int) -> list[int]:
    usable = max(count, width - (count - 1))
    base, extra = divmod(usable, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


class CompareTable(ScrollView, can_focus=True):
    """Rows of the alignment with the visible sources side by side."""

    BINDINGS: ClassVar[list[BindingType]] = [*CURSOR_BINDINGS]
    COMPONENT_CLASSES = {"compare--cursor", "compare--rule", "compare--rule-cursor", "compare--missing", "compare--label"}

    cursor: reactive[int] = reactive(0, init=False)

    class CursorMoved(Message):
        def __init__(self, table: CompareTable, position: int) -> None:
            super().__init__()
            self.table = table
            self.position = position

    def __init__(self, model: ViewModel, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.model = model
        self.rows: list[int] = list(range(len(model.rows)))
        self.columns: list[str] = []
        self.styles_for_marks = MarkStyles()
        self.search = ""
        self._widths: list[int] = []
        self._heights: list[int] = []
        self._tops: list[int] = []
        self._offsets: dict[tuple[int, str], list[tuple[int, int] | None]] = {}
        self._line_cache: dict[tuple[int, str], list[Text]] = {}
        self._layout_width = 0
        self._remembered_row: int | None = None  # kept while a filter shows no rows

    # ------------------------------------------------------------ layout

    def configure(
        self,
        rows: Sequence[int] | None = None,
        columns: Sequence[str] | None = None,
        styles: MarkStyles | None = None,
        search: str | None = None,
    ) -> None:
        """Change what is shown and lay the table out again."""
        previous = self.current_row
        if rows is not None:
            self.rows = list(rows)
        if columns is not None:
            self.columns = list(columns)
        if styles is not None:
            self.styles_for_marks = styles
        if search is not None:
            self.search = search
        self._relayout()
        # The row the editor chose stays focused while filters come and go.
        for wanted in (self._remembered_row, previous):
            if wanted is not None and wanted in self.rows:
                self._place(self.rows.index(wanted))
                return
        self._place(min(self.cursor, max(0, len(self.rows) - 1)))

    @property
    def current_row(self) -> int | None:
        """Index of the focused row in the model, or None when nothing shows."""
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def on_resize(self) -> None:
        self._relayout()

    def _content_width(self) -> int:
        return max(MIN_COLUMN_WIDTH, self.scrollable_content_region.width or self.size.width or 80)

    def _relayout(self) -> None:
        width = self._content_width()
        self._layout_width = width
        count = max(1, len(self.columns))
        self._widths = column_widths(width, count)
        self._offsets.clear()
        self._line_cache.clear()
        self._heights = []
        self._tops = []
        y = 0
        for r in self.rows:
            if self._collapsed(r):
                height = 1  # nothing in the visible columns: the rule line says where it is
            else:
                height = 1 + max(len(self._cell_offsets(r, s, w)) for s, w in zip(self.columns, self._widths))
            self._tops.append(y)
            self._heights.append(height)
            y += height
        self.virtual_size = Size(width, max(1, y))
        self.refresh()

    def _collapsed(self, row: int) -> bool:
        cells = self.model.rows[row].cells
        return bool(self.columns) and not any(cells.get(s) for s in self.columns)

    def _cell_plain(self, row: int, source: str) -> list[tuple[str, str]]:
        return [
            (self.model.paragraph_label(pid) + " ", self.model.paragraph_text[pid])
            for pid in self.model.rows[row].cells.get(source, [])
        ]

    def _cell_offsets(self, row: int, source: str, width: int) -> list[tuple[int, int] | None]:
        """Wrapped lines of one cell as offsets into each paragraph's labelled
        text; None marks the blank line between two paragraphs."""
        key = (row, source)
        cached = self._offsets.get(key)
        if cached is not None:
            return cached
        out: list[tuple[int, int] | None] = []
        for i, (label, text) in enumerate(self._cell_plain(row, source)):
            if i:
                out.append(None)
            out += wrap_offsets(label + text, width - 2)
        if not out:
            out = [(0, 0)]
        self._offsets[key] = out
        return out

    def _cell_lines(self, row: int, source: str, width: int) -> list[Text]:
        key = (row, source)
        cached = self._line_cache.get(key)
        if cached is not None:
            return cached
        pids = self.model.rows[row].cells.get(source, [])
        if not pids:
            lines = [Text(MISSING, style=self.get_component_rich_style("compare--missing"))]
        else:
            label_style = self.get_component_rich_style("compare--label")
            texts = []
            for pid in pids:
                text = Text()
                text.append(self.model.paragraph_label(pid) + " ", style=label_style)
                text.append_text(self.model.styled_paragraph(pid, self.styles_for_marks, self.search))
                texts.append(text)
            lines = []
            index = 0
            for line in self._cell_offsets(row, source, width):
                if line is None:
                    lines.append(Text(""))
                    index += 1
                    continue
                start, end = line
                lines.append(texts[index][start:end])
        if len(self._line_cache) > 2000:
            self._line_cache.clear()
        self._line_cache[key] = lines
        return lines

    # ------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        return self._render_line(y).apply_style(self.rich_style)

    def _render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self._layout_width
        if width != self._layout_width:
            self._relayout()
        line_y = y + self.scroll_offset.y
        position = bisect_right(self._tops, line_y) - 1
        if position < 0 or position >= len(self.rows):
            return Strip.blank(width)
        row = self.rows[position]
        within = line_y - self._tops[position]
        is_cursor = position == self.cursor
        if within == 0:
            return self._rule(position, row, width, is_cursor)
        segments: list[Segment] = []
        for column, (source, col_width) in enumerate(zip(self.columns, self._widths)):
            if column:
                segments.append(Segment(SEPARATOR, self.get_component_rich_style("compare--rule")))
            lines = self._cell_lines(row, source, col_width)
            index = within - 1
            text = lines[index] if index < len(lines) else Text("")
            segments.extend(to_strip(Text(" ") + text, col_width))
        strip = Strip(segments).adjust_cell_length(width)
        if is_cursor and self.has_focus:
            strip = strip.apply_style(self.get_component_rich_style("compare--cursor"))
        return strip

    def _rule(self, position: int, row: int, width: int, is_cursor: bool) -> Strip:
        model = self.model
        flag = " ≠" if row in model.row_has_discrepancy else ""
        sources = len(model.rows[row].sources)
        label = f"─ {row + 1}{flag} · {sources} source{'s' if sources != 1 else ''} "
        if self._collapsed(row):
            label += "(not in these columns: " + ", ".join(model.short[s] for s in model.rows[row].sources[:6])
            label += "…) " if sources > 6 else ") "
        mark = model.row_badges.get(row)
        if mark:
            label += f"[{mark}] "
        evidence = model.rows[row].evidence
        if evidence:
            label += "· " + "; ".join(evidence[:3]) + " "
        style = self.get_component_rich_style("compare--rule-cursor" if is_cursor else "compare--rule")
        marker = "▶" if is_cursor else "─"
        text = Text(marker + label, style=style)
        if text.cell_len > width:
            text.truncate(width, overflow="ellipsis")
        return self._fill_rule(text, width, style)

    def _fill_rule(self, text: Text, width: int, style: Style) -> Strip:
        pad = max(0, width - text.cell_len)
        text.append("─" * pad, style=style)
        return to_strip(text, width)

    # ------------------------------------------------------------ cursor

    def set_cursor(self, position: int) -> None:
        """Focus a row, as the editor's choice."""
        self._place(position)
        self._remembered_row = self.current_row

    def _place(self, position: int) -> None:
        position = max(0, min(position, len(self.rows) - 1)) if self.rows else 0
        if position == self.cursor:
            self.scroll_to_cursor()
            self.refresh()
            self.post_message(self.CursorMoved(self, position))
        else:
            self.cursor = position

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor(from_below=new < old)
        self.refresh()
        self.post_message(self.CursorMoved(self, new))

    def scroll_to_cursor(self, top: bool = False, from_below: bool = False) -> None:
        """Bring the focused row into view; ``top`` puts it at the top. A row
        taller than the view shows its start, or its end when the focus came
        up to it from below, so reading on with k loses none of it."""
        if not self._tops or self.cursor >= len(self._tops):
            return
        start = self._tops[self.cursor]
        end = start + self._heights[self.cursor]
        height = self.scrollable_content_region.height or 1
        if from_below and not top and end - start > height:
            self.scroll_to(y=end - height, animate=False, immediate=True)
        elif top or start < self.scroll_offset.y or end - start > height:
            self.scroll_to(y=start, animate=False, immediate=True)
        elif end > self.scroll_offset.y + height:
            self.scroll_to(y=end - height, animate=False, immediate=True)

    def _scroll_within(self, direction: int, lines: int) -> bool:
        """Scroll through the focused row while it runs past the edge of the view."""
        if not self._tops or self.cursor >= len(self._tops):
            return False
        top = self._tops[self.cursor]
        return scroll_through(self, top, top + self._heights[self.cursor], direction, lines, immediate=True)

    def action_cursor(self, step: int) -> None:
        if not self._scroll_within(step, 1):
            self.set_cursor(self.cursor + step)

    def action_page(self, direction: int) -> None:
        if not self._tops:
            return
        height = self.scrollable_content_region.height or 10
        if self._scroll_within(direction, max(1, height - 2)):
            return
        target = self._tops[self.cursor] + direction * height
        position = bisect_right(self._tops, target) - 1
        if position == self.cursor:
            position += direction
        self.set_cursor(position)

    def action_first(self) -> None:
        self.set_cursor(0)

    def action_last(self) -> None:
        self.set_cursor(len(self.rows) - 1)

    def on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        line_y = event.y + self.scroll_offset.y
        position = bisect_right(self._tops, line_y) - 1
        if 0 <= position < len(self.rows):
            self.set_cursor(position)
        x = event.x
        for column, w in enumerate(self._widths):
            if x < w:
                self.post_message(ColumnClicked(self, column))
                break
            x -= w + 1


class ColumnClicked(Message):
    def __init__(self, table: CompareTable, column: int) -> None:
        super().__init__()
        self.table = table
        self.column = column
