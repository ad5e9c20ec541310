"""Tests for tui.engine.figures: extraction of figures and their comparison."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.figures import BOUNDS, KINDS, Figure, base_quantity, compare_figures, extract_figures


def only(text: str) -> Figure:
    """The one figure in text."""
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def find(text: str, fragment: str) -> Figure:
    """The figure whose text contains fragment."""
    for figure in extract_figures(text):
        if fragment in figure.text:
            return figure
    raise AssertionError(f"no figure with {fragment!r} in {extract_figures(text)}")


# -- digits -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They counted 1,000 votes.", 1000),
        ("Forces evacuated 3,154 people.", 3154),
        ("A total of 1,234,567 ballots.", 1234567),
        ("Turnout was 99.9 percent.", 99.9),
        ("It has 1.2 million residents.", 1_200_000),
        ("We saw 12 boats.", 12),
        ("Prices rose 0.5 percent.", 0.5),
    ],
)
def test_digits(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The fund holds $5bn in reserve.", 5e9, "usd"),
        ("It cost €3.2m to build.", 3.2e6, "eur"),
        ("A grant of US$ 1.2 million arrived.", 1.2e6, "usd"),
        ("They paid 40 dollars each.", 40, "usd"),
        ("The club spent £20 million.", 20e6, "gbp"),
        ("He could be fined 100,000 reais per hour.", 1e5, "brl"),
        ("Egypt lost between 12 and 14 million dollars.", 12e6, "usd"),
    ],
)
def test_money(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit, figure.kind) == (pytest.approx(value), unit, "money")


def test_attached_m_is_million_before_a_plural_noun_and_metres_otherwise() -> None:
    assert find("about 1.5m people fled", "1.5m").value == pytest.approx(1.5e6)
    wall = only("a 10m wall")
    assert (wall.value, wall.unit, wall.kind) == (10, "m", "measure")


def test_spaced_lower_case_units_of_technical_writing() -> None:
    depth = only("OceanGate claimed an operating depth of 4,000 m.")
    assert (depth.value, depth.unit, depth.kind) == (4000, "m", "measure")
    into = only("The last message came 1 h 45 min into the dive.")
    assert (into.value, into.unit, into.kind) == (105, "minute", "duration")
    # capitals spaced stay apart: "5 M series" are cars, not metres
    assert only("The 5 M series sold well.").kind == "count"
    # a spaced "m" before people or after a currency is a million, as "2m people" is
    people = only("Some 2 m people fled.")
    assert (people.value, people.kind, people.thing) == (2e6, "count", "people")
    assert only("It cost $5 m in all.").value == 5e6
    # a clock's hour and a list's label are no durations
    assert only("The summit opens at 14 h in Geneva.").kind == "count"
    assert only("Items: 1 h) sirens").kind == "count"


# -- number words -----------------------------------------------------------


def test_number_words_with_decimal_point() -> None:
    figure = only("Ninety-nine point nine percent prefer to leave.")
    assert (figure.value, figure.unit, figure.kind) == (pytest.approx(99.9), "percent", "percent")
    assert figure.text == "Ninety-nine point nine percent"


def test_number_word_count() -> None:
    figure = only("so far six armoured vehicles were handed over")
    assert (figure.value, figure.kind, figure.thing, figure.text) == (6, "count", "vehicle", "six")


def test_hyphenated_number_word_duration() -> None:
    figure = only("The two-day offensive forced the leadership to agree.")
    assert (figure.value, figure.unit, figure.kind) == (2, "day", "duration")
    assert figure.text == "two-day"
    assert figure.thing == "offensive"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one hundred and twenty people", 120),
        ("Twenty-three people were hurt", 23),
        ("twelve hundred people", 1200),
        ("a hundred people", 100),
        ("two million people", 2_000_000),
        ("one point two million people", 1_200_000),
        ("two dozen people", 24),
        ("between 2 and 3 million people", 2_000_000),
    ],
)
def test_number_word_values(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "“We slept in our cars,” one of them told the radio.",
        "They went out one after another.",
        "two wars, one between the neighbours",
        "No one was hurt.",
        "Someone said it was one thing or another.",
        "One day, he said, they would return.",
    ],
)
def test_one_as_pronoun_is_not_a_figure(text: str) -> None:
    assert [f for f in extract_figures(text) if f.value == 1] == []


def test_one_before_a_noun_or_unit_is_a_figure() -> None:
    assert only("One soldier was killed.").thing == "soldier"
    assert only("prices rose one percent").unit == "percent"
    assert only("a one-day strike").unit == "day"
    assert only("for one day only").unit == "day"


def test_word_range() -> None:
    figure = only("two or three houses burned")
    assert (figure.value, figure.high, figure.bound) == (2, 3, "range")


def test_fraction_words_are_not_counts() -> None:
    assert extract_figures("two-thirds of voters backed it") == []
    assert extract_figures("support fell by a third") == []
    assert extract_figures("a fifth of the budget") == []
    assert only("he ran for a third time").kind == "ordinal"


@pytest.mark.parametrize(
    ("text", "unit"), [("convoys ran 24 hours a day", "hour per day"), ("open seven days a week", "day per week")]
)
def test_a_duration_per_period_is_a_rate_not_a_duration(text: str, unit: str) -> None:
    figure = only(text)
    assert (figure.kind, figure.unit) == ("measure", unit)
    with pytest.raises(ValueError):
        compare_figures(figure, only("the work took 24 hours"))


def test_odd_after_a_number_is_about() -> None:
    figure = only("police arrested 1,500-odd protesters")
    assert (figure.value, figure.bound, figure.thing) == (1500, "about", "protester")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("highs of 40C in the shade", 40, "celsius"), ("a 1.5C rise", 1.5, "celsius"), ("104F", 104, "fahrenheit")],
)
def test_capital_c_or_f_attached_is_a_temperature(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.value, figure.unit, figure.kind) == (value, unit, "measure")


def test_lower_case_c_attached_is_no_temperature() -> None:
    assert extract_figures("petrol at 40c a litre") == []


def test_tn_attached_is_trillion() -> None:
    figure = only("a $1.2tn stimulus")
    assert (figure.value, figure.unit) == (1.2e12, "usd")


def test_pc_attached_is_per_cent() -> None:
    figure = only("GDP grew 2.9pc last year")
    assert (figure.value, figure.unit) == (2.9, "percent")


@pytest.mark.parametrize(
    ("text", "value", "unit", "thing"),
    [
        ("the backlog would clear in about three and a half days", 3.5, "day", None),
        ("a 2-and-a-half-hour delay", 2.5, "hour", "delay"),
        ("one and a half million people fled", 1.5e6, None, "people"),
        ("one and three quarters miles of road", 1.75, "mile", "road"),
        ("half a million people fled", 5e5, None, "people"),
        ("a half-million people fled", 5e5, None, "people"),
        ("a quarter of a million refugees", 2.5e5, None, "refugee"),
        ("three-quarters of a million tonnes of grain", 7.5e5, "tonne", "grain"),
        ("a million and a half people fled", 1.5e6, None, "people"),
        ("one and a half million", 1.5e6, None, None),
    ],
)
def test_spelled_fractions_are_part_of_the_amount(text: str, value: float, unit: str | None, thing: str | None) -> None:
    figure = only(text)
    assert (figure.value, figure.unit, figure.thing) == (pytest.approx(value), unit, thing)


# -- vague amounts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("dozens of civilian casualties", 24, 99),
        ("hundreds of homes", 200, 999),
        ("Thousands of people gathered", 2000, 9999),
        ("tens of thousands of Armenians", 10_000, 99_999),
        ("hundreds of thousands of refugees", 100_000, 999_999),
        ("several thousand local residents", 3000, 9999),
        ("a few hundred protesters", 200, 499),
        ("several dozen trucks", 36, 119),
    ],
)
def test_vague_amounts(text: str, low: float, high: float) -> None:
    figure = only(text)
    assert figure.vague
    assert (figure.value, figure.high, figure.bound) == (low, high, "range")
    assert figure.kind == "count"


def test_tens_of_thousands_is_one_vague_figure_not_ten_and_a_thousand() -> None:
    figure = only("space for tens of thousands of Armenians")
    assert figure.text == "tens of thousands"
    assert figure.thing == "armenian"


def test_a_dozen_is_about_twelve() -> None:
    figure = only("more than a dozen houses")
    assert (figure.value, figure.bound, figure.text) == (12, "more_than", "more than a dozen")


# -- qualifiers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bound", "span"),
    [
        ("more than 1,000 people crossed", "more_than", "more than 1,000"),
        ("over 500 people", "more_than", "over 500"),
        ("upwards of 300 tonnes", "more_than", "upwards of 300 tonnes"),
        ("at least 200 people", "at_least", "at least 200"),
        ("no fewer than 40 soldiers", "at_least", "no fewer than 40"),
        ("about 5,000 units of ammunition", "about", "about 5,000"),
        ("around 2,000 peacekeepers", "about", "around 2,000"),
        ("some 2,000 people", "about", "some 2,000"),
        ("roughly 20 km", "about", "roughly 20 km"),
        ("approximately 3 hours", "about", "approximately 3 hours"),
        ("an estimated 40,000 refugees", "about", "an estimated 40,000"),
        ("a population estimated at 120,000 people", "about", "estimated at 120,000"),
        ("Few of its 120,000 or so residents", "about", "120,000 or so"),
        ("nearly 2,000 peacekeepers", "nearly", "nearly 2,000"),
        ("almost 50 houses", "nearly", "almost 50"),
        ("close to 1,000 dead", "nearly", "close to 1,000"),
        ("just under 300 people", "nearly", "just under 300"),
        ("less than 10 percent", "less_than", "less than 10 percent"),
        ("fewer than 12 boats", "less_than", "fewer than 12"),
        ("under 5 percent", "less_than", "under 5 percent"),
        ("at most 3 trucks", "at_most", "at most 3"),
        ("up to 400 trucks", "at_most", "up to 400"),
        ("As many as 120,000 Karabakh Armenians", "at_most", "As many as 120,000"),
        ("no more than 20 guards", "at_most", "no more than 20"),
        ("100 or more people", "at_least", "100 or more"),
        ("2,000-plus people", "at_least", "2,000-plus"),
        ("between 10 and 15 people", "range", "between 10 and 15"),
        ("10 to 20 soldiers", "range", "10 to 20"),
        ("10-15 people were hurt", "range", "10-15"),
    ],
)
def test_qualifiers(text: str, bound: str, span: str) -> None:
    figure = only(text)
    assert figure.bound == bound
    assert figure.text == span


def test_range_has_low_value_and_high() -> None:
    figure = only("between 10 and 15 people")
    assert (figure.value, figure.high) == (10, 15)


def test_from_to_is_a_change_not_a_range() -> None:
    figures = extract_figures("the share rose from 10 to 20 percent")
    assert [f.bound for f in figures] == ["exact", "exact"]


@pytest.mark.parametrize(
    ("text", "span", "unit", "same"),
    [
        ("executives stand to collect tens of millions of dollars on their way out",
         "tens of millions of dollars", "usd", "about $42 million"),
        ("a bill that could run to hundreds of millions of pounds", "hundreds of millions of pounds", "gbp",
         "£400 million"),
        ("losses range from several hundred million dollars", "several hundred million dollars", "usd",
         "$300 million"),
    ],
)
def test_a_vague_count_of_a_currency_is_money(text: str, span: str, unit: str, same: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit, figure.thing, figure.vague) == (span, "money", unit, None, True)
    assert compare_figures(figure, only(same))[0] == "agree"


@pytest.mark.parametrize(
    "text", ["TSMC will make 3nm chips", "It sold 2,000 M3 sedans", "Samsung's 2 nm node", "In 2023 M3 sales rose"],
)
def test_look_alike_unit_abbreviations_are_not_units(text: str) -> None:
    assert not [f for f in extract_figures(text) if f.unit in ("nautical_mile", "m3")]


def test_hundreds_of_pounds_may_weigh() -> None:
    assert only("hundreds of pounds of flour").kind == "count"
    assert only("Tyson recalled millions of pounds of chicken").kind == "count"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("It raised 5 billion Hong Kong dollars", 5e9, "hkd"), ("billions of Hong Kong dollars", 2e9, "hkd"),
     ("pledged A$2m in aid", 2e6, "aud"), ("a C$4 million grant", 4e6, "cad"),
     ("trade rose to 9.4 billion US dollars", 9.4e9, "usd"), ("2.3 million U.S. dollars", 2.3e6, "usd")],
)
def test_dollars_are_told_apart_by_their_country(text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.kind, figure.value, figure.unit) == ("money", value, unit)


def test_a_unit_on_the_first_number_only_is_a_change_not_a_range() -> None:
    figures = extract_figures("the index rose 1.3% to 116,037 points")
    assert [(f.text, f.bound) for f in figures] == [("1.3%", "exact"), ("116,037", "exact")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [("talks from five to 12 August", ("12 August", "date")), ("between seven and 10 p.m.", ("10 p.m.", "time"))],
)
def test_a_range_does_not_swallow_a_date_or_a_time(text: str, kept: tuple[str, str]) -> None:
    assert kept in [(f.text, f.kind) for f in extract_figures(text)]


def test_between_makes_a_range_even_with_the_unit_on_the_first_number() -> None:
    figure = only("between 20 per cent and 25")
    assert (figure.value, figure.high, figure.unit) == (20, 25, "percent")


@pytest.mark.parametrize(
    ("text", "thing"),
    [("The 2 last survivors died", "survivor"), ("40 Next stores closed", "store"), ("5,000 jobs next year", "job")],
)
def test_last_and_next_end_a_thing_only_before_a_period(text: str, thing: str) -> None:
    assert only(text).thing == thing


def test_words_below_ten_and_digits_above_make_one_range() -> None:
    figure = only("a trip that adds seven to 10 days")
    assert (figure.value, figure.high, figure.unit, figure.bound) == (7, 10, "day", "range")


# -- units ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("125 tons of food", "tonne", "measure"),
        ("more than 50 tonnes of food", "tonne", "measure"),
        ("50t of grain", "tonne", "measure"),
        ("3 metric tons of rice", "tonne", "measure"),
        ("295 kilometers west", "km", "measure"),
        ("295 kilometres west", "km", "measure"),
        ("a 5km road", "km", "measure"),
        ("6.2 miles away", "mile", "measure"),
        ("20 kg of flour", "kg", "measure"),
        ("120 mph winds", "mph", "measure"),
        ("gusts of 60 miles an hour", "mph", "measure"),
        ("winds of 100 kilometres per hour", "kmh", "measure"),
        ("running at 128 kmph", "kmh", "measure"),
        ("a speed of 130 km/hr", "kmh", "measure"),
        ("temperatures hit 45°C", "celsius", "measure"),
        ("30 percent of voters", "percent", "percent"),
        ("30 per cent of voters", "percent", "percent"),
        ("30% of voters", "percent", "percent"),
        ("5 percentage points", "percentage_point", "percent"),
        ("after 24 hours", "hour", "duration"),
        ("a 24-hour offensive", "hour", "duration"),
        ("for 3 weeks", "week", "duration"),
        ("for more than 30 years", "year_duration", "duration"),
        ("in 10 days", "day", "duration"),
        ("raised water by up to 18 inches", "inch", "measure"),
        ("a 100-yard dash", "yard", "measure"),
        ("12 nautical miles off the coast", "nautical_mile", "measure"),
        ("a detour of 3,500 nmi", "nautical_mile", "measure"),
        ("winds of 40 knots", "knot", "measure"),
        ("winds reported at up to 40 kn", "knot", "measure"),
        ("16 ounces of flour", "oz", "measure"),
        ("16 ounces of gold", "troy_oz", "measure"),
        ("500 gallons of fuel", "gallon", "measure"),
        ("2,000 cu m of sand", "m3", "measure"),
        ("a 300 sq m flat", "m2", "measure"),
        ("1,500 square feet of office space", "sq_ft", "measure"),
    ],
)
def test_units(text: str, unit: str, kind: str) -> None:
    figure = only(text)
    assert (figure.unit, figure.kind) == (unit, kind)
    assert figure.text.split()[-1].rstrip(".") != "of"


def test_unit_is_inside_the_span() -> None:
    assert only("125 tons of food").text == "125 tons"
    assert only("99.9 percent of them").text == "99.9 percent"


# -- dates, times, years, ages, ordinals -------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("launched its offensive on Sept. 19, describing", "Sept. 19", "date"),
        ("since September 20 there", "September 20", "date"),
        ("on 20 September 2023 they", "20 September 2023", "date"),
        ("killed on 3 March.", "3 March", "date"),
        ("date 2023-09-24 Azerbaijan", "2023-09-24", "date"),
        ("ceasefire on September 20-2023 held", "September 20-2023", "date"),
        ("on Sept. 23, 2023, onboard", "Sept. 23, 2023", "date"),
        ("since August 2021 there", "August 2021", "date"),
        ("on 24/09/2023 it", "24/09/2023", "date"),
        ("as of 13:00 local", "13:00", "time"),
        ("at 9 a.m. sharp", "9 a.m.", "time"),
        ("at 9:30pm sharp", "9:30pm", "time"),
        ("fought a war in 1994, leaving", "1994", "year"),
        ("deployed since late 2020 following", "2020", "year"),
        ("a war in the 1990s.", "1990s", "year"),
        ("the 2020 war", "2020", "year"),
        ("the fall 2020 war in the region", "2020", "year"),
        ("his 24-year-old son", "24-year-old", "age"),
        ("a man, 24 years old, said", "24 years old", "age"),
        ("He was aged 45.", "45", "age"),
    ],
)
def test_dates_times_years_ages(text: str, span: str, kind: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind) == (span, kind)


@pytest.mark.parametrize(("text", "span", "hours"), [("the quake struck at 4.12am", "4.12am", 4.2),
                                                      ("at 11.45 p.m. on Friday", "11.45 p.m.", 23.75)])
def test_a_clock_time_written_with_a_dot(text: str, span: str, hours: float) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.value) == (span, "time", pytest.approx(hours))
    assert only("prices rose 4.12 percent").kind == "percent"


def test_time_with_zone() -> None:
    figures = extract_figures("a ceasefire as of 13:00 (09:00 GMT) on September 20-2023")
    assert [(f.text, f.kind) for f in figures] == [
        ("13:00", "time"), ("09:00 GMT", "time"), ("September 20-2023", "date")]
    assert figures[1].unit == "gmt"
    assert figures[1].value == 9


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("the ship grounded at about 0740 hrs on 23 March", "time", 7 + 40 / 60),
        ("refloated at 1505 hrs local time", "time", 15 + 5 / 60),
        ("by 0900 hrs the convoy had left", "time", 9),
        ("the siege lasted 1200 hours", "duration", 1200),
        ("after 1000 hours of talks", "duration", 1000),
        ("at 1000 hours of flight time", "duration", 1000),
    ],
)
def test_military_time_or_hours(text: str, kind: str, value: float) -> None:
    (figure,) = extract_figures(text)[:1]
    assert figure.kind == kind
    assert figure.value == pytest.approx(value)


def test_year_range_between() -> None:
    figure = find("two wars, one between 1988 and 1994 that claimed lives", "1988")
    assert (figure.kind, figure.bound, figure.value, figure.high) == ("year", "range", 1988, 1994)
    assert figure.text == "between 1988 and 1994"


def test_years_are_not_counts_but_plural_nouns_make_counts() -> None:
    assert only("In 2000 troops arrived.").kind == "year"
    assert only("The 2020 elections were close.").kind == "year"
    troops = only("Officials said 2000 troops were sent.")
    assert (troops.kind, troops.thing) == ("count", "troop")
    assert only("1,999 voters").kind == "count"


def test_date_parts_are_not_counts() -> None:
    for text in ("Sept. 19", "September 20-2023", "20 September 2023", "13:00", "in 1994",
                 "24-year-old", "the 1990s", "2023-09-24", "since late 2020"):
        assert all(f.kind != "count" for f in extract_figures(text)), text


@pytest.mark.parametrize(
    ("text", "value"),
    [("the first groups of evacuees", 1), ("for the second day", 2), ("the 21st century", 21),
     ("the twenty-first century", 21), ("the 3rd battalion", 3)],
)
def test_ordinals(text: str, value: int) -> None:
    figure = only(text)
    assert (figure.kind, figure.value) == ("ordinal", value)


def test_not_figures() -> None:
    for text in ("F-16 jets", "COVID-19 patients", "5G networks", "3D printers",
                 "Armenia A1+, a partner", "Article 5 of the treaty", "a 3-1 win",
                 "the bill passed 220-212", "a Boeing 737 MAX 9", "one in three homes",
                 "1 in 4 adults smoke", "on board the Boeing 737-800 were killed"):
        assert extract_figures(text) == [], text


def test_a_range_after_a_name_with_a_space_or_a_thing_is_still_a_range() -> None:
    assert [(f.text, f.value, f.high) for f in extract_figures("On Sunday 10-12 people died")] == [("10-12", 10, 12)]
    assert [(f.text, f.thing) for f in extract_figures("Boeing cut 150-200 jobs")] == [("150-200", "job")]


# -- offsets ----------------------------------------------------------------


def test_offsets_match_text_and_cover_the_number() -> None:
    text = ("Russia said so far six armoured vehicles, more than 800 guns, about 5,000 units of "
            "ammunition and 125 tons of food were handed over; Ninety-nine point nine percent left.")
    figures = extract_figures(text)
    assert [f.text for f in figures] == [
        "six", "more than 800", "about 5,000", "125 tons", "Ninety-nine point nine percent"]
    for figure in figures:
        assert text[figure.start:figure.end] == figure.text
    assert "800" in figures[1].text and "5,000" in figures[2].text


def test_offsets_after_non_ascii_text() -> None:
    text = "Ильхам Алиев İlham said 1,200 small arms and twenty-three rifles"
    for figure in extract_figures(text):
        assert text[figure.start:figure.end] == figure.text
    assert [f.value for f in extract_figures(text)] == [1200, 23]


# -- thing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("a total of 377 people have arrived", "people"),
        ("the evacuation of 23 wounded patients from", "patient"),
        ("125 tons of food and 65 tons of fuel", "food"),
        ("about 5,000 units of ammunition were", "ammunition"),
        ("held up about $9.6 billion worth of goods each day", "good"),
        ("about 90% of Twitter's revenue last year", "revenue"),
        ("A total of 130,000 munitions, 1,200 small arms", "munition"),
        ("some aid reached the 120,000 Armenians there who", "armenian"),
        ("a population estimated at 120,000 people, at a time", "people"),
        ("About 120,000 ethnic Armenians live in", "armenian"),
        ("3,154 people, including 1,428 children", "people"),
        ("dozens of civilian casualties", "casualty"),
        ("claimed 30,000 lives", "life"),
        ("30 percent of Nagorno-Karabakh’s population was displaced", "population"),
        ("the 2020 war", "war"),
        ("a 2,000-strong force", "force"),
        ("the population of 120,000 was hit", "population"),
        ("close to 1,000 dead", "dead"),
        ("killing at least 13 airmen", "airman"),
        ("some 300 firemen fought the fire", "fireman"),
        ("with 15 aircrew killed", "aircrew"),
        ("he kept 40 specimen jars", "jar"),
        ("the 3 Turkmen delegates", "delegate"),
        ("more than 3,400 U.S. flights were canceled", "flight"),
    ],
)
def test_thing(text: str, thing: str) -> None:
    assert extract_figures(text)[0].thing == thing


@pytest.mark.parametrize(
    "text",
    ["at least 360 of them with housing", "99.9 percent of them prefer",
     "Ninety-nine point nine percent prefer to leave", "295 kilometers west of Baku"],
)
def test_no_thing(text: str) -> None:
    assert only(text).thing is None


def test_a_street_address_is_no_figure() -> None:
    assert extract_figures("He spoke north of 10 Downing Street on Monday.") == []
    assert extract_figures("The office at 221 Baker St. closed.") == []
    assert only("40 Wall Street banks lent money").thing == "bank"


def test_the_thing_named_by_number_of_before_the_figure() -> None:
    assert only("He put the number of vessels waiting to pass through the canal at 422.").thing == "vessel"
    assert only("The total of dead rose to 67.").thing == "dead"
    # Another sentence's count says nothing about this one's.
    assert extract_figures("The number of ships rose. Then 40 were seen.")[0].thing is None


def test_an_age_before_a_name_is_that_person_s() -> None:
    assert only("The suspected gunman, 71-year-old Juraj Cintula, remains in custody.").thing == "Juraj Cintula"
    assert only("A 71-year-old man fired at the crowd.").thing == "man"


def test_a_part_of_a_whole_counts_the_whole_s_thing() -> None:
    assert [f.thing for f in extract_figures("By Monday, 747 of the startup's roughly 770 workers had signed.")] == [
        "worker", "worker"]
    assert [f.thing for f in extract_figures("Police arrested 12 of the 40 protesters.")] == ["protester", "protester"]
    # a weekday before a number is no name the number belongs to, as "Boeing 737" is
    assert [f.text for f in extract_figures("By Tuesday 738 of roughly 770 employees had signed.")] == [
        "738", "roughly 770"]


def test_a_part_told_after_its_whole_counts_the_whole_s_thing() -> None:
    assert only("Of the dead, 202 were in the Valencia region.").thing == "dead"
    assert only("The count was done. Of the injured, at least 15 were in a critical condition.").thing == "injured"
    # what those killed were is the count's own thing, not "killed"
    assert only("Of those killed, 40 were children.").thing is None
    assert only("He spoke of the victims, 30 died.").thing is None
    # a part with a thing of its own, or one of "the rest", is no count of the whole
    assert only("Of the dead, 40 were children, officials said.").thing is None
    assert only("Of the rest, 30 fled.").thing is None
    assert only("Of the dead, 12 were identified.").thing == "dead"


def test_a_total_refers_back_to_the_largest_count_before_it() -> None:
    text = "Data showed 367 vessels waiting, including 41 bulkers and 12 LNG carriers. The SCA later put the total at 422."
    assert [f.thing for f in extract_figures(text)] == ["vessel", "bulker", "carrier", "vessel"]


def test_a_part_of_them_refers_back_to_the_nearest_larger_count() -> None:
    text = "Officials registered 1,200 refugees and 300 cars; 360 of them got tents."
    assert [f.thing for f in extract_figures(text)] == ["refugee", "car", "refugee"]
    assert extract_figures("Of the 12 buses, 360 of them ran late.")[1].thing is None  # no larger count before


def test_a_list_item_that_leaves_out_its_thing_takes_the_one_before_it() -> None:
    text = "At least 812 people were killed in the south, officials said, and 1,120 in the rebel-held north."
    assert [f.thing for f in extract_figures(text)] == ["people", "people"]
    text = "At least 3,162 people have died: 1,347 in the south and 1,815 in the north."
    assert [f.thing for f in extract_figures(text)] == ["people", "people", "people"]
    # Not across a sentence, and not a count that says where without a list before it.
    assert [f.thing for f in extract_figures("Police said 40 people were hurt. 12 in hospital.")] == ["people", None]
    assert [f.thing for f in extract_figures("Some 300 cars were towed, the city said, and 12 were sold in May.")][1] is None
    text = "Rescuers recovered 12 bodies from the river; 30 in the next village were found alive."
    assert [f.thing for f in extract_figures(text)] == ["body", None]
    text = "At least 812 people were killed in the south and 1,120 in the north as hospitals there were overwhelmed."
    assert [f.thing for f in extract_figures(text)] == ["people", "people"]


# -- compare ----------------------------------------------------------------


def test_about_and_nearly_agree() -> None:
    status, reason = compare_figures(only("around 2,000 peacekeepers"), only("nearly 2,000 peacekeepers"))
    assert status == "agree"
    assert "'around 2,000'" in reason and "'nearly 2,000'" in reason and "overlap" in reason


def test_count_below_a_floor_conflicts() -> None:
    status, reason = compare_figures(only("a total of 377 people"), only("more than 1,000 people"))
    assert status == "conflict"
    assert reason == "377 is below the floor of 'more than 1,000'"


def test_tons_against_more_than_tonnes_conflicts_with_reason() -> None:
    tons, tonnes = only("125 tons of food"), only("more than 50 tonnes of food")
    status, reason = compare_figures(tons, tonnes)
    assert status == "conflict"
    assert reason == ("125 tonnes is 2.5× the floor of 'more than 50 tonnes' — "
                      "'more than' reads as close to the stated figure")
    assert compare_figures(tonnes, tons) == (status, reason)


def test_more_than_agrees_with_a_figure_close_above_it() -> None:
    assert compare_figures(only("1,400 people"), only("more than 1,000 people"))[0] == "agree"
    assert compare_figures(only("60 tonnes"), only("more than 50 tons"))[0] == "agree"


def test_digits_and_words_agree() -> None:
    status, reason = compare_figures(only("99.9 percent of them"), only("Ninety-nine point nine percent"))
    assert status == "agree"
    assert "99.9 percent" in reason


@pytest.mark.parametrize(
    ("a", "b"),
    [("120,000 or so residents", "As many as 120,000 Karabakh Armenians"),
     ("120,000 or so residents", "About 120,000 ethnic Armenians"),
     ("As many as 120,000 Karabakh Armenians", "About 120,000 ethnic Armenians"),
     ("the 120,000 Armenians there", "About 120,000 ethnic Armenians")],
)
def test_120000_variants_agree(a: str, b: str) -> None:
    assert compare_figures(only(a), only(b))[0] == "agree"


def test_exact_figures() -> None:
    assert compare_figures(only("377 people"), only("311 people")) == ("conflict", "377 and 311 differ")
    assert compare_figures(only("2,000 troops"), only("1,960 troops"))[0] == "agree"
    assert compare_figures(only("3,154 people"), only("3,154 people"))[0] == "agree"


def test_zero_floor_does_not_divide_by_zero() -> None:
    assert compare_figures(only("5 people"), only("more than zero people"))[0] == "conflict"


def test_vague_ranges() -> None:
    assert compare_figures(only("Thousands of people"), only("3,154 people"))[0] == "agree"
    assert compare_figures(only("Thousands of people"), only("more than 10,000 people"))[0] == "conflict"
    assert compare_figures(only("tens of thousands of people"), only("about 120,000 people"))[0] == "conflict"


def test_unit_conversion() -> None:
    status, reason = compare_figures(only("10 miles"), only("16 km"))
    assert status == "agree"
    assert "km" in reason
    assert compare_figures(only("two-day offensive"), only("a 48-hour offensive"))[0] == "agree"
    assert compare_figures(only("a two-day offensive"), only("a 24-hour offensive"))[0] == "conflict"
    status, reason = compare_figures(only("up to 18 inches"), only("roughly 46 cm"))
    assert status == "agree"
    assert "inches" in reason
    assert compare_figures(only("40 knots"), only("74 km/h"))[0] == "agree"
    assert compare_figures(only("1 million ounces of gold"), only("31.1 tonnes"))[0] == "agree"
    assert compare_figures(only("16 ounces of flour"), only("450 grams"))[0] == "agree"
    with pytest.raises(ValueError):  # US or imperial gallons: no telling
        compare_figures(only("10 gallons"), only("45 litres"))


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [("4.5 metres", "14.8 feet", "agree"), ("12 nautical miles", "22 km", "agree"),
     ("10 miles", "16 km", "agree"), ("10 miles", "17 km", "conflict"), ("17 km", "10 miles", "conflict")],
)
def test_a_conversion_is_rounded_to_the_digits_written(a: str, b: str, status: str) -> None:
    assert compare_figures(only(a), only(b))[0] == status


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [("temperatures of −20 degrees", "−20 degrees", -20), ("a low of -5C overnight", "-5C", -5),
     ("minus 5 degrees Celsius", "minus 5 degrees Celsius", -5), ("about -5C", "about -5C", -5)],
)
def test_a_sign_before_a_measure_makes_it_negative(text: str, span: str, value: float) -> None:
    figure = only(text)
    assert (figure.text, figure.value) == (span, value)


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [("up to 25 years", "up to 20 years", "conflict"), ("more than 1,000 people", "more than 2,000 people", "conflict"),
     ("about 120,000", "about 100,000", "conflict"), ("about 120,000", "around 120,000", "agree"),
     ("nearly 2,000", "almost 2,000", "agree"), ("more than 60 mph", "more than 100 km/h", "agree")],
)
def test_figures_qualified_alike_agree_only_when_they_state_the_same_figure(a: str, b: str, status: str) -> None:
    assert compare_figures(only(a), only(b))[0] == status


def test_negative_figures_compare_by_their_sign() -> None:
    assert compare_figures(only("-5C"), only("5C"))[0] == "conflict"
    assert compare_figures(only("minus 5 degrees Celsius"), only("23F"))[0] == "agree"
    assert compare_figures(only("below -10C"), only("-12C"))[0] == "agree"
    assert compare_figures(only("below -10C"), only("-5C"))[0] == "conflict"
    assert compare_figures(only("about -5C"), only("-4.5C"))[0] == "agree"


def test_a_sign_is_not_read_into_a_score_or_a_percent_change() -> None:
    assert [f.value for f in extract_figures("growth of -0.5%")] == [0.5]
    assert not [f for f in extract_figures("a 2-1 win") if f.value < 0]


def test_temperatures_convert_by_offset_and_factor() -> None:
    status, reason = compare_figures(only("temperatures hit 40C"), only("temperatures hit 104F"))
    assert status == "agree"
    assert "104 °F = 40 °C" in reason
    assert compare_figures(only("104F"), only("40C"))[0] == "agree"
    assert compare_figures(only("more than 45C"), only("104 degrees Fahrenheit"))[0] == "conflict"
    assert base_quantity(only("104F")) == ("celsius", 40)


def test_at_most_reads_close_to_its_ceiling() -> None:
    status, reason = compare_figures(only("377 people"), only("up to 1,000 people"))
    assert status == "conflict"
    assert "ceiling" in reason
    assert compare_figures(only("700 people"), only("up to 1,000 people"))[0] == "agree"


def test_years_and_dates() -> None:
    assert compare_figures(only("in 1994"), only("between 1988 and 1994"))[0] == "agree"
    assert compare_figures(only("in 1992"), only("in 1994"))[0] == "conflict"
    assert compare_figures(only("on Sept. 20"), only("on September 20-2023"))[0] == "agree"
    assert compare_figures(only("on Sept. 19"), only("on September 20-2023"))[0] == "conflict"


def test_clock_times_in_two_known_zones_compare_in_gmt() -> None:
    assert compare_figures(only("at 6:05 a.m. EDT"), only("at 10:05 GMT")) == (
        "agree", "'6:05 a.m. EDT' and '10:05 GMT' are the same time")
    assert compare_figures(only("at 10:05 GMT"), only("at 10:05 BST"))[0] == "conflict"
    assert compare_figures(only("at 11:30 p.m. PDT"), only("at 3:30 p.m. JST"))[0] == "agree"  # the next day


@pytest.mark.parametrize(
    ("a", "b"),
    [("125 tons", "125 km"), ("9 p.m. CST", "03:00 GMT"), ("30 percent", "30 people"), ("$5", "€5"), ("in 2020", "2,020 people"),
     ("13:00", "09:00 GMT"), ("5 percent", "5 percentage points")],
)
def test_incomparable_figures_raise(a: str, b: str) -> None:
    with pytest.raises(ValueError):
        compare_figures(only(a), only(b))


# -- properties -------------------------------------------------------------


def check_well_formed(text: str, figures: list[Figure]) -> None:
    previous_end = 0
    for figure in figures:
        assert text[figure.start:figure.end] == figure.text
        assert previous_end <= figure.start < figure.end
        previous_end = figure.end
        assert figure.bound in BOUNDS and figure.kind in KINDS
        assert (figure.high is not None) == (figure.bound == "range")


# No per-example deadline: these check correctness; speed is measured by the benchmarks,
# and a loaded 2-core CI machine can take over 200 ms on one example.
@settings(deadline=None)
@given(st.text())
def test_any_text_gives_well_formed_figures(text: str) -> None:
    check_well_formed(text, extract_figures(text))


_PIECES = st.sampled_from([
    "more than", "about", "nearly", "one", "two-day", "1,000", "99.9", "percent", "tons", "of",
    "people", "between", "and", "to", "-", "Sept.", "20", "2020", "or so", "tens of thousands",
    "$5bn", "13:00", "GMT", "24-year-old", "a", "hundred", "dozen", "first", ",", ".", " ", "\n",
])


@settings(deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_number_heavy_text_gives_well_formed_figures(text: str) -> None:
    figures = extract_figures(text)
    check_well_formed(text, figures)
    for a in figures:
        for b in figures:
            try:
                status, reason = compare_figures(a, b)
            except ValueError:
                continue
            assert status in ("agree", "conflict") and reason


# -- review of the Discrepancies view ----------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("with his share alone north of $50 million by some counts", "north of $50 million", 50e6),
        ("a stake worth well north of $2 billion", "well north of $2 billion", 2e9),
        ("upward of 300 tonnes", "upward of 300 tonnes", 300),
        ("south of 10 percent", "south of 10 percent", 10),
    ],
)
def test_north_of_and_similar_idioms_are_bounds(text: str, span: str, value: float) -> None:
    figure = only(text)
    assert figure.text == span and figure.value == value
    assert figure.bound == ("less_than" if span.startswith("south") else "more_than")


def test_north_of_is_a_floor_not_an_exact_figure() -> None:
    status, reason = compare_figures(only("north of $50 million"), only("between $80 million and $120 million"))
    assert status == "agree", reason


@pytest.mark.parametrize(
    ("bounded", "word"),
    [("roughly $40 million", "roughly"), ("around $40 million", "around"),
     ("approximately $40 million", "approximately"), ("$40 million or so", "or so"),
     ("about $40 million", "about")],
)
def test_about_reason_quotes_the_word_the_article_used(bounded: str, word: str) -> None:
    status, reason = compare_figures(only("$50 million"), only(bounded))
    assert status == "conflict"
    assert reason.endswith(f"'{word}' allows 15%"), reason


@pytest.mark.parametrize(
    ("bounded", "other", "status"),
    [("about $212 billion", "$209 billion", "conflict"), ("about $110 billion", "$110.4 billion", "agree"),
     ("about $15.4 billion", "$13 billion", "conflict"), ("about 2,000 troops", "1,850 troops", "agree"),
     ("about 360 people", "377 people", "conflict"), ("about 120,000 people", "117,000 people", "agree"),
     ("about two million people", "1.8 million people", "agree"), ("about 212 km", "about 209 km", "conflict"),
     ("about 40 km", "about 41 km", "agree"), ("nearly 2,000 people", "1,850 people", "agree"),
     ("nearly 212 people", "205 people", "conflict")],
)
def test_about_reaches_no_further_than_the_last_digit_stated(bounded: str, other: str, status: str) -> None:
    assert compare_figures(only(bounded), only(other))[0] == status
    assert compare_figures(only(other), only(bounded))[0] == status


def test_the_reason_gives_what_about_allows_for_a_precise_figure() -> None:
    _, reason = compare_figures(only("$209 billion"), only("about $212 billion"))
    assert reason == ("$209,000,000,000 is 1.42% below 'about $212 billion'; "
                      "'about' allows 0.47% for a figure stated this precisely")


def test_floor_reason_quotes_the_word_the_article_used() -> None:
    status, reason = compare_figures(only("125 tons of food"), only("over 50 tonnes of food"))
    assert status == "conflict"
    assert reason.endswith("'over' reads as close to the stated figure"), reason
    status, reason = compare_figures(only("20 trucks"), only("as many as 400 trucks"))
    assert status == "conflict"
    assert reason.endswith("'as many as' reads as close to the stated figure"), reason


@pytest.mark.parametrize(
    ("text", "thing"),
    [("Musk revealed a 9 percent stake in Twitter", "stake"),
     ("which represented a 38% premium to the stock price", "premium"),
     ("its 5 percent pay rise", "rise"),
     ("a roughly 20% tariff on steel", "tariff")],
)
def test_percent_before_a_noun_says_what_it_is(text: str, thing: str) -> None:
    assert only(text).thing == thing


@pytest.mark.parametrize(("one", "other", "written"), [
    ("it was 2.54 cm deep", "it was 1 inch deep", "1 inch"),
    ("a 1.609 km walk", "a 1 mile walk", "1 mile"),
    ("it was 5.08 cm deep", "it was 2 inches deep", "2 inches"),
    ("0.4047 hectares of forest", "1 acre of forest", "1 acre"),
])
def test_a_converted_figure_is_named_singular_or_plural_by_its_value(one, other, written) -> None:
    _, reason = compare_figures(only(other), only(one))
    assert f"= {written})" in reason


@pytest.mark.parametrize(("text", "values"), [
    ("The magnitude 7.8 quake struck at dawn.", [7.8]),
    ("A 7.8-magnitude tremor hit the region.", [7.8]),
    ("The 7.8 magnitude earthquake struck at dawn.", [7.8]),
    ("The toll of the earthquakes of magnitude 7.7 and 7.6 rose on Tuesday.", [7.7, 7.6]),
    ("It was a quake with a magnitude of 6.1, the survey said.", [6.1]),
    ("It measured 7.1 on the Richter scale.", [7.1]),
    ("The strongest tremor, which measured 5.3 in magnitude, rattled homes.", [5.3]),
])
def test_a_reading_on_a_scale_is_what_it_counts(text, values) -> None:
    figures = [f for f in extract_figures(text) if f.thing == "magnitude"]
    assert [f.value for f in figures] == values


def test_a_level_of_troops_counts_troops() -> None:
    assert only("The force rose to the level of 300 troops.").thing == "troop"


@pytest.mark.parametrize("text", ["Customers withdrew $42bn in one day.", "It borrowed $30 billion in recent weeks.",
                                  "It lost $2 billion in two days.", "It paid to the tune of $5bn.",
                                  "Profit showed a rise of $5bn."])
def test_a_time_span_or_a_way_of_saying_how_much_is_not_what_a_sum_is(text) -> None:
    assert next(f for f in extract_figures(text) if f.kind == "money").thing is None


@pytest.mark.parametrize(("text", "figure", "thing"), [
    ("The quake was followed by 12 magnitude 5 aftershocks.", "12", None),
    ("It measured magnitude 7.8 and 1,500 buildings collapsed.", "1,500", "building"),
    ("About 300 level crossings were closed.", "About 300", "crossing"),
])
def test_a_count_is_not_read_as_a_scale_it_stands_next_to(text, figure, thing) -> None:
    assert next(f for f in extract_figures(text) if f.text == figure).thing == thing


@pytest.mark.parametrize(("bounded", "other"), [("about 25%", "27%"), ("about 45 people", "50 people"),
                                                ("about 1.5 million people", "1.7 million people")])
def test_a_last_digit_five_is_a_round_figure_for_about(bounded, other) -> None:
    assert compare_figures(only(bounded), only(other))[0] == "agree"


def test_ages_are_named_in_years() -> None:
    assert compare_figures(only("aged 40"), only("aged 41"))[1] == "40 years and 41 years differ"


def test_one_people_is_a_nation_not_a_count_of_persons() -> None:
    assert [f.thing for f in extract_figures('"We are one country, one people," he said.')] == ["country", "nation"]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [("The mission was accomplished at a cost of Rs 615 crore.", "Rs 615 crore", 6.15e9, "inr"),
     ("The whole mission cost about 615 crore rupees.", "about 615 crore rupees", 6.15e9, "inr"),
     ("The craft travelled 3,84,000 km to reach the Moon.", "3,84,000 km", 384_000, "km"),
     ("The Moon is 3.84 lakh km away.", "3.84 lakh km", 384_000, "km"),
     ("Over 80 lakh people watched the landing live.", "Over 80 lakh", 8e6, None),
     ("Tickets cost Rs. 1,200 each.", "Rs. 1,200", 1200, "inr"),
     ("The budget sets aside Rs 1.5 lakh crore for roads.", "Rs 1.5 lakh crore", 1.5e12, "inr"),
     ("The budget sets aside Rs 1,50,000 crore for roads.", "Rs 1,50,000 crore", 1.5e12, "inr")],
)
def test_indian_english_numbers(text, figure, value, unit) -> None:
    (fig,) = extract_figures(text)
    assert (fig.text, fig.value, fig.unit) == (figure, value, unit)


def test_rupees_in_crore_and_in_billions_are_one_sum() -> None:
    status, _ = compare_figures(only("Rs 615 crore"), only("6.15bn rupees"))
    assert status == "agree"
    status, _ = compare_figures(only("Rs 615 crore"), only("Rs 650 crore"))
    assert status == "conflict"


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [("just over two years", "two years", "agree"),
     ("two minutes", "a little over two minutes", "agree"),
     ("more than two years", "two years", "conflict"),
     ("just over 4 hours", "5 hours", "conflict"),
     ("just over 49 per cent", "49.2 percent", "agree"),
     ("more than 4 hours", "5 hours", "agree")],
)
def test_just_over_a_figure_stays_next_to_it(a, b, status) -> None:
    assert compare_figures(only(a), only(b))[0] == status


def test_ordinals_of_one_thing_say_so() -> None:
    first, second = extract_figures("in the 35th minute")[0], extract_figures("in the 36th minute")[0]
    assert compare_figures(first, second) == ("conflict", "the 35th and the 36th minute differ")
    assert compare_figures(first, first) == ("agree", "the 35th minute in both")


@pytest.mark.parametrize(
    ("text", "name"),
    [("$42 million", "sum in US dollars"), ("Rs 615 crore", "sum in rupees"), ("120 minutes", "duration"),
     ("384,000 km", "length"), ("1,752 kg", "weight"), ("70 degrees Celsius", "temperature")],
)
def test_quantity_name_says_what_a_figure_measures_in_words(text, name) -> None:
    from tui.engine.figures import quantity_name

    assert quantity_name(only(text)) == name


@pytest.mark.parametrize(
    ("text", "kind", "thing"),
    [("Sam Bankman-Fried, 31, faces up to 110 years in prison.", "age", "Sam Bankman-Fried"),
     ("Luis Ortega, 44, a delivery driver, said he lost money.", "age", "Luis Ortega"),
     ("In Syria, 40, the toll rose again.", "count", None),
     ("The scores were France, 3, and Argentina, 2, at half time.", "count", None),
     ("Quakes hit Adana and Malatya, 12, officials said.", "count", None),
     ("Ali Khan, 23, and Omar Khan, 25, were held.", "age", "Ali Khan"),
     ("The President, 78, spoke on Monday.", "count", None),
     ("Aboard were explorer Hamish Harding, 58; Shahzada Dawood, 48, and his son.", "age", "Hamish Harding"),
     ("Aboard were Shahzada Dawood, 48, and his son Suleman.", "age", "Shahzada Dawood"),
     ("Deaths by province: Hatay, 45; Malatya, 30.", "count", None),
     ("Deaths by state: New York, 45; New Jersey, 30.", "count", None),
     ("Arsenal, 84, and their closest rivals drew.", "count", None)],
)
def test_a_number_between_commas_after_a_name_is_an_age(text, kind, thing) -> None:
    fig = extract_figures(text)[0]
    assert (fig.kind, fig.thing) == (kind, thing)


@pytest.mark.parametrize(("text", "digits"), [("384,000 km", 3), ("3.84 lakh km", 3), ("1,752 kg", 4),
                                              ("3,84,000 km", 3), ("0.5 percent", 1), ("two million", 0)])
def test_significant_digits_as_written(text, digits) -> None:
    from tui.engine.figures import significant_digits

    assert significant_digits(only(text)) == digits


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [("It lost contact about 1 hour and 45 minutes into the dive.", 105, "minute", "about 1 hour and 45 minutes"),
     ("It lost touch an hour and 45 minutes into its descent.", 105, "minute", "an hour and 45 minutes"),
     ("The last call came roughly 1 h 45 min into the dive.", 105, "minute", "roughly 1 h 45 min"),
     ("The talks took 2 hours 30 minutes.", 150, "minute", "2 hours 30 minutes"),
     ("The repairs took a year and 3 months.", 15, "month", "a year and 3 months"),
     ("The talks took 2 hours, 40 minutes.", 160, "minute", "2 hours, 40 minutes")],
)
def test_a_duration_in_two_units_is_one_duration(text, value, unit, span) -> None:
    (fig,) = extract_figures(text)
    assert (fig.kind, fig.value, fig.unit, fig.text) == ("duration", value, unit, span)


@pytest.mark.parametrize("text", ["Over 3 days, 40 hours were lost.", "The search lasted 96 hours, 40 hours longer.",
                                  "He was jailed for two years and 200 hours of unpaid work.",
                                  "She got 18 months and 240 hours of community service."])
def test_two_durations_in_a_list_stay_two(text) -> None:
    assert len(extract_figures(text)) == 2


def test_an_ordinal_of_a_sequence_keeps_its_noun_before_a_name() -> None:
    (fig,) = [f for f in extract_figures("In the 122nd minute Martinez saved from Kolo Muani.") if f.kind == "ordinal"]
    assert fig.thing == "minute"


@pytest.mark.parametrize("text", ["She carried 21 crew, all Indian nationals.", "All 21 crew members were safe."])
def test_a_crew_is_counted_like_staff(text) -> None:
    (fig,) = extract_figures(text)
    assert fig.thing == "crew"


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [("2 hours and 40 minutes", "2 hours and 30 minutes", "conflict"),
     ("about 1 hour and 45 minutes", "1 hour and 10 minutes", "conflict"),
     ("2 hours, 40 minutes", "2 hours and 40 minutes", "agree"),
     ("about 1 hour and 45 minutes", "less than two hours", "agree")],
)
def test_a_duration_in_two_units_is_as_precise_as_its_smaller_unit(a, b, status) -> None:
    assert compare_figures(only(a), only(b))[0] == status


def test_a_hyphened_ordinal_keeps_its_noun() -> None:
    (fig,) = extract_figures("Mbappe scored a 118th-minute penalty.")
    assert (fig.kind, fig.thing) == ("ordinal", "minute")


@pytest.mark.parametrize("text", ["491 litres per square metre fell", "491 liters of water per square meter fell",
                                  "491 l/m² fell", "491 litres of rain per square metre fell"])
def test_rain_in_litres_per_square_metre_is_millimetres(text: str) -> None:
    rain = extract_figures(text)[0]
    assert (rain.value, rain.unit, rain.kind) == (491.0, "mm", "measure")
    assert compare_figures(rain, extract_figures("491 mm of rain fell")[0])[0] == "agree"
