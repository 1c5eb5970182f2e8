"""One self-contained HTML page: the report's tables (sortable), the timeline, every article.

Safety: jinja2 autoescapes every value, so article text is shown, never parsed as markup.
On top of that the page carries a Content-Security-Policy that allows no network at all,
images only from data: URLs, and exactly one script and one style: ours, by SHA-256 hash
(a hash, not a nonce, so the page is byte-for-byte reproducible). An injected script or
event handler would not run even if escaping failed. The picture is an SVG in an <img>
data URL, where scripts never run either.
"""
from __future__ import annotations

import base64
import hashlib
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ._common import View, fmt_number, group_by, fmt_value, sort_value
from .picture import plotted_events, timeline_svg


def _asset(name: str) -> str:
    return resources.files("crosscheck.render").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(js: str, css: str) -> str:
    return ("default-src 'none'; img-src data:; "
            f"style-src {_sha256(css)}; script-src {_sha256(js)}; "
            "base-uri 'none'; form-action 'none'")


def article_segments(text: str, claims) -> list:
    """Split an article's text into (text, claim id or None) pieces, one mark per claim.

    Derived claims (computed totals) and claims overlapping an earlier one get no mark.
    """
    out, pos = [], 0
    for c in sorted(claims, key=lambda c: (c.start, -c.end, c.id)):
        if c.derived or c.start < pos or not (0 <= c.start < c.end <= len(text)):
            continue
        if c.start > pos:
            out.append((text[pos:c.start], None))
        out.append((text[c.start:c.end], c.id))
        pos = c.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def _env() -> Environment:
    return Environment(loader=PackageLoader("crosscheck.render", "templates"), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True)


def render_html(result, picture_svg: str | None = None) -> str:
    """The page as a string. ``picture_svg`` defaults to the timeline of ``result``."""
    v = View(result)
    js, css = _asset("sortable.js"), _asset("report.css")
    svg = timeline_svg(result) if picture_svg is None else picture_svg
    docs = sorted(set(v.articles) | {d.doc for d in v.documents})
    doc_ids = {d: f"doc-{i}" for i, d in enumerate(docs)}
    event_ids = {e.id: f"event-{i}" for i, e in enumerate(v.events)}
    by_doc = group_by(v.claims, lambda c: c.doc)
    articles = [(doc, article_segments(v.articles[doc].text, by_doc.get(doc, []))) for doc in sorted(v.articles)]
    marked = {cid for _, segs in articles for _, cid in segs if cid}
    # a link to a claim goes to its mark, or to its article when it has none (derived totals)
    claim_ids = {c.id: (f"claim-{i}" if c.id in marked else doc_ids.get(c.doc, "articles"))
                 for i, c in enumerate(v.claims)}
    template = _env().get_template("report.html.j2")
    return template.render(
        v=v, csp=Markup(content_security_policy(js, css)), js=Markup(js), css=Markup(css),
        picture=base64.b64encode(svg.encode("utf-8")).decode("ascii"),
        plotted=len(plotted_events(v)), plottable=sum(1 for e in v.events if v.claims_of(e.id)),
        conflicts=v.conflicts(), loose=v.loose_findings(), unaligned=v.unaligned_claims(),
        articles=articles, doc_ids=doc_ids, event_ids=event_ids, claim_ids=claim_ids,
        fmt_value=fmt_value, fmt_number=fmt_number, sort_value=sort_value)
