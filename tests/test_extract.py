"""Rules of the extract stage, each on a news sentence written for the test.

The figures are given by hand (``fig``), so these tests check the counted thing, category,
attribution, composition, modality, ids and offsets, not the numbers grammar.
"""
import re

import pytest

from crosscheck import extract as ex
from crosscheck.config import Config, load_config
from crosscheck.model import Article, Quantity

_QUAL = [("An estimated", "approx"), ("At Least", "ge"), ("more than", "gt"), ("over", "gt"), ("at least", "ge"), ("about", "approx"), ("some", "approx"),
         ("approximately", "approx"), ("nearly", "lt"), ("fewer than", "lt")]
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "seven": 7, "a dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000}


def _parse(t):
    qual = "exact"
    for w, q in _QUAL:
        if t.lower().startswith(w + " "):
            qual, t = q, t[len(w) + 1:]
    num = t.split()[0] if t[0].isdigit() or t[:1] == "$" else t
    if re.fullmatch(r"[\d,.]+-[\d,.]+", num):
        lo, hi = (float(x.replace(",", "")) for x in num.split("-"))
        return None, lo, hi, "range"
    v = _WORDS.get(num.lower()) or float(re.sub(r"[^\d.]", "", num))
    lo, hi = v, v
    if qual in ("gt", "ge"):
        hi = None
    if qual in ("lt", "le"):
        lo = None
    return v, lo, hi, qual


def run(text, figures, units=None, config=None, doc="a.txt", body_start=0):
    """Extract with the numbers stage replaced: ``figures`` are the quantity phrases, in order."""
    units = units or {}

    def fake(sentence, grammar=None):
        out = []
        for f in figures:
            for m in re.finditer(r"(?<![\w,.])" + re.escape(f) + r"(?![\w])", sentence):
                v, lo, hi, qual = _parse(f)
                unit, unit_text = units.get(f, (None, None))
                out.append(Quantity(m.start(), m.end(), f, v, lo, hi, qual, unit=unit, unit_text=unit_text,
                                    num_start=m.start(), num_end=m.end()))
        return sorted(out)

    orig = ex.find_quantities
    ex.find_quantities = fake
    try:
        return ex.extract_claims(Article(doc=doc, text=text, body_start=body_start), config)
    finally:
        ex.find_quantities = orig


def one(text, figure, **kw):
    cs = [c for c in run(text, [figure], **kw) if not c.derived]
    assert len(cs) == 1, cs
    return cs[0]


# ---------------------------------------------------------------- ids, offsets, body

def test_ids_and_offsets_index_the_file_text():
    text = "---\ntitle: Convoy\npublished: 2017-03-18\n---\nAbout 300 people left on 12 buses.\n"
    body = text.index("About")
    cs = run(text, ["About 300", "12"], body_start=body)
    assert [c.id for c in cs] == [f"a.txt:{body}", f"a.txt:{text.index('12 buses')}"]
    for c in cs:
        assert text[c.start:c.end] == c.text
        assert text[c.sent_start:c.sent_start + len(c.sentence)] == c.sentence
    assert cs[0].text == "About 300 people"
    assert cs[1].text == "12 buses"


def test_front_matter_is_not_body():
    text = "---\ntitle: 300 killed\n---\nNothing here.\n"
    assert run(text, ["300"], body_start=text.index("Nothing")) == []


def test_every_quantity_becomes_a_claim_even_without_a_counted_thing():
    cs = run("The index rose to 7,001 on Tuesday.", ["7,001"])
    assert len(cs) == 1 and cs[0].category == "other"


# ---------------------------------------------------------------- counted thing and category

@pytest.mark.parametrize("sentence,figure,counted,category", [
    ("Rebels said 300 militants left the enclave on Friday.", "300", "militants", "fighters"),
    ("The deal covers 1,065 civilians from the besieged town.", "1,065", "civilians", "civilians"),
    ("At least 600 Russian soldiers were deployed in the district.", "At least 600", "Russian soldiers", "soldiers"),
    ("Police said two suicide bombers blew themselves up.", "two", "suicide bombers", "fighters"),
    ("The convoy of 50 buses left at dawn.", "50", "buses", "vehicles"),
    ("Some 20 trucks carried flour into the city.", "Some 20", "trucks", "vehicles"),
    ("Firefighters rescued 14 residents of the tower.", "14", "residents of the tower", "people"),
    ("Troops found seven storehouses of ammunition in the old city.", "seven", "storehouses of ammunition", "other"),
    ("The army evacuated more than 400 terrorists and members of their families from the suburb.",
     "more than 400", "terrorists and members of their families", "people"),
    ("It oversaw the evacuation of approximately 36,000 armed people and their relatives, without fighting.",
     "approximately 36,000", "armed people and their relatives", "people"),
    ("More Than 35 Killed in Suicide Attack on Military Facilities", "More Than 35", "killed", "killed"),
    ("Officials said 12 were injured when the roof collapsed.", "12", "injured", "injured"),
    ("Three others are missing and 40 were wounded.", "40", "wounded", "injured"),
    ("The death toll rose to 42 on Sunday, officials said.", "42", "death toll", "killed"),
    ("The number of evacuees reached 3,000 by nightfall.", "3,000", "evacuees", "people"),
    ("The road is more than 350 kilometers long.", "more than 350", "kilometers", "distance"),
    ("All rebels are due to depart within about six weeks.", "about six", "weeks", "duration"),
    ("One person was killed in the blast.", "One", "person", "killed"),
    ("One person was rescued from the rubble.", "One", "person", "people"),
    ("Heavy rain fell on 3 Homs districts overnight.", "3", "Homs districts", "other"),
    # people counted by a verb of harm
    ("The blast killed at least 12 people on Sunday.", "at least 12", "people", "killed"),
    ("The strike injured 40 civilians near the market.", "40", "civilians", "injured"),
    ("Some 15 soldiers were killed in the ambush.", "Some 15", "soldiers", "killed"),
    ("About 30 migrants died when the boat capsized.", "About 30", "migrants", "killed"),
    ("The quake left 200 people dead.", "200", "people", "killed"),
    ("The quake left 200 people homeless.", "200", "people", "people"),
    ("Police evacuated 300 residents.", "300", "residents", "people"),
    # title-case headlines
    ("300 Militants Leave Homs After Deal", "300", "militants", "fighters"),
    ("At Least 600 Russian Soldiers Deployed", "At Least 600", "Russian Soldiers", "soldiers"),
    ("12 Protesters Arrested in Paris", "12", "protesters", "people"),    # "arrested", reported as people
])
def test_counted_thing_and_category(sentence, figure, counted, category):
    c = one(sentence, figure)
    assert (c.counted, c.category) == (counted, category)


@pytest.mark.parametrize("sentence, text, category", [
    # a share is not money, though "cent" is a coin
    ("Turnout was about 60 per cent, officials said.", "about 60 per cent", "other"),
    ("Turnout was 62.4 percent.", "62.4 percent", "other"),
    ("The bill cost 60 cents more.", "60 cents", "money"),
    ("Four foreign nationals were among those freed.", "Four foreign nationals", "people"),
])
def test_category_with_the_real_numbers_stage(sentence, text, category):
    cs = [c for c in ex.extract_claims(Article(doc="a.txt", text=sentence)) if not c.derived]
    assert [(c.text, c.category) for c in cs] == [(text, category)]


def test_unit_of_measure_from_numbers_stage():
    c = one("The pledge of $4.2bn was announced.", "$4.2bn", units={"$4.2bn": ("USD", "$")})
    assert c.category == "money" and c.counted == "$"
    c = one("The road is 350 km long.", "350 km", units={"350 km": ("kilometre", "km")})
    assert (c.counted, c.category) == ("km", "distance")


def test_user_lexicon_extends_categories():
    base = load_config().data
    data = dict(base)
    data["lexicon"] = dict(base["lexicon"], children={"words": ["children", "kids"], "people_like": True},
                           vehicles={"words": base["lexicon"]["vehicles"]["words"] + ["tuk-tuk"]})
    cfg = Config(data)
    assert one("Aid reached 200 children in the camp.", "200", config=cfg).category == "children"
    assert one("He hired 30 tuk-tuks for the trip.", "30", config=cfg).category == "vehicles"
    assert one("Aid reached 200 children in the camp.", "200").category == "people"


def test_lemmatised_heads_match_singular_and_plural():
    assert one("A single bus carried 1 militant out.", "1").category == "fighters"
    assert one("Police shot 45 gunmen.", "45").category == "fighters"
    assert one("The ministry sent 9 servicemen.", "9").category == "soldiers"
    assert one("Floods damaged 120 lorries.", "120").category == "vehicles"


# ---------------------------------------------------------------- back-reference and parts

def test_of_them_is_a_part_of_the_group_just_mentioned():
    text = ("The governor said the deal provides for the withdrawal of 10,000 people from the city. "
            "About 4,500-5,000 of them are militants, and the rest are their relatives.")
    whole, part = run(text, ["10,000", "About 4,500-5,000"])
    assert part.text == "About 4,500-5,000 of them are militants"
    assert (part.counted, part.category) == ("militants", "fighters")
    assert part.part_of == whole.id
    assert part.qualifier == "range" and (part.low, part.high) == (4500, 5000)


def test_of_them_without_a_predicate_takes_the_group_counted():
    text = "More than 2,000 migrants reached the island. At least 300 of them were taken to hospital."
    whole, part = run(text, ["More than 2,000", "At least 300"])
    assert part.part_of == whole.id and part.counted == "migrants" and part.category == "injured"
    text = "More than 2,000 migrants reached the island. At least 300 of them came from Libya."
    whole, part = run(text, ["More than 2,000", "At least 300"])
    assert part.part_of == whole.id and (part.counted, part.category) == ("migrants", "people")


def test_including_sets_part_of():
    text = "Some 2500 people left the city with the convoy, including 700 militants."
    whole, part = run(text, ["Some 2500", "700"])
    assert part.part_of == whole.id and whole.part_of is None
    assert part.group is None


def test_listed_parts_share_a_group_and_a_derived_total():
    text = "The first group totaled 300 militants and 1,065 civilians, officials said."
    cs = run(text, ["300", "1,065"])
    a, b, total = cs
    assert a.group == b.group == a.id
    assert total.derived and total.parts == (a.id, b.id)
    assert (total.value, total.qualifier, total.category) == (1365, "exact", "people")
    assert total.id == a.id + "+" and total.start == a.start and total.end == b.end
    assert text[total.start:total.end] == total.text == "300 militants and 1,065 civilians"


def test_open_bound_part_makes_an_open_total():
    cs = run("They freed 40 soldiers and more than 100 civilians.", ["40", "more than 100"])
    total = cs[-1]
    assert total.derived and total.qualifier == "gt" and total.low == 140 and total.high is None


def test_no_derived_total_for_unlike_things():
    cs = run("The convoy had 50 buses and 30 trucks.", ["50", "30"])
    assert len(cs) == 2 and cs[0].group == cs[1].group and not any(c.derived for c in cs)


def test_figures_apart_in_a_sentence_are_not_a_list():
    cs = run("The evacuees left on board 50 buses with more than 30 trucks to follow.", ["50", "more than 30"])
    assert [c.group for c in cs] == [None, None]


# ---------------------------------------------------------------- attribution

@pytest.mark.parametrize("text,figure,who", [
    ("The governor of Homs Talal Barazi said that the deal covers 10,000 people.", "10,000", "Talal Barazi"),
    ("Talal al-Barazi, Homs’ governor, told the media outlet that the group includes over 1,500 people.",
     "over 1,500", "Talal al-Barazi"),
    ("The first buses carrying 300 rebels departed early on Saturday, state-run SANA news agency reported.",
     "300", "SANA"),
    ("The evacuees left on board 50 buses, a correspondent from AFP noted.", "50", "AFP"),
    ("On Monday, the Russian Defense Ministry reported the withdrawal of more than 400 rebels.",
     "more than 400", "Russian Defense Ministry"),
    ("“The road is more than 350 kilometers long,” said Lieutenant General Aleksey Kim, head of the centre.",
     "more than 350", "Aleksey Kim"),
    ("According to the UN refugee agency UNHCR, 5,000 people crossed the border.", "5,000", "UNHCR"),
    ("As Russian President Vladimir Putin stated last Friday, 100,000 civilians were rescued.",
     "100,000", "Vladimir Putin"),
    ("About 70 people were arrested, as cited by RIA Novosti.", "70", "RIA Novosti"),
    ("At least 600 soldiers will reportedly be deployed, while radicals will regroup, analysts say.",
     "At least 600", None),
    ("Syrian Observatory for Human Rights director Rami Abdulrahman told AFP that 25 fighters died.",
     "25", "Rami Abdulrahman"),
    ("Christian communities left the city with more than 138,000 people.", "more than 138,000", None),
])
def test_said_by(text, figure, who):
    assert one(text, figure).said_by == who


def test_surname_and_pronoun_resolve_to_the_named_person():
    text = ("Anatoly Tsyganok, the head of the Center for Military Forecasting, told Sputnik the road was long.\n\n"
            "“It became known after the talks on the withdrawal of 400 militants. The rest will follow,” Tsyganok said.\n\n"
            "He added that 20 buses were ready.")
    a, b = run(text, ["400", "20"])
    assert a.said_by == "Anatoly Tsyganok"
    assert b.said_by == "Anatoly Tsyganok"


def test_later_the_governor_refers_back_to_the_named_one():
    text = ("Homs governor Talal Barazi told state TV the exit went well.\n\n"
            "According to the governor, 1,200 people left on Saturday.")
    assert one(text, "1,200").said_by == "Talal Barazi"


def test_spelling_variant_of_a_surname_resolves():
    text = ("Talal al-Barazi, Homs’ governor, told reporters that the deal held.\n"
            "About 800 people left on Sunday, al-Barrazi told AP.")
    assert one(text, "About 800").said_by == "Talal al-Barazi"


def test_a_reported_paragraph_continues_its_source_but_not_into_the_next():
    text = ("The governor of Homs Talal Barazi said that the deal covers 10,000 people. "
            "About 4,500-5,000 of them are militants.\n\n"
            "The first group totaled 300 militants.")
    cs = run(text, ["10,000", "About 4,500-5,000", "300"])
    assert [c.said_by for c in cs] == ["Talal Barazi", "Talal Barazi", None]


# ---------------------------------------------------------------- modality

@pytest.mark.parametrize("text,figure,modality", [
    ("Some 10,000 people are expected to leave the district.", "Some 10,000", "forecast"),
    ("At least 600 soldiers will be deployed in the district.", "At least 600", "forecast"),
    ("All 2,000 rebels are due to depart within six weeks.", "2,000", "plan"),
    ("The agreement provides for the withdrawal of 10,000 people.", "10,000", "plan"),
    ("The governor said the main point of the agreement was the withdrawal of 10,000 people.", "10,000", "plan"),
    ("The first group includes over 1,500 people who will be taken to Jarablus.", "over 1,500", "count"),
    ("Some 2500 people left the city with the convoy on Sunday.", "Some 2500", "count"),
    ("The road which is more than 350 kilometers long will be protected.", "more than 350", "count"),
])
def test_modality(text, figure, modality):
    assert one(text, figure).modality == modality


# ---------------------------------------------------------------- order

def test_claims_in_document_order_with_totals_after_their_parts():
    text = ("Headline: 5 killed\n\nThe attack killed 3 soldiers and 2 civilians. "
            "Later 14 buses arrived.")
    cs = run(text, ["5", "3", "2", "14"])
    real = [c for c in cs if not c.derived]
    assert [c.start for c in real] == sorted(c.start for c in real)
    ids = [c.id for c in cs]
    assert ids.index(cs[1].id) < ids.index(cs[1].id + "+") < ids.index(real[-1].id)


# ---------------------------------------------------------------- found on other outlets' sentences

def test_vague_quantities_count_the_noun_after_of():
    assert (one("Dozens of people were killed Friday in the shooting.", "Dozens").counted) == "people"
    c = one("The plume extends hundreds of miles into space.", "hundreds")
    assert (c.counted, c.category) == ("miles", "distance")


def test_unit_kind_from_quantulum_tables_when_the_lexicon_lacks_the_unit():
    c = one("The route covers 40 furlongs.", "40 furlongs", units={"40 furlongs": ("furlong", "furlongs")})
    assert c.category == "distance"
    c = one("It sold for RM31.20 a share.", "RM31.20", units={"RM31.20": ("MYR", "RM")})
    assert c.category == "money"


@pytest.mark.parametrize("text,figure,who", [
    ("Jyske Bank in Denmark announced that it will charge 7 customers.", "7", "Jyske Bank"),
    ("Police said 3 people died in the crash.", "3", "Police"),
    ("Hextar Technologies added 15 sen to close at RM2.70.", "15", None),
    ("It was noted that 15 people left, and more said Montana in a statement.", "15", None),
    ("But I'm told to expect 5 more buses.", "5", None),
])
def test_said_by_on_other_outlets(text, figure, who):
    assert one(text, figure).said_by == who


def test_a_reported_account_runs_on_for_two_sentences_only():
    text = ("Officials said the convoy was large. It had 40 buses. It had 30 trucks. "
            "Later 20 cars joined.")
    assert [c.said_by for c in run(text, ["40", "30", "20"])] == ["Officials", "Officials", None]


def test_a_verb_of_harm_covers_the_whole_list_and_its_total():
    cs = run("The raid killed 3 soldiers and 2 civilians.", ["3", "2"])
    assert [c.category for c in cs] == ["killed", "killed", "killed"]
    assert cs[-1].derived and cs[-1].value == 5
    cs = run("Four soldiers and 2 civilians were wounded.", ["Four", "2"])
    assert [c.category for c in cs if not c.derived] == ["injured", "injured"]


def test_a_restated_amount_in_brackets_follows_its_original():
    cs = run("He said the government would provide 100 billion lira ($5.3 billion) in relief.",
             ["100 billion lira", "$5.3 billion"],
             units={"100 billion lira": ("lira", "lira"), "$5.3 billion": ("USD", "$")})
    assert [c.modality for c in cs] == ["forecast", "forecast"]
    assert [c.category for c in cs] == ["money", "money"]


def test_trailing_source_does_not_run_on_into_the_next_sentence():
    text = ("Rescuers pulled 3 children from the ruins, state broadcaster TRT reported. "
            "Around 200 aftershocks have shaken the region.")
    assert [c.said_by for c in run(text, ["3", "Around 200"])] == ["TRT", None]


def test_long_toll_phrase_before_the_figure():
    c = one("The death toll from the earthquake that struck Turkey and Syria rose to more than 11,000 on Wednesday.",
            "more than 11,000")
    assert (c.counted, c.category) == ("death toll", "killed")


def test_coordinated_modifiers_and_according_to_a_list_of_sources():
    c = one("They deployed more than 60,000 search and rescue personnel.", "more than 60,000")
    assert (c.counted, c.category) == ("search and rescue personnel", "people")
    c = one("In Syria, 2,662 people have been killed, according to the government and a rescue service.", "2,662")
    assert (c.said_by, c.category) == ("government", "killed")


@pytest.mark.parametrize("text,figure,modality,category", [
    ("Under the deal signed in March, 300 militants left the district.", "300", "count", "fighters"),
    ("The 11 members bound by the deal committed to a cut.", "11", "count", "people"),
    ("An estimated 5 million children under the age of five died last year.", "An estimated 5 million",
     "count", "killed"),
])
def test_deal_nouns_govern_only_their_objects_and_harm_after_a_phrase(text, figure, modality, category):
    c = one(text, figure)
    assert (c.modality, c.category) == (modality, category)


@pytest.mark.parametrize("text,figure,who", [
    ("The ministry's spokesman, Igor Konashenkov, said 20 tanks were destroyed.", "20", "Igor Konashenkov"),
    ("The Syrian Observatory for Human Rights, a Britain-based monitor, said 40 people were hurt.", "40",
     "Syrian Observatory for Human Rights"),
    ("300 trucks crossed, said Stephane Dujarric, a UN spokesman.", "300", "Stephane Dujarric"),
    ("Health Minister Ahmed Hassan told reporters that 40 people were hurt.", "40", "Ahmed Hassan"),
    ("Officials in Homs said 40 people were hurt.", "40", "Officials"),
])
def test_said_by_appositives_and_titles(text, figure, who):
    assert one(text, figure).said_by == who


def test_of_whom_in_the_same_sentence():
    whole, part = run("Some 1,500 people left, 700 of whom were militants.", ["Some 1,500", "700"])
    assert part.part_of == whole.id and (part.counted, part.category) == ("militants", "fighters")


@pytest.mark.parametrize("text,figure,category", [
    ("Thousands protest in capital", "Thousands", "people"),
    ("The union said 3.5 million took part.", "3.5 million", "people"),
    ("About 30 died when the boat capsized.", "About 30", "killed"),
    ("The ministry estimated the crowd at 42,000.", "42,000", "people"),
    ("The index closed at 7,001.", "7,001", "other"),
])
def test_bare_figures_counted_by_their_verb_or_noun(text, figure, category):
    assert one(text, figure).category == category


def test_currency_names_written_out_are_money():
    assert one("The budget adds 1.5 billion shekels for defence.", "1.5 billion").category == "money"
    assert one("Clients with more than 7.5 million Danish crowns pay the fee.", "more than 7.5 million").category == "money"


@pytest.mark.parametrize("text,figure,who", [
    ("He said Osler has 59 users with a total of 12 million of claims, ranging widely.", "59", None),
    ("Diageo, which is the biggest spirits company, said the move will enable 8 new lines.", "8", "Diageo"),
    ("An additional 15 miles for the Volt's EPA-estimated range was added.", "15", None),
])
def test_said_by_not_from_nouns_or_clauses(text, figure, who):
    assert one(text, figure).said_by == who


def test_three_part_list_with_its_subsets():
    text = "Some 2,000 people left, including 300 militants, 1,065 civilians and 40 children."
    whole, a, b, c, total = run(text, ["Some 2,000", "300", "1,065", "40"])
    assert a.group == b.group == c.group == a.id
    assert [x.part_of for x in (a, b, c)] == [whole.id] * 3
    assert total.derived and total.parts == (a.id, b.id, c.id) and total.value == 1405
    assert total.part_of == whole.id


def test_a_users_numbers_lists_reach_the_extractor(tmp_path):
    """A user's config that adds an identifier noun ("berth 39") stops that number being a claim."""
    from crosscheck.config import load_config
    from crosscheck.extract import extract_claims
    from crosscheck.model import Article

    art = Article(doc="a.txt", text="The ferry docked at berth 39 with 120 passengers on board.")
    before = [c.text for c in extract_claims(art, load_config())]
    cfg = tmp_path / "user.toml"
    cfg.write_text('[numbers_not_claims]\nidentifier_nouns = ["berth"]\n', encoding="utf-8")
    after = [c.text for c in extract_claims(art, load_config(str(cfg)))]
    assert any(t.startswith("39") for t in before)
    assert not any(t.startswith("39") for t in after) and any("120" in t for t in after)


@pytest.mark.parametrize("sentence, share, total, counted", [
    ("The ministry said 820 of the region's 2,140 public schools were closed.", "820", "2,140 public schools",
     "public schools"),
    ("The party won 84 of 150 seats in Sunday's election.", "84", "150 seats", "seats"),
])
def test_a_share_of_a_total_counts_the_totals_thing_and_is_part_of_it(sentence, share, total, counted):
    cs = {c.text: c for c in ex.extract_claims(Article(doc="a.txt", text=sentence))}
    assert cs[share].counted == counted and cs[share].part_of == cs[total].id


def test_a_comma_without_an_and_is_an_apposition_not_a_list():
    text = "FVT members closed 1,462 schools, more than two-thirds of the region's total."
    cs = [c for c in ex.extract_claims(Article(doc="a.txt", text=text))]
    assert not any(c.group or c.derived for c in cs)
    text = "The ferry carried 300 passengers, 20 crew and 5 guards."
    cs = [c for c in ex.extract_claims(Article(doc="a.txt", text=text))]
    assert [c.value for c in cs if c.derived] == [325]


@pytest.mark.parametrize("sentence, text, counted", [
    ("The release of 681 of the army and popular committees' prisoners was announced.",
     "681 of the army and popular committees' prisoners", "prisoners"),
    ("He freed 400 of the aggression's mercenaries.", "400 of the aggression's mercenaries", "mercenaries"),
    ("Twelve of the dead were children.", "Twelve of the dead", "dead"),
])
def test_a_partitive_counts_the_noun_after_an_owner(sentence, text, counted):
    cs = [c for c in ex.extract_claims(Article(doc="a.txt", text=sentence)) if not c.derived]
    assert [(c.text, c.counted) for c in cs] == [(text, counted)]


@pytest.mark.parametrize("sentence, text", [
    ("Forecasters expect the heat to peak on Wednesday, with up to 47C possible in the valley.", "up to 47C"),
    ("The alert was extended, with highs of between 44C and 46C expected on Thursday.", "between 44C and 46C"),
])
def test_a_figure_with_a_postposed_forecast_word_is_a_forecast(sentence, text):
    cs = {c.text: c for c in ex.extract_claims(Article(doc="a.txt", text=sentence))}
    assert cs[text].modality == "forecast"
