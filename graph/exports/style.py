"""Colours and labels shared by every picture-making export, so a kind looks the same everywhere.

Actor kinds colour nodes, relation kinds colour edges (by family); places share one colour and differ
by shape. The hues stay apart from each other on a white background: ``tests/graph/test_style.py``
checks the colour difference (CIE76 in Lab) between every pair.
"""

from __future__ import annotations

from ontology import ActorKind, RelationKind

__all__ = ["ACTOR_COLOURS", "PLACE_COLOUR", "RELATION_COLOURS", "RELATION_FAMILIES", "node_colour", "relation_colour",
           "relation_family", "rgb"]

ACTOR_COLOURS: dict[ActorKind, str] = {
    ActorKind.STATE: "#1f77b4",
    ActorKind.GOVERNMENT: "#d62728",
    ActorKind.ARMED_FORCES: "#8c564b",
    ActorKind.ARMED_GROUP: "#2ca02c",
    ActorKind.MILITIA: "#bcbd22",
    ActorKind.COALITION: "#17becf",
    ActorKind.POLITICAL_ORGANISATION: "#9467bd",
    ActorKind.INTERNATIONAL_ORGANISATION: "#e377c2",
    ActorKind.PERSON: "#ff7f0e",
}

PLACE_COLOUR = "#7f7f7f"

#: Relation kinds fall into eight families, one clearly different colour each (a reader tells eight
#: hues apart at a glance, not thirteen); within a family the legend names the kinds. None is an
#: actor kind's colour, so an edge is never mistaken for a node.
RELATION_FAMILIES: dict[str, tuple[str, tuple[RelationKind, ...]]] = {
    "fights": ("#e31a1c", (RelationKind.FIGHTS,)),
    "opposes": ("#fd8d3c", (RelationKind.OPPOSES,)),
    "supports": ("#33a02c", (RelationKind.SUPPORTS,)),
    "allied with": ("#1f78b4", (RelationKind.ALLIED_WITH,)),
    "member, part or leader": ("#6a3d9a", (RelationKind.MEMBER_OF, RelationKind.PART_OF, RelationKind.LEADS)),
    "lineage": ("#a6761d", (RelationKind.OFFSHOOT_OF, RelationKind.SUCCESSOR_OF, RelationKind.MERGED_INTO)),
    "designates as terrorist": ("#000000", (RelationKind.DESIGNATES_TERRORIST,)),
    "controls or based in": ("#969696", (RelationKind.CONTROLS, RelationKind.BASED_IN)),
}

RELATION_COLOURS: dict[RelationKind, str] = {k: colour for colour, kinds in RELATION_FAMILIES.values() for k in kinds}


def relation_family(kind: RelationKind) -> str:
    """The name of the colour family of a relation kind (the legend's entry)."""
    return next(name for name, (_, kinds) in RELATION_FAMILIES.items() if kind in kinds)


def node_colour(entity) -> str:
    """The fill colour of an actor (by kind) or a place."""
    return PLACE_COLOUR if entity.is_place else ACTOR_COLOURS[entity.kind]


def relation_colour(kind: RelationKind) -> str:
    return RELATION_COLOURS[kind]


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as three 0-255 integers.

    >>> rgb("#1f77b4")
    (31, 119, 180)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
