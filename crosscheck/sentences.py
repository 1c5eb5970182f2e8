"""Sentence boundaries in news text, as offsets (owner: extract).

    split_paragraphs(text, start=0, end=None) -> list[(start, end)]
    split_sentences(text, start=0, end=None) -> list[Sentence]

Rules of English news copy, not of any one site:
- a blank line, a bullet line ("•", "*", "-") and a line break are hard boundaries: headlines,
  captions and datelines carry no final stop.  A single line break is soft only when the text is
  plainly hard-wrapped: the next line starts in lower case, or the line ends on a comma, a hyphen
  or a word that cannot end a sentence ("of", "the", "and");
- ``.``, ``!``, ``?`` and ``…`` end a sentence when whitespace and then an upper-case letter, a digit
  or an opening quote/bracket follow; closing quotes and brackets after the stop stay with it;
- not after a title or other abbreviation that never ends a sentence (Lt., Gen., Dr., No., Dec.),
  not after a single initial ("J. Smith"), not after a dotted acronym ("U.S.") unless the next
  word is a usual sentence opener ("The", "He", ...); decimals never split (no space follows).

Measured (seeds x20, 443 KB, this machine): pysbd 0.3.4 ~60 KB/s, segtok 1.5 ~270 KB/s; a 13 MB
corpus must be read in well under a minute, so the rules are a few precompiled regexes here.
"""
from __future__ import annotations

import re
from typing import NamedTuple


class Sentence(NamedTuple):
    start: int       # offset of the first non-space character
    end: int         # offset after the last non-space character
    para: int        # index of the paragraph it belongs to (for discourse rules)


# Abbreviations that (almost) never end a sentence: titles, "No.", months, "vs.", "approx."
_NEVER_END = frozenset("""
mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig rep sen gov pres supt insp
rev fr st mt ft jr sr hon amb messrs mme mlle
no nos art fig vol vols pp ed eds approx ca cf vs v viz al
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Abbreviations that may end a sentence but usually do not (company suffixes, "etc.")
_OPENERS = frozenset("""
the a an he she it they we i this that these those there his her their its in on at but and
after before since meanwhile however earlier later on yesterday today according some many most
""".split())
_NO_END_WORDS = frozenset("""
a an the of to in on at by for from with and or but nor as than that which who whose whom
its their his her our your my this these those into onto over under between among about
""".split())

_STOP = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*([A-Za-z]+)")
_BULLET = re.compile(r"[ \t\u00a0]*(?:[•·▪◦‣*]|[-–—](?=\s))[ \t\u00a0]+")
_BLANK = re.compile(r"\n[ \t\u00a0\u200b]*\n")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _strip(text: str, a: int, b: int):
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list:
    """Blocks separated by hard line boundaries, as stripped (start, end) spans."""
    end = len(text) if end is None else end
    out = []
    block_start = start
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        line_end = nl
        nxt = nl + 1
        pos = nxt
        # is the break after this line soft (a hard-wrapped sentence)?
        if _soft_break(text, block_start, line_end, nxt, end):
            continue
        out.append((block_start, line_end))
        block_start = nxt
    out.append((block_start, end))
    res = []
    for a, b in out:
        a, b = _strip(text, a, b)
        if a < b:
            m = _BULLET.match(text, a, b)
            if m:
                a = m.end()
            if a < b:
                res.append((a, b))
    return res


def _soft_break(text: str, block_start: int, line_end: int, nxt: int, end: int) -> bool:
    # next line content
    j = nxt
    while j < end and text[j] in " \t\r\u00a0\u200b":
        j += 1
    if j >= end or text[j] == "\n" or _BULLET.match(text, nxt, end):
        return False
    i = line_end
    while i > block_start and text[i - 1] in " \t\u00a0\r":
        i -= 1
    if i <= block_start:
        return False
    last = text[i - 1]
    if last in ".!?:;\"”’)]*#|":
        return False
    if text[j].islower():
        return True
    if last in ",-–":
        return True
    m = _LAST_WORD.search(text, max(block_start, i - 20), i)
    return bool(m) and m.end() == i and m.group(1).lower() in _NO_END_WORDS


def _is_boundary(text: str, dot_end: int, stop: str, line_start: int, end: int) -> bool:
    """``stop`` is the matched stop (with closing quotes); decide whether it ends a sentence."""
    if not stop.startswith(".") or stop.startswith(".."):
        return True
    # the word glued to the period
    i = dot_end  # offset just after the first "."
    j = i - 1
    k = j
    while k > line_start and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:j]
    if not word:
        return True
    low = word.lower().rstrip(".")
    if "." in word:                       # dotted acronym: U.S. / U.N. / a.m.
        nxt = _NEXT_WORD.match(text, j + len(stop), end)
        return bool(nxt) and nxt.group(1).lower() in _OPENERS
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    if low in _NEVER_END:
        if low == "no":                    # "No. 5" but "said no."
            nxt = _NEXT_WORD.match(text, j + len(stop), end)
            return not (text[j + 1:j + 3].strip()[:1].isdigit()) and nxt is not None
        return False
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list:
    """Sentences of ``text[start:end]`` as stripped spans, in order."""
    out = []
    for p, (a, b) in enumerate(split_paragraphs(text, start, end)):
        s = a
        for m in _STOP.finditer(text, a, b):
            stop = m.group()
            if not _is_boundary(text, m.start() + 1, stop, a, b):
                continue
            x, y = _strip(text, s, m.end())
            if x < y:
                out.append(Sentence(x, y, p))
            s = m.end()
        x, y = _strip(text, s, b)
        if x < y:
            out.append(Sentence(x, y, p))
    return out
