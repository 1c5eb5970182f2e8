"""Renderers over one Result (owner: render).

    to_json(result) -> str                 # the contract's report object
    claims_jsonl(claims) -> str            # the contract's extract output
    claims_table(claims) -> str            # terminal table (tabulate)
    terminal_summary(result) -> str        # counts and conflicts, for `report` on a terminal
    write_reports(result, outdir) -> list[Path]   # report.md, claims.csv, findings.csv, report.html, report.json

Other entry points: markdown.render_markdown, csvout.claims_csv / findings_csv,
html.render_html, picture.timeline_svg, sqlite.write_sqlite. Every file is written
atomically (a temp file in the same folder, then os.replace).
"""
from __future__ import annotations

import json
from pathlib import Path

from tabulate import tabulate

from ._common import atomic_write


def to_json(result) -> str:
    """``json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\\n"``, byte for byte,
    without the pure-Python encoder that ``indent`` selects (see ``_indented``)."""
    obj = result.to_json()
    try:
        return _indented(obj) + "\n"
    except _Unsupported:
        return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def claims_jsonl(claims) -> str:
    encode = _ONE_LINE.encode
    return "".join([encode(c.to_json()) + "\n" for c in claims])


_ONE_LINE = json.JSONEncoder(ensure_ascii=False)     # the C encoder (no indent)


class _Unsupported(Exception):
    """A value the fast path does not know: the caller falls back to ``json.dumps``."""


def _indented(obj) -> str:
    """What ``json.dumps(obj, ensure_ascii=False, indent=1)`` writes, for the report's shape:
    dicts with ``str`` keys, lists and tuples, and scalars. A list or dict that holds only
    scalars is written by one join; every scalar by the C encoder's own functions."""
    from json.encoder import encode_basestring
    float_repr = float.__repr__
    int_repr = int.__repr__
    inf = float("inf")
    parts = []
    add = parts.append
    indents = ["\n" + " " * n for n in range(64)]

    def scalar(v):
        if isinstance(v, str):
            return encode_basestring(v)
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if isinstance(v, int):
            return int_repr(v)
        if isinstance(v, float):
            if v != v:
                return "NaN"
            if v == inf:
                return "Infinity"
            if v == -inf:
                return "-Infinity"
            return float_repr(v)
        raise _Unsupported(type(v).__name__)

    def key(k):
        if not isinstance(k, str):
            raise _Unsupported("key")
        return encode_basestring(k) + ": "

    def write(v, level):
        if level + 1 >= len(indents):
            indents.append("\n" + " " * len(indents))
            return write(v, level)
        if isinstance(v, dict):
            items, brackets = ((key(k), x) for k, x in v.items()), "{}"
        elif isinstance(v, (list, tuple)):
            items, brackets = (("", x) for x in v), "[]"
        else:
            add(scalar(v))
            return
        if not v:
            add(brackets)
            return
        inner = indents[level + 1]
        add(brackets[0])
        sep = inner
        for head, x in items:
            add(sep + head)
            sep = "," + inner
            if isinstance(x, (dict, list, tuple)):
                write(x, level + 1)
            else:
                add(scalar(x))
        add(indents[level] + brackets[1])

    write(obj, 0)
    return "".join(parts)


def claims_table(claims) -> str:
    rows = [(c.doc, c.start, c.text, c.value if c.value is not None else f"{c.low}-{c.high}", c.qualifier,
             c.counted, c.category, c.said_by or "") for c in claims]
    return tabulate(rows, headers=["doc", "offset", "text", "value", "qualifier", "counted", "category", "said by"])


def terminal_summary(result) -> str:
    """What `report` prints: the counts, then the conflicts (event, category, explanation)."""
    from ._common import View

    v = View(result)
    out = v.summary_line() + "\n"
    conflicts = v.conflicts()
    if conflicts:
        rows = [(v.event_label(f.event), f.category or "", f.explanation) for f in conflicts]
        out += "\n" + tabulate(rows, headers=["event", "category", "conflict"], maxcolwidths=[30, 10, 70]) + "\n"
    return out


REPORT_FILES = ("report.md", "claims.csv", "findings.csv", "report.html", "report.json")


def write_reports(result, outdir) -> list:
    """Write the Markdown, CSV, HTML and JSON reports into ``outdir``; returns their paths."""
    from .csvout import claims_csv, findings_csv
    from .html import render_html
    from .markdown import render_markdown

    out = Path(outdir)
    texts = {"report.md": render_markdown(result), "claims.csv": claims_csv(result),
             "findings.csv": findings_csv(result), "report.html": render_html(result), "report.json": to_json(result)}
    return [atomic_write(out / name, texts[name]) for name in REPORT_FILES]
