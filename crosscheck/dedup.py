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

How: word 8-shingles of the lower-cased text, each hashed to a stable 64-bit int (a
polynomial over blake2b hashes of the words, then a 64-bit mix: the same in every process
and every run, whatever PYTHONHASHSEED). ``fingerprint(text)`` is that array of hashes as
bytes, 8 per word; the pipeline computes it beside extraction, in the per-article pool job.
One hash in ``SAMPLE`` (``h % SAMPLE == 0``) goes into an inverted index whose posting lists
keep their first ``MAX_POSTINGS`` holders (boilerplate and a story syndicated everywhere stay
bounded: every later holder still meets the first ones); the index is one sort of
(hash, article) pairs. Each article's ``VERIFY`` best candidates are compared in full: runs of
consecutive shared shingles of ``MIN_WORDS`` words or more are the passages (word offsets are
read again only for the articles that share one). Cost is linear in the total text: no
all-pairs comparison.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Optional

# numpy is imported in the functions that use it, not here: `crosscheck extract` imports this
# module (through the pipeline) but never fingerprints, and numpy's import is ~70 ms of its start


_WORD = re.compile(r"\w+")

SHINGLE = 8          # words per shingle
MIN_WORDS = 40       # least words a shared passage must hold
MAX_POSTINGS = 16    # holders kept per sampled shingle
SAMPLE = 4           # one shingle in SAMPLE (hash % SAMPLE == 0) goes into the index
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


# -- fingerprints (per article, in the pool job) -----------------------------------------

_M64 = (1 << 64) - 1
_BASE = 0x9E3779B97F4A7C15     # odd: the polynomial's base, mod 2**64
_MIX1 = 0xFF51AFD7ED558CCD     # murmur3's 64-bit finaliser
_MIX2 = 0xC4CEB9FE1A85EC53
_WORD_HASHES: dict = {}        # word as written -> hash of its lower-cased form (per process)
_WORD_HASHES_MAX = 200_000


def _word_hash(word: str) -> int:
    h = _WORD_HASHES.get(word)
    if h is None:
        digest = hashlib.blake2b(word.lower().encode("utf-8", "surrogatepass"), digest_size=8).digest()
        h = int.from_bytes(digest, "little")
        if len(_WORD_HASHES) < _WORD_HASHES_MAX:
            _WORD_HASHES[word] = h
    return h


def fingerprint(text: str) -> bytes:
    """The 64-bit hash of every word 8-shingle of ``text``, in order, as little-endian bytes.

    Stable: blake2b of each lower-cased word, a polynomial over the ``SHINGLE`` words mod
    2**64, then murmur3's finaliser (so that ``h % SAMPLE`` is a fair sample). Pure function
    of the text: the same bytes in every process, run and hash seed.
    """
    import numpy as np
    words = _WORD.findall(text)
    n = len(words) - SHINGLE + 1
    if n <= 0:
        return b""
    wh = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    h = wh[:n].copy()
    base = np.uint64(_BASE)
    for k in range(1, SHINGLE):
        h *= base
        h += wh[k:k + n]
    h ^= h >> np.uint64(33)
    h *= np.uint64(_MIX1)
    h ^= h >> np.uint64(33)
    h *= np.uint64(_MIX2)
    h ^= h >> np.uint64(33)
    return h.astype("<u8", copy=False).tobytes()


def _fingerprint_reference(text: str) -> bytes:
    """``fingerprint`` in plain Python ints (the definition the numpy code must match)."""
    words = _WORD.findall(text)
    out = bytearray()
    for i in range(len(words) - SHINGLE + 1):
        h = 0
        for w in words[i:i + SHINGLE]:
            h = (h * _BASE + _word_hash(w)) & _M64
        h ^= h >> 33
        h = (h * _MIX1) & _M64
        h ^= h >> 33
        h = (h * _MIX2) & _M64
        h ^= h >> 33
        out += h.to_bytes(8, "little")
    return bytes(out)


def _hashes(fp: bytes) -> np.ndarray:
    import numpy as np
    return np.frombuffer(fp, dtype="<u8")


@lru_cache(maxsize=1)
def _ascii_word():
    """Which ASCII characters are word characters (an array indexed by code point)."""
    import numpy as np
    return np.array([chr(c).isalnum() or chr(c) == "_" for c in range(128)], dtype=bool)


def _word_offsets(text: str):
    """(starts, ends) of the words ``fingerprint`` read (the matches of ``\\w+``), as int arrays.

    Vectorised: a character is a word character when it is alphanumeric or ``_`` (what
    ``\\w`` means for ``str`` patterns); non-ASCII characters are tested once per distinct one.
    """
    import numpy as np
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    is_w = np.zeros(len(cp) + 2, dtype=np.int8)
    ascii_ = cp < 128
    is_w[1:-1][ascii_] = _ascii_word()[cp[ascii_]]
    if not ascii_.all():
        other = ~ascii_
        distinct = np.unique(cp[other])
        word = np.array([chr(c).isalnum() for c in distinct.tolist()], dtype=bool)
        is_w[1:-1][other] = word[np.searchsorted(distinct, cp[other])]
    edge = np.diff(is_w)
    return np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)


# -- the join (main process) ----------------------------------------------------------------

def _candidates(hs: list) -> list:
    """[(i, j, votes)] with j < i: for each article i, its holders met in the sampled index
    (posting lists keep their first MAX_POSTINGS holders), best voted first, then by j."""
    import numpy as np
    keys, owners = [], []
    for i, h in enumerate(hs):
        s = np.unique(h[h % np.uint64(SAMPLE) == 0])
        keys.append(s)
        owners.append(np.full(len(s), i, dtype=np.int64))
    if not keys:
        return []
    k = np.concatenate(keys)
    a = np.concatenate(owners)
    if not len(k):
        return []
    order = np.lexsort((a, k))                    # by hash, then by article: the order of insertion
    k, a = k[order], a[order]
    first = np.ones(len(k), dtype=bool)
    first[1:] = k[1:] != k[:-1]
    starts = np.flatnonzero(first)
    group_start = starts[np.cumsum(first) - 1]
    rank = np.arange(len(k)) - group_start        # how many earlier holders this one meets
    n = len(hs)
    # the (i, j) meetings, by blocks of articles i so that at most ~2M pairs exist at once
    block = max(1, (1 << 21) // (MAX_POSTINGS * max(1, len(k) // n)))
    by_owner = np.argsort(a, kind="stable")
    bounds = np.searchsorted(a[by_owner], np.arange(0, n + block, block)).tolist()
    out = []
    for b0, b1 in zip(bounds[:-1], bounds[1:]):
        e = by_owner[b0:b1]
        r, g, ai = rank[e], group_start[e], a[e]
        pairs = []
        for t in range(MAX_POSTINGS):             # the t-th holder of each posting list
            sel = r > t
            if not sel.any():
                break
            pairs.append(ai[sel] * n + a[g[sel] + t])
        if pairs:
            out.extend(_best(np.concatenate(pairs), n))
    return out


def _best(codes, n: int) -> list:
    """[(i, j)] of pair codes ``i * n + j``: each i's VERIFY best voted j with enough votes."""
    import numpy as np
    codes, votes = np.unique(codes, return_counts=True)
    i, j = codes // n, codes % n
    order = np.lexsort((j, -votes, i))
    i, j, votes = i[order], j[order], votes[order]
    new = np.ones(len(i), dtype=bool)
    new[1:] = i[1:] != i[:-1]
    place = np.arange(len(i)) - np.flatnonzero(new)[np.cumsum(new) - 1]
    least = max(2, (MIN_WORDS - SHINGLE + 1) // SAMPLE // 2)
    keep = (place < VERIFY) & (votes >= least)
    return list(zip(i[keep].tolist(), j[keep].tolist()))


def _passages(si, sj, oi, oj, sorted_j=None):
    """Shared runs of two shingle hash arrays: [((start, end) in i, (start, end) in j, words)].
    ``oi``/``oj`` give the word offsets (starts, ends) of each text, on demand; ``sorted_j`` is
    ``_sort(sj)`` when the caller keeps it."""
    import numpy as np
    need = MIN_WORDS - SHINGLE + 1
    if not len(si) or not len(sj):
        return []
    order, keys_j = sorted_j if sorted_j is not None else _sort(sj)
    at = np.minimum(np.searchsorted(keys_j, si), len(sj) - 1)
    pos = np.flatnonzero(keys_j[at] == si)        # positions in i whose shingle j has
    if len(pos) < need:
        return []
    first_j = order[at[pos]]                      # first position of that shingle in j
    cut = np.flatnonzero(np.diff(pos) > SHINGLE) + 1   # a gap shorter than a shingle is bridged
    run0 = np.concatenate(([0], cut))
    run1 = np.concatenate((cut, [len(pos)])) - 1
    long = np.flatnonzero(pos[run1] - pos[run0] + 1 >= need)
    if not len(long):
        return []
    lo = np.minimum.reduceat(first_j, run0)[long].tolist()
    hi = np.maximum.reduceat(first_j, run0)[long].tolist()
    starts_i, ends_i = oi()
    starts_j, ends_j = oj()
    found = []
    for r0, r1, j0, j1 in zip(pos[run0[long]].tolist(), pos[run1[long]].tolist(), lo, hi):
        found.append(((int(starts_i[r0]), int(ends_i[r1 + SHINGLE - 1])),
                      (int(starts_j[j0]), int(ends_j[j1 + SHINGLE - 1])), r1 - r0 + SHINGLE))
    return found


def _sort(h):
    """(order, sorted hashes): ``order[k]`` is the first position of the k-th smallest."""
    import numpy as np
    order = np.argsort(h, kind="stable")
    return order, h[order]


def find_shared(articles: list, fingerprints: Optional[Mapping[str, bytes]] = None) -> list:
    """The heavy half of ``find_duplicates``, which needs only the texts: ``[(doc_a, doc_b,
    found)]`` for each verified candidate pair that shares passages (doc_a sorts first; in the
    order the pairs were voted), ``found`` as ``_passages`` gives it. The pipeline may run this
    in a background process while extraction runs."""
    arts = sorted(articles, key=lambda a: a.doc)
    fingerprints = fingerprints or {}
    hs = []
    for a in arts:
        fp = fingerprints.get(a.doc)
        hs.append(_hashes(fp if fp is not None else fingerprint(a.text)))

    offsets = {}

    def lazy(i):
        def get():
            if i not in offsets:
                offsets[i] = _word_offsets(arts[i].text)
            return offsets[i]
        return get

    shared = []
    sorted_i = (-1, None)
    for i, j in _candidates(hs):                   # grouped by i
        if sorted_i[0] != i:
            sorted_i = (i, _sort(hs[i]))
        found = _passages(hs[j], hs[i], lazy(j), lazy(i), sorted_i[1])    # j < i: j sorts first
        if found:
            shared.append((arts[j].doc, arts[i].doc, found))
    return shared


def find_duplicates(articles: list, documents: Optional[list] = None,
                    fingerprints: Optional[Mapping[str, bytes]] = None, shared: Optional[list] = None) -> Duplicates:
    """The duplicates among ``articles`` (see the module doc). ``fingerprints`` maps a doc to
    ``fingerprint(article.text)`` when the caller has it already (the pipeline's pool job);
    ``shared`` is ``find_shared(articles)`` when the caller computed it elsewhere."""
    by_doc = {a.doc: a for a in articles}
    published = {a.doc: a.published for a in articles}
    for d in documents or ():
        if d.published:
            published[d.doc] = d.published
    if shared is None:
        shared = find_shared(articles, fingerprints)

    mapping, passages = {}, []
    for doc_a, doc_b, found in shared:
        a, b = by_doc[doc_a], by_doc[doc_b]
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
    passages.sort(key=lambda p: (p.copy, p.original, p.copy_start, p.copy_end, p.original_start,
                                 p.original_end, p.words))     # the dataclass order, faster
    return Duplicates(mapping, passages)


def _copy_is_second(doc_a, doc_b, pub_a, pub_b, cov_a, cov_b) -> bool:
    """True when b is the copy of a (see the module doc for the order of the tests)."""
    if pub_a and pub_b and pub_a != pub_b:
        return pub_b > pub_a
    if abs(cov_a - cov_b) > 0.05:
        return cov_b < cov_a
    return doc_b > doc_a
