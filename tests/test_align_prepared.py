"""``align.prepare`` (the per-article part of alignment, run in the extraction workers) gives
``align`` exactly what it computes itself: same claims, events and graph, also when the value
was made for another reference year (a copy dated by its original) or for other claims."""
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from crosscheck import pipeline
from crosscheck.align import Prepared, align, prepare
from crosscheck.config import load_config
from crosscheck.dedup import find_duplicates, find_shared

ROOT = Path(__file__).resolve().parent.parent


def _inputs(folder):
    config = load_config()
    articles, claims, documents, _errors, _shared, prepared = pipeline._extract(
        [str(folder)], config, executor="serial", cache=False, dedup=True)
    dups = find_duplicates(articles, documents, shared=find_shared(articles))
    documents = [replace(d, duplicate_of=dups.get(d.doc)) for d in documents]
    return config, articles, claims, documents, dups, prepared


def _aligned(config, articles, claims, documents, dups, prepared=None):
    out, events, graph = align(claims, documents, articles, dups, config, prepared=prepared)
    return out, events, sorted(graph.nodes(data=True), key=repr), sorted(graph.edges(data=True), key=repr)


@pytest.mark.parametrize("folder", [ROOT / "seeds", ROOT / "tests" / "fixtures" / "stories"])
def test_prepared_in_the_workers_equals_align_alone(folder):
    config, articles, claims, documents, dups, prepared = _inputs(folder)
    assert set(prepared) == {c.doc for c in claims}
    assert _aligned(config, articles, claims, documents, dups, prepared) == \
        _aligned(config, articles, claims, documents, dups)


def test_prepared_for_another_year_or_other_claims_is_corrected_or_ignored():
    config, articles, claims, documents, dups, _prepared = _inputs(ROOT / "tests" / "fixtures" / "stories")
    by_doc = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    meta = {d.doc: d for d in documents}
    # made with another publication year (features that read the year differ), and for the
    # first claim only
    other_year = {a.doc: prepare(a, by_doc[a.doc], replace(meta[a.doc], published="1990-06-01"), config)
                  for a in articles}
    assert any(f["bg_weak"] != g["bg_weak"] for a in articles
               for f, g in zip(other_year[a.doc].feats.values(), _prepared[a.doc].feats.values()))
    partial = {a.doc: prepare(a, by_doc[a.doc][:1], None, config) for a in articles}
    alone = _aligned(config, articles, claims, documents, dups)
    assert _aligned(config, articles, claims, documents, dups, other_year) == alone
    assert _aligned(config, articles, claims, documents, dups, partial) == alone


def test_cache_hits_are_prepared_too(tmp_path):
    config = load_config()
    runs = [pipeline._extract([str(ROOT / "seeds")], config, executor=executor, cache=True, dedup=True,
                              cache_path=str(tmp_path / "cache.sqlite"))
            for executor in ("serial", "serial", "process")]     # cold, then warm twice
    for kept, claims, documents, errors, _shared, prepared in runs:
        assert set(prepared) == {c.doc for c in claims} and not errors
    assert runs[1][1:4] == runs[0][1:4] == runs[2][1:4]
    assert runs[1][5] == runs[0][5] == runs[2][5]
    assert all(isinstance(p, Prepared) for p in runs[2][5].values())
