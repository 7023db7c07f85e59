"""Any SPARQL 1.1 endpoint over HTTP: queries (SPARQL Protocol) and, for pushing, updates.

Parameters are bound by value: each typed value becomes an RDF term, escaped by ``n3()``, that
takes the place of its variable in the query's tokens (:func:`queries.engines.sparql_params.bind_terms`).
Writes are ``INSERT DATA`` into one named graph, in batches; triples are a set, so re-running a
push (also after one was cut off) ends with exactly the same content. Templates compare ISO text
of dates, which stays right on Virtuoso where typed ``xsd:date`` range filters do not.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from graph.rdf import DATA, ntriples
from ontology import ontology_file
from queries.engines.base import EngineError, Row, rows_for_columns
from queries.engines.sparql_params import bind_terms, sparql_bindings

__all__ = ["SparqlHttpEngine"]


class SparqlHttpEngine:
    """A SPARQL endpoint at ``endpoint`` (and ``update_endpoint`` for writes, the same URL by default)."""

    name = "sparql"
    language = "sparql"

    def __init__(self, *, endpoint: str, update_endpoint: str | None = None, named_graph: str = str(DATA["graph"]),
                 batch: int = 2000, timeout: float = 300.0) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise EngineError(f"{endpoint!r} is not an http(s) URL of a SPARQL endpoint")
        self.endpoint, self.update_endpoint = endpoint, update_endpoint or endpoint
        self.graph, self._batch, self._timeout = named_graph, batch, timeout

    def _post(self, url: str, form: dict, accept: str) -> bytes:
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310 - http(s) checked
                return response.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")[:500]
            raise EngineError(f"{url} answered {exc.code}: {body}") from None
        except OSError as exc:
            raise EngineError(f"cannot reach the SPARQL endpoint {url}: {exc}") from None

    def update(self, text: str) -> None:
        self._post(self.update_endpoint, {"update": text}, "*/*")

    def select(self, text: str) -> tuple[list[str], list[list]]:
        body = self._post(self.endpoint, {"query": text}, "application/sparql-results+json")
        try:
            doc = json.loads(body)
        except ValueError:
            raise EngineError(f"{self.endpoint} did not answer with SPARQL JSON results") from None
        if "boolean" in doc:
            return ["result"], [[doc["boolean"]]]
        names = doc["head"]["vars"]
        return names, [[_value(b.get(n)) for n in names] for b in doc["results"]["bindings"]]

    def run(self, template, params) -> list[Row]:
        _, rows = self.select(bind_terms(template.sparql, sparql_bindings(params)))
        return rows_for_columns(template.columns, rows, template.name)

    def raw(self, text: str) -> list[Row]:
        names, rows = self.select(text)
        return [dict(zip(names, row, strict=False)) for row in rows]

    def clear(self) -> None:
        self.update(f"CLEAR SILENT GRAPH <{self.graph}>")

    def load(self, graph, *, replace: bool = True, progress=None) -> None:
        """Write the vocabulary and ``graph`` into the named graph (``replace`` clears it first)."""
        from rdflib import Graph

        if replace:
            self.clear()
        vocabulary = Graph().parse(str(ontology_file()), format="turtle")
        lines = [f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in vocabulary]
        lines.extend(ntriples(graph))
        for i in range(0, len(lines), self._batch):
            self.update(f"INSERT DATA {{ GRAPH <{self.graph}> {{\n{''.join(lines[i:i + self._batch])}}} }}")
            if progress is not None:
                progress(min(i + self._batch, len(lines)), len(lines))

    def close(self) -> None:
        pass


def _value(binding):
    if binding is None:
        return None
    value = binding["value"]
    datatype = binding.get("datatype", "")
    if datatype.endswith(("#integer", "#int", "#long", "#short", "#nonNegativeInteger")):
        return int(value)
    if datatype.endswith("#boolean"):
        return value in ("true", "1")
    return value
