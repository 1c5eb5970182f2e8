"""The grammar of a stated figure (owner: numbers).

Interface used by the extract stage:
    find_quantities(sentence: str) -> list[Quantity]   # offsets relative to ``sentence``
    parse_number(text: str) -> float | None            # "1,065" -> 1065.0, "a dozen" -> 12.0

How a sentence is read (each step is a rule of English news writing, not of one corpus):

1. Spans that hold digits but are not amounts are masked first: dates ("March 18",
   "June 30, 2017", "January 23-24", "21/03/2017", ISO stamps), clock times ("12:28 pm",
   "11 a.m.", "0401 GMT", "4:39", "09.30 GMT", "18.45 local time", "07.15": a dotted time beside a
   time zone or with a leading zero), phone numbers written in groups ("0800 555 0143",
   "(0161) 496 0220", "+44 (0)20 7946 0321": a first group opening with 0 or a +country code, or any
   groups after "call", "hotline", "tel:" ..., see ``phone_words``) and dotted version numbers.
2. Number cores are found: digits with thousands separators (comma, no-break, thin and
   narrow no-break space) and decimals; number words ("seven", "twenty-five", "a dozen",
   "a million"); fractions ("a third of", "two-thirds", "1/2", "one in five"); vague plurals
   ("hundreds", "tens of thousands"), which stand for the range [n, 10n].
3. Each core takes what is written around it: a currency sign or code before it ("$",
   "HK$", "USD", "€"), a sign ("-", "+", "minus"), a scale word or suffix after it
   ("2.5 million", "1.3m", "25k", "$4.2bn"), a percent sign or word, and a unit of
   measure (named from quantulum3's unit tables, see ``_Units``).
4. Two cores joined by "-", "to", "between .. and", "from .. to" or "or" become one range;
   the unit, currency and scale written on one end apply to both ("4 to 5 thousand").
   A descending "2-0" with no unit is a score, not a range, and is dropped.
5. What is not an amount is dropped: years ("in 2011", "the 1988 film"), ordinals ("22nd"),
   identifiers (a number after a label noun: "resolution", "Flight", "No.", "Gate"; "Bill" and the
   like only when capitalised; a plural label before a range or list: "zones 3 through 11",
   "Gates 4, 5 and 6"; or after a capitalised name: "iPhone 11", "Game 7", "S&P 500"), references
   with a slash ("No. 2024/311", "case 17/2023"), digits glued to letters ("3Now", "5G", "S23"),
   decades ("1990s"), a bare number in brackets ("(4)"), a footnote or list marker opening a line
   ("1 The state fire marshal's office said ..."; a title-case headline "35 Killed in Blast" counts),
   and "one" used as a pronoun ("one of the largest", "the only one"). A bare number after a name
   that closes a coordinated clause is gapped, not a name: "took 41 seats and the Green Union 12"
   (the extract stage carries the counted noun over).
6. A qualifier phrase before it sets the qualifier (see data/numbers.toml for the lists and
   the policy: "nearly"/"almost" are approx; "up to"/"as many as" are le); a change verb
   before it ("rose 5%", "fell by 3 points", "up 19 cents", "+0.2%") sets ``change``.
   "rose to 42" is not a change: the figure after "to" is the new level.

quantulum3 is never run over the text: its unit dictionary names a unit, and only when a
written unit has several meanings ("pounds", "seconds") is its disambiguation consulted,
once per sentence and unit (cached), with the candidates in a fixed order so the answer
does not depend on the hash seed.
"""
from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Optional

from .model import Quantity

__all__ = ["find_quantities", "parse_number", "Grammar", "default_grammar", "grammar_for", "stats", "bench"]

# counters for the report on how often quantulum3 is consulted (see ``stats``)
_STATS = {"sentences": 0, "unit_lookups": 0, "disambiguations": 0}


def stats(reset: bool = False) -> dict:
    """Counts of sentences read, unit look-ups and quantulum3 disambiguation calls."""
    out = dict(_STATS)
    if reset:
        for k in _STATS:
            _STATS[k] = 0
    return out


_SEP = "[,\u00a0\u202f\u2009]"
_DIGITS = re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])")
_WORD = re.compile(r"[A-Za-z]+")
_SPACE = r"[\s\u00a0\u202f\u2009]"


def _load_data() -> dict:
    text = resources.files("crosscheck").joinpath("data", "numbers.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


_THRESHOLD = {"past", "beyond", "above", "below", "surpassing", "topping", "exceeding", "well above",
              "just above", "just below"}
_TIME_DETERMINERS = {w: True for w in ("the", "this", "these", "those", "last", "its", "their", "his", "her",
                                       "our", "my", "your", "a", "an")}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
             "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "today", "yesterday", "tomorrow"}


# "Grace Achieng, 52, said": a name (two capitalised words, or one after a title) and a bare number
# between commas is the person's age, not a figure of the story
_AGE_APPOSITION = re.compile(r"(?:\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+|\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'’-]+)"
                             r"[\s\u00a0]*,[\s\u00a0]*$")
# a number that names a service: "the 112 emergency line", "a toll-free line, 1199, for families"
_SERVICE_AFTER = re.compile(r"[\s\u00a0]+(?:emergency\s+)?(?:line|hotline|helpline|number)\b", re.I)
_SERVICE_BEFORE = re.compile(r"\b(?:line|hotline|helpline|number)[\s\u00a0]*,[\s\u00a0]*$", re.I)

class _Units:
    """Names units of measure from quantulum3's unit tables (loaded once, lazily)."""

    def __init__(self, not_units):
        self._u = None
        self.not_units = {w.lower() for w in not_units}

    def _tables(self):
        if self._u is None:
            self._u = quantulum_units()
        return self._u

    def candidates(self, surface: str, glued: bool):
        if not surface or surface.lower() in self.not_units:
            return ()
        if len(surface) == 1 and not glued:
            return ()
        u = self._tables()
        found = u.symbols.get(surface) or u.surfaces.get(surface)
        if not found and len(surface) > 1 and not re.fullmatch(r"[A-Z]+s", surface):  # "MPs", "CEOs": plurals
            found = u.surfaces_lower.get(surface.lower())
            if not found and len(surface) > 2:
                found = u.symbols_lower.get(surface.lower())
        if not found:
            return ()
        return tuple(sorted((x for x in found if x.entity.name not in ("dimensionless", "unknown")),
                            key=lambda x: x.name))

    def name(self, surface: str, glued: bool, sentence: str) -> Optional[str]:
        _STATS["unit_lookups"] += 1
        if "/" in surface or " per " in surface.lower():
            a, b = re.split(r"/|\s+per\s+", surface, maxsplit=1, flags=re.I)
            na, nb = self.name(a, glued, sentence), self.name(b, True, sentence)
            return f"{na} per {nb}" if na and nb else None
        cands = self.candidates(surface, glued)
        if not cands:
            return None
        if len(cands) == 1:
            unit = cands[0]
        else:
            unit = _disambiguate(cands, sentence)
        code = getattr(unit, "currency_code", None)
        return code or unit.name


def quantulum_units():
    """quantulum3's en_US unit tables (quantulum3 caches them per process).

    Building them pluralises every unit name with ``inflect``, whose import instruments its
    engine with typeguard's ``@typechecked``: typeguard re-parses and recompiles the module's
    source, ~1.2 s of a 1.4 s warm-up. Type checks only ever raise on arguments of a wrong
    type, and the tables are built from quantulum3's own strings, so inflect is imported with
    the decorator as a no-op (what ``python -O`` does); the tables are the same
    (tests/test_numbers_units_load.py compares them with a normal import's).
    """
    if "inflect" not in sys.modules:
        _import_unchecked("inflect")
    from quantulum3 import load
    return load.units("en_US")


def _import_unchecked(module: str) -> None:
    """Import ``module`` with ``typeguard.typechecked`` replaced by the identity for the
    import only (no-op when typeguard is absent or the import fails: the caller's import then
    raises or works as usual)."""
    try:
        import typeguard
    except ImportError:
        return
    checked = typeguard.typechecked

    def unchecked(target=None, **_options):
        return target if target is not None else (lambda t: t)

    typeguard.typechecked = unchecked
    try:
        __import__(module)
    except Exception:  # noqa: BLE001 - the caller imports it again and sees the real error
        pass
    finally:
        typeguard.typechecked = checked


@lru_cache(maxsize=4096)
def _disambiguate(cands: tuple, sentence: str):
    """quantulum3's own choice between units of one surface, deterministic (fixed order)."""
    from quantulum3.no_classifier import disambiguate_no_classifier
    _STATS["disambiguations"] += 1
    return disambiguate_no_classifier(list(cands), sentence) or cands[0]


@dataclass
class _Core:
    """A number as written, with what is glued around it, before ranges and qualifiers."""

    num_start: int
    num_end: int
    value: Optional[float]
    kind: str                           # digit | word | fraction | vague
    low: Optional[float] = None         # vague plurals: the range they stand for
    high: Optional[float] = None
    start: int = -1                     # incl. currency and sign
    end: int = -1                       # incl. scale, percent, unit
    currency: Optional[str] = None
    scale: float = 1.0
    scaled: bool = False
    percent: bool = False
    unit: Optional[str] = None
    unit_text: Optional[str] = None
    sign: str = ""
    drop: Optional[str] = None          # why this is not an amount
    qualifier: str = "exact"
    qual_start: int = -1
    change: Optional[str] = None
    range_to: Optional["_Core"] = None
    text_start: int = -1
    extra: dict = field(default_factory=dict)

    @property
    def measured(self) -> bool:  # noqa: D401 - a unit, currency, percent or scale is written
        return bool(self.currency or self.percent or self.unit or self.scaled)


class Grammar:
    """The number grammar, built from the ``numbers_*`` sections of the config data."""

    def __init__(self, data: dict):
        w = data.get("numbers_words", {})
        self.units = {x: i + 1 for i, x in enumerate(w.get("units", []))}
        self.tens = {x: 20 + 10 * i for i, x in enumerate(w.get("tens", []))}
        self.dozen = set(w.get("dozen", []))
        self.fractions = dict(w.get("fractions", {}))
        self.vague = dict(w.get("vague", {}))
        self.one_not_after = set(w.get("one_not_after", []))
        self.one_not_before = set(w.get("one_not_before", []))
        s = data.get("numbers_scales", {})
        self.scale_words = {k.lower(): float(v) for k, v in s.get("words", {}).items()}
        self.suffixes = {k: float(v) for k, v in s.get("suffixes", {}).items()}
        q = data.get("numbers_qualifiers", {})
        self.qual_before = []
        for name in ("approx", "gt", "ge", "lt", "le", "exact"):
            for p in q.get(name, []):
                self.qual_before.append((p, name))
        self._qual_map = {}
        for p, name in self.qual_before:
            self._qual_map[re.sub(r"\s+", " ", p.lower())] = name
        self.after = [(p, "ge") for p in q.get("after_ge", [])] + [(p, "le") for p in q.get("after_le", [])] \
            + [(p, "approx") for p in q.get("after_approx", [])]
        self.prefix_lt = {p.lower() for p in q.get("prefix_lt", [])}
        c = data.get("numbers_change", {})
        self.change_map = {}
        for d in ("up", "down"):
            for p in c.get(d, []):
                self.change_map[p.lower()] = d
        self._change_fillers = {p: True for p in ("by", "a further", "another", "an additional", "a combined",
                                                  "a total of", "just", "only", "an average of")}
        n = data.get("numbers_not_claims", {})
        self.identifier_nouns = {x.lower() for x in n.get("identifier_nouns", [])}
        self.identifier_caps = {x.lower() for x in n.get("identifier_nouns_capitalised", [])}
        self.phone_words = {x.lower() for x in n.get("phone_words", [])}
        self.months = {x.lower() for x in n.get("months", [])}
        self.year_before = {x.lower() for x in n.get("year_before", [])}
        self.timezones = {x.lower() for x in n.get("timezones", [])}
        self.unit_names = _Units(n.get("not_units", []))
        cur = data.get("numbers_currencies", {})
        self.currencies = dict(cur.get("symbols", {}))
        self.currency_words = {k.lower(): v for k, v in cur.get("words", {}).items()}
        self.extra_units = dict(data.get("numbers_units", {}).get("extra", {}))
        self.up_not_after = {w.lower() for w in c.get("up_not_after", [])}
        self.set_verbs = {w.lower() for w in c.get("set_verbs", [])}
        self.up_to_not_after = {w.lower(): True for w in c.get("up_to_not_after", [])}
        self._build_regexes()

    # ------------------------------------------------------------------ regexes
    def _build_regexes(self):
        month_alts = sorted(self.months, key=len, reverse=True)
        mon = r"(?:" + "|".join(re.escape(m) for m in month_alts) + r")\.?"
        self.month_re = mon
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        clock_zones = "|".join(re.escape(z) for z in sorted(self.timezones - {"hrs", "hours", "local"}, key=len,
                                                             reverse=True))
        phone = "(?:" + "|".join(re.escape(w) for w in sorted(self.phone_words, key=len, reverse=True)) + ")"
        year = r"(?:1[5-9]\d\d|20\d\d)"
        pats = [
            # "March 18", "June 30, 2017", "January 23-24", "Mar 9 2018", "March 2018"
            rf"(?<![\w]){mon}{_SPACE}+(?:{day}(?:{_SPACE}*[-–]{_SPACE}*{day})?(?:,?{_SPACE}+{year})?|{year})(?![\d\w])",
            # "1 September 2019", "23-24 January", "5th of May"
            rf"(?<![\w\d.,]){day}(?:{_SPACE}*[-–]{_SPACE}*{day})?{_SPACE}+(?:of{_SPACE}+)?{mon}(?:,?{_SPACE}+{year})?(?![\w])",
            # numeric dates and ISO stamps
            r"(?<![\w.,/])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?:T[\d:.]+Z?)?(?![\w/])",
            # clock times
            r"(?<![\w.,])\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\b\.?|[AP]\.?M\b\.?)",
            r"(?<![\w.,])\d{1,2}\s*(?:[ap]\.m\.?|[ap]m\b|[AP]M\b|[ap]\.m\b|o'clock|o’clock|noon\b|midnight\b)",
            r"(?<![\w.,:])\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?![\d])",
            # ratios and scores written with a colon ("3:1", "2:0")
            r"(?<![\w.,:])\d{1,3}(?::\d{1,3})+(?![\d.,]\d|\d)",
            r"(?<![\w.,])\d{4}\s*(?:" + "|".join(re.escape(z) for z in sorted(self.timezones, key=len, reverse=True)) + r")\b",
            # "09.30 GMT", "18.45 local time", "at 07.15": a dotted clock time beside a time zone,
            # or with a leading zero (an amount never has one)
            rf"(?<![\w.,])(?:[01]?\d|2[0-3])[.:][0-5]\d{_SPACE}*(?:{clock_zones}|local{_SPACE}+time)\b",
            r"(?<![\w.,])0\d[.:][0-5]\d(?![\d]|[\s\u00a0]*(?:%|per[\s-]?cent|pct))",
            # phone numbers written in groups: "(212) 555-0143", "212-555-0143", "+44 (0)161 496 0220",
            # "0800 555 0143", "(0161) 496 0220", "01 23 45 67 89" (and see ``_phone_masks``)
            r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}",
            r"(?<![\w.,])\d{3}[-.]\d{3}[-.]\d{4}(?![\d])",
            r"\+\d{1,3}(?:[\s.-]\(?\d{1,5}\)?){2,}",
            r"\+\d{1,3}[\s.-]?\(0\)[\s.-]?\d{1,5}(?:[\s.-]\d{1,5})+",
            r"(?<![\w.,/+-])\(0[1-9]\d{0,3}\)[ -]?\d{2,4}(?:[ -]\d{3,4}){0,2}(?![\d])",
            r"(?<![\w.,/+(-])(?<!\d[\s\u00a0\u202f\u2009-])0[1-9]\d{1,3}(?:[ -]\d{3,4}){1,2}(?![\d,.]\d|\d)",
            r"(?<![\w.,/+(-])(?<!\d[\s\u00a0\u202f\u2009-])0[1-9](?:[ .-]\d\d){4}(?![\d])",
            r"(?<![\w.,])\d+(?:\.\d+){2,}",
        ]
        # every pattern but the first opens with a digit, "(" or "+": a lookahead on the first character
        # lets the scan skip every other position at once (the order of the patterns is kept)
        initials = "".join(sorted({re.escape(m[0]) for m in self.months})) or "a-z"
        self.mask_re = re.compile(f"(?=[{initials}])(?:{pats[0]})|(?=[\\d(+])(?:"
                                  + "|".join(f"(?:{p})" for p in pats[1:]) + ")", re.I)
        # digit groups that are a phone number by the words before them ("call 555 0143", "helpline:
        # 116 123", "on 555 0143"; "call 911", "dial 999" alone): found by their digits first (fast),
        # then the words before are read (``_phone_masks``)
        self.groups_re = re.compile(rf"(?<![\w.,/+-])\(?\d{{2,5}}\)?(?:(?:{_SPACE}|[.-])\d{{2,5}}){{0,4}}(?![\d,.]\d|\d)")
        self.phone_before_re = re.compile(
            rf"(?<![\w]){phone}(?:{_SPACE}*:|{_SPACE}+(?:us{_SPACE}+)?(?:on|at|no\.?|number))?{_SPACE}*:?{_SPACE}+$", re.I)
        self.on_before_re = re.compile(rf"(?<![\w])on{_SPACE}+$", re.I)
        self.dial_before_re = re.compile(rf"(?<![\w])(?:call|dial|ring|phone)(?:ed|ing|s)?{_SPACE}+$", re.I)
        self.dial_after_re = re.compile(rf"{_SPACE}*(?:[.,;:!?)]|$|(?:and|or|for|if|now|immediately)\b)", re.I)
        # currency before the number: longest codes first; letters need a word start
        syms = sorted(self.currencies, key=len, reverse=True)
        alts = []
        for s in syms:
            e = re.escape(s)
            if s[0].isalpha():
                e = r"(?<![A-Za-z])" + e
            alts.append(e)
        self.cur_before_re = re.compile(r"(?:" + "|".join(alts) + r")[\s\u00a0]?$")
        self.cur_after_re = re.compile(r"^[\s\u00a0]?(?:€|£|\$|¥)")
        self.percent_re = re.compile(
            r"^(?:[\s\u00a0]?%(?:[\s\u00a0]+points?\b)?|[\s\u00a0]*(?:per[\s-]?cent(?:age)?(?:[\s\u00a0]+points?)?|pct|pc)(?![A-Za-z]))",
            re.I)
        self.word_scale_re = re.compile(
            r"^(?:[\s\u00a0-]+(?:" + "|".join(sorted(map(re.escape, self.scale_words), key=len, reverse=True))
            + r")(?![A-Za-z]))+", re.I)
        suf = sorted(self.suffixes, key=len, reverse=True)
        self.suffix_re = re.compile(r"^(?:" + "|".join(map(re.escape, suf)) + r")(?![A-Za-z])")
        self.after_re = [(re.compile(r"^[\s\u00a0]*" + (r"(?<![\w])" if p[0].isalnum() else "")
                                     + r"\s+".join(map(re.escape, p.split()))
                                     + (r"(?![\w])" if p[-1].isalnum() else r"(?![\s\u00a0]*[\d.$€£¥])"),
                                     re.I), q) for p, q in self.after]

    # ------------------------------------------------------------------ parsing
    def word_value(self, words):
        """Value of a run of number words ("twenty-five", "a dozen", "four hundred"), or None."""
        total, current, seen = 0.0, 0.0, False
        last = None
        for w in words:
            lw = w.lower()
            if lw in ("a", "an"):
                if seen:
                    return None
                current, seen, last = 1.0, True, "a"
                continue
            if lw == "and":
                continue
            if lw in self.units:
                if last in ("unit",):
                    return None
                current += self.units[lw]
                last = "unit"
            elif lw in self.tens:
                if last in ("unit", "ten"):
                    return None
                current += self.tens[lw]
                last = "ten"
            elif lw in self.dozen:
                current = (current or 1.0) * 12
                last = "scale"
            elif lw in self.scale_words and lw.isalpha() and len(lw) > 2:
                sc = self.scale_words[lw]
                if sc == 100:
                    current = (current or 1.0) * 100
                else:
                    total += (current or 1.0) * sc
                    current = 0.0
                last = "scale"
            else:
                return None
            seen = True
        return total + current if seen else None

    def parse_number(self, text: str) -> Optional[float]:
        t = text.strip()
        if not t:
            return None
        neg = False
        if t[0] in "-−–":
            neg, t = True, t[1:].strip()
        elif t.startswith("(") and t.endswith(")"):
            neg, t = True, t[1:-1].strip()
        elif t[0] == "+":
            t = t[1:].strip()
        for sym in sorted(self.currencies, key=len, reverse=True):
            if t.startswith(sym) and len(t) > len(sym) and (t[len(sym)].isdigit() or t[len(sym)] in " .\u00a0"):
                t = t[len(sym):].strip()
                break
        d = _DIGITS.match(t)
        if d and d.start() == 0:
            val = float(re.sub(_SEP, "", d.group()))
            rest = t[d.end():]
            sm = self.suffix_re.match(rest)
            if sm:
                val *= self.suffixes[sm.group()]
                rest = rest[sm.end():]
            ws = self.word_scale_re.match(rest)
            if ws:
                for w in re.findall(r"[A-Za-z]+", ws.group()):
                    val *= self.scale_words[w.lower()]
                rest = rest[ws.end():]
            pm = self.percent_re.match(rest)
            if pm:
                rest = rest[pm.end():]
            if rest.strip():
                return None
            return -val if neg else val
        words = re.findall(r"[A-Za-z]+", t)
        if words and re.fullmatch(r"[A-Za-z\s-]+", t):
            lw = [w.lower() for w in words]
            if len(lw) == 2 and lw[0] in ("a", "an", "one") and lw[1] in self.fractions:
                return 1.0 / self.fractions[lw[1]]
            if len(lw) == 2 and lw[0] in self.units and lw[1] in self.fractions:
                return self.units[lw[0]] / self.fractions[lw[1]]
            v = self.word_value(words)
            if v is not None:
                return -v if neg else v
        return None

    # ------------------------------------------------------------------ cores
    def _masked(self, sentence):
        return [(m.start(), m.end()) for m in self.mask_re.finditer(sentence)] + self._phone_masks(sentence)

    def _phone_masks(self, s):
        out = []
        for m in self.groups_re.finditer(s):
            g = m.group()
            groups = re.findall(r"\d+", g)
            head = s[max(0, m.start() - 40):m.start()]
            if len(groups) >= 2:
                if sum(map(len, groups)) >= 6 and self.phone_before_re.search(head):
                    out.append(m.span())      # "call 555 0143", "helpline: 116 123"
                elif len(groups[-1]) == 4 and len(groups[0]) >= 3 and sum(map(len, groups)) >= 7 \
                        and self.on_before_re.search(head):
                    out.append(m.span())      # "on 555 0143"
            elif len(g) == 3 and self.dial_before_re.search(head) and self.dial_after_re.match(s, m.end()):
                out.append(m.span())          # "dial 999."
        return out

    def _digit_cores(self, s, masks):
        out = []
        for m in _DIGITS.finditer(s):
            a, b = m.span()
            if any(x < b and a < y for x, y in masks):
                continue
            raw = m.group()
            out.append(_Core(a, b, float(re.sub(_SEP, "", raw)), "digit"))
        # "1/2", "1⁄32": a fraction with a small denominator
        for m in re.finditer(r"(?<![\w./⁄])(\d{1,2})\s?[/⁄]\s?(\d{1,3})(?![\w/⁄.])", s):
            n, d = int(m.group(1)), int(m.group(2))
            a, b = m.span()
            if any(x < b and a < y for x, y in masks):
                continue
            out = [c for c in out if not (c.num_start < b and a < c.num_end)]
            if 0 < n < d and d in (2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128):
                out.append(_Core(a, b, n / d, "fraction"))
            else:  # "24/7", "9/11": not an amount
                pass
        # "2½", "¾": vulgar fractions
        for m in re.finditer(r"(?<![\w.,])(\d+)?([½⅓⅔¼¾⅕⅛])(?![\w])", s):
            a, b = m.span()
            if any(x < b and a < y for x, y in masks):
                continue
            out = [c for c in out if not (c.num_start < b and a < c.num_end)]
            frac = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅛": 1 / 8}[m.group(2)]
            out.append(_Core(a, b, int(m.group(1) or 0) + frac, "digit", extra={"vulgar": True}))
        # "1.99×10−30", "6.02 x 10^23"
        for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d+)?)[\s\u00a0]?[×x][\s\u00a0]?10\^?([−-]?\d{1,3})(?![\d])", s):
            a, b = m.span()
            out = [c for c in out if not (c.num_start < b and a < c.num_end)]
            out.append(_Core(a, b, float(m.group(1)) * 10.0 ** int(m.group(2).replace("−", "-")), "digit",
                             extra={"scientific": True}))
        return sorted(out, key=lambda c: c.num_start)

    def _word_cores(self, s):
        toks = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(s)]
        out = []
        i = 0
        n = len(toks)
        numeric = set(self.units) | set(self.tens) | self.dozen | {w for w in self.scale_words if w.isalpha() and len(w) > 2}

        def sep(j):  # the text between token j-1 and token j
            return s[toks[j - 1][2]:toks[j][1]]

        while i < n:
            w, a, b = toks[i]
            lw = w.lower()
            # vague plurals: "hundreds", "tens of thousands"
            if lw in self.vague:
                base = float(self.vague[lw])
                end = b
                j = i + 1
                if j + 1 < n and toks[j][0].lower() == "of" and toks[j + 1][0].lower() in self.vague \
                        and self.vague[toks[j + 1][0].lower()] >= 1000 and sep(j).strip() == "" and sep(j + 1).strip() == "":
                    base *= self.vague[toks[j + 1][0].lower()]
                    end = toks[j + 1][2]
                    j += 2
                need_of = lw in ("tens", "scores")
                nxt = toks[j][0].lower() if j < n else ""
                if not need_of or nxt == "of" or end != b:
                    c = _Core(a, end, None, "vague", low=base, high=base * 10)
                    out.append(c)
                i = j if end != b else i + 1
                continue
            starts = lw in self.units or lw in self.tens or (
                lw in ("a", "an", "one") and i + 1 < n and sep(i + 1) in (" ", "-")
                and (toks[i + 1][0].lower() in self.dozen or toks[i + 1][0].lower() in self.fractions
                     or toks[i + 1][0].lower() in ("hundred", "thousand", "million", "billion", "trillion")))
            if not starts:
                i += 1
                continue
            j = i + 1
            while j < n:
                sp = sep(j)
                tj = toks[j][0].lower()
                if sp in (" ", "-") and tj in numeric:
                    j += 1
                    continue
                if sp == " " and tj == "and" and j + 1 < n and sep(j + 1) == " " and toks[j + 1][0].lower() in numeric \
                        and toks[j - 1][0].lower() in ("hundred", "thousand", "million", "billion"):
                    j += 2
                    continue
                break
            words = [t[0] for t in toks[i:j]]
            # fractions: "a third of", "two-thirds", "one in five"
            if j < n and sep(j) in (" ", "-") and toks[j][0].lower() in self.fractions and len(words) == 1:
                fw = toks[j][0].lower()
                num = 1.0 if lw in ("a", "an", "one") else self.units.get(lw)
                after = s[toks[j][2]:]
                plural = fw.endswith("s") or fw == "halves"
                if num is not None and ((num == 1) != plural or fw in ("half",)) \
                        and (re.match(r"\s+of\b", after) or sep(j) == "-"):
                    out.append(_Core(a, toks[j][2], num / self.fractions[fw], "fraction"))
                    i = j + 1
                    continue
                i = j
                continue
            val = self.word_value(words)
            while val is None and j > i + 1:
                j -= 1
                words = words[:-1]
                val = self.word_value(words)
            if val is None:
                i += 1
                continue
            end = toks[j - 1][2]
            # "one in five", "one out of three"
            fm = re.match(r"\s+(?:in|out\s+of)\s+([A-Za-z]+|\d+)(?![\w,.]\d)", s[end:])
            if fm and val < 100:
                den = fm.group(1)
                dv = float(den) if den.isdigit() else self.word_value([den])
                if dv and dv > val and (den.isdigit() and int(den) < 1000 or not den.isdigit()):
                    out.append(_Core(a, end + fm.end(), val / dv, "fraction"))
                    i = j + (1 if not den.isdigit() else 0) + 1
                    continue
            hm = re.match(r"[\s\u00a0]+and\s+a\s+half(?![\w-])", s[end:], re.I)
            if hm:  # "two and a half"
                val += 0.5
                end += hm.end()
                while j < n and toks[j][1] < end:
                    j += 1
            out.append(_Core(a, end, val, "word", extra={"words": [x.lower() for x in words]}))
            i = j
        # "half a million": half of a scale word
        for m in re.finditer(r"(?<![\w-])half\s+an?\s+(dozen|hundred|thousand|million|billion|trillion)(?![\w-])", s, re.I):
            out = [c for c in out if not (c.num_start < m.end() and m.start() < c.num_end)]
            sc = 12.0 if m.group(1).lower() == "dozen" else self.scale_words[m.group(1).lower()]
            out.append(_Core(m.start(), m.end(), 0.5 * sc, "word", extra={"words": ["half", "a", m.group(1).lower()]}))
        # "half of", "half the", "a half"
        for m in re.finditer(r"(?<![\w-])(?:(a|an|one|and a)\s+)?half(?=\s+(?:of|the|its|their|his|her|our|all|a|an)\b)", s, re.I):
            if re.search(r"(?:first|second|third|final|last|other|latter|former|top|bottom|back|front)\s+$", s[:m.start()], re.I):
                continue
            if not any(c.num_start <= m.start() < c.num_end for c in out) and not re.match(
                    r"\s+an?\s+(?:dozen|hundred|thousand|million|billion|trillion)\b", s[m.end():], re.I):
                out.append(_Core(m.start(), m.end(), 0.5, "fraction"))
        return sorted(out, key=lambda c: c.num_start)

    # ------------------------------------------------------------------ around a core
    def _dress(self, s, c: _Core):
        """Currency, sign, scale, percent and unit written around a core."""
        c.start, c.end = c.num_start, c.num_end
        before = s[:c.num_start]
        if c.kind == "digit":
            cm = self.cur_before_re.search(before[-8:]) if before else None
            if cm:
                sym = cm.group().strip()
                c.currency = self.currencies.get(sym)
                c.start = c.num_start - len(cm.group())
                before = s[:c.start]
                # "S $1mil": a country letter before a spaced dollar sign
                lm = re.search(r"(?<![A-Za-z])(US|HK|NZ|AU|A|C|S|NT)\s$", before)
                if sym == "$" and lm:
                    c.currency = self.currencies.get(lm.group(1) + "$", c.currency)
                    c.start = lm.start()
                    before = s[:c.start]
            # "$(4.5) million": accounting brackets
            if c.currency is None and before.endswith("(") and s[c.num_end:c.num_end + 1] == ")":
                cm2 = self.cur_before_re.search(before[:-1][-8:])
                if cm2:
                    c.currency = self.currencies.get(cm2.group().strip())
                    c.sign = "-"
                    c.start = c.num_start - 1 - len(cm2.group())
                    c.end = c.num_end + 1
            sm = re.search(r"(?:(?<![\w\d.,])|(?<=\())([-−+])$", before)
            if sm and not c.sign:
                c.sign = "-" if sm.group(1) in "-−" else "+"
                c.start = sm.start(1) if c.start == c.num_start else min(c.start, sm.start(1))
            elif not c.sign:
                mm = re.search(r"(?<![\w])(minus|negative)[\s-]$", before, re.I)
                if mm:
                    c.sign = "-"
                    c.start = mm.start()
            # "-$5", "$-50.8bn"
            if c.currency and not c.sign:
                sm = re.search(r"(?<![\w\d])([-−])$", s[:c.start])
                if sm:
                    c.sign = "-"
                    c.start = sm.start()
            if c.currency and s[c.start:c.num_start].rstrip().endswith("-"):
                c.sign = "-"
        rest = s[c.end:]
        pos = c.end
        if c.kind in ("digit", "word"):
            if c.kind == "digit":
                sm = self.suffix_re.match(rest)
                if sm:
                    suf = sm.group()
                    ok = True
                    if suf in ("m",) and not c.currency:
                        # "12.3m tonnes", "35m of": million; "a 100m sprint", "37m (121ft)": metres
                        nxt = re.match(r"\s+([A-Za-z]+)", rest[sm.end():])
                        ok = "." in s[c.num_start:c.num_end] or bool(
                            nxt and (nxt.group(1).lower() == "of" or (nxt.group(1).endswith("s") and len(nxt.group(1)) > 3)))
                    if suf in ("b", "B", "K") and not c.currency:
                        ok = suf == "B" and bool(re.match(r"\s+[a-z]", rest[sm.end():]))
                    if suf == "k" and re.match(r"[A-Za-z]", rest[sm.end():sm.end() + 1]):
                        ok = False
                    if ok:
                        c.scale *= self.suffixes[suf]
                        c.scaled = True
                        pos += sm.end()
                        rest = s[pos:]
            ws = self.word_scale_re.match(rest)
            if ws:
                for w in re.findall(r"[A-Za-z]+", ws.group()):
                    c.scale *= self.scale_words[w.lower()]
                c.scaled = True
                pos += ws.end()
                rest = s[pos:]
            # "1,200€"
            if not c.currency:
                am = re.match(r"^[\s\u00a0]?(€|£|¥|\$)", rest)
                if am and c.kind == "digit":
                    c.currency = self.currencies.get(am.group(1))
                    pos += am.end()
                    rest = s[pos:]
        pm = self.percent_re.match(rest)
        if pm and c.kind != "vague":
            c.percent = True
            c.unit = "percentage point" if "point" in pm.group().lower() else "percent"
            c.unit_text = pm.group().strip()
            pos += pm.end()
            rest = s[pos:]
        c.end = pos
        if not c.percent and not c.currency and c.kind != "fraction":
            self._unit_after(s, c)

    def _unit_after(self, s, c: _Core):
        rest = s[c.end:]
        # glued ("5kW", "640bhp"), hyphened ("6.1-inch", "15 year-old") or spaced ("350 kilometers")
        m = re.match(r"([-\s\u00a0]?)((?:[°º]\s?[CFK]?|[A-Za-zµμΩ°'][A-Za-zµμΩ°²³]*)(?:/[A-Za-z]+\d?)?"
                     r"(?:[\s-](?:per|a)\s[A-Za-z]+|[\s-][A-Za-z]+){0,2})", rest)
        if not m:
            return
        glue = m.group(1)
        glued = glue == ""
        words = re.findall(r"[^\s-]+(?:/[A-Za-z]+\d?)?|[\s-]", m.group(2))
        toks = [w for w in words if w.strip() and w != "-"]
        if not toks or (glued and toks[0] in ("s", "S")):  # "1990s", "Model 3s": not seconds
            return
        # try the longest run of following words first: "square miles", "miles per hour"
        for k in range(min(3, len(toks)), 0, -1):
            surface = " ".join(toks[:k])
            if k == 3 and toks[1].lower() not in ("per", "a"):
                continue
            if k == 3:
                surface = f"{toks[0]} per {toks[2]}"
            name = self.extra_units.get(surface) or self.extra_units.get(surface.lower()) \
                or self.currency_words.get(surface.lower()) or self.unit_names.name(surface, glued, s)
            if name:
                # the span as written
                span_m = re.match(r"[-\s\u00a0]?" + r"[\s-]+".join(map(re.escape, toks[:k])), rest)
                c.unit, c.unit_text = name, span_m.group().lstrip(" -\u00a0")
                c.end += span_m.end()
                return

    # ------------------------------------------------------------------ exclusions
    def _exclude(self, s, c: _Core, title_case: bool, far_end: Optional[_Core] = None):
        if c.drop:
            return
        before = s[:c.start]
        after = s[c.end:]
        num_after = s[c.num_end:]
        if c.kind == "digit":
            # letters glued before the digits ("S23", "ID.3") and names joined by a hyphen ("COVID-19")
            if re.search(r"[A-Za-z]$", s[:c.num_start]) and not c.currency:
                c.drop = "identifier"
                return
            hm = re.search(r"([A-Za-z]+)[-‐]$", s[:c.num_start])
            if hm and not c.currency:
                if hm.group(1).lower() in self.prefix_lt:
                    c.qualifier, c.qual_start = "lt", hm.start()
                elif hm.group(1).lower() in ("minus", "to", "or", "and"):  # "0-to-60", "7- or 8-inch"
                    pass
                else:
                    c.drop = "identifier"
                    return
            if re.match(r"(?:st|nd|rd|th)\b", num_after, re.I) and not c.scaled:
                c.drop = "ordinal"
                return
            if re.match(r"[’']?s\b", num_after) and not c.measured:
                c.drop = "decade or plural of a name"
                return
            glued = re.match(r"[A-Za-z]+", s[c.end:])
            if glued and not c.unit:
                c.drop = "glued to a word (footnote or model number)"
                return
            if re.match(r"\.\d", s[c.end:]) or re.match(r"[-‐][A-Za-z]*\d", s[c.end:]) and not c.measured:
                c.drop = "code"
                return
            # "(4)": a bare number in brackets is a reference, a shirt number or a footnote
            if before.endswith("(") and after.startswith(")") and not c.measured:
                c.drop = "reference in brackets"
                return
            if re.search(r"[\[#]$", before):
                c.drop = "identifier"
                return
            if self._slashed_reference(s, c):
                c.drop = "reference"  # "No. 2024/311", "case 17/2023", "file 4471/B/09"
                return
        if c.kind == "digit" and not c.measured and c.range_to is None and c.qualifier == "exact" \
                and not (c.currency or c.percent or c.unit) and re.fullmatch(r"\d{1,3}", s[c.num_start:c.num_end]):
            if _AGE_APPOSITION.search(before) and re.match(r"[\s\u00a0]*[,)]", s[c.end:]) and 0 < c.value <= 110:
                c.drop = "age of the person named before"   # "Grace Achieng, 52, said"
                return
        if c.kind == "digit" and (_SERVICE_AFTER.match(s[c.end:]) or _SERVICE_BEFORE.search(before)) \
                and not (c.currency or c.percent or c.unit):
            c.drop = "a service's number"   # "the 112 emergency line", "a toll-free line, 1199, for families"
            return
        # the word before
        pw = re.search(r"([A-Za-z][\w&.'’-]*|#)[\s\u00a0]*$", before)
        prev = pw.group(1) if pw else ""
        lprev = prev.lower()
        if lprev in self.identifier_nouns or lprev.rstrip(".") in self.identifier_nouns and prev.endswith(".") \
                or (lprev in self.identifier_caps and prev[:1].isupper()):
            if not (c.currency or c.percent or self._measure_after_label(c)):
                c.drop = "identifier"
                return
        if prev and not (c.currency or c.percent or c.unit) and self._plural_label(prev) \
                and (c.range_to is not None or self._LIST_NEXT.match(s[c.end:])):
            # "zones 3 through 11", "Gates 3-5", "rows 10 to 12", "Terminals 2 and 3"
            c.drop = "identifier"
            c.extra["label_list"] = True
            return
        if c.kind == "digit" and prev and not title_case and not c.measured and c.qualifier == "exact" \
                and not c.sign and re.search(r"[A-Z]", prev) and s[pw.end(1):c.start].strip() == "" \
                and lprev not in self.months and not self._is_function_word(lprev) \
                and not re.search(r"(?:['’]s|s['’])$", prev) and lprev not in _WEEKDAYS:
            # "Flight 370", "iPhone 11", "S&P 500" -- but not "Kenya's 47 counties", "on Monday 12 people"
            sentence_initial = s[:pw.start()].strip() == "" or re.search(r"[.!?\"“]\s*$", s[:pw.start()])
            if not sentence_initial or not prev[:1].isupper() or not prev[1:].islower():
                c.drop = "identifier after a name"
                return
        if c.kind == "word" and not title_case and s[c.num_start].isupper() and s[:c.num_start].strip() \
                and not re.search(r"[.!?:\"“(]\s*$", s[:c.start]) and c.qualifier == "exact":
            c.drop = "capitalised number word: part of a name"
            return
        if c.kind == "digit" and not c.measured and c.range_to is None \
                and re.fullmatch(r"\d{1,2}", s[c.num_start:c.num_end]) and not s[:c.start].strip(" \t*#>-•") \
                and re.match(r"[\s\u00a0]+[A-Z][a-z]", s[c.end:c.end + 4]) and c.qualifier == "exact" \
                and self._footnote_line(s, c):
            c.drop = "list or footnote number"  # news style spells out a number that opens a sentence
            return
        if c.kind == "digit" and self._street_address(s, c):
            c.drop = "street address"
            return
        if far_end is not None and lprev in ("to", "and", "through", "thru"):
            # the far end of a range: "from 1000 to 2000 hires" is read like its near end
            pw0 = re.search(r"([A-Za-z][\w&.'’-]*)[\s\u00a0]*$", s[:far_end.start])
            lprev = pw0.group(1).lower() if pw0 else ""
            if lprev in ("from", "between") and not self._is_year(s, far_end, lprev):
                lprev = ""
        if c.kind == "digit" and self._is_year(s, c, lprev):
            c.drop = "year"
            return
        if c.kind == "word" and c.value == 1 and c.extra.get("words") == ["one"] and c.range_to is None:
            nw = re.match(r"[\s-]*([A-Za-z]+)", s[c.num_end:])
            nxt = nw.group(1).lower() if nw else ""
            if lprev in self.one_not_after or nxt in self.one_not_before or not nxt \
                    or re.match(r"[-‐]", s[c.num_end:]) or re.match(r"\s*[,.;:!?)]", s[c.num_end:]):
                c.drop = "'one' as a pronoun"
                return
            if lprev == "only" and re.search(r"(?<![\w])(?:the|an?)\s+only\s*$", s[:c.start], re.I):
                c.drop = "'one' as a pronoun"  # "the only one explanation"
                return
            if re.match(r"(?:some|any|no|every)$", lprev):
                c.drop = "'one' as a pronoun"
                return

    _LIST_NEXT = re.compile(r"[\s\u00a0]*(?:,[\s\u00a0]*(?:and[\s\u00a0]+|or[\s\u00a0]+)?|[\s\u00a0]+(?:and|or|&|to|through|thru)"
                            r"[\s\u00a0]+|[-–])[\s\u00a0]*\d")

    def _plural_label(self, prev: str) -> bool:
        """"zones", "Gates", "Terminals", "Bills": the plural of a label noun."""
        lp = prev.lower()
        if not lp.endswith("s") or len(lp) < 3:
            return False
        for base in (lp[:-1], lp[:-2] if lp.endswith("es") else None):
            if base and (base in self.identifier_nouns or base in self.identifier_caps and prev[:1].isupper()):
                return True
        return False

    @staticmethod
    def _measure_after_label(c: _Core) -> bool:
        """"a buffer zone 30 kilometres deep", "a runway 3,000 metres long": a label noun before a
        measurement is a noun described by it (a written unit of at least two letters)."""
        return bool(c.unit and c.unit_text and len(c.unit_text) >= 2 and c.unit_text[:1].islower()
                    and c.unit not in ("dimensionless",))

    def _slashed_reference(self, s, c: _Core) -> bool:
        """Digits joined by "/" to more digits, one group of three or more (a case, file or order number:
        "No. 2024/311", "case 17/2023"); not a fraction ("1/16"), a date (masked) or a split ("60/40")."""
        if "/" not in s[max(0, c.num_start - 12):c.num_end + 12]:
            return False
        left = re.search(r"[^\s\u00a0]*$", s[max(0, c.num_start - 40):c.num_start]).group()
        right = re.match(r"[^\s\u00a0]*", s[c.num_end:c.num_end + 40]).group()
        token = (left + s[c.num_start:c.num_end] + right).rstrip(".,;:)]\"'”’")
        if not re.fullmatch(r"[(\[]?[\w.-]*\d[\w.-]*(?:/[\w.-]+)+", token):
            return False
        groups = re.findall(r"\d+", token)
        return len(groups) >= 2 and any(len(g) >= 3 for g in groups)

    _FOOTNOTE_OPENERS = {"the", "a", "an", "this", "these", "that", "those", "it", "its", "he", "she", "they",
                         "we", "i", "our", "their", "his", "her", "source", "sources", "see", "data", "figures",
                         "according", "on", "at", "for", "from", "as", "based", "note", "notes", "includes",
                         "including", "excludes", "excluding", "estimate", "estimates", "ibid", "cited", "quoted",
                         "reported", "available", "accessed", "retrieved", "calculated", "compiled", "adapted",
                         "reuters", "ap", "afp", "previously", "originally", "updated", "correction", "figure",
                         "table", "chart", "by", "with", "of", "not", "all", "some", "when", "where", "if"}
    _HEADLINE_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with",
                       "from", "as", "vs", "after", "over", "into", "amid", "near"}

    def _footnote_line(self, s, c: _Core) -> bool:
        """A number opening a line, then a capitalised word: a footnote or list marker ("1 The state fire
        marshal's office said ...") unless the line is a headline ("35 Killed in Blast", title case) or the
        word is a counted group ("12 Palestinians were ..."). "12 people died" never gets here."""
        words = re.findall(r"[A-Za-z][\w'’-]*", s[c.end:c.end + 200])[:10]
        if not words:
            return True
        first = words[0]
        if first.lower() in self._FOOTNOTE_OPENERS or first.lower() == "in" and not re.match(
                r"[\s\u00a0]+in[\s\u00a0]+\d", s[c.end:], re.I):
            return True
        content = [w for w in words if w.lower() not in self._HEADLINE_SMALL]
        if len(content) >= 2 and sum(1 for w in content if w[0].isupper()) / len(content) >= 0.6:
            return False  # a headline in title case
        if len(words) > 1 and words[1][:1].islower() and re.fullmatch(r"[A-Z][a-z]+(?:ans|[^s]is|ese|ons)", first):
            return False  # "12 Palestinians were killed": a people counted
        return True

    _FUNCTION = {"the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "of", "for", "with", "by",
                 "from", "only", "just", "all", "about", "nearly", "almost", "some", "over", "under", "more",
                 "than", "another", "other", "after", "before", "since", "as", "that", "this", "these",
                 "those", "its", "his", "her", "their", "our", "my", "your", "we", "they", "he", "she", "it",
                 "i", "you", "there", "here", "when", "while", "where", "if", "so", "then", "also", "still",
                 "now", "today", "yesterday", "around", "roughly", "approximately", "least", "up", "down",
                 "between", "among", "among", "including", "includes", "include", "killed", "during",
                 "until", "across", "per", "each", "every", "those", "these", "further", "another",
                 "some", "police", "officials", "reuters", "ap", "afp"}

    def _is_function_word(self, w):
        return w in self._FUNCTION or w in self.change_map or w in self._qual_map

    _STREET = re.compile(r"^(?:[\s\u00a0]+[A-Z][\w.]*){0,3}[\s\u00a0]+(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Ln|"
                         r"Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct|Terrace|Crescent|Parkway|Highway|Square)\b\.?")

    def _street_address(self, s, c: _Core) -> bool:
        """"575 Wilbraham Road", "22 Ave Foch": a house number."""
        if c.measured or c.range_to is not None:
            return False
        return bool(self._STREET.match(s[c.num_end:])) or bool(
            re.match(r"^[\s\u00a0]+(?:Ave|Avenue|Rue|Via|Calle)\b", s[c.num_end:]))

    def _is_year(self, s, c: _Core, lprev):
        raw = s[c.num_start:c.num_end]
        if not re.fullmatch(r"\d{4}", raw) or c.measured:
            return False
        v = int(raw)
        if re.search(r"(?:\bA\.?D\.?|\bC\.?E\.?)[\s\u00a0]*$", s[:c.start]) or re.match(
                r"[\s\u00a0]*(?:B\.?C\.?E?\.?|A\.?D\.?|C\.?E\.?)(?![A-Za-z])", s[c.end:]):
            return True
        if not 1500 <= v <= 2199:
            return False
        if lprev in self.year_before or lprev in self.months or lprev.rstrip(".") in self.months:
            return True
        if re.search(r"['’]s?\s*$|s['’]\s*$", s[:c.start]):
            return True
        nw = re.match(r"[\s\u00a0]+([a-z][a-z]+)\b", s[c.end:])
        if nw:
            w = nw.group(1)
            if len(w) > 3 and w.endswith("s") and not re.search(r"(?:ss|us|is|ous)$", w) \
                    and w not in ("was", "has", "does", "this", "sales", "results", "earnings", "elections",
                                  "olympics", "games", "levels", "figures", "numbers", "prices", "rates"):
                return False  # "2000 hires", "1500 people"
        return True

    # ------------------------------------------------------------------ the sentence
    _LONG = 1500

    def find_quantities(self, sentence: str) -> list:
        """Every stated figure, in order. A long text (a paragraph or a whole article given by
        mistake) is read in pieces cut at sentence ends, so the time stays linear in its length."""
        if len(sentence) <= self._LONG:
            return self._find(sentence)
        out = []
        for a, b in _pieces(sentence, self._LONG):
            for q in self._find(sentence[a:b]):
                out.append(replace(q, start=q.start + a, end=q.end + a, num_start=q.num_start + a,
                                   num_end=q.num_end + a))
        return out

    def _find(self, sentence: str) -> list:
        s = sentence
        _STATS["sentences"] += 1
        if not _has_digit(s) and not _has_number_word(s, self):
            return []
        masks = self._masked(s)
        cores = self._digit_cores(s, masks) + self._word_cores(s)
        cores.sort(key=lambda c: c.num_start)
        for c in cores:
            self._dress(s, c)
        words = re.findall(r"[A-Za-z][\w'’-]*", s)
        caps = sum(1 for w in words if w[0].isupper())
        title_case = len(words) >= 4 and caps / len(words) >= 0.6
        cores = self._ranges(s, cores)
        for c in cores:
            self._exclude(s, c, title_case)
            b = c.range_to
            if b is not None and not c.drop:
                b.start = max(b.start, b.num_start if b.currency is None else b.start)
                self._exclude(s, b, title_case, far_end=c)
                if b.drop == "year" or (b.drop and b.drop != "identifier after a name"):
                    c.drop = b.drop
        self._lists_and_gaps(s, cores)
        out = []
        for c in cores:
            if c.drop:
                continue
            self._qualify(s, c)
            q = self._to_quantity(s, c)
            if q is not None:
                out.append(q)
        out.sort(key=lambda q: (q.start, -q.end))
        for i in range(1, len(out)):  # "lost 190 points, or 0.6%": the restatement is a change too
            prev, q = out[i - 1], out[i]
            if q.change is None and prev.change and re.fullmatch(r"[\s\u00a0]*(?:\w+[\s\u00a0]*)?(?:,[\s\u00a0]*or|\(|or)[\s\u00a0]*",
                                                                 s[prev.end:q.start]):
                out[i] = replace(q, change=prev.change)
        kept, last_end = [], -1
        for q in out:
            if q.start >= last_end:
                kept.append(q)
                last_end = q.end
        return kept

    def _ranges(self, s, cores):
        """Join "A-B", "A to B", "between A and B", "from A to B", "A or B" into one core."""
        out = []
        i = 0
        while i < len(cores):
            a = cores[i]
            if i + 1 < len(cores) and a.kind in ("digit", "word") and cores[i + 1].kind in ("digit", "word") \
                    and a.range_to is None:
                b = cores[i + 1]
                gap = s[a.end:b.start]
                before = s[:a.start]
                frm = re.search(r"(?<![\w])from\s+$", before, re.I)
                btw = re.search(r"(?<![\w])between\s+$", before, re.I)
                kind = None
                if re.fullmatch(r"[\s\u00a0]*[-–—][\s\u00a0]*|-to-|[\s\u00a0]+(?:to|through)[\s\u00a0-]+", gap):
                    kind = "hyphen" if re.fullmatch(r"[\s\u00a0]*[-–—][\s\u00a0]*", gap) else "to"
                elif btw and re.fullmatch(r"\s+and\s+", gap):
                    kind = "between"
                clash = (a.currency and b.currency and a.currency != b.currency) or (a.percent != b.percent and (
                    a.currency or b.currency or a.unit or b.unit)) or (a.unit and b.unit and a.unit != b.unit) \
                    or (kind == "to" and a.measured and not b.measured and not frm) \
                    or (kind == "to" and not frm and a.measured and self._changed_before(s, a)) \
                    or (b.scaled and not a.scaled and a.value > b.value * b.scale) \
                    or (not a.measured and self._year_word_before(s, a))
                if kind and not clash:
                    self._share(a, b)
                    av, bv = a.value * a.scale, b.value * b.scale
                    change_before_from = bool(frm and self._change_in_clause(s, frm.start()))
                    ok = av < bv or (kind == "to" and frm and not change_before_from and av != bv)
                    if change_before_from:
                        ok = False
                    if kind == "hyphen" and not ok and not (a.measured or b.measured) and a.kind == b.kind == "digit":
                        a.drop = b.drop = "score"
                        out += [a, b]
                        i += 2
                        continue
                    if ok:
                        a.range_to = b
                        a.extra["range_kind"] = kind
                        if btw:
                            a.text_start = btw.start()
                        a.end = b.end
                        if b.drop:
                            a.drop = b.drop
                        out.append(a)
                        i += 2
                        continue
            out.append(a)
            i += 1
        return out

    _LIST_GAP = re.compile(r"[\s\u00a0]*(?:,[\s\u00a0]*(?:and[\s\u00a0]+|or[\s\u00a0]+)?|[\s\u00a0]+(?:and|or|&)[\s\u00a0]+)$")
    _GAPPED_BEFORE = re.compile(
        r"(?:[\s\u00a0]+[a-z][\w'’-]*){0,3}?[\s\u00a0]*(?:[,;]|[\s\u00a0](?:and|while|whereas|but|against|versus|vs\.?))"
        r"(?:[\s\u00a0]*,?[\s\u00a0]*(?:and|while|whereas|but))?[\s\u00a0]+(?:the[\s\u00a0]+)?"
        r"(?:[A-Z][\w'’.&-]*[\s\u00a0]+){1,4}")
    _CLAUSE_END = re.compile(r"[\s\u00a0]*(?:[,;.:!?)\]]|$|(?:and|while|whereas|but|respectively)\b)")

    def _lists_and_gaps(self, s, cores):
        """Two rules that read a number by its neighbour in a list:
        - after a plural label, every number of the list names ("Gates 4, 5 and 6": all three);
        - a bare number after a name that closes a coordinated clause counts what the figure before it
          counted ("the Liberal Party took 41 seats and the Green Union 12"): gapping, not a name."""
        prev = None
        for c in cores:
            if prev is not None and prev.extra.get("label_list") and c.kind == "digit" and not c.measured \
                    and self._LIST_GAP.fullmatch(s[prev.end:c.start]):
                c.drop = "identifier"
                c.extra["label_list"] = True
            elif c.drop == "identifier after a name" and prev is not None and not prev.drop \
                    and self._GAPPED_BEFORE.fullmatch(s[prev.end:c.start]) and self._CLAUSE_END.match(s[c.end:]):
                c.drop = None
            prev = c

    def _year_word_before(self, s, c: _Core) -> bool:
        """"in 2018 to ...": a four-digit year after a word that introduces a year."""
        raw = s[c.num_start:c.num_end]
        pw = re.search(r"([A-Za-z][\w.]*)[\s\u00a0]+$", s[max(0, c.start - 30):c.start])
        return bool(re.fullmatch(r"1[5-9]\d\d|2[01]\d\d", raw) and pw and (
            pw.group(1).lower() in self.year_before or pw.group(1).lower().rstrip(".") in self.months)) \
            and not (pw and pw.group(1).lower() in ("from", "between", "the", "and", "to"))

    def _change_in_clause(self, s, end) -> bool:
        """A verb of change earlier in the clause before "from": "raise the retirement age from
        65 to 67" states an old and a new value, not a range."""
        head = s[max(0, end - 80):end]
        head = re.split(r"[,;:()\[\]\"“”]|\s[-–—]\s", head)[-1]
        words = re.findall(r"[A-Za-z]+", head.lower())[-8:]
        return any(w in self.change_map or w in self.set_verbs for w in words)

    def _changed_before(self, s, c: _Core) -> bool:
        """Is the core stated as a change ("rose 5% to ...", "increased by $4m to ...")?"""
        head = s[:c.start]
        qm = _phrase_before(head, len(head), self._qual_map)
        end = qm[1] if qm else len(head)
        return bool(self._change_before(head, end))

    def _change_before(self, s, end):
        """The change verb right before ``end`` ("rose", "fell by", "up"), as (direction, start), or None."""
        cm = _phrase_before(s, end, self.change_map, 2)  # "cut by", "rose"
        fm = None if cm else _phrase_before(s, end, self._change_fillers, 3)
        if fm:  # "rose by", "fell a further"
            cm = _phrase_before(s, fm[1], self.change_map, 2)
        if not cm:
            return None
        verb, start = cm
        pw = re.search(r"([A-Za-z]+)[\s\u00a0]+$", s[max(0, start - 30):start])
        if verb == "up" and pw and pw.group(1).lower() in self.up_not_after:  # "gave up 517 yards"
            return None
        return self.change_map[verb], start

    def _share(self, a: _Core, b: _Core):
        """What is written on one end of a range applies to both ends."""
        if not a.currency and b.currency:
            a.currency = b.currency
        if a.currency and not b.currency:
            b.currency = a.currency
        if b.percent and not a.percent:
            a.percent, a.unit = True, b.unit
        if b.unit and not a.unit:
            a.unit = b.unit
        if b.scaled and not a.scaled and a.value <= b.value:
            a.scale, a.scaled = b.scale, True
        words = b.extra.get("words") or []
        if b.kind == "word" and a.kind in ("word", "digit") and words and words[-1] in self.scale_words \
                and a.scale == 1 and len(words) > 1:
            sc = self.scale_words[words[-1]]
            if a.value * sc <= b.value:
                a.scale = sc

    def _qualify(self, s, c: _Core):
        start = c.start
        moved = False
        if c.qualifier == "lt" and c.qual_start >= 0:  # "sub-7"
            c.text_start = c.qual_start
            qual_end = c.qual_start
        else:
            qual_end = start if c.text_start < 0 else c.text_start
            qm = _phrase_before(s, qual_end, self._qual_map)
            if qm and qm[0] in ("past", "beyond") and _phrase_before(s, qm[1], _TIME_DETERMINERS, 1):
                qm = None  # "the past 12 months", "over the past 24 hours"
            if qm and qm[0] == "up to" and _phrase_before(s, qm[1], self.up_to_not_after, 1):
                # "inching back up to 4.8%", "went up to 42": a movement to a level, not a bound
                qm, moved = None, True
            if qm:
                c.qualifier = self._qual_map[qm[0]]
                c.text_start = qual_end = qm[1]
                if qm[0] in _THRESHOLD:
                    moved = True  # "soared past 2,600", "rose above 5%": a level crossed, not a change
            # suffix qualifiers: "500 or more", "30-odd", "1,000-plus"
            if c.qualifier == "exact" and c.range_to is None:
                for rx, q in self.after_re:
                    am = rx.match(s[c.end:])
                    if am:
                        c.qualifier = q
                        c.end += am.end()
                        break
        if c.text_start < 0:
            c.text_start = c.start
        # change: "rose 5%", "down 3 points", "up nearly 57%", "+0.2%"
        cm = None if moved else self._change_before(s, qual_end)
        if cm:
            c.change = cm[0]
        if c.change is None and c.sign and (c.percent or re.match(r"\s+(?:points?|pts?)\b", s[c.end:])):
            c.change = "up" if c.sign == "+" else "down"

    def _to_quantity(self, s, c: _Core):
        sign = -1.0 if c.sign == "-" else 1.0
        qual = c.qualifier
        if c.range_to is not None:
            b = c.range_to
            lo, hi = sorted((sign * c.value * c.scale, (-1.0 if b.sign == "-" else 1.0) * b.value * b.scale))
            value, low, high, qual = None, lo, hi, "range"
            num_end = b.num_end
            unit = c.unit or b.unit
            unit_text = b.unit_text or c.unit_text
        elif c.kind == "vague":
            value, low, high, qual = None, c.low, c.high, "range"
            num_end, unit, unit_text = c.num_end, None, None
        else:
            value = sign * c.value * c.scale
            num_end, unit, unit_text = c.num_end, c.unit, c.unit_text
            if qual in ("exact", "approx"):
                low = high = value
            elif qual in ("gt", "ge"):
                low, high = value, None
            else:
                low, high = None, value
        if c.currency:
            unit = c.currency
            unit_text = s[c.start:c.num_start].strip() or unit_text
        start = c.text_start
        end = c.end
        text = s[start:end]
        # never end on a space or begin with one
        while text and text[-1] in " \u00a0-":
            end -= 1
            text = s[start:end]
        return Quantity(start=start, end=end, text=text, value=_clean(value), low=_clean(low),
                        high=_clean(high), qualifier=qual, change=c.change, unit=unit, unit_text=unit_text,
                        num_start=c.num_start, num_end=num_end)


_OPENERS = "([{\"“'‘*_"


def _phrase_before(s, end, table, maxwords=5):
    """The longest phrase of ``table`` (lower case, single spaces) that ends right before ``end``,
    only spaces between: (phrase, start) or None. Reads the last few words only: linear time."""
    head = s[max(0, end - 80):end]
    off = end - len(head)
    if head.rstrip(" \u00a0\t") != head and not head.strip():
        return None
    toks = [(m.group(), m.start()) for m in re.finditer(r"[^\s\u00a0]+", head)]
    if not toks or head[toks[-1][1] + len(toks[-1][0]):].strip():
        return None
    if off and toks and toks[0][1] == 0:
        toks = toks[1:]  # may be cut in half
    best = None
    for k in range(1, min(maxwords, len(toks)) + 1):
        first, pos = toks[-k]
        stripped = first.lstrip(_OPENERS)
        if not stripped:
            continue
        words = [stripped] + [t for t, _ in toks[len(toks) - k + 1:]]
        key = " ".join(words).lower()
        if key in table:
            best = (key, off + pos + len(first) - len(stripped))
    return best


def _pieces(s: str, size: int):
    """Spans of ``s`` of at most about ``size`` characters, cut after a sentence end or a line break
    (else at a space): a figure never spans two sentences."""
    cuts = [m.end() for m in re.finditer(r"[.!?][\"”’)\]]*\s+(?=[^a-z\s])|\n\s*", s)]
    spans, start = [], 0
    i = 0
    while start < len(s):
        limit = start + size
        if limit >= len(s):
            spans.append((start, len(s)))
            break
        best = None
        while i < len(cuts) and cuts[i] <= limit:
            if cuts[i] > start:
                best = cuts[i]
            i += 1
        if best is None:  # no sentence end in reach: cut at the last space
            sp = s.rfind(" ", start + 1, limit)
            best = sp + 1 if sp > start else limit
        spans.append((start, best))
        start = best
    return spans


def _clean(v):
    if v is None:
        return None
    return float(f"{v:.12g}")  # drop float noise (0.1 * 3), keep tiny and huge values


_DECIMAL = re.compile(r"\d")          # Unicode decimal digits (category Nd): all are str.isdigit()
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def _has_digit(s: str) -> bool:
    """``any(ch.isdigit() for ch in s)`` without a generator step per character: a decimal
    digit, else (non-ASCII text only) a digit that is not decimal ("²", "①") among the
    non-ASCII characters."""
    if _DECIMAL.search(s) is not None:
        return True
    return not s.isascii() and any(ch.isdigit() for ch in _ASCII_RUN.sub("", s))


_LOWER_WORD = re.compile(r"[a-z]+")


def _has_number_word(s, g: Grammar) -> bool:
    """A word of ``s`` (lower-cased) is a number word, "half", a fraction or a scale word."""
    words = g.__dict__.get("_number_words")
    if words is None:
        words = g._number_words = frozenset((*g.units, *g.tens, *g.vague, *g.dozen, "half", *g.fractions,
                                             *g.scale_words))
    return not words.isdisjoint(_LOWER_WORD.findall(s.lower()))


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    """The grammar of the package's own word lists (data/numbers.toml)."""
    return Grammar(_load_data())


_BY_DIGEST: dict = {}


def grammar_for(config) -> Grammar:
    """The grammar of a ``config.Config`` (its ``numbers_*`` sections extend the built-in lists);
    one per config digest, so the extract stage may call it per article."""
    if config is None:
        return default_grammar()
    g = _BY_DIGEST.get(config.digest)
    if g is None:
        g = _BY_DIGEST[config.digest] = Grammar(config.data)
    return g


def find_quantities(sentence: str, grammar: Optional[Grammar] = None) -> list:
    """Every stated figure in ``sentence``, in order, with offsets relative to it."""
    return (grammar or default_grammar()).find_quantities(sentence)


def parse_number(text: str, grammar: Optional[Grammar] = None) -> Optional[float]:
    """The value of a number as written: "1,065", "2.5 million", "25k", "$4.2bn", "twenty-five",
    "a dozen", "-3.5", "(4.2)"; None when it is not a number."""
    return (grammar or default_grammar()).parse_number(text)


def bench(paths) -> dict:
    """Time find_quantities over every sentence of the given text files against one quantulum3
    parse per file, in one run: ``python -m crosscheck.numbers seeds/*.txt`` prints it."""
    import time
    import warnings
    from pathlib import Path

    warnings.filterwarnings("ignore", category=UserWarning)  # quantulum3 without its classifier extra
    import quantulum3.parser as qp

    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    split = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z\"“‘(])|\n+")
    sentences = [x for t in texts for x in split.split(t) if x.strip()]
    qp.parse("A warm-up of 5 km.")  # both load their unit tables first
    find_quantities("A warm-up of 5 km.")
    stats(reset=True)
    t0 = time.perf_counter()
    n = sum(len(find_quantities(x)) for x in sentences)
    t1 = time.perf_counter()
    for t in texts:
        qp.parse(t)
    t2 = time.perf_counter()
    st = stats()
    return {"files": len(texts), "chars": sum(map(len, texts)), "sentences": len(sentences), "quantities": n,
            "grammar_s": t1 - t0, "quantulum3_s": t2 - t1, "ratio": (t2 - t1) / max(t1 - t0, 1e-9),
            "unit_lookups": st["unit_lookups"], "disambiguations": st["disambiguations"],
            "sentences_read": st["sentences"]}


def _main(argv) -> str:
    b = bench(argv)
    return (f"{b['files']} files, {b['chars']} chars, {b['sentences']} sentences, {b['quantities']} quantities: "
            f"find_quantities {b['grammar_s']:.3f} s, quantulum3 whole-text parse {b['quantulum3_s']:.3f} s, "
            f"ratio {b['ratio']:.1f}x; unit look-ups {b['unit_lookups']}, quantulum3 disambiguation calls "
            f"{b['disambiguations']} ({b['disambiguations'] / max(b['sentences_read'], 1):.1%} of sentences)")


if __name__ == "__main__":  # pragma: no cover
    import sys

    from crosscheck import numbers as _numbers  # the package's module, not this __main__ copy
    print(_numbers._main(sys.argv[1:]))
