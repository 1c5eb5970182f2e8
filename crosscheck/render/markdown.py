"""The Markdown report: conflicts first, then one section per event (tabulate, GitHub tables)."""
from __future__ import annotations

from tabulate import tabulate

from ._common import View, fmt_number, fmt_value, one_line


def _cell(text) -> str:
    """A table cell: one line, pipes escaped, no raw HTML (GitHub would render it)."""
    return one_line(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def table(rows, headers) -> str:
    rows = [[_cell(v) for v in r] for r in rows]
    return tabulate(rows, headers=[_cell(h) for h in headers], tablefmt="github", disable_numparse=True)


def claims_rows(view, claims):
    return [(view.source_label(c), c.start, c.text, fmt_value(c) + (" (sum)" if c.derived else ""),
             c.qualifier, c.counted, c.category,
             c.said_by or "", c.date or "") for c in claims]


CLAIM_HEADERS = ["source", "offset", "quote", "value", "qualifier", "counted", "category", "said by", "date"]


def findings_rows(view, findings):
    return [(f.kind, f.category or "", f.explanation, view.quotes(f)) for f in findings]


def estimates_rows(estimates):
    return [(e.category, fmt_number(e.low), fmt_number(e.best), fmt_number(e.high), e.rule) for e in estimates]


def render_markdown(result) -> str:
    v = View(result)
    out = ["# crosscheck report", "", v.summary_line(), ""]

    out += ["## Conflicts", ""]
    conflicts = v.conflicts()
    if conflicts:
        rows = [(v.event_label(f.event), v.event_date(f.event), f.category or "", f.explanation,
                 ", ".join(v.finding_docs(f))) for f in conflicts]
        out += [table(rows, ["event", "date", "category", "explanation", "sources"]), ""]
    else:
        out += ["No conflicts.", ""]

    out += ["## Events", ""]
    for e in v.events:
        title = e.label or e.id
        out += [f"### {_cell(title)}", ""]
        out += [f"Event `{_cell(e.id)}`, date: {e.date or 'undated'}; sources: "
                f"{', '.join(_cell(d) for d in sorted(e.docs)) or 'none'}.", ""]
        claims = v.claims_of(e.id)
        if claims:
            out += [table(claims_rows(v, claims), CLAIM_HEADERS), ""]
        findings = v.findings_of(e.id)
        if findings:
            out += ["Findings:", ""]
            out += [table(findings_rows(v, findings), ["kind", "category", "explanation", "quotes"]), ""]
        estimates = v.estimates_of(e.id)
        if estimates:
            out += ["Estimates:", ""]
            out += [table(estimates_rows(estimates), ["category", "low", "best", "high", "rule"]), ""]

    unaligned = v.unaligned_claims()
    if unaligned:
        out += ["## Claims not aligned to an event", ""]
        out += [table(claims_rows(v, unaligned), CLAIM_HEADERS), ""]

    loose = v.loose_findings()
    if loose:
        out += ["## Other findings", ""]
        out += [table(findings_rows(v, loose), ["kind", "category", "explanation", "quotes"]), ""]

    out += ["## Documents", ""]
    rows = [(d.doc, d.published or "", d.published_from or "", d.duplicate_of or "", d.title or "",
             d.outlet or "") for d in v.documents]
    out += [table(rows, ["doc", "published", "date from", "duplicate of", "title", "outlet"]), ""]

    if v.errors:
        out += ["## Inputs that could not be read", ""]
        out += [f"- {_cell(e)}" for e in v.errors] + [""]
    return "\n".join(out)
