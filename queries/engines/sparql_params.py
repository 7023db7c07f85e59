"""Typed template parameters as RDF terms, and the by-value binding used over HTTP and for Oxigraph.

Every value becomes an rdflib term built from the typed value (an IRI for actors and vocabulary
terms, a literal otherwise) and is written with ``term.n3()``, which escapes it; nothing of the
user's raw text reaches a query except inside such a term. Each parameter ``x`` also gets a boolean
``has_x``, so templates test ``!?has_x || ...`` instead of ``BOUND(?x)``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.rdf import AG, DATA, MAX_DAY, term_iri
from graph.time import PartialDate
from ontology import Certainty, RelationKind, SupportType

__all__ = ["bind_terms", "sparql_bindings", "to_python"]


def _iso(day: int | None) -> Literal | None:
    return None if day is None else Literal(date.fromordinal(day).isoformat())


def sparql_bindings(params) -> dict[str, Node]:
    """Variable name -> RDF term for a :class:`queries.template.BoundParams` (unset values are left out)."""
    out: dict[str, Node] = {}
    for name, value in params.values.items():
        kind = params.types.get(name)
        out[f"has_{name}"] = Literal(value is not None)
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
        if name == "known_at":  # RDF writes days past the last date as 9999-12-31: stay just before it
            value = min(value, MAX_DAY - 1)
        out[name] = Literal(value) if isinstance(value, bool) else _iso(value)
    if "certainty" in params.values:
        certain = params.values["certainty"] is Certainty.CERTAIN
        out["from_p"] = AG.certainFrom if certain else AG.possibleFrom
        out["to_p"] = AG.certainTo if certain else AG.possibleTo
    return out


# An IRI, a string (long or short), a comment, or a variable; everything else is copied as is.
_TOKEN = re.compile(
    r'''(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)|(?P<str>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?P<comment>\#[^\n]*)|(?P<var>[?$][A-Za-z0-9_]+)''')
_PROJECTION = re.compile(r"\bSELECT\b(.*?)\bWHERE\b|\bAS\s+[?$]([A-Za-z0-9_]+)", re.IGNORECASE | re.DOTALL)


def bind_terms(query: str, bindings: dict[str, Node]) -> str:
    """``query`` with every variable that has a binding replaced by the bound term, written by ``n3()``.

    This is pre-binding, as rdflib's ``initBindings`` does, done on the query's tokens (variables
    inside strings, IRIs and comments are left alone). Virtuoso needs it: it ignores values joined
    in by ``VALUES`` at the start of a transitive property path.

    >>> bind_terms('SELECT ?x WHERE { ?x <p> ?y } # ?y', {"y": Literal('a "quoted" } DROP ALL')})
    'SELECT ?x WHERE { ?x <p> "a \\\\"quoted\\\\" } DROP ALL" } # ?y'

    Raises:
        ValueError: a bound variable is projected or assigned (``SELECT ?x``, ``AS ?x``): it cannot become a constant.
    """
    if not bindings:
        return query
    pieces, projected = _split(query)
    clash = sorted(n for n in projected if n in bindings)
    if clash:
        raise ValueError(f"parameter(s) {', '.join(clash)} are projected or assigned in the query; "
                         "rename the result variable (a parameter is a constant)")
    return "".join(p if i % 2 == 0 else (bindings[p].n3() if p in bindings else "?" + p)
                   for i, p in enumerate(pieces))


@lru_cache(maxsize=256)
def _split(query: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The query as alternating text and variable names (text first), and the projected or assigned names.

    Cached: a template's text is split once, then each run only joins the pieces.
    """
    stripped = _TOKEN.sub(lambda m: m.group(0) if m.lastgroup == "var" else " ", query)
    projected: set[str] = set()
    for m in _PROJECTION.finditer(stripped):
        projected |= set(re.findall(r"[?$]([A-Za-z0-9_]+)", m.group(1))) if m.group(1) is not None else {m.group(2)}
    pieces, pos = [], 0
    for m in _TOKEN.finditer(query):
        if m.lastgroup == "var":
            pieces.extend((query[pos:m.start()], m.group(0)[1:]))
            pos = m.end()
    pieces.append(query[pos:])
    return tuple(pieces), frozenset(projected)


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


