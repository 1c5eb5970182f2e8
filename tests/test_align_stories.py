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
