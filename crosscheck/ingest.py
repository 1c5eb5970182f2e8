"""Read articles from files and folders (owner: ingest).

Interface used by the pipeline:
    iter_articles(paths, mapper=None) -> Iterator[Article | IngestError]
Every unreadable input yields an IngestError (never raises) so the run goes on.
Its two steps are public too: ``iter_files(paths)`` finds the files (and the path
errors), ``read_file((path, doc))`` reads one (picklable, for a pool's ``map``);
``read_bytes(raw, name)`` reads bytes already in memory.

What is read, and the decisions taken:

1. Paths. A folder is searched recursively; files whose suffix (any case) is
   ``.txt``, ``.md``, ``.html``, ``.htm`` or ``.jsonl`` are articles, other files
   are skipped silently, and so are hidden files and folders (names starting
   with ``.``: ``.git``, editor and OS droppings). A file given directly is read
   whatever its name (hidden or not) but must have one of those suffixes.
   Symbolic links are followed, to files and to folders; a folder already
   visited (same device and inode) is not entered again, so a link loop ends,
   and a file reached twice (through a link, or by naming it and its folder)
   is read once. The walk is iterative: no depth limit. A dangling or looping link, a missing path, a folder with no
   article file, an unreadable file or folder, a FIFO or device: one error each.
   ``Article.doc`` is the path relative to the folder given (``/``-separated),
   or the file name for a file given directly; files come in sorted order.
2. Bytes to text (``Article.encoding``; for .txt/.md ``text ==
   raw.decode(encoding)``, so offsets index what Python's ``open(path,
   encoding=...)`` gives):
   - a UTF-8 BOM is *kept* as U+FEFF at offset 0: offsets then agree with
     ``open(path, encoding="utf-8").read()``, which is how most readers of the
     contract load a file (``utf-8-sig`` would shift every offset by one);
     a UTF-16/32 BOM selects that codec;
   - valid UTF-8 is UTF-8; a file that is UTF-8 but for a few stray bytes is
     read as UTF-8 with those bytes as U+FFFD (re-reading the whole file as
     cp1252 would garble every other non-ASCII character);
   - otherwise the charset an HTML page declares, then charset-normalizer:
     when it finds a non-Latin script (Cyrillic, Greek, Arabic, CJK...) its
     guess is used; for Latin text it often names cp1250 for what is
     Western text, so Latin text is read as cp1252 (``latin-1`` when no byte
     0x80-0x9F occurs, where the two are the same; WHATWG reads the label
     ISO-8859-1 as windows-1252 too);
   - an empty (or whitespace-only) file, a known binary signature (PDF, ZIP,
     gzip, PNG...), more than 5% control bytes, or bytes no text encoding
     fits (charset-normalizer finds none) are rejected as not text.
3. Kinds. ``.txt``/``.md``: may open with YAML front matter between two
   ``---`` lines (closed by ``---`` or ``...``); ``body_start`` is past it and
   offsets still count from the first character of the file. Keys ``title``,
   ``outlet``, ``url``, ``published`` (also the common aliases ``date``,
   ``source``/``publisher``/``site_name``, ``link``). ``.html``/``.htm``: text
   through trafilatura, one paragraph per line, the page title put first when
   the extracted text does not already start with it; title/outlet/url from
   the page metadata, the publication date through htmldate on the markup only
   (no extensive search of the text, original rather than updated date). The
   markup is parsed locally: nothing is ever fetched (htmldate fetches a
   string that looks like a URL, so it only ever gets a parsed tree).
   ``.jsonl``: one article per line; a bad line is one error naming
   ``file:line`` and the other lines still come through (at most
   ``MAX_LINE_ERRORS`` lines named per file, then one summary).
4. Publication date (``published_from``): front-matter, jsonl, html-meta,
   else a dateline: see ``find_dateline``.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import json
import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .calendar_words import MONTHS
from .model import Article

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_HTML = (".html", ".htm")
MAX_BYTES = 256 * 1024 * 1024   # a file larger than this is refused rather than read into memory
MAX_LINE_ERRORS = 20            # bad JSONL lines named one by one per file, then one summary line
GUESS_BYTES = 65536             # charset-normalizer looks at this much of a file (it is slow on 20 MB)
CONTROL_SHARE = 0.05            # share of control bytes above which a file is binary, not text
TOP_LINES = 10                  # a dateline is within the first TOP_LINES non-blank lines ...
TOP_CHARS = 1000                # ... that start within the first TOP_CHARS characters of the body
MAX_LINE = 300                  # of a longer line only the first MAX_LINE characters are looked at

for _name in ("trafilatura", "htmldate", "charset_normalizer"):
    # their error logs would reach the user's stderr through logging's last resort
    logging.getLogger(_name).addHandler(logging.NullHandler())


def _one_line(s: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], s)


@dataclass(frozen=True, order=True)
class IngestError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{_one_line(self.path)}: {_one_line(self.message)}"


class Unreadable(ValueError):
    """Why some bytes are not an article (raised by ``decode``; ``iter_articles`` turns it into an IngestError)."""


# ---------------------------------------------------------------- bytes to text

_SIGNATURE = re.compile(  # the opening bytes of common binary formats, and what they are
    rb"\A(?:(?P<pdf>%PDF-)|(?P<zip>PK\x03\x04)|(?P<gzip>\x1f\x8b)|(?P<png>\x89PNG)|(?P<jpeg>\xff\xd8\xff)"
    rb"|(?P<gif>GIF8[79]a)|(?P<ole>\xd0\xcf\x11\xe0)|(?P<elf>\x7fELF)|(?P<sqlite>SQLite format 3\x00)"
    rb"|(?P<bzip2>BZh[1-9]1AY&SY)|(?P<xz>\xfd7zXZ\x00)|(?P<sevenzip>7z\xbc\xaf\x27\x1c))")
_FORMATS = {"pdf": "a PDF document", "zip": "a ZIP archive (or .docx/.xlsx)", "gzip": "gzip data",
            "png": "a PNG image", "jpeg": "a JPEG image", "gif": "a GIF image",
            "ole": "an old Microsoft Office file", "elf": "an executable", "sqlite": "an SQLite database",
            "bzip2": "bzip2 data", "xz": "xz data", "sevenzip": "a 7-Zip archive"}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
_NON_LATIN = ("Cyrillic", "Greek", "Arabic", "Hebrew", "CJK", "Hiragana", "Katakana", "Hangul",
              "Thai", "Devanagari", "Bengali", "Armenian", "Georgian", "Bopomofo", "Halfwidth",
              "Ethiopic", "Tamil", "Syriac", "Thaana", "Khmer", "Lao", "Myanmar")
_WESTERN_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                   "windows-1252", "cp1252"}


def decode(raw: bytes, declared: Optional[str] = None) -> tuple:
    """(text, encoding) for the bytes of one file, or raise Unreadable (see the module doc, 2)."""
    text, encoding = _decode(raw, declared)
    if not text.strip().strip("\ufeff"):
        raise Unreadable("empty file (only a byte-order mark or white space)")
    return text, encoding


def _decode(raw: bytes, declared: Optional[str]) -> tuple:
    if not raw.strip():
        raise Unreadable("empty file" if not raw else "empty file (only white space)")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise Unreadable(f"not text: starts with a {enc.upper()} byte-order mark but "
                                  f"is not {enc.upper()} ({exc.reason} at byte {exc.start})") from None
    binary = _SIGNATURE.match(raw)
    if binary:
        raise Unreadable(f"not text: looks like {_FORMATS[binary.lastgroup]}")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > CONTROL_SHARE * len(raw):
        if len(raw) % 2 == 0 and raw.count(b"\x00") >= 0.4 * len(raw):  # UTF-16/32 of Latin text, no BOM?
            best = _guess(raw[:GUESS_BYTES])
            if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
                return _decode_as(raw, best.encoding)
        nul = ", NUL bytes" if b"\x00" in raw else ""
        raise Unreadable(f"not text: binary data ({100 * controls / len(raw):.0f}% control bytes{nul})")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    if len(text) - len(text.encode("ascii", "ignore").decode()) - bad > 4 * bad:
        return text, "utf-8"  # UTF-8 with a few stray bytes
    if declared:
        label = declared.strip().lower()
        enc = "cp1252" if label in _WESTERN_LABELS else label
        try:
            return raw.decode(enc), codecs.lookup(enc).name
        except (LookupError, UnicodeDecodeError):
            pass
    cut = raw.rfind(b"\n", 0, GUESS_BYTES) + 1 if len(raw) > GUESS_BYTES else len(raw)
    best = _guess(raw[:cut or GUESS_BYTES])
    if best is None:
        raise Unreadable("not text: no text encoding fits its bytes (binary data?)")
    if any(s in a for a in best.alphabets for s in _NON_LATIN):
        return _decode_as(raw, best.encoding)
    if re.search(rb"[\x80-\x9f]", raw) is None:
        return raw.decode("latin-1"), "latin-1"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _decode_as(raw: bytes, encoding: str) -> tuple:
    """The whole file in the encoding guessed from its start; bytes past the start that do not fit become U+FFFD."""
    name = codecs.lookup(encoding).name
    try:
        return raw.decode(name), name
    except UnicodeDecodeError:
        return raw.decode(name, "replace"), name


def _guess(raw: bytes):
    """charset-normalizer's guess; of guesses as clean as the best, a Windows code page (far the
    commonest legacy encoding of web and news text: short Cyrillic text is otherwise often
    called mac_cyrillic)."""
    from charset_normalizer import from_bytes
    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        return None
    windows = [m for m in matches if m.encoding.startswith("cp125") and m.chaos <= best.chaos + 0.01]
    return max(windows, key=lambda m: m.coherence, default=best)


# ---------------------------------------------------------------- dates

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
DATE_RE = re.compile(rf"""(?<![\w.,/-]){_WEEKDAY}(?:
      (?P<mon1>{_MONTH})\.?\s+(?P<day1>{_DAY}),?\s+(?P<year1>{_YEAR})                    # March 21, 2017
    | (?P<day2>{_DAY})(?:\s+of)?[\s-]+(?P<mon2>{_MONTH})\.?,?[\s-]+(?P<year2>{_YEAR})   # 21 March 2017
    | (?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?![\d/])  # 2017-03-21
    | (?P<n1>[0-3]?\d)(?P<nsep>[-/.])(?P<n2>[0-3]?\d)(?P=nsep)(?P<ny>(?:19|20)\d\d)(?![\d/.-]\d)  # 21/03/2017
    )(?!-\d|\.\d)""", re.IGNORECASE | re.VERBOSE)
_NUMERIC_RE = re.compile(r"(?<![\d/.-])([0-3]?\d)([-/.])([0-3]?\d)\2(?:19|20)\d\d(?![\d/])")
_LABEL_RE = re.compile(
    r"^\W*(?P<label>first published|originally published|published|posted|last updated|updated|"
    r"last modified|modified|released|issued|created|dated|date)\b", re.IGNORECASE)
_UPDATED = ("updated", "modified")
_STRONG_LABELS = ("published", "posted", "updated", "modified")   # may stand apart from the date:
# "Posted by admin on 21 March 2017"; the others must be next to it ("Issued: 21 March 2017", "Dated 21/03/2017")
_LABEL_GAP = re.compile(r"[\s:|\-–—]*(?:on\s+)?", re.IGNORECASE)
_PREPOSITIONS = {"on", "by", "since", "until", "till", "before", "after", "from", "in", "of", "to",
                 "between", "and", "or", "the", "at", "as", "through", "than", "around"}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TIME_OR_ZONE = re.compile(r"\b(?:\d{1,2}[:.]\d\d(?:[:.]\d\d)?|[aApP]\.?[mM]\b\.?|[A-Z]{2,5}(?:[+-]\d+)?)\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*[aApP]\.?[mM]\b\.?)?")
_TIME_FIRST = re.compile(r"^(?:at\s+)?" + _TIME.pattern + r"\s*")
_SEPARATORS = "-–—(|/•·:"


def _numeric_order(text: str) -> str:
    """'dmy' or 'mdy' for the numeric dates of one text: what its unambiguous ones show, else day first."""
    day_first = month_first = False
    for m in _NUMERIC_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if m.group(2) == ".":
            day_first = True  # 21.03.2017: the dotted form is day first wherever it is used
        elif a > 12 >= b:
            day_first = True
        elif b > 12 >= a:
            month_first = True
        if day_first and month_first:
            break
    return "mdy" if month_first and not day_first else "dmy"


def _date_of(m: re.Match, order=lambda: "dmy") -> Optional[str]:
    """ISO date of a DATE_RE match, or None when it is not a real date (31/02/2017, 13/13/2017)."""
    g = m.groupdict()
    try:
        if g["mon1"]:
            y, mo, d = int(g["year1"]), MONTHS[g["mon1"].lower()], int(g["day1"].rstrip("stndrh"))
        elif g["mon2"]:
            y, mo, d = int(g["year2"]), MONTHS[g["mon2"].lower()], int(g["day2"].rstrip("stndrh"))
        elif g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        else:
            a, b, y = int(g["n1"]), int(g["n2"]), int(g["ny"])
            if g["nsep"] == "." or a > 12:
                d, mo = a, b
            elif b > 12:
                mo, d = a, b
            else:
                d, mo = (a, b) if order() == "dmy" else (b, a)
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _dateline_rank(line: str, m: re.Match) -> Optional[int]:
    """0 for a publication label, 1 for a bare dateline, 2 for an 'Updated' one; None for prose."""
    label = _LABEL_RE.match(line)
    if label:
        word = label.group("label").lower()
        if word.endswith(_STRONG_LABELS) or _LABEL_GAP.fullmatch(line, label.end(), m.start()):
            return 2 if word.endswith(_UPDATED) else 0
    prefix, suffix = _TIME.sub(" ", line[:m.start()]), line[m.end():]   # "12:28 pm, May 22, 2017"
    words = _WORD.findall(prefix)
    if len(words) > 6 or any(w[0].islower() for w in words):
        return None  # "... left on March 18, 2017": a date inside a sentence
    if words and prefix.rstrip()[-1:].isalpha() and words[-1].lower() in _PREPOSITIONS:
        return None  # "By March 21, 2017" (a deadline), "Since 1 May 2017"
    rest = _TIME_FIRST.sub("", suffix.lstrip(" ,\t*_"))
    if not rest or rest[0] in _SEPARATORS:
        return 1  # the date ends the line, or "MOSCOW, March 21, 2017 (Reuters) -", "21 March 2017 | 10:15"
    if len(_WORD.findall(_TIME_OR_ZONE.sub(" ", rest))) <= 4:
        return 1  # "21 March 2017 10:15 GMT", "18 March 2017 by Jane Doe"
    return None


def find_dateline(text: str, start: int = 0) -> Optional[str]:
    """The publication date stated in a dateline near the top of ``text[start:]``, as ISO, else None.

    Only the first TOP_LINES non-blank lines that start within TOP_CHARS characters are
    looked at: a date deep in the text is about an event, not the publication. Only a
    full date counts (day, month and year: "Moscow, Dec 27 (Prensa Latina)" is left to the
    timeline stage): "21/03/2017", "2017-03-21", "March 21, 2017", "Published: May 22,
    2017, 12:28 pm", "Updated 21 March 2017 10:15 GMT", "MOSCOW, March 21, 2017 (Reuters) -".
    The date must stand as a dateline, not inside a sentence: labelled (Published, Posted,
    Updated, Date...), or with nothing but capitalised words (a place, a byline) before it
    and nothing or a separator, a time or a few words after it. A publication label beats
    a bare date, which beats an "Updated" one; then the first wins. Numeric dates are day
    first unless the text's own unambiguous numeric dates are all month first (05/23/2017):
    day first is the convention of most of the English-language press outside the US, and
    US outlets mostly spell the month in datelines. Two-digit years (21/03/17) are not read:
    17/03/21 could as well be 2017-03-21.
    """
    best = None
    order_cache = []

    def order():
        if not order_cache:
            order_cache.append(_numeric_order(text))
        return order_cache[0]

    pos, seen = start, 0
    while seen < TOP_LINES and pos < start + TOP_CHARS and pos < len(text):
        nl = text.find("\n", pos, start + TOP_CHARS + MAX_LINE)
        end = min(len(text) if nl < 0 else nl, pos + MAX_LINE)   # never scan a huge one-line text
        line = text[pos:end].strip().strip("*_#> \t\ufeff")
        pos = (len(text) if nl < 0 else nl) + 1
        if not line:
            continue
        seen += 1
        for m in DATE_RE.finditer(line):
            rank = _dateline_rank(line, m)
            if rank is None:
                continue
            iso = _date_of(m, order)
            if iso and (best is None or rank < best[0]):
                best = (rank, iso)
            break  # one date per line: the first that stands as a dateline
    return best[1] if best else None


def normalise_date(value) -> Optional[str]:
    """An ISO date from a metadata value: a YAML/JSON date, ISO text, or a date string for dateparser."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    s = value.strip()
    iso = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)", s)
    if iso:
        try:
            return _dt.date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    m = DATE_RE.search(s)
    if m and not s[:m.start()].strip() and _date_of(m):
        return _date_of(m)
    import dateparser
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(s, languages=["en"], settings=settings)  # every language: 5 s to load
    return parsed.date().isoformat() if parsed else None


# ---------------------------------------------------------------- metadata

_KEYS = {"title": ("title", "headline"), "outlet": ("outlet", "source", "publisher", "site_name", "sitename"),
         "url": ("url", "link", "canonical_url"), "published": ("published", "date", "pubdate", "publishDate",
                                                                   "published_at", "date_published")}


def _meta(record: dict) -> dict:
    """title/outlet/url/published of a front matter or JSONL record (the contract's keys, then common aliases)."""
    out = {}
    for key, names in _KEYS.items():
        for name in names:
            value = record.get(name)
            if value is None or isinstance(value, (dict, list, bool)):
                continue
            if key == "published":
                value = normalise_date(value)
            elif not isinstance(value, str):
                value = str(value)
            value = value.strip() if value else None
            if value:
                out[key] = value
                break
    return out


_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


def front_matter(text: str) -> tuple:
    """(metadata dict, body_start) of a text that opens with YAML front matter, else ({}, 0)."""
    m = _FENCE.match(text)
    if not m:
        return {}, 0
    end = _FENCE_END.search(text, m.end(), m.end() + 65536)
    if not end:
        return {}, 0
    block = text[m.end():end.start()]
    import yaml
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        data = None
    if isinstance(data, dict):
        return _meta({str(k): v for k, v in data.items()}), end.end()
    if not block.strip() or re.match(r"\s*[A-Za-z_][\w-]*\s*:", block):   # empty, or keys YAML refuses
        return {}, end.end()  # still a header, not body text
    return {}, 0


# ---------------------------------------------------------------- the kinds of file

def _text_article(doc: str, source: str, raw: bytes) -> Article:
    text, encoding = decode(raw)
    meta, body_start = front_matter(text)
    published_from = "front-matter" if meta.get("published") else None
    if not published_from:
        meta["published"] = find_dateline(text, body_start)
        published_from = "dateline" if meta["published"] else None
    return Article(doc=doc, text=text, source=source, body_start=body_start, encoding=encoding,
                   published_from=published_from, **meta)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _html_article(doc: str, source: str, raw: bytes) -> Article:
    declared = _META_CHARSET.search(raw[:4096])
    html, encoding = decode(raw, declared.group(1).decode("ascii", "replace") if declared else None)
    import copy

    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    html = re.sub(r"\A\s*<\?xml[^>]*>", "", html.lstrip("\ufeff"))  # lxml refuses str with an encoding declaration
    tree = load_html(html)
    if tree is None:  # a fragment without <html>: trafilatura's advice is to wrap it
        tree = load_html(f"<html><body><div>{html}</div></body></html>")
    if tree is None:
        raise Unreadable("not an HTML page (the markup could not be parsed)")
    text = trafilatura.extract(copy.deepcopy(tree), include_comments=False, include_tables=True,
                               output_format="txt")
    if not text or not text.strip():
        raise Unreadable("no article text found in the HTML page")
    md = extract_metadata(tree, date_config={"extensive_search": False, "original_date": True})
    meta = {}
    if md is not None:
        meta = {"title": md.title or None, "outlet": md.sitename or None, "url": md.url or None,
                "published": normalise_date(md.date) if md.date else None}
    title = meta.get("title")
    if title and not _starts_with_title(text, title):
        text = f"{title}\n{text}"   # the headline carries figures too, as in a .txt article
    published_from = "html-meta" if meta.get("published") else None
    if not published_from:
        meta["published"] = find_dateline(text)
        published_from = "dateline" if meta["published"] else None
    return Article(doc=doc, text=text, source=source, encoding=encoding, published_from=published_from, **meta)


def _starts_with_title(text: str, title: str) -> bool:
    """Whether the page's own headline (perhaps worded a little differently from its <title> or
    og:title) is already in the first lines, so that putting the title first would say it twice."""
    from rapidfuzz import fuzz

    def squash(s):
        return re.sub(r"\W+", " ", s).strip().lower()
    head = squash(" ".join(text[:len(title) * 2 + 200].split("\n")[:3]))
    return fuzz.partial_ratio(squash(title), head) >= 80


def _jsonl_articles(source: str, raw: bytes) -> Iterator[Union[Article, IngestError]]:
    if not raw.strip():
        yield IngestError(source, "empty file")
        return
    decode(raw[:65536] if len(raw) > 65536 else raw)  # binary garbage is one error, not one per line
    bad = found = 0
    for lineno, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            article = _jsonl_record(source, lineno, line)
            found += 1
            yield article
        except Unreadable as exc:
            bad += 1
            if bad <= MAX_LINE_ERRORS:
                yield IngestError(f"{source}:{lineno}", str(exc))
    if bad > MAX_LINE_ERRORS:
        yield IngestError(source, f"{bad - MAX_LINE_ERRORS} more bad lines not listed ({bad} in all)")
    if not found:
        yield IngestError(source, "no article records")


def _jsonl_record(source: str, lineno: int, line: bytes) -> Article:
    try:
        text, encoding = line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = decode(line)
    if lineno == 1:
        text = text.lstrip("\ufeff")
    try:
        rec = json.loads(text)
    except ValueError as exc:
        raise Unreadable(f"not valid JSON ({exc})") from None
    if not isinstance(rec, dict):
        raise Unreadable(f"expected a JSON object with \"id\" and \"text\", got {type(rec).__name__}")
    doc, body = rec.get("id"), rec.get("text")
    if not isinstance(doc, (str, int)) or isinstance(doc, bool) or str(doc).strip() == "":
        raise Unreadable('missing or empty "id" (a string or a number)')
    if not isinstance(body, str):
        raise Unreadable(f'record {doc!r}: missing "text" (a string)')
    if not body.strip():
        raise Unreadable(f'record {doc!r}: empty "text"')
    meta = _meta(rec)
    published_from = "jsonl" if meta.get("published") else None
    if not published_from:
        meta["published"] = find_dateline(body)
        published_from = "dateline" if meta["published"] else None
    return Article(doc=str(doc), text=body, source=source, encoding=encoding, published_from=published_from, **meta)


# ---------------------------------------------------------------- files and folders

def read_bytes(raw: bytes, name: str, doc: Optional[str] = None,
               source: Optional[str] = None) -> Iterator[Union[Article, IngestError]]:
    """The articles in the bytes of one file called ``name`` (its suffix says the kind). Never raises."""
    suffix = os.path.splitext(name)[1].lower()
    source = source if source is not None else name
    doc = doc if doc is not None else os.path.basename(name)
    try:
        if suffix == ".jsonl":
            yield from _jsonl_articles(source, raw)
        elif suffix in _HTML:
            yield _html_article(doc, source, raw)
        else:
            yield _text_article(doc, source, raw)
    except Unreadable as exc:
        yield IngestError(source, str(exc))
    except Exception as exc:  # a bug on one file must cost that file, not the run
        yield IngestError(source, f"could not be read ({exc.__class__.__name__}: {exc})")


def _read(path: str, doc: str) -> Iterator[Union[Article, IngestError]]:
    """One file: checked before it is opened (a FIFO would block), its bytes read once."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            yield IngestError(path, "not a regular file")
            return
        if st.st_size > MAX_BYTES:
            yield IngestError(path, f"too large ({st.st_size / 2**20:.0f} MB; "
                                    f"the limit is {MAX_BYTES / 2**20:.0f} MB)")
            return
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        yield IngestError(path, _os_reason(path, exc))
        return
    yield from read_bytes(raw, path, doc, path)


def _os_reason(path: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return f"cannot read ({exc.strerror or exc.__class__.__name__})"


def _walk(root: str, errors: list) -> list:
    """(relative posix path, full path) of the article files under ``root``, sorted.

    Iterative (no recursion limit on deep trees). Links to folders are followed, but a folder
    already met (same device and inode) is not entered again; folders are marked when first seen,
    so a real folder is named by its own path before a link deeper down can claim it.
    """
    found = []
    visited = {_file_id(root)}   # (device, inode): a real path without resolving every level again
    stack = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            errors.append(IngestError(folder, f"cannot list folder: {_os_reason(folder, exc)}"))
            continue
        subfolders = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(e)
            elif os.path.splitext(e.name)[1].lower() in SUFFIXES:
                found.append((rel + e.name, e.path))
        for e in sorted(subfolders, key=lambda e: (e.is_symlink(), e.name)):
            try:
                st = e.stat()
            except OSError:
                continue
            if (st.st_dev, st.st_ino) not in visited:
                visited.add((st.st_dev, st.st_ino))
                stack.append((e.path, rel + e.name + "/"))
    return sorted(found)


def _label(name: str) -> str:
    """A document name that can always be printed and written as UTF-8 (undecodable file names)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _file_id(path: str):
    try:
        st = os.stat(path)
        return (st.st_dev, st.st_ino)
    except OSError:
        return None


def iter_files(paths: Iterable[str]) -> Iterator[Union[tuple, IngestError]]:
    """Stage 1a: the article files under ``paths`` as (path, doc) pairs, each real file once,
    and an IngestError for each path that is missing, empty of articles or not listable."""
    read = set()
    for p in paths:
        p = os.fspath(p)
        try:
            if os.path.isdir(p):
                errors = []
                files = _walk(p, errors)
                yield from errors
                if not files and not errors:
                    yield IngestError(p, f"no articles in this folder (looked for {', '.join(SUFFIXES)} files)")
            elif os.path.exists(p) or os.path.lexists(p):
                if os.path.splitext(p)[1].lower() not in SUFFIXES and os.path.exists(p):
                    yield IngestError(p, f"not an article file (expected {', '.join(SUFFIXES)})")
                    continue
                files = [(os.path.basename(p), p)]
            else:
                yield IngestError(p, "no such file or folder")
                continue
            for rel, full in files:
                fid = _file_id(full)
                if fid is not None:
                    if fid in read:
                        continue  # the same file reached twice: read once
                    read.add(fid)
                yield full, _label(rel)
        except Exception as exc:  # a bug here must cost one input, not the run
            yield IngestError(p, f"could not be read ({exc.__class__.__name__}: {exc})")


def read_file(job: tuple) -> list:
    """Stage 1b: the articles (or errors) of one (path, doc) pair from ``iter_files``. Picklable, never raises."""
    return list(_read(*job))


def iter_articles(paths: Iterable[str], mapper=None) -> Iterator[Union[Article, IngestError]]:
    """Every article under ``paths`` (files or folders), and one IngestError per input that is not one.

    ``mapper`` (default: the built-in ``map``) runs ``read_file`` over the files; a pool's
    ``map`` reads HTML pages in parallel (trafilatura takes ~7-100 ms a page, measured on
    small synthetic pages, which is more than extracting the claims of a short article).
    """
    jobs, out = [], []
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            if mapper is None:
                yield item
            else:
                out.append(item)
        elif mapper is None:
            yield from read_file(item)
        else:
            jobs.append(item)
    if mapper is not None:
        yield from out
        for items in mapper(read_file, jobs):
            yield from items
