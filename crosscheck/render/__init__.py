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
    # The records' to_json no longer deep-copies (model._record): that was most of the cost.
    # The indent encoder is pure Python but ~0.5 s for the 29 MB of 3,000 articles; a
    # hand-written writer was no faster (cProfile inflates it ~10x: measure without it).
    return json.dumps(result.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def claims_jsonl(claims) -> str:
    encode = _ONE_LINE.encode
    return "".join([encode(c.to_json()) + "\n" for c in claims])


_ONE_LINE = json.JSONEncoder(ensure_ascii=False)     # json.dumps(x, ensure_ascii=False), built once


def claims_table(claims) -> str:
    from ._common import fmt_value

    rows = [(c.doc, c.start, c.text + (" (total)" if c.derived else ""), fmt_value(c), c.qualifier,
             c.counted, c.category, c.said_by or "") for c in claims]
    return tabulate(rows, headers=["doc", "offset", "text", "value", "qualifier", "counted", "category", "said by"],
                    disable_numparse=True, colalign=("left", "right", "left", "right"))


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
