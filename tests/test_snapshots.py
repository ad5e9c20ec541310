"""Snapshot SVGs of the compare view on the seeds (pytest-textual-snapshot).

Update after an intended change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from tui.app import create_app
from tui.engine.corpus import bundled_seeds, load_corpus

PASHINIAN_SOURCE = "000_325959a8911ed8b1"


@pytest.fixture
def seeds_app(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent-parallax-config")
    return create_app(load_corpus([bundled_seeds()]))


def _discrepancy_row(app, text: str) -> int:
    model = app.model
    entry = next(d for d in model.discrepancies if text in d.title)
    return model.row_index[entry.row_id]


async def _go_to_conflict(pilot) -> None:
    await pilot.pause()
    pilot.app.show_row(_discrepancy_row(pilot.app, "377"))
    await pilot.pause()


async def _go_to_pashinian(pilot) -> None:
    await pilot.pause()
    app = pilot.app
    app.pinned = PASHINIAN_SOURCE  # Pashinian is spelled so only in this source
    row = _discrepancy_row(app, "Pashinian")
    app.show_row(row)
    await pilot.pause()
    other = next(
        (
            s
            for s, pids in app.model.rows[row].cells.items()
            if any("Pashinyan" in app.model.paragraph_text[p] for p in pids)
        ),
        None,
    )
    if other:
        await pilot.press(str(app.order.index(other) + 1))
        await pilot.pause()


def test_compare_80x24_figure_conflict(snap_compare, seeds_app):
    assert snap_compare(seeds_app, terminal_size=(80, 24), run_before=_go_to_conflict)


def test_compare_80x24_pashinian_row(snap_compare, seeds_app):
    assert snap_compare(seeds_app, terminal_size=(80, 24), run_before=_go_to_pashinian)


def test_compare_200x50_discrepancies(snap_compare, seeds_app):
    # Only rows with discrepancies: the conflict and the Pashinian / Pashinyan row show together.
    async def run_before(pilot) -> None:
        await pilot.press("f")
        await _go_to_conflict(pilot)

    assert snap_compare(seeds_app, terminal_size=(200, 50), run_before=run_before)
