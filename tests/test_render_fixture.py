"""A hand-made Result over the seed articles, for the renderer and check tests; golden-file helpers.

The claims, events and findings come from tests/fixtures/seeds_facts.json (the answer key),
the article texts from seeds/. Nothing here runs the pipeline, so renderer tests do not
move when the extraction stages change. The tests below check the fixture itself.

Golden files live in tests/golden/; CROSSCHECK_UPDATE_GOLDEN=1 rewrites them.
"""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from crosscheck.render._common import one_line
from crosscheck.model import Article, Claim, Document, Estimate, Event, Finding, Result, replace

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "tests" / "golden"
FACTS = json.loads((ROOT / "tests" / "fixtures" / "seeds_facts.json").read_text(encoding="utf-8"))

D0, D1, D2, D3, D4 = sorted(FACTS["documents"])

# Findings of the answer key, with explanations written the way reconcile words them.
FIXTURE_FINDINGS = [
    ("conflict", "first_convoy", "people", ("c03+c04", "c09"), (),
     f"300 militants + 1,065 civilians = 1,365 people ({D0}) is below 'over 1,500 people' ({D4})"),
    ("conflict", "first_convoy", "fighters", ("c03", "c06", "c08"), (),
     f"300 militants ({D0}) against 400 militants ({D1}, {D3}: the same text) in the same first group"),
    ("tension", "first_convoy", "people", ("c03+c04", "c05"), (),
     f"1,365 people ({D0}) fits 'more than 400' ({D1}) only because that bound is open above"),
    ("agreement", "first_convoy", "people", ("c05", "c09"), (),
     f"'more than 400' ({D1}) and 'over 1,500 people' ({D4}) overlap; weak, both are lower bounds"),
    ("duplicate", None, None, ("c05", "c07"), (D1, D3),
     f"{D1}'s first story and {D3} are the same text: one source, not two"),
    ("gap", "plan", None, ("c01", "c02"), (D0,),
     f"the planned total (10,000 people, 4,500-5,000 militants) has a single source ({D0})"),
    ("gap", "final_convoy", None, ("c10", "c11", "c12", "c13"), (D2,),
     f"the final convoy (some 2500 people incl. 700 militants, 50 buses, 30+ trucks) has a single source ({D2})"),
    ("gap", "first_convoy", "civilians", ("c04",), (D0,),
     f"only {D0} breaks the first group down; {D4}, {D1} and {D3} give no civilian count"),
    ("gap", None, None, (), (D0, D4),
     f"{D0} and {D4} carry no publication date: 'early on Saturday' in {D4} cannot be anchored"),
]

FIXTURE_ESTIMATES = [
    ("first_convoy", "fighters", 300, 300, 400, "range of the sources; best: the source with the breakdown",
     ("c03", "c06", "c08")),
    ("first_convoy", "people", 1365, 1365, None, "sum of parts; open above by 'over 1,500'", ("c03+c04", "c09")),
    ("final_convoy", "people", 2250, 2500, 2750, "approx ±10%", ("c10",)),
]


def _sentence(text: str, start: int, end: int):
    """The sentence around [start, end): from the last '. ' or newline before to the next after."""
    s = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
            text.rfind("\n", 0, start) + 1)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    e = min(ends) + 1 if ends else len(text)
    return text[s:e].strip(), s


def build_result() -> Result:
    articles = {p.name: Article(doc=p.name, text=p.read_text(encoding="utf-8"), source=f"seeds/{p.name}",
                                published=FACTS["documents"][p.name]["published"])
                for p in sorted(SEEDS.glob("*.txt"))}
    events_meta = FACTS["events"]
    claims = []
    for f in FACTS["claims"]:
        text = articles[f["doc"]].text
        sentence, sent_start = _sentence(text, f["start"], f["end"])
        ev = events_meta[f["event"]]
        claims.append(Claim(
            id=f["id"], doc=f["doc"], start=f["start"], end=f["end"], text=text[f["start"]:f["end"]],
            value=f.get("value"), low=f.get("low", f.get("value")), high=f.get("high", f.get("value")),
            qualifier=f["qualifier"], counted=f["counted"], category=f["category"], sentence=sentence,
            sent_start=sent_start, said_by=f.get("said_by"), part_of=f.get("part_of"), event=f["event"],
            date=ev["date"]))
    by_id = {c.id: c for c in claims}
    a, b = by_id["c03"], by_id["c04"]
    claims.append(Claim(id="c03+c04", doc=a.doc, start=a.start, end=b.end,
                        text=articles[a.doc].text[a.start:b.end], value=1365, low=1365, high=1365,
                        qualifier="exact", counted="people", category="people", sentence=a.sentence,
                        sent_start=a.sent_start, derived=True, parts=("c03", "c04"), event=a.event, date=a.date))
    claims = [replace(c, high=None) if c.qualifier in ("gt", "ge") else c for c in claims]
    by_id = {c.id: c for c in claims}
    events = []
    for eid, meta in events_meta.items():
        mine = [c for c in claims if c.event == eid]
        events.append(Event(id=eid, label=meta["label"], date=meta["date"],
                            docs=tuple(sorted({c.doc for c in mine})), claims=tuple(c.id for c in mine)))
    findings = [Finding(kind=k, explanation=x, event=e, category=cat, claims=cl,
                        docs=docs or tuple(sorted({by_id[i].doc for i in cl})))
                for k, e, cat, cl, docs, x in FIXTURE_FINDINGS]
    estimates = [Estimate(event=e, category=cat, low=lo, best=best, high=hi, rule=rule, claims=cl)
                 for e, cat, lo, best, hi, rule, cl in FIXTURE_ESTIMATES]
    documents = [Document(doc=d, published=m["published"], published_from="dateline" if m["published"] else None,
                          anchored=m["published"] is not None) for d, m in sorted(FACTS["documents"].items())]
    return Result(documents=documents, claims=claims, events=events, findings=findings, estimates=estimates,
                  errors=[], articles=articles)


# -- golden files -------------------------------------------------------------

def normalise(text: str, *paths) -> str:
    """No absolute paths (tmp folders, the checkout), no trailing spaces, \\n line ends."""
    for p, name in [(p, "<TMP>") for p in paths] + [(ROOT, "<REPO>")]:
        text = text.replace(str(p), name)
    text = text.replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def assert_golden(name: str, text: str) -> None:
    """Compare ``text`` with tests/golden/NAME; CROSSCHECK_UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("CROSSCHECK_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}: run with CROSSCHECK_UPDATE_GOLDEN=1 to write it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (f"{name} differs from its golden file; if the change is intended, "
                              f"regenerate with CROSSCHECK_UPDATE_GOLDEN=1")


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.row, self.cell, self.depth = [], None, None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.depth += 1
            self.out.append(f"[table {dict(attrs).get('class', '')}]")
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.out.append(" | ".join(self.row))
            self.row = None
        elif tag == "table":
            self.depth -= 1
            self.out.append("")

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def html_tables(html: str) -> str:
    """The text of every table in a page, one row a line: what a golden file can compare."""
    p = _Tables()
    p.feed(html)
    return "\n".join(p.out) + "\n"


# -- the fixture is what it says ---------------------------------------------

def test_fixture_quotes_match_the_seed_text_at_their_offsets():
    r = build_result()
    for c in r.claims:
        if not c.derived:
            fact = next(f for f in FACTS["claims"] if f["id"] == c.id)
            # the seeds hold no-break spaces where the answer key has plain ones
            assert one_line(r.articles[c.doc].text[c.start:c.end]) == one_line(fact["quote"])
            assert c.text in c.sentence


def test_fixture_findings_name_known_claims_and_events():
    r = build_result()
    ids = {c.id for c in r.claims}
    events = {e.id for e in r.events}
    for f in r.findings:
        assert set(f.claims) <= ids
        assert f.event is None or f.event in events
    assert [f.kind for f in r.findings].count("conflict") == 2
