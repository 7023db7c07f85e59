"""Two CSV files, ``nodes.csv`` and ``edges.csv``, for spreadsheets and tools that import tables.

Columns are the flat fields of :mod:`graph.exports.fields`; lists are ``;``-joined. These files are
meant for spreadsheets, so a cell that would start a formula is written as text
(:func:`graph.exports.escaping.spreadsheet_cell`).
"""

from __future__ import annotations

import csv
from pathlib import Path

from graph.exports.escaping import spreadsheet_cell
from graph.exports.fields import claim_fields, entity_fields

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "write"]

NODE_COLUMNS = ["id", "label", "type", "kind", "aliases", "country", "founded", "dissolved", "lat", "lon",
                "within", "description", "possible_first", "possible_last", "certain_first", "certain_last",
                "ever_certain", "colour"]
EDGE_COLUMNS = ["id", "source", "target", "subject_name", "predicate", "object_name", "symmetric", "valid",
                "valid_from", "valid_to", "possible_first", "possible_last", "certain_first", "certain_last",
                "ever_certain", "support_types", "status", "qualifiers", "note", "source_ids", "source_urls",
                "source_titles", "colour"]


def write(subset, path: Path, *, fmt: str = "csv", title: str = "actorgraph") -> list[Path]:
    nodes, edges = path / "nodes.csv", path / "edges.csv"
    _write(nodes, NODE_COLUMNS, (entity_fields(e) for e in subset.entities))
    known = subset.selection.known_as_of
    _write(edges, EDGE_COLUMNS, (claim_fields(subset.graph, c, known_as_of=known) for c in subset.claims))
    return [nodes, edges]


def _write(path: Path, columns, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({k: _cell(row.get(k, "")) for k in columns})


def _cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_cell(value)
