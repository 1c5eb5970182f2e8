"""The pool's warm-up (run once before the workers fork) loads what the per-article stages
load lazily, so that no forked worker loads it again on its first articles."""
import subprocess
import sys

_CHECK = r"""
import sys
from crosscheck.config import load_config
from crosscheck.pipeline import _Task
from crosscheck import timeline
_Task(load_config(), align=True).warm_up()
missing = [m for m in ("dateparser", "quantulum3.load", "inflect") if m not in sys.modules]
print(missing, timeline._parse_full.cache_info().currsize)
"""


def test_warm_up_loads_dateparser_and_unit_tables_without_touching_the_date_cache():
    out = subprocess.run([sys.executable, "-c", _CHECK], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "0"]
