"""Rules of news reporting that reconcile must follow, on invented sentences (a flood, a bus
crash, a strike, a fire): what disagrees, what changed, what counts different things."""
from crosscheck import intervals as iv
from test_reconcile_synthetic import best_time, claim, run


def sent(cid, doc, text, sentence, value, qualifier="exact", **kw):
    """A claim whose text sits in its sentence at the right offset."""
    start = sentence.index(text)
    return claim(cid, doc, value, qualifier, text=text, sentence=sentence, start=start, **kw)


def kinds_of(findings, *wanted):
    return [f.kind for f in findings if f.kind in wanted]


def conflicts(findings):
    return [f for f in findings if f.kind == "conflict"]


# ------------------------------------------------------------------ time

def test_same_day_disagreement_is_a_conflict_whatever_a_later_report_says():
    cl = [sent("a1", "a", "4,000 houses", "The mayor said 4,000 houses were destroyed by the flood.", 4000,
               category="other", counted="houses", report="2024-05-02"),
          sent("b1", "b", "about 900 houses", "The agency said about 900 houses were destroyed.", 900, "approx",
               category="other", counted="houses", report="2024-05-02"),
          sent("c1", "c", "some 4,000 houses", "By Friday some 4,000 houses were destroyed, officials said.", 4000,
               "approx", category="other", counted="houses", report="2024-05-03")]
    found = conflicts(run(cl)[0])
    assert len(found) == 1 and {"a1", "b1"} <= set(found[0].claims)


def test_a_toll_rising_from_one_day_to_the_next_is_an_update():
    cl = [sent("a1", "a", "at least 40 people", "The crash killed at least 40 people.", 40, "ge",
               category="killed", report="2024-06-01"),
          sent("b1", "b", "52 people", "The toll rose to 52 people on Sunday.", 52, category="killed",
               report="2024-06-02")]
    assert kinds_of(run(cl)[0], "conflict", "update") == []      # 52 fits 'at least 40'
    cl[0] = sent("a1", "a", "40 people", "The crash killed 40 people.", 40, category="killed", report="2024-06-01")
    assert kinds_of(run(cl)[0], "conflict", "update") == ["update"]


def test_a_falling_toll_of_the_dead_is_a_conflict_not_an_update():
    cl = [sent("a1", "a", "40 people", "The crash killed 40 people.", 40, category="killed", report="2024-06-01"),
          sent("b1", "b", "31 people", "Officials said 31 people died.", 31, category="killed", report="2024-06-02")]
    assert kinds_of(run(cl)[0], "conflict", "update") == ["conflict"]


def test_a_toll_about_the_day_before_is_an_update_candidate_not_a_conflict():
    cl = [sent("a1", "a", "30 people", "By Monday 30 people had died.", 30, category="killed",
               report="2024-06-03", date="2024-06-03"),
          sent("b1", "b", "45 people", "The fire has killed 45 people.", 45, category="killed",
               report="2024-06-04", date="2024-06-04")]
    assert kinds_of(run(cl)[0], "conflict") == []
    cl = [cl[0], sent("b1", "b", "45 people", "The fire had killed 45 people by Monday.", 45, category="killed",
                      report="2024-06-03", date="2024-06-02")]
    assert kinds_of(run(cl)[0], "conflict") == []


def test_a_running_count_with_an_unknown_report_time_is_no_conflict():
    cl = [sent("a1", "a", "40 people", "The crash killed 40 people.", 40, category="killed"),
          sent("b1", "b", "75 people", "The crash has killed 75 people.", 75, category="killed",
               report="2024-06-02")]
    fs = run(cl)[0]
    assert kinds_of(fs, "conflict", "update") == []
    assert any(f.kind == "gap" and set(f.claims) == {"a1", "b1"} for f in fs)


# ------------------------------------------------------------------ sums

def test_people_listed_together_are_summed_even_when_one_count_word_was_missed():
    s = "The bus carried 41 passengers and 3 crew, the operator said."
    parts = [sent("a1", "a", "41 passengers", s, 41, counted="passengers"),
             sent("a2", "a", "3", s, 3, category="other", counted="")]
    far = sent("b1", "b", "more than 60 people", "Witnesses said more than 60 people were on board.", 60, "gt")
    found = conflicts(run(parts + [far])[0])
    assert len(found) == 1 and {"a1", "a2", "b1"} <= set(found[0].claims)
    assert "41 passengers + 3 crew = 44" in found[0].explanation
    near = sent("b1", "b", "44 people", "Witnesses said 44 people were on board.", 44)
    fs = run(parts + [near])[0]
    assert not conflicts(fs) and any(f.kind == "agreement" and "b1" in f.claims for f in fs)


def test_people_the_extractor_grouped_are_summed():
    s = "The bus carried 41 passengers and 3 drivers."
    parts = [sent("a1", "a", "41 passengers", s, 41, counted="passengers", group="g1"),
             sent("a2", "a", "3 drivers", s, 3, counted="drivers", group="g1")]
    far = sent("b1", "b", "More than 60 people", "More than 60 people were on board.", 60, "gt")
    found = conflicts(run(parts + [far])[0])
    assert len(found) == 1 and "= 44 people" in found[0].explanation


# ------------------------------------------------------------------ hedges and bounds

def test_a_vague_figure_reaching_an_open_bound_is_a_tension():
    vague = sent("a1", "a", "tens of thousands of people", "Police said tens of thousands of people marched on Sunday.", None, "range", low=10000, high=100000)
    big = sent("b1", "b", "more than 100,000 people", "Organisers said more than 100,000 people marched.", 100000, "gt")
    fs = run([vague, big])[0]
    assert kinds_of(fs, "conflict") == []
    assert any(f.kind == "tension" and set(f.claims) == {"a1", "b1"} for f in fs)


def test_a_vague_figure_far_below_another_still_conflicts():
    vague = sent("a1", "a", "dozens of people", "dozens of people marched on Sunday.", None, "range", low=12, high=120)
    big = sent("b1", "b", "about 5,000 people", "Police said about 5,000 people marched.", 5000, "approx")
    assert kinds_of(run([vague, big])[0], "conflict") == ["conflict"]


# ------------------------------------------------------------------ what is counted

def test_people_figures_of_different_roles_are_never_compared():
    pairs = [("9,000 people", "9,000 people were injured in the floods.", 9000,
              "120,000 people", "Officials said 120,000 people need shelter.", 120000),
             ("112 people", "Rescuers said 112 people died.", 112,
              "149 people", "The navy said 149 people were rescued.", 149),
             ("38 people", "The agency said 38 people are still missing.", 38,
              "186 survivors", "Divers have found 186 survivors.", 186)]
    for ta, sa, va, tb, sb, vb in pairs:
        cl = [sent("a1", "a", ta, sa, va, report="2024-06-02"), sent("b1", "b", tb, sb, vb, report="2024-06-02")]
        assert kinds_of(run(cl)[0], "conflict") == [], (sa, sb)


def test_people_figures_of_one_role_do_conflict():
    cl = [sent("a1", "a", "42 people", "Police said 42 people were arrested.", 42, report="2024-03-09"),
          sent("b1", "b", "At least 70 strikers", "At least 70 strikers were arrested, the union said.", 70, "ge",
               counted="strikers", report="2024-03-09")]
    assert kinds_of(run(cl)[0], "conflict") == ["conflict"]


def test_a_capacity_is_not_how_many_were_on_board():
    cl = [sent("a1", "a", "200 passengers", "The boat was licensed to carry 200 passengers.", 200,
               counted="passengers"),
          sent("b1", "b", "More than 300 people", "More than 300 people were on board.", 300, "gt")]
    assert kinds_of(run(cl)[0], "conflict") == []


def test_a_conflict_needs_two_independent_sources():
    s = "Police said 42 people were arrested; later 90 people were arrested."
    cl = [sent("a1", "a", "42 people", s, 42), sent("a2", "a", "90 people", s, 90)]
    assert kinds_of(run(cl)[0], "conflict") == []


def test_scoped_figures_are_parts_not_the_whole():
    cl = [sent("a1", "a", "1,200 people", "The storm killed 1,200 people in the capital alone.", 1200,
               category="killed", report="2024-01-02"),
          sent("b1", "b", "3,000 people", "The storm killed 3,000 people.", 3000, category="killed",
               report="2024-01-02")]
    assert kinds_of(run(cl)[0], "conflict") == []
    cl = [sent("a1", "a", "two children", "My wife and my two children are missing.", 2, counted="children"),
          sent("b1", "b", "40 people", "The agency said 40 people are missing.", 40)]
    assert kinds_of(run(cl)[0], "conflict") == []


def test_a_link_line_and_a_forecast_are_no_figures_of_the_event():
    cl = [sent("a1", "a", "Four killed", "Related: Four killed as storm hits coast", 4, category="killed",
               report="2024-01-02"),
          sent("b1", "b", "at least 300 people", "The quake killed at least 300 people.", 300, "ge",
               category="killed", report="2024-01-02"),
          sent("c1", "c", "500", "We expect the toll to rise to 500 as teams reach the valleys.", 500,
               category="killed", counted="toll", report="2024-01-02"),
          sent("d1", "d", "about 310 people", "Officials said about 310 people had died.", 310, "approx",
               category="killed", report="2024-01-02")]
    assert kinds_of(run(cl)[0], "conflict") == []


def test_a_magnitude_without_a_counted_word_is_compared_with_its_digits_as_written():
    cl = [sent("a1", "a", "6.0", "The quake measured 6.0 on the Richter scale.", 6.0, category="other", counted=""),
          sent("b1", "b", "6.3", "The magnitude 6.3 quake struck at dawn.", 6.3, category="other", counted="")]
    assert kinds_of(run(cl)[0], "conflict") == ["conflict"]


def test_decimals_as_written_set_the_precision():
    assert iv.from_figure(7.0, 7.0, 7.0, "exact", {}, integer=False, text="7.0") == iv.Interval(6.95, 7.05)
    assert iv.from_figure(7, 7, 7, "exact", {}, integer=False, text="7") == iv.Interval(7, 7)
    assert iv.from_figure(2.5e6, None, None, "exact", {}, integer=False, text="2.5 million").low == 2.45e6


def test_a_distinct_group_is_a_part_not_a_rival_figure():
    cl = [sent("a1", "a", "two officers", "Police said two officers were injured.", 2, category="injured",
               counted="officers", report="2024-03-09"),
          sent("b1", "b", "dozens were injured", "The union said dozens were injured.", None, "range", low=12,
               high=120, category="injured", counted="injured", report="2024-03-09")]
    assert kinds_of(run(cl)[0], "conflict") == []


def test_the_missing_may_fall_and_the_rescued_rise_between_reports():
    cl = [sent("a1", "a", "60 people", "Officials said 60 people are still missing.", 60, report="2024-07-01"),
          sent("b1", "b", "25 people", "The coastguard said 25 people are still missing.", 25, report="2024-07-02")]
    assert kinds_of(run(cl)[0], "conflict", "update") == ["update"]
    cl = [sent("a1", "a", "80 survivors", "Boats picked up 80 survivors.", 80, counted="survivors",
               report="2024-07-01"),
          sent("b1", "b", "130 survivors", "Divers have found 130 survivors.", 130, counted="survivors",
               report="2024-07-02")]
    assert kinds_of(run(cl)[0], "conflict", "update") == ["update"]


def test_a_figure_stated_as_expanded_is_an_update():
    cl = [sent("a1", "a", "30 km", "Divers searched an area of 30 km.", 30, category="area", counted="km",
               report="2024-07-01"),
          sent("b1", "b", "90 km", "The search area was expanded to 90 km.", 90, category="area", counted="km",
               report="2024-07-02")]
    assert kinds_of(run(cl)[0], "conflict", "update") == ["update"]


def test_a_bare_number_called_the_figure_of_a_crowd_counts_the_crowd():
    cl = [sent("a1", "a", "more than 80,000 people", "Organisers said more than 80,000 people marched.", 80000, "gt",
               report="2024-03-09"),
          sent("b1", "b", "about 12,000", "Police put the number at about 12,000.", 12000, "approx",
               category="other", counted="", report="2024-03-09")]
    found = conflicts(run(cl)[0])
    assert len(found) == 1 and set(found[0].claims) == {"a1", "b1"}


def test_time_near_linear_with_days_hedges_and_roles():
    import random

    def corpus(n, seed):
        rnd = random.Random(seed)
        out = []
        for i in range(n):
            day = None if rnd.random() < 0.1 else f"2024-07-{rnd.randint(1, 20):02d}"
            r = rnd.random()
            if r < 0.1:
                c = sent(f"s{i:05d}", f"src{i:05d}", "hundreds of people", "hundreds of people were rescued.", None,
                         "range", low=100, high=1000, report=day, date=day)
            elif r < 0.5:
                v = rnd.randint(50, 400)
                verb = rnd.choice(["died", "were rescued", "are missing"])
                c = sent(f"s{i:05d}", f"src{i:05d}", f"{v} people", f"Officials said {v} people {verb}.", v,
                         category="killed" if verb == "died" else "people", report=day, date=day)
            else:
                v = rnd.randint(50, 400)
                c = sent(f"s{i:05d}", f"src{i:05d}", f"at least {v} people", f"at least {v} people died.", v, "ge",
                         category="killed", report=day, date=day)
            out.append(c)
        return out

    t1, t4 = best_time(corpus(500, 500), 2), best_time(corpus(2000, 2000), 2)
    assert t4 < 10 * t1 + 0.05, (t1, t4)


def test_a_forecast_word_elsewhere_in_the_sentence_leaves_the_figure_a_count():
    cl = [sent("a1", "a", "40 people", "The storm, which could hit the coast again, killed 40 people.", 40,
               category="killed", report="2024-01-02"),
          sent("b1", "b", "90 people", "The storm killed 90 people.", 90, category="killed", report="2024-01-02")]
    assert kinds_of(run(cl)[0], "conflict") == ["conflict"]


def test_a_nationwide_figure_is_another_whole_than_one_citys():
    cl = [sent("a1", "a", "about 20,000 people", "Police said about 20,000 people marched in the city.", 20000,
               "approx", report="2024-03-09"),
          sent("b1", "b", "more than 300,000 people", "Across the country more than 300,000 people marched in 40 "
               "cities.", 300000, "gt", report="2024-03-09"),
          sent("c1", "c", "400,000 people", "The union said 400,000 people marched nationwide.", 400000,
               report="2024-03-09")]
    assert kinds_of(run(cl)[0], "conflict") == []


# ------------------------------------------------------------------ a story that lasts days

def test_a_tally_as_of_each_report_is_an_update_when_the_days_differ():
    # a wildfire: Saturday's paper gives the burned area on Saturday, Sunday's the area "now"
    cl = [sent("a1", "a", "18,000 hectares", "The agency put the burned area at 18,000 hectares on Saturday.",
               18000, category="area", counted="hectares", report="2024-08-03", date="2024-08-02",
               date_source="sentence", date_window=("2024-08-03", "2024-08-03")),
          sent("b1", "b", "21,000 hectares", "The blaze has now scorched 21,000 hectares.", 21000,
               category="area", counted="hectares", report="2024-08-04", date="2024-08-02",
               date_source="present", date_window=("2024-08-04", "2024-08-04"))]
    assert kinds_of(run(cl)[0], "conflict", "update") == ["update"]
    # the same two figures about the same day are a conflict
    cl[1] = sent("b1", "b", "21,000 hectares", "The fire scorched 21,000 hectares on Saturday.", 21000,
                 category="area", counted="hectares", report="2024-08-04", date="2024-08-02",
                 date_source="sentence", date_window=("2024-08-03", "2024-08-03"))
    assert kinds_of(run(cl)[0], "conflict", "update") == ["conflict"]


def test_a_figure_dated_only_by_its_report_is_not_about_a_later_day():
    # 1,200 (reported Saturday) conflicts with ~1,000 on Saturday, not with Sunday's 1,600
    cl = [sent("a1", "a", "1,200 firefighters", "The chief said 1,200 firefighters were on the lines.", 1200,
               counted="firefighters", report="2024-08-03", date_source="report",
               date_window=("2024-07-28", "2024-08-03")),
          sent("b1", "b", "Nearly 1,000 firefighters", "Nearly 1,000 firefighters were battling it on Saturday.",
               1000, "approx", counted="firefighters", report="2024-08-03", date_source="sentence",
               date_window=("2024-08-03", "2024-08-03")),
          sent("c1", "c", "Some 1,600 firefighters", "Some 1,600 firefighters are now fighting it.", 1600, "approx",
               counted="firefighters", report="2024-08-04", date_source="present",
               date_window=("2024-08-04", "2024-08-04"))]
    found = conflicts(run(cl)[0])
    assert [sorted(f.claims) for f in found] == [["a1", "b1"]]


def test_those_ordered_to_leave_those_who_left_and_those_in_shelters_are_different_counts():
    cl = [sent("a1", "a", "About 12,000 residents", "About 12,000 residents were ordered to leave their homes.",
               12000, "approx", counted="residents", report="2024-08-03"),
          sent("b1", "b", "More than 30,000 people", "More than 30,000 people evacuated from towns in the county.",
               30000, "gt", report="2024-08-03"),
          sent("c1", "c", "About 2,300 people", "About 2,300 people spent the night in Red Cross shelters.",
               2300, "approx", report="2024-08-03")]
    assert conflicts(run(cl)[0]) == []
    cl.append(sent("d1", "d", "5,000 people", "Officials said 5,000 people had evacuated.", 5000,
                   report="2024-08-03"))
    assert [sorted(f.claims) for f in conflicts(run(cl)[0])] == [["b1", "d1"]]


def test_a_duration_that_says_when_is_no_figure_of_the_event():
    cl = [sent("a1", "a", "Four years", "Four years ago the party won 69 seats.", 4, category="duration",
               counted="years"),
          sent("b1", "b", "eight years", "The result ends eight years of Alliance rule.", 8, category="duration",
               counted="years")]
    assert conflicts(run(cl)[0]) == []
    # two lengths of the same thing do meet
    cl = [sent("a1", "a", "eight years", "The result ends eight years of Alliance rule.", 8, category="duration",
               counted="years"),
          sent("b1", "b", "ten years", "The vote ends ten years of Alliance rule.", 10, category="duration",
               counted="years")]
    assert [sorted(f.claims) for f in conflicts(run(cl)[0])] == [["a1", "b1"]]


def test_figures_of_different_owners_are_not_rivals_and_of_the_same_owner_are():
    # an election: each party's seats are their own figure; two papers on one party's seats disagree
    cl = [sent("a1", "a", "84 seats", "The Labour Party won 84 seats in Sunday's vote.", 84, category="other",
               counted="seats"),
          sent("a2", "a", "41 seats", "The Liberal Union took 41 seats.", 41, category="other", counted="seats"),
          sent("b1", "b", "78 seats", "Jo Reyes's Labour Party secured a majority of 78 seats.", 78,
               category="other", counted="seats"),
          sent("b2", "b", "41 seats", "The Liberal Union of outgoing premier Sam Holt won 41 seats.", 41,
               category="other", counted="seats")]
    found = run(cl)[0]
    assert [sorted(f.claims) for f in conflicts(found)] == [["a1", "b1"]]
    assert any(f.kind == "agreement" and sorted(f.claims) == ["a2", "b2"] for f in found)
    # a speaker is not the owner: "Acme said 300 jobs" and "Acme cut 500 jobs" are one company's figures
    cl = [sent("a1", "a", "300 jobs", "Acme said 300 jobs would go at the plant.", 300, category="other",
               counted="jobs"),
          sent("b1", "b", "500 jobs", "Acme will cut 500 jobs at the plant.", 500, category="other", counted="jobs")]
    assert [sorted(f.claims) for f in conflicts(run(cl)[0])] == [["a1", "b1"]]


def test_a_share_of_a_total_is_the_figure_and_the_total_a_denominator():
    # "820 of the region's 2,140 schools were closed": 820 meets the union's 1,462, the 2,140 meets nothing
    cl = [sent("a1", "a", "820", "The ministry said 820 of the region's 2,140 public schools were closed.", 820,
               category="other", counted="public schools", part_of="a2"),
          sent("a2", "a", "2,140 public schools", "The ministry said 820 of the region's 2,140 public schools were "
               "closed.", 2140, category="other", counted="public schools"),
          sent("b1", "b", "1,462 schools", "Union members closed 1,462 schools, the union said.", 1462,
               category="other", counted="schools")]
    found = conflicts(run(cl)[0])
    assert [sorted(f.claims) for f in found] == [["a1", "b1"]]


def test_a_place_alone_scopes_the_figure_after_it():
    cl = [sent("a1", "a", "1,240 buildings", "In Kalvik alone, 1,240 buildings were damaged.", 1240,
               category="other", counted="buildings"),
          sent("b1", "b", "1,900 buildings", "The ministry said 1,900 buildings had been damaged.", 1900,
               category="other", counted="buildings")]
    assert conflicts(run(cl)[0]) == []


def test_those_pulled_from_the_water_are_not_those_on_board():
    cl = [sent("a1", "a", "171 people", "The coast guard said 171 people had been pulled from the water.", 171),
          sent("b1", "b", "more than 220 people", "There were more than 220 people on board, survivors said.", 220,
               "gt")]
    assert conflicts(run(cl)[0]) == []


def test_how_many_were_on_board_does_not_change_between_days():
    cl = [sent("a1", "a", "210 passengers", "The ferry was carrying 210 passengers on Saturday.", 210,
               counted="passengers", report="2026-03-08", date_source="sentence",
               date_window=("2026-03-07", "2026-03-07")),
          sent("b1", "b", "198 passengers", "The port's copy of the manifest listed 198 passengers on Sunday.", 198,
               counted="passengers", report="2026-03-09", date_source="sentence",
               date_window=("2026-03-08", "2026-03-08"))]
    assert kinds_of(run(cl)[0], "conflict", "update") == ["conflict"]


def test_a_kind_listed_beside_others_is_a_part_of_the_generic_figure():
    # "12 crew and 210 passengers": passengers are some of those on board, not all of them
    cl = [sent("a1", "a", "12 crew", "The ferry was carrying 12 crew and 210 passengers.", 12, counted="crew",
               group="g"),
          sent("a2", "a", "210 passengers", "The ferry was carrying 12 crew and 210 passengers.", 210,
               counted="passengers", group="g"),
          sent("a3", "a", "12 crew and 210 passengers", "The ferry was carrying 12 crew and 210 passengers.", 222,
               counted="crew and passengers", group="g", derived=True, parts=("a1", "a2")),
          sent("b1", "b", "210 passengers", "The company gave a figure of 210 passengers on board.", 210,
               counted="passengers"),
          sent("c1", "c", "more than 220 people", "Survivors said more than 220 people were on board.", 220, "gt")]
    found = conflicts(run(cl)[0])
    assert not any("b1" in f.claims and "c1" in f.claims for f in found), [f.explanation for f in found]


def test_shelters_past_a_number_and_residents_of_one_town():
    cl = [sent("a1", "a", "4,200 people", "The Red Cross said 4,200 people spent the night in 37 emergency shelters, "
               "while the rest of the evacuees stayed with relatives.", 4200),
          sent("b1", "b", "About 18,000 people", "About 18,000 people have been evacuated since Monday.", 18000,
               "approx"),
          sent("c1", "c", "nearly 7,000 residents of the town", "The mayor said nearly 7,000 residents of the town "
               "had been moved to higher ground.", 7000, "approx", counted="residents of the town")]
    assert conflicts(run(cl)[0]) == []


def test_an_increment_and_a_part_named_first_are_not_the_whole():
    cl = [sent("a1", "a", "three more bodies", "The toll rose after rescuers recovered three more bodies.", 3,
               category="killed", counted="bodies", report="2025-08-05"),
          sent("b1", "b", "At least 14 people", "At least 14 people were killed in the crash.", 14, "ge",
               category="killed", report="2025-08-05"),
          sent("a2", "a", "31", "Of the 96 people injured, 31 were still in hospital on Tuesday.", 31,
               category="injured", counted="", report="2025-08-05"),
          sent("b2", "b", "About 100", "About 100 were injured, doctors said.", 100, "approx", category="injured",
               counted="", report="2025-08-05")]
    assert conflicts(run(cl)[0]) == []


def test_those_trapped_are_not_those_rescued():
    cl = [sent("a1", "a", "At least 31 miners", "At least 31 miners were trapped underground.", 31, "ge",
               counted="miners", report="2025-03-11"),
          sent("b1", "b", "Nine miners", "Nine miners were pulled out alive on Tuesday.", 9, counted="miners",
               report="2025-03-11")]
    assert conflicts(run(cl)[0]) == []


def test_the_crowd_and_its_participants_are_one_count():
    cl = [sent("a1", "a", "about 8,000", "Police estimated the crowd at about 8,000.", 8000, "approx", counted="crowd"),
          sent("b1", "b", "between 4,500 and 5,000 participants", "The protest gathered between 4,500 and 5,000 "
               "participants, the police inspectorate said.", None, "range", low=4500, high=5000,
               counted="participants")]
    assert [sorted(f.claims) for f in conflicts(run(cl)[0])] == [["a1", "b1"]]


def test_the_injured_who_died_later_are_added_to_the_toll():
    cl = [sent("a1", "a", "Two injured passengers", "Two injured passengers died in hospital on Tuesday.", 2,
               category="killed", counted="injured passengers", report="2025-08-05"),
          sent("b1", "b", "At least 14 people", "At least 14 people were killed in the crash.", 14, "ge",
               category="killed", report="2025-08-05")]
    assert conflicts(run(cl)[0]) == []


def test_families_are_households_not_a_people_total():
    cl = [sent("a1", "a", "Some 1,200 families", "Some 1,200 families fled the fighting.", 1200, "approx",
               counted="families"),
          sent("b1", "b", "an estimated 4,000 people", "OCHA said an estimated 4,000 people had been displaced.", 4000,
               "approx")]
    assert conflicts(run(cl)[0]) == []


def test_a_toll_lower_on_a_later_day_is_a_conflict_not_an_update():
    cl = [sent("a1", "a", "at least 27 people", "Clashes that ended on Sunday killed at least 27 people.", 27, "ge",
               category="killed", report="2019-08-05", date_source="sentence", date_window=("2019-08-04", "2019-08-04")),
          sent("b1", "b", "19 people", "The hospital said on Monday that 19 people were killed.", 19,
               category="killed", report="2019-08-05", date_source="sentence", date_window=("2019-08-05", "2019-08-05"))]
    assert kinds_of(run(cl)[0], "conflict", "update") == ["conflict"]


def test_a_conflict_inside_a_larger_one_is_not_repeated():
    from crosscheck.model import Finding
    from crosscheck.reconcile import _drop_contained_conflicts
    big = Finding("conflict", "'19' and '19 killed' are below 'at least 27'", "e1", "killed", ("a1", "a2", "b1"), ())
    small = Finding("conflict", "'19 killed' is below 'at least 27'", "e1", "killed", ("a2", "b1"), ())
    other = Finding("conflict", "'19 killed' is below 'at least 27'", "e2", "killed", ("a2", "b1"), ())
    gap = Finding("gap", "only one source", "e1", "killed", ("a2",), ())
    assert _drop_contained_conflicts({big, small, other, gap}) == {big, other, gap}


def test_one_singular_head_for_every_plural():
    from crosscheck.reconcile import _noun_head
    assert [_noun_head(w) for w in ("families", "casualties", "buses", "people", "seats", "crew")] == \
        ["family", "casualty", "bus", "people", "seat", "crew"]
    assert _noun_head("casualties") == _noun_head("casualty")
