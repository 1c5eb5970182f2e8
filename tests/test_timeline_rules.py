"""Dating rules of news English, each on its own invented sentences with a fixed publication date.

2023-06-14 is a Wednesday.
"""
import pytest

from crosscheck.model import Article, Claim
from crosscheck.timeline import date_claims

PUB = "2023-06-14"


def claim_for(text: str, quote: str, nth: int = 0, category: str = "other") -> Claim:
    s = -1
    for _ in range(nth + 1):
        s = text.index(quote, s + 1)
    return Claim(id=f"x:{s}", doc="x", start=s, end=s + len(quote), text=quote, value=None, low=None,
                 high=None, qualifier="exact", counted="", category=category, sentence="")


def dated(text, quote, published=PUB, nth=0, category="other"):
    out, _ = date_claims(Article(doc="x", text=text, published=published), [claim_for(text, quote, nth, category)])
    return out[0]


def dated_all(text, quotes, published=PUB):
    out, doc = date_claims(Article(doc="x", text=text, published=published), [claim_for(text, q) for q in quotes])
    return {c.text: c for c in out}, doc


# --------------------------------------------------------------- comparison and subordinate clauses

@pytest.mark.parametrize("text, quote, not_want", [
    ("Turnout in Tuesday's vote was 62.4%, up from 55.8% in 2020.", "62.4%", "2020"),
    ("Wheat exports fell to 3.1 million tonnes, down from 4.4 million tonnes in 2019.", "3.1 million tonnes", "2019"),
    ("The party won 41 seats, its worst result since 1996.", "41 seats", "1996"),
    ("The floods killed 212 people, the deadliest since 2011.", "212 people", "2011"),
    ("Some 9,000 migrants crossed the channel, more than in 2019.", "9,000 migrants", "2019"),
    ("Prices rose 7.2%, compared with 2018.", "7.2%", "2018"),
    ("Officials say 40 people have died since talks began in March.", "40 people", "2023-03"),
    ("The tremor destroyed 800 homes, far fewer than when a similar quake struck in 2011.", "800 homes", "2011"),
])
def test_a_date_in_a_comparison_dates_only_the_baseline(text, quote, not_want):
    c = dated(text, quote)
    assert not (c.date or "").startswith(not_want), (c.date, c.date_text)


def test_the_baseline_figure_keeps_its_own_year():
    c = dated("Turnout was 62.4%, up from 55.8% in 2020.", "55.8%")
    assert (c.date, c.date_source) == ("2020", "sentence")


def test_a_baseline_figure_without_a_year_is_undated():
    c = dated("Turnout was 62.4% on Sunday, up from 55.8%.", "55.8%")
    assert c.date is None


def test_a_main_clause_date_still_dates_the_claim_beside_a_comparison():
    c = dated("Turnout was 62.4% on Sunday, up from 55.8% in 2020.", "62.4%")
    assert c.date == "2023-06-11"


def test_results_showed_on_monday_is_a_report_time():
    c = dated("The Labour Party secured a majority of 78 seats in Sunday's vote, results showed on Monday.",
              "78 seats")
    assert c.date == "2023-06-11" and c.report_date == "2023-06-12"


def test_a_weekday_before_a_modal_verb_is_ahead():
    # published Wednesday 2023-06-14: "rain on Thursday could push" is tomorrow's rain
    c = dated("The weather service warned that rain on Thursday could push the river above 7 metres.", "7 metres")
    assert c.date == "2023-06-15"
    c = dated("Rain on Thursday may have pushed the river above 7 metres.", "7 metres")
    assert c.date == "2023-06-08"


def test_the_day_a_figure_was_given_is_a_report_time():
    c = dated("The manifest listed 198 passengers, not the 210 passengers the company gave on Monday.",
              "198 passengers")
    assert c.date_source == "report" and c.report_date == "2023-06-12"


@pytest.mark.parametrize("text, quote, year", [
    ("The river peaked at 7.82 metres late on Tuesday, beating the 1997 record of 7.41 metres.", "7.41 metres", "1997"),
    ("Monday's quake was the strongest since a 1998 tremor that killed 31 people.", "31 people", "1998"),
    ("Residents compared it with the 1998 earthquake, which killed some 2,000 people.", "some 2,000 people", "1998"),
    ("Turnout was 62%, above the 2019 level of 55%.", "55%", "2019"),
])
def test_a_year_that_names_a_thing_dates_that_things_figure(text, quote, year):
    assert dated(text, quote).date == year


def test_a_year_naming_a_thing_leaves_the_other_figures_alone():
    assert dated("The river peaked at 7.82 metres late on Tuesday, beating the 1997 record of 7.41 metres.",
                 "7.82 metres").date == "2023-06-13"
    assert dated("The 2024 budget was approved on Monday with 41 votes.", "41 votes").date == "2023-06-12"


def test_now_in_one_sentence_does_not_date_the_next():
    # "now identified" is a state of its own sentence; the crowd and the police were there on the
    # day of the crush, which the earlier sentence names
    text = ("Officials said on Tuesday that the toll from Saturday's crush had risen: 21 killed, all of "
            "them now identified. The report says more than 500 police officers were on duty.")
    c = dated(text, "more than 500 police officers")
    assert c.date_text != "now" and c.date_source != "present"


def test_a_past_year_does_not_leak_into_the_next_sentences():
    text = ("Heavy rain struck the valley on Monday. The region was last hit by floods in 2011, when "
            "some 600 people died. The government said it had accepted help from five countries.")
    by, _ = dated_all(text, ["some 600 people", "five countries"])
    assert by["some 600 people"].date == "2011"                  # the when-clause tells of 2011
    assert by["five countries"].date == "2023-06-12"             # the story's Monday, not 2011


def test_a_comparison_year_does_not_leak_as_context():
    text = ("The ruling party won 41 seats, its worst result since 1996. Turnout was 48%.")
    c = dated(text, "48%")
    assert not (c.date or "").startswith("1996")


def test_a_when_clause_of_the_present_still_dates_the_main_clause():
    c = dated("Police arrested 40 people when the march reached the square on Saturday.", "40 people")
    assert c.date == "2023-06-10"


def test_before_dawn_is_a_time_of_day_not_a_clause():
    c = dated("A quake struck before dawn on Tuesday, killing at least 300 people.", "at least 300 people",
              published=None)
    assert c.date_text == "on Tuesday"
    c = dated("A quake struck before dawn on Tuesday, killing at least 300 people.", "at least 300 people")
    assert c.date == "2023-06-13"


def test_a_participle_continues_the_clause_before_its_comma():
    c = dated("The ferry sank when it left port on Thursday night, with more than 400 people on board.",
              "more than 400 people")
    assert c.date == "2023-06-08"


# --------------------------------------------------------------- future weekdays, targets

@pytest.mark.parametrize("text, quote, want", [
    ("Forecasters expect the wind to pick up again on Monday, with gusts of 90 km/h.", "90 km/h", "2023-06-19"),
    ("Ministers will meet on Friday to approve 2,000 new posts.", "2,000 new posts", "2023-06-16"),
    ("A report on the 300 missing is due on Tuesday.", "300 missing", "2023-06-20"),
    ("Officials said the 12 lanes would reopen on Saturday.", "12 lanes", "2023-06-17"),
])
def test_a_weekday_with_a_future_cue_resolves_forward(text, quote, want):
    assert dated(text, quote).date == want


def test_due_to_meaning_because_of_is_not_future():
    c = dated("Some 300 flights were cancelled due to the storm on Monday.", "300 flights")
    assert c.date == "2023-06-12"


@pytest.mark.parametrize("text, quote", [
    ("The plan would cut emissions by 40% by 2030.", "40%"),
    ("The government set a target date of 2030 for 5,000 new chargers.", "5,000 new chargers"),
    ("Work on the 12 km bypass must finish until June 30.", "12 km bypass"),
    ("The firm plans to hire 5,000 workers by the end of 2024.", "5,000 workers"),
])
def test_a_target_or_deadline_is_never_an_event_date(text, quote):
    c = dated(text, quote)
    assert c.date is None and c.date_source == "bound"


# --------------------------------------------------------------- as of the report

@pytest.mark.parametrize("text, quote", [
    ("The wildfire has now scorched 45,000 acres.", "45,000 acres"),
    ("So far 430 people have been rescued alive.", "430 people"),
    ("To date, 1,200 homes have been inspected.", "1,200 homes"),
    ("The toll has risen to 119.", "119"),
    ("Another 38 people are still missing.", "38 people"),
])
def test_a_tally_is_as_of_the_report(text, quote):
    c = dated(text, quote)
    assert (c.date, c.date_precision, c.report_date) == (PUB, "day", PUB)
    assert c.date_source == "present"


def test_a_tally_takes_the_precision_of_the_report():
    c = dated("The wildfire has now scorched 45,000 acres.", "45,000 acres", published=None)
    assert c.date is None


def test_a_tally_in_a_dated_sentence_keeps_the_date():
    c = dated("430 people have been rescued since the quake struck on Monday.", "430 people")
    assert c.date == "2023-06-12"


def test_a_tally_is_not_dated_by_the_sentence_before():
    text = "The quake struck on Monday. More than 2,500 people have been killed."
    c = dated(text, "More than 2,500 people")
    assert (c.date, c.date_source) == (PUB, "present")


# --------------------------------------------------------------- running tolls

def test_a_running_toll_keeps_its_report_time_not_a_day_event():
    text = "The death toll from the sinking of the ferry off the island rose to 119 on Sunday, officials said."
    c = dated(text, "119", published="2023-06-19")
    assert c.report_date == "2023-06-18" and c.date_source == "report"
    assert c.date_window == ("2023-06-12", "2023-06-18") and c.date_precision == "week"
    assert c.date == "2023-06"


@pytest.mark.parametrize("text", ["The number of dead climbed to 45 on Monday, officials said.",
                                  "Deaths rose to 45 on Monday, up from 38 on Sunday."])
def test_other_running_tolls_are_report_times(text):
    c = dated(text, "45")
    assert (c.date_source, c.report_date, c.date_precision) == ("report", "2023-06-12", "week")


def test_a_running_toll_without_a_day_is_reported_at_publication():
    c = dated("The search was winding down. The confirmed death toll rose to 119, rescuers said.", "119")
    assert c.date_source == "report" and c.report_date == PUB
    assert c.date_window == ("2023-06-08", PUB)


def test_a_count_by_a_day_with_a_perfect_tense_is_as_of_that_day():
    c = dated("By Friday evening rescuers had pulled about 160 survivors from the sea.", "about 160 survivors",
              published="2023-06-17")
    assert c.date_source == "report" and c.report_date == "2023-06-16"


def test_a_toll_event_on_its_own_day_is_still_an_event():
    c = dated("The quake killed 300 people on Monday.", "300 people")
    assert (c.date, c.date_source) == ("2023-06-12", "sentence")


# --------------------------------------------------------------- wire datelines without a year

def test_a_wire_dateline_takes_the_year_from_a_copyright_line():
    text = ("KATHMANDU, April 27 (Reuters) - Rescuers pulled 14 people alive from the rubble on Saturday.\n\n"
            "© 2023 Reuters\n")
    by, doc = dated_all(text, ["14 people"], published=None)
    assert doc.published == "2023-04-27" and doc.published_from == "dateline"
    assert by["14 people"].date == "2023-04-22"      # the Saturday before Thursday 27 April 2023
    assert doc.dateline is None


@pytest.mark.parametrize("line", ["Copyright 2023 Meridian News", "Updated: 28 Apr 2023 10:05 GMT",
                                  "(c) Copyright Thomson Reuters 2023", "Last updated on April 28, 2023 at 10:05 a.m."])
def test_a_wire_dateline_takes_the_year_from_a_footer_or_published_line(line):
    text = f"KATHMANDU, April 27 (Reuters) - Rescuers pulled 14 people alive from the rubble.\n\n{line}\n"
    _, doc = dated_all(text, ["14 people"], published=None)
    assert doc.published and doc.published.startswith("2023-04-2")


def test_a_wire_dateline_takes_the_year_from_the_texts_full_dates():
    text = ("TABRAN, Feb 14 (Meridian) - The quake killed 1,200 people on Tuesday. Parliament will debate "
            "the aid on February 20, 2023.\n")
    by, doc = dated_all(text, ["1,200 people"], published=None)
    assert doc.published == "2023-02-14"
    assert by["1,200 people"].date == "2023-02-14"


def test_a_wire_dateline_without_any_year_stays_unresolved_for_align():
    text = "DRAVIK, March 11 (Meridian) - Tens of thousands of people marched on Saturday.\n"
    by, doc = dated_all(text, ["Tens of thousands of people"], published=None)
    c = by["Tens of thousands of people"]
    assert c.date is None and c.date_text == "on Saturday"
    assert doc.dateline == "--03-11" and doc.published is None


# --------------------------------------------------------------- the publication week by default

def test_an_undated_claim_at_the_top_of_a_story_gets_the_publication_week():
    text = "Aid groups appealed for help.\n\nKey figures:\n\n- 120,000 people in need of shelter\n- 14 medical teams\n"
    c = dated(text, "120,000 people")
    assert (c.date_source, c.date_precision, c.date_window) == ("published", "week", ("2023-06-08", PUB))


@pytest.mark.parametrize("text, quote, category", [
    ("The province, home to about 1.8 million people, is mountainous.", "1.8 million people", "people"),
    ("The main hospital has 450 beds.", "450 beds", "other"),
    ("The vessel was licensed to carry 350 passengers.", "350 passengers", "people"),
    ("The highway runs for 240 km through the valley.", "240 km", "distance"),
    ("The government has a majority of 12 seats.", "12 seats", "other"),
])
def test_background_figures_stay_undated(text, quote, category):
    c = dated(text, quote, category=category)
    assert c.date is None and c.date_source is None


def test_no_default_without_a_publication_date():
    assert dated("Aid groups sent 14 medical teams.", "14 medical teams", published=None).date is None


# --------------------------------------------------------------- other stories on the page

@pytest.mark.parametrize("line", ["Related: Three killed on Monday as storm batters coast",
                                  "READ MORE: Three killed on Monday as storm batters coast",
                                  "RELATED: Three killed on Monday as storm batters coast"])
def test_related_lines_never_lend_their_dates(line):
    text = f"{line}\n\nRescuers sent 14 medical teams.\n"
    by, doc = dated_all(text, ["14 medical teams", "Three killed"])
    assert by["14 medical teams"].date_text != "on Monday"
    assert by["Three killed"].date_source == "other_story"  # dated by its own words only, and flagged
    assert by["Three killed"].date == "2023-06-12"
    assert doc.headline_dates == ()


def test_a_photo_caption_never_lends_its_date():
    text = ("Rescuers search the rubble in Tabran on Monday. REUTERS/Jane Doe\n\n"
            "Rescuers have sent 14 medical teams to the area.\n")
    c = dated(text, "14 medical teams")
    assert c.date_text != "on Monday"


def test_a_background_figure_takes_no_date_from_the_sentences_around():
    text = "The quake struck on Tuesday. The province, home to about 1.8 million people, is mountainous."
    c = dated(text, "about 1.8 million people", category="people")
    assert c.date is None


def test_a_planned_date_does_not_carry_to_the_next_sentence():
    text = ("Unions marched on Saturday. A general strike is called for June 20. "
            "More than 1.4 million workers belong to the unions.")
    c = dated(text, "More than 1.4 million workers")
    assert c.date_text != "June 20"


def test_now_is_as_of_the_sentences_report_time():
    c = dated("The agency said on Monday that 300 people have now left.", "300 people")
    assert (c.date, c.report_date, c.date_source) == ("2023-06-12", "2023-06-12", "present")


def test_the_date_of_a_deal_is_not_the_date_of_what_happened_under_it():
    c = dated("Over the past two days, the Red Cross has facilitated the release of 1,020 detainees, as part of "
              "the agreement reached by the parties in Stockholm in December 2018.", "1,020 detainees")
    assert c.date != "2018-12"
    assert dated("The deal signed in March 2016 allowed 300 fighters to leave.", "300 fighters").date == "2016-03"


def test_the_date_of_a_deal_in_one_sentence_does_not_date_the_next():
    text = ("The Red Cross facilitated the release of 1,020 detainees, as part of the agreement reached in "
            "Stockholm in December 2018. The operation involved 11 flights.")
    assert dated(text, "11 flights").date != "2018-12"
