"""The area a place question covers: a place and what lies inside it, or a compass part of a place.

Two readings make place questions answer what a reader means rather than what a name matches:

- A city that gives its name to the province around it (Idlib in Idlib Governorate, Aleppo in
  Aleppo Governorate) stands, in "who is fighting in Idlib?", for the province: reports of
  "fighting in Idlib" are about the province, and the city alone rarely holds both sides of a
  front. The answer says so in a note. The reading is found from the names alone (an enclosing
  place whose name or an alias is the city's name followed by more words), so it holds for any
  place in any dataset.
- "the north-east (of PLACE)" is the part of PLACE whose places lie in that direction from PLACE's
  own coordinates (within 45 degrees of the bearing), with everything inside them. Without a place,
  the country holding the most places of the graph is meant.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from graph.names import fold_name
from graph.places import enclosing, places_within
from ontology import PlaceKind

__all__ = ["COMPASS", "Area", "area_of", "compass_area", "default_country", "find_compass", "question_area"]

#: Compass directions and their bearings in degrees (north 0, east 90).
COMPASS = {"north": 0, "north-east": 45, "east": 90, "south-east": 135, "south": 180, "south-west": 225,
           "west": 270, "north-west": 315}
_SECTOR = 45.0 + 1e-9  # half the width of a direction's sector: a place due east is both east and north-east

# "the north-east", "north-eastern", "northeast", "the north east of", "North-East" ...
_COMPASS_RE = re.compile(
    r"\b(?:the\s+)?(?P<ns>north|south)?(?:[\s-]?(?P<ew>east|west))?(?:ern)?(?:\s+(?:part\s+)?of(?:\s+the)?)?\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Area:
    """What a place question is about.

    ``place`` is the place the answer is anchored to (for a compass area, the place it is a part of);
    ``places`` every place the area covers; ``country`` the country code when the area is a whole
    country (a country's own actors count as present); ``reading`` a note that says how the
    question's words were read, empty when they meant just the place named.
    """

    place: str
    name: str
    places: frozenset[str]
    country: str | None = None
    reading: str = ""

    def to_data(self, graph) -> dict:
        """The area as JSON-ready data: the anchor place, the name used, every place covered, the reading."""
        return {"place": self.place, "name": self.name,
                "places": [{"id": p, "name": graph.get(p).name} for p in sorted(self.places)],
                "reading": self.reading or None}


def area_of(graph, place_id: str, *, widen: bool = True) -> Area:
    """The area of ``place_id``; with ``widen``, a city named like the province around it means the province."""
    place = graph.get(place_id)
    if widen and place.kind in (PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.DISTRICT):
        for outer_id in enclosing(graph, place_id):
            outer = graph.get(outer_id)
            if outer.kind is PlaceKind.COUNTRY:
                break
            if _named_after(place, outer):
                area = area_of(graph, outer_id, widen=False)
                return Area(area.place, area.name, area.places, area.country,
                            f"{place.name} is read as {outer.name}, which contains the {place.kind.value} of "
                            f"{place.name} and bears its name; ask \"Who controls {place.name}?\" for the "
                            f"{place.kind.value} alone.")
    country = place.country if place.kind is PlaceKind.COUNTRY else None
    return Area(place_id, place.name, places_within(graph, place_id), country)


def question_area(graph, question, *, widen: bool = True) -> Area:
    """The area a parsed place question is about (its first entity, or a compass part of it)."""
    if question.compass:
        return compass_area(graph, question.compass, question.entities[0])
    return area_of(graph, question.entities[0], widen=widen)


def _named_after(inner, outer) -> bool:
    """Whether ``outer``'s name or an alias is ``inner``'s name (or an alias) followed by more words."""
    inner_names = {fold_name(n) for n in (inner.name, *inner.aliases)}
    for text in (outer.name, *outer.aliases):
        folded = fold_name(text)
        if any(folded.startswith(n + " ") for n in inner_names if n):
            return True
    return False


def default_country(graph) -> str | None:
    """The country with the most places inside it (ties: the first id), or None when there is none."""
    countries = [p for p in graph.places if p.kind is PlaceKind.COUNTRY]
    if not countries:
        return None
    return min(countries, key=lambda p: (-len(places_within(graph, p.id)), p.id)).id


def compass_area(graph, direction: str, place_id: str) -> Area:
    """The places of ``place_id`` that lie towards ``direction`` from its coordinates, and all inside them.

    >>> from graph import ActorGraph, Place
    >>> g = ActorGraph()
    >>> g.add(places=[Place("c", "Country", "country", 35.0, 38.0),
    ...               Place("ne", "Upper East", "province", 36.5, 40.0, within="c"),
    ...               Place("t", "Town", "town", 36.6, 39.0, within="ne"),
    ...               Place("sw", "Lower West", "province", 33.0, 36.0, within="c")])
    >>> a = compass_area(g, "north-east", "c")
    >>> a.name, sorted(a.places)
    ('the north-east of Country', ['ne', 't'])
    """
    bearing = COMPASS[direction]
    centre = graph.get(place_id)
    scale = math.cos(math.radians(centre.lat))
    chosen = []
    for pid in sorted(places_within(graph, place_id) - {place_id}):
        p = graph.get(pid)
        dx, dy = (p.lon - centre.lon) * scale, p.lat - centre.lat
        if dx == 0 and dy == 0:
            continue
        angle = math.degrees(math.atan2(dx, dy)) % 360
        if abs((angle - bearing + 180) % 360 - 180) <= _SECTOR:
            chosen.append(pid)
    top = [pid for pid in chosen if not set(enclosing(graph, pid)) & set(chosen)]
    covered = frozenset().union(*(places_within(graph, pid) for pid in top)) if top else frozenset()
    name = f"the {direction} of {centre.name}"
    listed = ", ".join(graph.get(pid).name for pid in top) or "no place"
    return Area(place_id, name, covered, None,
                f"{name[0].upper()}{name[1:]} is read as the places that lie {direction} of {centre.name}'s "
                f"centre ({centre.lat:.2f}, {centre.lon:.2f}) within 45 degrees, and what lies inside them: "
                f"{listed}.")


def find_compass(text: str) -> tuple[str, int, int] | None:
    """A compass phrase in a question: (direction, start, end of the phrase), or None.

    >>> text = "Who is fighting in the north-east of Syria?"
    >>> direction, start, end = find_compass(text)
    >>> direction, text[:start] + text[end:]
    ('north-east', 'Who is fighting in Syria?')
    >>> find_compass("Who is fighting in northeastern Syria in 2019?")[0]
    'north-east'
    >>> find_compass("Who supports the SDF?") is None
    True
    """
    for m in _COMPASS_RE.finditer(text):
        ns, ew = m.group("ns"), m.group("ew")
        if ns or ew:
            end = m.end()
            while end < len(text) and text[end] == " ":
                end += 1
            return "-".join(w.lower() for w in (ns, ew) if w), m.start(), end
    return None
