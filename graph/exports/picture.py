"""A static picture (SVG or PNG) of the network on one day, or over one period, drawn with matplotlib.

Nodes are coloured by actor kind (places are grey squares), edges by relation kind (arrows for
directed relations, plain lines for symmetric ones, dashed when alleged or disputed), with a legend
of the kinds shown. Without a date, the picture shows the last day of the data. Actors with no
relation in the picture are left out to keep it legible (the caption says how many). SVG text stays
text, and every edge and node is a group whose id is ``claim:<id>`` or ``node:<id>``.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import replace
from pathlib import Path

from graph.exports.escaping import picture_text
from graph.exports.layout import positions
from graph.exports.selection import select
from graph.exports.style import ACTOR_COLOURS, PLACE_COLOUR, node_colour, relation_colour
from graph.time import ordinal_to_iso
from ontology import ActorKind, RelationKind

__all__ = ["write"]

_HINT = "the svg and png exports need matplotlib: pip install matplotlib (it is a dependency of actorgraph)"


def write(subset, path: Path, *, fmt: str = "png", title: str = "actorgraph") -> list[Path]:
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - matplotlib is a declared dependency
        raise ImportError(_HINT) from exc
    sel = subset.selection
    if sel.as_of is None and not sel.period:
        subset = select(subset.graph, replace(sel, pov=sel.pov.at(ordinal_to_iso(subset.last_day))))
    claims = [c for c in subset.claims if c.subject != c.object]
    shown = {e for c in claims for e in (c.subject, c.object)}
    entities = [e for e in subset.entities if e.id in shown]
    left_out = sum(1 for e in subset.entities if e.id not in shown and not e.is_place)
    pos = positions([e.id for e in entities], [(c.subject, c.object) for c in claims])

    n = max(len(entities), 1)
    side = min(max(7.0, 1.9 * math.sqrt(n)), 18.0)
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans"}), warnings.catch_warnings():
        # a name in a script the font lacks is drawn as boxes in the PNG (SVG keeps the text); not worth a warning
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        fig = Figure(figsize=(side + 3.6, side), dpi=(150 if n < 40 else 120) if fmt == "png" else 100)
        ax = fig.add_axes((0.01, 0.05, side / (side + 3.6) - 0.02, 0.88))
        ax.set_axis_off()
        node_size = 260 if n < 40 else 160
        radius_pt = math.sqrt(node_size) / 2 + 2
        _draw_edges(ax, claims, pos, radius_pt)
        for e in entities:
            x, y = pos[e.id]
            ax.scatter([x], [y], s=node_size, c=node_colour(e), marker="s" if e.is_place else "o",
                       edgecolors="white", linewidths=1.2, zorder=3, gid=f"node:{e.id}")
            ax.text(x, y - 0.04, picture_text(e.name), fontsize=8.5 if n < 40 else 7.5, ha="center", va="top", zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        if pos:
            xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
            ax.set_xlim(min(xs) - 0.15, max(xs) + 0.15)
            ax.set_ylim(min(ys) - 0.15, max(ys) + 0.1)
        else:
            ax.text(0.5, 0.5, "no relations match", ha="center", va="center", transform=ax.transAxes)
        fig.suptitle(picture_text(f"{title}: {subset.describe()}", limit=160), fontsize=13, x=0.01, ha="left")
        caption = f"{len(claims)} relations, {len(entities)} actors and places"
        if left_out:
            caption += f"; {left_out} actors without relations then are not drawn"
        fig.text(0.01, 0.015, caption, fontsize=8, color="#555555")
        _legends(fig, entities, claims)
        fig.savefig(path, format=fmt, facecolor="white")
    return [path]


def _draw_edges(ax, claims, pos, radius_pt: float) -> None:
    from matplotlib.patches import FancyArrowPatch

    seen: dict[frozenset, int] = {}
    for c in claims:
        pair = frozenset((c.subject, c.object))
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        rad = 0.08 + 0.12 * k if k or len(pair) == 2 else 0.0
        if c.subject > c.object:
            rad = -rad  # curve each direction of a pair to its own side
        style = "-" if c.symmetric else "-|>"
        patch = FancyArrowPatch(pos[c.subject], pos[c.object], arrowstyle=style, mutation_scale=11,
                                connectionstyle=f"arc3,rad={rad:.2f}", color=relation_colour(c.predicate),
                                linewidth=1.6, alpha=0.85, shrinkA=radius_pt, shrinkB=radius_pt, zorder=2,
                                linestyle="--" if c.status.value in ("alleged", "disputed") else "-")
        patch.set_gid(f"claim:{c.id}")
        ax.add_patch(patch)


def _legends(fig, entities, claims) -> None:
    from matplotlib.lines import Line2D

    kinds = {e.kind for e in entities if not e.is_place}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=ACTOR_COLOURS[k],
                      markeredgecolor="white", label=k.label) for k in ActorKind if k in kinds]
    if any(e.is_place for e in entities):
        handles.append(Line2D([], [], marker="s", linestyle="", markersize=9, markerfacecolor=PLACE_COLOUR,
                              markeredgecolor="white", label="place"))
    preds = {c.predicate for c in claims}
    rel_handles = [Line2D([], [], color=relation_colour(k), linewidth=2.2, label=k.spec.label)
                   for k in RelationKind if k in preds]
    if any(c.status.value in ("alleged", "disputed") for c in claims):
        rel_handles.append(Line2D([], [], color="#555555", linewidth=1.6, linestyle="--",
                                  label="alleged or disputed"))
    if handles:
        fig.legend(handles=handles, title="actors", loc="upper right", bbox_to_anchor=(0.995, 0.93),
                   fontsize=9, title_fontsize=10, frameon=False, alignment="left")
    if rel_handles:
        fig.legend(handles=rel_handles, title="relations", loc="lower right", bbox_to_anchor=(0.995, 0.05),
                   fontsize=9, title_fontsize=10, frameon=False, alignment="left")
