"""Reading articles: kinds of file, metadata, datelines, encodings, folders."""
import json
import os
import re
from pathlib import Path

import pytest

from crosscheck.ingest import IngestError, decode, find_dateline, front_matter, iter_articles, read_bytes
from crosscheck.model import Article

FIX = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).parent.parent / "seeds"
GOLD_FACTS = Path(__file__).parent / "fixtures" / "seeds_facts.json"


def _read(*paths):
    items = list(iter_articles([str(p) for p in paths]))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, IngestError)]


def _one(raw: bytes, name: str) -> Article:
    (item,) = list(read_bytes(raw, name))
    assert isinstance(item, Article), str(item)
    return item


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("text, want", [
    ("21/03/2017\n\nOn Monday, 400 left.", "2017-03-21"),
    ("Headline\nPublished: May 22, 2017, 12:28 pm\n\nBody.", "2017-05-22"),
    ("March 21, 2017\nBody.", "2017-03-21"),
    ("2017-03-21\nBody.", "2017-03-21"),
    ("2017-03-21T10:15:00Z\nBody.", "2017-03-21"),
    ("Updated 21 March 2017 10:15 GMT\nBody.", "2017-03-21"),
    ("MOSCOW, March 21, 2017 (Reuters) - About 1,500 people left.", "2017-03-21"),
    ("By Jane Doe, 18 March 2017\nBody.", "2017-03-18"),
    ("Posted by admin on 21 March 2017\nBody.", "2017-03-21"),
    ("Sat 18 Mar 2017 10.15 GMT\nBody.", "2017-03-18"),
    ("Monday, March 20th, 2017 | 3:45pm\nBody.", "2017-03-20"),
    ("Sept. 5, 2017 — The army said 40 left.", "2017-09-05"),
    ("21.03.2017\nBody.", "2017-03-21"),
    ("**Title**\n\n_21 March 2017_\n\nBody.", "2017-03-21"),
    ("12:28 pm, May 22, 2017\nBody.", "2017-05-22"),
    ("Date: 2017/03/21\nBody.", "2017-03-21"),
    ("Homs, Syria (SANA) – 21/03/2017\nBody.", "2017-03-21"),
    ("Tuesday, 21 March, 2017\nBody.", "2017-03-21"),
    ("Issued: 21st March 2017\nBody.", "2017-03-21"),
])
def test_dateline_forms(text, want):
    assert find_dateline(text) == want


@pytest.mark.parametrize("text", [
    "Moscow, Dec 27 (Prensa Latina) 500 bodies were found.",        # no year: left to the timeline
    "About 1,500 people left on March 18, 2017.",                    # a date inside a sentence
    "March 21, 2017 was a day of grief for many in the city of Homs.",
    "By March 21, 2017 all fighters must leave.",                    # a deadline, not a dateline
    "On 21 March 2017, the army entered the district.",
    "Released 5 prisoners on 21 March 2017, the ministry said.",      # a verb, not a label
    "Headline\nThe talks that began on 14 March 2017 ended today.\n",
    "31/02/2017\nBody.",                                             # not a real date
    "March 2017\nBody.",                                             # no day
    "x\n" * 12 + "21/03/2017\n",                                     # below the top of the text
    "A" * 1200 + "\n21/03/2017\n",                                   # past the first characters
])
def test_not_a_dateline(text):
    assert find_dateline(text) is None


def test_ambiguous_numeric_date_is_day_first_unless_the_text_shows_month_first():
    assert find_dateline("05/06/2017\nBody.") == "2017-06-05"
    assert find_dateline("05/06/2017\nBody. A later note dated 05/23/2017.") == "2017-05-06"
    assert find_dateline("06/05/2017\nBody. On 23/05/2017 more left.") == "2017-05-06"
    assert find_dateline("03/21/2017\nBody.") == "2017-03-21"  # unambiguous month first


def test_publication_label_beats_updated():
    assert find_dateline("Updated 22 March 2017\nPublished 21 March 2017\nBody.") == "2017-03-21"
    assert find_dateline("Updated 22 March 2017\nBody.") == "2017-03-22"


def test_dateline_starts_after_front_matter():
    text = "---\ntitle: x\n---\n21/03/2017\nBody."
    _, body_start = front_matter(text)
    assert find_dateline(text, body_start) == "2017-03-21"


def test_seed_publication_dates_match_the_answer_key():
    gold = json.loads(GOLD_FACTS.read_text(encoding="utf-8"))["documents"]
    arts, errs = _read(SEEDS)
    assert not errs and len(arts) == 5
    assert {a.doc: a.published for a in arts} == {doc: d["published"] for doc, d in gold.items()}
    assert {a.doc: a.published_from for a in arts if a.published} == {
        "002_0fb80913c629ba8e.txt": "dateline", "003_24ede59f1be8d465.txt": "dateline"}


def test_seed_offsets_still_index_the_file():
    facts = json.loads(GOLD_FACTS.read_text(encoding="utf-8"))
    arts = {a.doc: a for a in _read(SEEDS)[0]}
    checked = 0
    for fact in facts["claims"]:
        if {"doc", "start", "end", "quote"} <= set(fact):
            span = arts[fact["doc"]].text[fact["start"]:fact["end"]]
            assert re.sub(r"\s", " ", span) == fact["quote"]   # the key writes no-break spaces as spaces
            checked += 1
    for a in arts.values():
        assert a.text == (SEEDS / a.doc).read_text(encoding="utf-8")
    assert checked > 20


# ---------------------------------------------------------------- kinds of file

def test_front_matter_metadata_and_offsets():
    a = _one((FIX / "frontmatter.md").read_bytes(), "frontmatter.md")
    assert (a.title, a.outlet, a.published, a.published_from) == (
        "Second convoy leaves al-Waer", "Example Wire", "2017-03-27", "front-matter")
    assert a.url == "https://wire.example/2017/03/27/second-convoy"
    assert a.text == (FIX / "frontmatter.md").read_text(encoding="utf-8")  # offsets count from the file's start
    assert a.body.startswith("# Second convoy")


@pytest.mark.parametrize("header, published", [
    ("date: 2017-03-27 10:00:00", "2017-03-27"),              # Hugo/Jekyll's key, a YAML datetime
    ("published: 'March 27, 2017'", "2017-03-27"),
    ("published: 'Mon, 27 Mar 2017 10:15:00 +0000'", "2017-03-27"),
    ("published: not a date", None),
])
def test_front_matter_dates(header, published):
    a = _one(f"---\n{header}\n---\nBody with 12 buses.\n".encode(), "a.md")
    assert a.published == published
    assert a.published_from == ("front-matter" if published else None)


def test_no_front_matter_unless_at_the_very_start():
    text = "\n\n---\n\n**Title**\n\n21/03/2017\n\nBody.\n"     # a Markdown rule, as in a seed
    assert front_matter(text) == ({}, 0)
    assert front_matter("---\nJust a rule, then text.\n---\nMore.") == ({}, 0)
    assert front_matter("---\ntitle: never closed\nBody.") == ({}, 0)
    meta, start = front_matter("---\ntitle: [broken\n---\nBody.")   # broken YAML is still a header
    assert meta == {} and start == len("---\ntitle: [broken\n---\n")
    assert front_matter("---\n---\nBody.") == ({}, 8)


def test_front_matter_in_txt_with_crlf_and_bom():
    raw = "\ufeff---\r\ntitle: T\r\npublished: 2017-03-21\r\n---\r\nBody 5.\r\n".encode("utf-8")
    a = _one(raw, "a.txt")
    assert a.text[0] == "\ufeff" and a.text == raw.decode("utf-8")
    assert a.published == "2017-03-21" and a.text[a.body_start:] == "Body 5.\r\n"


def test_html_text_and_metadata():
    a = _one((FIX / "page.html").read_bytes(), "page.html")
    assert a.title == "Evacuation of Homs district begins"
    assert a.outlet == "The Example Courier"
    assert a.url == "https://courier.example/world/2017/03/18/homs-evacuation"
    assert (a.published, a.published_from) == ("2017-03-18", "html-meta")   # published, not modified
    assert "About 1,500 people, including some 400 fighters" in a.text
    lines = a.text.split("\n")
    assert lines[0] == a.title and len(lines) >= 5                        # one paragraph per line
    for junk in ("Most read", "All rights reserved", "pageviews", "Sport"):
        assert junk not in a.text


def test_html_dateline_when_no_metadata_and_title_put_first():
    body = "".join(f"<p>Paragraph {i} says {i * 100} people left the district on Saturday, officials "
                   f"said, adding more would follow in the coming weeks.</p>" for i in range(1, 5))
    html = f"<html><head><title>Convoy leaves</title></head><body><div><p>21/03/2017</p>{body}</div></body></html>"
    a = _one(html.encode(), "p.htm")
    assert a.text.startswith("Convoy leaves\n")
    assert (a.published, a.published_from) == ("2017-03-21", "dateline")


def test_html_declared_legacy_charset():
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            '</head><body><p>Около 1500 человек покинули Хомс в субботу, сообщил губернатор провинции.</p>'
            '</body></html>').encode("cp1251")
    a = _one(html, "ru.html")
    assert "Около 1500 человек" in a.text and a.encoding == "cp1251"


def test_html_fragment_and_empty_page():
    a = _one(b"<p>About 2,300 people left <b>on Saturday<div>with 45 buses</p>", "frag.html")
    assert "2,300 people" in a.text and "45 buses" in a.text
    (err,) = list(read_bytes(b"<html><head><title></title></head><body><script>var x = 1;</script></body></html>",
                             "empty.html"))
    assert isinstance(err, IngestError) and "no article text" in err.message


def test_html_that_is_only_a_url_is_not_fetched(monkeypatch):
    import socket

    def no_network(*a, **k):
        raise AssertionError("ingest tried to open a network connection")
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    items = list(read_bytes(b"https://example.com/news/2017/03/21/story", "u.html"))
    assert len(items) == 1   # an article or an error, never a download


def test_jsonl_bad_line_named_and_others_read():
    arts, errs = _read(FIX / "batch.jsonl")
    assert [a.doc for a in arts] == ["wire-1", "wire-3"]
    assert [str(e).split(": ")[0] for e in errs] == [f"{FIX / 'batch.jsonl'}:2"]
    assert "not valid JSON" in errs[0].message
    w1, w3 = arts
    assert (w1.published, w1.published_from, w1.outlet) == ("2017-03-18", "jsonl", "Example Wire")
    assert (w3.published, w3.published_from) == ("2017-03-27", "dateline")
    assert w3.text.startswith("Published: March 27, 2017\nA second")


@pytest.mark.parametrize("line, message", [
    (b'[1, 2]', "expected a JSON object"),
    (b'{"text": "5 cars"}', 'missing or empty "id"'),
    (b'{"id": "a"}', 'missing "text"'),
    (b'{"id": "a", "text": "  "}', 'empty "text"'),
    (b'{"id": true, "text": "5 cars"}', 'missing or empty "id"'),
])
def test_jsonl_record_checks(line, message):
    items = list(read_bytes(b'{"id": 7, "text": "5 cars"}\n' + line + b"\n", "b.jsonl"))
    assert isinstance(items[0], Article) and items[0].doc == "7"
    assert isinstance(items[1], IngestError) and items[1].path == "b.jsonl:2" and message in items[1].message


def test_jsonl_line_separators_inside_strings_and_bom():
    rec = {"id": "x", "text": "First\u2028second line with 4 cars."}
    raw = b"\xef\xbb\xbf" + json.dumps(rec, ensure_ascii=False).encode() + b"\r\n"
    (a,) = list(read_bytes(raw, "s.jsonl"))
    assert a.text == rec["text"]


def test_jsonl_many_bad_lines_are_summarised():
    raw = b"".join(b"{bad\n" for _ in range(100))
    errs = list(read_bytes(raw, "bad.jsonl"))
    assert len(errs) == 20 + 2 and all(isinstance(e, IngestError) for e in errs)
    assert "80 more bad lines" in errs[20].message and "no article records" in errs[21].message


# ---------------------------------------------------------------- encodings

TEXT = "Le café “Montréal” said 1,200 people — about 40% — fled; costs rose to €5,000."


@pytest.mark.parametrize("encoding, want", [
    ("utf-8", "utf-8"), ("cp1252", "cp1252"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
])
def test_encodings_read(encoding, want):
    raw = TEXT.encode(encoding)
    a = _one(raw, "a.txt")
    assert a.text == TEXT and a.encoding == want and a.text == raw.decode(a.encoding)


def test_latin1_read():
    text = "Über 300 Menschen, said the café owner in Zürich: 1,200 people fled."
    a = _one(text.encode("latin-1"), "a.txt")
    assert a.text == text and a.encoding == "latin-1"


def test_utf8_with_a_stray_byte_stays_utf8():
    raw = ("Café “owners” said 1,200 people fled, " * 20).encode() + b"\x92s end."
    a = _one(raw, "a.txt")
    assert a.encoding == "utf-8" and a.text.startswith("Café “owners”") and "\ufffd" in a.text


def test_non_latin_legacy_encoding():
    text = "Около 1500 человек покинули Хомс в субботу, сообщил губернатор провинции Талал Барази."
    a = _one(text.encode("cp1251", "replace"), "a.txt")
    assert "Около 1500 человек" in a.text


@pytest.mark.parametrize("raw, message", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\xef\xbb\xbf\r\n", "empty file"),
    (b"\xff\xfe \x00\n\x00", "empty file"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x00" * 1000, "binary data"),
    (bytes(range(256)) * 8, "not text"),
])
def test_not_text_rejected(raw, message):
    with pytest.raises(Exception) as exc:
        decode(raw)
    assert message in str(exc.value)


def test_random_bytes_rejected():
    import random
    rng = random.Random(5)
    for n in (64, 512, 4096, 65536):
        (item,) = list(read_bytes(rng.randbytes(n), "noise.txt"))
        assert isinstance(item, IngestError) and item.message.startswith("not text"), (n, item)


# ---------------------------------------------------------------- files and folders

def _corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "b.txt").write_text("B has 2 cars.")
    (root / "A.TXT").write_text("A has 3 cars.")
    (root / "sub" / "c.md").write_text("C has 4 cars.")
    (root / "sub" / "deeper" / "d.htm").write_text("<html><body><p>D has 5 cars.</p></body></html>")
    (root / "notes.csv").write_text("x,1")
    (root / ".hidden.txt").write_text("hidden 6")
    (root / ".git").mkdir()
    (root / ".git" / "e.txt").write_text("git 7")
    return root


def test_folder_walk_order_names_and_skips(tmp_path):
    root = _corpus(tmp_path)
    arts, errs = _read(root)
    assert not errs
    assert [a.doc for a in arts] == ["A.TXT", "b.txt", "sub/c.md", "sub/deeper/d.htm"]
    assert arts[1].source == str(root / "b.txt")


def test_file_given_directly_and_twice(tmp_path):
    root = _corpus(tmp_path)
    arts, errs = _read(root / "sub" / "c.md", root, root / ".hidden.txt")
    assert not errs
    assert [a.doc for a in arts] == ["c.md", "A.TXT", "b.txt", "sub/deeper/d.htm", ".hidden.txt"]


def test_unsupported_file_given_directly(tmp_path):
    root = _corpus(tmp_path)
    arts, errs = _read(root / "notes.csv")
    assert not arts and "not an article file" in errs[0].message


def test_symlinks(tmp_path):
    root = _corpus(tmp_path)
    os.symlink("..", root / "sub" / "up")                 # a loop
    os.symlink(root / "sub", root / "alias")              # the same folder twice
    os.symlink(root / "b.txt", root / "sub" / "b2.txt")   # the same file twice
    os.symlink("gone.txt", root / "dangling.txt")
    os.symlink("self.txt", root / "self.txt")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("O has 8 cars.")
    os.symlink(outside, root / "linked")
    arts, errs = _read(root)
    assert sorted(a.doc for a in arts) == ["A.TXT", "b.txt", "linked/o.txt", "sub/c.md", "sub/deeper/d.htm"]
    assert sorted((Path(e.path).name, e.message) for e in errs) == [
        ("dangling.txt", "broken symbolic link"), ("self.txt", "symbolic link loop")]


def test_fifo_is_not_opened(tmp_path):
    root = _corpus(tmp_path)
    os.mkfifo(root / "pipe.txt")
    arts, errs = _read(root)
    assert len(arts) == 4 and [e.message for e in errs] == ["not a regular file"]


def test_missing_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.rst").write_text("nothing")
    arts, errs = _read(tmp_path / "nope", tmp_path / "empty")
    assert not arts
    assert [e.message for e in errs][0] == "no such file or folder"
    assert errs[1].message.startswith("no articles in this folder")


def test_error_is_one_line():
    e = IngestError("we\nird.txt", "bad\nthing")
    assert "\n" not in str(e) and str(e) == "we\\nird.txt: bad\\nthing"


def test_undecodable_file_name(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    name = os.fsencode(str(root)) + b"/caf\xe9.txt"
    with open(name, "wb") as f:
        f.write(b"9 cars.")
    arts, errs = _read(root)
    assert not errs and arts[0].doc == "caf\ufffd.txt"
    arts[0].doc.encode("utf-8")


def test_parallel_reading_gives_the_same_articles(tmp_path):
    from concurrent.futures import ThreadPoolExecutor
    root = _corpus(tmp_path)
    (root / "page.html").write_bytes((FIX / "page.html").read_bytes())
    paths = [str(root), str(FIX / "batch.jsonl"), str(tmp_path / "missing")]
    serial = list(iter_articles(paths))
    with ThreadPoolExecutor(3) as pool:
        parallel = list(iter_articles(paths, mapper=pool.map))
    assert sorted(map(repr, serial)) == sorted(map(repr, parallel))
    assert len([a for a in serial if isinstance(a, Article)]) == 7


def test_deep_folder_tree(tmp_path):
    """Deeper than Python's recursion limit: the walk is iterative."""
    folders = [tmp_path / "deep"]
    folders[0].mkdir()
    try:
        for _ in range(1100):
            folders.append(folders[-1] / "d")
            os.mkdir(folders[-1])
        (folders[-1] / "x.txt").write_text("5 cars.")
        arts, errs = _read(tmp_path / "deep")
        assert not errs and [a.doc for a in arts] == ["d/" * 1100 + "x.txt"]
    finally:  # shutil.rmtree (and so pytest's clean-up of old tmp folders) recurses and would fail
        (folders[-1] / "x.txt").unlink(missing_ok=True)
        for folder in reversed(folders):
            os.rmdir(folder)


@pytest.mark.parametrize("h1, first_line", [
    ("Evacuation of Homs district begins", "Evacuation of Homs district begins"),           # the same
    ("Evacuation of Homs district begins as rebels leave", "Evacuation of Homs district begins as rebels leave"),
    ("", "Evacuation of Homs district begins"),                                              # no headline
])
def test_html_title_not_said_twice(h1, first_line):
    body = "".join(f"<p>Paragraph {i} says {i * 100} people left the district on Saturday, officials "
                   f"said, adding more would follow in the coming weeks.</p>" for i in range(1, 5))
    html = (f'<html><head><meta property="og:title" content="Evacuation of Homs district begins">'
            f'</head><body><article><h1>{h1}</h1>{body}</article></body></html>')
    a = _one(html.encode(), "t.html")
    lines = a.text.split("\n")
    assert lines[0] == first_line and "Homs district" not in lines[1]


def test_too_large_file_is_refused_unread(tmp_path):
    root = _corpus(tmp_path)
    with open(root / "huge.txt", "wb") as f:
        f.truncate(300 * 2**20)   # sparse: no 300 MB written, none read
    arts, errs = _read(root)
    assert len(arts) == 4 and [e.message for e in errs] == ["too large (300 MB; the limit is 256 MB)"]


def test_unlistable_subfolder(tmp_path, monkeypatch):
    """chmod 000 on a folder does not stop root, so os.scandir is made to refuse, as it would."""
    root = _corpus(tmp_path)
    real_scandir = os.scandir

    def guarded(path="."):
        if str(path).endswith("deeper"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", guarded)
    arts, errs = _read(root)
    assert [a.doc for a in arts] == ["A.TXT", "b.txt", "sub/c.md"]
    assert [str(e) for e in errs] == [f"{root / 'sub' / 'deeper'}: cannot list folder: permission denied"]
