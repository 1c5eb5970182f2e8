"""map_articles: same values in the same order on every executor, crashes contained."""
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck import executors, pipeline
from crosscheck.executors import ExecutorError, WorkerCrash, choose_executor, map_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _slow_square(x):
    time.sleep(0.002 * (x % 5))       # uneven durations: chunks finish out of order
    return x * x


def _pid(x):
    time.sleep(0.02)
    return os.getpid()


def _dies_on_13(x):
    if x == 13:
        os._exit(3)                  # a hard crash: no exception, the worker is gone
    return -x


def _raises(x):
    raise ValueError(x)


@pytest.mark.parametrize("kind", ["serial", "process"])
def test_order_and_values(kind):
    items = list(range(203))
    assert map_articles(_slow_square, items, executor=kind, workers=2) == [x * x for x in items]


def test_empty_and_single():
    assert map_articles(_slow_square, [], executor="process") == []
    assert map_articles(_slow_square, [3], executor="process", workers=2) == [9]


def test_auto_choice():
    many = executors.AUTO_MIN_ITEMS
    assert choose_executor("auto", many - 1, 2, None) == "serial"
    assert choose_executor("auto", many, 2, None) == "process"
    assert choose_executor("auto", 10_000, 1, None) == "serial"
    assert choose_executor("auto", 1, None, "tcp://x:8786") == "dask"
    assert choose_executor("serial", 10_000, None, None) == "serial"


@pytest.mark.parametrize("kw", [dict(executor="nope"), dict(workers=0), dict(executor="process", scheduler="tcp://x:1")])
def test_bad_settings_are_exit_2(kw):
    with pytest.raises(ExecutorError) as err:
        map_articles(_slow_square, [1, 2], **kw)
    assert err.value.exit_code == 2


def test_pool_uses_every_worker():
    pids = map_articles(_pid, list(range(64)), executor="process", workers=2)
    assert os.getpid() not in pids
    assert len(set(pids)) == 2


def test_chunks_keep_ipc_small():
    assert executors.chunk_size(3000, 2) == 188
    assert executors.chunk_size(5, 2) == 1
    assert len(executors._chunks(3000, 188)) == 16


def test_a_dying_worker_loses_no_other_item():
    items = list(range(40))
    out = map_articles(_dies_on_13, items, executor="process", workers=2, on_crash=lambda x: ("crashed", x))
    assert out == [("crashed", 13) if x == 13 else -x for x in items]
    with pytest.raises(WorkerCrash) as err:
        map_articles(_dies_on_13, items, executor="process", workers=2)
    assert err.value.item == 13


def test_exceptions_in_fn_propagate_unless_fn_catches_them():
    # the pipeline's _Task catches; a bare function's error is not swallowed here
    with pytest.raises(ValueError):
        map_articles(_raises, list(range(10)), executor="process", workers=2)


def test_progress_bar_only_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert isinstance(executors._progress(10, True), executors._NoBar)

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    monkeypatch.setattr(executors, "PROGRESS_INTERVAL", 0)
    assert isinstance(executors._progress(10, False), executors._NoBar)
    assert map_articles(_slow_square, list(range(30)), executor="process", workers=2, progress=True) == \
        [x * x for x in range(30)]
    drawn = re.findall(r"(\d+)/30", tty.getvalue())
    assert drawn[0] == "0" and int(drawn[-1]) > 0


def test_pipeline_on_process_pool_matches_serial():
    serial = pipeline.extract_paths([str(SEEDS)], executor="serial", cache=False)
    pool = pipeline.extract_paths([str(SEEDS)], executor="process", workers=2, cache=False)
    assert pool[1:] == serial[1:]


def test_pipeline_turns_a_dead_worker_into_an_error(monkeypatch):
    real = pipeline.process_article

    def dies_on_002(article, config):
        if article.doc.startswith("002"):
            os._exit(9)
        return real(article, config)

    monkeypatch.setattr(pipeline, "process_article", dies_on_002)   # fork: workers see it
    _, claims, docs, errors = pipeline.extract_paths([str(SEEDS)], executor="process", workers=2, cache=False)
    assert [d.doc[:3] for d in docs] == ["000", "001", "003", "004"]
    assert len(errors) == 1 and "worker process died" in str(errors[0]) and "002_" in str(errors[0])


def test_missing_dask_is_one_line_exit_2(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    res = CliRunner().invoke(pipeline_cli(), ["extract", str(SEEDS), "--json", "--no-cache", "-q",
                                              "--executor", "dask"])
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error:") and "crosscheck[dask]" in lines[0]


def pipeline_cli():
    from crosscheck.cli import cli
    return cli


def test_dask_local_cluster_matches_serial():
    pytest.importorskip("distributed")
    serial = pipeline.extract_paths([str(SEEDS)], executor="serial", cache=False)
    dask = pipeline.extract_paths([str(SEEDS)], executor="dask", workers=2, cache=False)
    assert dask[1:] == serial[1:]
    items = list(range(57))
    assert map_articles(_slow_square, items, executor="dask", workers=2) == [x * x for x in items]


def test_dask_unreachable_scheduler_is_exit_2():
    pytest.importorskip("distributed")
    with pytest.raises(ExecutorError) as err:
        map_articles(_slow_square, [1, 2, 3], executor="dask", scheduler="tcp://127.0.0.1:9")
    assert err.value.exit_code == 2 and "127.0.0.1:9" in str(err.value)


WARM_SCRIPT = """
import os, threading
from crosscheck.executors import map_articles
STATE = {"warm": 0}
class WarmFn:
    def warm_up(self):
        STATE["warm"] += 1
    def __call__(self, x):
        return STATE["warm"], os.getpid()
if __name__ == "__main__":
    out = map_articles(WarmFn(), list(range(40)), executor="process", workers=2)
    assert STATE["warm"] == 1, STATE
    assert {w for w, _ in out} == {1}, out
    assert os.getpid() not in {p for _, p in out}
    map_articles(WarmFn(), list(range(3)), executor="serial")
    assert STATE["warm"] == 1
    threading.Thread(target=threading.Event().wait, args=(5,), daemon=True).start()
    out = map_articles(WarmFn(), list(range(40)), executor="process", workers=2)
    assert STATE["warm"] == 1 and len(out) == 40    # another thread: no fork, no warm-up
    print("ok")
"""


def test_warm_up_runs_once_in_the_parent_and_workers_inherit_it(tmp_path):
    # a fresh interpreter: this one may hold threads (dask) that make forking unsafe
    script = tmp_path / "warm.py"
    script.write_text(WARM_SCRIPT)
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_pipeline_task_warm_up_never_raises(monkeypatch):
    from crosscheck.config import load_config

    def boom(article, config):
        raise RuntimeError("x")

    monkeypatch.setattr(pipeline, "process_article", boom)
    pipeline._Task(load_config()).warm_up()


@pytest.mark.filterwarnings("ignore:Port .* is already in use")
def test_dask_on_a_given_scheduler_matches_serial():
    distributed = pytest.importorskip("distributed")
    serial = pipeline.extract_paths([str(SEEDS)], executor="serial", cache=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = pipeline.extract_paths([str(SEEDS)], executor="auto", scheduler=cluster.scheduler_address,
                                        cache=False)
    assert remote[1:] == serial[1:]
