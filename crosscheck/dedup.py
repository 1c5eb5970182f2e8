"""One text published twice is one source (owner: align).

Interface used by the pipeline:
    find_duplicates(articles: list[Article], documents: list[Document] | None = None) -> Duplicates

``Duplicates`` is a ``dict`` mapping the copy's doc to the original's doc (so
``dups.get(doc)`` is ``Document.duplicate_of``), with more on it:

- ``passages``: the shared passages, one ``Passage(copy, original, copy_start, copy_end,
  original_start, original_end, words)`` per stretch of text both carry (character offsets
  into each article's own text). A page may carry a story that stands alone elsewhere and
  other stories besides (a front page, a feed): only the passage is shared.
- ``claim_map(claims) -> dict[copy_claim_id, original_claim_id]``: the copy's claims inside a
  shared passage matched to the original's claim with the same figure at the same place in
  the passage. Reconcile reads this: a copied claim is one source with its original, never
  corroboration, and the pair is a ``duplicate`` finding (reconcile emits it; align only puts
  the copy in its original's event and draws a ``duplicate`` edge).

Which one is the copy, deterministically: when both carry a publication date and they
differ, the later one; otherwise the one whose text is less of the shared passage (the page
that carries the story among others); otherwise the doc that sorts last.

How: word 8-shingles of the lower-cased text; one in ``SAMPLE`` of them (chosen by crc32,
so the same ones every run) goes into an inverted index whose posting lists keep their first
``MAX_POSTINGS`` holders (boilerplate and a story syndicated everywhere stay bounded: every
later holder still meets the first ones). Each article's ``VERIFY`` best candidates are
compared in full: runs of consecutive shared shingles of ``MIN_WORDS`` words or more are the
passages. Cost is linear in the total text: no all-pairs comparison.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Optional

_WORD = re.compile(r"\w+")

SHINGLE = 8          # words per shingle
MIN_WORDS = 40       # least words a shared passage must hold
MAX_POSTINGS = 16    # holders kept per sampled shingle
SAMPLE = 4           # one shingle in SAMPLE (by crc32) goes into the index
VERIFY = 4           # candidates per article compared in full


@dataclass(frozen=True, order=True)
class Passage:
    copy: str
    original: str
    copy_start: int
    copy_end: int
    original_start: int
    original_end: int
    words: int


class Duplicates(dict):
    """copy doc -> original doc, plus ``passages`` and ``claim_map`` (see the module doc)."""

    def __init__(self, mapping=None, passages=()):
        super().__init__(mapping or {})
        self.passages = list(passages)

    def claim_map(self, claims) -> dict:
        by_doc = defaultdict(list)
        for c in claims:
            if not c.derived:
                by_doc[c.doc].append(c)
        out = {}
        for p in self.passages:
            originals = [c for c in by_doc.get(p.original, ()) if p.original_start <= c.start < p.original_end]
            span_c = max(1, p.copy_end - p.copy_start)
            span_o = max(1, p.original_end - p.original_start)
            for c in by_doc.get(p.copy, ()):
                if not p.copy_start <= c.start < p.copy_end or c.id in out:
                    continue
                rel = (c.start - p.copy_start) / span_c
                same = [o for o in originals if _norm(o.text) == _norm(c.text)
                        and (o.value, o.low, o.high) == (c.value, c.low, c.high)]
                if same:
                    best = min(same, key=lambda o: (abs((o.start - p.original_start) / span_o - rel), o.start))
                    out[c.id] = best.id
        return out


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def _shingles(text: str):
    """(crc32, start offset of first word, end offset of last word) per shingle position.
    crc32, not hash(): the same sample of shingles in every run."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    out = []
    for i in range(len(words) - SHINGLE + 1):
        key = zlib.crc32(" ".join(w for w, _, _ in words[i:i + SHINGLE]).encode("utf-8", "surrogatepass"))
        out.append((key, words[i][1], words[i + SHINGLE - 1][2]))
    return out


def _runs(positions):
    """Consecutive position runs (a gap shorter than a shingle is bridged)."""
    runs = []
    for pos in positions:
        if runs and pos - runs[-1][1] <= SHINGLE:
            runs[-1][1] = pos
        else:
            runs.append([pos, pos])
    return runs


def _passages(si, sj):
    """Shared runs of two shingle lists: [((start, end) in i, (start, end) in j, words)]."""
    need = MIN_WORDS - SHINGLE + 1
    pj = {}
    for pos, (key, _, _) in enumerate(sj):
        pj.setdefault(key, pos)
    found = []
    for r0, r1 in _runs([p for p, (k, _, _) in enumerate(si) if k in pj]):
        if r1 - r0 + 1 < need:
            continue
        js = [pj[si[p][0]] for p in range(r0, r1 + 1) if si[p][0] in pj]
        found.append(((si[r0][1], si[r1][2]), (sj[min(js)][1], sj[max(js)][2]), r1 - r0 + SHINGLE))
    return found


def find_duplicates(articles: list, documents: Optional[list] = None) -> Duplicates:
    arts = sorted(articles, key=lambda a: a.doc)
    published = {a.doc: a.published for a in arts}
    for d in documents or ():
        if d.published:
            published[d.doc] = d.published
    sh = [_shingles(a.text) for a in arts]
    # candidates: a sample of shingles (crc % SAMPLE == 0) in an inverted index whose
    # posting lists keep their first MAX_POSTINGS holders; each article meets those holders
    index = defaultdict(list)
    votes = defaultdict(Counter)
    for i, s in enumerate(sh):
        for key in {k for k, _, _ in s if k % SAMPLE == 0}:
            post = index[key]
            for j in post:
                votes[i][j] += 1
            if len(post) < MAX_POSTINGS:
                post.append(i)
    least = max(2, (MIN_WORDS - SHINGLE + 1) // SAMPLE // 2)

    mapping, passages = {}, []
    for i in sorted(votes):
        for j, n in sorted(votes[i].items(), key=lambda kv: (-kv[1], kv[0]))[:VERIFY]:
            if n < least:
                break
            found = _passages(sh[j], sh[i])          # j < i: j sorts first
            if not found:
                continue
            a, b = arts[j], arts[i]
            cov_a = sum(e - s for (s, e), _, _ in found) / max(1, len(a.text.strip()))
            cov_b = sum(e - s for _, (s, e), _ in found) / max(1, len(b.text.strip()))
            copy_is_b = _copy_is_second(a.doc, b.doc, published.get(a.doc), published.get(b.doc), cov_a, cov_b)
            for span_a, span_b, words in found:
                if copy_is_b:
                    passages.append(Passage(b.doc, a.doc, *span_b, *span_a, words))
                else:
                    passages.append(Passage(a.doc, b.doc, *span_a, *span_b, words))
            copy, orig = (b.doc, a.doc) if copy_is_b else (a.doc, b.doc)
            mapping.setdefault(copy, orig)          # the best-voted original first
    # a copy of a copy points at the first original
    for copy in sorted(mapping):
        seen = {copy}
        while mapping[copy] in mapping and mapping[copy] not in seen:
            seen.add(mapping[copy])
            mapping[copy] = mapping[mapping[copy]]
        if mapping[copy] == copy:
            del mapping[copy]
    return Duplicates(mapping, sorted(passages))


def _copy_is_second(doc_a, doc_b, pub_a, pub_b, cov_a, cov_b) -> bool:
    """True when b is the copy of a (see the module doc for the order of the tests)."""
    if pub_a and pub_b and pub_a != pub_b:
        return pub_b > pub_a
    if abs(cov_a - cov_b) > 0.05:
        return cov_b < cov_a
    return doc_b > doc_a
