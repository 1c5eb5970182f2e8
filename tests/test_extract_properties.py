"""Invariants of the extract stage on arbitrary text (hypothesis): offsets index the file,
ids are unique and stable, claims come in document order, derived totals never hide parts."""
import re

from hypothesis import given, settings, strategies as st

from crosscheck import extract as ex
from crosscheck.model import Article, Quantity

_DIGITS = re.compile(r"\d+")

WORDS = st.sampled_from(["300", "militants", "and", "1,065", "civilians", "said", "the", "governor", ",", ".",
                         "\n", "\n\n", "“", "”", '"', "of", "them", "including", "killed", "Lt.", "U.S.",
                         "Talal", "al-Barazi", "according to", "people", "buses", "(", ")", "  •", "\u00a0",
                         "will", "be", "deployed", "more than", "toll", "rose to", "He", "told", "AFP"])


def _fake(sentence):
    out = []
    for m in _DIGITS.finditer(sentence):
        v = float(m.group())
        out.append(Quantity(m.start(), m.end(), m.group(), v, v, v, num_start=m.start(), num_end=m.end()))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join), st.integers(min_value=0, max_value=20))
def test_invariants(body, cut):
    text = "---\ntitle: 12 x\n---\n" + body
    start = min(cut, len(text))
    orig = ex.find_quantities
    ex.find_quantities = _fake
    try:
        art = Article(doc="d.txt", text=text, body_start=start)
        claims = ex.extract_claims(art)
        again = ex.extract_claims(art)
    finally:
        ex.find_quantities = orig
    assert claims == again
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids))
    real = [c for c in claims if not c.derived]
    assert [c.start for c in real] == sorted(c.start for c in real)
    for c in claims:
        assert c.start >= start and text[c.start:c.end] == c.text
        assert text[c.sent_start:c.sent_start + len(c.sentence)] == c.sentence
        assert c.sent_start <= c.start and c.end <= c.sent_start + len(c.sentence)
        if c.derived:
            assert c.parts and all(p in ids for p in c.parts)
        else:
            assert c.id == f"d.txt:{c.start}"
        if c.part_of:
            assert c.part_of in ids
    # every figure in the body became a claim
    assert len(real) == sum(len(_fake(text[s.start:s.end]))
                            for s in ex.split_sentences(text, start, len(text)))
