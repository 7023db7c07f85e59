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
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

from graph.exports.escaping import spreadsheet_cell, visible

__all__ = ["fit_widths", "render_json", "render_rows", "table_width"]

#: No column is shortened below this many characters (or its header, when shorter).
_MIN_COLUMN = 10


def render_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False, default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    """Values JSON lacks, as engines return them: dates and times as ISO text, sets as sorted lists."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if hasattr(value, "isoformat"):  # driver types (neo4j.time.Date...) that stand for dates
        return value.isoformat()
    return str(value)


def table_width(requested: int | None = None) -> int | None:
    """The width to fit a table in: ``requested`` (0: none), else the terminal's, else none when not on one."""
    if requested is not None:
        return requested if requested > 0 else None
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def fit_widths(natural: Sequence[int], headers: Sequence[str], width: int | None, gap: int = 2,
               floors: dict[str, int] | None = None) -> list[int]:
    """Column widths that fit in ``width``: the widest column gives a character at a time, down to a floor.

    A column is never cut below its header, :data:`_MIN_COLUMN` characters, or its entry in ``floors``;
    when even that is too wide, the table is wider than asked.

    >>> fit_widths([30, 10, 40], ["id", "kind", "name"], 60)
    [23, 10, 23]
    >>> fit_widths([30, 10, 40], ["id", "kind", "name"], 60, floors={"id": 30})
    [30, 10, 16]
    >>> fit_widths([5, 5], ["a", "b"], None)
    [5, 5]
    """
    widths = list(natural)
    if width is None:
        return widths
    floors = floors or {}
    floors = [min(w, max(_MIN_COLUMN, len(h), floors.get(h, 0))) for w, h in zip(widths, headers, strict=True)]
    budget = width - gap * (len(widths) - 1)
    while sum(widths) > budget:
        candidates = [i for i, w in enumerate(widths) if w > floors[i]]
        if not candidates:
            break
        i = max(candidates, key=lambda k: (widths[k], -k))
        widths[i] -= 1
    return widths


def render_rows(rows: Iterable[Sequence[Any]], header: Sequence[str], fmt: str, *, width: int | None = None,
                floors: dict[str, int] | None = None) -> str:
    """Rows as ``table`` (aligned columns), ``csv`` or ``json`` (a list of objects keyed by ``header``).

    A table is fitted in :func:`table_width` characters (``width`` given, or the terminal's): long
    cells are cut and end in ``…``; ``csv`` and ``json`` always hold every character.
    """
    rows = [[_cell(v) for v in row] for row in rows]
    if fmt == "json":
        return render_json([dict(zip(header, row, strict=False)) for row in rows])
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([spreadsheet_cell(c) for c in row] for row in rows)
        return buf.getvalue()
    rows = [[visible(c) for c in row] for row in rows]  # one row, one line: breaks and controls as escapes
    natural = [len(h) for h in header]
    for row in rows:
        natural = [max(w, len(c)) for w, c in zip(natural, row, strict=False)]
    widths = fit_widths(natural, header, table_width(width), floors=floors)
    lines = ["  ".join(_cut(h.upper(), w).ljust(w) for h, w in zip(header, widths, strict=False)).rstrip()]
    lines += ["  ".join(_cut(c, w).ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(_cell(v) for v in value)
    return str(value)
