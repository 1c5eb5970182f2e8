"""CSV of claims and of findings, for spreadsheets (csv module, RFC 4180 quoting, CRLF rows).

Text cells that a spreadsheet would read as a formula (starting with = + - @, tab or CR)
get a leading apostrophe: an article must not be able to plant a formula in a newsroom's
spreadsheet. Numeric columns are written as plain numbers.
"""
from __future__ import annotations

import csv
import io

from ._common import View, one_line

CLAIM_COLUMNS = ["id", "doc", "start", "end", "line", "text", "value", "low", "high", "qualifier", "change",
                 "counted", "category", "event", "event_label", "date", "said_by", "derived", "parts", "sentence"]
FINDING_COLUMNS = ["kind", "event", "event_label", "event_date", "category", "explanation", "claims", "docs",
                   "quotes"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value) -> str:
    s = one_line(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


def _num(value):
    if value is None:
        return ""
    value = float(value)
    return int(value) if value.is_integer() else value


def _write(columns, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    w.writerows(rows)
    return buf.getvalue()


def claims_csv(result) -> str:
    v = View(result)
    rows = []
    for c in v.claims:
        line = v.line_of(c)
        rows.append([_text(c.id), _text(c.doc), c.start, c.end, "" if line is None else line, _text(c.text),
                     _num(c.value), _num(c.low), _num(c.high), c.qualifier, c.change or "", _text(c.counted),
                     _text(c.category), _text(c.event or ""), _text(v.event_label(c.event) if c.event else ""),
                     c.date or "", _text(c.said_by or ""), "yes" if c.derived else "",
                     _text(";".join(c.parts)), _text(c.sentence)])
    return _write(CLAIM_COLUMNS, rows)


def findings_csv(result) -> str:
    v = View(result)
    rows = [[f.kind, _text(f.event or ""), _text(v.event_label(f.event) if f.event else ""),
             v.event_date(f.event), _text(f.category or ""), _text(f.explanation), _text(";".join(f.claims)),
             _text(";".join(v.finding_docs(f))), _text(v.quotes(f))] for f in v.findings]
    return _write(FINDING_COLUMNS, rows)
