"""A small inline SVG of the sides: one box per side with its members, red links for the fighting between sides.

Plain SVG text with no script, font file or external reference, so the HTML opens offline.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from queries.explain.model import Explanation

__all__ = ["camps_svg"]

_BOX_W, _GAP, _LINE, _TOP = 200, 40, 16, 40
_PER_ROW = 4
_MAX_LINES = 14


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def camps_svg(e: Explanation) -> str:
    """The diagram for ``e.camps`` (empty string when there are none)."""
    if not e.camps:
        return ""
    where = {m: c.number for c in e.camps for m in c.members}
    hostile: Counter = Counter()
    for record in e.records.values():
        if record["predicate"] == "fights":
            a, b = where.get(record["subject"]["id"]), where.get(record["object"]["id"])
            if a and b and a != b:
                hostile[tuple(sorted((a, b)))] += 1
    boxes = {}
    heights = []
    for c in e.camps:
        lines = [e.names.get(m, m) for m in c.members]
        extra = [e.names.get(p, p) for p in c.partners]
        heights.append(_TOP + _LINE * (min(len(lines), _MAX_LINES) + min(len(extra), 4) + 2))
    row_h = max(heights) + 60
    parts = []
    for i, c in enumerate(e.camps):
        col, row = i % _PER_ROW, i // _PER_ROW
        x, y = 10 + col * (_BOX_W + _GAP), 10 + row * row_h
        h = heights[i]
        boxes[c.number] = (x, y, h)
        parts.append(f'<g class="side"><rect x="{x}" y="{y}" width="{_BOX_W}" height="{h}" rx="8" '
                     f'fill="#f4f1ea" stroke="#776"/>')
        parts.append(f'<text x="{x + 10}" y="{y + 22}" font-weight="bold" font-size="14">Side {c.number}</text>')
        ty = y + _TOP
        members = [e.names.get(m, m) for m in c.members]
        for name in members[:_MAX_LINES]:
            parts.append(f'<text x="{x + 10}" y="{ty}" font-size="12">{escape(_short(name))}</text>')
            ty += _LINE
        if len(members) > _MAX_LINES:
            parts.append(f'<text x="{x + 10}" y="{ty}" font-size="12">and {len(members) - _MAX_LINES} more</text>')
            ty += _LINE
        partners = [e.names.get(p, p) for p in c.partners]
        if partners:
            shown = ", ".join(_short(p, 18) for p in partners[:3]) + (" …" if len(partners) > 3 else "")
            parts.append(f'<text x="{x + 10}" y="{ty + 4}" font-size="11" font-style="italic" fill="#555">'
                         f'with {escape(shown)}</text>')
        parts.append("</g>")
    for (a, b), n in sorted(hostile.items()):
        xa, ya, ha = boxes[a]
        xb, yb, hb = boxes[b]
        x1, y1 = xa + _BOX_W / 2, ya + ha
        x2, y2 = xb + _BOX_W / 2, yb + hb
        cy = max(y1, y2) + 25 + 6 * abs(a - b)
        parts.append(f'<path d="M{x1:.0f},{y1:.0f} Q{(x1 + x2) / 2:.0f},{cy:.0f} {x2:.0f},{y2:.0f}" fill="none" '
                     f'stroke="#b22" stroke-width="{min(1 + n / 2, 5):.1f}" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 4 + cy / 2:.0f}" font-size="11" fill="#b22" '
                     f'text-anchor="middle">{n} fighting</text>')
    cols = min(len(e.camps), _PER_ROW)
    width = 20 + cols * _BOX_W + (cols - 1) * _GAP
    rows = (len(e.camps) + _PER_ROW - 1) // _PER_ROW
    height = 10 + rows * row_h + 40
    title = escape(f"Sides: {e.title}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{title}" font-family="sans-serif"><title>{title}</title>'
            + "".join(parts) + "</svg>")
