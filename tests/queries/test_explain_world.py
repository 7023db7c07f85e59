"""Explainers over an invented war: sides, tensions, dates, knowledge time, every family, determinism."""

from __future__ import annotations

import pytest

from queries.explain import Explainer, render, to_data
from tests.queries.explain_world import assert_grounded, build_world


@pytest.fixture(scope="module")
def world():
    return build_world()


@pytest.fixture(scope="module")
def ex(world):
    return Explainer(world)


def side_of(e, actor):
    for camp in e.camps:
        if actor in camp.members or actor in camp.partners:
            return camp.number
    return None


def test_sides_in_2018(ex, world):
    e = ex.explain("Who is fighting in Valdor?", as_of="2018-06-01")
    assert_grounded(world, e)
    members = {m for c in e.camps for m in c.members}
    assert {"regime", "free-front", "crescent", "black-banner", "north-forces", "turan"} <= members
    assert "outsider" not in members and "elsewhere-foe" not in members  # fights, but not in Valdor
    assert "old-crescent" not in members  # dissolved in 2017
    assert side_of(e, "regime") != side_of(e, "free-front")
    assert side_of(e, "regime") != side_of(e, "black-banner")
    assert side_of(e, "patronia") == side_of(e, "regime")  # its backer
    assert side_of(e, "farland") == side_of(e, "north-forces")
    regime = next(c for c in e.camps if "regime" in c.members)
    assert regime.leaders == ("tyrant",)


def test_the_unbalanced_alliance_is_reported_in_plain_words(ex):
    e = ex.explain("Who is fighting in Valdor?", as_of="2018-06-01")
    section = next(s for s in e.sections if s.key == "tensions")
    tension = next(s for s in section.sentences if "c-turan-fights-nf" in s.claims)
    assert {"c-farland-backs-nf", "c-farland-in-pact", "c-turan-in-pact"} <= set(tension.claims)
    assert "Northern Pact" in tension.text and "although" in tension.text
    assert any(t.claim in ("c-turan-fights-nf", "c-turan-in-pact", "c-farland-in-pact", "c-farland-backs-nf")
               for t in e.tensions)


def test_after_the_fall_the_regime_is_gone_and_the_change_is_recent(ex, world):
    e = ex.explain("Who is fighting in Valdor?", as_of="2024-12-20")
    assert_grounded(world, e)
    assert side_of(e, "regime") is None
    recent = next(s for s in e.sections if s.key == "recent")
    assert any("c-patronia-backs-regime" in s.claims and "ceased" in s.text for s in recent.sentences)
    later = ex.explain("Who is fighting in Valdor?", as_of="2025-03-01")
    assert not any(s.key == "recent" and any("regime" in c for x in s.sentences for c in x.claims)
                   for s in later.sections)


def test_before_it_was_founded_an_actor_is_absent(ex, world):
    e = ex.explain("Who is fighting in Valdor?", as_of="2016-06-01")
    assert_grounded(world, e)
    assert side_of(e, "crescent") is None
    assert "Crescent Brigade" not in render(e, "markdown")
    assert side_of(e, "old-crescent") is not None


def test_known_as_of_keeps_only_what_was_published(ex, world):
    e = ex.explain("Who is fighting in Valdor?", as_of="2018-06-01", known_as_of="2017-01-01")
    assert_grounded(world, e)
    assert {f.source for f in e.footnotes} == {"s-early"}
    assert side_of(e, "north-forces") is None  # only the 2019 report says so
    assert "according to sources published by 1 January 2017" in render(e, "markdown")


def test_partial_dates_and_hedged_claims_are_worded_honestly(ex, world):
    e = ex.explain("Who supports the Free Front?", as_of="2016-01-01")
    assert_grounded(world, e)
    texts = [s.text for s in e.sentences]
    assert "Sponsoria reportedly supports Free Front with funding, since 2012." in texts
    e = ex.explain("Whom does Sponsoria support?", as_of="2014")
    assert any(t.startswith("Sponsoria allegedly supports Black Banner") and "in 2014" in t
               for t in (s.text for s in e.sentences))


def test_who_arms_keeps_weapons_only(ex, world):
    e = ex.explain("Who arms the Free Front?", as_of="2016-01-01")
    assert_grounded(world, e)
    assert [s.claims for s in e.sentences] == [("c-turan-backs-ff",)]


@pytest.mark.parametrize("question,as_of,expected", [
    ("Who opposes the Regime of Valdor?", "2016-01-01", {"c-ff-fights-regime", "c-bb-fights-regime",
                                                         "c-old-crescent-fights-regime"}),
    ("Who controls Valdor?", "2016-01-01", {"c-regime-controls-capital", "c-bb-controls-port"}),
    ("Who controls Valdor?", "2025-01-01", {"c-new-authority-controls-capital", "c-crescent-controls-north"}),
    ("How are Farland and Turan connected?", "2018-01-01", {"c-farland-backs-nf", "c-turan-fights-nf"}),
    ("How are Crescent and the New Authority connected?", "2025-01-01", {"c-crescent-allied-new"}),
    ("Who leads the regime?", "2016-01-01", {"c-tyrant-leads"}),
    ("Who leads the regime?", "2025-06-01", set()),  # fallen with the regime
    ("Who are the members of the Pact?", "2016-01-01", {"c-farland-in-pact", "c-turan-in-pact"}),
    ("Who are the members of the Pact?", "1950-01-01", {"c-farland-in-pact"}),  # Turan joined in 1952
    ("Who is part of the Regime of Valdor?", "2016-01-01", {"c-army-part-of-regime"}),
    ("Who is allied with the New Authority?", "2025-01-01", {"c-crescent-allied-new"}),
    ("Who is allied with the New Authority?", "2025-06-01", set()),  # the alliance ended on 2025-01-29
    ("What does the Black Banner control?", "2016-01-01", {"c-bb-controls-port"}),
    ("What does the Black Banner control?", "2018-01-01", set()),  # it lost Port Town in 2017-10
    ("What does Crescent control?", "2025-01-01", {"c-crescent-controls-north"}),
])
def test_families_cite_the_claims_that_answer_them(ex, world, question, as_of, expected):
    e = ex.explain(question, as_of=as_of)
    assert_grounded(world, e)
    assert {c for s in e.sections if s.key != "recent" for x in s.sentences for c in x.claims} == expected


def test_profile(ex, world):
    e = ex.explain("What is Crescent Brigade?", as_of="2020")
    assert_grounded(world, e)
    keys = {s.key: s for s in e.sections}
    assert keys["lineage"].sentences[0].claims == ("c-crescent-offshoot",)
    assert keys["enemies"].sentences[0].claims == ("c-crescent-fights-regime",)
    assert e.entity["id"] == "crescent" and e.entity["founded"] == "2017-01-28"
    assert "territory" not in keys  # it took the North only in 2024
    early = ex.explain("What is Crescent Brigade?", as_of="2015")
    assert any("did not exist" in n for n in early.notes)
    assert not any(s.key == "lineage" for s in early.sections)  # the renaming had not happened yet


def test_changes_between_two_dates_and_in_the_last_days(ex, world):
    e = ex.explain("What changed in Valdor between 2024-11-01 and 2024-12-31?")
    assert_grounded(world, e)
    cited = {c for s in e.sentences for c in s.claims}
    assert {"c-crescent-controls-north", "c-new-authority-controls-capital", "c-patronia-backs-regime"} <= cited
    assert "c-outsider-fights" not in cited
    short = ex.explain("What changed in Valdor in the last 5 days?", as_of="2024-12-10")
    assert_grounded(world, short)
    assert "c-crescent-controls-north" not in {c for s in short.sentences for c in s.claims}  # 30 November
    assert "c-patronia-backs-regime" in {c for s in short.sentences for c in s.claims}


def test_the_same_question_gives_the_same_output_whatever_the_insertion_order(world):
    reference = None
    for seed in (None, 1, 2):
        g = world if seed is None else build_world(shuffle_seed=seed)
        e = Explainer(g).explain("Who is fighting in Valdor?", as_of="2018-06-01")
        out = (render(e, "markdown"), render(e, "json"), render(e, "html"))
        reference = reference or out
        assert out == reference


def test_json_links_each_sentence_to_its_claims_and_footnotes(ex, world):
    data = to_data(ex.explain("Who is fighting in Valdor?", as_of="2018-06-01"))
    numbers = {f["number"]: f for f in data["footnotes"]}
    for section in data["sections"]:
        for s in section["sentences"]:
            assert s["claims"] and s["footnotes"]
            wanted = {src["id"] for cid in s["claims"] for src in data["claims"][cid]["sources"]}
            assert {numbers[n]["source"] for n in s["footnotes"]} == wanted
    assert {c["anchor"]["id"] for c in data["camps"]} >= {"regime"}


def test_same_day_changes_share_a_sentence_and_hedged_ones_do_not(ex, world):
    e = ex.explain("What changed in Valdor between 2024-12-01 and 2024-12-31?")
    assert_grounded(world, e)
    fights = next(s for s in e.sentences if "c-ff-fights-regime" in s.claims)
    assert set(fights.claims) == {"c-ff-fights-regime", "c-crescent-fights-regime"}
    assert fights.text == "Free Front and Crescent Brigade ceased to fight Regime of Valdor on 8 December 2024."
    e = ex.explain("What changed in Valdor between 2013-12-01 and 2014-12-31?")
    alleged = next(s for s in e.sentences if "c-bb-alleged" in s.claims)
    assert alleged.claims == ("c-bb-alleged",) and "allegedly" in alleged.text


def test_contested_claims_do_not_decide_the_sides(world):
    from queries.explain.scope import signed_edges
    claims = world.snapshot_claims("2014-06-01")
    keys = {e.key for e in signed_edges(world, claims, [a.id for a in world.actors])}
    assert "c-sponsoria-backs-ff" not in keys  # reported: told, but does not draw the sides
    assert "c-bb-alleged" not in keys  # alleged: neither
    assert keys  # confirmed ties do


def test_the_certain_reading_drops_what_only_may_have_held(ex, world):
    possible = ex.explain("Whom does Sponsoria support?", as_of="2014-06-01")
    certain = ex.explain("Whom does Sponsoria support?", as_of="2014-06-01", certainty="certain")
    assert_grounded(world, certain)
    assert "c-bb-alleged" in {c for s in possible.sentences for c in s.claims}  # "in 2014": may be June
    assert "c-bb-alleged" not in {c for s in certain.sentences for c in s.claims}
    assert "c-sponsoria-backs-ff" in {c for s in certain.sentences for c in s.claims}


def test_a_place_with_no_fighting_says_so_in_a_note(ex):
    e = ex.explain("Who is fighting in Port Town?", as_of="2020-01-01")
    assert e.sentences == () and e.camps == ()
    assert any("No claim" in n and "Port Town" in n for n in e.notes)


def test_what_is_a_place_answers_who_holds_it(ex, world):
    e = ex.explain("What is Capital City?", as_of="2016-01-01")
    assert_grounded(world, e)
    assert {c for s in e.sentences for c in s.claims} == {"c-regime-controls-capital"}


def test_a_period_that_ends_before_it_starts_is_refused(ex):
    from ontology import InvalidInterval
    with pytest.raises(InvalidInterval, match="give the earlier date first"):
        ex.explain("What changed in Valdor between 2024-12-10 and 2024-11-01?")


def test_a_parsed_question_can_be_passed_again(ex):
    q = ex.parse("Who supports the regime?")
    assert ex.explain(q, as_of="2016-01-01") == ex.explain("Who supports the regime?", as_of="2016-01-01")


def test_without_a_date_the_explainer_is_as_of_today(ex):
    from datetime import date
    e = ex.explain("Who controls Valdor?")
    assert e.as_of == date.today().isoformat()
    assert {c for s in e.sections if s.key == "control" for x in s.sentences for c in x.claims} == {
        "c-new-authority-controls-capital", "c-crescent-controls-north"}


def test_public_surface():
    import queries.explain as pkg
    assert sorted(pkg.__all__) == sorted([
        "FAMILIES", "FORMATS", "Camp", "Explainer", "Explanation", "Footnote", "Partition", "Question",
        "QuestionParser", "Section", "Sentence", "SignedEdge", "Tension", "UnknownQuestion", "explain",
        "partition", "render", "to_data", "unbalanced_cycle"])
    assert all(hasattr(pkg, name) for name in pkg.__all__)


def test_the_date_in_the_question_is_the_date_of_the_answer(ex):
    from ontology import InvalidDate
    asked = ex.explain("Who is fighting in Valdor on 2018-06-01?")
    given = ex.explain("Who is fighting in Valdor?", as_of="2018-06-01")
    assert asked.as_of == "2018-06-01" and asked.sections == given.sections
    assert ex.explain("Who is fighting in Valdor on 2018-06-01?", as_of="2018-06-01").sections == given.sections
    # a date in the question that the day given does not fall in: the question's own date is answered, and said
    earlier = ex.explain("Who is fighting in Valdor in 2016?", as_of="2018-06-01")
    assert earlier.as_of == "2016" and earlier.sections == ex.explain("Who is fighting in Valdor in 2016?").sections
    assert earlier.notes[0] == ("The question names its own date (2016); the answer is for that date, not for the "
                                "date given with it (2018-06-01).")
    assert ex.explain("Who is fighting in Valdor in May 2018?", as_of="2018-06-01").as_of == "2018-05"
    later = ex.explain("Who is fighting in Valdor in 2025?", as_of="2018-06-01")
    assert later.as_of == "2025" and "2018-06-01" in later.notes[0]
    # a day inside the year or month the question names is that question's day, not a contradiction
    within = ex.explain("Who is fighting in Valdor in 2018?", as_of="2018-06-01")
    assert within.as_of == "2018-06-01" and within.sections == given.sections and not within.notes
    assert ex.explain("Who is fighting in Valdor in June 2018?", as_of="2018-06-01").as_of == "2018-06-01"
    with pytest.raises(InvalidDate):
        ex.explain("Who is fighting in Valdor in 2016?", as_of="2018-13-01")  # a malformed day is still an error


def test_control_answer_names_forces_based_there_apart_from_the_holders():
    from graph import Citation, Claim, Interval

    g = build_world()
    g.add(claims=[
        Claim("c-patronia-based-capital", "patronia", "based_in", "capital", Interval.parse("2016/2024-12-08"),
              citations=[Citation("s-early", note="states it")]),
        Claim("c-regime-based-capital", "regime", "based_in", "capital", Interval.parse("/2024-12-08"),
              citations=[Citation("s-early", note="states it")]),
    ])
    ex = Explainer(g)
    e = ex.explain("Who controls Capital City?", as_of="2018-06-01")
    assert_grounded(g, e)
    cited = {s.key: {c for x in s.sentences for c in x.claims} for s in e.sections}
    assert cited["control"] == {"c-regime-controls-capital"}
    # the regime holds the city, so its base there is not repeated; the backer's base is shown apart
    assert cited["present"] == {"c-patronia-based-capital"}
    later = ex.explain("Who controls Capital City?", as_of="2025-01-10")
    assert "present" not in {s.key for s in later.sections}


def test_members_and_parts_are_answered_apart(ex, world):
    e = ex.explain("Who are the members of the Regime of Valdor?", as_of="2016-01-01")
    keys = {s.key: s for s in e.sections}
    assert "members" not in keys and [x.claims for x in keys["parts"].sentences] == [("c-army-part-of-regime",)]
    assert not e.notes


def test_a_question_with_no_answer_says_so(ex):
    e = ex.explain("Who is allied with Patronia?", as_of="2016-01-01")
    assert not [s for s in e.sections if s.sentences and s.key != "backing"]
    assert any("allied with anyone" in n for n in e.notes)


def test_an_allies_answer_shows_backing_apart_from_alliance(ex, world):
    """News calls a backed group its patron's ally; the answer shows the support, under its own heading."""
    e = ex.explain("Who is allied with Patronia?", as_of="2016-01-01")
    assert_grounded(world, e)
    keys = {s.key: [x.claims for x in s.sentences] for s in e.sections if s.sentences}
    assert keys == {"backing": [("c-patronia-backs-regime",)]}
    assert any("not count as alliance" in n for n in e.notes)
    e = ex.explain("Who is allied with the New Authority?", as_of="2025-01-01")
    assert "backing" not in {s.key for s in e.sections if s.sentences}
    assert not any("not count as alliance" in n for n in e.notes)
    e = ex.explain("Who leads Patronia?", as_of="2016-01-01")
    assert any("who leads Patronia" in n for n in e.notes)


def _stated(cid, subject, predicate, obj, valid):
    """A made-up claim of the invented war, cited to its 2019 source."""
    from graph.model import Citation, Claim
    from graph.time import Interval

    return Claim(cid, subject, predicate, obj, Interval.parse(valid), citations=(Citation("s-mid", note="states it"),))


def _sections(e) -> dict:
    return {s.key: [x.claims for x in s.sentences] for s in e.sections if s.sentences}


def test_where_an_actor_is_based_is_apart_from_what_it_controls():
    g = build_world()
    g.add(claims=[_stated("c-army-based-port", "valdor-army", "based_in", "port", "2018/..")])
    keys = _sections(Explainer(g).explain("Where is the Valdor Army based?", as_of="2019-06-01"))
    assert "controls" not in keys and keys["based"] == [("c-army-based-port",)]


def test_what_a_state_controls_includes_its_forces_holdings_apart():
    g = build_world()
    g.add(claims=[_stated("c-army-holds-port", "valdor-army", "controls", "port", "2018/2020")])
    keys = _sections(Explainer(g).explain("What does the Regime of Valdor control?", as_of="2019-06-01"))
    assert keys["controls"] == [("c-regime-controls-capital",)]
    assert keys["forces"] == [("c-army-holds-port",)]


def test_members_answer_lists_groups_merged_into_the_actor_by_the_date():
    from graph.model import Actor
    from graph.time import PartialDate

    g = build_world()
    g.add(actors=[Actor("old-front", "Old Front", "armed_group", dissolved=PartialDate.parse("2018-03-01"))],
          claims=[_stated("c-old-front-merged", "old-front", "merged_into", "north-forces", "2018-03-01")])
    keys = _sections(Explainer(g).explain("Who are the members of North Forces?", as_of="2019-01-01"))
    assert keys["merged"] == [("c-old-front-merged",)]
    before = _sections(Explainer(g).explain("Who are the members of North Forces?", as_of="2017-01-01"))
    assert "merged" not in before  # not yet merged


def test_a_merged_group_still_recorded_as_a_member_is_listed_once():
    from graph.model import Actor

    g = build_world()
    g.add(actors=[Actor("bloc", "Bloc", "armed_group")],
          claims=[_stated("c-bloc-merged", "bloc", "merged_into", "north-forces", "2018-03-01"),
                  _stated("c-bloc-member", "bloc", "member_of", "north-forces", "2018-03-01/..")])
    e = Explainer(g).explain("Who are the members of North Forces?", as_of="2019-01-01")
    cited = [c for s in e.sections if s.key != "recent" for x in s.sentences for c in x.claims]
    assert cited == ["c-bloc-member"]


def _strike(cid, theatre):
    """Patronia, which holds no ground in Port Town, strikes the Black Banner that holds it."""
    from dataclasses import replace

    strike = _stated(cid, "patronia", "fights", "black-banner", "2016-05/2016-07")
    return replace(strike, qualifiers={"theatre": theatre})


@pytest.mark.parametrize("theatre,counts", [("port", True), ("val", False), ("capital", False)])
def test_a_strike_located_in_a_town_is_fighting_there_though_the_attacker_holds_no_ground(theatre, counts):
    g = build_world()
    g.add(claims=[_strike("c-patronia-strikes-port", theatre)])
    e = Explainer(g).explain("Who is fighting in Port Town?", as_of="2016-06-01")
    members = {m for camp in e.camps for m in camp.members}
    assert ("patronia" in members) is counts
