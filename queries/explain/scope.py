"""Who takes part in the fighting in a place, as of a date, and the signed ties among them.

A place covers every place ``within`` it, at any depth. The participants are the actors that
control or are based in one of those places, and, for a country, the actors of that country that
fight someone; then whoever fights one of those. For a smaller place both sides of a fight must
control or be based in it, so a province does not inherit the whole war.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.model import Actor, Claim, Place
from graph.places import places_within
from ontology import ActorKind, PlaceKind, RelationKind, Status
from queries.explain.camps import SignedEdge

__all__ = ["POSITIVE", "NEGATIVE", "Scope", "places_within", "signed_edges", "war_scope"]

POSITIVE = frozenset({RelationKind.SUPPORTS, RelationKind.ALLIED_WITH, RelationKind.MEMBER_OF,
                      RelationKind.PART_OF, RelationKind.LEADS})
NEGATIVE = frozenset({RelationKind.FIGHTS, RelationKind.OPPOSES})
#: Who fights whom is what defines sides: one fight outweighs six ties of support, alliance or
#: membership, and a standing political hostility three. Backers linked to both sides of a fight
#: (a coalition, a common patron, a NATO tie) would otherwise pull enemies into one side: with
#: fights weighing 2, Turkey and the SDF shared a side in January 2019 although Turkey had fought the
#: SDF at Afrin the year before and opposed it throughout.
HOSTILE_WEIGHT = {RelationKind.FIGHTS: 6, RelationKind.OPPOSES: 3}
_TERRITORY = frozenset({RelationKind.CONTROLS, RelationKind.BASED_IN})


@dataclass(frozen=True, slots=True)
class Scope:
    """The participants of the fighting in a place, and the claims that make each one a participant."""

    place: str
    places: frozenset[str]
    participants: tuple[str, ...]
    grounds: dict  # participant id -> tuple of claim ids (the fights/controls/based_in claims)


def war_scope(graph, area, claims: list[Claim]) -> Scope:
    """The participants in the fighting in ``area`` (an ``Area`` or a place id) given the ``claims`` at the date."""
    if isinstance(area, str):
        place: Place = graph.get(area)
        place_id, places = area, places_within(graph, area)
        country = place.country if place.kind is PlaceKind.COUNTRY else None
    else:
        place_id, places, country = area.place, area.places, area.country
    grounds: dict[str, list[str]] = defaultdict(list)
    fights = [c for c in claims if c.predicate is RelationKind.FIGHTS]
    for c in claims:
        if c.predicate in _TERRITORY and c.object in places and _is_actor(graph, c.subject):
            grounds[c.subject].append(c.id)
    if country:
        for c in fights:
            for end in (c.subject, c.object):
                if getattr(graph.get(end), "country", None) == country:
                    grounds[end].append(c.id)
    seeds = set(grounds)
    for c in fights:
        a, b = c.subject, c.object
        if (a in seeds and b in seeds) or (country and (a in seeds or b in seeds)):
            grounds[a].append(c.id)
            grounds[b].append(c.id)
    participants = tuple(sorted(a for a in grounds if _is_actor(graph, a)
                                and graph.get(a).kind is not ActorKind.PERSON))
    return Scope(place_id, places, participants,
                 {a: tuple(dict.fromkeys(grounds[a])) for a in participants})


def _is_actor(graph, entity_id: str) -> bool:
    return isinstance(graph.get(entity_id), Actor)


def signed_edges(graph, claims: list[Claim], nodes) -> list[SignedEdge]:
    """The +/- ties among ``nodes`` from the claims holding at the date (persons and places left out).

    Alleged and disputed claims are left out: contested ties should not decide who is on which side.
    """
    nodes = set(nodes)
    out = []
    for c in claims:
        if c.status in (Status.ALLEGED, Status.DISPUTED):
            continue
        if c.subject in nodes and c.object in nodes:
            if c.predicate in POSITIVE:
                out.append(SignedEdge(c.subject, c.object, 1, c.id))
            elif c.predicate in NEGATIVE:
                out.append(SignedEdge(c.subject, c.object, -1, c.id, HOSTILE_WEIGHT[c.predicate]))
    return out


def partners_of(graph, claims: list[Claim], members) -> tuple[str, ...]:
    """Actors outside ``members`` tied to one of them by a + claim: backers, coalitions, parent bodies."""
    members = set(members)
    out = set()
    for c in claims:
        if c.predicate not in POSITIVE or c.predicate is RelationKind.LEADS:
            continue
        for end, other in ((c.subject, c.object), (c.object, c.subject)):
            if end in members and other not in members and _is_actor(graph, other) \
                    and graph.get(other).kind is not ActorKind.PERSON:
                out.add(other)
    return tuple(sorted(out))
