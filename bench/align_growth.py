"""How align (and dedup) time grows with the number of articles.

Usage: python bench/align_growth.py [--sizes 100,1000,10000] [--no-dedup]

The corpus is renumbered copies of the five seeds with their gold-built claims (the
fixture of tests/test_align_seeds.py): copy k lives under "k/", its publication and claim
dates are moved k weeks later, so the copies are different happenings on the timeline and
blocking by date has work to do. Prints seconds per size and the growth ratio against the
previous size (10x more articles: ~10 is linear, ~100 quadratic).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from crosscheck.align import align  # noqa: E402
from crosscheck.dedup import find_duplicates  # noqa: E402
from test_align_seeds import seed_articles, seed_claims, seed_documents  # noqa: E402


def _shift(iso, days):
    if not iso:
        return iso
    if len(iso) == 10:
        return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
    if len(iso) == 7:
        d = dt.date.fromisoformat(iso + "-01") + dt.timedelta(days=days)
        return d.isoformat()[:7]
    return iso


def corpus(n_articles):
    arts0 = seed_articles()
    claims0 = seed_claims(arts0)
    arts, docs, claims = [], [], []
    copies = -(-n_articles // len(arts0))
    for k in range(copies):
        days = 7 * k
        for a in arts0:
            if len(arts) == n_articles:
                break
            doc = f"{k:05d}/{a.doc}"
            arts.append(replace(a, doc=doc, published=_shift(a.published, days)))
        keep = {a.doc for a in arts}
        for c in claims0:
            doc = f"{k:05d}/{c.doc}"
            if doc in keep:
                claims.append(replace(c, id=f"{doc}:{c.start}", doc=doc, date=_shift(c.date, days),
                                      report_date=_shift(c.report_date, days),
                                      part_of=c.part_of and f"{k:05d}/{c.part_of}"))
    docs = seed_documents(arts)
    return arts, docs, claims


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--no-dedup", action="store_true", help="time align only")
    args = ap.parse_args()
    prev = None
    print("CPU seconds (process_time; wall clock in brackets, which other load on the machine inflates)")
    print(f"{'articles':>8} {'claims':>7} {'events':>7} {'dedup s':>14} {'align s':>14} {'align growth':>12}")
    for n in [int(x) for x in args.sizes.split(",")]:
        arts, docs, claims = corpus(n)
        w0, t0 = time.perf_counter(), time.process_time()
        dups = None if args.no_dedup else find_duplicates(arts, docs)
        w1, t1 = time.perf_counter(), time.process_time()
        out, events, graph = align(claims, docs, arts, dups)
        w2, t2 = time.perf_counter(), time.process_time()
        growth = f"{(t2 - t1) / prev:.1f}x" if prev else "-"
        print(f"{n:>8} {len(claims):>7} {len(events):>7} {t1 - t0:>6.2f} [{w1 - w0:>5.1f}] {t2 - t1:>6.2f} [{w2 - w1:>5.1f}]"
              f" {growth:>12}", flush=True)
        prev = t2 - t1


if __name__ == "__main__":
    main()
