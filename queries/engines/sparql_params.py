"""Typed template parameters as RDF terms, and the by-value binding used over HTTP.

Every value becomes an rdflib term built from the typed value (an IRI for actors and vocabulary
terms, a literal otherwise) and is written with ``term.n3()``, which escapes it; nothing of the
user's raw text reaches a query except inside such a term.
"""

from __future__ import annotations

import re
from datetime import date

from rdflib import Literal, URIRef, Variable
from rdflib.term import Node

from graph.rdf import AG, DATA, term_iri
from graph.time import PartialDate
from ontology import Certainty, RelationKind, SupportType

__all__ = ["inject_values", "sparql_bindings", "to_python"]


def _iso(day: int | None) -> Literal | None:
    return None if day is None else Literal(date.fromordinal(day).isoformat())


def sparql_bindings(params) -> dict[str, Node]:
    """Variable name -> RDF term for a :class:`queries.template.BoundParams` (unset values are left out)."""
    out: dict[str, Node] = {}
    for name, value in params.values.items():
        kind = params.types.get(name)
        if value is None:
            continue
        if kind in ("actor", "place", "entity"):
            out[name] = DATA[("place/" if value in params.places else "actor/") + value]
        elif isinstance(value, PartialDate):
            out[name] = Literal(str(value))
        elif isinstance(value, (RelationKind, SupportType)):
            out[name] = term_iri(value)
        elif isinstance(value, Certainty):
            out[name] = Literal(value.value)
        else:
            out[name] = Literal(value)
    for name, value in params.days().items():
        if value is None:
            continue
        out[name] = Literal(value) if isinstance(value, bool) else _iso(value)
    if "certainty" in params.values:
        certain = params.values["certainty"] is Certainty.CERTAIN
        out["from_p"] = AG.certainFrom if certain else AG.possibleFrom
        out["to_p"] = AG.certainTo if certain else AG.possibleTo
        out["known_p"] = AG.knownFromCertain if certain else AG.knownFrom
    return out


# An IRI, a string (long or short), a comment, or a brace; everything else is copied as is.
_TOKEN = re.compile(
    r'''(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)|(?P<str>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?P<comment>\#[^\n]*)|(?P<brace>\{)''')


def inject_values(query: str, bindings: dict[str, Node]) -> str:
    """``query`` with a one-row ``VALUES`` block of ``bindings`` opening every group ``{ ... }``.

    Joining each group with the same single row gives the variables the bound values wherever they
    are used (also inside UNION branches, OPTIONAL and FILTER NOT EXISTS), as native pre-binding does.

    >>> inject_values('SELECT ?x WHERE { ?x <p> ?y }', {"y": Literal('a "quoted" } DROP ALL')})
    'SELECT ?x WHERE { VALUES (?y) { ("a \\\\"quoted\\\\" } DROP ALL") } ?x <p> ?y }'
    """
    if not bindings:
        return query
    names = sorted(bindings)
    block = (" VALUES (" + " ".join(Variable(n).n3() for n in names) + ") { ("
             + " ".join(bindings[n].n3() for n in names) + ") }")
    out, pos = [], 0
    for m in _TOKEN.finditer(query):
        if m.lastgroup == "brace":
            out.append(query[pos:m.end()] + block)
            pos = m.end()
    out.append(query[pos:])
    return "".join(out)


def to_python(term) -> object:
    """A result term as a plain value: integers and booleans as such, everything else as text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (bool, int)):
            return value
        return str(term)
    if isinstance(term, URIRef):
        return str(term)
    return str(term)


