"""Claims of all articles onto one timeline of events (owner: align).

Interface used by the pipeline:
    align(claims, documents, articles=None, duplicates=None, config=None)
        -> tuple[list[Claim], list[Event], networkx.Graph]

``articles`` (list of Article) gives each claim the sentences around it; without them only
the claims' own sentences are read. ``duplicates`` is what ``dedup.find_duplicates`` returns
(its ``claim_map``: a copied claim goes to its original's event). Returns:
- the claims with ``event`` set; ``copy_of`` set on a copied claim (the id of the same claim
  in the original text: one source, never corroboration); ``date`` set to the event's date
  when the claim had none, a coarser compatible one, or only its report date;
- the events: stable ids (date, trigger, phase and place: "ev-2017-03-18-leave-first-waer"),
  a label ("first group leaves al-Waer, Homs, 2017-03-18"), ``background=True`` for figures
  that are not a happening of the story's timeline (keep them out of comparisons unless two
  sources give the same kind of figure);
- one graph: nodes are claim ids (``kind="claim"``), event ids (``kind="event"``) and dated
  mentions (``kind="mention"``: a sentence with no figure that dates an event, "First Group
  ... to Leave ... on March 18"); every edge has a ``reason`` (a dict with ``rule`` and a
  readable ``text``); claim-claim edges: ``part``, ``total``, ``group``, ``duplicate``.
  ``why(graph, a, b)`` says why two claims share an event.

Steps:
1. Read each article into sentences and segments (stories of a page are cut at rule or
   bullet lines). Only the sentences around claims, the stories' headlines and sentences
   holding a stage and a date are read closely: triggers (what happened: leave, harm,
   deploy, protest...; families in data/align.toml), phases (first / last group, plan),
   places (capitalised names after in/from/of... or before district/city..., not after
   "to"; then any name known as a place), background cues, explicit dates.
2. Per claim: the trigger nearest its figure in its sentence (or by its category: killed,
   injured); phase in its sentence, else an ordinal phase in the two sentences before it;
   places in its sentence (with those before it and in its story's headline when it names
   none, or only names seen once in the corpus). Names are merged
   with rapidfuzz; "X district of Y" / "X neighborhood in Y" / "Y's X" teach that X lies
   in Y. A date the timeline read from the sentences around (its date_text is not in the
   claim's sentence) is near, not exact; a date equal to the report date only bounds.
3. Background: a figure with a background phrase in its sentence ("pre-war population
   of", "home to", "since 2013"), a distance or area nothing happens to, or one with a weak
   cue beside it (a year before the report's, "residents") that no stage or date of its
   own places on the timeline.
4. Claims with a trigger and a phase form events by signature (trigger, phase) when place
   and date are compatible; blocked by place and month, so cost stays near linear.
5. Dated mentions date the events they match.
6. Claims with a trigger but no phase join the one compatible staged event of their
   trigger (the nearest in date to their report), else form events by trigger, place, date.
7. A claim with no trigger joins the event of the claim before it in its story (else
   after; else its story's other such figures).
8. Parts, subsets, totals and lists follow their whole; copies follow their original.
9. Background figures form one event per place (the most reported place they lie in).
10. Event date: the best-supported day among member dates and mentions; ids from date,
   trigger, phase and place (a hash of the members only on a collision).
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from rapidfuzz import fuzz, process

from .calendar_words import MONTHS, WEEKDAYS
from .model import Event, replace

# ---------------------------------------------------------------------------- lexicon

_MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MD = re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?")
_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r"(?:,?\s+((?:19|20)\d\d)\b)?")
_WD = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])")
# a rate is how things usually are: "carries about 1.2 million passengers a year"
_RATE = re.compile(r"\b(?:a|per|each|every)\s+(?:year|month|week|day)\b(?!\s+(?:ago|earlier|later|before|after|"
                   r"on|of|since|into|and|or)\b)(?!-)|\bannually\b", re.I)
# a since-clause of its own ("since talks began in Qalen"): what it places is the story's past
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?!the\b)[a-z][\w'’-]*\s+[a-z][\w'’-]*(?:\s+[\w'’-]+){0,4}\s*$")
_SINCE_YEAR = re.compile(r"\bsince\s+(?:the\s+\w+\s+of\s+)?(?:19|20)\d\d\b", re.I)
_NAME = r"(?:[a-z]{1,3}-)?[A-Z][\w'’]*(?:-(?:[a-z]{1,3}-)?[A-Z][\w'’]*)*"
_NAME_RUN = re.compile(_NAME + r"(?:\s+" + _NAME + r")*")
_SPEAKER = re.compile(r"\s*,?\s*(?:said|says|told|added|stated|reported|announced)\b")
_NAME_RUN_END = re.compile(r"(" + _NAME + r"(?:\s+" + _NAME + r")*)$")
_SEPARATOR = re.compile(r"^\s*(?:[-*_=](?:[ \t]?[-*_=]){2,}|[•·▪]\s?.*)\s*$")     # "---", "* * *", "• ..."
# (the one-character lookbehind first: most positions fail it, before the six others are tried)
_SENT_END = re.compile(r"(?<=[.!?])(?<![ap]\.m\.)(?<!\bNo\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_PLACE_DEMONYM = re.compile(r"(?:ian|ean|ese|ish)$")
_IDENT_AFTER = re.compile(r"\s*(?:No\.?\s*|#\s*)?\d")
# a wire dateline opening the body: "TELUK SARI, July 21 (CP) -", "DRAVIK (Meridian) -"
_DATELINE = re.compile(r"^([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}),?\s+(?:[A-Z][a-z]+\.?,?\s+)?"
                       r"(?:\(|" + _MONTH_RE + r"\s+\d|\d{1,2}\s+" + _MONTH_RE + r")")
# the verb right after a figure's counted thing says it happened: "39 prisoners were flown home"
_PAST_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,3}?\s+(?:were|was|had|have\s+been|has\s+been|"
                         r"(?!need)[a-z]+ed|left|fled|took|went|came|fell|rose|died|ran|made|gave|got|"
                         r"stood|met|flew|held|lost|won|sank|struck|spent|drove|swam|broke|"
                         r"set|put|hit|cut|shut|brought|fought|caught|sought|began|saw|said)\b", re.I)
_PAST_BEFORE = re.compile(r"\b(?:(?!need)[a-z]+ed|rose|fell|hit|reached|stood|killing|leaving|injuring)\s+"
                          r"(?:(?:to|by|past|at|over|nearly|about|around|some|more\s+than|at\s+least)\s+)*$", re.I)
_MODAL = re.compile(r"\b(?:will|would|could|might|may|shall|should|expect\w*|plan\w*|due\s+to|likely|"
                    r"set\s+to|going\s+to|is\s+to|are\s+to|to\s+be|scheduled|intend\w*|aim\w*|hope\w*|"
                    r"forecast\w*|project\w*|fear\w*|could|promis\w*|pledg\w*)\b", re.I)


_DETERMINERS = {"", "the", "a", "an", "its", "their", "his", "her", "our", "this", "that"}


@dataclass(frozen=True)
class _Lexicon:
    triggers: re.Pattern     # one alternation, a named group per class
    trigger_class: dict      # group name -> class (or its family)
    family: dict             # trigger class -> family
    ordinal_re: re.Pattern   # ordinal + group word
    ordinal_class: dict      # ordinal word -> phase
    plan_re: re.Pattern
    bg_strong: re.Pattern
    bg_weak: re.Pattern
    bg_categories: frozenset
    prep_re: re.Pattern
    prep_words: frozenset
    noun_re: re.Pattern
    appos_re: re.Pattern
    destination: frozenset
    modifiers: frozenset
    org_words: frozenset
    stop: frozenset
    titles: frozenset
    report_window: int
    context_slack: int
    org_after: re.Pattern = None      # words after a place name that make it an owner ("the Qalen foreign ministry")


def _alternation(words, bare: bool = False):
    """A pattern for any of the words as whole words (longest first; a trailing * stands for any
    word ending); ``bare``: without the word boundary and lookahead in front (``_word_start``)."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        parts.append(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w))
    return ("" if bare else _word_start(words)) + r"(?:" + "|".join(parts) + r")\b"


def _word_start(words) -> str:
    """A word boundary, then a lookahead for the words' first characters: the same matches (no
    word can start elsewhere, and the class folds case as the words' own first letters do under
    re.I), found ~3x faster, as the engine no longer tries every word at every word start."""
    firsts = sorted({w[0] for w in words if w})
    return r"\b(?=[" + "".join(map(re.escape, firsts)) + "])" if firsts and all(words) else r"\b"


def _load_lexicon(config=None) -> _Lexicon:
    if config is None:
        from .config import load_config
        config = load_config()
    a = config.section("align")
    family = {t: fam for fam, members in a.get("families", {}).items() for t in members}
    classes = sorted(a["triggers"].items())
    # one \b and lookahead before the named group of each class (zero-width: the same spans)
    trig = re.compile(_word_start([w for _cls, words in classes for w in words]) + "(?:" + "|".join(
        f"(?P<t{n}>{_alternation(words, bare=True)})" for n, (_cls, words) in enumerate(classes)) + ")", re.I)
    trig_class = {f"t{n}": family.get(cls, cls) for n, (cls, _w) in enumerate(classes)}
    ph = a["phases"]
    ordinal_class = {w: cls for cls, words in ph["ordinals"].items() for w in words}
    ordinal_re = re.compile(_word_start(list(ordinal_class)) + r"(" + "|".join(map(re.escape, ordinal_class))
                            + r")\b(?:\s+[\w-]+){0,2}?\s+" + _alternation(ph["group_words"]), re.I)
    bg = a["background"]
    pl = a["places"]
    return _Lexicon(
        triggers=trig, trigger_class=trig_class, family=family, ordinal_re=ordinal_re, ordinal_class=ordinal_class,
        plan_re=re.compile(_alternation(ph["plan"]), re.I),
        bg_strong=re.compile(_alternation(bg["strong"]), re.I),
        bg_weak=re.compile(_alternation(bg["weak"]), re.I),
        bg_categories=frozenset(bg["categories"]),
        prep_re=re.compile(_word_start(pl["prepositions"]) + r"(" + "|".join(map(re.escape, pl["prepositions"]))
                           + r")\s+", re.I),
        prep_words=frozenset(pl["prepositions"]),
        noun_re=re.compile(r"\s+(?:" + "|".join(map(re.escape, pl["nouns"])) + r")\b", re.I),
        appos_re=re.compile(r"(" + _NAME + r"(?:\s+" + _NAME + r")*),\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:"
                            + "|".join(map(re.escape, pl["nouns"])) + r")\b"),
        destination=frozenset(pl["destination"]), modifiers=frozenset(pl["modifiers"]),
        org_words=frozenset(pl["organisation_words"]), stop=frozenset(pl["stop"]),
        org_after=re.compile(r"\s+(?:(?:foreign|interior|defen[cs]e|health|state|national|local|regional|city|"
                             r"provincial|federal)\s+)?(?:" + "|".join(map(re.escape, sorted(
                                 set(pl["organisation_words"]) | set(pl.get("people_of_place", ()))))) + r")\b"),
        titles=frozenset(pl["titles"]),
        report_window=int(a.get("dates", {}).get("report_window_days", 21)),
        context_slack=int(a.get("dates", {}).get("context_slack_days", 7)))


# ---------------------------------------------------------------------------- text

@dataclass
class _Sent:
    start: int
    end: int
    text: str
    seg: int
    feats: Optional[dict] = None
    link: bool = False                 # a "Related:" / "READ MORE:" line: another story
    bullet: bool = False               # an item of a list ("* ...", "- ...", "• ...")


# a link to another story ("Related: ...", "READ MORE: ...", "See also: ...") and a photo caption
_LINK_LINE = re.compile(r"^\W{0,3}(?:related(?:\s+(?:stories|story|articles?|coverage|news))?|read\s+more|read\s+also|"
                        r"also\s+read|more\s+on\s+this(?:\s+story)?|see\s+also|watch|listen|more|recommended|"
                        r"(?:photo|picture|image|caption)(?:\s+caption)?)\s*[:|>\u2013\u2014-]\s", re.I)


@dataclass
class _Doc:
    doc: str
    sents: list
    starts: list
    ref: Optional[dt.date] = None      # publication (or report) date
    ref_year: Optional[int] = None
    dateline: Optional[str] = None     # the city of a wire dateline ("TELUK SARI, July 21 (CP) -")
    borrowed: bool = False             # ref is the original's date: this copy is no earlier


_BULLET = re.compile(r"^\s*(?:[*\u2022\u25aa\u00b7-]|\d{1,2}[.)])\s+\S")


def _split(text: str, base: int = 0):
    """Sentences (start, end, text) and a segment number that grows at rule / bullet lines."""
    out, seg = [], 0
    for line in re.finditer(r"[^\n]*\n?", text):
        if not line.group():
            break
        if _SEPARATOR.match(line.group()):
            seg += 1
            continue
        if _LINK_LINE.match(line.group()):
            seg += 1
            t = line.group().strip()
            s = base + line.start() + len(line.group()) - len(line.group().lstrip())
            out.append(_Sent(s, s + len(t), t, seg, link=True))
            seg += 1
            continue
        ls = line.start()
        chunk = line.group()
        last = 0
        for m in list(_SENT_END.finditer(chunk)) + [None]:
            end = m.start() if m else len(chunk)
            piece = chunk[last:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                s = base + ls + last + lead
                out.append(_Sent(s, s + len(piece.strip()), piece.strip(), seg,
                                 bullet=last == 0 and bool(_BULLET.match(chunk))))
            if m:
                last = m.end()
    return out


def _parse_iso(s: Optional[str]):
    """A day-precision ISO date, else None."""
    iv = _interval(s)
    return iv[0] if iv and iv[0] == iv[1] else None


def _interval(s: Optional[str]):
    """ISO date / month / year -> (first day, last day) or None."""
    if not s:
        return None
    try:
        parts = [int(p) for p in str(s)[:10].split("-")]
        if len(parts) == 3:
            d = dt.date(*parts)
            return d, d
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None


# ---------------------------------------------------------------------------- features

def _is_title(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]{3,}", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _places(text: str, lex: _Lexicon, title: bool):
    """[(offset, name, container)]: names of places in a sentence, destinations left out.

    In a title-case line (a headline) only names after in/from/of/at count."""
    text = re.sub(r"\]\([^)]*\)", " ", text).replace("[", " ")
    found = {}
    for m in lex.prep_re.finditer(text):
        if title and m.group(1).lower() not in ("in", "from", "of", "at"):
            continue
        rest = text[m.end():]
        mods = 0
        while True:
            w = re.match(r"([a-z][\w-]*)\s+", rest)
            if w and w.group(1) in lex.modifiers and mods < 3:
                rest = rest[w.end():]
                mods += 1
                continue
            break
        run = _NAME_RUN.match(rest)
        if not run or _IDENT_AFTER.match(rest, run.end()):
            continue           # "Route 66", "Bill 214", "Gate 7", "Rp 50": an identifier or a unit
        if _owner_or_past(text, run, lex, offset=len(text) - len(rest), prep=m.start()):
            continue
        name = run.group()
        if _SPEAKER.match(rest[run.end():]) and len(name.split()) >= 3:
            name = " ".join(name.split()[:-2])        # "the governor of Homs Talal Barazi said"
        prep = m.group(1).lower()
        if prep not in ("from", "left", "leave", "leaving") and _is_destination(text[:m.start()], lex):
            continue
        off = m.end() + (len(text) - m.end() - len(rest))
        found.setdefault(off, name)
    for m in lex.appos_re.finditer(text):
        if _IDENT_AFTER.match(text, m.end(1)):
            continue
        found.setdefault(m.start(), m.group(1))
    for m in lex.noun_re.finditer(text):
        before = text[:m.start()]
        run = _NAME_RUN_END.search(before)
        if run and not _is_destination(before[:run.start()], lex):
            found.setdefault(run.start(), run.group(1))
    out = []
    for off, raw in sorted(found.items()):
        out.extend((off, name, cont) for name, cont in _clean_place(raw, lex))
    return out


def _owner_or_past(text: str, run, lex: _Lexicon, offset: int = 0, prep: Optional[int] = None) -> bool:
    """A name that says whose, not where ("the Qalen foreign ministry", "Homs officials"), or that
    sits in a since-clause of its own ("since talks began in Qalen"): not the happening's place.
    ``run`` matched ``text[offset:]`` (or ``text``); ``prep`` is where its preposition starts."""
    end = offset + run.end()
    start = offset + run.start() if prep is None else prep
    return bool(lex.org_after.match(text, end) or _SINCE_CLAUSE.search(text, 0, start))


def _is_destination(before: str, lex: _Lexicon) -> bool:
    """Does the phrase ending here hang off "to"/"towards"...? ("transported to the edge of")"""
    words = re.findall(r"[\w'-]+|[,;:]", before[-80:].lower())[-6:]
    stops = {",", ";", ":"} | {p for p in lex.prep_words if p != "of"}
    for n in range(len(words) - 1, -1, -1):
        w = words[n]
        if w in lex.destination:
            # "to the edge of", not "to understand the importance of"
            nxt = words[n + 1] if n + 1 < len(words) else ""
            return w not in ("to", "for") or nxt in _DETERMINERS or nxt in lex.modifiers
        if w in stops:
            return False
    return False


_CLEAN_CACHE: dict = {}


def _clean_place(raw: str, lex: _Lexicon):
    """A run of capitalised words -> [(place, container or None)] (cached: names recur)."""
    key = (id(lex), raw)
    if key not in _CLEAN_CACHE:
        if len(_CLEAN_CACHE) > 200_000:
            _CLEAN_CACHE.clear()
        _CLEAN_CACHE[key] = _clean_place_uncached(raw, lex)
    return _CLEAN_CACHE[key]


_POSS = re.compile(r"['’]s?$")
_LEAD = re.compile(r"^(?:mid|early|late)-")


def _clean_place_uncached(raw: str, lex: _Lexicon):
    raw = raw.strip().rstrip("'’")
    toks = raw.split()
    low = [t.lower().strip("'’") for t in toks]
    if any(_POSS.sub("", t) in lex.org_words for t in low) or not toks:
        return []
    if all(t.isupper() and len(t) > 1 for t in toks):      # agencies and acronyms: AFP, SANA
        return []
    if low[0] in lex.titles:                                 # President Assad: a person
        return []
    low = [_LEAD.sub("", t) for t in low]
    while toks and low[0] in lex.stop:
        toks, low = toks[1:], low[1:]
    while len(toks) > 1 and _PLACE_DEMONYM.search(low[0]):
        toks, low = toks[1:], low[1:]
    if not toks or (len(toks) == 1 and _PLACE_DEMONYM.search(low[0])) or low[-1] in lex.stop:
        return []
    poss = [i for i, t in enumerate(toks[:-1]) if _POSS.search(t)]
    if poss:
        i = poss[-1]
        outer = _POSS.sub("", " ".join(toks[:i + 1]))
        inner = " ".join(toks[i + 1:])
        if all(t.isupper() and len(t) > 1 for t in outer.split()):
            return _clean_place(inner, lex)      # "SARC's Homs branch": an agency's, not a place's
        return [(inner, outer), (outer, None)]
    name = _POSS.sub("", " ".join(toks))
    return [(name, None)] if len(name) > 1 else []


_ARTICLE = re.compile(r"^(?:the|al|el|ad|as|ash|ar|an|at|az|ez)[-\s]")
_NONWORD = re.compile(r"[^\w]")


@functools.lru_cache(maxsize=100_000)
def _place_key(name: str) -> str:
    """Spelling-free key of a place name: lower case, no article (al-, the), letters only."""
    return _NONWORD.sub("", _ARTICLE.sub("", name.lower()))


def _sent_feats(s: _Sent, lex: _Lexicon, ref_year):
    if s.feats is not None:
        return s.feats
    t = s.text
    trig = []
    for m in lex.triggers.finditer(t):
        if m.group().lower().startswith("march") and (t[m.start()] == "M" or t[max(0, m.start() - 4):m.start()].lower() == "mid-"):
            continue          # the month
        trig.append((m.start(), m.end(), lex.trigger_class[m.lastgroup]))
    ords = [(m.start(), m.end(), lex.ordinal_class[m.group(1).lower()]) for m in lex.ordinal_re.finditer(t)]
    plan = [(m.start(), m.end(), "plan") for m in lex.plan_re.finditer(t)]
    title = _is_title(t)
    s.feats = dict(
        trig=trig, ords=ords, plan=plan, places=_places(t, lex, title), title=title,
        bg_strong=bool(lex.bg_strong.search(t) or _SINCE_YEAR.search(t) or _RATE.search(t)),
        bg_weak=_bg_weak(t, lex, ref_year),
    )
    return s.feats


def _name_runs(s: _Sent, lex: _Lexicon) -> list:
    """(offset, name) of the capitalised names of a sentence with features that may be places
    (not a destination, no number after it, not an owner or in a since-clause); kept in its
    features. Which of them are places is known only from the whole corpus (``sent_places``
    in ``align``)."""
    if "names" not in s.feats:
        t = s.text
        s.feats["names"] = [(m.start(), name) for m in _NAME_RUN.finditer(t) for name, _c in _clean_place(m.group(), lex)
                            if not _is_destination(t[:m.start()], lex) and not _IDENT_AFTER.match(t, m.end())
                            and not _owner_or_past(t, m, lex)]
    return s.feats["names"]


def _clause_test(s: _Sent, kind: str, lo: int, hi: int, lex: _Lexicon) -> bool:
    """``_happened`` or ``_bg_clause`` of the figure at ``s.text[lo:hi]``, kept in the sentence's
    features (``prepare`` computes them in the workers for its claims)."""
    memo = s.feats.setdefault("clauses", {})
    key = (kind, lo, hi)
    if key not in memo:
        memo[key] = _happened(s.text, lo, hi) if kind == "happened" else _bg_clause(s.text, lo, hi, lex)
    return memo[key]


def _lede(sents, body_start: int) -> list:
    """The first four sentences of the body (or a "Title:" line) that are not links."""
    return [x for x in sents if not x.link and (x.start >= body_start or x.text.lower().startswith("title:"))][:4]


def _bg_weak(t: str, lex: _Lexicon, ref_year) -> bool:
    """Weak background words, or a year before the document's."""
    return bool(lex.bg_weak.search(t) or (ref_year and any(y < ref_year for y in map(int, _YEAR.findall(t)))))


def _clause(text: str, lo: int, hi: int):
    """The clause around text[lo:hi]: cut at ; : and at commas / "and" / "but" / "while" before a new verb."""
    cuts = [m.end() for m in re.finditer(r"[;:]|,\s|\s(?:but|while|whereas)\s|\s(?:and|as)\s(?=[a-z]+\s+(?:is|are|was|were|will|would|has|have|had)\b)", text[:lo])]
    start = cuts[-1] if cuts else 0
    m = re.compile(r"[;:]|,\s|\s(?:but|while|whereas|and)\s").search(text, hi)
    return text[start:lo], text[hi:m.start() if m else len(text)]


def _in_own_clause(text: str, lo: int, hi: int, spans) -> bool:
    """Whether one of ``spans`` (start, end, ...) lies in the clause around text[lo:hi]."""
    before, after = _clause(text, lo, hi)
    a, b = lo - len(before), hi + len(after)
    if _PARTICIPLE_LEAD.match(before) and a > 2:
        # "a second round, involving 50 prisoners, next week": a participle hangs on the clause before
        a -= len(_clause(text, a - 2, a - 2)[0]) + 2
        b = hi + len(after) + len(_clause(text, b + 2, b + 2)[1]) + 2 if b + 2 < len(text) else b
    return any(a <= st and en <= b for st, en, *_ in spans)


_PARTICIPLE_LEAD = re.compile(r"\s*[a-z]+ing\b", re.I)


def _bg_clause(text: str, lo: int, hi: int, lex) -> bool:
    """A background phrase in the figure's own clause ("home to 1.8 million people"), not in
    another clause of its sentence ("marched ..., the largest protest since 2019")."""
    before, after = _clause(text, lo, hi)
    clause = before + text[lo:hi] + after
    lead = re.match(r"\s*([^,]{0,40}),\s", text)          # "Since 2015, 14 ferry accidents have ..."
    if lead and lead.end() <= lo and len(lead.group(1).split()) <= 5:
        clause = lead.group(1) + " " + clause
    return bool(lex.bg_strong.search(clause) or _SINCE_YEAR.search(clause) or _RATE.search(clause))


def _happened(text: str, lo: int, hi: int) -> bool:
    """A past-tense verb governs the figure and nothing modal sits in its own clause: it
    happened, whatever future phrase is elsewhere in the sentence ("The 39 prisoners were
    flown home on Tuesday; a second exchange is expected next week")."""
    before, after = _clause(text, lo, hi)
    if _MODAL.search(before):
        return False
    if _PAST_BEFORE.search(before):       # "the toll has soared past 2,600", "killing at least 87"
        return True
    m = _PAST_AFTER.match(after)
    return bool(m) and not _MODAL.search(after[:m.end()])


def _mention_date(text: str, doc: _Doc):
    """An explicit date in a sentence: (date, precision) or (None, weekday) or None."""
    for rx, mi, di in ((_MD, 1, 2), (_DM, 2, 1)):
        m = rx.search(text)
        if m:
            month = MONTHS.get(m.group(mi).lower().rstrip("."))
            day = int(m.group(di))
            year = int(m.group(3)) if m.group(3) else None
            if year is None and doc.ref:
                year = doc.ref.year
                try:
                    if dt.date(year, month, day) > doc.ref:
                        year -= 1
                except ValueError:
                    return None
            year = year or doc.ref_year
            if year and month:
                try:
                    return dt.date(year, month, day), "day"
                except ValueError:
                    return None
    m = _WD.search(text)
    if m:
        wd = WEEKDAYS[m.group(1).lower()]
        if doc.ref and not doc.borrowed:
            back = (doc.ref.weekday() - wd) % 7
            return doc.ref - dt.timedelta(days=back), "day"
        return None, wd
    return None


# ---------------------------------------------------------------------------- places

class _Places:
    """Place names merged across spellings, and what lies in what."""

    def __init__(self):
        self.raw = defaultdict(Counter)       # key -> spellings as written, counted
        self.inside = defaultdict(set)        # key -> container keys
        self.canon = {}

    def add(self, name, container=None):
        k = _place_key(name)
        if len(k) < 2:
            return
        self.raw[k][name] += 1
        if container:
            ck = _place_key(container)
            if len(ck) >= 2 and ck != k:
                self.inside[k].add(ck)

    def merge(self):
        """Spellings of one name (al-Waer / al-Wyer / al-Wayer): rapidfuzz ratio >= 75 between
        keys of 4+ letters with the same first letter and comparable length (a ratio of 75
        needs the longer at most 5/3 of the shorter). The most reported spelling names the group."""
        keys = sorted(set(self.raw) | {c for cs in self.inside.values() for c in cs},
                      key=lambda k: (-self.count(k), k))
        rank = {k: n for n, k in enumerate(keys)}
        parent = {k: k for k in keys}

        def find(k):
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        blocks = defaultdict(list)
        for k in keys:
            if len(k) >= 4:
                blocks[k[0]].append(k)
        for block in blocks.values():
            block.sort(key=lambda k: (len(k), k))
            lengths = [len(k) for k in block]
            for i, k in enumerate(block):
                hi = bisect.bisect_right(lengths, len(k) * 5 // 3)
                for _, _score, j in process.extract(k, block[i + 1:hi], scorer=fuzz.ratio, score_cutoff=75, limit=None):
                    a, b = find(k), find(block[i + 1 + j])
                    if a != b:
                        first, second = sorted((a, b), key=rank.get)
                        parent[second] = first
        self.canon = {k: find(k) for k in keys}
        inside = defaultdict(set)
        for k, conts in self.inside.items():
            for c in conts:
                if self.canon[c] != self.canon[k]:
                    inside[self.canon[k]].add(self.canon[c])
        self.inside = inside
        for k in list(self.raw):
            if self.canon[k] != k:
                self.raw[self.canon[k]].update(self.raw.pop(k))

    def key(self, name):
        k = _place_key(name)
        return self.canon.get(k, k) if len(k) >= 2 else None

    def known(self, k) -> bool:
        return k in self.raw

    def count(self, k):
        c = self.raw.get(k)
        return sum(c.values()) if c else 0

    def closure(self, keys):
        out, todo = set(), list(keys)
        while todo:
            k = todo.pop()
            if k not in out:
                out.add(k)
                todo.extend(self.inside.get(k, ()))
        return frozenset(out)

    def spelling(self, k):
        c = self.raw.get(k)
        return c.most_common(1)[0][0] if c else k

    def display(self, k):
        conts = sorted(self.inside.get(k, ()))
        return f"{self.spelling(k)}, {self.spelling(conts[0])}" if conts else self.spelling(k)


_CONTAINS = re.compile(r"(" + _NAME + r"(?:\s+" + _NAME + r")*)\s+(?:district|neighbo(?:u)?rhood|suburb|quarter|area|camp)\s+"
                       r"(?:of|in)\s+(?:the\s+)?(?:(?:[a-z]+)\s+){0,2}(" + _NAME + r")")


# ---------------------------------------------------------------------------- claims

@dataclass
class _CF:
    """What align knows about one claim."""

    i: int
    trigger: Optional[str] = None
    phase: Optional[str] = None
    phase_from: str = ""
    leaves: frozenset = frozenset()
    closure: frozenset = frozenset()
    lo: Optional[dt.date] = None
    hi: Optional[dt.date] = None
    precise: bool = False             # a day-precision date of its own (not the report date)
    soft: bool = False                # a day the timeline read from the sentences around it
    weekday: Optional[int] = None
    own_date: Optional[str] = None    # a date align read from date_text (the claim had none)
    main: Optional[str] = None        # the place named nearest the figure
    background: bool = False
    bg_why: str = ""
    seg: int = 0
    link: bool = False                # read in a "Related:" line: another story
    happened: bool = False            # a past-tense verb governs the figure in its own clause


@dataclass
class _Cluster:
    n: int
    trigger: Optional[str]
    phase: Optional[str]
    members: list = field(default_factory=list)
    leaves: set = field(default_factory=set)
    closure: set = field(default_factory=set)
    lo: Optional[dt.date] = None
    hi: Optional[dt.date] = None
    weekdays: set = field(default_factory=set)
    evidence: list = field(default_factory=list)   # (date, weight, source)
    docs: set = field(default_factory=set)
    background: bool = False
    place: Optional[str] = None
    link: bool = False
    story: bool = False               # the main event of a story: dated to the happening
    story_first: Optional[dt.date] = None   # the story's earliest report


def _places_ok(leaves_a, clos_a, leaves_b, clos_b) -> bool:
    if not leaves_a or not leaves_b:
        return True
    return any(l in clos_b for l in leaves_a) or any(l in clos_a for l in leaves_b)


def _dates_ok(lo, hi, wd, k: _Cluster) -> bool:
    a_lo, a_hi = max(filter(None, (lo, k.lo)), default=None), min(filter(None, (hi, k.hi)), default=None)
    if a_lo and a_hi and a_lo > a_hi:
        return False
    if a_lo and a_hi and a_lo == a_hi:
        wds = set(k.weekdays) | ({wd} if wd is not None else set())
        if any(w != a_lo.weekday() for w in wds):
            return False
    return True


def _fits(f: _CF, k: _Cluster) -> bool:
    return _places_ok(f.leaves, f.closure, k.leaves, k.closure) and _dates_ok(f.lo, f.hi, f.weekday, k)


def _join(k: _Cluster, f: _CF, doc: str):
    k.members.append(f.i)
    if not k.leaves:                 # the places of its first placed member: no drift
        k.leaves, k.closure = set(f.leaves), set(f.closure)
    if f.lo:
        k.lo = max(k.lo, f.lo) if k.lo else f.lo
    if f.hi:
        k.hi = min(k.hi, f.hi) if k.hi else f.hi
    if f.weekday is not None:
        k.weekdays.add(f.weekday)
    k.docs.add(doc)


def _months(lo, hi):
    if not lo or not hi or (hi - lo).days > 62:
        return [None]
    out, d = [], dt.date(lo.year, lo.month, 1)
    while d <= hi:
        out.append((d.year, d.month))
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


class _Index:
    """Clusters by (signature, place, month) so a claim only meets the clusters it could join."""

    def __init__(self):
        self.by = defaultdict(list)
        self.by_doc = {}
        self.kinds = defaultdict(dict)       # (sig, place) -> {cluster n: cluster}
        self.seen = set()

    def add(self, sig, k: _Cluster, doc):
        for p in (k.closure or {None}):
            for mo in _months(k.lo, k.hi):
                if (sig, p, mo, k.n) not in self.seen:
                    self.seen.add((sig, p, mo, k.n))
                    self.by[sig, p, mo].append(k)
            if len(self.kinds[sig, p]) < 2:
                self.kinds[sig, p][k.n] = k
        self.by_doc.setdefault((sig, doc), k)

    def candidates(self, sig, f: _CF, doc):
        seen, out = set(), []
        places = f.closure or {None}
        mos = _months(f.lo, f.hi)
        if mos != [None]:
            mos = mos + [None]
        for p in places:
            for mo in mos if f.lo else [None]:
                for k in self.by.get((sig, p, mo), ()):
                    if k.n not in seen:
                        seen.add(k.n)
                        out.append(k)
        if not f.lo:
            # an undated claim: its own document's cluster, or the only one of its kind
            k = self.by_doc.get((sig, doc))
            if k and k.n not in seen:
                out.append(k)
                seen.add(k.n)
            for p in places:
                kinds = self.kinds.get((sig, p), {})
                if len(kinds) == 1:
                    (k,) = kinds.values()
                    if k.n not in seen:
                        out.append(k)
                        seen.add(k.n)
        return out


# ---------------------------------------------------------------------------- align

# ---------------------------------------------------------------------------- per article

def _ref(published, report_dates, years):
    """(reference date, its year) of a document: its publication date, else the latest day it
    reports on, else no date and the latest year it names."""
    ref = _parse_iso(published) or max(filter(None, (_parse_iso(r) for r in report_dates)), default=None)
    return ref, ref.year if ref else (max(years) if years else None)


def _sent_index(starts, start: int) -> int:
    return max(0, bisect.bisect_right(starts, start) - 1)


def _needed(sents, sent_indices, dated_stage) -> set:
    """The sentences read closely: those around claims (``sent_indices``), the stories'
    headlines, and the sentences that may date a stage ("the first group ... on March 18")."""
    needed = set()
    for si in sent_indices:
        needed.update(range(max(0, si - 2), min(len(sents), si + 2)))
        seg = sents[si].seg
        needed.add(next(j for j in range(si + 1) if sents[j].seg == seg))
    needed.update(dated_stage)
    return needed


def _dated_stage(sents, lex: _Lexicon) -> list:
    """The sentences with a stage (ordinal group, plan) and a date (cheaper tests first)."""
    return [j for j, s in enumerate(sents)
            if (_MD.search(s.text) or _WD.search(s.text) or _DM.search(s.text))
            and (lex.ordinal_re.search(s.text) or lex.plan_re.search(s.text))]


class Prepared(NamedTuple):
    """``prepare``'s value: what ``align`` reads of one article that needs no other article
    (a tuple of plain values: cheap to pickle from a worker)."""

    claim_starts: tuple     # the offsets of the claims it was computed for
    ref_year: Optional[int]  # the reference year its features' bg_weak assumes
    sentences: list         # (start, end, segment, link, bullet) of ``_split``
    years: list             # the years the text names
    dated: list             # the stage-dating sentences (``_dated_stage``)
    feats: dict             # sentence index -> ``_sent_feats`` (with ``_name_runs``, clause tests)
                            # of the sentences read closely and of the lede


def prepare(article, claims: list, document, config=None) -> Prepared:
    """The per-article part of ``align`` for ``article`` and its ``claims`` and ``Document``
    (the outputs of extraction): pure, so a worker process computes it beside extraction
    and ``align(..., prepared={doc: value})`` uses it in place of its own identical work."""
    lex = _lexicon_for(config)
    text = article.text
    sents = _split(text)
    years = [int(y) for y in _YEAR.findall(text)]
    _ref_date, ref_year = _ref(document.published if document is not None else None,
                               [c.report_date for c in claims], years)
    starts = [x.start for x in sents]
    dated = _dated_stage(sents, lex)
    needed = _needed(sents, [_sent_index(starts, c.start) for c in claims], dated)
    index = {id(x): j for j, x in enumerate(sents)}
    needed.update(index[id(x)] for x in _lede(sents, article.body_start))   # _merge_stories reads them
    feats = {}
    for j in sorted(needed):
        feats[j] = _sent_feats(sents[j], lex, ref_year)
        _name_runs(sents[j], lex)
    for c in claims:        # what align asks of each claim's own clause, under its conditions
        x = sents[_sent_index(starts, c.start)]
        if not x.feats["ords"]:
            _clause_test(x, "happened", c.start - x.start, c.end - x.start, lex)
        if x.feats["bg_strong"]:
            _clause_test(x, "background", c.start - x.start, c.end - x.start, lex)
    return Prepared(tuple(c.start for c in claims), ref_year, [(x.start, x.end, x.seg, x.link, x.bullet) for x in sents],
                    years, dated, feats)


def _from_prepared(p: Prepared, text: str, claim_starts: tuple):
    """(sentences with their features set, years, stage-dating sentences, reference year the
    features' ``bg_weak`` assumes) from ``prepare``'s value, or None when it was made for
    other claims."""
    if p.claim_starts != claim_starts:
        return None
    sents = [_Sent(a, b, text[a:b], seg, link=link, bullet=bullet) for a, b, seg, link, bullet in p.sentences]
    for j, f in p.feats.items():
        sents[j].feats = f
    return sents, p.years, p.dated, p.ref_year


_LEXICON_BY_DIGEST: dict = {}


def _lexicon_for(config) -> _Lexicon:
    """``_load_lexicon`` once per config (``prepare`` runs per article)."""
    key = getattr(config, "digest", None)
    lex = _LEXICON_BY_DIGEST.get(key)
    if lex is None:
        lex = _LEXICON_BY_DIGEST[key] = _load_lexicon(config)
    return lex


def align(claims: list, documents: list, articles: Optional[list] = None, duplicates=None, config=None,
          prepared: Optional[dict] = None):
    """Claims of all articles -> (claims, events, graph). ``prepared`` maps a document to
    ``prepare``'s value for it (computed in the extraction workers): the same work, done."""
    lex = _load_lexicon(config)
    claims = list(claims)
    docs_meta = {d.doc: d for d in documents or ()}
    by_doc = defaultdict(list)
    for i, c in enumerate(claims):
        by_doc[c.doc].append(i)

    # 1. texts
    texts = {a.doc: a for a in articles or ()}
    docs = {}
    dated_stage = {}
    assumed = {}        # doc -> the reference year its prepared features were computed with
    for doc, idx in by_doc.items():
        dated = None
        if doc in texts:
            a = texts[doc]
            p = (prepared or {}).get(doc)
            p = _from_prepared(p, a.text, tuple(claims[i].start for i in idx)) if p is not None else None
            if p is not None:
                sents, years, dated, assumed[doc] = p
            else:
                sents = _split(a.text)
                years = [int(y) for y in _YEAR.findall(a.text)]
        else:
            seen = {}
            for i in idx:
                seen.setdefault(claims[i].sent_start, claims[i].sentence)
            sents = [_Sent(s, s + len(t), t, 0) for s, t in sorted(seen.items())]
            years = [int(y) for t in seen.values() for y in _YEAR.findall(t)]
        meta = docs_meta.get(doc)
        ref, ref_year = _ref(meta.published if meta else None, [claims[i].report_date for i in idx], years)
        docs[doc] = _Doc(doc, sents, [s.start for s in sents], ref, ref_year)
        dated_stage[doc] = dated if dated is not None else _dated_stage(sents, lex)
    for doc, orig in (duplicates or {}).items():
        if doc in docs and docs[doc].ref is None and orig in docs and docs[orig].ref:
            docs[doc].ref, docs[doc].ref_year, docs[doc].borrowed = docs[orig].ref, docs[orig].ref.year, True
    for doc, year in assumed.items():
        d = docs[doc]
        if d.ref_year != year:      # a copy dated by its original: one feature reads the year
            for s in d.sents:
                if s.feats is not None:
                    s.feats["bg_weak"] = _bg_weak(s.text, lex, d.ref_year)

    sent_of = {}
    for i, c in enumerate(claims):
        sent_of[i] = _sent_index(docs[c.doc].starts, c.start)
    sent_indices = defaultdict(list)
    for i, si in sent_of.items():
        sent_indices[claims[i].doc].append(si)
    needed = {doc: _needed(d.sents, sent_indices[doc], dated_stage[doc]) for doc, d in docs.items()}

    # 2. places across the corpus
    places = _Places()
    for d in docs.values():
        for j in sorted(needed[d.doc]):
            s = d.sents[j]
            sf = _sent_feats(s, lex, d.ref_year)
            for _, name, cont in [] if sf["title"] else sf["places"]:
                places.add(name, cont)
            for m in _CONTAINS.finditer(s.text):
                for name, _ in _clean_place(m.group(1), lex):
                    for cont, _ in _clean_place(m.group(2), lex):
                        places.add(name, cont)
    for d in docs.values():
        for s_ in d.sents[:6]:
            m = _DATELINE.match(s_.text)
            if m and not s_.link:
                name = " ".join(w.capitalize() for w in m.group(1).split())
                for nm, _c in _clean_place(name, lex):
                    d.dateline = nm
                    places.add(nm)
                    places.add(nm)
                break
    places.merge()

    def sent_places(s):
        """(offset, key) of the places a sentence names: after in/from/of... (not in a headline,
        which capitalises every word), and any name known as a place from elsewhere."""
        if "keys" not in s.feats:
            names = [] if s.feats["title"] else [(off, name) for off, name, _c in s.feats["places"]]
            names += [(off, name) for off, name in _name_runs(s, lex) if places.known(places.key(name))]
            s.feats["keys"] = [(off, places.key(name)) for off, name in names if places.key(name)]
        return s.feats["keys"]

    def place_keys(sent_list, near=None):
        ks = []
        for s in sent_list:
            found = sent_places(s)
            if near is not None:
                found = sorted(found, key=lambda p: abs(p[0] - near))
            for _, k in found:
                if k not in ks:
                    ks.append(k)
        return ks

    # per-claim features
    feats = []
    for i, c in enumerate(claims):
        d = docs[c.doc]
        si = sent_of[i]
        s = d.sents[si]
        same_seg = [j for j in range(max(0, si - 2), min(len(d.sents), si + 2)) if d.sents[j].seg == s.seg]
        before = [d.sents[j] for j in same_seg if j < si]
        if s.bullet:
            # a list item is scoped by the sentence that opens the list, not by the items above it
            intro = next((j for j in range(si - 1, -1, -1) if d.sents[j].seg == s.seg and not d.sents[j].bullet), None)
            before = [d.sents[intro]] if intro is not None and si - intro <= 8 else []
        beside = [d.sents[j] for j in same_seg if abs(j - si) == 1]
        f = _CF(i=i, seg=s.seg, link=s.link)
        sf = s.feats
        lo_c, hi_c = c.start - s.start, c.end - s.start
        near = [(min(abs(a - hi_c), abs(b - lo_c)), cls) for a, b, cls in sf["trig"]
                if min(abs(a - hi_c), abs(b - lo_c)) <= 60]
        if c.category in ("killed", "injured"):
            f.trigger = "kill" if c.category == "killed" else "injure"
            f.trigger = lex.family.get(f.trigger, f.trigger)
        elif near:
            f.trigger = min(near)[1]
        forecast = c.modality in ("plan", "forecast")
        own_ord = _in_own_clause(s.text, lo_c, hi_c, sf["ords"])
        later_only = sf["ords"] and not own_ord and all(st >= hi_c for st, _e, _p in sf["ords"])
        prev_ord = next((x.feats["ords"][0][2] for x in reversed(before) if x.feats["ords"]), None) \
            if later_only else None
        if later_only and prev_ord and not forecast:
            # "The second batch followed on Monday. ... more than 2,000 people left with it, and up to
            # 3,000 more have registered to leave with the final group": the stage of the sentence before
            f.phase, f.phase_from = prev_ord, "sentence before"
        elif sf["ords"] and not (forecast and not own_ord):
            f.phase, f.phase_from = sf["ords"][0][2], "sentence"
        elif forecast and sf["ords"]:
            # "the agreement provides for the exit of some 8,000 people ..., and the remaining batches
            # will leave": the deal's total, not the stage another clause names
            f.phase, f.phase_from = "plan", "sentence"
        else:
            f.happened = _clause_test(s, "happened", lo_c, hi_c, lex)
            # a plan word only in another clause ("34 killed, and the toll may rise", "since the
            # ceasefire") leaves a count a count
            plan_here = sf["plan"] and (forecast or _in_own_clause(s.text, lo_c, hi_c, sf["plan"]))
            if (plan_here or forecast) and not f.happened:
                f.phase, f.phase_from = "plan", "sentence"
        # places: its sentence's (nearest first), then the sentences before it and the story's
        # headline (the most reported first)
        own_places = place_keys([s], near=lo_c)
        head = [d.sents[j] for j in range(si) if d.sents[j].seg == s.seg][:1]
        ctx_places = sorted(place_keys(before + [h for h in head if h not in before]), key=lambda k: -places.count(k))
        # a place named once in the whole corpus ("near the Puerta del Sol") does not stand
        # alone: the places before it scope it; a reported one does
        if any(places.count(k) >= 2 for k in own_places):
            leaves = own_places
        else:
            leaves = own_places + [k for k in ctx_places if k not in own_places]
        f.leaves = frozenset(leaves)
        f.main = leaves[0] if leaves else None
        f.closure = places.closure(leaves)
        # dates
        iv = _interval(c.date)
        if iv is None and c.date_text and (_MD.search(c.date_text) or _DM.search(c.date_text)):
            md = _mention_date(c.date_text, d)      # a month and day the timeline had no year for
            if md and md[0]:
                iv, f.own_date = (md[0], md[0]), md[0].isoformat()
        rep = _parse_iso(c.report_date) or (None if d.borrowed else d.ref)
        soft = bool(c.date and c.date_text and c.date_text.lower() not in c.sentence.lower())
        if iv and soft and iv[0] == iv[1]:
            # a day read from the sentences around, not its own: near, not exact
            f.lo, f.hi = iv[0] - dt.timedelta(days=lex.context_slack), iv[1] + dt.timedelta(days=lex.context_slack)
            f.soft = True
        elif iv and not (c.report_date and c.date == c.report_date):
            f.lo, f.hi = iv
            f.precise = iv[0] == iv[1]
        elif rep and c.modality == "count":
            f.lo, f.hi = rep - dt.timedelta(days=lex.report_window), rep
        if c.date is None and c.date_text:
            m = _WD.search(c.date_text)
            if m:
                f.weekday = WEEKDAYS[m.group(1).lower()]
        # 3. background
        if sf["bg_strong"] and _clause_test(s, "background", lo_c, hi_c, lex):
            f.background, f.bg_why = True, "background words in its sentence"
        elif c.category in lex.bg_categories and f.trigger is None and sf["trig"]:
            f.trigger = min((abs(a - lo_c), cls) for a, _b, cls in sf["trig"])[1]   # "the quake hit ... at a depth of 10 km"
        elif c.category in lex.bg_categories and f.trigger is None and not sf["trig"] and \
                not (f.precise and c.date_source == "sentence"):
            # a length with no day of its own ("a 40 km road"); one its own sentence dates is a
            # measurement of the happening ("the river peaked at 7.82 metres late on Tuesday")
            f.background, f.bg_why = True, f"a {c.category} with nothing happening to it"
        elif f.phase is None and not f.precise and any(x.feats["bg_weak"] for x in before[-1:] + [s]) \
                and f.trigger in (None, "leave") and not f.happened:
            # ("6,500 residents were moved out" happened: no background, though it names residents)
            f.background, f.bg_why = True, "earlier years or residents around it, and no stage or date of its own"
        if f.phase is None and not f.background and c.modality in ("plan", "forecast"):
            f.phase, f.phase_from = "plan", "sentence"    # "some 10,000 were expected to leave in total"
        if f.phase is None and not f.background:
            for x in reversed(before):
                if x.feats["ords"]:
                    f.phase, f.phase_from = x.feats["ords"][0][2], "sentence before"
                    break
        if f.phase and f.trigger is None and f.phase_from == "sentence":
            ctx = [(abs(a - lo_c), cls) for a, b, cls in sf["trig"]]
            for x in reversed(before):
                ctx += [(10_000, cls) for _a, _b, cls in x.feats["trig"]]
            if ctx:
                f.trigger = min(ctx)[1]
        feats.append(f)

    # groups share what their members found
    groups = defaultdict(list)
    for i, c in enumerate(claims):
        if c.group:
            groups[c.doc, c.group].append(i)
    for members in groups.values():
        trig = next((feats[i].trigger for i in members if feats[i].trigger), None)
        phase = next(((feats[i].phase, feats[i].phase_from) for i in members if feats[i].phase), None)
        for i in members:
            if not feats[i].background:
                feats[i].trigger = feats[i].trigger or trig
                if phase and not feats[i].phase:
                    feats[i].phase, feats[i].phase_from = phase

    dup_map = duplicates.claim_map(claims) if duplicates is not None and hasattr(duplicates, "claim_map") else {}
    id_index = {c.id: i for i, c in enumerate(claims)}
    copies = {id_index[a]: id_index[b] for a, b in dup_map.items() if a in id_index and b in id_index}

    clusters: list = []
    assign = {}          # claim index -> cluster
    reason = {}          # claim index -> reason dict

    def new_cluster(trigger, phase, background=False):
        k = _Cluster(n=len(clusters), trigger=trigger, phase=phase, background=background)
        clusters.append(k)
        return k

    def desc(f, rule, k):
        bits = []
        if k.closure and f.leaves:
            shared = sorted(set(f.closure) & set(k.closure)) or sorted(f.leaves)
            bits.append("same place " + "/".join(places.display(p).split(",")[0] for p in shared[:2]))
        if k.phase:
            bits.append(f"same phase {k.phase}" + (f" (from the {f.phase_from})" if f.phase_from == "sentence before" else ""))
        if k.trigger:
            bits.append(f"trigger {k.trigger}")
        if f.lo and k.lo:
            bits.append("compatible dates")
        return {"rule": rule, "text": " + ".join(bits) or rule}

    todo = [f for f in feats if f.i not in copies and not claims[f.i].part_of and not claims[f.i].derived]

    def by_signature(f, sig, index, rule):
        """Join the fitting cluster of this signature (own document first, then the largest) or start one."""
        doc = claims[f.i].doc
        cands = sorted((k for k in index.candidates(sig, f, doc) if _fits(f, k)),
                       key=lambda k: (doc not in k.docs, -len(k.members), k.n))
        if cands:
            k = cands[0]
            reason[f.i] = desc(f, rule, k)
        else:
            k = new_cluster(*sig)
            reason[f.i] = {"rule": rule, "text": " + ".join(
                [f"first claim of trigger {sig[0]}"] + ([f"phase {sig[1]}"] if sig[1] else []))}
        _join(k, f, doc)
        assign[f.i] = k
        index.add(sig, k, doc)

    def by_date(fs):
        return sorted(fs, key=lambda f: (0 if f.precise else 1 if f.lo else 2, f.lo or dt.date.max,
                                         claims[f.i].doc, claims[f.i].start))

    # links to other stories ("Related: ...") are events of their own, never this story's
    link_clusters = {}
    for f in todo:
        if f.link and f.i not in assign:
            key = (claims[f.i].doc, f.seg)
            k = link_clusters.get(key)
            if k is None:
                k = link_clusters[key] = new_cluster(f.trigger, None)
                k.link = True
            _join(k, f, claims[f.i].doc)
            assign[f.i] = k
            reason[f.i] = {"rule": "link", "text": "a line linking another story"}

    # 4. strong: trigger and phase
    idx = _Index()
    strong = by_date(f for f in todo if not f.background and f.trigger and f.phase)
    triggers, phases = {f.trigger for f in strong}, {f.phase for f in strong}
    for f in strong:
        by_signature(f, (f.trigger, f.phase), idx, "signature")

    # 5. dated mentions (sentences with a stage and an explicit date) date the events
    mentions = []
    for d in sorted(docs.values(), key=lambda d: d.doc):
        for si in dated_stage[d.doc]:
            s = d.sents[si]
            sf = s.feats
            phase = sf["ords"][0][2] if sf["ords"] else ("plan" if sf["plan"] else None)
            if not phase:
                continue
            md = _mention_date(s.text, d)
            if not md:
                continue
            leaves = place_keys([s])
            mf = _CF(i=-1, phase=phase, leaves=frozenset(leaves), closure=places.closure(leaves))
            if md[0]:
                mf.lo = mf.hi = md[0]
            else:
                mf.weekday = md[1]
            trig = sf["trig"][0][2] if sf["trig"] else None
            cands = [k for t in ([trig] if trig else sorted(triggers)) for k in idx.candidates((t, phase), mf, d.doc)
                     if k.closure and mf.leaves and _fits(mf, k)]
            cands = list({k.n: k for k in cands}.values())
            if len(cands) > 1:
                cands = [k for k in cands if d.doc in k.docs] or cands
            if len(cands) != 1:
                continue
            k = cands[0]
            node = f"mention:{d.doc}:{s.start}"
            mentions.append((node, k, s.text, md, d.doc))
            if md[0]:
                k.lo = k.lo and max(k.lo, md[0]) or md[0]
                k.hi = k.hi and min(k.hi, md[0]) or md[0]
                k.evidence.append((md[0], 1, node))
            else:
                k.weekdays.add(md[1])

    # 6. trigger without phase
    weak_idx = _Index()
    weak = by_date(f for f in todo if not f.background and f.trigger and not f.phase and f.i not in assign)
    for f in weak:
        doc = claims[f.i].doc
        plan = claims[f.i].modality in ("plan", "forecast") and not f.happened
        cands = [k for ph in sorted(phases) if (ph == "plan") == plan for k in idx.candidates((f.trigger, ph), f, doc)
                 if _fits(f, k) and (k.lo or not f.lo or doc in k.docs)]   # a dated figure needs a dated stage
        cands = list({k.n: k for k in cands}.values())
        if len(cands) > 1:
            same = [k for k in cands if doc in k.docs]
            if same:
                cands = same
            elif f.hi and all(k.lo for k in cands):
                cands.sort(key=lambda k: (abs((f.hi - k.hi).days), k.n))
                cands = cands[:1]
        if len(cands) == 1:
            reason[f.i] = desc(f, "same happening, stage from the other reports", cands[0])
            _join(cands[0], f, doc)
            assign[f.i] = cands[0]
        else:
            by_signature(f, (f.trigger, None), weak_idx, "same trigger, place and dates")

    # 7. no trigger: the claim before it in its story (else after), else the story's figures
    story = {}
    for doc, members in sorted(by_doc.items()):
        order = sorted(members, key=lambda i: claims[i].start)
        for pos, i in enumerate(order):
            f = feats[i]
            if i in assign or f.background or i in copies or claims[i].part_of or claims[i].derived:
                continue
            near = None
            for j in reversed(order[:pos]):
                if feats[j].seg == f.seg and j in assign and not assign[j].background:
                    near = j
                    break
            if near is None:
                for j in order[pos + 1:]:
                    if feats[j].seg == f.seg and j in assign and not assign[j].background:
                        near = j
                        break
                    if feats[j].seg == f.seg and not feats[j].background and feats[j].trigger:
                        break
            ref = docs[claims[i].doc].ref
            if near is not None and claims[i].date_source == "sentence" and f.hi and ref \
                    and f.hi < ref - dt.timedelta(days=_STORY_DAYS_BEFORE + lex.report_window):
                near = None       # its own sentence dates it elsewhere ("2.5 million passengers last year")
            if near is not None:
                k = assign[near]
                reason[i] = {"rule": "story", "text": f"no trigger of its own; the story's figure {claims[near].text!r} nearby"}
            else:
                if (doc, f.seg) not in story:
                    story[doc, f.seg] = new_cluster(None, f.phase)
                k = story[doc, f.seg]
                reason[i] = {"rule": "story", "text": "no trigger or stage: the figures of its story"}
            _join(k, f, doc)
            assign[i] = k

    # 9. background: one event per place (the most reported one it lies in), else per document
    bg_by = {}
    for f in todo:
        if f.i in assign or not f.background:
            continue
        c = claims[f.i]
        # the most reported place it lies in: the story's place, not each figure's own
        wider = sorted(f.closure, key=lambda k: (-places.count(k), k))
        key = wider[0] if wider else "doc:" + c.doc
        k = bg_by.get(key)
        if k is None:
            k = bg_by[key] = new_cluster(None, None, background=True)
            k.place = None if key.startswith("doc:") else key
        _join(k, f, c.doc)
        assign[f.i] = k
        reason[f.i] = {"rule": "background", "text": f.bg_why + (f"; place {places.display(key)}" if k.place else "")}

    # 8. parts, subsets and copies follow
    def follow(i, seen=()):
        if i in assign:
            return assign[i]
        c = claims[i]
        target = None
        if i in copies:
            target, why = copies[i], {"rule": "duplicate", "text": f"same text as {claims[copies[i]].id}: a copy"}
        elif c.part_of and c.part_of in id_index:
            target, why = id_index[c.part_of], {"rule": "part", "text": f"part of {c.part_of}"}
        elif c.derived and c.parts and c.parts[0] in id_index:
            target, why = id_index[c.parts[0]], {"rule": "total", "text": "total of its parts"}
        if target is None or target in seen:
            k = new_cluster(feats[i].trigger, feats[i].phase)
            why = {"rule": "alone", "text": "an event of its own"}
        else:
            k = follow(target, seen + (i,))
        _join(k, feats[i], c.doc)
        assign[i] = k
        reason[i] = why
        return k

    for i in range(len(claims)):
        follow(i)

    # 9b. one story per article cluster: its happening's figures of every kind are one event
    _merge_stories(claims, feats, clusters, assign, reason, docs, places, lex, sent_of, copies, sent_places,
                   {a.doc: a.body_start for a in articles or ()})

    # 10. events
    return _finish(claims, feats, clusters, assign, reason, mentions, places, copies, id_index)


_RESPONSE = ("aid",)          # trigger classes of a response: never merged into the happening
_STORY_DAYS_BEFORE = 7      # a story's happening may precede its earliest report by this much
_STORY_DAYS_APART = 10      # dated reports of one story fall within this many days of its first
_STORY_CANDIDATES = 32      # stories of one place an article is compared with (the latest): near linear


_MONTH_ONLY = re.compile(r"^(?:in|since|during|last|early|late|mid-?)?\s*" + _MONTH_RE + r"$", re.I)


def _own_interval(c, first):
    """The days a figure's own sentence dates it to: the timeline's date read there, or a bare
    month ("In March, a speedboat collision killed 11") in the year of the story's first report."""
    if c.date and c.date_source == "sentence":
        return _interval(c.date)
    if c.date is None and c.date_text and first and c.date_text.lower() in c.sentence.lower():
        for rx, mi, di in ((_MD, 1, 2), (_DM, 2, 1)):     # "on March 23" without a year
            m = rx.fullmatch(re.sub(r"^(?:on|by|until|from)\s+", "", c.date_text.strip(), flags=re.I))
            if m and not m.group(3):
                month = MONTHS.get(m.group(mi).lower().rstrip("."))
                try:
                    d = dt.date(first.year, month, int(m.group(di)))
                except (TypeError, ValueError):
                    return None
                return d, d
        m = _MONTH_ONLY.match(c.date_text.strip())
        if m:
            month = MONTHS.get(m.group(1).lower().rstrip("."))
            year = first.year - (month > first.month)
            return _interval(f"{year}-{month:02d}")
    return None


def _merge_stories(claims, feats, clusters, assign, reason, docs, places, lex, sent_of, copies, sent_places, body):
    """Articles that share a main place (dateline city, headline and lede places, the places
    they name most) and a date window form one story; an undated article joins the story it
    shares most places with. In a story that is not staged (no first / last group), every
    event of no phase whose dates fit the story's window joins its main event: a happening's
    figures of different kinds (toll, injured, homes, rescuers, crowd, arrests) and the
    places named beside them (a road, a square, a border crossing) are one event."""
    # salient places and trigger families per document
    sal, fams = {}, {}
    for doc, d in docs.items():
        w = Counter()
        if d.dateline and places.key(d.dateline):
            w[places.key(d.dateline)] += 3
        lede = _lede(d.sents, body.get(doc, 0))
        for x in lede:
            _sent_feats(x, lex, d.ref_year)
            for _o, k in sent_places(x):
                w[k] += 2
        for x in d.sents:
            if x.feats is not None and not x.link and x not in lede:
                for _o, k in sent_places(x):
                    w[k] += 1
        sal[doc] = {k for k, n in w.most_common(4) if n >= 2}
        # names of the happening in the headline and lede ("KM Bahari Nusantara 7", "Bill 214")
        for x in lede:
            for m in _NAME_RUN.finditer(x.text):
                words = [_POSS.sub("", w) for w in m.group().split()]     # "the Ormand Front's negotiator"
                if words[0].lower() in ("by", "title", "outlet", "published"):
                    words = words[1:]
                # "The MV Lessar Queen" is the Lessar Queen: no article, no vessel or unit prefix
                while len(words) > 2 and (words[0].lower() in lex.stop or (words[0].isupper() and len(words[0]) <= 3)):
                    words = words[1:]
                if len(words) < 2:
                    continue
                if len(words) >= 2 and not all(w.isupper() for w in words) and words[0].lower() not in lex.titles \
                        and words[0].lower() not in lex.stop:
                    sal[doc].add("name:" + _place_key(" ".join(words)))
        fc = Counter(feats[i].trigger for i, c in enumerate(claims) if c.doc == doc and feats[i].trigger
                     and not feats[i].background and not feats[i].link) if False else None
        fams[doc] = fc
    fam_count = defaultdict(Counter)
    for i, c in enumerate(claims):
        f = feats[i]
        if f.trigger and not f.background and not f.link:
            fam_count[c.doc][f.trigger] += 1
    for doc in docs:
        fc = fam_count[doc]
        top = fc.most_common(1)[0][1] if fc else 0
        fams[doc] = {t for t, n in fc.items() if n >= 2 or n == top}

    # stories: dated documents first (by date), each joins the story it shares the most
    # places and a trigger with, whose first report is near; undated ones join by place
    order = sorted(docs.values(), key=lambda d: (d.ref is None, d.ref or dt.date.min, d.doc))
    stories = []                     # [first ref, last ref, place weights Counter, families, docs]
    by_place = defaultdict(list)
    story_of = {}
    for d in order:
        best, score, best_rank = None, 0, None
        seen = set()
        for k in sorted(sal[d.doc]):
            for n in by_place[k][-_STORY_CANDIDATES:]:      # the latest stories of this place
                if n in seen:
                    continue
                seen.add(n)
                st = stories[n]
                if d.ref and st[0] and abs((d.ref - st[0]).days) > _STORY_DAYS_APART:
                    continue
                if fams[d.doc] and st[3] and not (fams[d.doc] & st[3]) and (d.ref or "harm" in fams[d.doc]):
                    # killings do not join an evacuation's story by a shared dateline city (an undated
                    # report of evacuations may still join a disaster's story: disasters empty towns)
                    continue
                sc = sum(1 for x in sal[d.doc] if x in st[2])
                # a tie goes to the story of the same kind of happening (killings with killings), then
                # the one reported nearest in time, then the larger, then the older one
                near = -abs((d.ref - st[0]).days) if d.ref and st[0] else -_STORY_DAYS_APART - 1
                shared_fams = len(fams[d.doc] & st[3]) if fams[d.doc] and st[3] else 0
                rank = (sc, shared_fams, near, len(st[4]), -n)
                if sc > 0 and (best is None or rank > best_rank):
                    best, score, best_rank = n, sc, rank
        if best is None:
            best = len(stories)
            stories.append([d.ref, d.ref, Counter(), set(), []])
        st = stories[best]
        if d.ref:
            st[0] = min(filter(None, (st[0], d.ref)))
            st[1] = max(filter(None, (st[1], d.ref)))
        for k in sorted(sal[d.doc]):
            if k not in st[2]:
                by_place[k].append(best)
            st[2][k] += 1
        st[3] |= fams[d.doc]
        st[4].append(d.doc)
        story_of[d.doc] = best

    # events per story (by the story of most of their members)
    groups = defaultdict(list)
    for k in clusters:
        if not k.members or k.background or k.link:
            continue
        sc = Counter(story_of[claims[i].doc] for i in k.members)
        groups[sc.most_common(1)[0][0]].append(k)
    for n, ks in sorted(groups.items()):
        if any(k.phase and k.phase != "plan" for k in ks):
            # a staged story: its stages are events of their own; an undated stage ('the last
            # convoy' in an article with no date) is the story's dated stage of that name, when
            # the story has exactly one
            for k in ks:
                if k.members and k.phase and k.lo is None and not k.link:
                    same = [x for x in ks if x is not k and x.members and x.phase == k.phase
                            and (x.trigger == k.trigger or k.trigger is None) and x.lo is not None]
                    if not same:
                        # no dated stage of that name: the story's one dated happening of that kind
                        # ("the first phase of the exchange" in an undated release, beside the swap)
                        same = [x for x in ks if x is not k and x.members and x.phase is None
                                and x.trigger == k.trigger and k.trigger is not None and x.lo is not None]
                    if len(same) == 1:
                        target = same[0]
                        for i in k.members:
                            target.members.append(i)
                            assign[i] = target
                            r = reason.get(i, {})
                            reason[i] = {"rule": "story", "text": (r.get("text", "") + "; " if r else "")
                                         + (f"the story's one dated '{k.phase}' stage" if target.phase == k.phase
                                            else "the story's one dated happening of its kind")}
                        target.docs |= k.docs
                        k.members = []
            continue
        # the response to a happening (aid, relief supplies, rescue teams sent) is an event of its own
        free = [k for k in ks if not k.phase and k.trigger not in _RESPONSE] or [None]
        main = free[0] if free == [None] else max(free, key=lambda k: (len(k.docs), sum(1 for i in k.members if feats[i].trigger), len(k.members), -k.n))
        first, last = stories[n][0], stories[n][1]
        lo_ok = first - dt.timedelta(days=_STORY_DAYS_BEFORE) if first else None
        if main is not None:
            main.story = True
            main.story_first = first
        else:
            free = []
        def outside(iv):
            return (lo_ok and iv[1] < lo_ok) or (last and iv[0] > last + dt.timedelta(days=1))

        # a figure whose own sentence dates it outside the story's window is another happening
        # (the 2011 quake, last month's fire, a vote next week), and so are the figures of its
        # sentence: they form one event per such date; the story's other figures join its main one
        elsewhere = {}
        main_segs = {(claims[i].doc, feats[i].seg) for i in main.members} if main is not None else set()
        main_docs = {d for d, _s in main_segs}
        for k in free:
            if k is not main and main_segs and any(claims[i].doc in main_docs for i in k.members) and not any(
                    (claims[i].doc, feats[i].seg) in main_segs for i in k.members):
                continue      # past a rule ("* * *") or a link line of a page that holds the main story: another story
            dated = {}
            for i in k.members:
                iv = _own_interval(claims[i], first)
                if iv and outside(iv):
                    dated.setdefault((claims[i].doc, claims[i].sent_start), iv)
            if k is main and not dated:
                continue
            members, k.members, k.docs = k.members, [], set()
            for i in members:
                iv = dated.get((claims[i].doc, claims[i].sent_start))
                if iv is None:
                    target, why = main, "the same story's happening (same places and date window)"
                else:
                    target = elsewhere.get(iv)
                    if target is None:
                        target = elsewhere[iv] = k if not k.members and k is not main else \
                            _Cluster(n=len(clusters), trigger=k.trigger, phase=None)
                        if target is not k:
                            clusters.append(target)
                    why = "its own sentence dates it outside the story's window: another happening"
                target.members.append(i)
                target.docs.add(claims[i].doc)
                assign[i] = target
                if target is not k:
                    r = reason.get(i, {})
                    reason[i] = {"rule": "story", "text": (r.get("text", "") + "; " if r else "") + why}
        # its plans and forecasts are one event: what the story says is expected or agreed
        plans = [k for k in ks if k.phase == "plan" and k.members]
        if len(plans) > 1:
            top = max(plans, key=lambda k: (len(k.docs), len(k.members), -k.n))
            for k in plans:
                if k is top:
                    continue
                for i in k.members:
                    top.members.append(i)
                    assign[i] = top
                    r = reason.get(i, {})
                    reason[i] = {"rule": "story", "text": (r.get("text", "") + "; " if r else "")
                                 + "the same story's plans and forecasts"}
                top.docs |= k.docs
                k.members = []


def _story_date(k: _Cluster, claims, feats, copies):
    """The day a story's happening took place: the earliest day its figures' own sentences
    or ledes give (a weekday read against the story's first report), not the later days on
    which a running toll was reported ("rose to 119 on Sunday")."""
    first = k.story_first
    days = Counter()
    for i in k.members:
        c, f = claims[i], feats[i]
        if i in copies:
            continue
        d = _parse_iso(c.date) if c.date and c.date != c.report_date else None
        if d is None and f.weekday is not None and first:
            back = (first.weekday() - f.weekday) % 7
            d = first - dt.timedelta(days=back) if back <= 3 else first + dt.timedelta(days=7 - back)
        if d and c.date_source in (None, "sentence", "context", "lede") and \
                (first is None or first - dt.timedelta(days=_STORY_DAYS_BEFORE) <= d <= first + dt.timedelta(days=_STORY_DAYS_APART)):
            days[d] += 1
    if not days:
        return None
    return min(days).isoformat()


def _best_date(k: _Cluster, claims, feats, copies):
    if k.story:
        d = _story_date(k, claims, feats, copies)
        if d:
            return d
    votes = Counter()
    for d, w, _src in k.evidence:
        votes[d.isoformat()] += w
    docs_seen = set()
    for i in k.members:
        f = feats[i]
        c = claims[i]
        if i in copies or not f.precise:
            continue
        date = c.date or f.own_date
        if (c.doc, date) in docs_seen:
            continue
        docs_seen.add((c.doc, date))
        votes[date[:10]] += 1
    if not votes:       # then days read from the sentences around the figures
        votes.update(claims[i].date for i in k.members if feats[i].soft and i not in copies)
    if votes:
        return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    months = Counter(claims[i].date[:7] for i in k.members
                     if claims[i].date and len(claims[i].date) >= 7 and claims[i].date != claims[i].report_date)
    if not months and k.trigger in _RESPONSE:
        # a response known only by when it was reported: the month of those reports
        months = Counter(claims[i].report_date[:7] for i in k.members if claims[i].report_date and i not in copies)
    if months:
        return sorted(months.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return None


_VERB = {"leave": ("leaves", "departure from"), "kill": ("killed", "killings in"),
         "injure": ("injured", "injuries in"), "deploy": ("deployed", "deployment in"),
         "arrest": ("arrested", "arrests in"), "gather": ("gathered", "gathering in"),
         "damage": ("damaged", "damage in"), "release": ("released", "release in"),
         "harm": ("hit", "deaths, injuries and damage in"), "protest": ("gathered", "protest in"),
         "aid": ("sent", "aid and relief for")}


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _finish(claims, feats, clusters, assign, reason, mentions, places, copies, id_index):
    import networkx as nx     # here, not at import: `crosscheck extract` never builds the graph
    g = nx.Graph()
    live = [k for k in clusters if k.members]
    info = []
    for k in live:
        date = None if k.background else _best_date(k, claims, feats, copies)
        pc = Counter(feats[i].main for i in k.members if feats[i].main)    # the place nearest each figure
        place = k.place
        if place is None and pc:
            # the most specific place that a third as many figures name as the most named one
            top = max(pc.values())
            place = sorted((p for p, n in pc.items() if 3 * n >= top and (n >= 2 or top == 1)),
                           key=lambda p: (-len(places.closure([p])), -pc[p], p))[0]
        where = places.display(place) if place else None
        if k.background:
            label = f"background figures ({where})" if where else "background figures"
            base = f"background-{_slug(place or claims[k.members[0]].doc)}"
        else:
            verb, noun = _VERB.get(k.trigger, ("", "figures from"))
            if k.phase == "plan":
                label = f"agreed or expected: {noun} {where}" if where else f"agreed or expected: {noun.rsplit(' ', 1)[0]}"
            elif k.phase:
                label = f"{k.phase} group {verb or 'reported'}" + (f" {where}" if where else "")
            elif k.trigger:
                label = f"{noun} {where}" if where else noun.rsplit(" ", 1)[0]
            else:
                label = f"figures about {where}" if where else "figures"
            label += f", {date}" if date else " (undated)"
            base = "-".join(filter(None, (date or "undated", k.trigger, k.phase, _slug(place) if place else None)))
        member_ids = sorted(claims[i].id for i in k.members)
        info.append([k, base, label, date, place, member_ids])
    used = Counter(x[1] for x in info)
    events = []
    event_of = {}
    for k, base, label, date, place, member_ids in info:
        eid = "ev-" + base
        if used[base] > 1:
            eid += "-" + hashlib.sha1("\0".join(member_ids).encode()).hexdigest()[:6]
        event_of[k.n] = (eid, date)
        docs = tuple(sorted({claims[i].doc for i in k.members}))
        events.append(Event(id=eid, label=label, date=date, docs=docs, claims=tuple(member_ids),
                            place=places.display(place) if place else None, trigger=k.trigger,
                            phase=k.phase, background=k.background))
        g.add_node(eid, kind="event", label=label, date=date, background=k.background)
    out = []
    for i, c in enumerate(claims):
        eid, date = event_of[assign[i].n]
        new = replace(c, event=eid, copy_of=claims[copies[i]].id if i in copies else None)
        if date and (feats[i].soft or _coarser_or_bound(c, date) or (assign[i].story and c.date != date)):
            new = replace(new, date=date, date_precision={10: "day", 7: "month"}.get(len(date), "year"))
        out.append(new)
        g.add_node(c.id, kind="claim", doc=c.doc, text=c.text)
        g.add_edge(c.id, eid, reason=reason.get(i, {"rule": "member", "text": "member"}))
    for c in claims:
        if c.part_of and c.part_of in id_index:
            g.add_edge(c.id, c.part_of, reason={"rule": "part", "text": f"{c.text!r} is part of {c.part_of}"})
        for p in c.parts:
            if p in id_index:
                g.add_edge(c.id, p, reason={"rule": "total", "text": f"{c.text!r} sums {p}"})
    groups = defaultdict(list)
    for c in claims:
        if c.group:
            groups[c.doc, c.group].append(c.id)
    for ids in groups.values():
        for a, b in zip(ids, ids[1:]):
            g.add_edge(a, b, reason={"rule": "group", "text": "listed together"})
    for i, j in copies.items():
        g.add_edge(claims[i].id, claims[j].id, reason={"rule": "duplicate", "text": "the same text published twice"})
    for node, k, text, md, doc in mentions:
        if k.n not in event_of:
            continue          # its cluster was merged into another after the mention dated it
        eid = event_of[k.n][0]
        g.add_node(node, kind="mention", doc=doc, text=text, date=md[0].isoformat() if md[0] else None)
        g.add_edge(node, eid, reason={"rule": "mention", "text": f"dates the event: {text[:80]!r}"})
    events.sort(key=lambda e: (e.background, e.date or "9999", e.id))
    return out, events, g


def _coarser_or_bound(c, date: str) -> bool:
    """Set the event's date on a claim with none, a coarser compatible one, or only its report
    date (and, by the caller, one read from the sentences around it)."""
    if not c.date:
        return True
    if c.date == date:
        return False
    if date.startswith(c.date):
        return True
    if c.report_date and c.date == c.report_date:
        return date <= c.date
    return False


def why(graph, a: str, b: str) -> Optional[str]:
    """Why two claims share an event: the reasons on their edges to it, or None."""
    ea = [n for n in graph.neighbors(a) if graph.nodes[n].get("kind") == "event"]
    eb = [n for n in graph.neighbors(b) if graph.nodes[n].get("kind") == "event"]
    if not ea or ea != eb:
        return None
    return f"{graph.edges[a, ea[0]]['reason']['text']} | {graph.edges[b, ea[0]]['reason']['text']}"
