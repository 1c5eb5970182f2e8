"""Properties of date_claims on generated news-like text."""
from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from crosscheck.model import Article, Claim
from crosscheck.timeline import date_claims

PIECES = ["On Monday,", "early on Saturday", "last Friday", "yesterday", "in mid-March", "on Dec 30",
          "on March 14", "two months ago", "last week", "earlier this week", "since 2013", "in 2011",
          "May 22, 2017", "January 23-24", "now", "the ministry said", "reported", "400 militants",
          "“It is today,” he said.", "Two days later,", "\n\n", "\n\n  • Published in World\n\n",
          "Moscow, Dec 27 (Prensa Latina)", "21/03/2017", "Headline Here\n\n", ".", ",", "the", "left Homs"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40),
       st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))))
def test_dates_are_consistent_with_their_windows(pieces, pub):
    text = " ".join(pieces)
    claims = []
    i = text.find("400 militants")
    while i != -1:
        claims.append(Claim(id=f"x:{i}", doc="x", start=i, end=i + 13, text="400 militants", value=400.0,
                            low=400.0, high=400.0, qualifier="exact", counted="militants", category="fighters",
                            sentence=""))
        i = text.find("400 militants", i + 1)
    art = Article(doc="x", text=text, published=pub.isoformat() if pub else None)
    out, doc = date_claims(art, claims)
    assert len(out) == len(claims)
    assert [c.id for c in out] == [c.id for c in claims]
    for c in out:
        if c.date:
            lo, hi = (date.fromisoformat(x) for x in c.date_window)
            assert lo <= hi
            assert lo.isoformat().startswith(c.date) and hi.isoformat().startswith(c.date)
            assert c.date_precision in ("day", "week", "month", "year")
            # a date read from the text names its expression; the defaults (the week up to publication,
            # a tally as of the report) are read from no expression of the sentence
            assert c.date_text or c.date_source in ("published", "present")
        if c.date_window and c.date_precision == "day":
            assert (date.fromisoformat(c.date_window[1]) - date.fromisoformat(c.date_window[0])) <= timedelta(days=7)
        if c.date_source == "report" and c.report_date and c.date_window:
            assert c.date_window[1] == c.report_date
    assert doc.anchored == (doc.published is not None)
