"""Imports written straight to a store file, and outside actors matched only within their lifetimes.

The real UCDP files are vendored under tests/fixtures/ucdp (CC BY 4.0; see its README).
"""

from __future__ import annotations

import pytest

from graph.integrity import outside_existence
from graph.records import claim_record, entity_record
from graph.store import is_store, store_notes
from graph.time import Interval
from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from loaders.imports import ImportInputError, import_files, read_unmatched
from loaders.imports.bundle import Bundle
from loaders.imports.resolver import Resolver
from ontology import DatasetInvalid
from tests.conftest import FIXTURES

UCDP = FIXTURES / "ucdp"


def _content(g):
    return (sorted(repr(entity_record(e)) for e in [*g.actors, *g.places]),
            sorted(repr(claim_record(g, c)) for c in g.all_claims()),
            sorted(repr(s) for s in g.sources))


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


@pytest.fixture(scope="module")
def real_esd(ucdp_full, syria, tmp_path_factory):
    """The whole UCDP ESD v18.1 with the actor list, matched against the Syria corpus, both ways."""
    folder = tmp_path_factory.mktemp("esd")
    files = [ucdp_full["esd"]]
    options = {"ucdp_actors": ucdp_full["actors"], "reference": syria}
    as_folder = import_files("ucdp-esd", files, folder / "esd", **options)
    as_store = import_files("ucdp-esd", files, folder / "esd.agstore", **options)
    return folder, as_folder, as_store, files, options


def test_real_esd_with_the_syria_corpus_loads_and_the_store_equals_the_folder(real_esd):
    folder, as_folder, as_store, _, _ = real_esd
    together = load_datasets([bundled_dataset("syria"), folder / "esd"])
    alone = load_datasets([folder / "esd.agstore"])
    assert _content(alone) == _content(together)
    assert as_store.written.claims == as_folder.written.claims > 8000
    assert [u.key for u in read_unmatched(folder / "esd.agstore")] == [u.key for u in read_unmatched(folder / "esd")]
    assert store_notes(folder / "esd.agstore")["import"]["source"] == "ucdp-esd"


def test_ids_and_names_match_only_actors_that_existed_then(real_esd, syria):
    folder, _, _, _, _ = real_esd
    g = load_datasets([folder / "esd.agstore"])
    # UCDP keeps one id (234, "IS") from 2004 on; the corpus's islamic-state was founded in 2013
    iraq = next(a.id for a in g.actors if a.external_ids.get("ucdp") == "116")  # Government of Iraq

    def iraq_fights_ucdp_is(c):
        other = c.object if c.subject == iraq else c.subject if c.object == iraq else None
        return c.predicate.value == "fights" and other is not None and \
            (g.get(other).external_ids.get("ucdp") == "234" or other in predecessors_of_is)

    predecessors_of_is = {c.object for c in syria.claims(subject="islamic-state", predicate="successor_of")}
    predecessors_of_is |= {c.object for p in list(predecessors_of_is)
                           for c in syria.claims(subject=p, predicate="successor_of")}
    pairs = [(c.valid.edtf, c.object if c.subject == iraq else c.subject)
             for c in g.all_claims() if iraq_fights_ucdp_is(c)]
    assert len({y for y, _ in pairs}) >= 10  # Government of Iraq fights UCDP's IS in 2004-2017
    earlier = {other for y, other in pairs if y < "2013"}
    later = {other for y, other in pairs if y >= "2014"}
    assert later == {"islamic-state"}
    assert earlier and earlier <= predecessors_of_is  # IS's earlier names in the corpus, each in its years
    # "NDF" in North Yemen (UCDP 199, 1979-82) is not Syria's National Defence Forces (founded 2012)
    (ndf_yemen,) = [a.id for a in g.actors if a.external_ids.get("ucdp") == "199"]
    yemen = [c for c in g.all_claims() if c.valid.edtf in ("1979", "1980") and ndf_yemen in (c.subject, c.object)]
    assert yemen and g.get(ndf_yemen).name == "NDF (ucdp 199)"
    assert not [c for c in g.claims(actor="national-defence-forces") if c.valid.edtf and c.valid.edtf < "2011"]


def test_resolver_follows_successor_of_for_an_id_kept_across_renamings(syria):
    bundle = Bundle()
    resolver = Resolver(bundle, None, syria)
    ucdp_is = syria.get("islamic-state").external_ids["ucdp"]
    assert resolver.actor("ucdp", ucdp_is, "IS", valid="2016") == "islamic-state"
    early = resolver.actor("ucdp", ucdp_is, "IS", valid="2007")
    assert early != "islamic-state" and early in syria
    assert outside_existence(Interval.parse("2007"), syria.get(early)) == []
    assert any("earlier name" in n for n in bundle.notes)
    # a day (ACLED) works the same way as a year
    from datetime import date
    assert resolver.actor("name", "HTS", "HTS", day=date(2019, 5, 1).toordinal()) == "hts"
    assert resolver.actor("name", "HTS", "HTS", day=date(2012, 5, 1).toordinal()) != "hts"


def test_store_import_is_byte_for_byte_repeatable(tmp_path):
    a, b = tmp_path / "a.agstore", tmp_path / "b.agstore"
    for out in (a, b, b):
        import_files("ucdp-esd", [UCDP / "esd-ay-181-excerpt.csv"], out, ucdp_actors=UCDP / "actor-221-excerpt.csv")
    assert is_store(a) and a.read_bytes() == b.read_bytes()


def test_bad_rows_reach_no_store_and_name_the_input_line(tmp_path):
    out = tmp_path / "edges.agstore"
    src = tmp_path / "edges.csv"
    src.write_text("from,to,year,status\nAlpha,Beta,2013,confirmed\nBeta,Gamma,2014,rumoured\n", encoding="utf-8")
    source = {"title": "T", "url": "https://example.org/t", "publisher": "P", "published": "2020"}
    mapping = "subject=from,object=to,predicate==supports,start=year,status=status"
    with pytest.raises(DatasetInvalid) as err:
        import_files("csv", [src], out, mapping=mapping, csv_source=source)
    problems = err.value.problems
    assert [(p.file, p.line, p.field) for p in problems] == [(str(src), 3, "status")]
    assert "rumoured" in problems[0].message
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv"]
    src.write_text("from,to,year,status\nAlpha,Beta,2013,confirmed\nBeta,Gamma,2014,alleged\n", encoding="utf-8")
    import_files("csv", [src], out, mapping=mapping, csv_source=source)
    g = load_datasets([out])
    assert g.holds("Alpha", "supports", "Beta", "2013") and not g.holds("Alpha", "supports", "Beta", "2012")


def test_refuses_to_replace_a_file_that_is_not_a_store(tmp_path):
    out = tmp_path / "notes.agstore"
    out.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(ImportInputError, match="not a store file"):
        import_files("ucdp-esd", [UCDP / "esd-ay-181-excerpt.csv"], out)
    assert out.read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.parametrize("source, fix", [
    ({"title": "T", "url": "https://example.org/t", "published": "2020"}, "--source-publisher"),
    ({"title": "T", "url": "https://example.org/t", "publisher": "P"}, "--source-published"),
    ({"title": "T", "url": "example.org/t", "publisher": "P", "published": "2020"}, "--source-url"),
    ({"title": "T", "url": "https://example.org/t", "publisher": "P", "published": "20x0"}, "--source-published"),
])
def test_csv_source_is_checked_before_any_row(tmp_path, source, fix):
    src = tmp_path / "edges.csv"
    src.write_text("from,to\nAlpha,Beta\n", encoding="utf-8")
    with pytest.raises(ImportInputError, match=fix):
        import_files("csv", [src], tmp_path / "o", mapping="subject=from,object=to,predicate==supports",
                     csv_source=source)
    assert not (tmp_path / "o").exists()


def test_cli_import_to_a_store_and_list_its_unmatched(tmp_path, capsys):
    out = tmp_path / "esd.agstore"
    assert main(["import", "ucdp-esd", str(UCDP / "esd-ay-181-excerpt.csv"), "-o", str(out), "--data", "seed"]) == 0
    said = capsys.readouterr().out
    assert f"wrote {out}" in said and "crosswalk list --unmatched" in said
    assert main(["crosswalk", "list", "--unmatched", str(out), "--format", "csv"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("scheme,key") and len(listed) > 2
    assert main(["relations", "--data", str(out), "--predicate", "supports", "--format", "csv"]) == 0
    assert "assad-government" in capsys.readouterr().out  # the --data dataset travels in the store


def test_ucdp_org_codes_read_as_documented(ucdp_full, tmp_path):
    """The Org readings of ucdp_actors.py, checked on the real v22.1 list: 4 governments, 2 party supporters."""
    out = tmp_path / "actors.agstore"
    import_files("ucdp-actors", [ucdp_full["actors"]], out)
    g = load_datasets([out])
    governments = [a for a in g.actors if a.kind.value == "government"]
    assert len(governments) == 163 and all(a.name.startswith("Government of") for a in governments)
    supporters = [a for a in g.actors if a.name.startswith("Supporters of")]
    assert len(supporters) == 35 and {a.kind.value for a in supporters} == {"militia"}


def test_acled_state_forces_match_the_armed_forces_of_that_state_alive_then(syria, tmp_path):
    from datetime import date

    bundle = Bundle()
    resolver = Resolver(bundle, None, syria)

    def forces(text, day):
        base = text.split(" (")[0]
        return resolver.actor("acled", text, text, day=date.fromisoformat(day).toordinal(), match_name=base,
                              forces_of=base.removeprefix("Military Forces of "))

    saa = forces("Military Forces of Syria (2000-2024)", "2024-11-27")
    assert syria.get(saa).kind.value == "armed_forces" and syria.get(saa).country == "SYR"
    assert forces("Military Forces of Syria (2024-)", "2025-06-01") != saa  # the old army was dissolved by then
    assert syria.get(forces("Military Forces of Russia (2000-)", "2024-11-29")).country == "RUS"
    out = tmp_path / "acled.agstore"
    import_files("acled", [FIXTURES / "acled" / "current.csv"], out, reference=syria)
    g = load_datasets([out])
    assert g.claims(actor=saa, predicate="fights", as_of="2024-11-28")


def _wikidata_item(qid, label, claims):
    return {"type": "item", "id": qid, "modified": "2024-12-10T08:00:00Z",
            "labels": {"en": {"language": "en", "value": label}},
            "claims": {"P31": [{"mainsnak": {"snaktype": "value", "property": "P31", "datavalue": {
                "value": {"entity-type": "item", "id": "Q17149090"}, "type": "wikibase-entityid"}},
                "type": "statement", "rank": "normal", "id": f"{qid}$p31"}], **claims}}


def test_wikidata_statements_against_reference_lifetimes_are_skipped_with_a_note(syria, tmp_path):
    import json

    def member_of(qid, target, start):
        return [{"mainsnak": {"snaktype": "value", "property": "P463", "datavalue": {
            "value": {"entity-type": "item", "id": target}, "type": "wikibase-entityid"}},
            "type": "statement", "rank": "normal", "id": f"{qid}$m-{start}",
            "qualifiers": {"P580": [{"snaktype": "value", "property": "P580", "datavalue": {"value": {
                "time": f"+{start}-00-00T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 9,
                "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}, "type": "time"}}]}}]

    doc = {"entities": {
        "Q990001": _wikidata_item("Q990001", "HTS", {"P463": member_of("Q990001", "Q990002", "2012")}),
        "Q990003": _wikidata_item("Q990003", "Jaysh al-Izza", {"P463": member_of("Q990003", "Q990002", "2018")}),
        "Q990002": _wikidata_item("Q990002", "Test Operations Room", {}),
    }}
    src = tmp_path / "items.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    result = import_files("wikidata", [src], tmp_path / "wd.agstore", reference=syria)
    g = load_datasets([tmp_path / "wd.agstore"])  # loads: the statement dated before HTS existed is out
    assert not g.claims(subject="hts", predicate="member_of", object=g.resolve("Test Operations Room"))
    assert any("Q990001" in n and "skipped" in n and "founded" in n for n in result.notes)
    assert result.written.claims == 1
