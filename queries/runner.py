"""Running templates and raw queries on a named engine: what the command line calls.

In-memory and embedded engines (``rdflib``, ``oxigraph``, ``falkordb``) are loaded with the graph
first; ``sparql`` and ``neo4j`` query what a server already holds (write it there with :func:`push`).
"""

from __future__ import annotations

from pathlib import Path

from queries.engines.base import EngineError, open_engine
from queries.template import load_templates

__all__ = ["push", "run_raw", "run_template"]

_LOADED = ("rdflib", "oxigraph", "falkordb")


def _engine(name: str, graph, options: dict):
    engine = open_engine(name, **{k: v for k, v in options.items() if v is not None})
    if name in _LOADED:
        engine.load(graph)
    return engine


def run_template(graph, name: str, values: dict, *, engine: str = "oxigraph", templates: list[Path] = (),
                 **options) -> tuple[tuple[str, ...], list[dict]]:
    """(columns, rows) of template ``name`` with ``values`` (text or typed) on ``engine``.

    >>> from loaders import bundled_dataset, load_datasets
    >>> cols, rows = run_template(load_datasets([bundled_dataset("seed")]), "supporters-of",
    ...                           {"actor": "Assad government", "as_of": "2024-12-05"})
    >>> sorted(r["supporter"] for r in rows)
    ['iran', 'russia']
    """
    template = load_templates(templates).get(name)
    if template is None:
        known = ", ".join(sorted(load_templates(templates)))
        raise EngineError(f"no template is called {name!r}; known templates: {known}")
    bound = template.bind(graph, values)
    eng = _engine(engine, graph, options)
    try:
        return template.columns, eng.run(template, bound)
    finally:
        eng.close()


def run_raw(graph, text: str, *, engine: str, **options) -> list[dict]:
    """Rows of a raw SPARQL or Cypher query (no parameters) on ``engine``."""
    eng = _engine(engine, graph, options)
    try:
        return eng.raw(text)
    finally:
        eng.close()


def push(graph, target: str, *, replace: bool = False, **options) -> None:
    """Write ``graph`` to ``neo4j`` (uri=), ``falkordb`` (socket=, or host= and port=) or ``sparql`` (endpoint=).

    Writes are idempotent: pushing again, also after a push was cut off, ends with the same content.
    ``replace`` first removes what an earlier push wrote (a graph that lost claims since then).
    """
    if target not in ("neo4j", "falkordb", "sparql"):
        raise EngineError(f"cannot push to {target!r}; use neo4j, falkordb or sparql")
    if target == "falkordb" and not options.get("socket") and not options.get("host"):
        options["host"] = "localhost"
    eng = open_engine(target, **{k: v for k, v in options.items() if v is not None})
    try:
        eng.load(graph, replace=replace)
    finally:
        eng.close()
