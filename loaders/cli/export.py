"""The ``export`` command: write the graph for Gephi, Cytoscape, Neo4j, Kumu, Graphviz, pictures or a web page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.exports import FORMATS, MULTI_FILE, Selection, export
from loaders.cli.browse import add_relation_filters, relation_filters
from loaders.cli.common import add_data_option, add_time_options, load_graph

__all__ = ["configure", "run_export"]

_EPILOG = """formats:
  gexf        GEXF 1.3 for Gephi: dynamic, a spell for every claim and actor lifetime
  graphml     GraphML (yEd, Cytoscape, igraph, networkx)
  cytoscape   Cytoscape.js JSON (elements with positions)
  json        node-link JSON with full claim records and sources
  csv         a folder with nodes.csv and edges.csv
  dot         Graphviz DOT
  svg, png    a picture as of --as-of (default: the last day of the data), with a legend
  kumu        Kumu JSON blueprint, with year tags
  neo4j-csv   a folder of CSV files for neo4j-admin database import, with :date columns
  html        one self-contained page with a time slider (--as-of sets its starting day)

examples:
  actorgraph export html -o syria.html
  actorgraph export png --as-of 2024-12-05 --predicate supports -o supporters.png
  actorgraph export gexf --from 2011 --to 2016 -o early-war.gexf
  actorgraph export svg --around SDF --hops 2 --as-of 2019-10-15 -o sdf.svg
"""


def configure(name: str, p: argparse.ArgumentParser, argv: list[str]) -> None:
    """The options of ``export``."""
    p.epilog = _EPILOG
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("format", choices=list(FORMATS), metavar="FORMAT", help=f"one of: {', '.join(FORMATS)}")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="the file to write (a folder for csv and neo4j-csv)")
    add_data_option(p)
    add_relation_filters(p)
    p.add_argument("--as-of", metavar="DATE", help="only what holds on DATE (html: the day the slider starts on)")
    p.add_argument("--from", dest="start", metavar="D1", help="only what holds on some day from D1 ...")
    p.add_argument("--to", dest="end", metavar="D2", help="... up to D2 (both included)")
    add_time_options(p, as_of=False)
    p.add_argument("--around", metavar="ACTOR",
                   help="an ego network: only relations within --hops links of ACTOR (id, name or alias)")
    p.add_argument("--hops", type=int, default=1, metavar="N", help="how many links from --around (default: 1)")
    p.add_argument("--title", help="a title for the picture, page or graph (default: actorgraph)")
    p.add_argument("--force", action="store_true",
                   help="replace -o even if it holds something that is not an earlier export of this format")
    p.set_defaults(run=cmd_export)


def run_export(graph, fmt: str, output: str | Path, *, as_of=None, start=None, end=None, certainty="possible",
               known_as_of=None, title=None, force=False, around=None, hops=1, **filters) -> list[Path]:
    """What ``actorgraph export`` does once the graph is loaded; returns the files written."""
    if around is not None:
        around = graph.resolve(around, places=False)
    selection = Selection.of(as_of=as_of, start=start, end=end, certainty=certainty, known_as_of=known_as_of,
                             filters=filters, around=around, hops=hops)
    return export(graph, fmt, output, selection, title=title, force=force)


def cmd_export(args) -> tuple[str, int]:
    if args.as_of is not None and (args.start is not None or args.end is not None):
        return _usage("give either --as-of or --from/--to, not both")
    if args.hops < 1:
        return _usage(f"--hops must be at least 1, not {args.hops}")
    if args.hops != 1 and args.around is None:
        return _usage("--hops needs --around ACTOR (the actor the ego network is drawn around)")
    _check_output(args)  # before loading: a wrong -o is reported at once and nothing is touched
    graph = load_graph(args)
    try:
        written = run_export(graph, args.format, args.output, as_of=args.as_of, start=args.start, end=args.end,
                             certainty=args.certainty, known_as_of=args.known_as_of, title=args.title,
                             force=args.force, around=args.around, hops=args.hops, **relation_filters(args))
    except ValueError as exc:
        return _usage(str(exc))
    lines = [f"wrote {p} ({_size(p)})" for p in written]
    if args.format in MULTI_FILE:
        lines.insert(0, f"{args.format}: {len(written)} files in {args.output}")
    return "\n".join(lines) + "\n", 0


def _check_output(args) -> None:
    from graph.exports.targets import FILE_KINDS, FOLDER_FILES
    from graph.outputs import check_file, check_folder

    if args.format in MULTI_FILE:
        check_folder(args.output, kind=f"{args.format} export", files=FOLDER_FILES[args.format], force=args.force)
    else:
        check_file(args.output, kind=args.format, recognise=FILE_KINDS[args.format], force=args.force)


def _usage(message: str) -> tuple[str, int]:
    print(f"actorgraph: error: {message}", file=sys.stderr)
    return "", 2


def _size(path: Path) -> str:
    n = path.stat().st_size
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB" if n >= 1e3 else f"{n} bytes"
