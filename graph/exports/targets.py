"""What each export writes, recognised by its first bytes: the files ``export -o`` may replace.

:func:`graph.outputs.check_file` and :func:`graph.outputs.check_folder` use these tests so that an
export replaces an earlier export of the same format, and nothing else, unless forced.
"""

from __future__ import annotations

from graph.outputs import Recognise

__all__ = ["FILE_KINDS", "FOLDER_FILES"]


def _xml_root(tag: bytes) -> Recognise:
    return lambda head: head.lstrip().startswith((b"<?xml", b"<" + tag)) and b"<" + tag in head


def _json_with(*keys: bytes) -> Recognise:
    return lambda head: head.lstrip().startswith(b"{") and all(k in head for k in keys)


def _starts(*prefixes: bytes) -> Recognise:
    return lambda head: head.lstrip(b"\xef\xbb\xbf").startswith(prefixes)


#: Single-file formats: how a file of that format begins.
FILE_KINDS: dict[str, Recognise] = {
    "gexf": _xml_root(b"gexf"),
    "graphml": _xml_root(b"graphml"),
    "svg": lambda head: b"<svg" in head,
    "png": _starts(b"\x89PNG\r\n\x1a\n"),
    "dot": _starts(b"digraph", b"graph", b"strict"),
    "html": lambda head: head.lstrip()[:15].lower() == b"<!doctype html>",
    "json": _json_with(b'"directed"', b'"multigraph"'),
    "cytoscape": _json_with(b'"elements"'),
    "kumu": _json_with(b'"elements"'),
}

#: Folder formats: each file the export writes, and how it begins (the header it writes).
FOLDER_FILES: dict[str, dict[str, Recognise]] = {
    "csv": {"nodes.csv": _starts(b"id,label,type,"), "edges.csv": _starts(b"id,source,target,")},
    "neo4j-csv": {
        "actors.csv": _starts(b"id:ID(Entity),"),
        "places.csv": _starts(b"id:ID(Entity),"),
        "sources.csv": _starts(b"id:ID(Source),"),
        "relationships.csv": _starts(b":START_ID(Entity),"),
        "import.sh": _starts(b"#!/bin/sh\n# Load these files into a new Neo4j database"),
    },
}
