"""Export the README screenshot from the real app: python docs/make_screenshot.py"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app import create_app  # noqa: E402
from tui.engine.corpus import bundled_seeds, load_corpus  # noqa: E402


async def shoot(path: Path, size: tuple[int, int]) -> None:
    os.environ.pop("NO_COLOR", None)
    app = create_app(load_corpus([bundled_seeds()]))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        conflict = next(d for d in app.model.discrepancies if d.kind == "conflict")
        app.show_row(app.model.row_index[conflict.row_id])
        await pilot.pause()
        path.write_text(app.export_screenshot(title="parallax — five reports of the Nagorno-Karabakh exodus"), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    asyncio.run(shoot(ROOT / "docs" / "screenshot.svg", (120, 34)))
