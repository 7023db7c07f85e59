"""Question parsing: every family in plain English, names by alias, helpful errors for the rest."""

from __future__ import annotations

import pytest

from ontology import AmbiguousName, EntityNotFound
from queries.explain import FAMILIES, QuestionParser, UnknownQuestion
from queries.explain.questions import load_forms
from tests.queries.explain_world import build_world


@pytest.fixture(scope="module")
def parser():
    return QuestionParser(build_world())


@pytest.mark.parametrize("text,family,entities", [
    ("Who is fighting in Valdor?", "sides", ("val",)),
    ("Who is fighting in the civil war in Valdor?", "sides", ("val",)),
    ("Which groups are involved in Valdor?", "sides", ("val",)),
    ("Which countries backed the regime?", "supporters", ("regime",)),
    ("Who sponsored the Black Banner?", "supporters", ("black-banner",)),
    ("Who fought against the Black Banner?", "opponents", ("black-banner",)),
    ("Which forces opposed the regime?", "opponents", ("regime",)),
    ("Who ruled Capital City?", "control", ("capital",)),
    ("Who was in charge of Capital City?", "control", ("capital",)),
    ("Which group held the North Province?", "control", ("north",)),
    ("who are the sides in the North Province", "sides", ("north",)),
    ("Who fights in Capital City?", "sides", ("capital",)),
    ("Who supports the Valdor regime?", "supporters", ("regime",)),
    ("Who backs the regime?", "supporters", ("regime",)),
    ("Who are FF's backers?", "supporters", ("free-front",)),
    ("Whom does Patronia support?", "supported", ("patronia",)),
    ("Whom do the North Forces support?", "supported", ("north-forces",)),
    ("Whom do the Black Banner fight?", "opponents", ("black-banner",)),
    ("What do the North Forces control?", "territory", ("north-forces",)),
    ("Who is backed by the Patronian Federation?", "supported", ("patronia",)),
    ("Who opposes Crescent?", "opponents", ("crescent",)),
    ("Who is fighting the Black Banner?", "opponents", ("black-banner",)),
    ("Who are the enemies of NF?", "opponents", ("north-forces",)),
    ("What is Crescent Brigade?", "profile", ("crescent",)),
    ("Who is IS?", "profile", ("black-banner",)),
    ("Tell me about the Pact", "profile", ("pact",)),
    ("How are Farland and Turan connected?", "connection", ("farland", "turan")),
    ("How is FL related to Capital City?", "connection", ("farland", "capital")),
    ("What is the relationship between Turan and the Northern Pact?", "connection", ("turan", "pact")),
    ("What changed in Valdor between 2024-11-26 and 2024-12-10?", "changes", ("val",)),
    ("What has changed in Valdor in the last 30 days?", "changes", ("val",)),
    ("Who controls Capital City?", "control", ("capital",)),
    ("Who is in control of Valdor?", "control", ("val",)),
    ("WHO SUPPORTS PATRONIA", "supporters", ("patronia",)),
    ("Who leads the Valdor regime?", "leaders", ("regime",)),
    ("Who was the leader of the regime?", "leaders", ("regime",)),
    ("Who is the regime's head?", "leaders", ("regime",)),
    ("Who are the members of the Pact?", "members", ("pact",)),
    ("Which groups belong to the Northern Pact?", "members", ("pact",)),
    ("Who is a member of the Pact?", "members", ("pact",)),
    ("What groups make up North Forces?", "members", ("north-forces",)),
    ("What is Farland a member of?", "memberships", ("farland",)),
    ("Which organisations does Turan belong to?", "memberships", ("turan",)),
    ("Which alliances has Farland joined?", "memberships", ("farland",)),
    ("Is Turan a member of the Pact?", "memberships", ("turan", "pact")),
    ("Who is allied with Crescent?", "allies", ("crescent",)),
    ("Who are the allies of the New Authority?", "allies", ("new-authority",)),
    ("Whom was Crescent allied with?", "allies", ("crescent",)),
    ("What does the Black Banner control?", "territory", ("black-banner",)),
    ("Which towns did BB hold?", "territory", ("black-banner",)),
    ("Where is the Valdor Army based?", "territory", ("valdor-army",)),
])
def test_each_family_is_understood_with_names_and_aliases(parser, text, family, entities):
    q = parser.parse(text)
    assert (q.family, q.entities) == (family, entities)


def test_every_family_has_a_form():
    assert {f.family for f in load_forms()} == set(FAMILIES)


def test_arms_and_funds_narrow_the_support_type(parser):
    assert parser.parse("Who arms the Free Front?").support_type == "weapons"
    assert parser.parse("Who funds the Free Front?").support_type == "funding"
    assert parser.parse("Who supports the Free Front?").support_type is None


def test_dates_and_day_counts_are_read(parser):
    q = parser.parse("What changed in Valdor between 2024-11 and 2024-12-10?")
    assert q.dates == ("2024-11", "2024-12-10")
    assert parser.parse("What changed in Valdor in the last 2 weeks?").days == 14
    assert parser.parse("What changed in Valdor in the past 45 days?").days == 45
    assert parser.parse("What changed in Valdor since 2024-12?").dates == ("2024-12",)


def test_acronyms_match_only_as_written(parser):
    # "is" is a question word here, "IS" an alias of the Black Banner
    assert parser.parse("Who is fighting IS?").entities == ("black-banner",)
    assert parser.parse("Who is fighting in Valdor?").family == "sides"


def test_typographic_apostrophes_are_folded(parser):
    assert parser.parse("Who are FF’s backers?").entities == ("free-front",)


def test_unknown_actor_gets_the_closest_names(parser):
    # (not "Patronya": another spelling of Patronia is read as Patronia, see test_explain_spellings.py)
    with pytest.raises(EntityNotFound) as err:
        parser.parse("Who supports Patrovia?")
    assert "Patronia" in err.value.suggestions
    assert "Patronia" in str(err.value)


def test_a_place_slot_wants_a_place(parser):
    with pytest.raises(EntityNotFound) as err:
        parser.parse("Who is fighting in Valdorn?")  # (Valdorr would be read as a spelling of Valdor)
    assert err.value.suggestions[0] == "Valdor"


@pytest.mark.parametrize("text,closest", [
    ("Which way to the beach?", None),
    ("Who was winning the war in Valdor around then?", "Who is fighting in PLACE?"),
    ("", None),
])
def test_outside_the_forms_the_error_lists_them_and_suggests_one(parser, text, closest):
    with pytest.raises(UnknownQuestion) as err:
        parser.parse(text)
    message = str(err.value)
    for example in ("Who is fighting in PLACE?", "Who controls PLACE?", "How are ACTOR and ACTOR connected?",
                    "What changed in PLACE in the last N days?"):
        assert example in message
    assert err.value.closest in err.value.forms
    if closest:
        assert err.value.closest == closest


def test_an_alias_shared_by_two_actors_is_ambiguous():
    from graph import Actor, ActorGraph
    g = ActorGraph()
    g.add(actors=[Actor("a1", "Army One", "armed_group", aliases=("The Army",)),
                  Actor("a2", "Army Two", "armed_group", aliases=("The Army",))])
    with pytest.raises(AmbiguousName) as err:
        QuestionParser(g).parse("Who supports The Army?")
    assert {c[0] for c in err.value.candidates} == {"a1", "a2"}


@pytest.mark.parametrize("text,as_of,entities", [
    ("Who is fighting in Valdor in 2016?", "2016", ("val",)),
    ("Who was fighting in Valdor on 2016-06-01?", "2016-06-01", ("val",)),
    ("Who supports the regime as of 2019-05?", "2019-05", ("regime",)),
    ("What changed in Valdor in the last 30 days as of 2024-12-20?", "2024-12-20", ("val",)),
    ("Who supports the regime?", None, ("regime",)),
])
def test_a_question_may_end_with_its_date(parser, text, as_of, entities):
    q = parser.parse(text)
    assert (q.as_of, q.entities) == (as_of, entities)


@pytest.mark.parametrize("text,as_of", [
    ("Who was fighting in Valdor on 1 June 2016?", "2016-06-01"),
    ("Who was fighting in Valdor on the 1st of June, 2016?", "2016-06-01"),
    ("Who was fighting in Valdor on June 1, 2016?", "2016-06-01"),
    ("Who was fighting in Valdor on Sept. 30th 2015?", "2015-09-30"),
    ("Who supports the regime in March 2019?", "2019-03"),
    ("Who supports the regime as of dec 2024?", "2024-12"),
])
def test_a_date_written_out_is_read_as_that_day_or_month(parser, text, as_of):
    q = parser.parse(text)
    assert q.as_of == as_of
    assert q.text == text  # the answer repeats the question as it was asked


def test_a_day_that_does_not_exist_is_not_read_as_a_date(parser):
    with pytest.raises((UnknownQuestion, EntityNotFound)):
        parser.parse("Who was fighting in Valdor on 31 June 2016?")


def test_a_misspelt_name_before_a_date_is_suggested_without_the_preposition(parser):
    with pytest.raises(EntityNotFound) as err:
        parser.parse("Who supports Patrovia as of 2016?")
    assert err.value.name == "Patrovia" and "Patronia" in err.value.suggestions


@pytest.mark.parametrize("text", ["Whom does Patronia fight?", "Who is the Patronian Federation fighting?",
                                  "Which groups did Patronia fight?"])
def test_whom_an_actor_fights_is_an_opponents_question(parser, text):
    q = parser.parse(text)
    assert (q.family, q.entities) == ("opponents", ("patronia",))


def test_a_state_fights_through_its_forces():
    """'Whom does Patronia fight?': the fights of a body that is part of it count, listed apart."""
    from graph.model import Actor, Citation, Claim, Source
    from graph.time import Interval, PartialDate
    from queries.explain import Explainer

    g = build_world()
    g.add(actors=[Actor("patronia-army", "Patronian Army", "armed_forces")],
          sources=[Source("s-army", "Army report", "Agency", "https://example.org/army", PartialDate.parse("2016"))],
          claims=[Claim("c-army-part", "patronia-army", "part_of", "patronia", Interval.parse("2015/.."),
                        citations=(Citation("s-army", note="states it"),)),
                  Claim("c-army-fights-ff", "patronia-army", "fights", "free-front", Interval.parse("2015-09/2017"),
                        citations=(Citation("s-army", note="states it"),))])
    e = Explainer(g).explain("Whom does Patronia fight?", as_of="2016-06-01")
    forces = {s.key: s for s in e.sections}["forces"]
    assert [s.claims for s in forces.sentences] == [("c-army-fights-ff",)]
    later = Explainer(g).explain("Whom does Patronia fight?", as_of="2018-06-01")
    assert "forces" not in {s.key for s in later.sections if s.sentences}  # the fight had ended


def test_who_runs_a_place_asks_about_control_and_who_runs_an_actor_about_its_leaders(parser):
    assert parser.parse("Who runs Capital City?").family == "control"
    assert parser.parse("Who runs the regime?").family == "leaders"
