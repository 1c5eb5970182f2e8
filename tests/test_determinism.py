"""Byte-identical JSON whatever the hash seed, executor, worker count or cache state.

quantulum3's own output varies with the hash seed (its issue #212), and set or dict order
can leak into any stage: each run here is a fresh interpreter with its own PYTHONHASHSEED.
The corpus is the seeds plus a renumbered sample of them (bench/corpus.py), so the real
stages meet figures they were not tuned on.
"""
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("determinism")
    folder = base / "corpus"
    _corpus_module().build(folder / "renumbered", articles=25, renumber_all=True)
    shutil.copytree(SEEDS, folder / "seeds")
    return folder


def _run(args, seed, cache=None):
    env = {k: v for k, v in os.environ.items() if k not in ("CROSSCHECK_CACHE", "PYTHONHASHSEED")}
    env["PYTHONHASHSEED"] = str(seed)
    if cache:
        env["CROSSCHECK_CACHE"] = str(cache)
    proc = subprocess.run([sys.executable, "-m", "crosscheck"] + args + ["-q"], capture_output=True,
                          env=env, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout, "no output"
    return proc.stdout


@pytest.mark.parametrize("command", ["extract", "report"])
def test_json_is_byte_identical(corpus, tmp_path, command):
    base = [command, str(corpus), "--json"]
    reference = _run(base + ["--no-cache", "--executor", "serial"], seed=0)
    variants = {
        "seed 1, process pool, 2 workers": (base + ["--no-cache", "--executor", "process", "--workers", "2"], 1, None),
        "seed 2, process pool, 1 worker": (base + ["--no-cache", "--executor", "process", "--workers", "1"], 2, None),
        "seed 3, auto, cold cache": (base, 3, tmp_path / "c.sqlite"),
        "seed 4, auto, warm cache": (base, 4, tmp_path / "c.sqlite"),
        "seed 5, serial, warm cache": (base + ["--executor", "serial"], 5, tmp_path / "c.sqlite"),
    }
    for name, (args, seed, cache) in variants.items():
        out = _run(args, seed, cache)
        assert out == reference, f"{command} --json differs from the serial run with hash seed 0: {name}"
    n_articles = len(list(corpus.rglob("*.txt")))
    with sqlite3.connect(tmp_path / "c.sqlite") as db:
        assert db.execute("SELECT count(*) FROM extract").fetchone()[0] == n_articles


@pytest.mark.parametrize("command", ["extract", "report"])
def test_dask_json_is_byte_identical(corpus, command):
    pytest.importorskip("distributed")
    base = [command, str(corpus), "--json", "--no-cache"]
    reference = _run(base + ["--executor", "serial"], seed=7)
    assert _run(base + ["--executor", "dask", "--workers", "2"], seed=8) == reference


def test_a_tie_between_two_stories_is_broken_the_same_way_under_every_hash_seed(tmp_path):
    # c names both towns as often: it is as close to a's story as to b's; which one it joins must
    # not depend on the order of a set of names
    texts = {
        "a.txt": "Published 2 May 2024\n\nKARAN - At least 12 people were killed in Karan on Wednesday when a "
                 "bridge collapsed, officials in Karan said.\n",
        "b.txt": "Published 2 May 2024\n\nVELSK - Floods killed 30 people in Velsk on Wednesday, officials in "
                 "Velsk said.\n",
        "c.txt": "Published 3 May 2024\n\nStorm kills dozens in Karan and Velsk\n\nOfficials in Karan and Velsk "
                 "said 45 people were killed in Karan and Velsk on Wednesday in the storm.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    outs = {_run(["report", str(tmp_path), "--json", "--no-cache", "--executor", "serial"], seed=s)
            for s in range(6)}
    assert len(outs) == 1
