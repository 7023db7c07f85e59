"""Each export format, read back with the tool's own library (or its documented rules) and compared by content."""

from __future__ import annotations

import csv
import json
import warnings
from datetime import date
from xml.etree import ElementTree as ET

import jsonschema
import networkx as nx
import numpy as np
import pytest

from graph.exports import Selection, export, select
from graph.exports.cytoscape import schema as cytoscape_schema
from graph.exports.fields import claim_fields, entity_fields
from graph.exports.gexf import GEXF_NS
from graph.exports.style import ACTOR_COLOURS, rgb
from graph.records import claim_record, entity_record
from graph.time import FAR_FUTURE, FAR_PAST
from ontology import ActorKind
from tests.graph.test_exports_data import PROBE_DAYS, TRICKY_NAME, synthetic_graph

ORD = date.toordinal


@pytest.fixture(scope="module")
def graph():
    return synthetic_graph()


def _iso_or_none(day: int) -> str | None:
    return None if day <= FAR_PAST or day >= FAR_FUTURE - 1 else date.fromordinal(day).isoformat()


def _str(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


# ---------------------------------------------------------------------------------------------- GEXF


@pytest.mark.parametrize("certainty", ["possible", "certain"])
def test_gexf_reads_back_in_networkx_with_spells_that_replay_the_graph(graph, tmp_path, certainty):
    path = tmp_path / "g.gexf"
    export(graph, "gexf", path, Selection.of(certainty=certainty))
    g = nx.read_gexf(path)
    assert g.graph["mode"] == "dynamic"
    subset = select(graph, Selection.of(certainty=certainty))
    assert set(g.nodes) == {e.id for e in subset.entities}
    for e in subset.entities:
        data = g.nodes[e.id]
        assert data["label"] == e.name and data["kind"] == e.kind.value
        if not e.is_place:
            lo, hi = e.existence.bounds(certainty)
            spell = (str(_iso_or_none(lo)), str(_iso_or_none(hi - 1)))  # networkx reads a missing side as "None"
            expected = [] if (lo, hi) == (FAR_PAST, FAR_FUTURE) else [spell]
            assert data.get("spells", []) == expected, e.id
    # every claim that holds on some day under this reading is an edge keyed by its id (mutual = both ways)
    kept = [c for c in graph.all_claims() if c.valid.bounds(certainty)[0] < c.valid.bounds(certainty)[1]]
    edges = {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}
    expected_edges = {(c.subject, c.object, c.id) for c in kept}
    expected_edges |= {(c.object, c.subject, c.id) for c in kept if c.symmetric}
    assert set(edges) == expected_edges
    for c in kept:
        d = edges[(c.subject, c.object, c.id)]
        fields = claim_fields(graph, c)
        assert d["predicate"] == c.predicate.value and d["label"] == fields["label"]
        assert d.get("support_types", "") == fields["support_types"]
        assert d.get("source_urls", "") == fields["source_urls"]
        assert d["ever_certain"] is fields["ever_certain"]

    # Gephi's timeline: an edge is drawn on day D when D is inside a spell (inclusive ends); no spells = always
    def alive(spells, day):
        if not spells:
            return True
        return any((s == "None" or s <= day) and (e == "None" or day <= e) for s, e in spells)

    for day in PROBE_DAYS:
        shown = {k for u, v, k, d in g.edges(keys=True, data=True) if alive(d.get("spells"), day)}
        holding = {c.id for c in graph.snapshot_claims(day, certainty=certainty)}
        assert shown == holding, (day, certainty)


def test_gexf_structure_is_gexf_1_3(graph, tmp_path):
    """No package ships the GEXF 1.3 XSD, so the rules the XSD sets for what we write are checked here."""
    path = tmp_path / "g.gexf"
    export(graph, "gexf", path)
    root = ET.parse(path).getroot()
    ns = {"g": GEXF_NS}
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    graph_el = root.find("g:graph", ns)
    assert graph_el.get("mode") == "dynamic" and graph_el.get("timeformat") == "date"
    assert graph_el.get("defaultedgetype") == "directed"
    declared = {(a.get("class"), x.get("id")) for a in graph_el.findall("g:attributes", ns)
                for x in a.findall("g:attribute", ns)}
    node_ids = [n.get("id") for n in graph_el.iterfind("g:nodes/g:node", ns)]
    assert len(node_ids) == len(set(node_ids))
    for cls, path_ in (("node", "g:nodes/g:node"), ("edge", "g:edges/g:edge")):
        for el in graph_el.iterfind(path_, ns):
            for v in el.iterfind("g:attvalues/g:attvalue", ns):
                assert (cls, v.get("for")) in declared
            for spell in el.iterfind("g:spells/g:spell", ns):
                start, end = spell.get("start"), spell.get("end")
                assert start or end
                if start and end:
                    assert date.fromisoformat(start) <= date.fromisoformat(end)
            if cls == "edge":
                assert el.get("source") in node_ids and el.get("target") in node_ids
                assert el.get("type") in (None, "directed", "undirected", "mutual")


# ---------------------------------------------------------------------------------------------- GraphML, JSON


def test_graphml_reads_back_with_every_field(graph, tmp_path):
    path = tmp_path / "g.graphml"
    export(graph, "graphml", path)
    g = nx.read_graphml(path, force_multigraph=True)
    assert set(g.nodes) == {e.id for e in select(graph).entities}
    for e in select(graph).entities:
        want = entity_fields(e)
        got = g.nodes[e.id]
        for key, value in want.items():
            if value == "" or value is None:
                continue
            assert got[key] == value, (e.id, key)
    assert {k for _, _, k in g.edges(keys=True)} == {c.id for c in graph.all_claims()}
    for u, v, k, d in g.edges(keys=True, data=True):
        want = claim_fields(graph, graph.claim(k))
        assert (u, v) == (want["source"], want["target"])
        for key, value in want.items():
            if key in ("source", "target") or value == "":
                continue
            assert d[key] == value, (k, key)


def test_node_link_json_carries_the_stable_records(graph, tmp_path):
    path = tmp_path / "g.json"
    export(graph, "json", path, Selection.of(as_of="2016-12-15"))
    g = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    holding = graph.claims(as_of="2016-12-15")
    assert {k for _, _, k in g.edges(keys=True)} == {c.id for c in holding}
    for c in holding:
        d = g.edges[c.subject, c.object, c.id]
        record = claim_record(graph, c)
        for key in ("predicate", "valid", "valid_from", "valid_to", "support_types", "status", "qualifiers",
                    "note", "sources"):
            assert d[key] == record[key]
        assert (d["possible_first"], d["possible_last"]) == (claim_fields(graph, c)["possible_first"],
                                                             claim_fields(graph, c)["possible_last"])
    front = g.nodes["front"]
    assert front["name"] == TRICKY_NAME and front["aliases"] == entity_record(graph.get("front"))["aliases"]


# ---------------------------------------------------------------------------------------------- Cytoscape


def test_cytoscape_json_validates_against_the_schema_and_reads_back(graph, tmp_path):
    path = tmp_path / "g.cyjs"
    export(graph, "cytoscape", path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    schema = cytoscape_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(doc)
    ids = [el["data"]["id"] for group in ("nodes", "edges") for el in doc["elements"][group]]
    assert len(ids) == len(set(ids)), "Cytoscape.js needs ids unique across nodes and edges"
    node_ids = {n["data"]["id"] for n in doc["elements"]["nodes"]}
    assert all(e["data"]["source"] in node_ids and e["data"]["target"] in node_ids for e in doc["elements"]["edges"])
    g = nx.cytoscape_graph(doc)
    assert {k for _, _, k in g.edges(keys=True)} == {c.id for c in graph.all_claims()}
    for u, v, k, d in g.edges(keys=True, data=True):
        c = graph.claim(k)
        assert (u, v, d["predicate"], d["valid"]) == (c.subject, c.object, c.predicate.value, c.valid.edtf)
    assert g.nodes["front"]["name"] == TRICKY_NAME


def test_cytoscape_schema_rejects_broken_elements():
    validator = jsonschema.Draft202012Validator(cytoscape_schema())
    edge = {"data": {"id": "e", "source": "a", "target": "a"}}
    good = {"elements": {"nodes": [{"data": {"id": "a"}}], "edges": [edge]}}
    assert validator.is_valid(good)
    for bad in (
        {"elements": {"nodes": [{"data": {}}], "edges": []}},
        {"elements": {"nodes": [], "edges": [{"data": {"id": "e", "source": "a"}}]}},
        {"elements": {"nodes": [{"data": {"id": "a"}, "position": {"x": "1", "y": 2}}], "edges": []}},
        {"elements": {"nodes": [{"group": "edges", "data": {"id": "a"}}], "edges": []}},
    ):
        assert not validator.is_valid(bad), bad


# ---------------------------------------------------------------------------------------------- CSV, Kumu, Neo4j


def test_csv_nodes_and_edges(graph, tmp_path):
    files = export(graph, "csv", tmp_path / "out", Selection.of(filters={"predicate": ["supports"]}))
    assert [f.name for f in files] == ["nodes.csv", "edges.csv"]
    with files[1].open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    supports = graph.claims(predicate="supports")
    assert [r["id"] for r in edges] == [c.id for c in supports]
    for row, c in zip(edges, supports, strict=True):
        want = claim_fields(graph, c)
        assert {k: row[k] for k in row} == {k: _str(want[k]) for k in row}
    with files[0].open(encoding="utf-8", newline="") as fh:
        nodes = {r["id"]: r for r in csv.DictReader(fh)}
    assert set(nodes) == {x for c in supports for x in (c.subject, c.object)}  # filtered: only their ends
    assert nodes["militia"]["label"] == graph.get("militia").name


def _years(lo, hi, first, last):
    return [str(y) for y in range(1900, 2100)
            if max(lo, ORD(date(y, 1, 1)), first) <= min(hi - 1, ORD(date(y, 12, 31)), last)]


def test_kumu_blueprint_with_year_tags(graph, tmp_path):
    path = tmp_path / "kumu.json"
    export(graph, "kumu", path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    subset = select(graph)
    elements = {e["id"]: e for e in doc["elements"]}
    assert set(elements) == {e.id for e in subset.entities}
    assert elements["front"]["label"] == TRICKY_NAME
    for conn in doc["connections"]:
        c = graph.claim(conn["id"])
        assert (conn["from"], conn["to"]) == (c.subject, c.object)
        assert conn["from"] in elements and conn["to"] in elements
        assert conn["direction"] == ("mutual" if c.symmetric else "directed")
        years = [t for t in conn["tags"] if t.isdigit()]
        assert years == _years(*c.valid.bounds("possible"), subset.first_day, subset.last_day), c.id
    for a in graph.actors:
        years = [t for t in elements[a.id]["tags"] if t.isdigit()]
        assert years == _years(*a.existence.bounds("possible"), subset.first_day, subset.last_day), a.id
    assert [t for t in elements["league"]["tags"] if t.isdigit()][0] == "2017"  # founded 2017-01
    c2 = next(x for x in doc["connections"] if x["id"] == "c2")
    assert [t for t in c2["tags"] if t.isdigit()] == ["2011", "2012", "2013", "2014"]


def _neo4j_header(field: str) -> tuple[str, str]:
    """Split a neo4j-admin header field into (name, type) by its documented ``name:type`` rule."""
    name, _, kind = field.rpartition(":") if ":" in field else (field, "", "string")
    return name, kind or "string"


def test_neo4j_admin_import_files(graph, tmp_path):
    files = export(graph, "neo4j-csv", tmp_path / "neo")
    names = {f.name: f for f in files}
    assert set(names) == {"actors.csv", "places.csv", "sources.csv", "relationships.csv", "import.sh"}
    script = names["import.sh"].read_text()
    assert "neo4j-admin database import full" in script and "--array-delimiter=" in script
    for name in ("actors.csv", "places.csv", "sources.csv", "relationships.csv"):
        assert f"={name}" in script
    tables = {}
    for name in ("actors.csv", "places.csv", "sources.csv", "relationships.csv"):
        with names[name].open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        header, body = rows[0], rows[1:]
        typed = [_neo4j_header(h) for h in header]
        for i, (_, kind) in enumerate(typed):
            for row in body:
                cell = row[i]
                if kind == "date" and cell:
                    date.fromisoformat(cell)  # a Neo4j date column must hold ISO dates
                if kind == "boolean":
                    assert cell in ("true", "false")
                if kind in ("float", "long") and cell:
                    float(cell)
        tables[name] = [dict(zip(header, row, strict=True)) for row in body]
    ids = [r["id:ID(Entity)"] for r in tables["actors.csv"] + tables["places.csv"]]
    assert len(ids) == len(set(ids)) and set(ids) == {e.id for e in select(graph).entities}
    assert {r["id:ID(Source)"] for r in tables["sources.csv"]} == {s.id for s in graph.sources}
    rels = {r["claim_id"]: r for r in tables["relationships.csv"]}
    assert set(rels) == {c.id for c in graph.all_claims()}
    for cid, r in rels.items():
        c = graph.claim(cid)
        f = claim_fields(graph, c)
        assert (r[":START_ID(Entity)"], r[":END_ID(Entity)"], r[":TYPE"]) == (c.subject, c.object,
                                                                                c.predicate.value.upper())
        assert r["possible_first:date"] == f["possible_first"] and r["certain_last:date"] == f["certain_last"]
        assert r["support_types:string[]"].split("\x1f") == [t.value for t in c.support_types] or (
            not c.support_types and r["support_types:string[]"] == "")
        assert r["source_ids:string[]"].split("\x1f") == [s.id for s in graph.sources_of(c)]
        assert int(r["known_day:long"]) == graph.known_from(c)
    assert rels["c1"]["possible_last:date"] == "2024-12-07"  # ends are exclusive: the last day is the day before
    assert rels["c10"]["possible_first:date"] == "" and rels["c10"]["ever_certain:boolean"] == "false"
    aliases = {r["id:ID(Entity)"]: r["aliases:string[]"].split("\x1f") for r in tables["actors.csv"]}
    assert aliases["north"] == ["The North", "NL"]
    labels = {r["id:ID(Entity)"]: r[":LABEL"] for r in tables["actors.csv"]}
    assert labels["lonely"] == "Actor;InternationalOrganisation"


# ---------------------------------------------------------------------------------------------- DOT


def test_dot_reads_back_with_pydot(graph, tmp_path):
    import pydot  # in the test extra
    path = tmp_path / "g.dot"
    export(graph, "dot", path, Selection.of(as_of="2016-12-15"))
    with warnings.catch_warnings():  # pydot still calls pyparsing's deprecated camelCase names
        warnings.simplefilter("ignore", DeprecationWarning)
        (parsed,) = pydot.graph_from_dot_file(str(path))

    def unquote(s):
        s = s[1:-1] if s.startswith('"') else s
        return s.replace('\\"', '"').replace("\\\\", "\\")

    nodes = {unquote(n.get_name()): n for n in parsed.get_nodes()
             if unquote(n.get_name()) not in ("node", "edge", "graph")}  # pydot lists default-attribute lines too
    subset = select(graph, Selection.of(as_of="2016-12-15"))
    assert set(nodes) == {e.id for e in subset.entities}
    assert unquote(nodes["front"].get("label")) == TRICKY_NAME
    assert unquote(nodes["front"].get("fillcolor")) == ACTOR_COLOURS[ActorKind.ARMED_GROUP]
    edges = {unquote(e.get("id")): e for e in parsed.get_edges()}
    assert set(edges) == {c.id for c in subset.claims}
    for cid, e in edges.items():
        c = graph.claim(cid)
        assert (unquote(e.get_source()), unquote(e.get_destination())) == (c.subject, c.object)
        assert unquote(e.get("predicate")) == c.predicate.value
        assert (e.get("dir") is not None) == c.symmetric
    assert unquote(edges["c6"].get("style")) == "dashed"  # alleged


# ---------------------------------------------------------------------------------------------- SVG, PNG


def test_svg_shows_exactly_the_claims_of_the_day_with_legend(graph, tmp_path):
    path = tmp_path / "g.svg"
    export(graph, "svg", path, Selection.of(as_of="2016-12-15"), title="Test picture")
    root = ET.parse(path).getroot()
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    claims = {i.removeprefix("claim:") for i in ids if i.startswith("claim:")}
    nodes = {i.removeprefix("node:") for i in ids if i.startswith("node:")}
    holding = graph.claims(as_of="2016-12-15")
    assert claims == {c.id for c in holding}
    assert nodes == {x for c in holding for x in (c.subject, c.object)}
    texts = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for n in nodes:
        assert graph.get(n).name in texts
    assert {"actors", "relations", "state", "supports", "alleged or disputed"} <= texts
    assert any("as of 2016-12-15" in t and "Test picture" in t for t in texts)


def test_svg_without_a_date_shows_the_last_day(graph, tmp_path):
    path = tmp_path / "g.svg"
    export(graph, "svg", path)
    root = ET.parse(path).getroot()
    claims = {el.get("id").removeprefix("claim:") for el in root.iter() if (el.get("id") or "").startswith("claim:")}
    last = date.fromordinal(select(graph).last_day).isoformat()
    assert claims == {c.id for c in graph.claims(as_of=last)}


def _pixels(path):
    from PIL import Image

    with Image.open(path) as im:
        pixels = np.asarray(im.convert("RGB")).reshape(-1, 3)
        return im.size, {tuple(int(v) for v in row) for row in np.unique(pixels, axis=0)}


def test_png_colours_actors_by_kind(graph, tmp_path):
    path = tmp_path / "g.png"
    export(graph, "png", path, Selection.of(as_of="2016-06-01", filters={"predicate": ["supports"]}))
    size, colours = _pixels(path)
    assert size[0] > 800 and size[1] > 600
    shown = {graph.get(x).kind for c in graph.claims(as_of="2016-06-01", predicate="supports")
             for x in (c.subject, c.object)}
    assert {ActorKind.STATE, ActorKind.GOVERNMENT} <= shown and ActorKind.ARMED_GROUP not in shown
    for kind in ActorKind:
        assert (rgb(ACTOR_COLOURS[kind]) in colours) == (kind in shown), kind


def test_export_rejects_unknown_format_and_misplaced_output(graph, tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'gephi'.*gexf"):
        export(graph, "gephi", tmp_path / "x")
    with pytest.raises(ValueError, match="is a folder"):
        export(graph, "gexf", tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ValueError, match="give a folder"):
        export(graph, "csv", tmp_path / "file")
    assert (tmp_path / "file").read_text() == "x"
