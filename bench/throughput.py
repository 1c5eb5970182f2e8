"""Throughput: `crosscheck extract` against raw quantulum3, on the same files, in one run.

    python bench/throughput.py                 # builds a 1 MB renumbered corpus in a temp folder
    python bench/throughput.py --corpus DIR    # or uses yours (.txt files)

Baseline: ``quantulum3.parser.parse`` called once per whole article, in this process,
after a warm-up call (its model loading is not counted), on the articles in order until
``--sample-seconds`` have passed (at least 5 articles), extrapolated per MB.
Ours: ``crosscheck extract DIR --json --no-cache -q`` as a subprocess, end to end
(interpreter start, ingest, extraction, JSON out), once with the default executor and once
with ``--executor serial``; CPU time from the children's rusage.
Prints MB/s for each and the ratios ours / baseline (the issue's goal: >= 5x, then >= 10x),
by wall time and by CPU time (the CPU ratio holds on a machine busy with other jobs; the
wall ratio of the default run also counts the second core).
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
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402

CROSSCHECK = [sys.executable, "-m", "crosscheck"]


def files_of(folder: Path) -> list:
    return sorted(p for p in Path(folder).rglob("*.txt"))


def time_quantulum(files: list, budget: float):
    """(bytes parsed, seconds, articles) for quantulum3 on whole articles."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
        parser.parse("warm up: 3 km and 12 people")
    done, size, spent, cpu = 0, 0, 0.0, 0.0
    for p in files:
        text = p.read_text(encoding="utf-8")
        t0, c0 = time.perf_counter(), time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parser.parse(text)
        spent += time.perf_counter() - t0
        cpu += time.process_time() - c0
        size += len(text.encode("utf-8"))
        done += 1
        if spent >= budget and done >= 5:
            break
    return size, spent, cpu, done


def time_cli(args: list, env: dict):
    """(wall seconds, cpu seconds of the process and its children) of one crosscheck run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(CROSSCHECK + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0,):
        raise SystemExit(f"crosscheck {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="folder of .txt articles (default: build --mb of renumbered seeds)")
    ap.add_argument("--mb", type=float, default=1.0, help="size of the corpus to build (default 1)")
    ap.add_argument("--sample-seconds", type=float, default=15.0, help="time budget for the quantulum3 sample")
    ap.add_argument("--workers", type=int, default=None, help="--workers for the default crosscheck run")
    args = ap.parse_args(argv)

    tmp = None
    if args.corpus:
        folder = Path(args.corpus)
    else:
        tmp = tempfile.mkdtemp(prefix="crosscheck-bench-")
        folder = Path(tmp) / "corpus"
        corpus_mod.build(folder, mb=args.mb)
    try:
        files = files_of(folder)
        total = sum(p.stat().st_size for p in files)
        env = dict(os.environ)
        env.pop("CROSSCHECK_CACHE", None)
        extra = ["--workers", str(args.workers)] if args.workers else []

        load = os.getloadavg()[0]
        q_size, q_time, q_cpu, q_n = time_quantulum(files, args.sample_seconds)
        q_rate, q_cpu_rate = q_size / q_time, q_size / q_cpu
        startup, _ = time_cli(["--version"], env)
        d_wall, d_cpu = time_cli(["extract", str(folder), "--json", "--no-cache", "-q"] + extra, env)
        s_wall, s_cpu = time_cli(["extract", str(folder), "--json", "--no-cache", "-q", "--executor", "serial"], env)

        mb = total / 1e6
        print(f"corpus: {len(files)} articles, {mb:.2f} MB ({folder}); load average {load:.2f} before, "
              f"{os.getloadavg()[0]:.2f} after on {os.cpu_count()} cores")
        print(f"quantulum3 whole-article parse: {q_n} articles, {q_size / 1e6:.3f} MB in {q_time:.2f} s wall, "
              f"{q_cpu:.2f} s CPU -> {q_rate / 1e6:.4f} MB/s, {q_cpu_rate / 1e6:.4f} MB per CPU-second (1 core)")
        print(f"crosscheck startup (--version): {startup:.2f} s wall")
        for name, wall, cpu in (("default", d_wall, d_cpu), ("serial", s_wall, s_cpu)):
            rate = total / wall
            print(f"crosscheck extract [{name}]: {wall:.2f} s wall, {cpu:.2f} s CPU (CPU/wall {cpu / wall:.2f}) "
                  f"-> {rate / 1e6:.3f} MB/s, {total / cpu / 1e6:.3f} MB per CPU-second; "
                  f"ratio vs quantulum3: {rate / q_rate:.1f}x wall, {total / cpu / q_cpu_rate:.1f}x per CPU-second")
        print(f"goal: >= 5x (then >= 10x); long-run target 1 MB/s per core end to end")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
