"""Place lineage: what lies inside a place and what encloses it, on a hand-built tree and on the corpus."""

from __future__ import annotations

from graph import ActorGraph, Place
from graph.places import enclosing, places_within
from loaders import bundled_dataset, load_datasets


def _tree() -> ActorGraph:
    g = ActorGraph()
    g.add(places=[Place("land", "Land", "country", 0, 0, country="LND"),
                  Place("north", "North Province", "province", 1, 0, within="land"),
                  Place("district", "Hill District", "district", 1, 1, within="north"),
                  Place("village", "Village", "town", 1, 2, within="district"),
                  Place("south", "South Province", "province", -1, 0, within="land"),
                  Place("abroad", "Abroad", "country", 5, 5)])
    return g


def test_within_follows_every_level_and_nothing_else():
    g = _tree()
    assert places_within(g, "land") == {"land", "north", "district", "village", "south"}
    assert places_within(g, "north") == {"north", "district", "village"}
    assert places_within(g, "village") == {"village"}
    assert places_within(g, "abroad") == {"abroad"}


def test_enclosing_goes_up_nearest_first():
    g = _tree()
    assert enclosing(g, "village") == ("district", "north", "land")
    assert enclosing(g, "land") == ()


def test_the_corpus_nests_its_towns_in_provinces_in_syria():
    g = load_datasets([bundled_dataset("syria")])
    inside = places_within(g, "syr")
    assert {"idlib-governorate", "idlib", "khan-shaykhun", "aleppo", "qamishli"} <= inside
    assert "tur" not in inside and "irq" not in inside
    assert enclosing(g, "khan-shaykhun") == ("idlib-governorate", "syr")
