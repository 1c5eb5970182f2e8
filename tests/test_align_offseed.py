"""Align on stories that are not the seeds: an earthquake toll from three outlets and a
protest's crowd size from three outlets, in one run, with the claims a good extract +
timeline chain would hand over (dates only where the article anchors them). The
background figures of one story (two cities' populations in the quake reports) are one
background event, as the seeds' gold has it."""
import re
from collections import defaultdict

from crosscheck.align import align
from crosscheck.dedup import find_duplicates
from crosscheck.model import Article, Claim, Document

ARTICLES = {
    "quake-a.txt": ("2023-02-07", """Quake toll passes 5,000 in Turkey and Syria

A powerful earthquake struck southern Turkey and northern Syria early on Monday, killing more than 5,000 people, officials said on Tuesday. In Turkey alone, 3,419 people were killed and 20,534 injured, the disaster agency said. The province of Kahramanmaras, home to about 1.1 million people, was among the hardest hit. Rescuers pulled 8,000 people from the rubble overnight.
"""),
    "quake-b.txt": ("2023-02-07", """Rescuers in Turkey race against time

The death toll from Monday's earthquake in Turkey rose to 3,381, Vice President Fuat Oktay said on Tuesday. More than 20,000 people were injured in Turkey, he said. About 6,000 buildings collapsed across ten provinces.
"""),
    "quake-c.txt": ("2023-02-06", """Deadly earthquake hits Turkey

At least 1,300 people were killed when a 7.8 magnitude earthquake struck southern Turkey on Monday, officials said. Gaziantep, a city of two million people, lies near the epicentre.
"""),
    "march-d.txt": ("2024-03-10", """Tens of thousands march in Madrid against housing costs

Organisers said 150,000 people marched through central Madrid on Saturday, while police put the crowd at 45,000. It was the largest protest in the capital since 2012. Madrid, a city of 3.3 million people, has seen rents double in a decade.
"""),
    "march-e.txt": ("2024-03-09", """Police estimate 40,000 at Madrid housing protest

About 40,000 people took part in the march in Madrid on Saturday, according to the government delegation. Police arrested 12 people after scuffles near the Puerta del Sol.
"""),
    "march-f.txt": ("2024-03-11", """Madrid marchers demand rent caps

Up to 150,000 people rallied in the Spanish capital on Saturday, organisers said. A second march is planned for April 6 in Barcelona, where organisers expect 100,000 people.
"""),
}

# (doc, quote, category, modality, date the article anchors or None, gold event)
CLAIMS = [
    ("quake-a.txt", "more than 5,000 people", "killed", "count", "2023-02-06", "quake"),
    ("quake-a.txt", "3,419 people", "killed", "count", None, "quake"),
    ("quake-a.txt", "20,534", "injured", "count", None, "quake"),
    ("quake-a.txt", "about 1.1 million people", "people", "count", None, "quake_bg"),
    ("quake-a.txt", "8,000 people", "people", "count", None, "quake"),
    ("quake-b.txt", "3,381", "killed", "count", "2023-02-06", "quake"),
    ("quake-b.txt", "More than 20,000 people", "injured", "count", None, "quake"),
    ("quake-b.txt", "About 6,000 buildings", "other", "count", None, "quake"),
    ("quake-b.txt", "ten provinces", "other", "count", None, "quake"),
    ("quake-c.txt", "At least 1,300 people", "killed", "count", "2023-02-06", "quake"),
    ("quake-c.txt", "7.8 magnitude", "other", "count", "2023-02-06", "quake"),
    ("quake-c.txt", "two million people", "people", "count", None, "quake_bg"),
    ("march-d.txt", "150,000 people", "people", "count", "2024-03-09", "march"),
    ("march-d.txt", "45,000", "people", "count", "2024-03-09", "march"),
    ("march-d.txt", "3.3 million people", "people", "count", None, "march_bg"),
    ("march-e.txt", "About 40,000 people", "people", "count", "2024-03-09", "march"),
    ("march-e.txt", "12 people", "people", "count", None, "march"),
    ("march-f.txt", "Up to 150,000 people", "people", "count", "2024-03-09", "march"),
    ("march-f.txt", "100,000 people", "people", "forecast", "2024-04-06", "barcelona_plan"),
]
EVENT_DATES = {"quake": "2023-02-06", "march": "2024-03-09", "barcelona_plan": "2024-04-06"}


def build():
    arts = [Article(doc=d, text=t, published=p) for d, (p, t) in ARTICLES.items()]
    texts = {a.doc: a.text for a in arts}
    claims, gold = [], {}
    for doc, quote, cat, modality, date, event in CLAIMS:
        text = texts[doc]
        start = text.index(quote)
        left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
        right = text.find(".", start + len(quote))
        while right >= 0 and right + 1 < len(text) and text[right + 1].isdigit():
            right = text.find(".", right + 1)
        cid = f"{doc}:{start}"
        num = float(re.search(r"\d[\d,.]*", quote).group().replace(",", "")) if re.search(r"\d", quote) else None
        claims.append(Claim(id=cid, doc=doc, start=start, end=start + len(quote), text=quote, value=num, low=num,
                            high=num, qualifier="exact", counted=quote.split()[-1], category=cat,
                            sentence=text[left:right + 1], sent_start=left, modality=modality, date=date,
                            date_precision="day" if date else None, report_date=ARTICLES[doc][0]))
        gold[cid] = event
    docs = [Document(doc=a.doc, published=a.published) for a in arts]
    return arts, docs, claims, gold


def test_offseed_stories_align():
    arts, docs, claims, gold = build()
    out, events, graph = align(claims, docs, arts, find_duplicates(arts, docs))
    pred = {c.id: c.event for c in out}
    groups = defaultdict(set)
    for cid, ev in gold.items():
        groups[ev].add(pred[cid])
    # every gold event is one predicted event, and no two gold events share one
    for ev, got in groups.items():
        assert len(got) == 1, (ev, got, [(c.text, c.event) for c in out if gold[c.id] == ev])
    owners = defaultdict(set)
    for ev, got in groups.items():
        owners[next(iter(got))].add(ev)
    assert all(len(v) == 1 for v in owners.values()), owners
    by_id = {e.id: e for e in events}
    for ev, date in EVENT_DATES.items():
        e = by_id[next(iter(groups[ev]))]
        assert e.date == date and not e.background
        assert all(c.date == date for c in out if gold[c.id] == ev)
    for ev in ("quake_bg", "march_bg"):
        assert by_id[next(iter(groups[ev]))].background
    assert "Madrid" in by_id[next(iter(groups["march"]))].label
    assert "Barcelona" in by_id[next(iter(groups["barcelona_plan"]))].label


def test_offseed_no_duplicates_between_outlets():
    arts, docs, _, _ = build()
    assert dict(find_duplicates(arts, docs)) == {}


def test_same_stage_same_day_in_two_towns_are_two_events_and_spellings_merge():
    texts = {
        "ev-a.txt": ("2018-03-25", "The first convoy carrying 1,100 people left Harasta on Saturday, state media said. "
                     "Separately, the first group of 900 fighters left Douma on Saturday.\n"),
        "ev-b.txt": ("2018-03-25", "About 1,000 people departed from Harasta on Saturday in the first convoy, "
                     "a monitor said.\n"),
        "ev-c.txt": ("2018-03-26", "The first batch of 950 rebels left the town of Dhouma on Saturday, officials said.\n"),
    }
    arts = [Article(doc=d, text=t, published=p) for d, (p, t) in texts.items()]
    quotes = [("ev-a.txt", "1,100 people", "harasta"), ("ev-a.txt", "900 fighters", "douma"),
              ("ev-b.txt", "About 1,000 people", "harasta"), ("ev-c.txt", "950 rebels", "douma")]
    claims, gold = [], {}
    for doc, q, ev in quotes:
        text = texts[doc][1]
        start = text.index(q)
        left = text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0
        right = text.index(".", start) + 1
        claims.append(Claim(id=f"{doc}:{start}", doc=doc, start=start, end=start + len(q), text=q, value=1.0,
                            low=1.0, high=1.0, qualifier="exact", counted=q.split()[-1], category="people",
                            sentence=text[left:right], sent_start=left, date="2018-03-24", date_precision="day",
                            date_text="on Saturday", report_date=texts[doc][0]))
        gold[claims[-1].id] = ev
    out, events, _ = align(claims, [Document(doc=a.doc, published=a.published) for a in arts], arts)
    pred = {c.id: c.event for c in out}
    by_gold = defaultdict(set)
    for cid, ev in gold.items():
        by_gold[ev].add(pred[cid])
    assert all(len(v) == 1 for v in by_gold.values()), by_gold
    assert by_gold["harasta"] != by_gold["douma"]
