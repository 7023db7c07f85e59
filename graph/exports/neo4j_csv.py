"""CSV files for ``neo4j-admin database import full``, in the very shape ``actorgraph push neo4j`` writes.

``actors.csv``, ``places.csv``, ``sources.csv`` and ``relationships.csv`` hold the rows of
:mod:`graph.exports.propertyshape` (the rows a push writes), with neo4j-admin's header syntax:
``id:ID(Entity)``, ``:LABEL``, ``:START_ID(Entity)``, ``:END_ID(Entity)``, ``:TYPE`` and typed
columns (``known_day:long``, ``start_earliest:date``, ``known_since_days:long[]``...). So a database
imported from these files answers every template exactly as one that was pushed to: same labels,
relationship types, property names and types, knowledge time and sources included.

Arrays are joined by the unit separator (U+001F), which no text holds, so notes and titles keep
their semicolons; ``import.sh`` passes it to neo4j-admin. An empty cell is a missing property.
:func:`read` parses the files back into the rows they came from (tests load them into FalkorDB
with the push's own statements).
"""

from __future__ import annotations

import csv
from pathlib import Path

from graph.exports.escaping import csv_text
from graph.exports.propertyshape import PROPERTIES, claim_row, entity_row, source_row

__all__ = ["ARRAY_DELIMITER", "FILES", "header", "label_of", "read", "write"]

#: Between the items of an array cell.
ARRAY_DELIMITER = "\x1f"
#: File -> the node label it holds, or ``RELATION``.
FILES = {"actors.csv": "Actor", "places.csv": "Place", "sources.csv": "Source", "relationships.csv": "RELATION"}

_IMPORT = """#!/bin/sh
# Load these files into a new Neo4j database (the database must not exist yet; stop Neo4j first).
# Usage: sh import.sh [DATABASE]   (default: actorgraph)
# The graph then has the shape 'actorgraph push neo4j' writes: every template runs on it.
cd "$(dirname "$0")"
# Arrays are joined by the unit separator (octal 037); empty cells become missing properties;
# notes and descriptions may span lines.
exec neo4j-admin database import full "${1:-actorgraph}" --array-delimiter="$(printf '\\037')" \\
  --ignore-empty-strings=true --multiline-fields=true \\
  --nodes=actors.csv --nodes=places.csv --nodes=sources.csv --relationships=relationships.csv
"""


def label_of(kind: str) -> str:
    """A node label for a kind: ``armed_group`` -> ``ArmedGroup``.

    >>> label_of("international_organisation")
    'InternationalOrganisation'
    """
    return "".join(part.capitalize() for part in kind.split("_"))


def header(label: str) -> list[str]:
    """The CSV header of a file holding ``label`` nodes (or ``RELATION`` rows).

    >>> header("Source")[:2]
    ['id:ID(Source)', 'title']
    """
    out = []
    for name, kind in PROPERTIES[label]:
        if name == "id":
            out.append(f"id:ID({'Source' if label == 'Source' else 'Entity'})")
        else:
            out.append(name if kind == "string" else f"{name}:{kind}")
    if label == "RELATION":
        return [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", *out]
    return [*out, ":LABEL"]


def write(subset, path: Path, *, fmt: str = "neo4j-csv", title: str = "actorgraph") -> list[Path]:
    graph, pov = subset.graph, subset.selection.pov
    known_by = None if pov.knows_everything else pov.known_by
    rows: dict[str, list[list[str]]] = {label: [] for label in FILES.values()}
    entities = list(subset.entities)
    listed = {e.id for e in entities}
    if subset.selection.around is None:
        # Every place, as a push writes them: the geography (and each place's ``within``) that place
        # templates walk, whether or not a selected claim ends there. An ego network (``--around``)
        # keeps only the places its relationships reach, as its pictures and other formats do.
        entities += [p for p in (graph.entity_as_known(q.id, pov) for q in graph.places) if p and p.id not in listed]
    for e in entities:
        label = "Place" if e.is_place else "Actor"
        row = entity_row(graph, e)
        rows[label].append([*_cells(label, row), f"{label};{label_of(e.kind.value)}"])
    for s in graph.sources:  # every source the record had by the cut-off, as a push writes them
        if pov.cites(s):
            rows["Source"].append([*_cells("Source", source_row(s)), "Source"])
    for c in subset.claims:
        row = claim_row(graph, c, known_by)
        rows["RELATION"].append([c.subject, c.object, c.predicate.value.upper(), *_cells("RELATION", row)])
    written = []
    for name, label in FILES.items():
        with (path / name).open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header(label))
            w.writerows(rows[label])
        written.append(path / name)
    script = path / "import.sh"
    script.write_text(_IMPORT, encoding="utf-8")
    return [*written, script]


def _cells(label: str, row: dict) -> list[str]:
    return [_cell(row.get(name), kind) for name, kind in PROPERTIES[label]]


def _cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind.endswith("[]"):
        return ARRAY_DELIMITER.join(csv_text(v) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    return csv_text(value)


def read(path: str | Path) -> dict[str, list[dict]]:
    """The rows an export folder holds, typed as its headers say: label (or ``RELATION``) -> rows.

    Relationship rows carry ``subject``, ``object`` (the start and end ids) and ``type`` besides
    their properties; node rows carry ``labels``. Parsing follows neo4j-admin with the options of
    ``import.sh``: an empty cell is a missing property (``None``), arrays are split on
    :data:`ARRAY_DELIMITER`.

    Raises:
        ValueError: a file whose header is not the one this version writes (names the file and column).
    """
    path = Path(path)
    out: dict[str, list[dict]] = {}
    for name, label in FILES.items():
        with (path / name).open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            got = next(reader, [])
            want = header(label)
            if got != want:
                bad = next((i for i, (g, w) in enumerate(zip(got, want, strict=False)) if g != w), min(len(got),
                                                                                                     len(want)))
                raise ValueError(f"{path / name}: column {bad + 1} of the header is "
                                 f"{got[bad] if bad < len(got) else 'missing'!r}, expected "
                                 f"{want[bad] if bad < len(want) else 'none'!r}; export the graph again")
            rows = []
            for line, cells in enumerate(reader, 2):
                if len(cells) != len(want):
                    raise ValueError(f"{path / name}:{line}: {len(cells)} cells, expected {len(want)}")
                if label == "RELATION":
                    start, end, rtype, *cells = cells
                    row = {"subject": start, "object": end, "type": rtype}
                else:
                    *cells, labels = cells
                    row = {"labels": labels.split(";")}
                for (prop, kind), text in zip(PROPERTIES[label], cells, strict=True):
                    row[prop] = _parse(text, kind)
                rows.append(row)
        out[label] = rows
    return out


def _parse(text: str, kind: str):
    if text == "":
        return None
    if kind.endswith("[]"):
        items = text.split(ARRAY_DELIMITER)
        return [int(i) for i in items] if kind == "long[]" else items
    if kind == "long":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "boolean":
        return text == "true"
    return text
