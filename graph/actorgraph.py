"""The in-memory temporal actor graph.

A networkx ``MultiDiGraph`` whose nodes are actors and places and whose edges are claims keyed by
claim id, so "supported 2012-2014, opposed from 2015" are two edges between the same pair.
Questions about one actor walk its own edges; questions about the whole graph at a date go
through a columnar :class:`graph.index.IntervalIndex`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from graph.bulk import collector_paused
from graph.index import IntervalIndex
from graph.integrity import citation_problems, claim_problems, entity_citation_problems
from graph.knowledge import (
    ActorKnowledge,
    ClaimKnowledge,
    actor_knowledge,
    claim_knowledge,
    lifetime_window,
    lifetimes_of,
)
from graph.model import Actor, Claim, Entity, Place, Source, claim_order
from graph.names import NameIndex
from graph.pointofview import PointOfView, point_of_view
from graph.time import FAR_FUTURE, FAR_PAST, PartialDate, day_span
from ontology import (
    ActorKind,
    AmbiguousName,
    Certainty,
    DatasetInvalid,
    EntityNotFound,
    InvalidInterval,
    RelationKind,
    Status,
    SupportType,
    parse_term,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ActorGraph", "Changes", "Lineage", "LineageStep"]

DateLike = str | date | PartialDate


@dataclass(frozen=True, slots=True)
class Changes:
    """Claims that began and claims that stopped holding within a period."""

    started: tuple[Claim, ...]
    ended: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class LineageStep:
    """One link of a lineage chain, ``depth`` links away from the actor asked about."""

    depth: int
    claim: Claim


@dataclass(frozen=True, slots=True)
class Lineage:
    """Where an actor came from (``ancestors``) and what came of it (``descendants``)."""

    actor: str
    ancestors: tuple[LineageStep, ...]
    descendants: tuple[LineageStep, ...]


_LINEAGE = frozenset(k for k in RelationKind if k.spec.lineage)


def _add_claim_edges(g: nx.MultiDiGraph, claims: list[Claim]) -> None:
    """Add one edge per claim, keyed by claim id, with the claim as the edge attribute ``claim``.

    Equivalent to ``g.add_edges_from((c.subject, c.object, c.id, {"claim": c}) for c in claims)`` but
    about four times faster, which matters at a million claims. It writes networkx's documented
    adjacency layout directly: ``g._succ[u][v]`` and ``g._pred[v][u]`` are one shared dict of
    ``key -> attribute dict``. Both ends must already be nodes (``add`` checks that).
    """
    succ, pred = g._succ, g._pred
    new_keydict = g.edge_key_dict_factory
    for c in claims:
        u, v = c.subject, c.object
        keyed = succ[u].get(v)
        if keyed is None:
            keyed = succ[u][v] = new_keydict()
            pred[v][u] = keyed
        keyed[c.id] = {"claim": c}


def _certainty(value: Certainty | str) -> Certainty:
    return value if isinstance(value, Certainty) else parse_term(Certainty, value)


class ActorGraph:
    """Actors, places, sources and claims, queryable by name and by date.

    >>> from graph.model import Citation
    >>> from graph.time import Interval
    >>> g = ActorGraph()
    >>> g.add(actors=[Actor("russia", "Russia", "state"), Actor("assad-government", "Assad government", "government")],
    ...       sources=[Source("s1", "A report", "An agency", "https://example.org/r", PartialDate.parse("2016-01-10"))],
    ...       claims=[Claim("c1", "russia", "supports", "assad-government",
    ...                     Interval.parse("2015-09-30/2024-12-08"), support_types=["troops"],
    ...                     citations=[Citation("s1")])])
    >>> [c.subject for c in g.claims(object="Assad government", predicate="supports", as_of="2016-06-01")]
    ['russia']
    >>> g.claims(object="assad-government", as_of="2024-12-08")
    []
    """

    def __init__(self) -> None:
        self._g: nx.MultiDiGraph | None = None  # built on first use (see _network): loads skip it
        self._entities: dict[str, Entity] = {}
        self._sources: dict[str, Source] = {}
        self._claims: dict[str, Claim] = {}
        # knowledge time, worked out per claim and per actor when first asked for (see graph.knowledge)
        self._claim_knowledge: dict[str, ClaimKnowledge] = {}
        self._actor_knowledge: dict[str, ActorKnowledge] = {}
        self._as_known: dict[tuple[str, int], Claim] = {}
        self._names = NameIndex()
        self._index: IntervalIndex | None = None
        # per-entity and per-predicate claim lists: the indexes point queries walk
        self._out: defaultdict[str, list[Claim]] = defaultdict(list)
        self._in: defaultdict[str, list[Claim]] = defaultdict(list)
        self._by_predicate: defaultdict[RelationKind, list[Claim]] = defaultdict(list)

    # ------------------------------------------------------------------ building

    def add(self, *, actors: Iterable[Actor] = (), places: Iterable[Place] = (),
            sources: Iterable[Source] = (), claims: Iterable[Claim] = ()) -> None:
        """Add a batch of entities, sources and claims: all of it, or (on any problem) none of it.

        Raises:
            DatasetInvalid: a duplicate id, a dangling reference or a claim that breaks the ontology's rules.
        """
        actors, places, sources, claims = list(actors), list(places), list(sources), list(claims)
        problems: list[str] = []
        new_entities: dict[str, Entity] = {}
        for e in [*actors, *places]:
            if e.id in self._entities or e.id in new_entities or e.id in self._sources:
                problems.append(f"duplicate id {e.id!r}")
            new_entities[e.id] = e
        new_sources: dict[str, Source] = {}
        for s in sources:
            if s.id in self._sources or s.id in new_sources or s.id in self._entities or s.id in new_entities:
                problems.append(f"duplicate id {s.id!r}")
            new_sources[s.id] = s
        seen: set[str] = set()

        def entity(i: str):
            return new_entities.get(i) or self._entities.get(i)

        def source_exists(i: str) -> bool:
            return i in new_sources or i in self._sources

        def source(i: str) -> Source | None:
            return new_sources.get(i) or self._sources.get(i)

        for e in new_entities.values():
            if e.citations:
                problems.extend(f"{'place' if e.is_place else 'actor'} {e.id!r} {field}: {msg}"
                                for field, msg in entity_citation_problems(e, source))
        for c in claims:
            if c.id in self._claims or c.id in seen:
                problems.append(f"duplicate claim id {c.id!r}")
            seen.add(c.id)
            problems.extend(f"claim {c.id!r} {field}: {msg}" for field, msg in claim_problems(c, entity, source_exists))
            if any(cite.attests is not None for cite in c.citations):
                problems.extend(f"claim {c.id!r} {field}: {msg}" for field, msg in citation_problems(c, source))
        if problems:
            raise DatasetInvalid(problems)
        claims = [self._held_to_lifetimes(c, entity) for c in claims]
        with collector_paused():
            self._commit(new_entities, new_sources, claims)

    @staticmethod
    def _held_to_lifetimes(claim: Claim, entity) -> Claim:
        """The claim, with its valid time held to the lifetimes of the actors it links.

        A claim whose end is unknown cannot run past the dissolution of its subject or object (nor an
        unknown start precede a founding): those are facts too, so "possible" must respect them.
        """
        first, last = lifetime_window(lifetimes_of(claim, entity))
        if (first, last) == (FAR_PAST, FAR_FUTURE):
            return claim
        valid = claim.valid.within(first, last)
        return claim if valid is claim.valid else dataclasses.replace(claim, valid=valid)

    def _commit(self, new_entities: dict[str, Entity], new_sources: dict[str, Source], claims: list[Claim]) -> None:
        """Add a checked batch. Nothing here can fail on the data, so the batch goes in whole."""
        g = self._g
        for e in new_entities.values():
            self._entities[e.id] = e
            if g is not None:
                g.add_node(e.id)
            self._names.add(e.id, e.name, e.aliases, is_place=e.is_place)
        self._sources.update(new_sources)
        all_claims = self._claims
        out, into, by_predicate = self._out, self._in, self._by_predicate
        for c in claims:
            all_claims[c.id] = c
            out[c.subject].append(c)
            into[c.object].append(c)
            by_predicate[c.predicate].append(c)
        if g is not None:
            _add_claim_edges(g, claims)
        if claims:
            self._index = None

    def _network(self) -> nx.MultiDiGraph:
        """The networkx multigraph (one edge per claim, keyed by claim id), built when first needed.

        Point queries, snapshots' claim lists and lineage walk the per-actor claim lists instead, so
        a graph that is only loaded and queried never pays for it: at a million claims it costs
        about a quarter of the load time and a few hundred MB.
        """
        if self._g is None:
            import networkx as nx  # imported when first needed: most commands never build the multigraph

            g = nx.MultiDiGraph()
            g.add_nodes_from(self._entities)
            _add_claim_edges(g, list(self._claims.values()))
            self._g = g
        return self._g

    # ------------------------------------------------------------------ lookups

    @property
    def nx(self) -> nx.MultiDiGraph:
        """A read-only view of the underlying networkx graph (edge attribute ``claim``)."""
        import networkx as nx

        return nx.graphviews.generic_graph_view(self._network())

    @property
    def actors(self) -> tuple[Actor, ...]:
        return tuple(sorted((e for e in self._entities.values() if isinstance(e, Actor)), key=lambda a: a.id))

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(sorted((e for e in self._entities.values() if isinstance(e, Place)), key=lambda p: p.id))

    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(self._sources[k] for k in sorted(self._sources))

    def __len__(self) -> int:
        """The number of claims."""
        return len(self._claims)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def resolve(self, ref: str, *, places: bool | None = None, on: DateLike | None = None) -> str:
        """The id of the actor or place called ``ref`` (id, name or alias, any case).

        A name that passed from one actor to another ("the Syrian government" before and after
        December 2024) is read, given the date ``on``, as the one actor that existed then.

        Raises:
            EntityNotFound: nothing has that name (the message suggests the closest names).
            AmbiguousName: several entities share it (the message lists them), and the date, if given,
                does not single one out.
        """
        try:
            return self._names.resolve(ref, places=places)
        except AmbiguousName as exc:
            ids = [i for i, _ in exc.candidates]
            alive = self.alive_on(ids, on)
            if len(alive) == 1:
                return alive[0]
            if on is None and self._lives_apart(ids):
                hint = "They existed at different times: a date (--as-of) picks the one of its day."
                raise AmbiguousName(exc.name, list(exc.candidates), hint) from None
            raise

    def _lives_apart(self, ids: list[str]) -> bool:
        """Whether the actors' lifetimes are known not to overlap (a name handed on from one to the next)."""
        lives = sorted((self._entities[i].existence for i in ids if not self._entities[i].is_place),
                       key=lambda v: v.possible_from)
        pairs = zip(lives, lives[1:], strict=False)
        return len(lives) == len(ids) and all(a.possible_to <= b.possible_from for a, b in pairs)

    def alive_on(self, ids: Iterable[str], on: DateLike | None) -> list[str]:
        """Those of ``ids`` that may have existed on some day of ``on`` (a place always; all with no date)."""
        ids = list(ids)
        if on is None:
            return ids
        first, last = day_span(on)
        out = []
        for i in ids:
            entity = self._entities[i]
            life = None if entity.is_place else entity.existence
            if life is None or (life.possible_from <= last and first < life.possible_to):
                out.append(i)
        return out

    def named(self, ref: str, *, places: bool | None = None) -> list[str]:
        """Ids of every actor or place whose id, name or alias is ``ref`` (any case): no error, no suggestions.

        For matching many outside names, where :meth:`resolve`'s "did you mean" search would cost more
        than the lookup itself.
        """
        return self._names.candidates(ref, places=places)

    def spelled_like(self, ref: str, *, places: bool | None = None) -> list[str]:
        """Ids of the actors and places one of whose names ``ref`` spells another way (``Raqqah`` for Raqqa,
        ``Dayr az-Zawr`` for Deir ez-Zor: :func:`graph.names.spelling_key`). Coarser than :meth:`named`: for
        a name that matches nothing exactly, and trusted only when it gives one id."""
        return self._names.spelled_like(ref, places=places)

    def entity(self, ref: str) -> Entity:
        return self._entities[self.resolve(ref)]

    def actor(self, ref: str) -> Actor:
        return self._entities[self.resolve(ref, places=False)]

    def place(self, ref: str) -> Place:
        return self._entities[self.resolve(ref, places=True)]

    def get(self, entity_id: str) -> Entity | None:
        """The entity with exactly this id, or ``None``."""
        return self._entities.get(entity_id)

    def source(self, source_id: str) -> Source:
        try:
            return self._sources[source_id]
        except KeyError:
            raise EntityNotFound(source_id, what="source") from None

    def claim(self, claim_id: str) -> Claim:
        try:
            return self._claims[claim_id]
        except KeyError:
            raise EntityNotFound(claim_id, what="claim") from None

    def all_claims(self) -> Iterator[Claim]:
        """Every claim, in insertion order."""
        return iter(self._claims.values())

    def suggest(self, name: str, *, places: bool | None = None) -> list[str]:
        return self._names.suggest(name, places=places)

    # ------------------------------------------------------------------ knowledge time

    def knowledge(self, claim: Claim | str) -> ClaimKnowledge:
        """When a claim became known and how it read in each epoch of knowledge time (:mod:`graph.knowledge`)."""
        c = claim if isinstance(claim, Claim) else self.claim(claim)
        k = self._claim_knowledge.get(c.id)
        if k is None:
            c = self._claims[c.id]  # the stored claim, with its lifetime window
            lifetimes = lifetimes_of(c, self._entities.get, self.entity_knowledge)
            k = self._claim_knowledge[c.id] = claim_knowledge(c, self._sources.__getitem__, lifetimes)
        return k

    def entity_knowledge(self, entity: Entity | str) -> ActorKnowledge:
        """When an actor's founding, dissolution and description (a place's description) became known."""
        e = entity if isinstance(entity, (Actor, Place)) else self._entities[entity]
        k = self._actor_knowledge.get(e.id)
        if k is None:
            k = self._actor_knowledge[e.id] = actor_knowledge(e, self._sources.__getitem__)
        return k

    def entity_known_from(self, entity_id: str) -> int:
        """The first day on which the record knew an actor: one of its own sources, or a claim about it."""
        days = [self.entity_knowledge(entity_id).cited, *(self.known_from(c) for c in self._edges_of(entity_id))]
        return min(days)

    def known_from(self, claim: Claim) -> int:
        """The first day (ordinal) on which the record knew ``claim``: its start was reported."""
        return self.knowledge(claim).known_from

    def is_known(self, claim: Claim, known_as_of: DateLike | PointOfView | None) -> bool:
        """Whether the record knew ``claim`` by ``known_as_of`` (a date or a point of view)."""
        pov = known_as_of if isinstance(known_as_of, PointOfView) else point_of_view(known_as_of=known_as_of)
        return pov.knows(self.known_from(claim))

    def as_known(self, claim: Claim | str, pov: PointOfView | None = None, **loose) -> Claim | None:
        """``claim`` as the record stood at the point of view's ``known_as_of``; ``None`` if not yet known.

        Its valid time is what was known then (an end reported later reads as open, ``..``), and it
        cites only the sources surely published by then. With no knowledge cut-off, the claim itself.
        """
        pov = point_of_view(pov, **loose)
        c = claim if isinstance(claim, Claim) else self.claim(claim)
        if pov.knows_everything:
            return self._claims[c.id]
        k = self.knowledge(c)
        if not pov.knows(k.known_from):
            return None
        epoch = next(i for i, e in enumerate(k.epochs) if pov.known_by < e.known_to)
        cited = tuple(cite for cite in c.citations if pov.cites(self._sources[cite.source]))
        stored = self._claims[c.id]
        if epoch == len(k.epochs) - 1 and len(cited) == len(stored.citations):
            return stored
        key = (c.id, epoch, tuple(cite.source for cite in cited))
        out = self._as_known.get(key)
        if out is None:
            out = self._as_known[key] = dataclasses.replace(stored, valid=k.epochs[epoch].valid, citations=cited)
        return out

    def entity_as_known(self, ref: str, pov: PointOfView | None = None, **loose) -> Entity | None:
        """An actor or place as the record stood at ``known_as_of``: ``None`` for an actor not yet known.

        An actor is known once one of its own sources, or a known claim about it, was published;
        its founding, dissolution and description show only once a source reporting them was.
        """
        pov = point_of_view(pov, **loose)
        e = self._entities[self.resolve(ref)] if ref not in self._entities else self._entities[ref]
        if pov.knows_everything:
            return e
        k = self.entity_knowledge(e)
        cited = tuple(c for c in e.citations if pov.cites(self._sources[c.source]))
        description = e.description if pov.knows(k.description) else ""
        if isinstance(e, Place):
            return dataclasses.replace(e, description=description, citations=cited)
        if not pov.knows(self.entity_known_from(e.id)):
            return None
        return dataclasses.replace(e, founded=e.founded if pov.knows(k.founded) else None,
                                   dissolved=e.dissolved if pov.knows(k.dissolved) else None,
                                   description=description, citations=cited)

    def known_actors(self, pov: PointOfView | None = None, **loose) -> tuple[Actor, ...]:
        """Every actor the record knew at ``known_as_of``, as it then stood (all actors, without a cut-off)."""
        pov = point_of_view(pov, **loose)
        if pov.knows_everything:
            return self.actors
        out = (self.entity_as_known(a.id, pov) for a in self.actors)
        return tuple(a for a in out if a is not None)

    def sources_of(self, claim: Claim, known_as_of: DateLike | PointOfView | None = None) -> list[Source]:
        """The claim's sources, only those surely published by ``known_as_of`` (a date or point of view) when given."""
        out = [self._sources[s] for s in claim.source_ids]
        if known_as_of is None:
            return out
        pov = known_as_of if isinstance(known_as_of, PointOfView) else point_of_view(known_as_of=known_as_of)
        return [s for s in out if pov.cites(s)]

    def exists(self, ref: str, on: DateLike | None = None, certainty: Certainty | str | None = None, *,
               pov: PointOfView | None = None) -> bool:
        """Whether the actor existed on ``on`` (places always do), by its lifetime as then known.

        An actor the record did not know yet at ``known_as_of`` does not exist for that point of view.
        """
        pov = point_of_view(pov, as_of=on, certainty=certainty)
        e = self.entity_as_known(ref, pov)
        if isinstance(e, Place):
            return True
        if e is None:
            return False
        if pov.as_of is None:
            return True
        return pov.holds(e.existence)

    # ------------------------------------------------------------------ claims

    def claims(self, *, subject: str | None = None, object: str | None = None, actor: str | None = None,
               predicate: RelationKind | str | Iterable | None = None, subject_kind: ActorKind | str | None = None,
               object_kind: ActorKind | str | None = None, kind: ActorKind | str | None = None,
               support_type: SupportType | str | None = None, status: Status | str | None = None,
               pov: PointOfView | None = None, as_of: DateLike | None = None,
               certainty: Certainty | str | None = None, known_as_of: DateLike | None = None) -> list[Claim]:
        """Claims matching every filter given, in a stable order (start date, subject, predicate, object, id).

        Args:
            subject, object: an actor or place (id, name or alias); symmetric relations match either way round.
            actor: an entity on either side.
            predicate: a relation kind, or several.
            subject_kind, object_kind, kind: actor kinds of the subject, the object, or either side.
            support_type: only ``supports`` claims carrying this support type.
            status: confirmed, reported, alleged or disputed.
            pov: the point of view (date, reading of partial dates, knowledge cut-off); ``as_of``,
                ``certainty`` and ``known_as_of`` may be given instead, or replace its fields.

        With a knowledge cut-off, only claims the record knew then are kept, each as it then stood
        (:meth:`as_known`): a date filter reads that validity.
        """
        pov = point_of_view(pov, as_of=as_of, certainty=certainty, known_as_of=known_as_of)
        on = pov.as_of
        s_id = self.resolve(subject, on=on) if subject is not None else None
        o_id = self.resolve(object, on=on) if object is not None else None
        a_id = self.resolve(actor, on=on) if actor is not None else None
        predicates = _predicate_set(predicate)
        s_kind = parse_term(ActorKind, subject_kind) if subject_kind else None
        o_kind = parse_term(ActorKind, object_kind) if object_kind else None
        e_kind = parse_term(ActorKind, kind) if kind else None
        stype = parse_term(SupportType, support_type) if support_type else None
        st = parse_term(Status, status) if status else None
        cut = not pov.knows_everything
        dated = pov.as_of is not None
        holds = pov.holds_test()
        candidates = self._candidates(s_id, o_id, a_id, predicates)
        if dated and not cut:  # most candidates of a dated query end here
            candidates = pov.holding_claims(candidates)
        out = []
        for c in candidates:
            if predicates is not None and c.predicate not in predicates:
                continue
            if not _ends_match(c, s_id, o_id):
                continue
            if a_id is not None and not c.involves(a_id):
                continue
            if stype is not None and stype not in c.support_types:
                continue
            if st is not None and c.status is not st:
                continue
            if s_kind or o_kind or e_kind:
                sk, ok = self._kind(c.subject), self._kind(c.object)
                if s_kind and sk is not s_kind or o_kind and ok is not o_kind:
                    continue
                if e_kind and e_kind not in (sk, ok):
                    continue
            if cut:
                c = self.as_known(c, pov)
                if c is None:
                    continue
            if dated and cut and not holds(c.valid):  # as then known
                continue
            out.append(c)
        out.sort(key=claim_order)
        return out

    def relations(self, *, exact: bool = False, pov: PointOfView | None = None, as_of: DateLike | None = None,
                  certainty: Certainty | str | None = None, known_as_of: DateLike | None = None, **filters) -> list:
        """What ``actorgraph relations`` lists: the :meth:`claims` matching ``filters`` and, unless ``exact``, at the
        date the relations of the bodies that are part of a named actor, the lineage formed by then and the short
        fights of the week before (:mod:`graph.scope`); each a :class:`graph.scope.Listed`, the claim and why it
        is listed (``match``, ``part``, ``lineage``, ``episode``), in the order of :meth:`claims`. For instance
        ``g.relations(subject="russia", predicate="fights", as_of="2016-01-01")`` lists the fights of the Russian
        Armed Forces (recorded as part of Russia) as ``part``.
        """
        from graph.scope import relations_in_scope

        pov = point_of_view(pov, as_of=as_of, certainty=certainty, known_as_of=known_as_of)
        return relations_in_scope(self, filters, pov, parts=not exact)

    def holds(self, subject: str, predicate: RelationKind | str, object: str, on: DateLike,
              certainty: Certainty | str | None = None, known_as_of: DateLike | None = None, *,
              pov: PointOfView | None = None) -> bool:
        """Whether some claim ``subject predicate object`` holds on ``on``."""
        return bool(self.claims(subject=subject, predicate=predicate, object=object, pov=pov, as_of=on,
                                certainty=certainty, known_as_of=known_as_of))

    def supporters_of(self, actor: str, *, pov: PointOfView | None = None, as_of: DateLike | None = None,
                      certainty: Certainty | str | None = None,
                      known_as_of: DateLike | None = None) -> list[Claim]:
        """``supports`` claims whose object is ``actor``: who supported it (as of a date, when given)."""
        return self.claims(object=actor, predicate=RelationKind.SUPPORTS, pov=pov, as_of=as_of, certainty=certainty,
                           known_as_of=known_as_of)

    def neighbours(self, actor: str, *, predicate: RelationKind | str | Iterable | None = None,
                   direction: str = "both", pov: PointOfView | None = None, as_of: DateLike | None = None,
                   certainty: Certainty | str | None = None,
                   known_as_of: DateLike | None = None) -> list[tuple[str, Claim]]:
        """(other entity id, claim) pairs around ``actor``.

        ``direction`` is ``out`` (actor is the subject), ``in`` (actor is the object) or ``both``;
        symmetric relations count in both directions.
        """
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
        a_id = self.resolve(actor)
        out = []
        for c in self.claims(actor=a_id, predicate=predicate, pov=pov, as_of=as_of, certainty=certainty,
                             known_as_of=known_as_of):
            outgoing = c.subject == a_id
            if direction == "both" or c.symmetric or (direction == "out") == outgoing:
                out.append((c.other(a_id), c))
        return out

    # ------------------------------------------------------------------ whole-graph time slices

    def _interval_index(self) -> IntervalIndex:
        if self._index is None or len(self._index) != len(self._claims):
            claims = list(self._claims.values())
            with collector_paused():  # a million short-lived tuples would trigger full collections
                self._index = IntervalIndex(claims, self.knowledge)
        return self._index

    def holding_mask(self, when: DateLike | None = None, *, pov: PointOfView | None = None,
                     certainty: Certainty | str | None = None,
                     known_as_of: DateLike | None = None) -> tuple[IntervalIndex, np.ndarray]:
        """The interval index and the boolean mask of claims that hold ``when`` (as known at ``known_as_of``)."""
        pov = point_of_view(pov, as_of=when, certainty=certainty, known_as_of=known_as_of)
        index = self._interval_index()
        return index, pov.holding(index.columns(pov.known_by))

    def as_of(self, when: DateLike | None = None, *, pov: PointOfView | None = None,
              certainty: Certainty | str | None = None, known_as_of: DateLike | None = None) -> nx.MultiDiGraph:
        """A read-only networkx view of the graph as it stood ``when``: a view, not a copy.

        Edges are the claims that hold then; nodes are the places and the actors that existed then
        (as known at ``known_as_of``, when given).
        """
        pov = point_of_view(pov, as_of=when, certainty=certainty, known_as_of=known_as_of)
        index, mask = self.holding_mask(pov=pov)
        position, holding = index.position, mask.tolist()
        entities = self._entities

        kept: dict[str, bool] = {}

        def keep_node(n: str) -> bool:
            ok = kept.get(n)
            if ok is None:
                e = entities[n]
                ok = kept[n] = isinstance(e, Place) or (pov.knows_everything and e.founded is None and
                                                         e.dissolved is None) or self.exists(n, pov=pov)
            return ok

        def keep_key(k: str) -> bool:
            return holding[position[k]]

        from graph.snapshot import snapshot_view  # networkx, imported when first needed

        return snapshot_view(self._network(), keep_node, keep_key)

    def snapshot_claims(self, when: DateLike | None = None, *, pov: PointOfView | None = None,
                        certainty: Certainty | str | None = None,
                        known_as_of: DateLike | None = None) -> list[Claim]:
        """Every claim that holds ``when``, in the stable order of :meth:`claims` (each as then known)."""
        pov = point_of_view(pov, as_of=when, certainty=certainty, known_as_of=known_as_of)
        index, mask = self.holding_mask(pov=pov)
        return self._ordered(mask, pov)

    def between(self, start: DateLike, end: DateLike, *, pov: PointOfView | None = None,
                certainty: Certainty | str | None = None, known_as_of: DateLike | None = None) -> list[Claim]:
        """Claims that hold on at least one day from ``start`` to ``end`` (both included)."""
        pov = point_of_view(pov, certainty=certainty, known_as_of=known_as_of)
        first, last = day_span(start)[0], day_span(end)[1]
        if last < first:
            raise InvalidInterval(f"the period ends ({end}) before it starts ({start}); give the earlier date first")
        index = self._interval_index()
        return self._ordered(pov.overlap_mask(index.columns(pov.known_by), first, last), pov)

    def changes(self, start: DateLike, end: DateLike, *, pov: PointOfView | None = None,
                certainty: Certainty | str | None = None, known_as_of: DateLike | None = None) -> Changes:
        """Claims that began, and claims that ended, after ``start`` and up to ``end`` (inclusive).

        With partial dates, ``possible`` counts a change whose date may fall in the period, ``certain``
        only one whose date must. With a knowledge cut-off, an end not yet reported is no change.
        """
        pov = point_of_view(pov, certainty=certainty, known_as_of=known_as_of)
        first, last = day_span(start)[1] + 1, day_span(end)[1]
        if last < first - 1:
            raise InvalidInterval(f"the period ends ({end}) before it starts ({start}); give the earlier date first")
        columns = self._interval_index().columns(pov.known_by)
        return Changes(started=tuple(self._ordered(pov.began_mask(columns, first, last), pov)),
                       ended=tuple(self._ordered(pov.ended_mask(columns, first, last), pov)))

    def _ordered(self, mask: np.ndarray, pov: PointOfView | None = None) -> list[Claim]:
        """The claims a mask of the interval index selects, in the stable order of :meth:`claims`, as known."""
        index, claims = self._interval_index(), self._claims
        with collector_paused():  # hundreds of thousands of sort keys would trigger full collections
            out = [claims[index.ids[i]] for i in np.flatnonzero(mask).tolist()]
            if pov is not None and not pov.knows_everything:
                out = [self.as_known(c, pov) for c in out]
            out.sort(key=claim_order)
        return out

    # ------------------------------------------------------------------ for pandas, networkx tools and notebooks

    def to_pandas(self, **filters):
        """A pandas DataFrame of ``claims(**filters)``, one row per claim (see :func:`graph.frames.to_pandas`)."""
        from graph.frames import to_pandas

        return to_pandas(self, **filters)

    def to_networkx(self, as_of: DateLike | None = None, **options) -> nx.MultiDiGraph:
        """A plain graph with scalar attributes for GEXF, GraphML and other tools (:func:`graph.frames.to_networkx`)."""
        from graph.frames import to_networkx

        return to_networkx(self, as_of, **options)

    def table(self, *, pov: PointOfView | None = None, as_of: DateLike | None = None,
              certainty: Certainty | str | None = None, known_as_of: DateLike | None = None, **filters):
        """``claims(**filters)`` as a :class:`graph.frames.ClaimTable`, which a notebook shows as a table."""
        from graph.frames import ClaimTable

        pov = point_of_view(pov, as_of=as_of, certainty=certainty, known_as_of=known_as_of)
        return ClaimTable(self, tuple(self.claims(**filters, pov=pov)), pov)

    # ------------------------------------------------------------------ lineage

    def lineage(self, actor: str, *, pov: PointOfView | None = None,
                known_as_of: DateLike | None = None) -> Lineage:
        """Offshoot, successor and merger chains through ``actor``, in both directions, nearest first.

        Ancestors are what it came from (what it split from, what it renamed, what merged into it);
        descendants are what came of it. With a knowledge cut-off, only links the record knew then
        are followed.
        """
        pov = point_of_view(pov, known_as_of=known_as_of)
        root = self.resolve(actor)

        def walk(up: bool) -> tuple[LineageStep, ...]:
            steps, seen, frontier, depth = [], {root}, [root], 0
            while frontier:
                depth += 1
                nxt = []
                for node in frontier:
                    for c, other in sorted(self._lineage_links(node, up, pov), key=lambda e: claim_order(e[0])):
                        steps.append(LineageStep(depth, c))
                        if other not in seen:
                            seen.add(other)
                            nxt.append(other)
                frontier = nxt
            return tuple(steps)

        return Lineage(root, ancestors=walk(True), descendants=walk(False))

    def _lineage_links(self, node: str, up: bool, pov: PointOfView) -> list[tuple[Claim, str]]:
        """Lineage claims leading from ``node`` to its parents (``up``) or children, with the other end."""
        out = []
        for c in self._out.get(node, ()):
            if c.predicate in _LINEAGE and (c.predicate is RelationKind.MERGED_INTO) is not up:
                out.append((c, c.object))
        for c in self._in.get(node, ()):
            if c.predicate in _LINEAGE and (c.predicate is RelationKind.MERGED_INTO) is up:
                out.append((c, c.subject))
        if pov.knows_everything:
            return out
        known = ((self.as_known(c, pov), other) for c, other in out)
        return [(c, other) for c, other in known if c is not None]

    def lineage_cycles(self) -> list[list[str]]:
        """Cycles among lineage links (a group that descends from itself); empty for a sound dataset."""
        import networkx as nx

        sub = nx.DiGraph()  # parent -> child
        for c in self._claims.values():
            if c.predicate is RelationKind.MERGED_INTO:
                sub.add_edge(c.subject, c.object)
            elif c.predicate in _LINEAGE:
                sub.add_edge(c.object, c.subject)
        return [list(cycle) for cycle in nx.simple_cycles(sub)]

    # ------------------------------------------------------------------ helpers

    def _candidates(self, s_id, o_id, a_id, predicates) -> Iterable[Claim]:
        """The smallest list of claims that can contain every match: one actor's edges when one is named."""
        directed = predicates is not None and not any(p.spec.symmetric for p in predicates)
        if o_id is not None and directed:
            return self._in.get(o_id, ())
        if s_id is not None and directed:
            return self._out.get(s_id, ())
        anchor = s_id or o_id or a_id
        if anchor is None:
            if predicates is not None and len(predicates) == 1:
                return self._by_predicate.get(next(iter(predicates)), ())
            return self._claims.values()
        return [*self._out.get(anchor, ()), *self._in.get(anchor, ())]

    def _edges_of(self, entity_id: str) -> list[Claim]:
        """Every claim with ``entity_id`` at either end."""
        return [*self._out.get(entity_id, ()), *self._in.get(entity_id, ())]

    def _kind(self, entity_id: str):
        return self._entities[entity_id].kind


def _predicate_set(predicate) -> frozenset[RelationKind] | None:
    if predicate is None:
        return None
    if isinstance(predicate, (str, RelationKind)):
        return frozenset({parse_term(RelationKind, predicate)})
    return frozenset(parse_term(RelationKind, p) for p in predicate)


def _ends_match(c: Claim, s_id: str | None, o_id: str | None) -> bool:
    if s_id is None and o_id is None:
        return True
    forward = (s_id is None or c.subject == s_id) and (o_id is None or c.object == o_id)
    if forward:
        return True
    return c.symmetric and (s_id is None or c.object == s_id) and (o_id is None or c.subject == o_id)
