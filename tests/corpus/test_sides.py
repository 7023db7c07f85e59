"""What a reader expects of "Who is fighting in Syria?" at the six check dates of CORPUS.md section 4."""

from __future__ import annotations

import pytest

from loaders import bundled_dataset, load_datasets
from queries.explain import Explainer
from tests.corpus.sides_check import CHECK_DATES, sides_text


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


@pytest.fixture(scope="module")
def sides(syria):
    explainer = Explainer(syria)
    return {d: explainer.explain("Who is fighting in Syria?", as_of=d) for d in CHECK_DATES}


def side(e, actor):
    """The number of the side an actor is on, as a member or a backer; None when it is on none."""
    return next((c.number for c in e.camps if actor in c.members or actor in c.partners), None)


def members(e) -> set[str]:
    return {m for c in e.camps for m in c.members}


def test_in_january_2019_the_coalition_is_on_the_side_of_the_sdf_it_backed(sides):
    e = sides["2019-01-23"]
    assert side(e, "global-coalition") == side(e, "sdf") == side(e, "usa") is not None
    assert side(e, "turkey") != side(e, "sdf")
    assert "global-coalition-supports-sdf" not in {t.claim for t in e.tensions}


@pytest.mark.parametrize("day", CHECK_DATES)
def test_wars_fought_outside_syria_make_no_party_to_it(sides, day):
    assert "pkk" not in members(sides[day]) and side(sides[day], "pkk") is None  # Turkey's war, in Turkey and Iraq
    assert "pmf" not in members(sides[day])  # its war with IS was fought in Iraq


def test_russias_base_at_tartus_does_not_make_its_forces_fight_in_2013(sides):
    e = sides["2013-06-01"]
    assert "russian-armed-forces" not in members(e)
    assert side(e, "russian-armed-forces") == side(e, "assad-government")  # a backer of the government's side


@pytest.mark.parametrize("day", [d for d in CHECK_DATES if d > "2016-08-24"])
def test_turkey_and_the_sdf_are_never_on_one_side_after_euphrates_shield(sides, day):
    assert side(sides[day], "turkey") != side(sides[day], "sdf")


@pytest.mark.parametrize("day", CHECK_DATES)
def test_no_backer_of_a_side_fights_one_of_its_members(syria, sides, day):
    fighting = {frozenset((c.subject, c.object)) for c in syria.claims(predicate="fights", as_of=day)}
    for camp in sides[day].camps:
        for p in camp.partners:
            assert not any(frozenset((p, m)) in fighting for m in camp.members), (day, p, camp.members)


def test_the_check_prints_each_date_with_its_sides_and_tensions(syria):
    text = sides_text(syria, "2019-01-23")
    assert text.startswith("## 2019-01-23\n1. ") and "Syrian Democratic Forces" in text
    assert text.splitlines()[-1].startswith("tensions (")
    assert "sdf" in sides_text(syria, "2019-01-23", ids=True)


@pytest.mark.parametrize("day", [d for d in CHECK_DATES if "2016" <= d < "2024-12-08"]
                         + ["2019-11-01", "2021-06-01", "2023-06-01"])
def test_the_sdf_its_ypg_and_the_us_forces_stand_together_and_apart_from_the_government(syria, sides, day):
    """From 2016 to the fall of Assad, the standard description keeps the US-backed SDF (the YPG its core)
    a side of its own: a local deal with Damascus (October 2019) does not make it the government's ally."""
    e = sides.get(day) or Explainer(syria).explain("Who is fighting in Syria?", as_of=day)
    assert side(e, "sdf") == side(e, "ypg") == side(e, "us-armed-forces") is not None
    assert side(e, "sdf") != side(e, "assad-government")
    assert side(e, "ypg") != side(e, "turkey")


@pytest.mark.parametrize("day", ["2016-09-15", "2017-01-15", "2017-05-15", "2017-09-15"])
def test_between_turkeys_battles_with_the_ypg_its_enmity_keeps_it_apart_from_the_sdf(syria, day):
    """From Euphrates Shield (24 August 2016) Turkey opposes the SDF, fighting it only now and then; a
    standing hostility must still outweigh Turkey's ties to the rebels and to the coalition, and the US
    forces stay with the SDF they back (the standard description of 2016-2017)."""
    e = Explainer(syria).explain("Who is fighting in Syria?", as_of=day)
    assert side(e, "turkey") != side(e, "sdf") and side(e, "turkey") != side(e, "ypg")
    assert side(e, "sdf") == side(e, "us-armed-forces") is not None
    assert side(e, "turkey") == side(e, "fsa") is not None
