"""NewsQuant (CQE, EMNLP 2023): 590 news sentences, 904 gold quantities, scored by ../shared.

Measured the way users get it: `crosscheck extract --json` over the sentences, then the shared
scorer. Skips when ../shared (the evaluation data, not part of the project) is absent.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("CROSSCHECK_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
SCORER = SHARED / "score" / "newsquant.py"
DATA = SHARED / "bench" / "newsquant" / "NewsQuant.json"

VALUE_F1 = 0.88
VALUE_CHANGE_F1 = 0.80

pytestmark = pytest.mark.skipif(not (SCORER.exists() and DATA.exists()), reason="../shared/ NewsQuant absent")


def _f1s(stdout):
    m = re.search(r"value F1 ([\d.]+), value\+change F1 ([\d.]+)", stdout)
    assert m, stdout
    return float(m.group(1)), float(m.group(2))


@pytest.fixture(scope="module")
def claims_file(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("newsquant")
    sentences = tmp / "nq.jsonl"
    subprocess.run([sys.executable, str(SCORER), "--write-input", str(sentences)], check=True)
    out = tmp / "nq.out"
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, "-m", "crosscheck", "extract", str(sentences), "--json", "--no-cache", "-q"],
                       stdout=f, check=True)
    return out


def _score(path):
    run = subprocess.run([sys.executable, str(SCORER), str(path)], capture_output=True, text=True)
    return run.stdout


def test_value_f1_through_the_cli(claims_file):
    value, _ = _f1s(_score(claims_file))
    assert value >= VALUE_F1


def test_value_and_change_f1_through_the_cli(claims_file):
    lines = [json.loads(x) for x in claims_file.read_text(encoding="utf-8").splitlines() if x.strip()]
    if not any(x.get("change") for x in lines):
        pytest.skip("the extract stage does not pass Quantity.change on yet (see the library-level test)")
    _, value_change = _f1s(_score(claims_file))
    assert value_change >= VALUE_CHANGE_F1


def test_value_and_change_f1_of_the_grammar(tmp_path):
    """The same figures straight from find_quantities, one claim per Quantity, one call per sentence."""
    from crosscheck.numbers import find_quantities
    gold = json.loads(DATA.read_text(encoding="utf-8"))
    split = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z\"“‘(])")
    out = tmp_path / "lib.out"
    with open(out, "w", encoding="utf-8") as f:
        for i, record in enumerate(gold):
            for sentence in split.split(record["text"]):
                for q in find_quantities(sentence):
                    f.write(json.dumps({"doc": f"nq-{i:04d}", "text": q.text, "value": q.value, "low": q.low,
                                        "high": q.high, "qualifier": q.qualifier, "change": q.change}) + "\n")
    value, value_change = _f1s(_score(out))
    assert value >= VALUE_F1
    assert value_change >= VALUE_CHANGE_F1
