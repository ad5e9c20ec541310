from __future__ import annotations

import os

from tui.engine.fileio import atomic_write_text


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path):
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.json"
        atomic_write_text(new, "{}")
        assert new.stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
        kept = tmp_path / "kept.json"
        kept.write_text("old")
        kept.chmod(0o640)
        atomic_write_text(kept, "new")
        assert (kept.read_text(), kept.stat().st_mode & 0o777) == ("new", 0o640)
    finally:
        os.umask(old)
