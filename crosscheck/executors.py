"""Map a pure per-article function over articles (owner: scale).

    map_articles(fn, items, executor="auto", workers=None, scheduler=None, progress=False) -> list
Results come back in the order of ``items`` whatever the executor.
"""
from __future__ import annotations


def map_articles(fn, items, executor="auto", workers=None, scheduler=None, progress=False):
    """STUB: sequential."""
    return [fn(x) for x in items]
