"""Properties of the number grammar: what is formatted is parsed back; arbitrary text never breaks it."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.numbers import find_quantities, parse_number

# the first call loads quantulum3's unit tables (about a second): no per-example deadline
NO_DEADLINE = settings(deadline=None)

SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    """English words for 1..999 as news copy writes them ("twenty-five", "four hundred and six")."""
    out = []
    if n >= 100:
        out.append(SMALL[n // 100 - 1] + " hundred")
        n %= 100
        if n:
            out.append("and")
    if n >= 20:
        out.append(TENS[n // 10 - 2] + ("-" + SMALL[n % 10 - 1] if n % 10 else ""))
    elif n:
        out.append(SMALL[n - 1])
    return " ".join(out)


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@NO_DEADLINE
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", "\u00a0", "\u202f", "\u2009"]))
def test_thousands_separators_round_trip(n, sep):
    assert parse_number(grouped(n, sep)) == n


@NO_DEADLINE
@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip(whole, frac):
    text = f"{whole:,}.{frac:02d}"
    assert parse_number(text) == pytest.approx(whole + frac / 100)


@NO_DEADLINE
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9), ("trillion", 10**12)]))
def test_scale_words_round_trip(whole, tenth, scale):
    word, factor = scale
    text = f"{whole}.{tenth} {word}" if tenth else f"{whole} {word}"
    assert parse_number(text) == pytest.approx((whole + tenth / 10) * factor)


@NO_DEADLINE
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("k", 10**3), ("m", 10**6), ("bn", 10**9)]),
       st.sampled_from(["", "$", "£", "€"]))
def test_suffixes_round_trip(n, suffix, currency):
    sfx, factor = suffix
    assert parse_number(f"{currency}{n}{sfx}") == n * factor


@NO_DEADLINE
@given(st.integers(min_value=1, max_value=999))
def test_number_words_round_trip(n):
    assert parse_number(words(n)) == n


@NO_DEADLINE
@given(st.integers(min_value=1, max_value=999))
def test_number_words_found_in_a_sentence(n):
    s = f"Officials said {words(n)} families had returned."
    qs = find_quantities(s)
    assert [q.value for q in qs] == [n]


@NO_DEADLINE
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([",", "\u00a0", "\u202f", "\u2009"]))
def test_formatted_numbers_found_in_a_sentence(n, sep):
    s = f"The agency said {grouped(n, sep)} tonnes of grain were shipped."
    qs = find_quantities(s)
    assert len(qs) == 1 and qs[0].value == n
    assert s[qs[0].num_start:qs[0].num_end] == grouped(n, sep)


ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))
NEWSY = st.sampled_from(["about", "more than", "up to", "between", "and", "to", "-", "rose", "fell", "by",
                         "March", "2017", "1,500", "$4.2bn", "25k", "one", "of", "the", "%", "per cent",
                         "No.", "(", ")", "12:28", "pm", "a dozen", "hundreds", "3Now", "minus", "½", "×10"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(ALPHABET, max_size=120),
                 st.lists(st.one_of(NEWSY, st.text(ALPHABET, max_size=6)), max_size=25).map(" ".join)))
def test_arbitrary_text_never_breaks_and_spans_are_slices(text):
    qs = find_quantities(text)
    last = -1
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert q.start >= last  # in order, not overlapping
        last = q.end
        assert q.qualifier in ("exact", "approx", "gt", "ge", "lt", "le", "range")
        if q.qualifier == "range":
            assert q.value is None and q.low is not None and q.high is not None and q.low <= q.high
        elif q.qualifier in ("exact", "approx"):
            assert q.low == q.high == q.value
        elif q.qualifier in ("gt", "ge"):
            assert q.low == q.value and q.high is None
        else:
            assert q.high == q.value and q.low is None
