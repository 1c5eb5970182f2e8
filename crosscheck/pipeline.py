"""The whole run, stage by stage.

1. ingest: files and folders -> Article (bad inputs become errors, the run goes on)
2. extract + date: one pure function per article (pool / dask / cache)
3. dedup: one text published twice is one source. Its heavy half (shingle fingerprints,
   index, passages) needs only the texts: with a process pool or dask it runs in a child
   forked right after ingest, beside the warm-up and extraction; otherwise each article's
   fingerprint is computed in its per-article job and only the index join runs here
4. align: claims of all articles -> events (networkx graph); its per-article part
   (sentences, their features, ``align.prepare``) runs in the per-article jobs of stage 2
5. reconcile: interval arithmetic -> findings and estimates
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import fields as dataclass_fields, replace
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from . import __version__
from .align import align, prepare
from .cache import ExtractCache, open_cache
from .config import Config, load_config
from .dedup import find_duplicates, find_shared, fingerprint
from .executors import AUTO_MIN_ITEMS, cpu_count, map_articles
from .extract import extract_claims
from .ingest import IngestError, iter_articles
from .model import Article, Document, Result
from .reconcile import reconcile
from .timeline import date_claims, warm_up as timeline_warm_up

EXTRACTOR_VERSION = f"{__version__}-1"


def process_article(article: Article, config: Config):
    """Extract and date the claims of one article. Pure: same input, same output."""
    claims = extract_claims(article, config)
    return date_claims(article, claims)


def _code_digest() -> str:
    """A digest of the package's own source and data, so that a changed stage never reads
    results an older one cached (the version number alone misses edits between releases)."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        h = hashlib.sha256(EXTRACTOR_VERSION.encode())
        root = Path(__file__).resolve().parent
        try:
            files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml", ".json")
                           and "__pycache__" not in p.parts)
            for p in files:
                h.update(p.relative_to(root).as_posix().encode())
                h.update(b"\0")
                h.update(p.read_bytes())
                h.update(b"\0")
        except OSError:
            pass
        _CODE_DIGEST = h.hexdigest()[:16]
    return _CODE_DIGEST


_CODE_DIGEST: Optional[str] = None


def _cache_key(article: Article, config: Config) -> str:
    """The article's content and metadata (not where it sits on disk), the extractor's
    version and code, and the config digest."""
    h = hashlib.sha256()
    fields = {f.name: getattr(article, f.name) for f in dataclass_fields(article) if f.name != "source"}
    for part in (EXTRACTOR_VERSION, _code_digest(), config.digest,
                 json.dumps(fields, sort_keys=True, ensure_ascii=False)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


_WARM_UP = Article(doc="warm-up.txt", published="2017-03-20", published_from="dateline",
                   text="GENEVA, March 20 (Reuters) - On Monday, about 1,500 people, including 300 "
                        "fighters, left the eastern district, the governor told AFP. Earlier this week "
                        "more than 2.5 million dollars and 12 km of road were promised.\n")


class _Task:
    """Picklable per-article job for process pools and dask: ``(claims, Document, extras)``.
    ``extras`` holds, when asked for, the article's dedup ``fingerprint`` and ``align``'s
    per-article part (``align.prepare``), so that they run in the workers; neither is cached
    (only claims and Document are): a cache hit is sent as a ``_Hit``, and only its extras
    come back."""

    def __init__(self, config: Config, fingerprints: bool = False, align: bool = False):
        self.config = config
        self.fingerprints = fingerprints
        self.align = align

    def warm_up(self) -> None:
        """Run the stages once on a small built-in article, so that the lazy loads (unit
        tables, date parsers, compiled patterns) happen before a process pool forks."""
        try:
            timeline_warm_up()
            claims, doc = process_article(_WARM_UP, self.config)
            if self.align:
                prepare(_WARM_UP, claims, doc, self.config)
        except Exception:  # noqa: BLE001 - a warm-up never stops a run
            pass

    def __call__(self, item):
        article = item.article if isinstance(item, _Hit) else item
        try:
            claims, doc = (item.claims, item.document) if isinstance(item, _Hit) else process_article(article, self.config)
            extras = {}
            if self.fingerprints:
                extras["fingerprint"] = fingerprint(article.text)
            if self.align and claims:           # (align reads no article without claims)
                extras["align"] = prepare(article, claims, doc, self.config)
            return extras if isinstance(item, _Hit) else (claims, doc, extras)
        except Exception as exc:  # a bug on one article must not lose the others
            return IngestError(article.doc, f"extraction failed ({exc.__class__.__name__}: {exc})")


class _Hit(NamedTuple):
    """An article found in the cache, sent to the workers for what is not cached (the extras):
    ``_Task`` returns only those."""
    article: Article
    claims: list
    document: Document


def _crashed(item):
    article = item.article if isinstance(item, _Hit) else item
    return IngestError(article.source or article.doc, "extraction failed (the worker process died)")


def extract_paths(paths: Iterable[str], config: Optional[Config] = None, *, executor: str = "auto",
                  workers: Optional[int] = None, scheduler: Optional[str] = None, cache: bool = True,
                  cache_path: Optional[str] = None, progress: bool = False):
    """Stages 1-2. Returns (articles, claims, documents, errors), all in a stable order.

    Articles whose key is in the cache are not extracted again; the others are mapped
    over ``executor`` and stored in one transaction.
    """
    return _extract(paths, config, executor=executor, workers=workers, scheduler=scheduler, cache=cache,
                    cache_path=cache_path, progress=progress)[:4]


def _extract(paths, config=None, *, executor="auto", workers=None, scheduler=None, cache=True,
             cache_path=None, progress=False, dedup=False):
    """``extract_paths``, plus (with ``dedup``, for a whole run) a ``_SharedPassages`` whose
    ``result(kept)`` is ``dedup.find_shared`` of the kept articles, computed beside extraction,
    and ``align.prepare``'s value per extracted document (doc -> value)."""
    config = config or load_config()
    articles, errors = [], []
    for item in iter_articles(paths):
        (errors if isinstance(item, IngestError) else articles).append(item)
    seen = set()
    unique = []
    for a in articles:
        if a.doc in seen:
            errors.append(IngestError(a.source or a.doc, f"duplicate document name {a.doc!r}: skipped"))
            continue
        seen.add(a.doc)
        unique.append(a)
    articles = sorted(unique, key=lambda a: a.doc)
    shared = None
    if dedup:
        background = (executor != "serial" and (workers or cpu_count()) > 1 and len(articles) >= AUTO_MIN_ITEMS
                      and _Forked.available())
        shared = _SharedPassages(articles, background)

    store = open_cache(cache_path, enabled=cache, generation=_code_digest())
    try:
        # (no cache, no keys: a key hashes the article's whole text)
        keys = [_cache_key(a, config) for a in articles] if isinstance(store, ExtractCache) else [None] * len(articles)
        hits = store.get_many(keys)
        results = [hits.get(k) for k in keys]
        todo = [i for i, r in enumerate(results) if r is None]
        task = _Task(config, fingerprints=shared is not None and not shared.background, align=dedup)
        # a whole run also sends the cache hits, for align's per-article part
        again = [i for i, r in enumerate(results) if r is not None] if task.align or task.fingerprints else []
        fresh = map_articles(task, [articles[i] for i in todo] + [_Hit(articles[i], *results[i][:2]) for i in again],
                             executor=executor, workers=workers, scheduler=scheduler, progress=progress,
                             on_crash=_crashed)
        for i, r in zip(todo, fresh):
            results[i] = r
        for i, r in zip(again, fresh[len(todo):]):
            results[i] = r if isinstance(r, IngestError) else (*results[i][:2], r)
        store.put_many((keys[i], tuple(results[i][:2])) for i in todo if not isinstance(results[i], IngestError))
    except BaseException:
        if shared is not None:
            shared.cancel()
        raise
    finally:
        store.close()

    claims, documents, kept, prepared = [], [], [], {}
    for a, r in zip(articles, results):
        if isinstance(r, IngestError):
            errors.append(r)
            continue
        kept.append(a)
        claims.extend(r[0])
        documents.append(r[1])
        extras = r[2] if len(r) > 2 else {}
        if "fingerprint" in extras:
            shared.prints[a.doc] = extras["fingerprint"]
        if "align" in extras:
            prepared[a.doc] = extras["align"]
    return kept, claims, documents, errors, shared, prepared


class _SharedPassages:
    """``dedup.find_shared`` of a run's articles: from a child forked after ingest (``background``),
    or here from the fingerprints the per-article jobs returned (``prints``)."""

    def __init__(self, articles: list, background: bool):
        self.articles = articles
        self.background = background
        self.prints = {}
        self._child = _Forked(find_shared, articles) if background else None

    def cancel(self) -> None:
        if self._child is not None:
            self._child.cancel()

    def result(self, kept: list) -> list:
        shared = self._child.result() if self._child is not None else None
        if shared is None or len(kept) != len(self.articles):   # no child, it failed, or fewer articles
            shared = find_shared(kept, self.prints)
        self.prints = {}
        return shared


class _Forked:
    """``fn(*args)`` in a child process forked now (it reads ``args`` from the parent's memory,
    nothing is pickled on the way in); ``result()`` is its value, or None if it failed."""

    @staticmethod
    def available() -> bool:
        """fork exists and this process has no other thread (forking one with threads is unsafe)."""
        import multiprocessing
        import threading
        return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1

    def __init__(self, fn, *args):
        import multiprocessing
        ctx = multiprocessing.get_context("fork")
        self._conn, child_end = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_forked_main, args=(fn, args, child_end), daemon=True)
        self._proc.start()
        child_end.close()

    def result(self):
        try:
            ok, value = self._conn.recv()
        except Exception:  # noqa: BLE001 - the child died or sent garbage: the caller computes it
            ok, value = False, None
        finally:
            self._conn.close()
            self._proc.join()
        return value if ok else None

    def cancel(self) -> None:
        self._conn.close()
        self._proc.terminate()
        self._proc.join()


def _forked_main(fn, args, conn):
    try:
        value = (True, fn(*args))
    except BaseException:  # noqa: BLE001 - the parent computes it itself
        value = (False, None)
    try:
        conn.send(value)
    finally:
        conn.close()


def run(paths: Iterable[str], config: Optional[Config] = None, **kw) -> Result:
    """Every stage over the articles under ``paths``."""
    config = config or load_config()
    articles, claims, documents, errors, shared, prepared = _extract(paths, config, dedup=True, **kw)
    dups = find_duplicates(articles, documents, shared=shared.result(articles))
    documents = [replace(d, duplicate_of=dups.get(d.doc)) for d in documents]
    claims, events, graph = align(claims, documents, articles, dups, config, prepared=prepared)
    findings, estimates = reconcile(claims, events, documents, config)
    return Result(documents=documents, claims=claims, events=events, findings=findings,
                  estimates=estimates, errors=errors, articles={a.doc: a for a in articles}, graph=graph)
