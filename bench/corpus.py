"""A renumbered corpus built from seeds/: N articles, no two texts equal.

    python bench/corpus.py OUT --articles 3000      # ~13 MB from the five seeds
    python bench/corpus.py OUT --mb 1               # as many articles as make 1 MB

Article i is seed ``i % len(seeds)``, copy ``i // len(seeds)``. In every copy after
the first (copy 0 is the seed itself, unless ``--renumber-all``), every run of digits is
replaced by a different one, in the same format:

- a count is multiplied by one factor per copy (0.55-1.45; ranges keep their order,
  "1,065" stays grouped "1,0xx"/"8xx", "2.5" keeps one decimal) and bumped by one when it
  would come out unchanged;
- a year (1900-2099) moves by a per-copy offset, a day next to a month name or in
  21/03/2017 moves by a per-copy shift inside 1-28, a month in 21/03/2017 inside 1-12,
  a clock time "12:28" by per-copy hours and minutes; zero padding is kept.

Deterministic: the same arguments give the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_SEP = "[,\u00a0\u202f\u2009]"
_TOKEN = re.compile(
    r"(?P<dmy>(?<!\d)(?P<d1>\d{1,2})(?P<s1>[/.])(?P<m1>\d{1,2})(?P=s1)(?P<y1>\d{4})(?!\d))"
    r"|(?P<iso>(?<!\d)(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})(?!\d))"
    r"|(?P<clock>(?<!\d)(?P<hh>\d{1,2}):(?P<mm>\d{2})(?!\d))"
    rf"|(?P<mpre>\b(?:{_MONTHS}) )(?P<mday>\d{{1,2}})(?:(?P<dash>[-\u2013])(?P<mday2>\d{{1,2}}))?(?![\d.]\d|{_SEP}\d{{3}})"
    rf"|(?<![\d.,])(?P<dayb>\d{{1,2}})(?= (?:{_MONTHS})\b)"
    rf"|(?P<num>\d+(?:{_SEP}\d{{3}})*(?:\.\d+)?)"
)


class _Copy:
    """The per-copy shifts and factor."""

    def __init__(self, copy: int, salt: str = ""):
        rng = random.Random(f"crosscheck-bench:{copy}:{salt}")
        self.factor = rng.uniform(0.55, 1.45)
        while abs(self.factor - 1.0) < 0.02:
            self.factor = rng.uniform(0.55, 1.45)
        self.years = rng.choice([d for d in range(-8, 9) if d])
        self.days = rng.randint(1, 27)
        self.months = rng.randint(1, 11)
        self.hours = rng.randint(1, 23)
        self.minutes = rng.randint(1, 59)

    def day(self, s: str) -> str:
        return _pad((int(s) - 1 + self.days) % 28 + 1, s)

    def month(self, s: str) -> str:
        return _pad((int(s) - 1 + self.months) % 12 + 1, s)

    def year(self, s: str) -> str:
        return str(int(s) + self.years)

    def count(self, s: str) -> str:
        m = re.fullmatch(rf"(\d+(?:({_SEP})\d{{3}})*)(?:\.(\d+))?", s)
        digits, sep, decimals = m.group(1), m.group(2), m.group(3)
        places = len(decimals) if decimals else 0
        old = float(re.sub(_SEP, "", digits) + ("." + decimals if decimals else ""))
        new = round(old * self.factor, places)
        if new == old:
            new = old + 10 ** -places
        whole, _, frac = f"{new:.{places}f}".partition(".")
        if sep:
            whole = f"{int(whole):,}".replace(",", sep)
        elif digits.startswith("0") and len(digits) > 1:
            whole = whole.zfill(len(digits))
        return whole + ("." + frac if places else "")


def _pad(value: int, like: str) -> str:
    return str(value).zfill(len(like)) if like.startswith("0") else str(value)


def renumber(text: str, copy: int, salt: str = "") -> str:
    """``text`` with every number replaced as the module docstring says."""
    c = _Copy(copy, salt)

    def sub(m: re.Match) -> str:
        if m.group("dmy"):
            return f"{c.day(m['d1'])}{m['s1']}{c.month(m['m1'])}{m['s1']}{c.year(m['y1'])}"
        if m.group("iso"):
            return f"{c.year(m['y2'])}-{c.month(m['m2']).zfill(2)}-{c.day(m['d2']).zfill(2)}"
        if m.group("clock"):
            h, mi = int(m["hh"]), int(m["mm"])
            hh = (h + c.hours) % 24 if h > 12 or m["hh"].startswith("0") else (h - 1 + c.hours) % 12 + 1
            return f"{_pad(hh, m['hh'])}:{(mi + c.minutes) % 60:02d}"
        if m.group("mday"):
            return m["mpre"] + c.day(m["mday"]) + (m["dash"] + c.day(m["mday2"]) if m["dash"] else "")
        if m.group("dayb"):
            return c.day(m["dayb"])
        s = m.group("num")
        if re.fullmatch(r"(19|20)\d\d", s):
            return c.year(s)
        return c.count(s)

    return _TOKEN.sub(sub, text)


def load_seeds(seeds_dir: Path = SEEDS) -> list:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(Path(seeds_dir).glob("*.txt"))]


def build(out_dir, articles: int = 0, mb: float = 0.0, seeds_dir: Path = SEEDS, renumber_all: bool = False):
    """Write the corpus; returns (number of files, total bytes). Refuses a non-empty folder."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise SystemExit(f"corpus: {out} is not empty")
    seeds = load_seeds(seeds_dir)
    if not seeds:
        raise SystemExit(f"corpus: no .txt seeds in {seeds_dir}")
    seen, total, i = set(), 0, 0
    width = max(5, len(str(articles)))
    while (articles and i < articles) or (mb and total < mb * 1e6):
        name, text = seeds[i % len(seeds)]
        copy = i // len(seeds)
        salt = ""
        body = text if copy == 0 and not renumber_all else renumber(text, copy + int(renumber_all), salt)
        while hashlib.sha256(body.encode()).digest() in seen:   # (never seen so far; kept as a guard)
            salt += "+"
            body = renumber(text, copy + 1, salt)
        seen.add(hashlib.sha256(body.encode()).digest())
        data = body.encode("utf-8")
        (out / f"{i:0{width}d}_{name}").write_bytes(data)
        total += len(data)
        i += 1
    return i, total


@contextmanager
def corpus_folder(given=None, articles: int = 3000, prefix: str = "crosscheck-bench-"):
    """``given`` as a Path, or a corpus of ``articles`` built in a temporary folder that is
    removed afterwards (for the benchmark scripts' ``--corpus DIR`` / ``--articles N``)."""
    if given:
        yield Path(given)
        return
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        build(tmp / "corpus", articles=articles)
        yield tmp / "corpus"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="folder to write (must be empty or missing)")
    ap.add_argument("--articles", "-n", type=int, default=0, help="number of articles")
    ap.add_argument("--mb", type=float, default=0.0, help="or: at least this many megabytes")
    ap.add_argument("--seeds", default=str(SEEDS), help="folder of seed .txt articles")
    ap.add_argument("--renumber-all", action="store_true", help="renumber the first copy of each seed too")
    args = ap.parse_args(argv)
    if not args.articles and not args.mb:
        ap.error("give --articles or --mb")
    n, size = build(args.out, args.articles, args.mb, Path(args.seeds), args.renumber_all)
    print(f"wrote {n} articles, {size / 1e6:.2f} MB to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
