"""Commands that bring outside data in: import, crosswalk (list and set), pack (build a store file)."""

from __future__ import annotations

import argparse

from graph.exports.escaping import visible
from loaders.cli.common import data_paths
from loaders.cli.output import render_json, render_rows

__all__ = ["configure"]


def configure(name: str, p: argparse.ArgumentParser, argv: list[str]) -> None:
    """The options of ``import``, ``crosswalk`` or ``pack``."""
    {"import": _import, "crosswalk": _crosswalk, "pack": _pack}[name](p)


def _import(p) -> None:
    from loaders.imports import SOURCES

    p.add_argument("source", choices=list(SOURCES), metavar="SOURCE", help=f"one of: {', '.join(SOURCES)}")
    p.add_argument("files", nargs="+", metavar="FILE", help="one or more files (merged into one import)")
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
        help="reference dataset(s) whose actors outside names may match (repeatable; an earlier import among "
        "them lends its actors, so imports chain); a bundled dataset also brings its shipped crosswalk",
    )
    p.add_argument("--crosswalk", metavar="FILE", help="crosswalk CSV (scheme,key,actor,from,to,note), consulted "
                   "before the one shipped with the --data dataset")
    p.add_argument("--no-shipped-crosswalk", action="store_true",
                   help="do not use the crosswalk shipped in loaders/data/crosswalks/")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="leave out rows that cannot be imported (listed with file, line and reason) instead of "
                   "failing the whole import")
    p.add_argument("--ucdp-actors", metavar="FILE", help="ucdp-esd: the UCDP actor list, for broken name lists")
    p.add_argument("--version", help="the release's version (ucdp-esd: 18.1, ucdp-actors: 22.1)")
    p.add_argument("--layout", choices=["actor-year", "triad"], help="ucdp-esd layout (default: guessed)")
    p.add_argument("--max-gap-days", type=_whole, default=None,
                   help="acled, icews: a longer gap between events of a pair starts a new claim (default 30)")
    p.add_argument("--min-events", type=_whole, default=None,
                   help="acled, icews: events an episode needs to become a claim (default 1 for ACLED, 3 for ICEWS)")
    p.add_argument("--published", metavar="DATE",
                   help="the release date of the data (acled, icews, mmp; wikidata SPARQL results: when retrieved)")
    p.add_argument("--map", dest="mapping", metavar="FIELD=COLUMN,...",
                   help="csv: the column mapping, e.g. subject=side_a,subject_id=side_a_id,object=side_b,"
                   "predicate==fights,valid=year or predicate=link_type{riv:fights,all:allied_with,*:-}")
    p.add_argument("--split", metavar="COLUMN,...", help="csv: columns holding comma-separated lists")
    p.add_argument("--scheme", metavar="NAME", help="csv: the id scheme of subject_id/object_id (e.g. ucdp)")
    p.add_argument("--delimiter", metavar="CHAR", help="csv, icews, mmp: the field delimiter (\\t for tab; "
                   "default: tab when the header has tabs and no commas)")
    p.add_argument("--source-title", help="csv: title of the source every row cites")
    p.add_argument("--source-url", help="csv: its address")
    p.add_argument("--source-publisher", help="csv: its publisher (needed with --source-url)")
    p.add_argument("--source-published", metavar="DATE", help="csv: its publication date")
    p.add_argument("--progress", action="store_true", default=None, help="show a row count even when not on a terminal")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--force", action="store_true",
                   help="replace -o even if it is not an earlier import (a folder without import.json, a file "
                        "that is not a store)")
    p.set_defaults(run=cmd_import)


def _crosswalk(p) -> None:
    cw = p.add_subparsers(dest="crosswalk_command", metavar="ACTION")
    cw.required = True
    q = cw.add_parser("list", help="the crosswalk's entries, or the unmatched names of an import")
    q.add_argument("--crosswalk", default="crosswalk.csv", metavar="FILE")
    q.add_argument("--unmatched", metavar="DATASET_DIR|FILE.agstore", help="list the names this import could not match")
    q.add_argument("--format", choices=["table", "json", "csv"], default="table")
    q.set_defaults(run=cmd_crosswalk_list)
    q = cw.add_parser("suggest", help="propose actors for the names an import could not match, with reasons")
    q.add_argument("imported", metavar="DATASET_DIR|FILE.agstore", help="an import folder or store file")
    q.add_argument("--data", action="append", metavar="PATH", help="the datasets to look for matches in")
    q.add_argument("--min-score", type=float, default=0.6, help="leave out weaker suggestions (0-1)")
    q.add_argument("--accept", action="store_true",
                   help="write the best suggestion of each name scoring --accept-score or more into --crosswalk")
    q.add_argument("--accept-score", type=float, default=0.8)
    q.add_argument("--crosswalk", default="crosswalk.csv", metavar="FILE")
    q.add_argument("--format", choices=["table", "json", "csv"], default="table")
    q.set_defaults(run=cmd_crosswalk_suggest)
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
    p.add_argument("--force", action="store_true", help="replace -o even if it is not a store file")
    p.set_defaults(run=cmd_pack)


def _whole(text: str) -> int:
    """A whole number, 0 or more (argparse reports anything else as a usage error)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value}: give 0 or more")
    return value


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
        skip_bad_rows=args.skip_bad_rows,
        use_shipped_crosswalk=not args.no_shipped_crosswalk,
        ucdp_actors=args.ucdp_actors,
        version=args.version,
        layout=args.layout,
        max_gap_days=args.max_gap_days,
        min_events=args.min_events,
        published=args.published,
        mapping=args.mapping,
        csv_source=source,
        delimiter=args.delimiter,
        split=args.split,
        scheme=args.scheme,
        force=args.force,
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
                    {"scheme": u.scheme, "key": u.key, "name": u.name, "assigned": u.assigned,
                     "first_seen": u.first_seen}
                    for u in result.unmatched
                ],
                "skipped_rows": [{"file": p.file, "line": p.line, "field": p.field, "why": p.message}
                                 for p in result.skipped],
                "set_aside": [{"category": c, "name": n, "rows": k} for c, n, k in result.set_aside],
                "notes": list(result.notes),
            }
        )
    lines = [f"wrote {w.path}: {w.actors} actors, {w.sources} sources, {w.claims} claims"]
    if result.skipped:
        lines.append(f"{len(result.skipped)} bad row(s) left out (--skip-bad-rows):")
        lines += [f"  {p}" for p in result.skipped[:20]]
        if len(result.skipped) > 20:
            lines.append(f"  ... and {len(result.skipped) - 20} more (in the import's manifest)")
    if result.set_aside:
        total = sum(k for _, _, k in result.set_aside)
        lines.append(f"{total} actor mention(s) of placeholders or civilians made no side: "
                     + ", ".join(f"{n} ({k})" for _, n, k in result.set_aside[:8])
                     + (" ..." if len(result.set_aside) > 8 else ""))
    if result.unmatched:
        lines.append(
            f"{len(result.unmatched)} outside name(s) matched no known actor and became new actors; "
            f"see 'actorgraph crosswalk suggest {w.path} --data ...' or 'actorgraph crosswalk list --unmatched "
            f"{w.path}', and fix with 'actorgraph crosswalk set'"
        )
    lines += [f"note: {visible(n)}" for n in result.notes[:10]]
    if len(result.notes) > 10:
        where = f"{w.path}/import.json" if w.path.is_dir() else f"the header notes of {w.path}"
        lines.append(f"note: ... and {len(result.notes) - 10} more (in {where})")
    return "\n".join(lines) + "\n"


def cmd_crosswalk_suggest(args: argparse.Namespace):
    from loaders.imports import Crosswalk, read_unmatched
    from loaders.imports.suggest import accept, suggest

    reference = _reference(args.data or ["syria"])
    found = suggest(read_unmatched(args.imported), reference, min_score=args.min_score)
    if args.accept:
        cw = accept(Crosswalk.load(args.crosswalk), found, reference, min_score=args.accept_score)
        cw.save(args.crosswalk)
    rows = [[s.scheme, s.key, s.actor, s.actor_name, f"{s.score:.2f}", s.reason] for s in found]
    return render_rows(rows, ["scheme", "key", "actor", "actor_name", "score", "reason"], args.format)


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
    from graph.outputs import check_file
    from graph.store import MAGIC, write_store
    from loaders.dataset import load_datasets

    def is_store(head: bytes) -> bool:
        return head.startswith(MAGIC)

    check_file(args.output, kind="store", recognise=is_store, force=args.force)  # before the (slow) load
    graph = load_datasets(data_paths(argparse.Namespace(data=args.paths)))
    check_file(args.output, kind="store", recognise=is_store, force=args.force)
    size = write_store(graph, args.output)
    return f"wrote {args.output}: {len(graph)} claims, {size / 1e6:.1f} MB\n"
