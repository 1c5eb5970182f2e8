"""Dates of claims (owner: timeline).

Interface used by the pipeline:
    date_claims(article: Article, claims: list[Claim]) -> tuple[list[Claim], Document]
Fills Claim.date / date_precision / date_text / report_date (and the optional
date_window / date_source), and returns the Document record (publication date
as known or read from a dateline, ``anchored``, dated headlines).

Steps:
1. Layout: paragraphs (lines), sentences, headings, link lines, quoted speech,
   and stories (a page may hold several, split at "Published in ..." lines,
   bylines, wire datelines and headline + date-line pairs); a date never leaks
   from one story into another.
2. Temporal expressions: ``_TIMEX`` is tried only around trigger words (month
   and weekday names, years, "ago", "week", "now" ...), which keeps the scan
   linear and fast ("May 22, 2017", "Dec 27", "January 23-24", "mid-March",
   "in 2011", "the first quarter of 2016", "early on Saturday", "last week",
   "two months ago", "yesterday", "two days later", "now"). Each gets a role:
   ``event``; ``report`` (a dateline, or tied to a reporting verb: "On Monday,
   the ministry reported", "Putin stated last Friday", "told Reuters on
   Monday"; a running toll's day: "the death toll rose to 112 on Saturday"; a
   count "by" a day in the perfect: "By Friday evening rescuers had pulled");
   ``bound`` ("since 2013", "until June 30, 2017", "by 2030", "a target date of
   2030": the edge of a span or plan, never the date of a happening);
   ``present`` ("now", "currently", "so far", "to date": the report's day).
   Scope: a timex in a comparison clause ("up from 55.8% in 2020", "than in
   2019", "compared with 2018", "the worst since 1996", "since talks began in
   March") dates only that clause's (baseline) figures, and so does a past one
   (more than a year before the report) in a when/after/before clause ("when a
   similar quake struck in 2011"), with a ", when ..." clause right after it;
   neither, nor any past date, dates the sentences after it or is a lede.
   A baseline figure inside a comparison clause takes only the clause's date.
3. Anchors: the publication date (or the story's dateline); without one, the
   year of the article's full dates ("June 30, 2017") still places "March 14",
   but relative expressions ("early on Saturday") stay unresolved: date None,
   date_text kept, so that alignment can check the weekday. "Two days later"
   counts from the story's previous event date. A wire dateline without a year
   ("KATHMANDU, April 27 (Reuters) -") takes the year of the page's full dates,
   of a "© 2023" / "Copyright 2023" line or of a "Published"/"Updated" line, and
   is then the publication date (``published_from`` "dateline"); without any,
   ``Document.dateline`` keeps its month and day ("--04-27") for align to give
   the year of sibling articles of the same story.
4. Resolution by datetime arithmetic (dateparser only for full date strings):
   a bare weekday is the most recent such day on or before the anchor ("on
   Monday" in a Monday article is that day), "last Friday" is strictly before,
   "this Monday" is in the anchor's week; with a future cue ("will",
   "scheduled", "next") the next such day. A month without a year later than
   the publication month is of the previous year (of the next with a future cue).
5. Per claim (``date_source`` says which): ``sentence``: an event expression of
   the same sentence, the nearest within ``NEAR`` characters, not the claim's
   own words, not an after/before clause the claim is outside of; ``report``:
   only a report time: ``report_date`` is that day and the happening's window
   the ``REPORT_WINDOW`` days up to it (also a running toll with no day of its
   own, "the toll rose to 119", at the publication day); ``present``: a tally
   as of the report ("now", "so far", "has now scorched 45,000 acres", "have been
   killed", "38 are still missing"): ``date`` is the report's day at the
   report's precision (equal to ``report_date``, which align reads as a bound);
   ``bound``: the sentence states only a
   span ("since 2013"): no date; ``context``: the up to ``LOOKBACK`` preceding
   sentences of the story (not across a heading, not quoted speech, not link
   lines; the happening's time before the report's); ``lede``: the story's
   headline or first sentence, for the section it opens; ``published``: none
   of these, among the first ``DEFAULT_SENTENCES`` sentences of its story and
   not a background figure (population, capacity, beds, seats, a length, a
   distance or area): the ``REPORT_WINDOW`` days up to the publication date,
   precision week (on the stories corpus: 89/108 dates after alignment with
   it, 88 without; raw timeline 65 against 59). Claims in headlines, link
   lines and "Related:" / "READ MORE:" lines are dated by their own words only;
   those lines and photo captions ("... REUTERS/Name", "Photo: ...") lend no date,
   and their own claims get ``date_source`` "other_story" (align: not this story's figures).

Dates: ``date`` is the finest ISO form (YYYY-MM-DD, YYYY-MM, YYYY) that contains
the whole window of days the text allows (None when the window spans years);
``date_window`` gives that window exactly (first, last day) and
``date_precision`` the width the text states (day | week | month | year).
``Document.headline_dates`` lists dated headlines and link lines ("First Group
... to Leave ... on March 18"), for alignment to match with the claims of
that phase; ``Document.inferred_year`` the year read from full dates when there
is no publication date.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Optional

from .calendar_words import MONTHS, WEEKDAYS
from .model import Article, Document, replace

LOOKBACK = 3          # preceding sentences of the same story searched for a date
NEAR = 250            # in the claim's sentence, expressions this many characters away at most
REPORT_WINDOW = 6     # a reported happening: the report day or up to this many days before
DEFAULT_TO_PUBLISHED = True   # a claim with no date near it: the week up to the publication date
DEFAULT_SENTENCES = 10        # ... when it is among the first sentences of its story

_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}

_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_DASH = r"\s*(?:-|–|—|to|and|through)\s*"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
_A = r"(?<![A-Za-z])"   # a word start that also allows glued footnote digits ("3Now")
_WDP = rf"(?:(?:on\s+)?{_WD},?\s+(?:the\s+)?)?"   # "Monday, March 20": the weekday goes with the date

_TIMEX = re.compile("|".join([
    rf"(?P<iso>(?<!\d)(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d))",
    rf"(?P<num>(?<![\d/.])(?P<n1>[0-3]?\d)[/.](?P<n2>[0-3]?\d)[/.](?P<ny>{_YEAR}))",
    rf"(?P<mdr>{_A}{_WDP}(?P<r1m>{_MON})\s+(?P<r1a>{_DAY}){_DASH}(?P<r1b>{_DAY})(?:,?\s+(?P<r1y>{_YEAR}))?)",
    rf"(?P<dmr>(?<!\d){_WDP}(?P<r2a>{_DAY}){_DASH}(?P<r2b>{_DAY})\s+(?:of\s+)?(?P<r2m>{_MON})(?:,?\s+(?P<r2y>{_YEAR}))?)",
    rf"(?P<md>{_A}{_WDP}(?P<mdm>{_MON})\s+(?P<mdd>{_DAY})(?:,?\s+(?P<mdy>{_YEAR}))?)",
    rf"(?P<dm>(?<!\d){_WDP}(?:the\s+)?(?P<dmd>{_DAY})\s+(?:of\s+)?(?P<dmm>{_MON})(?:,?\s+(?P<dmy>{_YEAR}))?)",
    rf"(?P<part>{_A}(?P<pp>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of"
    rf"|the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of)[\s-]+(?P<pm>{_MON})(?:\s+(?P<py>{_YEAR}))?)",
    rf"(?P<my>{_A}(?P<mym>{_MON})\s+(?:of\s+)?(?P<myy>{_YEAR}))",
    rf"(?P<season>{_A}(?:the\s+)?(?P<sn>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<sy>{_YEAR}))",
    rf"(?P<pmon>{_A}(?P<pmp>in|since|until|till|by|during|from|through|last|this|next|of|early|late|mid)"
    rf"[\s-]+(?P<pmm>{_MON})(?![\w-])(?!,?\s+(?:of\s+)?\d))",
    rf"(?P<qtr>{_A}(?:(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|Q(?P<qd>[1-4]))"
    rf"(?:\s+of)?,?\s+(?P<qy>{_YEAR}))",
    rf"(?P<yr2>{_A}(?:between|from)\s+(?P<ya>{_YEAR})\s*(?:and|to|-|–)\s*(?P<yb>{_YEAR}))",
    rf"(?P<year>{_A}(?P<yp>in|since|until|till|by|during|from|through|of|early|late|mid|before|after)"
    rf"[\s-]+(?:the\s+year\s+)?(?P<yy>{_YEAR}))",
    rf"(?P<wd>{_A}(?:(?P<wmod>early|late|last|this|next|past|coming)\s+)?(?:(?P<wmod2>early|late)\s+)?"
    rf"(?:on\s+)?(?P<wdn>{_WD})(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?(?![\w-]))",
    rf"(?P<ago>{_A}(?P<an>{_NUM})\s+(?P<au>day|week|month|year)s?\s+ago\b)",
    rf"(?P<rel>{_A}(?:(?P<rmod>earlier|later)\s+)?(?P<rw>the\s+day\s+before\s+yesterday|yesterday|today|tonight"
    rf"|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"
    rf"|(?:this|last|next|past|previous|coming)\s+(?:week|weekend|month|year))(?![\w-]))",
    rf"(?P<ana>{_A}(?:(?P<nn>{_NUM})\s+(?P<nu>day|week|month|year)s?\s+(?P<nd>later|earlier)"
    rf"|the\s+(?P<nw>next|following|previous|preceding)\s+(?P<nu2>day|week|month|year)"
    rf"|the\s+day\s+(?P<nd2>before|after)(?=\s*[,.;)]|\s*$)))",
    rf"(?P<hrs>{_A}(?:the\s+)?(?:past|last|previous)\s+(?P<hn>\d{{1,3}}|twenty-four|forty-eight|seventy-two)\s+hours)",
    rf"(?P<wknd>{_A}(?:over|at|on|during)\s+the\s+weekend|overnight)",
    rf"(?P<aft>{_A}(?:(?P<an2>{_NUM})\s+(?P<au2>day|week|month|year)s?|hours)\s+(?P<ad>after|before)\b)",
    rf"(?P<now>{_A}(?:now|currently|at\s+present|at\s+the\s+moment|so\s+far|to\s+date)(?![\w-])"
    r"(?!\s+(?:away|from|as|out|ahead|behind|off|beyond|removed|too|enough|so|that)\b))",
]), re.IGNORECASE)

# Case matters for month and weekday names ("may" is a verb, "march" a noun).
_CASED = re.compile(rf"{_MON}|{_WD}")
_BOUND_PREP = re.compile(r"(?:\b(?:since|until|till|through|by|from|before)\s+(?:the\s+)?(?:early|late|mid)?[\s-]*"
                         r"(?:(?:end|start|beginning|middle|close|turn)\s+(?:of\s+)?(?:the\s+year\s+)?)?)$", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|'ll|won't|would|going\s+to|due(?!\s+to\s+(?:the|a|an|bad|heavy|poor|high|low|its|their|his|her|what)\b)|scheduled|set\s+to|expected\s+to|plans?\s+to"
                     r"|planned|to\s+be\s+held|is\s+to|are\s+to|next|upcoming|coming|expects?|expecting"
                     r"|forecasts?|forecasters?|predicts?|predicted|intends?\s+to|aims?\s+to)\b", re.IGNORECASE)
# "by 2030", "a target date of 2030", "the deadline of June 30": the edge of a plan, never an event date
_TARGET_WORDS = re.compile(r"(?i:target|deadline|goal|aim|time(?:table|line))")
_TARGET_BEFORE = re.compile(r"\b(?:targets?|targeted|deadlines?|goals?|aims?|timetable|timeline)\b(?:\s+[\w-]+){0,3}\s*$",
                            re.IGNORECASE)
# a running toll: "the death toll rose to 112 on Saturday" (the day it was reported, not the disaster's)
_TOLL = re.compile(r"\b(?:tolls?|death\s+count|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities|casualties"
                   r"|people\s+(?:killed|dead|missing|injured))|deaths|fatalities|casualties)\b[^.;:]{0,100}?\b(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|stood|stands"
                   r"|passed|passes|topped|tops|jumped|jumps|soared|soars|increased|increases|hit|hits|mounted"
                   r"|mounts|grew|grown|grows)\b", re.IGNORECASE)
# a tally as of the report: present perfect ("has now scorched 45,000 acres", "have been killed"),
# "still missing", "as of", "stands at", "remain missing"
_TALLY = re.compile(r"\b(?:has|have|'ve)\s+(?:now\s+|so\s+far\s+|already\s+|also\s+|since\s+|thus\s+far\s+)?"
                    r"(?:been\s+)?(?:[a-z]+ed|risen|grown|reached|hit|passed|topped|soared|climbed|killed|left|fled"
                    r"|taken|seen|driven|given|made|found|brought|caught|burnt|burned|sent|spent|lost|run|swept)\b"
                    r"|\bstill\s+(?:missing|unaccounted|being|in|trapped|hospitali[sz]ed|receiving|under|listed|without"
                    r"|homeless|displaced|buried|stranded|searching)\b|\bremain(?:s|ed)?\s+(?:missing|unaccounted|trapped"
                    r"|in\s+hospital|hospitali[sz]ed|displaced)\b|\bas\s+of\b|\bstands?\s+at\b|\bso\s+far\b|\bto\s+date\b",
                    re.IGNORECASE)
# comparison clauses: what follows dates only the baseline ("up from 55.8% in 2020", "than in 2019")
_DEAL_DATE = re.compile(r"\b(?:agreement|deal|accord|truce|ceasefire|treaty|pact|plan|resolution|law)\s+(?:[\w-]+\s+)?"
                        r"(?:reached|signed|struck|agreed|brokered|adopted|passed|concluded|sealed)\b[^,;:()]*$", re.I)
_YEAR_NOUN = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+((?:19|20)\d\d)(?=\s+[a-z])", re.I)
_YEAR_NOUN_AFTER = re.compile(r"^\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}(?:\s+(?:of|at)\s+"
                              r"|,?\s+(?:which|that|when|who)\s[^.;:]*)$")
_CMP = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|climbed|dropped)\s+from\b"
                  r"|\b(?:compared|comparison)\s+(?:with|to)\b|\bas\s+against\b|\bversus\b|\bvs\.?(?=\s)"
                  r"|\bthan(?!\s+(?:\d|a\s+(?:dozen|hundred|thousand|million|billion)|(?:one|two|three|four|five|six|seven"
                  r"|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|half)\b))\b"
                  r"|\bsince\b(?!\s+(?:then|the\s+(?:quake|disaster|start|beginning|attack|storm|fire|flood|sinking)\b))"
                  r"|\b(?:last|previously)\s+(?:seen|recorded|reached|hit)\b", re.IGNORECASE)
# subordinate clauses whose own time is another happening's ("when a similar quake struck in 2011")
_SUB = re.compile(r"\b(?:when|after|before|following|until|once|while)\b(?!\s+(?:dawn|daybreak|sunrise|sunset|dusk|dark"
                  r"|nightfall|midnight|noon|midday))", re.IGNORECASE)
_CMP_LC = re.compile(_CMP.pattern)
_SUB_LC = re.compile(_SUB.pattern)
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\band\s+(?=the\b)")
_REPORT_VERB = (r"(?:said|says|say|told|tells|reported|reports|announced|announces|stated|states|declared"
                r"|confirmed|claimed|denounced|denied|added|noted|stressed|warned|wrote|tweeted|posted|insisted"
                r"|revealed|disclosed|estimated|quoted|cited|speaking|talking|writing|according\s+to"
                r"|showed|shows|indicated|published|gave|given"
                r"|(?:in\s+)?(?:a|an|its|his|her|their)\s+(?:statement|report|interview|briefing|announcement))")
# "said on Monday", "told Reuters on Monday"; "Speaking to Chinese TV station Phoenix last week"
_REPORT_BEFORE = re.compile(rf"\b{_REPORT_VERB}\s+(?:(?:to|with|the|a|an|state|reporters|journalists|media|press|news"
                            rf"|agency|[A-Z][\w.&'-]*)\s+){{0,5}}$"
                            r"|\b(?:[Ss]peaking|[Tt]alking|[Ww]riting|in\s+an\s+interview)\s+(?:to|with)?\s*"
                            r"(?:[\w.&'-]+\s+){0,5}$")
_REPORT_AFTER = re.compile(rf"^\s*,\s*[^,;:]{{0,80}}?\b{_REPORT_VERB}\b")
_SUBORD = re.compile(r"\b(?:after|before|since|until|following|once|when)\b(?!\s+(?:dawn|daybreak|sunrise|sunset|dusk"
                     r"|dark|nightfall|midnight|noon|midday)\b)", re.IGNORECASE)


def _in_subclause(text: str, sent_start: int, pos: int) -> bool:
    """Whether ``pos`` lies in an after/before/since... clause (no comma since its conjunction;
    "before dawn", "after midnight" are times of day, not clauses)."""
    seg = text[max(sent_start, pos - 200):pos]
    cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"))
    return bool(_SUBORD.search(seg, cut + 1))


# what continues the clause before the comma: ", killing at least 87", ", with 400 people on board"
_CONTINUES = re.compile(r"\s*,\s*(?:with|including|carrying|killing|leaving|injuring|wounding|displacing|forcing"
                        r"|sending|bringing|taking|raising|pushing|affecting|destroying|damaging|trapping)\b", re.IGNORECASE)

_RULE_LINE = re.compile(r"^[-*_=](?:[ \t]?[-*_=]){2,}$")
_BOUNDARY_LINE = re.compile(r"^\W*(?:(?:Published|Posted|Filed)\s+(?:in|under)\b|Subscribe\b|Tags?:|Share\s+this\b"
                            r"|Related\s+(?:articles|stories|posts|coverage|content|news|reading)\b|Related\s*:"
                            r"|(?:Read|See)\s+(?:more|also)\b|Also\s+read\b|More\s+on\s+this\s+story\b"
                            r"|More\s*:|Recommended\b|Most\s+read\b|Watch\s*:|Listen\s*:)", re.IGNORECASE)
_BYLINE = re.compile(r"^\W*By\s+[A-Z][\w.'-]+(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w.'-]+){0,6}\s*$")
_DATELINE = re.compile(rf"\W*[A-Z][A-Za-z .'-]{{1,30}}(?:,\s*[A-Z][A-Za-z .'-]{{1,30}}){{0,2}},\s+(?P<dt>{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MON}"
                       rf"(?:,?\s+{_YEAR})?)\s*(?:\([^)]{{1,40}}\))?\s*[-–—:]?")
_PUBLISHED_LINE = re.compile(r"^\W*(?:Published|Posted|Updated|Date|Dated)\s*(?:on|:)?\s*", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:had|has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|wn|ght|un|ne)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bCopyright\b)\s*(?:©\s*|\(c\)\s*)?(?:[A-Z][\w.&'-]*\s+){0,4}"
                        r"((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_CLOCK = re.compile(r"^(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?:\"”’)]\W*$")
_CAPTION = re.compile(r"\bREUTERS/|\bAP Photo\b|\bAFP(?: via Getty Images|/| PHOTO)|Getty Images|\bEPA(?:-EFE)?/|©"
                      r"|^(?:Photo|Image|Picture|Credit|Caption|Image caption)\s*(?:[:/]|credit\b)", re.IGNORECASE)
_CAPTION_START = re.compile(r"\W*(?:Photo|Image|Picture|Pictured|Caption|Image\s+caption|Photograph|Video)\s*(?:[:|]|credit\b)",
                            re.IGNORECASE)
_CAPTION_END = re.compile(r"(?:\((?:Photo|Image|Picture|Photograph)s?\s*(?::|by\b|credit\b)[^)]*\)"
                          r"|\b(?:REUTERS|AP\s+Photo|AFP|EPA(?:-EFE)?|Xinhua|ANADOLU)/[A-Z][\w.' -]{0,40}\)?"
                          r"|\b(?:Getty\s+Images|AFP\s+via\s+Getty\s+Images)\)?)\s*$", re.IGNORECASE)


def _caption_line(s: str) -> bool:
    """A photo caption: "Photo: ...", "... (Photo: AFP)", "... REUTERS/Jane Doe", "... Getty Images"."""
    if _CAPTION_START.match(s):
        return True
    tail = s[-70:]
    return ("/" in tail or "(" in tail or "etty" in tail) and _CAPTION_END.search(tail) is not None


_BULLET = re.compile(r"[-*•·–]\s+\S")
_LINK_LINE = re.compile(r"^\s*[-*•]?\s*\[[^\]]+\]\([^)]*\)[^\n]{0,80}$")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Sen|Rep|Gov|St|Prof|Rev|Jan|Feb|Mar|Apr|Jun|Jul"
                     r"|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|Inc|Corp|Co|Ltd|Jr|Sr)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")
_SENT_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    low: Optional[date] = None       # the days the expression allows (None when unresolved)
    high: Optional[date] = None
    precision: Optional[str] = None  # day | week | month | year
    role: str = "event"              # event | report | bound | present
    quoted: bool = False
    explicit_year: bool = False      # a full date with its year ("May 22, 2017")


@dataclass
class _Anchor:
    day: Optional[date] = None       # the report day of the story (publication or dateline)
    year: Optional[int] = None       # a year for month-day expressions when there is no day


# --------------------------------------------------------------------------- layout

@dataclass
class _Para:
    start: int
    end: int
    kind: str          # body | heading | link | boundary | dateline | byline | blank
    story: int = 0


def _paragraphs(text: str, offset: int) -> list:
    paras = []
    pos = offset
    for line in text[offset:].splitlines(keepends=True):
        s = line.strip()
        a = pos + (len(line) - len(line.lstrip()))
        b = a + len(s)
        pos += len(line)
        if not s or set(s) <= set("-*_=#•· "):
            if _RULE_LINE.match(s) and paras and paras[-1].kind == "body":
                paras.append(_Para(a, b, "rule"))
            continue
        if _BOUNDARY_LINE.match(s):
            kind = "boundary"
        elif _LINK_LINE.match(s):
            kind = "link"
        elif _BYLINE.match(s):
            kind = "byline"
        elif len(s) < 90 and any(ch.isdigit() for ch in s) and _date_line(s) is not None:
            kind = "dateline"
        elif _caption_line(s):
            kind = "skip"          # a photo caption ends in its credit: another moment, not the story's
        elif _ENDS_SENTENCE.search(s, max(0, len(s) - 12)) or _BULLET.match(s):
            kind = "body"
        elif (" " not in s and s[-1].isalnum()) or _CAPTION.search(s):
            kind = "skip"          # a photo credit or caption, "Advertisement": neither text nor a section
        else:
            kind = "heading" if len(s) < 160 else "body"
        paras.append(_Para(a, b, kind))
    # a rule ("* * *", "---") after body text ends the story when a headline follows it; before a
    # picture or more text of the same story it is layout
    out = []
    for i, p in enumerate(paras):
        if p.kind == "rule":
            if i + 1 < len(paras) and paras[i + 1].kind == "heading":
                out.append(_Para(p.start, p.end, "boundary"))
            continue
        out.append(p)
    return out


def _date_line(s: str) -> Optional[re.Match]:
    """The date match of a line that is only a date or a 'Published: <date>' line."""
    core = _PUBLISHED_LINE.sub("", s, count=1) if _PUBLISHED_LINE.match(s) else s
    core = _CLOCK.sub("", core.strip(" *_#|"), count=1).strip(" ,|-")
    m = _TIMEX.match(core)
    if m and (m.lastgroup in ("iso", "num", "md", "dm") and (m.group("iy") or m.group("ny") or m.group("mdy")
                                                               or m.group("dmy"))):
        rest = core[m.end():].strip(" ,|-–")
        if not rest or _CLOCK.fullmatch(rest):
            return m
    return None


def _stories(paras: list, datelines: dict) -> None:
    """Number the stories of a page in place. A boundary line ends a story; a byline or a
    dateline after body text starts one (taking the headline just before it along)."""
    story, seen_body = 0, False
    for i, p in enumerate(paras):
        if p.kind == "boundary":
            p.story = story
            story += 1
            seen_body = False
            continue
        starts_new = seen_body and (p.kind == "byline" or (p.kind == "body" and p.start in datelines)
                                    or (p.kind == "dateline" and i and paras[i - 1].kind == "heading"))
        if starts_new:
            story += 1
            seen_body = False
            if i and paras[i - 1].kind == "heading":
                paras[i - 1].story = story
        p.story = story
        if p.kind == "body":
            seen_body = True


# --------------------------------------------------------------------------- expressions

def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _safe(y, m, d) -> Optional[date]:
    try:
        return date(y, m, d)
    except (ValueError, TypeError):
        return None


@lru_cache(maxsize=4096)
def _parse_full(s: str, day_first: bool) -> Optional[date]:
    """A full date string (with its year) through dateparser."""
    import dateparser
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    if day_first is not None:
        settings["DATE_ORDER"] = "DMY" if day_first else "MDY"
    dt = dateparser.parse(s, languages=["en"], settings=settings)
    return dt.date() if dt else None


def warm_up() -> None:
    """Load dateparser and its English data now (a full date string, past the cache), so that
    the forked workers of a process pool share them instead of each loading them (~0.15 s)
    on its first article that names a date with its year."""
    _parse_full.__wrapped__("18 March 2017", True)


def _future(text: str, start: int, end: int, sent_start: int) -> bool:
    """A future verb or cue in the expression's own clause ("will meet on Friday", "expect the
    wind to pick up again on Monday", "is due on Tuesday")."""
    before = text[max(sent_start, start - 80):start]
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("\n"))
    if cut >= 0 and not re.search(r"\b(?:will|shall|'ll|would)\s*$", before[:cut + 1].rstrip(" ,")):
        before = before[cut + 1:]
    return bool(_FUTURE.search(before) or re.match(r"\s*(?:next|coming)\b", text[start:end], re.I)
                or _MODAL_AFTER.match(text, end))


# the subject's time before its verb: "a second band of rain on Thursday could push the river ..."
_MODAL_AFTER = re.compile(r"\s*(?:will|shall|could|might|may|would|is\s+(?:expected|due|set)\s+to|"
                          r"are\s+(?:expected|due|set)\s+to)\b(?!\s+(?:have|not\s+have)\b)", re.I)


def _year_for(month: int, anchor: _Anchor, future: bool) -> Optional[int]:
    if anchor.day is not None:
        y = anchor.day.year
        if not future and month > anchor.day.month:
            return y - 1
        if future and month < anchor.day.month:
            return y + 1
        return y
    return anchor.year


def _resolve(m: re.Match, text: str, anchor: _Anchor, sent_start: int) -> tuple:
    """(low, high, precision, explicit_year) of one match; low/high None when unresolved."""
    g = m.groupdict()
    kind = m.lastgroup
    fut = _future(text, m.start(), m.end(), sent_start)
    a = anchor.day
    if kind == "iso":
        d = _safe(int(g["iy"]), int(g["im"]), int(g["id"]))
        return d, d, "day" if d else None, True
    if kind == "num":
        n1, n2 = int(g["n1"]), int(g["n2"])
        day_first = True if n1 > 12 else (False if n2 > 12 else None)
        if day_first is None:   # ambiguous 03/04/2017: the reading not after the anchor, else day first
            dmy, mdy = _safe(int(g["ny"]), n2, n1), _safe(int(g["ny"]), n1, n2)
            day_first = not (a and dmy and mdy and dmy > a >= mdy)
        d = _parse_full(m.group("num"), day_first)
        return d, d, "day" if d else None, True
    if kind in ("mdr", "dmr"):
        k = "r1" if kind == "mdr" else "r2"
        mon = _month(g[k + "m"])
        y = int(g[k + "y"]) if g[k + "y"] else _year_for(mon, anchor, fut)
        lo, hi = _safe(y, mon, _day(g[k + "a"])), _safe(y, mon, _day(g[k + "b"]))
        if lo and hi and lo <= hi:
            return lo, hi, "day", bool(g[k + "y"])
        return None, None, None, False
    if kind in ("md", "dm"):
        mon = _month(g[kind + "m"])
        yr = g[kind + "y"]
        if yr:
            d = _parse_full(m.group(kind), None) or _safe(int(yr), mon, _day(g[kind + "d"]))
            return d, d, "day" if d else None, True
        y = _year_for(mon, anchor, fut)
        d = _safe(y, mon, _day(g[kind + "d"])) if y else None
        return d, d, "day" if d else None, False
    if kind in ("part", "my", "pmon"):
        mon = _month(g["pm"] if kind == "part" else g["mym"] if kind == "my" else g["pmm"])
        yr = g["py"] if kind == "part" else g["myy"] if kind == "my" else None
        if yr:
            y = int(yr)
        elif kind == "pmon" and g["pmp"].lower() in ("last", "this", "next") and a:
            p = g["pmp"].lower()
            y = a.year - (mon >= a.month) if p == "last" else a.year + (mon < a.month) if p == "next" else a.year
        elif kind == "pmon" and g["pmp"].lower() in ("early", "late", "mid"):
            y = _year_for(mon, anchor, fut)
        else:
            y = _year_for(mon, anchor, fut)
        if not y:
            return None, None, None, False
        lo, hi = date(y, mon, 1), _month_end(y, mon)
        part = (g.get("pp") or g.get("pmp") or "").lower()
        if part.startswith("early") or "beginning" in part or "start" in part:
            hi = date(y, mon, 10)
        elif part.startswith("mid") or "middle" in part:
            lo, hi = date(y, mon, 11), date(y, mon, 20)
        elif part.startswith("late") or "end" in part:
            lo = date(y, mon, 21)
        return lo, hi, "month", bool(yr)
    if kind == "season":
        y = int(g["sy"])
        rng = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}.get(g["sn"].lower())
        if rng:
            return date(y, rng[0], 1), _month_end(y, rng[1]), "month", True
        return date(y - 1, 12, 1), _month_end(y, 2), "month", True
    if kind == "qtr":
        q = int(g["qd"]) if g["qd"] else {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(
            g["qn"].lower(), int(g["qn"][0]) if g["qn"][0].isdigit() else 0)
        y = int(g["qy"])
        return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "month", True
    if kind == "yr2":
        ya, yb = int(g["ya"]), int(g["yb"])
        if ya <= yb:
            return date(ya, 1, 1), date(yb, 12, 31), "year", True
        return None, None, None, False
    if kind == "year":
        y = int(g["yy"])
        return date(y, 1, 1), date(y, 12, 31), "year", True
    if kind == "wd":
        if a is None:
            return None, None, None, False
        wd = WEEKDAYS[g["wdn"].lower()]
        mod = (g["wmod"] or "").lower()
        back = (a.weekday() - wd) % 7
        if mod in ("last", "past"):
            d = a - timedelta(days=back or 7)
        elif mod in ("next", "coming"):
            d = a + timedelta(days=((wd - a.weekday()) % 7) or 7)
        elif mod == "this":
            d = a - timedelta(days=a.weekday()) + timedelta(days=wd)   # the day of the anchor's week
        elif fut:
            d = a + timedelta(days=(wd - a.weekday()) % 7)
        else:
            d = a - timedelta(days=back)
        return d, d, "day", False
    if kind == "ago":
        if a is None:
            return None, None, None, False
        n = g["an"].lower()
        n = int(n) if n.isdigit() else _NUMWORDS.get(n.split()[-1])
        u = g["au"].lower()
        if n is None:
            return None, None, None, False
        if u == "day":
            d = a - timedelta(days=n)
            return d, d, "day", False
        if u == "week":
            c = a - timedelta(days=7 * n)
            return c - timedelta(days=3), c + timedelta(days=3), "week", False
        if u == "month":
            y, mo = divmod(a.year * 12 + a.month - 1 - n, 12)
            return date(y, mo + 1, 1), _month_end(y, mo + 1), "month", False
        return date(a.year - n, 1, 1), date(a.year - n, 12, 31), "year", False
    if kind == "rel":
        w = re.sub(r"\s+", " ", g["rw"].lower())
        earlier = (g["rmod"] or "").lower() == "earlier"
        later = (g["rmod"] or "").lower() == "later"
        if a is None:
            return None, None, None, False
        if w in ("today", "tonight") or w.startswith("this ") and w.split()[1] in ("morning", "afternoon", "evening"):
            return a, a, "day", False
        if w == "yesterday" or w == "last night":
            d = a - timedelta(days=1)
            return d, d, "day", False
        if w == "the day before yesterday":
            d = a - timedelta(days=2)
            return d, d, "day", False
        if w == "tomorrow":
            d = a + timedelta(days=1)
            return d, d, "day", False
        which, unit = w.split()
        if unit in ("week", "weekend"):
            mon = a - timedelta(days=a.weekday())
            if which in ("last", "past", "previous"):
                mon -= timedelta(days=7)
            elif which in ("next", "coming"):
                mon += timedelta(days=7)
            lo, hi = (mon + timedelta(days=5), mon + timedelta(days=6)) if unit == "weekend" else (mon, mon + timedelta(days=6))
            if which == "this" and earlier:
                hi = a
            if which == "this" and later:
                lo = a
            if which == "past" and unit == "week":
                lo, hi = a - timedelta(days=7), a
            return lo, hi, "week", False
        if unit == "month":
            y, mo = a.year, a.month
            if which in ("last", "previous"):
                y, mo = divmod(y * 12 + mo - 2, 12)
                mo += 1
            elif which in ("next", "coming"):
                y, mo = divmod(y * 12 + mo, 12)
                mo += 1
            lo, hi = date(y, mo, 1), _month_end(y, mo)
            if which == "this" and earlier:
                hi = a
            if which == "past":
                lo, hi = a - timedelta(days=30), a
            return lo, hi, "month", False
        y = a.year + {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        lo, hi = date(y, 1, 1), date(y, 12, 31)
        if which == "this" and earlier:
            hi = a
        if which == "past":
            lo, hi = a - timedelta(days=365), a
        return lo, hi, "year", False
    if kind == "hrs":
        if a is None:
            return None, None, None, False
        w = g["hn"].lower()
        n = int(w) if w.isdigit() else {"twenty-four": 24, "forty-eight": 48, "seventy-two": 72}[w]
        days = max(1, -(-n // 24))
        return a - timedelta(days=days), a, "day" if days <= 1 else "week", False
    if kind == "wknd":
        if a is None:
            return None, None, None, False
        if m.group().lower() == "overnight":
            return a - timedelta(days=1), a, "day", False
        sat = a - timedelta(days=(a.weekday() - 5) % 7)      # the latest Saturday on or before the anchor
        if fut:
            sat = a + timedelta(days=(5 - a.weekday()) % 7)
        return sat, sat + timedelta(days=1), "day", False
    if kind == "now":       # "now", "so far", "to date": as of the report, at the report's precision
        if a is None:
            return None, None, None, False
        if fut:
            return a, a + timedelta(days=7), "week", False
        return a, a, "day", False
    return None, None, None, False


# Words that every temporal expression holds (its "core"); the full pattern is tried only
# around them, which is ~10x faster than running the alternation at every position.
_TRIGGERS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    "today tonight tomorrow yesterday now currently present moment far date ago week weekend month year "
    "spring summer fall autumn winter night morning afternoon evening quarter q day later earlier following "
    "previous preceding next hours weekend overnight after before".split())
# Words an expression may begin with (the trigger itself is always tried).
_STARTERS = _TRIGGERS | frozenset(_NUMWORDS) | frozenset(
    "in since until till by during from through last this next of early late mid the end beginning start middle "
    "on between past coming previous preceding earlier later over at so to first second third fourth st nd rd th "
    "spring summer fall autumn winter".split())
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_WORD = re.compile(r"[a-z]+")
_DIGIT_TRIGGER = re.compile(r"(?:1[89]|20)\d\d(?!\d)|\d\d?[/.]\d")


def _find_timexes(text: str, start: int = 0, end: Optional[int] = None):
    """The temporal expressions of ``text[start:end]`` in order: regex matches of ``_TIMEX``
    that begin at most 4 words before a trigger word (or a year, or a d/m digit) and reach past it."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    hits = [start + m.start() for m in _WORD.finditer(low) if m.group() in _TRIGGERS]
    hits += [m.start() for m in _DIGIT_TRIGGER.finditer(text, start, end)]
    hits.sort()
    last_end = start
    for p in hits:
        if p < last_end:
            continue
        line = max(start, last_end, p - 60)
        line = max(line, text.rfind("\n", line, p) + 1)
        starts = [t.start() for t in _TOKEN.finditer(text, line, p)
                  if t.group()[0].isdigit() or t.group().lower() in _STARTERS][-4:]
        starts.append(p)
        for s in starts:
            m = _TIMEX.match(text, s, end)
            if m and m.end() > p and _case_ok(m):
                last_end = m.end()
                yield m
                break


def _shift(m: re.Match, ref: Optional[Timex]) -> tuple:
    """An anaphoric expression ("two days later", "the next day") from the story's previous date."""
    if ref is None or ref.low is None:
        return None, None, None, False
    g = m.groupdict()
    if g["nd2"]:
        n, unit, sign = 1, "day", -1 if g["nd2"].lower() == "before" else 1
    elif g["nw"]:
        n, unit, sign = 1, g["nu2"].lower(), -1 if g["nw"].lower() in ("previous", "preceding") else 1
    else:
        w = g["nn"].lower()
        n = int(w) if w.isdigit() else _NUMWORDS.get(w.split()[-1])
        unit, sign = g["nu"].lower(), -1 if g["nd"].lower() == "earlier" else 1
    return _offset(ref, n, unit, sign)


def _after(m: re.Match, ref: Optional[Timex]) -> tuple:
    """"..., a day after 2,000 people gathered": the happening of the after-clause is that far
    before the main clause's date (``ref``); "a day before" after it; "hours after" the same day or the one before."""
    if ref is None or ref.low is None:
        return None, None, None, False
    g = m.groupdict()
    sign = -1 if g["ad"].lower() == "after" else 1
    if not g["au2"]:                                   # "hours after"
        if ref.precision != "day":
            return None, None, None, False
        lo, hi = (ref.low - timedelta(days=1), ref.high) if sign < 0 else (ref.low, ref.high + timedelta(days=1))
        return lo, hi, "day", False
    w = g["an2"].lower()
    return _offset(ref, int(w) if w.isdigit() else _NUMWORDS.get(w.split()[-1]), g["au2"].lower(), sign)


def _offset(ref: Timex, n: Optional[int], unit: str, sign: int) -> tuple:
    if n is None:
        return None, None, None, False
    if unit in ("day", "week"):
        if ref.precision != "day":
            return None, None, None, False
        c = ref.low + timedelta(days=sign * n * (7 if unit == "week" else 1))
        return (c, c, "day", False) if unit == "day" else (c - timedelta(days=3), c + timedelta(days=3), "week", False)
    if unit == "month":
        y, mo = divmod(ref.low.year * 12 + ref.low.month - 1 + sign * n, 12)
        return date(y, mo + 1, 1), _month_end(y, mo + 1), "month", False
    y = ref.low.year + sign * n
    return date(y, 1, 1), date(y, 12, 31), "year", False


def _case_ok(m: re.Match) -> bool:
    """Month and weekday names must be capitalised as names ("May 2014", not "may"); a
    relative word in capitals is a name ("USA TODAY")."""
    if m.lastgroup in ("rel", "now") and len(m.group()) > 3 and m.group().isupper():
        return False
    for name in _CASED.finditer(m.group()):
        if not name.group()[0].isupper():
            return False
    return True


def _running_toll(text: str, sent_start: int, pos: int) -> bool:
    """Whether a toll verb ("the death toll rose to") comes before ``pos`` in the same clause."""
    a = max(sent_start, pos - 160)
    seg = text[a:pos].lower()
    if "toll" not in seg and "dea" not in seg and "number" not in seg and "casualt" not in seg and "fatalit" not in seg:
        return False
    last = None
    for last in _TOLL.finditer(text, a, pos):
        pass
    return last is not None and not _CLAUSE_END.search(text, last.end(), pos)


def _role(m: re.Match, text: str, sent_start: int, sent_end: int) -> str:
    kind = m.lastgroup
    if kind == "now":
        return "present"
    s = m.group()
    first = s.split()[0].lower().rstrip("-") if s.split() else ""
    by = first == "by" or re.search(r"\bby\s+(?:the\s+)?(?:early|late|mid)?[\s-]*$", text[max(sent_start, m.start() - 20):m.start()], re.I)
    if by and kind in ("wd", "md", "dm", "rel") and _PERFECT.search(text, m.end(), min(sent_end, m.end() + 80)):
        return "report"          # "By Friday evening rescuers had pulled 160 survivors": a count as of then
    if first in ("since", "until", "till", "through", "by", "from", "before", "after") \
            or _BOUND_PREP.search(text[max(sent_start, m.start() - 36):m.start()]) \
            or (_TARGET_WORDS.search(text, max(sent_start, m.start() - 40), m.start())
                and _TARGET_BEFORE.search(text[max(sent_start, m.start() - 40):m.start()])):
        return "bound"
    if kind in ("wd", "rel", "md", "dm") and _running_toll(text, sent_start, m.start()):
        return "report"          # "the death toll rose to 112 on Saturday": when it was counted
    if kind in ("wd", "rel") or kind in ("md", "dm", "mdr", "dmr", "pmon", "ago"):
        before = text[max(sent_start, m.start() - 80):m.start()]
        after = text[m.end():min(sent_end, m.end() + 120)]
        if _REPORT_BEFORE.search(before):
            return "report"
        # sentence-initial "On Monday, the ministry reported ..."
        if m.start() - sent_start < 8 and not text[sent_start:m.start()].strip(" \"“'‘([") \
                and _REPORT_AFTER.match(after):
            return "report"
    return "event"


# --------------------------------------------------------------------------- the stage

@dataclass
class _Sent:
    start: int
    end: int
    para: int


def _sentences(text: str, paras: list) -> list:
    out = []
    for i, p in enumerate(paras):
        s = p.start
        for m in _SENT_END.finditer(text, p.start, p.end):
            if _ABBREV.search(text[max(p.start, m.start() - 12):m.start() + 1]):
                continue
            out.append(_Sent(s, m.end(), i))
            s = m.end()
            while s < p.end and text[s].isspace():
                s += 1
        if s < p.end:
            out.append(_Sent(s, p.end, i))
    return out


def _quoted_spans(text: str, paras: list) -> list:
    spans = []
    for p in paras:
        seg = text[p.start:p.end]
        for m in re.finditer(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^’]{20,}’", seg):
            spans.append((p.start + m.start(), p.start + m.end()))
    spans.sort()
    return spans


def _inside(spans: list, starts: list, a: int, b: int) -> bool:
    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1]


def _iso(lo: Optional[date], hi: Optional[date]) -> Optional[str]:
    if lo is None or hi is None:
        return None
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if lo.year == hi.year:
        return f"{lo.year:04d}"
    return None


def _analyse(article: Article):
    text = article.text
    paras = _paragraphs(text, article.body_start)
    datelines = {}
    for p in paras:
        if p.kind == "body":
            dm = _DATELINE.match(text, p.start, p.end)
            if dm:
                datelines[p.start] = dm
    _stories(paras, datelines)
    sents = _sentences(text, paras)
    sent_starts = [s.start for s in sents]
    quotes = _quoted_spans(text, paras)
    q_starts = [q[0] for q in quotes]
    para_starts = [p.start for p in paras]

    # raw matches with their sentence
    raw = []
    for m in _find_timexes(text, article.body_start):
        si = bisect.bisect_right(sent_starts, m.start()) - 1
        if si < 0 or m.start() >= sents[si].end:
            continue
        raw.append((m, si))

    # anchors: the article's publication date, else a date line of the page
    published, published_from = article.published, article.published_from
    pub_day = _to_date(published)
    story_day: dict = {}
    for p in paras:
        if p.kind == "dateline":
            dm = _date_line(text[p.start:p.end])
            d = _resolve(dm, dm.string, _Anchor(), 0)[0] if dm else None
            if d and p.story not in story_day:
                story_day[p.story] = d
    if pub_day is None and 0 in story_day:
        # the page's first story dates the page; a later story's date line dates that story only
        pub_day = story_day[0]
        published, published_from = pub_day.isoformat(), "dateline"
    years = [int(m.group("iy") or m.group("ny") or m.group("mdy") or m.group("dmy") or m.group("r1y") or m.group("r2y"))
             for m, _ in raw if m.lastgroup in ("iso", "num", "md", "dm", "mdr", "dmr")
             and (m.group("iy") or m.group("ny") or m.group("mdy") or m.group("dmy") or m.group("r1y") or m.group("r2y"))]
    # "© 2023 Nusa News Agency", "Copyright 2023": the page's year
    if "©" in text or "opyright" in text or "OPYRIGHT" in text or "(c)" in text or "(C)" in text:
        years += [int(y) for y in _COPYRIGHT.findall(text, article.body_start)]
    inferred_year = max(years) if years else None

    pub_year = int(published[:4]) if published and re.match(r"\d{4}(?:-\d\d)?$", published) else None
    doc_anchor = _Anchor(pub_day, pub_day.year if pub_day else pub_year or inferred_year)
    anchors = {}
    # a dateline inside a story ("Moscow, Dec 27 (Prensa Latina)") anchors that story only
    for p in paras:
        dm = datelines.get(p.start)
        if dm and p.story not in anchors:
            tm = _TIMEX.search(dm.group("dt"))
            if tm:
                lo, hi, prec, _ = _resolve(tm, dm.group("dt"), doc_anchor, 0)
                anchors[p.story] = (_Anchor(lo, lo.year) if lo else _Anchor(None, None),
                                    Timex(dm.start("dt"), dm.end("dt"), dm.group("dt"), lo, hi, prec, "report"))
    dateline = None
    if pub_day is None and 0 in anchors and anchors[0][1] is not None:
        if anchors[0][0].day is not None:      # a wire dateline whose year the page gives
            pub_day = anchors[0][0].day
            published, published_from = pub_day.isoformat(), "dateline"
            doc_anchor = _Anchor(pub_day, pub_day.year)
        else:                                  # "DRAVIK, March 11 (Meridian) -": month and day only
            tm = _TIMEX.search(anchors[0][1].text)
            if tm and tm.lastgroup in ("md", "dm"):
                k = tm.lastgroup
                dateline = f"--{_month(tm.group(k + 'm')):02d}-{_day(tm.group(k + 'd')):02d}"
    for st, d in story_day.items():
        anchors.setdefault(st, (_Anchor(d, d.year), None))

    dateline_spans = {(dm.start("dt"), dm.end("dt")) for dm in datelines.values()}
    timexes = []
    last_ref: dict = {}      # story -> its latest event date (for "two days later")
    sent_ref: dict = {}      # sentence -> its latest event date (for ", a day after ...")
    for m, si in raw:
        s = sents[si]
        st = paras[s.para].story
        anchor = anchors.get(st, (doc_anchor, None))[0]
        if m.lastgroup == "ana":
            lo, hi, prec, explicit = _shift(m, last_ref.get(st))
        elif m.lastgroup == "aft":
            lo, hi, prec, explicit = _after(m, sent_ref.get(si))
        else:
            lo, hi, prec, explicit = _resolve(m, text, anchor, s.start)
        # a dateline ("Moscow, Dec 27 (Prensa Latina) ...") is the time of the report
        role = "report" if (m.start(), m.end()) in dateline_spans else _role(m, text, s.start, s.end)
        t = Timex(m.start(), m.end(), m.group(), lo, hi, prec, role,
                  _inside(quotes, q_starts, m.start(), m.end()), explicit)
        timexes.append((t, si))
        if role == "event" and lo is not None and not t.quoted:
            last_ref[st] = t
            if m.lastgroup != "aft":
                sent_ref[si] = t
    # the title, when ingest keeps it apart from the text, is the first story's headline
    title = []
    if article.title:
        for m in _find_timexes(article.title):
            lo, hi, prec, explicit = _resolve(m, article.title, anchors.get(0, (doc_anchor, None))[0], 0)
            title.append(Timex(-1, -1, m.group(), lo, hi, prec, _role(m, article.title, 0, len(article.title)),
                               False, explicit))
    return dict(title=title, text=text, paras=paras, sents=sents, sent_starts=sent_starts, quotes=quotes, q_starts=q_starts,
                para_starts=para_starts, timexes=timexes, anchors=anchors, doc_anchor=doc_anchor,
                dateline=dateline, published=published, published_from=published_from, inferred_year=inferred_year)


def _to_date(s: Optional[str]) -> Optional[date]:
    if not s:
        return None
    try:
        return datetime.strptime(s[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def _clause(text: str, sent_start: int, sent_end: int, pos: int, rx: re.Pattern) -> Optional[tuple]:
    """The (start, end) of the ``rx``-introduced clause that holds ``pos``: the cue's start up to
    the next comma, semicolon, dash or bracket (or the sentence end); None when ``pos`` is outside one."""
    cues = _cues(text, sent_start, sent_end, rx)
    i = bisect.bisect_left(cues, (pos,)) - 1
    if i < 0 or cues[i][0] < pos - 160 or _CLAUSE_END.search(text, cues[i][1], pos):
        return None
    end = _CLAUSE_END.search(text, pos, sent_end)
    return cues[i][0], end.start() if end else sent_end


_CUE_WORDS = {"cmp": ("from", "compar", "against", "versus", "vs", "than", "since", "last", "previous"),
              "sub": ("when", "after", "before", "following", "until", "once", "while")}


@lru_cache(maxsize=256)
def _cues(text: str, sent_start: int, sent_end: int, rx: re.Pattern) -> list:
    """(start, end) of the cue matches of one sentence, searched once per sentence (on the
    lower-cased sentence, case-sensitively, after a check for the cue words: ~3x faster)."""
    seg = text[sent_start:sent_end]
    low = seg.lower()
    kind = "cmp" if rx is _CMP else "sub" if rx is _SUB else None
    if kind is None or len(low) != len(seg):
        return [(m.start(), m.end()) for m in rx.finditer(text, sent_start, sent_end)]
    if not any(w in low for w in _CUE_WORDS[kind]):
        return []
    lc = _CMP_LC if kind == "cmp" else _SUB_LC
    return [(sent_start + m.start(), sent_start + m.end()) for m in lc.finditer(low)]


def _historical(t: Timex, anchor: _Anchor) -> bool:
    """A date more than a year before the report ("in 2011" in a 2023 article): background or
    a baseline, never the story's present."""
    if t.high is None:
        return False
    if anchor.day is not None:
        return t.high < anchor.day - timedelta(days=365)
    return anchor.year is not None and t.high.year < anchor.year - 1


def _scoped(t: Timex, sent: "_Sent", text: str, anchor: _Anchor, a: dict) -> Optional[tuple]:
    """The span of text a timex may date, when it is narrower than its sentence: a timex in a
    comparison clause ("up from 55.8% in 2020", "than in 2019", "since talks began in March")
    dates only that clause's figures; so does a past one (more than a year before the report) in
    a when/after/before... clause ("when a similar quake struck in 2011")."""
    key = (t.start, t.end)
    cache = a.setdefault("scope", {})
    if key not in cache:
        span = _clause(text, sent.start, sent.end, t.start, _CMP)
        if span is None and _historical(t, anchor):
            span = _clause(text, sent.start, sent.end, t.start, _SUB)
        if span is not None:
            # "... in 2011, when some 600 people died": the when-clause tells of that time
            w = re.compile(r"\s*,\s*(?:when|during\s+which|in\s+which|as)\b", re.IGNORECASE).match(text, span[1])
            if w:
                end = _CLAUSE_END.search(text, w.end(), sent.end)
                span = (span[0], end.start() if end else sent.end)
        cache[key] = span
    return cache[key]


def _tally(text: str, sent: "_Sent", claim) -> Optional[str]:
    """"report" for a running toll ("the death toll rose to 119"), "present" for a tally as of
    the report ("has now scorched 45,000 acres", "38 are still missing", "so far"), else None."""
    a = max(sent.start, claim.start - 120)
    cut = max(text.rfind(",", a, claim.start), text.rfind(";", a, claim.start), text.rfind(":", a, claim.start))
    a = max(a, cut + 1)
    end = _CLAUSE_END.search(text, claim.end, sent.end)
    b = min(end.start() if end else sent.end, claim.end + 80)
    if _running_toll(text, sent.start, claim.start) and not re.search(r"\b(?:has|have)\b", text[a:b], re.I):
        return "report"
    low = text[a:b].lower()
    if _TALLY_LC.search(low) or _TOLL_LC.search(low):
        return "present"
    return None


_BACKGROUND = re.compile(r"\bhome\s+to\b|\bpopulations?\b|\binhabitants\b|\bcapacity\b|\blicen[cs]ed\s+to\b|\bbeds\b"
                         r"|\b(?:had|has|have)\s+(?:a\s+)?(?:about\s+|some\s+|around\s+|nearly\s+|over\s+)?[\d,.]+"
                         r"(?:\s+(?:million|thousand))?\s+(?:people|residents|inhabitants|citizens)\b|\bpre-?war\b"
                         r"|\bbefore\s+the\s+war\b|-member\b|\bmembership\b|\bbuilt\s+in\b|\bfounded\b|\bemploys?\b"
                         r"|\b(?:km|kilometres?|kilometers?|miles?|metres?|meters?)[\s-]+long\b|\bannual(?:ly)?\b"
                         r"|\b(?:per|each|every)\s+year\b|\ba\s+year\b(?!\s+(?:ago|earlier|later|after|before|on))"
                         r"|\bcovered\s+by\b|\bwhich\s+has\b|\bmajority\s+of\b", re.IGNORECASE)


_BACKGROUND_LC = re.compile(_BACKGROUND.pattern)    # on lower-cased text: faster than IGNORECASE
_TALLY_LC = re.compile(_TALLY.pattern)
_TOLL_LC = re.compile(_TOLL.pattern)


def _background(text: str, sent: "_Sent", claim) -> bool:
    """A figure that describes how things are (population, capacity, a road's length, seats),
    not a happening: no default date for it."""
    return bool(_BACKGROUND_LC.search(text[max(sent.start, claim.start - 60):min(sent.end, claim.end + 40)].lower()))


def _pick(claim, si: int, a: dict) -> tuple:
    """(timex, source, report timex) for one claim; timex None when nothing dates it.
    ``source`` "present" (a tally as of the report) and "published" (the default) come with
    the anchor's report day as their timex."""
    sents, text, paras, by_sent = a["sents"], a["text"], a["paras"], a["by_sent"]
    sent = sents[si]
    story = paras[sent.para].story
    anchor = a["anchors"].get(story, (a["doc_anchor"], None))[0]
    every = by_sent.get(si, ())
    if every and (every[0].start < claim.start - NEAR or every[-1].end > claim.end + NEAR):
        starts = a["by_sent_starts"][si]          # a long sentence: only the expressions near the claim
        every = every[bisect.bisect_left(starts, claim.start - NEAR):bisect.bisect_right(starts, claim.end + NEAR)]
    own = [t for t in every if t.start < claim.end and claim.start < t.end]
    here = [t for t in every if t not in own]
    report = next((t for t in here if t.role == "report"), None)
    # a year that names a thing of its own time: "the 1997 record of 7.41 metres", "a 1998 quake
    # that killed about 2,000 people": the figure of that thing is of that year
    for m in _YEAR_NOUN.finditer(text, max(sent.start, claim.start - 120), claim.start):
        if _YEAR_NOUN_AFTER.match(text[m.end(1):claim.start]):
            y = int(m.group(1))
            return Timex(m.start(1), m.end(1), m.group(1), date(y, 1, 1), date(y, 12, 31), "year",
                         explicit_year=True), "sentence", report
    # a figure inside a comparison clause ("up from 55.8% in 2020") is a baseline: only the
    # clause's own time dates it
    in_cmp = _clause(text, sent.start, sent.end, claim.start, _CMP)
    usable = []
    for t in here:
        if t.role not in ("event", "present"):
            continue
        # an expression inside an after/before clause dates only that clause
        if t.end <= claim.start and _in_subclause(text, sent.start, t.start) \
                and re.search(r"[,;:]", text[t.end:claim.start]) and not _CONTINUES.match(text, t.end):
            continue
        scope = _scoped(t, sent, text, anchor, a)
        if scope is not None and not scope[0] <= claim.start < scope[1]:
            continue
        if in_cmp is not None and not in_cmp[0] <= t.start < in_cmp[1]:
            continue
        if _DEAL_DATE.search(text, max(sent.start, t.start - 90), t.start) and not t.start <= claim.start:
            continue       # "as part of the agreement reached in Stockholm in December 2018": the deal's date
        usable.append(t)
    if usable:
        def dist(t):
            return (t.start - claim.end) if t.start >= claim.end else (claim.start - t.end)
        best = min(usable, key=lambda t: (dist(t), t.start > claim.start))
        if paras[sent.para].kind in ("boundary", "skip"):
            return best, "other_story", None
        return best, ("present" if best.role == "present" else "sentence"), report
    if in_cmp is not None:
        return None, None, None                  # a baseline figure of unknown time
    if paras[sent.para].kind in ("boundary", "skip"):
        return None, "other_story", None  # a "Related:" / "READ MORE:" teaser or a caption: another story
    if paras[sent.para].kind != "body":
        return None, None, None          # a headline or link line is dated by its own words only
    if report is not None:
        return report, "report", report
    if every:
        # the sentence states its own time frame ("since 2013", or the figure is itself a
        # duration "two months ago"): no date from elsewhere; a time that dates only a
        # comparison or a past clause does not count
        bound = next((t for t in here if t.role == "bound"), None)
        if bound is not None:
            return bound, "bound", None
        if own or any(_carries(t, sent, text, anchor, a) for t in here):
            return None, None, None
    tally = _tally(text, sent, claim)
    if tally is not None:
        return None, tally, None          # as of the report time
    if _background(text, sent, claim):
        return None, None, None           # how things are (population, capacity): only its own sentence dates it
    # preceding sentences of the same story
    j, n = si - 1, 0
    while j >= 0 and n < LOOKBACK:
        p = paras[sents[j].para]
        if p.story != story or p.kind == "heading":
            break
        if p.kind == "body":
            n += 1
            prev = [t for t in by_sent.get(j, ()) if not t.quoted and _carries(t, sents[j], text, anchor, a)
                    and not _DEAL_DATE.search(text, max(sents[j].start, t.start - 90), t.start)]
            # the happening's time before the time it was reported ("killed 25 on Sunday, a monitor said on Monday");
            # "now" in another sentence is that sentence's state, not a time it lends
            t = next((t for t in reversed(prev) if t.role == "event"), None) or \
                next((t for t in reversed(prev) if t.role == "report"), None)
            if t is not None:
                return (t, "report", t) if t.role == "report" else (t, "context", None)
        j -= 1
    # the story's headline or lede, for the section it opens (not across a sub-heading)
    lede = a["lede"].get(story)
    if lede is not None:
        li = a["lede_sent"][story]
        if li <= si and not any(paras[k].kind == "heading" for k in range(sents[li].para, sent.para + 1)) \
                and (lede.low is not None or anchor.day is None or not DEFAULT_TO_PUBLISHED):
            return lede, "lede", None
    # nothing dates it: the week up to the report, for the news top of a story only (its first
    # DEFAULT_SENTENCES sentences, no sub-heading between): further down, features tell history
    first = a["first_body"].get(story)
    if DEFAULT_TO_PUBLISHED and anchor.day is not None and first is not None and 0 <= si - first < DEFAULT_SENTENCES \
            and not any(paras[k].kind == "heading" for k in range(sents[first].para, sent.para + 1)) \
            and claim.category not in ("distance", "area", "duration"):
        return None, "published", None
    return None, None, None


def _carries(t: Timex, sent: "_Sent", text: str, anchor: _Anchor, a: dict) -> bool:
    """Whether a timex may date the sentences after it: not one in a comparison or past
    subordinate clause, not a past year or date more than a year before the report, not a
    date after the report (a plan)."""
    if t.low is not None and anchor.day is not None and t.low > anchor.day:
        return False          # a plan ("the strike called for 16 March") is not the narrative's time
    return not _historical(t, anchor) and _scoped(t, sent, text, anchor, a) is None


def _ledes(a: dict) -> None:
    """The lede of each story: the first event expression of its headline or first body
    sentence (not one inside an after/before clause)."""
    sents, paras, by_sent = a["sents"], a["paras"], a["by_sent"]
    first_body: dict = {}
    for si, s in enumerate(sents):
        p = paras[s.para]
        if p.kind == "body" and p.story not in first_body:
            first_body[p.story] = si
    lede = {}
    for st, si in first_body.items():
        cands = list(a["title"]) if st == min(first_body) else []
        for j in range(si - 1, -1, -1):            # the headline just before the lede
            if paras[sents[j].para].story != st:
                break
            if paras[sents[j].para].kind == "heading":
                cands += by_sent.get(j, [])
                break
        cands += [t for t in by_sent.get(si, []) if not _in_subclause(a["text"], sents[si].start, t.start)
                  and _carries(t, sents[si], a["text"], a["anchors"].get(st, (a["doc_anchor"], None))[0], a)]
        cands = [t for t in cands if t.role == "event" and not t.quoted]
        if cands:
            lede[st] = cands[0]
    a["lede"], a["first_body"] = lede, first_body
    a["lede_sent"] = first_body


def date_claims(article: Article, claims: list):
    """Date each claim of one article. Pure function of the article and its claims."""
    a = _analyse(article)
    paras, sents = a["paras"], a["sents"]
    by_sent: dict = {}
    for t, si in a["timexes"]:
        by_sent.setdefault(si, []).append(t)
    a["by_sent"] = by_sent
    a["by_sent_starts"] = {si: [t.start for t in ts] for si, ts in by_sent.items()}
    _ledes(a)

    headlines = [(_iso(t.low, t.high), t.precision, t.text, t.start) for t in a["title"]
                 if t.low is not None and t.role != "bound"]
    for t, si in a["timexes"]:
        if paras[sents[si].para].kind in ("heading", "link") and t.low is not None and t.role != "bound":
            headlines.append((_iso(t.low, t.high), t.precision, t.text, t.start))

    out = []
    for c in claims:
        si = bisect.bisect_right(a["sent_starts"], c.start) - 1
        t = source = report = None
        story = 0
        if si >= 0:
            t, source, report = _pick(c, si, a)
            story = paras[sents[si].para].story
        anchor = a["anchors"].get(story, (a["doc_anchor"], None))[0]
        report_day = anchor.day
        if report is not None:
            report_day = report.high if report.precision == "day" else None
        lo = hi = prec = None
        text_ = t.text if t is not None else None
        if t is not None and source != "bound":
            if t.role == "report":
                if t.low is not None:
                    lo, hi, prec = t.low - timedelta(days=REPORT_WINDOW), t.high, "week"
            elif source == "present" and report_day is not None and t.precision == "day":
                lo, hi, prec = report_day, report_day, "day"     # "now", as of the sentence's report
            else:
                lo, hi, prec = t.low, t.high, t.precision
        elif t is None and report_day is not None:
            if source == "present":             # a tally as of the report: the report's own day
                lo, hi, prec = report_day, report_day, "day"
            elif source in ("report", "published"):   # a running toll, or nothing near: the report's week
                lo, hi, prec = report_day - timedelta(days=REPORT_WINDOW), report_day, "week"
        iso = _iso(lo, hi)
        out.append(replace(c, date=iso, date_precision=prec if lo else None, date_text=text_,
                           report_date=report_day.isoformat() if report_day else None,
                           date_window=(lo.isoformat(), hi.isoformat()) if lo else (),
                           date_source=source))
    doc = Document(doc=article.doc, published=a["published"], published_from=a["published_from"],
                   title=article.title, outlet=article.outlet, url=article.url,
                   anchored=a["doc_anchor"].day is not None,
                   inferred_year=a["inferred_year"] if a["doc_anchor"].day is None else None,
                   dateline=a["dateline"],
                   headline_dates=tuple(headlines))
    return out, doc


def find_timexes(article: Article) -> list:
    """Every temporal expression of the article, resolved (for tests and reports)."""
    return [t for t, _ in _analyse(article)["timexes"]]
