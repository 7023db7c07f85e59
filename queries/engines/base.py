"""The engine protocol: load a graph, run a template with bound parameters, run raw text, close.

An engine returns rows as dicts keyed by the template's declared columns, in the order the query
gives them, with plain Python values (``str``, ``int``, ``bool`` or ``None``), so rows from every
engine compare equal to each other and to the in-memory reference.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, runtime_checkable

from ontology import ActorGraphError

__all__ = ["ENGINES", "Engine", "EngineError", "Row", "open_engine", "rows_for_columns"]

Row = dict[str, Any]

#: Engine name -> "module:class" of its implementation (imported only when asked for).
ENGINES = {
    "rdflib": "queries.engines.rdf_memory:RdflibEngine",
    "oxigraph": "queries.engines.rdf_memory:OxigraphEngine",
    "sparql": "queries.engines.sparql_http:SparqlHttpEngine",
    "falkordb": "queries.engines.falkordb_engine:FalkorDBEngine",
    "neo4j": "queries.engines.neo4j_engine:Neo4jEngine",
}


class EngineError(ActorGraphError, RuntimeError):
    """An engine that cannot start, connect, load or answer; the message says what to check."""


@runtime_checkable
class Engine(Protocol):
    """What every engine does. ``language`` is ``"sparql"`` or ``"cypher"``."""

    name: str
    language: str

    def load(self, graph, *, replace: bool = True) -> None:
        """Write ``graph`` (idempotently: loading twice leaves the same content)."""

    def run(self, template, params) -> list[Row]:
        """Run ``template`` with :class:`queries.template.BoundParams`; rows keyed by its columns."""

    def raw(self, text: str) -> list[Row]:
        """Run query text as is (no parameters); rows keyed by the query's own column names."""

    def close(self) -> None:
        """Release connections (and stop a server the engine started)."""


def open_engine(name: str, **options) -> Engine:
    """An engine by name (``rdflib``, ``oxigraph``, ``sparql``, ``falkordb``, ``neo4j``).

    Raises:
        EngineError: an unknown name.
    """
    try:
        target = ENGINES[name]
    except KeyError:
        raise EngineError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}") from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(**options)


def rows_for_columns(columns, values_rows, template_name: str) -> list[Row]:
    """Key positional result rows by the declared columns, refusing a query that returns another number."""
    out = []
    for values in values_rows:
        values = list(values)
        if len(values) != len(columns):
            raise EngineError(f"template {template_name!r} returned {len(values)} columns but declares "
                              f"{len(columns)} ({', '.join(columns)}); fix its SELECT/RETURN")
        out.append(dict(zip(columns, values, strict=False)))
    return out
