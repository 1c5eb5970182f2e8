"""The seeds: gold claims dated before alignment (no event date may contradict the answer key)."""
import json
import re
from pathlib import Path

import pytest

from crosscheck.model import Article, Claim
from crosscheck.timeline import date_claims

ROOT = Path(__file__).resolve().parent.parent
FACTS = json.loads((ROOT / "tests" / "fixtures" / "seeds_facts.json").read_text(encoding="utf-8"))
GOLD_EVENTS = FACTS["events"]


def seed_article(doc: str, published=True) -> Article:
    text = (ROOT / "seeds" / doc).read_text(encoding="utf-8")
    pub = FACTS["documents"][doc]["published"] if published else None
    return Article(doc=doc, text=text, published=pub)


def gold_claims(doc: str, text: str) -> list:
    out = []
    for g in FACTS["claims"]:
        if g["doc"] != doc:
            continue
        s, e = g["start"], g["end"]
        a = max(text.rfind(". ", 0, s) + 2, text.rfind("\n", 0, s) + 1)
        m = re.search(r"[.!?](?=\s)|\n", text[e:])
        b = e + (m.end() if m else len(text) - e)
        out.append(Claim(id=g["id"], doc=doc, start=s, end=e, text=text[s:e], value=g.get("value"),
                         low=g.get("low"), high=g.get("high"), qualifier=g["qualifier"], counted=g["counted"],
                         category=g["category"], sentence=text[a:b].strip(), sent_start=a))
    return out


EVENT = {g["id"]: g["event"] for g in FACTS["claims"]}


def compatible(got, want):
    return bool(got and want and (got.startswith(want) or want.startswith(got)))


def run(published=True):
    claims, docs = {}, {}
    for doc in FACTS["documents"]:
        art = seed_article(doc, published)
        out, d = date_claims(art, gold_claims(doc, art.text))
        claims.update({c.id: c for c in out})
        docs[doc[:3]] = d
    return claims, docs


@pytest.fixture(scope="module", params=[True, False], ids=["published-from-gold", "published-from-text"])
def seeds(request):
    return run(request.param)


def test_no_dated_gold_claim_contradicts_its_event(seeds):
    claims, _ = seeds
    dated = [i for i in claims if GOLD_EVENTS[EVENT[i]]["date"]]
    wrong = [i for i in dated if claims[i].date and not compatible(claims[i].date, GOLD_EVENTS[EVENT[i]]["date"])]
    right = [i for i in dated if compatible(claims[i].date, GOLD_EVENTS[EVENT[i]]["date"])]
    assert wrong == []
    assert len(dated) == 19 and len(right) >= 9      # measured: 9 of 19 before alignment


def test_what_the_text_itself_gives(seeds):
    c, docs = seeds
    assert c["c01"].date == c["c02"].date == "2017-03-14"          # "on March 14", year from "June 30, 2017"
    assert docs["000"].inferred_year == 2017 and not docs["000"].anchored
    assert (c["c07"].report_date, c["c07"].date_window) == ("2017-03-20", ("2017-03-14", "2017-03-20"))
    assert c["c08"].date == "2017-03"                                # "in mid-March"
    assert {c[i].date for i in ("c10", "c11", "c12", "c13")} == {"2017-05-21"}   # the lede's "on Sunday"
    assert c["c14"].date == "2017-05"                                # "will now be deployed"
    assert ("2017-03-18", "day") in [h[:2] for h in docs["003"].headline_dates]


def test_what_stays_unanchored_keeps_its_expression(seeds):
    c, docs = seeds
    assert (c["c09"].date, c["c09"].date_text) == (None, "early on Saturday")
    assert (c["c05"].date, c["c05"].date_text, c["c05"].date_source) == (None, "On Monday", "report")
    assert (c["c23"].date, c["c23"].date_text) == (None, "Dec 27")   # dateline without a year
    assert (c["c24"].date, c["c24"].date_text) == (None, "last Friday")
    assert (c["c03"].date, c["c03"].date_text) == (None, "Now")      # no publication date for "Now"
    assert not docs["001"].anchored and not docs["004"].anchored


def test_background_figures_get_no_event_date(seeds):
    c, _ = seeds
    for i in ("c15", "c16", "c17", "c18", "c19", "c20", "c21"):
        assert c[i].date is None, (i, c[i].date_text)
