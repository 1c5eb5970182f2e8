"""Interval arithmetic and findings (owner: reconcile).

Interface used by the pipeline:
    reconcile(claims, events, documents, policy=None, copies=None) -> tuple[list[Finding], list[Estimate]]

``policy`` is a :class:`crosscheck.config.Config` (its ``[policy]`` section is read), a plain
dict of policy values, or None for the defaults of ``data/policy.toml``. ``copies`` maps a
copy claim id to its original claim id (dedup's ``claim_map``); without it, ``Claim.copy_of``
(set by align from that map) is read; when no claim carries it, a claim of a document whose
``duplicate_of`` is set is a copy when the original document has a claim with the same value,
bounds, qualifier and counted thing, and the whole document counts as its original's source.

Steps:
1. every claim becomes an *item* with an interval (``intervals.from_figure``, by the named
   policy); copies join their original's item (one source, not two); parts listed together
   ("300 militants and 1,065 civilians") are summed into a parent-category item (or the
   extractor's derived total takes its parts' tolerance); parts of the same kind as their whole
   stay out;
2. per event, modality (counts vs forecasts/plans) and category (loose classes such as vehicles
   also per counted thing; background events only between figures of one kind): two-sided items
   are grouped by greedy piercing (fewest groups sharing a value, one sweep by upper end);
   the groups that another source contradicts (within one stretch of reports) and the one-sided
   items ("over 1,500") that contradict groups or each other make ONE ``conflict`` per event and
   category, its sentence naming each disagreement; a running count that changed between
   stretches reported on different days is an ``update``; a figure true only through another's
   open bound a ``tension`` (one per direction); groups of two or more voices an ``agreement``.
   Findings grow with groups, never with pairs of claims; every figure a conflict lists is
   contradicted by some figure of another source in it;
3. a part never exceeds its whole ("2,500 people, including 700 militants");
4. gaps (single-source event, single-source breakdown, undatable figures, uncovered stretches
   of a storyline), duplicates, and a low / best / high estimate per event and category.
Output order is deterministic.
"""
from __future__ import annotations

import bisect
import dataclasses
import math
import re
import statistics
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Optional

from . import intervals as iv
from .model import Estimate, Finding, Interval

KIND_ORDER = {k: i for i, k in enumerate(("conflict", "update", "tension", "agreement", "gap", "duplicate"))}

def _policy(policy) -> dict:
    """The ``[policy]`` values: the package's ``data/policy.toml`` under a Config's or a dict's."""
    from .config import defaults
    out = dict(defaults().get("policy", {}))
    if hasattr(policy, "section"):
        out.update(policy.section("policy"))
    elif isinstance(policy, dict):
        inner = policy.get("policy")
        out.update(inner if isinstance(inner, dict) else policy)
    return out


# ---------------------------------------------------------------- items

@dataclass
class _Item:
    key: str                      # display id: "c03" or "c03+c04"
    ids: list                     # claim ids it stands for (its copies and parts included)
    docs: list                    # documents of those claims
    source: str                   # the independent source (root of the duplicate chain)
    iv: Interval                  # what the figure allows
    label: str                    # how it reads: "'over 1,500 people'" or "300 militants + 1,065 civilians = 1,365 people"
    value: Optional[float]        # a point for medians
    report: Optional[str]         # when it was reported (ISO)
    qualifier: str = "exact"
    claim: object = None          # the claim (None for a computed sum)
    context: str = ""             # words around the figure (background comparisons)
    reach: Optional[float] = None  # how far a one-sided bound plainly reaches ("more than 400" -> 600)
    day: Optional[str] = None     # the day the figure is about (claim date of day precision)
    voice: str = ""               # who stands behind it: the speaker quoted, else the source
    shape: str = field(default="bounded")   # bounded | lower | upper | none
    role: Optional[str] = None    # what is counted beyond the category: killed, rescued, aboard... (None: unknown)
    vague: bool = False           # a hedge word ("tens of thousands"), not a count
    listed: bool = False          # a group listed beside others ("13 hostages and 39 detainees"): all of
                                  # its own kind, but a part of any generic figure ("52 people")

    def __post_init__(self):
        lo, hi = self.iv.low, self.iv.high
        if self.qualifier in ("gt", "ge") and lo is not None:
            self.shape = "lower"      # open above, even when a cue caps it ("just over")
        elif self.qualifier in ("lt", "le") and hi is not None:
            self.shape = "upper"      # open below, even when counts start at 0 ("up to 150,000")
        elif lo is not None and hi is not None:
            self.shape = "bounded"
        elif lo is not None and hi is None:
            self.shape = "lower"
        elif hi is not None:
            self.shape = "upper"
        else:
            self.shape = "none"


def _interval(c, pol) -> Interval:
    return iv.from_figure(c.value, c.low, c.high, c.qualifier, pol,
                          integer=c.category in pol.get("integer_categories", ()),
                          nonneg=c.category in pol.get("nonnegative_categories", ()), text=c.text or "")


def _point(c) -> Optional[float]:
    if c.value is not None:
        return float(c.value)
    if c.low is not None and c.high is not None:
        return (float(c.low) + float(c.high)) / 2
    return c.low if c.low is not None else c.high


def _docs_text(docs, limit=3) -> str:
    docs = sorted(set(docs))
    if len(docs) <= limit:
        return ", ".join(docs)
    return ", ".join(docs[:limit]) + f" and {len(docs) - limit} more"


_CUES = {
    "gt": (r"over|more than|above|exceed\w*|upwards of|in excess of|\+", "more than"),
    "ge": (r"at least|or more|no fewer than|no less than|minimum", "at least"),
    "lt": (r"less than|fewer than|under|below|nearly|almost|just short", "fewer than"),
    "le": (r"at most|up to|no more than|or fewer|or less|maximum", "at most"),
    "approx": (r"about|around|some|approximately|roughly|nearly|almost|an estimated|estimated|"
               r"close to|~|circa|or so", "about"),
}


def _quote(c) -> str:
    """The figure as written; when the words of its qualifier are not in the quoted span,
    they are added so the sentence stays true: '1,500 people' -> 'more than 1,500 people'."""
    text = (c.text or iv.fmt_num(c.value)).strip()
    cue = _CUES.get(c.qualifier)
    if cue and not re.search(rf"(?<![a-z])({cue[0]})(?![a-z])", text, re.I):
        return f"'{text}' ({cue[1]})"
    if c.qualifier == "range" and c.low is not None and c.high is not None and \
            not (iv.fmt_num(c.low) in text and iv.fmt_num(c.high) in text):
        return f"'{text}' ({iv.fmt_num(c.low)}-{iv.fmt_num(c.high)})"
    return f"'{text}'"


def _phrase(c) -> str:
    """Unquoted, for sums: 'more than 300 militants'; '24 crew' where the counted word was missed."""
    q = _quote(c)
    if not (c.counted or "").strip() and c.sentence:
        m = _PEOPLE_NOUN.match(c.sentence[c.end - c.sent_start:]) if 0 <= c.end - c.sent_start <= len(c.sentence) else None
        if m and q == f"'{c.text}'":
            return f"{c.text} {m.group(1)}"
    m = re.fullmatch(r"'(.*)' \((.*)\)", q, re.S)
    if m and c.qualifier != "range":
        return f"{m.group(2)} {m.group(1)}"
    return q[1:-1] if q.startswith("'") and q.endswith("'") else q


_CTX_DROP = re.compile(r"[\d.,]+|\b(some|about|around|approximately|over|more|than|less|fewer|at|least|"
                       r"nearly|almost|the|a|an|of|to|and|with|in|on|by|for)\b", re.I)


def _context(c) -> str:
    """Words before the figure in its sentence, plus the counted thing: the 'kind' of a figure."""
    sent = c.sentence or ""
    start = c.start - c.sent_start if c.sent_start else -1
    before = sent[max(0, start - 60):start] if 0 <= start <= len(sent) else ""
    if not before and c.text and c.text in sent:
        before = sent[max(0, sent.index(c.text) - 60):sent.index(c.text)]
    words = _CTX_DROP.sub(" ", before).split()[-4:]
    return " ".join(w.lower() for w in words + (c.counted or "").split() + _words_after(c, 3))


def _own_day(c) -> Optional[str]:
    """The day a figure is about, as its own words or its paragraph date it (before alignment put
    it on its event's date): "on Saturday", or the report's day for a tally as of the report
    ("has now scorched 21,000 hectares"); else the day of its event, if that is a day."""
    w = c.date_window
    if c.date_source in ("sentence", "present", "context") and len(w) == 2:
        return w[0] if w[0] == w[1] else None     # "overnight", "this week": no one day
    if c.date_source in ("report", "published"):
        return None                     # only when it was reported: any day of the event up to then
    return c.date if c.date and len(c.date) == 10 else None


def _at(c) -> int:
    """Where the claim's text starts in its sentence, -1 when it cannot be found there."""
    sent, text = c.sentence or "", c.text or ""
    start = c.start - c.sent_start if c.sent_start or c.start < len(sent) else -1
    if not (0 <= start <= len(sent)) or sent[start:start + len(text)] != text:
        start = sent.find(text) if text else -1
    return start


def _tail(c) -> str:
    """The sentence after the claim's text (empty when the sentence is unknown)."""
    start = _at(c)
    return "" if start < 0 else c.sentence[start + len(c.text or ""):][:80]


def _words_after(c, n: int) -> list:
    """Up to ``n`` words after the figure and its counted thing, up to the clause's end ("four years
    ago National Renewal won" is not "eight years of Civic Alliance rule")."""
    tail = _tail(c)
    counted = (c.counted or "").strip()
    if counted and counted in tail[:len(counted) + 8]:
        tail = tail[tail.index(counted) + len(counted):]
    tail = re.split(r"[,;:.!?()\[\]—–\"“”]", tail, maxsplit=1)[0]
    return _CTX_DROP.sub(" ", tail).lower().split()[:n]


_WHEN = re.compile(r"\s*(?:ago|earlier|later|before|after|previously|prior|into|since|beforehand|afterwards?)\b", re.I)


def _time_reference(c) -> bool:
    """A duration that says when, not how long: "four years ago", "two days later", "six months
    after the vote", "three weeks into the siege". It is a time, not a figure of the event."""
    return c.category == "duration" and bool(_WHEN.match(_tail(c)))


def _sources_of(claims, documents, copies, claim_level) -> dict:
    """claim id -> its independent source. A copied claim belongs to its original's source. With
    claim-level copies (dedup's map) the rest of a page that shares one story is its own source;
    without them a whole document with ``duplicate_of`` counts as its original."""
    roots = _roots(documents)
    by_id = {c.id: c for c in claims}
    out = {}

    def source(c, depth=0):
        if c.id in out:
            return out[c.id]
        orig = by_id.get(copies.get(c.id)) if c.id in copies else None
        if orig is not None and depth < 20:
            val = source(orig, depth + 1)
        else:
            val = c.doc if claim_level else roots.get(c.doc, c.doc)
        out[c.id] = val
        return val
    for c in claims:
        source(c)
    return out


def _roots(documents) -> dict:
    dup = {d.doc: d.duplicate_of for d in documents}

    def root(doc):
        seen = set()
        while dup.get(doc) and doc not in seen:
            seen.add(doc)
            doc = dup[doc]
        return doc
    return {d: root(d) for d in dup}


def _find_copies(claims, documents) -> dict:
    """copy claim id -> original claim id, for documents published twice (fallback to dedup's map)."""
    dup = {d.doc: d.duplicate_of for d in documents if d.duplicate_of}
    by_doc = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    out = {}
    for doc, orig in sorted(dup.items()):
        pool = {}
        for o in by_doc.get(orig, []):
            pool.setdefault((o.value, o.low, o.high, o.qualifier, (o.counted or "").lower()), []).append(o.id)
        for c in by_doc.get(doc, []):
            k = (c.value, c.low, c.high, c.qualifier, (c.counted or "").lower())
            if pool.get(k):
                out[c.id] = pool[k].pop(0)
    return out


def _speaker(name: str) -> str:
    """'Talal al-Barazi' and 'Talal Barazi' are one voice."""
    n = re.sub(r"\b(al|el|ad|as|ash|an)-", "", (name or "").lower())
    return "speaker:" + " ".join(re.findall(r"[^\W\d_]+", n))


def _report(c, docs) -> Optional[str]:
    """The day the source reported the figure (ISO YYYY-MM-DD); a coarser date cannot order reports."""
    d = docs.get(c.doc)
    r = c.report_date or (d.published if d else None)
    return r if r and len(r) == 10 else None


def _modality(c) -> str:
    return "forecast" if (c.modality or "count") in ("forecast", "plan") else "count"


def _build_items(claims, docs, roots, copies, pol):
    """Items per (event, modality, category). Copies join their original; groups are summed."""
    originals = {}
    for cid, oid in copies.items():
        originals.setdefault(oid, []).append(cid)
    by_id = {c.id: c for c in claims}
    items = {}
    covered_groups = {(c.doc, c.group) for c in claims if c.derived and c.parts and c.group}
    covered_parts = {p for c in claims if c.derived for p in c.parts}
    skip = _same_kind_parts(claims, by_id)
    own_groups = _own_groups(claims, by_id)
    not_whole = {c.id for c in claims if not c.part_of and _not_a_whole(c)}
    skip |= not_whole
    listed = [run for run in _listed_people(claims, covered_parts)
              if not any(c.id in not_whole or c.part_of for c in run)]
    # a listed part of the whole's own kind ('312 passengers' of '312 passengers and 24 crew' people)
    # is no figure of all the people: its sum stands for it
    skip |= {c.id for run in listed for c in run if c.category == "people"}

    def add(key, item):
        cl = [by_id[i] for i in item.ids if i in by_id]
        item.listed = item.claim is not None and item.claim.id in own_groups
        if item.claim is not None:
            item.role = _role(item.claim) if key[2] in _ROLE_CATEGORIES + ("killed", "injured") else None
            item.vague = _is_vague(item.claim)
        elif cl and key[2] in _ROLE_CATEGORIES:
            item.role = next((r for r in map(_role, cl) if r), None)
        days = {_own_day(c) for c in cl} - {None}
        item.day = days.pop() if len(days) == 1 else None
        speakers = {_speaker(c.said_by) for c in cl if c.said_by}
        item.voice = speakers.pop() if len(speakers) == 1 else item.source
        items.setdefault(key, []).append(item)

    bare = []

    def members(c):
        ids = [c.id] + sorted(originals.get(c.id, []))
        return ids, [by_id[i].doc for i in ids if i in by_id]

    for c in sorted(claims, key=lambda c: c.id):
        if c.id in copies or c.event is None or c.change:
            continue
        if c.value is None and c.low is None and c.high is None or c.id in skip or _time_reference(c):
            continue
        ids, ds = members(c)
        reps = [r for r in (_report(by_id[i], docs) for i in ids if i in by_id) if r]
        label, ivl = _quote(c), _interval(c, pol)
        if c.derived and c.parts:
            parts = [by_id[p] for p in c.parts if p in by_id]
            if parts and len(parts) == len(c.parts):
                # the total allows what its parts allow together: 300 (rounded) + 1,065
                ivl, named = _summed(parts, pol)
                label = f"{named} = {iv.fmt_num(c.value) if c.value is not None else iv.fmt(ivl)} {c.category}"
        item = _Item(c.id, ids, ds, roots[c.id], ivl, label, _point(c),
                     min(reps) if reps else None, c.qualifier, c, _context(c))
        if _crowd_number(c):
            bare.append((c, item))
            continue
        add((c.event, _modality(c), c.category), item)

    # 'Police put the number at about 15,000': a bare figure named the number, the figure or the
    # turnout of a story that counts a crowd is a figure of that crowd
    for c, item in bare:
        key = (c.event, _modality(c), "people")
        if any(it.role == "crowd" for it in items.get(key, [])):
            item.iv = _interval(dataclasses.replace(c, category="people"), pol)
            add(key, item)
            item.role = "crowd"

    # parts listed together: fighters + civilians of one group = people
    parent_of = {}
    for parent, kids in (pol.get("hierarchy") or {}).items():
        for k in kids:
            parent_of[k] = parent
    groups, summed = {}, set()
    for c in claims:
        if c.group and c.id not in copies and c.event is not None and not c.change and not c.derived:
            groups.setdefault((c.doc, c.group), []).append(c)
    for (doc, g), members_ in sorted(groups.items()):
        for parent in sorted({parent_of[p.category] for p in members_ if p.category in parent_of}):
            parts = sorted((p for p in members_ if parent_of.get(p.category) == parent),
                           key=lambda c: (c.start, c.id))
            if len({p.category for p in parts}) < 2:
                continue
            if (doc, g) in covered_groups or any(p.id in covered_parts for p in parts):
                continue
            if len({p.event for p in parts}) != 1 or len({_modality(p) for p in parts}) != 1:
                continue
            _add_sum(parts, parent, doc, roots, docs, by_id, members, pol, add)
            summed.update(p.id for p in parts)
    # people-like parts listed together, of any categories: '312 passengers and 24 crew' = 336 people
    for run in listed:
        if any(c.id in summed or c.id in copies or c.event is None or c.change for c in run):
            continue
        _add_sum(run, "people", run[0].doc, roots, docs, by_id, members, pol, add)
    return items


def _same_kind_parts(claims, by_id) -> set:
    """Parts that are not a figure of their own category for the event: '200 killed in A' listed
    with '100 killed in B', or '2,000 people from X' of '5,000 people'. Compared, they would
    disagree with every total; their whole stands for them."""
    out = set()
    for c in claims:
        whole = by_id.get(c.part_of) if c.part_of else None
        if whole is not None and whole.category == c.category:
            # "820 of the region's 2,140 schools": the share is the figure, the total behind it a
            # denominator; "2,500 people, including 700 militants": the whole stands for its part
            out.add(whole.id if whole.doc == c.doc and whole.start > c.start else c.id)
        if c.derived:
            out.update(p for p in c.parts if p in by_id and by_id[p].category == c.category)
    groups = {}
    for c in claims:
        if c.group and not c.derived:
            groups.setdefault((c.doc, c.group, c.category), []).append(c.id)
    for ids in groups.values():
        if len(ids) > 1:
            out.update(ids)
    return out - _own_groups(claims, by_id)


def _own_groups(claims, by_id) -> set:
    """Listed parts that each count a whole group of their own: '13 hostages and 39 detainees'
    (every hostage of the swap, every detainee), unlike '200 killed in A and 100 in B' or '2,000
    people from X' (parts of one kind). Their heads are specific and differ from each other."""
    lists = [[by_id[p] for p in c.parts if p in by_id] for c in claims if c.derived and c.parts]
    out = set()
    for parts in lists:
        heads = [_noun_head(p.counted) for p in parts]
        if len(parts) > 1 and all(h and h not in _GENERIC_HEADS for h in heads) and len(set(heads)) == len(heads):
            out.update(p.id for p in parts)
    return out


def _summed(parts, pol):
    """The interval parts allow together, and how the sum reads: '300 militants + 1,065 civilians'."""
    ivl = _interval(parts[0], pol)
    for p in parts[1:]:
        ivl = iv.add(ivl, _interval(p, pol))
    return ivl, " + ".join(_phrase(p) for p in parts)


def _add_sum(parts, parent, doc, roots, docs, by_id, members, pol, add):
    """'300 militants and 1,065 civilians' -> a people item [1,335, 1,395] named '300 militants + 1,065 civilians'."""
    total = parts[0]
    ivl, named = _summed(parts, pol)
    vals = [_point(p) for p in parts]
    value = sum(vals) if None not in vals else None
    ids, ds = [], []
    for p in parts:
        i2, d2 = members(p)
        ids += i2
        ds += d2
    reps = [r for r in (_report(by_id[i], docs) for i in ids) if r]
    label = f"{named} = {iv.fmt_num(value) if value is not None else iv.fmt(ivl)} {parent}"
    add((total.event, _modality(total), parent),
        _Item("+".join(p.id for p in parts), ids, ds, roots[parts[0].id], ivl, label, value,
              min(reps) if reps else None, "sum", None, _context(total)))


# ---------------------------------------------------------------- what a figure counts

# The role a people-like figure plays in the story. The category says "people"; the role says
# which people: the dead, the rescued, those on board. Figures of different roles are never
# compared ("112 dead" against "149 rescued", "38 missing" against "186 survivors").
_ROLE_WORDS = (
    ("capacity", r"licen[cs]ed to carry|capacity|designed to (?:carry|hold)|(?:allowed|permitted|certified) to carry|"
                 r"can carry|seats? for"),
    ("killed", r"dead|died|killed|killing|deaths?|death toll|toll|bodies|fatalities|lost (?:their|his|her) lives|"
               r"perished|slain"),
    ("injured", r"injur\w*|wounded|wounding|hurt|hospitali[sz]ed|taken to hospital|(?:being )?treated|"
                r"intensive care"),
    ("missing", r"missing|unaccounted|disappeared|search for"),
    ("trapped", r"trapped|buried|stuck|entombed|cut off|underground"),
    ("rescued", r"rescued|survivors?|(?:pulled|plucked|lifted|winched|dragged) (?:alive|out|from|to safety)|saved"),
    ("arrested", r"arrest\w*|detained|detentions?|in custody"),
    ("aboard", r"on board|aboard|passengers?|crew|carrying|carried|manifest"),
    # those told to go are not those who went ("12,000 were ordered to leave" vs "30,000 evacuated"),
    # and those in shelters are some of those who went
    ("ordered", r"(?:ordered|told|urged|advised|warned|instructed) to (?:leave|evacuate|flee|go)|"
                r"(?:under|subject to) (?:an? )?(?:mandatory |voluntary )?evacuation (?:orders?|warnings?)"),
    ("sheltered", r"(?:in|at|to|into|inside) (?:[\w'’-]+ ){0,3}(?:shelters?|relief camps?|evacuation cent(?:re|er)s?)|"
                  r"sheltering|sheltered|housed|tents"),
    ("displaced", r"shelter|homeless|displaced|evacu\w*|withdr[ae]w\w*|left|leave|fled|flee\w*|transported|"
                  r"departed|relocated|moved (?:out|away|to|from|into)"),
    ("crowd", r"(?-i:march\w*|March(?:ed|ing|ers))|protest\w*|demonstrat\w*|turned out|took part|rall(?:y|ied)|joined|attended|crowd|"
              r"gathered|filled|packed|thronged|poured into|participants?"),
    ("responders", r"rescuers|personnel|volunteers|troops|deployed|dispatched"),
    ("population", r"home to|population|residents|inhabitants|live in|living in"),
)
_ROLE_RE = [(role, re.compile(rf"(?<![a-z])(?:{pat})(?![a-z])", re.I)) for role, pat in _ROLE_WORDS]
_CLAUSE_END = re.compile(r"[\d,;:.!?()\u2014\u2013\"\u201c\u201d]|\s-\s|\b(?:and|while|but|as|after|with)\b", re.I)
_ROLE_CATEGORIES = ("people", "fighters", "civilians", "soldiers")
_RUNNING_ROLES = ("killed", "injured", "missing", "rescued", "arrested")
_FIXED_ROLES = ("aboard", "capacity")


def _windows(c):
    """(before, after): the words of the figure's own clause before and after it in its sentence."""
    sent, text = c.sentence or "", c.text or ""
    start = _at(c)
    if start < 0:
        return "", ""
    before, after = sent[max(0, start - 80):start], sent[start + len(text):start + len(text) + 60]
    cut = [m.end() for m in _CLAUSE_END.finditer(before)]
    before = before[cut[-1]:] if cut else before
    m = _CLAUSE_END.search(after)
    after = after[:m.start()] if m else after
    return before, after


def _role_in(text, last=False):
    best = None
    for role, rx in _ROLE_RE:
        for m in rx.finditer(text or ""):
            pos = m.start()
            if best is None or (pos > best[0] if last else pos < best[0]):
                best = (pos, role)
            if not last:
                break
    return best[1] if best else None


def _role(c) -> Optional[str]:
    """What a people-like figure counts, from its clause: the words after it ('were arrested'),
    its counted thing ('survivors'), the words before it ('killing', 'licensed to carry'), and
    failing those the one role its sentence names. None when nothing says."""
    if c.category in ("killed", "injured"):
        return c.category
    before, after = _windows(c)
    if _role_in(before) == "capacity" or re.search(_ROLE_WORDS[0][1], before, re.I):
        return "capacity"
    own = re.sub(r"[\d.,\s]+", " ", c.text or "")
    sent, text = c.sentence or "", c.text or ""
    at = sent.find(text) if text else -1
    # the rest of its clause, past a figure of a place ("spent the night in 37 emergency shelters")
    far = re.split(r"[.;:!?\u201c\u201d\"]|,\s", sent[at + len(text):])[0] if at >= 0 else ""
    for text, last in ((after, False), (c.counted or "", False), (own, True), (before, True), (far, False)):
        r = _role_in(text, last)
        if r:
            return r
    roles = {role for role, rx in _ROLE_RE if rx.search(c.sentence or "")}
    return roles.pop() if len(roles) == 1 else None


_LINK_LINE = re.compile(r"^\W*(related|read more|see also|also read|more on this|watch|listen)\b\s*:?|^\s*[\u27a4\u25ba>\u2022]\s*"
                        r"(?:read|related|see)", re.I)
_FORECAST_CUE = re.compile(r"\b(expect\w*|predict\w*|forecast\w*|fear\w*|could|likely|projected|warn\w*|may|might)\b"
                           r"[^.]{0,60}\b(?:rise|climb|reach|double|increase|exceed|top|grow|hit)\w*\s+"
                           r"(?:(?:to|past|above|over|as high as|beyond|about|some|nearly|more than)\s+)*$", re.I)
_SCOPE_AFTER = re.compile(r"^\s*(?:people\s+|\w+\s+)?(?:alone|of (?:them|whom|those|these)|among them|"
                          r"in (?:the capital|one |a single |the city of|the town of|the village of))", re.I)
# "nearly 7,000 residents of the town": one town's share of a figure for the whole region
_SCOPE_COUNTED = re.compile(r"\bof (?:the|this|that) (?:town|city|village|capital|district|neighbou?rhood|suburb)\b",
                            re.I)
# "Of the 96 people injured, 31 were still in hospital": a part of the group the sentence opens with
_OF_THE_LEAD = re.compile(r"^\s*Of\s+(?:the|those|these|them|its|their)\b[^,;]*,\s*$", re.I)
_DIED_LATER = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}?(?:later\s+|subsequently\s+)?(?:died|succumbed)\s+"
                         r"(?:in\s+(?:the\s+)?hospital|of\s+(?:their|his|her)\s+(?:wounds|injuries)|to\s+(?:their|his|her))",
                         re.I)
_INCREMENT_IN = re.compile(r"^(?:\S+\s+){1,2}?(?:more|additional|further|extra)\b(?!\s+than\b)", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.I)
_SCOPE_BEFORE = re.compile(r"\b(?:my|his|her|their|our|your|including|among them|of whom)\s+$|"
                           r"\balone\s*,\s*$", re.I)    # "In Kalvik alone, 1,240 buildings were damaged"


def _not_a_whole(c) -> Optional[str]:
    """Why a figure is no whole figure of its event, or None: a link line to another story
    ('Related: Three killed as storm batters coast'), a forecast ('we expect the toll to rise to
    200'), a scoped part ('in the capital alone', 'of them', 'my two children')."""
    sent = c.sentence or ""
    if _LINK_LINE.search(sent):
        return "link"
    before, after = _windows(c)
    sent_before = sent[:max(0, sent.find(c.text))] if c.text and c.text in sent else before
    if _FORECAST_CUE.search(sent_before[-120:]):
        return "forecast"
    if _SCOPE_AFTER.search(after) or _SCOPE_BEFORE.search(sent_before) or _SCOPE_COUNTED.search(c.counted or "") \
            or _OF_THE_LEAD.match(sent_before):
        return "scoped"
    if _INCREMENT_IN.match(c.text or "") or _INCREMENT_BEFORE.search(sent_before):
        return "increment"    # "three more bodies", "a further 50 prisoners": added to a figure, not the figure
    if c.category == "killed" and _DIED_LATER.match(after):
        return "increment"    # "two injured passengers died in hospital": added to the toll
    if c.category == "injured" and _HOSPITAL.search(after[:80]):
        return "scoped"       # '11 were treated in hospital' are some of the injured, not all of them
    return None


_HOSPITAL = re.compile(r"(hospitali[sz]ed|in hospital|to hospital|in (?:a )?critical condition|"
                       r"treated (?:in|at) (?:a |the )?(?:local )?(?:hospitals?|clinics?))", re.I)


_CROWD_NUMBER = re.compile(r"\b(number|figure|turnout|crowd|attendance|estimate)\b", re.I)


def _crowd_number(c) -> bool:
    """A bare figure ('about 15,000', no counted thing) that its clause calls the number, the
    figure, the turnout or the crowd."""
    if c.category != "other" or (c.counted or "").strip() or c.derived:
        return False
    before, after = _windows(c)
    sent = c.sentence or ""
    at = sent.find(c.text) if c.text else -1
    near = sent[max(0, at - 40):at] if at >= 0 else before
    return bool(_CROWD_NUMBER.search(near))


_VAGUE = re.compile(r"\b(dozens|scores|hundreds|thousands|millions|tens|several|many)\b", re.I)


def _is_vague(c) -> bool:
    """'tens of thousands', 'hundreds': a hedge spanning an order of magnitude, not a count."""
    return c.qualifier == "range" and c.value is None and bool(_VAGUE.search(c.text or "")) and \
        not re.search(r"\d", c.text or "")


_PEOPLE_NOUN = re.compile(r"^\s*(people|persons|passengers|crew(?: members)?|residents|civilians|children|adults|"
                          r"women|men|workers|staff|soldiers|troops|militants|fighters|survivors|students|"
                          r"pensioners|demonstrators|protesters|refugees|migrants|tourists|pilgrims|officers|"
                          r"police(?:men)?|volunteers|rescuers|family members|relatives)\b", re.I)


def _people_like(c) -> bool:
    if c.category in _ROLE_CATEGORIES:
        return True
    if c.category != "other":
        return False
    sent = c.sentence or ""
    end = c.end - c.sent_start if c.sent_start or c.end <= len(sent) else -1
    return bool(_PEOPLE_NOUN.match(c.counted or "")) or (0 <= end <= len(sent) and bool(_PEOPLE_NOUN.match(sent[end:])))


def _listed_people(claims, covered_parts) -> list:
    """Runs of people-like figures listed together in one sentence ('312 passengers and 24 crew'),
    as the extractor groups them or, where it did not, as written side by side: parts of one
    whole. Only runs of different counted things (not '200 killed in A and 100 in B')."""
    out, seen = [], set()
    groups = {}
    for c in claims:
        if c.group and not c.derived:
            groups.setdefault((c.doc, c.group), []).append(c)
    for key, members in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        run = sorted((m for m in members if _people_like(m)), key=lambda c: (c.start, c.id))
        if len(run) >= 2 and not any(m.id in covered_parts for m in run):
            out.append(run)
            seen.update(m.id for m in run)
    by_sent = {}
    for c in claims:
        if not c.derived and c.id not in seen and c.id not in covered_parts and _people_like(c):
            by_sent.setdefault((c.doc, c.sent_start, c.sentence), []).append(c)
    for (doc, s0, sent), cs in sorted(by_sent.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        cs.sort(key=lambda c: (c.start, c.id))
        run = [cs[0]]
        for prev, cur in zip(cs, cs[1:]):
            gap = (sent or "")[prev.end - s0:cur.start - s0] if s0 is not None else ""
            if re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and|plus|&)\s*", gap or "x", re.I):
                run.append(cur)
                continue
            if len(run) >= 2:
                out.append(run)
            run = [cur]
        if len(run) >= 2:
            out.append(run)
    # only lists of different counted things are parts of one whole
    res = []
    for run in out:
        heads = {(_PEOPLE_NOUN.match(c.counted or "") or _PEOPLE_NOUN.match(
            (c.sentence or "")[c.end - c.sent_start:]) or re.match(r"", "")).group(0).strip().lower() or c.counted
                 for c in run}
        if len(heads) == len(run) and len({c.event for c in run}) == 1 and len({_modality(c) for c in run}) == 1:
            res.append(run)
    return res


# ---------------------------------------------------------------- grouping

def _hi_key(i: Interval):
    return (math.inf if i.high is None else i.high, 0 if i.high_open else 1)


def _lo_key(i: Interval):
    return (-math.inf if i.low is None else i.low, 1 if i.low_open else 0)


def _pierce(items):
    """Fewest groups whose members share a value: greedy stabbing by upper end (optimal for
    intervals), one sweep after sorting. An item belongs to the group of the first item whose
    upper end it reaches; the groups come out in increasing order of value."""
    groups, first = [], None
    for it in sorted(items, key=lambda it: (_hi_key(it.iv), _lo_key(it.iv), it.key)):
        if first is None or not iv.compatible(it.iv, first.iv):
            first = it
            groups.append([])
        groups[-1].append(it)
    return groups


def _common(grp) -> Interval:
    out = grp[0].iv
    for it in grp[1:]:
        out = iv.intersect(out, it.iv) or out
    return out


def _sources(items) -> list:
    return sorted({it.source for it in items})


def _ids(items) -> tuple:
    return tuple(dict.fromkeys(i for it in items for i in it.ids))


def _docs(items) -> tuple:
    return tuple(sorted({d for it in items for d in it.docs}))


def _describe(items, limit=3) -> str:
    """'400 militants' (001, 003); with many sources a count and the spread."""
    labels = list(dict.fromkeys(it.label for it in sorted(
        items, key=lambda it: (it.value if it.value is not None else 0, it.key))))
    n = len(_sources(items))
    if len(labels) <= limit:
        text = " / ".join(labels)
    else:
        text = " / ".join(labels[:limit]) + f" / {len(labels) - limit} more figures"
    return f"{text} ({_docs_text(_docs(items))}{'' if n < 2 else f'; {n} sources'})"


def _report_order(lower_side, upper_side, by=("report",)):
    """'up' when every lower figure was reported before every higher one, 'down' for the reverse.

    By report time (when the source said it); with ``update_by = "report+day"`` also, failing
    that, by the day the figures are about ("300 left on Monday", "700 had left by Wednesday")."""
    for attr in by:
        a = [getattr(it, attr) for it in lower_side]
        b = [getattr(it, attr) for it in upper_side]
        if not a or not b or None in a or None in b:
            continue
        if max(a) < min(b):
            return "up"
        if max(b) < min(a):
            return "down"
    return None


def _contradicted(groups):
    """The groups cut down to the figures some other source contradicts (empty groups dropped)."""
    flat = [it for g in groups for it in g]
    below, above = _opposed(flat, flat)
    keep = {id(it) for it in below + above}
    return [g for g in ([it for it in g if id(it) in keep] for g in groups) if g]


def _segments(groups, by, pol, modality):
    """Split groups (in order of value) where every lower figure was reported before every higher
    one ('up'; or the reverse, 'down', when the policy allows falls): the stretches of a figure
    that changed over time. Returns (segments, direction)."""
    for direction in ("up", "down"):
        if not _is_update(direction, pol, modality):
            continue
        seq = groups if direction == "up" else groups[::-1]
        for attr in by:
            times = [[getattr(it, attr) for it in g] for g in seq]
            if any(None in t for t in times):
                continue
            # a cut after position i: everything before was reported before everything after
            n = len(seq)
            pre_max, suf_min = [max(times[0])], [min(times[-1])]
            for t in times[1:]:
                pre_max.append(max(pre_max[-1], max(t)))
            for t in reversed(times[:-1]):
                suf_min.append(min(suf_min[-1], min(t)))
            suf_min.reverse()
            cuts = [i for i in range(n - 1) if pre_max[i] < suf_min[i + 1]]
            if cuts:
                segs, start = [], 0
                for i in cuts:
                    segs.append(seq[start:i + 1])
                    start = i + 1
                segs.append(seq[start:])
                if direction == "down":
                    segs = [list(reversed(sg)) for sg in reversed(segs)]
                return segs, direction
    return [groups], None


def _when(items) -> str:
    """'reported 2017-03-18' (or 'reported 2017-03-18 to 2017-03-19'), else the day it is about."""
    for attr, word in (("report", "reported"), ("day", "for")):
        vals = sorted({getattr(it, attr) for it in items if getattr(it, attr)})
        if vals and all(getattr(it, attr) for it in items):
            return f"{word} {vals[0]}" + (f" to {vals[-1]}" if len(vals) > 1 else "")
    return ""


_RUNNING = re.compile(r"\b(so far|to date|in total|until now|up to now|(?:has|have|had) (?:now )?(?:risen|climbed|"
                      r"reached|grown)|rose to|risen to|climbed to|increased to|reached|running total|(?:expanded|widened|"
                      r"extended|raised|revised|grew|fell|dropped|cut|lowered) (?:up |down )?to|"
                      r"cumulative|death toll|toll)\b", re.I)


def _updating(pol, category, items=()) -> dict:
    """The policy for one category: only running counts change over time (tolls by default, or
    figures stated as a running total: "so far", "rose to", "has reached"); other figures
    reported on different days about one happening (a crowd, a convoy) still disagree."""
    if category in pol.get("update_categories", ("killed", "injured")):
        return pol
    if any(it.claim is not None and _RUNNING.search(it.claim.sentence or "") for it in items):
        return pol
    return {**pol, "updates": "none"}


def _is_update(direction, pol, modality) -> bool:
    mode = str(pol.get("updates", "up"))
    if modality != "count" or direction is None or mode == "none":
        return False
    return mode == "any" or direction == mode


def _analyse(event, modality, category, items, pol, findings):
    """Findings for one event, modality and category."""
    pol = _updating(pol, category, items)
    reach = float(pol.get("open_reach", 0.5))
    by = ("report", "day") if str(pol.get("update_by", "report")) == "report+day" else ("report",)
    for it in items:
        v = it.iv.low if it.shape == "lower" else it.iv.high
        if v is not None:
            step = max(iv.precision_unit(v) if v else 1.0, abs(v) * reach)
            it.reach = v + step if it.shape == "lower" else v - step
    bounded = [it for it in items if it.shape == "bounded"]
    lowers = sorted([it for it in items if it.shape == "lower"], key=lambda it: (_lo_key(it.iv), it.key))
    uppers = sorted([it for it in items if it.shape == "upper"], key=lambda it: (_hi_key(it.iv), it.key))
    groups = _pierce(bounded)
    what = f"{category}" + (" (forecast)" if modality == "forecast" else "")

    disagreements = []     # every contradiction of this event and category: one conflict finding

    def emit(kind, text, its):
        if kind == "conflict":
            disagreements.append((text, its))
            return
        findings.append(Finding(kind=kind, explanation=text, event=event, category=category,
                                claims=_ids(its), docs=_docs(its)))

    # two-sided figures: the groups that some other source contradicts, in one finding
    maxg = int(pol.get("max_groups", 6))
    allb = [it for g in groups for it in g]
    shown = _contradicted(groups)
    if len(shown) >= 2:
        segments, direction = _segments(shown, by, pol, modality)
        if len(segments) > 1:
            verb = "rose" if direction == "up" else "fell"
            seq = segments if direction == "up" else segments[::-1]
            flat = [[it for g in seg for it in g] for seg in seq]
            if len(flat) > maxg:
                flat = [flat[0], flat[-1]]
            emit("update", f"The {what} figure {verb} over time: "
                 + ", then ".join(f"{_describe(g)} {_when(g)}" for g in flat),
                 [it for seg in segments for g in seg for it in g])
        for seg in segments:
            # within one stretch of reports, figures that no single value fits
            seg = _contradicted(seg)
            if len(seg) >= 2:
                emit("conflict", _disagreement(seg, what, maxg), [it for g in seg for it in g])

    # one-sided figures against all two-sided ones: one finding per direction, not per group
    commons = [_common(g) for g in groups]
    gsources = [_sources(g) for g in groups]
    for bounds, above in ((lowers, True), (uppers, False)):
        if not bounds or not allb:
            continue
        if above:
            bad_g, bad_b = _opposed(allb, bounds)
        else:
            bad_b, bad_g = _opposed(bounds, allb)
        if bad_g and bad_b:
            strongest = (max(bad_b, key=lambda it: (_lo_key(it.iv), it.key)) if above
                         else min(bad_b, key=lambda it: (_hi_key(it.iv), it.key)))
            direction = _report_order(bad_g, bad_b, by) if above else _report_order(bad_b, bad_g, by)
            if _is_update(direction, pol, modality):
                low_side, high_side = (bad_g, bad_b) if above else (bad_b, bad_g)
                first, last = (low_side, high_side) if direction == "up" else (high_side, low_side)
                emit("update", f"The {what} figure {'rose' if direction == 'up' else 'fell'} over time: "
                     f"{_describe(first)} {_when(first)}, then {_describe(last)} {_when(last)}",
                     bad_g + bad_b)
            else:
                need = iv.snap_int(strongest.iv) if category in pol.get("integer_categories", ()) else strongest.iv
                need = need or strongest.iv
                if above:
                    emit("conflict", f"{_describe(bad_g)} is below {_describe(bad_b)}, which needs "
                         f"{'more than' if need.low_open else 'at least'} {iv.fmt_num(need.low)}",
                         bad_g + bad_b)
                else:
                    emit("conflict", f"{_describe(bad_g)} is above {_describe(bad_b)}, which allows "
                         f"{'less than' if need.high_open else 'at most'} {iv.fmt_num(need.high)}",
                         bad_g + bad_b)
        # tension: true only through the open bound, far beyond what the bound plainly says.
        # Sorted by reach, the bounds far from a group are a prefix: one sweep, no pairs.
        order = sorted(bounds, key=lambda b: (b.reach if above else -b.reach, b.key))
        edges = [b.reach if above else -b.reach for b in order]
        # where the bounds in the prefix first come from two sources (the cross-source test, O(1))
        mixed_at = next((j + 1 for j, b in enumerate(order) if b.source != order[0].source), None)
        # latest report among the first j bounds ('~' sorts after any date: unknown is never earlier)
        latest, run_ = [], ""
        for b in order:
            run_ = max(run_, b.report or "~")
            latest.append(run_)
        rising = _is_update("up" if above else "down", pol, modality)
        far_groups, far_n, ratio = [], 0, None
        for g, common, gsrc in zip(groups, commons, gsources):
            ref = common.low if above else common.high
            if ref is None:
                continue
            n = bisect.bisect_left(edges, ref if above else -ref)
            if n == 0:
                continue
            if not (len(gsrc) > 1 or gsrc[0] != order[0].source or (mixed_at and n >= mixed_at)):
                continue
            first_report = min((it.report or "" for it in g), default="")
            if rising and first_report and latest[n - 1] < first_report:
                continue      # every such bound was reported before the figure: it rose since (update)
            far_groups.append(g)
            far_n = max(far_n, n)
            edge = _stated(order[n - 1], above)
            if edge and ref:
                r = ref / edge if above else edge / ref       # how far apart, as a factor >= 1
                ratio = r if ratio is None else min(ratio, r)
        if far_groups:
            fg = [it for g in far_groups for it in g]
            fb = order[:far_n]
            bound = fb[-1]
            word = _CUES.get(bound.qualifier, ("", "more than" if above else "fewer than"))[1]
            how = (f" ({ratio:.1f} times {'the stated bound' if above else 'the figure'} or more)"
                   if ratio else "")
            emit("tension", f"{_describe(fg)} fits {_describe(fb)} only through the open bound{how}: "
                 f"true, but far from what '{word} {iv.fmt_num(_stated(bound, above))}' says", fg + fb)

    # agreement: a group of sources sharing a value, with the bounds that plainly fit it
    ranked = sorted(range(len(groups)), key=lambda i: (-len(_sources(groups[i])), i))
    for i in sorted(ranked[:maxg]):
        g, common = groups[i], commons[i]
        lows = [b for b in lowers if iv.compatible(b.iv, common) and common.low is not None
                and b.reach >= common.low]
        ups = [b for b in uppers if iv.compatible(b.iv, common) and common.high is not None
               and b.reach <= common.high]
        for b in sorted(lows + ups, key=lambda b: (-len(_sources([b])), b.key)):
            common = iv.intersect(common, b.iv) or common   # all of them at once, not just each
        support = [b for b in lows + ups if iv.compatible(b.iv, common)]
        if len({it.voice for it in g + support}) >= 2 and len(_sources(g + support)) >= 2:
            emit("agreement", f"{len(_sources(g + support))} independent sources agree on {what}: "
                 f"{_describe(g + support)}, all within {iv.fmt(common)}", g + support)

    # bounds against bounds
    if lowers and uppers:
        bad_u, bad_l = _opposed(uppers, lowers)
        if bad_l and bad_u:
            emit("conflict", f"{_describe(bad_l)} against {_describe(bad_u)}: the lower bound is above the upper",
                 bad_l + bad_u)
    for bounds, word in ((lowers, "lower"), (uppers, "upper")):
        if len({b.voice for b in bounds}) < 2:
            continue
        if len(_sources(bounds)) >= 2 and not groups:
            emit("agreement", f"{len(_sources(bounds))} independent sources give only {word} bounds for {what}, "
                 f"which always overlap (weak agreement): {_describe(bounds)}", bounds)
        elif len(_sources(bounds)) >= 2:
            emit("agreement", f"weak agreement: {_describe(bounds)} are all {word} bounds for {what} "
                 f"and overlap", bounds)
    if disagreements:
        its = [it for _, part in disagreements for it in part]
        text = disagreements[0][0] if len(disagreements) == 1 else (
            f"Sources disagree on {what}: " + "; and ".join(t for t, _ in disagreements))
        findings.append(Finding(kind="conflict", explanation=text, event=event, category=category,
                                claims=_ids(its), docs=_docs(its)))


_SUBGROUP = re.compile(r"\b(officers?|men|police(?:men|women)?|cops?|soldiers?|troops|children|kids|women|journalists?|"
                       r"teams?|squads?|units?|brigades?|contingents?|"
                       r"reporters?|firefighters?|doctors?|nurses?|medics?|staff|crew|foreigners?|tourists?|"
                       r"students?|pupils?|teachers?|stewards?|rescuers?)\b", re.I)


_NATIONWIDE = re.compile(r"\b(across the country|nationwide|countrywide|all over the country|"
                         r"in \d+ (?:cities|towns|provinces|regions|states))\b", re.I)


def _subgroup(it) -> Optional[str]:
    """A figure of a distinct group ('three officers were injured', 'two children') is a part of the
    event's count, not a rival figure for it: it meets only figures of the same group."""
    if it.claim is not None and _NATIONWIDE.search(it.claim.sentence or ""):
        return "nationwide"       # 'across the country, 250,000 joined' is another whole than the capital's march
    m = _SUBGROUP.search((it.claim.counted if it.claim is not None else "") or "")
    if not m:
        return None
    w = m.group(1).lower()
    return {"cop": "police", "cops": "police", "officer": "police", "officers": "police", "policemen": "police",
            "policewomen": "police", "kids": "children"}.get(w, w.rstrip("s") or w)


def _by_role(items) -> dict:
    """Items of a people-like category by what they count: the dead with the dead, those on board
    with those on board; figures of a distinct group (officers, children) only with that group.
    A figure whose role is unknown is compared with every role."""
    out = {}
    subs = {}
    for it in items:
        sg = _subgroup(it)
        if sg:
            subs.setdefault(sg, []).append(it)
    if subs:
        rest = [it for it in items if not _subgroup(it)]
        merged = {}
        for sg, its in sorted(subs.items()):
            for role, part in _by_role_plain(its).items():
                merged[f"{role or 'any'} ({sg})"] = part
        for role, part in (_by_role_plain(rest).items() if rest else ()):
            merged[role] = part
        return merged
    return _by_role_plain(items)


def _by_role_plain(items) -> dict:
    out = {}
    for it in items:
        if it.role:
            out.setdefault(it.role, []).append(it)
    loose = [it for it in items if not it.role]
    if not out:
        return {None: loose}
    for role in out:
        out[role] = out[role] + loose
    return out


_UNIT_HEADS = {"family", "household", "home", "house"}
_GENERIC_HEADS = {"", "people", "person", "persons", "individual", "individuals", "total", "number", "figure",
                  # a gathering's count, whatever its word: "the crowd at about 8,000" = "4,500 participants"
                  "crowd", "participant", "attendee", "turnout", "attendance"}


def _self_split(items) -> list:
    """Drop the figures of a source that itself gives incompatible figures of one kind for one
    event: one article does not contradict itself, its figures count different things ('party A
    won 41 seats, party B 78'; '800 homes destroyed in the town, 3,000 in the province'), and
    which of them a rival figure answers cannot be told."""
    by_source = {}
    for it in items:
        by_source.setdefault(it.source, []).append(it)
    torn = {src for src, its in by_source.items()
            if any(not iv.compatible(a.iv, b.iv) for i, a in enumerate(its) for b in its[i + 1:])}
    return [it for it in items if it.source not in torn]


def _head_groups(items) -> list:
    """Figures whose counted things are different specific nouns ('12 hostages', '39 prisoners')
    count different groups: they meet only figures of the same noun or of a generic one ('people',
    a listed sum 'militants and civilians')."""
    def composite(it):
        counted = ((it.claim.counted if it.claim is not None else "") or "").lower()
        return it.claim is None or " and " in counted or "," in counted

    heads, sums = {}, []
    for it in items:
        if composite(it):
            sums.append(it)      # '13 hostages + 39 detainees': a total of several groups
            continue
        h = _head(it)
        heads.setdefault("" if h in _GENERIC_HEADS else h, []).append(it)
    specific = sorted(h for h in heads if h)
    plain = heads.get("", [])
    if len(specific) + bool(sums) < 2 and not any(it.listed for it in items) and not set(specific) & _UNIT_HEADS:
        return [items]
    # a total of several groups meets generic figures and other totals, never one group's figure;
    # a group listed beside others meets its own kind only
    out = []
    for h in specific:
        if h in _UNIT_HEADS:
            out.append(heads[h])    # "1,200 families" counts households, not people: never a people total
        elif any(it.listed for it in heads[h]):
            # a kind some source lists beside others ('12 crew and 210 passengers') is a part of any
            # generic figure ('more than 220 people on board'): its figures meet only each other
            out.append(heads[h])
        else:
            out.append(heads[h] + plain)
    out += [sums + plain] if sums else []
    if plain and not any(g[-len(plain):] == plain for g in out):
        out.append(plain)         # only listed groups beside them: the generic figures still meet
    return out


def _analyse_timed(event, modality, category, items, pol, findings, role=None):
    """Each group of :func:`_head_groups` of the figures that :func:`_self_split` keeps, by
    :func:`_analyse_one_timed`."""
    # counts of people and tolls keep every figure: there a source's two figures are a whole and a
    # part or two reports of one count, which the rules of time and scope below sort out
    kept = items if category in _ROLE_CATEGORIES + _RUNNING_ROLES else _self_split(items)
    if len(kept) < len(items) and len({it.source for it in kept}) < 2:
        return
    for group in _head_groups(kept):
        _analyse_one_timed(event, modality, category, group, pol, findings, role)


def _analyse_one_timed(event, modality, category, items, pol, findings, role=None):
    """``_analyse`` with the rules of time and hedges around it:
    - a vague figure ('tens of thousands') that only another source's figure above its top end
      contradicts ('more than 100,000') is in tension with it, not in conflict;
    - a running count (tolls, injured, missing, rescued) disagrees in a conflict only between
      reports whose day is known (same day: conflict; later and higher: update); a figure whose
      report time is unknown may be an earlier or later count: an update candidate;
    - other figures about different days of one event (the day before) are update candidates;
      figures about the same day (or no day) conflict."""
    vague_out = []
    reach = float(pol.get("open_reach", 0.5))
    for v in [it for it in items if it.vague and it.iv.high is not None]:
        top = v.iv.high * (1 + reach)        # where the hedge's top end plainly reaches
        above = [o for o in items if o is not v and not o.vague and o.source != v.source
                 and o.iv.low is not None and v.iv.high <= o.iv.low <= top and not iv.compatible(v.iv, o.iv)]
        if above:
            vague_out.append(v)
            findings.append(Finding(
                "tension", f"{_describe([v])} is a vague figure whose top end only reaches {_describe(above)}: "
                           f"a hedge, not a count that contradicts it", event, category,
                _ids([v] + above), _docs([v] + above)))
    items = [it for it in items if not any(it is v for v in vague_out)]
    base = (role or "").split(" (")[0]
    running = base in _RUNNING_ROLES or category in pol.get("update_categories", ("killed", "injured")) or \
        any(it.claim is not None and _RUNNING.search(it.claim.sentence or "") for it in items)
    if running and category not in pol.get("update_categories", ()):
        # a running count of its own (the missing, the rescued): it may change between reports;
        # the missing fall as people are found
        pol = {**pol, "update_categories": list(pol.get("update_categories", ())) + [category]}
    if base == "missing" or category == "missing":
        pol = {**pol, "updates": "any"}
    timed = [it for it in items if it.report] if running else items
    # how many were on board one voyage does not change from day to day: any two days' figures meet
    days = sorted({it.day for it in timed if it.day}) if base not in _FIXED_ROLES else []
    # a figure dated only by its report may be about any day up to that report, not after it
    strata = [[it for it in timed if it.day == d or (it.day is None and (not it.report or it.report[:10] >= d))]
              for d in days] if len(days) > 1 else [timed]
    if running and len(timed) < len(items):
        kind, why = "gap", "when it was reported cannot be anchored, so this may be a running count that changed, not a conflict"
    else:
        kind, why = "update", "the figures are about different days of one event, so the count may have changed"
    if len(strata) == 1 and len(strata[0]) == len(items):
        _analyse(event, modality, category, items, pol, findings)
        return
    inner = []
    for st in strata:
        _analyse(event, modality, category, st, pol, inner)
    whole = []
    _analyse(event, modality, category, items, pol, whole)
    confirmed = set()
    for f in inner:
        if f.kind == "conflict":
            confirmed.update(f.claims)
    conflicts = [f for f in inner if f.kind == "conflict"]
    if len(conflicts) > 1:
        ids = tuple(dict.fromkeys(i for f in conflicts for i in f.claims))
        conflicts = [Finding("conflict", f"Sources disagree on {category}: " + "; and ".join(
            f.explanation for f in conflicts), event, category, ids,
            tuple(sorted({d for f in conflicts for d in f.docs})))]
    findings.extend(conflicts)
    findings.extend(f for f in inner if f.kind != "conflict")
    inner_updates = {c for f in inner if f.kind == "update" for c in f.claims}
    for f in whole:
        if f.kind == "agreement" or (f.kind == "update" and not set(f.claims) & inner_updates):
            findings.append(f)
        elif f.kind == "conflict" and running and _fell(items, f, pol):
            if not set(f.claims) <= confirmed:
                findings.append(f)  # a toll lower on a later day than on an earlier one did not change: it disagrees
        elif not set(f.claims) <= confirmed:
            findings.append(dataclasses.replace(
                f, kind=kind, explanation=f"{f.explanation}; but {why}"))


def _fell(items, finding, pol) -> bool:
    """Whether a figure of ``finding`` about a later day is below one about an earlier day, for a
    count that may only rise ("updates" = "up"): 27 killed on Sunday, then 19 on Monday."""
    if str(pol.get("updates", "up")) != "up":
        return False
    mine = [it for it in items if set(it.ids) & set(finding.claims) and it.day and it.claim is not None
            and it.claim.date_source in ("sentence", "present", "context")]
    if any(it.role is None and (it.claim is None or it.claim.category not in ("killed", "injured")) for it in mine):
        return False      # a figure of unknown role may count something else ("23 treated" beside a crowd)
    for a in mine:
        for b in mine:
            if a.day < b.day and b.iv.high is not None and a.iv.low is not None and b.iv.high < a.iv.low:
                return True
    return False


def _disagreement(groups, what, maxg) -> str:
    """One sentence for groups of figures that no single value fits."""
    commons = [_common(g) for g in groups]
    if len(groups) == 2:
        return (f"{_describe(groups[0])} against {_describe(groups[1])}: {iv.fmt(commons[0])} and "
                f"{iv.fmt(commons[1])} do not overlap")
    n = len(_sources([it for g in groups for it in g]))
    if len(groups) <= maxg:
        body = "; ".join(f"{iv.fmt(c)}: {_describe(g)}" for g, c in zip(groups, commons))
        return f"{n} sources give {len(groups)} incompatible {what} figures: {body}"
    big = sorted(range(len(groups)), key=lambda i: (-len(_sources(groups[i])), i))[:3]
    return (f"{n} sources give {len(groups)} incompatible {what} figures, from {iv.fmt(commons[0])} to "
            f"{iv.fmt(commons[-1])}; the largest groups: "
            + "; ".join(f"{iv.fmt(commons[i])} ({len(_sources(groups[i]))} sources)" for i in sorted(big)))


def _opposed(low_side, high_side):
    """The figures of ``low_side`` below some figure of ``high_side`` from another source, and
    those of ``high_side`` above some figure of ``low_side`` from another source. Linear: only the
    two most extreme figures (from two sources) of the other side need testing."""
    def extremes(seq, key):
        seq = sorted(seq, key=key)
        if not seq:
            return []
        other = next((x for x in seq if x.source != seq[0].source), None)
        return [seq[0]] + ([other] if other is not None else [])

    tops = extremes(high_side, lambda it: (tuple(-x for x in _lo_key(it.iv)), it.key))
    bottoms = extremes(low_side, lambda it: (_hi_key(it.iv), it.key))

    def against(it, opp):
        o = next((x for x in opp if x.source != it.source), None)
        return o is not None and not iv.compatible(it.iv, o.iv)
    return [a for a in low_side if against(a, tops)], [b for b in high_side if against(b, bottoms)]


def _stated(b, above) -> Optional[float]:
    """The figure a bound states ('more than 400' -> 400)."""
    if b.claim is not None and b.claim.value is not None:
        return float(b.claim.value)
    return b.iv.low if above else b.iv.high


_STATES = (("destroyed", r"destroyed|flattened|razed|reduced to rubble|collapsed|levell?ed|wiped out"),
           ("damaged", r"damaged|cracked"))
_AUX = re.compile(r"^\s*(?:(?:were|was|are|is|had|have|has|been|being|be|reportedly|also|now|all|either)\s+)*", re.I)


def _state(it) -> Optional[str]:
    """What happened to the counted things, from the words after the figure: '800 homes were
    destroyed' -> destroyed, 'a further 2,300 damaged' -> damaged; None when nothing says."""
    if it.claim is None:
        return None
    before, after = _windows(it.claim)
    for state, pat in _STATES:
        if re.match(rf"(?:{pat})\b", after[len(_AUX.match(after).group(0)):].strip(), re.I):
            return state
    m = re.match(r"([a-z]+(?:ed|en))\b", after[len(_AUX.match(after).group(0)):].strip(), re.I)
    return m.group(1).lower() if m else None


def _by_state(items) -> dict:
    """Figures of one counted thing by what happened to them; a figure that does not say meets all."""
    out = {}
    for it in items:
        st = _state(it)
        if st:
            out.setdefault(st, []).append(it)
    loose = [it for it in items if not _state(it)]
    if not out:
        return {None: loose}
    return {k: v + loose for k, v in out.items()}


def _noun_head(counted: Optional[str]) -> str:
    """The last word of a counted thing in the singular: 'families' -> 'family', 'buses' -> 'bus'."""
    words = re.findall(r"[a-z]+", (counted or "").lower())
    w = words[-1] if words else ""
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(s|x|ch|sh)es$", w):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def _head(it) -> str:
    counted = it.claim.counted if it.claim is not None else ""
    if not re.search(r"[a-z]", (counted or "").lower()) and it.claim is not None:
        before, after = _windows(it.claim)
        if re.search(r"\b(magnitude|richter)\b", before[-40:] + " " + after[:40], re.I):
            return "magnitude"        # 'a magnitude 7.2 quake', 'measuring 7.0 on the Richter scale'
    return _noun_head(counted)


_NAME_RUN = re.compile(r"(?:[A-Z][\w\-]*|of|de|al|for|and)(?:\s+(?:[A-Z][\w\-]*|of|de|al|for|and))*")
_POSSESSIVE = re.compile(r"^[\u2019']s?\b")
_SPEECH_AFTER = re.compile(r"^\s*(?:said|says|say|told|reported|reports|announced|claimed|estimated|"
                           r"put|puts|according)\b", re.I)
_OWNER_NOISE = {"the", "party", "inc", "ltd", "plc", "corp", "corporation", "co", "group", "company", "of", "and",
                "for"}


def _owner(it) -> Optional[str]:
    """Whose figure it is, when a name in its clause says: the subject ("The Civic Alliance took 41
    seats") or a possessive ("National Renewal's 84 seats"); not a speaker ("Acme said 300") and
    not a possessor's possessor ("Kessel's National Renewal Party won 78 seats"). None when the
    clause names nobody."""
    if it.claim is None:
        return None
    before, _ = _windows(it.claim)
    runs = []
    for m in _NAME_RUN.finditer(before):
        words = [w for w in m.group().split() if w[:1].isupper()]
        if not words:
            continue
        rest = before[m.end():]
        at_start = not before[:m.start()].strip()
        if _SPEECH_AFTER.match(rest) or (at_start and len(words) == 1 and not _POSSESSIVE.match(rest)):
            continue
        runs.append((m, rest))
    while len(runs) > 1 and _POSSESSIVE.match(runs[0][1]):
        runs = runs[1:]                     # "Amara Kessel's National Renewal Party": the party
    if not runs:
        return None
    key = [w.lower() for w in runs[0][0].group().split() if w.lower() not in _OWNER_NOISE]
    return " ".join(key) or None


def _same_owner(a: str, b: str) -> bool:
    sa, sb = set(a.split()), set(b.split())
    return sa <= sb or sb <= sa


def _by_owner(items) -> list:
    """Figures of one counted thing split by whose they are ('National Renewal won 84 seats' and
    'the Civic Alliance took 41 seats' are not rival figures; 'National Renewal's 84 seats' and 'the
    National Renewal Party secured 78 seats' are). When the clauses name two or more owners, a
    figure whose clause names none cannot be placed and is left out; with one owner or none, all
    figures meet."""
    of = [(it, _owner(it)) for it in items]
    owners = []
    for _it, o in of:
        if o and not any(_same_owner(o, x) for x in owners):
            owners.append(o)
    if len(owners) < 2:
        return [items]
    groups = {o: [] for o in owners}
    for it, o in of:
        if o:
            groups[next(x for x in owners if _same_owner(o, x))].append(it)
    return [g for g in groups.values() if len(g) > 1]


def _by_head(items) -> dict:
    """Figures of a loose category ('vehicles': buses, trucks) compared only when they count the same thing."""
    out = {}
    for it in items:
        out.setdefault(_head(it), []).append(it)
    return out


def _similar(a: str, b: str) -> float:
    try:
        from rapidfuzz import fuzz
        return fuzz.token_set_ratio(a, b)
    except ImportError:  # pragma: no cover
        return 100.0 if a == b else 0.0


def _kinds(items, threshold):
    """Background figures split by what they are ('pre-war population' vs 'home to')."""
    out = []
    for it in sorted(items, key=lambda it: it.key):
        for grp in out:
            if _similar(grp[0].context, it.context) >= threshold:
                grp.append(it)
                break
        else:
            out.append([it])
    return out


def _estimate(event, modality, category, items, pol) -> Optional[Estimate]:
    """low / best / high, UCDP style, with the rule that made them. When the figure changed over
    time (an update), only the latest reports count."""
    pol = _updating(pol, category, items)
    bounded = [it for it in items if it.shape == "bounded"]
    lowers = [it for it in items if it.shape == "lower"]
    uppers = [it for it in items if it.shape == "upper"]
    cat = category if modality == "count" else f"{category} (forecast)"
    ids = _ids(sorted(items, key=lambda it: it.key))
    latest = ""
    if len(bounded) > 1:
        by = ("report", "day") if str(pol.get("update_by", "report")) == "report+day" else ("report",)
        segments, direction = _segments(_pierce(bounded), by, pol, modality)
        if len(segments) > 1:
            last = segments[-1] if direction == "up" else segments[0]
            bounded = [it for g in last for it in g]
            since = min(it.report or "" for it in bounded)
            lowers = [b for b in lowers if b.report and b.report >= since]
            uppers = [b for b in uppers if b.report and b.report >= since]
            latest = f"latest reports only (the figure {'rose' if direction == 'up' else 'fell'} over time); "
    if bounded:
        per_source = {}
        for it in bounded:
            if it.value is not None:
                per_source.setdefault(it.source, []).append(it.value)
        vals = sorted(statistics.median(v) for v in per_source.values())
        best = statistics.median(vals) if vals else None
        low = min(it.iv.low for it in bounded)
        high = max(it.iv.high for it in bounded)
        rule = (f"{latest}low/high: min-max of {len(bounded)} stated figure(s) with their tolerance; "
                f"best: median of {len(per_source)} independent source(s)")
        above = [it.iv.low for it in lowers if it.iv.low > high]
        if above:
            high = max(above)
            rule += "; high raised to the strongest lower bound above them"
        return Estimate(event, cat, low, best, high, rule, ids)
    if lowers:
        low = max(it.iv.low for it in lowers)
        high = min((it.iv.high for it in uppers), default=None)
        return Estimate(event, cat, low, low, high,
                        "conservative: only bounds stated; low = best = the strongest 'at least'", ids)
    if uppers:
        high = min(it.iv.high for it in uppers)
        return Estimate(event, cat, None, None, high, "only upper bounds stated: high = the tightest", ids)
    return None


# ---------------------------------------------------------------- gaps and duplicates

def _gaps(claims, events, documents, roots, copies, pol, findings):
    ev_by_id = {e.id: e for e in events}
    by_event = {}
    for c in claims:
        if c.event is not None:
            by_event.setdefault(c.event, []).append(c)
    for eid in sorted(by_event):
        ev = ev_by_id.get(eid)
        if ev is None or ev.background:
            continue
        cl = sorted(by_event[eid], key=lambda c: c.id)
        srcs = sorted({roots[c.id] for c in cl})
        label = ev.label or eid
        if len(srcs) == 1:
            shown = [c for c in cl if c.id not in copies]
            figs = ", ".join(_quote(c) for c in shown[:4]) + (f" and {len(shown) - 4} more" if len(shown) > 4 else "")
            findings.append(Finding("gap", f"Only one source ({_docs_text({c.doc for c in cl})}) reports "
                                    f"'{label}' ({figs}); no other source can confirm it",
                                    eid, None, tuple(c.id for c in cl), tuple(sorted({c.doc for c in cl}))))
            continue
        by_cat = {}
        skip = set(pol.get("gap_skip_categories", ("other",)))
        for c in cl:
            if not c.change and c.category not in skip:
                by_cat.setdefault(c.category, []).append(c)
        alone = {}
        for cat in sorted(by_cat):
            cs_src = sorted({roots[c.id] for c in by_cat[cat]})
            if len(cs_src) == 1:
                alone[cat] = cs_src[0]
        if alone:
            cs = [c for cat in sorted(alone) for c in by_cat[cat]]
            parts = []
            for cat in sorted(alone)[:4]:
                shown = [c for c in by_cat[cat] if c.id not in copies]
                parts.append(f"{cat} only from {_docs_text({c.doc for c in by_cat[cat]})} "
                             f"({', '.join(_quote(c) for c in shown[:2])}{' ...' if len(shown) > 2 else ''})")
            more = f" and {len(alone) - 4} more categories" if len(alone) > 4 else ""
            findings.append(Finding(
                "gap", f"'{label}' is reported by {len(srcs)} sources, but {'; '.join(parts)}{more}: "
                       f"no second source to check {'it' if len(alone) == 1 else 'them'} against",
                eid, next(iter(alone)) if len(alone) == 1 else None, tuple(c.id for c in cs),
                tuple(sorted({c.doc for c in cs}))))

    # figures that cannot be dated: documents without a publication date, then other anchors missed
    docs = {d.doc: d for d in documents}
    undated = {True: [], False: []}
    for c in sorted(claims, key=lambda c: (c.doc, c.id)):
        d = docs.get(c.doc)
        anchored = d.anchored if d is not None else True
        if c.date is None and (c.date_text or not anchored):
            undated[not anchored and not (d and d.published)].append(c)
    for no_pub in (True, False):
        und = undated[no_pub]
        if not und:
            continue
        ds = sorted({c.doc for c in und})
        texts = sorted({c.date_text for c in und if c.date_text})
        why = (f"{_docs_text(ds)} {'carries' if len(ds) == 1 else 'carry'} no publication date" if no_pub
               else f"{_docs_text(ds)} {'has' if len(ds) == 1 else 'have'} dates that cannot be anchored")
        rel = (f": {', '.join(repr(t) for t in texts[:4])}{' ...' if len(texts) > 4 else ''} cannot be resolved"
               if texts else "")
        findings.append(Finding("gap", f"{why}{rel}, so {len(und)} figure(s) "
                                f"({', '.join(_quote(c) for c in und[:3])}{' ...' if len(und) > 3 else ''}) "
                                f"cannot be dated", None, None, tuple(c.id for c in und), tuple(ds)))

    # stretches of a storyline that no source covers
    gap_days = int(pol.get("timeline_gap_days", 14))
    lines = {}
    for e in events:
        if e.background or not e.date or len(e.date) != 10 or e.id not in by_event:
            continue
        # a storyline per town: "al-Waer, Homs" is told with "Homs"
        lines.setdefault((e.place or "").split(",")[-1].strip(), []).append(e)
    for place in sorted(lines):
        evs = sorted(lines[place], key=lambda e: (e.date, e.id))
        plans = [c for e in evs for c in by_event.get(e.id, []) if _modality(c) == "forecast"]
        for a, b in zip(evs, evs[1:]):
            try:
                days = (_date.fromisoformat(b.date) - _date.fromisoformat(a.date)).days
            except ValueError:
                continue
            if days > gap_days:
                tail = ""
                if plans:
                    tail = (f"; the plan ({', '.join(_quote(c) for c in plans[:2])}) cannot be checked "
                            f"against what happened in between")
                where = f" about {place}" if place else ""
                findings.append(Finding("gap", f"No source reports anything{where} between {a.date} "
                                        f"('{a.label}') and {b.date} ('{b.label}'), {days} days{tail}",
                                        None, None, tuple(c.id for c in plans), ()))


def _duplicates(claims, documents, copies, findings):
    by_id = {c.id: c for c in claims}
    pairs = {}
    for cid, oid in copies.items():
        if cid in by_id and oid in by_id:
            pairs.setdefault((by_id[cid].doc, by_id[oid].doc), []).append((oid, cid))
    for d in documents:
        if d.duplicate_of and (d.doc, d.duplicate_of) not in pairs:
            pairs[(d.doc, d.duplicate_of)] = []
    for (copy, orig), ps in sorted(pairs.items()):
        ps.sort()
        ids = tuple(i for p in ps for i in p)
        figs = ", ".join(_quote(by_id[o]) for o, _ in ps[:3]) + (" ..." if len(ps) > 3 else "")
        text = f"{copy} repeats the text of {orig}: one source, not two"
        if ps:
            text += f"; its {len(ps)} figure(s) ({figs}) are counted once"
        findings.append(Finding("duplicate", text, None, None, ids, (orig, copy)))


# ---------------------------------------------------------------- entry point

def reconcile(claims: list, events: list, documents: list, policy=None, copies: Optional[dict] = None):
    """Findings and estimates for aligned claims (see the module docstring)."""
    pol = _policy(policy)
    claims = sorted(claims, key=lambda c: c.id)
    docs = {d.doc: d for d in documents}
    claim_level = copies is not None or any(getattr(c, "copy_of", None) for c in claims)
    if copies is None:
        copies = {c.id: c.copy_of for c in claims if getattr(c, "copy_of", None)} if claim_level \
            else _find_copies(claims, documents)
    known = {c.id for c in claims}
    copies = {k: v for k, v in copies.items() if k in known and v in known and k != v}
    roots = _sources_of(claims, documents, copies, claim_level)
    ev_by_id = {e.id: e for e in events}
    items = _build_items(claims, docs, roots, copies, pol)

    findings, estimates = [], []
    for (event, modality, category) in sorted(items):
        its = items[(event, modality, category)]
        ev = ev_by_id.get(event)
        if ev is not None and ev.background:
            for kind in _kinds(its, float(pol.get("background_similarity", 85))):
                if len(_sources(kind)) >= 2:
                    _analyse(event, modality, category, kind, pol, findings)
            continue
        if category in pol.get("same_thing_categories", ()):
            # a loose class (vehicles: buses, trucks): only figures of the same counted thing meet
            heads = _by_head(its)
            by_context = category in pol.get("context_categories", ())
            for head, part in sorted(heads.items()):
                if not head:
                    continue
                if by_context and category == "other":
                    kinds = list(_by_state(part).values())     # '800 homes destroyed' vs '2,300 damaged'
                else:
                    kinds = _kinds(part, float(pol.get("background_similarity", 85))) if by_context else [part]
                for kind in kinds:
                    for owned in _by_owner(kind):
                        _analyse_timed(event, modality, category, owned, pol, findings)
                est = _estimate(event, modality, category if len(heads) == 1 else f"{category}: {head}", part, pol)
                if est is not None:
                    estimates.append(est)
            continue
        parts = _by_role(its) if category in _ROLE_CATEGORIES + ("killed", "injured") else {None: its}
        for role, part in sorted(parts.items(), key=lambda kv: kv[0] or ""):
            _analyse_timed(event, modality, category, part, pol, findings, role)
            est = _estimate(event, modality, category if len(parts) == 1 or role is None
                            else f"{category}: {role}", part, pol)
            if est is not None:
                estimates.append(est)

    _hierarchy(items, claims, ev_by_id, pol, findings)
    _gaps(claims, events, documents, roots, copies, pol, findings)
    _duplicates(claims, documents, copies, findings)
    findings = _drop_contained_conflicts(set(findings))
    findings = sorted(findings, key=lambda f: (KIND_ORDER.get(f.kind, 99), f.event or "",
                                                   f.category or "", f.claims, f.explanation))
    estimates.sort(key=lambda e: (e.event, e.category))
    return findings, estimates


def _drop_contained_conflicts(findings: set) -> set:
    """One disagreement, one finding: a conflict whose figures all appear in a larger conflict of
    the same event and category says nothing the larger one does not."""
    conflicts = [f for f in findings if f.kind == "conflict"]
    drop = set()
    for f in conflicts:
        mine = set(f.claims)
        for g in conflicts:
            if g is not f and g.event == f.event and g.category == f.category and mine < set(g.claims):
                drop.add(f)
                break
    return findings - drop


def _generic(it, parent) -> bool:
    """A parent figure that counts the whole ('people'), not a part of it ('armed people and their
    relatives'): a computed sum, or a counted thing of one word."""
    if it.claim is None:
        return True
    words = (it.claim.counted or "").lower().split()
    return len(words) <= 1


def _hierarchy(items, claims, ev_by_id, pol, findings):
    """A part never exceeds its whole: '700 militants' (part_of '2500 people'), and across sources
    a child category never exceeds its parent's whole figure in the same event: fighters <= people."""
    by_key = {}
    for its in items.values():
        for it in its:
            by_key[it.key] = it
    for c in claims:
        if c.part_of and c.id in by_key and c.part_of in by_key:
            part, whole = by_key[c.id], by_key[c.part_of]
            if part.iv.low is not None and whole.iv.high is not None and not iv.compatible(
                    Interval(part.iv.low, None, part.iv.low_open), whole.iv):
                findings.append(Finding(
                    "conflict", f"{_describe([part])} is stated as part of {_describe([whole])} but is larger",
                    c.event, whole.claim.category if whole.claim else None,
                    _ids([whole, part]), _docs([whole, part])))
    if not pol.get("subsets_across_sources", False):
        return
    for parent, kids in sorted((pol.get("hierarchy") or {}).items()):
        for (event, modality, category), its in sorted(items.items()):
            if category != parent:
                continue
            ev = ev_by_id.get(event)
            if ev is not None and ev.background:
                continue
            tops = [it for it in its if it.iv.high is not None and _generic(it, parent)]
            if not tops:
                continue
            for kid in kids:
                sub = [it for it in items.get((event, modality, kid), []) if it.iv.low is not None]
                if not sub:
                    continue
                # a part is at least its lower end, and at most the whole: [low, inf) against the whole
                floors = [dataclasses.replace(s, iv=Interval(s.iv.low, None, s.iv.low_open)) for s in sub]
                bad_top, bad_floor = _opposed(tops, floors)
                keys = {f.key for f in bad_floor}
                bad_sub = [s for s in sub if s.key in keys]
                if bad_sub and bad_top:
                    findings.append(Finding(
                        "conflict", f"{_describe(bad_sub)} exceed {_describe(bad_top)}, though {kid} are part "
                                    f"of the {parent}", event, parent,
                        _ids(bad_top + bad_sub), _docs(bad_top + bad_sub)))
