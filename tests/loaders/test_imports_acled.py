"""ACLED exports as a researcher gets them: names with acronyms, periods, units and places; who fights
with whom; placeholders; bad rows; several imports loaded together. Fixtures: tests/fixtures/acled (made up)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from loaders.imports import Crosswalk, CrosswalkEntry, import_files, shipped_crosswalk
from loaders.imports.names import category, parse_acled_name
from ontology import DatasetInvalid
from tests.conftest import FIXTURES

ACLED = FIXTURES / "acled"
FEB = ACLED / "syria-2020-02.csv"


@pytest.fixture(scope="module")
def syria():
    return load_datasets([bundled_dataset("syria")])


@pytest.fixture(scope="module")
def feb(syria, tmp_path_factory):
    out = tmp_path_factory.mktemp("acled") / "feb"
    result = import_files("acled", [FEB], out, reference=syria)
    return result, load_datasets([bundled_dataset("syria"), out])


def _pairs(g, predicate):
    return {frozenset((c.subject, c.object)) for c in g.claims(predicate=predicate) if c.id.startswith("acled.")}


@pytest.mark.parametrize("text, base, extra", [
    ("HTS: Hayat Tahrir al Sham", "Hayat Tahrir al Sham", {"acronym": "HTS"}),
    ("QSD: Syrian Democratic Forces", "Syrian Democratic Forces", {"acronym": "QSD"}),
    ("Military Forces of Syria (2000-2024)", "Military Forces of Syria", {"first_year": "2000", "last_year": "2024"}),
    ("Military Forces of Syria (2000-) Republican Guard", "Military Forces of Syria",
     {"unit": "Republican Guard", "force": "Military Forces of Syria (2000-)"}),
    ("Islamic State (Syria)", "Islamic State", {"qualifier": "Syria"}),
    ("Militia (Pro-Government) - Aleppo", "Militia", {"qualifier": "Pro-Government", "suffix": "Aleppo"}),
    ("SPLA/M-In Opposition: Sudanese People's Liberation Army/Movement-In Opposition",
     "Sudanese People's Liberation Army/Movement-In Opposition", {"acronym": "SPLA/M-In Opposition"}),
])
def test_acled_names_are_taken_apart(text, base, extra):
    name = parse_acled_name(text)
    assert name.base == base
    assert {k: getattr(name, k) for k in extra} == extra


def test_placeholders_and_civilians_are_told_from_actors():
    kinds = {t: category(parse_acled_name(t)) for t in (
        "Unidentified Armed Group (Syria)", "Opposition Rebels (Syria)", "Militia (Pro-Government) - Aleppo",
        "Civilians (Syria)", "Health Workers (Syria)", "Sunni Muslim Group (Syria)", "Druze Ethnic Militia (Syria)",
        "Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham", "Islamic State (Syria)")}
    assert kinds == {
        "Unidentified Armed Group (Syria)": "placeholder", "Opposition Rebels (Syria)": "placeholder",
        "Militia (Pro-Government) - Aleppo": "placeholder", "Civilians (Syria)": "civilians",
        "Health Workers (Syria)": "civilians", "Sunni Muslim Group (Syria)": "civilians",
        "Druze Ethnic Militia (Syria)": "", "Military Forces of Syria (2000-)": "",
        "HTS: Hayat Tahrir al Sham": "", "Islamic State (Syria)": "",
    }


def test_acled_names_match_the_corpus_actors(feb):
    result, g = feb
    unmatched = {u.key for u in result.unmatched}
    assert unmatched == {"Military Forces of Syria (2000-) Republican Guard"}
    for a, b in [("hts", "syrian-arab-army"), ("sna", "sdf"), ("sna", "ypg"), ("levant-front", "sdf"),
                 ("islamic-state", "sdf"), ("turkish-armed-forces", "syrian-arab-army"),
                 ("hts", "russian-armed-forces"), ("hts", "national-defence-forces"), ("sdf", "sultan-murad-division"),
                 ("russian-armed-forces", "turkish-armed-forces")]:
        assert frozenset((a, b)) in _pairs(g, "fights"), (a, b)
    # the NFL merged into the SNA in October 2019: in 2020 its name goes to the SNA (shipped crosswalk)
    assert frozenset(("sna", "russian-armed-forces")) in _pairs(g, "fights")
    unit = g.resolve("Military Forces of Syria (2000-) Republican Guard")
    assert [c.object for c in g.claims(subject=unit, predicate="part_of")] == ["syrian-arab-army"]
    assert g.get(unit).country == "SYR" and g.get(unit).kind.value == "armed_forces"


def test_co_victims_joint_patrols_and_placeholders_make_no_sides(feb):
    result, g = feb
    allied = _pairs(g, "allied_with")
    assert frozenset(("russian-armed-forces", "syrian-arab-army")) in allied  # struck together
    assert frozenset(("hts", "turkistan-islamic-party")) in allied  # fought together in a battle
    assert frozenset(("russian-armed-forces", "turkish-armed-forces")) not in allied  # only a joint patrol
    assert not any("Civilians" in a.name or "Unidentified" in a.name or "Opposition Rebels" in a.name
                   or "Militia" in a.name or "Protesters" in a.name for a in g.actors)
    assert dict(((c, n), k) for c, n, k in result.set_aside) == {
        ("placeholder", "Unidentified Armed Group (Syria)"): 1, ("placeholder", "Opposition Rebels (Syria)"): 1}
    manifest = json.loads((result.written.path / "import.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in manifest["set_aside"]} == {"Unidentified Armed Group (Syria)",
                                                        "Opposition Rebels (Syria)"}


def test_events_become_episodes_with_the_precision_of_their_dates(feb, syria, tmp_path):
    _, g = feb
    (hts_saa,) = [c for c in g.claims(predicate="fights") if {c.subject, c.object} == {"hts", "syrian-arab-army"}
                  and c.id.startswith("acled.")]
    assert hts_saa.valid.edtf == "2020-02-03/2020-02-22" and hts_saa.status.value == "reported"
    assert hts_saa.qualifiers["events"] == "4" and hts_saa.qualifiers["candidate"] == "yes"
    assert any(e.startswith("derived-") for e in hts_saa.qualifiers["event_ids"].split(";"))  # the row without an id
    (is_sdf,) = [c for c in g.claims(predicate="fights") if {c.subject, c.object} == {"islamic-state", "sdf"}
                 and c.id.startswith("acled.")]
    assert is_sdf.valid.edtf == "2020-02"  # time_precision 3: known to the month only
    source = g.source(hts_saa.source_ids[0])
    assert str(source.published) == "2020-03-02"  # the newest row's timestamp, not the last event nor today
    short = tmp_path / "short"
    import_files("acled", [FEB], short, reference=syria, max_gap_days=2, min_events=2)
    g2 = load_datasets([bundled_dataset("syria"), short])
    runs = [c for c in g2.claims(predicate="fights") if {c.subject, c.object} == {"hts", "syrian-arab-army"}
            and c.id.startswith("acled.")]
    assert [c.valid.edtf for c in runs] == ["2020-02-03/2020-02-06"]  # 10, 12 and 21 Feb: lone after the cut


def test_a_bad_row_fails_the_import_or_is_skipped_and_listed(syria, tmp_path):
    bad = ACLED / "syria-2020-02-bad-row.csv"
    out = tmp_path / "acled"
    with pytest.raises(DatasetInvalid) as err:
        import_files("acled", [bad], out, reference=syria)
    assert [(p.file, p.line, p.field) for p in err.value.problems] == [(str(bad), 5, "event_date")]
    assert not out.exists()
    result = import_files("acled", [bad], out, reference=syria, skip_bad_rows=True)
    assert [(p.line, p.field) for p in result.skipped] == [(5, "event_date")]
    assert result.written.claims > 20
    manifest = json.loads((out / "import.json").read_text(encoding="utf-8"))
    assert manifest["skipped_rows"][0]["line"] == 5 and "31 February 2020" in manifest["skipped_rows"][0]["why"]


def test_reduced_export_without_ids_or_actor_types_imports(syria, tmp_path):
    out = tmp_path / "reduced"
    result = import_files("acled", [ACLED / "reduced-20col.csv"], out, reference=syria)
    g = load_datasets([bundled_dataset("syria"), out])
    (c,) = [c for c in g.all_claims() if c.id.startswith("acled.")]
    assert {c.subject, c.object} == {"hts", "syrian-arab-army"} and c.qualifiers["events"] == "2"
    assert any("derived from their content" in n for n in result.notes)
    assert any("--published" in n for n in result.notes)  # no timestamp to date the release by


def test_crosswalk_entry_outside_a_lifetime_names_the_crosswalk_line_and_the_row(syria, tmp_path):
    cw = tmp_path / "cw.csv"
    cw.write_text("scheme,key,actor,from,to,note\nacled,Levant Front,jabhat-al-nusra,,,wrong on purpose\n",
                  encoding="utf-8")
    out = tmp_path / "acled"
    with pytest.raises(DatasetInvalid) as err:
        import_files("acled", [FEB], out, reference=syria, crosswalk=cw)
    (p,) = err.value.problems
    assert (p.file, p.line, p.field) == (str(FEB), 11, "crosswalk")
    assert f"{cw}:2" in p.message and "jabhat-al-nusra" in p.message and ".tmp" not in str(p)
    assert not out.exists() and not [x for x in tmp_path.iterdir() if x.name.startswith(".")]


def test_two_imports_load_together_and_chain(syria, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    import_files("acled", [ACLED / "current.csv"], first)
    import_files("acled", [FEB], second)
    g = load_datasets([first, second])  # no duplicate ids, although both made actors for the same names
    assert len([a for a in g.actors if a.name == "Military Forces of Russia (2000-)"]) == 2
    chained = tmp_path / "chained"
    import_files("acled", [FEB], chained, reference=load_datasets([first]))
    g = load_datasets([first, chained])
    assert len([a for a in g.actors if a.name == "Military Forces of Russia (2000-)"]) == 1  # reused through its id
    assert g.claims(actor="Military Forces of Russia (2000-)", predicate="fights", as_of="2020-02-14")


def test_two_files_in_one_import_merge_the_same_relation(syria, tmp_path):
    with FEB.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    halves = [tmp_path / "early.csv", tmp_path / "late.csv"]
    for path, part in zip(halves, (rows[1:9], rows[9:]), strict=True):
        for r in part:
            r[29] = "1581000000" if path.name == "early.csv" else "1583150000"
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([rows[0], *part])
    out = tmp_path / "both"
    import_files("acled", halves, out, reference=syria)
    g = load_datasets([bundled_dataset("syria"), out])
    (c,) = [c for c in g.claims(predicate="fights") if {c.subject, c.object} == {"hts", "syrian-arab-army"}
            and c.id.startswith("acled.")]
    assert len(c.source_ids) == 2 and c.valid.edtf == "2020-02-03/2020-02-22"
    assert sorted(str(g.source(s).published) for s in c.source_ids) == ["2020-02-06", "2020-03-02"]


def test_shipped_crosswalk_names_only_corpus_actors_within_their_lifetimes(syria):
    folder = Path(bundled_dataset("syria")).parent / "crosswalks"
    entries = Crosswalk.load_many(sorted(folder.glob("*.csv"))).entries
    assert len(entries) > 50 and {e.scheme for e in entries} >= {"acled", "ucdp", "icews"}
    for e in entries:
        actor = syria.get(e.actor)
        assert actor is not None and not actor.is_place, f"{e.origin}: {e.actor} is not a corpus actor"
        if e.start and actor.founded:
            assert e.start >= str(actor.founded)[: len(e.start)], f"{e.origin}: from before {e.actor} was founded"
        if e.end and actor.dissolved:
            assert e.end <= str(actor.dissolved), f"{e.origin}: to after {e.actor} was dissolved"
    assert len(shipped_crosswalk(syria).entries) == len(entries)
    assert shipped_crosswalk(None) is None


def test_user_crosswalk_comes_before_the_shipped_one(syria, tmp_path):
    cw = Crosswalk().set(CrosswalkEntry("acled", "Military Forces of Syria", "assad-government", "2000", "2024-12-08"))
    out = tmp_path / "a"
    import_files("acled", [FEB], out, reference=syria, crosswalk=cw)
    g = load_datasets([bundled_dataset("syria"), out])
    assert frozenset(("hts", "assad-government")) in _pairs(g, "fights")
    assert frozenset(("hts", "syrian-arab-army")) not in _pairs(g, "fights")


def test_explain_with_an_acled_import_gives_recognisable_sides(feb):
    from queries.explain import Explainer

    _, g = feb
    e = Explainer(g).explain("Who is fighting in Syria?", as_of="2020-02-20")
    side_of = {m: i for i, camp in enumerate(e.camps) for m in (*camp.members, *camp.partners)}
    assert side_of["hts"] != side_of["syrian-arab-army"]
    assert side_of["russian-armed-forces"] == side_of["syrian-arab-army"]  # a backer: its bases and alliance
    assert side_of["sna"] == side_of["turkish-armed-forces"] != side_of["sdf"]
    assert not [m for m in side_of if g.get(m).name.startswith(("Unidentified", "Civilians", "Opposition Rebels"))]


def test_cli_suggests_crosswalk_entries_with_reasons(syria, tmp_path, capsys):
    # A name whose actor had ceased by the rows' date (Jabhat Fateh al-Sham merged into HTS in January 2017)
    # is not matched by the import, and `suggest` proposes it with the reason; the rows are made up.
    feb = tmp_path / "feb.csv"
    feb.write_text(FEB.read_text(encoding="utf-8").replace("JTW: National Front for Liberation",
                                                           "JFS: Jabhat Fateh al-Sham"), encoding="utf-8")
    out = tmp_path / "a"
    assert main(["import", "acled", str(feb), "-o", str(out), "--data", "syria", "--no-shipped-crosswalk"]) == 0
    capsys.readouterr()
    cw = tmp_path / "cw.csv"
    assert main(["crosswalk", "suggest", str(out), "--data", "syria", "--format", "csv", "--accept",
                 "--crosswalk", str(cw)]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    jfs = [r for r in rows if r["key"] == "JFS: Jabhat Fateh al-Sham"]
    assert jfs and jfs[0]["actor"] == "jabhat-fateh-al-sham" and "existed" in jfs[0]["reason"]
    accepted = Crosswalk.load(cw).entries
    assert [(e.key, e.actor, e.start, e.end) for e in accepted] == [
        ("JFS: Jabhat Fateh al-Sham", "jabhat-fateh-al-sham", "2016-07-28", "2017-01-28")]


def test_cli_skip_bad_rows_reports_them(tmp_path, capsys):
    bad = ACLED / "syria-2020-02-bad-row.csv"
    assert main(["import", "acled", str(bad), "-o", str(tmp_path / "x")]) != 0
    assert f"{bad}:5" in capsys.readouterr().err
    assert main(["import", "acled", str(bad), "-o", str(tmp_path / "x"), "--skip-bad-rows"]) == 0
    said = capsys.readouterr().out
    assert "1 bad row(s) left out" in said and f"{bad}:5: event_date" in said


def test_two_imports_of_one_relation_load_as_one_claim_citing_both(syria, tmp_path):
    """The same events in two exports (a later release repeats them): two imports, one claim, both releases."""
    with FEB.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    exports = [tmp_path / "release-a.csv", tmp_path / "release-b.csv"]
    for path, stamp in zip(exports, ("1581000000", "1583150000"), strict=True):
        for r in rows[1:]:
            r[29] = stamp
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
    first, second = tmp_path / "first", tmp_path / "second"
    import_files("acled", [exports[0]], first, reference=syria)
    import_files("acled", [exports[1]], second, reference=syria)
    g = load_datasets([bundled_dataset("syria"), first, second])
    fights = [c for c in g.claims(predicate="fights") if {c.subject, c.object} == {"hts", "syrian-arab-army"}
              and c.id.startswith("acled.")]
    assert len(fights) == 1, "the same relation from two imports is one claim"
    (claim,) = fights
    assert sorted(str(g.source(s).published) for s in claim.source_ids) == ["2020-02-06", "2020-03-02"]
    # a relation the two imports state differently stays two claims
    assert len({c.id for c in g.all_claims() if c.id.startswith("acled.")}) == len(
        [c for c in g.all_claims() if c.id.startswith("acled.")])
