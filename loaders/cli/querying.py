"""Commands that run named templates and raw queries, and push the graph to servers:
templates, query, sparql, cypher, push."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.textfile import read_text
from loaders.cli.common import add_data_option, add_format_option, load_graph
from loaders.cli.output import render_json, render_rows
from queries.engines.base import ENGINES, EngineError
from queries.runner import push, run_raw, run_template
from queries.template import TemplateError, load_templates

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("templates", help="list the query templates with their parameters, or show one")
    p.add_argument("action", nargs="?", choices=["show"], help="'show NAME' prints a template's Cypher and SPARQL")
    p.add_argument("name", nargs="?", help="the template to show")
    _templates_option(p)
    p.set_defaults(run=cmd_templates)

    p = sub.add_parser("query", help="run a named template on an engine")
    p.add_argument("name", help="template name (see 'actorgraph templates')")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a parameter; repeatable")
    p.add_argument("--engine", choices=list(ENGINES), default="oxigraph", help="where to run it (default: oxigraph)")
    p.add_argument("--endpoint", help="SPARQL endpoint URL (engine sparql)")
    p.add_argument("--uri", help="Neo4j URI (engine neo4j); --user/--password for credentials")
    p.add_argument("--user")
    p.add_argument("--password")
    _templates_option(p)
    add_data_option(p)
    add_format_option(p)
    p.set_defaults(run=cmd_query)

    p = sub.add_parser("sparql", help="run a SPARQL query (text or @FILE) on the graph or on an endpoint")
    p.add_argument("text", metavar="QUERY|@FILE")
    p.add_argument("--endpoint", help="a SPARQL endpoint URL (default: the graph in memory, in Oxigraph)")
    add_data_option(p)
    add_format_option(p)
    p.set_defaults(run=cmd_sparql)

    p = sub.add_parser("cypher", help="run a Cypher query (text or @FILE) on the graph or on a Neo4j server")
    p.add_argument("text", metavar="QUERY|@FILE")
    p.add_argument("--uri", help="a Neo4j URI (default: the graph in an embedded FalkorDB)")
    p.add_argument("--user")
    p.add_argument("--password")
    add_data_option(p)
    add_format_option(p)
    p.set_defaults(run=cmd_cypher)

    p = sub.add_parser("push", help="write the graph to Neo4j, FalkorDB or a SPARQL endpoint (idempotent)")
    p.add_argument("target", choices=["neo4j", "falkordb", "sparql"])
    p.add_argument("address", nargs="?",
                   help="Neo4j URI, SPARQL endpoint URL, or FalkorDB host[:port] or unix socket path")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--replace", action="store_true", help="first remove what an earlier push wrote")
    add_data_option(p)
    p.set_defaults(run=cmd_push)


def _templates_option(p) -> None:
    p.add_argument("--templates", action="append", default=[], metavar="DIR", type=Path,
                   help="a folder of your own NAME.cypher/NAME.rq pairs; repeatable")


def cmd_templates(args) -> str:
    templates = load_templates(args.templates)
    if args.action == "show":
        if not args.name or args.name not in templates:
            raise TemplateError(f"give a template name: actorgraph templates show NAME ({', '.join(templates)})")
        t = templates[args.name]
        return f"{t.cypher}\n{t.sparql}"
    lines = []
    for t in templates.values():
        lines.append(f"{t.name}: {t.description}")
        lines.extend(f"    {p.line()}" for p in t.params)
        lines.append(f"    columns: {', '.join(t.columns)}")
    return "\n".join(lines) + "\n"


def parse_params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise TemplateError(f"--param {item!r}: write NAME=VALUE, e.g. --param actor='Assad government'")
        out[name.strip()] = value
    return out


def _text(arg: str) -> str:
    if arg.startswith("@"):
        return read_text(arg[1:], limit=16 * 1024 * 1024)
    return arg


def _render(rows: list[dict], columns, fmt: str) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return render_json(rows)
    return render_rows([[r.get(c) for c in columns] for r in rows], columns, fmt)


def cmd_query(args) -> str:
    graph = load_graph(args)
    options = {"sparql": {"endpoint": args.endpoint},
               "neo4j": {"uri": args.uri, "user": args.user, "password": args.password}}.get(args.engine, {})
    if args.engine in ("sparql", "neo4j") and not (args.endpoint or args.uri):
        raise EngineError(f"--engine {args.engine} queries a server: give --endpoint URL or --uri URI")
    columns, rows = run_template(graph, args.name, parse_params(args.param), engine=args.engine,
                                 templates=args.templates, **options)
    return _render(rows, columns, args.format)


def cmd_sparql(args) -> str:
    text = _text(args.text)
    if args.endpoint:
        return _render(run_raw(None, text, engine="sparql", endpoint=args.endpoint), None, args.format)
    return _render(run_raw(load_graph(args), text, engine="oxigraph"), None, args.format)


def cmd_cypher(args) -> str:
    text = _text(args.text)
    if args.uri:
        return _render(run_raw(None, text, engine="neo4j", uri=args.uri, user=args.user, password=args.password),
                       None, args.format)
    return _render(run_raw(load_graph(args), text, engine="falkordb"), None, args.format)


def cmd_push(args) -> str:
    graph = load_graph(args)
    options: dict = {}
    if args.target == "neo4j":
        if not args.address:
            raise EngineError("push neo4j needs the server's URI, e.g. actorgraph push neo4j bolt://localhost:7687")
        options = {"uri": args.address, "user": args.user, "password": args.password}
    elif args.target == "sparql":
        if not args.address:
            raise EngineError("push sparql needs the endpoint URL, e.g. actorgraph push sparql http://host/sparql")
        options = {"endpoint": args.address}
    elif args.address:
        if "/" in args.address:
            options = {"socket": args.address}
        else:
            host, _, port = args.address.partition(":")
            options = {"host": host, "port": int(port) if port else None}
    push(graph, args.target, replace=args.replace, **options)
    return f"pushed {len(graph)} claims to {args.target}\n"
