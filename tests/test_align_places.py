"""Places, triggers and background cues read from sentences of news English."""
import pytest

from crosscheck import align as A


@pytest.fixture(scope="module")
def lex():
    return A._load_lexicon()


def names(text, lex):
    return [n for _, n, _ in A._places(text, lex, A._is_title(text))]


def test_spellings_merge_and_different_names_do_not(lex):
    p = A._Places()
    for n in ("al-Waer", "al-Wyer", "al-Wayer", "Al-Waer", "Homs", "Hama", "Idlib", "Raqqa", "Rakka"):
        p.add(n)
    p.merge()
    assert p.key("al-Wyer") == p.key("al-Wayer") == p.key("al-Waer") == p.key("Al-Waer")
    assert p.key("Homs") != p.key("Hama")
    assert len({p.key(n) for n in ("Homs", "Hama", "Idlib", "al-Waer")}) == 4


def test_containment_from_district_of_and_possessive(lex):
    p = A._Places()
    for name, cont in [(n, c) for _, n, c in A._places("Fighting went on in Syria's Homs on Friday.", lex, False)]:
        p.add(name, cont)
    for m in A._CONTAINS.finditer("They held the Karm al-Zeitoun district of Homs for years."):
        p.add(m.group(1), m.group(2))
    p.merge()
    assert p.key("Syria") in p.closure([p.key("Homs")])
    assert p.key("Homs") in p.closure([p.key("Karm al-Zeitoun")])


def test_places_after_prepositions_not_destinations_people_or_agencies(lex):
    got = names("Some 2,000 people left the Old City of Kirkuk on Sunday, a correspondent from AFP said.", lex)
    assert "Kirkuk" in got and "AFP" not in got
    assert names("The evacuees will be taken to the northern edge of Aleppo province.", lex) == []
    assert names("Buses carried them from Douma towards camps in Idlib.", lex) == ["Douma"]
    assert "Assad" not in " ".join(names("The amnesty was granted by decree of President Assad.", lex))
    assert names("It helps to understand the importance of Mosul, a city of 1.5 million people.", lex)[0] == "Mosul"
    assert names("The governor of Nineveh Najm al-Jubouri said the road was open.", lex) == ["Nineveh"]


def feats(text, lex, year=2020):
    return A._sent_feats(A._Sent(0, len(text), text, 0), lex, year)


def test_triggers_phases_and_background_cues(lex):
    f = feats("The first convoy of 40 buses departed from the camp early on Tuesday.", lex)
    assert {t[2] for t in f["trig"]} == {"leave"} and f["ords"][0][2] == "first"
    f = feats("The final batch of evacuees left the town.", lex)
    assert f["ords"][0][2] == "last"
    f = feats("Under the deal, 3,000 fighters are due to leave by the end of the month.", lex)
    assert f["plan"] and not f["ords"]
    assert {t[2] for t in feats("At least 12 people were killed and 40 wounded.", lex)["trig"]} == {"harm"}
    assert {t[2] for t in feats("Police arrested 30 protesters as thousands marched.", lex)["trig"]} == {"protest"}
    # the month is not a march
    assert not feats("Talks resumed in mid-March and again on March 3.", lex)["trig"]
    assert feats("The town, home to 20,000 people, lies on the river.", lex)["bg_strong"]
    assert feats("The war has killed more than 350,000 people since 2011.", lex)["bg_strong"]
    assert not feats("More than 350 people were killed on Monday.", lex)["bg_strong"]
    assert feats("Fighting there has gone on since the start of the war.", lex)["bg_weak"]
    assert feats("The city fell to rebels in 2014.", lex, year=2017)["bg_weak"]
    assert not feats("The city fell to rebels in 2017.", lex, year=2017)["bg_weak"]
    # an ordinal beside a word that is not a group is no phase
    assert not feats("It was the first time the talks took place in the third largest city.", lex)["ords"]


def _one_article(tmp_path, body):
    """(claim by text, event by id) of a one-article run, published on Wednesday 2026-06-03."""
    from crosscheck import run
    (tmp_path / "a.txt").write_text("Published June 3, 2026\n\nHARLOW - " + body + "\n", encoding="utf-8")
    res = run([str(tmp_path)], cache=False, executor="serial")
    return {c.text: c for c in res.claims}, {e.id: e for e in res.events}


def test_a_measurement_its_own_sentence_dates_is_no_background_but_a_rate_is(tmp_path):
    by, ev = _one_article(tmp_path, "About 18,000 people have been evacuated from towns along the River Oster "
                          "since Monday, officials said on Wednesday. The Oster peaked at 7.82 metres at the Harlow "
                          "gauge late on Tuesday. The ferry line carries about 1.2 million passengers a year.")
    assert not ev[by["7.82 metres"].event].background
    assert ev[by["about 1.2 million passengers"].event].background


def test_residents_who_were_moved_out_are_no_background(tmp_path):
    by, ev = _one_article(tmp_path, "About 18,000 people have been evacuated from towns along the River Oster "
                          "since Monday, officials said. In Harlow, the worst-hit town, 6,500 residents were moved "
                          "out of low-lying districts, the mayor said.")
    assert not ev[by["6,500 residents"].event].background
    assert by["6,500 residents"].event == by["About 18,000 people"].event


def test_the_response_to_a_happening_is_an_event_of_its_own(tmp_path):
    by, ev = _one_article(tmp_path, "The earthquake killed at least 57 people on Monday, officials said. The "
                          "government released an emergency fund of $11 million and sent 18 tonnes of tents and "
                          "blankets to the region.")
    assert by["$11 million"].event != by["at least 57 people"].event
    assert ev[by["$11 million"].event].trigger == "aid"
    assert "aid and relief" in ev[by["$11 million"].event].label


def test_who_a_place_employs_is_background(tmp_path):
    by, ev = _one_article(tmp_path, "At least 31 miners were trapped after a shaft collapsed on Monday, officials "
                          "said. The site employed about 150 people.")
    assert ev[by["about 150 people"].event].background


def test_an_agencys_possessive_is_no_container(lex):
    assert A._clean_place_uncached("SARC's Homs", lex) == [("Homs", None)]
    assert A._clean_place_uncached("Syria's Homs", lex) == [("Homs", "Syria"), ("Syria", None)]
