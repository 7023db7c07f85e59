"""CSV files actorgraph writes for people and reads back itself: hostile keys stay inert there and exact here."""

from __future__ import annotations

import csv

import pytest

from graph.exports.escaping import FORMULA_START
from loaders import bundled_dataset, load_datasets
from loaders.cli.main import main
from loaders.imports import Crosswalk, CrosswalkEntry, import_files, read_unmatched
from loaders.news import Article, build_nlp, extract, merge_into
from ontology import DatasetInvalid

KEYS = ["=HYPERLINK(\"http://evil\")", "+1+cmd", "-2", "@x", "'=already quoted", "'Asa'ib Ahl al-Haq", "plain"]


def _cells(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def test_crosswalk_keys_round_trip_and_no_cell_is_a_formula(tmp_path):
    path = tmp_path / "cw.csv"
    cw = Crosswalk()
    for key in KEYS:
        cw = cw.set(CrosswalkEntry("acled", key, "hts", note=key))
    cw.save(path)
    assert sorted(e.key for e in Crosswalk.load(path).entries) == sorted(KEYS)
    assert all(not cell or cell[0] not in FORMULA_START or cell == "-2" for cell in _cells(path))


def test_a_hand_written_crosswalk_key_with_an_apostrophe_is_kept(tmp_path):
    path = tmp_path / "cw.csv"
    path.write_text("scheme,key,actor,from,to,note\nname,'Asa'ib Ahl al-Haq,aah,,,\nname,=1+1,x,,,\n",
                    encoding="utf-8")
    assert [e.key for e in Crosswalk.load(path).entries] == ["'Asa'ib Ahl al-Haq", "=1+1"]


def test_unmatched_names_from_outside_data_round_trip(tmp_path):
    edges = tmp_path / "edges.csv"
    edges.write_text("from,to\n\"=HYPERLINK(\"\"http://evil\"\")\",@SUM(1)\n", encoding="utf-8")
    out = tmp_path / "import"
    import_files("csv", [edges], out, mapping={"subject": "from", "object": "to", "predicate": "=supports"},
                 csv_source={"title": "T", "url": "https://x.org", "publisher": "P", "published": "2020"})
    assert {u.key for u in read_unmatched(out)} == {'=HYPERLINK("http://evil")', "@SUM(1)"}
    assert all(not cell or cell[0] not in FORMULA_START for cell in _cells(out / "unmatched.csv"))


def test_crosswalk_set_refuses_a_span_that_covers_no_day_and_saves_nothing(tmp_path, capsys):
    path = tmp_path / "cw.csv"
    Crosswalk().set(CrosswalkEntry("acled", "X", "hts")).save(path)
    before = path.read_bytes()
    assert main(["crosswalk", "set", "acled", "Y", "hts", "--to", "2015-06", "--from", "2016",
                 "--crosswalk", str(path)]) == 2
    assert "not after" in capsys.readouterr().err and path.read_bytes() == before
    assert main(["crosswalk", "set", "acled", "Y", "hts", "--from", "2015", "--to", "2015",
                 "--crosswalk", str(path)]) == 0  # a year up to the end of that year: covers days


@pytest.fixture(scope="module")
def seed_nlp():
    return build_nlp(load_datasets([bundled_dataset("seed")]))


def test_a_failed_merge_leaves_no_folder_behind(tmp_path, seed_nlp):
    ex = extract(Article("HTS captured Hama on Thursday.", "2024-12-05", "T", "P", "https://x.org/a"), seed_nlp)
    with pytest.raises(DatasetInvalid):
        merge_into(tmp_path / "news", ex, ex.candidates, context=[])  # the actors are nowhere: dangling ids
    assert list(tmp_path.iterdir()) == []


def test_a_merge_without_an_address_is_refused_before_writing(tmp_path, seed_nlp):
    ex = extract(Article("HTS captured Hama on Thursday.", "2024-12-05"), seed_nlp)
    with pytest.raises(DatasetInvalid, match="url"):
        merge_into(tmp_path / "news", ex, ex.candidates, context=[bundled_dataset("seed")])
    assert list(tmp_path.iterdir()) == []
