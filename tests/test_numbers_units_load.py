"""quantulum3's unit tables built with inflect imported unchecked (``numbers.quantulum_units``,
a start-up saving of ~1.2 s) are the tables of a normal import."""
import json
import subprocess
import sys

_DUMP = r"""
import json, sys
if sys.argv[1] == "unchecked":
    from crosscheck.numbers import quantulum_units
    u = quantulum_units()
else:
    import inflect  # noqa: F401 - with typeguard's instrumentation
    from quantulum3 import load
    u = load.units("en_US")
def names(units):
    return sorted((x.name, x.entity.name, getattr(x, "currency_code", None) or "") for x in units)
out = {"names": sorted((k, v.name, v.entity.name, v.surfaces, v.symbols) for k, v in u.names.items())}
for attr in ("symbols", "symbols_lower", "surfaces", "surfaces_lower", "prefix_symbols"):
    out[attr] = sorted((k, names(v)) for k, v in getattr(u, attr).items())
from quantulum3 import load
out["plural"] = [load.pluralize(w) for w in ("kilometre", "person", "foot", "inch", "pound sterling")]
print(json.dumps(out, sort_keys=True, default=str))
"""


def _dump(mode):
    proc = subprocess.run([sys.executable, "-c", _DUMP, mode], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_unchecked_inflect_builds_the_same_unit_tables():
    checked, unchecked = _dump("checked"), _dump("unchecked")
    assert checked["names"] and checked == unchecked
