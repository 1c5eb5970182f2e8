import math

from hypothesis import given, strategies as st

from crosscheck import intervals as iv
from crosscheck.model import Interval

POLICY = {"approx": 0.10, "exact": "rounding", "round_cap": 0.10}

finite = st.integers(min_value=-10_000, max_value=10_000).map(float)


@st.composite
def intervals(draw):
    a, b = sorted((draw(finite), draw(finite)))
    low = None if draw(st.booleans()) and draw(st.integers(0, 4)) == 0 else a
    high = None if draw(st.booleans()) and draw(st.integers(0, 4)) == 0 else b
    lo_open = low is not None and draw(st.booleans())
    hi_open = high is not None and draw(st.booleans())
    i = Interval(low, high, lo_open, hi_open)
    return i if not iv.is_empty(i) else Interval(a, a)


def members(i: Interval, xs):
    return [x for x in xs if iv.contains(i, x)]


GRID = [x / 2 for x in range(-20_010 * 2, 20_010 * 2, 997)] + [0.0, 0.5, -0.5]


@given(intervals(), intervals())
def test_intersect_is_exactly_the_common_values(a, b):
    common = iv.intersect(a, b)
    edges = [e for i in (a, b) for e in (i.low, i.high) if e is not None]
    probes = GRID + edges + [e + 0.25 for e in edges] + [e - 0.25 for e in edges]
    for x in probes:
        both = iv.contains(a, x) and iv.contains(b, x)
        assert both == (common is not None and iv.contains(common, x)), (a, b, common, x)


@given(intervals(), intervals())
def test_compatible_is_symmetric_and_matches_intersect(a, b):
    assert iv.compatible(a, b) == iv.compatible(b, a) == (iv.intersect(a, b) is not None)


@given(intervals(), intervals(), finite, finite)
def test_sum_holds_every_sum_of_members(a, b, x, y):
    s = iv.add(a, b)
    if iv.contains(a, x) and iv.contains(b, y):
        assert iv.contains(s, x + y)


@given(intervals(), intervals())
def test_sum_width_adds(a, b):
    assert iv.width(iv.add(a, b)) == iv.width(a) + iv.width(b)


@given(intervals())
def test_snap_int_keeps_exactly_the_integers(i):
    s = iv.snap_int(i)
    lo = -50 if i.low is None else math.floor(i.low) - 2
    hi = 50 if i.high is None else math.ceil(i.high) + 2
    for n in range(int(max(lo, -20_100)), int(min(hi, 20_100)) + 1, max(1, (hi - lo) // 400 or 1)):
        assert iv.contains(i, n) == (s is not None and iv.contains(s, n)), (i, s, n)


def test_open_and_closed_bounds_touching():
    assert not iv.compatible(Interval(None, 5, False, True), Interval(5, None))
    assert iv.compatible(Interval(None, 5), Interval(5, None))
    assert iv.intersect(Interval(1, 5), Interval(5, 9)) == Interval(5, 5)


def test_precision_from_trailing_zeros():
    assert iv.precision_unit(300) == 100
    assert iv.precision_unit(2500) == 100
    assert iv.precision_unit(1065) == 1
    assert iv.precision_unit(2.5) == 0.1


def test_figure_policies():
    f = lambda v, q, **kw: iv.from_figure(v, v, v, q, POLICY, **kw)
    assert f(1065, "exact") == Interval(1065, 1065)          # not rounded
    assert f(300, "exact") == Interval(270, 330)             # round figure, capped at 10%
    assert f(2500, "exact") == Interval(2450, 2550)          # nearest 100
    assert f(2500, "approx") == Interval(2250, 2750)
    assert f(10, "exact") == Interval(10, 10)                # a small count is no rounding: ten is ten
    assert f(90, "exact") == Interval(90, 90)
    assert f(100, "exact") == Interval(90, 110)              # from 100 on, round figures may be rounded
    assert iv.from_figure(1500, 1500, None, "gt", POLICY) == Interval(1501, None)   # counts
    assert iv.from_figure(350, 350, None, "gt", POLICY, integer=False) == Interval(350, None, True, False)
    assert iv.from_figure(600, 600, None, "ge", POLICY) == Interval(600, None)
    assert iv.from_figure(400, None, 400, "lt", POLICY) == Interval(0, 399)
    assert iv.from_figure(400, None, 400, "lt", POLICY, text="nearly 400 people") == Interval(360, 399)
    assert iv.from_figure(None, 4500, 5000, "range", POLICY) == Interval(4500, 5000)
    assert iv.from_figure(400, 400, 400, "approx", POLICY, text="nearly 400 people") == Interval(360, 400)
    assert iv.from_figure(400, 400, 400, "approx", POLICY, text="almost 400") == Interval(360, 400)
    assert iv.from_figure(400, 400, 400, "approx", POLICY, text="just over 400") == Interval(400, 440)
    assert iv.from_figure(300, 300, 300, "exact", {"exact": "point"}) == Interval(300, 300)


def test_fmt():
    assert iv.fmt(Interval(1501, None)) == "[1,501, ∞)"
    assert iv.fmt(Interval(1335, 1395)) == "[1,335, 1,395]"
    assert iv.fmt(Interval(5, 5)) == "5"


def test_nearly_a_rounded_scaled_figure_reaches_its_own_rounding():
    """'nearly 1.3 million votes' is written to 0.1 million: 1.31 million does not contradict it,
    while a bare 'nearly 400' stays under 400."""
    near = iv.from_figure(1_300_000, 1_300_000, 1_300_000, "approx", POLICY, text="nearly 1.3 million votes")
    stated = iv.from_figure(1_310_000, 1_310_000, 1_310_000, "exact", POLICY, text="1.31 million votes")
    assert iv.compatible(near, stated)
    assert near.high == 1_350_000 and near.low == 1_170_000
    assert not iv.compatible(iv.from_figure(400, 400, 400, "approx", POLICY, text="nearly 400 people"),
                             iv.from_figure(412, 412, 412, "exact", POLICY, text="412 people"))
