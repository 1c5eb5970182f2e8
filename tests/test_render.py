"""Renderers over the hand-made fixture Result: golden files per format, and the properties
that matter to a reader (escaping, provenance, determinism, atomic writes, SQLite keys)."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import re
import sqlite3

import pytest

from dataclasses import replace as dc_replace

from crosscheck.model import Article, Claim, Finding, replace
from crosscheck.render import REPORT_FILES, to_json, write_reports
from crosscheck.render._common import atomic_write, fmt_number, fmt_stated, fmt_value
from crosscheck.render.csvout import claims_csv, findings_csv
from crosscheck.render.html import article_segments, render_html
from crosscheck.render.markdown import render_markdown
from crosscheck.render.picture import timeline_svg
from crosscheck.render.sqlite import write_sqlite
from test_render_fixture import D0, D4, assert_golden, build_result, html_tables


@pytest.fixture(scope="module")
def result():
    return build_result()


# -- golden files ---------------------------------------------------------------

def test_markdown_golden(result):
    assert_golden("fixture/report.md", render_markdown(result))


def test_csv_golden(result):
    assert_golden("fixture/claims.csv", claims_csv(result).replace("\r\n", "\n"))
    assert_golden("fixture/findings.csv", findings_csv(result).replace("\r\n", "\n"))


def test_json_golden(result):
    assert_golden("fixture/report.json", to_json(result))


def test_html_tables_golden(result):
    assert_golden("fixture/report.html.tables.txt", html_tables(render_html(result, picture_svg="<svg/>")))


# -- content --------------------------------------------------------------------

def test_markdown_puts_conflicts_first_with_their_numbers_and_sources(result):
    md = render_markdown(result)
    conflicts = md.index("## Conflicts")
    assert conflicts < md.index("## Events")
    section = md[conflicts:md.index("## Events")]
    assert "1,365 people" in section and "over 1,500 people" in section
    assert D0 in section and D4 in section
    # the first-convoy section: every source's claim with its offset and quote, then findings and estimates
    ev = md[md.index("### first group leaves al-Waer"):]
    ev = ev[:ev.index("\n### ")]
    assert re.search(rf"\| {re.escape(D4)}\s+\| 485\s+\| over 1,500 people\s+\| 1,500\s+\| gt ", ev)
    assert ev.index("Findings:") < ev.index("Estimates:")
    assert re.search(r"\| people\s+\| 1,365\s+\| 1,365\s+\|\s+\| sum of parts", ev)


def test_markdown_escapes_pipes_and_html_in_cells(result):
    c = replace(result.claims[0], counted="a | b <script>x</script>")
    r = replace_claims(result, [c] + result.claims[1:])
    md = render_markdown(r)
    assert "a \\| b &lt;script&gt;x&lt;/script&gt;" in md
    assert "<script>" not in md


def replace_claims(result, claims):
    return dc_replace(result, claims=claims)


def test_csv_rows_give_provenance_and_guard_against_formulas(result):
    c = replace(result.claims[0], said_by="=HYPERLINK(\"http://x\")", counted="+1 people")
    rows = list(csv.DictReader(io.StringIO(claims_csv(replace_claims(result, [c] + result.claims[1:])))))
    row = next(r for r in rows if r["id"] == c.id)
    assert row["said_by"].startswith("'=") and row["counted"] == "'+1 people"
    over = next(r for r in rows if r["text"] == "over 1,500 people")
    assert (over["doc"], over["start"], over["value"], over["low"], over["high"]) == (D4, "485", "1500", "1500", "")
    text = result.articles[D4].text
    assert over["line"] == str(text.count("\n", 0, 485) + 1)
    findings = list(csv.DictReader(io.StringIO(findings_csv(result))))
    assert [f["kind"] for f in findings][:2] == ["conflict", "conflict"]
    assert f'{D4} @485 "over 1,500 people"' in findings[1]["quotes"]


def test_numbers_are_formatted_from_the_claim():
    base = dict(id="x", doc="d", start=0, end=1, text="t", counted="c", category="other", sentence="s")
    assert fmt_value(Claim(value=None, low=4500, high=5000, qualifier="range", **base)) == "4,500–5,000"
    assert fmt_stated(Claim(value=1500, low=1500, high=None, qualifier="gt", **base)) == ">1,500"
    assert fmt_stated(Claim(value=2500, low=2500, high=2500, qualifier="approx", **base)) == "~2,500"
    assert fmt_number(2.5) == "2.5" and fmt_number(4.2e9) == "4,200,000,000" and fmt_number(None) == ""


# -- HTML -----------------------------------------------------------------------

HOSTILE = ('Breaking <script>document.title="pwned"</script> news: '
           '<img src=x onerror="document.title=\'pwned\'"> 12 "people" & more.')


def test_html_escapes_article_text_and_claim_fields(result):
    art = Article(doc="zz_hostile.txt", text=HOSTILE, source="zz_hostile.txt")
    start = HOSTILE.index("12")
    c = Claim(id="h1", doc=art.doc, start=start, end=start + 11, text=HOSTILE[start:start + 11], value=12, low=12,
              high=12, qualifier="exact", counted='"people"><script>alert(1)</script>', category="people",
              sentence=HOSTILE, said_by="<b onmouseover=alert(1)>x</b>", event="first_convoy")
    r = replace_claims(result, result.claims + [c])
    r.articles = dict(result.articles, **{art.doc: art})
    page = render_html(r, picture_svg="<svg/>")
    assert page.count("<script") == 1  # ours only
    assert "<img src=x" not in page and "onerror=\"document" not in page
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in page
    assert "&lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;" in page


def test_html_policy_allows_only_our_script_and_style_by_hash(result):
    page = render_html(result, picture_svg="<svg/>")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp and "http" not in csp
    for tag, kind in (("script", "script-src"), ("style", "style-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in csp
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # nothing fetched


def test_html_marks_every_claim_in_its_article_and_links_to_it(result):
    page = render_html(result, picture_svg="<svg/>")
    marks = dict(re.findall(r'<mark id="(claim-\d+)">(.*?)</mark>', page, re.S))
    assert len(marks) == len([c for c in result.claims if not c.derived])
    for cid in marks:
        assert f'href="#{cid}"' in page


def test_article_segments_cover_the_text_and_skip_overlaps():
    text = "aa 300 militants and 1,065 civilians bb"
    mk = lambda i, s, e, **kw: Claim(id=i, doc="d", start=s, end=e, text=text[s:e], value=1, low=1, high=1,  # noqa: E731
                                     qualifier="exact", counted="", category="other", sentence=text, **kw)
    segs = article_segments(text, [mk("b", 21, 36), mk("a", 3, 16), mk("t", 3, 36, derived=True),
                                   mk("o", 10, 20)])
    assert "".join(s for s, _ in segs) == text
    assert [(s, c) for s, c in segs if c] == [("300 militants", "a"), ("1,065 civilians", "b")]


def test_picture_is_deterministic_and_holds_every_event_row(result):
    svg = timeline_svg(result)
    assert svg == timeline_svg(result)
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    assert "<script" not in svg and "dc:date" not in svg
    page = render_html(result)
    src = re.search(r'<img id="timeline-picture"[^>]* src="data:image/svg\+xml;base64,([^"]+)"', page).group(1)
    assert base64.b64decode(src).decode() == svg


def test_picture_survives_dollar_signs_and_undated_only_results(result):
    c = replace(result.claims[0], text="$4.2bn", counted="$ and $", date=None)
    r = replace_claims(result, [c])
    r.events = [replace(e, date=None) for e in result.events]
    assert "</svg>" in timeline_svg(r)


# -- files ----------------------------------------------------------------------

def test_write_reports_writes_every_format_atomically(result, tmp_path):
    paths = write_reports(result, tmp_path / "out")
    assert [p.name for p in paths] == list(REPORT_FILES)
    assert sorted(os.listdir(tmp_path / "out")) == sorted(REPORT_FILES)  # no temp files left
    assert json.loads((tmp_path / "out" / "report.json").read_text())["schema"] == 1


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write(target, "old")
    with pytest.raises(TypeError):
        atomic_write(target, 12345)  # not text or bytes: fails while writing the temp file
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_sqlite_has_the_tables_and_foreign_keys_for_datasette(result, tmp_path):
    db_path = tmp_path / "cc.db"
    write_sqlite(result, db_path)
    write_sqlite(result, db_path)  # replacing an existing file works
    assert os.listdir(tmp_path) == ["cc.db"]
    con = sqlite3.connect(db_path)
    fks = {(t, r[3], r[2], r[4]) for t in ("claims", "findings", "finding_claims", "estimates")
           for r in con.execute(f"PRAGMA foreign_key_list({t})")}
    assert {("claims", "doc", "documents", "doc"), ("claims", "event", "events", "id"),
            ("findings", "event", "events", "id"), ("finding_claims", "claim", "claims", "id"),
            ("finding_claims", "finding", "findings", "id")} <= fks
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    n = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "claims", "events", "findings")}
    assert n == {"documents": 5, "claims": len(result.claims), "events": 7, "findings": len(result.findings)}
    rows = con.execute("""SELECT c.doc, c.text FROM findings f JOIN finding_claims fc ON fc.finding = f.id
                          JOIN claims c ON c.id = fc.claim WHERE f.kind = 'conflict' AND f.category = 'people'
                          ORDER BY c.doc""").fetchall()
    assert (D4, "over 1,500 people") in rows


def test_picture_of_a_large_corpus_keeps_the_conflicting_events(result):
    from crosscheck.model import Event
    from crosscheck.render._common import View
    from crosscheck.render.picture import plotted_events
    many = [Event(id=f"e{i:03}", label=f"event {i}", date="2017-01-01") for i in range(100)]
    claims = [replace(c, event=f"e{i % 100:03}") for i, c in enumerate(result.claims * 4)]
    claims = [replace(c, id=f"{c.id}#{i}") for i, c in enumerate(claims)]
    conflict = Finding("conflict", "x", "e077", "people", (claims[77].id,))
    v = View(replace_claims(dc_replace(result, events=many, findings=[conflict]), claims))
    shown = plotted_events(v, limit=10)
    assert len(shown) == 10 and "e077" in [e.id for e in shown]
    page = render_html(replace_claims(dc_replace(result, events=many, findings=[conflict]), claims), picture_svg="<svg/>")
    assert "Showing 60 of 100 events" in page


def test_a_claim_is_marked_as_a_copy_only_when_the_original_states_the_same_figure(result):
    from crosscheck.render._common import View
    from test_render_fixture import D1, D3
    docs = [replace(d, duplicate_of=D3) if d.doc == D1 else d for d in result.documents]
    v = View(dc_replace(result, documents=docs))
    by_id = {c.id: c for c in result.claims}
    assert v.source_label(by_id["c06"]) == f"{D1} (copy of {D3})"   # 400 militants, in both
    assert v.source_label(by_id["c24"]) == D1                         # Aleppo: only in D1
    assert v.source_label(by_id["c08"]) == D3
    md = render_markdown(dc_replace(result, documents=docs))
    assert f"| {D1} (copy of {D3}) | 4136 " in md


def test_terminal_summary_lists_the_conflicts(result):
    from crosscheck.render import terminal_summary
    text = terminal_summary(result)
    assert text.startswith("5 articles, 28 claims, 7 events; findings: 2 conflict, 1 tension")
    assert "1,365 people" in text and text.count("first group leaves") == 2
