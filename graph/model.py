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
from ontology import ActorKind, PlaceKind, RelationKind, Status, SupportType, parse_term

__all__ = ["Actor", "Citation", "Claim", "Entity", "Place", "Source", "ID_PATTERN"]

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

    def __post_init__(self) -> None:
        _check_id(self.id, "actor")
        object.__setattr__(self, "kind", parse_term(ActorKind, self.kind))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "external_ids", _frozen_map(self.external_ids))
        if not self.name:
            raise ValueError(f"actor {self.id!r} needs a name")
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

    def __post_init__(self) -> None:
        _check_id(self.id, "place")
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
    """A published document that claims rest on; ``published`` is its knowledge time."""

    id: str
    title: str
    publisher: str
    url: str
    published: PartialDate
    accessed: PartialDate | None = None
    language: str | None = None
    license: str | None = None

    def __post_init__(self) -> None:
        _check_id(self.id, "source")
        for name in ("title", "publisher", "url"):
            if not getattr(self, name):
                raise ValueError(f"source {self.id!r} needs a {name}")


@dataclass(frozen=True, slots=True)
class Citation:
    """A claim's reference to a source, with what that source states in the curator's words."""

    source: str
    note: str = ""
    quote: str = ""


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
