"""A question naming a post ("Valdor's defence minister") is answered with its holder, never with the head of state.

An invented world (names made up, so nothing is right by accident of the real record): Valdor's army is led by a
defence minister and a chief of staff at once (told apart only by the ``role`` of their ``leads`` claims); a rebel
government keeps its own defence minister; after a change of regime the post passes to the leader of a body named
a ministry of defence, with no role recorded.
"""

from __future__ import annotations

import pytest

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source
from queries.explain import Explainer, to_data
from queries.explain.posts import asked_post

ACTORS = [
    ("valdor", "Valdor", "state", "VAL", ()),
    ("regime", "Old Regime", "government", "VAL", ()),
    ("army", "Valdor Army", "armed_forces", "VAL", ()),
    ("council", "Rebel Council", "government", "VAL", ()),
    ("rebel-army", "Rebel Army", "armed_group", "VAL", ()),
    ("defence-ministry", "Defence Ministry of Valdor", "armed_forces", "VAL", ("Ministry of Defence",)),
    ("tyrant", "Ovo Tyrant", "person", "VAL", ()),
    ("minister-a", "Ansel Minister", "person", "VAL", ()),
    ("general-b", "Bert General", "person", "VAL", ()),
    ("minister-c", "Cato Minister", "person", "VAL", ()),
    ("rebel-d", "Dario Rebel", "person", "VAL", ()),
    ("minister-e", "Emil Minister", "person", "VAL", ()),
    ("farland", "Farland", "state", "FAR", ()),
    ("premier-p", "Petra Premier", "person", "VAL", ()),
    ("king", "Farland King", "person", "FAR", ()),
]

# id, subject, predicate, object, valid, role
CLAIMS = [
    ("tyrant-leads-valdor", "tyrant", "leads", "valdor", "2000/2024-12-08", "president"),
    ("tyrant-leads-regime", "tyrant", "leads", "regime", "2000/2024-12-08", None),
    ("army-part-of-regime", "army", "part_of", "regime", "2000/2024-12-08", None),
    ("a-leads-army", "minister-a", "leads", "army", "2012-07-18/2018-01-01", "minister of defence"),
    ("b-leads-army", "general-b", "leads", "army", "2012-07/2018-01-01", "chief of the general staff"),
    ("c-leads-army", "minister-c", "leads", "army", "2018-01-01/2024-12-08", "Minister of Defense"),
    ("rebel-army-part-of-council", "rebel-army", "part_of", "council", "2019/", None),
    ("d-leads-rebel-army", "rebel-d", "leads", "rebel-army", "2020-03/2025-01-29",
     "defence minister of the Rebel Council"),
    ("e-leads-ministry", "minister-e", "leads", "defence-ministry", "2024-12-31/", None),
    ("king-leads-farland", "king", "leads", "farland", "1990/", "king"),
    ("p-leads-council", "premier-p", "leads", "council", "2019/2023", "prime minister of the Rebel Council"),
]


@pytest.fixture(scope="module")
def ex():
    g = ActorGraph()
    g.add(actors=[Actor(i, n, k, country=c, aliases=a) for i, n, k, c, a in ACTORS],
          sources=[Source("s", "A report on Valdor", "Wire A", "https://example.org/valdor",
                                   PartialDate.parse("2010"))],
          claims=[Claim(i, s, p, o, Interval.parse(v), citations=[Citation("s", note="states it")],
                        qualifiers={"role": r} if r else {}) for i, s, p, o, v, r in CLAIMS])
    return Explainer(g)


def _answer(ex, question, on):
    data = to_data(ex.explain(question, as_of=on))
    cited = [c for s in data["sections"] if s["key"] != "recent" for x in s["sentences"] for c in x["claims"]]
    return sorted({data["claims"][c]["subject"]["id"] for c in cited}), data


@pytest.mark.parametrize("question, on, holders", [
    ("Who is Valdor's defence minister?", "2016-06-01", ["minister-a"]),
    ("who was the valdor defense minister", "2019-06-01", ["minister-c"]),
    # a civil war: the post is held in both governments at once
    ("Who is Valdor's defence minister?", "2021-06-01", ["minister-c", "rebel-d"]),
    # after the regime: the leader of the body named a ministry of defence (no role recorded)
    ("Who is Valdor's minister of defence?", "2025-06-01", ["minister-e"]),
    ("Who was the Valdor Army's chief of staff?", "2016-06-01", ["general-b"]),
    ("Who is the Rebel Council's defence minister?", "2021-06-01", ["rebel-d"]),
    # a person's minister: the post in the government the person leads, not in the rival one
    ("Ovo Tyrant's new defence minister?", "2021-06-01", ["minister-c"]),
    ("who did the Rebel Council pick as prime minister", "2021-06-01", ["premier-p"]),
])
def test_a_post_is_answered_with_its_holder_not_the_head(ex, question, on, holders):
    named, data = _answer(ex, question, on)
    assert named == holders, data["sections"]
    assert data["family"] == "leaders"
    assert any("holds the post of" in n for n in data["notes"])


def test_a_post_nobody_is_recorded_in_says_so_and_names_no_head(ex):
    named, data = _answer(ex, "Who is Farland's defence minister?", "2016-06-01")
    assert named == []
    assert any("No claim in the graph says who is the defence minister of Farland" in n for n in data["notes"])


def test_without_a_post_the_leader_question_is_unchanged(ex):
    named, _ = _answer(ex, "Who leads Valdor?", "2016-06-01")
    assert named == ["tyrant"]
    named, _ = _answer(ex, "Who leads the Valdor Army?", "2016-06-01")
    assert named == ["general-b", "minister-a"]


def test_the_role_is_shown_in_the_leaders_sentences(ex):
    data = to_data(ex.explain("Who leads the Valdor Army?", as_of="2016-06-01"))
    texts = [x["text"] for s in data["sections"] for x in s["sentences"]]
    assert "Ansel Minister leads Valdor Army (minister of defence), from 18 July 2012 to 1 January 2018." in texts
    assert any(t.startswith("Bert General leads Valdor Army (chief of the general staff)") for t in texts)


@pytest.mark.parametrize("text, key", [
    ("Who is Syria's defence minister under Sharaa?", "defence"),
    ("the war minister of the caliphate", "defence"),
    ("US secretary of defense in 2017", "defence"),
    ("who was chief of the general staff", "staff"),
    ("Turkey's foreign minister", "foreign"),
    ("who is syria's prime minister", "premier"),
    ("minister of the interior", "interior"),
    ("Who leads Syria?", None),
    ("ministry of defence leaders", None),  # the body is named: an ordinary leaders question
])
def test_the_posts_a_question_names(text, key):
    post = asked_post(text)
    assert (post.key if post else None) == key
