"""Entry point of the ``actorgraph`` command.

The parser lists every command, but only the module of the command that runs is imported and
only its options are built: ``actorgraph relations`` never imports spaCy, rdflib or the news
pipeline, which would cost more than the answer itself.
"""

from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["COMMANDS", "build_parser", "main"]

#: Command -> (module that configures and runs it, one-line help), in the order --help lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "info": ("loaders.cli.browse", "what is loaded: counts by kind, relation kind and status"),
    "actors": ("loaders.cli.browse", "list actors (and places with --places)"),
    "actor": ("loaders.cli.browse", "one actor or place: details and its relations"),
    "relations": ("loaders.cli.browse", "claims, filtered by actor, relation kind, support type and date"),
    "changes": ("loaders.cli.browse", "relations that began or ended between two dates"),
    "lineage": ("loaders.cli.browse", "splits, renamings and mergers leading to and from an actor"),
    "validate": ("loaders.cli.browse", "check dataset folders or files and list every problem"),
    "export": ("loaders.cli.export", "write the graph for other tools (gexf, graphml, cytoscape, ..., html viewer)"),
    "explain": ("loaders.cli.explain", "answer a question from the graph, as of a date, citing every claim"),
    "import": ("loaders.cli.imports", "import UCDP, ACLED, Wikidata or CSV files as a dataset folder or store file"),
    "crosswalk": ("loaders.cli.imports", "list or set how outside names and ids map to graph actors"),
    "pack": ("loaders.cli.imports", "write datasets as one fast-loading store file (graph/store)"),
    "extract": ("loaders.cli.extract", "candidate claims from news text, linked to the graph's actors"),
    "eval-extract": ("loaders.cli.extract", "score extraction on a hand-annotated gold set"),
    "templates": ("loaders.cli.querying", "list the query templates with their parameters, or show one"),
    "query": ("loaders.cli.querying", "run a named template on an engine"),
    "sparql": ("loaders.cli.querying", "run a SPARQL query (text or @FILE) on the graph or on an endpoint"),
    "cypher": ("loaders.cli.querying", "run a Cypher query (text or @FILE) on the graph or on a Neo4j server"),
    "push": ("loaders.cli.querying", "write the graph to Neo4j, FalkorDB or a SPARQL endpoint (idempotent)"),
}

_GLOBAL_VALUED = ("--data",)


def chosen_command(argv: list[str]) -> str | None:
    """The command word of ``argv``: the first word that is not a top-level option or its value.

    >>> chosen_command(["--data", "seed", "relations", "--as-of", "2016"])
    'relations'
    >>> chosen_command(["--help"]) is None
    True
    """
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in _GLOBAL_VALUED:
            skip = True
            continue
        if token == "--":
            continue
        if token.startswith("-"):
            continue
        return token
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the options of the command ``argv`` names (of every command when ``argv`` is None)."""
    parser = argparse.ArgumentParser(
        prog="actorgraph",
        description="Who supported whom, when, and says who: a sourced, time-scoped graph of conflict actors.",
        epilog="'actorgraph COMMAND --help' lists a command's options. Datasets given with --data are read once "
               "and kept in a cache (ACTORGRAPH_CACHE=off turns it off).")
    parser.add_argument("--data", action="append", dest="data_first", metavar="PATH", default=None,
                        help="a dataset for the command (as the command's own --data; either place works)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    wanted = None if argv is None else chosen_command(argv)
    for name, (module, text) in COMMANDS.items():
        p = sub.add_parser(name, help=text, description=text)
        if argv is None or name == wanted:
            importlib.import_module(module).configure(name, p, [] if argv is None else argv)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; user mistakes print one clear line on stderr and exit non-zero, without a traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from ontology import ActorGraphError, DatasetInvalid

    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.data_first:
        if not hasattr(args, "data"):
            parser.error(f"--data does not apply to '{args.command}'")
        args.data = [*args.data_first, *(args.data or [])]
    try:
        result = args.run(args)
    except DatasetInvalid as exc:
        print(f"actorgraph: error: the data has {len(exc.problems)} problem(s); nothing was loaded "
              f"(run 'actorgraph validate PATH' for the list):", file=sys.stderr)
        for problem in exc.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except (ActorGraphError, OSError) as exc:  # user mistakes and unreadable or unwritable files
        print(f"actorgraph: error: {exc}", file=sys.stderr)
        return 2
    code = 0
    if isinstance(result, tuple):
        result, code = result
    if result:
        sys.stdout.write(result)
    return code


if __name__ == "__main__":
    sys.exit(main())
