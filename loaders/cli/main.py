"""Entry point of the ``actorgraph`` command.

The parser lists every command, but only the module of the command that runs is imported and
only its options are built: ``actorgraph relations`` never imports spaCy, rdflib or the news
pipeline, which would cost more than the answer itself.
"""

from __future__ import annotations

import argparse
import importlib
import os
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
    "import": ("loaders.cli.imports", "import UCDP, ACLED, ICEWS, Mapping Militants, Wikidata or CSV files as a "
               "dataset folder or store file"),
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
#: Exit status of a failure that is actorgraph's fault, not the input's (BSD's EX_SOFTWARE).
INTERNAL_ERROR = 70


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


def _error(message: str) -> None:
    """One line on stderr: data may hold line breaks or terminal controls, which must not reach the terminal."""
    from graph.exports.escaping import visible

    print(f"actorgraph: error: {visible(' '.join(message.split()))}", file=sys.stderr)


def _os_error(exc: OSError) -> str:
    """An OS error as a sentence that names the file (Python's own text omits it when the error came on read)."""
    reason = exc.strerror or type(exc).__name__
    names = [n for n in (exc.filename, exc.filename2) if n is not None]
    where = " -> ".join(str(n) for n in names) if names else "a file this command read or wrote"
    return f"{where}: {reason}; check the path, its permissions and the free space"


def main(argv: list[str] | None = None) -> int:
    """Run one command; bad input prints a clear error on stderr (first line names the file) and exits 2.

    Exit status: 0 success; 1 ``validate`` found problems; 2 bad input or usage; 70 an internal error
    (a bug: the message says so, and ``ACTORGRAPH_DEBUG=1`` shows the traceback).
    """
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
        first, rest = exc.problems[0], exc.problems[1:]
        more = f" (and {len(rest)} more problem(s), below)" if rest else ""
        _error(f"nothing was loaded: {first}{more}")
        from graph.exports.escaping import visible

        for problem in rest[:19]:
            print(f"  {visible(str(problem))}", file=sys.stderr)
        if len(rest) > 19:
            print(f"  ... {len(rest) - 19} more: run 'actorgraph validate PATH' for the list", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except KeyboardInterrupt:
        return 130
    except ActorGraphError as exc:  # bad input, named with its file and line
        _error(str(exc))
        return 2
    except OSError as exc:  # unreadable or unwritable files
        _error(_os_error(exc))
        return 2
    except RecursionError:
        _error("the input is nested too deeply to process; simplify it")
        return 2
    except MemoryError:
        _error("not enough memory for this input; split it, or use a store file (actorgraph pack)")
        return 2
    except Exception as exc:  # noqa: BLE001 - the last resort: a bug must not look like a crash of the data
        if os.environ.get("ACTORGRAPH_DEBUG") == "1":
            raise
        _error(f"internal error ({type(exc).__name__}: {exc}); this is a bug in actorgraph, not in your data: "
               "please report it with the command line (ACTORGRAPH_DEBUG=1 shows the traceback)")
        return INTERNAL_ERROR
    code = 0
    if isinstance(result, tuple):
        result, code = result
    if result:
        sys.stdout.write(result)
    return code


if __name__ == "__main__":
    sys.exit(main())
