"""Who takes part in the fighting in a place, as of a date, and the signed ties among them.

A place covers every place ``within`` it, at any depth. The participants are the actors that
control or are based in one of those places, and, for a country, the actors of that country that
fight someone; then whoever fights one of those. For a smaller place both sides of a fight must
control or be based in it, so a province does not inherit the whole war, unless the fight's
``theatre`` names the place or a place within it: strikes and shelling from outside a town, located
in it by their sources, are fighting there (Turkey's strikes on Kobani in November 2022).

A fight counts only where it was fought: one with a ``theatre`` (place ids) counts for a place
only when a theatre place lies inside it or encloses part of it. Turkey takes part in the war in
Syria, but its war with the PKK was fought in Turkey and Iraq: without the theatre the PKK would be
a party in Syria through it. A fight with no theatre counts wherever its actors are. A fight
elsewhere still says the two are enemies: among the signed ties it weighs as an opposition.

Being based in a place makes an actor a participant (whoever fights it there counts too), but a
foreign force's base does not make it a member of a side (:func:`takes_part`): Russia's naval
facility at Tartus, held since 1977, did not make Russia's forces a party to the war of 2013.
:mod:`queries.explain.sides` lists such an actor as a backer of the side it is tied to, or as present.

An umbrella's memberships can outvote its own ties: :func:`free_umbrellas` finds the umbrellas they
pulled away from their own partners, and the sides are drawn again without that pull.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.model import Actor, Claim, Place
from graph.places import overlaps, places_within, theatre_of
from ontology import ActorKind, PlaceKind, RelationKind, Status
from queries.explain.camps import SignedEdge

__all__ = ["POSITIVE", "NEGATIVE", "Scope", "fought_in", "free_umbrellas", "partners_of", "places_within",
           "signed_edges", "takes_part", "war_scope"]

POSITIVE = frozenset({RelationKind.SUPPORTS, RelationKind.ALLIED_WITH, RelationKind.MEMBER_OF,
                      RelationKind.PART_OF, RelationKind.LEADS})
NEGATIVE = frozenset({RelationKind.FIGHTS, RelationKind.OPPOSES})
#: Who fights whom is what defines sides: one fight outweighs six ties of support, alliance or
#: membership, and a standing political hostility five. Backers linked to both sides of a fight
#: (a coalition, a common patron, a NATO tie) would otherwise pull enemies into one side: with
#: fights weighing 2, Turkey and the SDF shared a side in January 2019 although Turkey had fought the
#: SDF at Afrin the year before and opposed it throughout; with a hostility weighing 3, they shared
#: one from September 2016 to September 2017, between Turkey's own battles with the YPG, because
#: Turkey's ties to the rebels and the coalition outweighed its declared enmity.
HOSTILE_WEIGHT = {RelationKind.FIGHTS: 6, RelationKind.OPPOSES: 5}
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
        located = not country and any(t in places for t in theatre_of(c))  # fought in the town itself
        if (a in seeds and b in seeds) or (country and (a in seeds or b in seeds)) or located:
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

    >>> from graph import ActorGraph, Actor, Citation, Claim, PartialDate, Place, Source
    >>> g = ActorGraph()
    >>> g.add(actors=[Actor("navy", "Navy", "armed_forces", country="RUS"), Actor("local", "Local", "militia",
    ...                                                                           country="SYR")],
    ...       places=[Place("port", "Port", "city", 0, 0, country="SYR")],
    ...       sources=[Source("s", "Report", "Agency", "https://example.org/r", PartialDate.parse("2020"))],
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

    Only confirmed claims count: a reported tie (one account, not confirmed), an alleged or a disputed one is
    told in the answer but does not decide who is on which side. With the covert backing of dozens of rebel
    groups recorded (much of it reported by one newsroom), counting reported ties put the United States
    with the rebels and the Nusra Front in February 2016, against the standard description (stop 28).
    A fight in ``elsewhere`` (fought outside the place asked about) weighs as an opposition.
    """
    nodes = set(nodes)
    out = []
    for c in claims:
        if c.status in (Status.ALLEGED, Status.DISPUTED, Status.REPORTED):
            continue
        if c.subject in nodes and c.object in nodes:
            if c.predicate in POSITIVE:
                out.append(SignedEdge(c.subject, c.object, 1, c.id))
            elif c.predicate in NEGATIVE:
                kind = RelationKind.OPPOSES if c.id in elsewhere else c.predicate
                out.append(SignedEdge(c.subject, c.object, -1, c.id, HOSTILE_WEIGHT[kind]))
    return out


def free_umbrellas(claims: list[Claim], edges: list[SignedEdge], camps) -> list[SignedEdge]:
    """``edges`` with the memberships that pulled an umbrella away from its own partners weighed 0.

    An umbrella (a coalition, an alliance: an actor with members) that supports or is allied with
    an actor it does not fight or oppose (its own partner), yet lands in ``camps`` on a side where
    none of those partners is, was put there by its members' ties, not its own: six states'
    memberships of the coalition against IS, each state pulled towards Turkey by its own ties,
    outvoted the coalition's one support of the SDF (January 2019). The memberships of the members
    that sit apart from all its partners then weigh 0 and the sides are drawn again: they no longer
    pull, though they are still named as tensions when a member stays apart. Returns ``edges``
    itself when no umbrella is in that case.
    """
    where = {n: i for i, camp in enumerate(camps) for n in camp}
    claim = {c.id: c for c in claims}
    umbrellas = {claim[e.key].object for e in edges if claim[e.key].predicate is RelationKind.MEMBER_OF}
    hostile = {frozenset((claim[e.key].subject, claim[e.key].object)) for e in edges if e.sign < 0}
    partners: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        c = claim[e.key]
        ends = [c.subject] if c.predicate is RelationKind.SUPPORTS else \
            [c.subject, c.object] if c.predicate is RelationKind.ALLIED_WITH else []
        for u in ends:
            if u in umbrellas and frozenset((u, c.other(u))) not in hostile:
                partners[u].add(c.other(u))
    sides = {u: {where.get(p) for p in ps} for u, ps in partners.items()}
    drawn_away = {u for u in partners if where.get(u) not in sides[u]}
    if not drawn_away:
        return edges
    return [SignedEdge(e.a, e.b, e.sign, e.key, 0)
            if claim[e.key].predicate is RelationKind.MEMBER_OF and claim[e.key].object in drawn_away
            and where.get(claim[e.key].subject) not in sides[claim[e.key].object] else e for e in edges]


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
