"""The domain values: actors, places, sources and claims.

Plain frozen dataclasses that check themselves at construction and never save themselves:
storage, loading and querying live elsewhere. A relation is a :class:`Claim`, a sourced statement,
so that several claims may link the same pair and contested ones can stand side by side.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from graph.time import Bound, Interval, PartialDate
from ontology import (
    ACTOR_PARTS,
    CLAIM_PARTS,
    PLACE_PARTS,
    ActorKind,
    Attested,
    PlaceKind,
    RelationKind,
    SourceKind,
    Status,
    SupportType,
    parse_term,
)

__all__ = ["Actor", "Citation", "Claim", "Entity", "Place", "Source", "ID_PATTERN", "claim_order"]

#: What an id may look like: lower-case ASCII letters and digits, joined by '-', '_', '.' or ':'.
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._:-]*$")


def _check_id(value: str, what: str) -> None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ValueError(
            f"{what} id {value!r} is not valid: use lower-case letters, digits and '-', '_', '.', ':' (e.g. 'hts')"
        )


_EMPTY: Mapping[str, str] = MappingProxyType({})


def _frozen_map(value: Mapping | None) -> Mapping[str, str]:
    if not value:
        return _EMPTY  # most records have none: share one empty mapping
    return MappingProxyType(dict(sorted(value.items())))


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to a conflict: a state, a government, an armed group, a person...

    >>> a = Actor("hts", "Hayat Tahrir al-Sham", ActorKind.ARMED_GROUP, aliases=("HTS",),
    ...           founded=PartialDate.parse("2017-01-28"))
    >>> a.existence.holds_on(PartialDate.parse("2016-06-01").earliest)
    False
    """

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    country: str | None = None
    founded: PartialDate | None = None
    dissolved: PartialDate | None = None
    external_ids: Mapping[str, str] = field(default_factory=dict, hash=False)
    description: str = ""
    #: sources of the actor's own record: what reports its founding, its dissolution, its description
    citations: tuple[Citation, ...] = ()

    def __post_init__(self) -> None:
        _check_id(self.id, "actor")
        object.__setattr__(self, "kind", parse_term(ActorKind, self.kind))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "external_ids", _frozen_map(self.external_ids))
        if not self.name:
            raise ValueError(f"actor {self.id!r} needs a name")
        object.__setattr__(self, "citations", _record_citations(self.citations, ACTOR_PARTS, f"actor {self.id!r}"))
        self.existence  # noqa: B018 - raises InvalidInterval when dissolved precedes founded

    @property
    def existence(self) -> Interval:
        """When the actor existed; an unknown founding or dissolution counts as open."""
        return Interval(self.founded or Bound.OPEN, self.dissolved or Bound.OPEN)

    @property
    def is_place(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class Place:
    """A country, province, city... that actors control or are based in."""

    id: str
    name: str
    kind: PlaceKind
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    country: str | None = None
    within: str | None = None
    external_ids: Mapping[str, str] = field(default_factory=dict, hash=False)
    description: str = ""
    #: sources of the place's description
    citations: tuple[Citation, ...] = ()

    def __post_init__(self) -> None:
        _check_id(self.id, "place")
        object.__setattr__(self, "citations", _record_citations(self.citations, PLACE_PARTS, f"place {self.id!r}"))
        object.__setattr__(self, "kind", parse_term(PlaceKind, self.kind))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "external_ids", _frozen_map(self.external_ids))
        if not self.name:
            raise ValueError(f"place {self.id!r} needs a name")
        object.__setattr__(self, "lat", float(self.lat))
        object.__setattr__(self, "lon", float(self.lon))
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            raise ValueError(f"place {self.id!r}: lat must be within -90..90 and lon within -180..180")

    @property
    def is_place(self) -> bool:
        return True


Entity = Actor | Place


@dataclass(frozen=True, slots=True)
class Source:
    """A published document that claims rest on; ``published`` is its knowledge time.

    ``kind`` says what sort of publisher it is (news agency, government, encyclopedia...), so a
    reader can weigh it; ``None`` when the dataset does not say.
    """

    id: str
    title: str
    publisher: str
    url: str
    published: PartialDate
    accessed: PartialDate | None = None
    language: str | None = None
    license: str | None = None
    kind: SourceKind | None = None

    def __post_init__(self) -> None:
        _check_id(self.id, "source")
        for name in ("title", "publisher", "url"):
            if not getattr(self, name):
                raise ValueError(f"source {self.id!r} needs a {name}")
        if self.kind is not None:
            object.__setattr__(self, "kind", parse_term(SourceKind, self.kind))


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to a source, with what that source states in the curator's words.

    ``attests`` names the parts of the record the source reports (a claim's ``start`` and/or
    ``end``; an actor's ``founded``, ``dissolved`` or ``description``): each part is known from the
    publication of the first source that reports it. ``None`` means the citation does not say; for a
    claim it then reports every bound that may have happened by its publication date (see
    :mod:`graph.knowledge`). ``announced`` marks a source that reported a part before it happened (a
    plan, a schedule, a forecast): only such a citation may be published before the event it attests.

    >>> Citation("s1", attests=["end", "start"]).attests
    (<Attested.START: 'start'>, <Attested.END: 'end'>)
    """

    source: str
    note: str = ""
    quote: str = ""
    attests: tuple[Attested, ...] | None = None
    announced: bool = False

    def __post_init__(self) -> None:
        if self.attests is not None:
            parts = {parse_term(Attested, p) for p in self.attests}
            object.__setattr__(self, "attests", tuple(p for p in Attested if p in parts))
        object.__setattr__(self, "announced", bool(self.announced))


def _record_citations(citations, allowed: frozenset, what: str) -> tuple[Citation, ...]:
    """An actor's or place's citations, each saying which part of the record it reports."""
    citations = tuple(citations)
    for c in citations:
        if not c.attests:
            raise ValueError(f"{what}: a source of an actor or place must say what it attests "
                             f"({', '.join(sorted(p.value for p in allowed))})")
        wrong = [p.value for p in c.attests if p not in allowed]
        if wrong:
            raise ValueError(f"{what}: a source cannot attest {', '.join(wrong)} here; "
                             f"use {', '.join(sorted(p.value for p in allowed))}")
    return citations


@dataclass(frozen=True, slots=True)
class Claim:
    """A sourced, time-scoped statement: subject predicate object, valid during ``valid``.

    >>> c = Claim("c1", "russia", RelationKind.SUPPORTS, "assad-government",
    ...           Interval.parse("2015-09-30/2024-12-08"), support_types=("troops",),
    ...           citations=(Citation("s1"),))
    >>> c.support_types, c.status
    ((<SupportType.TROOPS: 'troops'>,), <Status.CONFIRMED: 'confirmed'>)
    """

    id: str
    subject: str
    predicate: RelationKind
    object: str
    valid: Interval = field(default_factory=Interval)
    support_types: tuple[SupportType, ...] = ()
    status: Status = Status.CONFIRMED
    citations: tuple[Citation, ...] = ()
    qualifiers: Mapping[str, str] = field(default_factory=dict, hash=False)
    note: str = ""

    def __post_init__(self) -> None:
        _check_id(self.id, "claim")
        predicate = parse_term(RelationKind, self.predicate)
        object.__setattr__(self, "predicate", predicate)
        object.__setattr__(self, "status", parse_term(Status, self.status))
        if self.support_types:
            types = tuple(sorted({parse_term(SupportType, t) for t in self.support_types}, key=_support_order))
            if not predicate.spec.carries_support_types:
                raise ValueError(f"claim {self.id!r}: support types only go with 'supports', not {predicate.value!r}")
            object.__setattr__(self, "support_types", types)
        elif not isinstance(self.support_types, tuple):
            object.__setattr__(self, "support_types", ())
        if not isinstance(self.citations, tuple):
            object.__setattr__(self, "citations", tuple(self.citations))
        object.__setattr__(self, "qualifiers", _frozen_map(self.qualifiers))
        if not self.citations:
            raise ValueError(f"claim {self.id!r} needs at least one source")
        for cite in self.citations:
            wrong = [p.value for p in cite.attests or () if p not in CLAIM_PARTS]
            if wrong:
                raise ValueError(f"claim {self.id!r}: a claim's source attests its start or end, "
                                 f"not {', '.join(wrong)}")

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(c.source for c in self.citations)

    @property
    def symmetric(self) -> bool:
        return self.predicate.spec.symmetric

    def involves(self, entity_id: str) -> bool:
        return entity_id in (self.subject, self.object)

    def other(self, entity_id: str) -> str:
        """The entity at the other end from ``entity_id``."""
        return self.object if entity_id == self.subject else self.subject


_SUPPORT_ORDER = {t: i for i, t in enumerate(SupportType)}


def _support_order(t: SupportType) -> int:
    return _SUPPORT_ORDER[t]


def claim_order(claim: Claim) -> tuple:
    """The stable order in which the graph lists claims (``ActorGraph.claims``): earliest possible start,
    then subject, predicate, object and id. Answers that gather claims from several queries sort with it
    so that they read in the same order as one query would give."""
    return (claim.valid.possible_from, claim.subject, claim.predicate.value, claim.object, claim.id)
