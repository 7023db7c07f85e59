"""Generic CSV edge lists (UCDP dyad-years), ICEWS events and Mapping Militants links, in their real layouts.

Fixtures (made up, in the published layouts): tests/fixtures/ucdp/dyadic-madeup.csv, tests/fixtures/icews,
tests/fixtures/mmp.
"""

from __future__ import annotations

import pytest

from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from loaders.imports import ImportInputError, import_files
from loaders.imports.csvrows import read_rows
from loaders.imports.dates import edtf_date
from loaders.imports.icews import cameo_claim
from ontology import DatasetInvalid
from tests.conftest import FIXTURES

DYADIC = FIXTURES / "ucdp" / "dyadic-madeup.csv"
ICEWS = FIXTURES / "icews"
MMP = FIXTURES / "mmp"
UCDP_SOURCE = {"title": "UCDP Dyadic Dataset", "url": "https://ucdp.uu.se/downloads/",
               "publisher": "Uppsala Conflict Data Program", "published": "2024"}


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


def _imported(g, predicate, prefix):
    return [c for c in g.claims(predicate=predicate) if c.id.startswith(prefix)]


@pytest.mark.parametrize("text, expected", [
    ("2016-12-00", "2016-12"), ("2005-00-00", "2005"), ("0000-00-00", None), ("", None),
    ("2/18/10", "2010-02-18"), ("12/1/1999", "1999-12-01"), ("2016-12-05 00:00:00", "2016-12-05"), ("2014", "2014"),
])
def test_outside_dates_keep_their_precision(text, expected):
    assert edtf_date(text) == expected


@pytest.mark.parametrize("text", ["2016-13-00", "2016-02-30", "soon"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ValueError):
        edtf_date(text)


def test_ucdp_dyad_years_match_ids_on_the_row_year_and_hold_that_year_only(syria, tmp_path):
    out = tmp_path / "dyadic"
    result = import_files(
        "csv", [DYADIC], out, reference=syria, scheme="ucdp", csv_source=UCDP_SOURCE,
        mapping="subject=side_a,subject_id=side_a_id,object=side_b,object_id=side_b_id,predicate==fights,"
                "valid=year,status==confirmed")
    g = load_datasets([bundled_dataset("syria"), out])
    fights = {(c.valid.edtf, frozenset((c.subject, c.object))) for c in _imported(g, "fights", "csv.")}
    assert ("2015", frozenset(("assad-government", "islamic-state"))) in fights  # 118 through the crosswalk
    assert ("2004", frozenset(("iraq", "aqi"))) in fights  # UCDP's IS (234) of 2004 is the corpus's AQI
    (yemen,) = [pair for year, pair in fights if year == "1979"]
    assert "national-defence-forces" not in yemen  # North Yemen's NDF of 1979 is not Syria's (founded 2012)
    # valid=year: a dyad-year holds in its year, not ever after (the 2016 row ends in 2016)
    assert [c.valid.edtf for c in g.claims(predicate="fights", as_of="2016") if c.id.startswith("csv.")] == ["2016"]
    assert not [c for c in g.claims(predicate="fights", as_of="2017") if c.id.startswith("csv.")]
    assert any("aqi" in n for n in result.notes)


def test_list_columns_split_blank_cells_give_nothing_and_names_match_by_date(syria, tmp_path):
    out = tmp_path / "second"
    import_files("csv", [DYADIC], out, reference=syria, scheme="ucdp", split="side_a_2nd", csv_source=UCDP_SOURCE,
                 mapping="subject=side_a_2nd,object=side_a,object_id=side_a_id,predicate==supports,valid=year")
    g = load_datasets([bundled_dataset("syria"), out])
    supports = _imported(g, "supports", "csv.")
    assert sorted((c.subject, c.object, c.valid.edtf, c.status.value) for c in supports) == [
        ("iran", "assad-government", "2015", "reported"), ("russia", "assad-government", "2015", "reported")]


def test_value_maps_tabs_and_zero_dates(tmp_path):
    src = tmp_path / "links.tsv"
    src.write_text("group1\tgroup2\tlink_type\tlink_date\n"
                   "Alpha Front\tBeta Army\triv\t2016-12-00\n"
                   "Alpha Front\tGamma Brigade\tall\t0000-00-00\n"
                   "Beta Army\tGamma Brigade\tmer\t2017-01-00\n", encoding="utf-8")
    out = tmp_path / "o"
    result = import_files("csv", [src], out, csv_source=UCDP_SOURCE,
                          mapping="subject=group1,object=group2,predicate=link_type{riv:fights,all:allied_with,*:-},"
                                  "valid=link_date")
    g = load_datasets([out])
    assert sorted((c.predicate.value, c.valid.edtf or "") for c in g.claims(actor="Alpha Front")) == [
        ("allied_with", ""), ("fights", "2016-12")]  # 0000-00-00: no time known; the merger row is left out
    assert not g.claims(predicate="merged_into")
    assert any("left out by the value map" in n for n in result.notes)
    assert read_rows(src).delimiter == "\t"


def test_same_relation_from_two_rows_is_one_claim_with_both_sources(tmp_path):
    src = tmp_path / "e.csv"
    src.write_text("a,b,url\nAlpha,Beta,https://example.org/1\nAlpha,Beta,https://example.org/2\n", encoding="utf-8")
    import_files("csv", [src], tmp_path / "o", mapping="subject=a,object=b,predicate==supports,source_url=url,"
                                                       "source_published==2020")
    g = load_datasets([tmp_path / "o"])
    (c,) = g.claims(predicate="supports")
    assert len(c.source_ids) == 2


def test_csv_bad_values_name_file_line_and_field(tmp_path):
    src = tmp_path / "e.csv"
    src.write_text("a,b,when\nAlpha,Beta,2016-13-00\n,Beta,2016\nAlpha,Beta,2015\n", encoding="utf-8")
    mapping = "subject=a,object=b,predicate==supports,valid=when"
    with pytest.raises(DatasetInvalid) as err:
        import_files("csv", [src], tmp_path / "o", mapping=mapping, csv_source=UCDP_SOURCE)
    assert [(p.line, p.field) for p in err.value.problems] == [(2, "valid"), (3, "subject")]
    result = import_files("csv", [src], tmp_path / "o", mapping=mapping, csv_source=UCDP_SOURCE, skip_bad_rows=True)
    assert result.written.claims == 1 and len(result.skipped) == 2


def test_cameo_codes_map_as_documented():
    assert cameo_claim("190") == cameo_claim("19") == cameo_claim("1951") == ("fights", None)
    assert cameo_claim("2042") == ("fights", None)
    assert cameo_claim("072") == cameo_claim("72") == ("supports", "materiel_logistics")
    assert cameo_claim("0874") is None and cameo_claim("042") is None and cameo_claim("183") is None
    assert cameo_claim("172") == ("opposes", None) and cameo_claim("062") == ("allied_with", None)


def test_icews_events_aggregate_generic_actors_and_set_civilians_aside(syria, tmp_path):
    out = tmp_path / "icews"
    result = import_files("icews", [ICEWS / "events-madeup.tab"], out, reference=syria, published="2016-04-01")
    g = load_datasets([bundled_dataset("syria"), out])
    (fight,) = _imported(g, "fights", "icews.")
    assert {fight.subject, fight.object} == {"fsa", "syrian-arab-army"}
    assert fight.valid.edtf == "2016-03-01/2016-03-21" and fight.qualifiers["events"] == "4"
    (aid,) = _imported(g, "supports", "icews.")
    # three 072 events, one of them written "72": Russia supports the Assad government with materiel
    assert (aid.subject, aid.object, [t.value for t in aid.support_types]) == (
        "russia", "assad-government", ["materiel_logistics"])
    assert aid.qualifiers["events"] == "4"
    assert result.set_aside == (("civilians", "Citizen (Syria)", 3),)
    assert not _imported(g, "opposes", "icews.")  # one sanctions event is below --min-events
    assert str(g.source(aid.source_ids[0]).published) == "2016-04-01"


def test_icews_bad_date_and_wrong_delimiter(syria, tmp_path):
    with pytest.raises(DatasetInvalid) as err:
        import_files("icews", [ICEWS / "events-bad-date.tab"], tmp_path / "i", reference=syria)
    assert [(p.line, p.field) for p in err.value.problems] == [(4, "Event Date")]
    with pytest.raises(ImportInputError, match="delimiter"):
        import_files("icews", [ICEWS / "events-madeup.tab"], tmp_path / "i", delimiter=",")


def test_mmp_groups_and_links_become_actors_lineage_and_relations(syria, tmp_path):
    out = tmp_path / "mmp"
    files = [MMP / "links-madeup.csv", MMP / "groups-madeup.csv"]
    with pytest.raises(DatasetInvalid) as err:
        import_files("mmp", files, out, reference=syria)
    assert [(p.line, p.field) for p in err.value.problems] == [(7, "link_type")]
    result = import_files("mmp", files, out, reference=syria, skip_bad_rows=True, published="2024-01-15")
    assert len(result.skipped) == 1
    g = load_datasets([bundled_dataset("syria"), out])
    parent, splinter = g.resolve("Test Parent Front"), g.resolve("Test Splinter Brigade")
    army, rival = g.resolve("Test Allied Army"), g.resolve("Test Rival Movement")
    assert str(g.get(splinter).founded) == "2013-05" and str(g.get(splinter).dissolved) == "2016-12"
    assert g.get(parent).dissolved is None  # 0000-00-00: still active
    facts = {(c.subject, c.predicate.value, c.object, c.valid.edtf) for c in g.all_claims() if c.id.startswith("mmp.")}
    assert (splinter, "offshoot_of", parent, "2013-05") in facts
    assert (splinter, "merged_into", army, "2016-12") in facts
    assert (rival, "opposes", parent, "2015") in facts
    assert (parent, "allied_with", army, "2014-02-18") in facts or (army, "allied_with", parent, "2014-02-18") in facts
    assert {c.object if c.subject == "hts" else c.subject
            for c in g.claims(actor="hts", predicate="allied_with") if c.id.startswith("mmp.")} == {army}
    (split,) = [c for c in g.claims(subject=splinter, predicate="offshoot_of")]
    assert "Front's northern wing" in split.citations[0].note  # HTML entities of the export decoded


def test_cli_import_icews_and_mmp(tmp_path, capsys):
    assert main(["import", "icews", str(ICEWS / "events-madeup.tab"), "-o", str(tmp_path / "i"), "--data", "syria",
                 "--min-events", "1", "--published", "2016-04-01", "--format", "json"]) == 0
    assert '"set_aside"' in capsys.readouterr().out
    assert main(["import", "mmp", str(MMP / "links-madeup.csv"), str(MMP / "groups-madeup.csv"),
                 "-o", str(tmp_path / "m"), "--skip-bad-rows"]) == 0
    said = capsys.readouterr().out
    assert "1 bad row(s) left out" in said and "links-madeup.csv:7" in said


def test_conflict_level_lists_of_ids_split_and_match_on_the_row_year(syria, tmp_path):
    out = tmp_path / "acd"
    import_files("csv", [FIXTURES / "ucdp" / "acd-madeup.csv"], out, reference=syria, scheme="ucdp",
                 split="side_b,side_b_id", csv_source=UCDP_SOURCE,
                 mapping="subject=side_a,subject_id=side_a_id,object=side_b,object_id=side_b_id,"
                         "predicate==fights,valid=year,status==confirmed")
    g = load_datasets([bundled_dataset("syria"), out])
    fights = sorted((c.valid.edtf, c.other("assad-government")) for c in _imported(g, "fights", "csv."))
    # UCDP's 1170 is al-Nusra in early 2016 (renamed Jabhat Fateh al-Sham that July): the dated crosswalk decides
    assert fights == [("2016", "ahrar-al-sham"), ("2016", "fsa"), ("2016", "jabhat-al-nusra"),
                      ("2018", "ahrar-al-sham")]
