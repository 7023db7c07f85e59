"""One property-graph shape: ``export neo4j-csv`` holds what ``push`` writes, and every template runs on it.

The export of the bundled corpus is read back (:func:`graph.exports.neo4j_csv.read`, parsing as
neo4j-admin does with the options of ``import.sh``) and loaded into a real FalkorDB with the push's
own statements; a second FalkorDB graph gets a plain push. Both must hold the same nodes,
relationships and properties, and every template must give the reference answers
(:mod:`queries.reference`) on the imported graph, with and without a knowledge cut-off.
"""

from __future__ import annotations

import pytest

from graph.exports import Selection, export
from graph.exports.neo4j_csv import FILES, header, read
from graph.exports.propertyshape import PROPERTIES
from queries.engines.base import EngineError
from queries.engines.propertygraph import NODE_WRITES, csv_batches, relation_write
from queries.reference import reference_rows
from queries.template import load_templates
from tests.conftest import require_service

pytestmark = pytest.mark.falkordb

TEMPLATES = load_templates()


@pytest.fixture(scope="module")
def corpus():
    from loaders import bundled_dataset, load_datasets

    return load_datasets([bundled_dataset("syria")])


@pytest.fixture(scope="module")
def server():
    from queries.engines.falkordb_engine import FalkorDBServer

    try:
        srv = FalkorDBServer()
    except EngineError as exc:
        require_service("falkordb", str(exc))
    yield srv
    srv.stop()


def _engine(server, name):
    from queries.engines.falkordb_engine import FalkorDBEngine

    return FalkorDBEngine(socket=server.socket, graph=name)


@pytest.fixture(scope="module")
def imported(corpus, server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("neo4j-csv")
    export(corpus, "neo4j-csv", folder)
    eng = _engine(server, "from_export")
    eng.load_batches(csv_batches(read(folder)))
    return eng


@pytest.fixture(scope="module")
def pushed(corpus, server):
    eng = _engine(server, "pushed")
    eng.load(corpus)
    return eng


_NODES = "MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props ORDER BY label, n.id"
_RELS = ("MATCH (s)-[r]->(o) RETURN s.id AS s, type(r) AS t, o.id AS o, properties(r) AS props "
         "ORDER BY r.claim_id")


def test_the_export_and_a_push_hold_the_same_graph(imported, pushed, corpus):
    nodes, rels = imported.raw(_NODES), imported.raw(_RELS)
    assert nodes == pushed.raw(_NODES)
    assert rels == pushed.raw(_RELS)
    assert len(rels) == len(corpus) and sum(n["label"] == "Source" for n in nodes) == len(corpus.sources)
    props = rels[0]["props"]
    assert {"claim_id", "known_day", "known_since_days", "possible_from_day", "source_ids"} <= set(props)
    assert isinstance(props["known_since_days"], list) and isinstance(props["known_day"], int)


def test_the_write_statements_set_every_property_of_the_shape():
    statements = {**NODE_WRITES, "RELATION": relation_write(next(iter(_kinds())))}
    for label, props in PROPERTIES.items():
        for name, _ in props:
            if name in ("id", "claim_id"):
                continue
            assert f".{name} = " in statements[label], f"{label}.{name} is in the CSV but not written by a push"


def _kinds():
    from ontology import RelationKind

    return RelationKind


def _cases(graph):
    from collections import Counter

    degree = Counter(x for c in graph.all_claims() for x in (c.subject, c.object))
    actors = [a for a, _ in degree.most_common() if not graph.get(a).is_place]
    places = [p for p, _ in degree.most_common() if graph.get(p).is_place]
    out = []
    for when in ({}, {"as_of": "2016-06-01"}, {"as_of": "2019-10-15", "certainty": "certain"},
                 {"as_of": "2016-06-01", "known_as_of": "2017-01-01"}):
        for name, template in sorted(TEMPLATES.items()):
            params = {p.name for p in template.params}
            values = {k: v for k, v in when.items() if k in params}
            if "as_of" in params and "as_of" not in values and name == "network-as-of":
                values["as_of"] = "2016-06-01"
            if "actor" in params:
                values["actor"] = actors[0] if name != "path-between" else actors[3]
            if "other" in params:
                values["other"] = actors[-1]
            if "place" in params:
                values["place"] = places[0]
            if "start" in params:
                values.update(start="2016-01-01", end="2019-12-31")
            if "text" in params:
                values["text"] = "al"
            out.append((name, values))
    return out


def test_every_template_gives_the_reference_answers_on_the_imported_graph(imported, corpus):
    key = lambda row: tuple(sorted((k, repr(v)) for k, v in row.items()))  # noqa: E731
    ran, nonempty = set(), 0
    for name, values in _cases(corpus):
        template = TEMPLATES[name]
        bound = template.bind(corpus, values)
        expected = sorted(map(key, reference_rows(corpus, template, bound)))
        assert sorted(map(key, imported.run(template, bound))) == expected, f"{name} {values}"
        ran.add(name)
        nonempty += bool(expected)
    assert ran == set(TEMPLATES) and nonempty > len(TEMPLATES)


def test_a_knowledge_cut_off_export_answers_as_the_cut_off(corpus, server, tmp_path):
    export(corpus, "neo4j-csv", tmp_path / "k", Selection.of(known_as_of="2017-01-01"))
    eng = _engine(server, "known_2017")
    eng.load_batches(csv_batches(read(tmp_path / "k")))
    template = TEMPLATES["supporters-of"]
    target = next(c.object for c in corpus.claims(known_as_of="2017-01-01", predicate="supports"))
    for values in ({"actor": target, "as_of": "2016-06-01"}, {"actor": target}):
        bound = template.bind(corpus, {**values, "known_as_of": "2017-01-01"})
        plain = template.bind(corpus, values)  # the cut-off is in the data: no parameter needed
        expected = sorted(map(repr, reference_rows(corpus, template, bound)))
        assert sorted(map(repr, eng.run(template, plain))) == expected


def test_reading_an_export_of_another_shape_names_the_file_and_column(corpus, tmp_path):
    export(corpus, "neo4j-csv", tmp_path / "x")
    path = tmp_path / "x" / "relationships.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = lines[0].replace("claim_id", "id", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ValueError, match=r"relationships\.csv: column 4 of the header is 'id', expected 'claim_id'"):
        read(tmp_path / "x")
    assert header("RELATION")[:4] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "claim_id"]
    assert set(FILES.values()) == set(PROPERTIES)
