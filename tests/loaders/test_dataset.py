"""Loading dataset folders: everything is checked first, every problem is reported, nothing half-loads."""

import json
import textwrap
from importlib import resources

import pytest

from graph import ActorGraph
from loaders import bundled_dataset, load_datasets, read_dataset
from ontology import (
    ACTOR_PARTS,
    CLAIM_PARTS,
    PLACE_PARTS,
    ActorKind,
    DatasetInvalid,
    PlaceKind,
    RelationKind,
    SourceKind,
    Status,
    SupportType,
)

GOOD = {
    "actors.yaml": """\
        actors:
          - id: north
            name: Northland
            kind: state
            aliases: [The North, الشمال]
          - id: gov
            name: Central Government
            kind: government
            dissolved: 2024-12-08
          - id: front
            name: Liberation Front
            kind: armed_group
            founded: 2012
        """,
    "places.yaml": """\
        places:
          - {id: cap, name: Capital, kind: city, lat: 33.5, lon: 36.3}
        """,
    "sources.yaml": """\
        sources:
          - id: s1
            title: A report
            publisher: An agency
            url: https://example.org/report
            published: 2016-01
        """,
    "claims.yaml": """\
        claims:
          - id: c1
            subject: north
            predicate: supports
            object: gov
            valid: 2015-09-30/2024-12-08
            support_types: [troops, diplomatic]
            sources:
              - id: s1
                note: says so
          - id: c2
            subject: front
            predicate: controls
            object: cap
            valid: 2013/2016
            sources: [s1]
        """,
}


def write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def with_claims(extra: str) -> dict:
    files = dict(GOOD)
    files["claims.yaml"] = textwrap.dedent(GOOD["claims.yaml"]) + textwrap.indent(textwrap.dedent(extra), "  ")
    return files


def test_good_dataset_loads(tmp_path):
    g = load_datasets([write(tmp_path / "ds", GOOD)])
    assert len(g) == 2 and g.resolve("الشمال") == "north"
    c1 = g.claim("c1")
    assert c1.citations[0].note == "says so"
    assert str(g.claim("c2").valid) == "2013/2016"  # years stay years
    assert g.source("s1").published.precision.value == "month"


def _problems(tmp_path, files):
    ds = read_dataset([write(tmp_path / "ds", files)])
    return ds.problems


@pytest.mark.parametrize(("extra", "field", "words"), [
    ("""\
     - id: x
       subject: nobody
       predicate: supports
       object: gov
       sources: [s1]
     """, "subject", "unknown actor id 'nobody'"),
    ("""\
     - id: x
       subject: north
       predicate: supports
       object: gov
       sources: [missing-source]
     """, "sources", "unknown source id 'missing-source'"),
    ("""\
     - id: x
       subject: north
       predicate: suports
       object: gov
       sources: [s1]
     """, "predicate", "did you mean 'supports'"),
    ("""\
     - id: x
       subject: north
       predicate: supports
       object: gov
       support_types: [guns]
       sources: [s1]
     """, "support_types", "'guns' is not allowed"),
    ("""\
     - id: x
       subject: north
       predicate: supports
       object: gov
       valid: 2015-13-01/..
       sources: [s1]
     """, "valid", "2015-13-01"),
    ("""\
     - id: x
       subject: north
       predicate: supports
       object: gov
       valid: 2017/2015
       sources: [s1]
     """, "valid", "ends before it starts"),
    ("""\
     - id: x
       subject: north
       predicate: supports
       object: front
       valid: 2010/2011
       sources: [s1]
     """, "valid", "only founded 2012"),
    ("""\
     - id: x
       subject: north
       predicate: supports
       object: gov
       valid: 2020/..
       sources: [s1]
     """, "valid", "open-ended"),
    ("""\
     - id: x
       subject: front
       predicate: designates_terrorist
       object: north
       sources: [s1]
     """, "subject", "does not take a armed_group"),
    ("""\
     - id: x
       subject: north
       predicate: controls
       object: gov
       sources: [s1]
     """, "object", "links an actor to a place"),
    ("""\
     - id: x
       subject: north
       predicate: fights
       object: cap
       sources: [s1]
     """, "object", "is a place"),
    ("""\
     - id: c1
       subject: north
       predicate: opposes
       object: gov
       sources: [s1]
     """, "id", "duplicate claim id 'c1'"),
    ("""\
     - id: x
       subject: north
       predicate: opposes
       object: gov
       support_types: [troops]
       sources: [s1]
     """, "support_types", "only go with 'supports'"),
    ("""\
     - id: x
       subject: north
       predicate: opposes
       object: gov
     """, "sources", "'sources' is a required property"),
    ("""\
     - id: x
       subject: north
       predicate: opposes
       object: gov
       status: rumoured
       sources: [s1]
     """, "status", "'rumoured' is not allowed"),
    ("""\
     - id: Bad Id
       subject: north
       predicate: opposes
       object: gov
       sources: [s1]
     """, "id", "'Bad Id' is not valid"),
])
def test_each_kind_of_bad_claim_is_reported_with_file_line_and_field(tmp_path, extra, field, words):
    problems = _problems(tmp_path, with_claims(extra))
    assert len(problems) == 1, problems
    p = problems[0]
    assert p.file.endswith("claims.yaml")
    assert p.field == field
    assert words in p.message
    claims_text = textwrap.dedent(GOOD["claims.yaml"])
    assert p.line > claims_text.count("\n")  # points into the added record, not the good ones


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    files = dict(GOOD)
    files["more.yaml"] = """\
        actors:
          - id: north
            name: North again
            kind: state
        """
    problems = _problems(tmp_path, files)
    assert [p.field for p in problems] == ["id"]
    assert "duplicate id 'north'" in problems[0].message and "actors.yaml:2" in problems[0].message
    assert problems[0].file.endswith("more.yaml") and problems[0].line == 2


def test_bad_actor_and_place_fields(tmp_path):
    files = dict(GOOD)
    files["bad.yaml"] = """\
        actors:
          - id: a1
            name: A
            kind: warlord
          - id: a2
            name: B
            kind: state
            founded: 2020
            dissolved: 2019
          - id: a3
            name: C
            kind: state
            founded: last year
        places:
          - {id: p1, name: P, kind: city, lat: 95, lon: 36.3}
          - {id: p2, name: Q, kind: village, lat: 1, lon: 1}
          - {id: p3, name: R, kind: city, lat: 1, lon: 1, within: nowhere}
        """
    problems = _problems(tmp_path, files)
    found = {(p.line, p.field) for p in problems}
    assert (4, "kind") in found          # unknown actor kind
    assert (9, "dissolved") in found     # dissolved before founded
    assert (13, "founded") in found      # not an EDTF date
    assert (15, "lat") in found          # out of range
    assert (16, "kind") in found         # unknown place kind
    assert (17, "within") in found       # unknown parent place
    assert len(problems) == 6


def test_all_problems_are_reported_at_once(tmp_path):
    extra = """\
     - id: x1
       subject: nobody
       predicate: supports
       object: gov
       sources: [s1]
     - id: x2
       subject: north
       predicate: supports
       object: gov
       valid: 2017/2015
       sources: [s1]
     - id: x3
       subject: north
       predicate: bombs
       object: gov
       sources: [s1]
     """
    problems = _problems(tmp_path, with_claims(extra))
    assert [p.field for p in problems] == ["subject", "valid", "predicate"]
    assert len({p.line for p in problems}) == 3


def test_yaml_syntax_error_is_located(tmp_path):
    files = dict(GOOD)
    files["broken.yaml"] = "actors:\n  - id: a\n    name: [unclosed\n"
    problems = _problems(tmp_path, files)
    assert len(problems) == 1 and problems[0].file.endswith("broken.yaml")
    assert "YAML syntax error" in problems[0].message and problems[0].line >= 3


def test_unknown_top_level_key_and_field(tmp_path):
    files = dict(GOOD)
    files["odd.yaml"] = "relations:\n  - id: r1\n"
    files["odd2.yaml"] = "actors:\n  - id: z\n    name: Z\n    kind: state\n    colour: red\n"
    problems = _problems(tmp_path, files)
    messages = " | ".join(str(p) for p in problems)
    assert "'relations' was unexpected" in messages and "'colour' was unexpected" in messages
    assert {p.line for p in problems if p.file.endswith("odd2.yaml")} == {5}


def test_a_bad_file_changes_nothing(tmp_path):
    g = load_datasets([write(tmp_path / "good", GOOD)])
    snapshot = (len(g), len(g.actors), len(g.sources))
    bad = {"claims.yaml": """\
        actors:
          - {id: newcomer, name: Newcomer, kind: armed_group}
        claims:
          - {id: n1, subject: newcomer, predicate: fights, object: gov, valid: 2020, sources: [s1]}
          - {id: n2, subject: newcomer, predicate: supports, object: ghost, sources: [s1]}
        """}
    with pytest.raises(DatasetInvalid) as err:
        load_datasets([write(tmp_path / "bad", bad)], into=g)
    assert len(err.value.problems) == 1 and "ghost" in str(err.value)
    assert (len(g), len(g.actors), len(g.sources)) == snapshot
    assert "newcomer" not in g


def test_second_dataset_can_refer_to_the_first(tmp_path):
    g = load_datasets([write(tmp_path / "good", GOOD)])
    more = {"more.yaml": """\
        claims:
          - {id: m1, subject: front, predicate: fights, object: gov, valid: 2012-07/2024-12-08, sources: [s1]}
        """}
    load_datasets([write(tmp_path / "more", more)], into=g)
    assert g.holds("gov", "fights", "front", "2016")
    with pytest.raises(DatasetInvalid, match="already loaded"):
        load_datasets([write(tmp_path / "more", more)], into=g)


def test_csv_layout(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "actors.csv").write_text(
        "id,name,kind,aliases,founded,external_ids\n"
        "north,Northland,state,The North;N,,wikidata=Q1\n"
        "front,Liberation Front,armed_group,,2012,\n", encoding="utf-8")
    (folder / "sources.csv").write_text(
        "id,title,publisher,url,published\ns1,A report,Agency,https://example.org/r,2016\n", encoding="utf-8")
    (folder / "claims.csv").write_text(
        "id,subject,predicate,object,valid,support_types,status,sources\n"
        "c1,north,supports,front,2013/..,weapons;funding,alleged,s1\n"
        "c2,north,supports,front,2013/..,guns,,s1\n", encoding="utf-8")
    ds = read_dataset([folder])
    assert [(p.file.endswith("claims.csv"), p.line, p.field) for p in ds.problems] == [(True, 3, "support_types")]
    (folder / "claims.csv").write_text(
        "id,subject,predicate,object,valid,support_types,status,sources\n"
        "c1,north,supports,front,2013/..,weapons;funding,alleged,s1\n", encoding="utf-8")
    g = load_datasets([folder])
    c = g.claim("c1")
    assert [t.value for t in c.support_types] == ["weapons", "funding"] and c.status.value == "alleged"
    assert g.actor("N").external_ids["wikidata"] == "Q1"


def test_missing_path_is_a_problem_not_a_crash(tmp_path):
    problems = read_dataset([tmp_path / "nope"]).problems
    assert len(problems) == 1 and "no such file" in problems[0].message


def test_schema_enums_agree_with_the_ontology():
    schema = json.loads(resources.files("loaders").joinpath("schema/dataset.schema.json").read_text())
    defs = schema["$defs"]
    assert defs["actor"]["properties"]["kind"]["enum"] == [k.value for k in ActorKind]
    assert defs["place"]["properties"]["kind"]["enum"] == [k.value for k in PlaceKind]
    assert defs["claim"]["properties"]["predicate"]["enum"] == [k.value for k in RelationKind]
    assert defs["claim"]["properties"]["support_types"]["items"]["enum"] == [t.value for t in SupportType]
    assert defs["claim"]["properties"]["status"]["enum"] == [s.value for s in Status]
    assert defs["source"]["properties"]["kind"]["enum"] == [k.value for k in SourceKind]
    claim_parts = defs["citation"]["oneOf"][1]["properties"]["attests"]["items"]["enum"]
    record_parts = defs["record_citation"]["properties"]["attests"]["items"]["enum"]
    assert set(claim_parts) == {p.value for p in CLAIM_PARTS}
    assert set(record_parts) == {p.value for p in ACTOR_PARTS} >= {p.value for p in PLACE_PARTS}


def test_seed_dataset_is_valid_and_cites_the_dw_report():
    g = load_datasets([bundled_dataset("seed")])
    assert isinstance(g, ActorGraph)
    dw = g.source("dw-2024-12-05-hama")
    assert dw.publisher == "DW" and str(dw.published) == "2024-12-05"
    for c in g.all_claims():
        assert all(cite.note for cite in c.citations), c.id


def test_a_designation_may_outlive_the_group_it_lists(tmp_path):
    extra = """\
     - id: listing
       subject: north
       predicate: designates_terrorist
       object: front
       valid: 2014/2025-07-08
       sources: [s1]
     """
    dissolved_front = textwrap.dedent(GOOD["actors.yaml"]).replace("founded: 2012",
                                                                    "founded: 2012\n    dissolved: 2025-01-29")
    files = {**with_claims(extra), "actors.yaml": dissolved_front}
    assert _problems(tmp_path, files) == []
    files = {**with_claims(extra.replace("designates_terrorist", "opposes")), "actors.yaml": dissolved_front}
    assert [p.field for p in _problems(tmp_path, files)] == ["valid"]


def test_a_store_file_starts_the_graph_and_folders_add_to_it(tmp_path):
    from graph.store import write_store
    store = tmp_path / "seed.agstore"
    write_store(load_datasets([bundled_dataset("seed")]), store)
    more = write(tmp_path / "more", {"more.yaml": """\
        claims:
          - {id: m1, subject: turkey, predicate: supports, object: hts, valid: 2024-11/2025-01-29,
             support_types: [political], status: alleged, sources: [dw-2024-12-05-hama]}
        """})
    g = load_datasets([store, more])
    assert g.claim("m1").status.value == "alleged" and g.holds("turkey", "opposes", "assad-government", "2024")
    with pytest.raises(DatasetInvalid, match="a store file can only start a new graph"):
        load_datasets([store], into=g)
