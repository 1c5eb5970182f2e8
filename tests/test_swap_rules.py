"""An exchange told by two outlets (invented names): rules of news English that decide whether
its figures are one event and which of them meet. The swap's place in one outlet is a crossing;
the other names only a town where talks once began and a ministry of a third country."""
import pytest

from crosscheck import align as A
from crosscheck import run
from crosscheck.extract import extract_claims
from crosscheck.model import Article

A_TEXT = """---
title: Nine sailors freed in swap for 21 prisoners
outlet: Harbour Ledger
published: 2025-05-14
---

Nine sailors were released in exchange for 21 prisoners on Tuesday, in the first swap between the Doran government and the Vesk Movement since talks began in Pallis in January.

The freed sailors, including three foreign nationals, were flown home for medical checks, the Pallis foreign ministry said.

* The Movement seized the crew in a raid on a tanker near Corvo.
* The 21 prisoners were driven to the border and handed over.
"""

B_TEXT = """DORAN NEWS WIRE | 15/05/2025 09:10

Ten sailors and 21 detainees were exchanged on Tuesday at the Kesh crossing, officials on both sides confirmed.

Among the freed sailors were three foreign nationals, two of them engineers, the Vesk Movement's envoy said.
"""


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    root = tmp_path_factory.mktemp("swap")
    (root / "a_ledger.md").write_text(A_TEXT, encoding="utf-8")
    (root / "b_wire.txt").write_text(B_TEXT, encoding="utf-8")
    return run([str(root)], cache=False, executor="serial")


def _claim(result, doc, text):
    return next(c for c in result.claims if c.doc == doc and c.text == text)


def _run_texts(tmp_path, texts: dict):
    """(claim by text, event by id) of a serial, uncached run over the given files."""
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    res = run([str(tmp_path)], cache=False, executor="serial")
    return {c.text: c for c in res.claims}, {e.id: e for e in res.events}


def test_a_since_clause_and_a_ministry_name_no_place_of_the_happening():
    lex = A._load_lexicon()
    names = [n for _, n, _ in A._places(A_TEXT.splitlines()[6], lex, False)]
    assert "Pallis" not in names
    names = [n for _, n, _ in A._places("The sailors were flown home, the Pallis foreign ministry said.", lex, False)]
    assert names == []
    assert [n for _, n, _ in A._places("They were exchanged at the Kesh crossing.", lex, False)] == ["Kesh"]


def test_the_swap_is_one_event_across_outlets(result):
    a = _claim(result, "a_ledger.md", "Nine sailors")
    b = _claim(result, "b_wire.txt", "Ten sailors")
    assert a.event == b.event
    # a list item is scoped by the list's opening, not by the item above it (the raid near Corvo)
    assert _claim(result, "a_ledger.md", "21 prisoners").event == a.event


def test_listed_groups_meet_their_own_kind_and_the_total_meets_no_single_group(result):
    conflicts = [f for f in result.findings if f.kind == "conflict"]
    ids = {_claim(result, "a_ledger.md", "Nine sailors").id, _claim(result, "b_wire.txt", "Ten sailors").id}
    assert any(ids <= set(f.claims) for f in conflicts), [f.explanation for f in conflicts]
    # "Ten sailors and 21 detainees" = 31 is no rival of "Nine sailors" or of "21 prisoners"
    assert not any("= 31" in f.explanation for f in conflicts), [f.explanation for f in conflicts]


def test_a_part_of_a_listed_figure_is_no_summand():
    text = "Among the freed sailors were three foreign nationals, two of them engineers, the envoy said."
    cs = extract_claims(Article(doc="x", text=text))
    assert not [c for c in cs if c.derived]
    three = next(c for c in cs if c.text == "three foreign nationals")
    two = next(c for c in cs if c.text.startswith("two of them"))
    assert two.part_of == three.id and not three.group and not two.group


def test_a_vessel_named_with_and_without_its_prefix_is_one_story(tmp_path):
    by, _ev = _run_texts(tmp_path, {
        "a.txt": "Ferry sinks off Corva Point\n\nPublished 08 Mar 2026\n\nPORT ARAN - At least 14 people died after a "
                 "ferry capsized late Saturday, the coast guard said. The MV Lessar Queen left Port Aran at 8:40 p.m.\n",
        "b.md": "---\ntitle: Lessar Queen toll rises to 29\npublished: 2026-03-09\n---\n\n"
                "The number of people confirmed dead in the sinking of the Lessar Queen rose to 29 on Monday, "
                "officials in Belmonte said.\n"})
    assert by["At least 14 people"].event == by["29"].event


def test_a_rule_between_two_stories_of_one_page_keeps_them_apart(tmp_path):
    by, _ev = _run_texts(tmp_path, {"page.md": (
        "---\ntitle: Train toll rises to 19\npublished: 2025-08-05\n---\n\n"
        "VOI - The death toll from Sunday's derailment outside Voi rose to 19 on Tuesday, officials said.\n\n"
        "* * *\n\n## County assembly passes budget\n\n"
        "Mombasa County Assembly on Tuesday passed a Sh41.7 billion budget. The budget sets aside Sh9.8 billion "
        "for health, the finance executive said.\n")})
    assert by["Sh9.8 billion"].event != by["19"].event


def test_a_deals_total_is_the_plan_not_the_stage_another_clause_names(tmp_path):
    by, ev = _run_texts(tmp_path, {
        "a.txt": "Published 10 March 2018\n\nHOMS - The first batch of 1,542 people left Deir Qanun on Saturday, the "
                 "governor said. He said the agreement provides for the exit of some 8,000 people in three stages, "
                 "and that the remaining batches will leave during the coming days.\n",
        "b.txt": "Published 11 March 2018\n\nBEIRUT - The first buses carrying 1,290 people left Deir Qanun on "
                 "Saturday, a monitor said. The governor said some 10,000 people were expected to leave in total.\n"})
    assert by["some 8,000 people"].event == by["some 10,000 people"].event
    assert ev[by["some 8,000 people"].event].phase == "plan"


def test_a_stage_named_later_in_another_clause_is_not_the_figures_stage(tmp_path):
    by, ev = _run_texts(tmp_path, {"a.txt": (
        "Published 13 March 2018\n\nHOMS - The second batch left Deir Qanun on Monday. A council member said "
        "more than 2,000 people left with it, and that up to 3,000 more have registered to leave with the final "
        "group.\n")})
    assert ev[by["more than 2,000 people"].event].phase == "second"


def test_an_undated_report_of_killings_joins_the_killings_story_not_the_evacuation_from_its_dateline(tmp_path):
    by, _ev = _run_texts(tmp_path, {
        "a.txt": "BEIRUT, April 12, 2019 (Reuters) - The first batch of 1,350 people left al-Jarajima in central "
                 "Syria on Wednesday under a deal, the Syrian Observatory for Human Rights said.\n",
        "b.txt": "Published: May 8, 2019\n\nIDLIB - Air strikes killed 27 people in the market of Kafr Dabous on "
                 "Tuesday, the health ministry said.\n",
        "c.txt": "BEIRUT (Reuters) - Air strikes hit a market in Kafr Dabous in northwest Syria on Tuesday, killing "
                 "at least 19 people, the Syrian Observatory for Human Rights said.\n"})
    assert by["at least 19 people"].event == by["27 people"].event


def test_a_plan_word_in_another_clause_leaves_a_count_a_count(tmp_path):
    by, ev = _run_texts(tmp_path, {"a.txt": (
        "Published 8 May 2019\n\nIDLIB - The toll of Tuesday's strike on the market of Kafr Dabous stands at 34 "
        "people, and the civil defence said it may rise. The deal provides for a second round, involving 50 "
        "prisoners, next week.\n")})
    assert ev[by["34 people"].event].phase != "plan"
    assert ev[by["50 prisoners"].event].phase == "plan"


@pytest.mark.parametrize("texts, undated, dated", [
    # the story's one dated stage of that name
    ({"a.txt": "Published 15 March 2018\n\nHOMS - The last batch of 1,400 people left Deir Qanun on Thursday "
               "aboard 31 buses, a monitor said.\n",
      "b.txt": "Deir Qanun empties\n\nThe last convoy carried some 1,500 people out of Deir Qanun, activists "
               "said.\n"}, "some 1,500 people", "1,400 people"),
    # no dated stage of that name: the story's one dated happening of its kind
    ({"a.txt": "Published 6 August 2019\n\nGENEVA - On Tuesday, 1,020 detainees were released in Yemen in a "
               "prisoner exchange, the Red Cross said.\n",
      "b.txt": "Sanaa (Saba) - 681 prisoners were released in the first phase of the exchange deal in Yemen, the "
               "committee announced.\n"}, "681 prisoners", "1,020 detainees"),
], ids=["same stage", "no dated twin"])
def test_an_undated_articles_stage_joins_the_storys_dated_event(tmp_path, texts, undated, dated):
    by, _ev = _run_texts(tmp_path, texts)
    assert by[undated].event == by[dated].event
