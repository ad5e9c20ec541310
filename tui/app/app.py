"""The Parallax reader: a thin layer over the engine."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ..engine.compare import Comparison, compare
from ..engine.corpus import Corpus
from .model import MarkStyles, ViewModel
from .screens import CompareScreen, DiscrepanciesScreen, HelpScreen, LoadingScreen, ReadScreen, SourcesScreen
from .themes import DEFAULT_THEME, load_themes, theme_marks

CSS_PATH = Path(__file__).with_name("parallax.tcss")


class ParallaxApp(App[int]):
    CSS_PATH = CSS_PATH
    TITLE = "Parallax"
    MODES = {
        "loading": LoadingScreen,
        "compare": CompareScreen,
        "read": ReadScreen,
        "discrepancies": DiscrepanciesScreen,
        "sources": SourcesScreen,
    }
    DEFAULT_MODE = "compare"
    BINDINGS = [
        Binding("c", "view('compare')", "compare"),
        Binding("r", "view('read')", "read"),
        Binding("d", "view('discrepancies')", "diffs"),
        Binding("s", "view('sources')", "sources"),
        Binding("question_mark", "help", "help"),
        Binding("q", "quit", "quit"),
    ]

    def __init__(
        self,
        corpus: Corpus,
        comparison: Comparison | None = None,
        strictness: float = 0.5,
        theme: str | None = None,
        theme_dirs: list[Path] | None = None,
        background: bool = False,
    ) -> None:
        """``background`` aligns after the first screen shows, with a loading
        view meanwhile; otherwise the comparison is ready before the app runs."""
        self.DEFAULT_MODE = "loading" if background and comparison is None else "compare"
        # With NO_COLOR, Textual's ANSI mode keeps bold, underline and reverse
        # and drops colours; its greyscale filter would turn ANSI themes black.
        super().__init__(ansi_color=True if no_color() else None)
        self.corpus = corpus
        self.strictness = strictness
        self.comparison: Comparison | None = None
        self.model: ViewModel = None  # type: ignore[assignment]  # set by _install before any view uses it
        if self.DEFAULT_MODE == "compare":
            self._install(comparison or compare(corpus, strictness=strictness))
        self.order: list[str] = [s.id for s in corpus.sources]
        self.hidden: set[str] = set()
        self.pinned: str | None = None
        self.focus_source: str | None = self.order[0] if self.order else None
        self.column_offset = 0
        self.filter_discrepancies = False
        self.search = ""
        self.mark_styles = MarkStyles()
        self.startup_messages: list[tuple[str, str]] = []
        self._set_up_themes(theme, theme_dirs)

    def _set_up_themes(self, requested: str | None, dirs: list[Path] | None) -> None:
        loaded = load_themes(dirs)
        for message in loaded.errors:
            self.startup_messages.append((message, "warning"))
        for theme in loaded.themes.values():
            self.register_theme(theme)
        name = requested or DEFAULT_THEME
        if name not in self.available_themes:
            fallback = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
            self.startup_messages.append(
                (f"No theme named “{name}”; using {fallback}. Themes: {', '.join(sorted(loaded.themes))}.", "warning")
            )
            name = fallback
        self.theme = name
        self._update_mark_styles()

    def _update_mark_styles(self) -> None:
        self.mark_styles = MarkStyles.from_colours(theme_marks(self.current_theme), use_colour=not no_color())

    def _theme_changed(self) -> None:
        self._update_mark_styles()
        self.layout_changed()

    # ------------------------------------------------------------ state

    def shown_sources(self) -> list[str]:
        return [s for s in self.order if s not in self.hidden]

    def visible_rows(self) -> list[int]:
        shown = set(self.shown_sources())
        model = self.model
        out = []
        for i, row in enumerate(model.rows):
            if not any(row.cells.get(s) for s in shown):
                continue
            if self.filter_discrepancies and i not in model.row_has_discrepancy:
                continue
            out.append(i)
        return out

    def layout_changed(self) -> None:
        """Sources were hidden, moved or pinned: redraw the table when it shows next."""
        try:
            screen = self.get_screen_stack("compare")
        except Exception:  # the compare view has not been built yet
            return
        for s in screen:
            if isinstance(s, CompareScreen) and s.is_mounted:
                s.refresh_view(keep_row=s.table.current_row)

    def show_row(self, row: int) -> None:
        """Go to the compare view with ``row`` (a model index) focused."""
        self.switch_mode("compare")
        self.call_after_refresh(self._goto_row, row)

    def _goto_row(self, row: int) -> None:
        screen = self.screen
        if isinstance(screen, CompareScreen):
            screen.goto_row(row)

    def _install(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.model = ViewModel(comparison)

    @property
    def ready(self) -> bool:
        return self.comparison is not None

    # ------------------------------------------------------------ lifecycle

    @work(thread=True, exclusive=True, group="align")
    def align_in_background(self) -> None:
        comparison = compare(self.corpus, strictness=self.strictness)
        model = ViewModel(comparison)
        self.call_from_thread(self._aligned, comparison, model)

    def _aligned(self, comparison: Comparison, model: ViewModel) -> None:
        self.comparison = comparison
        self.model = model
        self.switch_mode("compare")

    def on_mount(self) -> None:
        if not self.ready:
            self.align_in_background()
        self.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())
        for message, severity in self.startup_messages:
            self.notify(message, severity=severity, timeout=8)  # type: ignore[arg-type]

    # ------------------------------------------------------------ actions

    def action_view(self, name: str) -> None:
        if not self.ready:
            return
        if name == "read" and isinstance(self.screen, CompareScreen):
            self.focus_source = self.focus_source or (self.order[0] if self.order else None)
        self.switch_mode(name)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.exit(0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not self.ready:
            return
        yield SystemCommand("Compare view", "The alignment table (c)", lambda: self.action_view("compare"))
        yield SystemCommand("Read view", "One article as written (r)", lambda: self.action_view("read"))
        yield SystemCommand(
            "Discrepancies view", "Every variant and figure conflict (d)", lambda: self.action_view("discrepancies")
        )
        yield SystemCommand("Sources view", "Hide, order and pin sources (s)", lambda: self.action_view("sources"))
        yield SystemCommand("Help", "The keys (?)", self.action_help)
        if isinstance(screen, CompareScreen):
            yield SystemCommand("Next discrepancy", "Row with a variant or conflict (n)", lambda: screen.action_discrepancy(1))
            yield SystemCommand("Previous discrepancy", "(N)", lambda: screen.action_discrepancy(-1))
            yield SystemCommand("Filter discrepancies", "Only rows with discrepancies, on/off (f)", screen.action_toggle_filter)
            yield SystemCommand("Search", "Find text in the rows (/)", screen.action_search)
            yield SystemCommand("Next column", "Focus the next source (l, Tab)", lambda: screen.action_column(1))
            yield SystemCommand("Previous column", "Focus the previous source (h)", lambda: screen.action_column(-1))
            yield SystemCommand("Pin column", "Keep the focused source as the left column (p)", screen.action_pin)
            for i, sid in enumerate(self.order[:9]):
                yield SystemCommand(
                    f"Focus source {i + 1}: {self.model.labels[sid]}", f"({i + 1})", lambda i=i: screen.action_focus_source(i)
                )


def no_color() -> bool:
    """NO_COLOR set to anything, even empty, asks for no colour (no-color.org)."""
    return "NO_COLOR" in os.environ
