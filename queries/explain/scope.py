"""Who takes part in the fighting in a place, as of a date, and the signed ties among them.

A place covers every place ``within`` it, at any depth. The participants are the actors that
control or are based in one of those places, and, for a country, the actors of that country that
fight someone; then whoever fights one of those. For a smaller place both sides of a fight must
control or be based in it, so a province does not inherit the whole war.

A fight counts only where it was fought: one with a ``theatre`` (place ids) counts for a place
only when a theatre place lies inside it or encloses part of it. Turkey takes part in the war in
Syria, but its war with the PKK was fought in Turkey and Iraq: without the theatre the PKK would be
a party in Syria through it. A fight with no theatre counts wherever its actors are. A fight
elsewhere still says the two are enemies: among the signed ties it weighs as an opposition.

Being based in a place makes an actor a participant (whoever fights it there counts too), but a
foreign force's base does not make it a member of a side (:func:`takes_part`): Russia's naval
facility at Tartus, held since 1977, did not make Russia's forces a party to the war of 2013.
:mod:`queries.explain.sides` lists such an actor as a backer of the side it is tied to, or as present.

"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.model import Actor, Claim, Place
from graph.places import overlaps, places_within, theatre_of
from ontology import ActorKind, PlaceKind, RelationKind, Status
from queries.explain.camps import SignedEdge

__all__ = ["POSITIVE", "NEGATIVE", "Scope", "fought_in", "partners_of", "places_within", "signed_edges", "takes_part",
           "war_scope"]

POSITIVE = frozenset({RelationKind.SUPPORTS, RelationKind.ALLIED_WITH, RelationKind.MEMBER_OF,
                      RelationKind.PART_OF, RelationKind.LEADS})
NEGATIVE = frozenset({RelationKind.FIGHTS, RelationKind.OPPOSES})
#: Who fights whom is what defines sides: one fight outweighs six ties of support, alliance or
#: membership, and a standing political hostility three. Backers linked to both sides of a fight
#: (a coalition, a common patron, a NATO tie) would otherwise pull enemies into one side: with
#: fights weighing 2, Turkey and the SDF shared a side in January 2019 although Turkey had fought the
#: SDF at Afrin the year before and opposed it throughout.
HOSTILE_WEIGHT = {RelationKind.FIGHTS: 6, RelationKind.OPPOSES: 3}
#: The weight of one tie of support, alliance or membership in a :class:`SignedEdge`; a fight weighs
#: ``HOSTILE_WEIGHT`` of these. Memberships of one umbrella share one unit (see :func:`signed_edges`).
UNIT = 60
_TERRITORY = frozenset({RelationKind.CONTROLS, RelationKind.BASED_IN})


@dataclass(frozen=True, slots=True)
class Scope:
    """The participants of the fighting in a place, and the claims that make each one a participant."""

    place: str
    places: frozenset[str]
    participants: tuple[str, ...]
    grounds: dict  # participant id -> tuple of claim ids (the fights/controls/based_in claims)
    elsewhere: frozenset[str] = frozenset()  # ids of the fights at the date whose theatre lies outside the place


def war_scope(graph, area, claims: list[Claim]) -> Scope:
    """The participants in the fighting in ``area`` (an ``Area`` or a place id) given the ``claims`` at the date."""
    if isinstance(area, str):
        place: Place = graph.get(area)
        place_id, places = area, places_within(graph, area)
        country = place.country if place.kind is PlaceKind.COUNTRY else None
    else:
        place_id, places, country = area.place, area.places, area.country
    grounds: dict[str, list[str]] = defaultdict(list)
    fights, elsewhere = [], set()
    for c in claims:
        if c.predicate is RelationKind.FIGHTS:
            if fought_in(graph, c, places):
                fights.append(c)
            else:
                elsewhere.add(c.id)
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
                 {a: tuple(dict.fromkeys(grounds[a])) for a in participants}, frozenset(elsewhere))


def fought_in(graph, claim: Claim, places) -> bool:
    """Whether a fight counts for the area ``places``: it has no ``theatre``, or its theatre overlaps the area."""
    theatre = theatre_of(claim)
    return not theatre or overlaps(graph, theatre, places)


def takes_part(graph, claim: Claim) -> bool:
    """Whether a participant's ground ``claim`` makes it a member of a side, not only present.

    Fighting and controlling ground do. Being based in a place does when the actor belongs to the
    place's country or to none (a local armed group's home ground: Jaysh al-Islam in Douma, the SNA
    in Azaz), not when it is another state's force (a naval facility, an air base, an observation
    post, a garrison): presence is not taking part, whatever the force may do later from there.

    >>> from graph import ActorGraph, Actor, Citation, Claim, Place, Source
    >>> g = ActorGraph()
    >>> g.add(actors=[Actor("navy", "Navy", "armed_forces", country="RUS"), Actor("local", "Local", "militia",
    ...                                                                           country="SYR")],
    ...       places=[Place("port", "Port", "city", 0, 0, country="SYR")],
    ...       sources=[Source("s", "Report", "Agency", "https://example.org/r")],
    ...       claims=[Claim("b1", "navy", "based_in", "port", citations=(Citation("s"),)),
    ...               Claim("b2", "local", "based_in", "port", citations=(Citation("s"),))])
    >>> takes_part(g, g.claim("b1")), takes_part(g, g.claim("b2"))
    (False, True)
    """
    if claim.predicate is not RelationKind.BASED_IN:
        return claim.predicate in (RelationKind.FIGHTS, RelationKind.CONTROLS)
    own, where = getattr(graph.get(claim.subject), "country", None), getattr(graph.get(claim.object), "country", None)
    return own is None or where is None or own == where


def _is_actor(graph, entity_id: str) -> bool:
    return isinstance(graph.get(entity_id), Actor)


def signed_edges(graph, claims: list[Claim], nodes, *, elsewhere=frozenset()) -> list[SignedEdge]:
    """The +/- ties among ``nodes`` from the claims holding at the date (persons and places left out).

    Alleged and disputed claims are left out: contested ties should not decide who is on which side.
    A fight in ``elsewhere`` (fought outside the place asked about) weighs as an opposition.

    The memberships of one umbrella (a coalition, an alliance) share the weight of one tie: each
    of its n members' memberships weighs 1/n. Otherwise six states' memberships of the coalition
    against IS, each state pulled elsewhere by its own ties, outvote the coalition's own support of
    the SDF (January 2019).
    """
    nodes = set(nodes)
    claims = [c for c in claims if c.status not in (Status.ALLEGED, Status.DISPUTED)
              and c.subject in nodes and c.object in nodes]
    members: dict[str, int] = defaultdict(int)
    for c in claims:
        if c.predicate is RelationKind.MEMBER_OF:
            members[c.object] += 1
    out = []
    for c in claims:
        if c.predicate in POSITIVE:
            share = members[c.object] if c.predicate is RelationKind.MEMBER_OF else 1
            out.append(SignedEdge(c.subject, c.object, 1, c.id, max(1, round(UNIT / share))))
        elif c.predicate in NEGATIVE:
            kind = RelationKind.OPPOSES if c.id in elsewhere else c.predicate
            out.append(SignedEdge(c.subject, c.object, -1, c.id, UNIT * HOSTILE_WEIGHT[kind]))
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
