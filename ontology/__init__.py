"""The vocabulary of actorgraph: what kinds of actors, places and relations exist.

This package imports nothing else from actorgraph; everything else builds on it.
``ontology/actorgraph.ttl`` is the same vocabulary in OWL/RDFS, ``ontology/shapes.ttl`` its SHACL shapes.
"""

from importlib import resources as _resources

from ontology.errors import (
    ActorGraphError,
    AmbiguousName,
    DatasetInvalid,
    EntityNotFound,
    InputFileError,
    InvalidDate,
    InvalidInterval,
    NotYetKnown,
    OutputRefused,
    UnknownTerm,
)
from ontology.vocabulary import (
    ACTOR_PARTS,
    CLAIM_PARTS,
    PLACE_PARTS,
    RELATIONS,
    ActorKind,
    Attested,
    Certainty,
    PlaceKind,
    RelationKind,
    RelationSpec,
    SourceKind,
    Status,
    SupportType,
    parse_term,
)

__all__ = [
    "ACTOR_PARTS",
    "CLAIM_PARTS",
    "NAMESPACE",
    "PLACE_PARTS",
    "RELATIONS",
    "ActorGraphError",
    "ActorKind",
    "AmbiguousName",
    "Attested",
    "Certainty",
    "DatasetInvalid",
    "EntityNotFound",
    "InputFileError",
    "InvalidDate",
    "InvalidInterval",
    "NotYetKnown",
    "OutputRefused",
    "PlaceKind",
    "RelationKind",
    "RelationSpec",
    "SourceKind",
    "Status",
    "SupportType",
    "UnknownTerm",
    "ontology_file",
    "parse_term",
    "shapes_file",
]

#: The namespace of actorgraph's own RDF terms (vocabulary and data).
NAMESPACE = "https://w3id.org/actorgraph/ns#"


def ontology_file():
    """Path-like of the OWL/RDFS Turtle file that declares the vocabulary."""
    return _resources.files(__name__).joinpath("actorgraph.ttl")


def shapes_file():
    """Path-like of the SHACL shapes that RDF exports of a graph conform to."""
    return _resources.files(__name__).joinpath("shapes.ttl")
