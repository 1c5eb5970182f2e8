"""Sentence boundaries in news copy (crosscheck/sentences.py)."""
import pytest

from crosscheck.sentences import split_paragraphs, split_sentences


def sents(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("text,expected", [
    ("Lt. Gen. Aleksey Kim said 300 left. The rest stayed.",
     ["Lt. Gen. Aleksey Kim said 300 left.", "The rest stayed."]),
    ("U.S. officials said 4.5 million people fled. U.N. staff agreed.",
     ["U.S. officials said 4.5 million people fled.", "U.N. staff agreed."]),
    ("The aid came from the U.S. The convoy left at 6 a.m. on Dec. 4.",
     ["The aid came from the U.S.", "The convoy left at 6 a.m. on Dec. 4."]),
    ("Resolution No. 2254 was adopted. It passed.", ["Resolution No. 2254 was adopted.", "It passed."]),
    ("He met J. R. Smith in Homs. They talked.", ["He met J. R. Smith in Homs.", "They talked."]),
    ("“It is over,” he said. “We won.” Then they left!", ["“It is over,” he said.", "“We won.”", "Then they left!"]),
    ("Was it 3.5 percent? Nobody knows… 12 people left.", ["Was it 3.5 percent?", "Nobody knows…", "12 people left."]),
    ("Fighting ended.\u00a0The 300 militants left.", ["Fighting ended.", "The 300 militants left."]),
])
def test_sentences(text, expected):
    assert sents(text) == expected


def test_headlines_and_paragraphs_are_hard_boundaries():
    text = "More Than 35 Killed in Homs\nAfrasianet - Rebels left.\n\nThe convoy left.\n"
    assert sents(text) == ["More Than 35 Killed in Homs", "Afrasianet - Rebels left.", "The convoy left."]
    assert [s.para for s in split_sentences(text)] == [0, 1, 2]


def test_bullet_lines_are_their_own_sentences_without_the_bullet():
    text = "Key figures:\n  • 300 militants left\n  • 1,065 civilians left\n- 50 buses\n"
    assert sents(text) == ["Key figures:", "300 militants left", "1,065 civilians left", "50 buses"]


def test_hard_wrapped_lines_are_joined():
    text = "The governor said the withdrawal of\n10,000 people would take weeks, and\nmost would go north.\nNext story"
    assert sents(text) == ["The governor said the withdrawal of\n10,000 people would take weeks, and\nmost would go north.",
                           "Next story"]


def test_offsets_are_into_the_text_and_stripped():
    text = "  Title\n\n   First one.   Second one.  \n"
    for s in split_sentences(text):
        chunk = text[s.start:s.end]
        assert chunk == chunk.strip() and chunk
    assert split_paragraphs(text, 9) == [(12, 36)]


def test_windows_line_ends():
    text = "Headline of\r\n\r\nThe 300 people left.\r\nThe rest stayed, and\r\nthen left.\r\n"
    assert sents(text) == ["Headline of", "The 300 people left.", "The rest stayed, and\r\nthen left."]
