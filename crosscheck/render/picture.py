"""The timeline picture: x = date, one row per event, one marker per claim, coloured by source.

Undated events get a lane of their own beside the dates (their claims are spread out in
source order). A claim is placed at its own date when the timeline stage gave it one,
else at its event's date. Output is SVG, deterministic (fixed hash salt, no date metadata),
with text kept as paths so nothing from an article is live markup in it.
"""
from __future__ import annotations

import datetime as dt
import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402

from ._common import View, fmt_stated, one_line  # noqa: E402

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


def timeline_svg(result) -> str:
    """The picture as an SVG document (a string)."""
    v = View(result)
    events = [e for e in v.events if v.claims_of(e.id)]
    docs = sorted({c.doc for e in events for c in v.claims_of(e.id)})
    style = {d: (f"C{i % 10}", _MARKERS[(i // 10) % len(_MARKERS)]) for i, d in enumerate(docs)}

    rows = max(len(events), 1)
    with plt.rc_context({"svg.hashsalt": "crosscheck", "svg.fonttype": "path", "font.size": 8}):
        fig, (ax, lane) = plt.subplots(1, 2, figsize=(11, 1.2 + 0.55 * rows), sharey=True,
                                       gridspec_kw={"width_ratios": [4, 1]})
        dated_any = False
        for y, e in enumerate(events):
            claims = v.claims_of(e.id)
            span = _parse_date(e.date)
            if span and span[1]:
                ax.plot([span[0], span[0] + dt.timedelta(days=span[1])], [y, y], color="0.85", lw=6,
                        solid_capstyle="butt", zorder=1)
            undated = 0
            for i, c in enumerate(claims):
                color, marker = style[c.doc]
                jitter = (i % 5 - 2) * 0.08
                when = _parse_date(c.date) or span
                label = f"{fmt_stated(c)} {_short(c.category, 12)}"
                if when:
                    dated_any = True
                    ax.scatter([when[0]], [y + jitter], color=color, marker=marker, s=28, zorder=3)
                    ax.annotate(label, (when[0], y + jitter), xytext=(4, 2), textcoords="offset points",
                                fontsize=6, color=color, parse_math=False)
                else:
                    lane.scatter([undated], [y + jitter], color=color, marker=marker, s=28, zorder=3)
                    lane.annotate(label, (undated, y + jitter), xytext=(4, 2), textcoords="offset points",
                                  fontsize=6, color=color, parse_math=False)
                    undated += 1
        ax.set_yticks(range(len(events)))
        ax.set_yticklabels([_short(f"{e.label or e.id} ({e.date or 'undated'})") for e in events])
        for t in ax.get_yticklabels():
            t.set_parse_math(False)
        ax.set_ylim(rows - 0.5, -0.5)
        ax.grid(axis="x", color="0.9")
        ax.set_title("dated events")
        if dated_any:
            fig.autofmt_xdate()
        else:
            ax.set_xticks([])
        lane.set_title("undated")
        lane.set_xlim(-0.5, max(3, max((len(v.claims_of(e.id)) for e in events), default=0)) + 0.5)
        lane.set_xticks([])
        handles = [plt.Line2D([], [], color=style[d][0], marker=style[d][1], ls="", label=_short(d, 32))
                   for d in docs]
        if handles:
            legend = fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 3), fontsize=7,
                                frameon=False)
            for t in legend.get_texts():
                t.set_parse_math(False)
        fig.tight_layout(rect=(0, 0.04 + 0.02 * ((len(handles) + 2) // 3), 1, 1))
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
    return buf.getvalue()
