"""The fast JSON writers are byte-identical to json.dumps, and to_json equals dataclasses.asdict."""
import json
from dataclasses import asdict, fields

from hypothesis import given, settings, strategies as st

from crosscheck import pipeline
from crosscheck.render import _indented, claims_jsonl, to_json

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=8))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.tuples(inner, inner),
                                                       st.dictionaries(st.text(max_size=4), inner, max_size=4)),
                      max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(values)
def test_indented_is_json_dumps(obj):
    assert _indented(obj) == json.dumps(obj, ensure_ascii=False, indent=1)


def test_report_json_and_records_on_the_seeds():
    result = pipeline.run([str(pipeline.Path(__file__).resolve().parent.parent / "seeds")],
                          executor="serial", cache=False)
    assert to_json(result) == json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n"
    assert claims_jsonl(result.claims) == "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n"
                                                  for c in result.claims)
    for rec in [*result.documents, *result.claims, *result.events, *result.findings, *result.estimates]:
        want = asdict(rec)
        for f in fields(rec):
            if f.name in ("parts", "docs", "claims"):
                want[f.name] = list(want[f.name])
        assert rec.to_json() == want
