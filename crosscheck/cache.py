"""Content-hash cache of per-article extraction (owner: scale).

    open_cache(path=None, enabled=True) -> Cache with get(key) -> value|None, put(key, value), close()
"""
from __future__ import annotations


class NullCache:
    def get(self, key):
        return None

    def put(self, key, value):
        pass

    def close(self):
        pass


def open_cache(path=None, enabled=True):
    """STUB: no cache."""
    return NullCache()
