"""`crosscheck check`: baseline keys, exit codes, what it prints, GitHub annotations.

The CLI tests swap the pipeline's `run` for a small stand-in (real ingest; claims are
"N people|militants" in the text, the event is the article's "Event:" line, two different
exact figures for one event and category from two documents are a conflict) so the check
logic is tested on real files whatever state the extraction stages are in. Claim ids are
numbered in input order, so reordering the inputs renumbers them.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import replace as dc_replace

import pytest
from click.testing import CliRunner

import crosscheck.cli as cli_mod
from crosscheck.check import (BaselineError, BaselineMissing, conflict_key, describe, load_baseline,
                              new_conflicts, write_baseline)
from crosscheck.ingest import IngestError, iter_articles
from crosscheck.model import Claim, Document, Event, Finding, Result, replace
from test_render_fixture import D0, D4, build_result


# -- keys on the fixture ----------------------------------------------------------

def _renumber(result, seed=1):
    """The same result with every claim id changed, and every list shuffled."""
    rng = random.Random(seed)
    new = {c.id: f"id{rng.randrange(10**6)}-{i}" for i, c in enumerate(result.claims)}
    claims = [replace(c, id=new[c.id], parts=tuple(new[p] for p in c.parts)) for c in result.claims]
    findings = [replace(f, claims=tuple(new.get(i, i) for i in f.claims)) for f in result.findings]
    for lst in (claims, findings):
        rng.shuffle(lst)
    return dc_replace(result, claims=claims, findings=findings, events=rng.sample(result.events, len(result.events)))


def test_keys_survive_renumbered_claims_and_any_order():
    r = build_result()
    keys = sorted(conflict_key(f, r) for f in r.findings if f.kind == "conflict")
    r2 = _renumber(r)
    assert sorted(conflict_key(f, r2) for f in r2.findings if f.kind == "conflict") == keys
    assert len(set(keys)) == 2
    assert keys[1] == f"people|{D0}=1365:exact:people|{D4}=1500:gt:people"


def test_key_changes_when_a_figure_changes():
    r = build_result()
    f = next(f for f in r.findings if f.kind == "conflict" and f.category == "people")
    r2 = dc_replace(r, claims=[replace(c, value=1600, low=1600) if c.id == "c09" else c for c in r.claims])
    assert conflict_key(f, r) != conflict_key(f, r2)


def test_baseline_round_trip_and_new_conflicts(tmp_path):
    r = build_result()
    path = tmp_path / "baseline.json"
    assert write_baseline(path, r) == 2
    first = path.read_bytes()
    write_baseline(path, _renumber(r, seed=7))
    assert path.read_bytes() == first  # same conflicts, same file, byte for byte
    known = load_baseline(path)
    assert new_conflicts(r, known) == [] and new_conflicts(_renumber(r), known) == []
    assert len(new_conflicts(r, set())) == 2
    entry = json.loads(first)["conflicts"][1]
    assert entry["event"] == "first group leaves al-Waer, Homs" and entry["date"] == "2017-03-18"
    assert "1,365 people" in entry["explanation"]


@pytest.mark.parametrize("content, reason", [
    (b"{", "not valid JSON"),
    (b"\xff\xfe", "not valid JSON"),
    (b"[]", "not a crosscheck baseline"),
    (b'{"schema": 9, "conflicts": []}', "schema 9"),
    (b'{"schema": 1, "conflicts": [{"explanation": "x"}]}', "conflict #1 has no \"key\""),
])
def test_bad_baselines_raise_a_one_line_reason_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "b.json"
    path.write_bytes(content)
    with pytest.raises(BaselineError) as exc:
        load_baseline(path)
    msg = str(exc.value)
    assert str(path) in msg and reason in msg and "\n" not in msg
    with pytest.raises(BaselineMissing):
        load_baseline(tmp_path / "none.json")
    with pytest.raises(BaselineError, match="cannot read"):
        load_baseline(tmp_path)


def test_describe_names_each_side_and_annotates_for_github():
    r = build_result()
    f = next(f for f in r.findings if f.kind == "conflict" and f.category == "people")
    lines = describe(f, r, github=True)
    assert lines[0].startswith("new conflict (first group leaves al-Waer, Homs, 2017-03-18, people): 300 militants")
    line = r.articles[D4].text.count("\n", 0, 485) + 1
    assert f'  {D4} (offset 485, line {line}): "over 1,500 people"' in lines
    assert f"::error file=seeds/{D4},line={line},title=crosscheck conflict::crosscheck: new conflict" in "\n".join(lines)
    assert not any(line.startswith("::") for line in describe(f, r, github=False))


# -- the command, over a stand-in pipeline -------------------------------------------

FIGURE = re.compile(r"(\d[\d,]*) (people|militants)")


def fake_run(paths, config=None, **kw):
    articles, errors, claims = [], [], []
    for item in iter_articles(paths):
        (errors if isinstance(item, IngestError) else articles).append(item)
    for a in articles:
        event = re.search(r"^Event: (.+)$", a.text, re.M).group(1)
        for m in FIGURE.finditer(a.text):
            v = float(m.group(1).replace(",", ""))
            claims.append(Claim(id=f"k{len(claims)}", doc=a.doc, start=m.start(), end=m.end(), text=m.group(0),
                                value=v, low=v, high=v, qualifier="exact", counted=m.group(2),
                                category={"militants": "fighters"}.get(m.group(2), "people"),
                                sentence=m.group(0), event=event))
    findings = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if (a.event, a.category) == (b.event, b.category) and a.doc != b.doc and a.value != b.value:
                findings.append(Finding("conflict", f"{a.text} ({a.doc}) against {b.text} ({b.doc})", a.event,
                                        a.category, (a.id, b.id), tuple(sorted({a.doc, b.doc}))))
    events = [Event(id=e, label=e, date=None) for e in sorted({c.event for c in claims})]
    return Result(documents=[Document(doc=a.doc) for a in articles], claims=claims, events=events,
                  findings=findings, errors=errors, articles={a.doc: a for a in articles})


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_mod, "run", fake_run)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    d = tmp_path / "news"
    d.mkdir()
    (d / "a.txt").write_text("Event: convoy\n\nThe first convoy took 300 militants and 1,065 people.\n")
    (d / "b.txt").write_text("Event: convoy\nOfficials said 1,500 people left.\n")
    (d / "c.txt").write_text("Event: convoy\nSome 300 militants left.\n")
    return tmp_path


def _check(*args, env=None):
    return CliRunner().invoke(cli_mod.cli, ["check", *map(str, args), "-q", "--no-cache"], env=env)


def test_check_passes_on_its_own_baseline_and_fails_on_a_new_article(corpus):
    base = corpus / "baseline.json"
    res = _check(corpus / "news", "--baseline", base, "--update-baseline")
    assert res.exit_code == 0, res.output
    assert len(json.loads(base.read_text())["conflicts"]) == 1  # 1,065 vs 1,500 people (a and c agree on 300)
    assert _check(corpus / "news", "--baseline", base).exit_code == 0

    (corpus / "news" / "d_wire.txt").write_text("Event: convoy\nNo, 2,000 militants left,\naccording to the wire.\n")
    res = _check(corpus / "news", "--baseline", base)
    assert res.exit_code == 1
    assert "d_wire.txt" in res.stdout and "2,000 militants" in res.stdout
    assert res.stdout.count("new conflict") == 2  # against a.txt's and c.txt's 300 militants
    assert "::error" not in res.stdout


def test_check_annotates_new_conflicts_under_github_actions(corpus):
    base = corpus / "baseline.json"
    _check(corpus / "news", "--baseline", base, "--update-baseline")
    (corpus / "news" / "d_wire.txt").write_text("Event: convoy\n\nNo, 2,000 militants left.\n")
    summary = corpus / "summary.md"
    res = _check(corpus / "news", "--baseline", base, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert res.exit_code == 1
    md = summary.read_text()
    assert md.startswith("### crosscheck: 2 new conflicts") and 'd_wire.txt @19 "2,000 militants"' in md
    ann = [line for line in res.stdout.splitlines() if line.startswith("::error ")]
    assert f"::error file={corpus / 'news' / 'd_wire.txt'},line=3,title=crosscheck conflict::" in "\n".join(ann)
    assert any("a.txt,line=3" in line for line in ann) and any("c.txt,line=2" in line for line in ann)


def test_reordered_inputs_renumber_claims_but_bring_no_new_conflict(corpus):
    news = corpus / "news"
    base = corpus / "baseline.json"
    assert _check(news / "a.txt", news / "b.txt", news / "c.txt", "--baseline", base, "--update-baseline").exit_code == 0
    before = fake_run([news / "a.txt", news / "b.txt", news / "c.txt"])
    after = fake_run([news / "c.txt", news / "b.txt", news / "a.txt"])
    assert {c.id: c.text for c in before.claims} != {c.id: c.text for c in after.claims}  # ids really moved
    res = _check(news / "c.txt", news / "b.txt", news / "a.txt", "--baseline", base)
    assert res.exit_code == 0, res.output


def test_missing_baseline_counts_every_conflict_as_new_and_says_how_to_accept(corpus):
    res = _check(corpus / "news", "--baseline", corpus / "none.json")
    assert res.exit_code == 1
    assert "does not exist" in res.stderr and "--update-baseline" in res.stderr
    assert res.stdout.count("new conflict") == 1


def test_missing_path_and_bad_baseline_exit_2_with_one_line_reason(corpus):
    res = _check(corpus / "no" / "such", "--baseline", corpus / "b.json")
    assert res.exit_code == 2
    assert res.stderr.strip().count("\n") == 0 and str(corpus / "no" / "such") in res.stderr
    bad = corpus / "bad.json"
    bad.write_text("{not json")
    res = _check(corpus / "news", "--baseline", bad)
    assert res.exit_code == 2
    assert res.stderr.strip().count("\n") == 0 and str(bad) in res.stderr
    assert _check(corpus / "news").exit_code == 2  # --baseline is required


def test_a_conflict_that_loses_a_side_is_known_one_that_gains_a_side_is_new(tmp_path):
    r = build_result()
    path = tmp_path / "baseline.json"
    write_baseline(path, r)
    known = load_baseline(path)
    fighters = next(f for f in r.findings if f.kind == "conflict" and f.category == "fighters")
    fewer = replace(fighters, claims=("c03", "c06"))   # 003's copy of the 400 left out
    extra = Claim(id="w1", doc="zz_wire.txt", start=0, end=15, text="2,000 militants", value=2000, low=2000,
                  high=2000, qualifier="exact", counted="militants", category="fighters", sentence="x",
                  event="first_convoy")
    more = replace(fighters, claims=fighters.claims + ("w1",))
    r2 = dc_replace(r, claims=r.claims + [extra], findings=[fewer, more])
    assert new_conflicts(r2, known) == [more]
    assert new_conflicts(r2, set(known)) == [fewer, more]  # a bare set of keys matches keys only


def test_annotation_lines_for_json_lines_and_html_sources(tmp_path):
    from crosscheck.model import Article
    jl = tmp_path / "feed.jsonl"
    jl.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "Then 2,000 people left."}\n')
    page = tmp_path / "page.html"
    page.write_text("<html>\n<body>\n<p>Intro</p>\n<p>Then <b>1,500</b>\n people left.</p>\n</body></html>\n")
    arts = {"b": Article(doc="b", text="Then 2,000 people left.", source=str(jl)),
            "page.html": Article(doc="page.html", text="Intro\nThen 1,500\n people left.", source=str(page))}
    mk = lambda i, doc, s, e, v: Claim(id=i, doc=doc, start=s, end=e, text=arts[doc].text[s:e], value=v, low=v,  # noqa: E731
                                       high=v, qualifier="exact", counted="people", category="people",
                                       sentence="", event="ev")
    claims = [mk("1", "b", 5, 17, 2000), mk("2", "page.html", 11, 30, 1500)]
    f = Finding("conflict", "2,000 against 1,500", "ev", "people", ("1", "2"))
    r = Result(documents=[Document(doc="b"), Document(doc="page.html")], claims=claims,
               events=[Event(id="ev", label="ev", date=None)], findings=[f], articles=arts)
    ann = [line for line in describe(f, r, github=True) if line.startswith("::error")]
    assert ann[0].startswith(f"::error file={jl},line=2,")
    assert ann[1].startswith(f"::error file={page},line=4,")  # '1,500' is on line 4; no tag inside the quote
