"""Claims built from the gold facts fixture (shared by the timeline tests and measurements)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from crosscheck.model import Article, Claim

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
