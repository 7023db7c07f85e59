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

pytestmark = pytest.mark.falkordb
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
