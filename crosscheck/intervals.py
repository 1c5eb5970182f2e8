"""Interval arithmetic for stated figures (owner: reconcile).

An ``Interval`` (from :mod:`crosscheck.model`) is the set of values a stated figure
allows: ``low``/``high`` are ``None`` when unbounded, ``low_open``/``high_open`` say
whether the bound itself is excluded. The empty set is ``None`` wherever a
function may produce it (``intersect``).

Interface:
    add(a, b) -> Interval                      # {x + y : x in a, y in b}
    intersect(a, b) -> Interval | None          # None when empty
    contains(i, x) -> bool
    compatible(a, b) -> bool                    # some value satisfies both
    width(i) -> float                           # inf when unbounded
    snap_int(i) -> Interval | None              # integer counts: (1500, inf) -> [1501, inf)
    precision_unit(value) -> float              # what the stated digits round to: 300 -> 100, 1065 -> 1
    from_figure(value, low, high, qualifier, policy, integer=..., nonneg=..., text=...) -> Interval
    fmt(i) -> str                               # "[1,335, 1,395]", "(1,500, ∞)"
"""
from __future__ import annotations

import math
import re
from typing import Optional

from .model import Interval

INF = math.inf

__all__ = ["Interval", "add", "intersect", "contains", "compatible", "width", "snap_int",
           "precision_unit", "from_figure", "fmt", "fmt_num", "point"]


def point(x: float) -> Interval:
    return Interval(x, x)


def _lo(i: Interval) -> float:
    return -INF if i.low is None else i.low


def _hi(i: Interval) -> float:
    return INF if i.high is None else i.high


def add(a: Interval, b: Interval) -> Interval:
    """Minkowski sum: every x + y with x in a and y in b. A bound is open if either summand's is."""
    low = None if a.low is None or b.low is None else a.low + b.low
    high = None if a.high is None or b.high is None else a.high + b.high
    return Interval(low, high, low is not None and (a.low_open or b.low_open),
                    high is not None and (a.high_open or b.high_open))


def intersect(a: Interval, b: Interval) -> Optional[Interval]:
    """The values in both, or None when there are none."""
    la, lb = _lo(a), _lo(b)
    if la > lb:
        low, low_open = a.low, a.low_open
    elif lb > la:
        low, low_open = b.low, b.low_open
    else:
        low, low_open = a.low, (a.low_open or b.low_open) and a.low is not None
    ha, hb = _hi(a), _hi(b)
    if ha < hb:
        high, high_open = a.high, a.high_open
    elif hb < ha:
        high, high_open = b.high, b.high_open
    else:
        high, high_open = a.high, (a.high_open or b.high_open) and a.high is not None
    out = Interval(low, high, bool(low_open), bool(high_open))
    return None if is_empty(out) else out


def is_empty(i: Interval) -> bool:
    lo, hi = _lo(i), _hi(i)
    if lo > hi:
        return True
    return lo == hi and (i.low_open or i.high_open or math.isinf(lo))


def contains(i: Interval, x: float) -> bool:
    lo, hi = _lo(i), _hi(i)
    if x < lo or x > hi:
        return False
    if x == lo and i.low_open:
        return False
    if x == hi and i.high_open:
        return False
    return True


def compatible(a: Interval, b: Interval) -> bool:
    """True when some value satisfies both figures (``intersect`` without building it)."""
    if is_empty(a) or is_empty(b):
        return False
    # the larger low end against the smaller high end
    la, lb = _lo(a), _lo(b)
    lo, lo_open = (la, a.low_open) if la > lb else (lb, b.low_open) if lb > la else (la, a.low_open or b.low_open)
    ha, hb = _hi(a), _hi(b)
    hi, hi_open = (ha, a.high_open) if ha < hb else (hb, b.high_open) if hb < ha else (ha, a.high_open or b.high_open)
    if lo < hi:
        return True
    return lo == hi and not (lo_open or hi_open) and not math.isinf(lo)


def width(i: Interval) -> float:
    return _hi(i) - _lo(i)


def snap_int(i: Interval) -> Optional[Interval]:
    """The integers of ``i`` as a closed interval (None if it holds none): counts of people."""
    low = high = None
    if i.low is not None:
        low = math.floor(i.low) + 1 if i.low_open else math.ceil(i.low)
    if i.high is not None:
        high = math.ceil(i.high) - 1 if i.high_open else math.floor(i.high)
    out = Interval(low, high)
    return None if is_empty(out) else out


def _decimals(x: float) -> int:
    s = repr(float(x))
    if "e" in s or "E" in s:
        return 0
    frac = s.split(".")[1] if "." in s else ""
    frac = frac.rstrip("0")
    return len(frac)


def precision_unit(value: float) -> float:
    """The place the stated digits are given to: 300 -> 100, 2,500 -> 100, 1,065 -> 1, 2.5 -> 0.1.

    Trailing zeros of an integer are read as rounding ("300" may be any figure that rounds to
    300); a figure with no trailing zero is taken as given to its last digit.
    """
    v = abs(float(value))
    if v == 0:
        return 1.0
    if not v.is_integer():
        return 10.0 ** -_decimals(v)
    n = int(round(v))
    tz = 0
    while n and n % 10 == 0:
        n //= 10
        tz += 1
    return 10.0 ** tz


_SCALED_DECIMAL = re.compile(r"\d\.\d+\s*(?:million|billion|trillion|thousand|bn|m|k)\b", re.I)
_NEARLY = re.compile(r"\b(nearly|almost|just under|just below|close to)\b", re.I)
_JUST_OVER = re.compile(r"\b(just over|just above|slightly more than|a little over)\b", re.I)


def _rounding(v: float, text: str, policy: dict) -> float:
    """How far a figure written as ``v`` may be from the truth by its own rounding ("300" -> 30 by
    the cap, "1,065" -> 0, "1.3 million" -> 50,000); 0 under the policy ``exact = "point"``."""
    if str(policy.get("exact", "rounding")) == "point":
        return 0.0
    unit = _written_unit(v, text)
    d = (unit if unit is not None else precision_unit(v)) / 2
    if unit is None and float(v).is_integer() and (
            precision_unit(v) == 1.0 or abs(v) < float(policy.get("exact_below", 100))):
        d = 0.0          # "1,065", and small counts: "10 sailors" is ten, not anything from 9 to 11
    return min(d, float(policy.get("round_cap", 0.10)) * abs(v))


def from_figure(value, low, high, qualifier: str, policy: dict, *, integer: bool = True,
                nonneg: bool = True, text: str = "") -> Interval:
    """The interval a stated figure allows under the named policy (see data/policy.toml).

    exact:  within the rounding its digits imply (``policy['exact']`` = "rounding" | "point"),
            the half-unit capped at ``round_cap`` of the value ("300" -> [270, 330], "1,065" -> 1,065);
    approx: +- ``approx`` of the value; "nearly"/"almost"/"just under" below it down to -``approx``
            and above it only by the rounding its digits state ("nearly 1.3 million" allows 1.31
            million, "nearly 400" stays under 400),
            "just over" only above (the numbers stage marks "nearly 400" approx);
    gt/ge:  open / closed above the value, unbounded above ("just over" caps at +``approx``);
    lt/le:  below the value, down to 0 for counts ("nearly"/"almost" start at -``approx``);
    range:  [low, high].
    Integer categories are then snapped to whole numbers: "over 1,500" -> [1,501, inf).
    """
    approx = float(policy.get("approx", 0.10))
    floor = 0.0 if nonneg else None
    q = qualifier or "exact"
    if q == "range":
        lo = low if low is not None else value
        hi = high if high is not None else value
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        out = Interval(lo, hi)
    elif q == "approx":
        v = float(value if value is not None else (low if low is not None else high))
        d = abs(v) * approx
        if _NEARLY.search(text or ""):          # "nearly 400": under it, but no more precise than "400"
            # above it only by the rounding its own digits state ("nearly 1.3 million" may be 1.31 million);
            # a bare "nearly 400" stays under 400
            stated = _written_unit(v, text) is not None or _SCALED_DECIMAL.search(text or "")
            out = Interval(v - d, v + (_rounding(v, text, policy) if stated else 0.0))
        elif _JUST_OVER.search(text or ""):     # "just over 400": just above
            out = Interval(v, v + d)
        else:
            out = Interval(v - d, v + d)
    elif q in ("gt", "ge"):
        v = float(value if value is not None else low)
        cap = None
        if _JUST_OVER.search(text or ""):
            cap = v + abs(v) * approx
        out = Interval(v, cap, q == "gt", False)
    elif q in ("lt", "le"):
        v = float(value if value is not None else high)
        start = floor
        if _NEARLY.search(text or ""):
            start = v - abs(v) * approx
        out = Interval(start, v, False, q == "lt")
    else:  # exact
        v = float(value if value is not None else (low if low is not None else high))
        d = _rounding(v, text, policy)
        out = Interval(v - d, v + d)
    if nonneg and out.low is not None and out.low < 0:
        out = Interval(0.0, out.high, False, out.high_open)
    if integer:
        snapped = snap_int(out)
        if snapped is not None:
            out = snapped
    return out


def _written_unit(value: float, text: str) -> Optional[float]:
    """The place a figure written with decimals is given to: '7.0' -> 0.1 (its digits say 7.0, not 7),
    '2.50' -> 0.01. None when the text does not write the value itself with decimals ('2.5 million')."""
    for m in re.finditer(r"(?<![\d.,])(\d+)\.(\d+)(?![\d.,]*\d)", text or ""):
        try:
            if float(m.group(0)) == float(value):
                return 10.0 ** -len(m.group(2))
        except ValueError:  # pragma: no cover
            continue
    return None


def fmt_num(x: Optional[float]) -> str:
    if x is None:
        return "?"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    s = f"{x:,.2f}".rstrip("0").rstrip(".")
    return s


def fmt(i: Interval) -> str:
    if i.low is not None and i.high is not None and i.low == i.high:
        return fmt_num(i.low)
    lo = "-∞" if i.low is None else fmt_num(i.low)
    hi = "∞" if i.high is None else fmt_num(i.high)
    left = "(" if (i.low is None or i.low_open) else "["
    right = ")" if (i.high is None or i.high_open) else "]"
    return f"{left}{lo}, {hi}{right}"
