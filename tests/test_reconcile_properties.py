"""Properties of the grouping and the findings on random figures from many sources."""
from hypothesis import given, settings, strategies as st

from crosscheck import intervals as iv
from crosscheck.model import Claim, Document, Event, Interval
from crosscheck.reconcile import _Item, _pierce, _policy, reconcile

POL = _policy(None)

qualifiers = st.sampled_from(["exact", "approx", "gt", "ge", "lt", "le", "range"])
values = st.sampled_from([5, 10, 12, 35, 40, 100, 120, 300, 400, 450, 1000, 1065, 1500, 2500])


@st.composite
def figures(draw, n_max=12):
    n = draw(st.integers(2, n_max))
    out = []
    for i in range(n):
        q, v = draw(qualifiers), draw(values)
        low = high = v
        if q in ("gt", "ge"):
            high = None
        elif q in ("lt", "le"):
            low = None
        elif q == "range":
            high = v + draw(values)
        src = draw(st.integers(0, n - 1))
        out.append(Claim(id=f"c{i:02d}", doc=f"d{src:02d}", start=0, end=1, text=f"{v} people",
                         value=None if q == "range" else v, low=low, high=high, qualifier=q,
                         counted="people", category="people", sentence="", event="e"))
    return out


def _iv(c):
    return iv.from_figure(c.value, c.low, c.high, c.qualifier, POL, integer=True, nonneg=True, text=c.text)


@given(st.lists(st.tuples(values, values), min_size=1, max_size=25))
def test_pierce_groups_share_a_value_and_are_fewest(pairs):
    items = [_Item(f"i{k}", [f"i{k}"], ["d"], "d", Interval(min(a, b), max(a, b)), "", None, None)
             for k, (a, b) in enumerate(pairs)]
    groups = _pierce(items)
    assert sorted(it.key for g in groups for it in g) == sorted(it.key for it in items)
    for g in groups:
        common = g[0].iv
        for it in g[1:]:
            common = iv.intersect(common, it.iv)
            assert common is not None
    # fewest: the groups' first members (smallest upper end) are pairwise disjoint, so no
    # grouping can use fewer groups than there are groups here
    firsts = [min(g, key=lambda it: it.iv.high) for g in groups]
    for a, b in zip(firsts, firsts[1:]):
        assert not iv.compatible(a.iv, b.iv)


@settings(max_examples=300, deadline=None)
@given(figures())
def test_conflicts_are_sound_and_complete(claims):
    events = [Event(id="e", label="e", date=None, claims=tuple(c.id for c in claims))]
    docs = [Document(doc=d) for d in sorted({c.doc for c in claims})]
    findings, _ = reconcile(claims, events, docs, {"max_groups": 100})
    by_id = {c.id: c for c in claims}
    conflicts = [f for f in findings if f.kind == "conflict"]
    # sound: every claim a conflict lists is incompatible with some claim of another source in it
    for f in conflicts:
        for a in f.claims:
            assert any(not iv.compatible(_iv(by_id[a]), _iv(by_id[b])) and by_id[a].doc != by_id[b].doc
                       for b in f.claims), (f.explanation, a)
    # complete: an incompatible pair from two sources is always reported (no dates: no updates)
    bad = [(a, b) for a in claims for b in claims
           if a.id < b.id and a.doc != b.doc and not iv.compatible(_iv(a), _iv(b))]
    if bad:
        assert conflicts
        covered = {i for f in conflicts for i in f.claims}
        assert all(a.id in covered or b.id in covered for a, b in bad), (
            [(c.id, c.doc, c.qualifier, c.low, c.high) for c in claims], [f.explanation for f in findings])
    # agreement only among figures that can all be true at once
    for f in findings:
        if f.kind == "agreement":
            assert all(iv.compatible(_iv(by_id[a]), _iv(by_id[b])) for a in f.claims for b in f.claims), \
                f.explanation


@settings(max_examples=150, deadline=None)
@given(figures(), st.lists(st.sampled_from([None, "2023-02-06", "2023-02-07", "2023-02-08"]), min_size=12,
                           max_size=12))
def test_conflicts_stay_sound_with_reports_over_days(claims, days):
    """Tolls reported over several days: updates take some disagreements, what stays a conflict
    is still contradicted by another source, and no figure is both only-updated and conflicting."""
    claims = [c.__class__(**{**c.__dict__, "category": "killed", "report_date": days[i]})
              for i, c in enumerate(claims)]
    events = [Event(id="e", label="e", date=None, claims=tuple(c.id for c in claims))]
    docs = [Document(doc=d) for d in sorted({c.doc for c in claims})]
    findings, estimates = reconcile(claims, events, docs, {"max_groups": 100})
    by_id = {c.id: c for c in claims}
    for f in findings:
        if f.kind == "conflict":
            for a in f.claims:
                assert any(not iv.compatible(_iv(by_id[a]), _iv(by_id[b])) and by_id[a].doc != by_id[b].doc
                           for b in f.claims), (f.explanation, a)
        if f.kind == "update":
            assert len({by_id[a].report_date for a in f.claims}) >= 2, f.explanation
    assert len(estimates) <= 1
