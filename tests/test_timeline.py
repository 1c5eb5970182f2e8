"""Dates of claims: every pattern against a fixed publication date, and the edges."""
import pytest

from crosscheck.model import Article, Claim
from crosscheck.timeline import date_claims, find_timexes


def claim_for(text: str, quote: str, nth: int = 0) -> Claim:
    s = -1
    for _ in range(nth + 1):
        s = text.index(quote, s + 1)
    return Claim(id=f"x:{s}", doc="x", start=s, end=s + len(quote), text=quote, value=None, low=None,
                 high=None, qualifier="exact", counted="", category="other", sentence="")


def dated(text: str, quote: str, published="2017-03-21", nth: int = 0) -> Claim:
    art = Article(doc="x", text=text, published=published)
    out, _ = date_claims(art, [claim_for(text, quote, nth)])
    return out[0]


def doc_of(text: str, published=None):
    return date_claims(Article(doc="x", text=text, published=published), [])[1]


# 2017-03-21 is a Tuesday.
@pytest.mark.parametrize("sentence, want, precision", [
    ("On Monday, 400 militants left the district.", "2017-03-20", "day"),
    ("400 militants left early on Saturday.", "2017-03-18", "day"),
    ("400 militants left last Friday.", "2017-03-17", "day"),
    ("400 militants left on Tuesday.", "2017-03-21", "day"),          # the publication day itself
    ("400 militants left last Tuesday.", "2017-03-14", "day"),        # "last": strictly before
    ("400 militants left yesterday.", "2017-03-20", "day"),
    ("400 militants left this Monday.", "2017-03-20", "day"),
    ("400 militants left in the past 24 hours.", "2017-03", "day"),   # 20-21 March
    ("400 militants left over the weekend.", "2017-03", "day"),       # 18-19 March
    ("400 militants left on Monday, March 13.", "2017-03-13", "day"),   # the stated date wins
    ("400 militants left today.", "2017-03-21", "day"),
    ("400 militants left on March 14.", "2017-03-14", "day"),
    ("400 militants left on 14 March.", "2017-03-14", "day"),
    ("400 militants left on May 22, 2016.", "2016-05-22", "day"),
    ("400 militants left in mid-March.", "2017-03", "month"),
    ("400 militants left in March.", "2017-03", "month"),
    ("400 militants left in March 2016.", "2016-03", "month"),
    ("400 militants left two months ago.", "2017-01", "month"),
    ("400 militants left three days ago.", "2017-03-18", "day"),
    ("400 militants left last year.", "2016", "year"),
    ("400 militants left in 2015.", "2015", "year"),
    ("400 militants left in the fall of 2011.", "2011", "month"),
    ("400 militants left last week.", "2017-03", "week"),             # 13-19 March
    ("400 militants left earlier this week.", "2017-03", "week"),     # 20-21 March
    ("400 militants left last month.", "2017-02", "month"),
    ("400 militants left on January 23-24.", "2017-01", "day"),       # a range of two days
    ("400 militants left in Dec.", "2016-12", "month"),               # a later month: the year before
    ("400 militants left on Dec 27.", "2016-12-27", "day"),
    ("400 militants will leave in April.", "2017-04", "month"),       # future: this year
    ("400 militants will leave next Monday.", "2017-03-27", "day"),
    ("400 militants will leave on Friday.", "2017-03-24", "day"),     # future tense: the coming Friday
])
def test_patterns(sentence, want, precision):
    c = dated(sentence, "400 militants")
    assert (c.date, c.date_precision) == (want, precision)
    assert c.date_text and c.date_text in sentence


def test_windows_are_exact():
    c = dated("400 militants left last week.", "400 militants")
    assert c.date_window == ("2017-03-13", "2017-03-19")
    c = dated("400 militants left earlier this week.", "400 militants")
    assert c.date_window == ("2017-03-20", "2017-03-21")
    c = dated("400 militants left in mid-March.", "400 militants")
    assert c.date_window == ("2017-03-11", "2017-03-20")
    c = dated("400 militants left on January 23-24.", "400 militants")
    assert c.date_window == ("2017-01-23", "2017-01-24")


def test_week_edge_last_friday_in_a_january_article():
    # 2 January 2017 is a Monday: "last Friday" is 30 December 2016
    c = dated("400 militants left last Friday.", "400 militants", published="2017-01-02")
    assert c.date == "2016-12-30"


def test_year_edge_month_day_without_year():
    c = dated("400 militants left on Dec 30.", "400 militants", published="2017-01-03")
    assert c.date == "2016-12-30"
    c = dated("400 militants left on Jan 2.", "400 militants", published="2017-01-03")
    assert c.date == "2017-01-02"


def test_week_window_crossing_a_year_has_no_iso_prefix_but_keeps_window():
    c = dated("400 militants left last week.", "400 militants", published="2017-01-04")
    assert c.date is None and c.date_window == ("2016-12-26", "2017-01-01")
    assert c.date_text == "last week"


def test_report_time_keeps_report_date_and_a_window_for_the_happening():
    text = "On Monday, the Russian Defense Ministry reported the withdrawal of more than 400 terrorists."
    c = dated(text, "more than 400 terrorists")
    assert c.report_date == "2017-03-20"
    assert c.date_window == ("2017-03-14", "2017-03-20") and c.date_precision == "week"
    assert c.date_source == "report"
    c = dated("Russia evacuated 36,000 people, as Putin stated last Friday.", "36,000 people")
    assert c.report_date == "2017-03-17" and c.date_source == "report"
    c = dated("The convoy of 50 buses left early on Saturday, state agency SANA reported.", "50 buses")
    assert c.date == "2017-03-18" and c.report_date == "2017-03-21"       # event time, not report time


def test_report_and_event_time_in_one_sentence():
    c = dated("The ministry said on Monday that 400 militants left on Saturday.", "400 militants")
    assert (c.date, c.report_date) == ("2017-03-18", "2017-03-20")


def test_no_publication_date_leaves_relative_unresolved_and_keeps_the_text():
    c = dated("The first buses carrying 300 rebels departed early on Saturday.", "300 rebels", published=None)
    assert c.date is None and c.date_text == "early on Saturday"
    d = doc_of("The first buses departed early on Saturday.")
    assert d.anchored is False and d.published is None


def test_no_publication_date_year_from_a_full_date_in_the_text():
    text = ("On March 14, the two sides signed a deal to move 10,000 people.\n\n"
            "The amnesty was extended until June 30, 2017.")
    c = dated(text, "10,000 people", published=None)
    assert c.date == "2017-03-14"
    assert doc_of(text).inferred_year == 2017
    # a bound ("until ...") is not the date of a figure next to it
    c = dated("The amnesty for 500 fighters was extended until June 30, 2017.", "500 fighters")
    assert c.date is None


def test_dateline_line_gives_the_publication_date_when_none_is_known():
    d = doc_of("Title\n\n21/03/2017\n\nOn Monday, 400 militants left.")
    assert (d.published, d.published_from, d.anchored) == ("2017-03-21", "dateline", True)
    d = doc_of("Lede.\n\nPublished: May 22, 2017, 12:28 pm\n\nMore.")
    assert d.published == "2017-05-22"


def test_ambiguous_numeric_date_is_read_day_first_unless_that_is_after_the_publication():
    d = doc_of("Title\n\n03/04/2017\n\nText.")
    assert d.published == "2017-04-03"


def test_since_is_a_bound_not_a_date():
    c = dated("Forces have fought to retake the district, home to some 75,000 people, since 2013.",
              "some 75,000 people")
    assert c.date is None


def test_a_year_in_the_same_clause_dates_the_figure():
    c = dated("In 2011, some 75,000 people lived in the district.", "some 75,000 people")
    assert (c.date, c.date_precision) == ("2011", "year")


def test_context_from_the_preceding_sentence_of_the_story():
    text = "The first buses left early on Saturday. The first group includes over 1,500 people."
    assert dated(text, "over 1,500 people").date == "2017-03-18"


def test_now_stops_the_lookback_and_means_around_the_report():
    text = "A deal was signed on March 14. Now, the first group totaled 300 militants."
    c = dated(text, "300 militants")
    # "now" is as of the report: the publication day, at its precision (was the week before it)
    assert c.date_text == "Now" and c.date_window == ("2017-03-21", "2017-03-21")
    assert (c.date, c.date_precision, c.date_source, c.report_date) == ("2017-03-21", "day", "present", "2017-03-21")


def test_quoted_speech_does_not_set_the_narrative_date():
    text = "“It is a great achievement today,” the governor said.\nSome 2500 people left the city."
    c = dated(text, "Some 2500 people", published="2017-05-22")
    assert c.date_source != "context"


def test_lookback_stops_at_a_heading():
    text = "The deal was signed on March 14.\n\nImportance of Homs\n\nHoms had 900,000 people before the war."
    c = dated(text, "900,000 people")
    assert c.date is None


def test_lede_dates_undated_figures_of_its_story():
    text = ("Damascus consolidated its position on Sunday with the withdrawal of militants.\n\n"
            "Homs is the third city.\n\nIt was a center.\n\nIt had a role.\n\nSome 2500 people left the city.")
    c = dated(text, "Some 2500 people", published="2017-05-22")
    assert (c.date, c.date_source) == ("2017-05-21", "lede")


def test_lede_in_an_after_clause_is_not_the_story_date():
    text = ("Rebels began retreating from Homs after a deal was signed earlier this week.\n"
            "A.\nB.\nC.\nThe first group includes over 1,500 people.")
    c = dated(text, "over 1,500 people")
    assert c.date_text != "earlier this week"


def test_claim_is_not_dated_by_its_own_words():
    c = dated("The operation began two months ago.", "two months", published="2017-05-22")
    assert c.date_text != "two months ago"


def test_multi_story_page_dates_do_not_leak_and_datelines_anchor_their_story():
    text = ("Militants leave Homs\n\nOn Monday, the ministry reported the withdrawal of 400 militants.\n\n"
            "  • Published in World\n\nMass graves in Aleppo\n\n"
            "Moscow, Dec 27 (Prensa Latina) The ministry denounced the finding of seven storehouses.\n\n"
            "As Putin stated last Friday, Russia rescued more than 100,000 civilians.\n\n"
            "  • Published in World\n\nOther story\n\nThe city had 900,000 people.")
    art = Article(doc="x", text=text, published="2016-12-28")
    claims = [claim_for(text, q) for q in ("400 militants", "seven storehouses", "100,000 civilians",
                                           "900,000 people")]
    out, _ = date_claims(art, claims)
    by = {c.text: c for c in out}
    assert by["400 militants"].report_date == "2016-12-26"           # Monday before 28 Dec 2016
    assert by["seven storehouses"].report_date == "2016-12-27"        # its own dateline
    assert by["seven storehouses"].date_window == ("2016-12-21", "2016-12-27")
    assert by["100,000 civilians"].report_date == "2016-12-23"        # Friday before Dec 27
    assert by["900,000 people"].date is None                          # nothing leaks into the third story
    assert by["900,000 people"].report_date == "2016-12-28"


def test_dateline_without_year_and_no_publication_date_stays_unresolved():
    text = "Story\n\nMoscow, Dec 27 (Prensa Latina) Troops found seven storehouses."
    c = dated(text, "seven storehouses", published=None)
    assert c.date is None and c.date_text == "Dec 27" and c.report_date is None


def test_headline_dates_are_kept_on_the_document():
    text = ("Militants leave Homs\n\nText here.\n\n"
            "[First Group of Militants to Leave Last Bastion in Syria's Homs on March 18 -- © Sputnik](#)\n\n"
            "More text.")
    d = doc_of(text, published="2017-03-21")
    assert [h[:2] for h in d.headline_dates] == [("2017-03-18", "day")]


@pytest.mark.parametrize("text", [
    "Militants may leave soon.",            # the verb "may"
    "The march on Damascus began.",         # the noun "march"
    "It has 2017 residents.",
    "resolution 2254 was adopted.",
])
def test_not_dates(text):
    art = Article(doc="x", text=text, published="2017-03-21")
    assert find_timexes(art) == []


def test_glued_footnote_digit_before_now():
    assert [t.text for t in find_timexes(Article(doc="x", text="3Now, the first group left."))] == ["Now"]


def test_speaking_to_someone_last_week_is_a_report_time():
    text = "Speaking to Chinese TV station Phoenix last week, President Assad said 40 deals were signed."
    c = dated(text, "40 deals")
    assert c.date_source == "report" and c.report_date is None and c.date_window == ("2017-03-07", "2017-03-19")


@pytest.mark.parametrize("sentence, source", [
    ("The governor told reporters on Monday that 40 buses left.", "report"),
    ("The governor told Reuters on Monday that 40 buses left.", "report"),
    ("Officials said Monday that 40 buses left.", "report"),
    ("Officials said the 40 buses left on Monday.", "sentence"),
])
def test_report_verb_attachment(sentence, source):
    assert dated(sentence, "40 buses").date_source == source


@pytest.mark.parametrize("line, want", [
    ("21/03/2017", "2017-03-21"),
    ("Published: May 22, 2017, 12:28 pm", "2017-05-22"),
    ("Published 5:55 AM EST Dec 20 2019", "2019-12-20"),
    ("Jul 15 2019 | 9:35 PM", "2019-07-15"),
    ("2019-09-01", "2019-09-01"),
    ("Updated on 1 September 2019 11:30", "2019-09-01"),
])
def test_date_lines(line, want):
    assert doc_of(f"Title\n\n{line}\n\nText of the story.").published == want


def test_wire_dateline_with_country():
    text = "DAMASCUS, Syria, March 18 (AP) — The first 300 fighters left the district."
    c = dated(text, "300 fighters", published=None)
    assert c.date_text == "March 18" and c.date_source == "report"


@pytest.mark.parametrize("sentence", [
    "Readers of USA TODAY counted 300 militants.",
    "The store is so far away from the 300 militants.",
])
def test_not_present_time(sentence):
    assert dated(sentence, "300 militants").date_text is None


def test_between_years_is_a_window():
    c = dated("Sampling between 2014 and 2017 found 4 ppb.", "4 ppb")
    assert c.date is None and c.date_window == ("2014-01-01", "2017-12-31") and c.date_precision == "year"


def test_a_claim_in_a_headline_is_dated_only_by_the_headline():
    text = ("Rebels leave Homs\n\nOn Monday, 400 rebels left.\n\n"
            "[More Than 35 Killed in Suicide Attack in Homs](#)\n\nThe city is calm.")
    c = dated(text, "More Than 35 Killed")
    assert c.date is None and c.date_source is None


def test_weekday_with_its_date_is_one_expression():
    c = dated("On Monday, March 13, 400 militants left.", "400 militants")
    assert (c.date, c.date_text) == ("2017-03-13", "On Monday, March 13")


def test_quarters():
    c = dated("Sales rose to 400 units in the first quarter of 2016.", "400 units")
    assert (c.date, c.date_window) == ("2016", ("2016-01-01", "2016-03-31"))
    c = dated("Sales rose to 400 units in Q3 2016.", "400 units")
    assert c.date_window == ("2016-07-01", "2016-09-30")


def test_anaphoric_expressions_count_from_the_previous_date_of_the_story():
    text = "The deal was signed on March 14. Two days later, 300 militants left."
    c = dated(text, "300 militants")
    assert (c.date, c.date_text) == ("2017-03-16", "Two days later")
    text = "The deal was signed on March 14. The next day 300 militants left."
    assert dated(text, "300 militants").date == "2017-03-15"
    c = dated("Two days later, 300 militants left.", "300 militants")
    assert c.date is None and c.date_text == "Two days later"     # no earlier date: unresolved, kept


def test_title_kept_apart_from_the_text_is_the_first_headline():
    text = "The first group includes over 1,500 people.\n\nThey will go to Idlib."
    art = Article(doc="x", text=text, published="2017-03-21",
                  title="First Group of Militants to Leave Homs on March 18")
    out, d = date_claims(art, [claim_for(text, "over 1,500 people")])
    assert (out[0].date, out[0].date_source) == ("2017-03-18", "lede")
    assert d.headline_dates[0][:2] == ("2017-03-18", "day")


def test_a_partial_publication_date_still_gives_the_year():
    c = dated("400 militants left on March 14.", "400 militants", published="2017")
    assert c.date == "2017-03-14"


def test_bylines_and_datelines_split_a_page_without_published_lines():
    text = ("Militants leave Homs\n\nBy Jane Roe, Reuters\n\nOn Monday, 400 militants left.\n\n"
            "Aleppo graves found\n\nBy John Doe and Ann Poe\n\nThe city had 900,000 people.\n\n"
            "Talks in Astana\n\nMOSCOW, Jan 20 (Prensa Latina) The next round will bring 30 delegates.")
    art = Article(doc="x", text=text, published="2017-03-21")
    out, _ = date_claims(art, [claim_for(text, q) for q in ("400 militants", "900,000 people", "30 delegates")])
    assert out[0].date == "2017-03-20"
    assert out[1].date is None                         # "On Monday" stays in the first story
    assert out[2].report_date == "2017-01-20"


def test_linear_on_one_long_line_without_sentence_ends():
    # a quadratic scan took 42 s on 0.12 MB of this; linear code takes well under a second
    import random
    import re
    import time
    rnd = random.Random(1)
    words = "the militants left on Monday in March 2017 and 300 people were evacuated since 2013 now “said".split()
    text = " ".join(rnd.choice(words) for _ in range(50000))
    claims = [claim_for(text, "300 people", 0)] + [
        Claim(id=str(m.start()), doc="x", start=m.start(), end=m.end(), text=m.group(), value=300.0, low=300.0,
              high=300.0, qualifier="exact", counted="people", category="people", sentence="")
        for m in re.finditer(r"300 people", text)]
    t = time.process_time()
    date_claims(Article(doc="x", text=text, published="2017-03-21"), claims)
    assert time.process_time() - t < 10


def test_a_wire_story():
    text = ("BEIRUT (Reuters) - Syrian government forces killed at least 25 people in air strikes on Sunday, "
            "a war monitor said on Monday.\nThe Syrian Observatory for Human Rights said 12 of the dead were children.\n"
            "Last week, the United Nations said more than 400,000 people had fled the area since late April.")
    art = Article(doc="x", text=text, published="2019-08-05")
    out, d = date_claims(art, [claim_for(text, q) for q in ("at least 25 people", "12 of the dead",
                                                            "more than 400,000 people")])
    assert [(c.date, c.report_date) for c in out[:2]] == [("2019-08-04", "2019-08-05"), ("2019-08-04", "2019-08-05")]
    assert out[2].date_source == "report" and out[2].date_window == ("2019-07-23", "2019-08-04")


def test_a_date_line_after_a_story_starts_the_next_story():
    text = ("First story\n\n21/03/2017\n\nOn Monday, 400 militants left.\n\n"
            "Second story\n\n02/01/2017\n\nOn Monday, 30 buses arrived.")
    out, d = date_claims(Article(doc="x", text=text), [claim_for(text, "400 militants"), claim_for(text, "30 buses")])
    assert d.published == "2017-03-21"
    assert [c.date for c in out] == ["2017-03-20", "2017-01-02"]


def test_a_day_after_counts_back_from_the_main_clause():
    text = ("Tens of thousands marched in the capital on Saturday, police said, "
            "a day after 2,000 people gathered outside parliament.")
    out, _ = date_claims(Article(doc="x", text=text, published="2024-03-10"),
                         [claim_for(text, "Tens of thousands"), claim_for(text, "2,000 people")])
    assert [c.date for c in out] == ["2024-03-09", "2024-03-08"]
    c = dated("Hours after the blast, 40 people were missing, police said on Sunday, a day after it.", "40 people")
    assert c.date_text == "Hours after" and c.date is None        # nothing dated before it in the sentence
    c = dated("A day after the deal was signed, 300 militants left.", "300 militants")
    assert (c.date, c.date_text) == (None, "A day after")          # the deal's date is unknown: unresolved


def test_captions_and_single_words_are_not_sections():
    text = ("Troops entered the district on Sunday.\n\nAdvertisement\n\n"
            "Rescuers search the rubble in Antakya, February 7, 2023. REUTERS/Umit Bektas\n\n"
            "Some 2500 people left.")
    c = dated(text, "Some 2500 people", published="2017-05-22")
    assert (c.date, c.date_source) == ("2017-05-21", "context")
    assert doc_of(text, published="2017-05-22").headline_dates == ()
