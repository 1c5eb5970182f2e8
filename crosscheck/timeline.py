"""Dates of claims (owner: timeline).

Interface used by the pipeline:
    date_claims(article: Article, claims: list[Claim]) -> tuple[list[Claim], Document]
Fills Claim.date / date_precision / date_text / report_date, and returns the
Document record (publication date as known or inferred, ``anchored``).
"""
from __future__ import annotations

from .model import Article, Document


def date_claims(article: Article, claims: list):
    """STUB: no dates."""
    return list(claims), Document(doc=article.doc, published=article.published,
                                  published_from=article.published_from, title=article.title,
                                  outlet=article.outlet, url=article.url, anchored=bool(article.published))
