"""Numeric claims out of one article (owner: extract).

Interface used by the pipeline:
    extract_claims(article: Article, config: Config | Lexicon | None = None) -> list[Claim]
Pure function of the article: claims in document order (a derived total right after its last
part), ids "<doc>:<start>" (a derived total "<doc>:<start>+"), offsets into ``article.text``
(``text == article.text[start:end]``), only the body (after front matter) is read;
date/event are left empty (later stages fill them). ``config`` None means the package defaults.

Steps:
1. split the body into paragraphs and sentences (``sentences.py``);
2. per sentence, the stated figures (``numbers.find_quantities``): every one becomes a claim;
3. the counted thing: a unit of measure, the noun phrase after the figure ("300 militants",
   "more than 400 terrorists and members of their families"), a participle ("35 Killed",
   "12 were injured"), a back-reference ("4,500-5,000 of them are militants"), a noun before
   it ("the death toll rose to 42", "the number of evacuees reached 3,000") or, for a bare
   figure, its verb ("Thousands protest", "30 died");
4. its category from the lexicon (``data/lexicon.toml`` extended by the user's config); people
   counted by the words that govern the figure are in the category of what happened to them
   ("killed 12 people", "42 people were arrested", "31 still unaccounted for": killed, injured,
   arrested, missing); "a 77-strong team" counts people; "magnitude 7.2" a magnitude; "the
   number" / "the figure" alone ("police put the number at 15,000") counts what a figure of
   about its size before it counted; a bare figure set against another ("above the 336") too;
5. composition: figures listed together share ``group`` (people-like or summable parts get a
   derived total), "including 700 militants" / "of them" / "of whom" set ``part_of``;
6. attribution (``said_by``): "X said/told/added", "according to X", "cited by X", a quote
   closed by "..., said X", an account opened by "X said that" runs on for two sentences of its
   paragraph; surnames, "he" and "the governor" resolve to the person named before;
7. modality: "count", or "plan"/"forecast" when the figure is governed by a plan, deal or
   future in its own clause ("are expected to leave", "due to depart", "the agreement provides
   for", "officials expect the toll to rise to 200"), not by one in a later clause.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import NamedTuple, Optional

from .config import Config
from .model import Article, Claim
from .numbers import find_quantities, grammar_for
from .sentences import split_sentences

__all__ = ["extract_claims", "Lexicon", "lexicon_from_config"]


# --------------------------------------------------------------------------- lexicon

_IRREGULAR = {
    "men": "man", "women": "woman", "children": "child", "gunmen": "gunman", "servicemen": "serviceman",
    "militiamen": "militiaman", "policemen": "policeman", "airmen": "airman", "feet": "foot",
    "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "people": "people",
    "lorries": "lorry", "bodies": "body", "casualties": "casualty", "injuries": "injury",
    "fatalities": "fatality", "mercenaries": "mercenary", "centuries": "century",
    "militia": "militia", "police": "police", "personnel": "personnel", "staff": "staff",
    "troops": "troop", "kilometres": "kilometre", "metres": "metre",
}


def _forms(word: str):
    """The word and its singular candidates by simple English plural rules (no model)."""
    yield word
    if word in _IRREGULAR:
        yield _IRREGULAR[word]
        return
    if len(word) > 3 and word.endswith("ies"):
        yield word[:-3] + "y"
    if len(word) > 3 and word.endswith("es"):
        yield word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith("ss"):
        yield word[:-1]


_RATE = frozenset("a an per each every".split())
_NEXT_WORDS = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")
_DETS = frozenset("a an the their his her its our your my this that these those some other more "
                  "additional extra further another such".split())


class Lexicon:
    """Head words and phrases -> category; which categories count people."""

    def __init__(self, section: dict):
        self.index: dict = {}
        self.people_like: set = set()
        self.entities: dict = {}
        self.summable: set = set()
        self.subject_verbs: dict = {}
        self.people_states: set = set()
        self.governs: dict = {}      # a verb whose object the figure is ("killing") -> category
        self.states: dict = {}       # a word said of the figure after it ("were arrested") -> category
        self.report_as: dict = {}    # category -> the category its claims are reported as
        for cat, spec in section.items():
            if not isinstance(spec, dict):
                continue
            if spec.get("people_like"):
                self.people_like.add(cat)
            if spec.get("summable") or spec.get("people_like"):
                self.summable.add(cat)
            if spec.get("people_state"):
                self.people_states.add(cat)
            if spec.get("report_as"):          # (a user's "" keeps the finer class)
                self.report_as[cat] = str(spec["report_as"])
            for v in spec.get("objects_of", []):
                self.governs[" ".join(str(v).lower().split())] = cat
            for v in spec.get("states", []):
                self.states[" ".join(str(v).lower().split())] = cat
            for e in spec.get("entities", []):
                self.entities[str(e).lower()] = cat
            for v in spec.get("subject_verbs", []):
                self.subject_verbs[str(v).lower().strip()] = cat
            for w in spec.get("words", []):
                w = str(w).lower().strip()
                if not w:
                    continue
                # a later category (a user's own) wins over an earlier one
                self.index[w] = cat
                head, _, last = w.rpartition(" ")
                for f in _forms(last):
                    if f != last:
                        self.index.setdefault((head + " " + f).strip(), cat)
        self._governs_re = _phrase_re(self.governs, r"\b(?P<v>{})\s+(?:(?:a further|another|an additional|the)\s+)?$")
        self._state_re = _phrase_re(self.states, _STATE_AFTER)
        self.counts_people = frozenset(self.people_like | self.people_states)
        self._lead3 = frozenset(k.split()[0] for k in self.index if k.count(" ") >= 2)

    def lookup(self, phrase: str) -> Optional[str]:
        """Category of a head phrase: its last three, then two words, then its last word, singular
        or plural ("square nautical miles" before "nautical miles")."""
        words = [w for w in phrase.lower().replace("’", "'").split() if w]
        while words and words[0] in _DETS:
            words = words[1:]
        if len(words) >= 3 and words[-2] in _RATE:        # "euros a year", "tonnes per day"
            words = words[:-2]
        if not words or words[-2:] == ["per", "cent"]:      # "60 per cent" is a share, not money
            return None
        last = words[-1]
        for n in (3, 2):
            if len(words) >= n and (n == 2 or words[-3] in self._lead3):
                lead = " ".join(words[-n:-1])
                for f in _forms(last):
                    cat = self.index.get(lead + " " + f)
                    if cat:
                        return cat
        for f in _forms(last):
            cat = self.index.get(f)
            if cat:
                return cat
        return None

    def unit_category(self, unit: Optional[str]) -> Optional[str]:
        """A unit of measure: its name in the lexicon, else its kind (quantulum3's entity:
        length, area, time, currency) mapped by the categories' ``entities`` lists."""
        if not unit:
            return None
        cat = self.lookup(unit)
        if cat or not self.entities:
            return cat
        entity = _unit_entity(unit)
        return self.entities.get(entity) if entity else None

    def subject_verb(self, s: str, pos: int) -> Optional[str]:
        """The category a bare figure has as the subject of a verb ("Thousands protest",
        "3.5 million took part", "30 died")."""
        m = _NEXT_WORDS.match(s, pos)
        if not m:
            return None
        one, two = m.group(1).lower(), (m.group(1) + " " + (m.group(2) or "")).lower().strip()
        return self.subject_verbs.get(two) or self.subject_verbs.get(one)

    def has(self, word: str) -> bool:
        return any(f in self.index for f in _forms(word.lower()))

    def governing(self, s: str, qs: int, np_end: int, strict: bool = False) -> Optional[str]:
        """The state of people a figure is counted in by the words governing it: a verb whose
        object it is ("killing at least 87 people", "detained 45 gunmen", "the search for 38
        others") or a word said of it ("42 people were arrested", "31 people still unaccounted
        for", "11 protesters had been treated in hospital"). ``strict`` (a head noun the lexicon
        does not know: "wounded 30 shoppers") takes only a verb or a one-word state, not a phrase
        ("80 beds in intensive care" are no patients)."""
        verb = None
        if self._governs_re is not None:
            m = self._governs_re.search(s, max(0, qs - 40), qs)
            if m:
                verb = self.governs.get(" ".join(m.group("v").lower().split()))
                if verb in self.people_states:
                    return verb
        if self._state_re is not None:
            # "evacuated 112 victims who died": what happened to them wins over the verb's people
            m = self._state_re.match(s, np_end, min(len(s), np_end + 90))
            if m and not (strict and " " in m.group("v").strip()) and not _active(s, m):
                return self.states.get(" ".join(m.group("v").lower().split()))
        return verb


# between a figure (or its noun) and a word said of it: a place or time phrase, a relative
# pronoun, auxiliaries and adverbs ("12 people in the town were later confirmed dead",
# "38 people are still missing", "3 officers who were seriously injured")
_STATE_AFTER = (
    r"\s*(?:(?:under|in|from|of|at|on|aged|across|inside|near)\s+[^,;.!?]{{1,40}}?\s+)?(?:(?:who|that)\s+)?"
    r"(?:(?:were|was|are|is|have|has|had|been|being|be|also|later|all|now|feared|confirmed|believed|"
    r"reported|still|so far|since|remain|remains|remained|remaining|thought to be|said to be|presumed|"
    r"listed as|known to be|[a-z]+ly)\s+){{0,4}}(?P<v>{})\b(?!\s+(?:to|as|like)\b)")


_PERFECT = re.compile(r"\b(?:have|has|had)\s+$", re.I)
_INTRANSITIVE = frozenset("died perished drowned".split())
_OBJECT_NEXT = re.compile(r"\s+(?:\d|(?:the|a|an|at|more|over|about|around|some|nearly|almost|dozens|hundreds|"
                          r"thousands|scores|his|her|their|its|several|many|two|three|four|five|six|seven|eight|"
                          r"nine|ten|twenty|fifty|up to|as many as)\b)", re.I)


def _active(s: str, m) -> bool:
    """A participle that is an active verb with an object of its own ("14 accidents have killed
    more than 1,300 people", "the raids killed 30"): the figure is its subject, not its victim."""
    v = m.group("v").lower()
    if v in _INTRANSITIVE or " " in v or not v.endswith("ed"):
        return False
    return bool(_PERFECT.search(s, max(0, m.start("v") - 6), m.start("v")) or _OBJECT_NEXT.match(s, m.end("v")))


def _phrase_re(phrases: dict, template: str):
    """One regex for a set of phrases (longest first, any run of spaces between words)."""
    if not phrases:
        return None
    alts = sorted(phrases, key=lambda p: (-len(p), p))
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alts)
    return re.compile(template.format(body), re.I)


_ENTITY: dict = {}


def _unit_entity(unit: str) -> Optional[str]:
    """quantulum3's kind of a unit name ("kilometre" -> "length"); its tables are loaded once,
    lazily (the numbers stage loads the same cached tables)."""
    if unit in _ENTITY:
        return _ENTITY[unit]
    entity = None
    try:
        from .numbers import quantulum_units
        u = quantulum_units().names.get(unit)
        entity = u.entity.name if u is not None else None
    except Exception:      # quantulum3 missing or its tables unreadable: the lexicon alone decides
        entity = None
    _ENTITY[unit] = entity
    return entity


_LEXICONS: dict = {}


def lexicon_from_config(config=None) -> Lexicon:
    """The compiled lexicon of a Config (its ``lexicon`` section), a section dict, or the
    package's defaults when None; compiled once per distinct lexicon."""
    if isinstance(config, Lexicon):
        return config
    if config is None:
        lex = _LEXICONS.get(None)
        if lex is None:
            from .config import load_config
            lex = _LEXICONS[None] = lexicon_from_config(load_config())
        return lex
    if isinstance(config, Config):       # per article: its digest, not a JSON dump of the section
        lex = _LEXICONS.get(("config", config.digest))
        if lex is None:
            lex = _LEXICONS[("config", config.digest)] = lexicon_from_config(config.section("lexicon"))
        return lex
    section = config.section("lexicon") if hasattr(config, "section") else dict(config)
    key = json.dumps(section, sort_keys=True)
    lex = _LEXICONS.get(key)
    if lex is None:
        lex = _LEXICONS[key] = Lexicon(section)
    return lex


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*|\d[\d,.\u00a0]*|\S")

_STOP = frozenset("""
a an the this that these those and or but nor of in on at to from by with without for into onto over
under after before since during as than who which whom whose where when while because if unless
until is are was were be been being am has have had having will would could should may might must
can cannot do does did not no their his her its our your my it they he she we you i them him us
me per each every all both either neither any many much most such so also then there here now
just only even still yet ago later earlier again already about around near some across against
along amid among between beyond inside outside through toward towards upon via within what
reportedly allegedly including included includes include according aboard
""".split())
# verbs in -s that follow a subject: no plural head ("one resident remains missing")
_VERBS_S = frozenset("""
remains stays says goes faces needs lives dies seems appears gets takes makes returns continues includes
leaves flees arrives waits wants works suffers hopes fears lacks owns runs sits stands holds keeps gives
""".split())
_MODIFIER_SKIP = frozenset("more other additional extra further new".split())
_COPULA = frozenset("are were is was have has had got".split())
_VERBAL_FILLER = frozenset("been reportedly also now already reported allegedly believed feared "
                           "confirmed said thought".split())
_PLURAL_EXCEPT = frozenset("this is was has does its us his bus gas yes thus plus less unless "
                           "across perhaps news series species".split())


class _Tok(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def low(self):
        return self.text.lower()

    @property
    def word(self):
        return self.text[:1].isalpha()


def _tokens(s: str, pos: int, limit: int = 160) -> list:
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(s, pos, min(len(s), pos + limit))]


def _plural_like(t: _Tok) -> bool:
    w = t.low
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
            and w not in _PLURAL_EXCEPT and t.text[0].islower())


class _NP(NamedTuple):
    counted: str
    heads: tuple     # head words (one per conjunct)
    end: int         # offset in the sentence after the noun phrase
    kind: str        # "np", "ref", "verbal", "partitive"


def _run(toks: list, i: int, lex: Lexicon, maxlen: int = 5, singular: bool = False):
    """From toks[i], modifiers then a head noun. Returns (first, head_index) or None."""
    n = len(toks)
    j = i
    while j < n and toks[j].low in _MODIFIER_SKIP and j + 1 < n and toks[j + 1].word:
        j += 1
    first = j
    k = j
    while k < n and k < first + maxlen:
        t = toks[k]
        if t.low in ("and", "&") and k > first and k + 2 < n and toks[k + 1].word and toks[k + 1].low not in _STOP \
                and toks[k + 1].text[0].islower() and toks[k + 2].word and toks[k + 2].low not in _STOP:
            k += 1              # a coordinated modifier: "search and rescue personnel"
            continue
        if not t.word or t.low in _STOP:
            break
        if k + 1 < n and toks[k + 1].word and lex.index.get(t.low + " " + toks[k + 1].low):
            return first, k + 1               # a two-word lexicon phrase ("suicide bombers")
        if lex.has(t.low):            # lexicon words are common nouns, in headlines capitalised too
            if not singular and k + 1 < n and toks[k + 1].word and toks[k + 1].low not in _STOP \
                    and not _plural_like(t) and _plural_like(toks[k + 1]) and toks[k + 1].low not in _VERBS_S \
                    and k + 1 < first + maxlen:
                return first, k + 1           # a noun modifying the head: "ferry accidents", "bus drivers"
            return first, k
        if _plural_like(t):
            return first, k
        k += 1
    if singular and k == first + 1:
        t = toks[first]
        if t.text[0].islower() and not t.low.endswith(("ing", "ly", "ed")):
            return first, first
    return None


def _of_pp(s: str, toks: list, h: int, lex: Lexicon):
    """'of' + noun phrase after a head ("storehouses of ammunition", "members of their families")."""
    n = len(toks)
    if h + 2 >= n or toks[h + 1].low != "of":
        return None
    j = h + 2
    if toks[j].low in ("them", "those", "these", "whom", "which", "it", "this", "us", "you"):
        return None
    if toks[j].low in ("the", "their", "his", "her", "its", "our", "a", "an"):
        j += 1
    k = j
    while k < n and k < j + 3 and toks[k].word and toks[k].low not in _STOP:
        k += 1
    if k == j:
        return None
    return k - 1


def _conjunct(s: str, toks: list, h: int, lex: Lexicon):
    """'and' + a second people-like noun ("and members of their families", "and their relatives")."""
    n = len(toks)
    if h + 2 >= n or toks[h + 1].low != "and":
        return None
    j = h + 2
    if toks[j].low in ("their", "his", "her", "its", "other", "the"):
        j += 1
    r = _run(toks, j, lex, maxlen=3)
    if not r:
        return None
    first, head = r
    if not lex.lookup(toks[head].text):
        return None
    end = head
    pp = _of_pp(s, toks, head, lex)
    if pp is not None:
        end = pp
    return head, end


def _np_after(s: str, pos: int, lex: Lexicon, singular: bool, vague: bool = False) -> Optional[_NP]:
    toks = _tokens(s, pos)
    if not toks:
        return None
    t0 = toks[0]
    n = len(toks)
    # back-reference: "4,500-5,000 of them are militants", "700 of whom", "12 of the dead"
    if t0.low == "of" and n > 1:
        t1 = toks[1]
        if t1.low in ("them", "those", "these", "whom", "which"):
            end = t1.end
            if n > 3 and toks[2].low in _COPULA:
                j = 3
                while j < n and toks[j].low in _VERBAL_FILLER:
                    j += 1
                r = _run(toks, j, lex, maxlen=4)
                if r:
                    first, head = r
                    return _NP(s[toks[first].start:toks[head].end], (toks[head].text,), toks[head].end, "ref")
                if j < n and toks[j].word and lex.has(toks[j].low):
                    return _NP(toks[j].low, (toks[j].low,), toks[j].end, "ref")
            return _NP("", (), end, "ref")
        k = next((i for i in range(1, min(n, 6)) if toks[i].text[0].isdigit()), None)
        if k is not None and all(t.low in _DETS or t.low.endswith(("'s", "’s", "s'", "s’")) for t in toks[1:k]):
            return None        # "820 of the region's 2,140 schools": the next figure's thing (see _compose_lists)
        if t1.low in ("the", "those", "these", "their", "our", "his", "her", "its", "your", "my") or vague:
            start = 2 if t1.low in _DETS else 1
            # "400 of the aggression's mercenaries", "681 of the army and popular committees' prisoners":
            # the owner's name is no counted thing; the noun after the possessive is
            poss = next((i for i in range(start, min(n, start + 6)) if toks[i].low.endswith(_POSSESSIVE_ENDS)
                         or (toks[i].text in ("'", "’") and i > start)), None)
            if poss is not None and poss + 1 < n:
                r = _run(toks, poss + 1, lex, maxlen=4, singular=True)
                if r:
                    first, head = r
                    return _NP(s[toks[first].start:toks[head].end], (toks[head].text,), toks[head].end, "partitive")
            r = _run(toks, start, lex, maxlen=4, singular=True)
            if r:
                first, head = r
                return _NP(s[toks[first].start:toks[head].end], (toks[head].text,), toks[head].end, "partitive")
        return None
    # a participle or adjective: "35 Killed", "20 wounded", "12 were injured", "3 are dead"
    j = 0
    if t0.low in _COPULA:
        j = 1
        while j < n and toks[j].low in _VERBAL_FILLER:
            j += 1
        if j < n and toks[j].word and lex.has(toks[j].low) and toks[j].low.endswith(("ed", "dead", "missing", "hurt", "slain")):
            return _NP(toks[j].low, (toks[j].low,), toks[j].end, "verbal")
        return None
    r = _run(toks, 0, lex, singular=singular)
    if not r:
        return None
    first, head = r
    heads = [toks[head].text]
    end_i = head
    if toks[head].text[0].isupper() and lex.has(toks[head].low) and head == first:
        # headline case: "More Than 35 Killed"
        return _NP(toks[head].low, (toks[head].low,), toks[head].end, "verbal")
    pp = _of_pp(s, toks, end_i, lex)
    if pp is not None:
        end_i = pp
    while True:
        c = _conjunct(s, toks, end_i, lex)
        if not c:
            break
        heads.append(toks[c[0]].text)
        end_i = c[1]
    return _NP(s[toks[first].start:toks[end_i].end], tuple(heads), toks[end_i].end, "np")


# a noun before the figure: "the death toll rose to 42", "the number of evacuees reached 3,000";
# "the number" / "the figure" / "the estimate" alone stands for a count named before it
_BEFORE = re.compile(
    r"\b(?:(?P<toll>(?:death|casualty|fatality) toll|toll)"
    r"|(?:number|total|tally|count)\s+of\s+(?P<np>(?:[^\W\d][\w’'-]*\s+){0,2}?[^\W\d][\w’'-]*)"
    r"|(?P<fig>number|figure|estimate|tally|count)(?!\s+of\s+[^\W\d])"
    r"|(?P<pop>population|crowd|turnout|attendance))\b(?P<gap>[^.;:!?]{0,160})$", re.I)
_GAP_OK = re.compile(r"^[\s\w’',.-]*$")
# a long gap ("the death toll from the quake that struck Turkey rose to") must end on the verb
_GAP_VERB = re.compile(r"\b(?:[a-z]+ed|rose|risen|rises|grew|grows|stood|stands|hit|hits|is|was|are|were|now|has|had|"
                       r"put|putting|puts|reaches|climbs|jumps|soars|tops|passes|exceeds|surpasses|nears|"
                       r"gives|gave|given|set|sets)"
                       r"(?:\s+(?:to|at|past|above|over|beyond|by|near|nearly|almost|around|about|as|"
                       r"from\s+[\d,.\u00a0]+\s+to))?\s*$", re.I)
_FIG_GAP = re.compile(r"^\s*(?:(?:was|is|were|are|stood|stands|of|at|as|to|put|puts|nearer|closer|nearly|near|"
                      r"just|only|officially|actually|really|rather|probably|likely|closer\s+to|given\s+as|"
                      r"[a-z]+ed(?:\s+(?:at|to|as))?)\s+)*$", re.I)


def _np_before(before: str, lex: Lexicon):
    """(counted, kind) of a noun before a bare figure; kind "figure" when the noun only stands
    for a count named elsewhere ("police put the number at about 15,000")."""
    m = _BEFORE.search(before[-200:])
    if not m:
        return None
    gap = m.group("gap")
    if m.group("fig"):
        return (m.group("fig").lower(), "figure") if _FIG_GAP.match(gap) else None
    n = len(gap.split())
    has_digit = any(ch.isdigit() for ch in gap)
    if not _GAP_OK.match(gap) or (n > 5 or has_digit) and not (n <= 20 and _GAP_VERB.search(gap)):
        return None
    if m.group("toll"):
        return m.group("toll").lower(), "noun"
    if m.group("pop"):
        return m.group("pop").lower(), "noun"
    np = m.group("np")
    words = np.split()
    follow = gap.split()
    if follow and lex.lookup(follow[0]) in lex.people_states:
        return np + " " + follow[0], "noun"
    return (np, "noun") if words else None


# --------------------------------------------------------------------------- attribution

_SPEECH = (r"said|says|say|told|tells|tell|added|adds|noted|notes|stressed|stresses|reported|reports|"
           r"stated|states|announced|announces|claimed|claims|confirmed|confirms|estimated|estimates|"
           r"explained|warned|wrote|writes|insisted|declared|revealed|disclosed|tweeted|indicated|"
           r"emphasi[sz]ed|underlined|acknowledged|admitted|asserted|argued|alleged|"
           r"pointed out|quoted|cited|adding|saying|telling")
_SUBJ_VERB = re.compile(rf"(?<![\w-])(?P<verb>{_SPEECH})\b(?!\s+(?:by|to be)\b)")
# a reporting word used as a noun: "a total of $12.4 million of claims", "the reports"
_NOUN_BEFORE = re.compile(r"\b(?:of|the|a|an|his|her|its|their|our|these|those|such|new|any|no|in|for)\s+$", re.I)
# adverbs and auxiliaries between a subject and its verb: "al-Barazi later told", "Dell on Monday announced"
_ADV_BEFORE = re.compile(r"(?:\b(?:has|have|had|also|later|earlier|previously|then|further|separately|"
                         r"reportedly|recently|on \w+day|(?:last|this|next) (?:week|month|year|\w+day))\s+)+$")
_INVERTED = re.compile(
    r"(?:^|[,”\"’:]\s*)(?:said|says|added|adds|noted|notes|explained|wrote|continued|stressed|declared|"
    r"stated|insisted|warned|asked|recalled|concluded|remarked)\s+(?P<np>(?:the |a |an )?[^\W\d][^,;.”\"()]*?)\s*(?=[,;.”\"()]|$)")
_MAYBE_ACCORDING = re.compile(r"ccording to| by |[Cc]iting ")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|cited by|quoted by|reported by|as told to|[Cc]iting)\s+"
                        r"(?P<np>[^,;:()“”\"]+?)\s*(?=[,;:()“”\"]|\.(?:\s|$)|$| that | who | which )")

_TITLES = frozenset("""
president vice prime minister foreign defense defence interior finance general lieutenant lt major
maj colonel col captain capt sergeant sgt admiral adm commander cmdr governor gov mayor senator sen
representative rep spokesman spokeswoman spokesperson secretary chief head director ambassador envoy
deputy acting chairman chairwoman chair king queen prince princess sheikh emir pope judge justice dr
mr mrs ms prof professor sir lord lady gen brig brigadier marshal officer premier chancellor
councillor councilman commissioner superintendent inspector sheriff attorney minister-general
""".split())
_PARTICLES = frozenset("al bin ibn bint abu de del della da di du dos van von der den la le ben ter".split())
_ORG_WORDS = frozenset("ministry center centre agency news council office department committee "
                       "army forces force police service services organization organisation group "
                       "observatory front party government command coalition union press tv "
                       "channel radio times post journal network institute commission bureau".split())
_PRONOUNS = {"he": "person", "she": "person"}
_SOURCE_NOUNS = frozenset("police military army government ministry ministry's agency witness media "
                          "spokesman spokeswoman spokesperson official source".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february "
                      "march april may june july august september october november december".split())
_NAME_TOKEN = re.compile(r"[^\W\d_][\w’'.\-]*")


def _cap(w: str) -> bool:
    if not w:
        return False
    if w[0].isupper():
        return True
    # al-Barazi, el-Sisi
    i = w.find("-")
    return 0 < i < 4 and i + 1 < len(w) and w[i + 1].isupper()


class _Speakers:
    """Names seen so far in the article: surnames, roles and pronouns resolve to them."""

    def __init__(self):
        self.people: list = []     # person names, in order (the last one is "he"/"she")
        self.by_surname: dict = {} # squeezed surname -> last full name with it
        self.roles: dict = {}      # role word -> last name that held it

    def remember(self, name: str, roles, person: bool):
        if person:
            if not self.people or self.people[-1] != name:
                self.people.append(name)
            toks = name.split()
            if len(toks) >= 2:
                self.by_surname[_squeeze(_norm_name(toks[-1]))] = name
        for r in roles:
            self.roles[r] = name

    def resolve_surname(self, name: str) -> str:
        toks = name.split()
        if len(toks) != 1:
            return name
        return self.by_surname.get(_squeeze(_norm_name(toks[0])), name)

    def scan(self, sentence: str) -> None:
        """Register names introduced with a title ("Russian Foreign Minister Sergey Lavrov")."""
        for m in _TITLED_NAME.finditer(sentence):
            self.remember(m.group("name"), [m.group("title").lower().rstrip(".")], True)


_TITLED_NAME = re.compile(
    r"\b(?P<title>President|Minister|General|Gen\.|Governor|Gov\.|Mayor|Spokesman|Spokeswoman|Senator|"
    r"Sen\.|Secretary|Commander|Colonel|Col\.|Lieutenant|Lt\.|Major|Maj\.|Captain|Chief|Director|"
    r"Ambassador|Envoy|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.|Professor|Sheikh|King|Prince|Judge|Chancellor|Premier)"
    r"\s+(?P<name>(?:[A-Z][\w’'\-]+|al-[A-Z][\w\-]+)(?:\s+(?:[A-Z][\w’'\-]+|al-[A-Z][\w\-]+|bin|ibn|de|van|von)){1,3})")


def _squeeze(x: str) -> str:
    """One surname spelt with a letter doubled or not (al-Barazi / al-Barrazi)."""
    return _DOUBLE.sub(r"\1", x)


_DOUBLE = re.compile(r"(.)\1")


def _norm_name(w: str) -> str:
    return w.lower().replace("’", "'").strip(".'")


def _name_runs(phrase: str):
    """Runs of capitalised tokens (with name particles and "of" inside organisation names)."""
    toks = [(m.group(), m.start(), m.end()) for m in _NAME_TOKEN.finditer(phrase)]
    runs, cur = [], []
    for i, (w, a, b) in enumerate(toks):
        low = w.lower().strip(".")
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        if cur and phrase[cur[-1][2]:a].strip():
            runs.append(cur)
            cur = []
        if _cap(w) and low not in ("the", "a", "an") and low not in _WEEKDAYS:
            cur.append((w, a, b))
        elif cur and (low in _PARTICLES or low in ("of", "for")) and _cap(nxt):
            cur.append((w, a, b))
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _strip_title(run: list) -> list:
    if any(w.lower() in _ORG_WORDS for w, _, _ in run):
        return run
    last_title = -1
    for i, (w, _, _) in enumerate(run):
        if w.lower().strip(".") in _TITLES:
            last_title = i
    rest = run[last_title + 1:]
    return rest if rest else run


def _is_adjective(w: str) -> bool:
    return w.endswith(("an", "ese", "ish", "i", "ch")) and not w.isupper()


def _speaker(phrase: str, sp: _Speakers) -> Optional[str]:
    """The source named in a subject or agent phrase."""
    phrase = phrase.strip(" ,;:—–-\u00a0")
    phrase = re.sub(r"^(?:as|and|but|while|meanwhile|however|so|then)\s+", "", phrase, flags=re.I)
    if not phrase:
        return None
    segs = [p.strip() for p in re.split(r",\s*", phrase) if p.strip()]
    # appositive: "Talal al-Barazi, Homs' governor, told" / "Anatoly Tsyganok, the head of X told"
    if len(segs) >= 2 and _looks_description(segs[-1]) and _looks_name(segs[-2]):
        roles = _role_words(segs[-1])
        name = sp.resolve_surname(" ".join(w for w, _, _ in _strip_title(_name_runs(segs[-2])[0])))
        sp.remember(name, roles, True)
        return name
    seg = segs[-1]
    low = seg.lower()
    if low in _PRONOUNS:
        return sp.people[-1] if sp.people else None
    if low in ("it", "they", "we", "i", "you", "there", "this", "that", "one", "i'm", "i’m", "we're", "we’re"):
        return None
    runs = _name_runs(seg)
    roles = _role_words(seg)
    if not runs:
        desc = re.sub(r"^(?:the|a|an)\s+", "", seg, flags=re.I)
        for r in roles:
            if r in sp.roles and low.startswith("the "):
                return sp.roles[r]
        cut = []
        for w in desc.split():
            if w.lower() in _STOP and cut:
                break
            cut.append(w)
        desc = " ".join(cut)
        last = desc.split()[-1].lower() if desc.split() else ""
        # a described source: "the regulator", "officials", "a correspondent", "police"
        if len(desc.split()) > 6 or last in _STOP or last in _SUBJ_INNER or \
                not (desc != seg or last.endswith("s") or roles or last in _SOURCE_NOUNS):
            return None
        return desc
    # "The governor of Homs Talal Barazi": after "<title> of", the first word is the place
    m = re.search(r"\b(\w+) of ([A-Z][^\s,]*(?: [^\s,]+){2,})$", seg)
    if m and m.group(1).lower() in _TITLES and len(runs[-1]) >= 3:
        run = runs[-1][1:]
    else:
        run = runs[-1]
    run = _strip_title(run)
    name = " ".join(w for w, _, _ in run)
    # a lone nationality adjective before lower-case nouns: "a Syrian police officer"
    after = seg[run[-1][2]:].strip()
    if len(run) == 1 and after and after[0].islower() and _is_adjective(run[0][0]):
        return re.sub(r"^(?:the|a|an)\s+", "", seg, flags=re.I)
    is_org = any(w.lower() in _ORG_WORDS for w, _, _ in run) or run[0][0].isupper() and run[0][0].isalpha() \
        and run[0][0].upper() == run[0][0] and len(run) == 1 and len(run[0][0]) > 1
    if not is_org:
        name = sp.resolve_surname(name)
    sp.remember(name, roles, not is_org)
    return name


def _looks_name(seg: str) -> bool:
    """A proper name: "Talal al-Barazi", "The Syrian Observatory for Human Rights"."""
    toks = seg.split()
    if toks and toks[0] == "The" and len(toks) > 1:
        toks = toks[1:]
    if not toks or len(toks) > 7:
        return False
    if toks[0].lower() in _STOP or toks[0].lower() in _WEEKDAYS or not _cap(toks[0]):
        return False
    return all(_cap(t) or t.lower() in _PARTICLES or t in ("of", "for", "and", "the") for t in toks)


def _looks_description(seg: str) -> bool:
    toks = seg.split()
    if not toks:
        return False
    if toks[0].lower() in ("the", "a", "an") or toks[0][0].islower():
        return True
    return "’" in seg or "'s" in seg or any(t.lower().strip(".") in _TITLES for t in toks)


def _role_words(seg: str):
    return [w for w in re.findall(r"[a-z]+", seg.lower()) if w in _TITLES or w in ("expert", "analyst")]


_DIGIT_NEXT = re.compile(r"\s+(?:[$€£¥]|\d)")
_SUBJ_TOKEN = re.compile(r"[^\W\d_][\w’'.\-]*|\S")
_PREPS = frozenset("in at on to with by for from near of about over under into after before since during "
                   "across against among between through via within without than like".split())
_SUBJ_INNER = frozenset("of for from the a an".split()) | _PARTICLES


def _subject_span(s: str, v: int):
    """(start, end) of the subject of a reporting verb at ``v``, or None."""
    start = _subject_start(s, v)
    if start is None:
        return None
    m = re.match(r"((?:[A-Z][\w’'.\-]*\s+){0,5}[A-Z][\w’'.\-]*)\s+(?:in|at|of|from)\s+[A-Z]", s[start:v])
    if m and _looks_name(m.group(1)):          # "Jyske Bank in Denmark announced"
        return start, start + m.end(1)
    return start, v


def _subject_start(s: str, v: int) -> Optional[int]:
    """Where the subject of a reporting verb at ``v`` starts: the noun phrase just before it
    ("the Russian Defense Ministry", "a correspondent from AFP"), with an appositive
    ("Talal al-Barazi, Homs' governor,") reaching back to the name; None when the words before
    the verb are no subject (a prepositional object, a clause, a number)."""
    lo = max(0, v - 160)
    toks = [(m.group(), m.start()) for m in _SUBJ_TOKEN.finditer(s, lo, v)]
    i = len(toks)
    if i and toks[-1][0].lower() in _PRONOUNS:
        return toks[-1][1]
    start = None
    while i > 0 and len(toks) - i < 10:
        w, a = toks[i - 1]
        low = w.lower()
        if not w[0].isalpha() or (low in _STOP and low not in _SUBJ_INNER):
            break
        start = a
        i -= 1
    if start is None:
        # "Name, description, told": the comma right before the verb
        if i > 0 and toks[i - 1][0] == ",":
            j = i - 1
            seg_start = None
            while j > 0 and toks[j - 1][0] not in ",“”\"(;:" and i - j < 12:
                seg_start = toks[j - 1][1]
                j -= 1
            if seg_start is not None and j > 0 and toks[j - 1][0] == ",":
                desc = s[seg_start:toks[i - 1][1]]
                if _looks_name(desc.strip()):      # "The ministry's spokesman, Igor Konashenkov, said"
                    return seg_start
                k = j - 1
                name_start = None
                while k > 0 and toks[k - 1][0][0].isalpha() and (j - 1) - k < 8:
                    name_start = toks[k - 1][1]
                    k -= 1
                if name_start is not None and _looks_description(desc.strip()) and \
                        _looks_name(s[name_start:toks[j - 1][1]].strip()):
                    return name_start
        return None
    phrase = s[start:v].split()
    if phrase[0].lower() in ("of", "for", "from") or phrase[-1].lower() in _SUBJ_INNER:
        return None
    # an appositive before it: "Anatoly Tsyganok, the head of the Center ... told"
    if i > 1 and toks[i - 1][0] == "," and _looks_description(s[start:v].strip()):
        k = i - 1
        name_start = None
        while k > 0 and toks[k - 1][0][0].isalpha() and (i - 1) - k < 6:
            name_start = toks[k - 1][1]
            k -= 1
        if name_start is not None and _looks_name(s[name_start:toks[i - 1][1]].strip()) and \
                (k == 0 or toks[k - 1][0] in ",“”\"(;:" or toks[k - 1][0].lower() in _STOP):
            return name_start
    # a prepositional object is no subject: "Jyske Bank in Denmark announced" -> the NP before "in"
    if i > 0 and toks[i - 1][0].lower() in _PREPS:
        k = i - 1
        name_start = None
        while k > 0 and _cap(toks[k - 1][0]) and (i - 1) - k < 5:
            name_start = toks[k - 1][1]
            k -= 1
        if name_start is not None and (k == 0 or not toks[k - 1][0][0].isalpha()):
            return name_start
        return None
    return start


class _Attr(NamedTuple):
    name: Optional[str]
    start: int      # where the attribution phrase starts in the sentence
    end: int
    verb: int       # offset of the reporting verb (or "according to")


_BLOCK = re.compile(r",\s*(?:while|whereas|but)\b|;")


def _attributions(s: str, sp: _Speakers) -> list:
    out = []
    for m in (_ACCORDING.finditer(s) if _MAYBE_ACCORDING.search(s) else ()):
        np = m.group("np")
        name = _speaker(np, sp)
        out.append(_Attr(name, m.start(), m.end(), m.start()))
    taken = [(a.start, a.end) for a in out]
    for m in _INVERTED.finditer(s):
        if any(a <= m.start("np") < b for a, b in taken):
            continue
        np = m.group("np")
        if any(w.lower() in _STOP and w.lower() not in _SUBJ_INNER for w in np.split()):
            continue            # not a name after the verb but a clause: ", said the move will ..."
        name = _speaker(np, sp)
        if name:
            out.append(_Attr(name, m.start(), m.end(), m.start()))
            taken.append((m.start(), m.end()))
    for m in _SUBJ_VERB.finditer(s):
        v = m.start()
        adv = _ADV_BEFORE.search(s, max(0, v - 60), v)
        if adv:
            v = adv.start()
        if any(a <= v < b for a, b in taken):
            continue
        verb = m.group("verb")
        if verb in ("adding", "saying", "telling") or _NOUN_BEFORE.search(s, max(0, v - 8), v):
            continue
        if verb in ("added", "adds") and _DIGIT_NEXT.match(s, m.end()):   # "X added 15 sen": a gain
            continue
        span = _subject_span(s, v)
        if span is None:
            continue
        subj_start = span[0]
        subj = s[span[0]:span[1]]
        name = _speaker(subj, sp)
        if name:
            out.append(_Attr(name, subj_start, m.end(), v))
    out.sort(key=lambda a: a.verb)
    return out


_QUOTE_CHARS = re.compile(r"[“”\"]")


def _quote_spans(s: str) -> list:
    """(open, close) offsets of quotations in the sentence; an unclosed one runs to the end."""
    spans = []
    opened = None
    for m in _QUOTE_CHARS.finditer(s):
        c, i = m.group(), m.start()
        if c == "“" or (c == '"' and opened is None):
            opened = i
        elif opened is not None:
            spans.append((opened, i))
            opened = None
        elif c == "”":
            spans.append((0, i))
    if opened is not None:
        spans.append((opened, len(s)))
    return spans


class _SentenceAttrs(NamedTuple):
    attrs: list          # attributions sorted by the offset of their verb
    verbs: list          # those offsets (for bisect)
    spans: list          # quotations, in order
    opens: list          # their opening offsets (for bisect)


def _sentence_attrs(s: str, attrs: list) -> _SentenceAttrs:
    spans = _quote_spans(s)
    return _SentenceAttrs(attrs, [a.verb for a in attrs], spans, [a for a, _ in spans])


def _in_quote(sa: _SentenceAttrs, qs: int):
    i = bisect_right(sa.opens, qs) - 1
    if i >= 0 and qs < sa.spans[i][1]:
        return sa.spans[i]
    return None


def _pick_attr(sa: _SentenceAttrs, s: str, qs: int, qe: int) -> Optional[_Attr]:
    attrs = sa.attrs
    if not attrs:
        return None
    # inside a quotation: the speaker named right after it closes, or right before it opens
    span = _in_quote(sa, qs)
    if span:
        a, b = span
        i = bisect_left(sa.verbs, b)
        for at in attrs[max(0, i - 1):i + 2]:
            if b <= at.start <= b + 3 or at.verb >= b and not s[b:at.start].strip(" ,”\"’"):
                return at
        i = bisect_left(sa.verbs, a)
        for at in reversed(attrs[max(0, i - 2):i]):
            if at.end <= a + 2:
                return at
    i = bisect_left(sa.verbs, qs)
    if i > 0:
        return attrs[i - 1]
    # a trailing source: the next attribution, unless a new clause ("while ...") comes between
    for at in attrs[i:i + 3]:
        if at.start >= qe:
            return None if _BLOCK.search(s, qe, at.start) else at
    return None


# --------------------------------------------------------------------------- modality

_PLAN = re.compile(r"\b(?:plan(?:s|ned)?|due to|scheduled|set to|agreed to|provides? for|calls? for|"
                   r"envisages?|intends?|aims? to|to be (?:\w+ed)|targets?)\b", re.I)
# a figure that is the object of a deal: "the agreement provides for / was the withdrawal of 10,000"
_PLAN_NOUN = re.compile(r"\b(?:agreement|deal|accord|truce|ceasefire|cease-fire|plan|roadmap)\b", re.I)
_FORECAST = re.compile(r"\b(?:will|would|expected|expects?|expecting|likely|could|may|might|projected|forecasts?|"
                       r"predicted|predicts?|anticipated|anticipates?|estimated to|set to reach|poised|"
                       r"going to|shall)\b")
_CLAUSE_START = re.compile(r"[,;:(—]|\b(?:that|which|who|where|while|but|whereas|because|although|though|"
                           r"since|after|when|as)\b")
_NOT_SUBJECT = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|\w+ed|of|to|with|on|in|at|by|"
                          r"from|for|than)\s", re.I)
_REL = re.compile(r"^\s*(?:,\s*)?(?:who|which|that|whom|whose)\b")
# the verb group right after a figure that is its subject: auxiliaries, modals, adverbs and the
# verb they carry ("are expected to leave", "will be evacuated", "were destroyed", "are to be moved")
_VERB_GROUP = re.compile(
    # a phrase after the noun ("40 tonnes of relief supplies would arrive"), skipped only when an
    # auxiliary follows it
    r"(?:\s+(?:of|in|from|for|on|at|with)\s+[^,;:()—]{1,50}?(?=\s+(?:will|would|could|may|might|shall|should|"
    r"must|can|are|is|were|was|have|has|had)\b))?"
    r"\s*(?:(?:will|would|could|may|might|shall|should|must|can|are|is|were|was|be|been|being|have|has|had|"
    r"to|not|also|still|now|then|soon|all|only|reportedly|expected|likely|unlikely|due|set|scheduled|planned|"
    r"poised|projected|forecast|predicted|anticipated|estimated|going|about|[a-z]+ly)\s+)*[\w’'-]*", re.I)


_WINDOW = 240     # characters around a figure that its modality and harm verbs are read from


def _modality(s: str, qs: int, np_end: int) -> str:
    """Only a plan, deal or future that governs the figure's own clause makes it a plan or a
    forecast: the words of its clause before it ("officials expect the toll to rise to 200",
    "expected to move 500 migrants", "the agreement provides for ...") or the verb group it is the
    subject of ("200 are expected to leave"); a later clause ("3,000 homes were destroyed and the
    toll was likely to rise") does not."""
    before = s[max(0, qs - _WINDOW):qs]
    cut = 0
    for m in _CLAUSE_START.finditer(before):
        cut = m.end()
    head = before[cut:]
    if _REL.match(s, np_end) or _NOT_SUBJECT.search(head):
        after = ""      # the verb after the figure governs it only when the figure is its subject
    else:
        after = _VERB_GROUP.match(s, np_end, min(len(s), np_end + _WINDOW)).group()
    zone = head + " " + after
    if _PLAN.search(zone) or _PLAN_NOUN.search(head):
        return "plan"
    if _FORECAST.search(zone) or _FORECAST_AFTER.match(s, np_end):
        return "forecast"
    return "count"


# "with up to 47C possible", "highs of between 44C and 46C expected on Thursday": a postposed forecast
_FORECAST_AFTER = re.compile(r"\s+(?:possible|expected|forecast|predicted|likely|anticipated)\b(?!\s+(?:by|from)\b)")


# --------------------------------------------------------------------------- composition

_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")
_OF_TOTAL = re.compile(r"^\s+of\s+(?:(?:the|its|their|his|her|our|this|that|all|[\w-]+['’]s?)\s+){0,3}$", re.I)
_COMMA_ONLY = re.compile(r"^\s*,\s*$")
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|as well as\s+|plus\s+)?|\s+(?:and|as well as|plus|&)\s+)$")
_RESTATED = re.compile(r"^\s*[(\[]\s*(?:or\s+|about\s+|roughly\s+|around\s+|some\s+)?$")
_INCLUDING = re.compile(r"(?:\bincluding|\bincl\.|\bamong them|\bamong whom|\bamong those|\bof whom|\bof which|"
                        r"\bof them|\bamong)\s*$", re.I)


def _combine(parts: list):
    lows = [p.low for p in parts]
    highs = [p.high for p in parts]
    quals = {p.qualifier for p in parts}
    low = sum(lows) if all(v is not None for v in lows) else None
    high = sum(highs) if all(v is not None for v in highs) else None
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        if low == high:
            q = "exact" if quals == {"exact"} else "approx"
            return low, low, high, q
        return None, low, high, "range"
    if high is None:
        return low, low, None, "gt" if "gt" in quals else "ge"
    return high, None, high, "lt" if "lt" in quals else "le"


# --------------------------------------------------------------------------- the stage

class _Raw(NamedTuple):
    sent: object
    q: object
    s: str


def extract_claims(article: Article, config=None) -> list:
    """Every stated figure of the article's body as a Claim, in document order."""
    lex = lexicon_from_config(config)
    grammar = grammar_for(config) if isinstance(config, Config) else None   # a user's numbers_* lists
    text = article.text
    doc = article.doc
    sp = _Speakers()
    sents = split_sentences(text, article.body_start, len(text))
    m = _NOTES_HEADING.search(text, article.body_start)
    notes_from = m.end() if m else len(text) + 1
    # pass 1: attributions per sentence (names remembered in document order)
    sent_attrs = []
    for se in sents:
        s = text[se.start:se.end]
        if _MAYBE_TITLE.search(s):
            sp.scan(s)
        sent_attrs.append(_attributions(s, sp) if _MAYBE_ATTR.search(s) else [])
    claims: list = []
    quote_open: dict = {}       # paragraph -> True while a quotation runs across sentences
    for si, se in enumerate(sents):
        s = text[se.start:se.end]
        attrs = sent_attrs[si]
        in_quote = quote_open.get(se.para, False)
        quote_open[se.para] = _quote_balance(s, in_quote)
        qs_ = find_quantities(s, grammar) if grammar is not None else find_quantities(s)
        line_start = text[text.rfind("\n", 0, se.start) + 1:se.start].strip(" \t#*>•-") == ""
        if qs_ and se.start >= notes_from and _FOOTNOTE_MARK.match(s) and qs_[0].start == 0 and line_start:
            qs_ = qs_[1:]       # "1 National Disaster Agency, report of ...": a note's marker
        elif qs_ and qs_[0].start == 0 and line_start and _ENUMERATION.match(text, se.start):
            qs_ = qs_[1:]       # "1. The FVT represents ...", "2) Turnout rose": a numbered list's marker
        if not qs_:
            continue
        carried = _carried_speaker(text, sents, sent_attrs, si)
        sa = _sentence_attrs(s, attrs)
        sent_claims: list = []
        for q in qs_:
            recent = claims[-8:] + sent_claims[-8:]      # what "of them" / "of whom" may point back to
            sent_claims.append(_claim_for(article, doc, se, s, q, lex, sa, sents, si, sent_attrs, in_quote,
                                          carried, recent))
        _compose(sent_claims, s, se, lex, claims)
        claims.extend(sent_claims)
    out = _with_totals(claims, article, lex)
    if lex.report_as:       # a finer class read internally, reported as the contract's ("missing" -> "people")
        out = [_replace(c, category=lex.report_as[c.category]) if c.category in lex.report_as else c for c in out]
    return out


# a heading over notes or sources at the end of a release ("## Notes to editors", "Sources:");
# below it a line opening with a small number is a note's marker, not a figure
_NOTES_HEADING = re.compile(r"^[ \t#*_]*(?:notes?(?:\s+(?:to|for)\s+editors?)?|editor[’']?s?\s+notes?|footnotes?|"
                            r"endnotes?|sources?|references?)[ \t]*:?[ \t*_]*$", re.I | re.M)
_ENUMERATION = re.compile(r"\d{1,2}[.)]\s*(?:$|\n|[ \t]+[^\W\d_])")
_FOOTNOTE_MARK = re.compile(r"\d{1,2}[.)]?\s+[^\W\d_]")


_CARRY = 2     # sentences a reported account runs on unattributed ("X said that ... . About 4,500 of them ...")


def _carried_speaker(text, sents, sent_attrs, si):
    """The source of a sentence without attribution of its own: the one named in the last
    preceding sentence of the same paragraph, at most ``_CARRY`` sentences back."""
    para = sents[si].para
    for j in range(si - 1, max(-1, si - 1 - _CARRY), -1):
        if sents[j].para != para:
            return None
        if sent_attrs[j]:
            at = sent_attrs[j][-1]
            # only an account that opens with its source runs on ("X said that ..."), not one that
            # closes with it ("..., X reported.")
            rest = text[sents[j].start + at.end:sents[j].end]
            return at.name if len(_WORDS_RE.findall(rest)) >= 3 else None
    return None


_WORDS_RE = re.compile(r"[^\W\d_]+")


_MAYBE_TITLE = re.compile(r"\b[A-Z][a-z]+\.? [A-Z]")
_MAYBE_ATTR = re.compile(rf"\b(?:{_SPEECH})\b|ccording to|cited by|quoted by|[Cc]iting")


def _quote_balance(s: str, open_: bool) -> bool:
    """Whether a quotation is still open after this sentence."""
    for m in _QUOTE_CHARS.finditer(s):
        c = m.group()
        open_ = True if c == "“" else False if c == "”" else not open_
    return open_


def _claim_for(article, doc, se, s, q, lex, sa, sents, si, sent_attrs, in_quote, prev_name, claims):
    attrs = sa.attrs
    value_one = q.value is not None and q.value == 1
    counted, category, end, kind, heads = "", None, q.end, None, ()
    figure_ref = None
    if q.unit_text or (q.unit and q.unit not in ("dimensionless", "")):
        counted = q.unit_text or q.unit
        category = lex.lookup(counted) or lex.unit_category(q.unit) or "other"
    elif s.startswith("-strong", q.end) or s.startswith("-Strong", q.end):
        # "a 77-strong search team", "a 5,000-strong force": a group of people, counted whole
        m = _STRONG_NP.match(s, q.end + 7)
        if m:
            counted, end = m.group("np"), m.end("np")
            heads = (counted.split()[-1],)
        category = _category(counted, heads, lex) if counted else None
        if category not in lex.people_like:
            category = lex.lookup("people") or "people"
    elif _is_magnitude(s, q):
        counted = "magnitude"
        category = lex.lookup(counted) or "other"
    else:
        np = _np_after(s, q.end, lex, singular=value_one, vague=q.text[-1:].isalpha())
        if np and np.kind != "ref" or np and np.counted:
            counted, end, kind, heads = np.counted, np.end, np.kind, np.heads
        elif np:
            kind, end = "ref", np.end
        if not counted and kind != "ref":
            before = _np_before(s[max(0, q.start - 200):q.start], lex)
            if before and before[1] == "figure":
                figure_ref = _figure_referent(claims, se, q, lex)
                if figure_ref is not None:
                    counted, category = figure_ref.counted, figure_ref.category
            elif before:
                counted = before[0]
        if counted and category is None:
            category = _category(counted, heads, lex)
        elif kind is None and category is None:
            category = lex.subject_verb(s, q.end)
        if category is None or category in lex.people_like:
            g = lex.governing(s, q.start, end)
            if category is None or g in lex.people_states:
                category = g or category
        elif category == "other" and kind == "np" and not lex.has(heads[-1] if heads else counted):
            g = lex.governing(s, q.start, end, strict=True)
            category = g if g in lex.people_states else category
        if category is None and not counted and kind is None:
            # "well above the 336 listed on the manifest": a bare figure set against one before it
            cmp_ = _compared(claims, se, s, q, lex)
            if cmp_ is not None:
                counted, category = cmp_.counted, cmp_.category
    start = se.start + q.start
    cid = f"{doc}:{start}"
    # attribution
    at = _pick_attr(sa, s, q.start, q.end)
    said_by = at.name if at else None
    if said_by is None and not attrs:
        if in_quote or _in_quote(sa, q.start):
            said_by = _closing_speaker(s, sents, si, sent_attrs)
        if said_by is None:
            said_by = prev_name
    part_of = None
    modality = _modality(s, q.start, end)
    if kind == "ref":
        ref = _referent(claims, se, lex)
        if ref is not None:
            part_of = ref.id
            if not counted:
                # "three of them were admitted to hospital": a state of its own, else the group's
                own = category if category in lex.people_states else None
                counted, category = ref.counted, own or ref.category
            else:
                category = _inherit_state(category, ref, lex)
            if modality == "count":
                modality = ref.modality
    abs_end = se.start + end
    return Claim(id=cid, doc=doc, start=start, end=abs_end, text=article.text[start:abs_end],
                 value=q.value, low=q.low, high=q.high, qualifier=q.qualifier, change=q.change,
                 counted=counted, category=category or "other", sentence=s, sent_start=se.start,
                 said_by=said_by, unit=q.unit, part_of=part_of, modality=modality)


_STRONG_NP = re.compile(r"\s+(?P<np>[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){0,2}?)(?=\s*(?:[,;:.!?()—–]|$|\s+(?:of|from|who|that|which|"
                        r"was|were|is|are|has|have|had|will|would|flew|arrived|left|in|at|on|to|and|with)\b))", re.I)
# a seismic magnitude: "a magnitude 7.2 quake", "magnitude-6.1", "a 6.4-magnitude tremor",
# "measuring 7.0 on the Richter scale", "(an aftershock) measuring 5.6"
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]*$", re.I)
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude\b|on\s+the\s+(?:\w+\s+)?(?:richter|magnitude)\s+scale)", re.I)
_MEASURING = re.compile(r"\b(?:measuring|measured|registering|registered|reading)\s+$", re.I)
_OF_BEFORE = re.compile(r"\bof\s+$")
_SEISMIC = re.compile(r"quake|tremor|aftershock|seismic|richter|magnitude", re.I)


def _SEISMIC_HINT(s: str) -> bool:
    """A cheap test first (most sentences name no quake), then the regex."""
    return ("uake" in s or "agnitude" in s or "ichter" in s or "remor" in s or "ftershock" in s
            or "eismic" in s or "UAKE" in s or "AGNITUDE" in s) and bool(_SEISMIC.search(s))


def _is_magnitude(s: str, q) -> bool:
    if q.value is None or not 0 < q.value < 10.5 or not _SEISMIC_HINT(s):
        return False
    if _MAGNITUDE_BEFORE.search(s, max(0, q.start - 20), q.start) or _MAGNITUDE_AFTER.match(s, q.end):
        return True
    if _MEASURING.search(s, max(0, q.start - 20), q.start):
        return True
    # "an aftershock of 5.6": only a decimal (a count is "a series of 5 aftershocks")
    return q.value != int(q.value) and bool(_OF_BEFORE.search(s, max(0, q.start - 5), q.start))


def _inherit_state(category, whole, lex: Lexicon):
    """A part of people that the sentence says nothing more of shares its whole's state:
    "70 demonstrators were arrested, among them 9 shop stewards" -> 9 arrested."""
    if whole is not None and whole.category in lex.people_states and (category is None or category in lex.people_like):
        return whole.category
    return category


def _figure_referent(claims: list, se, q, lex: Lexicon):
    """What "the number" / "the figure" / "the estimate" counts: of the people counted just before
    (this paragraph or the ones before it), the figure nearest in size ("organisers said 100,000
    people took part; police put the number at about 15,000")."""
    v = q.value if q.value is not None else _mid(q.low, q.high)
    if not v or v <= 0:
        return None
    best, best_d = None, None
    for c in reversed(claims[-12:]):
        if c.sent_start < se.start - 1500:
            break
        if c.category not in lex.counts_people or c.derived:
            continue
        cv = c.value if c.value is not None else _mid(c.low, c.high)
        if not cv or cv <= 0:
            continue
        d = abs(math.log(cv / v))
        if d <= math.log(50) and (best_d is None or d < best_d - 1e-9):
            best, best_d = c, d
    return best


def _mid(low, high):
    if low and high and low > 0:
        return math.sqrt(low * high)
    return low or high


_COMPARED = re.compile(r"\b(?:above|below|than|beyond|compared\s+(?:with|to)|against|versus|vs\.?|instead\s+of|"
                       r"rather\s+than|up\s+from|down\s+from|from)\s+(?:the\s+|only\s+|just\s+)?$", re.I)


def _compared(claims: list, se, s: str, q, lex: Lexicon):
    """The claim a bare figure is set against in its own sentence."""
    if not _COMPARED.search(s, max(0, q.start - 30), q.start):
        return None
    for c in reversed(claims[-4:]):
        if c.sent_start == se.start and c.category in lex.counts_people and c.counted:
            return c
    return None


def _category(counted: str, heads: tuple, lex: Lexicon) -> str:
    if len(heads) > 1:
        cats = {lex.lookup(h) for h in heads}
        cats.discard(None)
        if len(cats) == 1:
            return cats.pop()
        if cats and cats <= lex.people_like:
            return "people" if "people" in lex.people_like or not cats else sorted(cats)[0]
        return lex.lookup(heads[0]) or "other"
    head = counted.split(" of ")[0] if " of " in counted else counted
    return lex.lookup(head) or lex.lookup(counted) or "other"


def _closing_speaker(s, sents, si, sent_attrs):
    """A quotation running on past this sentence: the speaker named where it closes."""
    para = sents[si].para
    for j in range(si, min(len(sents), si + 6)):
        if sents[j].para != para:
            break
        if sent_attrs[j]:
            return sent_attrs[j][0].name
    return None


def _referent(claims: list, se, lex: Lexicon):
    """The group a back-reference ("of them") points to: the last count of people nearby
    (killed, injured, arrested and missing people too)."""
    for c in reversed(claims[-8:]):
        if c.sent_start < se.start - 600:
            break
        if c.category in lex.counts_people:
            return c
    return None


def _compose(sent_claims: list, s: str, se, lex: Lexicon, before: list) -> None:
    _compose_lists(sent_claims, s, se, lex)
    _casualty_lists(sent_claims, lex)


def _casualty_lists(sent_claims: list, lex: Lexicon) -> None:
    """A verb of harm before or after a list covers every part: "killed 3 soldiers and 2 civilians"."""
    groups: dict = {}
    for i, c in enumerate(sent_claims):
        if c.group:
            groups.setdefault(c.group, []).append(i)
    for idx in groups.values():
        harm = {sent_claims[i].category for i in idx} - lex.people_like
        if len(harm) != 1 or not harm <= lex.summable:
            continue
        cat = harm.pop()
        for i in idx:
            if sent_claims[i].category in lex.people_like:
                sent_claims[i] = _replace(sent_claims[i], category=cat)


def _compose_lists(sent_claims: list, s: str, se, lex: Lexicon) -> None:
    """Lists ("300 militants and 1,065 civilians") share a group; "including 700 militants",
    "of whom 700" are part_of the figure before; "100 billion lira ($5.3 billion)" restates it."""
    gaps = [s[sent_claims[i - 1].end - se.start:sent_claims[i].start - se.start] for i in range(1, len(sent_claims))]
    for i in range(1, len(sent_claims)):
        a, b = sent_claims[i - 1], sent_claims[i]
        b_rel = b.start - se.start
        gap = gaps[i - 1]
        # a comma alone lists only when an "and" closes the list ("300 militants, 200 women and
        # 500 children"); else it is an apposition ("1,462 schools, more than two-thirds of them")
        listed = _LIST_GAP.match(gap) and (not _COMMA_ONLY.match(gap) or any(
            _LIST_GAP.match(g) and not _COMMA_ONLY.match(g) for g in gaps[i:]))
        if listed and a.counted and b.counted and not (
                a.category != b.category and {a.category, b.category} <= lex.people_states):
            # (not two states said each of its own figure: "9 were arrested, and dozens were injured")
            sent_claims[i] = b = _replace(b, group=a.group or a.id, part_of=b.part_of or a.part_of)
            if not a.group:
                sent_claims[i - 1] = a = _replace(a, group=a.id)
            continue
        if _RESTATED.match(gap):
            sent_claims[i] = _replace(b, modality=a.modality, said_by=b.said_by or a.said_by)
            continue
        if not a.counted and b.counted and _OF_TOTAL.match(gap) and a.part_of is None:
            # "820 of the region's 2,140 public schools", "84 of 150 seats": a share of the total after it
            sent_claims[i - 1] = a = _replace(a, counted=b.counted, category=b.category, part_of=b.id)
            continue
        if b.part_of is None and _INCLUDING.search(s, max(0, b_rel - 40), b_rel):
            whole = next((c for c in reversed(sent_claims[:i]) if c.group is None or c.group == c.id), None)
            if whole is not None:
                mod = b.modality if b.modality != "count" else whole.modality
                sent_claims[i] = _replace(b, part_of=whole.id, modality=mod,
                                          category=_inherit_state(b.category, whole, lex) or b.category)


def _replace(c: Claim, **kw) -> Claim:
    return replace(c, **kw)


def _with_totals(claims: list, article: Article, lex: Lexicon) -> list:
    """Add a derived total after each list of people-like parts of one group. A member that is a
    part of another member ("four foreign nationals, two of them aid workers") is no summand: it
    leaves the group, and a group of one is no group."""
    ids = {c.id: c for c in claims}
    inner = {c.id for c in claims if c.group and c.part_of in ids and ids[c.part_of].group == c.group}
    if inner:
        claims = [_replace(c, group=None) if c.id in inner else c for c in claims]
    groups: dict = {}
    for c in claims:
        if c.group:
            groups.setdefault(c.group, []).append(c)
    lone = {g[0].id for g in groups.values() if len(g) == 1}
    if lone:
        claims = [_replace(c, group=None) if c.id in lone else c for c in claims]
        groups = {k: g for k, g in groups.items() if len(g) > 1}
    if not groups:
        return claims
    out = []
    last_of = {g[-1].id: g for g in groups.values()}
    for c in claims:
        out.append(c)
        parts = last_of.get(c.id)
        if not parts or len(parts) < 2:
            continue
        cats = {p.category for p in parts}
        if not (cats <= lex.people_like or len(cats) == 1 and cats <= lex.summable):
            continue
        comb = _combine(parts)
        if comb is None:
            continue
        value, low, high, qual = comb
        first = parts[0]
        start, end = first.start, parts[-1].end
        out.append(Claim(
            id=f"{first.id}+", doc=first.doc, start=start, end=end, text=article.text[start:end],
            value=value, low=low, high=high, qualifier=qual,
            counted=" and ".join(p.counted for p in parts),
            category=cats.pop() if len(cats) == 1 else "people",
            sentence=first.sentence, sent_start=first.sent_start, said_by=first.said_by,
            unit=first.unit, group=first.group, part_of=first.part_of, derived=True,
            parts=tuple(p.id for p in parts), modality=first.modality))
    return out
