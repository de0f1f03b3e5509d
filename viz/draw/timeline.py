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
            rows.append({"id": n, "date": d["date"], "type": d["event_type"], "label": d["label"],
                         "summary": d.get("summary", ""), "degree": G.degree(n), "claim": d.get("claim") or ""})
    return sorted(rows, key=lambda r: (r["date"], r["id"]))


def _as_date(text: str) -> date:
    """Where a date at any precision sits on the axis: the middle of the span it covers (graph/dates.py's rule)."""
    first, last = dates.earliest(text), dates.latest(text)
    return first + (last - first) / 2


def main_events(rows: list[dict], count: int = 8) -> set[str]:
    """The events to annotate: the most connected ones, at most one per month."""
    chosen, months = [], set()
    for r in sorted(rows, key=lambda r: (-r["degree"], r["date"], r["id"])):
        if r["date"][:7] not in months:
            chosen.append(r["id"])
            months.add(r["date"][:7])
        if len(chosen) == count:
            break
    return set(chosen)


def render(G: nx.MultiDiGraph, fmt: str = "svg") -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = event_rows(G)
    undated = sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Event" and d.get("date") in (None, "undated"))
    types = sorted({r["type"] for r in rows})
    colours = plt.get_cmap("tab20").colors
    with plt.rc_context({"svg.hashsalt": "rightsgraph", "svg.fonttype": "none", "font.size": 9}):
        fig, ax = plt.subplots(figsize=(11, 0.45 * max(len(types), 3) + 1.6), dpi=100)
        for i, t in enumerate(types):
            colour = colours[i % len(colours)]
            sure = [_as_date(r["date"]) for r in rows if r["type"] == t and r["claim"] not in UNSURE]
            unsure = [_as_date(r["date"]) for r in rows if r["type"] == t and r["claim"] in UNSURE]
            ax.scatter(sure, [i] * len(sure), s=46, color=colour, edgecolor="#1d2330", linewidth=0.4, zorder=3)
            ax.scatter(unsure, [i] * len(unsure), s=46, facecolor="white", edgecolor=colour, linewidth=1.6, zorder=3)
        highlight = main_events(rows)
        for k, r in enumerate(r for r in rows if r["id"] in highlight):
            y = types.index(r["type"])
            text = r["summary"] if len(r["summary"]) <= 48 else r["summary"][:46].rstrip() + "…"
            ax.annotate(text, (_as_date(r["date"]), y), xytext=(6, (9, -13, 19)[k % 3]), textcoords="offset points",
                        fontsize=7, color="#1d2330")
        ax.set_yticks(range(len(types)), types)
        ax.grid(axis="x", color="#d8dce3", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylim(-0.8, len(types) - 0.2)
        ax.set_title(f"Events over time by reporting type ({len(rows)} dated; {undated} undated not shown)", fontsize=10)
        from matplotlib.lines import Line2D

        keys = [Line2D([], [], marker="o", linestyle="", markerfacecolor="#8d99ae", markeredgecolor="#1d2330",
                       label="reported or established"),
                Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#8d99ae",
                       markeredgewidth=1.6, label="alleged, threatened or hypothetical")]
        ax.legend(handles=keys, loc="upper left", bbox_to_anchor=(0, -0.08), ncol=2, frameon=False, fontsize=8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, metadata=metadata)
        plt.close(fig)
    return buf.getvalue()
