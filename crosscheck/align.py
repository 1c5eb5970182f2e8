"""Claims of all articles onto one timeline of events (owner: align).

Interface used by the pipeline:
    align(claims: list[Claim], documents: list[Document]) -> tuple[list[Claim], list[Event], networkx.Graph]
Returns the claims with ``event`` set, the events (stable ids), and the graph
(nodes: claim ids and event ids; edges carry a ``reason``).
"""
from __future__ import annotations

import networkx as nx

from .model import Event, replace


def align(claims: list, documents: list):
    """STUB: one event per document."""
    g = nx.Graph()
    events = {}
    out = []
    for c in claims:
        eid = "ev-" + c.doc
        events.setdefault(eid, []).append(c.id)
        g.add_edge(c.id, eid, reason="same document")
        out.append(replace(c, event=eid))
    evs = [Event(id=k, label=k, date=None, docs=(k[3:],), claims=tuple(v)) for k, v in sorted(events.items())]
    return out, evs, g
