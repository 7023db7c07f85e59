"""Every bundled template answered in Python by the in-memory graph's own functions.

This is what the engines are held to: the behavioural tests compare each engine's rows with these.
Each function takes the :class:`graph.ActorGraph` and the typed parameter values of
:class:`queries.template.BoundParams` and returns rows keyed by the template's columns.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import networkx as nx

from graph.places import overlaps, places_within, theatre_of
from ontology import PlaceKind, RelationKind, Status

__all__ = ["REFERENCE", "reference_rows"]


def _time(v):
    return {"as_of": v.get("as_of"), "certainty": v.get("certainty") or "possible", "known_as_of": v.get("known_as_of")}


def _valid(c):
    return c.valid.edtf or None


def _one_side(pred, my_end, other, with_status=True):
    def run(g, v):
        kw = {my_end: v["actor"]}
        rows = []
        for c in g.claims(predicate=pred, **kw, **_time(v)):
            x = g.get(c.subject if my_end == "object" else c.object)
            rows.append({"claim_id": c.id, other: x.id, f"{other}_name": x.name, "valid": _valid(c),
                         "status": c.status.value})
        return rows
    return run


def _both_sides(preds, other):
    def run(g, v):
        rows = []
        for x_id, c in g.neighbours(v["actor"], predicate=preds, **_time(v)):
            x = g.get(x_id)
            rows.append({"claim_id": c.id, other: x.id, f"{other}_name": x.name, "relation": c.predicate.value,
                         "valid": _valid(c)})
        return rows
    return run


def _fighting(g, v):
    rows = []
    for c in g.claims(predicate=RelationKind.FIGHTS, **_time(v)):
        a, b = g.get(c.subject), g.get(c.object)
        rows.append({"claim_id": c.id, "side_a": a.id, "side_a_name": a.name, "side_b": b.id, "side_b_name": b.name,
                     "valid": _valid(c)})
    return rows


def _network(g, v):
    return [{"claim_id": c.id, "subject": c.subject, "predicate": c.predicate.value, "object": c.object}
            for c in g.snapshot_claims(v["as_of"], certainty=v["certainty"], known_as_of=v.get("known_as_of"))
            if v.get("relation") is None or c.predicate is v["relation"]]


def _changes(g, v):
    ch = g.changes(v["start"], v["end"], certainty=v["certainty"], known_as_of=v.get("known_as_of"))
    return [{"change": kind, "claim_id": c.id, "subject": c.subject, "predicate": c.predicate.value, "object": c.object}
            for kind, claims in (("started", ch.started), ("ended", ch.ended)) for c in claims]


def _lineage(g, v):
    lin = g.lineage(v["actor"], known_as_of=v.get("known_as_of"))
    rows = {(d, s.claim.id, s.claim.subject, s.claim.predicate.value, s.claim.object)
            for d, steps in (("ancestor", lin.ancestors), ("descendant", lin.descendants)) for s in steps}
    names = ("direction", "claim_id", "subject", "predicate", "object")
    return [dict(zip(names, r, strict=True)) for r in sorted(rows)]


def _timeline(g, v):
    return [{"claim_id": c.id, "subject": c.subject, "predicate": c.predicate.value, "object": c.object,
             "valid": _valid(c), "status": c.status.value} for c in g.claims(actor=v["actor"], **_time(v))]


def _support_by_type(g, v):
    rows = []
    for c in g.claims(object=v.get("actor"), predicate=RelationKind.SUPPORTS, support_type=v.get("support_type"),
                      **_time(v)):
        for t in c.support_types:
            if v.get("support_type") is None or t is v["support_type"]:
                rows.append({"claim_id": c.id, "supporter": c.subject, "supported": c.object, "support_type": t.value})
    return rows


def _contested(g, v):
    return [{"claim_id": c.id, "subject": c.subject, "predicate": c.predicate.value, "object": c.object,
             "status": c.status.value}
            for c in g.claims(actor=v.get("actor"), **_time(v)) if c.status in (Status.ALLEGED, Status.DISPUTED)]


def _controls(g, v):
    rows = []
    for c in g.claims(predicate=RelationKind.CONTROLS, subject=v.get("actor"), object=v.get("place"), **_time(v)):
        a, p = g.get(c.subject), g.get(c.object)
        rows.append({"claim_id": c.id, "controller": a.id, "controller_name": a.name, "place": p.id,
                     "place_name": p.name, "valid": _valid(c), "extent": c.qualifiers.get("extent")})
    return rows


def _fighting_in(g, v):
    """Fights with both sides present in the place (or a place within it); for a country, one side there or of it.

    A fight with a ``theatre`` counts only when a theatre place lies in the place or encloses it.
    """
    claims = g.claims(**_time(v))
    inside = places_within(g, v["place"])
    present = {c.subject for c in claims
               if c.predicate in (RelationKind.CONTROLS, RelationKind.BASED_IN) and c.object in inside}
    top = g.get(v["place"])
    national = top.country if top.kind is PlaceKind.COUNTRY else None
    rows = []
    for c in claims:
        if c.predicate is not RelationKind.FIGHTS:
            continue
        if (theatre := theatre_of(c)) and not overlaps(g, theatre, inside):
            continue  # fought elsewhere: a theatre place neither inside the place nor enclosing it
        a, b = g.get(c.subject), g.get(c.object)
        here = a.id in present, b.id in present
        if all(here) or (national and (any(here) or national in (a.country, b.country))):
            rows.append({"claim_id": c.id, "side_a": a.id, "side_a_name": a.name, "side_b": b.id,
                         "side_b_name": b.name, "valid": _valid(c)})
    return rows


def _profile(g, v):
    a = g.entity_as_known(v["actor"], known_as_of=v.get("known_as_of"))
    if a is None:
        return []
    return [{"id": a.id, "name": a.name, "kind": a.kind.value, "country": a.country,
             "founded": str(a.founded) if a.founded else None, "dissolved": str(a.dissolved) if a.dissolved else None}]


def _find(g, v):
    text = v["text"].lower()
    return [{"id": e.id, "name": e.name} for e in [*g.actors, *g.places] if text in e.name.lower()]


def _path(g, v, max_hops: int = 3):
    """All shortest chains of claims (either direction) between two actors, one row per chain of claims."""
    claims = g.all_claims() if v.get("as_of") is None else g.snapshot_claims(
        v["as_of"], certainty=v["certainty"], known_as_of=v.get("known_as_of"))
    if v.get("as_of") is None and v.get("known_as_of") is not None:
        claims = g.claims(known_as_of=v["known_as_of"], certainty=v["certainty"])
    links = nx.Graph()
    between: dict[frozenset, list] = {}
    for c in claims:
        if c.subject != c.object:
            links.add_edge(c.subject, c.object)
            between.setdefault(frozenset((c.subject, c.object)), []).append(c)
    a, b = v["actor"], v["other"]
    if a == b or a not in links or b not in links or not nx.has_path(links, a, b):
        return []
    paths = list(nx.all_shortest_paths(links, a, b))
    if len(paths[0]) - 1 > max_hops:
        return []
    rows = []
    for p in paths:
        steps = [[(c, c.subject == x) for c in between[frozenset((x, y))]] for x, y in zip(p, p[1:], strict=False)]
        for chain in itertools.product(*steps):
            rows.append({"hops": len(p) - 1, "path": " > ".join(p),
                         "relations": " ".join(f"-{c.predicate.value}->" if forward else f"<-{c.predicate.value}-"
                                               for c, forward in chain),
                         "claims": " > ".join(c.id for c, _ in chain)})
    return sorted(rows, key=lambda r: (r["path"], r["claims"]))


#: Template name -> reference function ``(graph, typed values) -> rows``.
REFERENCE: dict[str, Callable] = {
    "supporters-of": _one_side(RelationKind.SUPPORTS, "object", "supporter"),
    "supported-by": _one_side(RelationKind.SUPPORTS, "subject", "supported"),
    "members-of": _one_side(RelationKind.MEMBER_OF, "object", "member"),
    "opponents-of": _both_sides([RelationKind.OPPOSES, RelationKind.FIGHTS], "opponent"),
    "allies-of": _both_sides([RelationKind.ALLIED_WITH], "ally"),
    "fighting": _fighting,
    "network-as-of": _network,
    "changes-between": _changes,
    "lineage": _lineage,
    "timeline": _timeline,
    "support-by-type": _support_by_type,
    "contested-claims": _contested,
    "controls": _controls,
    "fighting-in": _fighting_in,
    "actor-profile": _profile,
    "find-actors": _find,
    "path-between": _path,
}


def reference_rows(graph, template, params) -> list[dict]:
    """The rows the in-memory graph gives for ``template`` with bound ``params``."""
    return REFERENCE[template.name](graph, dict(params.values))
