"""The whole run, stage by stage.

1. ingest: files and folders -> Article (bad inputs become errors, the run goes on)
2. extract + date: one pure function per article (pool / dask / cache)
3. dedup: one text published twice is one source (each article's shingle fingerprint is
   computed in its per-article job; only the index join runs here)
4. align: claims of all articles -> events (networkx graph)
5. reconcile: interval arithmetic -> findings and estimates
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import fields as dataclass_fields, replace
from pathlib import Path
from typing import Iterable, Optional

from . import __version__
from .align import align
from .cache import open_cache
from .config import Config, load_config
from .dedup import find_duplicates, fingerprint
from .executors import map_articles
from .extract import extract_claims
from .ingest import IngestError, iter_articles
from .model import Article, Result
from .reconcile import reconcile
from .timeline import date_claims

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
                   text="HOMS, Syria, March 20 (Reuters) - On Monday, about 1,500 people, including 300 "
                        "militants, left the al-Waer district, the governor told SANA. Earlier this week "
                        "more than 2.5 million dollars and 12 km of road were promised.\n")


class _Task:
    """Picklable per-article job for process pools and dask: ``(claims, Document)``, and with
    ``fingerprints`` the article's dedup fingerprint as a third item (not cached: it is a
    cheap pure function of the text)."""

    def __init__(self, config: Config, fingerprints: bool = False):
        self.config = config
        self.fingerprints = fingerprints

    def warm_up(self) -> None:
        """Run the stages once on a small built-in article, so that the lazy loads (unit
        tables, date parsers, compiled patterns) happen before a process pool forks."""
        try:
            process_article(_WARM_UP, self.config)
        except Exception:  # noqa: BLE001 - a warm-up never stops a run
            pass

    def __call__(self, article: Article):
        try:
            out = process_article(article, self.config)
            if getattr(self, "fingerprints", False):
                out = (*out, fingerprint(article.text))
            return out
        except Exception as exc:  # a bug on one article must not lose the others
            return IngestError(article.doc, f"extraction failed ({exc.__class__.__name__}: {exc})")


def _crashed(article: Article):
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
             cache_path=None, progress=False, fingerprints=False):
    """``extract_paths``, plus ``{doc: dedup fingerprint}`` when ``fingerprints`` (computed in
    the per-article job for fresh articles, here for cache hits)."""
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

    store = open_cache(cache_path, enabled=cache, generation=_code_digest())
    try:
        keys = [_cache_key(a, config) for a in articles]
        hits = store.get_many(keys)
        results = [hits.get(k) for k in keys]
        todo = [i for i, r in enumerate(results) if r is None]
        fresh = map_articles(_Task(config, fingerprints), [articles[i] for i in todo], executor=executor,
                             workers=workers, scheduler=scheduler, progress=progress, on_crash=_crashed)
        for i, r in zip(todo, fresh):
            results[i] = r
        store.put_many((keys[i], tuple(results[i][:2])) for i in todo if not isinstance(results[i], IngestError))
    finally:
        store.close()

    claims, documents, kept, prints = [], [], [], {}
    for a, r in zip(articles, results):
        if isinstance(r, IngestError):
            errors.append(r)
            continue
        cl, doc = r[0], r[1]
        kept.append(a)
        claims.extend(cl)
        documents.append(doc)
        if fingerprints:
            prints[a.doc] = r[2] if len(r) > 2 else fingerprint(a.text)
    return kept, claims, documents, errors, prints


def run(paths: Iterable[str], config: Optional[Config] = None, **kw) -> Result:
    """Every stage over the articles under ``paths``."""
    config = config or load_config()
    articles, claims, documents, errors, prints = _extract(paths, config, fingerprints=True, **kw)
    dups = find_duplicates(articles, documents, prints)
    del prints
    documents = [replace(d, duplicate_of=dups.get(d.doc)) for d in documents]
    claims, events, graph = align(claims, documents, articles, dups, config)
    findings, estimates = reconcile(claims, events, documents, config)
    return Result(documents=documents, claims=claims, events=events, findings=findings,
                  estimates=estimates, errors=errors, articles={a.doc: a for a in articles}, graph=graph)
