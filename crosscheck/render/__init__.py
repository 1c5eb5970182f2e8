"""Renderers over one Result (owner: render).

    to_json(result) -> str                 # the contract's report object
    claims_jsonl(claims) -> str            # the contract's extract output
    claims_table(claims) -> str            # terminal table (tabulate)
    write_reports(result, outdir) -> list[Path]   # Markdown, CSV, HTML (+ whatever else)
"""
from __future__ import annotations

import json
from pathlib import Path

from tabulate import tabulate


def to_json(result) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def claims_jsonl(claims) -> str:
    return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in claims)


def claims_table(claims) -> str:
    rows = [(c.doc, c.start, c.text, c.value if c.value is not None else f"{c.low}-{c.high}", c.qualifier,
             c.counted, c.category, c.said_by or "") for c in claims]
    return tabulate(rows, headers=["doc", "offset", "text", "value", "qualifier", "counted", "category", "said by"])


def write_reports(result, outdir) -> list:
    """STUB: Markdown claims table and JSON."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    md = out / "report.md"
    md.write_text("# crosscheck report\n\n" + claims_table(result.claims) + "\n", encoding="utf-8")
    js = out / "report.json"
    js.write_text(to_json(result), encoding="utf-8")
    return [md, js]
