"""The closed vocabulary: kinds of actors and places, relation kinds, support types, statuses.

Declared once here and mirrored term for term by ``actorgraph.ttl`` (a test proves the two agree).
A misspelt term fails loudly through :func:`parse_term` instead of becoming a new, silent category.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TypeVar

from ontology.errors import UnknownTerm

__all__ = [
    "ActorKind",
    "Attested",
    "Certainty",
    "PlaceKind",
    "RELATIONS",
    "RelationKind",
    "RelationSpec",
    "SourceKind",
    "Status",
    "SupportType",
    "parse_term",
]


class ActorKind(StrEnum):
    """What sort of actor an entity is."""

    STATE = "state"
    GOVERNMENT = "government"
    ARMED_FORCES = "armed_forces"
    ARMED_GROUP = "armed_group"
    MILITIA = "militia"
    COALITION = "coalition"
    POLITICAL_ORGANISATION = "political_organisation"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    PERSON = "person"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class PlaceKind(StrEnum):
    """What sort of place an entity is."""

    COUNTRY = "country"
    REGION = "region"
    PROVINCE = "province"
    DISTRICT = "district"
    CITY = "city"
    TOWN = "town"

    @property
    def label(self) -> str:
        return self.value


class SupportType(StrEnum):
    """How one actor supports another.

    The first ten follow the UCDP External Support Dataset's categories; ``political`` and
    ``diplomatic`` are added because much support in the record is of that kind and UCDP does not code it.
    """

    TROOPS = "troops"
    ACCESS_TO_TERRITORY = "access_to_territory"
    ACCESS_TO_INFRASTRUCTURE = "access_to_infrastructure"
    WEAPONS = "weapons"
    MATERIEL_LOGISTICS = "materiel_logistics"
    TRAINING_EXPERTISE = "training_expertise"
    FUNDING = "funding"
    INTELLIGENCE = "intelligence"
    OTHER = "other"
    UNKNOWN = "unknown"
    POLITICAL = "political"
    DIPLOMATIC = "diplomatic"

    @property
    def label(self) -> str:
        return {
            "materiel_logistics": "materiel and logistics",
            "training_expertise": "training and expertise",
        }.get(self.value, self.value.replace("_", " "))


class Status(StrEnum):
    """How firmly the record states a claim."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    ALLEGED = "alleged"
    DISPUTED = "disputed"


class Attested(StrEnum):
    """Which part of a record a citation reports: its knowledge time is the source's publication.

    A claim's citation reports its ``start`` and/or its ``end``; an actor's citation reports its
    ``founded`` or ``dissolved`` date or the facts its ``description`` states (a place's, only its
    description). A relation reported begun in 2014 and reported over in 2019 has two knowledge times.
    """

    START = "start"
    END = "end"
    FOUNDED = "founded"
    DISSOLVED = "dissolved"
    DESCRIPTION = "description"


#: The parts each kind of record may cite a source for.
CLAIM_PARTS = frozenset({Attested.START, Attested.END})
ACTOR_PARTS = frozenset({Attested.FOUNDED, Attested.DISSOLVED, Attested.DESCRIPTION})
PLACE_PARTS = frozenset({Attested.DESCRIPTION})


class SourceKind(StrEnum):
    """What sort of publisher a source is, so that a reader can weigh it."""

    NEWS_AGENCY = "news_agency"
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    MAGAZINE = "magazine"
    GOVERNMENT = "government"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    NGO = "ngo"
    RESEARCH = "research"
    ENCYCLOPEDIA = "encyclopedia"
    DATASET = "dataset"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Certainty(StrEnum):
    """The two readings of "holds as of D" when dates are partial.

    ``possible``: the claim may hold on D given what its dates leave open (the default).
    ``certain``: the claim holds on D whatever the exact days behind its partial dates turn out to be.
    """

    POSSIBLE = "possible"
    CERTAIN = "certain"


class RelationKind(StrEnum):
    """The closed set of relation kinds a claim can assert."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    FIGHTS = "fights"
    ALLIED_WITH = "allied_with"
    OFFSHOOT_OF = "offshoot_of"
    SUCCESSOR_OF = "successor_of"
    MERGED_INTO = "merged_into"
    MEMBER_OF = "member_of"
    PART_OF = "part_of"
    LEADS = "leads"
    DESIGNATES_TERRORIST = "designates_terrorist"
    CONTROLS = "controls"
    BASED_IN = "based_in"

    @property
    def spec(self) -> RelationSpec:
        return RELATIONS[self]


_ALL_ACTORS = frozenset(ActorKind)
_ORGANISATIONS = _ALL_ACTORS - {ActorKind.PERSON}
_ALL_PLACES = frozenset(PlaceKind)


@dataclass(frozen=True, slots=True)
class RelationSpec:
    """What a relation kind means and which entities it may link.

    ``symmetric`` relations are stored once per pair and read the same in both directions.
    ``object_kinds`` holds place kinds for relations whose object is a place.
    """

    kind: RelationKind
    label: str
    inverse_label: str
    symmetric: bool
    subject_kinds: frozenset
    object_kinds: frozenset
    object_is_place: bool = False
    carries_support_types: bool = False
    lineage: bool = False
    outlives_object: bool = False  # may hold after the object is dissolved (a listing outlives the group)
    description: str = ""


def _spec(kind, label, inverse, subjects, objects, **options) -> tuple[RelationKind, RelationSpec]:
    return kind, RelationSpec(kind, label, inverse, subject_kinds=frozenset(subjects),
                              object_kinds=frozenset(objects), **options)


RELATIONS: dict[RelationKind, RelationSpec] = dict([
    _spec(RelationKind.SUPPORTS, "supports", "is supported by", _ALL_ACTORS, _ALL_ACTORS,
          symmetric=False, carries_support_types=True,
          description="gives material, military, political or diplomatic support to"),
    _spec(RelationKind.OPPOSES, "opposes", "is opposed by", _ALL_ACTORS, _ALL_ACTORS,
          symmetric=False, description="is politically or diplomatically opposed to"),
    _spec(RelationKind.FIGHTS, "fights", "fights", _ORGANISATIONS, _ORGANISATIONS,
          symmetric=True, description="is engaged in armed hostilities with"),
    _spec(RelationKind.ALLIED_WITH, "is allied with", "is allied with", _ALL_ACTORS, _ALL_ACTORS,
          symmetric=True, description="is in an alliance or open partnership with"),
    _spec(RelationKind.OFFSHOOT_OF, "is an offshoot of", "has the offshoot", _ORGANISATIONS, _ORGANISATIONS,
          symmetric=False, lineage=True, description="split from, or was founded as a branch of"),
    _spec(RelationKind.SUCCESSOR_OF, "is the successor of", "was succeeded by", _ORGANISATIONS, _ORGANISATIONS,
          symmetric=False, lineage=True, description="is the renamed or reorganised form of"),
    _spec(RelationKind.MERGED_INTO, "merged into", "absorbed", _ORGANISATIONS, _ORGANISATIONS,
          symmetric=False, lineage=True, description="ceased as a separate body by joining"),
    _spec(RelationKind.MEMBER_OF, "is a member of", "has the member", _ALL_ACTORS,
          {ActorKind.COALITION, ActorKind.INTERNATIONAL_ORGANISATION, ActorKind.POLITICAL_ORGANISATION,
           ActorKind.ARMED_GROUP, ActorKind.MILITIA},
          symmetric=False, description="belongs to the coalition, umbrella or organisation"),
    _spec(RelationKind.PART_OF, "is part of", "includes", _ORGANISATIONS, _ORGANISATIONS,
          symmetric=False, description="is an institutional component of"),
    _spec(RelationKind.LEADS, "leads", "is led by", {ActorKind.PERSON}, _ORGANISATIONS,
          symmetric=False, description="is the leader of"),
    _spec(RelationKind.DESIGNATES_TERRORIST, "designates as terrorist", "is designated as terrorist by",
          {ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.INTERNATIONAL_ORGANISATION},
          _ALL_ACTORS - {ActorKind.INTERNATIONAL_ORGANISATION},
          symmetric=False, outlives_object=True,
          description="lists as a terrorist organisation or person"),
    _spec(RelationKind.CONTROLS, "controls", "is controlled by", _ORGANISATIONS, _ALL_PLACES,
          symmetric=False, object_is_place=True, description="holds territorial control of"),
    _spec(RelationKind.BASED_IN, "is based in", "is the base of", _ALL_ACTORS, _ALL_PLACES,
          symmetric=False, object_is_place=True, description="has its headquarters or main base in"),
])

E = TypeVar("E", bound=Enum)


def parse_term(enum: type[E], value: object) -> E:
    """Turn a vocabulary word into its enum member, or fail with the closest valid words.

    >>> parse_term(RelationKind, "supports")
    <RelationKind.SUPPORTS: 'supports'>
    >>> parse_term(RelationKind, "suports")
    Traceback (most recent call last):
    ...
    ontology.errors.UnknownTerm: 'suports' is not a relation kind; did you mean 'supports'? Valid: ...
    """
    if isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        valid = [m.value for m in enum]
        close = difflib.get_close_matches(str(value), valid, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else "."
        name = _ENUM_NAMES.get(enum, enum.__name__)
        raise UnknownTerm(f"{value!r} is not {name}{hint} Valid: {', '.join(valid)}") from None


_ENUM_NAMES = {
    ActorKind: "an actor kind",
    PlaceKind: "a place kind",
    RelationKind: "a relation kind",
    SupportType: "a support type",
    Status: "a status",
    Certainty: "a certainty (possible or certain)",
    Attested: "a part a citation can attest",
    SourceKind: "a source kind",
}
