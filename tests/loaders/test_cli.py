"""The actorgraph command: a thin shell whose output and errors users can rely on."""

import json
import subprocess
import sys

import pytest

from loaders.cli.main import main


def run(capsys, *argv):
    """Run the command on the seed dataset (whose every fact these tests know) unless --data is given."""
    if "--data" not in argv and argv and argv[0] not in ("validate",):
        argv = (*argv, "--data", "seed")
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_relations_json_has_the_documented_shape(capsys):
    code, out, err = run(capsys, "relations", "--data", "seed", "--object", "the regime", "--predicate",
                         "supports", "--as-of", "2024-12-05", "--format", "json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert {r["subject"]["id"] for r in rows} == {"russia", "iran"}
    r = next(r for r in rows if r["subject"]["id"] == "russia")
    assert set(r) >= {"id", "subject", "object", "predicate", "valid_from", "valid_to", "support_types", "status",
                      "sources"}
    assert r["object"] == {"id": "assad-government", "name": "Assad government"}
    assert r["valid_from"] is None and r["valid_to"] == "2024-12-08"
    assert r["support_types"] == ["troops", "diplomatic"]
    assert {s["publisher"] for s in r["sources"]} == {"DW", "Ukrainska Pravda"}
    assert all(set(s) >= {"title", "publisher", "url", "published"} for s in r["sources"])


def test_support_ends_with_the_fall_of_assad(capsys):
    _, out, _ = run(capsys, "relations", "--object", "Assad government", "--predicate", "supports",
                    "--as-of", "2024-12-10", "--format", "json")
    assert json.loads(out) == []


def test_known_as_of_hides_later_sources(capsys):
    _, out, _ = run(capsys, "relations", "--subject", "Russia", "--object", "Assad government",
                    "--known-as-of", "2024-12-06", "--format", "json")
    [row] = json.loads(out)
    assert [s["publisher"] for s in row["sources"]] == ["DW"]
    _, out, _ = run(capsys, "relations", "--actor", "hts", "--known-as-of", "2017-03-01", "--format", "json")
    assert [r["predicate"] for r in json.loads(out)] == ["offshoot_of"]


def test_table_and_csv_formats(capsys):
    _, table, _ = run(capsys, "relations", "--actor", "HTS", "--predicate", "controls")
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["ID", "VALID_FROM", "VALID_TO"]
    assert len(lines) == 3 and any("Aleppo" in ln for ln in lines)
    _, csv_text, _ = run(capsys, "relations", "--actor", "HTS", "--predicate", "controls", "--format", "csv")
    assert csv_text.splitlines()[0].startswith("id,valid_from,valid_to,subject_id")
    assert len(csv_text.splitlines()) == 3


def test_actor_profile_and_info(capsys):
    code, out, _ = run(capsys, "actor", "hay'at tahrir al-sham", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "hts" and data["founded"] == "2017-01"
    assert {r["predicate"] for r in data["relations"]} >= {"offshoot_of", "based_in", "controls"}
    _, out, _ = run(capsys, "info", "--format", "json")
    info = json.loads(out)
    assert info["claims"] == sum(info["claims_by_predicate"].values()) > 0


def test_actors_filters(capsys):
    _, out, _ = run(capsys, "actors", "--kind", "state", "--format", "json")
    assert sorted(a["id"] for a in json.loads(out)) == ["iran", "russia", "turkey"]
    _, out, _ = run(capsys, "actors", "--as-of", "2016", "--format", "json")
    assert "hts" not in {a["id"] for a in json.loads(out)}
    _, out, _ = run(capsys, "actors", "--places", "--format", "csv")
    assert "aleppo,Aleppo,city" in out


def test_changes_and_lineage(capsys):
    _, out, _ = run(capsys, "changes", "2024-12-04", "2024-12-09", "--format", "json")
    data = json.loads(out)
    assert [c["id"] for c in data["started"]] == ["seed-hts-controls-hama-2024"]
    assert "seed-russia-supports-assad-government" in {c["id"] for c in data["ended"]}
    _, out, _ = run(capsys, "lineage", "HTS", "--format", "json")
    assert [s["object"]["id"] for s in json.loads(out)["ancestors"]] == ["al-qaeda"]


@pytest.mark.parametrize(("argv", "words"), [
    (["actor", "Hayat Tahrir al-Shem"], "did you mean 'Hayat Tahrir al-Sham'"),
    (["relations", "--as-of", "5 December"], "not an EDTF date"),
    (["relations", "--data", "/nonexistent/folder"], "no such file or folder"),
    (["changes", "2024-12-10", "2024-12-01"], "ends"),
])
def test_user_mistakes_are_one_line_errors_without_traceback(capsys, argv, words):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert words in err and "Traceback" not in err
    assert err.startswith("actorgraph: error:")


def test_validate_lists_every_problem_and_fails(capsys, tmp_path):
    (tmp_path / "claims.yaml").write_text(
        "claims:\n  - {id: a, subject: x, predicate: supports, object: y, sources: [s]}\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1
    assert out.count("claims.yaml:2:") == 3 and "3 problem(s) found" in out
    code, out, _ = run(capsys, "validate", "--format", "json", str(tmp_path))
    assert code == 1 and len(json.loads(out)["problems"]) == 3


def test_validate_ok(capsys):
    from loaders import bundled_dataset
    code, out, _ = run(capsys, "validate", str(bundled_dataset("seed")))
    assert code == 0 and out.startswith("ok: ")


def test_loading_an_invalid_dataset_reports_and_exits(capsys, tmp_path):
    (tmp_path / "claims.yaml").write_text("claims:\n  - {id: a, subject: x, predicate: supports, object: y, "
                                          "sources: [s]}\n", encoding="utf-8")
    code, out, err = run(capsys, "relations", "--data", str(tmp_path))
    assert code == 2 and "nothing was loaded" in err and "claims.yaml:2" in err


def test_console_script_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "loaders.cli", "relations", "--subject", "Turkey", "--format",
                           "json", "--data", "seed"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)[0]["predicate"] == "opposes"


def test_the_default_dataset_is_the_syria_corpus(capsys):
    code = main(["info", "--format", "json"])
    info = json.loads(capsys.readouterr().out)
    assert code == 0 and info["actors"] >= 90 and info["claims"] >= 350


def test_an_unwritable_output_is_a_one_line_error(capsys, tmp_path):
    target = tmp_path / "exists-as-a-folder"
    target.mkdir()
    code, out, err = run(capsys, "export", "gexf", "-o", str(target))
    assert code == 2 and "Traceback" not in err and err.startswith("actorgraph: error:")


_SCOPE_DATA = {
    "actors.yaml": """actors:
  - {id: patria, name: Patria, kind: state}
  - {id: p-army, name: Patria Army, kind: armed_forces}
  - {id: air-wing, name: Patria Air Wing, kind: armed_forces}
  - {id: old-front, name: Old Front, kind: armed_group}
  - {id: new-front, name: New Front, kind: armed_group}
  - {id: umbrella, name: Umbrella, kind: armed_group}
""",
    "sources.yaml": """sources:
  - {id: s1, title: A report, publisher: Example News, url: "https://example.org/1", published: 2017-02-01}
""",
    "claims.yaml": """claims:
  - {id: renamed, subject: new-front, predicate: successor_of, object: old-front, valid: 2016-07-28, sources: [s1]}
  - {id: merged, subject: new-front, predicate: merged_into, object: umbrella, valid: 2017-01, sources: [s1]}
  - {id: fight, subject: new-front, predicate: fights, object: umbrella, valid: 2016-08-01/2016-09-01, sources: [s1]}
  - {id: army-of-patria, subject: p-army, predicate: part_of, object: patria, valid: 2000/, sources: [s1]}
  - {id: wing-of-army, subject: air-wing, predicate: part_of, object: p-army, valid: 2016-01-01/, sources: [s1]}
  - {id: army-fights, subject: p-army, predicate: fights, object: new-front, valid: 2016-08-01/2016-12, sources: [s1]}
  - {id: wing-strikes, subject: umbrella, predicate: fights, object: air-wing, valid: 2015, sources: [s1]}
  - {id: patria-backs, subject: patria, predicate: supports, object: umbrella, valid: 2016, sources: [s1]}
""",
}


@pytest.fixture
def folder(tmp_path):
    """The small dataset of the scope tests (graph/scope.py), written to a fresh folder."""
    for name, text in _SCOPE_DATA.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _ids(capsys, folder, *argv):
    code, out, err = run(capsys, "relations", "--data", str(folder), *argv, "--format", "json")
    assert code == 0, err
    return [r["id"] for r in json.loads(out)]


def test_relations_at_a_date_keep_lineage_links_formed_by_then(capsys, folder):
    """A renaming dated by its one day still answers "whose successor?" later, with its own dates."""
    asked = ("--subject", "New Front", "--predicate", "successor_of")
    assert _ids(capsys, folder, *asked, "--as-of", "2016-07-27") == []  # before the event
    assert _ids(capsys, folder, *asked, "--as-of", "2016-07-28") == ["renamed"]
    assert _ids(capsys, folder, *asked, "--as-of", "2020-01-01") == ["renamed"]
    # Without a predicate: what holds on the date, and the lineage formed by then; the fight has ended.
    assert _ids(capsys, folder, "--actor", "new-front", "--as-of", "2018-01-01") == ["renamed", "merged"]
    assert _ids(capsys, folder, "--actor", "new-front", "--as-of", "2016-08-15") == ["renamed", "fight",
                                                                                         "army-fights"]
    # A month-dated merger: possibly formed by 2017-01-10, certainly only once the month is over.
    merged = ("--subject", "new-front", "--predicate", "merged_into", "--as-of", "2017-01-10")
    assert _ids(capsys, folder, *merged) == ["merged"]
    assert _ids(capsys, folder, *merged, "--certainty", "certain") == []
    assert _ids(capsys, folder, "--subject", "new-front", "--predicate", "merged_into", "--as-of",
                        "2017-02-01", "--certainty", "certain") == ["merged"]
    # Asking for other relation kinds adds nothing.
    assert _ids(capsys, folder, "--actor", "new-front", "--predicate", "fights", "--as-of", "2018-01-01") == []


def test_relations_of_a_state_include_those_of_its_forces(capsys, folder):
    """"Whom does Patria fight?" is answered by its army's fights (and its army's parts'), each row naming them."""
    asked = ("--subject", "Patria", "--predicate", "fights")
    assert _ids(capsys, folder, *asked, "--as-of", "2016-09-01") == ["army-fights"]
    assert _ids(capsys, folder, *asked, "--as-of", "2016-09-01", "--exact") == []
    assert _ids(capsys, folder, *asked, "--as-of", "2017-01-01") == []  # the army's fight is over
    # The air wing's fight of 2015 (symmetric, recorded the other way round) counts once the wing is part of
    # the army (2016): not in 2015.
    assert _ids(capsys, folder, *asked, "--as-of", "2015-06-01") == []
    assert _ids(capsys, folder, *asked) == ["wing-strikes", "army-fights"]  # undated: any time
    # The other ends too: who fights the army counts for the state asked as the object.
    assert _ids(capsys, folder, "--object", "patria", "--predicate", "fights", "--as-of", "2016-09-01") \
        == ["army-fights"]
    # A part's own question does not climb to the whole: the army's relations leave out Patria's backing.
    assert "patria-backs" not in _ids(capsys, folder, "--actor", "p-army", "--as-of", "2016-06-01")
    assert "patria-backs" in _ids(capsys, folder, "--actor", "patria", "--as-of", "2016-06-01")


_EPISODE_DATA = {
    "actors.yaml": """actors:
  - {id: land, name: Land, kind: state}
  - {id: land-air, name: Land Air Force, kind: armed_forces}
  - {id: militia-a, name: Militia A, kind: armed_group}
  - {id: militia-b, name: Militia B, kind: armed_group}
""",
    "sources.yaml": """sources:
  - {id: s1, title: A report, publisher: Example News, url: "https://example.org/1", published: 2021-03-01}
""",
    "claims.yaml": """claims:
  - {id: air-of-land, subject: land-air, predicate: part_of, object: land, valid: 2000/, sources: [s1]}
  - {id: strike, subject: land-air, predicate: fights, object: militia-a, valid: 2021-02-25,
     qualifiers: {episode: "true"}, sources: [s1]}
  - {id: raid, subject: militia-b, predicate: fights, object: land, valid: 2021-02-20/2021-02-22, sources: [s1]}
  - {id: campaign, subject: land, predicate: fights, object: militia-b, valid: 2021-02-01/2021-02-24,
     sources: [s1]}
  - {id: old-strike, subject: land, predicate: fights, object: militia-a, valid: 2021-02-10, sources: [s1]}
  - {id: month-strike, subject: land, predicate: fights, object: militia-a, valid: 2021-02, sources: [s1]}
  - {id: backing, subject: land, predicate: supports, object: militia-a, valid: 2021-02-25,
     support_types: [weapons], sources: [s1]}
""",
}


def _listed(capsys, folder, *argv):
    code, out, err = run(capsys, "relations", "--data", str(folder), *argv, "--format", "json")
    assert code == 0, err
    return [(r["id"], r["listed_as"]) for r in json.loads(out)]


def test_relations_at_a_date_list_the_short_fights_of_the_week_before(capsys, tmp_path):
    """A strike asked about the day after (or on its local day) is listed as an episode that just ended; a
    long campaign that just ended, a strike of weeks before and a fight dated only by its month are not."""
    for name, text in _EPISODE_DATA.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    asked = ("--subject", "land", "--predicate", "fights")
    # On its day the strike holds (through the air force, a part of Land); the raid ended on the 21st.
    assert _listed(capsys, tmp_path, *asked, "--as-of", "2021-02-25") == [
        ("month-strike", "match"), ("raid", "episode"), ("strike", "part")]
    assert _listed(capsys, tmp_path, *asked, "--as-of", "2021-02-26") == [
        ("month-strike", "match"), ("raid", "episode"), ("strike", "episode")]
    # The window is the seven days before the date: the strike's last day, 25 February, is in it up to 4 March;
    # the fight dated only by its month (it may have lasted all February) is no episode.
    assert _listed(capsys, tmp_path, *asked, "--as-of", "2021-03-04") == [("strike", "episode")]
    assert _listed(capsys, tmp_path, *asked, "--as-of", "2021-03-05") == []
    # From the other end, and without the state's parts.
    assert _listed(capsys, tmp_path, "--object", "militia-a", "--predicate", "fights", "--as-of", "2021-03-01") \
        == [("strike", "episode")]
    assert _listed(capsys, tmp_path, "--subject", "land-air", "--as-of", "2021-02-26") == [
        ("air-of-land", "match"), ("strike", "episode")]
    # Only fights: a one-day backing is no episode; --exact lists what holds on the date only.
    assert _listed(capsys, tmp_path, "--subject", "land", "--predicate", "supports", "--as-of", "2021-02-26") == []
    assert _listed(capsys, tmp_path, *asked, "--as-of", "2021-02-26", "--exact") == [("month-strike", "match")]
    # Undated, nothing is "before the date": every fight matching the filters, as always.
    assert {i for i, _ in _listed(capsys, tmp_path, *asked, "--exact")} == {
        "raid", "campaign", "old-strike", "month-strike"}
    # The table says why rows beyond the exact matches are there.
    code, out, _ = run(capsys, "relations", "--data", str(tmp_path), *asked, "--as-of", "2021-02-26")
    assert code == 0 and "2 short fights that ended in the 7 days before the date" in out
