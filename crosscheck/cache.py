"""Content-hash cache of per-article extraction (owner: scale).

    open_cache(path=None, enabled=True, generation="") -> ExtractCache | NullCache
    cache.get(key) -> value | None         cache.put(key, value)
    cache.get_many(keys) -> {key: value}   cache.put_many([(key, value), ...])   # one transaction
    cache.close()

An embedded SQLite file, by default ``<user cache dir>/crosscheck/extract.sqlite``
(platformdirs); the environment variable ``CROSSCHECK_CACHE`` or ``path`` overrides it.
Keys are built by ``pipeline._cache_key`` (article content, extractor version, config
digest). Values are the ``(claims, Document)`` pairs of ``process_article``, stored as
JSON with the class name of each dataclass (only classes of ``crosscheck.model`` are
rebuilt): reading a foreign cache never executes anything.

The cache is an optimisation, never a reason to fail: a file that is not a database is
moved aside to ``<path>.corrupt`` and rebuilt; a SQLite file of another program, a
location that cannot be written, or a database error mid-run makes the cache step
aside for the run, with one warning line on stderr. WAL mode and a busy timeout let
two processes share one file.
"""
from __future__ import annotations

import dataclasses
import json
import os
import time
import sqlite3
import sys
from pathlib import Path
from typing import Iterable, Optional

from . import model

SCHEMA = "crosscheck-extract-cache 2"
_TIMEOUT = 30.0          # seconds a writer waits for another process's transaction
_BATCH = 500             # SQLite host parameters per query (the limit is 999 on old builds)

_CLASSES = {name: obj for name, obj in vars(model).items()
            if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__}


class CacheError(Exception):
    """A value that cannot be stored or rebuilt."""


def default_path() -> Path:
    """``CROSSCHECK_CACHE`` if set, else ``extract.sqlite`` in the user cache folder."""
    env = os.environ.get("CROSSCHECK_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("crosscheck", appauthor=False)) / "extract.sqlite"


# -- values <-> JSON --------------------------------------------------------------------

def _encode(obj):
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        name = type(obj).__name__
        if _CLASSES.get(name) is not type(obj):
            raise CacheError(f"cannot cache a {type(obj).__qualname__}")
        out = {"__dc__": name}
        for f in dataclasses.fields(obj):
            out[f.name] = _encode(getattr(obj, f.name))
        return out
    if isinstance(obj, tuple):
        return {"__tuple__": [_encode(x) for x in obj]}
    if isinstance(obj, list):
        return [_encode(x) for x in obj]
    if isinstance(obj, dict):
        if not all(isinstance(k, str) for k in obj) or any(k in ("__dc__", "__tuple__") for k in obj):
            raise CacheError("cannot cache a dict with these keys")
        return {k: _encode(v) for k, v in obj.items()}
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    raise CacheError(f"cannot cache a {type(obj).__qualname__}")


def _decode(obj):
    if isinstance(obj, list):
        return [_decode(x) for x in obj]
    if isinstance(obj, dict):
        if "__tuple__" in obj:
            return tuple(_decode(x) for x in obj["__tuple__"])
        if "__dc__" in obj:
            cls = _CLASSES.get(obj["__dc__"])
            if cls is None:
                raise CacheError(f"unknown record type {obj['__dc__']!r}")
            names = {f.name for f in dataclasses.fields(cls)}
            kw = {k: _decode(v) for k, v in obj.items() if k != "__dc__"}
            if set(kw) != names:      # the model changed since this was stored: a miss
                raise CacheError(f"stale {cls.__name__} record")
            return cls(**kw)
        return {k: _decode(v) for k, v in obj.items()}
    return obj


def dumps(value) -> str:
    """JSON text of a cacheable value; raises CacheError for anything it cannot rebuild exactly."""
    try:
        text = json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"), allow_nan=True)
    except (TypeError, ValueError, RecursionError) as exc:
        raise CacheError(str(exc)) from None
    return text


def loads(text: str):
    """The value ``dumps`` stored; raises CacheError on anything else."""
    try:
        return _decode(json.loads(text))
    except CacheError:
        raise
    except (TypeError, ValueError, KeyError, RecursionError) as exc:
        raise CacheError(f"unreadable record ({exc.__class__.__name__})") from None


# -- stores -----------------------------------------------------------------------------

class NullCache:
    """No cache: every key misses."""

    path = None

    def get(self, key):
        return None

    def get_many(self, keys: Iterable[str]) -> dict:
        return {}

    def put(self, key, value):
        pass

    def put_many(self, items) -> int:
        return 0

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _warn(msg: str) -> None:
    sys.stderr.write(f"crosscheck: warning: {msg}\n")
    sys.stderr.flush()


class ExtractCache(NullCache):
    """The SQLite store. Use ``open_cache``: it never raises."""

    def __init__(self, path: Path, generation: str = ""):
        self.path = Path(path)
        self.generation = generation
        self._pruned = False
        self._db: Optional[sqlite3.Connection] = None
        self._warned = False
        self._open()

    # Opening: create, or recognise our own file, or step aside.
    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=_TIMEOUT, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = %d" % int(_TIMEOUT * 1000))
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "meta" not in tables:
                raise _Foreign("a SQLite file of another program")
            if "meta" in tables:
                row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                if not row or row[0] != SCHEMA:
                    if row and str(row[0]).startswith("crosscheck-extract-cache"):
                        self._reset(db)       # our own older layout: rebuild it
                    else:
                        raise _Foreign("a SQLite file of another program")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA,))
                db.execute("CREATE TABLE IF NOT EXISTS extract (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                           "generation TEXT NOT NULL DEFAULT '')")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except BaseException:
            db.close()
            raise
        return db

    def _connect_retrying(self) -> sqlite3.Connection:
        """``_connect``, tried again while another process holds the file: SQLite answers
        "database is locked" at once, without its busy timeout, when two connections switch a
        new file to WAL mode at the same moment."""
        delay, waited = 0.02, 0.0
        while True:
            try:
                return self._connect()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or waited >= _TIMEOUT:
                    raise
            time.sleep(delay)
            waited += delay
            delay = min(delay * 2, 1.0)

    @staticmethod
    def _reset(db):
        db.execute("BEGIN IMMEDIATE")
        db.execute("DROP TABLE IF EXISTS extract")
        db.execute("DROP TABLE IF EXISTS meta")
        db.execute("COMMIT")

    def _open(self):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._bypass(f"cannot create {self.path.parent} ({exc.strerror or exc})")
        try:
            self._db = self._connect_retrying()
            return
        except _Foreign as exc:
            return self._bypass(f"{self.path} is {exc}")
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                return self._bypass(f"{self.path}: {exc}")
        # Not a database (garbage bytes, a truncated file): move it aside and start again.
        try:
            aside = self.path.with_name(self.path.name + ".corrupt")
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                extra = self.path.with_name(self.path.name + suffix)
                if extra.exists():
                    extra.unlink()
            self._db = self._connect()
            self._warn(f"{self.path} was not a cache database: moved to {aside.name} and rebuilt")
        except (OSError, sqlite3.Error, _Foreign) as exc:
            self._bypass(f"{self.path} is unreadable and cannot be rebuilt ({exc})")

    def _warn(self, msg: str):
        if not self._warned:
            self._warned = True
            _warn(f"extraction cache: {msg}")

    def _bypass(self, msg: str):
        self._warn(msg + "; running without it")
        self.close()

    # Reading and writing.
    def get(self, key):
        return self.get_many([key]).get(key)

    def get_many(self, keys) -> dict:
        """Every stored value among ``keys`` (misses and unreadable records are left out)."""
        if self._db is None:
            return {}
        keys = list(dict.fromkeys(keys))
        out = {}
        try:
            for i in range(0, len(keys), _BATCH):
                part = keys[i:i + _BATCH]
                q = "SELECT key, value FROM extract WHERE key IN (%s)" % ",".join("?" * len(part))
                for k, text in self._db.execute(q, part):
                    try:
                        out[k] = loads(text)
                    except CacheError:
                        pass          # stale or damaged record: recomputed and overwritten
        except sqlite3.Error as exc:
            self._bypass(f"{self.path}: read failed ({exc})")
            return {}
        return out

    def put(self, key, value):
        self.put_many([(key, value)])

    def put_many(self, items) -> int:
        """Store ``(key, value)`` pairs in one transaction; returns how many were stored.

        A value that would not come back identical (a type JSON cannot keep) is not stored.
        """
        if self._db is None:
            return 0
        rows = []
        for key, value in items:
            try:
                text = dumps(value)
                if dumps(loads(text)) != text:
                    continue
            except CacheError:
                continue
            rows.append((key, text))
        if not rows:
            return 0
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if not self._pruned:   # rows an older extractor wrote can never hit again
                    self._db.execute("DELETE FROM extract WHERE generation != ?", (self.generation,))
                    self._pruned = True
                self._db.executemany("INSERT OR REPLACE INTO extract (key, value, generation) VALUES (?, ?, ?)",
                                     [(k, v, self.generation) for k, v in rows])
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            self._bypass(f"{self.path}: write failed ({exc})")
            return 0
        return len(rows)

    def __len__(self):
        if self._db is None:
            return 0
        try:
            return self._db.execute("SELECT count(*) FROM extract").fetchone()[0]
        except sqlite3.Error:
            return 0

    def close(self):
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


class _Foreign(Exception):
    pass


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    msg = str(exc).lower()
    return "not a database" in msg or "malformed" in msg or "corrupt" in msg


def open_cache(path=None, enabled: bool = True, generation: str = ""):
    """The extraction cache at ``path`` (default: ``default_path()``), or a NullCache.

    ``generation`` names the extractor that writes (the pipeline passes a digest of its
    code): the first write of a run drops the rows of every other generation, so the
    file does not grow with each upgrade.

    Never raises: a cache that cannot be used warns once on stderr and steps aside.
    """
    if not enabled:
        return NullCache()
    try:
        return ExtractCache(Path(path) if path else default_path(), generation)
    except Exception as exc:  # noqa: BLE001 - the cache must never stop a run
        _warn(f"extraction cache: unusable ({exc.__class__.__name__}: {exc}); running without it")
        return NullCache()
