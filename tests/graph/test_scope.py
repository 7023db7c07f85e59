"""``ActorGraph.relations``: the Python face of ``actorgraph relations``, listing the same rows for the same reasons."""

from __future__ import annotations

import json

import pytest

from loaders.cli.main import main
from loaders.dataset import load_datasets
from tests.loaders.test_cli import _EPISODE_DATA


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("episodes")
    for name, text in _EPISODE_DATA.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_datasets([folder]), folder


def test_relations_give_each_claim_with_why_it_is_listed(graph):
    g, _ = graph
    listed = g.relations(subject="Land", predicate="fights", as_of="2021-02-25")
    assert [(x.claim.id, x.why) for x in listed] == [("month-strike", "match"), ("raid", "episode"),
                                                      ("strike", "part")]
    # One kind as text or as a list; exact=True is claims() itself.
    assert [x.claim.id for x in g.relations(subject="land", predicate=["fights"], as_of="2021-02-26")] == [
        "month-strike", "raid", "strike"]
    assert [x.claim.id for x in g.relations(subject="land", predicate="fights", as_of="2021-02-26", exact=True)] \
        == [c.id for c in g.claims(subject="land", predicate="fights", as_of="2021-02-26")] == ["month-strike"]
    # Undated: no "week before", no lineage by date; the parts still count.
    assert {x.claim.id for x in g.relations(subject="land", predicate="fights")} == {
        "strike", "raid", "campaign", "old-strike", "month-strike"}


@pytest.mark.parametrize("argv, kwargs", [
    (["--subject", "land", "--predicate", "fights", "--as-of", "2021-03-01"],
     {"subject": "land", "predicate": "fights", "as_of": "2021-03-01"}),
    (["--object", "militia-a", "--as-of", "2021-02-26", "--certainty", "certain"],
     {"object": "militia-a", "as_of": "2021-02-26", "certainty": "certain"}),
    (["--actor", "land-air", "--as-of", "2021-02-26", "--exact"],
     {"actor": "land-air", "as_of": "2021-02-26", "exact": True}),
])
def test_the_command_and_the_method_list_the_same_rows(graph, capsys, argv, kwargs):
    g, folder = graph
    assert main(["relations", "--data", str(folder), *argv, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["listed_as"]) for r in rows] == [(x.claim.id, x.why) for x in g.relations(**kwargs)]
