"""Commands that run named templates and raw queries, and push the graph to servers:
templates, query, sparql, cypher, push."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.textfile import read_text
from loaders.cli.common import add_data_option, add_format_option, load_graph
from loaders.cli.output import render_json, render_rows

__all__ = ["configure", "parse_params"]

_ENGINES = ("rdflib", "oxigraph", "sparql", "falkordb", "neo4j")  # as queries.engines.base.ENGINES


def configure(name: str, p: argparse.ArgumentParser, argv: list[str]) -> None:
    """The options of ``templates``, ``query``, ``sparql``, ``cypher`` or ``push``."""
    if name == "query":
        _query(p, argv)
    else:
        {"templates": _templates, "sparql": _sparql, "cypher": _cypher, "push": _push}[name](p)


def _templates(p) -> None:
    p.add_argument("action", nargs="?", choices=["show"], help="'show NAME' prints a template's Cypher and SPARQL")
    p.add_argument("name", nargs="?", help="the template to show")
    _templates_option(p)
    p.set_defaults(run=cmd_templates)


#: Options of ``query`` that take a value (to find the template's name among the words after the command).
_QUERY_VALUED = {"--param", "--engine", "--endpoint", "--uri", "--user", "--password", "--templates", "--data",
                 "--format", "--width"}


def _query(p, argv: list[str]) -> None:
    p.add_argument("name", help="template name (see 'actorgraph templates')")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a parameter; repeatable")
    p.add_argument("--engine", choices=_ENGINES, default="oxigraph", help="where to run it (default: oxigraph)")
    p.add_argument("--endpoint", help="SPARQL endpoint URL (engine sparql)")
    p.add_argument("--uri", help="Neo4j URI (engine neo4j); --user/--password for credentials")
    p.add_argument("--user")
    p.add_argument("--password")
    _templates_option(p)
    add_data_option(p)
    add_format_option(p)
    p.set_defaults(run=cmd_query)
    template = _named_template(argv)
    if template is None:
        p.epilog = "'actorgraph query NAME --help' lists the parameters of template NAME."
        return
    taken = {s for action in p._actions for s in action.option_strings}
    group = p.add_argument_group(f"parameters of {template.name}",
                                 f"{template.description} Give each as --NAME VALUE or --param NAME=VALUE; "
                                 f"columns: {', '.join(template.columns)}.")
    for param in template.params:
        flag = "--" + param.name.replace("_", "-")
        if flag in taken:
            continue
        default = "required" if param.required else f"default: {param.default or 'none'}"
        group.add_argument(flag, dest=f"template_{param.name}", metavar=param.type.upper(),
                           help=f"{param.help} ({param.type}; {default})")


def _named_template(argv: list[str]):
    """The template the words after ``query`` name (with ``--templates`` folders), or ``None``."""
    from queries.template import TemplateError, load_templates

    words, folders, name, skip = argv[argv.index("query") + 1:] if "query" in argv else [], [], None, None
    for word in words:
        if skip is not None:
            if skip == "--templates":
                folders.append(word)
            skip = None
        elif word in _QUERY_VALUED:
            skip = word
        elif word.startswith("--templates="):
            folders.append(word.partition("=")[2])
        elif not word.startswith("-") and name is None:
            name = word
    if name is None:
        return None
    try:
        return load_templates(folders).get(name)
    except TemplateError:
        return None  # the command itself reports a bad folder


def _sparql(p) -> None:
    p.add_argument("text", metavar="QUERY|@FILE")
    p.add_argument("--endpoint", help="a SPARQL endpoint URL (default: the graph in memory, in Oxigraph)")
    add_data_option(p)
    add_format_option(p)
    p.set_defaults(run=cmd_sparql)


def _cypher(p) -> None:
    p.add_argument("text", metavar="QUERY|@FILE")
    p.add_argument("--uri", help="a Neo4j URI (default: the graph in an embedded FalkorDB)")
    p.add_argument("--user")
    p.add_argument("--password")
    add_data_option(p)
    add_format_option(p)
    p.set_defaults(run=cmd_cypher)


def _push(p) -> None:
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
    from queries.template import TemplateError, load_templates

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
    from queries.template import TemplateError

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


def _render(rows: list[dict], columns, fmt: str, width: int | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return render_json(rows)
    return render_rows([[r.get(c) for c in columns] for r in rows], columns, fmt, width=width)


def template_values(args) -> dict[str, str]:
    """``--param NAME=VALUE`` and ``--NAME VALUE`` together; the same parameter given twice is an error."""
    from queries.template import TemplateError

    values = parse_params(args.param)
    for key, value in vars(args).items():
        if key.startswith("template_") and value is not None:
            name = key.removeprefix("template_")
            if name in values and values[name] != value:
                raise TemplateError(f"parameter {name!r} is given twice ({values[name]!r} and {value!r}); give it once")
            values[name] = value
    return values


def cmd_query(args) -> str:
    from queries.engines.base import EngineError
    from queries.runner import run_template

    graph = load_graph(args)
    options = {"sparql": {"endpoint": args.endpoint},
               "neo4j": {"uri": args.uri, "user": args.user, "password": args.password}}.get(args.engine, {})
    if args.engine in ("sparql", "neo4j") and not (args.endpoint or args.uri):
        raise EngineError(f"--engine {args.engine} queries a server: give --endpoint URL or --uri URI")
    columns, rows = run_template(graph, args.name, template_values(args), engine=args.engine,
                                 templates=args.templates, **options)
    return _render(rows, columns, args.format, args.width)


def cmd_sparql(args) -> str:
    from queries.runner import run_raw

    text = _text(args.text)
    if args.endpoint:
        return _render(run_raw(None, text, engine="sparql", endpoint=args.endpoint), None, args.format, args.width)
    return _render(run_raw(load_graph(args), text, engine="oxigraph"), None, args.format, args.width)


def cmd_cypher(args) -> str:
    from queries.runner import run_raw

    text = _text(args.text)
    if args.uri:
        return _render(run_raw(None, text, engine="neo4j", uri=args.uri, user=args.user, password=args.password),
                       None, args.format, args.width)
    return _render(run_raw(load_graph(args), text, engine="falkordb"), None, args.format, args.width)


def cmd_push(args) -> str:
    from queries.engines.base import EngineError
    from queries.runner import push

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
