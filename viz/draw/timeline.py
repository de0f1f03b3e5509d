"""Events over time as a picture: one lane per reporting type, main events annotated.

matplotlib is told not to stamp a date or random ids into its output, so the
SVG is the same on every build.
"""

from __future__ import annotations

import io
from datetime import date

import networkx as nx


def event_rows(G: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for n, d in G.nodes(data=True):
        if d["kind"] == "Event" and d.get("date") not in (None, "undated"):
            rows.append({"id": n, "date": d["date"], "type": d["event_type"], "label": d["label"],
                         "summary": d.get("summary", ""), "degree": G.degree(n)})
    return sorted(rows, key=lambda r: (r["date"], r["id"]))


def _as_date(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 7, 1)
    if len(parts) == 2:
        return date(parts[0], parts[1], 15)
    return date(*parts)


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
            xs = [_as_date(r["date"]) for r in rows if r["type"] == t]
            ax.scatter(xs, [i] * len(xs), s=46, color=colours[i % len(colours)], edgecolor="#1d2330", linewidth=0.4, zorder=3)
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
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, metadata=metadata)
        plt.close(fig)
    return buf.getvalue()
