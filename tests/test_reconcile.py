"""Reconcile on the seeds' gold facts with the gold events (tests/reconcile_inputs.py)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_reconcile_inputs import seed_inputs  # noqa: E402

from crosscheck.config import load_config  # noqa: E402
from crosscheck.reconcile import reconcile  # noqa: E402


@pytest.fixture(scope="module")
def seeds():
    claims, events, documents, facts = seed_inputs()
    findings, estimates = reconcile(claims, events, documents, load_config())
    return findings, estimates, facts


def _kind(findings, kind):
    return [f for f in findings if f.kind == kind]


def _touches(f, side):
    """A finding covers a gold side 'c03+c04' when it lists any of its claims (the scorer's rule)."""
    return bool(set(side.split("+")) & set(f.claims))


def test_both_gold_conflicts_found_and_no_other(seeds):
    findings, _, facts = seeds
    conflicts = _kind(findings, "conflict")
    gold = [g for g in facts["findings"] if g["kind"] == "conflict"]
    for g in gold:
        assert any(all(_touches(f, side) for side in g["claims"]) for f in conflicts), g["why"]
    # every predicted conflict is one of the gold ones
    for f in conflicts:
        assert any(all(_touches(f, side) for side in g["claims"]) for g in gold), f.explanation
    assert len(conflicts) == len(gold)


def test_conflict_explanations_carry_the_arithmetic(seeds):
    findings, _, _ = seeds
    people = [f for f in _kind(findings, "conflict") if f.category == "people"][0]
    assert "300 militants + 1,065 civilians = 1,365 people" in people.explanation
    assert "over 1,500 people" in people.explanation and "1,501" in people.explanation
    assert set(people.claims) == {"c03", "c04", "c09"}
    fighters = [f for f in _kind(findings, "conflict") if f.category == "fighters"][0]
    assert set(fighters.claims) == {"c03", "c06", "c08"}


def test_more_than_400_beside_1365_is_not_a_conflict(seeds):
    findings, _, _ = seeds
    t = [f for f in findings if "c05" in f.claims and {"c03", "c04"} <= set(f.claims)]
    assert t and all(f.kind in ("tension", "agreement") for f in t)


def test_lower_bounds_agree_weakly(seeds):
    findings, _, _ = seeds
    ag = _kind(findings, "agreement")
    assert any({"c05", "c09"} <= set(f.claims) for f in ag)


def test_plan_and_background_not_compared(seeds):
    findings, _, _ = seeds
    plan = {"c01", "c02", "c26"}
    background = {"c15", "c16", "c17", "c18", "c19", "c20", "c21"}
    for f in findings:
        if f.kind in ("conflict", "tension", "agreement", "update"):
            assert not (set(f.claims) & (plan | background)), f.explanation


def test_gaps(seeds):
    findings, _, _ = seeds
    gaps = _kind(findings, "gap")
    by_event = {(f.event, f.category) for f in gaps}
    assert ("final_convoy", None) in by_event                # a single source
    assert ("first_convoy", "civilians") in by_event         # a breakdown only 000 gives
    assert any(f.event == "plan" and "c01" in f.claims and "people only from 000_" in f.explanation for f in gaps)
    timeline = [f for f in gaps if "2017-03-18" in f.explanation and "2017-05-21" in f.explanation]
    assert len(timeline) == 1 and "10,000" in timeline[0].explanation
    undated = [f for f in gaps if f.docs == ("004_28f3cce3a5980af7.txt",) and "early on Saturday" in f.explanation]
    assert undated and "c09" in undated[0].claims
    assert not any(f.event == "homs_background" for f in gaps)


def test_duplicate(seeds):
    findings, _, _ = seeds
    dup = _kind(findings, "duplicate")
    assert len(dup) == 1 and {"c05", "c07", "c06", "c08"} <= set(dup[0].claims)


def test_estimates(seeds):
    _, estimates, _ = seeds
    est = {(e.event, e.category): e for e in estimates}
    fighters = est[("first_convoy", "fighters")]
    assert (fighters.low, fighters.best, fighters.high) == (270, 350, 440)
    assert "median of 2 independent source" in fighters.rule
    assert est[("plan", "people (forecast)")].best == 10000
    assert not any(e.event == "homs_background" for e in estimates)


def test_deterministic_order():
    runs = []
    for rev in (False, True):
        claims, events, documents, _ = seed_inputs()
        if rev:
            claims, events, documents = claims[::-1], events[::-1], documents[::-1]
        runs.append(reconcile(claims, events, documents))
    assert runs[0] == runs[1]


def test_policy_from_user_config(tmp_path):
    """A user's config changes the named policies: exact figures as points, a wider 'approx'."""
    claims, events, documents, _ = seed_inputs()
    cfg = tmp_path / "cc.toml"
    cfg.write_text('[policy]\nexact = "point"\napprox = 0.5\n', encoding="utf-8")
    findings, estimates = reconcile(claims, events, documents, load_config(str(cfg)))
    est = {(e.event, e.category): e for e in estimates}
    assert (est[("first_convoy", "fighters")].low, est[("first_convoy", "fighters")].high) == (300, 400)
    assert (est[("final_convoy", "people")].low, est[("final_convoy", "people")].high) == (1250, 3750)
    conflicts = [f for f in findings if f.kind == "conflict"]
    assert len(conflicts) == 2          # points only sharpen these two
    # rounding made loose enough, 300 and 400 militants can be the same figure
    cfg.write_text('[policy]\nround_cap = 0.2\n', encoding="utf-8")
    findings, _ = reconcile(claims, events, documents, load_config(str(cfg)))
    assert [f.category for f in findings if f.kind == "conflict"] == ["people"]
