"""One text published twice is one source: shared passages, which is the copy, claim map."""
from crosscheck.dedup import MIN_WORDS, find_duplicates
from crosscheck.model import Article, Claim, Document

STORY = ("Flood waters rose through the night in the river town, and by morning some 2,300 residents "
         "had left their homes for shelters on higher ground, the regional governor said. Rescue crews in "
         "boats moved from street to street checking on people who had stayed behind, and the army sent "
         "two helicopters to lift stranded families from rooftops. The river crested at 9.4 metres on "
         "Wednesday, the highest level recorded since the gauge was installed, officials said.")
OTHER = ("The city council approved a new budget on Tuesday after a long debate over transport spending. "
         "Councillors voted 31 to 12 for the plan, which adds two bus lines and repairs the old bridge "
         "over the canal. The mayor said construction would start in the spring and last two years.")


def claim(doc, text, quote):
    start = text.index(quote)
    return Claim(id=f"{doc}:{start}", doc=doc, start=start, end=start + len(quote), text=quote, value=2300.0,
                 low=2300.0, high=2300.0, qualifier="approx", counted="residents", category="people",
                 sentence=quote)


def test_syndicated_copy_inside_a_page_points_at_the_standalone_original():
    page = "Morning briefing\n\n" + OTHER + "\n\n* * *\n\n" + STORY + "\n\nMore news below."
    arts = [Article(doc="a-page.txt", text=page), Article(doc="b-story.txt", text="Floods\n\n" + STORY)]
    dups = find_duplicates(arts)
    # the page carries the story among others: the page is the copy
    assert dict(dups) == {"a-page.txt": "b-story.txt"}
    (p,) = dups.passages
    assert page[p.copy_start:p.copy_end].startswith("Flood waters") and p.words >= MIN_WORDS
    assert OTHER[:20] not in page[p.copy_start:p.copy_end]
    c_page = claim("a-page.txt", page, "some 2,300 residents")
    c_orig = claim("b-story.txt", arts[1].text, "some 2,300 residents")
    assert dups.claim_map([c_page, c_orig]) == {c_page.id: c_orig.id}


def test_earlier_publication_is_the_original():
    arts = [Article(doc="x.txt", text=STORY + " Extra line one.", published="2024-05-02"),
            Article(doc="y.txt", text="Wire copy. " + STORY, published="2024-05-01")]
    docs = [Document(doc="x.txt", published="2024-05-02"), Document(doc="y.txt", published="2024-05-01")]
    assert dict(find_duplicates(arts, docs)) == {"x.txt": "y.txt"}


def test_same_topic_different_words_is_not_a_copy():
    rewrite = ("Some 2,300 residents fled rising water overnight, the governor of the region said, as the "
               "river reached 9.4 metres on Wednesday. Soldiers used two helicopters to reach families "
               "stuck on roofs while crews in boats searched the flooded streets for anyone left behind.")
    arts = [Article(doc="a.txt", text=STORY), Article(doc="b.txt", text=rewrite), Article(doc="c.txt", text=OTHER)]
    assert dict(find_duplicates(arts)) == {}


def test_a_copy_of_a_copy_points_at_the_first_original_and_order_does_not_matter():
    arts = [Article(doc="c.txt", text=STORY + " Copied again.", published="2024-05-03"),
            Article(doc="a.txt", text=STORY, published="2024-05-01"),
            Article(doc="b.txt", text=STORY + " Copied.", published="2024-05-02")]
    got = dict(find_duplicates(arts))
    assert got == {"b.txt": "a.txt", "c.txt": "a.txt"}
    assert dict(find_duplicates(list(reversed(arts)))) == got


def test_short_shared_phrases_are_not_duplicates():
    a = "Officials said on Tuesday that the situation remains under control. " + OTHER
    b = "Officials said on Tuesday that the situation remains under control. " + STORY
    assert dict(find_duplicates([Article(doc="a.txt", text=a), Article(doc="b.txt", text=b)])) == {}
