from __future__ import annotations

import pytest

from benchmarks.build_background import count_words, story_folders, table_text
from tui.engine import background as bg
from tui.engine.background import Background, parse, word_scales
from tui.engine.corpus import load_corpus
from tui.engine.evidence import stem

from .test_evidence import _build, _sentence


def test_the_bundled_table_is_made_from_the_evaluation_stories_as_words_are_keyed_today():
    # Fails when the stemmer or the stories change and the table was not made again.
    expected = table_text()
    assert parse(expected).stories == len(story_folders()) == bg.background().stories
    assert bg.TABLE.read_text(encoding="utf-8") == expected, "run: python benchmarks/build_background.py"


def test_the_table_does_not_depend_on_the_users_furniture_rules(tmp_path, monkeypatch):
    folders = story_folders()[:1]
    before = count_words(folders)
    config = tmp_path / "parallax"
    config.mkdir()
    (config / "furniture.yaml").write_text(
        "furniture:\n  - name: lines-with-the\n    reason: boilerplate\n    pattern: '.*\\bthe\\b.*'\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    files = sorted(folders[0].glob("*.txt"))
    assert sum(len(s.removed) for s in load_corpus(files).sources) > 20  # the user's rule bites
    assert count_words(folders) == before


def test_the_table_is_read_and_bad_lines_are_refused():
    table = parse("# comment\nstories 4\nnight 3\nzebra 1\n")
    assert table.stories == 4 and table.share("night") == 0.75 and table.share("absent") == 0.0
    for text in ("stories 4\nnight\n", "stories 4\nnight three\n", "night 3\n", "stories 2\nnight 3\n"):
        with pytest.raises(ValueError):
            parse(text)


@pytest.mark.parametrize("content", [b"stories 3\nnight many\n", b"\xff\xfe\x00garbage", None])
def test_a_missing_or_broken_table_means_no_background(tmp_path, monkeypatch, content):
    path = tmp_path / "background.txt"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setattr(bg, "TABLE", path)
    bg.background.cache_clear()
    try:
        assert bg.background() == Background(0, {})
        assert word_scales(40, {"night": 2}) == {}
    finally:
        bg.background.cache_clear()


def test_a_word_common_in_news_weighs_less_and_the_background_fades_as_the_corpus_grows():
    table = Background(10, {"night": 10, "hour": 5})
    small = word_scales(40, {"night": 2, "hour": 2, "zebra": 2, "single": 1}, table)
    assert "single" not in small  # a word in one paragraph has no rarity to scale
    assert small["zebra"] == pytest.approx(1.0)  # no story uses it: the corpus's rare unit, unchanged
    assert small["night"] < small["hour"] < small["zebra"]
    large = word_scales(400, {"night": 2, "zebra": 2}, table)
    assert small["night"] < large["night"] < 1.0
    assert large["night"] == pytest.approx(1.0, abs=0.02)
    # a word no story uses, in many paragraphs, is not raised above its own rarity
    assert word_scales(10, {"zebra": 10}, table) == {"zebra": 1.0}


def test_in_two_reports_a_word_most_news_stories_use_weighs_less_than_a_rare_one(tmp_path):
    common, rare = f"w:{stem('night')}", f"w:{stem('zeppelin')}"
    assert bg.background().share(common[2:]) > 0.5 and bg.background().share(rare[2:]) == 0.0
    corpus, evidence = _build(
        tmp_path,
        a="The zeppelin landed in the night near the harbour.\n\nThe mayor spoke later.\n",
        b="A zeppelin came down at night by the harbour, witnesses said.\n\nThe council met.\n",
    )
    ev = _sentence(evidence, corpus, "a", "zeppelin")
    weights = evidence.weights(ev)
    assert evidence.idf[common] == evidence.idf[rare]  # as rare as each other in this corpus
    assert weights[common] < weights[rare]
    assert weights[rare] == pytest.approx(evidence.rare_unit)
