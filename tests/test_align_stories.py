"""News-writing rules of align on invented stories: one story's figures of every kind are one
event; an undated article joins by place; link lines are other stories; identifiers and
organisations are not places; a past verb beats a nearby future phrase."""
from collections import defaultdict

from crosscheck import align as A
from crosscheck.align import align
from crosscheck.model import Article, Claim, Document

FIRE = {
    "f1.txt": ("2024-08-05", "Wildfire forces thousands from homes near Corvale\n\n"
               "CORVALE, Aug 5 (Wire) - A wildfire that broke out on Sunday near Corvale burned 12,000 acres "
               "and destroyed 85 homes, officials said. About 4,000 residents were evacuated along Route 9. "
               "The Forest Rescue Service said 600 firefighters were battling the blaze.\n"
               "Related: Two killed in bus crash on coast road\n"),
    "f2.txt": ("2024-08-06", "Corvale fire: evacuees wait in shelters\n\n"
               "The blaze near Corvale has destroyed 90 homes and 13,500 acres, the county said on Monday. "
               "More than 700 firefighters and 40 water bombers are fighting it.\n"),
    "f3.txt": (None, "Corvale blaze latest\n\n"
               "Firefighters near Corvale said 4,200 people had been evacuated since the fire began on Sunday.\n"),
}
QUOTES = [("f1.txt", "12,000 acres", "fire"), ("f1.txt", "85 homes", "fire"), ("f1.txt", "About 4,000 residents", "residents"),
          ("f1.txt", "600 firefighters", "fire"), ("f1.txt", "Two", "link"), ("f2.txt", "90 homes", "fire"),
          ("f2.txt", "13,500 acres", "fire"), ("f2.txt", "More than 700 firefighters", "fire"),
          ("f2.txt", "40 water bombers", "fire"), ("f3.txt", "4,200 people", "fire")]


def _claims():
    claims, gold = [], {}
    for doc, q, ev in QUOTES:
        text = FIRE[doc][1]
        start = text.index(q)
        left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
        right = text.find(".", start)
        right = len(text) if right < 0 else right + 1
        cat = "killed" if q == "Two" else "people"
        date = "2024-08-04" if "Sunday" in text[left:right] else None
        claims.append(Claim(id=f"{doc}:{start}", doc=doc, start=start, end=start + len(q), text=q, value=1.0,
                            low=1.0, high=1.0, qualifier="exact", counted=q.split()[-1], category=cat,
                            sentence=text[left:right], sent_start=left, date=date,
                            date_precision="day" if date else None, date_source="sentence" if date else None,
                            date_text="on Sunday" if date else None, report_date=FIRE[doc][0]))
        gold[claims[-1].id] = ev
    arts = [Article(doc=d, text=t, published=p) for d, (p, t) in FIRE.items()]
    return arts, [Document(doc=a.doc, published=a.published) for a in arts], claims, gold


def test_one_story_one_event_and_link_line_apart():
    arts, docs, claims, gold = _claims()
    out, events, _ = align(claims, docs, arts)
    got = defaultdict(set)
    for c in out:
        got[gold[c.id]].add(c.event)
    assert len(got["fire"]) == 1, [(c.text, c.event) for c in out]
    assert got["fire"] != got["link"]
    # left: "residents" beside an undated figure still reads as background (see the report)
    fire = next(iter(got["fire"]))
    assert all(c.date == "2024-08-04" for c in out if c.event == fire)


def test_identifiers_and_organisations_are_not_places():
    lex = A._load_lexicon()
    names = lambda t: [n for _, n, _ in A._places(t, lex, False)]
    assert names("Traffic was stopped along Route 9 near Corvale.") == ["Corvale"]
    assert names("Aid came from the Forest Rescue Service and from Corvale.") == ["Corvale"]


def test_past_verb_beats_future_phrase():
    t = "The 39 prisoners were flown home on Tuesday; a second exchange is expected next week."
    i = t.index("39 prisoners")
    assert A._happened(t, i, i + len("39 prisoners"))
    t = "About 200 more are expected to leave next week."
    assert not A._happened(t, 0, 9)


FLOOD = {
    # (published, text); claims: (quote, category, date, date_source, date_text, gold event)
    "w1.txt": ("2025-09-02", "Floods kill dozens in Belvar valley\n\n"
               "BELVAR, Sept 2 (Wire) - Flash floods swept through the Belvar valley on Monday, killing at least 41 people. "
               "The flood reached a depth of 3 metres in the old town, officials said. "
               "In June, a landslide killed 9 people in the same valley. "
               "Since 2010, 12 floods have hit the region. "
               "The governor said 500 soldiers will be sent on Friday.\n"),
    "w2.txt": (None, "BELVAR (Herald) - The toll from the Belvar floods rose to 58 on Wednesday, "
               "and 20 people are missing. Officials expect the toll to reach 70.\n"),
}
FLOOD_CLAIMS = [
    ("w1.txt", "at least 41 people", "killed", "2025-09-01", "sentence", "on Monday", "flood"),
    ("w1.txt", "3 metres", "distance", None, None, None, "flood"),
    ("w1.txt", "9 people", "killed", None, None, "In June", "landslide"),
    ("w1.txt", "12 floods", "other", None, None, None, "bg"),
    ("w1.txt", "500 soldiers", "soldiers", "2025-09-05", "sentence", "on Friday", "plan"),
    ("w2.txt", "58", "killed", None, "sentence", "on Wednesday", "flood"),
    ("w2.txt", "20 people", "people", None, "sentence", "on Wednesday", "flood"),
    ("w2.txt", "70", "killed", None, None, None, "plan"),
]


def _build(stories, specs, modality=lambda q: "count"):
    claims, gold = [], {}
    for doc, q, cat, date, src, dtext, ev in specs:
        text = stories[doc][1]
        start = text.index(q)
        left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, text.rfind(" - ", 0, start) + 3)
        right = text.find(".", start)
        right = len(text) if right < 0 else right + 1
        claims.append(Claim(id=f"{doc}:{start}", doc=doc, start=start, end=start + len(q), text=q, value=1.0,
                            low=1.0, high=1.0, qualifier="exact", counted=q.split()[-1], category=cat,
                            sentence=text[left:right], sent_start=left, date=date,
                            date_precision="day" if date else None, date_source=src, date_text=dtext,
                            report_date=stories[doc][0], modality=modality(q)))
        gold[claims[-1].id] = ev
    arts = [Article(doc=d, text=t, published=p) for d, (p, t) in stories.items()]
    return arts, [Document(doc=a.doc, published=a.published) for a in arts], claims, gold


def test_running_toll_undated_report_month_and_since_year():
    arts, docs, claims, gold = _build(FLOOD, FLOOD_CLAIMS,
                                      modality=lambda q: "forecast" if q in ("500 soldiers", "70") else "count")
    out, events, _ = align(claims, docs, arts)
    got = defaultdict(set)
    for c in out:
        got[gold[c.id]].add(c.event)
    assert all(len(v) == 1 for v in got.values()), [(c.text, c.event) for c in out]
    assert len({next(iter(v)) for v in got.values()}) == len(got), [(c.text, c.event) for c in out]
    flood = next(iter(got["flood"]))
    # the undated report's rising toll belongs to the flood, dated to the day it happened
    assert all(c.date == "2025-09-01" for c in out if c.event == flood)
    by_id = {e.id: e for e in events}
    assert by_id[next(iter(got["bg"]))].background


def test_verb_before_the_figure_and_forecasts():
    cases = [("The death toll has soared past 4,100, and officials fear it could double.", "4,100", True),
             ("Rescuers said the toll rose to 64 on Sunday.", "64", True),
             ("Medics expect the toll to rise to 90 by nightfall.", "90", False),
             ("A third round of talks is expected to free 40 more hostages.", "40 more hostages", False)]
    for text, q, want in cases:
        i = text.index(q)
        assert A._happened(text, i, i + len(q)) is want, text


def test_clock_times_do_not_end_sentences():
    got = [s.text for s in A._split("The tremor hit at 4:10 a.m. (0110 GMT) at a depth of 12 km. Mr. Lee said so.")]
    assert got == ["The tremor hit at 4:10 a.m. (0110 GMT) at a depth of 12 km.", "Mr. Lee said so."]


STRIKE = {
    "s1.txt": (None, "PORTVALE, May 3 (Wire) - About 8,000 dock workers walked out in Portvale on Friday. "
               "Police said 14 pickets were detained. The council, which has 40 members, will vote on the pay deal on May 20.\n"),
    "s2.txt": ("2024-05-04", "Portvale strike: 9,000 walk out\n\n"
               "Some 9,000 workers joined the strike in Portvale on Friday, the union said. "
               "The council, which has 40 members, will vote on the pay deal on May 20.\n"),
}
STRIKE_CLAIMS = [
    ("s1.txt", "About 8,000 dock workers", "people", None, "sentence", "on Friday", "strike"),
    ("s1.txt", "14 pickets", "people", None, None, None, "strike"),
    ("s1.txt", "40 members", "people", None, "sentence", "on May 20", "vote"),
    ("s2.txt", "Some 9,000 workers", "people", "2024-05-03", "sentence", "on Friday", "strike"),
    ("s2.txt", "40 members", "people", "2024-05-20", "sentence", "on May 20", "vote"),
]


def test_undated_wire_joins_by_place_and_a_later_vote_is_its_own_event():
    arts, docs, claims, gold = _build(STRIKE, STRIKE_CLAIMS)
    out, events, _ = align(claims, docs, arts)
    got = defaultdict(set)
    for c in out:
        got[gold[c.id]].add(c.event)
    assert len(got["strike"]) == 1 and len(got["vote"]) == 1, [(c.text, c.event) for c in out]
    assert got["strike"] != got["vote"]
    strike = next(iter(got["strike"]))
    assert all(c.date == "2024-05-03" for c in out if c.event == strike)
