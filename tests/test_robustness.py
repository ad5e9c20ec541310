"""Big, small, odd and hostile input: nothing crashes and nothing is lost."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.app import create_app
from tui.app.compare_view import CompareTable
from tui.engine.compare import compare
from tui.engine.corpus import load_corpus, split_sentences
from tui.engine.figures import extract_figures

from .conftest import SEEDS


def test_ten_megabyte_article(tmp_path):
    words = (SEEDS / "002_e26d6aa20c766d9e.txt").read_text(encoding="utf-8").split()
    rng = random.Random(7)
    paragraphs, size = [], 0
    while size < 10_000_000:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(20, 80)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    (tmp_path / "huge.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    (tmp_path / "small.txt").write_text((SEEDS / "000_325959a8911ed8b1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert len(corpus.source("huge").paragraphs) == len(paragraphs)
    result = compare(corpus)
    placed = {p for r in result.alignment.rows for p in r.paragraphs}
    assert placed == {p.id for p in corpus.paragraphs()}


def test_three_hundred_articles(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(300):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (tmp_path / f"a{n:03d}.txt").write_text(text.replace("120,000", f"{120_000 + n:,}"), encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert len(corpus.sources) == 300
    result = compare(corpus)
    placed = {p for r in result.alignment.rows for p in r.paragraphs}
    assert placed == {p.id for p in corpus.paragraphs()}
    assert any(g.status == "conflict" for g in result.figures)


def test_one_line_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Police said 12 people were hurt.")
    (tmp_path / "b.txt").write_text("Twelve people were hurt, police said")
    (tmp_path / "c.txt").write_text("x")
    result = compare(load_corpus([tmp_path]))
    assert len(result.alignment.rows) >= 2


async def test_no_overlap_gives_single_source_rows_in_the_app(tmp_path):
    (tmp_path / "a.txt").write_text("The harvest festival drew crowds.\n\nBakers sold pies all day.\n")
    (tmp_path / "b.txt").write_text("Quantum chips need very cold rooms.\n\nEngineers cooled three qubits.\n")
    corpus = load_corpus([tmp_path])
    app = create_app(corpus)
    assert all(len(r.sources) == 1 for r in app.comparison.alignment.rows)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("n", "f", "d", "enter", "r", "enter", "c", "G"):
            await pilot.press(key)
        await pilot.pause()


async def test_resize_to_40x10_and_back_in_every_view(seed_corpus):
    app = create_app(seed_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        for view in ("c", "r", "d", "s"):
            await pilot.press(view)
            await pilot.resize_terminal(40, 10)
            await pilot.pause()
            await pilot.press("j", "k")
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert len(app.screen.query_one(CompareTable).columns) == 2


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_sentence_spans_cover_the_text(text):
    spans = split_sentences(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        assert text[previous:start].strip() == ""
        previous = end
    assert text[previous:].strip() == ""


_NUMBERISH = st.lists(
    st.one_of(
        st.sampled_from(["more than", "about", "nearly", "at least", "up to", "between", "and", "tens of thousands",
                         "dozens", "Ninety-nine point nine", "percent", "tons", "km", "Sept. 20", "1994", "24-hour"]),
        st.from_regex(r"[0-9]{1,3}(,[0-9]{3}){0,2}(\.[0-9])?", fullmatch=True),
        st.text(max_size=8),
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_NUMBERISH)
def test_figure_parser_never_crashes_on_number_heavy_text(text):
    for figure in extract_figures(text):
        assert text[figure.start : figure.end] == figure.text
