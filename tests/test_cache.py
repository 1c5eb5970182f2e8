"""The extraction cache: exact round trips, bulk use, and never fatal."""
import json
import multiprocessing
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from crosscheck import cache as cache_mod
from crosscheck import pipeline
from crosscheck.cache import CacheError, ExtractCache, NullCache, dumps, loads, open_cache
from crosscheck.model import Claim, Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _value(i=0):
    claims = [
        Claim(id=f"a.txt:{i}", doc="a.txt", start=i, end=i + 5, text="1,065", value=1065.0, low=1065.0,
              high=1065.0, qualifier="exact", counted="civilians", category="civilians",
              sentence="totaled 300 militants and 1,065 civilians.", parts=("a.txt:1", "a.txt:2"),
              date="2017-03-18", date_precision="day", said_by="SANA"),
        Claim(id=f"a.txt:{i + 9}", doc="a.txt", start=i + 9, end=i + 20, text="4,500-5,000", value=None,
              low=4500.0, high=5000.0, qualifier="range", counted="", category="other",
              sentence="About 4,500-5,000 of them \u00e9 \u202f.", change="up", derived=True),
    ]
    return claims, Document(doc="a.txt", published="2017-03-18", published_from="dateline", anchored=True)


def test_round_trip_is_exact_across_connections(tmp_path):
    path = tmp_path / "c.sqlite"
    value = _value()
    with open_cache(path) as c:
        assert c.get("k") is None
        assert c.put_many([("k", value)]) == 1
    with open_cache(path) as c:
        back = c.get("k")
    assert back == value
    assert isinstance(back[0][0].parts, tuple) and isinstance(back[0], list)
    assert dumps(back) == dumps(value)
    # the JSON the report prints is the same either way
    assert [json.dumps(c.to_json()) for c in back[0]] == [json.dumps(c.to_json()) for c in value[0]]


def test_bulk_get_and_put_use_one_transaction(tmp_path):
    path = tmp_path / "c.sqlite"
    items = [(f"k{i}", _value(i)) for i in range(3000)]
    c = open_cache(path)
    statements = []
    c._db.set_trace_callback(statements.append)
    assert c.put_many(items) == 3000
    assert sum(s.strip().upper() == "COMMIT" for s in statements) == 1
    statements.clear()
    got = c.get_many([k for k, _ in items] + ["missing"])
    assert len(got) == 3000 and "missing" not in got
    assert got["k2999"] == items[2999][1]
    assert sum(s.upper().startswith("SELECT") for s in statements) == 7   # 3,001 keys, 500 a query
    c.close()


def test_values_that_would_not_come_back_equal_are_not_stored(tmp_path):
    with open_cache(tmp_path / "c.sqlite") as c:
        assert c.put_many([("set", ({1, 2}, None)), ("obj", (object(),)), ("ok", ([], None))]) == 1
        assert c.get("set") is None and c.get("ok") == ([], None)


def test_foreign_records_are_misses_and_never_run_anything(tmp_path):
    import pickle
    path = tmp_path / "c.sqlite"
    open_cache(path).close()
    db = sqlite3.connect(path)
    evil = pickle.dumps(os.system)  # would run a command if someone unpickled it
    db.executemany("INSERT INTO extract (key, value) VALUES (?, ?)", [
        ("pickle", evil.decode("latin-1")),
        ("unknown", json.dumps({"__dc__": "Popen", "args": ["touch", str(tmp_path / "pwned")]})),
        ("stale", json.dumps({"__dc__": "Document", "doc": "a", "no_such_field": 1})),
        ("bad-json", "{"),
    ])
    db.commit()
    db.close()
    with open_cache(path) as c:
        assert c.get_many(["pickle", "unknown", "stale", "bad-json"]) == {}
    assert not (tmp_path / "pwned").exists()
    with pytest.raises(CacheError):
        loads(json.dumps({"__dc__": "Popen"}))


def test_garbage_file_is_moved_aside_and_rebuilt(tmp_path, capfd):
    path = tmp_path / "c.sqlite"
    path.write_bytes(os.urandom(4096))
    c = open_cache(path)
    assert isinstance(c, ExtractCache) and c._db is not None
    c.put("k", _value())
    assert c.get("k") == _value()
    c.close()
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "rebuilt" in err
    assert (tmp_path / "c.sqlite.corrupt").exists()
    with open_cache(path) as c:           # and the next run is silent
        assert c.get("k") == _value()
    assert capfd.readouterr().err == ""


def test_sqlite_file_of_another_program_is_left_alone(tmp_path, capfd):
    path = tmp_path / "theirs.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE extract (id INTEGER, payload BLOB)")
    db.execute("INSERT INTO extract VALUES (1, x'00')")
    db.commit()
    db.close()
    before = path.read_bytes()
    with open_cache(path) as c:
        c.put("k", _value())
        assert c.get("k") is None
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "another program" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("layout", ["crosscheck-extract-cache 0", "crosscheck-extract-cache 1"])
def test_older_layout_of_our_own_is_rebuilt(tmp_path, layout):
    path = tmp_path / "c.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema', ?)", (layout,))
    db.execute("CREATE TABLE extract (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.commit()
    db.close()
    with open_cache(path, generation="g") as c:
        c.put("k", _value())
        assert c.get("k") == _value()


def test_unwritable_location_is_bypassed(tmp_path, capfd):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    c = open_cache(blocker / "sub" / "c.sqlite")   # a file where a folder should be
    c.put("k", _value())
    assert c.get("k") is None
    c.close()
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "running without it" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permissions")
def test_read_only_folder_is_bypassed(tmp_path, capfd):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        c = open_cache(ro / "c.sqlite")
        c.put("k", _value())
        assert c.get("k") is None
        c.close()
    finally:
        ro.chmod(0o755)
    assert capfd.readouterr().err.count("\n") == 1


def test_read_only_database_file_is_bypassed(tmp_path, capfd, monkeypatch):
    path = tmp_path / "c.sqlite"
    open_cache(path).close()
    real = sqlite3.connect
    monkeypatch.setattr(cache_mod.sqlite3, "connect",
                        lambda p, **kw: real(f"file:{p}?mode=ro", uri=True, **kw))
    c = open_cache(path)
    c.put("k", _value())
    assert c.get("k") is None
    c.close()
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "readonly" in err


def test_disabled_and_default_path(tmp_path, monkeypatch):
    assert isinstance(open_cache(tmp_path / "x.sqlite", enabled=False), NullCache)
    assert not (tmp_path / "x.sqlite").exists()
    monkeypatch.setenv("CROSSCHECK_CACHE", str(tmp_path / "env.sqlite"))
    assert cache_mod.default_path() == tmp_path / "env.sqlite"
    monkeypatch.delenv("CROSSCHECK_CACHE")
    p = cache_mod.default_path()
    assert p.name == "extract.sqlite" and p.parent.name == "crosscheck"


def _writer(path, n, offset):
    c = open_cache(path)
    for i in range(0, n, 50):   # many small transactions, interleaved with the other process
        c.put_many((f"k{offset + j}", _value(offset + j)) for j in range(i, i + 50))
        c.get_many([f"k{offset + j}" for j in range(i)])
    c.close()


def test_two_processes_share_one_file(tmp_path):
    path = tmp_path / "c.sqlite"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), 1000, k * 10_000)) for k in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute("SELECT count(*) FROM extract").fetchone() == (2000,)
    db.close()


# -- through the pipeline --------------------------------------------------------------

@pytest.fixture
def counting(monkeypatch):
    seen = []
    real = pipeline.process_article

    def counted(article, config):
        seen.append(article.doc)
        return real(article, config)

    monkeypatch.setattr(pipeline, "process_article", counted)
    return seen


def test_only_new_or_changed_articles_are_extracted_again(tmp_path, counting):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cpath = tmp_path / "c.sqlite"
    kw = dict(executor="serial", cache_path=str(cpath))
    first = pipeline.extract_paths([str(corpus)], **kw)
    assert len(counting) == 5
    counting.clear()
    assert pipeline.extract_paths([str(corpus)], **kw)[1:] == first[1:]
    assert counting == []
    new = corpus / "new.txt"
    new.write_text("On Monday 250 families left the district.\n", encoding="utf-8")
    pipeline.extract_paths([str(corpus)], **kw)
    assert counting == ["new.txt"]
    counting.clear()
    seed = sorted(corpus.glob("0*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nLater 12 buses arrived.\n", encoding="utf-8")
    pipeline.extract_paths([str(corpus)], **kw)
    assert counting == [seed.name]
    counting.clear()
    pipeline.extract_paths([str(corpus)], executor="serial", cache=False, cache_path=str(cpath))
    assert len(counting) == 6


def test_moving_the_folder_keeps_hits_but_config_changes_miss(tmp_path, counting):
    from crosscheck.config import Config, load_config
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(SEEDS, a)
    kw = dict(executor="serial", cache_path=str(tmp_path / "c.sqlite"))
    pipeline.extract_paths([str(a)], **kw)
    shutil.move(a, b)
    counting.clear()
    pipeline.extract_paths([str(b)], **kw)
    assert counting == []
    other = Config({**load_config().data, "test-extra": {"x": 1}})
    pipeline.extract_paths([str(b)], other, **kw)
    assert len(counting) == 5


def test_failed_extractions_are_not_cached(tmp_path, monkeypatch):
    calls = []

    def boom(article, config):
        calls.append(article.doc)
        raise ValueError("bad")

    monkeypatch.setattr(pipeline, "process_article", boom)
    kw = dict(executor="serial", cache_path=str(tmp_path / "c.sqlite"))
    for _ in range(2):
        _, claims, docs, errors = pipeline.extract_paths([str(SEEDS)], **kw)
        assert claims == [] and len(errors) == 5 and "ValueError: bad" in str(errors[0])
    assert len(calls) == 10


def test_rows_of_an_older_extractor_are_dropped_on_the_first_write(tmp_path):
    path = tmp_path / "c.sqlite"
    with open_cache(path, generation="old") as c:
        c.put_many([("a", _value()), ("b", _value())])
    with open_cache(path, generation="new") as c:
        assert c.get("a") == _value()           # reading drops nothing
        c.put("c", _value())
        assert c.get("a") is None and c.get("c") == _value()
        assert len(c) == 1
        c.put("d", _value())
        assert len(c) == 2
