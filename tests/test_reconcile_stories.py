"""Reconcile alone on the stories corpus: the tool's own claims, but the gold events (and,
in a second run, whole stories lumped into one event each, as an over-eager aligner would).
What is left to find is reconcile's job: every gold conflict, and no false one."""
import json

import pytest
from click.testing import CliRunner

from crosscheck.cli import cli
from crosscheck.config import load_config
from crosscheck.model import Claim, Document, Event
from crosscheck.reconcile import reconcile
from test_stories import GOLD, ROOT, _span, score

LUMPED_OUT = ("background", "storm_related", "quake_2011", "speedboat_march")


@pytest.fixture(scope="module")
def out():
    res = CliRunner().invoke(cli, ["report", str(ROOT), "--json", "--no-cache", "-q", "--executor", "serial"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def _with_events(out, lump):
    """The output's claims and documents with gold events (publication dates from the gold too)."""
    spans = [(g["doc"], _span(g["doc"], g["quote"], g.get("after")), g["event"]) for g in GOLD["claims"]]
    event_of = {}
    for p in out["claims"]:
        for doc, (s, e), ev in spans:
            if doc == p["doc"] and p["start"] < e and s < p["end"]:
                event_of[p["id"]] = ev
                break
    claims = []
    for p in out["claims"]:
        d = {k: v for k, v in p.items() if k in Claim.__dataclass_fields__}
        d["parts"], d["date_window"] = tuple(d.get("parts") or ()), tuple(d.get("date_window") or ())
        ev = event_of.get((p.get("parts") or [None])[0] if p.get("derived") else p["id"])
        if lump and ev and not any(w in ev for w in LUMPED_OUT):
            ev = p["doc"][0]
        d["event"] = ev
        d["report_date"] = GOLD["documents"][p["doc"]].get("published") or d.get("report_date")
        claims.append(Claim(**d))
    events = [Event(id=e, label=v["label"], date=v["date"], background="background" in e)
              for e, v in GOLD["events"].items()] + [Event(id=x, label=x, date=None) for x in "abc"]
    docs = []
    for d in out["documents"]:
        dd = {k: v for k, v in d.items() if k in Document.__dataclass_fields__}
        dd["headline_dates"] = tuple(tuple(x) for x in dd.get("headline_dates") or ())
        dd["published"] = GOLD["documents"][d["doc"]].get("published") or dd.get("published")
        docs.append(Document(**dd))
    findings, _ = reconcile(claims, events, docs, load_config())
    return {**out, "claims": [c.to_json() for c in claims], "findings": [f.to_json() for f in findings]}


@pytest.mark.parametrize("lump", [False, True], ids=["gold-events", "one-event-per-story"])
def test_reconcile_finds_every_gold_conflict_and_no_false_one(out, lump):
    card = score(_with_events(out, lump))
    text = json.dumps({k: v for k, v in card.items() if "conflict" in k}, default=str)[:2000]
    assert not card["false_conflicts"], text
    assert card["conflicts_found"] and all(card["conflicts_found"].values()), text
