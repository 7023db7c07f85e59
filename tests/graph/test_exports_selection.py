"""Which claims and entities an export writes: the same answers as the graph's own queries; and the command."""

from __future__ import annotations

import json

import pytest

from graph.exports import Selection, data_span, select
from loaders.cli.main import main
from tests.graph.test_exports_data import PROBE_DAYS, synthetic_graph


@pytest.fixture(scope="module")
def graph():
    return synthetic_graph()


@pytest.mark.parametrize("certainty", ["possible", "certain"])
@pytest.mark.parametrize("day", PROBE_DAYS + ["2016", "2024-12"])
def test_as_of_selects_what_the_graph_says_holds(graph, day, certainty):
    subset = select(graph, Selection.of(as_of=day, certainty=certainty))
    assert [c.id for c in subset.claims] == [c.id for c in graph.claims(as_of=day, certainty=certainty)]
    view = graph.as_of(day, certainty=certainty)
    actors = {e.id for e in subset.entities if not e.is_place}
    assert actors == {n for n in view.nodes if not graph.get(n).is_place}


def test_filters_are_those_of_relations(graph):
    sel = Selection.of(as_of="2016-12-15", filters={"predicate": ["supports"], "object": "Central Government",
                                                 "status": None})
    subset = select(graph, sel)
    expected = graph.claims(as_of="2016-12-15", predicate=["supports"], object="Central Government")
    assert [c.id for c in subset.claims] == [c.id for c in expected] and expected
    assert {e.id for e in subset.entities} == {x for c in expected for x in (c.subject, c.object)}


def test_period_selects_claims_holding_on_some_day_of_it(graph):
    subset = select(graph, Selection.of(start="2014-06", end="2015-06", filters={"actor": "south"}))
    within = {c.id for c in graph.between("2014-06", "2015-06")}
    assert [c.id for c in subset.claims] == [c.id for c in graph.claims(actor="south") if c.id in within]
    assert {c.id for c in subset.claims} == {"c2", "c3"}
    assert subset.describe().startswith("2014-06-01 to 2015-06-30")


def test_known_as_of_drops_claims_not_yet_reported(graph):
    subset = select(graph, Selection.of(known_as_of="2018-12-31"))
    assert {c.id for c in subset.claims} == {c.id for c in graph.claims(known_as_of="2018-12-31")}
    assert "c2" not in {c.id for c in subset.claims}  # its only source was published in 2019


def test_without_time_every_actor_is_kept_and_the_span_is_the_data(graph):
    subset = select(graph)
    assert {e.id for e in subset.entities if not e.is_place} == {a.id for a in graph.actors}
    assert (subset.first_day, subset.last_day) == data_span(graph)


def test_bad_selections_say_what_to_do():
    with pytest.raises(ValueError, match="either a date"):
        Selection.of(as_of="2016", start="2015")
    with pytest.raises(ValueError, match="unknown export filter"):
        Selection.of(filters={"colour": "red"})
    with pytest.raises(ValueError, match="not an EDTF date"):
        Selection.of(as_of="yesterday")


# ---------------------------------------------------------------------------------------------- the command


def test_export_command_writes_what_relations_prints(tmp_path, capsys):
    out = tmp_path / "seed.json"
    code = main(["export", "json", "--data", "seed", "--as-of", "2024-12-05", "--predicate", "supports",
                 "-o", str(out)])
    assert code == 0
    assert f"wrote {out}" in capsys.readouterr().out
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert main(["relations", "--data", "seed", "--as-of", "2024-12-05", "--predicate", "supports",
                 "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert sorted(e["key"] for e in exported["edges"]) == sorted(r["id"] for r in printed)
    by_id = {e["key"]: e for e in exported["edges"]}
    for r in printed:
        assert by_id[r["id"]]["sources"] == r["sources"]


def test_export_command_folder_formats_and_errors(tmp_path, capsys):
    assert main(["export", "neo4j-csv", "--data", "seed", "-o", str(tmp_path / "neo")]) == 0
    assert "5 files" in capsys.readouterr().out
    assert (tmp_path / "neo" / "relationships.csv").exists()
    assert main(["export", "png", "--data", "seed", "--as-of", "2024-12-05", "--from", "2024", "-o",
                 str(tmp_path / "x.png")]) == 2
    assert "either --as-of or --from/--to" in capsys.readouterr().err
    assert main(["export", "svg", "--data", "seed", "--as-of", "2024-13-01", "-o", str(tmp_path / "x.svg")]) == 2
    assert "not a real date" in capsys.readouterr().err
    assert main(["export", "gexf", "--data", "seed", "--actor", "Nobody At All", "-o", str(tmp_path / "x.gexf")]) == 2
    assert "Nobody At All" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists() and not (tmp_path / "x.svg").exists()


def test_export_command_around_an_actor(tmp_path, capsys):
    """--around takes a name or alias; --hops needs --around; an unknown actor is an error that writes nothing."""
    out = tmp_path / "hts.json"
    assert main(["export", "json", "--data", "seed", "--as-of", "2024-12-05", "--around", "Hay'at Tahrir al-Sham",
                 "-o", str(out)]) == 0
    edges = json.loads(out.read_text(encoding="utf-8"))["edges"]
    assert edges and all("hts" in (e["source"], e["target"]) for e in edges)
    capsys.readouterr()
    assert main(["export", "json", "--data", "seed", "--hops", "2", "-o", str(tmp_path / "x.json")]) == 2
    assert "--hops needs --around" in capsys.readouterr().err
    assert main(["export", "json", "--data", "seed", "--around", "Nobody At All", "-o", str(tmp_path / "y.json")]) == 2
    assert "Nobody At All" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "y.json").exists()
