"""Digits that name, point or dial rather than count: phone numbers, clock times, references,
labels, footnote markers; and the bare number of a gapped clause, which does count.

Every sentence is written for this file in the style of news copy."""
import pytest

from crosscheck.numbers import find_quantities


def texts(sentence):
    return [q.text for q in find_quantities(sentence)]


# ---------------------------------------------------------------- phone numbers in groups
@pytest.mark.parametrize("sentence", [
    "Anyone worried can call the hotline on 0800 555 0143 at any hour.",
    "Relatives were asked to ring +44 161 496 0220 for news.",
    "The embassy can be reached on +44 (0)20 7946 0321.",
    "Bookings: (0161) 496 0220, the theatre said.",
    "The council office is on 0161 496 0220 during the week.",
    "Call 020-7946-0958 to report a sighting.",
    "Readers can call us on 555 0143 with tips.",
    "The helpline: 116 123 is free from any phone.",
    "In an emergency, dial 999.",
    "The mayor's office is on 01 42 76 40 40 in Paris.",
    "Tel: 0117 496 0777 for the press office.",
    "Witnesses should phone 0300 123 4567, quoting the incident.",
])
def test_phone_numbers_are_not_claims(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence, want", [
    ("The hotline took 3,000 calls on its first day.", ["3,000"]),
    ("Officials plan to call 300 reservists back to duty.", ["300"]),
    ("The vote on 555 amendments lasted all night.", ["555"]),
    ("The helpline answered 1,200 calls, up 40% on last year.", ["1,200", "40%"]),
])
def test_counts_near_phone_words_still_count(sentence, want):
    assert texts(sentence) == want


# ---------------------------------------------------------------- clock times
@pytest.mark.parametrize("sentence", [
    "The statement was released at 09.30 GMT on Tuesday.",
    "The border closes by 0930 GMT.",
    "The first explosion was heard at 18.45 local time.",
    "Polls open at 7.30am and close at 9.30pm.",
    "The ferry left at 07.15 with a full deck.",
    "The launch is set for 14.00 UTC.",
])
def test_clock_times_are_not_claims(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence, want", [
    ("The index rose 2.45 points to 18.45 on Monday.", ["2.45", "18.45"]),
    ("The repair took 1.30 hours.", ["1.30 hours"]),
    ("Shares closed at 12.50 in London.", ["12.50"]),
    ("The bank pays 05.25% on savings.", ["05.25%"]),
])
def test_dotted_amounts_that_are_not_times(sentence, want):
    assert texts(sentence) == want


# ---------------------------------------------------------------- references and case numbers
@pytest.mark.parametrize("sentence", [
    "The order, No. 2024/311, was signed on the same day.",
    "In case 17/2023 the judge ruled for the tenants.",
    "Please quote ref. 4471-B in any letter.",
    "The memoir, ISBN 978-0-14-303943-3, sold out.",
    "The permit, file 3318/B/22, was withdrawn.",
    "The ruling in No. 12 was published later.",
])
def test_references_are_not_claims(sentence):
    assert texts(sentence) == []


def test_fractions_and_splits_keep_their_reading():
    assert texts("A fluid ounce is 1/16 of a pint.") == ["1/16"]
    q = find_quantities("A fluid ounce is 1/16 of a pint.")[0]
    assert q.value == pytest.approx(1 / 16)


# ---------------------------------------------------------------- labels, ranges of labels, lists of labels
@pytest.mark.parametrize("sentence", [
    "The drought plan covers zones 3 through 11.",
    "Gates 3–5 were closed after the alarm.",
    "Passengers at Gate 7 waited for hours.",
    "Section 4 of the act was suspended.",
    "Fans in Stand C and rows 10 to 12 were moved.",
    "Terminal 2 was evacuated before noon.",
    "Trains from Platform 9 were cancelled.",
    "Highway 1 remains closed near the coast.",
    "Drivers on Route 66 were stranded.",
    "Allies invoked Article 5 of the treaty.",
    "Bill 214 passed its second reading.",
    "Resolution 1701 ended the war.",
    "Flight 302 crashed shortly after take-off.",
    "The meeting was moved to Room 101.",
    "Level 3 of the car park flooded.",
    "Terminals 2 and 3 were shut.",
    "Gates 4, 5 and 6 reopened at dawn.",
    "Seats in rows 10-12 were empty.",
    "Wards 4 to 6 of the hospital were sealed off.",
])
def test_labels_are_not_claims(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence, want", [
    ("A buffer zone 30 kilometres deep was declared.", ["30 kilometres"]),
    ("Radiation reached levels 3 times the legal limit.", ["3"]),
    ("The bill 300 MPs backed became law.", ["300"]),
    ("Flight 302 carried 150 passengers and six crew.", ["150", "six"]),
    ("Terminals 2 and 3 handled 40,000 passengers.", ["40,000"]),
])
def test_counts_beside_labels_still_count(sentence, want):
    assert texts(sentence) == want


# ---------------------------------------------------------------- footnote markers against headlines
@pytest.mark.parametrize("sentence", [
    "1 The state fire marshal's office said the cause was under investigation.",
    "2 Figures from the health ministry, published weekly.",
    "3 According to the coroner's report.",
    "4 Source: National Statistics Office",
    "[1] The company declined to comment.",
    "¹ The figure includes seasonal workers.",
    "5 Reuters contributed reporting.",
])
def test_footnote_markers_are_not_claims(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence, want", [
    ("35 Killed in Blast", ["35"]),
    ("12 people died when the bus overturned.", ["12"]),
    ("40 Homes Lost as Wildfire Spreads", ["40"]),
    ("12 Palestinians were wounded in the clashes.", ["12"]),
])
def test_headlines_and_sentence_openers_count(sentence, want):
    assert texts(sentence) == want


# ---------------------------------------------------------------- a gapped clause carries its count
@pytest.mark.parametrize("sentence, want", [
    ("The Liberal Party took 41 seats and the Green Union 12.", ["41", "12"]),
    ("The Liberal Party took 41 seats, the Green Union 12 and Labour 30.", ["41", "12", "30"]),
    ("Ministers won 212 votes while the Opposition 198, the clerk said.", ["212", "198"]),
    ("Fife recorded 14 cases and the Scottish Borders 9.", ["14", "9"]),
])
def test_a_gapped_number_after_a_name_is_a_claim(sentence, want):
    assert texts(sentence) == want


@pytest.mark.parametrize("sentence, want", [
    ("The airline ordered 20 jets, including the Boeing 737 and the Airbus 320.", ["20"]),
    ("The Dow fell 1% while the Nasdaq 100 rose.", ["1%"]),
    ("Police arrested 30 people near the Apollo 11 memorial.", ["30"]),
])
def test_names_with_numbers_stay_names(sentence, want):
    assert texts(sentence) == want


def test_spans_are_slices():
    for s in ("The Liberal Party took 41 seats and the Green Union 12.", "35 Killed in Blast"):
        for q in find_quantities(s):
            assert s[q.start:q.end] == q.text


# ---------------------------------------------------------------- ages and service numbers
@pytest.mark.parametrize("sentence", [
    "Survivor Grace Achieng, 52, said she had been asleep in the third carriage.",
    "\"We have never seen June like this,\" said Rocío Márquez, 66, in Seville.",
    "Mr Okafor, 47, said his brother had been on the train.",
    "The region's 112 emergency line was overwhelmed on Sunday.",
    "The Red Cross set up a toll-free line, 1199, for families.",
])
def test_an_age_beside_a_name_and_a_services_number_are_not_claims(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence, want", [
    ("In Homs, 300 people left on Saturday.", ["300"]),
    ("Officials said 12, including 4 children, died.", ["12", "4"]),
    ("Grace Achieng said 52 passengers were hurt.", ["52"]),
    ("The assembly passed a Sh41.7 billion budget.", ["Sh41.7 billion"]),
    ("The R2 road was closed for 3 days.", ["3 days"]),
])
def test_counts_beside_names_and_shillings_still_count(sentence, want):
    assert texts(sentence) == want
