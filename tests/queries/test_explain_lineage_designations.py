"""Two question families: who designates an actor as terrorist, and where an actor comes from / what it became."""

from __future__ import annotations

import json

import pytest

from loaders.cli.main import main
from queries.explain import QuestionParser
from tests.queries.explain_world import build_world


@pytest.fixture(scope="module")
def parser():
    return QuestionParser(build_world())


@pytest.mark.parametrize("text, family", [
    ("Who designated the Black Banner as a terrorist organization?", "designations"),
    ("Who lists the Black Banner as a terrorist group?", "designations"),
    ("Which countries designate the Black Banner as terrorist?", "designations"),
    ("Who considers the Black Banner a terrorist organisation?", "designations"),
    ("Is the Black Banner designated as a terrorist organisation?", "designations"),
    ("Has the Black Banner been listed as a terrorist entity?", "designations"),
    ("What did the Black Banner become?", "lineage"),
    ("What became of the Black Banner?", "lineage"),
    ("Where does the Black Banner come from?", "lineage"),
    ("What groups merged into the Black Banner?", "lineage"),
    ("Who founded the Black Banner?", "lineage"),
    ("What was the predecessor of the Black Banner?", "lineage"),
    ("What is the Black Banner's predecessor?", "lineage"),
    ("What is the Black Banner?", "profile"),  # still the profile
])
def test_the_new_forms_are_read_as_their_family(parser, text, family):
    q = parser.parse(text)
    assert (q.family, q.entities) == (family, ("black-banner",))


def _answer(capsys, question, date):
    assert main(["explain", question, "--as-of", date, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _claims(answer, key):
    return {c for s in answer["sections"] if s["key"] == key for sentence in s["sentences"] for c in sentence["claims"]}


def test_designations_hold_at_the_date(capsys):
    """The bundled corpus: Turkey listed HTS on 31 August 2018, the United States on 31 May 2018."""
    june = _answer(capsys, "Who designated HTS as a terrorist organization?", "2018-06-15")
    assert june["family"] == "designations"
    assert "usa-designates-hts" in _claims(june, "designations")
    assert "b-turkey-designates-hts" not in _claims(june, "designations")
    later = _answer(capsys, "Who designated HTS as a terrorist organization?", "2019-06-01")
    assert {"usa-designates-hts", "b-turkey-designates-hts"} <= _claims(later, "designations")


def test_lineage_shows_what_had_happened_by_the_date(capsys):
    """Jabhat al-Nusra became Jabhat Fateh al-Sham on 28 July 2016: not yet in 2015, and told ever after."""
    before = _answer(capsys, "What did Jabhat al-Nusra become?", "2015-06-01")
    assert before["family"] == "lineage"
    assert "b-jfs-successor-of-nusra" not in _claims(before, "descendants")
    assert "nusra-offshoot-of-isi" in _claims(before, "ancestors")
    after = _answer(capsys, "What did Jabhat al-Nusra become?", "2019-06-01")
    assert "b-jfs-successor-of-nusra" in _claims(after, "descendants")
    founders = _answer(capsys, "Who were the founders of HTS?", "2019-06-01")
    assert "b-jfs-merged-into-hts" in _claims(founders, "ancestors")


def test_lineage_names_the_founding_members_not_later_ones_nor_persons():
    from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source
    from queries.explain import Explainer

    g = ActorGraph()
    g.add(actors=[Actor("union", "Union Front", "coalition", founded=PartialDate.parse("2017-01-28")),
                  Actor("a", "Alpha Brigade", "armed_group"), Actor("b", "Beta Brigade", "armed_group"),
                  Actor("late", "Late Brigade", "armed_group"), Actor("emir", "An Emir", "person")],
          sources=[Source("s1", "Report", "Wire", "https://example.org/r", PartialDate.parse("2018"))],
          claims=[Claim(i, s, "member_of", "union", Interval.parse(v), citations=[Citation("s1", note="says so")])
                  for i, s, v in [("m-a", "a", "2017-01-28/2017-07"), ("m-b", "b", "2017-02-02/.."),
                                  ("m-late", "late", "2017-06/.."), ("m-emir", "emir", "2017-01-28/..")]])
    ex = Explainer(g)
    founders = lambda e: [c for s in e.sections if s.key == "founders" for x in s.sentences for c in x.claims]  # noqa: E731
    # Alpha left in July 2017 and is still a founder in 2020; Beta joined within the week; Late and the person not
    assert founders(ex.explain("Who founded the Union Front?", as_of="2020-01-01")) == ["m-a", "m-b"]
    # before Beta's joining, only Alpha
    assert founders(ex.explain("Who founded the Union Front?", as_of="2017-01-30")) == ["m-a"]
    # the record as it stood before anything was reported knows none
    assert founders(ex.explain("Who founded the Union Front?", as_of="2020-01-01", known_as_of="2017-12-31")) == []
