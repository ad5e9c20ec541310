from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest
import yaml

from tui.engine.compare import compare
from tui.engine.corpus import load_corpus
from tui.engine.review import (
    ReviewStore,
    default_review_path,
    figures_anchor,
    resolve,
    row_anchor,
    variant_anchor,
)

from .conftest import ROOT, SEEDS


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def _arrivals_row(comparison):
    return next(r for r in comparison.alignment.rows if "001_42660f7c9533477f:p5" in r.paragraphs and "002_e26d6aa20c766d9e:p2" in r.paragraphs)


def test_marks_round_trip_and_resolve(corpus_dir):
    corpus = load_corpus([corpus_dir])
    comparison = compare(corpus)
    path, note = default_review_path(corpus)
    assert path == corpus_dir / ".parallax" / "review.yaml" and note is None
    store = ReviewStore.open(path)
    row = _arrivals_row(comparison)
    store.set_mark("row", row_anchor(corpus, row), "disputed", "377 against more than 1,000")
    variant = next(v for v in comparison.variants if "Pashinian" in v.forms)
    store.set_mark("variant", variant_anchor(corpus, variant), "checked", "")
    conflict = comparison.conflicts[0]
    store.set_mark("figures", figures_anchor(corpus, conflict), "needs-source", "ask AP")
    assert path.is_file()

    again = ReviewStore.open(path)
    assert [(m.target, m.status, m.note) for m in again.marks] == [
        ("row", "disputed", "377 against more than 1,000"),
        ("variant", "checked", ""),
        ("figures", "needs-source", "ask AP"),
    ]
    resolution = resolve(again.marks, corpus, comparison)
    assert resolution.rows[row.id][0].note.startswith("377")
    assert comparison.variants.index(variant) in resolution.variants
    assert comparison.figures.index(conflict) in resolution.figures
    assert not resolution.orphaned


def test_clearing_a_mark_removes_it(corpus_dir):
    corpus = load_corpus([corpus_dir])
    comparison = compare(corpus)
    store = ReviewStore.open(corpus_dir / "review.yaml")
    anchor = row_anchor(corpus, _arrivals_row(comparison))
    store.set_mark("row", anchor, "checked", "fine")
    store.set_mark("row", anchor, None, "  ")
    assert store.marks == []
    assert yaml.safe_load((corpus_dir / "review.yaml").read_text())["marks"] == []


def test_marks_survive_realignment_and_edits_to_other_articles(corpus_dir):
    corpus = load_corpus([corpus_dir])
    comparison = compare(corpus)
    store = ReviewStore.open(corpus_dir / "r.yaml")
    row = _arrivals_row(comparison)
    store.set_mark("row", row_anchor(corpus, row), "disputed", "check")
    # Another article changes, and the alignment runs at another strictness.
    other = corpus_dir / "003_d746f951cc115972.txt"
    other.write_text(other.read_text(encoding="utf-8").replace("Kremlin", "The Kremlin's"), encoding="utf-8")
    corpus2 = load_corpus([corpus_dir])
    comparison2 = compare(corpus2, strictness=0.6)
    resolution = resolve(ReviewStore.open(corpus_dir / "r.yaml").marks, corpus2, comparison2)
    assert not resolution.orphaned
    (row_id,) = resolution.rows
    new_row = next(r for r in comparison2.alignment.rows if r.id == row_id)
    assert "001_42660f7c9533477f:p5" in new_row.paragraphs


def test_mark_on_changed_text_is_orphaned_not_dropped(corpus_dir):
    corpus = load_corpus([corpus_dir])
    comparison = compare(corpus)
    store = ReviewStore.open(corpus_dir / "r.yaml")
    store.set_mark("row", row_anchor(corpus, _arrivals_row(comparison)), "disputed", "keep me")
    article = corpus_dir / "001_42660f7c9533477f.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("377", "378"), encoding="utf-8")
    corpus2 = load_corpus([corpus_dir])
    reopened = ReviewStore.open(corpus_dir / "r.yaml")
    resolution = resolve(reopened.marks, corpus2, compare(corpus2))
    assert [m.note for m in resolution.orphaned] == ["keep me"]
    assert len(reopened.marks) == 1  # still in the file


def test_corrupted_review_file_is_backed_up(tmp_path):
    path = tmp_path / "review.yaml"
    path.write_text("marks: [ {target: row, anchor: [unclosed\n")
    store = ReviewStore.open(path)
    assert store.marks == [] and not store.read_only
    assert any("damaged" in m for m in store.messages)
    backups = list(tmp_path.glob("review.yaml.corrupt-*"))
    assert len(backups) == 1 and "unclosed" in backups[0].read_text()
    assert not path.exists()


@pytest.mark.parametrize(
    "content",
    ["just a string", "marks: 5", "marks:\n  - target: shelf\n    anchor: {paragraphs: []}\n", "marks:\n  - target: row\n    status: great\n    anchor: {paragraphs: []}\n"],
)
def test_wrong_shapes_count_as_damage(tmp_path, content):
    path = tmp_path / "review.yaml"
    path.write_text(content)
    store = ReviewStore.open(path)
    assert store.marks == [] and store.messages


def test_unwritable_location_turns_read_only_with_a_message(tmp_path, corpus_dir):
    corpus = load_corpus([corpus_dir])
    comparison = compare(corpus)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = ReviewStore.open(blocker / "review.yaml")  # its folder is a file: cannot be created
    assert store.set_mark("row", row_anchor(corpus, _arrivals_row(comparison)), "checked", "x") is not None
    assert store.read_only and store.unsaved
    assert any("not saved" in m for m in store.messages)
    assert len(store.marks) == 1  # kept in memory


def test_read_only_corpus_uses_the_data_folder(tmp_path, monkeypatch, corpus_dir):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("tui.engine.review._writable", lambda folder: False)
    corpus = load_corpus([corpus_dir])
    path, note = default_review_path(corpus)
    assert str(path).startswith(str(tmp_path / "data" / "parallax" / "reviews"))
    assert note and str(path) in note


def test_bundled_seeds_in_site_packages_count_as_read_only(tmp_path):
    from tui.engine.review import _writable

    site = tmp_path / "lib" / "site-packages" / "tui" / "seeds"
    site.mkdir(parents=True)
    assert not _writable(site / ".parallax")


KILL_CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from tui.engine.review import Anchor, ReviewStore
    store = ReviewStore.open({path!r})
    n = len(store.marks)
    while True:
        anchor = Anchor(paragraphs=[{{"source": "s", "hash": f"h{{n}}", "text": "x" * 500}}])
        store.set_mark("row", anchor, "checked", "note " * 50)
        n += 1
        print(n, flush=True)
    """
)


def test_killing_during_saves_loses_nothing_saved_before(tmp_path):
    path = tmp_path / "review.yaml"
    for round_ in range(3):
        child = subprocess.Popen(
            [sys.executable, "-c", KILL_CHILD.format(root=str(ROOT), path=str(path))],
            stdout=subprocess.PIPE,
            text=True,
        )
        # The first save can be slow on a loaded machine (the child has to start
        # Python and import the engine); the round is timed from there.
        saved = int(child.stdout.readline() or 0)
        deadline = time.monotonic() + 1.0 + 0.3 * round_
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if line:
                saved = int(line)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        store = ReviewStore.open(path)
        assert not store.messages, store.messages  # the file always parses
        assert len(store.marks) >= saved > 0
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_failed_save_after_a_good_start(tmp_path, corpus_dir, monkeypatch):
    corpus = load_corpus([corpus_dir])
    comparison = compare(corpus)
    store = ReviewStore.open(tmp_path / "review.yaml")
    anchor = row_anchor(corpus, _arrivals_row(comparison))
    store.set_mark("row", anchor, "checked", "first")
    before = (tmp_path / "review.yaml").read_text()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.engine.review.atomic_write_text", disk_full)
    store.set_mark("row", anchor, "disputed", "second")
    assert store.read_only and any("Cannot save review marks" in m for m in store.messages)
    assert (tmp_path / "review.yaml").read_text() == before  # the old file is intact
    assert store.marks[0].note == "second"  # the editor's change is kept in memory


_TWO_MARKS = """marks:
  - id: a
    target: row
    status: checked
    anchor: {paragraphs: [{source: s, hash: h1, text: one}]}
  - id: b
    target: row
    status: Checked-ish
    anchor: {paragraphs: [{source: s, hash: h2, text: two}]}
"""


def test_one_bad_mark_is_skipped_and_the_others_load(tmp_path):
    path = tmp_path / "review.yaml"
    path.write_text(_TWO_MARKS)
    store = ReviewStore.open(path)
    assert [m.id for m in store.marks] == ["a"] and not store.read_only
    assert any("1 mark could not be read" in m for m in store.messages)
    assert path.read_text() == _TWO_MARKS  # untouched until the app saves
    (backup,) = tmp_path.glob("review.yaml.corrupt-*")
    assert backup.read_text() == _TWO_MARKS  # so saving loses nothing


@pytest.mark.parametrize("content", [_TWO_MARKS, "marks: [ {target: row, anchor: [unclosed\n"])
def test_a_report_reads_a_damaged_review_file_without_moving_it(tmp_path, content):
    path = tmp_path / "review.yaml"
    path.write_text(content)
    store = ReviewStore.open(path, reading_only=True)
    assert store.messages and path.read_text() == content
    assert not list(tmp_path.glob("*.corrupt-*"))
    assert [m.id for m in store.marks] == (["a"] if content == _TWO_MARKS else [])
