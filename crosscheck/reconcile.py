"""Interval arithmetic and findings (owner: reconcile).

Interface used by the pipeline:
    reconcile(claims, events, documents, policy=None) -> tuple[list[Finding], list[Estimate]]
"""
from __future__ import annotations


def reconcile(claims: list, events: list, documents: list, policy=None):
    """STUB: no findings."""
    return [], []
