"""GEXF 1.3 for Gephi: a dynamic graph whose nodes and edges carry spells, so the timeline plays the war.

Each claim is an edge with one spell, the days on which it holds under the export's certainty
(``possible`` by default), written as inclusive ``start``/``end`` dates (an open side is left out);
actors get a spell for their lifetime. A claim with no such day (only possible under ``certain``)
is left out, since an edge without spells would count as present at all times. Symmetric relations
(``fights``, ``allied_with``) are ``mutual`` edges. Kinds, dates and sources are static attributes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

from graph.exports.escaping import xml_text
from graph.exports.fields import claim_fields, day_bounds, entity_fields
from graph.exports.layout import subset_positions
from graph.exports.style import rgb
from graph.time import ordinal_to_iso

__all__ = ["GEXF_NS", "VIZ_NS", "write"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

_NODE_ATTRS = [("type", "string"), ("kind", "string"), ("aliases", "string"), ("country", "string"),
               ("description", "string"), ("founded", "string"), ("dissolved", "string"),
               ("lat", "double"), ("lon", "double"), ("within", "string")]
_EDGE_ATTRS = [("predicate", "string"), ("symmetric", "boolean"), ("valid", "string"), ("valid_from", "string"),
               ("valid_to", "string"), ("possible_first", "string"), ("possible_last", "string"),
               ("certain_first", "string"), ("certain_last", "string"), ("ever_certain", "boolean"),
               ("support_types", "string"), ("status", "string"), ("qualifiers", "string"), ("note", "string"),
               ("source_ids", "string"), ("source_urls", "string"), ("source_titles", "string")]


def write(subset, path: Path, *, fmt: str = "gexf", title: str = "actorgraph") -> list[Path]:
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(_q("gexf"), {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, _q("meta"), {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, _q("creator")).text = "actorgraph"
    ET.SubElement(meta, _q("description")).text = f"{title}: {subset.describe()}"
    g = ET.SubElement(root, _q("graph"), {
        "mode": "dynamic", "defaultedgetype": "directed", "timeformat": "date", "timerepresentation": "interval",
        "start": ordinal_to_iso(subset.first_day), "end": ordinal_to_iso(subset.last_day)})
    _declare(g, "node", _NODE_ATTRS)
    _declare(g, "edge", _EDGE_ATTRS)
    pos = subset_positions(subset, scale=500.0)
    nodes = ET.SubElement(g, _q("nodes"))
    for e in subset.entities:
        f = entity_fields(e)
        node = ET.SubElement(nodes, _q("node"), {"id": e.id, "label": e.name})
        _values(node, _NODE_ATTRS, f)
        if not e.is_place:
            lo, hi = e.existence.bounds(subset.certainty)
            _spells(node, lo, hi)
        r, gr, b = rgb(f["colour"])
        ET.SubElement(node, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(gr), "b": str(b)})
        x, y = pos[e.id]
        ET.SubElement(node, f"{{{VIZ_NS}}}position", {"x": f"{x:.2f}", "y": f"{-y:.2f}", "z": "0"})
        ET.SubElement(node, f"{{{VIZ_NS}}}size", {"value": "6" if e.is_place else "10"})
    edges = ET.SubElement(g, _q("edges"))
    for c in subset.claims:
        lo, hi = c.valid.bounds(subset.certainty)
        if lo >= hi:
            continue
        f = claim_fields(subset.graph, c, known_as_of=subset.selection.known_as_of)
        edge = ET.SubElement(edges, _q("edge"), {"id": c.id, "source": c.subject, "target": c.object,
                                                  "label": f["label"], "kind": c.predicate.value})
        if c.symmetric:
            edge.set("type", "mutual")
        _values(edge, _EDGE_ATTRS, f)
        _spells(edge, lo, hi)
        r, gr, b = rgb(f["colour"])
        ET.SubElement(edge, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(gr), "b": str(b)})
    for el in root.iter():  # names and notes from outside data may hold characters XML cannot
        if el.text:
            el.text = xml_text(el.text)
        for key, value in el.attrib.items():
            el.attrib[key] = xml_text(value)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True)
    return [path]


def _q(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _declare(graph_el, cls: str, attrs) -> None:
    block = ET.SubElement(graph_el, _q("attributes"), {"class": cls, "mode": "static"})
    for name, kind in attrs:
        ET.SubElement(block, _q("attribute"), {"id": name, "title": name, "type": kind})


def _values(el, attrs, fields) -> None:
    box = ET.SubElement(el, _q("attvalues"))
    for name, kind in attrs:
        value = fields.get(name)
        if value is None or value == "":
            continue
        text = ("true" if value else "false") if kind == "boolean" else str(value)
        ET.SubElement(box, _q("attvalue"), {"for": name, "value": text})


def _spells(el, lo: int, hi: int) -> None:
    """One spell for the half-open day range ``[lo, hi)``; nothing when it is unbounded on both sides."""
    bounds = day_bounds(lo, hi)
    if bounds is None or bounds == ("", ""):
        return
    spell = {}
    if bounds[0]:
        spell["start"] = bounds[0]
    if bounds[1]:
        spell["end"] = bounds[1]
    ET.SubElement(ET.SubElement(el, _q("spells")), _q("spell"), spell)
