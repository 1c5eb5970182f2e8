"""The timeline picture: x = date, one band per event with a row per source, coloured by source.

Each marker carries the figures that source gives for the event at that date ("300
fighters; 1,065 civilians"). Undated events get a lane of their own beside the dates.
A claim is placed at its own date when the timeline stage gave it one,
else at its event's date. Output is SVG, deterministic (fixed hash salt, no date metadata),
with text kept as paths so nothing from an article is live markup in it.
"""
from __future__ import annotations

import datetime as dt
import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402

from ._common import View, event_order, fmt_stated, one_line  # noqa: E402

_MARKERS = "osD^vP*Xph<>"


def _parse_date(s):
    """'2017-03-18' / '2017-03' / '2017' -> (start date, days the period spans) or None."""
    if not s:
        return None
    parts = s.split("-")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), 0
        if len(parts) == 2:
            start = dt.date(int(parts[0]), int(parts[1]), 1)
            nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, (nxt - start).days
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1), 365
    except ValueError:
        return None
    return None


def _short(text, n=48) -> str:
    text = one_line(text)
    return text if len(text) <= n else text[: n - 1] + "…"


MAX_EVENTS = 60


def plotted_events(view, limit: int = MAX_EVENTS) -> list:
    """The events the picture shows, in date order: all that have claims, or when there are
    more than ``limit``, those with a conflict, then a tension, then the most sources."""
    events = [e for e in view.events if view.claims_of(e.id)]
    if len(events) <= limit:
        return events

    def weight(e):
        kinds = {f.kind for f in view.findings_of(e.id)}
        return ("conflict" not in kinds, "tension" not in kinds, -len({c.doc for c in view.claims_of(e.id)}))

    keep = {e.id for e in sorted(events, key=lambda e: (weight(e), event_order(e)))[:limit]}
    return [e for e in events if e.id in keep]


def _event_label(e) -> str:
    label, when = e.label or e.id, e.date or "undated"
    return label if when in label else f"{label} ({when})"


def _rows(view):
    """[(event, doc, y, [(date span or None, claims)])]: one row per source within each event."""
    rows, y = [], 0
    for e in plotted_events(view):
        claims = view.claims_of(e.id)
        for doc in sorted({c.doc for c in claims}):
            by_date = {}
            for c in claims:
                if c.doc == doc:
                    by_date.setdefault(c.date or e.date, []).append(c)
            groups = [(_parse_date(d), cs) for d, cs in sorted(by_date.items(), key=lambda kv: kv[0] or "")]
            rows.append((e, doc, y, groups))
            y += 1
        y += 0.6 if claims else 0
    return rows


LEGEND_DOCS = 12


def _label(claims, with_doc: bool) -> str:
    figures = "; ".join(f"{fmt_stated(c)} {c.category}" for c in claims)
    return _short(f"{_short(claims[0].doc, 24)}: {figures}" if with_doc else figures, 72)


def timeline_svg(result) -> str:
    """The picture as an SVG document (a string)."""
    view = View(result)
    rows = _rows(view)
    docs = sorted({doc for _, doc, _, _ in rows})
    style = {d: (f"C{i % 10}", _MARKERS[(i // 10) % len(_MARKERS)]) for i, d in enumerate(docs)}
    height = (rows[-1][2] + 1) if rows else 1

    with plt.rc_context({"svg.hashsalt": "crosscheck", "svg.fonttype": "path", "font.size": 8}):
        fig, (ax, lane) = plt.subplots(1, 2, figsize=(12, 1.6 + 0.28 * height), sharey=True,
                                       gridspec_kw={"width_ratios": [3, 1]})
        dated_any = False
        ticks, xs = {}, []
        for e, doc, y, groups in rows:
            ticks.setdefault(e.id, []).append(y)
            color, marker = style[doc]
            span = _parse_date(e.date)
            if span and span[1]:  # an event known to the month or year: a bar over that period
                ax.plot([span[0], span[0] + dt.timedelta(days=span[1])], [y, y], color="0.88", lw=5,
                        solid_capstyle="butt", zorder=1)
            for when, claims in groups:
                target, x = (ax, when[0]) if when else (lane, 0)
                dated_any = dated_any or bool(when)
                target.scatter([x], [y], color=color, marker=marker, s=24, zorder=3)
                note = target.annotate(_label(claims, len(docs) > LEGEND_DOCS), (x, y), xytext=(5, -3), textcoords="offset points",
                                       fontsize=6.5, color=color, parse_math=False, annotation_clip=True)
                note.set_in_layout(False)
                note.set_clip_on(True)
                if when:
                    xs += [when[0], when[0] + dt.timedelta(days=when[1])]
        labels = {e.id: _event_label(e) for e in view.events}
        centres = sorted((sum(ys) / len(ys), eid) for eid, ys in ticks.items())
        ax.set_yticks([c for c, _ in centres])
        ax.set_yticklabels([_short(labels[eid]) for _, eid in centres])
        for t in ax.get_yticklabels():
            t.set_parse_math(False)
        ax.set_ylim(height - 0.4, -0.6)
        ax.grid(axis="x", color="0.9")
        ax.set_title("dated events")
        if dated_any:  # room on the right for the last labels
            pad = max(dt.timedelta(days=20), (max(xs) - min(xs)) * 0.45)
            ax.set_xlim(min(xs) - pad / 8, max(xs) + pad)
            fig.autofmt_xdate()
        else:
            ax.set_xticks([])
        lane.set_title("undated")
        lane.set_xlim(-0.1, 1)
        lane.set_xticks([])
        # a legend while it can be read; beyond that each label names its source
        handles = [plt.Line2D([], [], color=style[d][0], marker=style[d][1], ls="", label=_short(d, 32))
                   for d in docs] if len(docs) <= LEGEND_DOCS else []
        if handles:
            legend = fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 3), fontsize=7,
                                frameon=False)
            for t in legend.get_texts():
                t.set_parse_math(False)
        fig.tight_layout(rect=(0, min(0.4, 0.3 * ((len(handles) + 2) // 3) / (1.6 + 0.28 * height)), 1, 1))
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
    return buf.getvalue()
