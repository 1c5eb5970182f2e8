"""Dedup fingerprints: stable 64-bit shingle hashes, vectorised code equal to its plain definition."""
import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings, strategies as st

from crosscheck import dedup
from crosscheck.dedup import SHINGLE, find_duplicates, fingerprint
from crosscheck.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file())
ODD = "İstanbul ÇA ß straße ²³ ٣ 五 x_y é\u0301 ǅ Ⅻ ½ \ud800 tab\tnbsp\u00a0end "

words = st.text(alphabet=st.sampled_from("aAbB zZ_9é İß\u00a0\n,."), max_size=200)


def test_fingerprint_is_its_plain_definition_on_the_seeds():
    for p in SEEDS:
        text = p.read_text(encoding="utf-8", errors="surrogateescape")
        fp = fingerprint(text)
        assert fp == dedup._fingerprint_reference(text)
        assert len(fp) == 8 * max(0, len(re.findall(r"\w+", text)) - SHINGLE + 1)


@settings(max_examples=200, deadline=None)
@given(words)
def test_fingerprint_and_offsets_match_the_definitions(text):
    text = text + ODD * (len(text) % 3)
    assert fingerprint(text) == dedup._fingerprint_reference(text)
    starts, ends = dedup._word_offsets(text)
    assert list(zip(starts.tolist(), ends.tolist())) == [m.span() for m in re.finditer(r"\w+", text)]


def test_fingerprint_is_the_same_under_every_hash_seed():
    code = ("import sys; from crosscheck.dedup import fingerprint; "
            "sys.stdout.write(fingerprint(open(sys.argv[1], encoding='utf-8').read()).hex())")
    outs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code, str(SEEDS[0])], env=env, cwd=ROOT,
                                capture_output=True, check=True).stdout)
    assert len(outs) == 1 and len(outs.pop()) > 1000


def test_given_fingerprints_give_the_same_duplicates():
    arts = [Article(doc=p.name, text=p.read_text(encoding="utf-8")) for p in SEEDS]
    arts.append(Article(doc="zz-copy.txt", text="Wire.\n\n" + arts[2].text))
    plain = find_duplicates(arts)
    given_ = find_duplicates(arts, fingerprints={a.doc: fingerprint(a.text) for a in arts})
    assert dict(plain) == dict(given_) and plain.passages == given_.passages
    assert dict(plain) == {"001_1ed80d33b717db69.txt": "003_24ede59f1be8d465.txt", "zz-copy.txt": arts[2].doc}
