"""Pushing is idempotent, and a push cut off half-way (server killed) then run again ends with the same content."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from queries.engines.base import EngineError
from queries.runner import push
from tests.conftest import require_service
from tests.queries.randomgraph import random_graph

ROOT = Path(__file__).resolve().parents[2]


def _server():
    from queries.engines.falkordb_engine import FalkorDBServer

    try:
        return FalkorDBServer()
    except EngineError as exc:
        require_service("falkordb", str(exc))


def _content(socket):
    from queries.engines.falkordb_engine import FalkorDBEngine

    eng = FalkorDBEngine(socket=socket)
    try:
        nodes = eng.raw("MATCH (n) RETURN n.id AS id, n.name AS name ORDER BY id")
        rels = eng.raw("MATCH (s)-[r]->(o) RETURN s.id AS s, type(r) AS t, r.claim_id AS c, r.valid AS v, "
                       "r.possible_from_day AS pf, r.source_ids AS src ORDER BY c")
        return nodes, rels
    finally:
        eng.close()


@pytest.mark.falkordb
def test_push_twice_is_harmless():
    graph = random_graph(5, claims=200)
    with _server() as server:
        push(graph, "falkordb", socket=server.socket)
        first = _content(server.socket)
        push(graph, "falkordb", socket=server.socket)
        assert _content(server.socket) == first
        assert len(first[1]) == len(graph)


_CLIENT = """
import sys
from queries.engines.falkordb_engine import FalkorDBEngine
from tests.queries.randomgraph import random_graph
FalkorDBEngine(socket=sys.argv[1], batch=10).load(random_graph(6, actors=40, claims=3000), replace=False)
"""


@pytest.mark.falkordb
def test_push_cut_off_then_rerun_ends_the_same():
    graph = random_graph(6, actors=40, claims=3000)
    with _server() as reference:
        push(graph, "falkordb", socket=reference.socket)
        expected = _content(reference.socket)
    with _server() as server:
        from queries.engines.falkordb_engine import FalkorDBEngine

        client = subprocess.Popen([sys.executable, "-c", _CLIENT, server.socket], cwd=ROOT)
        watcher = FalkorDBEngine(socket=server.socket)
        deadline = time.monotonic() + 60
        while watcher.counts()[1] < 100 and time.monotonic() < deadline and client.poll() is None:
            time.sleep(0.01)
        client.kill()  # the client dies mid-push
        client.wait()
        partial = watcher.counts()[1]
        watcher.close()
        assert 0 < partial < len(graph), "the push was not cut off half-way; make the graph bigger"
        push(graph, "falkordb", socket=server.socket)
        assert _content(server.socket) == expected


_SPARQL_CLIENT = """
import sys
from queries.engines.sparql_http import SparqlHttpEngine
from tests.queries.randomgraph import random_graph
SparqlHttpEngine(endpoint=sys.argv[1], batch=200).load(random_graph(6, actors=40, claims=3000), replace=False)
"""


def _sparql_content(engine):
    return sorted(tuple(r.values()) for r in engine.raw(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{engine.graph}> {{ ?s ?p ?o }} }}"))


@pytest.mark.virtuoso
def test_sparql_push_cut_off_then_rerun_ends_the_same(virtuoso_server):
    from queries.engines.sparql_http import SparqlHttpEngine

    graph = random_graph(6, actors=40, claims=3000)
    engine = SparqlHttpEngine(endpoint=virtuoso_server.endpoint, named_graph="https://example.org/push-test")
    engine.load(graph)
    expected = _sparql_content(engine)
    engine.clear()
    client = subprocess.Popen([sys.executable, "-c", _SPARQL_CLIENT.replace(
        "SparqlHttpEngine(endpoint=sys.argv[1],", "SparqlHttpEngine(endpoint=sys.argv[1], named_graph=sys.argv[2],"),
        virtuoso_server.endpoint, engine.graph], cwd=ROOT)
    deadline = time.monotonic() + 120
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{engine.graph}> {{ ?s ?p ?o }} }}"
    while engine.raw(count)[0]["n"] < 2000 and time.monotonic() < deadline and client.poll() is None:
        time.sleep(0.05)
    client.kill()  # the client dies mid-push
    client.wait()
    partial = engine.raw(count)[0]["n"]
    assert 0 < partial < len(expected), "the push was not cut off half-way; make the graph bigger"
    push(graph, "sparql", endpoint=virtuoso_server.endpoint, named_graph=engine.graph)
    push(graph, "sparql", endpoint=virtuoso_server.endpoint, named_graph=engine.graph)  # and again: harmless
    try:
        assert _sparql_content(engine) == expected
    finally:
        engine.clear()  # the server's default graph is the union of all graphs: leave nothing behind


@pytest.mark.falkordb
def test_push_cut_off_by_a_server_crash_then_rerun_ends_the_same(tmp_path):
    from queries.engines.falkordb_engine import FalkorDBEngine, FalkorDBServer

    graph = random_graph(6, actors=40, claims=3000)
    with _server() as reference:
        push(graph, "falkordb", socket=reference.socket)
        expected = _content(reference.socket)
    server = FalkorDBServer(folder=str(tmp_path), persist=True)
    try:
        client = subprocess.Popen([sys.executable, "-c", _CLIENT, server.socket], cwd=ROOT,
                                  stderr=subprocess.DEVNULL)
        watcher = FalkorDBEngine(socket=server.socket)
        deadline = time.monotonic() + 60
        while watcher.counts()[1] < 100 and time.monotonic() < deadline and client.poll() is None:
            time.sleep(0.01)
        server.kill()  # the server dies mid-push; the client fails
        assert client.wait(timeout=60) != 0
        watcher.close()
        server = FalkorDBServer(folder=str(tmp_path), persist=True)  # back up from its log
        partial = FalkorDBEngine(socket=server.socket).counts()[1]
        assert 0 < partial < len(graph), "the push was not cut off half-way; make the graph bigger"
        push(graph, "falkordb", socket=server.socket)
        assert _content(server.socket) == expected
    finally:
        server.stop()
