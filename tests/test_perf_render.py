"""The JSON writers are byte-identical to json.dumps, and the records' to_json equals dataclasses.asdict."""
import json
from dataclasses import asdict, fields

from pathlib import Path

from crosscheck import pipeline
from crosscheck.render import claims_jsonl, to_json

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_report_json_and_records_on_the_seeds():
    result = pipeline.run([str(SEEDS)], executor="serial", cache=False)
    assert claims_jsonl(result.claims) == "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n"
                                                  for c in result.claims)
    for rec in [*result.documents, *result.claims, *result.events, *result.findings, *result.estimates]:
        want = asdict(rec)
        for f in fields(rec):
            if f.name in ("parts", "docs", "claims"):
                want[f.name] = list(want[f.name])
        assert rec.to_json() == want
