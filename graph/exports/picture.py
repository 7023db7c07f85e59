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
from graph.exports.selection import last_event_day, select
from graph.exports.style import ACTOR_COLOURS, PLACE_COLOUR, RELATION_FAMILIES, node_colour, relation_colour
from graph.time import ordinal_to_iso
from ontology import ActorKind

__all__ = ["draw", "write"]

#: Where a label may go around its node, in points from the node's centre, tried in this order.
_SPOTS = ((0, -9, "center", "top"), (0, 9, "center", "bottom"), (9, 0, "left", "center"),
          (-9, 0, "right", "center"), (8, -8, "left", "top"), (-8, -8, "right", "top"), (8, 8, "left", "bottom"),
          (-8, 8, "right", "bottom"), (0, -22, "center", "top"), (0, 22, "center", "bottom"),
          (22, 0, "left", "center"), (-22, 0, "right", "center"))

_HINT = "the svg and png exports need matplotlib: pip install matplotlib (it is a dependency of actorgraph)"


_RC = {"svg.fonttype": "none", "font.family": "DejaVu Sans"}  # SVG text stays text


def write(subset, path: Path, *, fmt: str = "png", title: str = "actorgraph") -> list[Path]:
    import matplotlib

    fig = draw(subset, fmt=fmt, title=title)
    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        fig.savefig(path, format=fmt, facecolor="white")
    return [path]


def draw(subset, *, fmt: str = "png", title: str = "actorgraph"):
    """The picture as a matplotlib ``Figure`` (with an Agg canvas), ready to save or to measure."""
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - matplotlib is a declared dependency
        raise ImportError(_HINT) from exc
    sel = subset.selection
    if sel.as_of is None and not sel.period:
        day = ordinal_to_iso(last_event_day(subset.graph, sel.pov))
        subset = select(subset.graph, replace(sel, pov=sel.pov.at(day)))
    claims = [c for c in subset.claims if c.subject != c.object]
    shown = {e for c in claims for e in (c.subject, c.object)}
    if sel.around is not None and subset.graph.entity_as_known(sel.around, sel.pov) is not None:
        shown.add(sel.around)
    entities = [e for e in subset.entities if e.id in shown]
    left_out = sum(1 for e in subset.entities if e.id not in shown and not e.is_place)
    pos = positions([e.id for e in entities], [(c.subject, c.object) for c in claims])

    n = max(len(entities), 1)
    side = min(max(8.0, 2.3 * math.sqrt(n)), 24.0)
    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        # a name in a script the font lacks is drawn as boxes in the PNG (SVG keeps the text); not worth a warning
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
        fig = Figure(figsize=(side + 3.8, side), dpi=(150 if n < 40 else 110) if fmt == "png" else 100)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.01, 0.05, side / (side + 3.8) - 0.02, 0.88))
        ax.set_axis_off()
        node_size = 220 if n < 40 else 120
        radius_pt = math.sqrt(node_size) / 2 + 2
        if pos:
            xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
            ax.set_xlim(min(xs) - 0.12, max(xs) + 0.12)
            ax.set_ylim(min(ys) - 0.1, max(ys) + 0.1)
        else:
            ax.text(0.5, 0.5, "no relations match", ha="center", va="center", transform=ax.transAxes)
        _draw_edges(ax, claims, pos, radius_pt)
        for e in entities:
            x, y = pos[e.id]
            centre = sel.around == e.id
            ax.scatter([x], [y], s=node_size * (2.2 if centre else 1), c=node_colour(e),
                       marker="s" if e.is_place else "o", edgecolors="#222222" if centre else "white",
                       linewidths=1.2, zorder=3, gid=f"node:{e.id}")
        degree = {e.id: 0 for e in entities}
        for c in claims:
            degree[c.subject] += 1
            degree[c.object] += 1
        unlabelled = _labels(fig, ax, entities, pos, degree, fontsize=8.5 if n < 40 else 7.5,
                             node_pt=radius_pt)
        fig.suptitle(picture_text(f"{title}: {subset.describe()}", limit=160), fontsize=13, x=0.01, ha="left")
        caption = f"{len(claims)} relations, {len(entities)} actors and places"
        if left_out:
            caption += f"; {left_out} actors without relations then are not drawn"
        if unlabelled:
            caption += f"; {unlabelled} labels left out where they would overlap (the SVG keeps every node's id)"
        fig.text(0.01, 0.015, caption, fontsize=8, color="#555555")
        _legends(fig, entities, claims)
    return fig


def _labels(fig, ax, entities, pos, degree, *, fontsize: float, node_pt: float) -> int:
    """Place each label at the first free spot around its node (best connected nodes first); count those left out.

    A label is laid out once: its size does not depend on the spot, so each spot's box is worked out
    from the node's position and the alignment (laying the text out again for each of twelve spots
    was most of the cost of a picture).
    """
    renderer = fig.canvas.get_renderer()
    taken = _Boxes()  # display-space boxes: nodes first, then labels as they are placed
    to_px = fig.dpi / 72.0
    for e in entities:
        cx, cy = ax.transData.transform(pos[e.id])
        r = node_pt * to_px * 0.8
        taken.add(e.id, (cx - r, cy - r, cx + r, cy + r))
    axes_box = ax.get_window_extent(renderer)
    left_out = 0
    for e in sorted(entities, key=lambda e: (-degree[e.id], e.name.casefold(), e.id)):
        dx, dy, ha, va = _SPOTS[0]
        text = ax.annotate(picture_text(e.name), pos[e.id], xytext=(dx, dy), textcoords="offset points",
                           ha=ha, va=va, fontsize=fontsize, zorder=4,
                           bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8})
        size = text.get_window_extent(renderer)
        cx, cy = ax.transData.transform(pos[e.id])
        for dx, dy, ha, va in _SPOTS:
            box = _spot_box(cx + dx * to_px, cy + dy * to_px, size.width, size.height, ha, va)
            inside = axes_box.x0 - 40 <= box[0] and box[2] <= axes_box.x1 + 40
            if inside and not taken.overlaps(box, but=e.id):
                text.xyann = (dx, dy)
                text.set_horizontalalignment(ha)
                text.set_verticalalignment(va)
                text.set_gid(f"label:{e.id}")
                taken.add(f"label:{e.id}", box)
                break
        else:
            text.remove()
            left_out += 1
    return left_out


def _spot_box(x: float, y: float, width: float, height: float, ha: str, va: str) -> tuple[float, ...]:
    """The display box (padded by a pixel) of a text of this size anchored at ``(x, y)`` with this alignment."""
    x0 = x - {"left": 0.0, "center": width / 2, "right": width}[ha]
    y0 = y - {"bottom": 0.0, "center": height / 2, "top": height}[va]
    return (x0 - 1, y0 - 1, x0 + width + 1, y0 + height + 1)


class _Boxes:
    """Boxes filed by the grid cells they cover, so a new box is checked against its neighbours only.

    With a thousand nodes, checking each candidate spot against every box already placed was
    millions of comparisons; the answers are the same, as two overlapping boxes share a cell.
    """

    _CELL = 64.0  # pixels: about one label's height times four

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, tuple[float, ...]]]] = {}

    def _keys(self, box):
        c = self._CELL
        for i in range(math.floor(box[0] / c), math.floor(box[2] / c) + 1):
            for j in range(math.floor(box[1] / c), math.floor(box[3] / c) + 1):
                yield i, j

    def add(self, owner: str, box) -> None:
        for key in self._keys(box):
            self._cells.setdefault(key, []).append((owner, box))

    def overlaps(self, box, *, but: str) -> bool:
        """Whether ``box`` overlaps a filed box of another owner than ``but``."""
        return any(owner != but and _overlap(box, other)
                   for key in self._keys(box) for owner, other in self._cells.get(key, ()))


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
        # add_artist, not add_patch: the axes' limits are already set, and add_patch would lay out every
        # arrow in display space once more only to widen data limits nobody reads
        ax.add_artist(patch)


def _legends(fig, entities, claims) -> None:
    from matplotlib.lines import Line2D

    kinds = {e.kind for e in entities if not e.is_place}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=ACTOR_COLOURS[k],
                      markeredgecolor="white", label=k.label) for k in ActorKind if k in kinds]
    if any(e.is_place for e in entities):
        handles.append(Line2D([], [], marker="s", linestyle="", markersize=9, markerfacecolor=PLACE_COLOUR,
                              markeredgecolor="white", label="place"))
    preds = {c.predicate for c in claims}
    rel_handles = []
    for family, (colour, kinds) in RELATION_FAMILIES.items():
        used = [k for k in kinds if k in preds]
        if used:
            label = family if len(kinds) == 1 else f"{family}: {', '.join(k.spec.label for k in used)}"
            rel_handles.append(Line2D([], [], color=colour, linewidth=2.4, label=label))
    if any(c.status.value in ("alleged", "disputed") for c in claims):
        rel_handles.append(Line2D([], [], color="#555555", linewidth=1.6, linestyle="--",
                                  label="alleged or disputed"))
    if handles:
        fig.legend(handles=handles, title="actors", loc="upper right", bbox_to_anchor=(0.995, 0.93),
                   fontsize=9, title_fontsize=10, frameon=False, alignment="left")
    if rel_handles:
        fig.legend(handles=rel_handles, title="relations", loc="lower right", bbox_to_anchor=(0.995, 0.05),
                   fontsize=9, title_fontsize=10, frameon=False, alignment="left")
