from __future__ import annotations

from textual.widgets import DataTable, Static

from tui.app import create_app


async def test_app_lists_sources_and_shows_paragraphs(seed_corpus):
    app = create_app(seed_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one("#sources", DataTable)
        assert table.row_count == 5
        article = str(app.query_one("#article", Static).render())
        assert "The two-day offensive forced" in article
        await pilot.press("down")
        await pilot.pause()
        assert "Azerbaijan took control" in str(app.query_one("#article", Static).render())
        await pilot.press("q")
    assert app.return_code == 0
