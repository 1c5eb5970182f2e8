"""bench/corpus.py: every number changed, formats kept, no two texts equal, same bytes each time."""
import hashlib
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)

NUM = re.compile(r"\d+(?:[,\u00a0]\d{3})*(?:\.\d+)?")


def _shape(s):
    """Separators and decimal places of a figure: '1,065' -> ',', '2.5' -> '.d'."""
    return (re.sub(r"\d", "", s.split(".")[0])[:1], len(s.split(".")[1]) if "." in s else 0)


@pytest.mark.parametrize("copy", [1, 2, 17])
def test_every_number_changes_and_keeps_its_format(copy):
    for name, text in corpus.load_seeds():
        out = corpus.renumber(text, copy)
        assert NUM.sub("#", out) == NUM.sub("#", text), name       # only the digits moved
        old, new = NUM.findall(text), NUM.findall(out)
        assert len(old) == len(new)
        for a, b in zip(old, new):
            assert a != b, (name, a)
            if float(a.replace(",", "").replace("\u00a0", "")) >= 10_000:
                assert _shape(a) == _shape(b), (a, b)


def test_examples():
    out = corpus.renumber("On March 14, 300 militants and 1,065 civilians; About 4,500-5,000; "
                          "21/03/2017 12:28 pm; resolution 2254; 2.5 million; 1The", 3)
    m = re.fullmatch(r"On March (\d+), (\d+) militants and ([\d,]+) civilians; About ([\d,]+)-([\d,]+); "
                     r"(\d+)/(\d\d)/(\d{4}) (\d+):(\d\d) pm; resolution (\d+); (\d\.\d) million; (\d)The", out)
    assert m, out
    day, a, b, low, high, d, mo, year = m.group(1, 2, 3, 4, 5, 6, 7, 8)
    assert 1 <= int(day) <= 28 and int(day) != 14
    assert int(low.replace(",", "")) < int(high.replace(",", ""))                  # ranges keep their order
    assert 1 <= int(mo) <= 12 and mo != "03" and 1990 <= int(year) <= 2030 and year != "2017"
    assert m.group(11) != "2254" and m.group(12) != "2.5" and m.group(13) != "1"


def test_build_is_unique_sized_and_reproducible(tmp_path):
    n, size = corpus.build(tmp_path / "a", articles=60)
    assert n == 60 and size > 60 * 2000
    texts = [p.read_bytes() for p in sorted((tmp_path / "a").iterdir())]
    assert len({hashlib.sha256(t).digest() for t in texts}) == 60
    seeds = sorted(p.read_bytes() for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(texts[:5]) == seeds                                               # copy 0 is the seeds
    corpus.build(tmp_path / "b", articles=60)
    assert texts == [p.read_bytes() for p in sorted((tmp_path / "b").iterdir())]
    n, size = corpus.build(tmp_path / "c", mb=0.1)
    assert size >= 100_000 and n < 40
    with pytest.raises(SystemExit):
        corpus.build(tmp_path / "c", articles=1)                                   # not empty
