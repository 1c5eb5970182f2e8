"""Dedup beside extraction: the forked child gives what the main process would compute."""
import importlib.util
from pathlib import Path

import pytest

from crosscheck import pipeline
from crosscheck.render import to_json

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    folder = tmp_path_factory.mktemp("perf") / "corpus"
    mod.build(folder, articles=12)
    return folder


def test_background_dedup_gives_the_serial_report(corpus, monkeypatch):
    started = []
    real = pipeline._Forked.__init__

    def spy(self, fn, *args):
        started.append(fn)
        real(self, fn, *args)

    monkeypatch.setattr(pipeline._Forked, "__init__", spy)
    forks = pipeline._Forked.available()      # False when an earlier test left a thread running
    serial = pipeline.run([str(corpus)], executor="serial", cache=False)
    assert not started
    pool = pipeline.run([str(corpus)], executor="process", workers=2, cache=False)
    assert started == ([pipeline.find_shared] if forks else [])
    assert to_json(pool) == to_json(serial)
    assert any(d.duplicate_of for d in serial.documents)


def _boom():
    raise RuntimeError("boom")


def test_a_failed_child_gives_none_and_the_caller_computes():
    assert pipeline._Forked(_boom).result() is None
    assert pipeline._Forked(sorted, [3, 1, 2]).result() == [1, 2, 3]
