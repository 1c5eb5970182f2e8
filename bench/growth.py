"""Growth: time per stage at 100 / 1,000 / 10,000 articles, and how it scales.

    python bench/growth.py                       # sizes 100,1000,10000 of renumbered seeds
    python bench/growth.py --sizes 100,1000 --workers 2

Each size runs in a fresh interpreter (``--one DIR``) so that sizes do not share warm
state; each runs ``crosscheck.run`` (cache off) with the stages timed by bench/stages.py.
For every stage it prints the seconds at each size, the time ratio between consecutive
sizes beside the size ratio (10x), and the growth exponent k in t ~ n^k: near linear
when k <= 1.15 (noise on a shared 2-core machine is about +-0.1 on short stages).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

ORDER = ("ingest", "extract", "cache+keys", "dedup", "align", "reconcile", "render", "total")


def one(folder: str, workers, executor: str) -> dict:
    from stages import timed_run
    result, seconds = timed_run([folder], cache=False, workers=workers, executor=executor)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "claims": len(result.claims), "events": len(result.events),
            "findings": len(result.findings), "peak_rss_mb": round(rss), "peak_worker_rss_mb": round(kids)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--executor", default="auto")
    ap.add_argument("--keep", help="build the corpora in this folder and keep them")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, args.workers, args.executor)))
        return

    import corpus as corpus_mod
    sizes = [int(s) for s in args.sizes.split(",")]
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="crosscheck-growth-"))
    rows = {}
    try:
        for n in sizes:
            folder = base / f"n{n}"
            if not folder.exists():
                corpus_mod.build(folder, articles=n)
            mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            cmd = [sys.executable, __file__, "--one", str(folder), "--executor", args.executor]
            if args.workers:
                cmd += ["--workers", str(args.workers)]
            env = {k: v for k, v in os.environ.items() if k != "CROSSCHECK_CACHE"}
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
            rows[n] = json.loads(out.strip().splitlines()[-1])
            r = rows[n]
            print(f"n={n:>6} ({mb:6.2f} MB): " + ", ".join(f"{k} {r['seconds'].get(k, 0):.2f}s" for k in ORDER)
                  + f"; {r['claims']} claims, {r['events']} events, {r['findings']} findings, "
                    f"peak RSS {r['peak_rss_mb']} MB (largest worker {r['peak_worker_rss_mb']} MB)", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)

    print()
    for a, b in zip(sizes, sizes[1:]):
        print(f"{a} -> {b} articles (x{b / a:g}):")
        for k in ORDER:
            ta, tb = rows[a]["seconds"].get(k), rows[b]["seconds"].get(k)
            if ta is None or tb is None:
                continue
            if ta < 0.005:
                print(f"  {k:<11} {ta:8.3f}s -> {tb:8.3f}s  (too short to compare)")
                continue
            exp = math.log(tb / ta) / math.log(b / a) if tb > 0 else float("nan")
            verdict = "near linear" if exp <= 1.15 else ("slightly superlinear" if exp <= 1.4 else "SUPERLINEAR")
            print(f"  {k:<11} {ta:8.3f}s -> {tb:8.3f}s  time x{tb / ta:6.2f}  k={exp:4.2f}  {verdict}")


if __name__ == "__main__":
    main()
