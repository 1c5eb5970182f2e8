"""The category of a figure comes from the words that govern it, not only from its head noun.

Each rule on news sentences written for this file (none is taken from a test corpus). The
figures are given by hand, as in test_extract.py, so only the extract stage is tested.
"""
import pytest

from crosscheck.config import Config, _merge, defaults
from test_extract import one as _one, run as _run

# the finer classes the lexicon reads (reported as "people" by default): read them here
FINE = Config(_merge(defaults(), {"lexicon": {c: {"report_as": ""} for c in ("police", "arrested", "missing")}}))


def one(text, figure, **kw):
    kw.setdefault("config", FINE)
    return _one(text, figure, **kw)


def run(text, figures, **kw):
    kw.setdefault("config", FINE)
    return _run(text, figures, **kw)


def test_the_finer_classes_are_reported_as_the_contracts_people_by_default():
    assert _one("Police said 57 people were arrested overnight.", "57").category == "people"
    assert _one("Three others were reported missing.", "Three").category == "people"
    assert _one("12 officers patrolled the square.", "12").category == "people"
    assert one("12 officers patrolled the square.", "12").category == "police"


@pytest.mark.parametrize("sentence,figure,category", [
    # killed: a verb before the figure, a state after it
    ("The landslide buried a village, killing 64 people, the governor said.", "64", "killed"),
    ("At least 19 people were confirmed dead after the bridge collapsed.", "At least 19", "killed"),
    ("Rescuers recovered the bodies of 23 miners on Monday.", "23", "killed"),
    # injured, including hospital treatment said of the figure
    ("Some 45 people were treated in hospital for smoke inhalation.", "Some 45", "injured"),
    ("Seven firefighters were taken to hospital with burns.", "Seven", "injured"),
    ("Doctors said 12 patients remain in critical condition.", "12", "injured"),
    ("The blast wounded 30 shoppers in the market.", "30", "injured"),
    ("Four students were seriously hurt in the stampede.", "Four", "injured"),
    # arrested
    ("Police said 57 people were arrested overnight.", "57", "arrested"),
    ("Officers detained 18 men after the match.", "18", "arrested"),
    ("More than 200 fans were taken into custody.", "More than 200", "arrested"),
    ("Dozens arrested after clashes in port city", "Dozens", "arrested"),
    # missing
    ("Up to 40 fishermen are still missing after the storm.", "40", "missing"),
    ("9 climbers remain unaccounted for on the mountain.", "9", "missing"),
    ("Divers resumed the search for 14 crew members at dawn.", "14", "missing"),
    ("Three others were reported missing.", "Three", "missing"),
    # the head noun alone when nothing governs it
    ("Some 300 residents gathered outside the town hall.", "Some 300", "people"),
    ("The coastguard rescued 96 passengers from the sinking boat.", "96", "people"),
    ("The agency said 410 survivors had been brought ashore.", "410", "people"),
    ("A ban on 20 spare parts was lifted.", "20", "other"),
])
def test_the_governing_word_names_the_category(sentence, figure, category):
    assert one(sentence, figure).category == category


def test_a_state_said_of_another_noun_does_not_count():
    # "treated" here is said of the patients of another clause, not of the figure
    c = one("The clinic has 80 beds, and those treated in hospital wait outside.", "80")
    assert c.category == "other"
    assert one("The 300 people treated to a concert cheered.", "300").category == "people"


@pytest.mark.parametrize("sentence,figure,category", [
    ("Three police officers were assaulted during the match.", "Three", "police"),
    ("About 2,000 riot police were deployed in the capital.", "About 2,000", "police"),
    ("5 cops responded to the call.", "5", "police"),
    ("12 officers patrolled the square.", "12", "police"),
    ("Two army officers were promoted.", "Two", "soldiers"),
    ("Six officers were injured by stones.", "Six", "injured"),
])
def test_police_are_a_category_of_their_own(sentence, figure, category):
    assert one(sentence, figure).category == category


@pytest.mark.parametrize("sentence,figure,counted,category", [
    ("Two warships and 9 patrol boats joined the search.", "9", "patrol boats", "vehicles"),
    ("The port handles 30 ferries a day.", "30", "ferries", "vehicles"),
    ("The airline grounded 14 aircraft.", "14", "aircraft", "vehicles"),
    ("The navy sent 5 vessels.", "5", "vessels", "vehicles"),
    ("Fire destroyed 500 hectares of forest.", "500", "hectares of forest", "area"),
    ("The zone covers 60 square nautical miles.", "60", "square nautical miles", "area"),
    ("Officials counted 11 ferry accidents since 2010.", "11", "ferry accidents", "other"),
    ("The union represents 800 bus drivers.", "800", "bus drivers", "people"),
    ("Some 40 crew were aboard.", "Some 40", "crew", "people"),
    ("About 150 youths threw stones.", "About 150", "youths", "people"),
])
def test_heads_vehicles_area_and_people(sentence, figure, counted, category):
    c = one(sentence, figure)
    assert (c.counted, c.category) == (counted, category)


def test_a_strong_group_counts_people():
    c = one("A 45-strong medical team arrived on Friday.", "45")
    assert (c.counted, c.category) == ("medical team", "people")
    assert one("A 2,000-strong crowd gathered.", "2,000").category == "people"


@pytest.mark.parametrize("sentence,figure", [
    ("A magnitude 6.4 earthquake struck the coast.", "6.4"),
    ("The 5.9-magnitude tremor was felt in the capital.", "5.9"),
    ("The quake measured 6.1 on the Richter scale.", "6.1"),
    ("Dozens of aftershocks followed, the largest measuring 4.8.", "4.8"),
])
def test_a_seismic_magnitude_is_counted_as_a_magnitude(sentence, figure):
    c = one(sentence, figure)
    assert c.counted == "magnitude" and c.category == "other"   # a class a user's lexicon may add


def test_a_magnitude_class_from_the_users_lexicon():
    from crosscheck.config import Config, load_config
    base = load_config().data
    cfg = Config(dict(base, lexicon=dict(base["lexicon"], magnitude={"words": ["magnitude"]})))
    assert one("A magnitude 6.4 earthquake struck.", "6.4", config=cfg).category == "magnitude"


def test_measuring_without_a_quake_is_no_magnitude():
    assert one("The ward, measuring 40 by 12, was full.", "40").counted != "magnitude"


@pytest.mark.parametrize("text,figures,want", [
    ("Organisers said 80,000 people joined the rally. Police put the number at 20,000.",
     ["80,000", "20,000"], "people"),
    ("The opposition claimed 50,000 marched. The ministry's estimate was 9,000.", ["50,000", "9,000"], "people"),
    ("At least 230 people were killed, the health ministry said. The official figure of 180 was "
     "published on Monday.", ["At least 230", "180"], "killed"),
])
def test_the_number_or_the_figure_counts_what_a_figure_of_its_size_counted(text, figures, want):
    cs = [c for c in run(text, figures) if not c.derived]
    assert cs[-1].category == want


def test_the_figure_picks_the_count_nearest_in_size():
    text = ("More than 60,000 people marched and 35 were arrested. "
            "The government's figure of 12,000 was disputed.")
    cs = run(text, ["More than 60,000", "35", "12,000"])
    assert cs[-1].category == "people"


def test_a_bare_figure_set_against_another_takes_its_count():
    c = run("As many as 600 people may have been aboard, far above the 410 on the passenger list.",
            ["As many as 600", "410"])[-1]
    assert (c.counted, c.category) == ("people", "people")


def test_a_subset_shares_the_state_of_its_whole():
    text = "At least 40 protesters were detained, among them 6 of our members, and dozens were injured."
    whole, part, hurt = [c for c in run(text, ["At least 40", "6", "dozens"]) if not c.derived]
    assert whole.category == "arrested"
    assert part.part_of == whole.id and part.category == "arrested"
    assert hurt.category == "injured"
    text = "12 people died, including 5 children."
    whole, part = run(text, ["12", "5"])
    assert part.category == "killed"


def test_of_them_shares_the_state_of_the_group():
    text = "Doctors said 28 miners were being treated, 3 of them in intensive care."
    whole, part = run(text, ["28", "3"])
    assert whole.category == "injured" and part.category == "injured" and part.part_of == whole.id


def test_passengers_and_crew_add_up_to_the_people_on_board():
    cs = run("The plane carried 148 passengers and 6 crew.", ["148", "6"])
    a, b, total = cs
    assert (a.category, b.category) == ("people", "people")
    assert total.derived and total.value == 154 and total.category == "people"


def test_aboard_and_on_board_count_people():
    assert one("Boat with dozens aboard capsizes", "dozens").category == "people"
    assert one("A bus with 40 on board overturned.", "40").category == "people"


@pytest.mark.parametrize("text,figure,modality", [
    # a forecast in a later clause does not govern the figure
    ("The mayor said 1,500 houses were flooded and that the damage was likely to grow.", "1,500", "count"),
    ("Some 70 people died, and the toll could rise further.", "Some 70", "count"),
    ("The storm destroyed 400 homes as officials warned more rain would fall.", "400", "count"),
    # a forecast in the figure's own clause does
    ("Officials expect the toll to rise to 90 by the weekend.", "90", "forecast"),
    ("The agency expects to resettle 2,000 families this year.", "2,000", "forecast"),
    ("About 3,000 people are expected to leave on Friday.", "About 3,000", "forecast"),
    ("Some 500 migrants will be moved to the mainland.", "Some 500", "forecast"),
    ("Some 500 migrants are to be moved to the mainland.", "Some 500", "plan"),
    ("More than 40 flights were cancelled due to fog.", "More than 40", "count"),
])
def test_modality_is_read_from_the_figures_own_clause(text, figure, modality):
    assert one(text, figure).modality == modality


@pytest.mark.parametrize("text,figure,counted", [
    ("The death toll from the floods that hit the Rhine valley on Tuesday has climbed past 130.", "130",
     "death toll"),
    ("The toll in the 3 worst-hit provinces rose to 212, officials said.", "212", "toll"),
    ("The death toll from the sinking of the MV Sea Star 2 off the northern coast rose to 57.", "57",
     "death toll"),
])
def test_a_toll_reaches_its_figure_through_a_long_phrase(text, figure, counted):
    c = one(text, figure)
    assert (c.counted, c.category) == (counted, "killed")


def test_footnote_markers_under_a_notes_heading_are_no_claims():
    text = ("At least 300 families were displaced, according to the agency1.\n\n"
            "## Notes\n\n"
            "1 Regional Emergency Office, Bulletin of 4 May.\n"
            "2 Figures are provisional.\n")
    cs = run(text, ["At least 300", "1", "2"])
    assert [c.text for c in cs] == ["At least 300 families"]


def test_a_numbered_line_outside_notes_is_kept():
    text = "Key figures:\n\n3 hospitals damaged\n"
    assert [c.value for c in run(text, ["3"])] == [3]


@pytest.mark.parametrize("text,figure,category", [
    ("Since 2010, 9 mine collapses have killed more than 400 workers.", "9", "other"),
    ("The 3 raids killed 30 fighters.", "3", "other"),
    ("Some 12 people have died in the floods.", "Some 12", "killed"),
    ("About 20 people have been killed.", "About 20", "killed"),
])
def test_a_figure_that_kills_is_not_killed(text, figure, category):
    assert one(text, figure).category == category


def test_a_bare_figure_driven_from_home_counts_people():
    assert one("Floods force 12,000 from their homes", "12,000").category == "people"
    assert one("The army evacuated 300 militants.", "300").category == "fighters"
    assert one("Crews evacuated 40 buildings.", "40").category == "other"


def test_a_rate_after_a_unit_is_not_the_unit():
    c = one("The reform would cost 1.2 billion euros a year.", "1.2 billion",
            units={"1.2 billion": ("EUR", "euros a year")})
    assert c.category == "money"


def test_a_verb_after_a_singular_head_is_no_plural_head():
    c = one("One resident remains missing.", "One")
    assert (c.counted, c.category) == ("resident", "missing")


def test_bare_figures_alive_or_trapped_are_people():
    assert one("Mine collapse traps dozens", "dozens").category == "people"
    assert one("We believe 17 are still alive, the director said.", "17").category == "people"
    assert one("We believe 17 are still missing, the director said.", "17").category == "missing"


def test_a_phrase_between_the_noun_and_its_modal():
    c = one("The ministry said 25 tonnes of medicine would arrive on Monday.", "25 tonnes",
            units={"25 tonnes": ("tonne", "tonnes")})
    assert c.modality == "forecast"
    assert one("Some 12 crates of food were delivered.", "Some 12").modality == "count"
