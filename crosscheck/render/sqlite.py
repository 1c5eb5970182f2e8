"""The result as SQLite tables (sqlite-utils), for Datasette.

Tables and keys:
    documents(doc PK, published, ..., text)
    events(id PK, label, date, ...)
    claims(id PK, doc -> documents.doc, event -> events.id, ...)
    findings(id PK, kind, event -> events.id, category, explanation, docs)
    finding_claims(finding -> findings.id, claim -> claims.id)   PK (finding, claim)
    estimates(id PK, event -> events.id, category, low, best, high, rule, claims)
Full-text search on claims(text, sentence, counted) and findings(explanation).
The file is built beside the target and moved over it with os.replace: a reader sees the
old database or the new one, never half of one.
"""
from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils

from ._common import View, atomic_path


def _rows(view):
    documents = []
    for d in view.documents:
        row = d.to_json()
        a = view.articles.get(d.doc)
        row["text"] = a.text if a is not None else None
        documents.append(row)
    known_docs = {d["doc"] for d in documents}
    for doc in sorted({c.doc for c in view.claims} - known_docs):
        documents.append({"doc": doc})
    events = [dict(e.to_json(), docs=json.dumps(list(e.docs)), claims=json.dumps(list(e.claims)))
              for e in view.events]
    claims = []
    for c in view.claims:
        row = c.to_json()
        row["parts"] = json.dumps(list(c.parts))
        row["line"] = view.line_of(c)
        if row["event"] not in view.event_by_id:
            row["event"] = None
        claims.append(row)
    findings, links = [], []
    for i, f in enumerate(view.findings, 1):
        findings.append({"id": i, "kind": f.kind, "event": f.event if f.event in view.event_by_id else None,
                         "category": f.category, "explanation": f.explanation,
                         "docs": json.dumps(view.finding_docs(f))})
        links += [{"finding": i, "claim": cid} for cid in dict.fromkeys(f.claims) if cid in view.claim_by_id]
    estimates = [dict(e.to_json(), id=i, claims=json.dumps(list(e.claims)),
                      event=e.event if e.event in view.event_by_id else None)
                 for i, e in enumerate(view.estimates, 1)]
    return documents, events, claims, findings, links, estimates


def _fill(db, view) -> None:
    documents, events, claims, findings, links, estimates = _rows(view)
    db["documents"].create({"doc": str, "published": str, "published_from": str, "duplicate_of": str,
                            "title": str, "outlet": str, "url": str, "anchored": int, "text": str}, pk="doc")
    db["documents"].insert_all(documents, alter=True)
    db["events"].create({"id": str, "label": str, "date": str, "docs": str, "claims": str, "place": str,
                         "trigger": str, "phase": str, "background": int}, pk="id")
    db["events"].insert_all(events, alter=True)
    db["claims"].create({"id": str, "doc": str, "start": int, "end": int, "line": int, "text": str,
                         "value": float, "low": float, "high": float, "qualifier": str, "counted": str,
                         "category": str, "event": str, "date": str, "said_by": str, "sentence": str},
                        pk="id", foreign_keys=[("doc", "documents", "doc"), ("event", "events", "id")])
    db["claims"].insert_all(claims, alter=True)
    db["findings"].create({"id": int, "kind": str, "event": str, "category": str, "explanation": str,
                           "docs": str}, pk="id", foreign_keys=[("event", "events", "id")])
    db["findings"].insert_all(findings)
    db["finding_claims"].create({"finding": int, "claim": str}, pk=("finding", "claim"),
                                foreign_keys=[("finding", "findings", "id"), ("claim", "claims", "id")])
    db["finding_claims"].insert_all(links)
    db["estimates"].create({"id": int, "event": str, "category": str, "low": float, "best": float,
                            "high": float, "rule": str, "claims": str}, pk="id",
                           foreign_keys=[("event", "events", "id")])
    db["estimates"].insert_all(estimates)
    for table, column in (("claims", "doc"), ("claims", "event"), ("findings", "event"),
                          ("finding_claims", "claim"), ("estimates", "event")):
        db[table].create_index([column])
    db["claims"].enable_fts(["text", "sentence", "counted"])
    db["findings"].enable_fts(["explanation"])


def write_sqlite(result, path) -> Path:
    """Write documents, claims, events, findings (+ links, estimates) to a new SQLite file at ``path``."""
    with atomic_path(path) as tmp:
        db = sqlite_utils.Database(tmp)
        # no fsync per chunk: the file is private until os.replace, and a crash leaves only a temp file
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA journal_mode = MEMORY")
        try:
            with db.conn:
                _fill(db, View(result))
        finally:
            db.close()
    return Path(path)
