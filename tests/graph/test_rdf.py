"""graph -> RDF -> graph is lossless in every format; the RDF conforms to the SHACL shapes; every
actorgraph term it uses is declared in the vocabulary."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph import rdf
from graph.records import claim_record, entity_record
from ontology import ontology_file, shapes_file
from tests.queries.randomgraph import random_graph


def _snapshot(g):
    return (sorted(repr(entity_record(e)) for e in [*g.actors, *g.places]),
            sorted(repr(claim_record(g, c)) for c in g.all_claims()),
            sorted(repr(s) for s in g.sources),
            sorted((c.id, c.citations, tuple(c.qualifiers.items()), c.valid) for c in g.all_claims()))


@pytest.mark.parametrize("fmt", rdf.FORMATS)
def test_seed_round_trip(seed_graph, fmt):
    back = rdf.load(rdf.dump(seed_graph, fmt), fmt)
    assert _snapshot(back) == _snapshot(seed_graph)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), fmt=st.sampled_from(rdf.FORMATS))
def test_random_round_trip(seed, fmt):
    g = random_graph(seed, claims=25)
    assert _snapshot(rdf.load(rdf.dump(g, fmt), fmt)) == _snapshot(g)


def _conforms(g):
    from pyshacl import validate

    conforms, _, text = validate(rdf.to_rdf(g), shacl_graph=Graph().parse(str(shapes_file())),
                                 ont_graph=Graph().parse(str(ontology_file())), inference="none")
    return conforms, text


def test_seed_conforms_to_shapes(seed_graph):
    conforms, text = _conforms(seed_graph)
    assert conforms, text


def test_random_graph_conforms_to_shapes():
    conforms, text = _conforms(random_graph(7))
    assert conforms, text


def test_shapes_catch_a_broken_claim(seed_graph):
    from pyshacl import validate

    data = rdf.to_rdf(seed_graph)
    data.remove((None, rdf.AG.possibleFrom, None))
    conforms, _, _ = validate(data, shacl_graph=Graph().parse(str(shapes_file())), inference="none")
    assert not conforms


def test_every_term_is_declared(seed_graph):
    vocabulary = Graph().parse(str(ontology_file()))
    declared = set(vocabulary.subjects())
    used = {t for triple in rdf.triples(random_graph(3)) for t in triple if str(t).startswith(str(rdf.AG))}
    used |= {t for triple in rdf.triples(seed_graph) for t in triple if str(t).startswith(str(rdf.AG))}
    assert used - declared == set()


def test_holding_bounds_match_the_model(seed_graph):
    data = rdf.to_rdf(seed_graph)
    for c in seed_graph.all_claims():
        node = rdf.DATA[f"claim/{c.id}"]
        assert data.value(node, rdf.AG.possibleFrom) == rdf.day_literal(c.valid.possible_from)
        assert data.value(node, rdf.AG.certainTo) == rdf.day_literal(c.valid.certain_to)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_lineage_closure_is_every_reachable_ancestor(seed):
    import networkx as nx

    g = random_graph(seed, claims=120)
    edges = nx.DiGraph()  # child -> parent, as ag:lineageParent
    for c in g.all_claims():
        if c.predicate.spec.lineage:
            merged = c.predicate.value == "merged_into"
            edges.add_edge(c.object if merged else c.subject, c.subject if merged else c.object)
    expected = {(child, ancestor) for child in edges for ancestor in nx.descendants(edges, child)}
    # an actor on a lineage cycle is its own ancestor, as with a ``+`` property path
    expected |= {(n, n) for cycle in nx.simple_cycles(edges) for n in cycle}
    written = {(str(s).rsplit("/", 1)[1], str(o).rsplit("/", 1)[1])
               for s, p, o in rdf.triples(g) if p == rdf.AG.lineageAncestor}
    assert expected and written == expected
