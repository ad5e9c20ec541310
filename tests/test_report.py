from __future__ import annotations

import re
import shutil

import pytest

from tui.cli import main
from tui.engine.compare import compare
from tui.engine.corpus import load_corpus
from tui.engine.report import ReportMarks, report_html, report_markdown
from tui.engine.review import ReviewStore, figures_anchor, resolve

from .conftest import SEEDS


@pytest.fixture(scope="module")
def comparison(seed_corpus):
    return compare(seed_corpus)


def test_markdown_report_has_sources_conflicts_and_variants(comparison):
    md = report_markdown(comparison)
    assert md.startswith("# Sourcing report")
    assert "## Sources" in md and "| 000 RFE/RL | RFE/RL | 2023-09-24 |" in md
    assert "## Figure conflicts" in md and "377" in md and "more than 1,000" in md
    assert "So far, a total of 377 people have arrived" in md  # the quote, not only the number
    assert "## Spelling variants" in md and "Pashinian" in md and "Pashinyan" in md


def test_html_report_is_one_self_contained_file(comparison):
    page = report_html(comparison)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"<(script|link|img)\b", page)
    assert "http://" not in page and "https://" not in page
    assert "<mark>377</mark>" in page


def test_report_escapes_article_text(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Mayor Quimby said <script>alert(1)</script> 47 evacuees | left *Springfield* after the Tuesday flood.\n"
    )
    (tmp_path / "b.txt").write_text("Mayor Quimby said more than 100 evacuees left Springfield after the Tuesday flood.\n")
    result = compare(load_corpus([tmp_path]))
    assert result.conflicts, "the fixture must produce a conflict so that its sentence is quoted"
    page = report_html(result)
    assert "<script>" not in page and "&lt;script&gt;" in page
    md = report_markdown(result)
    assert "<script>" not in md


def test_markdown_report_lets_no_markup_out_of_article_text_or_notes(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Mayor Quimby said ![img](x.png) 47 evacuees [left](http://x) Springfield &amp; the Tuesday flood.\n"
    )
    (tmp_path / "b.txt").write_text("Mayor Quimby said more than 100 evacuees left Springfield after the Tuesday flood.\n")
    corpus = load_corpus([tmp_path])
    result = compare(corpus)
    store = ReviewStore(None)
    store.set_mark("figures", figures_anchor(corpus, result.conflicts[0]), "disputed", "first line\n\n# Injected")
    md = report_markdown(result, ReportMarks.from_resolution(resolve(store.marks, corpus, result)))
    assert "![img](x.png)" not in md and "[left](http://x)" not in md and "&amp;amp;" in md
    assert "\n# Injected" not in md and "first line # Injected" in md


def test_report_carries_the_editors_marks(tmp_path, comparison, seed_corpus):
    store = ReviewStore(None)
    conflict = comparison.conflicts[0]
    store.set_mark("figures", figures_anchor(seed_corpus, conflict), "disputed", "call the ministry")
    marks = ReportMarks.from_resolution(resolve(store.marks, seed_corpus, comparison))
    assert "Editor: disputed — call the ministry" in report_markdown(comparison, marks)
    assert "Editor: disputed — call the ministry" in report_html(comparison, marks)


def test_report_command(tmp_path, capsys):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    out = tmp_path / "report.html"
    assert main(["report", str(folder), "--format", "html", "--output", str(out)]) == 0
    assert "<h2>Figure conflicts</h2>" in out.read_text(encoding="utf-8")
    assert main(["report", str(folder), "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Sourcing report")
    assert not (folder / ".parallax").exists()  # reading a report writes no review file


def test_report_command_with_damaged_review_file(tmp_path, capsys):
    review = tmp_path / "review.yaml"
    review.write_text("marks: [oops\n")
    assert main(["report", str(SEEDS), "--review", str(review)]) == 0
    assert "damaged" in capsys.readouterr().err
