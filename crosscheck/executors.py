"""Map a pure per-article function over articles (owner: scale).

    map_articles(fn, items, executor="auto", workers=None, scheduler=None, progress=False,
                 on_crash=None) -> list

Results come back in the order of ``items`` whatever the executor:

- ``serial``: in this process.
- ``process``: a ``concurrent.futures.ProcessPoolExecutor`` over chunks of items (a few
  chunks per worker, so that pickling does not dominate and the load still balances).
- ``dask``: the same function over a ``dask.bag``, on the scheduler at ``scheduler`` or on a
  ``LocalCluster(n_workers=workers or 2, processes=True)`` started for the run
  (``pip install 'crosscheck[dask]'``).
- ``auto`` (default): ``dask`` when a scheduler address is given, else ``process`` for more
  than ``AUTO_MIN_ITEMS`` items on a machine with more than one core, else ``serial``.

``fn`` must be picklable and should turn its own exceptions into values (the pipeline's
``_Task`` does). If it has a ``warm_up()`` method, the process pool calls it in this process
before forking, so that lazily loaded models are loaded once and shared by the workers. A worker process that dies (segfault, killed) loses no other item: the
items it held are retried, the one that kills its worker alone is given to
``on_crash(item)`` (default: raise ``WorkerCrash``).
"""
from __future__ import annotations

import math
import os
import sys
import warnings
from typing import Callable, Optional, Sequence


EXECUTORS = ("auto", "serial", "process", "dask")
AUTO_MIN_ITEMS = 8        # fewer items than this: a pool costs more than it saves
CHUNKS_PER_WORKER = 8     # enough chunks to balance the load and move the progress bar
PROGRESS_INTERVAL = 0.25  # seconds between redraws of the progress bar


class ExecutorError(Exception):
    """Bad executor settings or a missing optional dependency; the CLI prints it as one line
    and exits 2."""

    exit_code = 2


class WorkerCrash(RuntimeError):
    """A worker process died while it held this item."""

    def __init__(self, item, detail: str = ""):
        super().__init__(f"worker process died{': ' + detail if detail else ''}")
        self.item = item


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def choose_executor(executor: str, n_items: int, workers: Optional[int], scheduler: Optional[str]) -> str:
    """The executor that ``auto`` means for this run (others are returned as given)."""
    if executor not in EXECUTORS:
        raise ExecutorError(f"unknown executor {executor!r} (choose from {', '.join(EXECUTORS)})")
    if workers is not None and workers < 1:
        raise ExecutorError(f"--workers must be 1 or more (got {workers})")
    if scheduler and executor not in ("auto", "dask"):
        raise ExecutorError(f"--scheduler needs --executor dask (got --executor {executor})")
    if executor != "auto":
        return executor
    if scheduler:
        return "dask"
    n_workers = workers or cpu_count()
    return "process" if n_workers > 1 and n_items >= AUTO_MIN_ITEMS else "serial"


def map_articles(fn: Callable, items: Sequence, executor: str = "auto", workers: Optional[int] = None,
                 scheduler: Optional[str] = None, progress: bool = False,
                 on_crash: Optional[Callable] = None) -> list:
    """``[fn(x) for x in items]``, computed where ``executor`` says; same order, same values."""
    items = list(items)
    kind = choose_executor(executor, len(items), workers, scheduler)
    if kind == "dask":
        _import_dask()        # a missing extra is an error even when there is nothing to do
    if not items:
        return []
    with _progress(len(items), progress) as bar:
        if kind == "serial":
            out = []
            for x in items:
                out.append(fn(x))
                bar.update(1)
            return out
        if kind == "process":
            return _map_process(fn, items, workers or cpu_count(), bar, on_crash)
        return _map_dask(fn, items, workers, scheduler, bar, on_crash)


# -- progress ---------------------------------------------------------------------------

class _NoBar:
    def update(self, n=1):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _progress(total: int, enabled: bool):
    """A tqdm bar on stderr when asked for and stderr is a terminal; else nothing."""
    if not enabled or not _isatty(sys.stderr):
        return _NoBar()
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0      # no monitor thread: the process pool may fork after this

    return Bar(total=total, unit="article", file=sys.stderr, desc="extract", leave=False,
                dynamic_ncols=True, mininterval=PROGRESS_INTERVAL)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -- chunks -----------------------------------------------------------------------------

def chunk_size(n_items: int, n_workers: int) -> int:
    return max(1, math.ceil(n_items / (n_workers * CHUNKS_PER_WORKER)))


def _chunks(n_items: int, size: int):
    return [range(i, min(i + size, n_items)) for i in range(0, n_items, size)]


def _run_chunk(fn, part):
    return [fn(x) for x in part]


def _crashed(item, on_crash, detail):
    if on_crash is None:
        raise WorkerCrash(item, detail)
    return on_crash(item)


# -- process pool -----------------------------------------------------------------------

def _map_process(fn, items, n_workers, bar, on_crash):
    """Chunks in a process pool, at most two per worker in flight.

    Bounding what is in flight bounds the damage of a dying worker: a broken pool fails
    only the chunks it held, which are then isolated (run alone, halved while they still
    kill their worker) until the one item that kills is found and given to ``on_crash``.
    """
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    results = [None] * len(items)
    done = [False] * len(items)
    context = _pool_context()
    if context is not None and context.get_start_method() == "fork" and hasattr(fn, "warm_up"):
        fn.warm_up()   # load lazy models once here: forked workers start warm and share the pages

    def run(groups, workers, limit):
        """Run index groups in one pool; returns the groups lost when the pool broke."""
        queue = deque(groups)
        lost = []
        with ProcessPoolExecutor(max_workers=min(workers, len(groups)), mp_context=context) as pool:
            running = {}
            while queue or running:
                while queue and len(running) < limit and not lost:
                    g = queue.popleft()
                    running[pool.submit(_run_chunk, fn, [items[i] for i in g])] = g
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in finished:
                    g = running.pop(fut)
                    try:
                        values = fut.result()
                    except BrokenProcessPool:
                        lost.append(g)
                        continue
                    for i, v in zip(g, values):
                        results[i] = v
                        done[i] = True
                    bar.update(len(g))
                if lost:  # the pool is gone: what it still held is lost
                    for fut, g in running.items():
                        if fut.done() and not fut.cancelled() and fut.exception() is None:
                            for i, v in zip(g, fut.result()):
                                results[i] = v
                                done[i] = True
                            bar.update(len(g))
                        else:
                            lost.append(g)
                    running.clear()
        return lost, list(queue)

    queue = _chunks(len(items), chunk_size(len(items), n_workers))
    while queue:
        suspects, queue = run(queue, n_workers, 2 * n_workers)
        for g in sorted(suspects, key=lambda g: g[0]):
            _isolate(run, g, items, results, done, bar, on_crash)
    assert all(done)
    return results


def _pool_context():
    """fork where it is available and safe (no other thread in this process), else the default."""
    import multiprocessing
    import threading
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return None


def _isolate(run, group, items, results, done, bar, on_crash):
    """Run a group that was in a broken pool alone; halve it while it still kills its worker."""
    todo = [group]
    while todo:
        g = todo.pop()
        lost, _ = run([g], 1, 1)
        if not lost:
            continue
        if len(g) == 1:
            results[g[0]] = _crashed(items[g[0]], on_crash, "while extracting this item")
            done[g[0]] = True
            bar.update(1)
        else:
            mid = len(g) // 2
            todo.extend([g[mid:], g[:mid]])


# -- dask -------------------------------------------------------------------------------

def _import_dask():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ExecutorError(f"--executor dask needs dask and distributed: pip install 'crosscheck[dask]' "
                            f"({exc.name or exc} is missing)") from None


def _map_dask(fn, items, workers, scheduler, bar, on_crash):
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed
    from distributed.client import FutureCancelledError
    try:
        from distributed import KilledWorker
    except ImportError:  # older distributed
        from distributed.scheduler import KilledWorker

    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout="10s", set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ExecutorError(f"cannot reach the dask scheduler at {scheduler} ({exc})") from None
        else:
            with warnings.catch_warnings():   # "Port 8787 is already in use": it picks another
                warnings.simplefilter("ignore", UserWarning)
                cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
            client = Client(cluster, set_as_default=False)
        with client:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 2))
            size = chunk_size(len(items), n_workers)
            bag = db.from_sequence(items, partition_size=size).map(fn)
            parts = bag.to_delayed()
            futures = client.compute(parts)
            sizes = [len(g) for g in _chunks(len(items), size)]
            if len(sizes) != len(futures):   # dask chose other partitions: count them as they come
                sizes = None
            index = {f.key: k for k, f in enumerate(futures)}
            chunks_out = [None] * len(futures)
            for fut in as_completed(futures, loop=client.loop):
                k = index[fut.key]
                try:
                    chunks_out[k] = fut.result()
                except (KilledWorker, FutureCancelledError):
                    chunks_out[k] = None
                bar.update(sizes[k] if sizes else 0)
            results = []
            offset = 0
            for k, out in enumerate(chunks_out):
                n = sizes[k] if sizes else (len(out) if out is not None else None)
                if out is None:
                    if n is None:
                        raise ExecutorError("a dask worker died and the lost partition cannot be located")
                    out = _dask_retry(client, fn, items[offset:offset + n], on_crash, KilledWorker)
                results.extend(out)
                offset += len(out)
            if len(results) != len(items):
                raise ExecutorError(f"dask returned {len(results)} results for {len(items)} articles")
            return results
    finally:
        if cluster is not None:
            cluster.close()


def _dask_retry(client, fn, part, on_crash, killed):
    """A partition whose worker died: each item on its own; the one that kills gets on_crash."""
    futures = client.map(fn, part, pure=False, retries=0)
    out = []
    for item, fut in zip(part, futures):
        try:
            out.append(fut.result())
        except killed:
            out.append(_crashed(item, on_crash, "dask worker died while extracting this item"))
    return out
