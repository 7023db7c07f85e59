"""The three faults of 'Who is fighting in PLACE?' that CORPUS.md section 4 found, on small synthetic graphs.

1. a fight fought in another country made its parties a side (Turkey's war with the PKK);
2. a foreign force's base made it a fighting member (Russia's naval facility at Tartus in 2013);
3. an umbrella's memberships outvoted its own support (the coalition against IS, January 2019);
and that fights between two actors backed by one patron split them (the US, the FSA and the SDF, 2016).
"""

from __future__ import annotations

import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from loaders import read_dataset
from queries.explain import Explainer
from queries.explain.scope import war_scope

DAY = "2019-01-23"


def _graph(actors, claims, places=()) -> ActorGraph:
    """A graph over Land (a country with a North and an East province) and Home, a neighbouring country."""
    g = ActorGraph()
    g.add(actors=[Actor(i, name, kind, country=country) for i, name, kind, country in actors],
          places=[Place("land", "Land", "country", 35, 38, country="LND"),
                  Place("north", "North", "province", 36.5, 38, country="LND", within="land"),
                  Place("east", "East", "province", 35, 40, country="LND", within="land"),
                  Place("home", "Home", "country", 39, 35, country="HOM"), *places],
          sources=[Source("s", "Report", "Agency", "https://example.org/r", PartialDate.parse("2019-01-01"))],
          claims=[Claim(cid, a, p, b, Interval.parse("2018-06/2019-06"), support_types=(("weapons",) if p == "supports"
                                                                                     else ()),
                        qualifiers=q, citations=(Citation("s"),))
                  for cid, a, p, b, *rest in claims for q in [rest[0] if rest else {}]])
    return g


def _sides(graph, question="Who is fighting in Land?"):
    return Explainer(graph).explain(question, as_of=DAY)


def _camp(e, actor):
    """The number of the side an actor is on (as a member or a backer), or None."""
    return next((c.number for c in e.camps if actor in c.members or actor in c.partners), None)


def _members(e) -> set[str]:
    return {m for c in e.camps for m in c.members}


# --- 1. theatre ----------------------------------------------------------------------------------------------

_WAR = [("gov", "Government", "government", "LND"), ("rebels", "Rebels", "armed_group", "LND"),
        ("neighbour", "Neighbour", "state", "HOM"), ("insurgents", "Insurgents", "armed_group", "HOM")]


def _theatre_graph(theatre: dict):
    return _graph(_WAR, [("g-n", "gov", "controls", "north"), ("r-n", "rebels", "controls", "north"),
                         ("n-n", "neighbour", "controls", "north"), ("r-g", "rebels", "fights", "gov"),
                         ("n-r", "neighbour", "supports", "rebels"),
                         ("n-i", "neighbour", "fights", "insurgents", theatre)])


def test_a_fight_fought_in_another_country_makes_no_side():
    e = _sides(_theatre_graph({"theatre": "home"}))
    assert "insurgents" not in _members(e) and _camp(e, "insurgents") is None
    assert _camp(e, "neighbour") == _camp(e, "rebels") != _camp(e, "gov")
    assert "n-i" not in {c for s in e.sections if s.key != "recent" for x in s.sentences for c in x.claims}


def test_a_fight_with_no_theatre_keeps_counting_everywhere():
    assert "insurgents" in _members(_sides(_theatre_graph({})))


@pytest.mark.parametrize("theatre", ["land", "north", "home, north"])
def test_a_fight_whose_theatre_lies_in_or_around_the_place_counts(theatre):
    graph = _theatre_graph({"theatre": theatre})
    assert "insurgents" in _members(_sides(graph))
    scope = war_scope(graph, "land", graph.snapshot_claims(DAY))
    assert scope.elsewhere == frozenset() and "n-i" in scope.grounds["insurgents"]


def test_a_theatre_enclosing_a_province_counts_for_the_province_and_one_elsewhere_does_not():
    graph = _theatre_graph({"theatre": "land"})
    assert "n-i" not in war_scope(graph, "north", graph.snapshot_claims(DAY)).elsewhere
    graph = _theatre_graph({"theatre": "east"})
    assert war_scope(graph, "north", graph.snapshot_claims(DAY)).elsewhere == {"n-i"}


def _yaml(tmp_path, theatre: str):
    (tmp_path / "d.yaml").write_text(f"""\
actors:
  - {{id: turkey, name: Turkey, kind: state, country: TUR}}
  - {{id: pkk, name: PKK, kind: armed_group}}
places:
  - {{id: tur, name: Turkey, kind: country, lat: "39", lon: "35", country: TUR}}
  - {{id: irq, name: Iraq, kind: country, lat: "33", lon: "44", country: IRQ}}
sources:
  - {{id: s1, title: Report, publisher: Agency, url: "https://example.org/r", published: "2018-06-17"}}
claims:
  - id: turkey-fights-pkk
    subject: turkey
    predicate: fights
    object: pkk
    valid: 1984/..
    qualifiers: {{theatre: {theatre}}}
    sources: [s1]
""", encoding="utf-8")
    return read_dataset([tmp_path])


def test_a_theatre_list_loads_as_place_ids(tmp_path):
    ds = _yaml(tmp_path, "[tur, irq]")
    assert ds.ok, ds.problems
    [claim] = ds.claims
    assert claim.qualifiers["theatre"] == "tur, irq"


@pytest.mark.parametrize("theatre,wrong", [("[tur, iraq]", "'iraq' is no place id"),
                                          ("pkk", "'pkk' is an actor")])
def test_a_theatre_that_names_no_place_is_an_error_with_file_and_line(tmp_path, theatre, wrong):
    ds = _yaml(tmp_path, theatre)
    [problem] = ds.problems
    assert problem.file.endswith("d.yaml") and problem.line == 15 and problem.field == "qualifiers"
    assert wrong in problem.message and "places" in problem.message


def test_a_theatre_on_a_claim_that_is_not_a_fight_is_a_warning(tmp_path):
    _yaml(tmp_path, "tur")
    path = tmp_path / "d.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("predicate: fights", "predicate: opposes"),
                    encoding="utf-8")
    ds = read_dataset([tmp_path])
    assert ds.ok and any("'theatre' is read only on 'fights'" in w.message for w in ds.warnings)


# --- 2. basing is not fighting -------------------------------------------------------------------------------

_BASES = [("gov", "Government", "government", "LND"), ("rebels", "Rebels", "armed_group", "LND"),
          ("patron", "Patron", "state", "FAR"), ("navy", "Patron's navy", "armed_forces", "FAR"),
          ("militia", "Local militia", "militia", "LND"), ("guests", "Guest force", "armed_forces", "OTH")]


def test_a_foreign_base_makes_a_backer_not_a_member():
    graph = _graph(_BASES, [("g-n", "gov", "controls", "north"), ("r-n", "rebels", "controls", "north"),
                            ("r-g", "rebels", "fights", "gov"), ("p-g", "patron", "supports", "gov"),
                            ("nv-p", "navy", "part_of", "patron"), ("nv-b", "navy", "based_in", "north"),
                            ("m-b", "militia", "based_in", "north"), ("m-g", "militia", "allied_with", "gov"),
                            ("gu-b", "guests", "based_in", "east")])
    e = _sides(graph)
    side = next(c for c in e.camps if "gov" in c.members)
    assert "navy" not in side.members and "navy" in side.partners  # based, tied to the patron: a backer
    assert "militia" in side.members  # a local force's home ground is ground it holds
    assert "guests" not in _members(e)
    present = next(s for s in e.sections if s.key == "present")
    assert any("gu-b" in x.claims for x in present.sentences)  # based, tied to no one: present
    assert any("nv-b" in x.claims for s in e.sections if s.key == f"side-{side.number}" for x in s.sentences)


def test_a_foreign_force_that_fights_there_is_a_member():
    graph = _graph(_BASES, [("g-n", "gov", "controls", "north"), ("r-n", "rebels", "controls", "north"),
                            ("r-g", "rebels", "fights", "gov"), ("nv-b", "navy", "based_in", "north"),
                            ("nv-r", "navy", "fights", "rebels")])
    assert "navy" in _members(_sides(graph))


# --- 3. an umbrella's memberships against its own direct support ---------------------------------------------

def _coalition_graph():
    states = [(f"s{i}", f"State {i}", "state", f"S{i}") for i in range(4)]
    actors = [("turk", "Turkey", "state", "TUR"), ("rebels", "Rebels", "armed_group", "LND"),
              ("sdf", "SDF", "armed_group", "LND"), ("isis", "IS", "armed_group", None),
              ("coal", "Coalition", "coalition", None), ("usa", "USA", "state", "USA"), *states]
    claims = [("t-n", "turk", "controls", "north"), ("r-n", "rebels", "controls", "north"),
              ("d-e", "sdf", "controls", "east"), ("i-e", "isis", "controls", "east"),
              ("d-i", "sdf", "fights", "isis"), ("c-i", "coal", "fights", "isis"),
              ("t-d", "turk", "opposes", "sdf"), ("t-r", "turk", "supports", "rebels"),
              ("r-i", "rebels", "fights", "isis"), ("r-d", "rebels", "fights", "sdf"),
              ("c-d", "coal", "supports", "sdf"), ("u-c", "usa", "member_of", "coal"),
              ("u-d", "usa", "supports", "sdf")]
    for i in range(4):  # four members, each backing the rebels Turkey backs
        claims += [(f"s{i}-c", f"s{i}", "member_of", "coal"), (f"s{i}-r", f"s{i}", "supports", "rebels")]
    return _graph(actors, claims)


def test_memberships_do_not_pull_an_umbrella_away_from_its_own_partner():
    e = _sides(_coalition_graph())
    assert _camp(e, "coal") == _camp(e, "sdf") == _camp(e, "usa")
    assert _camp(e, "turk") == _camp(e, "rebels") != _camp(e, "sdf")
    assert {"s0-c", "s1-c", "s2-c", "s3-c"} <= {t.claim for t in e.tensions}  # members elsewhere: tensions


def test_an_umbrella_that_fights_its_partner_keeps_its_members():
    """The SDF signed an agreement with Damascus in March 2025 while still fighting it: its units stay with it."""
    actors = [("gov", "Government", "government", "LND"), ("sdf", "SDF", "coalition", "LND"),
              ("ypg", "YPG", "armed_group", "LND"), ("ypj", "YPJ", "armed_group", "LND")]
    graph = _graph(actors, [("g-n", "gov", "controls", "north"), ("d-e", "sdf", "controls", "east"),
                            ("y-d", "ypg", "member_of", "sdf"), ("j-d", "ypj", "member_of", "sdf"),
                            ("d-g", "sdf", "allied_with", "gov"), ("d-g2", "sdf", "fights", "gov"),
                            ("y-g", "ypg", "fights", "gov")])
    e = _sides(graph)
    assert _camp(e, "sdf") == _camp(e, "ypg") == _camp(e, "ypj") != _camp(e, "gov")
    assert {t.claim for t in e.tensions} == {"d-g"}


def test_a_partner_that_fights_a_member_is_a_tension_not_a_partner():
    graph = _coalition_graph()
    graph.add(claims=[Claim("c-r", "coal", "fights", "rebels", Interval.parse("2018-06/2019-06"),
                            citations=(Citation("s"),))])
    e = _sides(graph)
    side = next(c for c in e.camps if "rebels" in c.members)
    assert "coal" not in side.members and "coal" not in side.partners
    assert "c-r" not in {t.claim for t in e.tensions}  # the fight is between sides, as it should be


# --- 2016: one patron, two clients that fight each other -----------------------------------------------------

def _patron_graph(*, clients_fight: bool):
    actors = [("gov", "Government", "government", "LND"), ("fsa", "FSA", "armed_group", "LND"),
              ("sdf", "SDF", "armed_group", "LND"), ("ypg", "YPG", "armed_group", "LND"),
              ("usa", "USA", "state", "USA"), ("turk", "Turkey", "state", "TUR")]
    claims = [("g-n", "gov", "controls", "north"), ("f-n", "fsa", "controls", "north"),
              ("d-e", "sdf", "controls", "east"), ("y-d", "ypg", "member_of", "sdf"),
              ("f-g", "fsa", "fights", "gov"), ("d-g", "sdf", "fights", "gov"),
              ("u-f", "usa", "supports", "fsa"), ("u-d", "usa", "supports", "sdf"), ("t-f", "turk", "supports", "fsa"),
              ("u-t", "usa", "allied_with", "turk")]
    if clients_fight:
        claims += [("f-d", "fsa", "fights", "sdf"), ("t-y", "turk", "fights", "ypg", {"theatre": "north"})]
    return _graph(actors, claims)


def test_fights_between_two_clients_of_one_patron_split_them():
    e = _sides(_patron_graph(clients_fight=True))
    assert _camp(e, "fsa") != _camp(e, "sdf") and _camp(e, "turk") == _camp(e, "fsa")
    assert _camp(e, "gov") not in (_camp(e, "fsa"), _camp(e, "sdf"))
    assert {"u-d", "u-f"} & {t.claim for t in e.tensions}  # the patron backs both: one tie goes against the sides


def test_without_a_fight_between_them_one_patron_joins_its_clients():
    e = _sides(_patron_graph(clients_fight=False))
    assert _camp(e, "fsa") == _camp(e, "sdf")
