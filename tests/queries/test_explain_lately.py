"""Short fights of the days before the date: a strike of yesterday answers "whom does X fight?" today."""

from __future__ import annotations

import pytest

from graph.model import Actor, Citation, Claim, Source
from graph.time import Interval, PartialDate
from queries.explain import Explainer
from queries.explain.lately import LATELY_DAYS, MAX_EPISODE_DAYS
from tests.queries.explain_world import build_world


def _claim(cid, s, p, o, valid, **qualifiers):
    return Claim(cid, s, p, o, Interval.parse(valid), qualifiers=qualifiers,
                 citations=(Citation("s-strike", note="reports it"),))


@pytest.fixture(scope="module")
def world():
    g = build_world()
    g.add(actors=[Actor("patronia-air", "Patronian Air Force", "armed_forces"),
                  Actor("raiders", "Desert Raiders", "armed_group")],
          sources=[Source("s-strike", "Strike report", "Agency", "https://example.org/strike",
                          PartialDate.parse("2016-03-01"))],
          claims=[_claim("c-air-part", "patronia-air", "part_of", "patronia", "2015/.."),
                  # a one-day strike located in the port town, by the state's air force
                  _claim("c-strike", "patronia-air", "fights", "black-banner", "2016-03-01", theatre="port"),
                  # a two-day raid by the state itself, elsewhere
                  _claim("c-raid", "patronia", "fights", "old-crescent", "2016-03-03/2016-03-05", theatre="capital"),
                  # a battle of several weeks that ended the day before: no one-off, left to the recent changes
                  # a group whose only fight is one raid
                  _claim("c-raiders", "raiders", "fights", "black-banner", "2016-03-04", theatre="capital"),
                  _claim("c-battle", "patronia", "fights", "free-front", "2016-02-01/2016-03-08", theatre="port")])
    return g


def _section(e, key):
    return {s.key: s for s in e.sections}.get(key)


def test_a_strike_of_the_days_before_is_shown_apart_with_its_date(world):
    e = Explainer(world).explain("Whom does Patronia fight?", as_of="2016-03-08")
    lately = _section(e, "lately")
    assert lately is not None and str(LATELY_DAYS) in lately.title
    assert [s.claims for s in lately.sentences] == [("c-strike",), ("c-raid",)]
    assert "1 March 2016" in lately.sentences[0].text
    assert "c-battle" not in {c for s in lately.sentences for c in s.claims}  # weeks long: no one-off
    recent = _section(e, "recent")  # each fight told once: the recent changes keep the battle, not the strike
    told = {c for s in recent.sentences for c in s.claims}
    assert "c-battle" in told and not told & {"c-strike", "c-raid"}


def test_nothing_is_shown_once_the_window_has_passed_or_before_the_strike(world):
    after = Explainer(world).explain("Whom does Patronia fight?", as_of=f"2016-03-{2 + LATELY_DAYS:02d}")
    assert [s.claims for s in _section(after, "lately").sentences] == [("c-raid",)]  # the strike has aged out
    assert _section(Explainer(world).explain("Whom does Patronia fight?", as_of="2016-03-01"), "lately") is None
    # on the strike's own day it holds, so it is an ordinary fight of the state's forces, not a "lately" one
    on_the_day = Explainer(world).explain("Whom does Patronia fight?", as_of="2016-03-01")
    assert ("c-strike",) in [s.claims for s in _section(on_the_day, "forces").sentences]


def test_a_place_question_shows_the_strikes_located_in_it(world):
    e = Explainer(world).explain("Who is fighting in Port Town?", as_of="2016-03-03")
    lately = _section(e, "lately")
    assert lately is not None and [s.claims for s in lately.sentences] == [("c-strike",)]  # not the raid elsewhere


def test_the_episode_length_limit_is_a_few_days():
    assert 1 <= MAX_EPISODE_DAYS <= LATELY_DAYS


def test_the_note_points_to_the_short_fights_when_nothing_else_holds(world):
    e = Explainer(world).explain("Whom does Desert Raiders fight?", as_of="2016-03-08")
    assert [s.claims for s in _section(e, "lately").sentences] == [("c-raiders",)]
    assert any("short fights" in n for n in e.notes)
    quiet = Explainer(world).explain("Whom does Desert Raiders fight?", as_of="2016-06-01")
    assert _section(quiet, "lately") is None and not any("short fights" in n for n in quiet.notes)
