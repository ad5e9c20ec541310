"""The Parallax reader."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from ..engine.corpus import Corpus, Source

CSS_PATH = Path(__file__).with_name("parallax.tcss")


def source_text(src: Source) -> Text:
    """A source's body as plain text: article text is data, never markup."""
    text = Text()
    for p in src.paragraphs:
        text.append(f"p{p.index} ", style="dim")
        text.append(p.text)
        text.append("\n\n")
    return text


class ParallaxApp(App[int]):
    CSS_PATH = CSS_PATH
    TITLE = "Parallax"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, corpus: Corpus, **options: object) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str] = DataTable(id="sources", cursor_type="row")
        table.add_columns("source", "outlet", "date", "paras")
        for src in self.corpus.sources:
            table.add_row(Text(src.id), Text(src.outlet or "-"), Text(src.date or "-"),
                          str(len(src.paragraphs)), key=src.id)
        yield table
        with VerticalScroll(id="body"):
            yield Static(id="article")
        yield Footer()

    def on_mount(self) -> None:
        self.show_source(self.corpus.sources[0])

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.show_source(self.corpus.source(event.row_key.value))

    def show_source(self, src: Source) -> None:
        self.query_one("#article", Static).update(source_text(src))
        self.sub_title = src.label

    async def action_quit(self) -> None:
        self.exit(0)
