"""Commands that browse a graph: info, actors, actor, relations, changes, lineage, validate."""

from __future__ import annotations

import argparse
from collections import Counter

from graph.episodes import LATELY_DAYS
from graph.exports.escaping import visible
from graph.records import claim_record, entity_record, side_text
from graph.scope import relations_in_scope
from graph.summary import summarize
from loaders.cli.common import (
    add_data_option,
    add_format_option,
    add_time_options,
    load_graph,
    point_of_view,
)
from loaders.cli.output import render_json, render_rows
from ontology import ActorKind, NotYetKnown, RelationKind, SupportType

__all__ = ["configure", "add_relation_filters", "relation_filters", "change_rows"]

_RELATION_HEADER = ["id", "valid_from", "valid_to", "subject", "predicate", "object", "support_types",
                    "status", "sources"]
#: Columns of relation tables cut least when a table must fit the terminal: an id is what one copies.
_FLOORS = {"id": 24, "claim": 24}


def configure(name: str, p: argparse.ArgumentParser, argv: list[str]) -> None:
    """Add the options of command ``name`` to its parser ``p``."""
    _CONFIGURE[name](p)


def _info(p) -> None:
    add_data_option(p)
    add_format_option(p, ("table", "json"))
    p.set_defaults(run=cmd_info)


def _actors(p) -> None:
    add_data_option(p)
    p.add_argument("--kind", choices=[k.value for k in ActorKind], help="only actors of this kind")
    p.add_argument("--places", action="store_true", help="list places instead of actors")
    add_time_options(p)
    add_format_option(p)
    p.set_defaults(run=cmd_actors)


def _actor(p) -> None:
    p.add_argument("name", help="id, name or alias")
    add_data_option(p)
    add_time_options(p)
    add_format_option(p, ("table", "json"))
    p.set_defaults(run=cmd_actor)


def _relations(p) -> None:
    add_data_option(p)
    add_relation_filters(p)
    p.add_argument("--exact", action="store_true",
                   help="only the actors named: leave out the relations of the bodies that are part of them "
                        "(a state's armed forces) and, at a date, the lineage links formed before it")
    add_time_options(p)
    add_format_option(p)
    p.set_defaults(run=cmd_relations)


def _changes(p) -> None:
    p.add_argument("start", metavar="D1", help="from this date (exclusive)")
    p.add_argument("end", metavar="D2", help="up to this date (inclusive)")
    add_data_option(p)
    add_time_options(p, as_of=False)
    add_format_option(p)
    p.set_defaults(run=cmd_changes)


def _lineage(p) -> None:
    p.add_argument("name", help="id, name or alias")
    add_data_option(p)
    p.add_argument("--known-as-of", metavar="DATE", help="as the record stood on DATE: only links reported by then")
    add_format_option(p)
    p.set_defaults(run=cmd_lineage)


def _validate(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--strict", action="store_true", help="fail on warnings too (e.g. a dated bound no source reports)")
    add_format_option(p, ("table", "json"))
    p.set_defaults(run=cmd_validate)


_CONFIGURE = {"info": _info, "actors": _actors, "actor": _actor, "relations": _relations, "changes": _changes,
              "lineage": _lineage, "validate": _validate}


def add_relation_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--subject", metavar="NAME", help="the subject (id, name or alias)")
    p.add_argument("--object", metavar="NAME", help="the object (id, name or alias)")
    p.add_argument("--actor", metavar="NAME", help="an actor or place on either side")
    p.add_argument("--predicate", action="append", choices=[k.value for k in RelationKind],
                   help="relation kind; repeatable")
    p.add_argument("--support-type", choices=[t.value for t in SupportType], help="supports claims of this type")
    p.add_argument("--status", choices=["confirmed", "reported", "alleged", "disputed"])
    p.add_argument("--kind", choices=[k.value for k in ActorKind], help="an actor of this kind on either side")


def relation_filters(args: argparse.Namespace) -> dict:
    return dict(subject=args.subject, object=args.object, actor=args.actor, predicate=args.predicate,
                support_type=args.support_type, status=args.status, kind=args.kind)


def relation_rows(graph, claims, pov=None) -> list[list]:
    rows = []
    for c in claims:
        rows.append([c.id, side_text(c.valid.start) or "?", side_text(c.valid.end) or "?",
                     graph.get(c.subject).name, c.predicate.value, _object_text(graph, c),
                     [t.value for t in c.support_types], c.status.value,
                     len(graph.sources_of(c, pov))])
    return rows


def _object_text(graph, claim) -> str:
    """The object's name; for control, with how much of the place (``Aleppo (part: eastern districts)``)."""
    name = graph.get(claim.object).name
    extent = claim.qualifiers.get("extent") if claim.predicate is RelationKind.CONTROLS else None
    return f"{name} ({extent})" if extent and extent != "whole" else name


def _emit_relations(graph, listed, args, pov) -> str:
    claims = [item.claim for item in listed]
    if args.format == "json":
        return render_json([{**claim_record(graph, item.claim, known_as_of=pov), "listed_as": item.why}
                            for item in listed])
    if args.format == "csv":
        header = ["id", "valid_from", "valid_to", "subject_id", "subject", "predicate", "object_id", "object",
                  "support_types", "status", "source_urls"]
        rows = [[c.id, side_text(c.valid.start), side_text(c.valid.end), c.subject, graph.get(c.subject).name,
                 c.predicate.value, c.object, graph.get(c.object).name, [t.value for t in c.support_types],
                 c.status.value, [s.url for s in graph.sources_of(c, pov)]] for c in claims]
        return render_rows(rows, header, "csv")
    table = render_rows(relation_rows(graph, claims, pov), _RELATION_HEADER, "table", width=args.width, floors=_FLOORS)
    return table + _beyond_matches(listed)


#: How the table's footnote names each reason a row is listed without matching the filters word for word.
_WHY_WORDS = {"part": "relations of a part of an actor asked about",
              "lineage": "lineage links formed by the date",
              "episode": f"short fights that ended in the {LATELY_DAYS} days before the date"}


def _beyond_matches(listed) -> str:
    """A footnote under the table counting the rows listed beyond the exact matches, and why."""
    counts = Counter(item.why for item in listed if item.why != "match")
    if not counts:
        return ""
    parts = "; ".join(f"{counts[why]} {words}" for why, words in _WHY_WORDS.items() if counts[why])
    return f"Also listed: {parts} (--exact: exact matches only).\n"


def cmd_info(args) -> str:
    graph = load_graph(args)
    info = summarize(graph)
    if args.format == "json":
        return render_json(info)
    lines = [f"actors   {info['actors']}  ({', '.join(f'{k} {v}' for k, v in info['actors_by_kind'].items())})",
             f"places   {info['places']}", f"sources  {info['sources']}",
             f"claims   {info['claims']}  ({', '.join(f'{k} {v}' for k, v in info['claims_by_predicate'].items())})",
             f"status   {', '.join(f'{k} {v}' for k, v in info['claims_by_status'].items())}",
             f"dates    {info['first_date']} to {info['last_date']}"]
    return "\n".join(lines) + "\n"


def cmd_actors(args) -> str:
    graph = load_graph(args)
    pov = point_of_view(args)
    if args.places:
        items = [graph.entity_as_known(p.id, pov) for p in graph.places]
        if args.format == "json":
            return render_json([entity_record(p) for p in items])
        return render_rows([[p.id, p.name, p.kind.value, p.country, p.within] for p in items],
                           ["id", "name", "kind", "country", "within"], args.format,
                       width=args.width, floors=_FLOORS)
    items = [a for a in graph.known_actors(pov) if (not args.kind or a.kind.value == args.kind)
             and (pov.as_of is None or pov.holds(a.existence))]
    if args.format == "json":
        return render_json([entity_record(a) for a in items])
    return render_rows([[a.id, a.name, a.kind.value, a.country, a.founded, a.dissolved] for a in items],
                       ["id", "name", "kind", "country", "founded", "dissolved"], args.format,
                       width=args.width, floors=_FLOORS)


def cmd_actor(args) -> str:
    graph = load_graph(args)
    pov = point_of_view(args)
    entity = graph.entity_as_known(graph.resolve(args.name), pov)
    if entity is None:
        raise NotYetKnown(f"the record did not know {graph.entity(args.name).name!r} by {pov.known_as_of}: "
                          "no source published by then reports it; try a later --known-as-of")
    claims = graph.claims(actor=entity.id, pov=pov)
    if args.format == "json":
        return render_json({**entity_record(entity),
                            "relations": [claim_record(graph, c, known_as_of=pov) for c in claims]})
    rec = entity_record(entity)
    lines = [f"{entity.name} ({entity.id})", f"  kind: {rec['kind']}"]
    for key in ("country", "founded", "dissolved", "within"):
        if rec.get(key):
            lines.append(f"  {key}: {rec[key]}")
    if entity.aliases:
        lines.append(f"  aliases: {', '.join(entity.aliases)}")
    if entity.external_ids:
        lines.append(f"  ids: {', '.join(f'{k}={v}' for k, v in entity.external_ids.items())}")
    if entity.description:
        lines.append(f"  {entity.description}")
    when = f" {pov.describe()}" if pov.describe() else ""
    lines += ["", f"{len(claims)} relation(s){when}:"]
    text = "\n".join(visible(line) for line in lines) + "\n"
    return text + render_rows(relation_rows(graph, claims, pov), _RELATION_HEADER, "table", width=args.width,
                              floors=_FLOORS)


def cmd_relations(args) -> str:
    graph = load_graph(args)
    pov = point_of_view(args)
    listed = relations_in_scope(graph, relation_filters(args), pov, parts=not args.exact)
    return _emit_relations(graph, listed, args, pov)


def cmd_changes(args) -> str:
    graph = load_graph(args)
    pov = point_of_view(args)
    changes = graph.changes(args.start, args.end, pov=pov)
    ordered = change_rows(changes)
    if args.format == "json":
        return render_json({
            "from": args.start, "to": args.end,
            "started": [claim_record(graph, c, known_as_of=pov) for kind, c in ordered if kind == "started"],
            "ended": [claim_record(graph, c, known_as_of=pov) for kind, c in ordered if kind == "ended"],
        })
    rows = [[side_text(c.valid.start if kind == "started" else c.valid.end), kind, *relation_rows(graph, [c], pov)[0]]
            for kind, c in ordered]
    return render_rows(rows, ["date", "change", *_RELATION_HEADER], args.format,
                       width=args.width, floors=_FLOORS)


def change_rows(changes) -> list[tuple[str, object]]:
    """("started" | "ended", claim) pairs in the order of the date of the change (its earliest day), then kind.

    A claim that began and ended in the period is listed twice, at each date.
    """
    def when(kind, c):
        side = c.valid.start if kind == "started" else c.valid.end
        day = getattr(side, "first_day", None)
        return (day if day is not None else 0, kind != "started", c.subject, c.predicate.value, c.object, c.id)

    pairs = [("started", c) for c in changes.started] + [("ended", c) for c in changes.ended]
    return sorted(pairs, key=lambda p: when(*p))


def cmd_lineage(args) -> str:
    graph = load_graph(args)
    pov = point_of_view(args)
    lineage = graph.lineage(args.name, pov=pov)
    steps = [("ancestor", s) for s in lineage.ancestors] + [("descendant", s) for s in lineage.descendants]
    if args.format == "json":
        return render_json({
            "actor": entity_record(graph.entity_as_known(lineage.actor, pov) or graph.get(lineage.actor)),
            "ancestors": [{"depth": s.depth, **claim_record(graph, s.claim, known_as_of=pov)}
                          for s in lineage.ancestors],
            "descendants": [{"depth": s.depth, **claim_record(graph, s.claim, known_as_of=pov)}
                            for s in lineage.descendants],
        })
    rows = [[side, s.depth, graph.get(s.claim.subject).name, s.claim.predicate.value,
             graph.get(s.claim.object).name, side_text(s.claim.valid.start) or "?",
             side_text(s.claim.valid.end) or "?", s.claim.id] for side, s in steps]
    return render_rows(rows, ["direction", "depth", "subject", "predicate", "object", "valid_from", "valid_to",
                              "claim"], args.format,
                       width=args.width, floors=_FLOORS)


def cmd_validate(args) -> tuple[str, int]:
    from loaders.dataset import read_dataset  # never the cache: validation reads and checks every file

    ds = read_dataset(args.paths)
    failed = not ds.ok or (args.strict and bool(ds.warnings))
    if args.format == "json":
        return render_json({"ok": not failed, "problems": [p.as_dict() for p in ds.problems],
                            "warnings": [p.as_dict() for p in ds.warnings],
                            "counts": {"actors": len(ds.actors), "places": len(ds.places),
                                       "sources": len(ds.sources), "claims": len(ds.claims)}}), int(failed)
    lines = [str(p) for p in ds.problems] + [f"warning: {p}" for p in ds.warnings]
    if ds.ok:
        head = (f"ok: {len(ds.actors)} actors, {len(ds.places)} places, {len(ds.sources)} sources, "
                f"{len(ds.claims)} claims")
        if ds.warnings:
            head += f"; {len(ds.warnings)} warning(s)" + (" (failing under --strict)" if args.strict else "")
        return "\n".join([head, *lines]) + "\n", int(failed)
    tail = f"{len(ds.problems)} problem(s) found" + (f" and {len(ds.warnings)} warning(s)" if ds.warnings else "")
    return "\n".join(lines) + f"\n{tail}\n", 1
