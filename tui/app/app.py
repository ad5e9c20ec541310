"""The Parallax reader: a thin layer over the engine."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from ..engine.compare import Comparison, compare
from ..engine.corpus import REPORT_STEM, Corpus
from ..engine.report import counted
from ..engine.review import (
    STATUSES,
    Anchor,
    Mark,
    Resolution,
    ReviewStore,
    figures_anchor,
    resolve,
    row_anchor,
    text_hash,
    variant_anchor,
)
from .model import MarkStyles, ViewModel
from .screens import (
    CompareScreen,
    DiscrepanciesScreen,
    HelpScreen,
    LoadingScreen,
    MarkScreen,
    ReadScreen,
    SourcesScreen,
)
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
        Binding("E", "export_report('html')", "Export report", show=False),
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
        review: ReviewStore | None = None,
    ) -> None:
        """``background`` aligns after the first screen shows, with a loading
        view meanwhile; otherwise the comparison is ready before the app runs."""
        # Textual reads the first mode from DEFAULT_MODE when the app starts.
        self.DEFAULT_MODE = "loading" if background and comparison is None else "compare"  # type: ignore[misc]
        # With NO_COLOR, Textual's ANSI mode keeps bold, underline and reverse
        # and drops colours; its greyscale filter would turn ANSI themes black.
        super().__init__(ansi_color=True if no_color() else None)
        self.corpus = corpus
        self.strictness = strictness
        self.comparison: Comparison | None = None
        self.model: ViewModel = None  # type: ignore[assignment]  # set by _install before any view uses it
        self.order: list[str] = [s.id for s in corpus.sources]
        self.hidden: set[str] = set()
        self.pinned: str | None = None
        self.focus_source: str | None = self.order[0] if self.order else None
        self.column_offset = 0
        # Sources shown side by side out of their order, so that both sides of
        # a discrepancy show on a narrow screen; any move between columns ends it.
        self.column_jump: list[str] = []
        self.read_target: str | None = None  # the paragraph the Read view opens at next
        self.read_from_row: int | None = None  # the Compare row the Read view was opened from
        self.filter_discrepancies = False
        self.search = ""
        self.mark_filter = ""
        self.review = review or ReviewStore(None)
        self.resolution: Resolution | None = None
        self._discrepancy_mark_lists: list[list[Mark]] = []
        self._row_marks: dict[int, list[Mark]] = {}
        self.mark_styles = MarkStyles()
        self.startup_messages: list[tuple[str, str]] = []
        self._say_file_warnings(corpus.warnings)
        self._set_up_themes(theme, theme_dirs)
        if self.DEFAULT_MODE == "compare":
            self._install(comparison or compare(corpus, strictness=strictness))

    def _say_file_warnings(self, warnings: list[str]) -> None:
        """Files skipped or read with a fallback: said on the screen too, where the
        editor looks, not only on the terminal behind the app."""
        shown = 3
        for warning in warnings[:shown]:
            self.startup_messages.append((warning, "warning"))
        if len(warnings) > shown:
            self.startup_messages.append(
                (f"{counted(len(warnings) - shown, 'more warning')} about the files; "
                 "`parallax sources` with the same paths lists them all.", "warning"))

    def action_help_quit(self) -> None:
        """Ctrl+C: say in plain words which key quits (Textual's own notice is markup)."""
        keys = [key for key, active in self.active_bindings.items() if active.binding.action in ("quit", "app.quit")]
        if keys:
            self.notify(f"Press {keys[0]} to quit the app.", title="Do you want to quit?")

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
            if self.mark_filter and not self.row_passes(i):
                continue
            out.append(i)
        return out

    def layout_changed(self) -> None:
        """Sources were hidden, moved or pinned: redraw the table when it shows next."""
        self.column_jump = []
        self.redraw_compare()

    def redraw_compare(self) -> None:
        """Redraw the table (marks changed) on the same row and columns."""
        for screen in self._all_screens():
            if isinstance(screen, CompareScreen) and screen.is_mounted:
                screen.refresh_view(keep_row=screen.table.current_row)

    def show_row(self, row: int, source: str | None = None) -> None:
        """Go to the compare view with ``row`` (a model index) focused, and
        ``source``'s column in view when it has a paragraph there."""
        self.switch_mode("compare")
        self.call_after_refresh(self._goto_row, row, source)

    def _goto_row(self, row: int, source: str | None = None) -> None:
        screen = self.screen
        if isinstance(screen, CompareScreen):
            screen.goto_row(row, source)

    def _install(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.model = ViewModel(comparison)
        self.refresh_marks()

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
        self.refresh_marks()
        self.switch_mode("compare")
        self.call_after_refresh(self._restore_session)
        self._say_orphans()

    def _say_orphans(self) -> None:
        orphaned = len(self.resolution.orphaned) if self.resolution else 0
        if orphaned:
            marks = "mark no longer matches its text" if orphaned == 1 else "marks no longer match their text"
            self.notify(f"{orphaned} {marks}: see the top of Discrepancies (d).", severity="warning", timeout=10)

    def on_mount(self) -> None:
        if not self.ready:
            self.align_in_background()
        else:
            self.call_after_refresh(self._restore_session)
            self._say_orphans()
        for message in self.review.messages:
            self.notify(message, severity="warning", timeout=10)
        self.review.messages.clear()
        if self.review.path is not None and not self.review.read_only:
            self.sub_title = f"review: {self.review.path}"
        self.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())
        for message, severity in self.startup_messages:
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    # ------------------------------------------------------------ review

    def refresh_marks(self) -> None:
        """Attach the marks to the current rows and discrepancies and redraw."""
        if self.comparison is None:
            return
        resolution = self.resolution = resolve(self.review.marks, self.corpus, self.comparison)
        model = self.model
        variant_position = {id(g): i for i, g in enumerate(self.comparison.variants)}
        figures_position = {id(g): i for i, g in enumerate(self.comparison.figures)}
        self._discrepancy_mark_lists = [
            resolution.variants.get(variant_position[id(d.variant)], [])
            if d.variant is not None
            else resolution.figures.get(figures_position[id(d.figures)], [])
            for d in model.discrepancies
        ]
        self._row_marks = defaultdict(list)
        model.row_badges.clear()
        model.row_mark_notes.clear()
        for row_id, marks in resolution.rows.items():
            index = model.row_index[row_id]
            self._row_marks[index] += marks
            model.row_badges[index] = badge(marks)
            model.row_mark_notes[index] = [f"mark: {m.label}" + (f" — {m.note}" if m.note else "") for m in marks]
        model.discrepancy_badges.clear()
        for i, d in enumerate(model.discrepancies):
            marks = self._discrepancy_mark_lists[i]
            if marks:
                model.discrepancy_badges[i] = badge(marks)
                if d.row_id:
                    row = model.row_index[d.row_id]
                    self._row_marks[row] += marks
                    model.row_mark_notes.setdefault(row, []).extend(
                        f"{d.kind} mark: {m.label}" + (f" — {m.note}" if m.note else "") for m in marks
                    )
        # A row's badge shows the marks that the mark filter sees in it: its own
        # and those of the discrepancies it opens.
        for index, marks in self._row_marks.items():
            model.row_badges[index] = badge(marks)

    def _discrepancy_marks(self, index: int) -> list[Mark]:
        return self._discrepancy_mark_lists[index] if self.resolution is not None else []

    def discrepancy_notes(self, index: int) -> list[str]:
        return [m.note for m in self._discrepancy_marks(index) if m.note]

    def _anchor_for_discrepancy(self, index: int) -> tuple[str, Anchor]:
        d = self.model.discrepancies[index]
        if d.variant is not None:
            return "variant", variant_anchor(self.corpus, d.variant)
        assert d.figures is not None
        return "figures", figures_anchor(self.corpus, d.figures)

    def mark_row(self, row: int) -> None:
        anchor = row_anchor(self.corpus, self.model.rows[row])
        self._edit_mark("row", anchor, f"Mark row {row + 1} ({len(self.model.rows[row].sources)} sources)")

    def mark_discrepancy(self, index: int) -> None:
        target, anchor = self._anchor_for_discrepancy(index)
        self._edit_mark(target, anchor, f"Mark {self.model.discrepancies[index].title}")

    def _edit_mark(self, target: str, anchor: Anchor, title: str) -> None:
        current = self.review.find(target, anchor)

        def done(result: tuple[str | None, str] | None) -> None:
            if result is None:
                return
            status, note = result
            was_saved = not self.review.read_only
            self.review.set_mark(target, anchor, status, note)
            for message in self.review.messages:
                self.notify(message, severity="error", timeout=12)
            self.review.messages.clear()
            if was_saved and self.review.read_only:
                self.sub_title = "read-only: marks are not saved"
            elif not self.review.read_only:
                what = (status or "no status").replace("-", " ") + (", with a note" if note.strip() else "")
                if not status and not note.strip():
                    what = "mark cleared"
                self.notify(f"{title.removeprefix('Mark ')}: {what} (saved)", timeout=3)
            self.refresh_marks()
            self.redraw_compare()
            for screen in self._all_screens():
                if isinstance(screen, (DiscrepanciesScreen, ReadScreen)) and screen.is_mounted:
                    screen.refresh_marks()

        self.push_screen(MarkScreen(title, current.status if current else None, current.note if current else ""), done)

    def _all_screens(self) -> list[Screen]:
        screens: list[Screen] = []
        for mode in self.MODES:
            try:
                screens += self.get_screen_stack(mode)
            except Exception:  # a mode that has not been shown yet
                continue
        return screens

    def cycle_mark_filter(self) -> None:
        order = ["", "marked", *STATUSES, "unmarked"]
        self.mark_filter = order[(order.index(self.mark_filter) + 1) % len(order)]

    def _passes(self, marks: list[Mark]) -> bool:
        wanted = self.mark_filter
        if not wanted:
            return True
        if wanted == "marked":
            return bool(marks)
        if wanted == "unmarked":
            return not marks
        return any(m.status == wanted for m in marks)

    def row_passes(self, index: int) -> bool:
        if not self.mark_filter or self.resolution is None:
            return True
        return self._passes(self._row_marks.get(index, []))

    def discrepancy_passes(self, index: int) -> bool:
        return self._passes(self._discrepancy_marks(index))

    def action_export_report(self, fmt: str = "html") -> None:
        if not self.ready:
            return
        from ..engine.fileio import atomic_write_text
        from ..engine.report import ReportMarks, report_html, report_markdown

        assert self.comparison is not None and self.resolution is not None
        render = report_html if fmt == "html" else report_markdown
        text = render(self.comparison, ReportMarks.from_resolution(self.resolution))
        suffix = "html" if fmt == "html" else "md"
        # Named after a review file of its own name, so two corpora reviewed in one folder keep two reports.
        stem = self.review.path.stem if self.review.path is not None else "review"
        name = f"{REPORT_STEM}.{suffix}" if stem == "review" else f"{stem}.{REPORT_STEM}.{suffix}"
        # Beside the review file, never among the articles, where it would be read as one next time.
        folders = [self.review.path.parent] if self.review.path is not None and not self.review.read_only else []
        folders.append(Path.cwd())
        for n, folder in enumerate(folders):
            target = folder / name
            replaced = target.exists()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                atomic_write_text(target, text)
            except OSError as exc:
                self.notify(f"Cannot write {target}: {exc.strerror or exc}", severity="warning", timeout=8)
                continue
            where = ""
            if n == len(folders) - 1:
                why = "no review file this session" if self.review.path is None else (
                    "the review folder cannot be written" if n else "the review file is read-only")
                where = f" (the current folder: {why})"
            self.notify(f"Report {'replaced' if replaced else 'written'}: {target}{where}", timeout=8)
            return
        self.notify("The report could not be written anywhere.", severity="error", timeout=10)

    # ------------------------------------------------------------ session

    def _restore_session(self) -> None:
        session = self.review.session
        if not session or self.comparison is None:
            return
        source = session.get("source")
        if source in self.order:
            self.focus_source = source
        hashes = set(session.get("row") or [])
        if hashes:
            by_row = [
                (len(hashes & {text_hash(self.model.paragraph_text[p]) for p in r.paragraphs}), -i)
                for i, r in enumerate(self.model.rows)
            ]
            best, negative_index = max(by_row)
            if best:
                self.show_row(-negative_index)

    def _save_session(self) -> None:
        if self.comparison is None or self.review.path is None or self.review.read_only:
            return
        screen = self.screen
        session: dict = {"source": self.focus_source}
        if isinstance(screen, CompareScreen) and screen.table.current_row is not None:
            row = self.model.rows[screen.table.current_row]
            session["row"] = [text_hash(self.model.paragraph_text[p]) for p in row.paragraphs]
        elif self.review.session.get("row"):
            session["row"] = self.review.session["row"]
        if session != self.review.session:
            self.review.session = session
            if self.review.marks or self.review.path.exists():
                self.review.save()

    # ------------------------------------------------------------ actions

    def action_view(self, name: str) -> None:
        if not self.ready:
            return
        if name == "read":
            self.read_from_row = None  # only a Read opened from a Compare row goes back to it
        if name == "read" and isinstance(self.screen, CompareScreen):
            self.focus_source = self.focus_source or (self.order[0] if self.order else None)
            row = self.screen.table.current_row
            if row is not None and self.focus_source:
                self.read_target = self.model.nearest_paragraph(row, self.focus_source)
            self.read_from_row = row
        self.switch_mode(name)

    def notify(  # type: ignore[override]
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices carry outlet names, file names and article figures: data, never markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def clear_notices(self) -> None:
        """Dismiss the passing notices (which row, which columns) and keep the
        warnings and errors, which the editor must still be able to read."""
        for notification in list(self._notifications):
            if notification.severity == "information":
                self._unnotify(notification, refresh=False)
        self._refresh_notifications()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self._save_session()
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
        yield SystemCommand("Export report as HTML", "A sourcing report beside the review file (E)", lambda: self.action_export_report("html"))
        yield SystemCommand("Export report as Markdown", "A sourcing report beside the review file", lambda: self.action_export_report("md"))
        if isinstance(screen, DiscrepanciesScreen):
            yield SystemCommand("Mark discrepancy", "Checked, disputed, needs source, note (m)", screen.action_mark)
        if isinstance(screen, CompareScreen):
            yield SystemCommand("Next discrepancy", "Row with a variant or conflict (n)", lambda: screen.action_discrepancy(1))
            yield SystemCommand("Previous discrepancy", "(N)", lambda: screen.action_discrepancy(-1))
            yield SystemCommand("Filter discrepancies", "Only rows with discrepancies, on/off (f)", screen.action_toggle_filter)
            yield SystemCommand("Search", "Find text in the rows (/)", screen.action_search)
            yield SystemCommand("Next column", "Focus the next source (l, Tab)", lambda: screen.action_column(1))
            yield SystemCommand("Previous column", "Focus the previous source (h)", lambda: screen.action_column(-1))
            yield SystemCommand("Pin column", "Keep the focused source as the left column (p)", screen.action_pin)
            yield SystemCommand("Mark row", "Checked, disputed, needs source, note (m)", screen.action_mark)
            yield SystemCommand("Filter by mark", "Marked, checked, disputed, needs source, unmarked (M)", screen.action_mark_filter)
            for i, sid in enumerate(self.order[:9]):
                yield SystemCommand(
                    f"Focus source {i + 1}: {self.model.labels[sid]}", f"({i + 1})", lambda i=i: screen.action_focus_source(i)
                )


BADGES = {"checked": "✓ checked", "disputed": "✗ disputed", "needs-source": "? needs source"}


def badge(marks: list[Mark]) -> str:
    """The marks on one item, in short: "✗ disputed ✎"."""
    words = [BADGES[m.status] for m in marks if m.status]
    if any(m.note for m in marks):
        words.append("✎")
    return " ".join(dict.fromkeys(words))


def no_color() -> bool:
    """NO_COLOR set to anything, even empty, asks for no colour (no-color.org)."""
    return "NO_COLOR" in os.environ
