"""Read articles from files and folders (owner: ingest).

Interface used by the pipeline:
    iter_articles(paths) -> Iterator[Article | IngestError]
Every unreadable input yields an IngestError (never raises) so the run goes on.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union

from .model import Article

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


@dataclass(frozen=True, order=True)
class IngestError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def iter_articles(paths: Iterable[str]) -> Iterator[Union[Article, IngestError]]:
    """STUB: plain UTF-8 .txt only. To be replaced by the ingest stage."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield IngestError(str(p), "no such file or folder")
            continue
        files = sorted(f for f in path.rglob("*") if f.suffix in SUFFIXES) if path.is_dir() else [path]
        for f in files:
            doc = str(f.relative_to(path)) if path.is_dir() else f.name
            if f.suffix == ".jsonl":
                import json
                for line in f.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        rec = json.loads(line)
                        yield Article(doc=str(rec["id"]), text=rec["text"], source=str(f),
                                      published=rec.get("published"))
                continue
            yield Article(doc=doc, text=f.read_text(encoding="utf-8"), source=str(f))
