"""Inputs for the reconcile tests: the seeds' gold facts as Claim/Event/Document objects.

The fixture gives claims, events and offsets; what the other stages would add is set here,
as they are meant to produce it: the composition of "300 militants and 1,065 civilians" (one
group), 001 as a copy of 003 (dedup), publication dates, and which relative dates cannot be
anchored (timeline). Nothing here states a finding.
"""
from __future__ import annotations

import json
from pathlib import Path

from crosscheck.model import Claim, Document, Event

FIXTURE = Path(__file__).parent / "fixtures" / "seeds_facts.json"
SEEDS = Path(__file__).parent.parent / "seeds"

PLACES = {"plan": "al-Waer", "first_convoy": "al-Waer", "final_convoy": "al-Waer",
          "russian_deployment": "al-Waer", "homs_attack": "Homs", "aleppo_evacuation": "Aleppo"}
BACKGROUND = {"homs_background"}
# relative dates the fixture notes as not anchorable in 004 (no dateline)
UNANCHORED_TEXT = {"c09": "early on Saturday", "c26": "earlier this week"}


def _sentence(text: str, start: int, end: int):
    s = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    e = min([i for i in (text.find(".", end), text.find("\n", end)) if i >= 0] or [len(text)])
    return text[s:e + 1].strip(), s + (len(text[s:e + 1]) - len(text[s:e + 1].lstrip()))


def seed_inputs():
    facts = json.loads(FIXTURE.read_text(encoding="utf-8"))
    docs_meta = facts["documents"]
    published = {d: m.get("published") for d, m in docs_meta.items()}
    documents = [Document(doc=d, published=published[d],
                          duplicate_of="003_24ede59f1be8d465.txt" if d.startswith("001_") else None,
                          anchored=not (d.startswith("000_") or d.startswith("004_")))
                 for d in sorted(docs_meta)]
    claims = []
    for c in facts["claims"]:
        text = (SEEDS / c["doc"]).read_text(encoding="utf-8")
        sent, sent_start = _sentence(text, c["start"], c["end"])
        value = c.get("value")
        low = c.get("low", value)
        high = c.get("high", value) if c["qualifier"] not in ("gt", "ge") else None
        if c["qualifier"] in ("lt", "le"):
            low = None
        ev = facts["events"][c["event"]]
        date, date_text = ev["date"], None
        if c["id"] in UNANCHORED_TEXT:
            date, date_text = None, UNANCHORED_TEXT[c["id"]]
        claims.append(Claim(
            id=c["id"], doc=c["doc"], start=c["start"], end=c["end"], text=c["quote"],
            value=value, low=low, high=high, qualifier=c["qualifier"], counted=c["counted"],
            category=c["category"], sentence=sent, sent_start=sent_start, said_by=c.get("said_by"),
            part_of=c.get("part_of"), modality="plan" if c["event"] == "plan" else "count", group="g1" if c["id"] in ("c03", "c04") else None,
            event=c["event"], date=date, date_text=date_text, report_date=published[c["doc"]]))
    events = []
    for eid, e in sorted(facts["events"].items()):
        cl = tuple(c.id for c in claims if c.event == eid)
        events.append(Event(id=eid, label=e["label"], date=e["date"],
                            docs=tuple(sorted({c.doc for c in claims if c.event == eid})), claims=cl,
                            place=PLACES.get(eid), background=eid in BACKGROUND))
    return claims, events, documents, facts
