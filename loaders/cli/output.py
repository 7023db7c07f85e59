"""Writing rows as an aligned text table, JSON or CSV, each escaped by its format's rule.

A table goes to a terminal: control characters and bidirectional overrides in a name are shown as
escapes (:func:`graph.exports.escaping.visible`), so data cannot move the cursor or reverse a line.
CSV goes to spreadsheets: a cell that would start a formula is written as text
(:func:`graph.exports.escaping.spreadsheet_cell`). JSON keeps every value exactly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from graph.exports.escaping import spreadsheet_cell, visible

__all__ = ["render_json", "render_rows"]


def render_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_rows(rows: Iterable[Sequence[Any]], header: Sequence[str], fmt: str) -> str:
    """Rows as ``table`` (aligned columns), ``csv`` or ``json`` (a list of objects keyed by ``header``)."""
    rows = [[_cell(v) for v in row] for row in rows]
    if fmt == "json":
        return render_json([dict(zip(header, row, strict=False)) for row in rows])
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([spreadsheet_cell(c) for c in row] for row in rows)
        return buf.getvalue()
    rows = [[visible(c) for c in row] for row in rows]
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(header, widths, strict=False)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(_cell(v) for v in value)
    return str(value)
