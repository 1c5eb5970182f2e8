"""Time each stage of ``crosscheck.run`` without touching it: the stage functions that
``crosscheck.pipeline`` calls are wrapped with timers for the duration of one run.

    from stages import timed_run
    result, seconds = timed_run(["corpus/"], cache=False)   # seconds: {"ingest": ..., "extract": ...}

Stages (as the pipeline names them today; a name the pipeline no longer has is skipped):
ingest = ``iter_articles`` (read and decode), extract = ``map_articles`` (extract + date, on the
executor), cache+keys = the rest of ``extract_paths``, dedup / align / reconcile, render =
``render.to_json``.
"""
from __future__ import annotations

import time
from contextlib import contextmanager

import crosscheck.pipeline as pipeline

STAGES = {"iter_articles": "ingest", "map_articles": "extract", "extract_paths": "ingest+extract+cache",
          "find_duplicates": "dedup", "align": "align", "reconcile": "reconcile"}


@contextmanager
def stage_timers():
    seconds = {}
    saved = {}

    def plain(name, f):
        def wrapper(*a, **k):
            t0 = time.perf_counter()
            try:
                return f(*a, **k)
            finally:
                seconds[STAGES[name]] = seconds.get(STAGES[name], 0.0) + time.perf_counter() - t0
        return wrapper

    def generator(name, f):
        def wrapper(*a, **k):
            it = f(*a, **k)
            while True:
                t0 = time.perf_counter()
                try:
                    x = next(it)
                except StopIteration:
                    seconds[STAGES[name]] = seconds.get(STAGES[name], 0.0) + time.perf_counter() - t0
                    return
                seconds[STAGES[name]] = seconds.get(STAGES[name], 0.0) + time.perf_counter() - t0
                yield x
        return wrapper

    for name in STAGES:
        f = getattr(pipeline, name, None)
        if f is None:
            continue
        saved[name] = f
        setattr(pipeline, name, (generator if name == "iter_articles" else plain)(name, f))
    try:
        yield seconds
    finally:
        for name, f in saved.items():
            setattr(pipeline, name, f)
        both = seconds.pop("ingest+extract+cache", None)
        if both is not None:
            seconds["cache+keys"] = max(0.0, both - seconds.get("ingest", 0.0) - seconds.get("extract", 0.0))


def timed_run(paths, **kw):
    """(Result, {stage: seconds}) of one ``pipeline.run`` plus ``render.to_json``."""
    from crosscheck.render import to_json
    with stage_timers() as seconds:
        t0 = time.perf_counter()
        result = pipeline.run(paths, **kw)
        t1 = time.perf_counter()
        to_json(result)
        t2 = time.perf_counter()
    seconds["render"] = t2 - t1
    seconds["total"] = t2 - t0
    return result, seconds
