"""Where the time goes: cProfile of one end-to-end run, summed by stage and by package.

    python bench/profile_stages.py                       # 3,000 renumbered seed articles
    python bench/profile_stages.py --corpus DIR --top 25 --save run.prof

The run is ``crosscheck.run`` then ``render.to_json``, cache off, ``--executor serial`` (a
profiler does not follow work into pool workers; the per-article work is the same code).
Times are CPU seconds of this process (``time.process_time``), so that other jobs on a
shared machine do not inflate them. cProfile inflates generator-heavy pure-Python code most:
``json.dumps(indent=1)`` of the 3,000-article report shows ~10 s here but takes ~0.6 s
unprofiled; check a hot spot with ``time.process_time`` before optimising it.
By stage: the cumulative time of each stage's entry point. By package: the functions' own
time (tottime) summed by the top-level package of their file (crosscheck.<module>,
quantulum3, dateparser, networkx, re, json, ...), so library hot spots show.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import sysconfig
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402

ENTRY_POINTS = [  # (label, module file suffix, function name)
    ("ingest (read, decode)", "crosscheck/ingest.py", "iter_articles"),
    ("cache keys", "crosscheck/pipeline.py", "_cache_key"),
    ("extract claims", "crosscheck/extract.py", "extract_claims"),
    ("date claims", "crosscheck/timeline.py", "date_claims"),
    ("cache get/put", "crosscheck/cache.py", "get_many"),
    ("cache get/put", "crosscheck/cache.py", "put_many"),
    ("dedup", "crosscheck/dedup.py", "find_duplicates"),   # the decision; with shared= given, only that
    ("dedup", "crosscheck/dedup.py", "find_shared"),       # index + passages (a forked child in pool runs)
    ("dedup", "crosscheck/dedup.py", "fingerprint"),       # per article (in the pool job when no child)
    ("align: per article", "crosscheck/align.py", "prepare"),   # in the pool job (align.prepare)
    ("align", "crosscheck/align.py", "align"),
    ("reconcile", "crosscheck/reconcile.py", "reconcile"),
    ("render JSON", "crosscheck/render/__init__.py", "to_json"),
]


def _package(filename: str) -> str:
    if filename.startswith("<") or filename == "~":
        return "builtins"
    p = Path(filename)
    parts = p.parts
    if "crosscheck" in parts:
        i = len(parts) - 1 - parts[::-1].index("crosscheck")
        return "crosscheck." + ".".join(parts[i + 1:]).removesuffix(".py")
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    stdlib = sysconfig.get_paths()["stdlib"]
    if filename.startswith(stdlib):
        rel = Path(filename).relative_to(stdlib).parts
        return "stdlib." + rel[0].removesuffix(".py")
    return p.name


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--save", help="write the raw profile here (for snakeviz, pstats)")
    args = ap.parse_args(argv)

    with corpus_mod.corpus_folder(args.corpus, args.articles, prefix="crosscheck-profile-") as folder:
        from crosscheck import pipeline
        from crosscheck.render import to_json
        prof = cProfile.Profile(time.process_time)   # CPU time: other jobs on the machine do not count
        prof.enable()
        result = pipeline.run([str(folder)], cache=False, executor="serial")
        to_json(result)
        prof.disable()
    if args.save:
        prof.dump_stats(args.save)
    stats = pstats.Stats(prof)
    total = stats.total_tt

    by_stage = defaultdict(float)
    for (filename, _, name), (_, _, _, ct, _) in stats.stats.items():
        for label, suffix, fn in ENTRY_POINTS:
            if name == fn and filename.replace("\\", "/").endswith(suffix):
                by_stage[label] += ct
    print(f"{len(result.claims)} claims, {len(result.events)} events, {len(result.findings)} findings; "
          f"profiled total {total:.2f} s CPU (profiling slows Python code ~1.5-2x)")
    print("\nby stage (cumulative time of its entry point):")
    for label, _, _ in dict.fromkeys((e[0], None, None) for e in ENTRY_POINTS):
        if label in by_stage:
            print(f"  {label:<24} {by_stage[label]:8.2f} s  {100 * by_stage[label] / total:5.1f} %")

    by_pkg = defaultdict(float)
    for (filename, _, _), (_, _, tt, _, _) in stats.stats.items():
        by_pkg[_package(filename)] += tt
    print(f"\nby package (own time), top {args.top}:")
    for pkg, tt in sorted(by_pkg.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"  {pkg:<32} {tt:8.2f} s  {100 * tt / total:5.1f} %")

    print(f"\nfunctions by own time, top {args.top}:")
    rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:args.top]
    for (filename, line, name), (cc, nc, tt, ct, _) in rows:
        print(f"  {tt:8.2f} s own {ct:8.2f} s cum {nc:>9} calls  {_package(filename)}:{name}:{line}")


if __name__ == "__main__":
    main()
