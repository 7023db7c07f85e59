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

import networkx as nx
import numpy as np

from graph.bulk import collector_paused
from graph.index import IntervalIndex
from graph.integrity import claim_problems
from graph.model import Actor, Claim, Entity, Place, Source
from graph.names import NameIndex
from graph.snapshot import snapshot_view
from graph.time import FAR_FUTURE, FAR_PAST, PartialDate, day_span
from ontology import (
    ActorKind,
    Certainty,
    DatasetInvalid,
    EntityNotFound,
    InvalidInterval,
    RelationKind,
    Status,
    SupportType,
    parse_term,
)

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


def _claim_order(c: Claim):
    return (c.valid.possible_from, c.subject, c.predicate.value, c.object, c.id)


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
        self._known: dict[str, tuple[int, int]] = {}
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

        for c in claims:
            if c.id in self._claims or c.id in seen:
                problems.append(f"duplicate claim id {c.id!r}")
            seen.add(c.id)
            problems.extend(f"claim {c.id!r} {field}: {msg}" for field, msg in claim_problems(c, entity, source_exists))
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
        if claim.predicate.spec.lineage:  # splits, renamings and mergers happen at the edge of a lifetime
            return claim
        first, last = FAR_PAST, FAR_FUTURE
        for side in (claim.subject, claim.object):
            actor = entity(side)
            if not isinstance(actor, Actor):
                continue
            if actor.founded is not None:
                first = max(first, actor.founded.first_day)
            if actor.dissolved is not None and not (side == claim.object and claim.predicate.spec.outlives_object):
                last = min(last, actor.dissolved.last_day)
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
        sources, known, all_claims = self._sources, self._known, self._claims
        out, into, by_predicate = self._out, self._in, self._by_predicate
        known_by_citations: dict[int, tuple[int, int]] = {}  # keyed by id(): claims often share one tuple
        for c in claims:
            all_claims[c.id] = c
            out[c.subject].append(c)
            into[c.object].append(c)
            by_predicate[c.predicate].append(c)
            k = known_by_citations.get(id(c.citations))
            if k is None:
                published = [sources[cite.source].published for cite in c.citations]
                k = known_by_citations[id(c.citations)] = (min(p.first_day for p in published),
                                                           min(p.last_day for p in published))
            known[c.id] = k
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
            g = nx.MultiDiGraph()
            g.add_nodes_from(self._entities)
            _add_claim_edges(g, list(self._claims.values()))
            self._g = g
        return self._g

    # ------------------------------------------------------------------ lookups

    @property
    def nx(self) -> nx.MultiDiGraph:
        """A read-only view of the underlying networkx graph (edge attribute ``claim``)."""
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

    def resolve(self, ref: str, *, places: bool | None = None) -> str:
        """The id of the actor or place called ``ref`` (id, name or alias, any case).

        Raises:
            EntityNotFound: nothing has that name (the message suggests the closest names).
            AmbiguousName: several entities share it (the message lists them).
        """
        return self._names.resolve(ref, places=places)

    def named(self, ref: str, *, places: bool | None = None) -> list[str]:
        """Ids of every actor or place whose id, name or alias is ``ref`` (any case): no error, no suggestions.

        For matching many outside names, where :meth:`resolve`'s "did you mean" search would cost more
        than the lookup itself.
        """
        return self._names.candidates(ref, places=places)

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

    # ------------------------------------------------------------------ time

    def known_from(self, claim: Claim, certainty: Certainty | str = Certainty.POSSIBLE) -> int:
        """The first day (ordinal) on which a source of ``claim`` had been published."""
        kp, kc = self._known[claim.id]
        return kc if _certainty(certainty) is Certainty.CERTAIN else kp

    def is_known(self, claim: Claim, known_as_of: DateLike | None, certainty=Certainty.POSSIBLE) -> bool:
        """Whether some source of the claim was published by ``known_as_of`` (its last day)."""
        if known_as_of is None:
            return True
        return self.known_from(claim, certainty) <= day_span(known_as_of)[1]

    def sources_of(self, claim: Claim, known_as_of: DateLike | None = None,
                   certainty=Certainty.POSSIBLE) -> list[Source]:
        """The claim's sources, restricted to those published by ``known_as_of`` when given."""
        out = [self._sources[s] for s in claim.source_ids]
        if known_as_of is None:
            return out
        last = day_span(known_as_of)[1]
        certain = _certainty(certainty) is Certainty.CERTAIN
        return [s for s in out if (s.published.last_day if certain else s.published.first_day) <= last]

    def exists(self, ref: str, on: DateLike, certainty: Certainty | str = Certainty.POSSIBLE) -> bool:
        """Whether the actor existed on ``on`` (places always do)."""
        e = self.entity(ref)
        if isinstance(e, Place):
            return True
        first, last = day_span(on)
        return e.existence.holds_during(first, last, _certainty(certainty))

    # ------------------------------------------------------------------ claims

    def claims(self, *, subject: str | None = None, object: str | None = None, actor: str | None = None,
               predicate: RelationKind | str | Iterable | None = None, subject_kind: ActorKind | str | None = None,
               object_kind: ActorKind | str | None = None, kind: ActorKind | str | None = None,
               support_type: SupportType | str | None = None, status: Status | str | None = None,
               as_of: DateLike | None = None, certainty: Certainty | str = Certainty.POSSIBLE,
               known_as_of: DateLike | None = None) -> list[Claim]:
        """Claims matching every filter given, in a stable order (start date, subject, predicate, object, id).

        Args:
            subject, object: an actor or place (id, name or alias); symmetric relations match either way round.
            actor: an entity on either side.
            predicate: a relation kind, or several.
            subject_kind, object_kind, kind: actor kinds of the subject, the object, or either side.
            support_type: only ``supports`` claims carrying this support type.
            status: confirmed, reported, alleged or disputed.
            as_of: a date (partial dates are spans); keeps claims that hold then under ``certainty``.
            known_as_of: keeps claims with a source published by then.
        """
        certain = _certainty(certainty) is Certainty.CERTAIN
        s_id = self.resolve(subject) if subject is not None else None
        o_id = self.resolve(object) if object is not None else None
        a_id = self.resolve(actor) if actor is not None else None
        predicates = _predicate_set(predicate)
        first, last = day_span(as_of) if as_of is not None else (None, None)
        known_last = day_span(known_as_of)[1] if known_as_of is not None else None
        s_kind = parse_term(ActorKind, subject_kind) if subject_kind else None
        o_kind = parse_term(ActorKind, object_kind) if object_kind else None
        e_kind = parse_term(ActorKind, kind) if kind else None
        stype = parse_term(SupportType, support_type) if support_type else None
        st = parse_term(Status, status) if status else None
        candidates = self._candidates(s_id, o_id, a_id, predicates)
        out = []
        for c in candidates:
            if predicates is not None and c.predicate not in predicates:
                continue
            if not _ends_match(c, s_id, o_id):
                continue
            if a_id is not None and not c.involves(a_id):
                continue
            if first is not None:
                v = c.valid
                if certain:
                    if not (v.certain_from <= first and last < v.certain_to):
                        continue
                elif not (v.possible_from <= last and first < v.possible_to):
                    continue
            if known_last is not None and self._known[c.id][1 if certain else 0] > known_last:
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
            out.append(c)
        out.sort(key=_claim_order)
        return out

    def holds(self, subject: str, predicate: RelationKind | str, object: str, on: DateLike,
              certainty: Certainty | str = Certainty.POSSIBLE, known_as_of: DateLike | None = None) -> bool:
        """Whether some claim ``subject predicate object`` holds on ``on``."""
        return bool(self.claims(subject=subject, predicate=predicate, object=object, as_of=on,
                                certainty=certainty, known_as_of=known_as_of))

    def supporters_of(self, actor: str, *, as_of: DateLike | None = None,
                      certainty: Certainty | str = Certainty.POSSIBLE,
                      known_as_of: DateLike | None = None) -> list[Claim]:
        """``supports`` claims whose object is ``actor``: who supported it (as of a date, when given)."""
        return self.claims(object=actor, predicate=RelationKind.SUPPORTS, as_of=as_of, certainty=certainty,
                           known_as_of=known_as_of)

    def neighbours(self, actor: str, *, predicate: RelationKind | str | Iterable | None = None,
                   direction: str = "both", as_of: DateLike | None = None,
                   certainty: Certainty | str = Certainty.POSSIBLE,
                   known_as_of: DateLike | None = None) -> list[tuple[str, Claim]]:
        """(other entity id, claim) pairs around ``actor``.

        ``direction`` is ``out`` (actor is the subject), ``in`` (actor is the object) or ``both``;
        symmetric relations count in both directions.
        """
        if direction not in ("out", "in", "both"):
            raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
        a_id = self.resolve(actor)
        out = []
        for c in self.claims(actor=a_id, predicate=predicate, as_of=as_of, certainty=certainty,
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
                self._index = IntervalIndex(claims, lambda c: self._known[c.id])
        return self._index

    def holding_mask(self, when: DateLike, *, certainty: Certainty | str = Certainty.POSSIBLE,
                     known_as_of: DateLike | None = None) -> tuple[IntervalIndex, np.ndarray]:
        """The interval index and the boolean mask of claims that hold ``when``."""
        index = self._interval_index()
        first, last = day_span(when)
        known_by = day_span(known_as_of)[1] if known_as_of is not None else FAR_FUTURE
        return index, index.holding(first, last, certain=_certainty(certainty) is Certainty.CERTAIN,
                                    known_by=known_by)

    def as_of(self, when: DateLike, *, certainty: Certainty | str = Certainty.POSSIBLE,
              known_as_of: DateLike | None = None) -> nx.MultiDiGraph:
        """A read-only networkx view of the graph as it stood ``when``: a view, not a copy.

        Edges are the claims that hold then; nodes are the places and the actors that existed then.
        """
        index, mask = self.holding_mask(when, certainty=certainty, known_as_of=known_as_of)
        position, holding = index.position, mask.tolist()
        first, last = day_span(when)
        cert = _certainty(certainty)
        entities = self._entities

        kept: dict[str, bool] = {}

        def keep_node(n: str) -> bool:
            ok = kept.get(n)
            if ok is None:
                e = entities[n]
                ok = kept[n] = isinstance(e, Place) or (e.founded is None and e.dissolved is None) or \
                    e.existence.holds_during(first, last, cert)
            return ok

        def keep_key(k: str) -> bool:
            return holding[position[k]]

        return snapshot_view(self._network(), keep_node, keep_key)

    def snapshot_claims(self, when: DateLike, *, certainty: Certainty | str = Certainty.POSSIBLE,
                        known_as_of: DateLike | None = None) -> list[Claim]:
        """Every claim that holds ``when``, in the stable order of :meth:`claims`."""
        index, mask = self.holding_mask(when, certainty=certainty, known_as_of=known_as_of)
        return self._ordered(mask)

    def between(self, start: DateLike, end: DateLike, *, certainty: Certainty | str = Certainty.POSSIBLE,
                known_as_of: DateLike | None = None) -> list[Claim]:
        """Claims that hold on at least one day from ``start`` to ``end`` (both included)."""
        first, last = day_span(start)[0], day_span(end)[1]
        if last < first:
            raise InvalidInterval(f"the period ends ({end}) before it starts ({start}); give the earlier date first")
        index = self._interval_index()
        certain = _certainty(certainty) is Certainty.CERTAIN
        lo, hi = (index.certain_from, index.certain_to) if certain else (index.possible_from, index.possible_to)
        mask = (lo <= last) & (hi > first) & (lo < hi)
        if known_as_of is not None:
            mask &= (index.known_certain if certain else index.known_possible) <= day_span(known_as_of)[1]
        return self._ordered(mask)

    def changes(self, start: DateLike, end: DateLike, *, certainty: Certainty | str = Certainty.POSSIBLE,
                known_as_of: DateLike | None = None) -> Changes:
        """Claims that began, and claims that ended, after ``start`` and up to ``end`` (inclusive).

        With partial dates, ``possible`` counts a change whose date may fall in the period, ``certain``
        only one whose date must.
        """
        first, last = day_span(start)[1] + 1, day_span(end)[1]
        if last < first - 1:
            raise InvalidInterval(f"the period ends ({end}) before it starts ({start}); give the earlier date first")
        index = self._interval_index()
        certain = _certainty(certainty) is Certainty.CERTAIN
        known = np.ones(len(index), dtype=bool)
        if known_as_of is not None:
            known = (index.known_certain if certain else index.known_possible) <= day_span(known_as_of)[1]
        started = index.starts_within(first, last, certain=certain) & known
        ended = index.ends_within(first, last, certain=certain) & known
        return Changes(started=tuple(self._ordered(started)), ended=tuple(self._ordered(ended)))

    def _ordered(self, mask: np.ndarray) -> list[Claim]:
        """The claims a mask of the interval index selects, in the stable order of :meth:`claims`."""
        index, claims = self._interval_index(), self._claims
        with collector_paused():  # hundreds of thousands of sort keys would trigger full collections
            out = [claims[index.ids[i]] for i in np.flatnonzero(mask).tolist()]
            out.sort(key=_claim_order)
        return out

    # ------------------------------------------------------------------ lineage

    def lineage(self, actor: str) -> Lineage:
        """Offshoot, successor and merger chains through ``actor``, in both directions, nearest first.

        Ancestors are what it came from (what it split from, what it renamed, what merged into it);
        descendants are what came of it.
        """
        root = self.resolve(actor)

        def walk(up: bool) -> tuple[LineageStep, ...]:
            steps, seen, frontier, depth = [], {root}, [root], 0
            while frontier:
                depth += 1
                nxt = []
                for node in frontier:
                    for c, other in sorted(self._lineage_links(node, up), key=lambda e: _claim_order(e[0])):
                        steps.append(LineageStep(depth, c))
                        if other not in seen:
                            seen.add(other)
                            nxt.append(other)
                frontier = nxt
            return tuple(steps)

        return Lineage(root, ancestors=walk(True), descendants=walk(False))

    def _lineage_links(self, node: str, up: bool) -> list[tuple[Claim, str]]:
        """Lineage claims leading from ``node`` to its parents (``up``) or children, with the other end."""
        out = []
        for c in self._out.get(node, ()):
            if c.predicate in _LINEAGE and (c.predicate is RelationKind.MERGED_INTO) is not up:
                out.append((c, c.object))
        for c in self._in.get(node, ()):
            if c.predicate in _LINEAGE and (c.predicate is RelationKind.MERGED_INTO) is up:
                out.append((c, c.subject))
        return out

    def lineage_cycles(self) -> list[list[str]]:
        """Cycles among lineage links (a group that descends from itself); empty for a sound dataset."""
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
