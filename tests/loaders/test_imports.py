"""Importing UCDP, ACLED, Wikidata and CSV edge lists as dataset folders."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from loaders.imports import Crosswalk, CrosswalkEntry, ImportInputError, import_files, read_unmatched
from loaders.imports.progress import Progress
from ontology import DatasetInvalid
from tests.conftest import FIXTURES

UCDP, ACLED, WIKIDATA = FIXTURES / "ucdp", FIXTURES / "acled", FIXTURES / "wikidata"


def _ucdp(g, ucdp_id: str) -> str:
    """The id of the actor an import made for UCDP's ``ucdp_id`` (ids are namespaced per import)."""
    (hit,) = [a.id for a in g.actors if a.external_ids.get("ucdp") == ucdp_id]
    return hit


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def esd(tmp_path):
    out = tmp_path / "esd"
    import_files("ucdp-esd", [UCDP / "esd-ay-181-excerpt.csv"], out, ucdp_actors=UCDP / "actor-221-excerpt.csv")
    return out, load_datasets([out])


def test_esd_actor_year_splits_supporter_lists_and_maps_support_types(esd):
    _, g = esd
    syria = g.resolve("Government of Syria")
    supporters = {c.subject: c for c in g.supporters_of(syria, as_of="2015-06-01")}
    russia = g.resolve("Government of Russia (Soviet Union)")
    assert set(supporters) >= {russia, g.resolve("Government of Iran")}
    claim = supporters[russia]
    assert claim.valid.edtf == "2015" and claim.status.value == "confirmed"
    assert {t.value for t in claim.support_types} >= {"troops", "weapons", "intelligence"}
    assert "x" in claim.qualifiers["ucdp_esd_codes"].split(",")
    assert claim.qualifiers["ucdp_attribution"] == "shared"  # two state supporters that year
    assert not g.supporters_of(syria, as_of="2013-06-01")  # only 2014-2016 are in the excerpt
    assert g.actor("Interahamwe, ex-FAR").external_ids["ucdp"] == "623"  # a name holding ", " stays whole
    assert g.get(_ucdp(g, "11545")).name  # an id the broken name list leaves unnamed still becomes an actor
    assert g.claims(subject=syria, predicate="fights", as_of="2015")


def test_esd_matches_reference_actors_by_name_and_reports_the_rest(tmp_path):
    seed = load_datasets([bundled_dataset("seed")])
    out = tmp_path / "esd"
    result = import_files("ucdp-esd", [UCDP / "esd-ay-181-excerpt.csv"], out, reference=seed)
    g = load_datasets([bundled_dataset("seed"), out])
    assert "assad-government" in {c.object for c in g.supporters_of("assad-government", as_of="2015")} | {
        "assad-government"
    }
    assert g.supporters_of("assad-government", as_of="2015-06-01")
    unmatched = {u.key for u in result.unmatched}
    assert "118" not in unmatched and "57" in unmatched
    assert {u.key for u in read_unmatched(out)} == unmatched


def test_import_is_idempotent_byte_for_byte(tmp_path, esd):
    first, _ = esd
    again = tmp_path / "again"
    import_files("ucdp-esd", [UCDP / "esd-ay-181-excerpt.csv"], again, ucdp_actors=UCDP / "actor-221-excerpt.csv")
    assert _files(first) == _files(again)
    import_files("ucdp-esd", [UCDP / "esd-ay-181-excerpt.csv"], again, ucdp_actors=UCDP / "actor-221-excerpt.csv")
    assert _files(first) == _files(again)


def test_malformed_row_is_reported_with_line_and_nothing_is_written(tmp_path, esd):
    out, _ = esd
    before = _files(out)
    bad = tmp_path / "bad.csv"
    lines = (UCDP / "esd-ay-181-excerpt.csv").read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    cells[2] = "20x5"
    lines[3] = ",".join(cells)
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DatasetInvalid) as err:
        import_files("ucdp-esd", [bad], out)
    assert any(p.line == 4 and p.field == "year" and p.file.endswith("bad.csv") for p in err.value.problems)
    assert _files(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(["esd", "bad.csv"])


def test_refuses_to_overwrite_a_folder_that_is_not_an_import(tmp_path):
    curated = tmp_path / "curated"
    shutil.copytree(bundled_dataset("seed"), curated)
    with pytest.raises(ImportInputError, match="not an import folder"):
        import_files("ucdp-esd", [UCDP / "esd-ay-181-excerpt.csv"], curated)
    assert (curated / "claims.yaml").exists()


def test_esd_triad_layout_reads_alleged(tmp_path):
    out = tmp_path / "triad"
    import_files("ucdp-esd", [UCDP / "esd-triad-madeup.csv"], out)
    g = load_datasets([out])
    iran = g.claims(subject="Government of Iran", predicate="supports")[0]
    assert [t.value for t in iran.support_types] == ["training_expertise", "funding"]
    assert "ucdp_attribution" not in iran.qualifiers
    donor = g.claims(subject="Made-up Donor Network")[0]
    assert donor.status.value == "alleged" and [t.value for t in donor.support_types] == ["funding"]


def test_ucdp_actor_list_gives_names_lineage_and_alliances(tmp_path):
    out = tmp_path / "actors"
    import_files("ucdp-actors", [UCDP / "actor-221-excerpt.csv"], out)
    g = load_datasets([out])
    assert g.resolve("Jama’at Al-Tawhid wa Al-Jihad") == g.resolve("IS") == _ucdp(g, "234")
    assert [c.object for c in g.claims(subject=_ucdp(g, "180"), predicate="offshoot_of")] == [_ucdp(g, "890")]
    assert [c.object for c in g.claims(subject="PWG", predicate="member_of")] == [_ucdp(g, "195")]
    assert [c.object for c in g.claims(subject="Government of South Yemen", predicate="merged_into")] == [
        _ucdp(g, "123")]
    temp = g.claims(subject=_ucdp(g, "628"), predicate="offshoot_of")
    assert temp and temp[0].qualifiers["temporary"] == "yes"


def test_acled_current_layout_aggregates_events_with_evidence(tmp_path):
    out = tmp_path / "acled"
    import_files("acled", [ACLED / "current.csv"], out)
    g = load_datasets([out])
    hts, army = g.resolve("Hayat Tahrir al-Sham"), g.resolve("Military Forces of Syria (2000-2024)")
    fights = g.claims(subject=min(hts, army), object=max(hts, army), predicate="fights")
    # a lone event holds on its own day; three events within 30 days are one episode, to the day after the last
    assert [(c.valid.edtf, c.qualifiers["events"]) for c in fights] == [
        ("2022-06-01", "1"),
        ("2024-11-27/2024-12-05", "3"),
    ]
    assert fights[1].qualifiers["event_ids"] == "SYR900001;SYR900002;SYR900003"
    assert fights[1].qualifiers["fatalities"] == "20" and fights[1].status.value == "reported"
    allied = g.claims(actor=hts, predicate="allied_with")
    assert {g.get(c.other(hts)).name for c in allied} == {"Free Syrian Army", "National Front for Liberation"}
    assert g.claims(actor="Military Forces of Russia (2000-)", predicate="allied_with")
    assert not any("Protesters" in a.name for a in g.actors)


def test_acled_period_suffix_resolves_through_crosswalk_span(tmp_path):
    seed = load_datasets([bundled_dataset("seed")])
    cw = Crosswalk().set(CrosswalkEntry("acled", "Military Forces of Syria", "assad-government", "2000", "2024-12-08"))
    out = tmp_path / "acled"
    result = import_files("acled", [ACLED / "current.csv"], out, crosswalk=cw, reference=seed)
    g = load_datasets([bundled_dataset("seed"), out])
    pairs = {(c.subject, c.object) for c in g.claims(predicate="fights") if c.id.startswith("acled.")}
    assert ("assad-government", "hts") in pairs
    assert "Military Forces of Syria (2000-2024)" not in {u.key for u in result.unmatched}


@pytest.mark.parametrize(
    "name, pair, fought",
    [
        ("reduced.csv", ("Syrian Democratic Forces", "Military Forces of the United States (2009-2017)"),
         ("Islamic State (Syria)", "Syrian Democratic Forces")),
        ("legacy.csv", ("Military Forces of Uganda (1986-)", "Militia (Test Allies)"),
         ("Military Forces of Uganda (1986-)", "Test Rebel Army")),
    ],
)
def test_acled_older_layouts(tmp_path, name, pair, fought):
    out = tmp_path / "a"
    import_files("acled", [ACLED / name], out)
    g = load_datasets([out])
    assert g.claims(subject=pair[0], object=pair[1], predicate="allied_with") or \
        g.claims(subject=pair[1], object=pair[0], predicate="allied_with")
    main_pair = [c for c in g.claims(actor=fought[0], predicate="fights") if c.other(g.resolve(fought[0]))
                 == g.resolve(fought[1])]
    assert len(main_pair) == 1 and main_pair[0].qualifiers["events"] == "2"


def test_wikidata_entities(tmp_path):
    out = tmp_path / "wd"
    result = import_files("wikidata", [WIKIDATA / "entities.json"], out)
    g = load_datasets([out])
    front = g.actor("Test Front")
    assert (str(front.founded), str(front.dissolved), front.external_ids["wikidata"]) == (
        "2012-01-23",
        "2017-01-28",
        "Q900001",
    )
    split = g.claims(subject="TF", predicate="offshoot_of")[0]
    assert (
        split.valid.edtf == "2012-01/" and g.source(split.source_ids[0]).url == "https://example.org/test-front-split"
    )
    assert [g.get(c.subject).external_ids["wikidata"] for c in g.claims(object="TF", predicate="successor_of")] == [
        "Q900003"]
    member = g.claims(subject="TF", predicate="member_of")[0]
    assert member.valid.edtf == "2015/2016" and g.actor("Test Alliance").kind.value == "coalition"
    assert not g.claims(predicate="part_of")  # the deprecated statement is skipped
    assert any("P1344" in n for n in result.notes)


def test_wikidata_sparql_needs_a_date_and_reads_precision(tmp_path):
    with pytest.raises(ImportInputError, match="published"):
        import_files("wikidata", [WIKIDATA / "sparql.json"], tmp_path / "x")
    import_files("wikidata", [WIKIDATA / "sparql.json"], tmp_path / "wd", published="2024-12-01")
    g = load_datasets([tmp_path / "wd"])
    assert g.claims(subject="Test Brigade", predicate="member_of")[0].valid.edtf == "2014-03/"


def test_csv_edges_with_mapping(tmp_path):
    src = tmp_path / "edges.csv"
    src.write_text(
        "from,to,year,kind\nAlpha Group,Beta Front,2013,supports\nBeta Front,Gamma,2014,fightz\n", encoding="utf-8"
    )
    with pytest.raises(DatasetInvalid) as err:
        import_files(
            "csv",
            [src],
            tmp_path / "o",
            mapping="subject=from,object=to,predicate=kind,start=year",
            csv_source={"title": "T", "url": "https://example.org/t", "publisher": "P", "published": "2020"},
        )
    assert [(p.line, p.field) for p in err.value.problems] == [(3, "predicate")]
    src.write_text("from,to,year\nAlpha Group,Beta Front,2013\n", encoding="utf-8")
    import_files(
        "csv",
        [src],
        tmp_path / "o",
        mapping="subject=from,object=to,predicate==supports,start=year",
        csv_source={"title": "T", "url": "https://example.org/t", "publisher": "P", "published": "2020"},
    )
    g = load_datasets([tmp_path / "o"])
    assert g.holds("Alpha Group", "supports", "Beta Front", "2014")


def test_cli_import_and_crosswalk(tmp_path, capsys):
    out, cw = tmp_path / "acled", tmp_path / "cw.csv"
    assert main(["import", "acled", str(ACLED / "current.csv"), "-o", str(out), "--crosswalk", str(cw)]) == 0
    assert "unmatched" not in capsys.readouterr().err
    assert main(["crosswalk", "list", "--unmatched", str(out), "--format", "csv"]) == 0
    assert "Military Forces of Syria (2000-2024)" in capsys.readouterr().out
    assert (
        main(
            [
                "crosswalk",
                "set",
                "acled",
                "Military Forces of Syria",
                "Government of Syria",
                "--from",
                "2000",
                "--to",
                "2024-12-08",
                "--crosswalk",
                str(cw),
                "--data",
                "seed",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["crosswalk", "list", "--crosswalk", str(cw), "--format", "csv"]) == 0
    assert "acled,Military Forces of Syria,assad-government,2000,2024-12-08," in capsys.readouterr().out
    assert (
        main(
            [
                "import",
                "acled",
                str(ACLED / "current.csv"),
                "-o",
                str(tmp_path / "b"),
                "--crosswalk",
                str(cw),
                "--data",
                "seed",
            ]
        )
        == 0
    )
    assert "assad-government" in (tmp_path / "b" / "claims.yaml").read_text(encoding="utf-8")
    assert main(["import", "acled", str(ACLED / "nope.csv"), "-o", str(tmp_path / "c")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_progress_only_when_asked_or_on_a_terminal():
    quiet, loud = io.StringIO(), io.StringIO()
    for stream, enabled in ((quiet, None), (loud, True)):
        p = Progress("x", enabled=enabled, stream=stream, interval=0)
        p.update(5)
        p.close()
    assert quiet.getvalue() == "" and "5 rows" in loud.getvalue()
