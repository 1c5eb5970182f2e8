"""Where the main process spends its CPU in a pooled run, stage by stage, beside the CPU of
its children (pool workers, dedup child): what stays serial after the pool.

    python bench/main_cpu.py                       # 3,000 renumbered seed articles
    python bench/main_cpu.py --corpus DIR

The stages of ``crosscheck.run`` called one by one (``pipeline._extract``, ``find_duplicates``,
``align``, ``reconcile``) and ``render.to_json``, cache off, default executor. For each: wall
time and this process's CPU time (``time.process_time``); then the children's CPU (rusage).
On an idle machine the run's wall is about ingest + children / cores + the main stages after
extraction; their sum over the total CPU bounds CPU/wall.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus")
    ap.add_argument("--articles", type=int, default=3000)
    args = ap.parse_args(argv)

    with corpus_mod.corpus_folder(args.corpus, args.articles, prefix="crosscheck-maincpu-") as folder:
        from crosscheck import pipeline
        from crosscheck.align import align
        from crosscheck.config import load_config
        from crosscheck.dedup import find_duplicates
        from crosscheck.model import Result
        from crosscheck.reconcile import reconcile
        from crosscheck.render import to_json

        rows = []

        def timed(label, fn, *a, **k):
            t, c = time.perf_counter(), time.process_time()
            out = fn(*a, **k)
            rows.append((label, time.perf_counter() - t, time.process_time() - c))
            return out

        start = time.perf_counter()
        config = load_config()
        articles, claims, documents, errors, shared, *rest = timed(
            "ingest + extract (pool)", pipeline._extract, [str(folder)], config, dedup=True, cache=False)
        kw = {"prepared": rest[0]} if rest else {}
        dups = timed("dedup decision", lambda: find_duplicates(articles, documents, shared=shared.result(articles)))
        documents = [replace(d, duplicate_of=dups.get(d.doc)) for d in documents]
        claims, events, graph = timed("align", align, claims, documents, articles, dups, config, **kw)
        findings, estimates = timed("reconcile", reconcile, claims, events, documents, config)
        result = Result(documents=documents, claims=claims, events=events, findings=findings,
                        estimates=estimates, errors=errors, articles={a.doc: a for a in articles}, graph=graph)
        timed("render JSON", to_json, result)
        wall = time.perf_counter() - start
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    kids_cpu = kids.ru_utime + kids.ru_stime
    main_cpu = sum(c for _, _, c in rows)
    print(f"{len(articles)} articles, {len(claims)} claims, {len(events)} events")
    for label, w, c in rows:
        print(f"  {label:<26} {w:7.2f} s wall {c:7.2f} s main-process CPU")
    after = sum(c for label, _, c in rows[1:])
    print(f"main process {main_cpu:.2f} s CPU ({after:.2f} s after extraction); children {kids_cpu:.2f} s CPU; "
          f"total {main_cpu + kids_cpu:.2f} s CPU in {wall:.2f} s wall (CPU/wall {(main_cpu + kids_cpu) / wall:.2f})")


if __name__ == "__main__":
    main()
