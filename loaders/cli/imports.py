"""Commands that bring outside data in: import, crosswalk (list and set), pack (build a store file)."""

from __future__ import annotations

import argparse

from loaders.cli.common import data_paths
from loaders.cli.output import render_json, render_rows

__all__ = ["configure"]


def configure(name: str, p: argparse.ArgumentParser, argv: list[str]) -> None:
    """The options of ``import``, ``crosswalk`` or ``pack``."""
    {"import": _import, "crosswalk": _crosswalk, "pack": _pack}[name](p)


def _import(p) -> None:
    from loaders.imports import SOURCES

    p.add_argument("source", choices=list(SOURCES), metavar="SOURCE", help=f"one of: {', '.join(SOURCES)}")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="DATASET_DIR|FILE.agstore",
        help="the dataset folder to write (replaced whole if it holds an earlier import), or a store file "
        "(FILE.agstore: much faster for large imports; holds the --data datasets too, so it loads alone)",
    )
    p.add_argument(
        "--data",
        action="append",
        metavar="PATH",
        help="reference dataset(s) whose actors outside names may match (repeatable)",
    )
    p.add_argument("--crosswalk", metavar="FILE", help="crosswalk CSV (scheme,key,actor,from,to,note)")
    p.add_argument("--ucdp-actors", metavar="FILE", help="ucdp-esd: the UCDP actor list, for broken name lists")
    p.add_argument("--version", help="the release's version (ucdp-esd: 18.1, ucdp-actors: 22.1)")
    p.add_argument("--layout", choices=["actor-year", "triad"], help="ucdp-esd layout (default: guessed)")
    p.add_argument(
        "--max-gap-days", type=int, default=365, help="acled: a longer gap between events starts a new claim"
    )
    p.add_argument("--published", metavar="DATE", help="wikidata SPARQL results: the date they were retrieved")
    p.add_argument("--map", dest="mapping", metavar="FIELD=COLUMN,...", help="csv: the column mapping")
    p.add_argument("--source-title", help="csv: title of the source every row cites")
    p.add_argument("--source-url", help="csv: its address")
    p.add_argument("--source-publisher", help="csv: its publisher (needed with --source-url)")
    p.add_argument("--source-published", metavar="DATE", help="csv: its publication date")
    p.add_argument("--progress", action="store_true", default=None, help="show a row count even when not on a terminal")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(run=cmd_import)


def _crosswalk(p) -> None:
    cw = p.add_subparsers(dest="crosswalk_command", metavar="ACTION")
    cw.required = True
    q = cw.add_parser("list", help="the crosswalk's entries, or the unmatched names of an import")
    q.add_argument("--crosswalk", default="crosswalk.csv", metavar="FILE")
    q.add_argument("--unmatched", metavar="DATASET_DIR|FILE.agstore", help="list the names this import could not match")
    q.add_argument("--format", choices=["table", "json", "csv"], default="table")
    q.set_defaults(run=cmd_crosswalk_list)
    q = cw.add_parser("set", help="map SCHEME's KEY to ACTOR (optionally only FROM/TO)")
    q.add_argument("scheme", help="ucdp, acled, wikidata or name")
    q.add_argument("key", help="the outside id or name")
    q.add_argument("actor", help="the graph actor (id, or a name resolved in --data)")
    q.add_argument("--from", dest="start", metavar="DATE")
    q.add_argument("--to", dest="end", metavar="DATE", help="exclusive")
    q.add_argument("--note", default="")
    q.add_argument("--crosswalk", default="crosswalk.csv", metavar="FILE")
    q.add_argument("--data", action="append", metavar="PATH", help="resolve ACTOR against these datasets")
    q.set_defaults(run=cmd_crosswalk_set)


def _pack(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="dataset folders or files (or bundled names)")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(run=cmd_pack)


def _reference(paths):
    if not paths:
        return None
    from loaders.dataset import load_datasets

    return load_datasets(data_paths(argparse.Namespace(data=paths)))


def cmd_import(args: argparse.Namespace):
    from loaders.imports import import_files

    source = None
    if args.source_url:
        source = {
            "title": args.source_title or args.source_url,
            "url": args.source_url,
            "publisher": args.source_publisher,
            "published": args.source_published or "",
        }
    result = import_files(
        args.source,
        args.files,
        args.output,
        crosswalk=args.crosswalk,
        reference=_reference(args.data),
        progress=args.progress,
        ucdp_actors=args.ucdp_actors,
        version=args.version,
        layout=args.layout,
        max_gap_days=args.max_gap_days,
        published=args.published,
        mapping=args.mapping,
        csv_source=source,
    )
    w = result.written
    if args.format == "json":
        return render_json(
            {
                "path": str(w.path),
                "actors": w.actors,
                "sources": w.sources,
                "claims": w.claims,
                "unmatched": [
                    {
                        "scheme": u.scheme,
                        "key": u.key,
                        "name": u.name,
                        "assigned": u.assigned,
                        "first_seen": u.first_seen,
                    }
                    for u in result.unmatched
                ],
                "notes": list(result.notes),
            }
        )
    lines = [f"wrote {w.path}: {w.actors} actors, {w.sources} sources, {w.claims} claims"]
    if result.unmatched:
        lines.append(
            f"{len(result.unmatched)} outside name(s) matched no known actor and became new actors; "
            f"see 'actorgraph crosswalk list --unmatched {w.path}' and fix with 'actorgraph crosswalk set'"
        )
    lines += [f"note: {n}" for n in result.notes[:10]]
    if len(result.notes) > 10:
        where = f"{w.path}/import.json" if w.path.is_dir() else f"the header notes of {w.path}"
        lines.append(f"note: ... and {len(result.notes) - 10} more (in {where})")
    return "\n".join(lines) + "\n"


def cmd_crosswalk_list(args: argparse.Namespace):
    from loaders.imports import Crosswalk, read_unmatched

    if args.unmatched:
        rows = [[u.scheme, u.key, u.name, u.assigned, u.first_seen] for u in read_unmatched(args.unmatched)]
        return render_rows(rows, ["scheme", "key", "name", "assigned_id", "first_seen"], args.format)
    cw = Crosswalk.load(args.crosswalk)
    rows = [[e.scheme, e.key, e.actor, e.start, e.end, e.note] for e in cw.entries]
    return render_rows(rows, ["scheme", "key", "actor", "from", "to", "note"], args.format)


def cmd_crosswalk_set(args: argparse.Namespace):
    from loaders.imports import Crosswalk, CrosswalkEntry

    actor = args.actor
    graph = _reference(args.data)
    if graph is not None:
        actor = graph.resolve(actor, places=False)
    cw = Crosswalk.load(args.crosswalk)
    path = cw.set(CrosswalkEntry(args.scheme, args.key, actor, args.start or "", args.end or "", args.note)).save(
        args.crosswalk
    )
    return f"{args.scheme} {args.key!r} -> {actor} saved in {path}\n"


def cmd_pack(args: argparse.Namespace):
    from graph.store import write_store
    from loaders.dataset import load_datasets

    graph = load_datasets(data_paths(argparse.Namespace(data=args.paths)))
    size = write_store(graph, args.output)
    return f"wrote {args.output}: {len(graph)} claims, {size / 1e6:.1f} MB\n"
