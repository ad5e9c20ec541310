"""Line-API building blocks: fast word wrapping by offsets, and a virtualised
list of text blocks with a cursor (used by the Read and Discrepancies views).

Only the lines on screen are turned into segments, so thousands of blocks
scroll without lag."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells, as (start, end) offsets.

    Long words are broken; spaces at line ends are dropped. Assumes one cell
    per character except for wide characters, which are measured."""
    width = max(1, width)
    if not text:
        return [(0, 0)]
    lines: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    ascii_only = text.isascii()
    while start < n:
        while start < n and text[start] == " ":
            start += 1
        if start >= n:
            break
        end = start
        used = 0
        last_break = -1
        while end < n:
            ch = text[end]
            w = 1 if ascii_only else cell_len(ch)
            if used + w > width:
                break
            if ch == " ":
                last_break = end
            used += w
            end += 1
        if end < n and last_break > start and text[end] != " ":
            end = last_break
        line_end = end
        while line_end > start and text[line_end - 1] == " ":
            line_end -= 1
        if line_end == start:  # a single long word, or width of one cell
            line_end = end = max(end, start + 1)
        lines.append((start, line_end))
        start = end
    return lines or [(0, 0)]


def text_lines(text: Text, width: int) -> list[Text]:
    """``text`` wrapped to ``width``, keeping its styles; newlines start new lines."""
    out: list[Text] = []
    for part in text.split("\n", allow_blank=True):
        out += [part[s:e] for s, e in wrap_offsets(part.plain, width)]
    return out


def fit_lines(text: Text, width: int, lines: int) -> Text:
    """``text`` wrapped to ``width`` and cut to ``lines`` lines, ending in "…"
    when something is cut, so a cut never reads as the whole."""
    wrapped = text_lines(text, width)
    if len(wrapped) <= lines:
        return text
    kept = wrapped[:lines]
    last = kept[-1].copy()
    last.rstrip()
    if last.cell_len >= width:
        last.truncate(width - 1)
    last.append("…")
    kept[-1] = last
    return Text("\n").join(kept)


def to_strip(text: Text, width: int, style: Style | None = None) -> Strip:
    """One line of styled text as a strip of exactly ``width`` cells."""
    return Strip(list(text.render(_CONSOLE, end=""))).adjust_cell_length(width, style)


_CONSOLE = Console(width=10_000, color_system=None, force_terminal=False, legacy_windows=False)


def scroll_through(view: ScrollView, top: int, bottom: int, direction: int, lines: int,
                   immediate: bool = False) -> bool:
    """Scroll ``lines`` further through the item at lines top..bottom when it
    runs past the edge of the view in ``direction``: an item taller than the
    screen is read a part at a time before the cursor leaves it. False when
    that edge of it is already in view."""
    height = view.scrollable_content_region.height or 1
    y = view.scroll_offset.y
    if direction > 0 and bottom > y + height:
        view.scroll_to(y=min(y + lines, bottom - height), animate=False, immediate=immediate)
        return True
    if direction < 0 and top < y:
        view.scroll_to(y=max(y - lines, top), animate=False, immediate=immediate)
        return True
    return False


# The keys that move a cursor through a list, shared by the line-API views.
CURSOR_BINDINGS = [
    Binding("down,j", "cursor(1)", "Down", show=False),
    Binding("up,k", "cursor(-1)", "Up", show=False),
    Binding("pagedown,space", "page(1)", "Page down", show=False),
    Binding("pageup,b", "page(-1)", "Page up", show=False),
    Binding("home,g", "first", "First", show=False),
    Binding("end,G", "last", "Last", show=False),
]


class BlockList(ScrollView, can_focus=True):
    """A scrolling list of text blocks with a block cursor."""

    BINDINGS = [*CURSOR_BINDINGS, Binding("enter", "select", "go to row")]
    COMPONENT_CLASSES = {"blocklist--cursor", "blocklist--dim"}

    cursor: reactive[int] = reactive(0, init=False)

    class Selected(Message):
        def __init__(self, block_list: BlockList, index: int) -> None:
            super().__init__()
            self.block_list = block_list
            self.index = index

    def __init__(
        self,
        blocks: Sequence[Text] = (),
        selectable: Sequence[bool] | None = None,
        gap: int = 1,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._blocks: list[Text] = list(blocks)
        self._selectable: list[bool] = list(selectable) if selectable is not None else [True] * len(self._blocks)
        self._gap = gap
        self._lines: list[list[Text]] = []
        self._tops: list[int] = []
        self._width = 0
        self.cursor_callback: Callable[[int], None] | None = None

    def set_blocks(self, blocks: Sequence[Text], selectable: Sequence[bool] | None = None) -> None:
        self._blocks = list(blocks)
        self._selectable = list(selectable) if selectable is not None else [True] * len(self._blocks)
        self._width = 0
        self._layout()
        self.cursor = self._nearest_selectable(min(self.cursor, max(0, len(self._blocks) - 1)), 1)
        self.refresh()

    @property
    def block_count(self) -> int:
        return len(self._blocks)

    def on_resize(self) -> None:
        self._layout()
        self.scroll_to_block(self.cursor)  # the first layout, or a new width, moves the blocks

    def _layout(self) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 80)
        if width == self._width and len(self._lines) == len(self._blocks):
            return
        self._width = width
        self._lines = [text_lines(b, width - 1) for b in self._blocks]
        self._tops = []
        y = 0
        for lines in self._lines:
            self._tops.append(y)
            y += len(lines) + self._gap
        self.virtual_size = Size(width, max(1, y))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        return self._render_line(y).apply_style(self.rich_style)

    def _render_line(self, y: int) -> Strip:
        if not self._lines:
            self._layout()
        width = self.scrollable_content_region.width or self._width
        line_y = y + self.scroll_offset.y
        index = bisect_right(self._tops, line_y) - 1
        if index < 0 or index >= len(self._lines):
            return Strip.blank(width)
        within = line_y - self._tops[index]
        lines = self._lines[index]
        if within >= len(lines):
            return Strip.blank(width)
        style = self.get_component_rich_style("blocklist--cursor") if index == self.cursor and self.has_focus else None
        marker = Text("▌" if index == self.cursor else " ", style="bold" if index == self.cursor else "")
        strip = to_strip(marker + lines[within], width)
        return strip.apply_style(style) if style else strip

    def _nearest_selectable(self, index: int, step: int) -> int:
        n = len(self._blocks)
        if not n:
            return 0
        i = max(0, min(index, n - 1))
        while 0 <= i < n and not self._selectable[i]:
            i += step
        if 0 <= i < n:
            return i
        i = max(0, min(index, n - 1))
        while 0 <= i < n and not self._selectable[i]:
            i -= step
        return max(0, min(i, n - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.scroll_to_block(new, from_below=new < old)
        if self.cursor_callback:
            self.cursor_callback(new)

    def scroll_to_block(self, index: int, from_below: bool = False) -> None:
        """Bring a block into view. One taller than the view shows its start,
        or its end when the cursor came up to it from below."""
        if not self._tops or index >= len(self._tops):
            return
        top = self._tops[index]
        bottom = top + len(self._lines[index])
        height = self.scrollable_content_region.height or 1
        if bottom - top > height:
            self.scroll_to(y=bottom - height if from_below else top, animate=False)
        elif top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif bottom > self.scroll_offset.y + height:
            self.scroll_to(y=bottom - height, animate=False)

    def _scroll_within(self, direction: int, lines: int) -> bool:
        """Scroll through the cursor's block while it runs past the edge of the view."""
        if not self._tops or self.cursor >= len(self._tops):
            return False
        top = self._tops[self.cursor]
        return scroll_through(self, top, top + len(self._lines[self.cursor]), direction, lines)

    def action_cursor(self, step: int) -> None:
        if self._scroll_within(step, 1):
            return
        target = self.cursor + step
        if 0 <= target < len(self._blocks):
            self.cursor = self._nearest_selectable(target, 1 if step > 0 else -1)
        if step < 0 and self.cursor > 0 and not any(self._selectable[: self.cursor]):
            self.scroll_to(y=0, animate=False)  # blocks above the first that can be chosen (notes) come into view

    def action_page(self, direction: int) -> None:
        height = self.scrollable_content_region.height or 10
        if not self._tops:
            return
        if self._scroll_within(direction, max(1, height - 2)):
            return
        target_y = self._tops[self.cursor] + direction * height
        index = max(0, min(len(self._tops) - 1, bisect_right(self._tops, target_y) - 1))
        self.cursor = self._nearest_selectable(index, 1 if direction > 0 else -1)

    def action_first(self) -> None:
        if self._blocks:
            self.cursor = self._nearest_selectable(0, 1)
            self.scroll_to(y=self._tops[self.cursor] if self._tops else 0, animate=False)

    def action_last(self) -> None:
        if self._blocks:
            self.cursor = self._nearest_selectable(len(self._blocks) - 1, -1)
            if self._tops:  # the end of the last block, however tall
                height = self.scrollable_content_region.height or 1
                bottom = self._tops[self.cursor] + len(self._lines[self.cursor])
                self.scroll_to(y=max(0, bottom - height), animate=False)

    def action_select(self) -> None:
        if self._blocks and self._selectable[self.cursor]:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        line_y = event.y + self.scroll_offset.y
        index = bisect_right(self._tops, line_y) - 1
        if 0 <= index < len(self._blocks) and self._selectable[index]:
            self.cursor = index
