"""The in-memory actor graph: names, filters, time slices, changes, lineage, knowledge time."""

from datetime import date

import networkx as nx
import pytest

from graph import Actor, ActorGraph, PartialDate, Place
from ontology import AmbiguousName, DatasetInvalid, EntityNotFound
from tests.graph.helpers import claim, small_graph, source


@pytest.fixture(scope="module")
def g():
    return small_graph()


def ids(claims):
    return sorted(c.id for c in claims)


# ---------------------------------------------------------------- names

@pytest.mark.parametrize("name", ["gov", "Central Government", "central government", "THE REGIME", "the regime"])
def test_resolves_by_id_name_or_alias_in_any_case(g, name):
    assert g.resolve(name, places=False) == "gov"


def test_ambiguous_name_lists_candidates():
    h = ActorGraph()
    h.add(actors=[Actor("a1", "Alpha", "state", aliases=("Twin",)), Actor("a2", "Beta", "state", aliases=("twin",))])
    with pytest.raises(AmbiguousName) as err:
        h.resolve("TWIN")
    assert err.value.candidates == (("a1", "Alpha"), ("a2", "Beta"))
    assert "a1 (Alpha)" in str(err.value) and "a2 (Beta)" in str(err.value)
    assert h.resolve("a2") == "a2"  # an exact id is never ambiguous


def test_a_name_handed_from_one_actor_to_the_next_resolves_by_date():
    h = ActorGraph()
    h.add(actors=[Actor("old", "Old Regime", "government", aliases=("the government",),
                        founded=PartialDate.parse("2000"), dissolved=PartialDate.parse("2024-12-08")),
                  Actor("new", "New Authority", "government", aliases=("the government",),
                        founded=PartialDate.parse("2024-12-08"))],
          places=[Place("cap", "Capital", "city", 33.5, 36.3)],
          sources=[source("s1")],
          claims=[claim("c-old", "old", "controls", "cap", "2016/2024-12-08", sources=("s1",))])
    assert h.resolve("the government", on="2016-05-01") == "old"
    assert h.resolve("the government", on="2025") == "new"
    assert h.resolve("the government", on="2024-12-08") == "new"  # the old one's end is exclusive
    with pytest.raises(AmbiguousName) as err:  # December 2024 holds days of both
        h.resolve("the government", on="2024-12")
    assert "different times" not in str(err.value)
    with pytest.raises(AmbiguousName) as err:  # no date: the message says a date would pick one
        h.resolve("the government")
    assert "different times" in str(err.value)
    assert [c.id for c in h.claims(subject="the government", as_of="2024-12-01")] == ["c-old"]


def test_actors_alive_together_stay_ambiguous_whatever_the_date():
    h = ActorGraph()
    h.add(actors=[Actor("a1", "Alpha", "state", aliases=("Twin",)), Actor("a2", "Beta", "state", aliases=("twin",))])
    with pytest.raises(AmbiguousName) as err:
        h.resolve("Twin", on="2016")
    assert "different times" not in str(err.value)


def test_actor_and_place_sharing_a_name_resolve_by_context(g):
    assert g.resolve("Gov") == "gov"  # the actor is preferred when both share a name
    assert g.resolve("Gov", places=True) == "cap"


def test_unknown_name_suggests_the_closest(g):
    with pytest.raises(EntityNotFound) as err:
        g.resolve("Northlnd")
    assert "Northland" in err.value.suggestions
    assert isinstance(err.value, KeyError)


# ---------------------------------------------------------------- filters

def test_supporters_as_of_a_day(g):
    assert ids(g.supporters_of("gov", as_of="2016-06-01")) == ["c1"]
    assert ids(g.supporters_of("gov", as_of="2013-06-01")) == ["c2"]
    assert g.supporters_of("gov", as_of="2024-12-08") == []


def test_several_claims_between_the_same_pair_stand_side_by_side(g):
    pair = g.claims(subject="south", object="gov")
    assert ids(pair) == ["c14", "c2", "c3"]
    assert ids(g.claims(subject="south", object="gov", as_of="2013")) == ["c2"]
    assert ids(g.claims(subject="south", object="gov", as_of="2016-12-15")) == ["c14", "c3"]


def test_filters_by_predicate_support_type_status_and_kind(g):
    assert ids(g.claims(support_type="funding")) == ["c2"]
    assert ids(g.claims(status="alleged")) == ["c11"]
    assert ids(g.claims(predicate=["controls", "leads"])) == ["c10", "c13", "c9"]
    assert ids(g.claims(subject_kind="person")) == ["c13"]
    assert ids(g.claims(kind="coalition")) == ["c12"]
    assert ids(g.claims(object_kind="armed_group", predicate="supports")) == ["c11"]


def test_symmetric_relations_match_either_way_round(g):
    assert ids(g.claims(subject="gov", predicate="fights")) == ["c4"]
    assert ids(g.claims(object="front", predicate="fights")) == ["c4"]
    assert ids(g.claims(subject="gov", predicate="supports")) == []  # supports is directed


def test_actor_filter_takes_either_side(g):
    assert ids(g.claims(actor="front")) == ["c11", "c4", "c5", "c8"]


def test_certain_reading_excludes_what_partial_dates_leave_open(g):
    assert ids(g.claims(subject="south", object="gov", as_of="2015-03-01")) == ["c3"]
    assert g.claims(subject="south", object="gov", as_of="2015-03-01", certainty="certain") == []
    assert ids(g.claims(subject="south", object="gov", as_of="2016-03-01", certainty="certain")) == ["c3"]


def test_known_as_of_restricts_to_published_sources(g):
    assert ids(g.claims(subject="south", known_as_of="2018-12-31")) == []
    assert ids(g.claims(subject="south", known_as_of="2019-05-31")) == ["c11", "c14", "c2", "c3"]
    assert ids(g.claims(subject="south", known_as_of="2019-05-15", certainty="certain")) == []
    c4 = g.claim("c4")
    assert [s.id for s in g.sources_of(c4, "2020")] == ["s1"]
    assert [s.id for s in g.sources_of(c4)] == ["s1", "s3"]


def test_holds_and_exists(g):
    assert g.holds("north", "supports", "gov", "2020-01-01")
    assert not g.holds("north", "supports", "gov", "2024-12-08")
    assert not g.exists("league", "2016-06-01") and g.exists("league", "2017-01-28")
    assert g.exists("front2", "2017-01-27") and not g.exists("front2", "2017-01-28")
    assert g.exists("cap", "1900")


def test_neighbours_by_direction(g):
    out = g.neighbours("south", predicate="supports", direction="out")
    assert sorted(o for o, _ in out) == ["front", "gov", "gov"]
    assert g.neighbours("south", predicate="supports", direction="in") == []
    assert [o for o, _ in g.neighbours("gov", predicate="fights", direction="out")] == ["front"]


# ---------------------------------------------------------------- time slices

def test_as_of_is_a_networkx_view_of_what_holds(g):
    view = g.as_of("2016-06-01")
    assert isinstance(view, nx.MultiDiGraph)
    keys = sorted(k for _, _, k in view.edges(keys=True))
    assert keys == sorted(c.id for c in g.all_claims() if c.valid.holds_on(date(2016, 6, 1)))
    assert "league" not in view.nodes  # not founded yet
    assert "cap" in view.nodes
    with pytest.raises(nx.NetworkXError):
        view.add_edge("a", "b")


def test_snapshot_claims_agree_with_the_per_claim_rule(g):
    for day in ["2011-06-01", "2014-12-31", "2016-12-15", "2024-12-07", "2024-12-08", "2030-01-01"]:
        d = date.fromisoformat(day)
        for certainty in ("possible", "certain"):
            expected = sorted(c.id for c in g.all_claims() if c.valid.holds_on(d, certainty))
            assert ids(g.snapshot_claims(day, certainty=certainty)) == expected


def test_between_keeps_claims_holding_on_some_day_of_the_period(g):
    assert "c2" in ids(g.between("2014-06-01", "2014-07-01"))
    assert "c2" not in ids(g.between("2015-01-01", "2015-02-01"))
    with pytest.raises(ValueError, match="ends"):
        g.between("2015", "2014")


def test_changes_between_two_dates(g):
    ch = g.changes("2024-12-01", "2024-12-10")
    assert ids(ch.started) == ["c10"]
    assert ids(ch.ended) == ["c1", "c13", "c9"]
    yearly = g.changes("2013-12-31", "2014-12-31")
    assert "c2" in ids(yearly.ended)                  # ended in 2014
    assert "c2" not in ids(g.changes("2013-12-31", "2014-06-30", certainty="certain").ended)
    assert "c12" in ids(yearly.started)


# ---------------------------------------------------------------- lineage

def test_lineage_in_both_directions(g):
    # front offshoot_of base; front2 successor_of front; front2 merged_into league; splinter offshoot_of league
    league = g.lineage("Renewal League")
    assert [(s.depth, s.claim.id) for s in league.ancestors] == [(1, "c6"), (2, "c5"), (3, "c8")]
    assert [(s.depth, s.claim.id) for s in league.descendants] == [(1, "c7")]
    front2 = g.lineage("front2")
    assert [(s.depth, s.claim.id) for s in front2.ancestors] == [(1, "c5"), (2, "c8")]
    assert [(s.depth, s.claim.id) for s in front2.descendants] == [(1, "c6"), (2, "c7")]
    assert g.lineage_cycles() == []


def test_lineage_cycles_are_found():
    g = small_graph()
    g.add(claims=[claim("loop", "base", "successor_of", "splinter", "2019/..")])
    assert any(set(cycle) >= {"base", "splinter"} for cycle in g.lineage_cycles())


# ---------------------------------------------------------------- building

def test_add_is_all_or_nothing():
    g = small_graph()
    before = len(g)
    with pytest.raises(DatasetInvalid) as err:
        g.add(actors=[Actor("newbie", "Newbie", "armed_group")],
              claims=[claim("x1", "newbie", "supports", "gov", "2020/.."),
                      claim("x2", "newbie", "controls", "gov", "2020/..")])
    assert "links an actor to a place" in str(err.value)
    assert len(g) == before and "newbie" not in g
    with pytest.raises(EntityNotFound):
        g.resolve("Newbie")


def test_duplicate_ids_are_refused():
    g = small_graph()
    with pytest.raises(DatasetInvalid, match="duplicate"):
        g.add(actors=[Actor("north", "Again", "state")])
    with pytest.raises(DatasetInvalid, match="duplicate"):
        g.add(sources=[source("s1")])


def test_an_unknown_end_cannot_run_past_a_dissolution():
    g = small_graph()
    g.add(actors=[Actor("gone", "Gone Group", "armed_group", founded=PartialDate.parse("2010"),
                        dissolved=PartialDate.parse("2020-03-01"))],
          claims=[claim("u1", "south", "supports", "gone", "2013/"), claim("u2", "south", "opposes", "gone", "/2019")])
    assert g.holds("south", "supports", "gone", "2019-06-01")
    assert not g.holds("south", "supports", "gone", "2020-03-01")   # the group no longer exists
    assert g.claim("u1").valid.edtf == "2013/"                       # the record's words are kept
    assert not g.holds("south", "opposes", "gone", "2009-06-01")     # nor before it was founded
    assert g.holds("south", "opposes", "gone", "2010-06-01")
    assert [c.id for c in g.snapshot_claims("2021")] == [c.id for c in g.claims(as_of="2021")]
    assert "u1" not in {c.id for c in g.snapshot_claims("2021")}


def test_claim_edges_are_those_networkx_would_build():
    g = small_graph()
    reference = nx.MultiDiGraph()
    reference.add_nodes_from(g.nx.nodes)
    reference.add_edges_from((c.subject, c.object, c.id, {"claim": c}) for c in g.all_claims())
    assert sorted(g.nx.edges(keys=True, data="claim"), key=lambda e: e[2]) == \
        sorted(reference.edges(keys=True, data="claim"), key=lambda e: e[2])
    assert sorted(g.nx.in_edges("gov", keys=True)) == sorted(reference.in_edges("gov", keys=True))
    assert g.nx.number_of_edges("south", "gov") == 3 and nx.utils.graphs_equal(g.nx, reference)
