"""Hostile inputs beside good articles: the good claims come out, each bad file is one stderr
line naming it, no traceback reaches the user, exit 2 when an input was unreadable, else 0."""
import json
import os
import random
import time

import pytest
from click.testing import CliRunner

from crosscheck.cli import cli
from crosscheck.ingest import IngestError, iter_articles
from crosscheck.model import Article

GOOD = "About 1,500 people left the al-Waer district on Saturday, the governor said.\n"


def _corpus(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    return root


def _run(*paths):
    res = CliRunner().invoke(cli, ["extract", *map(str, paths), "--json", "--no-cache", "-q"])
    assert "Traceback" not in res.output and "Traceback" not in res.stderr
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    claims = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    errors = res.stderr.splitlines()
    for line in errors:
        assert line.startswith("crosscheck: error: "), line
    return res.exit_code, claims, errors


def _has(claims, doc, value):
    return any(c["doc"] == doc and c["value"] == value for c in claims)


def _empty(root):
    (root / "empty.txt").write_bytes(b"")
    return ["empty.txt: empty file"]


def _random_bytes(root):
    (root / "noise.txt").write_bytes(random.Random(1).randbytes(4096))
    return ["noise.txt: not text"]


def _nul_bytes(root):
    (root / "nul.txt").write_bytes(b"About 5 cars\x00\x00\x00" + b"\x00" * 200)
    return ["nul.txt: not text: binary data"]


def _pdf_named_txt(root):
    (root / "report.txt").write_bytes(b"%PDF-1.7\n%\xb5\xb5\xb5\xb5\n1 0 obj\n<</Type/Catalog>>\nendobj\n")
    return ["report.txt: not text: looks like a PDF document"]


def _jsonl_bad_line(root):
    (root / "wire.jsonl").write_text(
        '{"id": "w1", "text": "Some 300 fighters left."}\n'
        '{"id": "w2", "text": "cut short\n'
        '{"id": "w3", "text": "A further 45 buses left."}\n', encoding="utf-8")
    return ["wire.jsonl:2: not valid JSON"]


def _file_link_loop(root):
    os.symlink("loop.txt", root / "loop.txt")
    return ["loop.txt: symbolic link loop"]


def _dangling_link(root):
    os.symlink("nowhere.txt", root / "dangling.txt")
    return ["dangling.txt: broken symbolic link"]


def _empty_html(root):
    (root / "blank.html").write_text("<html><head><script>var n = 3;</script></head><body></body></html>")
    return ["blank.html: no article text found"]


BAD_FILES = [_empty, _random_bytes, _nul_bytes, _pdf_named_txt, _jsonl_bad_line, _file_link_loop, _dangling_link,
             _empty_html]


@pytest.mark.parametrize("make", BAD_FILES)
def test_bad_file_beside_good_ones(tmp_path, make):
    root = _corpus(tmp_path)
    wanted = make(root)
    code, claims, errors = _run(root)
    assert code == 2
    assert _has(claims, "good.txt", 1500)
    assert len(errors) == len(wanted)
    for line, want in zip(sorted(errors), sorted(wanted)):
        name, reason = want.split(": ", 1)
        assert f"{root / name}" in line and reason in line, line
    if make is _jsonl_bad_line:
        assert _has(claims, "w1", 300) and _has(claims, "w3", 45)


@pytest.mark.parametrize("make", BAD_FILES)
def test_bad_file_beside_good_ones_in_process(tmp_path, make):
    from crosscheck.pipeline import extract_paths
    root = _corpus(tmp_path)
    wanted = make(root)
    articles, claims, _, errors = extract_paths([str(root)], executor="serial", cache=False)
    assert "good.txt" in {a.doc for a in articles}
    assert any(c.doc == "good.txt" and c.value == 1500 for c in claims)
    assert len(errors) == len(wanted)
    for err, want in zip(sorted(errors, key=str), sorted(wanted)):
        name, reason = want.split(": ", 1)
        assert err.path == str(root / name) and reason in err.message and "\n" not in str(err)


def test_legacy_encodings_are_read_not_rejected(tmp_path):
    root = _corpus(tmp_path)
    (root / "latin1.txt").write_bytes("Über 2,400 Menschen verließen die Stadt, said a café owner.".encode("latin-1"))
    (root / "cp1252.txt").write_bytes("The governor said “about 3,100 people” had left — so far.".encode("cp1252"))
    code, claims, errors = _run(root)
    assert (code, errors) == (0, [])
    assert _has(claims, "good.txt", 1500) and _has(claims, "latin1.txt", 2400) and _has(claims, "cp1252.txt", 3100)
    by_doc = {a.doc: a for a in iter_articles([str(root)])}
    assert by_doc["latin1.txt"].encoding == "latin-1" and by_doc["latin1.txt"].text.startswith("Über")
    assert by_doc["cp1252.txt"].encoding == "cp1252" and "“about 3,100 people”" in by_doc["cp1252.txt"].text
    for c in claims:
        assert by_doc[c["doc"]].text[c["start"]:c["end"]] == c["text"]


def test_broken_html_is_read(tmp_path):
    root = _corpus(tmp_path)
    (root / "broken.html").write_text("<html><body><p>About 2,300 people left <b>on Saturday<div>in 45 buses</p>"
                                      "<p>the <i>governor <table><tr><td>said</p>", encoding="utf-8")
    code, claims, errors = _run(root)
    assert (code, errors) == (0, [])
    assert _has(claims, "good.txt", 1500) and _has(claims, "broken.html", 2300)


def test_folder_link_loop_is_walked_once(tmp_path):
    root = _corpus(tmp_path)
    (root / "sub").mkdir()
    (root / "sub" / "more.md").write_text("Another 700 fighters left.\n")
    os.symlink("..", root / "sub" / "up")
    os.symlink(".", root / "here")
    code, claims, errors = _run(root)
    assert (code, errors) == (0, [])
    assert sorted({c["doc"] for c in claims}) == ["good.txt", "sub/more.md"]


def test_missing_path_beside_a_good_folder(tmp_path):
    root = _corpus(tmp_path)
    code, claims, errors = _run(root, tmp_path / "no" / "such")
    assert code == 2 and _has(claims, "good.txt", 1500)
    assert errors == [f"crosscheck: error: {tmp_path / 'no' / 'such'}: no such file or folder"]


def test_folder_with_no_articles(tmp_path):
    root = _corpus(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "data.csv").write_text("a,b\n1,2\n")
    code, claims, errors = _run(root, empty)
    assert code == 2 and _has(claims, "good.txt", 1500)
    assert len(errors) == 1 and str(empty) in errors[0] and "no articles" in errors[0]
    code, claims, errors = _run(empty)
    assert code == 2 and claims == [] and len(errors) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file(tmp_path):
    root = _corpus(tmp_path)
    locked = root / "locked.txt"
    locked.write_text("12 cars.")
    locked.chmod(0)
    try:
        code, claims, errors = _run(root)
    finally:
        locked.chmod(0o644)
    assert code == 2 and _has(claims, "good.txt", 1500)
    assert len(errors) == 1 and "locked.txt: permission denied" in errors[0]


def test_unreadable_file_in_process(tmp_path, monkeypatch):
    """The same path as chmod 000, for root too: open() refusing is one error, the rest is read."""
    root = _corpus(tmp_path)
    (root / "locked.txt").write_text("12 cars.")
    real_open = open

    def guarded(path, *a, **k):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)
    monkeypatch.setattr("builtins.open", guarded)
    items = list(iter_articles([str(root)]))
    assert [a.doc for a in items if isinstance(a, Article)] == ["good.txt"]
    assert [str(e) for e in items if isinstance(e, IngestError)] == [f"{root / 'locked.txt'}: permission denied"]


def _big(root, size=20 * 2**20):
    """20 MB of news prose: a paragraph of narrative, then one with figures, over and over."""
    prose = ("Residents watched from their balconies as the convoy formed on the main road, and aid "
             "workers moved along the line handing out water and bread to the families waiting there. ") * 6
    para = prose + "\n\nOfficials said 2,750 people had left the district, and 40 buses were waiting.\n\n"
    (root / "big.txt").write_text(para * (size // len(para) + 1), encoding="utf-8")
    return root / "big.txt"


def test_20mb_article_is_read_cheaply(tmp_path):
    root = _corpus(tmp_path)
    big = _big(root)
    t = time.perf_counter()
    items = list(iter_articles([str(root)]))
    took = time.perf_counter() - t
    a = next(i for i in items if isinstance(i, Article) and i.doc == "big.txt")
    assert len(a.text) == big.stat().st_size and a.text == big.read_text(encoding="utf-8")
    assert took < 5, f"reading 20 MB took {took:.1f} s"   # about 0.1 s measured; extraction dwarfs it


@pytest.mark.slow
def test_20mb_article_is_processed(tmp_path):
    root = _corpus(tmp_path)
    big = _big(root)
    code, claims, errors = _run(root)
    assert (code, errors) == (0, [])
    assert _has(claims, "good.txt", 1500)
    big_claims = [c for c in claims if c["doc"] == "big.txt"]
    assert big_claims[0]["value"] == 2750 and big_claims[-1]["start"] > big.stat().st_size - 200


# ---------------------------------------------------------------- fuzz

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from crosscheck.config import load_config  # noqa: E402
from crosscheck.ingest import read_bytes  # noqa: E402
from crosscheck.pipeline import process_article  # noqa: E402

_CONFIG = load_config()
_NEWSY = st.text(st.sampled_from(list("0123456789 ,.-–%$€£k\n\u00a0\u202fabcMmbnilothusandrefgpy()/:;'\"“”")),
                 max_size=300)


_FRAGMENTS = ["About", "more than", "at least", "nearly", "over", "some", "up to", "between", "and", "to", "or",
              "1,500", "4,500-5,000", "2.5 million", "25k", "$4.2bn", "€5,000", "40%", "a dozen", "hundreds of",
              "two", "third", "1st", "2017", "21/03/2017", "March 21,", "10:15", "No.", "resolution 2254",
              "people", "militants", "civilians", "buses", "km", "sq km", "per cent", "were killed", "left",
              "on Saturday", "the governor told Reuters.", "(SANA)", "—", "\u00a0", "\n", "\n\n", ".", ",",
              "“", "”", "'", "3Now", "1The", "rose by 5%", "down 3 points", "of them", "including"]
_SENTENCES = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), _NEWSY, _SENTENCES))
def test_fuzz_extraction_never_crashes_and_offsets_hold(text):
    claims, _ = process_article(Article(doc="x", text=text), _CONFIG)
    for c in claims:
        assert text[c.start:c.end] == c.text


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "a.jsonl"]))
def test_fuzz_reader_never_raises(raw, name):
    for item in read_bytes(raw, name):
        assert isinstance(item, (Article, IngestError))
        if isinstance(item, IngestError):
            assert "\n" not in str(item) and str(item).startswith(name)
        elif not name.endswith((".html", ".htm", ".jsonl")):
            assert item.text == raw.decode(item.encoding, "replace")
            assert 0 <= item.body_start <= len(item.text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_fuzz_text_files_never_raise(text, name):
    for item in read_bytes(text.encode("utf-8"), name):
        assert isinstance(item, (Article, IngestError))
        if isinstance(item, Article) and name != "a.html" and item.encoding == "utf-8":
            # text read as UTF-8 comes back untouched (text that is mostly NUL bytes may
            # rightly be read as BOM-less UTF-16 instead: "1\x00" is UTF-16-LE for "1")
            assert item.text == text
