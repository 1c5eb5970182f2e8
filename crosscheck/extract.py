"""Numeric claims out of one article (owner: extract).

Interface used by the pipeline:
    extract_claims(article: Article, lexicon: Lexicon | None = None) -> list[Claim]
Pure function of the article: claims in document order, ids "<doc>:<start>",
date/event left empty (later stages fill them).
"""
from __future__ import annotations

import re

from .model import Article, Claim
from .numbers import find_quantities

_SENT = re.compile(r"(?:[^.!?\n]|\.(?=\d))+[.!?]?")


def extract_claims(article: Article, lexicon=None) -> list:
    """STUB: one claim per number, counted = next word."""
    claims = []
    for m in _SENT.finditer(article.text):
        s = m.group()
        for q in find_quantities(s):
            after = re.match(r"\s+(\w+)", s[q.end:])
            start, end = m.start() + q.start, m.start() + q.end
            claims.append(Claim(id=f"{article.doc}:{start}", doc=article.doc, start=start, end=end,
                                text=q.text, value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
                                counted=after.group(1) if after else "", category="other",
                                sentence=s.strip(), sent_start=m.start()))
    return claims
