"""Questions that fit no form, read by their gist: the cue words and where the names stand around them.

The world is invented (tests/queries/explain_world.py), so no reading is right by accident of the real
record; each question here is worded so that no form of forms.jsonl fits it word for word (checked first).
"""

from __future__ import annotations

import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Place, Source
from ontology import EntityNotFound
from queries.explain import Explainer, QuestionParser, UnknownQuestion, to_data
from tests.queries.explain_world import build_world


@pytest.fixture(scope="module")
def parser():
    return QuestionParser(build_world())


@pytest.fixture(scope="module")
def ex():
    return Explainer(build_world())


@pytest.mark.parametrize("text,family,entities,read_as", [
    ("Who were the Valdor regime's main foreign backers?", "supporters", ("regime",), "Who supports Regime of Valdor?"),
    ("ff leader", "leaders", ("free-front",), "Who leads Free Front?"),
    ("Which groups did Patronia back in northern Valdor?", "supported", ("patronia",), "Whom does Patronia support?"),
    ("groups backed by Turan", "supported", ("turan",), "Whom does Turan support?"),
    ("Was the Free Front backed by Turan?", "supporters", ("free-front",), "Who supports Free Front?"),
    ("Is the Black Banner still listed as terrorist by Farland?", "designations", ("black-banner",),
     "Who designates Black Banner as terrorist?"),
    ("the origins of Old Crescent", "lineage", ("old-crescent",),
     "Where does Old Crescent come from, and what did it become?"),
    ("who held port town back then", "control", ("port",), "Who controls Port Town?"),
    ("whose side was Patronia on", "sides", ("val",), "Who is fighting in Valdor?"),
    ("which group fought alongside the Crescent Brigade", "allies", ("crescent",),
     "Who are the allies of Crescent Brigade?"),
    ("what groups is the North Forces made up of", "members", ("north-forces",),
     "Who are the members of North Forces?"),
    ("the Black Banner's enemies", "opponents", ("black-banner",), "Whom does Black Banner fight?"),
    ("links between Farland and Turan", "connection", ("farland", "turan"), "How are Farland and Turan connected?"),
    ("where does Farland stand on Turan", "connection", ("farland", "turan"), "How are Farland and Turan connected?"),
    ("Turan's stance toward Farland", "connection", ("turan", "farland"), "How are Turan and Farland connected?"),
    ("did the Black Banner take Port Town back that year", "control", ("port",), "Who controls Port Town?"),
    ("was Patronia bankrolling the Free Front", "supporters", ("free-front",), "Who funds Free Front?"),
    ("was Turan one of the Pact states", "memberships", ("turan", "pact"), "What is Turan a member of?"),
    ("who went after the Black Banner in Port Town", "sides", ("port",), "Who is fighting in Port Town?"),
    ("which group is leading the push on Port Town", "sides", ("port",), "Who is fighting in Port Town?"),
    ("who are the Black Banner fighters fighting in Port Town", "opponents", ("black-banner",),
     "Whom does Black Banner fight?"),
    ("who is the sheikh of the Black Banner fighters", "leaders", ("black-banner",), "Who leads Black Banner?"),
    ("which Patronia-backed groups fought the Black Banner", "opponents", ("black-banner",),
     "Whom does Black Banner fight?"),
    ("what are the main sides in the war", "sides", ("val",), "Who is fighting in Valdor?"),
    ("who runs the Free Front these days", "leaders", ("free-front",), "Who leads Free Front?"),
    ("who is hunting Black Banner cells in Port Town", "sides", ("port",), "Who is fighting in Port Town?"),
    ("is Turan a Pact affiliate", "memberships", ("turan", "pact"), "What is Turan a member of?"),
    ("who held the town of Port Town where the Black Banner leader was killed", "control", ("port",),
     "Who controls Port Town?"),
    ("did Farland sanction the Black Banner", "opponents", ("black-banner",), "Whom does Black Banner fight?"),
    ("black banner allegiance", "allies", ("black-banner",), "Who are the allies of Black Banner?"),
    ("is Turan the Pact", "memberships", ("turan", "pact"), "What is Turan a member of?"),
    ("free front vs who in port town", "sides", ("port",), "Who is fighting in Port Town?"),
    ("Patronia", "profile", ("patronia",), "What is Patronia?"),
    ("Black Banner in Valdor", "profile", ("black-banner",), "What is Black Banner?"),
    ("which groups are in the North Forces", "members", ("north-forces",), "Who are the members of North Forces?"),
    ("what happened to Old Crescent", "lineage", ("old-crescent",),
     "Where does Old Crescent come from, and what did it become?"),
    ("when did the Black Banner take Port Town", "control", ("port",), "Who controls Port Town?"),
    ("which groups broke away from Old Crescent", "lineage", ("old-crescent",),
     "Where does Old Crescent come from, and what did it become?"),
    ("who stood behind the Free Front", "supporters", ("free-front",), "Who supports Free Front?"),
    ("which militias was Patronia behind", "supported", ("patronia",), "Whom does Patronia support?"),
    ("who's in Port Town now", "control", ("port",), "Who controls Port Town?"),
    ("who is in port town these days", "control", ("port",), "Who controls Port Town?"),
    ("who is in charge of the Black Banner now that Ovo Tyrant is dead", "leaders", ("black-banner",),
     "Who leads Black Banner?"),
    ("is Port Town back under the Valdor regime", "control", ("port",), "Who controls Port Town?"),
    ("what did Patronia hit in Valdor", "opponents", ("patronia",), "Whom does Patronia fight?"),
    ("who took over the Black Banner after Ovo Tyrant's death", "leaders", ("black-banner",),
     "Who leads Black Banner?"),
    ("who took over Port Town", "control", ("port",), "Who controls Port Town?"),
    ("which groups did Turkish jets bomb", "opponents", ("turan",), "Whom does Turan fight?"),  # Turan is TUR
    ("which factions are Turkish-backed", "supported", ("turan",), "Whom does Turan support?"),
    ("which alliances has Farland joined so far", "memberships", ("farland",), "What is Farland a member of?"),
    ("is Turan still in the Pact", "memberships", ("turan", "pact"), "What is Turan a member of?"),
    ("what was the Valdor Army part of back then", "memberships", ("valdor-army",),
     "What is Valdor Army a member of?"),
    ("which groups joined the North Forces later", "members", ("north-forces",),
     "Who are the members of North Forces?"),
    ("who heads the Valdor regime founded by Ovo Tyrant", "leaders", ("regime",), "Who leads Regime of Valdor?"),
    ("who heads Turan's North Forces founded in 2015", "leaders", ("north-forces",), "Who leads North Forces?"),
    ("which organisation readmitted Turan back then", "memberships", ("turan",), "What is Turan a member of?"),
    ("who fought the Black Banner in Port Town that year", "sides", ("port",), "Who is fighting in Port Town?"),
    ("which rebel factions were holding Port Town near Capital City", "control", ("port",), "Who controls Port Town?"),
    ("Old Crescent: where did this group come from", "lineage", ("old-crescent",),
     "Where does Old Crescent come from, and what did it become?"),
    ("the Free Front in Valdor - which foreign power stands behind it", "supporters", ("free-front",),
     "Who supports Free Front?"),
    ("is the Free Front backed by the Turks", "supporters", ("free-front",), "Who supports Free Front?"),
    ("where did the Free Front get its TOW missiles from, who was behind them", "supporters", ("free-front",),
     "Who supports Free Front?"),
    ("Patronia was in the Port Town battle - who were they up against", "sides", ("port",),
     "Who is fighting in Port Town?"),
    ("which armed groups operated in Port Town that year", "sides", ("port",), "Who is fighting in Port Town?"),
    ("which militias fought for the Valdor regime", "supporters", ("regime",), "Who supports Regime of Valdor?"),
    # stop 32 (the misses of the measured set qa47)
    ("Sponsorya after the war: which groups did it back", "supported", ("sponsoria",),
     "Whom does Sponsoria support?"),  # a first word that spells a name another way
    ("what did old crescent turn into", "lineage", ("old-crescent",),
     "Where does Old Crescent come from, and what did it become?"),
    ("Ovo Tyrant - what group is he with", "memberships", ("tyrant",), "What is Ovo Tyrant a member of?"),
    ("did Turan join the Pact back then", "memberships", ("turan", "pact"), "What is Turan a member of?"),
    ("Port Town under siege: who are the defenders up against", "sides", ("port",), "Who is fighting in Port Town?"),
    ("is Farland striking Black Banner cells near Port Town", "sides", ("port",), "Who is fighting in Port Town?"),
    ("Valdor Army chief of staff during the push on Port Town", "leaders", ("valdor-army",),
     "Who leads Valdor Army?"),
    # (the misses of qa49)
    ("who gave the Free Front its TOW missiles", "supporters", ("free-front",), "Who arms Free Front?"),
    ("is the Crescent Brigade with the Black Banner", "connection", ("crescent", "black-banner"),
     "How are Crescent Brigade and Black Banner connected?"),
    ("who's propping up the Valdor regime these days", "supporters", ("regime",), "Who supports Regime of Valdor?"),
    # (the misses of qa51)
    ("the Free Front, armed wing of which group", "memberships", ("free-front",), "What is Free Front a member of?"),
    ("who was blockading Port Town that summer", "sides", ("port",), "Who is fighting in Port Town?"),
    ("who recruits the Crescent Brigade fighters", "supporters", ("crescent",), "Who supports Crescent Brigade?"),
    # "did X strike Y": X's enemies, Y among them if so (three of four such questions of the measured sets expect Y)
    ("did Patronia strike the Free Front then", "opponents", ("patronia",), "Whom does Patronia fight?"),
    ("Black Banner secretary general after Ovo Tyrant", "leaders", ("black-banner",), "Who leads Black Banner?"),
    # (the misses of qa53 and qa54) a clause of time or of an event's toll says nothing of what is asked
    ("who held port town after the 18 march takeover", "control", ("port",), "Who controls Port Town?"),
    ("who leads the Black Banner now that Ovo Tyrant is dead", "leaders", ("black-banner",), "Who leads Black Banner?"),
    ("Who staged the Port Town ambush that killed two Patronian soldiers", "sides", ("port",),
     "Who is fighting in Port Town?"),
    ("who ambushed the convoy near Port Town", "sides", ("port",), "Who is fighting in Port Town?"),
    ("which brigade defended the shrine south of Capital City", "sides", ("capital",),
     "Who is fighting in Capital City?"),
    ("Which group claimed the bombing of the Saint Elias church in Capital City", "sides", ("capital",),
     "Who is fighting in Capital City?"),
    ("is the Free Front Turan's branch in Valdor", "connection", ("free-front", "turan"),
     "How are Free Front and Turan connected?"),
    ("who's backing the port town rebels", "sides", ("port",), "Who is fighting in Port Town?"),
    ("Ovo Tyrant - which group is he in?", "memberships", ("tyrant",), "What is Ovo Tyrant a member of?"),
    ("who recruits the Crescent Brigade's Afghan fighters", "supporters", ("crescent",),
     "Who supports Crescent Brigade?"),
    # (the misses of qa55)
    ("Ovo Tyrant's unit", "memberships", ("tyrant",), "What is Ovo Tyrant a member of?"),
    ("Ovo Tyrant, which group is he from", "memberships", ("tyrant",), "What is Ovo Tyrant a member of?"),
    ("who is resisting the regime in Port Town", "sides", ("port",), "Who is fighting in Port Town?"),
    ("Which group was the Northern Pact's branch in Valdor?", "members", ("pact",),
     "Who are the members of Northern Pact?"),
    # (the misses of qa57 and qa58, scored first)
    ("Which country's troops manned the checkpoint at Port Town in 2019?", "sides", ("port",),
     "Who is fighting in Port Town?"),
    ("Which group was fighting and losing men in the battle for Port Town?", "sides", ("port",),
     "Who is fighting in Port Town?"),
    ("Which group attacked Port Town, killing 13 soldiers?", "sides", ("port",), "Who is fighting in Port Town?"),
    ("Crescent Brigade - is it a Black Banner affiliate now?", "connection", ("crescent", "black-banner"),
     "How are Crescent Brigade and Black Banner connected?"),
    ("Crescent Brigade - what was it called before?", "lineage", ("crescent",),
     "Where does Crescent Brigade come from, and what did it become?"),
])
def test_a_question_outside_the_forms_is_read_by_its_gist(parser, text, family, entities, read_as):
    with pytest.raises((UnknownQuestion, EntityNotFound)):
        parser._parse(text)  # no form fits it word for word: the gist is what reads it
    q = parser.parse(text)
    assert (q.family, q.entities, q.read_as) == (family, entities, read_as)


def test_a_date_in_a_gist_question_is_its_date(parser):
    q = parser.parse("ff leader 2016")
    assert q.family == "leaders" and q.as_of == "2016"


@pytest.mark.parametrize("text", [
    "Who was winning the war in Valdor around then?",  # who wins: not recorded
    "How many died in Capital City?",
    "Why did Patronia back the regime?",
    "Which Zorgan group held Port Town?",  # a name the graph does not know: not dropped
    "Who was fighting in Valdor on 31 June 2016?",  # a date that was not read: not dropped
    "Tell me something nice",  # no name at all
    "What is the weather in Valdor?",  # a name and no cue
    "Who was killed in Port Town?",  # a death not said of a named person: a toll, not recorded
    "Who lost the war in Valdor?",  # an outcome not said of a place
])
def test_what_the_gist_cannot_read_is_still_an_error(parser, text):
    with pytest.raises((UnknownQuestion, EntityNotFound)):
        parser.parse(text)


def test_acronyms_in_lower_case_but_not_english_words(parser):
    assert parser._acronyms_upper("who is fighting bb") == "who is fighting BB"
    assert parser._acronyms_upper("tell us about ff") == "tell us about FF"
    assert parser._acronyms_upper("is it va") == "is it VA"


def test_the_answer_says_how_the_question_was_read(ex):
    e = ex.explain("ff leader", as_of="2016-06-01")
    assert any('Read as "Who leads Free Front?"' in n for n in e.notes)
    assert to_data(e)["read_as"] == "Who leads Free Front?"
    assert to_data(ex.explain("Who leads Free Front?", as_of="2016-06-01"))["read_as"] is None


def test_a_person_asked_about_as_a_side_is_read_as_the_body_they_lead(ex):
    e = ex.explain("Who backs Ovo Tyrant?", as_of="2016-06-01")
    assert e.question.entities == ("regime",) and e.question.stands_for == (("tyrant", "regime"),)
    assert "patronia" in {i for s in e.sections for x in s.sentences for c in x.claims
                          for i in (ex.graph.claim(c).subject,)}
    assert any("Ovo Tyrant is read as Regime of Valdor" in n for n in e.notes)
    # after the regime fell the person leads nothing: the question stays about the person
    later = ex.explain("Who backs Ovo Tyrant?", as_of="2025-06-01")
    assert later.question.entities == ("tyrant",) and not later.question.stands_for


def test_whom_a_state_supports_lists_its_parts_support_apart():
    g = ActorGraph()
    g.add(actors=[Actor("sta", "Statia", "state"), Actor("guard", "Statia Guard", "armed_forces"),
                  Actor("mil", "Hill Militia", "militia"), Actor("gov", "Lowland Government", "government")],
          sources=[Source("s1", "Report", "Wire", "https://example.org/r", PartialDate.parse("2016"))],
          claims=[Claim(i, s, p, o, Interval.parse("2014/.."), citations=[Citation("s1", note="says so")])
                  for i, s, p, o in [("c1", "guard", "part_of", "sta"), ("c2", "guard", "supports", "mil"),
                                     ("c3", "sta", "supports", "gov")]])
    e = Explainer(g).explain("Whom does Statia support?", as_of="2016-01-01")
    by_key = {s.key: [c for x in s.sentences for c in x.claims] for s in e.sections}
    assert by_key["supported"] == ["c3"] and by_key["through"] == ["c2"]


def test_since_a_date_asks_about_the_day_of_the_question_not_the_date(parser):
    q = parser.parse("who has held Port Town since the Black Banner lost it in 2016", on="2019-06-01")
    assert (q.family, q.entities, q.as_of) == ("control", ("port",), None)  # answered for the day asked
    assert parser.parse("who held Port Town in 2016").as_of == "2016"  # without "since", the date is the day


def test_a_person_is_found_by_a_family_name_only_no_one_else_bears():
    g = ActorGraph()
    g.add(actors=[Actor("zorgani", "Abu Bakr al-Zorgani", "person"), Actor("front", "Dawn Front", "armed_group"),
                  Actor("d1", "Omar al-Dari", "person"), Actor("d2", "Saif al-Dari", "person"),
                  Actor("naim", "Naim Qassem", "person"), Actor("farid", "Farid al-Qassem", "person")],
          sources=[Source("s1", "Report", "Wire", "https://example.org/r", PartialDate.parse("2016"))],
          claims=[Claim("c1", "zorgani", "leads", "front", Interval.parse("2014/.."),
                        citations=[Citation("s1", note="says so")])])
    parser = QuestionParser(g)
    assert parser.parse("What is Zorgani?").entities == ("zorgani",)  # with or without the article
    assert parser.parse("What is al-Zorgani?").entities == ("zorgani",)
    for shared in ("What is Dari?", "What is Qassem?"):  # two persons bear it, first or last
        with pytest.raises((UnknownQuestion, EntityNotFound)):
            parser.parse(shared)


def test_a_family_name_is_the_successors_when_the_other_bearer_died_before_the_successors_record_begins():
    g = ActorGraph()
    g.add(actors=[Actor("old", "Abu Omar al-Zorgani", "person", dissolved=PartialDate.parse("2010-04-18")),
                  Actor("new", "Abu Bakr al-Zorgani", "person"), Actor("front", "Dawn Front", "armed_group"),
                  Actor("d1", "Omar al-Dari", "person", dissolved=PartialDate.parse("2015")),
                  Actor("d2", "Saif al-Dari", "person")],
          sources=[Source("s1", "Report", "Wire", "https://example.org/r", PartialDate.parse("2016"))],
          claims=[Claim("c1", "new", "leads", "front", Interval.parse("2010-05/2019-10-27"),
                        citations=[Citation("s1", note="says so")]),
                  Claim("c2", "d2", "leads", "front", Interval.parse("2014/2015"),
                        citations=[Citation("s1", note="says so")])])
    parser = QuestionParser(g)
    assert parser.parse("What is Zorgani?").entities == ("new",)  # the other bearer had died before c1 began
    with pytest.raises((UnknownQuestion, EntityNotFound)):  # Omar al-Dari died after Saif's record began
        parser.parse("What is Dari?")


def test_a_post_of_a_country_named_by_its_adjective_in_lower_case_after_a_death():
    g = ActorGraph()
    g.add(actors=[Actor("syr-state", "Syria", "state", country="SYR"), Actor("kin", "Dawud Rajha", "person")],
          places=[Place("dam", "Damascus", "city", 33.5, 36.3, country="SYR")])
    parser = QuestionParser(g)
    for text in ("new syrian foreign minister",
                 "new syrian defense minister after rajha was killed in the damascus bombing?"):
        with pytest.raises((UnknownQuestion, EntityNotFound)):
            parser._parse(text)
        q = parser.parse(text)
        assert (q.family, q.entities) == ("leaders", ("syr-state",)), text


def test_a_country_adjective_names_the_state_only_before_its_forces(parser, ex):
    q = parser.parse("which groups did Turkish jets bomb")
    assert q.readings == (("Turkish", "turan"),)
    notes = " ".join(to_data(ex.explain("which groups did Turkish jets bomb", as_of="2019-06-01"))["notes"])
    assert "'Turkish' is read as Turan, the state its forces or patronage are named after" in notes
    # before a word that is not the state's forces, the adjective names no one ("Turkish militias")
    with pytest.raises((UnknownQuestion, EntityNotFound)):
        parser.parse("which Turkish militias are strong")


def test_what_an_actor_belongs_to_is_its_memberships_not_its_members(ex):
    e = ex.explain("What is Turan a member of?", as_of="2019-06-01")
    keys = {x.key: x for x in e.sections if x.sentences}
    assert [c for x in keys["memberships"].sentences for c in x.claims] == ["c-turan-in-pact"]
    army = ex.explain("What is the Valdor Army part of?", as_of="2019-06-01")
    assert [c for x in army.sections if x.key == "part_of" for s in x.sentences for c in s.claims] == [
        "c-army-part-of-regime"]
    # the other way round: the Pact's members are not what the Pact belongs to
    pact = ex.explain("What is the Pact a member of?", as_of="2019-06-01")
    assert not any(x.sentences for x in pact.sections if x.key in ("memberships", "part_of"))


def test_a_yes_no_membership_question_says_whether_it_holds(ex):
    yes = ex.explain("Is Turan a member of the Pact?", as_of="2019-06-01")
    assert any(n.startswith("Turan is recorded as a member or part of Northern Pact") for n in yes.notes)
    no = ex.explain("Is Turan a member of North Forces?", as_of="2019-06-01")
    assert any(n.startswith("No claim in the graph says that Turan is a member or part of North Forces")
               for n in no.notes)


def _world_with_names_of_places():
    """The invented world plus a state named like a place (Outland) and a body whose alias is a town's name."""
    g = build_world()
    g.add(actors=[Actor("outland-state", "Outland", "state", country="OUT"),
                  Actor("port-board", "Port Board", "government", aliases=("Port Town",), country="VAL")],
          claims=[Claim("c-outland-lists-bb", "outland-state", "designates_terrorist", "black-banner",
                        Interval.parse("2015/.."), citations=[Citation("s-mid", note="states it")])])
    return g


def test_a_name_of_a_place_and_an_actor_is_read_by_its_role():
    parser = QuestionParser(_world_with_names_of_places())
    # the listing state, whose name is also a country's, is not the one listed
    q = parser.parse("Does Outland consider the Black Banner a terrorist group?")
    assert (q.family, q.entities) == ("designations", ("black-banner",))
    # held: the town, not the body that shares its name
    q = parser.parse("Who holds Port Town now that the regime has fled?")
    assert (q.family, q.entities) == ("control", ("port",))
    # troops in a country named like its state: the place
    q = parser.parse("which countries had troops in Outland then")
    assert (q.family, q.entities) == ("control", ("out",))


def test_a_state_with_no_leader_recorded_is_answered_with_its_governments_heads():
    g = build_world()
    g.add(actors=[Actor("valdor-state", "Valdor State", "state", country="VAL"),
                  Actor("val-ministry", "Valdor Ministry", "government", country="VAL"),
                  Actor("minister", "A Minister", "person", country="VAL")],
          claims=[Claim("c-ministry-part", "val-ministry", "part_of", "regime", Interval.parse("2010/2024-12-08"),
                        citations=[Citation("s-early", note="states it")]),
                  Claim("c-minister-leads", "minister", "leads", "val-ministry", Interval.parse("2010/2024-12-08"),
                        citations=[Citation("s-early", note="states it")])])
    e = Explainer(g).explain("Who leads Valdor State?", as_of="2016-06-01")
    heads = {x.key: [c for s in x.sentences for c in s.claims] for x in e.sections if x.sentences}
    assert heads == {"governments": ["c-tyrant-leads"]}  # the ministry, an organ of the regime, is left out
    assert any(n.startswith("No claim names a leader of Valdor State itself") for n in e.notes)
    # the New Authority has no leader recorded: nothing to list, and the plain note stays
    later = Explainer(g).explain("Who leads Valdor State?", as_of="2025-06-01")
    assert not any(x.sentences for x in later.sections if x.key in ("leaders", "governments"))
    assert any(n.startswith("No claim in the graph says who leads Valdor State") for n in later.notes)


def test_an_organ_with_no_fight_of_its_own_is_answered_with_the_fights_of_its_body(ex):
    e = ex.explain("Whom does the Valdor Army fight?", as_of="2016-06-01")
    whole = [c for x in e.sections if x.key == "whole" for s in x.sentences for c in s.claims]
    assert set(whole) == {"c-ff-fights-regime", "c-bb-fights-regime", "c-old-crescent-fights-regime"}
    assert any("the fights of what it is part of are listed" in n for n in e.notes)
    # an organ with a fight of its own is answered with it alone
    g = build_world()
    g.add(claims=[Claim("c-army-fights-ff", "valdor-army", "fights", "free-front", Interval.parse("2015/2017"),
                        citations=[Citation("s-early", note="states it")])])
    own = Explainer(g).explain("Whom does the Valdor Army fight?", as_of="2016-06-01")
    assert [c for x in own.sections if x.key == "fighting" for s in x.sentences for c in s.claims] == [
        "c-army-fights-ff"]
    assert not any(x.sentences for x in own.sections if x.key == "whole")


def test_a_name_is_also_found_without_its_bracketed_explanation_when_no_one_else_bears_it():
    g = build_world()
    g.add(places=[Place("zone", "Border strip (UN area of separation)", "region", 35.0, 38.0, country="VAL"),
                  Place("hill-n", "Twin Hill (north side)", "region", 35.0, 38.0, country="VAL"),
                  Place("hill-s", "Twin Hill (south side)", "region", 35.0, 38.0, country="VAL")],
          claims=[Claim("c-patronia-holds-zone", "patronia", "controls", "zone", Interval.parse("2024-12-08/.."),
                        citations=[Citation("s-late", note="states it")])])
    parser = QuestionParser(g)
    assert parser.parse("who's in the border strip now").entities == ("zone",)
    with pytest.raises((UnknownQuestion, EntityNotFound)):
        parser.parse("who's on Twin Hill now")  # two places bear it: not guessed


def test_a_date_after_after_says_when_a_period_began_not_the_day_asked(parser):
    q = parser.parse("Port Town after the 2017 fighting: who holds it now")
    assert (q.family, q.entities, q.as_of) == ("control", ("port",), None)
    assert parser.parse("who held Port Town in 2017").as_of == "2017"


def test_a_people_in_the_plural_names_its_state(parser):
    q = parser.parse("whom were the Turks fighting then")
    assert (q.family, q.entities, q.readings) == ("opponents", ("turan",), (("Turks", "turan"),))
    with pytest.raises((UnknownQuestion, EntityNotFound)):
        parser.parse("is the Free Front backed by the Martians")  # no such people: not guessed


def test_who_replaced_a_person_is_who_leads_what_the_person_led_last():
    g = build_world()
    g.add(actors=[Actor("emir-one", "Emir Oldman", "person"), Actor("emir-two", "Emir Newman", "person")],
          claims=[Claim("c-emir-one-leads-bb", "emir-one", "leads", "black-banner", Interval.parse("2013/2019-10-27"),
                        citations=[Citation("s-mid", note="states it")]),
                  Claim("c-emir-two-leads-bb", "emir-two", "leads", "black-banner", Interval.parse("2019-10-31/.."),
                        citations=[Citation("s-late", note="states it")])])
    e = Explainer(g).explain("Who replaced Emir Oldman?", as_of="2020-06-01")
    assert e.question.entities == ("black-banner",) and e.question.stands_for == (("emir-one", "black-banner"),)
    assert [c for x in e.sections if x.key == "leaders" for s in x.sentences for c in s.claims] == [
        "c-emir-two-leads-bb"]
    assert any("which Emir Oldman led last before the date" in n for n in e.notes)


@pytest.mark.parametrize("written, iso", [
    ("who held Port Town in mid-July 2019", "who held Port Town in 2019-07"),
    ("who held Port Town in early March 2016", "who held Port Town in 2016-03"),
    ("who held Port Town in the summer of 2012", "who held Port Town in 2012"),
    ("who held Port Town in late 2023", "who held Port Town in 2023"),
    ("who held Port Town at the end of 2015", "who held Port Town at 2015"),
    ("who held Port Town in mid-June", "who held Port Town in mid-June"),  # no year: not a date
])
def test_a_part_of_a_month_or_year_reads_as_the_month_or_year(written, iso):
    from queries.explain.spoken_dates import iso_dates

    assert iso_dates(written) == iso


def test_a_hyphenated_name_is_found_typed_without_its_hyphens():
    g = build_world()
    g.add(actors=[Actor("jabhat-x", "Jabhat al-Xayr", "armed_group", country="VAL")],
          claims=[Claim("c-tyrant-leads-x", "tyrant", "leads", "jabhat-x", Interval.parse("2015/.."),
                        citations=[Citation("s-mid", note="states it")])])
    q = QuestionParser(g).parse("jabhat al xayr leader 2016")
    assert (q.family, q.entities, q.as_of) == ("leaders", ("jabhat-x",), "2016")


def test_what_a_person_belongs_to_is_first_the_body_they_lead(ex):
    """"what does Ovo Tyrant belong to": the regime he leads, as its leader (not what the regime belongs to)."""
    data = to_data(ex.explain("what does Ovo Tyrant belong to", as_of="2016-06-01"))
    [led] = [s for s in data["sections"] if s["key"] == "led"]
    assert [c for x in led["sentences"] for c in x["claims"]] == ["c-tyrant-leads"]
    yes = to_data(ex.explain("Is Ovo Tyrant a member of the Valdor regime?", as_of="2016-06-01"))
    assert any("as its leader" in n for n in yes["notes"])
    after = to_data(ex.explain("Is Ovo Tyrant a member of the Valdor regime?", as_of="2025-06-01"))
    assert not any("as its leader" in n for n in after["notes"])  # he no longer leads it then


def test_asked_for_one_kind_of_support_none_recorded_the_other_kinds_are_listed_apart(ex):
    """"Who funds the regime?": no claim records funding, so the answer says so and lists Patronia's troops and
    weapons under their own heading, not as funding; where funding is recorded, only it is listed."""
    data = to_data(ex.explain("Who funds the Valdor regime?", as_of="2016-06-01"))
    by_key = {s["key"]: s for s in data["sections"]}
    assert not by_key.get("supporters", {}).get("sentences")
    other = by_key["other-support"]
    assert "none with funding" in other["title"]
    assert [data["claims"][c]["subject"]["id"] for x in other["sentences"] for c in x["claims"]] == ["patronia"]
    assert any("supports Regime of Valdor with funding" in n for n in data["notes"])
    funded = to_data(ex.explain("Who funds the Free Front?", as_of="2016-06-01"))
    assert [s["key"] for s in funded["sections"] if s["sentences"]] == ["supporters"]
