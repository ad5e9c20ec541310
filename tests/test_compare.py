from __future__ import annotations

from dataclasses import replace

import pytest

from tui.cli import main
from tui.engine.align import Row, align
from tui.engine.compare import FigureGroup, Mention, compare, measure_dimension, same_quantity
from tui.engine.corpus import load_corpus
from tui.engine.figures import extract_figures
from tui.engine.report import discrepancies_text
from tui.engine.roles import count_role, figure_role

from .conftest import ROOT


@pytest.fixture(scope="module")
def comparison(seed_corpus):
    return compare(seed_corpus)


def _joined(comparison, a, b):
    return any(a in g.forms and b in g.forms for g in comparison.variants)


@pytest.mark.parametrize(("a", "b"), [("Pashinian", "Pashinyan"), ("Davit", "David"), ("Defence", "Defense")])
def test_must_find_variants(comparison, a, b):
    assert _joined(comparison, a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("Armenia", "Armenian"), ("Azerbaijan", "Azerbaijani"), ("Stepanyan", "Pashinyan")]
)
def test_never_joined(comparison, a, b):
    assert not _joined(comparison, a, b)


def test_variant_occurrences_carry_spans(seed_corpus, comparison):
    for group in comparison.variants:
        for form, occurrences in group.forms.items():
            for o in occurrences:
                assert seed_corpus.paragraph(o.paragraph).text[o.start : o.end].lower() == form.lower()


def test_forms_that_differ_only_in_case_are_one_form(comparison):
    group = next(g for g in comparison.variants if "Defence" in g.forms)
    assert "Defense" in group.forms and "defense" not in group.forms
    sides = [set(sources) for sources in group.sources_by_form().values()]
    assert all(not (a & b) for i, a in enumerate(sides) for b in sides[i + 1 :])


def _group_with(comparison, status, *texts):
    for g in comparison.figures:
        found = {m.figure.text for m in g.mentions}
        if g.status == status and all(t in found for t in texts):
            return g
    return None


def test_arrivals_conflict_with_both_sentences(comparison):
    group = _group_with(comparison, "conflict", "377", "more than 1,000")
    assert group is not None
    sentences = {m.source: m.sentence for m in group.mentions}
    assert "377 people have arrived" in sentences["001_42660f7c9533477f"]
    assert "more than 1,000 people" in sentences["002_e26d6aa20c766d9e"]
    assert any("below" in r for r in group.reasons)


def test_tons_against_more_than_tonnes_is_a_conflict_with_a_reason(comparison):
    group = _group_with(comparison, "conflict", "125 tons", "more than 50 tonnes")
    assert group is not None
    assert any("more than" in r for r in group.reasons)


def test_agreements(comparison):
    assert _group_with(comparison, "agree", "99.9 percent", "Ninety-nine point nine percent")
    assert _group_with(comparison, "agree", "nearly 2,000", "around 2,000")


def test_every_conflict_has_quotes_from_two_sources(comparison):
    assert comparison.conflicts
    for group in comparison.conflicts:
        assert len({m.source for m in group.mentions}) >= 2
        assert all(m.sentence and m.figure.text in m.sentence for m in group.mentions)
        assert group.conflicting_pairs()


def _figure(text):
    (fig,) = [f for f in extract_figures(text) if f.kind not in ("date", "year")]
    return fig


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("130,000 munitions were given up", "about 5,000 units of ammunition", True),
        ("311 civilians were moved", "3,154 people were moved", True),
        ("102 children were moved", "3,154 people were moved", False),
        ("99.9 percent want to go", "Ninety-nine point nine percent want to go", True),
        ("125 tons of food", "50 tonnes of fuel", False),
        ("125 tons of food", "12 km of road", False),
        ("1,200 houses burned", "more than 1,500 homes burned", True),
        ("1,200 houses burned", "1,500 people fled", False),
        ("12 inches of rain fell", "30 cm fell", True),
    ],
)
def test_same_quantity(a, b, same):
    assert same_quantity(_figure(a), _figure(b)) is same


def test_discrepancies_command(capsys):
    assert main(["discrepancies", "--agree"]) == 0
    out = capsys.readouterr().out
    assert "Spelling variants" in out and "Pashinian" in out and "Pashinyan" in out
    assert "Figure conflicts" in out and "377" in out and "more than 1,000" in out
    assert "Figures that agree" in out


def test_bad_strictness_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["align", "--strictness", "2"])
    assert exc.value.code == 2
    assert "between 0 and 1" in capsys.readouterr().err


# ---------------------------------------------------------------- review of the Discrepancies view

TWITTER = ROOT / "benchmarks" / "eval" / "corpora" / "twitter"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Musk revealed a 9 percent stake in Twitter", "which represented a 38% premium to the price", False),
        ("Musk revealed a 9 percent stake in Twitter", "Musk disclosed a 9% stake in the company", True),
    ],
)
def test_percentages_of_different_things_are_different_quantities(a, b, same):
    assert same_quantity(_figure(a), _figure(b)) is same


def _mention(source, paragraph, text, sentence):
    (figure,) = [f for f in extract_figures(sentence) if f.text == text]
    return Mention(source, paragraph, figure, sentence)


def test_a_sentence_with_two_figures_is_quoted_once():
    one = "Ellison committed $1 billion, and a holding company rolled over a stake worth about $1.9 billion."
    other = "The company will owe roughly $1 billion a year in interest."
    mentions = [
        _mention("a", "a:p1", "$1 billion", one),
        _mention("a", "a:p1", "about $1.9 billion", one),
        _mention("b", "b:p2", "roughly $1 billion", other),
    ]
    group = FigureGroup("conflict", "usd", mentions, [])
    quotes = group.quotes()
    assert [q.sentence for q in quotes] == [one, other]
    assert [f.text for f in quotes[0].figures] == ["$1 billion", "about $1.9 billion"]
    assert quotes[0].source == "a" and quotes[0].paragraph == "a:p1"


@pytest.fixture(scope="module")
def twitter():
    return compare(load_corpus([TWITTER]))


def test_twitter_review_groups(twitter):
    for group in twitter.figures:
        texts = {m.figure.text for m in group.mentions}
        # a stake and a premium are two different percentages
        assert not {"9 percent", "38%"} <= texts
        # "north of" is a floor
        for m in group.mentions:
            if "north of" in m.sentence and "$50 million" in m.figure.text:
                assert m.figure.text == "north of $50 million" and m.figure.bound == "more_than"
    for line in discrepancies_text(twitter).split("\n\n"):
        quoted = [q for q in line.splitlines() if q.lstrip().startswith(("00",)) and "“" in q]
        assert len(quoted) == len(set(quoted)), line


@pytest.mark.parametrize(
    ("sentence", "figure", "role"),
    [("At least 43 people died when the ferry capsized.", "43", "dead"),
     ("Officials said 43 people died and 96 were rescued.", "96", "rescued"),
     ("A ferry sank, killing at least 45 people, officials said.", "45", "dead"),
     ("Divers resumed the search for 73 missing people.", "73", "missing"),
     ("So far, a total of 377 people have arrived in Armenia.", "377", None),
     ("Authorities evacuated 2,000 residents after the river destroyed 40 homes", "2,000", "displaced"),
     ("Authorities evacuated 2,000 residents after the river destroyed 40 homes", "40", "destroyed"),
     ("20 people were injured when a bus carrying 40 passengers crashed", "40", None),
     ("Police arrested 12 of the 40 protesters", "40", None),
     ("Police arrested 12 of the 40 protesters", "12", "arrested"),
     ("No one was killed among the 200 passengers", "200", None),
     ("None of the 30 workers were hurt", "30", None),
     ("Rescue teams of 40 soldiers searched for the 12 missing", "40", None),
     ("No one was killed, but 14 people were injured", "14", "injured"),
     # what a count has grown to counts what the verb's subject names, however long
     ("The death toll from the storms in Texas and Louisiana climbed past 1,200 on Friday.", "1,200", "dead"),
     ("The number of residents who were evacuated from the valley has risen to 3,400.", "3,400", "displaced"),
     ("The number of people rescued after the quake that killed 5,000 rose to 8,000", "8,000", None),
     ("The number of people killed in buildings destroyed by the quake rose to 5,000", "5,000", "dead"),
     ("Air strikes killed dozens of people and hit 30 buildings", "30", None),
     ("Rescuers evacuated residents and reached 40 villages", "40", None),
     ("Doctors treating the injured said the death toll rose to 41.", "41", "dead"),
     ("Deaths reported by the health ministry rose to 41.", "41", "dead"),
     ("The number of people killed by the floods that swept through eastern Spain this week rose to 205.", "205",
      "dead"),
     ("Officials said that the number of people rescued rose to 80.", "80", "rescued"),
     # what a verb has moved to a figure counts what its object names
     ("Officials raised the death toll from last week's attack on a concert hall outside Moscow to 143.", "143",
      "dead"),
     ("The company raised prices at 40 stores.", "40", None),
     # a complement clause is not the subject's: "believe that the death toll rose"
     ("Rescuers who pulled survivors from the rubble believe that the death toll rose to 41.", "41", "dead"),
     ("Medics who treated the injured think that the number of dead reached 41.", "41", "dead"),
     # those in hospital are a count of their own, not the injured
     ("The regional health ministry said 115 people were in hospital.", "115", "hospitalised"),
     ("At least 145 were wounded and 60 taken to hospital.", "60", "hospitalised"),
     ("Only 3 hospitals are still working in the city.", "3", None),
     ("The hospital said 40 staff members had been arrested.", "40", "arrested"),
     # a clause on who is counted says what happened to them
     ("Tens of thousands of people whose homes were destroyed slept in cars.", "Tens of thousands", "destroyed"),
     # "as" before what they are is no other clause
     ("The toll rose to 45, and 47 people are still listed as missing, the governor said.", "47", "missing"),
     ("Police said 12 people were hurt as the crowd fled.", "12", "injured"),
     ("Two people died as 300 homes were destroyed.", "300", "destroyed"),
     ("Police said 12 people were held as dead bodies were found nearby.", "12", None),
     ("One officer was injured as 12 protesters were arrested.", "12", "arrested"),
     # what happened to flights, trains or matches
     ("The airport cancelled 1,244 flights over two days.", "1,244", "cancelled"),
     ("Another 41 flights were diverted to Al Maktoum.", "41", "diverted"),
     ("Some 300 trains were delayed by the snow.", "300", "delayed"),
     ("There were 1,244 cancellations at the airport.", "1,244", "cancelled"),
     # what happened to another thing: "the delayed train" is not what 40 counts
     ("The delayed train hit 40 cars.", "40", None),
     ("Another 40 were on the delayed train, and 12 were hurt.", "40", None),
     # one count of two fates is a count of neither
     ("At least 1,200 flights were cancelled or delayed.", "1,200", None),
     ("Some 300 homes were damaged or destroyed.", "300", None),
     ("Some 300 homes were damaged and 40 destroyed.", "300", "damaged")],
)
def test_figure_role(sentence, figure, role):
    start = sentence.index(figure)
    assert figure_role(sentence, start, start + len(figure)) == role


def test_a_verb_s_object_says_nothing_of_a_figure_that_names_its_own_thing():
    sentence = "Rescuers brought the survivors to 3 hospitals."
    (figure,) = extract_figures(sentence)
    assert count_role(sentence, 0, len(sentence), figure) is None
    sentence = "Officials raised the death toll from the attack to 143."
    (figure,) = extract_figures(sentence)
    assert count_role(sentence, 0, len(sentence), figure) == "dead"


def test_a_count_of_the_dead_named_as_such_has_their_role():
    sentence = "Of the dead, 202 were in the Valencia region."
    (figure,) = extract_figures(sentence)
    assert count_role(sentence, 0, len(sentence), figure) == "dead"


def test_the_dead_the_rescued_and_the_missing_are_different_counts(tmp_path):
    texts = {
        "a": "At least 43 people died when the ferry Marisol sank on Lake Veloria, and 96 people were rescued, "
             "the coast guard said.\n\nDivers on Wednesday were still searching the lake for 73 missing people.\n",
        "b": "The ferry Marisol sank on Lake Veloria, killing at least 47 people; 96 were rescued, the coast "
             "guard said.\n\nOn Wednesday divers were still searching the lake; 69 were missing.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text)
    corpus = load_corpus([tmp_path])
    groups = compare(corpus).figures
    values = sorted(sorted({m.figure.value for m in g.mentions}) for g in groups)
    assert values == [[43, 47], [69, 73], [96]]
    assert {"people dead", "people missing"} <= {g.about for g in groups}


def test_flights_cancelled_and_flights_diverted_are_different_counts(tmp_path):
    groups = _groups(tmp_path, "The airport cancelled 1,244 flights and diverted 45 on Tuesday.",
                     "On Tuesday the airport diverted 41 flights and cancelled 1,244.")
    assert sorted(groups) == [("agree", ["1,244", "1,244"]), ("conflict", ["41", "45"])]


def test_a_region_s_count_is_judged_against_the_same_region_s_count(tmp_path):
    texts = {
        "a": "In Veloria, at least 812 people were killed in government-held areas, according to the ministry, "
             "and 1,120 in the rebel-held north-west, bringing the country's toll to 1,932.\n",
        "b": "In Veloria, at least 3,162 people have been killed: 1,347 in government-controlled areas, "
             "according to the ministry, and 1,815 in the northwest.\n",
        "c": "In Veloria, at least 1,444 people were confirmed dead: 711 in areas held by the government "
             "and 733 in the rebel-held northwest.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text)
    groups = compare(load_corpus([tmp_path])).figures
    values = sorted(sorted(m.figure.value for m in g.mentions) for g in groups)
    assert values == [[711, 812, 1347], [733, 1120, 1815], [1444, 1932, 3162]]
    assert all(g.status == "conflict" and g.about == "people dead" for g in groups)


def test_a_count_grown_to_is_compared_with_the_count_its_subject_names(tmp_path):
    groups = _groups(tmp_path, "The death toll from the storms in Texas and Louisiana climbed past 1,200 on Friday.",
                     "Officials said 700 people were killed by the storms in Texas and Louisiana by Thursday.")
    assert groups == [("conflict", ["1,200", "700"])]


def test_a_duration_naming_nothing_is_compared_with_one_its_sentence_names(tmp_path):
    groups = _groups(tmp_path, "The president declared a three-month state of emergency in the ten provinces on Tuesday.",
                     "On Tuesday a state of emergency was declared for 3 months in the ten provinces, the president said.")
    assert ("agree", ["3 months", "three-month"]) in groups
    groups = _groups(tmp_path / "other", "The takeover of the company brings to an end a six-month saga on Friday.",
                     "The company's board accepted the takeover 11 days later, on Friday.")
    assert groups == []


def test_a_sum_naming_nothing_is_not_judged_against_one_ten_times_off(tmp_path):
    texts = {
        "a": "The exchange, once valued at $32 billion, collapsed; he lived at his parents' home in Palo Alto "
             "until his bail was revoked.\n",
        "b": "He was released on a $250 million bond to live at his parents' home in Palo Alto until his bail was revoked.\n",
        "c": "Freed on $250m bail, he lived at his parents' home in Palo Alto until his bail was revoked.\n",
        "d": "He lived at his parents' home in Palo Alto on a $250 million bond until his bail was revoked.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text)
    groups = compare(load_corpus([tmp_path])).figures
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups] == [
        ("agree", ["$250 million", "$250 million", "$250m"])]


def test_a_width_and_a_distance_are_two_quantities_though_both_are_metres(tmp_path):
    groups = _groups(tmp_path, "On Sunday the rover came upon a crater about 4 meters wide, roughly 3 meters ahead of it.",
                     "On Sunday the rover came across a crater about 3 metres wide that lay 4 metres ahead of it.")
    assert groups == [("conflict", ["4 metres", "roughly 3 meters"]), ("conflict", ["about 3 metres", "about 4 meters"])]


@pytest.mark.parametrize(
    ("sentence", "figure", "dimension"),
    [("The crater is about 4 meters (13 feet) wide.", "about 4 meters", "width"),
     ("It struck at a depth of 17.9 km.", "17.9 km", "depth"),
     ("The descent began at an altitude of about 30 km.", "about 30 km", "height"),
     ("It landed roughly 600 km from the south pole.", "roughly 600 km", "distance"),
     ("The 400-metre ship ran aground.", "400-metre", None),
     ("The crater is 4 metres across.", "4 metres", "width"),
     ("The fire spread 30 km across the hills.", "30 km", None),
     ("The crater is 30 metres across and 10 metres deep.", "30 metres", "width")],
)
def test_measure_dimension(sentence, figure, dimension):
    start = sentence.index(figure)
    assert measure_dimension(sentence, start, start + len(figure)) == dimension


def _figures_over_rows(corpus, rows):
    """The figure groups of ``corpus`` compared over the given rows instead of its own alignment."""
    return compare(corpus, alignment=replace(align(corpus), rows=rows)).figures


def test_a_precise_figure_two_sources_state_agrees_across_rows(tmp_path):
    (tmp_path / "a.txt").write_text("The lander touched down on Wednesday.\n\nThe lander, weighing 1,752 kg, carries "
                                    "four instruments.\n\nThe storm destroyed 1,240 houses.\n\nA jury of 12 heard it.\n")
    (tmp_path / "b.txt").write_text("Vikram, the 1,752-kilogram lander, touched down on Wednesday.\n\nSome 1,240 people "
                                    "were evacuated.\n\nThe trial lasted 12 months.\n")
    corpus = load_corpus([tmp_path])
    # every paragraph in a row of its own but the landing, which both report
    cells = [{"a": ["a:p1"], "b": ["b:p1"]}, *({"a": [p], "b": []} for p in ("a:p2", "a:p3", "a:p4")),
             *({"a": [], "b": [p]} for p in ("b:p2", "b:p3"))]
    rows = [Row(f"r{n}", c, 1.0, []) for n, c in enumerate(cells)]
    groups = _figures_over_rows(corpus, rows)
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups] == [
        ("agree", ["1,752 kg", "1,752-kilogram"])]
    assert groups[0].rows == ["r0", "r1"]


def test_a_weak_row_holding_two_counts_of_one_thing_does_not_chain_them(tmp_path):
    (tmp_path / "a.txt").write_text("About 70 workers were trapped at two quarries near the river.\n\n"
                                    "About 50 workers of a hotel in the gorge could not be reached.\n")
    (tmp_path / "b.txt").write_text("All 50 hotel workers who vanished in the gorge were found alive.\n\n"
                                    "Rescuers brought out 45 workers trapped at the quarries.\n")
    corpus = load_corpus([tmp_path])
    # the hotel workers' row and the quarries' row, and a weaker one that wrongly holds a quarry beside the hotel
    rows = [Row("r0", {"a": ["a:p1"], "b": ["b:p1"]}, 0.3, []), Row("r1", {"a": ["a:p2"], "b": ["b:p1"]}, 0.9, []),
            Row("r2", {"a": ["a:p1"], "b": ["b:p2"]}, 0.8, [])]
    groups = _figures_over_rows(corpus, rows)
    assert sorted((g.status, sorted(m.figure.text for m in g.mentions)) for g in groups) == [
        ("agree", ["50", "About 50"]), ("conflict", ["45", "About 70"])]


def test_a_toll_ten_times_another_is_still_judged_against_it(tmp_path):
    groups = _groups(tmp_path, "The earthquake in the valley on Monday killed at least 95 people, officials said.",
                     "The death toll from the earthquake in the valley rose to 1,300 on Monday, officials said.")
    assert groups == [("conflict", ["1,300", "at least 95"])]


@pytest.mark.parametrize("swap", [False, True])
def test_how_a_count_was_made_is_not_where(tmp_path, swap):
    a = "At least 4,300 people were killed, officials said, and 1,200 people were killed in Hatay province."
    b = "At least 6,100 people were killed in the earthquake, officials said on Tuesday."
    groups = _groups(tmp_path, *((b, a) if swap else (a, b)))
    assert ("conflict", ["At least 4,300", "At least 6,100"]) in groups


def test_a_depth_and_a_height_of_one_flood_are_one_quantity(tmp_path):
    groups = _groups(tmp_path, "In the old town on Monday the floodwater stood 2 metres deep, officials said.",
                     "In the old town on Monday the floodwater stood 3 metres high, officials said.")
    assert groups == [("conflict", ["2 metres", "3 metres"])]


def test_an_ordinal_next_to_another_conflicts_with_it(tmp_path):
    groups = _groups(tmp_path, "Messi scored in the 23rd minute and Di Maria doubled the lead in the 36th minute.",
                     "Di Maria, after Messi's early penalty, made it 2-0 in the 35th minute.")
    assert groups == [("conflict", ["35th", "36th"])]
    groups = _groups(tmp_path / "words", "The first quake struck at dawn and a second quake hit at noon, officials said.",
                     "A second quake hit at noon, hours after the first quake struck at dawn, officials said.")
    assert groups == []
    groups = _groups(tmp_path / "ranks", "Biden, the 46th president, met Trump, the 45th president, on Monday.",
                     "On Monday Trump, the 45th president, met Biden, the 46th president, at the White House.")
    assert all(status == "agree" for status, _ in groups)  # two presidents, never one told two ways


def test_a_named_person_s_age_is_compared_wherever_it_is_told(tmp_path):
    (tmp_path / "a.txt").write_text("The jury convicted the founder on Thursday.\n\n"
                                    "Bankman-Fried, 31, stood with his hands clasped as the verdict was read.\n")
    (tmp_path / "b.txt").write_text("Bankman Fried, 32, faces up to 110 years behind bars, the judge said.\n\n"
                                    "The jury convicted the founder on Thursday.\n")
    groups = compare(load_corpus([tmp_path])).figures
    ages = [g for g in groups if g.about.startswith("age")]
    assert [(g.status, g.about, sorted(m.figure.text for m in g.mentions)) for g in ages] == [
        ("conflict", "age of Bankman-Fried", ["31", "32"])]


def test_a_sum_naming_nothing_or_a_model_number_does_not_agree_across_rows(tmp_path):
    (tmp_path / "a.txt").write_text("The startup raised $125m from investors in May.\n\n"
                                    "The airline ordered 737 Max jets from Boeing last year.\n")
    (tmp_path / "b.txt").write_text("Its debts stood at $125m when it filed for bankruptcy.\n\n"
                                    "Boeing delivered 737 Max jets to the airline in March.\n")
    corpus = load_corpus([tmp_path])
    cells = [{"a": ["a:p1"], "b": []}, {"a": ["a:p2"], "b": []}, {"a": [], "b": ["b:p1"]}, {"a": [], "b": ["b:p2"]}]
    rows = [Row(f"r{n}", c, 1.0, []) for n, c in enumerate(cells)]
    assert _figures_over_rows(corpus, rows) == []


def test_a_person_s_age_is_compared_beside_a_relative_s(tmp_path):
    (tmp_path / "a.txt").write_text("The jury convicted the founder on Thursday.\n\n"
                                    "Sam Bankman-Fried, 31, stood with his hands clasped as the verdict was read.\n")
    (tmp_path / "b.txt").write_text("Bankman-Fried, 31, faces up to 110 years, the judge said.\n\n"
                                    "His mother, Barbara Fried, 70, covered her face.\n\n"
                                    "The jury convicted the founder on Thursday.\n")
    corpus = load_corpus([tmp_path])
    rows = [Row(f"r{n}", {s: [p.id] if p.source_id == s else [] for s in ("a", "b")}, 1.0, [])
            for n, p in enumerate(corpus.paragraphs())]  # every paragraph in a row of its own
    groups = [g for g in _figures_over_rows(corpus, rows) if g.about.startswith("age")]
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups] == [("agree", ["31", "31"])]


def test_ages_of_people_not_named_are_not_one_person_s(tmp_path):
    (tmp_path / "a.txt").write_text("A 23-year-old man was arrested in the town square on Friday night.\n")
    (tmp_path / "b.txt").write_text("A 67-year-old man died in hospital in the town on Saturday.\n")
    assert [g for g in compare(load_corpus([tmp_path])).figures if g.about.startswith("age")] == []


def test_two_people_of_one_surname_are_two_ages(tmp_path):
    (tmp_path / "a.txt").write_text("Mark Cohen, 52, his lawyer, spoke to reporters outside the court on Thursday.\n")
    (tmp_path / "b.txt").write_text("Leonard Cohen, 82, a juror's father, spoke to reporters outside the court on "
                                    "Thursday.\n")
    assert [g for g in compare(load_corpus([tmp_path])).figures if g.about.startswith("age")] == []


def test_a_count_written_with_separators_before_a_capitalised_word_agrees_across_rows(tmp_path):
    (tmp_path / "a.txt").write_text("The attack killed 1,139 Israeli civilians on the first day.\n")
    (tmp_path / "b.txt").write_text("Officials later named 1,139 Israeli civilians among the dead.\n")
    corpus = load_corpus([tmp_path])
    rows = [Row("r0", {"a": ["a:p1"], "b": []}, 1.0, []), Row("r1", {"a": [], "b": ["b:p1"]}, 1.0, [])]
    groups = _figures_over_rows(corpus, rows)
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups] == [("agree", ["1,139", "1,139"])]


def _figure_groups(tmp_path, *texts):
    """The figure groups of one article per text, in files a.txt, b.txt, …"""
    tmp_path.mkdir(exist_ok=True)
    for name, text in zip("abcdefgh", texts):
        (tmp_path / f"{name}.txt").write_text(text.rstrip("\n") + "\n")
    return compare(load_corpus([tmp_path])).figures


def _groups(tmp_path, a, b):
    return sorted((g.status, sorted(m.figure.text for m in g.mentions)) for g in _figure_groups(tmp_path, a, b))


def test_two_figures_of_one_sentence_never_join_one_group(tmp_path):
    groups = _groups(tmp_path, "The militants fired 150 rockets and 20 cruise missiles at the port on Monday.",
                     "The militants fired about 150 rockets and 20 cruise missiles at the port on Monday.")
    assert groups == [("agree", ["150", "about 150"]), ("agree", ["20", "20"])]


def test_a_figure_naming_nothing_goes_with_the_one_its_sentence_leaves_over(tmp_path):
    groups = _groups(tmp_path,
                     "Hurricane Delia dropped 12 inches of rain on Marlow County and brought a 6-foot storm surge.",
                     "Hurricane Delia dropped 30 cm of rain on Marlow County and brought a storm surge of 2 metres.")
    assert groups == [("agree", ["12 inches", "30 cm"]), ("agree", ["2 metres", "6-foot"])]


def test_a_group_of_bare_counts_is_named_by_their_role(tmp_path):
    (tmp_path / "a.txt").write_text("The ferry sank on Lake Veloria on Tuesday; 96 were rescued, the coast guard said.\n")
    (tmp_path / "b.txt").write_text("The ferry sank on Lake Veloria on Tuesday; 90 were rescued, the coast guard said.\n")
    (group,) = compare(load_corpus([tmp_path])).figures
    assert (group.status, group.about) == ("conflict", "rescued")


def test_figures_of_several_sums_in_a_sentence_meet_their_own(tmp_path):
    groups = _groups(tmp_path,
                     "On Wednesday the bank said it had sold $21 billion of securities at a loss of $1.8 billion "
                     "and would raise $2.25 billion.",
                     "On Wednesday the bank said it had lost $1.8 billion selling a $21 billion portfolio of "
                     "securities, and it would try to raise $2.25 billion.")
    assert groups == [("agree", ["$1.8 billion", "$1.8 billion"]), ("agree", ["$2.25 billion", "$2.25 billion"]),
                      ("agree", ["$21 billion", "$21 billion"])]


def test_a_figure_nobody_agrees_with_is_judged_against_the_nearest(tmp_path):
    groups = _groups(tmp_path,
                     "The quake struck at a depth of 11 miles, about 20 miles from the city of Dorval, officials said.",
                     "The quake struck about 30 miles from the city of Dorval at a depth of 11 miles, officials said.")
    assert groups == [("agree", ["11 miles", "11 miles"]), ("conflict", ["about 20 miles", "about 30 miles"])]


def test_sums_in_assets_and_in_deposits_are_different_quantities(tmp_path):
    groups = _groups(tmp_path,
                     "Harbor Bank, which was also closed on Sunday, had $110.4 billion in assets and "
                     "$88.6 billion in deposits.",
                     "Harbor Bank, which was also closed on Sunday, had about $88 billion in assets.")
    assert groups == [("conflict", ["$110.4 billion", "about $88 billion"])]


def test_a_count_of_other_things_is_not_the_toll_its_clause_mentions(tmp_path):
    groups = _groups(tmp_path,
                     "The quake near Dorval killed 7,800 on Monday, the disaster agency said on Thursday.",
                     "The quake near Dorval on Monday: the death toll in the two provinces rose, the disaster "
                     "agency said on Thursday.")
    assert groups == []


def test_a_conversion_in_brackets_is_the_same_figure_not_another(tmp_path):
    groups = _groups(tmp_path,
                     "The quake was centred at a depth of 17.9 km (11 miles), about 33 km (20 miles) from Dorval.",
                     "The quake struck about 20 miles from Dorval, at a depth of roughly 11 miles.")
    assert groups == [("agree", ["17.9 km", "roughly 11 miles"]), ("agree", ["about 20 miles", "about 33 km"])]


def test_the_number_of_dead_and_people_killed_are_one_toll(tmp_path):
    groups = _groups(tmp_path,
                     "In Dorval province, the number of dead rose to 5,894 on Tuesday, the disaster agency said.",
                     "In Dorval province, 9,057 people have been killed, the disaster agency said on Tuesday.")
    assert groups == [("conflict", ["5,894", "9,057"])]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("The ferry Marisol sank on Lake Veloria on Tuesday and 43 children died, the coast guard said.",
     "The ferry Marisol sank on Lake Veloria on Tuesday and 47 were killed, the coast guard said.",
     [("conflict", ["43", "47"])]),
    ("Harbor Bank said on Wednesday it had sold its bond portfolio at a loss of $1.8 billion.",
     "Harbor Bank said on Wednesday it had sold its bond portfolio and lost $2.1 billion.",
     [("conflict", ["$1.8 billion", "$2.1 billion"])]),
    ("Unemployment in Dorval rose to 5.2% (4.9% a year earlier) in March, the office said.",
     "Unemployment in Dorval rose to 5.2% in March from 4.5% a year earlier, the office said.",
     [("agree", ["5.2%", "5.2%"]), ("conflict", ["4.5%", "4.9%"])]),
    ("The magnitude 7.8 quake near Dorval on Monday was followed by 12 magnitude 5 aftershocks.",
     "The magnitude 7.8 quake near Dorval on Monday was followed by many aftershocks.",
     [("agree", ["7.8", "7.8"])]),
])
def test_review_cases_of_grouping(tmp_path, a, b, expected):
    assert _groups(tmp_path, a, b) == expected


def test_people_named_by_where_they_are_from_are_people(tmp_path):
    groups = _groups(tmp_path, "Some 120,000 ethnic Armenians live in the enclave, officials said on Sunday.",
                     "The enclave has 120,000 or so residents, officials said on Sunday.")
    assert groups == [("agree", ["120,000 or so", "Some 120,000"])]


def test_one_people_is_not_a_count_of_persons(tmp_path):
    groups = _groups(tmp_path, '"We are one country, one people," said the president of the nation of 215 million.',
                     '"We are one country, one people," said the president of 215 million Dorvalians.')
    assert not any({"one", "215 million"} <= set(texts) for _, texts in groups), groups


def test_distances_from_different_places_are_two_quantities(tmp_path):
    # "from the Syrian border" and "from Gaziantep" measure from two places: no conflict between them.
    groups = _groups(tmp_path,
                     "The quake struck near Gaziantep, a city about 30 miles from the Syrian border, at 4:17 a.m.",
                     "The quake struck at 4:17 a.m. about 20 miles from the city of Gaziantep.")
    assert groups == []
    # Told from one place, they are one distance.
    groups = _groups(tmp_path / "same",
                     "The quake struck at 4:17 a.m. about 30 miles from the city of Gaziantep.",
                     "The quake struck at 4:17 a.m. about 20 miles from the city of Gaziantep.")
    assert groups == [("conflict", ["about 20 miles", "about 30 miles"])]


def test_a_distance_told_from_a_place_says_where_it_was_measured():
    from tui.engine.compare import figure_scope

    sentence = "The craft was reported overdue about 900 miles (1,450 km) east of Cape Cod, Massachusetts."
    assert figure_scope(sentence, sentence.index("miles") + len("miles")) == {"cape", "cod"}
    sentence = "Wreckage lay some 400 miles south of St. John's, Newfoundland."
    assert figure_scope(sentence, sentence.index("miles") + len("miles")) == {"john"}


def test_counts_of_people_far_apart_are_one_count_only_if_the_same_happened_to_them(tmp_path):
    # 379 people on board against five of the six people aboard the other plane: people, both, but not one count.
    groups = _groups(tmp_path,
                     "The jet with 379 people on board hit a coast guard plane at Haneda on Tuesday evening.",
                     "The jet hit a coast guard plane at Haneda on Tuesday evening; five of the six people "
                     "aboard the smaller plane died.")
    assert groups == []
    # A toll that grew tenfold is still one toll.
    groups = _groups(tmp_path / "toll",
                     "The quake in Veloria killed at least 95 people on Monday, officials said.",
                     "The quake in Veloria killed 1,300 people on Monday, officials said.")
    assert [status for status, _ in groups] == ["conflict"]


def test_a_figure_its_thing_names_before_it_is_a_label_not_a_count_of_the_dead(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "a.txt").write_text("The magnitude 7.6 quake has killed at least 48 people in Ishikawa.\n")
    (tmp_path / "b.txt").write_text("The magnitude 7.5 quake has killed 73 people in Ishikawa.\n")
    groups = compare(load_corpus([tmp_path])).figures
    by_value = {m.figure.value: (g.about, m.role) for g in groups for m in g.mentions}
    assert by_value[7.6][1] is None and by_value[48.0][1] == "dead"
    assert {g.about for g in groups} == {"magnitude", "people dead"}


def test_times_since_something_as_far_apart_as_the_reports_agree(tmp_path):
    groups = _groups(tmp_path,
                     "date 2023-06-20\n\nThe sub Orla vanished two days ago on a dive to the wreck off Cape Tarn.",
                     "date 2023-06-24\n\nThe sub Orla vanished six days ago on a dive to the wreck off Cape Tarn.")
    assert [status for status, _ in groups] == ["agree"]
    # Told the same day, they differ.
    groups = _groups(tmp_path / "same day",
                     "date 2023-06-24\n\nThe sub Orla vanished two days ago on a dive to the wreck off Cape Tarn.",
                     "date 2023-06-24\n\nThe sub Orla vanished six days ago on a dive to the wreck off Cape Tarn.")
    assert [status for status, _ in groups] == ["conflict"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("A suicide bomber struck a mosque during prayers. At least 40 were killed in Tuesday's blast, police said.",
      "A suicide bomber struck a mosque during prayers. At least 52 people were killed in the explosion in "
      "Peshawar, police said."),
     ("Rescuers worked through the night. At least 1,500 people were killed in Turkey, the agency said on Tuesday.",
      "Rescuers worked through the night. At least 2,300 people were killed across the quake zone, the agency said "
      "on Tuesday.")],
)
def test_counts_told_of_places_named_differently_are_still_compared(tmp_path, a, b):
    assert [status for status, _ in _groups(tmp_path, a, b)] == ["conflict"]


@pytest.mark.parametrize("name", ["verdict", "mpox"])
def test_figure_groups_do_not_depend_on_file_names(tmp_path, name):
    import shutil
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "eval" / "corpora" / name
    files = sorted(folder.glob("*.txt"))
    for f, new in zip(files, "edcba", strict=False):
        shutil.copy(f, tmp_path / f"{new}.txt")

    def shape(path):
        return {(g.status, frozenset((m.sentence, m.figure.text) for m in g.mentions))
                for g in compare(load_corpus([path])).figures}

    assert shape(tmp_path) == shape(folder)


@pytest.mark.parametrize(
    ("a", "b"),
    [("In 2019, the airport handled 85 million passengers, the operator said.",
      "The airport handled 78.7 million passengers last year, the operator said."),
     ("Sales were $5 billion in the first quarter of 2024, the company said.",
      "Sales were $4 billion in the first quarter of 2023, the company said."),
     ("The airport handled 91 million passengers this year, the operator said.",
      "The airport handled 78 million passengers a year ago, the operator said.")],
)
def test_figures_said_to_be_of_different_years_are_two_quantities(tmp_path, a, b):
    assert _groups(tmp_path, f"date 2024-03-27\n\n{a}", f"date 2024-03-27\n\n{b}") == []


def test_counts_of_different_years_are_two_quantities(tmp_path):
    groups = _groups(tmp_path,
                     "date 2024-01-04\n\nHaneda handled about 85 million passengers in 2019, before the pandemic.",
                     "date 2024-01-11\n\nHaneda handled about 78.7 million passengers last year, airport data show.")
    assert groups == []
    groups = _groups(tmp_path / "same year",
                     "date 2024-01-04\n\nHaneda handled about 85 million passengers in 2023, airport data show.",
                     "date 2024-01-11\n\nHaneda handled about 78.7 million passengers last year, airport data show.")
    assert [status for status, _ in groups] == ["conflict"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("The quake killed at least 5,000 people, the deadliest to hit Turkey since 1939, officials said.",
      "The quake killed at least 7,800 people in Turkey and Syria, officials said."),
     ("The strike killed 40 people on Monday, the worst since 2021, officials said.",
      "The strike killed 62 people on Monday, the deadliest since a 2019 raid, officials said."),
     ("The bridge opened in 1977 and carried about 31,000 vehicles a day, officials said.",
      "The bridge carried some 34,000 vehicles a day, officials said.")],
)
def test_a_year_a_figure_is_compared_with_does_not_date_it(tmp_path, a, b):
    groups = _groups(tmp_path, f"date 2024-03-27\n\n{a}", f"date 2024-03-27\n\n{b}")
    assert [status for status, _ in groups] == ["conflict"]

def test_a_clause_that_goes_on_from_another_is_of_its_year(tmp_path):
    # ", killing 228 people" tells what the crash of 1997 did, not a count of this year
    a = "A Korean Air jet went down in Guam in 1997, killing 228 people, officials said."
    b = "It surpassed the 129 deaths in the 2002 crash of an Air China jet near Busan."
    assert _groups(tmp_path, f"date 2024-12-30\n\n{a}", f"date 2024-12-30\n\n{b}") == []


def test_figures_of_two_years_never_meet_through_a_third(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    for name, text in {"a": "The airport handled 80 million passengers in 2023, the operator said.",
                       "b": "The airport handled 91 million passengers this year, the operator said.",
                       "c": "The airport handled 82 million passengers, the operator said."}.items():
        (tmp_path / f"{name}.txt").write_text(f"date 2024-06-01\n\n{text}\n")
    for group in compare(load_corpus([tmp_path])).figures:
        texts = {m.figure.text for m in group.mentions}
        assert not {"80 million", "91 million"} <= texts


def test_a_fixed_span_after_something_does_not_grow_with_the_report_date(tmp_path):
    groups = _groups(tmp_path,
                     "date 2023-06-20\n\nThe wreck of the Orla was found two days after the sinking off Cape Tarn.",
                     "date 2023-06-24\n\nThe wreck of the Orla was found six days after the sinking off Cape Tarn.")
    assert [status for status, _ in groups] == ["conflict"]


def test_times_until_the_report_agree_whichever_sources_repeat_them(tmp_path):
    tmp_path.mkdir(exist_ok=True)
    for name, (day, text) in {"a": ("20", "two days ago"), "b": ("20", "two days ago"), "c": ("24", "six days ago")}.items():
        (tmp_path / f"{name}.txt").write_text(
            f"date 2023-06-{day}\n\nThe sub Orla vanished {text} on a dive to the wreck off Cape Tarn.\n")
    assert [g.status for g in compare(load_corpus([tmp_path])).figures] == ["agree"]


@pytest.mark.parametrize(("here", "there"), [("Turkey", "Türkiye"), ("Lahaina", "Maui"), ("Kyiv", "Kiev")])
def test_tolls_told_of_one_place_named_two_ways_are_compared(tmp_path, here, there):
    groups = _groups(tmp_path,
                     f"Rescuers dug through the night. At least 1,500 people were killed in {here}, officials said.",
                     f"Rescuers dug through the night. At least 1,810 people were killed in {there}, officials said.")
    assert [status for status, _ in groups] == ["conflict"]

def test_days_since_something_grow_with_the_report_date(tmp_path):
    groups = _groups(tmp_path,
                     "date 2023-06-22\n\nIt has been four days since the sub Orla vanished off Cape Tarn.",
                     "date 2023-06-24\n\nIt has been six days since the sub Orla vanished off Cape Tarn.")
    assert [status for status, _ in groups] == ["agree"]


def test_counts_of_one_fate_named_differently_agree_when_equal(tmp_path):
    groups = _figure_groups(tmp_path,
                            "Prigozhin has said that some 20,000 of his fighters died in the battle for Bakhmut.\n",
                            "In Bakhmut, where Prigozhin says some 20,000 of his men died, the fighting ended.\n"
                            "\nIn Bakhmut 7,000 of his men were also wounded.\n")
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups] == [
        ("agree", ["some 20,000", "some 20,000"])]


def test_a_large_count_that_names_nothing_agrees_with_its_like_in_a_row(tmp_path):
    groups = _figure_groups(tmp_path, '"There are 25,000 of us, and we are going to Moscow," Prigozhin said of his '
                            "Wagner force, aboard the Odysseus 6K.\n",
                            '"We are 25,000 and we are ready to die," Prigozhin said of his Wagner force, '
                            "and 12 more, aboard the Odysseus 6K.\n")
    # not a small count ("12"), nor one in a name ("Odysseus 6K"); never a conflict
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups] == [
        ("agree", ["25,000", "25,000"])]


def test_equal_shares_of_different_things_do_not_agree(tmp_path):
    figures = _figure_groups(tmp_path, "In Sunday's election in Vienna the Freedom Party won 30% of the vote.\n",
                             "In Sunday's election in Vienna the Freedom Party won 30% of the seats.\n")
    assert not [g for g in figures if g.mentions[0].figure.kind == "percent"]


def test_counts_of_the_dead_named_by_the_dead_or_by_people_are_one_quantity(tmp_path):
    figures = _figure_groups(tmp_path, "In Paiporta, a town of 27,000, the mayor, Maribel Albalat, said 62 residents "
                             "had died in the floods.\n",
                             "In Paiporta, the mayor, María Isabel Albalat, said 45 deaths had now been "
                             "confirmed in the floods.\n")
    conflicts = [sorted(m.figure.text for m in g.mentions) for g in figures if g.status == "conflict"]
    assert conflicts == [["45", "62"]]


def test_equal_counts_of_one_fate_of_different_kinds_do_not_agree(tmp_path):
    figures = _figure_groups(tmp_path, "The fire in the Valencia tower killed 20 children, officials said on Friday.\n",
                             "The fire in the Valencia tower killed 20 firefighters, officials said on Friday.\n")
    assert not figures


def test_a_large_bare_count_after_a_sentence_opener_still_agrees(tmp_path):
    figures = _figure_groups(tmp_path, "Organisers had hoped for more. But 25,000 marched through Vienna on Sunday.\n",
                             "Organisers had hoped for more. But 25,000 marched through Vienna on Sunday, "
                             "police said.\n")
    assert [(g.status, [m.figure.text for m in g.mentions]) for g in figures] == [
        ("agree", ["25,000", "25,000"])]


def test_a_year_told_alike_in_a_row_agrees_and_two_years_never_conflict(tmp_path):
    figures = _figure_groups(tmp_path, "The Key Bridge, which carried the Baltimore beltway over the Patapsco River, "
                             "opened in 1977 and was named after Francis Scott Key.\n",
                             "The Key Bridge over the Patapsco River opened to Baltimore beltway traffic in "
                             "1977 and was named for Francis Scott Key.\n",
                             "The Key Bridge over the Patapsco River opened to Baltimore beltway traffic in "
                             "1976 and was named for Francis Scott Key.\n")
    groups = [(g.status, sorted(m.figure.text for m in g.mentions)) for g in figures]
    assert groups == [("agree", ["1977", "1977"])]


def test_one_age_told_alike_in_a_row_agrees(tmp_path):
    figures = _figure_groups(tmp_path, "The suspect, named as Juraj Cintula, 71, was charged with attempted murder "
                             "after the shooting in Handlova.\n",
                             "The suspected gunman, 71-year-old Juraj Cintula, was charged with attempted "
                             "murder after the shooting in Handlova.\n")
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in figures] == [
        ("agree", ["71", "71-year-old"])]


@pytest.mark.parametrize(("a", "b"), [
    # two people named differently, or two kinds of person, of one age
    ("The gunman, Juraj Cintula, 71, shot Robert Fico in Handlova on Wednesday afternoon.",
     "Robert Fico, 71, was shot in Handlova on Wednesday afternoon by a gunman."),
    ("A 34-year-old man was arrested after the stabbing in Leeds on Friday night.",
     "A 34-year-old woman was stabbed in Leeds on Friday night, and a man was arrested."),
    # years that are not told alike: qualified, or part of a name
    ("The dams above Derna were built in the early 1970s by a Yugoslav firm.",
     "The dams above Derna were built in the late 1970s by a Yugoslav firm."),
    ("The dams above Derna were last inspected before 2002, engineers said.",
     "The dams above Derna were last inspected in 2002, engineers said."),
    ("The Euro 2024 final in Berlin drew a record television audience on Sunday.",
     "The Euro 2024 final in Berlin drew a record television audience on Sunday night."),
    # the same year in paragraphs that tell different things
    ("The bridge over the harbour opened to traffic in 1977.",
     "Snow closed every school in the valley for a week in 1977."),
])
def test_ages_and_years_that_are_not_one_agree_with_nothing(tmp_path, a, b):
    figures = _figure_groups(tmp_path, a + "\n",
                             b + "\n")
    assert not [g for g in figures if g.mentions[0].figure.kind in ("age", "year")]


def test_an_age_before_words_that_only_modify_a_noun_names_nobody():
    (figure,) = extract_figures("A 34-year-old British Airways pilot was arrested at Heathrow.")
    assert figure.kind == "age" and figure.thing == "airway"


def test_a_year_with_the_same_qualifier_agrees(tmp_path):
    figures = _figure_groups(tmp_path, "Libya has had two rival governments since 2014, one in Tripoli and one in "
                             "the east.\n",
                             "The country has been split between two rival governments since 2014, in "
                             "Tripoli and in the east.\n")
    years = [g for g in figures if g.mentions[0].figure.kind == "year"]
    assert [(g.status, g.about, [m.figure.text for m in g.mentions]) for g in years] == [
        ("agree", "year", ["2014", "2014"])]


def test_a_reason_is_given_once_when_two_wordings_of_one_figure_differ_alike(tmp_path):
    groups = _figure_groups(
        tmp_path,
        "The two-day offensive by the army ended with a ceasefire in the northern hills on Wednesday.",
        "The offensive by the army ended after 24 hours with a ceasefire in the northern hills on Wednesday.",
        "The 24-hour offensive by the army ended with a ceasefire in the northern hills on Wednesday.",
    )
    conflict = next(g for g in groups if g.status == "conflict")
    assert sorted(m.figure.text for m in conflict.mentions) == ["24 hours", "24-hour", "two-day"]
    assert len(conflict.reasons) == len(set(conflict.reasons))


def test_a_count_takes_the_place_its_sentence_opens_with(tmp_path):
    groups = _figure_groups(
        tmp_path,
        "The number of dead from the earthquake rose to 7,800 on Tuesday, rescuers said. "
        "In Norland, the number of dead rose to 5,894, officials said.",
        "The number of dead from the earthquake rose to 11,700 on Wednesday, rescuers said. "
        "In Norland, the number of dead rose to 9,100, officials said.",
        "The number of dead from the earthquake rose to 16,000 on Thursday, rescuers said. "
        "In Norland, the number of dead rose to 12,873, officials said.",
    )
    values = sorted(sorted(m.figure.value for m in g.mentions) for g in groups)
    assert values == [[5894, 9100, 12873], [7800, 11700, 16000]]


@pytest.mark.parametrize("sentence, scope", [
    ("In Norland, the number of dead rose to 5,894.", {"norland"}),
    ('"In Norland, 300 died," the mayor said.', {"norland"}),
    ("Across the northern provinces, 300 schools were shut.", {"norther", "provinc"}),
    ("In total, 300 schools were shut.", set()),
    ("In a statement, the ministry said 300 schools were shut.", set()),
    ("Within hours Bernard Arnault, the richest man, had offered 300 million.", set()),
    ("In Norland, 9,057 people were killed, and in Sudra 300 have died.", set()),
    ("In Norland, 9,057 people were killed; 300 were injured in Sudra.", set()),
])
def test_the_place_a_sentence_opens_with(sentence, scope):
    from tui.engine.compare import opening_place

    figure = "300" if "300" in sentence else "5,894"
    assert opening_place(sentence, sentence.index(figure)) == frozenset(scope)


def test_a_distance_is_not_placed_by_the_sentence_s_opening(tmp_path):
    groups = _figure_groups(
        tmp_path,
        "In Oregon, the jet had climbed to 16,000 feet when the panel blew out on Friday evening.",
        "The jet had climbed to 14,830 feet in the skies over Portland when the panel blew out on Friday evening.",
    )
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups] == \
        [("conflict", ["14,830 feet", "16,000 feet"])]


def test_a_count_of_one_place_is_not_judged_against_a_total_named_alike(tmp_path):
    # "at least 27 people" killed and "43 (of the dead) in Acapulco" name their thing
    # alike, but the one is a total like 45 and 48, the other a part like "44 in Acapulco".
    groups = _figure_groups(
        tmp_path,
        "The hurricane killed at least 27 people on the coast on Thursday, officials said.",
        "The number of confirmed deaths from the hurricane on the coast rose to 45 on Sunday, officials said. "
        "Of the dead, 43 were in Acapulco.",
        "Officials raised the death toll from the hurricane on the coast to 48 on Thursday. "
        "They said 44 people died in Acapulco.",
    )
    assert sorted(sorted(m.figure.text for m in g.mentions) for g in groups) == [["43", "44"], ["45", "48", "at least 27"]]


@pytest.mark.parametrize("a, b, one", [
    ("OceanGate was founded by Rush in 2009.", "Stockton Rush founded OceanGate in 2009.", True),
    ("It surpassed Hurricane Patricia, which came ashore in 2015.", "Hurricane Patricia in 2015 was stronger.", True),
    ("The company was founded in 2009.", "The war began in 2009.", False),
    ("OceanGate was founded by Rush in 2009.", "OceanGate was founded by Rush in 2010.", False),
])
def test_a_year_told_in_two_rows_is_one_event_s_when_its_sentences_share_their_words(tmp_path, a, b, one):
    from tui.engine.compare import _mentions, _one_year_of_one_event

    (tmp_path / "a.txt").write_text(a + "\n")
    (tmp_path / "b.txt").write_text(b + "\n")
    years = [m for ms in _mentions(load_corpus([tmp_path])).values() for m in ms if m.figure.kind == "year"]
    assert len(years) == 2
    assert _one_year_of_one_event(*years) is one


def _figures_of_one_row(tmp_path, **paragraphs):
    """The figure groups when each source is one paragraph and all of them sit in one row."""
    for source, text in paragraphs.items():
        (tmp_path / f"{source}.txt").write_text(text + "\n")
    corpus = load_corpus([tmp_path])
    return _figures_over_rows(corpus, [Row("r0", {s: [f"{s}:p1"] for s in paragraphs}, 1.0, [])])


def test_a_figure_one_source_states_beside_the_count_as_another_thing_is_that_thing(tmp_path):
    # b says both: 379 is everyone on board, 367 the passengers; c's 379 people is no reading of 367.
    groups = _figures_of_one_row(tmp_path, a="Japan Airlines said all 367 passengers had been evacuated.",
                                 b="All 379 occupants of the A350, 367 passengers and 12 crew, escaped.",
                                 c="The A350 with 379 people on board burst into flames.")
    assert not [g for g in groups if g.status == "conflict"]
    assert ("agree", ["367", "367"]) in [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups]


def test_a_figure_naming_the_same_thing_as_the_group_still_conflicts_though_it_equals_another_figure(tmp_path):
    # "about $88 billion in assets" is the assets, told wrongly, not the $88.6 billion of deposits.
    groups = _figures_of_one_row(
        tmp_path, a="Signature had $110.4 billion in assets and $88.6 billion in deposits at the end of last year.",
        b="Signature, a New York lender with about $88 billion in assets, was also closed.")
    assert [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups if g.status == "conflict"] == [
        ("conflict", ["$110.4 billion", "about $88 billion"])]


@pytest.mark.parametrize("part", [
    "The motion passed 190-0, a tally that included 18 lawmakers from the ruling party.",
    "The motion passed 190-0; among them were 18 lawmakers from the ruling party.",
])
def test_a_part_of_a_count_does_not_conflict_with_the_whole(tmp_path, part):
    groups = _figures_of_one_row(tmp_path, a="In all, 190 lawmakers voted to lift the decree.", b=part,
                                 c="Within hours 190 lawmakers had voted to overturn it.")
    assert not [g for g in groups if g.status == "conflict"]
    assert ("agree", ["190", "190"]) in [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups]


@pytest.mark.parametrize("part", [
    "Twenty-six of the dead were foreign nationals.",
    "The ministry said 115 people were in hospital, about 60 of them in serious condition.",
])
def test_a_partitive_count_is_a_part(tmp_path, part):
    groups = _figures_of_one_row(tmp_path, a="The fire agency said 159 people were dead and 380 hurt.", b=part)
    assert not [g for g in groups if g.status == "conflict"]


def test_a_part_near_a_whole_count_may_still_conflict_with_it(tmp_path):
    groups = _figures_of_one_row(
        tmp_path, a="An opposition lawmaker said about 230 soldiers had been sent into the assembly.",
        b="Officials said 1,500 troops were mobilised, including about 280 soldiers sent to the assembly.")
    assert ("conflict", ["about 230", "about 280"]) in [
        (g.status, sorted(m.figure.text for m in g.mentions)) for g in groups]


def test_a_part_still_agrees_with_the_same_count_told_whole(tmp_path):
    groups = _figures_of_one_row(tmp_path, a="Peacekeepers evacuated 311 civilians, including 102 children.",
                                 b="Among those evacuated were 102 children, the ministry said.")
    assert ("agree", ["102", "102"]) in [(g.status, sorted(m.figure.text for m in g.mentions)) for g in groups]


@pytest.mark.parametrize("first, second", [
    ("The storm destroyed 40 homes and 200 cars in the town.", "The storm destroyed 200 houses in the town."),
    ("The floods left 12 dead and 12,000 homeless in the valley.", "The floods killed 12,000 people in the valley."),
    ("The death toll rose to 18 as crews tore down the 10-story building.", "The death toll rose to 10 on Thursday."),
])
def test_a_figure_that_may_count_what_the_group_counts_still_conflicts(tmp_path, first, second):
    # The other figure names the group's thing (homes / houses) or what happened to it (dead / killed):
    # a second figure of the same value in the first sentence does not explain the difference away.
    assert [g for g in _figures_of_one_row(tmp_path, a=first, b=second) if g.status == "conflict"]
