"""graph.frames: the claim table for pandas, the plain networkx graph for Gephi-like tools, notebook display.

Expected values are worked out by hand on :func:`tests.graph.helpers.small_graph`, and checked on the
bundled corpus against ``ActorGraph.claims`` (the rows) and networkx's own GEXF/GraphML readers.
"""

from __future__ import annotations

import sys
from datetime import date
from xml.etree import ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from graph import Actor, ActorGraph, Place
from graph.frames import CLAIM_COLUMNS, ClaimTable
from loaders import bundled_dataset, load_datasets
from tests.graph.helpers import claim, small_graph, source


@pytest.fixture(scope="module")
def small():
    return small_graph()


@pytest.fixture(scope="module")
def corpus():
    return load_datasets([bundled_dataset("syria")])


def _day(text):
    return pd.Timestamp(text) if text else pd.NaT


# ------------------------------------------------------------------------------------------ to_pandas


def test_to_pandas_one_row_per_claim_with_both_readings_of_partial_dates(small):
    df = small.to_pandas()
    assert list(df.columns) == list(CLAIM_COLUMNS)
    assert sorted(df["id"]) == sorted(c.id for c in small.all_claims())
    rows = df.set_index("id")
    c2 = rows.loc["c2"]  # 2011/2014: a year stays a year, its days are bounds
    assert (c2["valid"], c2["valid_from"], c2["valid_to"]) == ("2011/2014", "2011", "2014")
    assert (c2["subject_name"], c2["subject_kind"], c2["object_name"], c2["object_kind"]) == (
        "Southland", "state", "Central Government", "government")
    assert c2["possible_first"] == _day("2011-01-01") and c2["certain_first"] == _day("2011-12-31")
    assert c2["certain_last"] == _day("2013-12-31") < c2["possible_last"]
    assert c2["support_types"] == ("funding",) and c2["sources"] == 1
    c1 = rows.loc["c1"]  # an exact end is exclusive: the last day is the day before
    assert c1["possible_last"] == _day("2024-12-07") and c1["support_types"] == ("troops", "diplomatic")
    c4 = rows.loc["c4"]  # open end: no last day; two sources
    assert c4["valid_to"] == ".." and pd.isna(c4["possible_last"]) and c4["sources"] == 2
    c14 = rows.loc["c14"]  # one month, never certain on any day
    assert not c14["ever_certain"] and pd.isna(c14["certain_first"]) and c14["status"] == "disputed"
    assert c14["possible_first"] == _day("2016-12-01") and c14["possible_last"] == _day("2016-12-31")
    c11 = rows.loc["c11"]  # an unknown end is not an open one
    assert pd.isna(c11["valid_to"]) and rows.loc["c12"]["valid_to"] == ".."
    assert str(df["possible_first"].dtype).startswith("datetime64") and df["sources"].dtype == "int64"


def test_to_pandas_takes_the_filters_and_point_of_view_of_claims(small):
    df = small.to_pandas(actor="south", predicate="supports")
    assert sorted(df["id"]) == ["c11", "c14", "c2"]
    on = small.to_pandas(as_of="2016-06")
    assert sorted(on["id"]) == sorted(c.id for c in small.claims(as_of="2016-06"))
    assert "c2" not in set(on["id"]) and "c3" in set(on["id"])
    known = small.to_pandas(known_as_of="2020").set_index("id")
    assert "c9" not in known.index  # its only source (s3) is from 2024
    assert known.loc["c4", "sources"] == 1  # s1 was out by 2020, s3 was not


def test_to_pandas_rows_match_claims_on_the_corpus(corpus):
    df = corpus.to_pandas(as_of="2016-06-01", certainty="certain")
    claims = corpus.claims(as_of="2016-06-01", certainty="certain")
    assert len(df) == len(claims) > 50
    assert list(df["id"]) == [c.id for c in claims]
    by_id = {c.id: c for c in claims}
    for row in df.head(40).itertuples():
        c = by_id[row.id]
        assert (row.subject, row.predicate, row.object, row.status) == (c.subject, c.predicate.value, c.object,
                                                                        c.status.value)
        assert row.sources == len(corpus.sources_of(c))
        assert row.valid == (c.valid.edtf or None)


def test_to_pandas_without_pandas_says_how_to_install_it(small, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"pip install 'actorgraph\[pandas\]'"):
        small.to_pandas()
    with pytest.raises(ImportError, match="pip install"):
        small.table().to_pandas()


# ---------------------------------------------------------------------------------------- to_networkx


def test_to_networkx_has_scalar_attributes_and_the_actors_alive_then(small):
    h = small.to_networkx("2016-06")
    assert isinstance(h, nx.MultiDiGraph)
    assert "front2" not in h and "league" not in h  # founded later
    assert h.nodes["cap"]["type"] == "place" and h.nodes["front"]["founded"] == "2012"
    assert h.nodes["north"] == {"name": "Northland", "kind": "state", "type": "actor", "country": "",
                                "founded": "", "dissolved": ""}
    assert set(h.edges(keys=True)) == {(c.subject, c.object, c.id) for c in small.claims(as_of="2016-06")}
    e = h.edges["front", "gov", "c4"]
    assert e["predicate"] == "fights" and e["symmetric"] is True and e["possible_last"] == ""
    assert e["valid"] == "2012-07/.." and e["possible_first"] == "2012-07-01" and e["sources"] == 2
    for _, _, data in h.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data
    for _, data in h.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data


def test_to_networkx_without_places_and_collapsed():
    g = ActorGraph()
    g.add(actors=[Actor("a", "A", "armed_group"), Actor("b", "B", "armed_group"), Actor("c", "C", "state")],
          places=[Place("p", "P", "city", 35.0, 36.0)], sources=[source("s1", "2019")],
          claims=[claim("k1", "a", "fights", "b", "2015/2016"), claim("k2", "b", "fights", "a", "2015-06/2017"),
                  claim("k3", "a", "fights", "b", "2015-03/2015-09"), claim("k4", "c", "supports", "a", "2014/.."),
                  claim("k5", "c", "opposes", "a", "2015-02/2015-10"), claim("k6", "a", "controls", "p", "2015/..")])
    full = g.to_networkx("2015-07")
    assert full.degree("a") == 6  # every claim counts, parallel ones included
    flat = g.to_networkx("2015-07", places=False, collapse=True)
    assert isinstance(flat, nx.DiGraph) and not flat.is_multigraph()
    assert "p" not in flat and sorted(flat.nodes) == ["a", "b", "c"]
    assert flat.number_of_edges() == 2  # a-b (three fights, either direction) and c->a (two kinds)
    assert flat["a"]["b"]["count"] == 3 and sorted(flat["a"]["b"]["claims"].split(";")) == ["k1", "k2", "k3"]
    assert flat["c"]["a"]["predicate"] == "opposes;supports" and flat["c"]["a"]["weight"] == 2
    assert flat.degree("a") == 2
    later = g.to_networkx("2017-03", places=False, collapse=True)
    assert (later["a"]["b"]["count"], later["a"]["b"]["claims"]) == (1, "k2")  # recorded b->a, read either way
    assert not later.has_edge("b", "a")


def test_to_networkx_respects_knowledge_time(small):
    h = small.to_networkx(known_as_of="2020")
    assert not any(key in ("c9", "c10", "c13") for _, _, key in h.edges(keys=True))
    assert h.graph["known_as_of"] == "2020"
    assert {k for _, _, k in h.edges(keys=True)} == {c.id for c in small.claims(known_as_of="2020")}


def test_gexf_and_graphml_accept_it_and_read_it_back(corpus, tmp_path):
    h = corpus.to_networkx("2016-06-01")
    assert h.number_of_edges() > 50
    nx.write_gexf(h, tmp_path / "g.gexf")
    nx.write_graphml(h, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.number_of_nodes() == h.number_of_nodes() and back.number_of_edges() == h.number_of_edges()
    some = next(iter(h.edges(keys=True, data=True)))
    got = back.get_edge_data(some[0], some[1])
    assert some[3]["claim_id"] in {d["claim_id"] for d in got.values()}
    assert {back.nodes[n]["name"] for n in back} == {h.nodes[n]["name"] for n in h}
    root = ET.parse(tmp_path / "g.gexf").getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    assert len(root.findall(".//g:edge", ns)) == h.number_of_edges()
    flat = corpus.to_networkx("2016-06-01", places=False, collapse=True)
    nx.write_gexf(flat, tmp_path / "flat.gexf")
    assert not any(h.nodes[n]["type"] == "place" for n in flat)
    assert sum(d["count"] for _, _, d in flat.edges(data=True)) <= h.number_of_edges()


# ---------------------------------------------------------------------------------- notebook display


def test_claim_table_shows_as_an_escaped_html_table(small):
    table = small.table(actor="south", as_of="2016-12-15")
    assert isinstance(table, ClaimTable) and [c.id for c in table] == [c.id for c in
                                                                       small.claims(actor="south", as_of="2016-12-15")]
    page = table._repr_html_()
    assert page.count("<tr>") == len(table) + 1
    assert "https://example.org/s2" in page and "Southland" in page
    hostile = ActorGraph()
    hostile.add(actors=[Actor("x", "<script>alert(1)</script>", "armed_group"), Actor("y", "Y & Z", "state")],
                sources=[source("s1")], claims=[claim("k", "y", "supports", "x", "2015")])
    html_out = hostile.table()._repr_html_()
    assert "<script>" not in html_out and "&lt;script&gt;" in html_out and "Y &amp; Z" in html_out
    frame = table.to_pandas()
    assert list(frame["id"]) == [c.id for c in table]


def test_explanation_shows_in_a_notebook(corpus):
    from queries.explain import explain

    e = explain(corpus, "Who supports the Assad government?", as_of=date(2016, 6, 1))
    fragment = e._repr_html_()
    assert fragment.startswith('<div class="actorgraph-explanation">') and fragment.endswith("</div>")
    assert "<body" not in fragment and "<html" not in fragment
    assert "Russia" in fragment and 'id="fn-1"' in fragment
    assert ".actorgraph-explanation {" in fragment  # the page's style, scoped to the fragment
