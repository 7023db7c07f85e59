"""CSV files for ``neo4j-admin database import full``, with typed date columns for Bloom's time slicer.

Writes ``actors.csv``, ``places.csv`` and ``relationships.csv`` with neo4j-admin's header syntax
(``id:ID(Entity)``, ``:LABEL``, ``:START_ID(Entity)``, ``:END_ID(Entity)``, ``:TYPE``, ``name:date``,
``name:string[]`` with ``;`` between items), and ``import.sh`` with the command that loads them.
Dates are inclusive first and last days of each reading (``possible_first:date``...; empty when
open); ``ever_certain:boolean`` is false for a claim that holds on no day for certain.
"""

from __future__ import annotations

import csv
from pathlib import Path

from graph.exports.escaping import csv_text
from graph.exports.fields import claim_fields, entity_fields

__all__ = ["ACTOR_HEADER", "PLACE_HEADER", "RELATIONSHIP_HEADER", "label_of", "write"]

_BOUNDS = ["possible_first:date", "possible_last:date", "certain_first:date", "certain_last:date",
           "ever_certain:boolean"]
ACTOR_HEADER = ["id:ID(Entity)", "name", "kind", "aliases:string[]", "country", "founded", "dissolved",
                *_BOUNDS, "description", ":LABEL"]
PLACE_HEADER = ["id:ID(Entity)", "name", "kind", "aliases:string[]", "country", "within", "lat:float",
                "lon:float", "location:point{crs:WGS-84}", "description", ":LABEL"]
RELATIONSHIP_HEADER = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "id", "valid", "valid_from",
                       "valid_to", *_BOUNDS, "support_types:string[]", "status", "qualifiers:string[]", "note",
                       "source_ids:string[]", "source_urls:string[]", "source_titles:string[]"]

_IMPORT = """#!/bin/sh
# Load these files into a new Neo4j database (the database must not exist yet; stop Neo4j first).
# Usage: sh import.sh [DATABASE]   (default: actorgraph)
cd "$(dirname "$0")"
# Empty cells become missing properties; notes and descriptions may span lines.
exec neo4j-admin database import full "${1:-actorgraph}" --array-delimiter=";" \\
  --ignore-empty-strings=true --multiline-fields=true \\
  --nodes=actors.csv --nodes=places.csv --relationships=relationships.csv
"""


def label_of(kind: str) -> str:
    """A node label for a kind: ``armed_group`` -> ``ArmedGroup``.

    >>> label_of("international_organisation")
    'InternationalOrganisation'
    """
    return "".join(part.capitalize() for part in kind.split("_"))


def write(subset, path: Path, *, fmt: str = "neo4j-csv", title: str = "actorgraph") -> list[Path]:
    actors, places, rels, script = (path / n for n in ("actors.csv", "places.csv", "relationships.csv",
                                                         "import.sh"))
    actor_rows, place_rows = [], []
    for e in subset.entities:
        f = entity_fields(e)
        if e.is_place:
            place_rows.append([e.id, e.name, f["kind"], _array(e.aliases), f["country"], f["within"], e.lat, e.lon,
                               f"{{latitude:{e.lat}, longitude:{e.lon}}}", f["description"],
                               f"Place;{label_of(f['kind'])}"])
        else:
            actor_rows.append([e.id, e.name, f["kind"], _array(e.aliases), f["country"], f["founded"], f["dissolved"],
                               *_bounds(f), f["description"], f"Actor;{label_of(f['kind'])}"])
    rel_rows = []
    for c in subset.claims:
        f = claim_fields(subset.graph, c, known_as_of=subset.selection.known_as_of)
        sources = subset.graph.sources_of(c, subset.selection.known_as_of)
        rel_rows.append([c.subject, c.object, c.predicate.value.upper(), c.id, f["valid"], f["valid_from"],
                         f["valid_to"], *_bounds(f), f["support_types"], f["status"],
                         _array(f"{k}={v}" for k, v in c.qualifiers.items()), f["note"],
                         _array(s.id for s in sources), _array(s.url for s in sources),
                         _array(s.title for s in sources)])
    _write(actors, ACTOR_HEADER, actor_rows)
    _write(places, PLACE_HEADER, place_rows)
    _write(rels, RELATIONSHIP_HEADER, rel_rows)
    script.write_text(_IMPORT, encoding="utf-8")
    return [actors, places, rels, script]


def _array(items) -> str:
    """A ``string[]`` cell: items joined by ``;``, with any ``;`` inside an item turned into ``,``.

    >>> _array(["Report; part 1", "Other"])
    'Report, part 1;Other'
    """
    return ";".join(str(i).replace(";", ",") for i in items)


def _bounds(f: dict) -> list[str]:
    return [f["possible_first"], f["possible_last"], f["certain_first"], f["certain_last"],
            "true" if f["ever_certain"] else "false"]


def _write(path: Path, header, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows([csv_text(v) if isinstance(v, str) else v for v in row] for row in rows)
