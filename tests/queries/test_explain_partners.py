"""A backer that fights a member of a side is a tension of that side, not one of its partners."""

import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from queries.explain import Explainer
from tests.queries.randomgraph import random_graph


def _graph() -> ActorGraph:
    """Two allied groups hold a province; a neighbour backs one of them and fights the other."""
    g = ActorGraph()
    g.add(
        actors=[Actor("kurds", "Kurdish forces", "armed_group", country="SYR"),
                Actor("rebels", "Rebels", "armed_group", country="SYR"),
                Actor("gov", "Government", "government", country="SYR"),
                Actor("ally", "Northern Neighbour", "state", country="TUR"),
                Actor("far", "Far Power", "state", country="USA")],
        places=[Place("land", "Land", "country", 35, 38, country="SYR"),
                Place("north", "North", "province", 36.5, 38, country="SYR", within="land")],
        sources=[Source("s", "Report", "Agency", "https://example.org/r", PartialDate.parse("2019-01-01"))],
        claims=[Claim(cid, a, p, b, Interval.parse("2018-01/2019-01"), support_types=t, citations=(Citation("s"),))
                for cid, a, p, b, t in [
                    ("k-n", "kurds", "controls", "north", ()),
                    ("r-n", "rebels", "controls", "north", ()),
                    ("g-n", "gov", "controls", "north", ()),
                    ("k-g", "kurds", "fights", "gov", ()),
                    ("r-g", "rebels", "fights", "gov", ()),
                    ("k-r", "kurds", "allied_with", "rebels", ()),
                    ("far-k", "far", "supports", "kurds", ("weapons",)),
                    ("far-r", "far", "supports", "rebels", ("weapons",)),
                    ("a-r", "ally", "supports", "rebels", ("troops",)),
                    ("a-k", "ally", "fights", "kurds", ()),
                ]])
    return g


def _assert_no_hostile_partner(graph, e) -> None:
    fighting = {frozenset((c.subject, c.object)) for c in graph.claims(predicate="fights", as_of=e.as_of)}
    for camp in e.camps:
        for p in camp.partners:
            assert not any(frozenset((p, m)) in fighting for m in camp.members), (e.as_of, p, camp)


def test_a_backer_fighting_a_member_is_a_tension_not_a_partner():
    graph = _graph()
    e = Explainer(graph).explain("Who is fighting in North?", as_of="2018-06-01")
    _assert_no_hostile_partner(graph, e)
    side = next(c for c in e.camps if "kurds" in c.members)
    assert "rebels" in side.members and "far" in side.partners and "ally" not in side.partners
    assert "a-r" in {t.claim for t in e.tensions}  # its backing of the rebels goes against the sides


@pytest.mark.parametrize("seed", range(1, 9))
def test_no_side_lists_a_partner_that_fights_one_of_its_members(seed):
    graph = random_graph(seed)
    explainer = Explainer(graph)
    for place in graph.places:
        for day in ("2012-06-01", "2014-03-15", "2016-01-01"):
            _assert_no_hostile_partner(graph, explainer.explain(f"Who is fighting in {place.name}?", as_of=day))
