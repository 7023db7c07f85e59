"""Colours and labels shared by every picture-making export, so a kind looks the same everywhere.

Actor kinds colour nodes, relation kinds colour edges; places share one colour and differ by shape.
The hues were picked to stay apart from each other on a white background.
"""

from __future__ import annotations

from ontology import ActorKind, RelationKind

__all__ = ["ACTOR_COLOURS", "PLACE_COLOUR", "RELATION_COLOURS", "node_colour", "relation_colour", "rgb"]

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

RELATION_COLOURS: dict[RelationKind, str] = {
    RelationKind.SUPPORTS: "#2b8a3e",
    RelationKind.OPPOSES: "#e8590c",
    RelationKind.FIGHTS: "#c92a2a",
    RelationKind.ALLIED_WITH: "#1971c2",
    RelationKind.OFFSHOOT_OF: "#862e9c",
    RelationKind.SUCCESSOR_OF: "#5f3dc4",
    RelationKind.MERGED_INTO: "#a61e4d",
    RelationKind.MEMBER_OF: "#0b7285",
    RelationKind.PART_OF: "#5c940d",
    RelationKind.LEADS: "#f08c00",
    RelationKind.DESIGNATES_TERRORIST: "#212529",
    RelationKind.CONTROLS: "#868e96",
    RelationKind.BASED_IN: "#adb5bd",
}


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
