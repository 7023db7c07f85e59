"""A small inline SVG of the sides: one circle per side, red chords for the fighting between sides.

Sides sit on a ring so every chord joins two circles without crossing a label box; a circle grows
with the number of members, a chord with the number of fighting claims. Plain SVG text with no
script, font file or external reference, so the HTML opens offline.
"""

from __future__ import annotations

import math
from collections import Counter
from html import escape

from queries.explain.model import Explanation

__all__ = ["camps_svg"]

_W, _H = 900, 620
_RING = 210
_NAMES = 4


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _hostility(e: Explanation) -> Counter:
    where = {m: c.number for c in e.camps for m in c.members}
    out: Counter = Counter()
    for record in e.records.values():
        if record["predicate"] == "fights":
            a, b = where.get(record["subject"]["id"]), where.get(record["object"]["id"])
            if a and b and a != b:
                out[(min(a, b), max(a, b))] += 1
    return out


def camps_svg(e: Explanation) -> str:
    """The diagram for ``e.camps`` (empty string when there are none)."""
    if not e.camps:
        return ""
    cx, cy = _W / 2, _H / 2
    n = len(e.camps)
    pos = {}
    for i, c in enumerate(e.camps):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        ring = _RING if n > 1 else 0
        pos[c.number] = (cx + ring * math.cos(angle), cy + ring * math.sin(angle), angle)
    parts = []
    for (a, b), count in sorted(_hostility(e).items()):
        (xa, ya, _), (xb, yb, _) = pos[a], pos[b]
        width = min(1.5 + count / 2, 8)
        parts.append(f'<line x1="{xa:.0f}" y1="{ya:.0f}" x2="{xb:.0f}" y2="{yb:.0f}" stroke="#b22" '
                     f'stroke-opacity="0.75" stroke-width="{width:.1f}"/>')
        # labels sit a little off the middle so that crossing chords do not stack their labels
        t = 0.32 + 0.12 * ((a + b) % 3)
        mx, my = xa + t * (xb - xa), ya + t * (yb - ya)
        parts.append(f'<text x="{mx:.0f}" y="{my:.0f}" font-size="11" fill="#b22" text-anchor="middle" '
                     f'stroke="#fff" stroke-width="3" paint-order="stroke">{count} fighting</text>')
    for c in e.camps:
        x, y, angle = pos[c.number]
        r = 16 + 4 * math.sqrt(len(c.members))
        parts.append(f'<g class="side"><circle cx="{x:.0f}" cy="{y:.0f}" r="{r:.0f}" fill="#f4f1ea" stroke="#776"/>')
        parts.append(f'<text x="{x:.0f}" y="{y + 4:.0f}" font-size="12" font-weight="bold" '
                     f'text-anchor="middle">Side {c.number}</text>')
        names = [e.names.get(m, m) for m in c.members]
        lines = [_short(name) for name in names[:_NAMES]]
        if len(names) > _NAMES:
            lines.append(f"and {len(names) - _NAMES} more")
        right = math.cos(angle) >= -0.01 if n > 1 else True
        below = math.sin(angle) > 0.3
        anchor = "start" if right else "end"
        tx = x + (r + 8 if right else -(r + 8))
        ty = y - 6 * len(lines) + (10 if below else 0)
        for k, line in enumerate(lines):
            weight = ' font-weight="bold"' if k == 0 else ""
            parts.append(f'<text x="{tx:.0f}" y="{ty + 13 * k:.0f}" font-size="11" text-anchor="{anchor}"'
                         f'{weight}>{escape(line)}</text>')
        parts.append("</g>")
    title = escape(f"Sides: {e.title}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" '
            f'role="img" aria-label="{title}" font-family="sans-serif"><title>{title}</title>'
            + "".join(parts) + "</svg>")
