"""Acceptance of issue 5: `crosscheck report` on 3,000 renumbered seed articles (~13 MB).

    python bench/acceptance.py                  # builds the corpus in a temp folder
    python bench/acceptance.py --corpus DIR     # or uses yours

Targets: under 45 s wall on 2 cores, peak memory under 1.5 GB, both cores used
(CPU time / wall about 2). Measured on one subprocess ``crosscheck report DIR --json
--no-cache -q``: wall clock; CPU time of it and its workers (rusage of children); peak
memory as the largest sum of the RSS of the process and its workers, sampled every 20 ms
(psutil), beside the largest single RSS (ru_maxrss).

Then the `check` case: with a cache, a cold run, then one new article added: the warm
run's wall time and how many articles it extracted again are reported as a ratio to the
cold run (same corpus, same process, same minute).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402


def measure(args, env):
    """(wall, cpu, peak tree RSS bytes or None, returncode) of ``python -m crosscheck ARGS``."""
    try:
        import psutil
    except ImportError:
        psutil = None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "crosscheck"] + args, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)
    peak = None
    if psutil is not None:
        peak = 0
        try:
            root = psutil.Process(proc.pid)
            while proc.poll() is None:
                total = 0
                for p in [root] + root.children(recursive=True):
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak = max(peak, total)
                time.sleep(0.02)
        except psutil.Error:
            pass
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"crosscheck {' '.join(args)} exited {proc.returncode}: {err.decode()[-800:]}")
    return wall, cpu, peak


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="folder of articles (default: build --articles renumbered seeds)")
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="crosscheck-accept-"))
    try:
        if args.corpus:
            src = Path(args.corpus)
        else:
            src = tmp / "corpus"
            corpus_mod.build(src, articles=args.articles)
        files = [p for p in src.rglob("*") if p.is_file()]
        mb = sum(p.stat().st_size for p in files) / 1e6
        env = {k: v for k, v in os.environ.items() if k != "CROSSCHECK_CACHE"}
        extra = ["--workers", str(args.workers)] if args.workers else []
        print(f"corpus: {len(files)} articles, {mb:.2f} MB; {os.cpu_count()} cores; "
              f"load average before: {os.getloadavg()[0]:.2f}")

        wall, cpu, peak = measure(["report", str(src), "--json", "--no-cache", "-q"] + extra, env)
        max_one = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"report --no-cache: {wall:.2f} s wall (target < 45), {cpu:.2f} s CPU, CPU/wall {cpu / wall:.2f} "
              f"(target ~2), {mb / wall:.2f} MB/s")
        if peak is not None:
            print(f"peak memory: {peak / 2**20:.0f} MiB summed over the process and its workers (target < 1536); "
                  f"largest single process {max_one:.0f} MiB")
        else:
            print(f"peak memory: largest single process {max_one:.0f} MiB (psutil missing: no tree sum)")

        # the check case: cold cache, then one new article
        work = tmp / "check"
        shutil.copytree(src, work)
        env["CROSSCHECK_CACHE"] = str(tmp / "cache.sqlite")
        cold, _, _ = measure(["report", str(work), "--json", "-q"] + extra, env)
        first = sorted(p for p in work.rglob("*.txt"))[0]
        (work / "zz_new_article.txt").write_text(corpus_mod.renumber(first.read_text(encoding="utf-8"), 99_999),
                                                 encoding="utf-8")
        warm, warm_cpu, _ = measure(["report", str(work), "--json", "-q"] + extra, env)
        print(f"check case: cold cache {cold:.2f} s, then +1 article with a warm cache {warm:.2f} s wall "
              f"({warm_cpu:.2f} s CPU): {cold / warm:.1f}x faster")
        print(f"load average after: {os.getloadavg()[0]:.2f} (other jobs on the machine inflate wall times)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
