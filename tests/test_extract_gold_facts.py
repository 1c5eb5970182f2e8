"""Counted thing, category, attribution and composition against the hand-made answer key,
independent of the numbers stage: the figures are given at the gold spans, the rest is ours.

The fixture (tests/fixtures/seeds_facts.json) is in the repository; the seed articles are too.
"""
import json
import re
from pathlib import Path

import pytest

from crosscheck import extract as ex
from crosscheck.model import Article, Quantity
from crosscheck.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
FACTS = json.loads((ROOT / "tests" / "fixtures" / "seeds_facts.json").read_text(encoding="utf-8"))
SEEDS = ROOT / "seeds"

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
_QUAL = {"more than": "gt", "over": "gt", "about": "approx", "approximately": "approx", "around": "approx",
         "some": "approx", "at least": "ge"}
_FIGURE = re.compile(r"(?:(?P<q>more than|over|about|approximately|around|some|at least)\s+)?"
                     r"(?P<n>\d[\d,]*(?:-\d[\d,]*)?|" + "|".join(_WORDS) + r")\b", re.I)


def _num(t):
    return float(_WORDS.get(t.lower(), None) or t.replace(",", ""))


def gold_quantities():
    """sentence text -> [Quantity] built from the gold quotes (qualifier + number only)."""
    by_sentence = {}
    for g in FACTS["claims"]:
        text = (SEEDS / g["doc"]).read_text(encoding="utf-8")
        m = _FIGURE.search(text, g["start"], g["end"])
        assert m, g
        se = next(s for s in split_sentences(text) if s.start <= m.start() < s.end)
        sent = text[se.start:se.end]
        n = m.group("n")
        if "-" in n:
            lo, hi = (_num(x) for x in n.split("-"))
            v, qual = None, "range"
        else:
            lo = hi = v = _num(n)
            qual = _QUAL.get((m.group("q") or "").lower(), "exact")
            if qual in ("gt", "ge"):
                hi = None
        a, b = m.start() - se.start, m.end() - se.start
        q = Quantity(a, b, sent[a:b], v, lo, hi, qual, num_start=m.start("n") - se.start,
                     num_end=m.end("n") - se.start)
        by_sentence.setdefault(sent, {})[a] = (q, g)
    return by_sentence


@pytest.fixture(scope="module")
def results():
    table = gold_quantities()
    orig = ex.find_quantities
    ex.find_quantities = lambda s: [q for _, (q, _) in sorted(table.get(s, {}).items())]
    try:
        out = {}
        for doc in sorted({g["doc"] for g in FACTS["claims"]}):
            text = (SEEDS / doc).read_text(encoding="utf-8")
            for c in ex.extract_claims(Article(doc=doc, text=text)):
                out[c.id] = c
    finally:
        ex.find_quantities = orig
    matched = {}
    for g in FACTS["claims"]:
        cands = [c for c in out.values() if c.doc == g["doc"] and not c.derived
                 and c.start < g["end"] and g["start"] < c.end]
        matched[g["id"]] = cands[0] if cands else None
    return matched, out


def _norm(x):
    return (x or "").lower()


def test_every_gold_figure_becomes_one_claim(results):
    matched, _ = results
    assert all(matched.values()), [k for k, v in matched.items() if v is None]


def test_counted_and_category_match_gold(results):
    matched, _ = results
    gold = FACTS["claims"]
    counted = sum(_norm(matched[g["id"]].counted) == _norm(g["counted"]) for g in gold)
    category = sum(matched[g["id"]].category == g["category"] for g in gold)
    misses = [(g["id"], matched[g["id"]].counted, matched[g["id"]].category, g["counted"], g["category"])
              for g in gold if matched[g["id"]].category != g["category"]
              or _norm(matched[g["id"]].counted) != _norm(g["counted"])]
    print(f"counted {counted}/{len(gold)}, category {category}/{len(gold)}", misses)
    assert counted >= 0.9 * len(gold), misses
    assert category >= 0.9 * len(gold), misses


def test_said_by_matches_gold(results):
    matched, _ = results
    gold = FACTS["claims"]
    ok = sum(matched[g["id"]].said_by == g.get("said_by") for g in gold)
    misses = [(g["id"], matched[g["id"]].said_by, g.get("said_by")) for g in gold
              if matched[g["id"]].said_by != g.get("said_by")]
    print(f"said_by {ok}/{len(gold)}", misses)
    assert ok >= 0.85 * len(gold), misses


def test_part_of_matches_gold(results):
    matched, _ = results
    for g in FACTS["claims"]:
        want = g.get("part_of")
        got = matched[g["id"]].part_of
        if want:
            assert got == matched[want].id, (g["id"], got)
        else:
            assert got is None, (g["id"], got)


def test_listed_parts_share_a_group_and_a_derived_total(results):
    matched, out = results
    a, b = matched["c03"], matched["c04"]
    assert a.group and a.group == b.group
    totals = [c for c in out.values() if c.derived and set(c.parts) == {a.id, b.id}]
    assert len(totals) == 1
    t = totals[0]
    assert (t.value, t.qualifier, t.category) == (1365, "exact", "people")
    assert t.id not in {c.id for c in out.values() if not c.derived}


def test_plan_is_not_a_count(results):
    matched, _ = results
    assert matched["c01"].modality == "plan"
    assert matched["c02"].modality == "plan"          # a part of the plan
    for gid in ("c03", "c04", "c05", "c09", "c10", "c11", "c12", "c13"):
        assert matched[gid].modality == "count", gid
