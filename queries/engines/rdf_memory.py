"""SPARQL in memory: rdflib's own store (the reference), and Oxigraph behind rdflib's API (oxrdflib).

rdflib binds parameters natively (``initBindings``). Oxigraph's own binding (``substitutions``) only
accepts projected variables, so its parameters are pre-bound as escaped terms in the query's tokens
(:func:`queries.engines.sparql_params.bind_terms`), the same by-value binding as over HTTP.
Oxigraph loads in bulk through its own N-Triples parser, rdflib triple by triple.
"""

from __future__ import annotations

from functools import lru_cache

from graph.rdf import ntriples, triples
from ontology import ontology_file
from queries.engines.base import EngineError, Row, rows_for_columns
from queries.engines.sparql_params import bind_terms, sparql_bindings, to_python

__all__ = ["OxigraphEngine", "RdflibEngine"]


class RdflibEngine:
    """rdflib's in-memory store: slow, but the reference for what SPARQL means."""

    name = "rdflib"
    language = "sparql"

    def __init__(self) -> None:
        from rdflib import Graph

        self._graph = Graph()

    def load(self, graph, *, replace: bool = True) -> None:
        if replace:
            self._graph.remove((None, None, None))
        self._graph.parse(str(ontology_file()), format="turtle")
        self._graph.addN((s, p, o, self._graph) for s, p, o in triples(graph))

    def run(self, template, params) -> list[Row]:
        result = self._query(template.sparql, sparql_bindings(params))
        return rows_for_columns(template.columns, ([to_python(v) for v in row] for row in result), template.name)

    def raw(self, text: str) -> list[Row]:
        result = self._query(text, {})
        if result.type != "SELECT":
            return [{"result": bool(result.askAnswer)}] if result.type == "ASK" else [
                {"subject": str(s), "predicate": str(p), "object": str(o)} for s, p, o in result.graph]
        names = [str(v) for v in result.vars]
        return [dict(zip(names, (to_python(v) for v in row), strict=False)) for row in result]

    def _query(self, text: str, bindings):
        try:
            return self._graph.query(_prepared(text), initBindings=bindings)
        except Exception as exc:  # rdflib raises pyparsing and plain errors alike
            raise EngineError(f"{self.name}: the query failed: {exc}") from None

    def triple_count(self) -> int:
        return len(self._graph)

    def close(self) -> None:
        self._graph.close()


class OxigraphEngine(RdflibEngine):
    """Oxigraph (Rust) in memory behind the rdflib API: the fast embedded SPARQL engine.

    The store is a pyoxigraph ``Store`` wrapped by oxrdflib, so :attr:`rdflib_graph` is an ordinary
    rdflib graph; templates go to the store directly, which saves rdflib's result conversion.
    """

    name = "oxigraph"

    def __init__(self) -> None:
        try:
            import pyoxigraph
            from oxrdflib import OxigraphStore
            from rdflib import Graph
        except ImportError:
            raise EngineError("the Oxigraph store is not installed; pip install oxrdflib pyoxigraph") from None
        from graph.rdf import DATA

        self._ox = pyoxigraph.Store()
        self._target = pyoxigraph.NamedNode(str(DATA["graph"]))
        self._graph = Graph(store=OxigraphStore(store=self._ox), identifier=DATA["graph"])

    @property
    def rdflib_graph(self):
        """The loaded graph through rdflib's API."""
        return self._graph

    def _query(self, text: str, bindings):
        try:  # the text goes to Oxigraph's own parser, which is fast: nothing to prepare
            return self._graph.query(bind_terms(text, bindings))
        except Exception as exc:
            raise EngineError(f"{self.name}: the query failed: {exc}") from None

    def run(self, template, params) -> list[Row]:
        text = bind_terms(template.sparql, sparql_bindings(params))
        try:
            solutions = self._ox.query(text, default_graph=self._target)
        except (SyntaxError, OSError, ValueError) as exc:
            raise EngineError(f"{self.name}: the query failed: {exc}") from None
        return rows_for_columns(template.columns, ([_ox_value(v) for v in s] for s in solutions), template.name)

    def load(self, graph, *, replace: bool = True) -> None:
        from pyoxigraph import RdfFormat

        if replace:
            self._ox.clear()
        self._ox.bulk_load(path=str(ontology_file()), format=RdfFormat.TURTLE, to_graph=self._target)
        lines = []
        for line in ntriples(graph):  # in chunks: the whole text of a large graph would not fit in memory twice
            lines.append(line)
            if len(lines) == 500_000:
                self._ox.bulk_load(input="".join(lines).encode("utf-8"), format=RdfFormat.N_TRIPLES,
                                   to_graph=self._target)
                lines.clear()
        self._ox.bulk_load(input="".join(lines).encode("utf-8"), format=RdfFormat.N_TRIPLES, to_graph=self._target)


_XSD = "http://www.w3.org/2001/XMLSchema#"


@lru_cache(maxsize=64)
def _prepared(text: str):
    """A query parsed and translated once: rdflib's pyparsing grammar takes up to seconds per long
    template, far more than evaluating it on a small graph, and a template's text never changes (its
    parameters are bound separately)."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def _ox_value(term):
    """A pyoxigraph result term as a plain value, as :func:`queries.engines.sparql_params.to_python` does."""
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    if datatype is not None:
        if datatype.value == _XSD + "integer":
            return int(term.value)
        if datatype.value == _XSD + "boolean":
            return term.value in ("true", "1")
    return term.value
