"""CI mode: compare the conflicts of a run with a baseline file (owner: render).

    conflict_key(finding, result) -> str          # stable under claim renumbering and file order
    load_baseline(path) -> Baseline (a set of keys)   # raises BaselineError (missing file: BaselineMissing)
    write_baseline(path, result)                  # atomic
    new_conflicts(result, baseline) -> list[Finding]
    describe(finding, result, github=False) -> list[str]   # what `check` prints for a new conflict
    step_summary(new, result, baseline) -> str    # Markdown for $GITHUB_STEP_SUMMARY

The key of a conflict is its category and the sorted sides it compares, each side
``doc=value:qualifier:counted`` (value as stated: ``1500``, ``4500-5000``; counted
lower-cased, whitespace collapsed), e.g.

    people|000_a.txt=1365:exact:people|004_b.txt=1500:gt:people

Claim ids, offsets, the order of files and the event's id, label or date are left out
on purpose: renumbered claims or reordered inputs keep the key, and so does an event
whose label or date the aligner words differently once another article joins it. A
conflict is "new" when a figure, its qualifier, what it counts, its category or the
document it comes from changes: exactly what a fact-checker would want to look at again.
A conflict whose sides are all among those of one known conflict of its category is
known too: it lost a side (an article was removed, or reconcile split one conflict in
two), so it brings nothing to look at. One that gains a side (a new article joins it) is new.
The baseline also keeps each conflict's sides, event label, date and explanation.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .render._common import View, atomic_write, fmt_number, one_line

BASELINE_SCHEMA = 1


class BaselineError(Exception):
    """A baseline that cannot be read: the message names the file and says why."""


class BaselineMissing(BaselineError):
    """The baseline file does not exist (``check`` then treats it as empty)."""


def _side(claim) -> str:
    if claim.qualifier == "range" or claim.value is None:
        value = f"{fmt_number(claim.low)}-{fmt_number(claim.high)}"
    else:
        value = fmt_number(claim.value)
    counted = one_line(claim.counted).lower()
    return f"{claim.doc}={value.replace(',', '')}:{claim.qualifier}:{counted}"


def _key_parts(finding, view):
    sides = sorted({_side(c) for c in view.finding_claims(finding)})
    if not sides:  # a finding that names no known claim: fall back to its documents and words
        sides = sorted(finding.docs) + [one_line(finding.explanation)]
    return finding.category or "", sides


def conflict_key(finding, result) -> str:
    """The baseline key of a conflict (see the module docstring)."""
    view = result if isinstance(result, View) else View(result)
    category, sides = _key_parts(finding, view)
    return "|".join([category] + sides)


class Baseline(set):
    """The keys of a baseline file, and each entry's category and sides for subset matching."""

    def __init__(self, keys=(), groups=()):
        super().__init__(keys)
        self.groups = list(groups)   # [(category, frozenset of sides)]

    def knows(self, finding, view) -> bool:
        """Known: the same key, or a conflict whose sides are all among one known conflict's
        (it lost a side: an article was removed, or reconcile split a conflict in two)."""
        if conflict_key(finding, view) in self:
            return True
        category, sides = _key_parts(finding, view)
        return any(category == c and set(sides) <= known for c, known in self.groups)


def _conflicts(result):
    view = View(result)
    return view, [f for f in view.findings if f.kind == "conflict"]


def new_conflicts(result, baseline: set) -> list:
    """The conflicts of ``result`` that ``baseline`` does not know, in report order."""
    view, conflicts = _conflicts(result)
    if not isinstance(baseline, Baseline):
        baseline = Baseline(baseline)
    return [f for f in conflicts if not baseline.knows(f, view)]


def baseline_entries(result) -> list:
    view, conflicts = _conflicts(result)
    entries = {}
    for f in conflicts:
        key = conflict_key(f, view)
        entries.setdefault(key, {"key": key, "event": view.event_label(f.event), "date": view.event_date(f.event),
                                 "category": f.category, "explanation": f.explanation,
                                 "docs": view.finding_docs(f), "sides": _key_parts(f, view)[1]})
    return [entries[k] for k in sorted(entries)]


def write_baseline(path, result) -> int:
    """Write the conflicts of ``result`` to ``path`` (atomically); returns how many."""
    entries = baseline_entries(result)
    text = json.dumps({"schema": BASELINE_SCHEMA, "conflicts": entries}, ensure_ascii=False, indent=1) + "\n"
    atomic_write(path, text)
    return len(entries)


def load_baseline(path) -> set:
    """The keys in a baseline file. Raises BaselineMissing / BaselineError with a one-line reason."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise BaselineMissing(f"{path}: baseline does not exist") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        reason = one_line(str(exc))
        raise BaselineError(f"{path}: baseline is not valid JSON ({reason})") from None
    if not isinstance(data, dict) or not isinstance(data.get("conflicts"), list):
        raise BaselineError(f"{path}: not a crosscheck baseline (no \"conflicts\" list)")
    if data.get("schema") != BASELINE_SCHEMA:
        raise BaselineError(f"{path}: baseline schema {data.get('schema')!r} is not {BASELINE_SCHEMA}")
    baseline = Baseline()
    for i, entry in enumerate(data["conflicts"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            raise BaselineError(f"{path}: conflict #{i + 1} has no \"key\" string")
        baseline.add(entry["key"])
        sides = entry.get("sides")
        if isinstance(sides, list) and all(isinstance(x, str) for x in sides):
            baseline.groups.append((entry.get("category") or "", frozenset(sides)))
    return baseline


# -- what `check` prints ------------------------------------------------------

def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


_BETWEEN_WORDS = r"(?:\s|<[^>]*>|&nbsp;|&#160;|&#xa0;)+"   # in markup, words may be split by tags


def _file_line(view, claim):
    """(file on disk, 1-based line) of a claim, as well as can be told; line None when unknown."""
    article = view.articles.get(claim.doc)
    if article is None:
        return claim.doc, None
    source = article.source or claim.doc
    if Path(source).suffix.lower() in (".txt", ".md"):
        return source, view.line_of(claim)
    try:  # offsets index text taken out of the file (HTML, a JSON Lines record): find the quote in it
        raw = Path(source).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return source, None
    if Path(source).suffix.lower() == ".jsonl":
        for n, line in enumerate(raw.splitlines(), 1):
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if isinstance(rec, dict) and str(rec.get("id")) == claim.doc:
                return source, n
        return source, None
    words = one_line(claim.text).split(" ")
    m = re.search(_BETWEEN_WORDS.join(map(re.escape, words)), raw) if words != [""] else None
    return source, (raw.count("\n", 0, m.start()) + 1) if m else None


def describe(finding, result, github: bool = False) -> list:
    """Lines for one new conflict: the explanation, each side with its provenance, and with
    ``github`` one ``::error file=...,line=...::`` annotation per claim."""
    view = result if isinstance(result, View) else View(result)
    label, date = view.event_label(finding.event), view.event_date(finding.event)
    where = ", ".join(x for x in (label, "" if date in label else date, finding.category) if x)
    lines = [f"new conflict ({where}): {one_line(finding.explanation)}"]
    claims = view.finding_claims(finding)
    for c in claims:
        _, line = _file_line(view, c)
        at = f"offset {c.start}" + (f", line {line}" if line else "")
        lines.append(f"  {view.source_label(c)} ({at}): \"{one_line(c.text)}\"")
    if not claims:
        lines += [f"  {d}" for d in view.finding_docs(finding)]
    if github:
        message = _escape_data(f"crosscheck: new conflict ({where}): {one_line(finding.explanation)}")
        seen = set()
        for c in claims:
            path, line = _file_line(view, c)
            if (path, line) in seen:
                continue
            seen.add((path, line))
            props = f"file={_escape_property(str(path))}" + (f",line={line}" if line else "")
            lines.append(f"::error {props},title=crosscheck conflict::{message}")
    return lines


def step_summary(new, result, baseline) -> str:
    """Markdown for GitHub's job summary ($GITHUB_STEP_SUMMARY): the new conflicts with provenance."""
    from .render.markdown import table

    view = result if isinstance(result, View) else View(result)
    if not new:
        return f"### crosscheck: no new conflict\n\nEvery conflict is in `{baseline}`.\n"
    rows = [(view.event_label(f.event), f.category or "", f.explanation, view.quotes(f)) for f in new]
    return (f"### crosscheck: {len(new)} new conflicts\n\nNot in `{baseline}`; accept them with "
            f"`--update-baseline` if they are known.\n\n"
            + table(rows, ["event", "category", "conflict", "quotes (doc @offset)"]) + "\n")
