"""The closed vocabulary: the Python enums and the OWL/RDFS Turtle file say the same thing."""

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ontology import (
    NAMESPACE,
    RELATIONS,
    ActorKind,
    PlaceKind,
    RelationKind,
    Status,
    SupportType,
    UnknownTerm,
    ontology_file,
    parse_term,
)

AG = rdflib.Namespace(NAMESPACE)


@pytest.fixture(scope="module")
def ttl():
    g = rdflib.Graph()
    g.parse(str(ontology_file()), format="turtle")
    return g


def _notations(g, of_type=None, subclass_of=None):
    out = set()
    for s, o in g.subject_objects(SKOS.notation):
        if of_type is not None and (s, RDF.type, of_type) not in g:
            continue
        if subclass_of is not None and (s, RDFS.subClassOf, subclass_of) not in g:
            continue
        out.add(str(o))
    return out


def test_actor_kinds_agree(ttl):
    assert _notations(ttl, subclass_of=AG.Actor) == {k.value for k in ActorKind}


def test_place_kinds_agree(ttl):
    assert _notations(ttl, subclass_of=AG.Place) == {k.value for k in PlaceKind}


def test_relation_kinds_agree_with_symmetry_and_range(ttl):
    declared = {str(ttl.value(p, SKOS.notation)): p for p in ttl.subjects(RDF.type, AG.RelationKind)}
    assert set(declared) == {k.value for k in RelationKind}
    for kind, prop in declared.items():
        spec = RELATIONS[RelationKind(kind)]
        assert ((prop, RDF.type, OWL.SymmetricProperty) in ttl) == spec.symmetric, kind
        assert ttl.value(prop, RDFS.range) == (AG.Place if spec.object_is_place else AG.Actor), kind
        assert str(ttl.value(prop, RDFS.label)) == spec.label


def test_support_types_and_statuses_agree(ttl):
    assert _notations(ttl, of_type=AG.SupportType) == {t.value for t in SupportType}
    assert _notations(ttl, of_type=AG.Status) == {s.value for s in Status}


def test_every_relation_kind_has_a_spec():
    assert set(RELATIONS) == set(RelationKind)
    for kind, spec in RELATIONS.items():
        assert spec.kind is kind and spec.subject_kinds and spec.object_kinds
        assert spec.object_is_place == (spec.object_kinds <= set(PlaceKind))


def test_misspelt_terms_fail_loudly_with_a_suggestion():
    with pytest.raises(UnknownTerm, match="did you mean 'training_expertise'"):
        parse_term(SupportType, "training_expertize")
    with pytest.raises(UnknownTerm, match="Valid: confirmed, reported, alleged, disputed"):
        parse_term(Status, "xyz")
    with pytest.raises(ValueError):
        parse_term(ActorKind, "warlord")


def test_source_kinds_and_attested_parts_agree(ttl):
    from ontology import Attested, SourceKind

    assert _notations(ttl, of_type=AG.SourceKind) == {k.value for k in SourceKind}
    assert _notations(ttl, of_type=AG.AttestedPart) == {p.value for p in Attested}
