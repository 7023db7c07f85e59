"""Virtuoso at scale: templates stay right at 100k+ claims, where typed xsd:date range filters go wrong.

The graph is bulk-loaded with Virtuoso's own loader; ``supporters-of`` is then checked against the
in-memory graph for many actors and dates, under both readings.
"""

from __future__ import annotations

import random

import pytest
from rdflib import Graph

from graph.rdf import DATA, ntriples
from ontology import ontology_file
from queries.engines import open_engine
from queries.reference import reference_rows
from queries.template import load_templates
from tests.queries.conftest import running_virtuoso
from tests.queries.randomgraph import synthetic_graph

pytestmark = [pytest.mark.virtuoso, pytest.mark.slow]


def _key(row):
    return tuple(sorted(row.items()))


@pytest.fixture()
def own_virtuoso():
    """A server of its own: Virtuoso's default graph is the union of all graphs, duplicates included."""
    yield from running_virtuoso()


def test_supporters_of_at_100k_claims(own_virtuoso):
    virtuoso_server = own_virtuoso
    graph = synthetic_graph(100_000, actors=5_000)
    path = f"{virtuoso_server.folder}/scale.nt"
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in Graph().parse(str(ontology_file())))
        f.writelines(ntriples(graph))
    virtuoso_server.bulk_load(path, str(DATA["scale"]))
    engine = open_engine("sparql", endpoint=virtuoso_server.endpoint)
    template = load_templates()["supporters-of"]
    rng = random.Random(1)
    non_empty = 0
    for _ in range(60):
        values = {"actor": f"x{rng.randrange(5_000)}", "certainty": rng.choice(["possible", "certain"]),
                  "as_of": rng.choice(["2012", "2013-06", "2014-02-11", "2016-12-31", "2018-03"])}
        bound = template.bind(graph, values)
        expected = sorted(map(_key, reference_rows(graph, template, bound)))
        assert sorted(map(_key, engine.run(template, bound))) == expected, values
        non_empty += bool(expected)
    assert non_empty > 20
