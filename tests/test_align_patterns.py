"""The lexicon's word patterns with a first-character lookahead (``align._word_start``, a
speed-up) match exactly what the plain alternations match, in every text of the seeds and
stories and in text whose letters fold case in unusual ways; so does the sentence end with
its lookbehinds reordered."""
import re
from pathlib import Path

from crosscheck import align as A
from crosscheck.config import load_config

ROOT = Path(__file__).resolve().parent.parent
ODD = ("\u212aILLED \u017fent in \u0130ZMIR evacu\u0131ted ARRESTED Earthquake\u2019s FIRST convoy final "
       "gro\u00dfe evacuation since the beginning K\u0130LLED residents For Years dEpLoYeD")


def _plain(words):
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in sorted(words, key=len, reverse=True)]
    return r"\b(?:" + "|".join(parts) + r")\b"


def _texts():
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "stories").glob("*"))
    return [p.read_text(encoding="utf-8") for p in files] + [ODD, ODD.lower(), ODD.upper(), ODD.casefold()]


def _matches(rx, texts):
    return [[(m.span(), m.lastgroup, m.groups()) for m in rx.finditer(t)] for t in texts]


def test_lookahead_patterns_match_as_the_plain_alternations():
    config = load_config()
    lex = A._load_lexicon(config)
    a = config.section("align")
    classes = sorted(a["triggers"].items())
    ph, bg, pl = a["phases"], a["background"], a["places"]
    plain = {
        "triggers": re.compile("|".join(f"(?P<t{n}>{_plain(w)})" for n, (_c, w) in enumerate(classes)), re.I),
        "plan_re": re.compile(_plain(ph["plan"]), re.I),
        "bg_strong": re.compile(_plain(bg["strong"]), re.I),
        "bg_weak": re.compile(_plain(bg["weak"]), re.I),
        "ordinal_re": re.compile(r"\b(" + "|".join(map(re.escape, lex.ordinal_class)) + r")\b(?:\s+[\w-]+){0,2}?\s+"
                                 + _plain(ph["group_words"]), re.I),
        "prep_re": re.compile(r"\b(" + "|".join(map(re.escape, pl["prepositions"])) + r")\s+", re.I),
    }
    texts = _texts()
    for name, rx in plain.items():
        fast = getattr(lex, name)
        assert fast.pattern != rx.pattern
        found = _matches(rx, texts)
        assert any(found), name
        assert _matches(fast, texts) == found, name


def test_word_start_without_words_is_a_plain_boundary():
    assert A._word_start([]) == r"\b"
    assert A._word_start(["", "fire"]) == r"\b"
    assert re.compile(A._alternation(["fire", "blaze*"]), re.I).findall("Fire, BLAZES; wildfire") == ["Fire", "BLAZES"]


def test_sentence_end_with_reordered_lookbehinds_matches_as_before():
    plain = re.compile(r"(?<![ap]\.m\.)(?<!\bNo\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)"
                       r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
    texts = _texts() + ["At 9 a.m. Troops left. No. 5 Mr. Smith said. Dr. Who? St. Paul! (Mrs. X.) \"Go.\" Then\n\nend."]
    found = [[m.span() for m in plain.finditer(t)] for t in texts]
    assert any(found)
    assert [[m.span() for m in A._SENT_END.finditer(t)] for t in texts] == found
