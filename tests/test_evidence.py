from __future__ import annotations

import pytest
import yaml

from tui.engine.corpus import load_corpus
from tui.engine.evidence import (
    PARAPHRASES,
    QUOTED_WEIGHT,
    _quote_spans,
    build_evidence,
    paraphrases,
    shared_weight,
    stem,
)


def _build(tmp_path, **articles):
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text)
    corpus = load_corpus([tmp_path])
    return corpus, build_evidence(corpus)


def _features(evidence, corpus, source, text, kind=""):
    """The features of a kind ("g:", "d:" …) of the sentence of ``source`` holding ``text``."""
    return {f for f in _sentence(evidence, corpus, source, text).features if f.startswith(kind)}


def _in_both(evidence, corpus, feature, a_text, b_text):
    """Whether the sentence of "a" holding a_text and that of "b" holding b_text both have feature."""
    return feature in _features(evidence, corpus, "a", a_text) and feature in _features(evidence, corpus, "b", b_text)


def _sentence(evidence, corpus, source, text):
    paragraphs = {p.id: p for p in corpus.paragraphs()}
    for ev in evidence.sentences:
        if ev.source == source and text in paragraphs[ev.paragraph].text[ev.start : ev.end]:
            return ev
    raise AssertionError(f"no sentence of {source} with {text!r}")


def test_a_bare_weekday_is_the_day_it_names_in_a_dated_report(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="date 2023-09-24\n\nThe army began the operation on Tuesday.\n\nThe council delayed Tuesday's vote.\n",
        b="The army began the operation on Sept. 19, officials said.\n",
    )
    written = _sentence(evidence, corpus, "b", "Sept. 19")
    assert "d:919" in written.features
    for text in ("on Tuesday", "Tuesday's vote"):  # with a possessive too
        tuesday = _sentence(evidence, corpus, "a", text)
        assert "d:919" in tuesday.features
        assert not any(f.startswith("n:") for f in tuesday.features)
    # The undated report reads its weekdays by the date the others share.
    corpus, evidence = _build(tmp_path, c="By Wednesday the fighting had stopped.\n")
    assert "d:920" in _sentence(evidence, corpus, "c", "Wednesday").features


@pytest.mark.parametrize(("sentence", "feature"), [
    ("Officials said the prisoners would be released on Tuesday.", "d:507"),
    ("Blinken is due to visit Kyiv on Friday, officials said.", "d:510"),
    ("The schools will stay closed until Wednesday.", "d:508"),
    ("He said on Tuesday that he would resign.", "d:430"),
    ("The talks, which will resume next week, began on Tuesday.", "d:430"),
])
def test_a_weekday_still_to_come_is_the_next_such_day(tmp_path, sentence, feature):
    corpus, evidence = _build(tmp_path, a=f"date 2024-05-06\n\n{sentence}\n", b="Nothing was said.\n")
    assert _features(evidence, corpus, "a", sentence[:20], "d:") == {feature}


def test_weekdays_stay_words_when_no_report_is_dated(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The army began the operation on Tuesday.\n",
        b="On Tuesday the army began its operation.\n",
    )
    assert not _features(evidence, corpus, "a", "Tuesday", "d:")


def test_a_month_is_one_feature_however_it_is_written(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="date 2023-11-02\n\nFTX collapsed in November last year, when customers ran.\n\n"
          "The jury may return a verdict soon.\n\nProtesters march on the court.\n",
        b="date 2023-11-03\n\nFTX collapsed in November 2022 when customers rushed to withdraw.\n\n"
          "The exchange filed for bankruptcy on Nov. 11.\n",
    )
    assert _features(evidence, corpus, "a", "November last year", "m:") == {"m:11"}
    assert _features(evidence, corpus, "b", "November 2022", "m:") == {"m:11"}
    assert _features(evidence, corpus, "b", "Nov. 11", "m:") == {"m:11"}
    assert not _features(evidence, corpus, "a", "November last year", "w:novemb")
    # "may" and "march" in lower case are a verb, not a month
    assert not _features(evidence, corpus, "a", "may return", "m:")
    assert not _features(evidence, corpus, "a", "march on", "m:")


@pytest.mark.parametrize(("sentence", "months"), [
    ("The vote was held in May, officials said.", {"m:5"}),
    ("The vote was held on May 5, officials said.", {"m:5"}),
    ("Officials said the unions May Strike Again.", set()),
    ("March organisers said 5,000 people came.", set()),  # opens the sentence: a word, not a month
])
def test_which_capitalised_month_names_are_months(tmp_path, sentence, months):
    corpus, evidence = _build(tmp_path, a=f"{sentence}\n", b="Nothing was said.\n")
    assert _features(evidence, corpus, "a", sentence[:12], "m:") == months


def test_a_weekday_does_not_tell_its_month(tmp_path):
    # Nearly every report of a week names its days: the month they fall in says nothing
    # (counting it cost the seeds 0.09 recall).
    corpus, evidence = _build(tmp_path, a="date 2023-09-24\n\nThe army began the operation on Tuesday.\n",
                              b="Nothing was said in September.\n")
    assert not _features(evidence, corpus, "a", "on Tuesday", "m:")


def test_background_clause_weighs_less_than_the_news(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Russia, which has relations with both neighbours, sent peacekeepers to the valley.\n\n"
        "Peacekeepers guarded relations talks in the valley.\n",
        b="The valley saw quiet streets.\n",
    )
    first = _sentence(evidence, corpus, "a", "Russia, which")
    assert first.features["w:relat"] < first.features["w:peaceke"] == 1.0


def test_a_name_s_description_weighs_less_than_the_news(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="A report on the finances of Alameda Research, its sister trading firm, set off a run on deposits.\n\n"
        "Tugboats, their horns blaring, pulled the ship free.\n",
        b="The firm traded coins.\n",
    )
    first = _sentence(evidence, corpus, "a", "A report")
    assert first.features["w:firm"] < first.features["w:deposit"] == 1.0
    second = _sentence(evidence, corpus, "a", "Tugboats")
    assert second.features["w:horn"] == 1.0  # not a name's description: the sentence starts there


def test_a_description_after_a_preposition_late_in_a_sentence_is_still_one(tmp_path):
    corpus, evidence = _build(tmp_path, a="Prosecutors brought charges against Bankman-Fried, FTX's founder and chief, "
                              "after the deposits vanished.\n", b="The founder was charged.\n")
    assert _sentence(evidence, corpus, "a", "Prosecutors").features["w:chief"] < 1.0


@pytest.mark.parametrize("sentence", ["Later, on Thursday, his lawyers filed an appeal against the verdict, the court said.",
                                      "Late on Monday, Russia's lawyers filed an appeal, the court said.",
                                      "Speaking to CNN, his lawyers filed an appeal, the court said."])
def test_an_opening_phrase_of_time_or_place_is_not_a_name_being_described(tmp_path, sentence):
    corpus, evidence = _build(tmp_path, a=sentence + "\n", b="The court heard the case.\n")
    assert _sentence(evidence, corpus, "a", sentence[:10]).features["w:lawyer"] == 1.0


def test_an_ordinal_in_digits_and_the_number_share_a_figure(tmp_path):
    corpus, evidence = _build(tmp_path, a="Di Maria doubled the lead in the 36th minute.\n",
                              b="In minute 36 Di Maria scored.\n\nThe first half ended.\n")
    first = _sentence(evidence, corpus, "a", "Di Maria")
    assert "f:36|" in first.features and "f:36|" in _sentence(evidence, corpus, "b", "In minute").features
    assert not any(f.startswith("f:1|") for f in _sentence(evidence, corpus, "b", "The first").features)


def test_a_name_in_most_paragraphs_counts_for_little(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Officials in Valdoria closed the border with Marenta.\n\n"
        "Farmers in Valdoria sent 40 trucks of grain.\n\n"
        "The envoy of Valdoria was recalled.\n\n"
        "Storms hit the coast.\n",
        b="Leaders of Valdoria and Marenta met.\n\nTraders in Valdoria sold the grain.\n",
    )
    assert evidence.idf["n:valdoria"] < evidence.idf["n:marenta"]
    setting = evidence.weight("n:valdoria", 1.0) / evidence.idf["n:valdoria"]
    rare = evidence.weight("n:marenta", 1.0) / evidence.idf["n:marenta"]
    # weight per unit of rarity: the rare name keeps it all, the setting's name a fraction
    assert setting < 0.6 * rare


def test_the_letters_of_an_abbreviation_are_not_a_name(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The U.S. envoy met Amara Osei in Accra.\n",
        b="The U.S. embassy said Amara Osei left Accra.\n",
    )
    features = _sentence(evidence, corpus, "a", "Osei").features
    assert "n:osei" in features or any("osei" in f for f in features)
    assert not any(f in ("n:u", "n:s") for f in features)


def test_one_clock_time_written_two_ways(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The ship grounded at about 0740 hrs near the southern entrance.\n",
        b="The trouble began around 7:40 a.m. on a windy morning.\n",
    )
    assert "h:460|" in _features(evidence, corpus, "a", "0740") & _features(evidence, corpus, "b", "7:40")


def test_clock_times_meet_across_midnight_and_zone_names(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The blast came at 23:58 on Friday.\n\nThe ship left at 0528 UTC.\n",
        b="The blast came at 00:01 on Saturday.\n\nThe ship left at 05:30 GMT.\n",
    )
    assert _features(evidence, corpus, "a", "23:58", "g:time") & _features(evidence, corpus, "b", "00:01", "g:time")
    assert _features(evidence, corpus, "a", "0528", "g:time") & _features(evidence, corpus, "b", "05:30", "g:time")


def test_a_clock_time_with_its_zone_meets_the_same_moment_in_gmt_and_the_bare_local_time(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The outage began at 6:05 a.m. EDT on Friday.\n\nThe ship left at 9:40 p.m.\n",
        b="The outage began at 10:05 GMT on Friday.\n\nThe ship left at 9:40 p.m. EDT.\n",
    )
    assert "h:605|gmt" in _features(evidence, corpus, "a", "6:05") & _features(evidence, corpus, "b", "10:05")
    assert "h:1300|" in _features(evidence, corpus, "a", "9:40") & _features(evidence, corpus, "b", "9:40")


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        ("It's clear the ferry didn't leave, and they'd waited since dawn.\n",
         "It’s true the council didn’t vote, but they’d argued all night.\n", ("w:", "s:")),
        ('The ferry captain shouted: "Don\'t jump, Didn\'t you hear me?"\n',
         'A council member wrote: "Don\'t vote, Didn\'t we agree?"\n', ("n:",)),
    ],
    ids=["as words", "capitalised, as names"],
)
def test_contracted_and_negated_function_words_are_no_evidence(tmp_path, a, b, kinds):
    corpus, evidence = _build(tmp_path, a=a, b=b)
    shared = _features(evidence, corpus, "a", "ferry") & _features(evidence, corpus, "b", "council")
    assert not any(f.startswith(kinds) for f in shared), shared


def test_a_contraction_opening_a_sentence_is_not_an_initial(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="It's General Motors that will cut 2,000 jobs in Ohio.\n",
        b="GM confirmed the cuts at its Lordstown plant.\n",
    )
    assert "n:^GM" in _features(evidence, corpus, "a", "General Motors")


def test_who_said_it_is_no_evidence_of_what_was_said(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The Navy was also sending salvage equipment, officials said.\n",
        b="A senior Navy official said the sound was not conclusive.\n",
    )
    shared = _features(evidence, corpus, "a", "salvage") & _features(evidence, corpus, "b", "conclusive")
    assert not any(f.startswith(("w:", "s:")) for f in shared)


def test_clock_times_minutes_apart_share_evidence_once(tmp_path):
    from tui.engine.evidence import self_weight, shared_weight

    corpus, evidence = _build(
        tmp_path,
        a="The ship struck the bridge at about 1:28 a.m. on Tuesday.\n\nThe port reopened at 6 p.m.\n",
        b="The ship hit the pier shortly before 1.30am, officials said.\n\nBuses ran at 5 p.m.\n",
        c="The ship hit the pier at 1:28 a.m., officials said.\n",
    )
    near = _features(evidence, corpus, "a", "1:28", "g:time") & _features(evidence, corpus, "b", "1.30am", "g:time")
    assert near
    # Round hours weigh as little close as exact.
    assert {m for f, m in _sentence(evidence, corpus, "a", "6 p.m.").features.items() if f[0] in "gh"} == {0.5}
    assert not _features(evidence, corpus, "a", "6 p.m.", "g:time") & _features(evidence, corpus, "b", "5 p.m.", "g:time")
    # The same time written twice counts once, as the time, not again as a close one.
    a, c = _sentence(evidence, corpus, "a", "1:28"), _sentence(evidence, corpus, "c", "1:28")
    only_time = {f: 1.0 for f in a.features if f[0] in "gh" and f in c.features}
    groups = {f: a.groups[f] for f in only_time}
    assert shared_weight(only_time, only_time, groups) == self_weight({"h:88|": 1.0}, {"h:88|": 0})


def test_ordinals_a_few_apart_share_evidence(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Kolo Muani was clean through in the 123rd minute.\n\nDi Maria scored in the 36th minute.\n",
        b="In the 122nd minute Martinez saved from Kolo Muani.\n\nMessi scored in the 44th minute.\n",
        c="Martinez saved from Kolo Muani in the 123rd minute.\n\nThe lift stopped at the 43rd floor.\n",
    )
    assert _features(evidence, corpus, "c", "123rd", "g:#") & _features(evidence, corpus, "b", "122nd", "g:#")
    assert not _features(evidence, corpus, "c", "43rd", "g:#") & _features(evidence, corpus, "b", "44th", "g:#")
    assert _features(evidence, corpus, "a", "123rd", "g:#") & _features(evidence, corpus, "b", "122nd", "g:#")
    assert not _features(evidence, corpus, "a", "36th", "g:#") & _features(evidence, corpus, "b", "44th", "g:#")


def test_ordinals_two_apart_or_of_no_sequence_share_nothing(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Mbappe hit the post in the 21st minute.\n\nThe 20th century ended.\n",
        b="Griezmann was booked in the 23rd minute.\n\nThe 21st century began.\n",
    )
    assert not _features(evidence, corpus, "a", "21st", "g:#") & _features(evidence, corpus, "b", "23rd", "g:#")
    assert not _features(evidence, corpus, "a", "20th", "g:") | _features(evidence, corpus, "b", "21st century", "g:")


def test_close_figures_for_one_quantity_share_evidence(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Some 369 vessels were waiting at both ends.\n\nThe 400-metre ship was freed.\n",
        b="Around 370 vessels had piled up by then.\n\nThe ship, 1,312 feet long, was freed.\n\n"
        "Crews unloaded 5,000 vessels of wine.\n",
    )
    assert _features(evidence, corpus, "a", "369", "g:") & _features(evidence, corpus, "b", "370", "g:")
    assert _features(evidence, corpus, "a", "400-metre", "g:") & _features(evidence, corpus, "b", "1,312 feet", "g:")
    # same thing, another size
    assert not _features(evidence, corpus, "a", "369", "g:") & _features(evidence, corpus, "b", "5,000", "g:")


def test_close_counts_of_people_share_evidence_whatever_word_counts_them(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="By the evening 1,042 people had crossed the border.\n\nThe town has 980 houses.\n",
        b="More than 1,000 refugees had crossed by nightfall.\n\nSome 1,000 refugees slept in the hall.\n",
    )
    assert _features(evidence, corpus, "a", "1,042", "g:") & _features(evidence, corpus, "b", "More than 1,000", "g:")
    # houses are not people, however close the number
    assert not _features(evidence, corpus, "a", "980", "g:") & _features(evidence, corpus, "b", "Some 1,000", "g:")


def test_a_head_count_of_them_is_a_count_of_people(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The first refugees reached the border town. The state will house at least 360 of them.\n\n"
        "Crowds sent replies, and she answered dozens of them.\n",
        b="So far 377 people have arrived, officials said.\n\nSome 40 replies came back.\n",
    )
    assert _features(evidence, corpus, "a", "360", "g:") & _features(evidence, corpus, "b", "377", "g:")
    # "dozens of them" names no size to be close to, nor any people
    assert not _features(evidence, corpus, "a", "dozens", "t:people")


def test_a_count_of_them_after_things_is_not_of_people(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Russia launched a wave of drones overnight, and the air force shot down 38 of them.\n",
        b="Some 40 people were evacuated from the village.\n",
    )
    assert not _features(evidence, corpus, "a", "38", "t:people")
    assert not _features(evidence, corpus, "a", "38", "g:") & _features(evidence, corpus, "b", "40", "g:")


def test_men_and_women_are_not_one_count(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The camp holds 1,000 men, officials said.\n",
        b="The camp holds 1,040 women, officials said.\n",
    )
    assert not _features(evidence, corpus, "a", "1,000", "g:") & _features(evidence, corpus, "b", "1,040", "g:")


def test_a_count_of_dead_and_a_count_of_deaths_are_one_quantity(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Officials have counted 3,845 dead in the city.\n",
        b="The number of confirmed deaths reached 3,958.\n",
    )
    assert _features(evidence, corpus, "a", "3,845", "g:") & _features(evidence, corpus, "b", "3,958", "g:")


def test_counts_of_the_dead_share_evidence_however_they_name_their_thing(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The death toll rose to 93 on Friday.\n\nRescuers pulled 40 survivors from the rubble.\n",
        b="The floods tore through towns, killing at least 95 people.\n\nAbout 41 people were rescued.\n",
        c="Officials counted 217 dead, 213 of them in the region.\n\nPolice arrested 94 people for looting.\n",
    )
    toll = _features(evidence, corpus, "a", "toll", "g:")
    assert toll & _features(evidence, corpus, "b", "killing", "g:")
    assert _features(evidence, corpus, "a", "toll", "t:") & _features(evidence, corpus, "c", "217", "t:")
    # close in size, but the rescued are not the dead
    assert not _features(evidence, corpus, "a", "survivors", "g:") & _features(evidence, corpus, "b", "killing", "g:")
    assert _features(evidence, corpus, "a", "survivors", "g:") & _features(evidence, corpus, "b", "rescued", "g:")
    # people arrested are not people killed, though both are people close in number
    assert not _features(evidence, corpus, "c", "arrested", "g:") & _features(evidence, corpus, "b", "killing", "g:")


def test_a_count_of_another_year_is_not_evidence_of_this_year_s(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="date 2024-11-01\n\nIn 1957, a flood of the river killed at least 81 people in the city.\n",
        b="date 2024-11-02\n\nThe floods killed 84 people in the city, officials said.\n\n"
          "In 1957, a flood of the river killed 81 people.\n",
    )
    old = _features(evidence, corpus, "a", "1957", "g:") | _features(evidence, corpus, "a", "1957", "t:")
    assert old and not old & _features(evidence, corpus, "b", "84 people", "g:")
    assert not old & _features(evidence, corpus, "b", "84 people", "t:")
    assert old & _features(evidence, corpus, "b", "81 people", "g:")


@pytest.mark.parametrize(
    ("a", "b", "a_figure", "b_figure"),
    [
        # a sentence that tells a day of this week is of now, whatever year it names
        ("date 2023-09-12\n\nDams built in 1977 burst on Sunday and killed 5,000 people.\n",
         "date 2023-09-13\n\nThe floods killed 5,200 people in the city, officials said.\n", "5,000", "5,200"),
        # last year's accounts are recent
        ("date 2023-03-13\n\nSignature had $110.4 billion in assets at the end of last year.\n",
         "date 2023-03-13\n\nWith about $110 billion in assets, Signature is the third-largest bank to fail.\n",
         "110.4", "110 billion"),
    ],
)
def test_a_figure_of_now_is_evidence_of_today_s_whatever_year_its_sentence_names(tmp_path, a, b, a_figure, b_figure):
    corpus, evidence = _build(tmp_path, a=a, b=b)
    assert _features(evidence, corpus, "a", a_figure, "g:") & _features(evidence, corpus, "b", b_figure, "g:")


def test_close_shares_of_one_thing_share_evidence(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="About 97% of sensors were back online.\n\nSome 60% of sensors were updated.\n",
        b="The firm says 99 per cent of sensors are back online.\n\nTurnout reached 98%.\n",
    )
    assert _features(evidence, corpus, "a", "97%", "g:") & _features(evidence, corpus, "b", "99 per cent", "g:")
    assert not _features(evidence, corpus, "a", "60%", "g:") & _features(evidence, corpus, "b", "99 per cent", "g:")
    # a bare share, of nothing said
    assert not _features(evidence, corpus, "b", "98%", "g:")


def test_close_measures_of_different_things_do_not_match(tmp_path):
    corpus, evidence = _build(
        tmp_path, a="Trucks delivered 65 tons of fuel.\n", b="Trucks delivered more than 50 tonnes of food.\n"
    )
    fuel = _features(evidence, corpus, "a", "fuel", "g:")
    food = _features(evidence, corpus, "b", "food", "g:")
    assert fuel and food and not fuel & food


def test_month_and_day_names_are_not_names(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="In October the court in Delaware set a trial date.\n",
        b="A Delaware judge had planned a trial for October.\n",
    )
    names = _features(evidence, corpus, "a", "October", "n:")
    assert not any("oktober" in f for f in names)
    assert any("delavar" in f for f in names)


def test_a_weekday_beside_a_written_date_adds_no_second_date(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="date 2023-09-24\n\nOn Tuesday, Sept. 12, the talks began.\n",
        b="The talks began on Sept. 19 in Geneva.\n",
    )
    assert _features(evidence, corpus, "a", "Tuesday", "d:") == {"d:912"}


def test_close_measures_match_whatever_the_unit(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The crater lies 6 miles from the town.\n\nTalks lasted 3 days.\n",
        b="The crater lies 10 kilometres from the town.\n\nTalks lasted 72 hours.\n",
    )
    assert _features(evidence, corpus, "a", "6 miles", "g:") & _features(evidence, corpus, "b", "10 kilometres", "g:")
    assert _features(evidence, corpus, "a", "3 days", "g:") & _features(evidence, corpus, "b", "72 hours", "g:")


def test_an_abbreviation_matches_the_name_it_abbreviates(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="General Motors Co said it had paused its advertising.\n\n"
        "The International Committee of the Red Cross sent two convoys.\n",
        b="GM has hit pause on its ad spend.\n\nThe ICRC convoys reached the town.\n\nOfficials of the U.N. came too.\n",
        c="The United Nations said it would help. The Red Crescent team stayed home.\n",
    )
    assert "n:^GM" in _features(evidence, corpus, "a", "General Motors", "n:")
    assert "n:^GM" in _features(evidence, corpus, "b", "GM has", "n:")
    assert "n:^ICRC" in _features(evidence, corpus, "a", "Red Cross", "n:")
    assert "n:^ICRC" in _features(evidence, corpus, "b", "ICRC", "n:")
    assert "n:^UN" in _features(evidence, corpus, "b", "U.N.", "n:")
    assert "n:^UN" in _features(evidence, corpus, "c", "United Nations", "n:")
    # Initials that no abbreviation in the corpus spells are no evidence.
    assert not any(f.startswith("n:^") for f in _features(evidence, corpus, "c", "Red Crescent"))


def test_a_capitalised_stopword_opens_a_name(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Trading was halted on the New York Stock Exchange on Friday.\n\nIt was a new low.\n",
        b="The NYSE pulled the shares on Friday.\n",
    )
    assert _in_both(evidence, corpus, "n:^NYSE", "New York", "NYSE")
    assert not _features(evidence, corpus, "a", "new low", "n:")  # a lower-case stopword stays one


def _name_groups(sentence):
    """The groups of a sentence's name features: one group is one name, counted once."""
    return {sentence.groups[f] for f in sentence.features if f.startswith("n:")}


def test_a_plural_possessive_inside_a_name_keeps_it_one_name(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The Workers' Party said on Monday it would name a team.\n\nHe met Paris' mayor.\n",
        b="Leaders of the Workers’ Party met on Sunday.\n",
    )
    sentence = _sentence(evidence, corpus, "a", "Workers")
    assert len(_name_groups(sentence)) == 1
    assert len([f for f in sentence.features if f.startswith("n:")]) == 3  # its two words and the pair
    assert _features(evidence, corpus, "a", "Workers", "n:") == _features(evidence, corpus, "b", "Workers", "n:")
    assert _features(evidence, corpus, "a", "mayor", "n:") == {"n:paris"}  # a possessive before a common noun


def test_a_lower_case_particle_inside_a_name_keeps_it_one_name(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Luiz Inácio Lula da Silva won on Sunday.\n\nGuillermo del Toro was there.\n",
        b="Mr. da Silva spoke on Monday.\n",
    )
    for text in ("Lula", "Toro"):
        sentence = _sentence(evidence, corpus, "a", text)
        assert len(_name_groups(sentence)) == 1, sentence.labels


@pytest.mark.parametrize(
    ("kind", "a", "b"),
    [
        # British single quotes are a quotation, as double quotes are.
        ("q:", "The chairman blamed ‘technical or human errors’ for it.", "The chairman blamed “technical or human errors” on Saturday."),
        # British and American spellings are one word.
        ("w:", "The chairman saw armoured vehicles at the defence centre.", "The chairman saw armored vehicles at the defense center."),
    ],
)
def test_one_thing_written_two_ways_is_one_evidence(tmp_path, kind, a, b):
    corpus, evidence = _build(tmp_path, a=a + "\n", b=b + "\n")
    found = _features(evidence, corpus, "a", "chairman", kind)
    assert found and found == _features(evidence, corpus, "b", "chairman", kind)


def test_an_apostrophe_opens_no_quotation(tmp_path):
    corpus, evidence = _build(tmp_path, a="It’s the crew’s ship, the owner’s pride.\n", b="The crew’s ship sailed.\n")
    assert not _features(evidence, corpus, "a", "crew", "q:")


def test_names_that_merely_share_initials_with_an_abbreviation_are_not_it(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Armenian Prime Minister Nikol Pashinyan resigned from the council.\n\n"
        "The talks in Ukraine's Kharkiv ended at 5 PM.\n",
        b="Azerbaijani President Ilham Aliyev resigned from the party.\n\nPeter Mandelson left the UK.\n",
        c="The AP reported the figures first. The Associated Press later corrected them.\n",
    )
    # a part of a longer name, a possessive run, and a time of day spell nothing
    for source, text in (("a", "Pashinyan"), ("b", "Aliyev"), ("a", "Kharkiv"), ("b", "Mandelson")):
        assert not any(f.startswith("n:^") and f != "n:^UK" for f in _features(evidence, corpus, source, text)), text
    assert "n:^UK" not in _features(evidence, corpus, "a", "Kharkiv")
    assert "n:^AP" in _features(evidence, corpus, "c", "Associated Press")


def test_an_abbreviation_two_names_spell_is_no_evidence(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The Arab Parliament met in Cairo.\n",
        b="The Associated Press said the meeting ran late.\n",
        c="The AP said so too.\n",
    )
    assert not any(f.startswith("n:^") for ev in evidence.sentences for f in ev.features)


def test_er_is_a_suffix_only_after_a_long_enough_stem():
    assert stem("supporters") == stem("support") == stem("supported")
    assert stem("protesters") == stem("protest")
    assert stem("former") != stem("form")  # "form" is too short to take "-er"
    assert stem("center") != stem("cents")
    assert stem("fighters") == stem("fighter")


def test_an_irregular_form_is_the_word_it_is_a_form_of():
    assert stem("rebuilt") == stem("rebuild") == stem("rebuilds")
    assert stem("fled") == stem("flee") == stem("flees")
    assert stem("Took") == stem("taken") == stem("take")
    assert stem("withdrew") == stem("withdraw")
    assert stem("wound") != stem("wind")  # "wound" is as often the injury
    assert stem("ground") != stem("grind")


def test_an_irregular_past_shares_a_phrase_with_its_verb(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Armenia took in 40,000 refugees in two days.\n",
        b="Armenia will take in the refugees, the minister said.\n",
    )
    took = _features(evidence, corpus, "a", "took in", "s:")
    take = _features(evidence, corpus, "b", "take in", "s:")
    assert took and took == take


def test_a_capitalised_news_word_after_a_name_ends_it_and_capitals_are_an_abbreviation(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Officials in the United States said the New York Times had it first.\n\nThe US agreed.\n",
        b="The U.S. said so. New York is big.\n",
    )
    assert _in_both(evidence, corpus, "n:^US", "United States", "U.S.")
    assert "n:^US" in _features(evidence, corpus, "a", "The US agreed", "n:")  # not the pronoun "us"
    times = _sentence(evidence, corpus, "a", "New York Times")
    city = _sentence(evidence, corpus, "b", "New York is")
    assert {f for f in times.features if f.startswith("n:")} > {f for f in city.features if f.startswith("n:")}


def test_a_name_with_a_lower_case_arabic_particle_is_a_name(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The workers were thanked by President Abdel Fattah el-Sisi on Tuesday.\n\nAn all-out effort.\n",
        b="The workers were thanked by President Sisi.\n",
    )
    assert _in_both(evidence, corpus, "n:sisi", "el-Sisi", "Sisi")
    assert not _features(evidence, corpus, "a", "all-out", "n:")


def test_the_capitals_of_a_title_case_headline_are_not_names(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="Dredgers worked all night.\n\nAfter Six Days, Ship Blocking the Suez Canal Is Freed.\n\n"
          "The ship had been blocking the canal for six days before tugs freed it.\n",
        b="Tugs freed the ship on Monday, the Suez Canal Authority said.\n",
    )
    headline = _sentence(evidence, corpus, "a", "Blocking")
    assert any("suez" in f for f in headline.features if f.startswith("n:"))
    assert not any(f.startswith("n:") and ("fre" in f or "blok" in f or "ship" in f) for f in headline.features)
    assert f"w:{stem('Freed')}" in headline.features


def test_a_contracted_pronoun_is_not_a_name(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The money, I'm told, was moved to Delaware. I'd bet it stays there.\n",
        b="Money moved to a Delaware account.\n",
    )
    for text in ("I'm told", "I'd bet"):
        names = _features(evidence, corpus, "a", text, "n:")
        assert not any(f.startswith("n:i") for f in names), names


@pytest.mark.parametrize(
    "sentence",
    ["Joe Biden told Vladimir Putin.", "Russian President Vladimir Putin said on Friday.",
     "Attending were Barack Obama, Joe Biden and Hillary Clinton."],
)
def test_a_sentence_of_names_is_not_a_title_case_headline(tmp_path, sentence):
    corpus, evidence = _build(
        tmp_path,
        a=f"The talks were held in a hotel.\n\n{sentence}\n",
        b="Putin and Biden met; Obama and Clinton were there.\n",
    )
    names = _features(evidence, corpus, "a", sentence[:12], "n:")
    assert any("putin" in f or "obama" in f for f in names), names


def test_what_a_count_counts_is_labelled_in_the_plural(tmp_path):
    corpus, evidence = _build(tmp_path, a="The fighters handed over 1,200 small arms and freed 40 children.\n",
                              b="Nothing was said.\n")
    labels = set(_sentence(evidence, corpus, "a", "1,200").labels.values())
    assert {"count of arms", "count of children"} <= labels


@pytest.mark.parametrize(("text", "bare"), [("about 6.15bn rupees", "6.15bn rupees"), ("120,000 or so", "120,000"),
                                            ("As many as 120,000", "120,000"), ("just over 4 hours", "4 hours"),
                                            ("25", "25")])
def test_unhedged_drops_the_words_that_hedge_a_figure(text, bare):
    from tui.engine.evidence import unhedged

    assert unhedged(text) == bare


def test_the_paraphrase_table_keeps_its_conventions():
    """Lower-case entries of one to three words; a word or phrase in at most two
    groups (one per sense); every group offers at least two ways to say it."""
    groups = yaml.safe_load(PARAPHRASES.read_text(encoding="utf-8"))["groups"]
    seen: dict[str, int] = {}
    for group in groups:
        assert len(set(group)) >= 2, group
        for entry in group:
            assert entry == entry.lower() and 1 <= len(entry.split()) <= 3, entry
            seen[entry] = seen.get(entry, 0) + 1
    assert not {entry for entry, n in seen.items() if n > 2}
    # two groups sharing two entries are one sense told twice
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            assert len(set(first) & set(second)) < 2, (first, second)


def test_a_shooting_told_in_other_words_shares_evidence(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="The gunman fired five rounds from a pistol before bodyguards overpowered him.\n",
        b="Protection officers restrained the shooter, who had hit him with five bullets from a handgun.\n",
    )
    a = _features(evidence, corpus, "a", "gunman")
    b = _features(evidence, corpus, "b", "shooter")
    table = paraphrases().words
    for word_a, word_b in (("gunman", "shooter"), ("pistol", "handgun"), ("overpowered", "restrained")):
        shared = {f"s:{g}" for g in table[stem(word_a)]} & {f"s:{g}" for g in table[stem(word_b)]}
        assert shared & a & b, (word_a, word_b)


def test_words_both_reports_quote_count_more_than_words_both_use(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a='He said: "The water came without warning in the dark."\n',
        b='"The water came without warning in the dark," a neighbour said.\n',
        c="Residents said the water came without warning in the dark.\n",
    )
    a, b, c = ({f: w for f, w in evidence.weights(_sentence(evidence, corpus, s, "water")).items() if f[0] == "w"}
               for s in "abc")
    key = f"w:{stem('warning')}"
    assert QUOTED_WEIGHT > 1.0
    assert a[key] == b[key] == pytest.approx(QUOTED_WEIGHT * c[key])
    # the quoted words alone: those both quote weigh more than those only one quotes
    assert shared_weight(a, b, {}) > shared_weight(a, c, {}) == pytest.approx(shared_weight(b, c, {}))


@pytest.mark.parametrize("text, quoted", [
    ('A 12" pipe burst and a 3" main failed.', []),
    ('"We will rebuild, the minister said, calling the damage "nothing" at all.', ["nothing"]),
    ('"We will rebuild," the minister said.', ["We will rebuild,"]),
])
def test_straight_quotes_pair_only_where_they_open_and_close(text, quoted):
    assert [text[a:b] for a, b in _quote_spans(text)] == quoted


def test_a_title_says_what_someone_is_not_who(tmp_path):
    corpus, evidence = _build(
        tmp_path,
        a="On Tuesday, Gov. Mike DeWine toured the village.\n\nThe guard is led by General Omar Tchiani.\n",
        b="On Monday, Gov. Roy Cooper spoke.\n\nThe council, led by General Abdourahamane Tiani, said it would act.\n",
    )
    assert not _features(evidence, corpus, "a", "DeWine", "n:") & _features(evidence, corpus, "b", "Cooper", "n:")
    assert not _features(evidence, corpus, "a", "Tchiani", "n:") & _features(evidence, corpus, "b", "Tiani", "n:")
    assert "n:devin" in _features(evidence, corpus, "a", "DeWine", "n:")
    assert not any("gof" in f for f in _features(evidence, corpus, "a", "DeWine"))  # nor a content word
