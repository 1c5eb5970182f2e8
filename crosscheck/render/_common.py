"""What every renderer shares: number formatting, ordering, provenance, atomic writes.

All renderers read a Result through these helpers so that Markdown, CSV, HTML and the
CI check show the same rows in the same order, whatever order the stages produced.
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

KIND_ORDER = ("conflict", "tension", "update", "agreement", "gap", "duplicate")
QUALIFIER_SIGN = {"exact": "", "approx": "~", "gt": ">", "ge": "≥", "lt": "<", "le": "≤", "range": ""}


def fmt_number(x) -> str:
    """1065.0 -> '1,065'; 2.5 -> '2.5'; None -> ''."""
    if x is None:
        return ""
    x = float(x)
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def fmt_value(claim) -> str:
    """The stated number or range, without the qualifier: '1,500', '4,500–5,000'."""
    if claim.value is None or claim.qualifier == "range":
        lo, hi = fmt_number(claim.low), fmt_number(claim.high)
        if lo and hi:
            return f"{lo}–{hi}"
        return lo or hi or fmt_number(claim.value)
    return fmt_number(claim.value)


def fmt_stated(claim) -> str:
    """The figure with its qualifier as a sign: '>1,500', '~2,500', '4,500–5,000'."""
    return QUALIFIER_SIGN.get(claim.qualifier, "") + fmt_value(claim)


def sort_value(claim):
    """A number to sort a claim's figure by (its value, else its low, else its high)."""
    for v in (claim.value, claim.low, claim.high):
        if v is not None:
            return float(v)
    return None


def one_line(text) -> str:
    """Collapse whitespace (newlines, tabs, no-break spaces) so a quote fits in a cell."""
    return re.sub(r"\s+", " ", str(text or "")).strip()


def event_order(event):
    return (event.date is None, event.date or "", event.label or "", event.id)


def claim_order(claim):
    return (claim.doc, claim.start, claim.end, claim.id)


def finding_order(finding):
    kind = KIND_ORDER.index(finding.kind) if finding.kind in KIND_ORDER else len(KIND_ORDER)
    return (kind, finding.event or "", finding.category or "", finding.explanation, tuple(finding.claims))


def group_by(items, key) -> dict:
    out = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


class View:
    """A Result indexed for rendering: events in date order, claims by event and by id."""

    def __init__(self, result):
        self.result = result
        self.events = sorted(result.events, key=event_order)
        self.event_by_id = {e.id: e for e in result.events}
        self.claims = sorted(result.claims, key=claim_order)
        self.claim_by_id = {c.id: c for c in result.claims}
        self.documents = sorted(result.documents, key=lambda d: d.doc)
        self.doc_by_name = {d.doc: d for d in result.documents}
        self.findings = sorted(result.findings, key=finding_order)
        self.estimates = sorted(result.estimates, key=lambda e: (e.event, e.category, e.rule))
        self.articles = result.articles or {}
        self.errors = sorted(str(e) for e in result.errors)
        self._claims_by_event = group_by(self.claims, lambda c: c.event)
        self._findings_by_event = group_by(self.findings, lambda f: f.event)
        self._figures_by_doc = {doc: {(c.value, c.low, c.high, c.qualifier, one_line(c.counted).lower()) for c in cs}
                                for doc, cs in group_by(self.claims, lambda c: c.doc).items()}

    # -- grouping ------------------------------------------------------------
    def claims_of(self, event_id):
        return self._claims_by_event.get(event_id, [])

    def unaligned_claims(self):
        return [c for c in self.claims if c.event is None or c.event not in self.event_by_id]

    def findings_of(self, event_id):
        return self._findings_by_event.get(event_id, [])

    def loose_findings(self):
        """Findings that belong to no known event (a duplicate text, a corpus-wide gap)."""
        return [f for f in self.findings if f.event is None or f.event not in self.event_by_id]

    def estimates_of(self, event_id):
        return [e for e in self.estimates if e.event == event_id]

    def conflicts(self):
        return [f for f in self.findings if f.kind == "conflict"]

    def kind_counts(self) -> dict:
        counts = {}
        for f in self.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        return counts

    # -- provenance ----------------------------------------------------------
    def copy_of(self, claim):
        """The document a claim was copied from, or None. Reconcile's rule without dedup's claim map:
        the claim's document duplicates (shares text with) another that states the same figure
        (value, bounds, qualifier, counted thing)."""
        d = self.doc_by_name.get(claim.doc)
        if d is None or not d.duplicate_of:
            return None
        same = (claim.value, claim.low, claim.high, claim.qualifier, one_line(claim.counted).lower())
        if same in self._figures_by_doc.get(d.duplicate_of, ()):
            return d.duplicate_of
        return None

    def source_label(self, claim) -> str:
        original = self.copy_of(claim)
        return f"{claim.doc} (copy of {original})" if original else claim.doc

    def event_label(self, event_id) -> str:
        e = self.event_by_id.get(event_id)
        return e.label if e is not None else (event_id or "")

    def event_date(self, event_id) -> str:
        e = self.event_by_id.get(event_id)
        return (e.date or "") if e is not None else ""

    def finding_claims(self, finding):
        """The claims a finding names, known ones only, in document order."""
        return sorted((self.claim_by_id[i] for i in finding.claims if i in self.claim_by_id), key=claim_order)

    def finding_docs(self, finding):
        docs = set(finding.docs) | {c.doc for c in self.finding_claims(finding)}
        return sorted(docs)

    def quotes(self, finding) -> str:
        """'doc @offset "quote"' for each claim of a finding: provenance in one cell."""
        return "; ".join(f'{c.doc} @{c.start} "{one_line(c.text)}"' for c in self.finding_claims(finding))

    def line_of(self, claim):
        """1-based line of a claim's start in its article text (None if the text is unknown)."""
        a = self.articles.get(claim.doc)
        if a is None or claim.start is None:
            return None
        return a.text.count("\n", 0, claim.start) + 1

    def summary_line(self) -> str:
        counts = self.kind_counts()
        kinds = [k for k in KIND_ORDER if k in counts] + sorted(k for k in counts if k not in KIND_ORDER)
        parts = ", ".join(f"{counts[k]} {k}" for k in kinds) or "no findings"
        return (f"{len(self.documents)} articles, {len(self.claims)} claims, {len(self.events)} events; "
                f"findings: {parts}.")


def temp_beside(path) -> str:
    """A new empty temp file in ``path``'s folder, with the mode a plain new file would get."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return tmp


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temp path beside ``path``; on success move it over ``path``, on failure remove it."""
    tmp = temp_beside(path)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write(path, data) -> Path:
    """Write text or bytes to ``path`` through a temp file in the same folder and os.replace."""
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)
