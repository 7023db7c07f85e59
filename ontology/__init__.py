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
    OutputRefused,
    UnknownTerm,
)
from ontology.vocabulary import (
    RELATIONS,
    ActorKind,
    Certainty,
    PlaceKind,
    RelationKind,
    RelationSpec,
    Status,
    SupportType,
    parse_term,
)

__all__ = [
    "NAMESPACE",
    "RELATIONS",
    "ActorGraphError",
    "ActorKind",
    "AmbiguousName",
    "Certainty",
    "DatasetInvalid",
    "EntityNotFound",
    "InputFileError",
    "InvalidDate",
    "InvalidInterval",
    "OutputRefused",
    "PlaceKind",
    "RelationKind",
    "RelationSpec",
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
