"""What the loader checks across records and files: cycles, follow-on problems, the order problems come in,
the files a folder is made of, and the id rule as documented."""

from __future__ import annotations

import json
import os
import re

from graph import Actor, ActorGraph, Citation, Claim, Interval, PartialDate, Source
from graph.model import ID_PATTERN
from loaders import read_dataset
from loaders.dataset import load_datasets
from ontology import DatasetInvalid
from tests.conftest import FIXTURES
from tests.loaders.test_bad_input import ACTORS, CLAIMS, SOURCES, dataset

ROOT = FIXTURES.parents[1]


def _claim(i, s, p, o, valid="2015"):
    return f"  - {{id: {i}, subject: {s}, predicate: {p}, object: {o}, valid: '{valid}', sources: [s1]}}\n"


def test_a_cycle_closed_against_an_already_loaded_graph_is_found(tmp_path):
    g = ActorGraph()
    g.add(actors=[Actor("hts", "HTS", "armed_group"), Actor("sna", "SNA", "armed_group")],
          sources=[Source("s0", "T", "P", "https://x.org", PartialDate.parse("2020"))],
          claims=[Claim("old", "hts", "successor_of", "sna", Interval.parse("2016"), citations=(Citation("s0"),))])
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "s.yaml").write_text(SOURCES + "claims:\n" + _claim("new", "sna", "offshoot_of", "hts"))
    problems = read_dataset([folder], existing=g).problems
    assert len(problems) == 1 and "lineage cycle" in problems[0].message
    assert "(claim old)" in problems[0].message and "(claim new)" in problems[0].message
    assert problems[0].file.endswith("s.yaml") and problems[0].line == 8


def test_a_long_cycle_is_named_link_by_link(tmp_path):
    actors = ACTORS + "  - {id: c, name: C, kind: armed_group}\n"
    claims = "claims:\n" + _claim("x1", "hts", "offshoot_of", "sna") + _claim("x2", "sna", "successor_of", "c") + \
        _claim("x3", "c", "offshoot_of", "hts")
    [problem] = read_dataset([dataset(tmp_path, **{"actors.yaml": actors, "claims.yaml": claims})]).problems
    links = re.findall(r"(\w+) (\w+) (\w+) \(claim (x\d)\)", problem.message)
    assert {link[3] for link in links} == {"x1", "x2", "x3"}
    assert all(links[i][0] == links[(i + 1) % 3][2] for i in range(3))  # each link's child is the next one's parent


def test_the_ucdp_split_and_rejoin_pattern_loads(tmp_path):
    claims = "claims:\n" + _claim("a", "hts", "offshoot_of", "sna", "2014") + \
        _claim("b", "hts", "merged_into", "sna", "2017")
    assert read_dataset([dataset(tmp_path, **{"claims.yaml": claims})]).problems == []


def test_places_within_a_loaded_place_cycle_only_when_this_batch_closes_it(tmp_path):
    base = tmp_path / "base"
    base.mkdir()
    (base / "p.yaml").write_text("places:\n  - {id: syria, name: Syria, kind: country, lat: '35', lon: '38'}\n")
    g = load_datasets([base])
    more = tmp_path / "more"
    more.mkdir()
    (more / "p.yaml").write_text("places:\n  - {id: hama, name: Hama, kind: city, lat: '35', lon: '36', "
                                 "within: syria}\n")
    assert read_dataset([more], existing=g).problems == []


def test_follow_on_problems_of_a_broken_file_are_silenced_but_real_ones_stay(tmp_path):
    claims = CLAIMS + _claim("c2", "hts", "fights", "nobody")
    folder = dataset(tmp_path, **{"actors.yaml": ACTORS.replace("  - id: sna", " - id: sna"), "claims.yaml": claims})
    problems = read_dataset([folder]).problems
    messages = [p.message for p in problems]
    assert "YAML syntax error" in messages[0]  # the cause first
    assert sum("unknown actor id" in m for m in messages) == 1 and "'nobody'" in messages[-1]


def test_a_cut_off_csv_keeps_its_rows_and_silences_the_lost_ones(tmp_path):
    rows = b'id,name,kind\nhts,HTS,armed_group\nsna,"SNA,armed_group\n'
    folder = dataset(tmp_path, **{"actors.yaml": None, "actors.csv": rows})
    problems = read_dataset([folder]).problems
    assert len(problems) == 1 and problems[0].line == 3 and "never closed" in problems[0].message


def test_a_folder_linked_twice_is_read_once(tmp_path):
    shared = dataset(tmp_path, "shared")
    folder = tmp_path / "data"
    folder.mkdir()
    os.symlink(shared, folder / "one")
    os.symlink(shared, folder / "two")
    (folder / ".#claims.yaml").symlink_to("someone@host.1234")  # an editor's lock: not data, not a problem
    ds = read_dataset([folder])
    assert ds.problems == [] and len(ds.actors) == 2 and len(ds.claims) == 1


def test_problems_come_as_json_with_their_column(tmp_path, capsys):
    from loaders.cli.main import main

    folder = dataset(tmp_path, **{"claims.yaml": CLAIMS.replace("fights", "fi\x1bghts")})
    assert main(["validate", "--format", "json", str(folder)]) == 1
    [problem] = json.loads(capsys.readouterr().out)["problems"]
    assert (problem["line"], problem["column"]) == (4, 18)


def test_the_id_rule_is_the_same_in_the_format_the_schema_and_the_model():
    schema = json.loads((ROOT / "loaders" / "schema" / "dataset.schema.json").read_text(encoding="utf-8"))
    documented = re.search(r"Ids match `([^`]+)`", (ROOT / "loaders" / "FORMAT.md").read_text(encoding="utf-8"))
    assert documented.group(1) == schema["$defs"]["id"]["pattern"] == ID_PATTERN.pattern
    assert schema["properties"]["dataset"]["properties"]["id"]["pattern"] == ID_PATTERN.pattern


def test_a_load_with_a_cycle_changes_nothing(tmp_path):
    g = load_datasets([dataset(tmp_path, "ok")])
    claims = SOURCES.replace("s1", "s9") + "claims:\n" + _claim("y1", "hts", "offshoot_of", "sna").replace(
        "s1", "s9") + _claim("y2", "sna", "offshoot_of", "hts").replace("s1", "s9")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "c.yaml").write_text(claims)
    before = sorted(c.id for c in g.all_claims())
    try:
        load_datasets([bad], into=g)
    except DatasetInvalid as exc:
        assert "lineage cycle" in str(exc)
    else:
        raise AssertionError("the cycle was loaded")
    assert sorted(c.id for c in g.all_claims()) == before
