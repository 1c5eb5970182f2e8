"""The data every stage passes on: small frozen dataclasses.

Stages never mutate a record; they return a new one with ``dataclasses.replace``.
Everything is ordered and hashable so results sort and reports are deterministic.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Optional

def _record(obj) -> dict:
    """``dataclasses.asdict`` for the flat records here, without its deep copy: every field
    holds a scalar or a tuple of scalars (or of tuples of them), which need no copy."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {name: getattr(obj, name) for name in names}


_FIELD_NAMES: dict = {}

QUALIFIERS = ("exact", "approx", "gt", "ge", "lt", "le", "range")
FINDING_KINDS = ("conflict", "tension", "agreement", "update", "gap", "duplicate")


@dataclass(frozen=True, order=True)
class Article:
    """One article as read from disk. ``text`` is what offsets index."""

    doc: str                          # path relative to the folder given, or the jsonl id
    text: str                         # the file's decoded text (or the text extracted from HTML)
    source: str = ""                  # the file on disk it came from
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None   # ISO date YYYY-MM-DD when known
    published_from: Optional[str] = None  # where the date came from: front-matter, dateline, html-meta, jsonl
    body_start: int = 0               # offset where the body starts (after YAML front matter)
    encoding: str = "utf-8"

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


@dataclass(frozen=True, order=True)
class Quantity:
    """A stated figure found in a sentence, before its counted thing is known.

    Offsets are relative to the string given to ``numbers.find_quantities``.
    """

    start: int
    end: int
    text: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str = "exact"
    change: Optional[str] = None      # "up" | "down" | None
    unit: Optional[str] = None        # unit of measure (quantulum3 name, or "%", "USD"...)
    unit_text: Optional[str] = None   # the unit as written, if any
    num_start: int = -1               # offsets of the bare number inside the sentence
    num_end: int = -1


@dataclass(frozen=True, order=True)
class Claim:
    """One numeric claim: the contract's claim object (see contract.md)."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    qualifier: str
    counted: str
    category: str
    sentence: str
    change: Optional[str] = None
    said_by: Optional[str] = None
    unit: Optional[str] = None
    sent_start: int = 0               # offset of ``sentence`` in the article text
    group: Optional[str] = None       # composition: claims listed together ("300 militants and 1,065 civilians")
    part_of: Optional[str] = None     # subset: "2500 people, including 700 militants" -> 700.part_of = id of 2500
    derived: bool = False             # a total computed from ``parts``
    parts: tuple = ()
    modality: str = "count"           # "count" (happened), "forecast"/"plan" ("are expected to leave")
    # filled by the timeline stage
    date: Optional[str] = None        # event date, ISO YYYY-MM-DD / YYYY-MM / YYYY
    date_precision: Optional[str] = None  # day | week | month | year
    date_text: Optional[str] = None   # the expression the date was read from
    report_date: Optional[str] = None # when the source reported it (publication date or "On Monday, X reported")
    date_window: tuple = ()           # (first, last) ISO day the text allows for the happening, () when unknown
    # sentence | context (preceding sentences) | report | lede | bound | present (a tally as of the
    # report: date == report_date) | published (nothing near it: the week up to publication) |
    # other_story (in a "Related:" / "READ MORE:" teaser or a photo caption)
    date_source: Optional[str] = None
    # filled by the align stage
    event: Optional[str] = None
    copy_of: Optional[str] = None     # id of the same claim in the original when this text is a copy (dedup)

    def to_json(self) -> dict:
        d = _record(self)
        d["parts"] = list(self.parts)
        return d


@dataclass(frozen=True, order=True)
class Event:
    id: str
    label: str
    date: Optional[str]
    docs: tuple = ()
    claims: tuple = ()
    place: Optional[str] = None
    trigger: Optional[str] = None
    phase: Optional[str] = None
    background: bool = False

    def to_json(self) -> dict:
        d = _record(self)
        d["docs"] = list(self.docs)
        d["claims"] = list(self.claims)
        return d


@dataclass(frozen=True, order=True)
class Interval:
    """A closed or half-open set of values a figure allows. ``None`` bounds are unbounded."""

    low: Optional[float]
    high: Optional[float]
    low_open: bool = False
    high_open: bool = False


@dataclass(frozen=True, order=True)
class Finding:
    kind: str
    explanation: str
    event: Optional[str] = None
    category: Optional[str] = None
    claims: tuple = ()
    docs: tuple = ()

    def to_json(self) -> dict:
        d = _record(self)
        d["claims"] = list(self.claims)
        d["docs"] = list(self.docs)
        return d


@dataclass(frozen=True, order=True)
class Estimate:
    """low / best / high for one event and category, with the rule that made it (UCDP style)."""

    event: str
    category: str
    low: Optional[float]
    best: Optional[float]
    high: Optional[float]
    rule: str
    claims: tuple = ()

    def to_json(self) -> dict:
        d = _record(self)
        d["claims"] = list(self.claims)
        return d


@dataclass(frozen=True, order=True)
class Document:
    """What the report says about one article."""

    doc: str
    published: Optional[str] = None
    published_from: Optional[str] = None
    duplicate_of: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    anchored: bool = True             # False when relative dates cannot be resolved
    inferred_year: Optional[int] = None  # without a publication date: the year of the text's full dates
    headline_dates: tuple = ()        # (date, precision, text, start) of dated headlines and link lines
    # a wire dateline with a month and day but no year anywhere on the page ("DRAVIK, March 11
    # (Meridian) -"), as ISO 8601 "--MM-DD"; its story's relative dates ("on Saturday") stay
    # unresolved (date None, date_text kept): align may take the year from sibling articles
    # of the same story, resolve the dateline, then the claims' date_text against it
    dateline: Optional[str] = None

    def to_json(self) -> dict:
        return _record(self)


@dataclass
class Result:
    """Everything one run produced; every renderer reads this."""

    documents: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    events: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    estimates: list = field(default_factory=list)
    errors: list = field(default_factory=list)     # (path, message)
    articles: dict = field(default_factory=dict)   # doc -> Article (for quotes and HTML)
    graph: object = None                           # the networkx graph of the align stage

    def to_json(self) -> dict:
        return {
            "schema": 1,
            "documents": [d.to_json() for d in self.documents],
            "events": [e.to_json() for e in self.events],
            "claims": [c.to_json() for c in self.claims],
            "findings": [f.to_json() for f in self.findings],
            "estimates": [e.to_json() for e in self.estimates],
        }


__all__ = ["Article", "Quantity", "Claim", "Event", "Interval", "Finding", "Estimate", "Document",
           "Result", "QUALIFIERS", "FINDING_KINDS", "replace"]
