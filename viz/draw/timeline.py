"""Events over time as a picture: one lane per reporting type, main events annotated.

matplotlib is told not to stamp a date or random ids into its output, so the
SVG is the same on every build.
"""

from __future__ import annotations

import io
from datetime import date

import networkx as nx

from graph import dates

UNSURE = {"Alleged", "Threatened", "Prospective"}  # rg:ClaimStatus local names, drawn hollow: never like a fact

def event_rows(G: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for n, d in G.nodes(data=True):
        if d["kind"] == "Event" and d.get("date") not in (None, "undated"):
            rows.append({"id": n, "date": d["date"], "type": d["event_type"], "lane": d.get("event_type_label", d["event_type"]),
                         "label": d["label"],
                         "summary": d.get("summary", ""), "degree": G.degree(n), "claim": d.get("claim") or ""})
    return sorted(rows, key=lambda r: (r["date"], r["id"]))


def _as_date(text: str) -> date:
    """Where a date at any precision sits on the axis: the middle of the span it covers (graph/dates.py's rule)."""
    first, last = dates.earliest(text), dates.latest(text)
    return first + (last - first) / 2


def main_events(rows: list[dict], count: int = 12) -> set[str]:
    """The events to annotate: the most connected ones, at most one per month and lane."""
    chosen, slots = [], set()
    for r in sorted(rows, key=lambda r: (-r["degree"], r["date"], r["id"])):
        if (r["date"][:7], r["type"]) not in slots:
            chosen.append(r["id"])
            slots.add((r["date"][:7], r["type"]))
        if len(chosen) == count:
            break
    return set(chosen)


def stacked(rows: list[dict], lanes: list[str], span_days: float) -> dict[str, float]:
    """Each event's height: its lane, spread upwards and downwards when events of one lane fall close together.

    Seven events of one week in 2022 would be one dot on a fifteen-year axis;
    stacked, they show as seven.
    """
    near = max(span_days / 120, 1.0)
    out: dict[str, float] = {}
    for i, lane in enumerate(lanes):
        group: list[dict] = []
        for r in sorted((r for r in rows if r["type"] == lane), key=lambda r: (_as_date(r["date"]), r["id"])):
            if group and (_as_date(r["date"]) - _as_date(group[0]["date"])).days > near:
                out.update(_spread(group, i))
                group = []
            group.append(r)
        out.update(_spread(group, i))
    return out


def _spread(group: list[dict], lane: int) -> dict[str, float]:
    step = min(0.16, 0.7 / max(len(group), 1))
    return {r["id"]: lane + (k - (len(group) - 1) / 2) * step for k, r in enumerate(group)}


def render(G: nx.MultiDiGraph, fmt: str = "svg") -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from adjustText import adjust_text

    rows = event_rows(G)
    undated = sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Event" and d.get("date") in (None, "undated"))
    lanes = sorted({r["type"] for r in rows}, key=lambda t: next(r["lane"] for r in rows if r["type"] == t).lower())
    names = {t: next(r["lane"] for r in rows if r["type"] == t) for t in lanes}  # the category's label, not its notation
    span = (max((_as_date(r["date"]) for r in rows), default=date(2000, 1, 1))
            - min((_as_date(r["date"]) for r in rows), default=date(2000, 1, 1))).days
    height = stacked(rows, lanes, span)
    colours = plt.get_cmap("tab20").colors
    with plt.rc_context({"svg.hashsalt": "rightsgraph", "svg.fonttype": "none", "font.size": 9}):
        fig, ax = plt.subplots(figsize=(11, 0.55 * max(len(lanes), 3) + 1.8), dpi=100)
        for i, t in enumerate(lanes):
            colour = colours[i % len(colours)]
            for sure in (True, False):
                mine = [r for r in rows if r["type"] == t and (r["claim"] not in UNSURE) == sure]
                xs = [mdates.date2num(_as_date(r["date"])) for r in mine]
                ys = [height[r["id"]] for r in mine]
                if sure:
                    ax.scatter(xs, ys, s=40, color=colour, edgecolor="#1d2330", linewidth=0.4, zorder=3)
                else:
                    ax.scatter(xs, ys, s=40, facecolor="white", edgecolor=colour, linewidth=1.6, zorder=3)
        highlight = main_events(rows)
        texts, xs, ys = [], [], []
        for r in (r for r in rows if r["id"] in highlight):
            text = r["summary"] if len(r["summary"]) <= 44 else r["summary"][:42].rstrip() + "…"
            x, y = mdates.date2num(_as_date(r["date"])), height[r["id"]]
            texts.append(ax.text(x, y + 0.22, text, fontsize=7, color="#1d2330", zorder=4))
            xs.append(x)
            ys.append(y)
        ax.set_yticks(range(len(lanes)), [names[t][:1].upper() + names[t][1:] for t in lanes])
        ax.xaxis.set_major_locator(mdates.YearLocator(2))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(axis="x", color="#d8dce3", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylim(-0.8, len(lanes) - 0.2)
        if texts:  # labels moved apart until none overlaps another or a mark; a thin line leads back to the event
            adjust_text(texts, x=xs, y=ys, ax=ax, only_move={"text": "xy", "static": "xy", "explode": "xy", "pull": "xy"},
                        arrowprops={"arrowstyle": "-", "color": "#8d99ae", "linewidth": 0.5})
        ax.set_title(f"Events over time by reporting type ({len(rows)} dated; {undated} undated not shown)", fontsize=10)
        from matplotlib.lines import Line2D

        keys = [Line2D([], [], marker="o", linestyle="", markerfacecolor="#8d99ae", markeredgecolor="#1d2330",
                       label="reported or established"),
                Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#8d99ae",
                       markeredgewidth=1.6, label="alleged, threatened or hypothetical"),
                Line2D([], [], linestyle="", label="events of one lane close in time are stacked")]
        ax.legend(handles=keys, loc="upper left", bbox_to_anchor=(0, -0.08), ncol=3, frameon=False, fontsize=8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, metadata=metadata)
        plt.close(fig)
    return buf.getvalue()
