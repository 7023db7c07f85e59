"""Place-scoped questions: a place covers what lies inside it, a city named like its province means the
province, and "the north-east" is a compass part of a country; checked on an invented world and on the corpus."""

from __future__ import annotations

import json

import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from loaders import bundled_dataset, load_datasets
from queries.explain import Explainer, render
from queries.explain.areas import area_of, compass_area, default_country, find_compass
from queries.reference import REFERENCE


def _world() -> ActorGraph:
    """Ostland: Harbour (a city) in Harbour Province, Mill Town in the east, Fort in the far south-west."""
    g = ActorGraph()
    src = Source("s1", "Report", "Wire", "https://example.org/r", PartialDate.parse("2020-01"))

    def claim(cid, s, p, o, valid="2019/2021"):
        return Claim(cid, s, p, o, Interval.parse(valid), citations=(Citation("s1"),))

    g.add(actors=[Actor("guards", "Harbour Guards", "armed_group"), Actor("raiders", "Sea Raiders", "armed_group"),
                  Actor("army", "Ostland Army", "armed_forces", country="OST"),
                  Actor("rebels", "Hill Rebels", "armed_group"), Actor("far", "Far Legion", "armed_group"),
                  Actor("millers", "Mill Militia", "militia")],
          places=[Place("ost", "Ostland", "country", 40.0, 20.0, country="OST"),
                  Place("harbour-province", "Harbour Province", "province", 41.5, 20.9, country="OST",
                        within="ost", aliases=("Harbour Governorate",)),
                  Place("harbour", "Harbour", "city", 41.6, 20.8, country="OST", within="harbour-province"),
                  Place("cove", "Cove", "town", 41.4, 21.0, country="OST", within="harbour-province"),
                  Place("mill", "Mill Town", "town", 40.1, 22.5, country="OST", within="ost"),
                  Place("fort", "Fort", "town", 38.0, 18.0, country="OST", within="ost")],
          sources=[src],
          claims=[claim("guards-hold-harbour", "guards", "controls", "harbour"),
                  claim("raiders-at-cove", "raiders", "based_in", "cove"),
                  claim("raiders-fight-guards", "raiders", "fights", "guards"),
                  claim("army-holds-fort", "army", "controls", "fort"),
                  claim("rebels-fight-army", "rebels", "fights", "army"),
                  claim("far-fights-guards", "far", "fights", "guards"),
                  claim("millers-hold-mill", "millers", "controls", "mill"),
                  claim("millers-fight-far", "millers", "fights", "far", "2019/2019-06")])
    return g


def fought(e) -> set[str]:
    return {m for camp in e.camps for m in camp.members}


def test_a_city_named_like_its_province_means_the_province():
    g = _world()
    area = area_of(g, "harbour")
    assert area.place == "harbour-province" and area.places == {"harbour-province", "harbour", "cove"}
    assert "Harbour Province" in area.reading and "Who controls Harbour?" in area.reading
    assert area_of(g, "harbour", widen=False).places == {"harbour"}
    assert area_of(g, "mill").places == {"mill"} and not area_of(g, "mill").reading  # no province of its name


def test_fighting_in_a_province_counts_the_towns_inside_it_and_nothing_outside():
    e = Explainer(_world()).explain("Who is fighting in Harbour?", as_of="2020-03-01")
    assert fought(e) == {"guards", "raiders"}  # the raiders sit in Cove, a town of the province
    assert e.area["place"] == "harbour-province"
    cited = {c for s in e.sentences for c in s.claims}
    assert "raiders-fight-guards" in cited and "far-fights-guards" not in cited  # Far Legion holds nothing here
    assert any("read as Harbour Province" in n for n in e.notes)


def test_a_country_takes_its_own_actors_and_whoever_fights_them():
    e = Explainer(_world()).explain("Who is fighting in Ostland?", as_of="2020-03-01")
    assert {"army", "rebels", "guards", "raiders"} <= fought(e)
    assert e.area["reading"] is None


def test_compass_parts_of_a_country():
    g = _world()
    assert default_country(g) == "ost"
    east = compass_area(g, "east", "ost")
    assert east.places == {"mill"}
    south_west = compass_area(g, "south-west", "ost")
    assert south_west.places == {"fort"}
    north_east = compass_area(g, "north-east", "ost")
    assert {"harbour-province", "harbour", "cove"} <= north_east.places and "fort" not in north_east.places


@pytest.mark.parametrize("text, direction", [
    ("Who is fighting in the north-east?", "north-east"),
    ("Who is fighting in the North East of Ostland?", "north-east"),
    ("Who is fighting in northeastern Ostland?", "north-east"), ("Who controls the south-west?", "south-west"),
    ("Who is fighting in the east in 2020?", "east")])
def test_compass_questions_parse(text, direction):
    q = Explainer(_world()).parse(text)
    assert q.compass == direction and q.entities == ("ost",)
    assert find_compass(text)[0] == direction


def test_compass_area_answers_from_its_places_only():
    ex = Explainer(_world())
    sw = ex.explain("Who is fighting in the south-west?", as_of="2020-03-01")
    assert not sw.camps  # the rebels hold nothing there: their fight with the army is not placed in it
    assert [s.key for s in sw.sections if s.sentences][0] == "present"
    assert {c for s in sw.sentences for c in s.claims} == {"army-holds-fort"}
    east = ex.explain("Who controls the east of Ostland?", as_of="2020-03-01")
    assert {c for s in east.sentences for c in s.claims} == {"millers-hold-mill"}
    assert "Mill Town" in east.notes[0]


def test_unknown_names_still_fail_as_before():
    from ontology import EntityNotFound
    from queries.explain.questions import UnknownQuestion

    with pytest.raises((EntityNotFound, UnknownQuestion)):
        Explainer(_world()).parse("Who is fighting in Northern Narnia?")


# ---------------------------------------------------------------- the corpus, at the date

@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


@pytest.fixture(scope="module")
def explainer(syria):
    return Explainer(syria)


def _side(e, actor):
    return next((c.number for c in e.camps if actor in c.members), None)


def test_idlib_in_october_2019_is_hts_against_the_government(explainer):
    e = explainer.explain("Who is fighting in Idlib?", as_of="2019-10-15")
    assert _side(e, "hts") and _side(e, "assad-government") and _side(e, "hts") != _side(e, "assad-government")
    assert "khan-shaykhun" in {p["id"] for p in e.area["places"]}  # the government holds ground inside
    cited = {c for s in e.sentences for c in s.claims}
    assert "b-hts-fights-assad-gov-idlib" in cited
    assert not any("No claim in the graph says who is fighting" in n for n in e.notes)


def test_aleppo_in_october_2019_has_peace_spring_fronts(explainer):
    e = explainer.explain("Who is fighting in Aleppo?", as_of="2019-10-15")
    assert _side(e, "sna") and _side(e, "sdf") and _side(e, "sna") != _side(e, "sdf")


def test_the_north_east_in_october_2019(explainer, syria):
    e = explainer.explain("Who is fighting in the north-east of Syria?", as_of="2019-10-15")
    places = {p["id"] for p in e.area["places"]}
    assert {"hasakah-governorate", "raqqa-governorate", "deir-ez-zor-governorate", "qamishli"} <= places
    assert not places & {"aleppo-governorate", "idlib-governorate", "damascus", "daraa-governorate"}
    assert _side(e, "sdf") and _side(e, "sna") and _side(e, "sdf") != _side(e, "sna")
    before = explainer.explain("Who is fighting in the north-east?", as_of="2019-10-15", known_as_of="2019-10-01")
    assert not {c for s in before.sentences for c in s.claims if "peace-spring" in c}  # reported from 9 October


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_every_format_carries_the_reading(explainer, fmt):
    e = explainer.explain("Who is fighting in Idlib?", as_of="2019-10-15")
    text = render(e, fmt)
    assert "Idlib Governorate" in text and "Hayat Tahrir al-Sham" in text
    if fmt == "json":
        data = json.loads(text)
        assert data["area"]["place"] == "idlib-governorate" and data["camps"]


def test_the_template_reference_agrees_with_explain(explainer, syria):
    """The fights the fighting-in template returns are the fights between the explainer's participants."""
    from queries.explain.scope import war_scope

    for place, day in (("idlib-governorate", "2019-10-15"), ("aleppo-governorate", "2019-10-15"),
                       ("syr", "2016-06-01")):
        rows = REFERENCE["fighting-in"](syria, {"place": place, "as_of": day, "certainty": "possible"})
        scope = war_scope(syria, area_of(syria, place), syria.snapshot_claims(day))
        grounded = {cid for ids in scope.grounds.values() for cid in ids}
        fights = {r["claim_id"] for r in rows}
        # the template does not read a fight's theatre yet: the explainer leaves out fights fought elsewhere
        assert fights and fights - scope.elsewhere <= grounded
