"""Engines for the behavioural suite: each started once per session, on private sockets and ports."""

from __future__ import annotations

import os

import pytest

from tests.conftest import require_service

ENGINE_NAMES = ["rdflib", "oxigraph", "sparql-virtuoso", "falkordb", "neo4j"]
_MARKS = {"sparql-virtuoso": [pytest.mark.virtuoso], "falkordb": [pytest.mark.falkordb], "neo4j": [pytest.mark.neo4j]}


def running_virtuoso():
    """Start a private Virtuoso server (skip locally, fail in CI when it cannot run); yields it, then stops it."""
    from queries.engines.base import EngineError
    from queries.engines.virtuoso import VirtuosoServer, virtuoso_available

    why = virtuoso_available()
    if why:
        require_service("virtuoso", why)
    try:
        server = VirtuosoServer()
    except EngineError as exc:
        require_service("virtuoso", str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server():
    yield from running_virtuoso()


def _open(name: str, request):
    from queries.engines import open_engine

    if name == "sparql-virtuoso":
        server = request.getfixturevalue("virtuoso_server")
        return open_engine("sparql", endpoint=server.endpoint)
    if name == "neo4j":
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            pytest.skip("neo4j: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run the Neo4j tests")
        return open_engine("neo4j", uri=uri, user=os.environ.get("NEO4J_USER"),
                           password=os.environ.get("NEO4J_PASSWORD"))
    if name == "falkordb":
        from queries.engines.base import EngineError
        try:
            return open_engine("falkordb")
        except EngineError as exc:
            require_service("falkordb", str(exc))
    return open_engine(name)


@pytest.fixture(scope="session", params=[pytest.param(n, marks=_MARKS.get(n, [])) for n in ENGINE_NAMES])
def engine(request):
    """Every engine that runs here, each opened once for the session."""
    eng = _open(request.param, request)
    eng.loaded = None
    yield eng
    eng.close()


def load_once(engine, key, graph):
    """Load ``graph`` into ``engine`` unless the same graph (by ``key``) is already loaded."""
    if getattr(engine, "loaded", None) != key:
        engine.load(graph)
        engine.loaded = key
